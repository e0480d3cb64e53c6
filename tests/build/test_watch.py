"""``kg watch`` (kg.build.watch): one process builds, then builds again when the inputs change,
with the pipeline loaded once and a few new files mapped in that process; each build writes the
same files as a build of the same inputs from scratch."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from build_sample import files_of, store_triples, write_articles

import kg.build.run as run_module
import kg.nlp
from kg.build import build
from kg.build.watch import watch
from kg.report import BuildReport

MORE = {"b1-more.txt": "厦门市海沧区与临夏州积石山县结对帮扶。海沧区向积石山县援建了一所小学。"}


def test_a_watch_loads_the_pipeline_once_and_extends_its_build_in_its_own_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, out = write_articles(tmp_path / "docs"), tmp_path / "out"
    loads: list[object] = []
    pools: list[object] = []
    load_pipeline, run_pool = kg.nlp.load_pipeline, run_module.run_pool
    monkeypatch.setattr(kg.nlp, "load_pipeline", lambda *a, **k: loads.append(a) or load_pipeline(*a, **k))
    monkeypatch.setattr(run_module, "run_pool", lambda *a, **k: pools.append(a) or run_pool(*a, **k))
    reports: list[BuildReport | Exception] = []

    def built(result: BuildReport | Exception) -> bool:
        reports.append(result)
        if len(reports) == 1:
            write_articles(docs, MORE)  # an article added while the watch looks
        return len(reports) < 2

    watch([docs], out, built, workers=2, every=0.05)
    first, second = reports
    assert isinstance(first, BuildReport) and isinstance(second, BuildReport)
    assert (first.articles, second.articles, second.extended) == (4, 5, 4)
    assert len(loads) == 1 and pools == []  # two workers asked for, but the few files mapped here
    build([docs], tmp_path / "scratch", workers=1, use_cache=False)
    assert files_of(out) == files_of(tmp_path / "scratch")
    assert store_triples(out) == store_triples(tmp_path / "scratch")


def test_kg_watch_prints_each_build_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    docs, out = write_articles(tmp_path / "docs"), tmp_path / "out"
    kg_command = str(Path(sys.executable).parent / "kg")
    command = [kg_command, "watch", str(docs), "--out", str(out), "--every", "0.1"]
    watcher = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in watcher.stderr or ()], daemon=True).start()

    def summary() -> str:
        while not (line := lines.get(timeout=600)).startswith("read "):
            pass
        return line.strip()

    try:
        assert summary() == "read 4 file(s), 4 article(s); skipped 0"
        write_articles(docs, MORE)
        added = "read 1 file(s), 1 article(s) (added to the previous build's 4: 5 in all)"
        assert summary() == f"{added}; skipped 0"
    finally:
        watcher.send_signal(signal.SIGINT)
        code = watcher.wait(timeout=600)
    assert code == 0
