"""Atomic writing of build files: all or nothing, with the mode an ordinary file would get."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kg.io import atomic_path, atomic_writer, read_jsonl, write_jsonl


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_jsonl(tmp_path / "rows.jsonl", [{"a": 1}])
        with atomic_path(tmp_path / "graph.ttl") as tmp:
            tmp.write_text("<a> <b> <c> .\n", encoding="utf-8")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "rows.jsonl") == 0o644
    assert _mode(tmp_path / "graph.ttl") == 0o644


def test_a_failed_write_keeps_the_good_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "entities.jsonl"
    write_jsonl(target, [{"id": 1}, {"id": 2}])
    with pytest.raises(RuntimeError):
        with atomic_writer(target) as fh:
            fh.write('{"id": 3}\n')
            raise RuntimeError("interrupted")
    assert read_jsonl(target) == [{"id": 1}, {"id": 2}]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entities.jsonl"]
