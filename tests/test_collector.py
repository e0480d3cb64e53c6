"""kg.collector: the collector paused around table building and back on after it, even after an
error; what a build freezes is given back when it ends, so a process that runs many builds still
collects their garbage (and a failed build leaves nothing frozen either)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from build_sample import write_articles

from kg import collector
from kg.build import NothingRead, build


def test_paused_turns_the_collector_off_and_back_on() -> None:
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.paused():
        raise ValueError
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_build_leaves_nothing_frozen(tmp_path: Path) -> None:
    gc.unfreeze()
    build([write_articles(tmp_path / "docs")], tmp_path / "out", workers=1)
    assert gc.get_freeze_count() == 0
    (tmp_path / "empty").mkdir()
    with pytest.raises(NothingRead):
        build([tmp_path / "empty"], tmp_path / "out2", workers=1)
    assert gc.get_freeze_count() == 0


def test_freeze_holds_until_the_end_of_the_block() -> None:
    gc.unfreeze()
    with collector.thawed_after():
        collector.freeze()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


EXIT_SCRIPT = """
import gc, sys
from kg import collector

class Noisy:
    def __del__(self):
        print("collected at exit")

gc.disable()
cycle = Noisy()
cycle.me = cycle
del cycle
if sys.argv[1] == "frozen":
    collector.frozen_at_exit()
    collector.frozen_at_exit()
"""


def test_what_is_alive_at_exit_is_left_to_the_exit_not_collected() -> None:
    """A process that ends after a build (the CLI) skips the interpreter's last collection, which
    walked the whole loaded pipeline: a cycle left at exit is then never collected."""
    import subprocess
    import sys

    def run(mode: str) -> str:
        return subprocess.run(
            [sys.executable, "-c", EXIT_SCRIPT, mode], capture_output=True, text=True, check=True
        ).stdout

    assert run("plain") == "collected at exit\n"  # the last collection this saves
    assert run("frozen") == ""
