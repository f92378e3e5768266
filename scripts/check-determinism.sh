#!/usr/bin/env bash
# check-determinism.sh — does the same question on the same store always give the same output?
#
# Swift seeds its hashing afresh in every process, so any Set or Dictionary iteration order that
# reaches a ranking tie, a sentence choice or a floating-point sum can make two runs of the same
# command print different things. This script runs each query RUNS times, each run a separate
# process (so each gets its own hash seed), and reports every query whose outputs differ.
#
# Usage:
#   scripts/check-determinism.sh [options] QUERIES -- PANELIST-ARGS…
#
#   QUERIES        a JSON Lines file; each line's "query" or "question" field is a query
#                  (or a plain text file, one query a line, with --plain)
#   PANELIST-ARGS  the command to run with the query appended as its last argument,
#                  e.g. `search --json --store /tmp/100k.sqlite`
#
# Options:
#   -n RUNS        runs per query (default 5)
#   -l LIMIT       only the first LIMIT queries (default all)
#   -j JOBS        queries run at once (default 1; each query's runs are sequential)
#   -b BINARY      the panelist binary (default .build/release/panelist beside this script)
#   -o DIR         keep each varying query's distinct outputs in DIR (default: a temporary folder)
#   --plain        QUERIES is one query a line
#
# Output: one line per varying query (`VARIES <distinct outputs>/<runs> <query>`, with the count
# of each distinct output), then a summary line `checked Q queries × R runs: V varying`.
# Exit status 0 when nothing varies, 1 when something does, 2 on a usage error.
#
# Example (the 100k scale store, ask in JSON, 5 runs of each of the 1,000 queries):
#   scripts/check-determinism.sh -n 5 /work/shared/scale/queries.jsonl -- ask --json --store /tmp/det/100k.sqlite
#
# SWIFT_DETERMINISTIC_HASHING is unset for the runs: with it set every process hashes alike and
# nothing can vary (set it by hand to confirm that a variation comes from hash order).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
runs=5
limit=0
jobs=1
binary="$here/../.build/release/panelist"
keep=""
plain=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        -n) runs="$2"; shift 2 ;;
        -l) limit="$2"; shift 2 ;;
        -j) jobs="$2"; shift 2 ;;
        -b) binary="$2"; shift 2 ;;
        -o) keep="$2"; shift 2 ;;
        --plain) plain=1; shift ;;
        --) break ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) queries="$1"; shift ;;
    esac
done
[[ "${1:-}" == "--" ]] || { echo "usage: $0 [-n RUNS] [-l LIMIT] [-j JOBS] [-b BINARY] [-o DIR] [--plain] QUERIES -- PANELIST-ARGS…" >&2; exit 2; }
shift
[[ -n "${queries:-}" && -f "$queries" ]] || { echo "no queries file" >&2; exit 2; }
[[ -x "$binary" ]] || { echo "no panelist binary at $binary (swift build -c release --product panelist)" >&2; exit 2; }
unset SWIFT_DETERMINISTIC_HASHING

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[[ -n "$keep" ]] && mkdir -p "$keep"

# One query a line, NUL-free; the line number names the query's outputs.
if [[ $plain == 1 ]]; then
    grep -v '^[[:space:]]*$' "$queries" > "$work/queries"
else
    jq -r '.query // .question' "$queries" > "$work/queries"
fi
[[ $limit -gt 0 ]] && { head -n "$limit" "$work/queries" > "$work/q" && mv "$work/q" "$work/queries"; }

# Runs one query RUNS times; prints "VARIES …" when the outputs differ.
check_one() {
    local number="$1" query="$2"
    local dir="$work/$number"
    mkdir -p "$dir"
    for ((run = 1; run <= runs; run++)); do
        "$binary" "${args[@]}" "$query" > "$dir/$run" 2>&1 || true
    done
    local distinct
    distinct="$(sha256sum "$dir"/* | cut -c1-64 | sort | uniq -c | sort -rn)"
    if [[ $(wc -l <<< "$distinct") -gt 1 ]]; then
        local counts
        counts="$(awk '{printf "%s%s", (NR > 1 ? "/" : ""), $1}' <<< "$distinct")"
        echo "VARIES $counts $query"
        if [[ -n "$keep" ]]; then
            mkdir -p "$keep/$number"
            local seen=""
            for file in "$dir"/*; do
                local sum; sum="$(sha256sum "$file" | cut -c1-16)"
                [[ "$seen" == *"$sum"* ]] && continue
                seen+=" $sum"; cp "$file" "$keep/$number/$sum"
            done
            printf '%s\n' "$query" > "$keep/$number/query"
        fi
    fi
    rm -rf "$dir"
}

args=("$@")
export -f check_one
export work runs binary keep
total=$(wc -l < "$work/queries")
# Each job re-reads the arguments from a file: arrays do not cross `export`.
printf '%s\0' "${args[@]}" > "$work/args"
nl -ba -w1 -s$'\t' "$work/queries" | tr '\n' '\0' |
    xargs -0 -P "$jobs" -I{} bash -c '
        mapfile -d "" -t args < "$work/args"
        line="$1"; check_one "${line%%$'"'"'\t'"'"'*}" "${line#*$'"'"'\t'"'"'}"' _ {} > "$work/varying"
cat "$work/varying"
varying=$(wc -l < "$work/varying")
echo "checked $total queries × $runs runs: $varying varying"
[[ $varying -eq 0 ]]
