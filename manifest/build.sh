#!/usr/bin/env bash
# Builds the Teams app package: the README's one command. Installs the build's pinned npm packages when they are
# missing (once), then runs build.mjs with the same arguments:
#   bash manifest/build.sh --bot-id <guid> --domain <host> [--version 1.0.0] [--out artifacts/chatrequests-app.zip]
set -euo pipefail
# Only bash built-ins until Node is known to be there (so that even a bare PATH gets a clear message).
script=${BASH_SOURCE[0]}
[[ $script == */* ]] || script=./$script
here=$(cd "${script%/*}" && pwd)

"$BASH" "$here/../tools/prepare-npm.sh" "$here" "Building the Teams app package"
exec node "$here/build.mjs" "$@"
