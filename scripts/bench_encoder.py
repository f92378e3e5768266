#!/usr/bin/env python3
"""Times Panelist's sentence encoder against sentence-transformers, side by side, on the same texts.

Run through scripts/bench_encoder.sh, which builds Panelist in release mode and prepares the venv:

    scripts/bench_encoder.sh [--rounds 3] [--threads 2]

Texts (all from the repository, chosen deterministically):
- questions: the first 200 texts of 12-20 tokens among the evaluation questions (../shared/eval/dev.jsonl
  when present, docs/eval/heldout.jsonl) and the sentences of store/carnegie-moscow-experts.txt (a longer
  sentence gives its longest opening of at most 20 tokens; 163 distinct, repeated to 200), embedded one
  call per question;
- passages: paragraphs of store/carnegie-moscow-experts.txt of 100-200 tokens (shorter neighbours
  joined), repeated to 8 batches of 32, embedded one call per batch.

Each round runs `panelist bench-encoder` (its own process, OPENBLAS_NUM_THREADS=threads) and then
sentence-transformers in this process (torch.set_num_threads(threads), CPU); each warms up with an
untimed pass. Rounds alternate so both see the same machine load; the table gives the median round:
texts per second of wall time, and texts per second of processor time (all threads of the process),
which a busy machine disturbs less.
It also times a one-shot `panelist embed QUESTION` (fresh process, model load included).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import encoder_reference  # noqa: E402

os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")  # read when torch is first imported, in encoder_reference.load

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "store", "carnegie-moscow-experts.txt")
QUESTION_FILES = [os.path.join(ROOT, "..", "shared", "eval", "dev.jsonl"), os.path.join(ROOT, "docs", "eval", "heldout.jsonl")]


def token_count(model, text):
    return len(model.tokenizer(text)["input_ids"])


def questions(model, count=200):
    candidates = []
    for path in QUESTION_FILES:
        if os.path.exists(path):
            with open(path, encoding="utf-8") as file:
                candidates += [json.loads(line)["question"] for line in file if line.strip()]
    with open(CORPUS, encoding="utf-8") as file:
        text = " ".join(file.read().split())
    sentence = []
    for word in text.split(" "):
        sentence.append(word)
        if word.endswith((".", "?", "!")):
            candidates.append(" ".join(sentence))
            sentence = []
    chosen = []
    for text in candidates:
        words = text.split(" ")
        # A longer sentence contributes its longest opening of at most 20 tokens.
        while len(words) > 1 and token_count(model, " ".join(words)) > 20:
            words.pop()
        if token_count(model, " ".join(words)) >= 12:
            chosen.append(" ".join(words))
    return [chosen[index % len(chosen)] for index in range(count)], len(chosen)


def passages(model, batches=8, size=32):
    with open(CORPUS, encoding="utf-8") as file:
        paragraphs = [" ".join(block.split()) for block in file.read().split("\n\n") if block.strip()]
    chosen, pending = [], ""
    for paragraph in paragraphs:
        pending = f"{pending} {paragraph}".strip()
        tokens = token_count(model, pending)
        if tokens > 200:
            pending = paragraph if token_count(model, paragraph) < 100 else ""
            continue
        if tokens >= 100:
            chosen.append(pending)
            pending = ""
    return [chosen[index % len(chosen)] for index in range(batches * size)], len(chosen)


def time_reference(model, single, batch_texts, batch_size):
    for text in single:
        model.encode(text)
    batches = [batch_texts[index:index + batch_size] for index in range(0, len(batch_texts), batch_size)]
    for batch in batches:
        model.encode(batch, batch_size=batch_size)
    single_seconds = []
    cpu = time.process_time()
    for text in single:
        started = time.perf_counter()
        model.encode(text)
        single_seconds.append(time.perf_counter() - started)
    single_cpu = time.process_time() - cpu
    batch_seconds = []
    cpu = time.process_time()
    for batch in batches:
        started = time.perf_counter()
        model.encode(batch, batch_size=batch_size)
        batch_seconds.append(time.perf_counter() - started)
    batch_cpu = time.process_time() - cpu
    return single_seconds, single_cpu, batch_seconds, batch_cpu


def one_shot(panelist, question, environment, runs=20):
    subprocess.run([panelist, "embed", question], env=environment, check=True, capture_output=True)
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([panelist, "embed", question], env=environment, check=True, capture_output=True)
        seconds.append(time.perf_counter() - started)
    help_seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([panelist, "--help"], env=environment, check=True, capture_output=True)
        help_seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), statistics.median(help_seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--panelist", default=os.path.join(ROOT, ".build", "release", "panelist"))
    parser.add_argument("--model-dir", default=encoder_reference.default_model_dir())
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--output", default=os.path.join(tempfile.gettempdir(), "panelist-bench", "encoder.json"))
    args = parser.parse_args()

    model = encoder_reference.load(args.model_dir, threads=args.threads)
    encoder_reference.check_published(model)
    single, distinct_questions = questions(model)
    batch_texts, distinct = passages(model)
    single_tokens = sum(token_count(model, text) for text in single)
    batch_tokens = sum(token_count(model, text) for text in batch_texts)
    print(f"{len(single)} questions ({distinct_questions} distinct, {single_tokens / len(single):.1f} tokens on average), "
          f"{len(batch_texts)} passages ({distinct} distinct, {batch_tokens / len(batch_texts):.1f} tokens on average), "
          f"{args.threads} threads", file=sys.stderr)

    workdir = tempfile.mkdtemp(prefix="panelist-bench-encoder-")
    question_file, passage_file = os.path.join(workdir, "questions.txt"), os.path.join(workdir, "passages.txt")
    with open(question_file, "w", encoding="utf-8") as file:
        file.write("\n".join(single) + "\n")
    with open(passage_file, "w", encoding="utf-8") as file:
        file.write("\n".join(batch_texts) + "\n")
    environment = dict(os.environ, OPENBLAS_NUM_THREADS=str(args.threads), PANELIST_MODEL_DIR=args.model_dir)

    rounds = []
    for number in range(args.rounds):
        swift = json.loads(subprocess.run(
            [args.panelist, "bench-encoder", question_file, passage_file, "--batch-size", str(args.batch_size)],
            env=environment, check=True, capture_output=True, text=True).stdout)
        reference_single, reference_single_cpu, reference_batches, reference_batch_cpu = time_reference(
            model, single, batch_texts, args.batch_size)
        result = {
            "panelist_single_per_s": len(single) / sum(swift["single"]["seconds"]),
            "reference_single_per_s": len(single) / sum(reference_single),
            "panelist_single_p50_ms": statistics.median(swift["single"]["seconds"]) * 1000,
            "reference_single_p50_ms": statistics.median(reference_single) * 1000,
            "panelist_batch_per_s": len(batch_texts) / sum(swift["batches"]["seconds"]),
            "reference_batch_per_s": len(batch_texts) / sum(reference_batches),
            "panelist_single_per_cpu_s": len(single) / swift["single"]["cpuSeconds"],
            "reference_single_per_cpu_s": len(single) / reference_single_cpu,
            "panelist_batch_per_cpu_s": len(batch_texts) / swift["batches"]["cpuSeconds"],
            "reference_batch_per_cpu_s": len(batch_texts) / reference_batch_cpu,
            "panelist_load_ms": swift["loadSeconds"] * 1000,
            "panelist_first_ms": swift["firstSeconds"] * 1000,
            "blas": swift["blas"],
            "blas_threads": swift["threads"],
        }
        rounds.append(result)
        print(f"round {number + 1}: single {result['panelist_single_per_s']:.1f} vs {result['reference_single_per_s']:.1f}/s, "
              f"batches {result['panelist_batch_per_s']:.1f} vs {result['reference_batch_per_s']:.1f} passages/s", file=sys.stderr)

    def median(key):
        return statistics.median(round_[key] for round_ in rounds)

    one_shot_seconds, help_seconds = one_shot(args.panelist, single[0], environment)
    import sentence_transformers
    import torch

    summary = {key: median(key) for key in rounds[0] if isinstance(rounds[0][key], float)}
    summary.update(
        single_ratio=summary["panelist_single_per_s"] / summary["reference_single_per_s"],
        batch_ratio=summary["panelist_batch_per_s"] / summary["reference_batch_per_s"],
        single_cpu_ratio=summary["panelist_single_per_cpu_s"] / summary["reference_single_per_cpu_s"],
        batch_cpu_ratio=summary["panelist_batch_per_cpu_s"] / summary["reference_batch_per_cpu_s"],
        one_shot_embed_ms=one_shot_seconds * 1000, one_shot_help_ms=help_seconds * 1000,
        questions=len(single), distinct_questions=distinct_questions, distinct_passages=distinct, question_tokens=single_tokens / len(single), passages=len(batch_texts),
        passage_tokens=batch_tokens / len(batch_texts), threads=args.threads, rounds=rounds,
        blas=rounds[0]["blas"], torch=torch.__version__, sentence_transformers=sentence_transformers.__version__,
        omp_wait_policy=os.environ["OMP_WAIT_POLICY"], load_average=os.getloadavg())
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, "w") as file:
        json.dump(summary, file, indent=2)

    print(f"| workload ({args.threads} threads) | Panelist (Swift, OpenBLAS) | sentence-transformers (PyTorch {torch.__version__}) "
          "| ratio | per CPU-second: Panelist | sentence-transformers | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {len(single)} questions one at a time ({single_tokens / len(single):.1f} tokens) | "
          f"{summary['panelist_single_per_s']:.1f} /s (p50 {summary['panelist_single_p50_ms']:.2f} ms) | "
          f"{summary['reference_single_per_s']:.1f} /s (p50 {summary['reference_single_p50_ms']:.2f} ms) | {summary['single_ratio']:.2f}× | "
          f"{summary['panelist_single_per_cpu_s']:.1f} | {summary['reference_single_per_cpu_s']:.1f} | {summary['single_cpu_ratio']:.2f}× |")
    print(f"| {len(batch_texts)} passages in batches of {args.batch_size} ({batch_tokens / len(batch_texts):.1f} tokens) | "
          f"{summary['panelist_batch_per_s']:.1f} /s | {summary['reference_batch_per_s']:.1f} /s | {summary['batch_ratio']:.2f}× | "
          f"{summary['panelist_batch_per_cpu_s']:.1f} | {summary['reference_batch_per_cpu_s']:.1f} | {summary['batch_cpu_ratio']:.2f}× |")
    print(f"\nmodel load in process {summary['panelist_load_ms']:.1f} ms, first question {summary['panelist_first_ms']:.1f} ms; "
          f"one-shot `panelist embed QUESTION` {one_shot_seconds * 1000:.1f} ms median "
          f"(`panelist --help` {help_seconds * 1000:.1f} ms); {summary['blas']}, {args.threads} threads; "
          f"OMP_WAIT_POLICY={os.environ['OMP_WAIT_POLICY']}; load average {os.getloadavg()[0]:.1f}; JSON in {args.output}")


if __name__ == "__main__":
    main()
