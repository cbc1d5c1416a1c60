#!/usr/bin/env bash
# Replaces the bundled Microsoft Teams JavaScript client library with the pinned version from npm (the host serves it
# at /dashboard/teams-js.js from the bot's assembly: no CDN). Change VERSION here and in README.md, run, commit both files.
set -euo pipefail
VERSION=2.58.0
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/teams-js@$VERSION" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/dist/umd/MicrosoftTeams.min.js" "$work/package/LICENSE" "$here/"
sha256sum "$here/MicrosoftTeams.min.js"
