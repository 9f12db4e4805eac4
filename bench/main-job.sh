#!/usr/bin/env bash
# The main job's benchmark: `llmgs search --task DoorKey` (10^6 programs) on the cpu backend,
# ROUNDS times, each followed by `llmgs profile` on the Karel benchmark workload, so that the two
# figures come from the same minutes of a noisy machine. Prints each run's wall time, programs/s
# and time split (engine = waiting for scores, generation = everything else on the search
# thread), the medians, and the ratio main-job programs/s over profile programs/s, which
# travels between machines better than seconds do.
#
#   bench/main-job.sh [ROUNDS] [extra search options...]      (default 3 rounds)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
rounds="${1:-3}"
shift || true
work="$(mktemp -d "${TMPDIR:-/tmp}/llmgs-main-job.XXXXXX")"
trap 'rm -rf "$work"' EXIT
workload="$root/bench/src/main/resources/io/github/llmgs/bench/neighborhood-1024.txt"

"$root/llmgs" tasks >/dev/null # builds once, outside the timings
for r in $(seq 1 "$rounds"); do
    "$root/llmgs" search --task DoorKey --backend cpu --out "$work/run-$r" "$@" >"$work/search-$r.log" 2>&1
    "$root/llmgs" profile --workload "$workload" --task DoorKey --backend cpu --json >"$work/profile-$r.json" 2>"$work/profile-$r.log"
done

python3 - "$work" "$rounds" <<'PY'
import glob, json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])

def profile_rate(path):
    d = json.loads([l for l in open(path) if l.startswith("{")][-1])  # the text report, then one JSON line
    if "programs_per_s" in d:
        return d["programs_per_s"]
    for b in d.get("backends", []):  # several backends in one profile
        if b.get("backend") == "cpu":
            return b["programs_per_s"]
    raise SystemExit(f"{path}: no programs_per_s")

rows = []
for r in range(1, rounds + 1):
    result = json.load(open(glob.glob(f"{work}/run-{r}/**/result.json", recursive=True)[0]))
    e = result["engine"]
    rate = result["programs_evaluated"] / result["wall_seconds"]
    rows.append((result["wall_seconds"], rate, e["waiting_seconds"], e["generating_seconds"], profile_rate(f"{work}/profile-{r}.json"),
                 result.get("episodes_computed"), result["programs_computed"], result["best_score"], result["best_found_at"]))
    print(f"run {r}: {rows[-1][0]:6.1f} s  {rate:9,.0f} programs/s  engine {e['waiting_seconds']:5.1f} s  "
          f"generation {e['generating_seconds']:5.1f} s  profile {rows[-1][4]:9,.0f} programs/s  "
          f"episodes {rows[-1][5]}  best {rows[-1][7]} at {rows[-1][8]:,}")
med = [statistics.median(c) for c in list(zip(*rows))[:5]]
print(f"median: {med[0]:.1f} s wall, {med[1]:,.0f} programs/s, engine {med[2]:.1f} s, generation {med[3]:.1f} s, "
      f"profile {med[4]:,.0f} programs/s, ratio main job / profile {med[1] / med[4]:.2f}")
PY
