"""Where a cold build's wall time goes: CPU seconds of each process of the build's tree, per phase.

Run: .venv/bin/python benchmarks/bench_timeline.py --docs DIR [--workers 2] [--out DIR [--extend]]
     [--every 0.2] [--trace FILE]   (--extend: a build in --out is kept, so this one extends it)

The build runs in a child process (``--driver``) that calls ``kg.build.build`` and writes each
phase's start to a file as it goes: ``setup`` (discovery, the inputs' digests), ``pool`` (the pool's
start: its fork server loading the pipeline), ``first`` (waiting for the first file's records),
``map`` (records streaming into the reduce), ``finish`` (the corpus-wide triples), ``store`` (the
store's last load and flush), ``graphml``, ``pages`` (graph.html, map.html), ``report`` (report.html,
in this process), ``state`` (the extend state), ``commit`` (the manifest's digests and the swap).
This process samples every ``--every`` seconds the CPU time (user + system) of each process of the
tree — the build's own (``parent``), the pool's fork server (``server``), its workers
(``workers``), any other child (``other``: report.html's process, the resource tracker) — and
prints, for each phase, its wall seconds, the CPU seconds each role spent in it and the cores busy
on average. A serial phase shows as wall ≈ the parent's CPU; the map as the workers' CPU ≈ 2 × wall
when both cores work. ``--trace FILE``: every sample as TSV (time, phase, CPU s of each role so far).

The CPU of a process that ends between two samples is lost after its last sample (≤ ``--every``).
On a shared machine, read the CPU columns; wall seconds grow with the load printed at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import load  # noqa: E402
from bench_memory import build_roles  # noqa: E402

PHASE_LOG = "KG_BENCH_PHASE_LOG"
ROLES = ("parent", "server", "workers", "other")
WAITED = "waited"  # seconds the tree's processes were ready to run but waited for a core


# --- the driver: the build itself, in a child process --------------------------------------------


def _driver(docs: str, out: str, workers: int) -> None:
    import kg.build.reduce as reduce_module
    import kg.graph.rdf as rdf_module
    import kg.graph.write as write_module
    from kg.build import run as run_module

    log = open(os.environ[PHASE_LOG], "a", encoding="utf-8")  # noqa: SIM115 - for the process's life

    def phase(name: str) -> None:
        log.write(f"{time.time():.3f}\t{name}\n")
        log.flush()

    def wrap(owner: object, attr: str, name: str, *, once: bool = False, after: str = "") -> None:
        inner = getattr(owner, attr)
        seen: list[bool] = []

        def wrapped(*args: object, **kwargs: object) -> object:
            if not (once and seen):
                seen.append(True)
                phase(name)
            result = inner(*args, **kwargs)
            if after:
                phase(after)
            return result

        setattr(owner, attr, wrapped)

    wrap(run_module, "run_pool", "pool")
    wrap(reduce_module.Reduce, "add", "map", once=True)
    wrap(rdf_module.GraphAssembler, "finish", "finish", after="store")
    wrap(write_module, "write_graphml", "graphml")
    wrap(reduce_module.views, "write_pages", "pages", after="report")
    wrap(reduce_module.Reduce, "save_state", "state")
    wrap(run_module, "_commit", "commit")
    phase("setup")
    original_map = run_module._map

    def mapped(*args: object, **kwargs: object) -> object:
        results = original_map(*args, **kwargs)

        def first() -> object:
            phase("first")
            yield from results

        return first()

    run_module._map = mapped
    report = run_module.build([docs], out, workers=workers)
    phase("done")
    print(json.dumps({"articles": report.articles}))


# --- the sampler ------------------------------------------------------------------------------


def _roles(root: psutil.Process) -> dict[int, str]:
    """pid → role for the build's tree (``bench_memory.build_roles``); any other descendant —
    report.html's process, the resource tracker — is ``other``."""
    roles = {
        p.pid: "workers" if role == "worker" else role for role, ps in build_roles(root).items() for p in ps
    }
    for child in root.children(recursive=True):
        roles.setdefault(child.pid, "other")
    return roles


def run_delay(pid: int) -> float:
    """Seconds the process has been ready to run but waited for a core (Linux schedstat)."""
    with open(f"/proc/{pid}/schedstat", encoding="ascii") as fh:
        return int(fh.read().split()[1]) / 1e9


def sample(command: list[str], env: dict[str, str], every: float) -> tuple[list[tuple[float, dict]], str]:
    """Run ``command``; every ``every`` s: (time, role → CPU s so far, ended processes included)."""
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    processes: dict[int, psutil.Process] = {}
    roles: dict[int, str] = {}  # a fork server is "other" until it execs
    last_cpu: dict[int, float] = {}
    last_wait: dict[int, float] = {}
    samples: list[tuple[float, dict]] = []
    while proc.poll() is None:
        try:
            for pid, role in _roles(root).items():
                if roles.get(pid, "other") == "other":  # a role once known stays (an ending process's
                    roles[pid] = role  # command line can no longer be read)
                if pid not in processes:
                    processes[pid] = root if pid == root.pid else psutil.Process(pid)
        except psutil.Error:
            pass
        for pid, process in processes.items():
            try:
                times = process.cpu_times()
                last_cpu[pid] = times.user + times.system
                last_wait[pid] = run_delay(pid)
            except (psutil.Error, OSError):
                pass  # ended: its last reading stands
        totals: dict[str, float] = defaultdict(float)
        for pid, cpu in last_cpu.items():
            totals[roles[pid]] += cpu
        for pid, wait in last_wait.items():
            totals[WAITED] += wait
            totals[f"{roles[pid]} {WAITED}"] += wait
        samples.append((time.time(), dict(totals)))
        time.sleep(every)
    _, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"build failed ({proc.returncode}): {err[-3000:]}")
    return samples, err


