"""Whole builds at scale: `kg build` on N distinct seeds-like articles, as a user runs it.

Run: .venv/bin/python benchmarks/bench_build.py [--sizes 100,1000] [--skip-single] [--keep DIR]
     [--write-corpus DIR | --corpus DIR]  (the same articles for two revisions)

Articles: the five seeds, each copy with its numbers varied, its paragraphs shuffled and one
pairing sentence of an official pair (kg/data/programmes/pairs.csv) with an amount
added — every article distinct, none an identical copy (a cache or the duplicate check would
flatter the figures otherwise). For each N it prints:

* cold build (empty cache) with --workers 1 and --workers 2: wall time, articles/s, normalised
  characters/s per core of wall time and per CPU second (the process tree's user + system time:
  the fairer figure on a shared machine), peak RSS of the whole process tree (sampled every 0.1 s)
  and its peak PSS (shared pages divided among their sharers: a pool's workers share the pipeline
  their fork server loaded, which the sum of RSS counts once per process);
* warm rebuild (same inputs, cache filled) and the addition of one new article, each as a share
  of the cold build with the same workers, in wall time and in CPU seconds;
* jieba segmentation of the same normalised text, in this process, in CPU seconds, for scale;
* the load average beside each figure (wall times on a shared machine grow with it).

Targets (issue 11): ≥ 60,000 normalised chars/s per core; workers 2 ≥ 1.8× workers 1; warm
rebuild ≤ 10% of cold; adding 1 article to 1,000 ≤ 5%; 10,000 articles ≤ 1.5 GB peak RSS;
300 articles ≤ 60 MB more than 30. The machine this runs on may be shared: say so with figures.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).with_name("kg"))
NUMBER = re.compile(r"\d+")


def official_pairs() -> list[tuple[str, str]]:
    with open(REPO / "kg" / "data" / "programmes" / "pairs.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return [(r["donor_name"], r["recipient_name"]) for r in rows]


def variant(text: str, k: int, rng: random.Random, pairs: list[tuple[str, str]]) -> str:
    """Seed text ``k``: numbers varied (same number of digits), paragraphs shuffled, one pairing added."""

    def vary(m: re.Match[str]) -> str:
        digits = m.group()
        return str((int(digits) + 7 * k + 3) % 10 ** len(digits)).zfill(len(digits))

    lines = NUMBER.sub(vary, text).splitlines()
    head, body = lines[:2], lines[2:]
    rng.shuffle(body)
    donor, recipient = pairs[rng.randrange(len(pairs))]
    amount = rng.randrange(100, 9_999)
    added = f"{donor}与{recipient}签订东西部扶贫协作协议,{donor}向{recipient}投入帮扶资金{amount}万元。"
    return "\n".join(head + body + [added]) + "\n"


def make_corpus(folder: Path, n: int, start: int = 0) -> None:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    pairs = official_pairs()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + n):
        rng = random.Random(k)
        (folder / f"a{k:06d}.txt").write_text(variant(texts[k % len(texts)], k, rng, pairs), encoding="utf-8")


def copy_corpus(corpus: Path, folder: Path, n: int, start: int = 0) -> None:
    """Articles ``start``..``start + n - 1`` of a corpus kept by ``--write-corpus``: two revisions
    compared on the same text even when the official pairs the generator draws from have changed."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(start, start + n):
        name = f"a{k:06d}.txt"
        shutil.copyfile(corpus / name, folder / name)


def load() -> str:
    """The machine's load average (1, 5, 15 min) when a figure is taken: on a shared machine wall
    times grow with it, CPU seconds much less."""
    return "load " + "/".join(f"{x:.1f}" for x in os.getloadavg())


CPU_SECONDS: list[float] = []  # CPU time (user + system) of each run's process tree, in order
# Peak PSS of each run's process tree in MB: the sum of RSS counts the pages a pool's workers share
# with the fork server they were forked from (the loaded pipeline) once per process; PSS divides
# each shared page among its sharers, so the sum is the memory the tree really holds.
PEAK_PSS: list[float] = []


