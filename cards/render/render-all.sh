#!/usr/bin/env bash
# Writes every card the bot sends (bound with the sample data) as JSON and renders each to PNG.
#   cards/render/render-all.sh [out-folder]     default: <repo>/artifacts/cards (gitignored)
# Leaves <out-folder>/json/*.json and <out-folder>/png/*.png. Needs the .NET SDK, Node 20 + npm and
# Debian's chromium (apt-get install -y chromium); downloads no browser.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/artifacts/cards}"
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

if [[ ! -x "$chromium" ]]; then
  echo "No Chromium at $chromium: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  exit 1
fi

mkdir -p "$out"
out="$(cd "$out" && pwd)"
# Start from empty folders so a card that no longer exists leaves no picture behind.
rm -rf "$out/json" "$out/png"

echo "== Binding the cards with the sample data"
dotnet run --project "$root/cards/ChatRequests.Cards.Gallery" -c Release -- "$out/json"

echo "== Installing the renderer (package-lock.json)"
(cd "$here" && npm ci --ignore-scripts --no-audit --no-fund)

echo "== Rendering"
CHROMIUM_PATH="$chromium" node "$here/render.mjs" --strict "$out/json" "$out/png"
