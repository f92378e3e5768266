#!/usr/bin/env bash
# Builds Panelist in release mode, prepares the benchmark's Python venv (tantivy) outside the
# repository and runs scripts/benchmark.py; arguments are passed on (e.g. --sizes 10k).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${PANELIST_BENCH_VENV:-$HOME/.cache/panelist-bench-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -c "import tantivy" 2>/dev/null || "$venv/bin/pip" install -q tantivy
swift build -c release --product panelist --static-swift-stdlib >&2
exec python3 scripts/benchmark.py --panelist .build/release/panelist --venv-python "$venv/bin/python" "$@"
