#!/usr/bin/env bash
# Prepares the Python venv of the encoder's reference (sentence-transformers on PyTorch, CPU) outside the
# repository and prints its python, for scripts/make_encoder_fixture.py and scripts/bench_encoder.py:
#   "$(scripts/encoder-venv.sh)" scripts/bench_encoder.py
# The venv is ${PANELIST_ENCODER_VENV:-~/.cache/panelist-encoder-venv}. PyTorch's CPU build is taken from a
# local wheel when pip's find-links has one (PIP_FIND_LINKS, e.g. /opt/wheels); otherwise from PyPI.
set -euo pipefail
venv="${PANELIST_ENCODER_VENV:-$HOME/.cache/panelist-encoder-venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
if ! "$venv/bin/python" -c "import sentence_transformers, torch" 2>/dev/null; then
    torch="torch"
    for folder in ${PIP_FIND_LINKS:-} $(python3 -m pip config get global.find-links 2>/dev/null || true); do
        for wheel in "$folder"/torch-*+cpu-*.whl; do
            [ -f "$wheel" ] && torch="$wheel"
        done
    done
    "$venv/bin/pip" install -q "$torch" sentence-transformers >&2
fi
echo "$venv/bin/python"