def phases_of(log: Path) -> list[tuple[float, str]]:
    marks = []
    for line in log.read_text(encoding="utf-8").splitlines():
        when, name = line.split("\t")
        marks.append((float(when), name))
    return marks


def at(samples: list[tuple[float, dict]], when: float) -> dict[str, float]:
    """The CPU totals at ``when``, interpolated between the samples around it."""
    columns = (*ROLES, WAITED, *(f"{r} {WAITED}" for r in ROLES))
    before = (samples[0][0], dict.fromkeys(columns, 0.0))
    for t, totals in samples:
        if t >= when:
            share = (when - before[0]) / (t - before[0] or 1.0)
            return {
                r: before[1].get(r, 0.0) + share * (totals.get(r, 0.0) - before[1].get(r, 0.0))
                for r in columns
            }
        before = (t, totals)
    return {r: before[1].get(r, 0.0) for r in columns}


def table(samples: list[tuple[float, dict]], marks: list[tuple[float, str]]) -> list[str]:
    """One line per phase (in the order they began; a phase entered twice is summed)."""
    columns = (*ROLES, WAITED, *(f"{r} {WAITED}" for r in ROLES))
    spans: dict[str, list[float]] = defaultdict(lambda: [0.0] * (1 + len(columns)))
    bounds = marks + [(samples[-1][0], "end")]
    for (start, name), (stop, _) in zip(bounds, bounds[1:], strict=False):
        a, b = at(samples, start), at(samples, stop)
        row = spans[name]
        row[0] += stop - start
        for i, role in enumerate(columns, 1):
            row[i] += b[role] - a[role]
    head = "".join(f"{r:>9}" for r in (*ROLES, WAITED))
    lines = [f"  {'phase':8}{'wall s':>9}{head}{'cores':>7}{'wanted':>7}  wanted by role"]
    total = [0.0] * (1 + len(columns))
    roles = len(ROLES)
    for name, row in [*spans.items(), ("total", None)]:
        if row is None:
            row = total
        else:
            total = [x + y for x, y in zip(total, row, strict=True)]
        wall = row[0] or 1.0
        used = sum(row[1 : 1 + roles]) / wall
        wanted = sum(row[1 : 2 + roles]) / wall
        by_role = " ".join(f"{(row[1 + i] + row[2 + roles + i]) / wall:.2f}" for i in range(roles))
        figures = "".join(f"{v:9.2f}" for v in row[1 : 2 + roles])
        lines.append(f"  {name:8}{row[0]:9.2f}{figures}{used:7.2f}{wanted:7.2f}  {by_role}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=Path, help="the articles to build")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="build here and keep it (default: a temporary folder)")
    parser.add_argument(
        "--extend", action="store_true", help="keep the build in --out: this one extends it (articles added)"
    )
    parser.add_argument("--every", type=float, default=0.2, help="seconds between samples")
    parser.add_argument("--trace", type=Path, help="write every sample here (TSV)")
    parser.add_argument("--driver", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.driver:
        docs, out, workers = args.driver
        _driver(docs, out, int(workers))
        return
    if args.docs is None:
        parser.error("--docs is required")
    work = Path(tempfile.mkdtemp(prefix="bench-timeline-"))
    out = args.out or work / "out"
    if not (args.extend and args.out):
        shutil.rmtree(out, ignore_errors=True)
    log = work / "phases.tsv"
    log.touch()
    env = dict(os.environ, **{PHASE_LOG: str(log)})
    command = [sys.executable, __file__, "--driver", str(args.docs), str(out), str(args.workers)]
    try:
        before = load()
        samples, _ = sample(command, env, args.every)
        marks = phases_of(log)
        print(f"== {args.docs}, --workers {args.workers}: {samples[-1][0] - samples[0][0]:.1f} s wall ==")
        print(f"  load before: {before}; after: {load()}")
        print("\n".join(table(samples, marks)))
        if args.trace:
            with open(args.trace, "w", encoding="utf-8") as fh:
                names = iter(marks)
                mark = next(names, None)
                now = "start"
                for t, totals in samples:
                    while mark is not None and mark[0] <= t:
                        now, mark = mark[1], next(names, None)
                    fh.write(
                        f"{t - samples[0][0]:.2f}\t{now}\t"
                        + "\t".join(f"{totals.get(r, 0):.2f}" for r in (*ROLES, WAITED))
                        + "\n"
                    )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
