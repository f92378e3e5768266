#!/usr/bin/env bash
# Scale-out as docs/DEPLOY.md describes it, run for real on loopback: two `panelist serve` processes on one
# read-only store behind HAProxy, then a new store rolled out (copy, rename, SIGHUP) while requests flow.
#   scripts/haproxy-demo.sh [PANELIST_BINARY]      (default .build/release/panelist, else .build/debug/panelist)
# Prints what it checked and exits non-zero when a check fails. Everything runs in a temporary folder and is
# stopped at the end; the only traffic is to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
[ -n "$binary" ] || { binary=.build/release/panelist; [ -x "$binary" ] || binary=.build/debug/panelist; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
haproxy="$(command -v haproxy || echo /usr/sbin/haproxy)"
[ -x "$haproxy" ] || { echo "haproxy is not installed; run scripts/install-deps.sh" >&2; exit 1; }

work="$(mktemp -d)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }

# Two small corpora: the store served first, and the one rolled out later.
cat > "$work/first.txt" <<'TXT'
Ada First, director of the First Institute.

What do you think about harbours?

Harbours matter because ships need calm water to unload their cargo safely.
TXT
cat > "$work/second.txt" <<'TXT'
Bea Second, fellow of the Second Institute.

What do you think about harbours?

Harbours are changing as container ships grow larger every decade.
TXT
"$binary" index "$work/first.txt" --store "$work/store.sqlite" >/dev/null
"$binary" index "$work/second.txt" --store "$work/next.sqlite" >/dev/null

# The two backends: identical processes on the same file, each on a port of its own.
for name in a b; do
    "$binary" serve --port 0 --store "$work/store.sqlite" --log-level warning > "$work/$name.out" 2> "$work/$name.log" &
    pids+=($!)
done
for name in a b; do
    for _ in $(seq 100); do grep -q "http://" "$work/$name.out" && break; sleep 0.1; done
    grep -q "http://" "$work/$name.out" || fail "backend $name did not start: $(cat "$work/$name.log")"
done
port_a=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/a.out" | cut -d: -f3)
port_b=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/b.out" | cut -d: -f3)
front=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

sed -e "s/FRONT_PORT/$front/" -e "s/PORT_A/$port_a/" -e "s/PORT_B/$port_b/" docs/haproxy.cfg > "$work/haproxy.cfg"
"$haproxy" -f "$work/haproxy.cfg" -db > "$work/haproxy.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$front"
for _ in $(seq 100); do curl -sf "$url/health" >/dev/null 2>&1 && break; sleep 0.1; done

ask() {
    curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -X POST "$url/v1/ask" \
        -H 'Content-Type: application/json' -d '{"question": "What do the experts think about harbours?"}'
}

# Both backends answer through the balancer.
for _ in $(seq 20); do
    [ "$(ask)" = 200 ] || fail "a request through HAProxy failed: $(cat "$work/body")"
    tr -d '\r' < "$work/headers" | awk -F': ' 'tolower($1) == "x-panelist-backend" { print $2 }' >> "$work/backends"
done
count_a=$(grep -cx a "$work/backends" || true)
count_b=$(grep -cx b "$work/backends" || true)
echo "through HAProxy: 20 requests, backend a answered $count_a, backend b answered $count_b"
[ "$count_a" -gt 0 ] && [ "$count_b" -gt 0 ] || fail "both backends should answer"
grep -q '"expert":"Ada First"' "$work/body" || fail "the first store's answer should cite Ada First"

# A new store rolled out while requests keep coming: copy beside, rename over, SIGHUP each process.
(
    for _ in $(seq 150); do
        curl -s -o /dev/null -w '%{http_code}\n' -X POST "$url/v1/ask" -H 'Content-Type: application/json' \
            -d '{"question": "What do the experts think about harbours?"}'
    done
) > "$work/codes" &
load=$!
sleep 0.3
cp "$work/next.sqlite" "$work/store.sqlite.tmp"
mv "$work/store.sqlite.tmp" "$work/store.sqlite"
for pid in "${pids[@]:0:2}"; do kill -HUP "$pid"; done
wait "$load"
total=$(wc -l < "$work/codes")
errors=$(grep -cvx 200 "$work/codes" || true)
echo "during the rollout: $total requests, $errors not answered with 200"
[ "$errors" -eq 0 ] || fail "requests failed during the rollout"
for _ in $(seq 10); do
    [ "$(ask)" = 200 ] || fail "a request after the rollout failed"
    grep -q '"expert":"Bea Second"' "$work/body" || fail "after SIGHUP every backend should serve the new store"
done
echo "after the rollout: both backends answer from the new store"
echo "haproxy-demo: all checks passed"
