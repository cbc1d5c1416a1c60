#!/usr/bin/env bash
# The bot's start with the sentence encoder (ADR 0044), against the bare echo bot of the load driver: CPU time and wall
# time until /health says "encoder": "ready" (until the bot answers, for the echo bot and the bot with the encoder off),
# the peak RSS by then (VmHWM) and the RSS after an idle spell (VmRSS). Three bot starts: the encoder off; on with an
# empty cache folder (slims and keeps the model); on again with that folder (reads it). Each process is started here on
# 127.0.0.1 and stopped by its PID. Needs the Release builds of the bot and the load driver:
#   dotnet build -c Release bot/ChatRequests.Bot && dotnet build -c Release bench/ChatRequests.LoadDriver
# Usage: bash bench/encoder-start.sh [idle seconds, default 30] [model: MiniLM (default) or ArcticXs, ADR 0048]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bot="$root/bot/ChatRequests.Bot/bin/Release/net10.0/ChatRequests.Bot.dll"
echo_bot="$root/bench/ChatRequests.LoadDriver/bin/Release/net10.0/ChatRequests.LoadDriver.dll"
idle="${1:-30}"
model="${2:-MiniLM}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
ticks="$(getconf CLK_TCK)"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_seconds() { awk -v t="$ticks" '{ print ($14 + $15) / t }' "/proc/$1/stat"; }
kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

# measure NAME READY-PATTERN COMMAND...: starts COMMAND (PORT in it replaced by a free port), waits until its /health (or /) matches, prints one row.
measure() {
  local name="$1" pattern="$2" port; shift 2
  port="$(free_port)"
  local started; started="$(date +%s.%N)"
  ASPNETCORE_ENVIRONMENT=Development "${@//PORT/$port}" >"$work/$name.log" 2>&1 &
  local pid=$!; pids+=("$pid")
  local path=/health; [[ "$pattern" == "echo bot" ]] && path=/
  until curl -sf "http://127.0.0.1:$port$path" 2>/dev/null | grep -q "$pattern"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited:"; tail -20 "$work/$name.log"; exit 1; }
    sleep 0.2
  done
  local ready; ready="$(date +%s.%N)"
  local cpu; cpu="$(cpu_seconds "$pid")"; local peak; peak="$(kib "$pid" VmHWM)"
  sleep "$idle"
  local rss; rss="$(kib "$pid" VmRSS)"
  printf '%-34s %8.1f s %8.2f s %8.0f MiB %8.0f MiB\n' "$name" "$(echo "$ready - $started" | bc)" "$cpu" "$((peak / 1024))" "$((rss / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

data() { mkdir -p "$work/$1"; echo "--Storage:SqlitePath=$work/$1/requests.db"; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); idle spell ${idle} s; model $model"
printf '%-34s %10s %10s %12s %12s\n' "" "wall" "CPU" "peak RSS" "idle RSS"
urls=--Urls=http://127.0.0.1:PORT
measure "echo bot" "echo bot" dotnet "$echo_bot" --echo-bot --port PORT
measure "bot, encoder off" '"encoder":"off"' dotnet "$bot" "$urls" "$(data off)" --Intake:Encoder:Enabled=false
measure "bot, encoder on, empty cache" '"encoder":"ready"' dotnet "$bot" "$urls" "$(data first)" --Intake:Encoder:CacheFolder="$work/cache" --Intake:Encoder:ModelName="$model"
measure "bot, encoder on, model kept" '"encoder":"ready"' dotnet "$bot" "$urls" "$(data second)" --Intake:Encoder:CacheFolder="$work/cache" --Intake:Encoder:ModelName="$model"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
