"""Atomic writing of build files: all or nothing, with the mode an ordinary file would get; reading
the CSV data tables with the line each row ends on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kg.io import atomic_path, atomic_writer, csv_rows, csv_table, read_jsonl, write_jsonl


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


def test_csv_rows_keep_the_number_of_the_line_they_end_on() -> None:
    text = 'code,name\n# why the rows are here\n110000,北京\n120000,"天津\n(直辖市)"\n\n130000\n'
    header, rows = csv_table(text)
    assert header == ["code", "name"]
    assert rows == [
        (3, {"code": "110000", "name": "北京"}),
        (5, {"code": "120000", "name": "天津(直辖市)"}),  # a quoted cell may run over two lines
        (7, {"code": "130000", "name": None}),  # a cell short: the reader that checks says so
    ]
    assert csv_rows(text)[0] == {"code": "110000", "name": "北京"}
