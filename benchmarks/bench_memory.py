"""Where a build's memory goes: peak RSS per process and per phase, at several N.

Run: .venv/bin/python benchmarks/bench_memory.py [--sizes 300,1000 | --docs DIR] [--workers 1,2] [--trace]
     [--keep DIR]

The corpus is bench_build's (distinct seeds-like articles). Each build runs in a child process
(``--driver``) that calls ``kg.build.build`` with the phase it is in written to a file as it goes:
``map`` (records streaming into the reduce), ``graph`` (the corpus-wide triples, the store's last
load), ``graphml``, ``pages`` (graph.html, map.html), ``report`` (report.html from the store),
``state`` (the extend state, the manifest and the swap). This process samples every 0.1 s the RSS
of each process of the build's tree — the build's own (``parent``), the pool's fork server
(``server``), its workers (``worker``, the largest of them) — with the phase of that moment, and
prints for each N the peak of each process in each phase, the peak of the sum with its make-up,
and the growth per 1,000 articles between the sizes.

``--trace``: the parent also runs tracemalloc (slower) and prints the Python heap and its largest
allocation sites at the end of the map and after the graph's close.
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
from bench_build import load, make_corpus  # noqa: E402

PHASE_FILE = "KG_BENCH_PHASE_FILE"
ROLES = ("parent", "server", "worker", "workers", "sum", "pss")


# --- the driver: the build itself, in a child process --------------------------------------------


def _driver(docs: str, out: str, workers: int, trace: bool) -> None:
    import kg.build.reduce as reduce_module
    import kg.graph.write as write_module
    import kg.views.pages as pages_module
    from kg.build import run as run_module

    phase_file = os.environ[PHASE_FILE]
    if trace:
        import tracemalloc

        tracemalloc.start(4)

    def phase(name: str) -> None:
        with open(phase_file + ".tmp", "w", encoding="utf-8") as fh:
            fh.write(name)
        os.replace(phase_file + ".tmp", phase_file)  # never read half written
        if trace and name in ("graph", "pages"):
            _heap(name)

    def wrap(owner: object, attr: str, name: str) -> None:
        inner = getattr(owner, attr)

        def wrapped(*args: object, **kwargs: object) -> object:
            phase(name)
            return inner(*args, **kwargs)

        setattr(owner, attr, wrapped)

    wrap(reduce_module.Reduce, "close", "graph")
    wrap(write_module, "write_graphml", "graphml")
    wrap(pages_module, "build_pages", "pages")
    wrap(pages_module, "write_report", "report")
    wrap(reduce_module.Reduce, "save_state", "state")
    phase("map")
    report = run_module.build([docs], out, workers=workers)
    phase("done")
    print(json.dumps({"articles": report.articles}))


def _heap(when: str) -> None:
    import gc
    import tracemalloc

    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    stats = snapshot.statistics("lineno")
    total = sum(s.size for s in stats)
    lines = [f"  heap at the start of {when}: {total / 2**20:.1f} MB traced; largest sites:"]
    for stat in stats[:12]:
        frame = stat.traceback[0]
        where = f"{frame.filename}:{frame.lineno}"
        lines.append(f"    {stat.size / 2**20:7.1f} MB {stat.count:9,} blocks  {where}")
    print("\n".join(lines), file=sys.stderr, flush=True)


# --- the sampler ------------------------------------------------------------------------------


def build_roles(root: psutil.Process) -> dict[str, list[psutil.Process]]:
    """The build's processes by role: itself, the fork server (a child running forkserver's
    main) and the server's children (the pool's workers); the resource tracker is left out."""
    roles: dict[str, list[psutil.Process]] = {"parent": [root], "server": [], "worker": []}
    for child in root.children():
        try:
            line = " ".join(child.cmdline())
        except psutil.Error:
            continue
        if "forkserver" in line:
            roles["server"].append(child)
            roles["worker"].extend(child.children())
    return roles


def measure(docs: Path, out: Path, workers: int, trace: bool) -> tuple[dict, dict, float, str]:
    """One cold build: (phase → role → peak MB, the make-up of the peak sum, wall s, stderr)."""
    shutil.rmtree(out, ignore_errors=True)
    fd, phase_path = tempfile.mkstemp(prefix="kg-phase-")
    os.close(fd)
    env = dict(os.environ, **{PHASE_FILE: phase_path})
    command = [sys.executable, __file__, "--driver", str(docs), str(out), str(workers)]
    if trace:
        command.append("--trace")
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root = psutil.Process(proc.pid)
    peaks: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(ROLES, 0.0))
    best: dict = {"sum": 0.0}
    tick = 0
    while proc.poll() is None:
        tick += 1
        try:
            with open(phase_path, encoding="utf-8") as fh:
                now = fh.read().strip() or "start"
            mb: dict[str, float] = {}
            for role, processes in build_roles(root).items():
                sizes = [p.memory_info().rss / 2**20 for p in processes if p.is_running()]
                mb[role] = max(sizes, default=0.0)
                if role == "worker":
                    mb["workers"] = sum(sizes)
            mb["sum"] = mb["parent"] + mb["server"] + mb["workers"]
            if tick % 5 == 0:  # PSS reads every mapping of every process: not every sample
                tree = [p for processes in build_roles(root).values() for p in processes]
                mb["pss"] = sum(p.memory_full_info().pss for p in tree if p.is_running()) / 2**20
        except (psutil.Error, OSError):
            time.sleep(0.1)
            continue
        for role, value in mb.items():
            peaks[now][role] = max(peaks[now][role], value)
        if mb["sum"] > best["sum"]:
            best = dict(mb, phase=now)
        time.sleep(0.1)
    wall = time.perf_counter() - started
    _, err = proc.communicate()
    os.unlink(phase_path)
    if proc.returncode != 0:
        raise RuntimeError(f"build failed ({proc.returncode}): {err[-3000:]}")
    return dict(peaks), best, wall, err


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="300,1000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--trace", action="store_true", help="tracemalloc in the parent (slower)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--docs", type=Path, help="an existing corpus folder to build (one size: its own)")
    parser.add_argument("--driver", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.driver:
        docs, out, workers = args.driver
        _driver(docs, out, int(workers), args.trace)
        return
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-memory-"))
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.docs is not None:
        sizes = [sum(1 for _ in args.docs.glob("*.txt"))]
    overall: dict[tuple[int, int], dict] = {}
    try:
        for workers in (int(w) for w in args.workers.split(",")):
            for n in sizes:
                docs = args.docs or work / f"docs{n}"
                if not docs.exists():
                    make_corpus(docs, n)
                peaks, best, wall, err = measure(docs, work / f"out{n}-w{workers}", workers, args.trace)
                overall[(n, workers)] = {"peaks": peaks, "best": best}
                print(f"\n== N = {n:,}, --workers {workers}: {wall:.0f} s wall, {load()} ==", flush=True)
                print(f"  {'phase':8}" + "".join(f"{r:>9}" for r in ROLES) + "   (peak RSS MB in the phase)")
                for name, row in peaks.items():
                    print(f"  {name:8}" + "".join(f"{row[r]:9.0f}" for r in ROLES))
                print(
                    f"  peak of the sum {best['sum']:.0f} MB in phase {best.get('phase')}: "
                    + ", ".join(f"{r} {best.get(r, 0):.0f}" for r in ("parent", "server", "workers")),
                    flush=True,
                )
                for line in err.splitlines():
                    if line.startswith("  heap") or line.startswith("    "):
                        print(line)
            for a, b in zip(sizes, sizes[1:], strict=False):
                pa, pb = overall[(a, workers)]["peaks"], overall[(b, workers)]["peaks"]
                grow = []
                for role in ("parent", "worker", "sum"):
                    top_a = max(row[role] for row in pa.values())
                    top_b = max(row[role] for row in pb.values())
                    per = (top_b - top_a) * 1000 / (b - a)
                    grow.append(f"{role} {top_a:.0f} → {top_b:.0f} MB ({per:+.0f} MB/1,000)")
                print(f"--workers {workers}, N {a:,} → {b:,}: " + "; ".join(grow), flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
