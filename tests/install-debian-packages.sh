#!/usr/bin/env bash
# Installs the Debian packages named on the command line that are missing (a command of the same name is not on
# PATH and dpkg does not list the package as installed: fonts have no command), as root or through sudo: apt-get update
# first, and one retry of a failed install.
#   bash tests/install-debian-packages.sh curl chromium
set -euo pipefail

missing=()
for package in "$@"; do
  command -v "$package" >/dev/null 2>&1 \
    || dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$package")
done
[ "${#missing[@]}" -eq 0 ] && exit 0

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    echo "Need root (or sudo) to run: $*" >&2
    return 1
  fi
}

echo "Installing Debian packages: ${missing[*]}"
as_root apt-get update -q
# A transient dpkg error has been seen here once: try a second time before giving up.
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" \
  || { sleep 5; as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"; }
