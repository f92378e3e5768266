#!/usr/bin/env python3
"""Benchmark Panelist against SQLite FTS5 and tantivy on the scale corpus (see docs/PERFORMANCE.md).

For each size (10k, 100k, and the full corpus when $SCALE_DIR/corpus/passages_all.jsonl, as
make_corpus.sh writes it, or $SCALE_DIR/passages.jsonl.gz exists) it builds a
Panelist store, an FTS5 table and a tantivy index from the same passages, runs the same queries (top 10,
one warm-up pass, then a timed pass, in one process per engine) and reports build time, passages/s, size
on disk, query latency percentiles, queries/s, build peak RSS, the ranking check (the share of queries
whose source passage comes back in the top 10, and the mean reciprocal rank of that passage in the top
10), and the one-shot `panelist search --json` process time and peak RSS. FTS5's build is also timed
before its `optimize`. Every engine builds `--build-rounds` times (3 by default) in turns, and its build
figures are the medians: one build on a shared machine can be 20 % off. The queries run after the last
build.

The 10k and 100k sizes use the shared queries (drawn from the first 10k passages, which every size
holds); the full corpus, rebuilt from the Debian archive of the day, uses the queries make_corpus.sh
wrote beside it (`corpus/queries.jsonl`), drawn from its own first 10k passages.

Usage: benchmark.py --panelist .build/release/panelist [--sizes 10k,100k] [--out results.json]
Engine workers (run as child processes so each has its own peak RSS): benchmark.py fts5|tantivy CORPUS WORKDIR QUERIES LIMIT
(QUERIES "-": build only)
"""
import argparse
import gzip
import itertools
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

SHARED = "/work/shared/scale"
WORD = re.compile(r"\w+")


def open_text(path):
    """A JSON Lines file, gzipped (.gz) or plain, for reading as text."""
    return (gzip.open if path.endswith(".gz") else open)(path, "rt", encoding="utf-8")


def read_passages(path, limit):
    with open_text(path) as handle:
        return [json.loads(line) for line in itertools.islice(handle, limit)]


def read_queries(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def percentiles(seconds):
    ms = sorted(s * 1000 for s in seconds)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    return {"p50_ms": pick(0.50), "p95_ms": pick(0.95), "p99_ms": pick(0.99), "qps": len(ms) / (sum(ms) / 1000)}


def timed_queries(queries, search):
    for query in queries:
        search(query["query"])
    seconds, hits = [], {}
    for query in queries:
        started = time.perf_counter()
        ids = search(query["query"])
        seconds.append(time.perf_counter() - started)
        hits[query["qid"]] = ids
    return seconds, hits


def fts5_worker(corpus, workdir, queries_path, limit):
    started = time.perf_counter()
    passages = read_passages(corpus, limit)
    loaded = time.perf_counter()
    path = os.path.join(workdir, "fts5.sqlite")
    if os.path.exists(path):
        os.remove(path)
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, tokenize='porter unicode61')")
    with db:
        db.executemany("INSERT INTO docs(id, text) VALUES (?, ?)", ((p["id"], p["text"]) for p in passages))
    committed = time.perf_counter()
    db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
    db.commit()
    built = time.perf_counter()

    def search(text):
        terms = WORD.findall(text.lower())
        if not terms:
            return []
        match = " OR ".join('"%s"' % term for term in terms)
        return [row[0] for row in db.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 10", (match,))]

    seconds, hits = timed_queries(read_queries(queries_path), search) if queries_path != "-" else ([], {})
    return {"build_s": built - started, "index_s": built - loaded, "build_without_optimize_s": committed - started,
            "size_bytes": os.path.getsize(path), "sqlite_version": sqlite3.sqlite_version, "seconds": seconds, "hits": hits}


def tantivy_worker(corpus, workdir, queries_path, limit):
    import tantivy
    started = time.perf_counter()
    passages = read_passages(corpus, limit)
    loaded = time.perf_counter()
    path = os.path.join(workdir, "tantivy")
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name="en_stem")
    schema = builder.build()
    index = tantivy.Index(schema, path=path)
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    for p in passages:
        writer.add_document(tantivy.Document(id=p["id"], text=p["text"]))
    writer.commit()
    writer.wait_merging_threads()
    built = time.perf_counter()
    index.reload()
    searcher = index.searcher()

    def search(text):
        terms = WORD.findall(text.lower())
        if not terms:
            return []
        query = index.parse_query(" ".join(terms), ["text"])
        return [searcher.doc(address)["id"][0] for _, address in searcher.search(query, 10).hits]

    seconds, hits = timed_queries(read_queries(queries_path), search) if queries_path != "-" else ([], {})
    size = sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(path) for name in names)
    return {"build_s": built - started, "index_s": built - loaded, "size_bytes": size,
            "tantivy_version": getattr(tantivy, "__version__", "?"), "seconds": seconds, "hits": hits}


