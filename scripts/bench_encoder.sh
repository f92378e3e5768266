#!/usr/bin/env bash
# Builds Panelist in release mode, prepares the reference's venv (scripts/encoder-venv.sh) and runs
# scripts/bench_encoder.py: the Swift encoder against sentence-transformers; arguments are passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(scripts/encoder-venv.sh)
scripts/fetch-model.sh
swift build -c release --product panelist --static-swift-stdlib >&2
exec "$python" scripts/bench_encoder.py --panelist .build/release/panelist "$@"
