#!/usr/bin/env bash
# Load benchmark of `panelist serve` over loopback (docs/PERFORMANCE.md, "The service"): for the bundled corpus
# and the 100k store, 50 concurrent clients POST /v1/ask for 30 s (wrk, from Debian's packages), reporting
# requests/s, p50/p99 latency, errors and the server's peak RSS; beside it, the one-shot CLI's cost per question
# (`panelist ask --store …`, one process per question).
#   scripts/bench_serve.sh [--clients 50] [--seconds 30] [--sizes bundled,100k]
# Stores are built once into ${PANELIST_BENCH_DIR:-~/.cache/panelist-bench-serve}. Not a test: it prints figures.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=50 seconds=30 sizes=bundled,100k
while [ $# -gt 0 ]; do
    case "$1" in
        --clients) clients=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
for product in panelist panelist-server; do swift build -c release --product "$product" --static-swift-stdlib >&2; done
binary=$PWD/.build/release/panelist
dir="${PANELIST_BENCH_DIR:-$HOME/.cache/panelist-bench-serve}"
mkdir -p "$dir"
scale=/work/shared/scale

for size in ${sizes//,/ }; do
    case "$size" in
        bundled)
            store=$dir/bundled.sqlite
            [ -f "$store" ] || "$binary" index store/carnegie-moscow-experts.txt --store "$store" >&2
            python3 -c 'import json, sys
for line in open("docs/eval/heldout.jsonl"): print(json.dumps({"question": json.loads(line)["question"]}))' > "$dir/bundled.bodies" ;;
        100k)
            store=$dir/100k.sqlite
            [ -f "$store" ] || "$binary" index "$scale/passages_100k.jsonl.gz" --store "$store" >&2
            python3 -c 'import json, sys
for line in open(sys.argv[1]): print(json.dumps({"question": json.loads(line)["query"]}))' "$scale/queries.jsonl" > "$dir/100k.bodies" ;;
        *) echo "unknown size $size" >&2; exit 2 ;;
    esac
    bodies=$dir/$size.bodies

    "$binary" serve --port 0 --store "$store" > "$dir/serve.out" 2>/dev/null &
    server=$!
    for _ in $(seq 100); do grep -q "http://" "$dir/serve.out" && break; sleep 0.1; done
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/serve.out")
    BODIES=$bodies wrk -t2 -c"$clients" -d"${seconds}s" --timeout 10s -s scripts/bench_serve.lua "$url" > "$dir/wrk.out"
    peak=$(awk '/VmHWM/ { print $2 }' "/proc/$server/status")
    kill -TERM "$server"
    wait "$server" || true
    summary=$(grep '^{' "$dir/wrk.out")

    # The one-shot CLI: one process per question, the first 40 questions, after one warm-up run.
    mapfile -t questions < <(python3 -c 'import json, sys
for line in list(open(sys.argv[1]))[:40]: print(json.loads(line)["question"])' "$bodies")
    "$binary" ask "${questions[0]}" --store "$store" >/dev/null
    oneshot=$(python3 - "$binary" "$store" "${questions[@]}" <<'PY'
import statistics, subprocess, sys, time
binary, store, questions = sys.argv[1], sys.argv[2], sys.argv[3:]
times = []
for question in questions:
    start = time.perf_counter()
    subprocess.run([binary, "ask", question, "--store", store], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    times.append((time.perf_counter() - start) * 1000)
print('{"median_ms": %.1f, "p99_ms": %.1f, "questions": %d}' % (statistics.median(times), max(times), len(times)))
PY
)
    echo "{\"size\": \"$size\", \"clients\": $clients, \"serve\": $summary, \"serve_peak_rss_mb\": $((peak / 1024)), \"one_shot_cli\": $oneshot}"
done
