#!/usr/bin/env bash
# One-shot start-up of `ask` and `search`, two binaries side by side (docs/PERFORMANCE.md, "The service"):
# each command is run RUNS times per binary, the two binaries alternating so that the machine's other load
# falls on both alike; prints the median and the 90th percentile in milliseconds.
#   scripts/bench_oneshot.sh BEFORE_BINARY AFTER_BINARY [RUNS]
set -euo pipefail
before=$1 after=$2 runs=${3:-60}
python3 - "$before" "$after" "$runs" <<'PY'
import statistics, subprocess, sys, time
before, after, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
commands = {"ask": ["ask", "What does Gabuev say about sanctions?"], "search": ["search", "sanctions relief"],
            "--help": ["--help"]}
for binary in (before, after):
    subprocess.run([binary, *commands["search"]], stdout=subprocess.DEVNULL, check=True)  # the default store, built once
for name, arguments in commands.items():
    times = {before: [], after: []}
    for _ in range(runs):
        for binary in (before, after):
            start = time.perf_counter()
            subprocess.run([binary, *arguments], stdout=subprocess.DEVNULL, check=True)
            times[binary].append((time.perf_counter() - start) * 1000)
    def figures(values):
        values = sorted(values)
        return "median %.1f ms, p90 %.1f ms" % (statistics.median(values), values[int(len(values) * 0.9)])
    print("%-7s before: %s; after: %s; ratio %.2f" % (name, figures(times[before]), figures(times[after]),
          statistics.median(times[after]) / statistics.median(times[before])))
PY
