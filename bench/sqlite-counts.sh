#!/usr/bin/env bash
# What the bot asks of SQLite, counted (load does not change counts): runs the load driver (arguments passed on) while
# uprobes on the bot's libe_sqlite3.so record each sqlite3_prepare_v2 with its SQL text, each sqlite3_step and each
# sqlite3_open_v2, and the bot's fsync, pread64 and pwrite64; then prints each per request the run created (one per
# lifecycle in --lifecycles runs, warm-up included). Uprobes slow the bot several times over: the run's CPU figures are
# not to be read. Needs perf, python3 and root (uprobes are added to /sys/kernel/tracing and removed afterwards).
#
#   bash bench/sqlite-counts.sh --lifecycles 200 --warmup 5 --concurrency 16      # counts in the folder it prints
# Only --lifecycles runs: the requests a run created are counted from these arguments (sqlite-counts.py).
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/chatrequests-sqlite-counts.XXXXXX")
bot="$root/bot/ChatRequests.Bot/bin/Release/net10.0/ChatRequests.Bot.dll"
lib="$root/bot/ChatRequests.Bot/bin/Release/net10.0/runtimes/linux-x64/native/libe_sqlite3.so"
events=/sys/kernel/tracing/uprobe_events

dotnet build -c Release "$root/bench/ChatRequests.LoadDriver" -nologo -v q >/dev/null
dotnet build -c Release "$root/bot/ChatRequests.Bot" -nologo -v q >/dev/null

# At the function's own address (a probe by name also hits the library's PLT stub, counting internal calls twice).
address() { printf '0x%s' "$(nm -D "$lib" | awk -v s="$1" '$3 == s && $2 == "T" { print $1 }')"; }
probes=(prepare step open)
remove() { for p in "${probes[@]}"; do echo "-:chatrequests/$p" >>"$events" 2>/dev/null; done; }
remove
trap remove EXIT
echo "p:chatrequests/prepare $lib:$(address sqlite3_prepare_v2) sql=+0(%si):string" >>"$events"
echo "p:chatrequests/step $lib:$(address sqlite3_step)" >>"$events"
echo "p:chatrequests/open $lib:$(address sqlite3_open_v2)" >>"$events"

dotnet "$root/bench/ChatRequests.LoadDriver/bin/Release/net10.0/ChatRequests.LoadDriver.dll" "$@" >"$out/run.txt" 2>"$out/windows.tsv" &
driver=$!
pid=""
until [ -n "$pid" ] || ! kill -0 "$driver" 2>/dev/null; do
  pid=$(pgrep -f "$bot" | head -1)
  sleep 0.02
done
# Ends with the bot's process.
perf record -q -p "$pid" -o "$out/perf.data" \
  -e chatrequests:prepare -e chatrequests:step -e chatrequests:open \
  -e syscalls:sys_enter_fsync -e syscalls:sys_enter_pread64 -e syscalls:sys_enter_pwrite64 >/dev/null 2>&1 &
wait "$driver"
wait
perf script -i "$out/perf.data" -F event,trace 2>/dev/null | python3 "$root/bench/sqlite-counts.py" "$@" >"$out/counts.txt"
echo "run: $out/run.txt; counts per request: $out/counts.txt"