def _own_cpu(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def run_build(inputs: Path, out: Path, workers: int, *extra: str) -> tuple[float, float, str]:
    """(wall seconds, peak RSS of the process tree in MB, the summary line); the run's CPU seconds
    are appended to CPU_SECONDS: the larger of two lower bounds — the reaped children's rusage
    (exact when every process is waited for, but a pool's fork server is not, so its workers'
    time went missing) and the sum over the process tree of each process's own CPU time, sampled
    every 0.1 s (missing only what a process spends after its last sample)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [KG, "build", str(inputs), "--out", str(out), "--workers", str(workers), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    root, peak, peak_pss = psutil.Process(proc.pid), 0, 0
    sampled: dict[int, float] = {}
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            peak_pss = max(peak_pss, sum(p.memory_full_info().pss for p in tree if p.is_running()))
            for p in tree:
                sampled[p.pid] = _own_cpu(p)
        except psutil.Error:
            pass
        time.sleep(0.1)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    CPU_SECONDS.append(max(reaped, sum(sampled.values())))
    PEAK_PSS.append(peak_pss / 2**20)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"kg build failed ({proc.returncode}): {err[-2000:]}")
    summary = next((line for line in err.splitlines() if line.startswith("read ")), "")
    return wall, peak / 2**20, summary


def normalised_chars(out: Path) -> tuple[int, list[str]]:
    with open(out / "articles.jsonl", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    return sum(map(len, texts)), texts


def jieba_seconds(texts: list[str]) -> float:
    """CPU seconds of jieba's segmentation of ``texts`` in this process (its dictionary loaded first)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    started = time.process_time()
    for text in texts:
        jieba.lcut(text)
    return time.process_time() - started


def bench(n: int, work: Path, corpus: Path | None = None) -> None:
    docs = work / f"docs{n}"
    if corpus is None:
        make_corpus(docs, n)
    else:
        copy_corpus(corpus, docs, n)
    print(f"\n== N = {n:,} articles ==", flush=True)
    results, cpus = {}, {}
    for workers in (1, 2):
        out = work / f"out{n}-w{workers}"
        wall, rss, summary = run_build(docs, out, workers)
        chars, texts = normalised_chars(out)
        results[workers] = wall
        cpu = cpus[workers] = CPU_SECONDS[-1]
        print(
            f"cold, --workers {workers}: {wall:8.1f} s  {n / wall:7.1f} articles/s  "
            f"{chars / wall / workers:9,.0f} chars/s per core (wall)  CPU {cpu:7.1f} s = "
            f"{chars / cpu:9,.0f} chars per CPU second  peak RSS {rss:7.0f} MB (PSS {PEAK_PSS[-1]:5.0f} MB)  "
            f"{load()}   [{summary}]",
            flush=True,
        )
    print(
        f"workers 2 vs 1: {results[1] / results[2]:.2f}× faster in wall time (target ≥ 1.8×); "
        f"CPU {cpus[1]:.1f} s vs {cpus[2]:.1f} s"
    )
    for workers in (1, 2):
        out = work / f"out{n}-w{workers}"
        wall, rss, summary = run_build(docs, out, workers)
        print(
            f"warm rebuild, --workers {workers}: {wall:6.1f} s = "
            f"{100 * wall / results[workers]:5.1f}% of cold (target ≤ 10%); CPU {CPU_SECONDS[-1]:.1f} s = "
            f"{100 * CPU_SECONDS[-1] / cpus[workers]:5.1f}% of cold's  peak RSS {rss:5.0f} MB "
            f"(PSS {PEAK_PSS[-1]:5.0f} MB)  {load()}  "
            f"[{summary}]",
            flush=True,
        )
    if corpus is None:
        make_corpus(docs, 1, start=n)
    else:
        copy_corpus(corpus, docs, 1, start=n)
    wall, rss, summary = run_build(docs, work / f"out{n}-w2", 2)
    print(
        f"one article added, --workers 2: {wall:6.1f} s = {100 * wall / results[2]:5.1f}% of cold "
        f"(target ≤ 5%); CPU {CPU_SECONDS[-1]:.1f} s = {100 * CPU_SECONDS[-1] / cpus[2]:5.1f}% of cold's  "
        f"{load()}   [{summary}]",
        flush=True,
    )
    seconds = jieba_seconds(texts)
    print(
        f"jieba on the same {chars:,} chars: {seconds:.1f} CPU s, {chars / seconds:,.0f} chars per CPU "
        f"second; kg build --workers 1 took {cpus[1] / seconds:.1f}× jieba's CPU time (target ≤ 3×)  "
        f"{load()}",
        flush=True,
    )


def single(work: Path) -> None:
    """Start-up: one article new (the pipeline loads; the start-up cache in the user cache
    directory is warm after the first run on a machine), then the same article again (it comes
    from the build cache: no pipeline is loaded)."""
    docs = work / "one"
    make_corpus(docs, 1)
    out = work / "out-one"
    new, rss, _ = run_build(docs, out, 1)
    new_cpu = CPU_SECONDS[-1]
    warm, _, _ = run_build(docs, out, 1)
    print(
        f"one article: new {new:.1f} s (CPU {new_cpu:.1f} s, peak RSS {rss:.0f} MB, "
        f"PSS {PEAK_PSS[-2]:.0f} MB), "
        f"rebuilt from the cache {warm:.1f} s (CPU {CPU_SECONDS[-1]:.1f} s; target ≤ 1.5 s)  {load()}",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100,1000", help="comma-separated N (e.g. 30,300 or 10000)")
    parser.add_argument("--skip-single", action="store_true", help="skip the one-article start-up run")
    parser.add_argument(
        "--keep", type=Path, help="work in this folder and keep it (default: a temporary one)"
    )
    parser.add_argument(
        "--corpus", type=Path, help="take the articles from this folder (written by --write-corpus)"
    )
    parser.add_argument(
        "--write-corpus", type=Path, help="write the largest size's articles (and one more) there and stop"
    )
    args = parser.parse_args()
    if args.write_corpus:
        make_corpus(args.write_corpus, max(int(s) for s in args.sizes.split(",")) + 1)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        if not args.skip_single:
            single(work)
        for n in (int(s) for s in args.sizes.split(",")):
            bench(n, work, args.corpus)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
