#!/usr/bin/env bash
# The GPU checks in one call, on a machine bench/device-pack.sh prepared this checkout for:
# OpenCL conformance on the device (Karel, MiniGrid, the search replay), the profiler on both
# domains with cpu and opencl side by side, and the whole-sweep benchmark. Every step has its own
# time limit, together 535 s, so the call ends inside the device tool's 10 minutes (run it with
# timeout_s 600); a step cut short still leaves what it printed. Output goes to $OUT (at most 8
# files come back), else to ./device-out.
#
#   DEVICE=NVIDIA (default; any part of an OpenCL device name)   QUICK=1: small budgets, for a dry run here
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
out="${OUT:-$root/device-out}"
mkdir -p "$out"
device="${DEVICE:-NVIDIA}"
pack="$root/.device"
java="$pack/jre/bin/java"
[[ -x "$java" ]] || java="$(readlink -f "$(command -v java)")" # a dry run where a JDK is installed
if [[ -d "$pack/root" ]]; then
    export LD_LIBRARY_PATH="$pack/root/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    [[ "$device" == NVIDIA ]] && export OCL_ICD_VENDORS="$pack/vendors"
fi
jar="$pack/llmgs.jar"
[[ -f "$jar" ]] || jar="$root/search/target/llmgs.jar"
jsig="$(dirname "$(dirname "$java")")/lib/libjsig.so"
llmgs=(env LD_PRELOAD="$jsig" "$java" -Xss8m -jar "$jar")
budget=100000 seeds=0-31 tasks_budget=100000
[[ "${QUICK:-0}" == 1 ]] && budget=3000 seeds=0-3 tasks_budget=500
workload=bench/src/main/resources/io/github/llmgs/bench

step() { # step LIMIT_S FILE TITLE LLMGS-ARGS...: appends llmgs's output to $out/FILE
    local limit="$1" file="$2" title="$3"
    shift 3
    echo "== $title ($(date -u +%H:%M:%S), limit ${limit}s)" | tee -a "$out/$file"
    local start=$SECONDS
    timeout "$limit" "${llmgs[@]}" "$@" >>"$out/$file" 2>&1
    local rc=$?
    echo "== exit $rc after $((SECONDS - start)) s" | tee -a "$out/$file"
}

{ uname -a; nvidia-smi -L 2>&1; "$java" -version 2>&1; } > "$out/machine.txt"
for v in karel minigrid search; do
    step 60 conformance.txt "conformance $v" conformance --vectors "engine/src/test/resources/conformance/$v" --backend opencl --device "$device"
done
step 60 profile.txt "profile DoorKey cpu,opencl" profile --workload "$workload/neighborhood-1024.txt" --task DoorKey \
    --backends cpu,opencl --device "$device" --json
step 45 profile.txt "profile LavaGap cpu,opencl" profile --workload "$workload/minigrid-1024.txt" --task LavaGap \
    --backends cpu,opencl --device "$device" --json
step 130 sweep.txt "profile-sweep DoorKey shc $seeds on opencl" profile-sweep --task DoorKey --method shc --seeds "$seeds" \
    --budget "$budget" --backend opencl --device "$device" --json
runs="${TMPDIR:-/tmp}/llmgs-device-runs"
rm -rf "$runs"
step 120 sweep.txt "sweep 12 tasks x $seeds, shc, on opencl" sweep \
    --tasks StairClimber,Maze,FourCorners,TopOff,Harvester,CleanHouse,DoorKey,OneStroke,Seeder,Snake,WallAvoider,PathFollow \
    --methods shc --seeds "$seeds" --budget "$tasks_budget" --backend opencl --device "$device" --out "$runs"
cp "$runs/summary.md" "$out/sweep-summary.md" 2>/dev/null
grep -hE "^== |^[0-9,]+ passed|^programs/s|^device |vs cpu|^one run|runs at once|together /|^Engine" "$out"/*.txt > "$out/summary.txt"
cat "$out/summary.txt"
