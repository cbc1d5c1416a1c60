#!/usr/bin/env bash
# Starts the Microsoft 365 Agents Playground as one persona of the sample organisation, talking to the local bot:
#   bash samples/playground/start.sh <megan|alex|adele> [port] [bot messaging endpoint]
# Installs the pinned playground when missing (once), listens on 127.0.0.1 only, sends no telemetry (playground.env,
# --dt) and writes its log outside the repository. Stops with Ctrl+C (or kill of the PID it prints: the script becomes the playground).
set -euo pipefail
script=${BASH_SOURCE[0]}
[[ $script == */* ]] || script=./$script
here=$(cd "${script%/*}" && pwd)

persona=${1:-}
declare -A default_ports=([megan]=56150 [alex]=56151 [adele]=56152)
config=$here/$persona.yml
if [ -z "$persona" ] || [ ! -f "$config" ]; then
  echo "Usage: bash samples/playground/start.sh <persona> [port] [bot messaging endpoint]" >&2
  echo "A persona is a configuration here: megan (employee), alex (her manager) or adele (Hardware Service)." >&2
  exit 2
fi
port=${2:-${default_ports[$persona]:-56150}}
endpoint=${3:-http://127.0.0.1:3978/api/messages}

"$BASH" "$here/../../tools/prepare-npm.sh" "$here" "The Agents Playground"

while IFS= read -r line; do
  [[ -z $line || $line == \#* ]] && continue
  export "${line%%=*}=${line#*=}"
done < "$here/playground.env"
log_dir=${TMPDIR:-/tmp}/chatrequests-playground
export M365_AGENTS_PLAYGROUND_CONFIG_PATH=$config
export M365_AGENTS_PLAYGROUND_LOGFILE=$log_dir/$persona.log

echo "Agents Playground for $persona: http://localhost:$port (PID $$, log $M365_AGENTS_PLAYGROUND_LOGFILE)"
# loopback.cjs: it would listen on every network interface otherwise.
exec node -r "$here/loopback.cjs" "$here/node_modules/@microsoft/m365agentsplayground/cli.js" -e "$endpoint" -c msteams -p "$port" --dt
