#!/usr/bin/env bash
# Where the bot's CPU goes, per turn kind: runs the load driver (arguments passed on) under `perf record` on core 1,
# where the bot and the echo bot run, then writes one perf report per turn kind and concurrency, cut to the measured
# window the driver prints on stderr. JIT-compiled frames are named through the runtime's perf map
# (DOTNET_PerfMapEnabled=3; W^X off, or perf sees the code as a memfd file and ignores the map), then summed up by
# component (profile-summary.py). Needs perf, python3 and the right to use perf (root, or perf_event_paranoid <= 1).
#
#   bash bench/profile.sh --concurrency 8 --requests 2000      # reports in the folder it prints
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/chatrequests-profile.XXXXXX")
driver="$root/bench/ChatRequests.LoadDriver/bin/Release/net10.0/ChatRequests.LoadDriver.dll"

dotnet build -c Release "$root/bench/ChatRequests.LoadDriver" -nologo -v q >/dev/null
# -k CLOCK_MONOTONIC: the clock of the driver's windows (Stopwatch on Linux).
DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 perf record -q -C 1 -g -k CLOCK_MONOTONIC -F 1999 -o "$out/perf.data" -- \
  dotnet "$driver" "$@" >"$out/run.txt" 2>"$out/windows.tsv"

pids=()
while IFS=$'\t' read -r tag concurrency kind pid from to; do
  case "$tag" in
    driver) pids+=("$concurrency") ;;
    measured)
      name=$(printf '%s' "$kind" | tr -c 'A-Za-z0-9\n' '-' | tr -s '-' | sed 's/^-//; s/-$//')
      pids+=("$pid")
      perf report -i "$out/perf.data" --pid "$pid" --time "$from,$to" --children --sort sym --stdio -g none --percent-limit 0.5 \
        >"$out/c$concurrency-$name.symbols.txt" 2>/dev/null
      perf script -i "$out/perf.data" --pid "$pid" --time "$from,$to" -F comm,tid,time,ip,sym,dso \
        >"$out/c$concurrency-$name.stacks.txt" 2>/dev/null
      python3 "$root/bench/profile-summary.py" <"$out/c$concurrency-$name.stacks.txt" >"$out/c$concurrency-$name.txt"
      ;;
  esac
done <"$out/windows.tsv"

# The perf maps the runtime wrote for the driver and the bots.
for pid in $(printf '%s\n' "${pids[@]}" | sort -u); do rm -f "/tmp/perf-$pid.map"; done
echo "run: $out/run.txt; per turn kind: $out/c<concurrency>-<kind>.txt (by component), .symbols.txt (by method), .stacks.txt (every sample); raw: $out/perf.data"