def run_measured(command, **kwargs):
    """Runs command under /usr/bin/time; returns (stdout, wall seconds, peak RSS in MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%M"] + command,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
        wall = time.perf_counter() - started
        if result.returncode != 0:
            sys.exit("failed: %s\n%s" % (" ".join(command), result.stderr))
        return result.stdout, wall, int(report.read().split()[-1]) / 1024


def ranking(queries, hits):
    """The share of queries whose source passage is in the top 10, and its mean reciprocal rank (0 when absent)."""
    found = [hits.get(q["qid"], [])[:10] for q in queries]
    in_top = [q["from_id"] in ids for q, ids in zip(queries, found)]
    reciprocal = [1 / (ids.index(q["from_id"]) + 1) if hit else 0 for q, ids, hit in zip(queries, found, in_top)]
    return {"sanity": sum(in_top) / len(queries), "mrr": sum(reciprocal) / len(queries)}


def bench_size(label, corpus, limit, queries_path, args, workdir):
    queries = read_queries(queries_path)
    rows = {}
    source = corpus
    if limit is not None:
        source = os.path.join(workdir, "passages_%s.jsonl" % label)
        with open(source, "w", encoding="utf-8") as out:
            for p in read_passages(corpus, limit):
                out.write(json.dumps(p) + "\n")
    if limit is None:
        with open_text(corpus) as handle:
            count = sum(1 for _ in handle)
    else:
        count = limit
    store = os.path.join(workdir, "panelist_%s.sqlite" % label)
    # The lexical engine against the lexical peers: without --semantic off, a store of up to 20,000
    # passages would also be given sentence vectors (docs/PERFORMANCE.md, "Questions with meaning").
    # Each engine builds in turn, `build_rounds` times; the figures are the medians (peak RSS the highest).
    builds = {"panelist": [], "fts5": [], "tantivy": []}
    for round in range(args.build_rounds):
        last = round == args.build_rounds - 1
        _, wall, rss = run_measured([args.panelist, "index", source, "--store", store, "--semantic", "off"])
        builds["panelist"].append({"build_s": wall, "rss": rss})
        for engine in ("fts5", "tantivy"):
            python = args.venv_python if engine == "tantivy" else sys.executable
            out, _, rss = run_measured([python, os.path.abspath(__file__), engine, corpus, workdir, queries_path if last else "-", str(count)])
            builds[engine].append(dict(json.loads(out), rss=rss))
    median = lambda engine, key: statistics.median(b[key] for b in builds[engine])
    wall, rss = median("panelist", "build_s"), max(b["rss"] for b in builds["panelist"])
    timing = {}
    for mode, extra in (("literal", ["--literal"]), ("default", [])):
        out, _, _ = run_measured([args.panelist, "bench-queries", queries_path, "--store", store] + extra)
        samples = json.loads(out)["samples"]
        timing[mode] = samples
    for mode in ("literal", "default"):
        samples = timing[mode]
        rows["panelist" if mode == "literal" else "panelist (expansions)"] = dict(
            build_s=wall, builds_s=[b["build_s"] for b in builds["panelist"]], passages_per_s=count / wall,
            size_mb=os.path.getsize(store) / 1e6, build_rss_mb=rss,
            **ranking(queries, {s["qid"]: s["ids"] for s in samples}),
            **percentiles([s["seconds"] for s in samples]))
    for engine in ("fts5", "tantivy"):
        result = builds[engine][-1]
        build = median(engine, "build_s")
        rows[engine] = dict(build_s=build, index_s=median(engine, "index_s"), passages_per_s=count / build,
                            size_mb=result["size_bytes"] / 1e6, build_rss_mb=max(b["rss"] for b in builds[engine]),
                            builds_s=[b["build_s"] for b in builds[engine]], **ranking(queries, result["hits"]),
                            **percentiles(result["seconds"]))
        if "build_without_optimize_s" in result:
            rows[engine]["build_without_optimize_s"] = median(engine, "build_without_optimize_s")
    one_shot = []
    for query in queries[:20]:
        _, wall, rss = run_measured([args.panelist, "search", query["query"], "--json", "--k", "10", "--store", store])
        one_shot.append((wall, rss))
    shots = {"median_ms": statistics.median(w for w, _ in one_shot) * 1000, "peak_rss_mb": max(r for _, r in one_shot)}
    return {"passages": count, "queries": queries_path, "engines": rows, "one_shot_search": shots}


def table(results):
    lines = ["| passages | engine | build s (median) | passages/s | size MB | p50 ms | p95 ms | p99 ms | queries/s | build RSS MB | source in top 10 | MRR@10 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for label, result in results.items():
        for engine, r in result["engines"].items():
            build = "%.2f" % r["build_s"]
            if "build_without_optimize_s" in r:
                build += " (%.2f without optimize)" % r["build_without_optimize_s"]
            lines.append("| %s | %s | %s | %.0f | %.1f | %.3f | %.3f | %.3f | %.0f | %.0f | %.3f | %.3f |" % (
                label, engine, build, r["passages_per_s"], r["size_mb"], r["p50_ms"], r["p95_ms"], r["p99_ms"], r["qps"], r["build_rss_mb"], r["sanity"], r["mrr"]))
    lines.append("")
    for label, result in results.items():
        e = result["engines"]
        p, d, f, t = e["panelist"], e["panelist (expansions)"], e["fts5"], e["tantivy"]
        lines.append("%s: Panelist/FTS5 build %.2f× (%.2f× without optimize), size %.2f×, p50 %.3f×; Panelist/tantivy build %.2f×, size %.2f×, "
                     "p50 %.2f× literal, %.2f× default; source in top 10 default %.3f vs tantivy %.3f, MRR@10 %.3f vs %.3f; "
                     "one-shot search median %.1f ms, peak RSS %.0f MB" % (
            label, p["build_s"] / f["build_s"], p["build_s"] / f["build_without_optimize_s"], p["size_mb"] / f["size_mb"], p["p50_ms"] / f["p50_ms"],
            p["build_s"] / t["build_s"], p["size_mb"] / t["size_mb"], p["p50_ms"] / t["p50_ms"], d["p50_ms"] / t["p50_ms"],
            d["sanity"], t["sanity"], d["mrr"], t["mrr"],
            result["one_shot_search"]["median_ms"], result["one_shot_search"]["peak_rss_mb"]))
    return "\n".join(lines)


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("fts5", "tantivy"):
        engine, corpus, workdir, queries, limit = sys.argv[1:6]
        worker = fts5_worker if engine == "fts5" else tantivy_worker
        print(json.dumps(worker(corpus, workdir, queries, int(limit))))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--panelist", default=".build/release/panelist")
    parser.add_argument("--sizes", default="10k,100k,full")
    parser.add_argument("--scale-dir", default=os.environ.get("SCALE_DIR", "/tmp/scale"))
    parser.add_argument("--queries", default=os.path.join(SHARED, "queries.jsonl"),
                        help="queries for 10k and 100k (the full corpus uses the queries.jsonl beside it)")
    parser.add_argument("--build-rounds", type=int, default=3, help="builds per engine; the build figures are their medians")
    parser.add_argument("--venv-python", default=os.path.expanduser("~/.cache/panelist-bench-venv/bin/python"))
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "panelist-bench"))
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "panelist-bench", "results.json"))
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    hundred = os.path.join(SHARED, "passages_100k.jsonl.gz")
    plan = {"10k": (hundred, 10_000, args.queries), "100k": (hundred, None, args.queries)}
    # make_corpus.sh writes corpus/passages_all.jsonl; a gzipped copy may sit beside it.
    candidates = [os.path.join(args.scale_dir, name) for name in ("corpus/passages_all.jsonl", "passages.jsonl.gz")]
    full = next((path for path in candidates if os.path.exists(path)), candidates[0])
    if os.path.exists(full):
        beside = os.path.join(os.path.dirname(full), "queries.jsonl")
        if not os.path.exists(beside):
            sys.exit("%s has no queries.jsonl beside it: run make_corpus.sh's make_queries.py for that corpus "
                     "(the shared queries may name passages it does not hold)" % full)
        plan["full"] = (full, None, beside)
    results = {}
    for label in args.sizes.split(","):
        if label not in plan:
            print("skipping %s: %s not found" % (label, full), file=sys.stderr)
            continue
        print("benchmarking %s…" % label, file=sys.stderr)
        corpus, limit, queries = plan[label]
        results[label] = bench_size(label, corpus, limit, queries, args, args.workdir)
    report = {"machine": {"cpus": os.cpu_count(), "uname": " ".join(os.uname()), "sqlite": sqlite3.sqlite_version}, "results": results}
    with open(args.out, "w") as out:
        json.dump(report, out, indent=1)
    print(table(results))
    print("\nJSON: %s" % args.out)


if __name__ == "__main__":
    main()
