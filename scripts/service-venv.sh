#!/usr/bin/env bash
# Prepares the Python venv of the service tests' real clients — the official MCP SDK (`mcp`) and OpenAI
# client (`openai`) from PyPI — outside the repository, and prints its python:
#   "$(scripts/service-venv.sh)" Tests/PanelistCLITests/Clients/openai_client.py URL …
# The venv is ${PANELIST_SERVICE_VENV:-~/.cache/panelist-service-venv}; a no-op when it is ready.
set -euo pipefail
venv="${PANELIST_SERVICE_VENV:-$HOME/.cache/panelist-service-venv}"
packages=(mcp==2.3.0 openai==3.57.0)
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
if ! "$venv/bin/python" - "${packages[@]}" >/dev/null 2>&1 <<'PY'
import sys
from importlib.metadata import version
sys.exit(any(version(name) != wanted for name, wanted in (p.split("==") for p in sys.argv[1:])))
PY
then
    "$venv/bin/pip" install -q "${packages[@]}" >&2
fi
echo "$venv/bin/python"
