#!/usr/bin/env bash
# Prepares what a lent GPU machine needs to run bench/device-check.sh, which has no Java and no
# package registry: a jlinked Java runtime, the fat jar, Debian's OpenCL ICD loader unpacked
# with dpkg -x, and an ICD file naming the NVIDIA driver's libnvidia-opencl.so.1. Everything
# goes to .device/ (ignored through .git/info/exclude), which must stay under the device tool's
# 64 MiB together with the tracked tree; the script prints the total.
#
#   bench/device-pack.sh            then: device run, carry [".device"], command "bash bench/device-check.sh"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
dir="$root/.device"
cd "$root"
grep -qx '/.device/' .git/info/exclude 2>/dev/null || echo '/.device/' >> .git/info/exclude
mvn -B -q package -DskipTests -pl search -am
rm -rf "$dir.tmp" && mkdir -p "$dir.tmp/vendors"
# no java.desktop: profile, profile-sweep, sweep and conformance draw no pictures
jlink --add-modules java.base,java.sql,java.logging,java.management,jdk.unsupported --compress=2 \
    --strip-debug --no-header-files --no-man-pages --output "$dir.tmp/jre"
cp search/target/llmgs.jar "$dir.tmp/llmgs.jar"
(cd "$dir.tmp" && apt-get download ocl-icd-libopencl1 >/dev/null && dpkg -x ocl-icd-libopencl1_*.deb root && rm ocl-icd-libopencl1_*.deb)
echo libnvidia-opencl.so.1 > "$dir.tmp/vendors/nvidia.icd"
rm -rf "$dir" && mv "$dir.tmp" "$dir"
tracked=$(git ls-files -z | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
packed=$(du -sb "$dir" | cut -f1)
total=$((tracked + packed))
printf '.device: %d MB; with the tracked tree %d MB of the 64 MiB (%d MB) that may travel\n' \
    $((packed / 1000000)) $((total / 1000000)) $((64 * 1048576 / 1000000))
if (( total > 64 * 1048576 )); then
    echo "too large to travel: leave something out" >&2
    exit 1
fi
