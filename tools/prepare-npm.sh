#!/usr/bin/env bash
# Prepares a folder's pinned npm packages for a command that needs them: checks that Node.js and npm are on the PATH
# and new enough, and runs npm ci (quietly) when the packages are missing or older than the folder's package-lock.json.
# Says what to do and exits 1 when it cannot. Uses bash built-ins only, besides node and npm.
#   bash tools/prepare-npm.sh <folder with package-lock.json> "<what needs them, to start the messages with>"
set -uo pipefail

folder=$1
needs=$2
min_node=20
min_npm=7 # reads package-lock.json version 3

fail() {
  printf '%s\n' "$@" >&2
  exit 1
}

# "v20.20.2" or "11.19.1" -> 20 or 11; anything else -> 0.
major() {
  local version=${1#v}
  version=${version%%.*}
  [[ $version =~ ^[0-9]+$ ]] && echo "$version" || echo 0
}

install_hint="Install Node.js $min_node or later with npm (https://nodejs.org, or e.g. apt-get install nodejs npm), then run this again."

command -v node >/dev/null 2>&1 \
  || fail "$needs needs Node.js $min_node or later, and there is no node on the PATH." "$install_hint"
node_version=$(node --version 2>/dev/null)
[ "$(major "$node_version")" -ge "$min_node" ] \
  || fail "$needs needs Node.js $min_node or later; the node on the PATH is ${node_version:-not working}." "$install_hint"

# npm ci writes node_modules/.package-lock.json: newer than package-lock.json means installed as pinned.
installed=$folder/node_modules/.package-lock.json
if [ -f "$installed" ] && ! [ "$folder/package-lock.json" -nt "$installed" ]; then
  exit 0
fi

command -v npm >/dev/null 2>&1 \
  || fail "$needs needs npm to install its packages, and there is no npm on the PATH." "$install_hint"
npm_version=$(npm --version 2>/dev/null)
[ "$(major "$npm_version")" -ge "$min_npm" ] \
  || fail "$needs needs npm $min_npm or later to install its packages; the npm on the PATH is ${npm_version:-not working}." "$install_hint"

shown=${folder#"$PWD"/}
echo "Installing the npm packages pinned in $shown/package-lock.json (once)..." >&2
if ! output=$(npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error 2>&1); then
  fail "$output" "npm ci in $shown failed (above); $needs cannot go on without its packages."
fi
