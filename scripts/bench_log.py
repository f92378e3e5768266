#!/usr/bin/env python3
"""What the conversation log costs an `ask`: the same question timed with and without --no-log.

Runs `panelist ask QUESTION` and `panelist ask QUESTION --no-log` alternately (so machine load hits
both alike) in a private HOME/XDG folder, after one warm-up run that builds the default store, and
prints the median and minimum wall time of each and the ratio of the medians.

    scripts/bench_log.py [--panelist .build/release/panelist] [--runs 40]
"""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("--panelist", default=".build/release/panelist")
parser.add_argument("--runs", type=int, default=40)
parser.add_argument("--question", default="What does the Kremlin think about China?")
args = parser.parse_args()

home = tempfile.mkdtemp(prefix="panelist-bench-log-")
env = dict(os.environ, HOME=home, XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config",
           XDG_CACHE_HOME=home + "/cache", XDG_STATE_HOME=home + "/state")
for key in [k for k in env if k.startswith("PANELIST_") or k == "OPENAI_API_KEY"]:
    del env[key]
subprocess.run([args.panelist, "ask", args.question], env=env, stdout=subprocess.DEVNULL, check=True)

times = {"logged": [], "--no-log": []}
for _ in range(args.runs):
    for mode in times:
        command = [args.panelist, "ask", args.question] + (["--no-log"] if mode == "--no-log" else [])
        start = time.perf_counter()
        subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
        times[mode].append((time.perf_counter() - start) * 1000)

for mode, values in times.items():
    print(f"{mode:10} median {statistics.median(values):6.1f} ms   min {min(values):6.1f} ms")
print(f"ratio logged / --no-log (medians): {statistics.median(times['logged']) / statistics.median(times['--no-log']):.2f}")
