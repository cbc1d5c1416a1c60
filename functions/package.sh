#!/usr/bin/env bash
# Builds the Functions app's deployment zip: the custom handler published self-contained for linux-x64 (the Functions
# host on Linux brings no .NET 10 runtime), host.json and one folder per function, with the handler's execute bit kept
# in the zip (the host starts it as an executable and, on a Dedicated plan, does not restore the bit).
#   functions/package.sh [out.zip]                       publish, then zip (default: artifacts/functions.zip)
#   functions/package.sh --zip <published folder> <out.zip>   only the zipping step, of a folder already published
# Deploy the zip with: az functionapp deployment source config-zip -g <group> -n <functions app> --src <out.zip>
# Needs the .NET SDK and zip (Info-ZIP, which stores Unix permissions). Run it on Linux: a zip made on Windows has none.
set -euo pipefail
cd "$(dirname "$0")/.."

project=functions/ChatRequests.Functions
executable=ChatRequests.Functions # host.json: customHandler.description.defaultExecutablePath

die() { echo "package.sh: $*" >&2; exit 1; }

zip_folder() {
  local folder="$1" zip_path="$2"
  [[ -f "$folder/host.json" ]] || die "$folder has no host.json: not a published function app"
  [[ -f "$folder/$executable" ]] || die "$folder has no $executable: publish self-contained for linux-x64"
  compgen -G "$folder/*/function.json" > /dev/null || die "$folder has no */function.json"
  command -v zip > /dev/null || die "needs zip (apt-get install zip)"
  chmod 755 "$folder/$executable"
  mkdir -p "$(dirname "$zip_path")"
  zip_path="$(cd "$(dirname "$zip_path")" && pwd)/$(basename "$zip_path")"
  rm -f "$zip_path"
  # -X: no extra fields, so the zip depends only on the files; permissions stay in the external attributes.
  (cd "$folder" && zip -q -r -X "$zip_path" .)
  echo "$zip_path"
}

if [[ "${1:-}" == --zip ]]; then
  [[ $# -eq 3 ]] || die "usage: functions/package.sh --zip <published folder> <out.zip>"
  zip_folder "$2" "$3"
  exit 0
fi

[[ $# -le 1 ]] || die "usage: functions/package.sh [out.zip]"
zip_path="${1:-artifacts/functions.zip}"
published="$(mktemp -d)"
trap 'rm -rf "$published"' EXIT
dotnet publish "$project" -c Release -r linux-x64 --self-contained true -o "$published" --nologo -v quiet >&2
zip_folder "$published" "$zip_path"
