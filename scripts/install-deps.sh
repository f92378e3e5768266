#!/usr/bin/env bash
# Installs the system packages Panelist builds against, when missing (Debian/Ubuntu).
set -euo pipefail
packages=(pkg-config libsqlite3-dev libcurl4-openssl-dev libedit-dev zlib1g-dev libzstd-dev python3)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
