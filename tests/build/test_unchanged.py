"""A rebuild of unchanged inputs takes the previous build's files over (kg.build.unchanged); any
change to an input, to their order or to a file of the build makes it a whole build again."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_sample import outputs, write_articles

from kg.build import build, unchanged
from kg.build.records import FileRecords


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "docs")


def _no_reduce(monkeypatch: pytest.MonkeyPatch) -> None:
    def reduced(self: object, records: FileRecords) -> None:
        raise AssertionError("the articles were reduced again")

    monkeypatch.setattr("kg.build.reduce.Reduce.add", reduced)


def test_an_unchanged_rebuild_takes_the_files_over(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = build([docs], out, workers=1)
    before = outputs(out)
    _no_reduce(monkeypatch)
    again = build([docs], out, workers=1)
    assert outputs(out) == before
    assert (again.articles, again.files_read, again.from_cache) == (first.articles, first.files_read, 4)
    assert again.outputs == first.outputs and again.notices == first.notices
    assert (out / "store").is_dir()


def test_a_changed_input_or_output_file_is_built_again(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([docs], out, workers=1)
    before = outputs(out)
    (out / "graph.html").write_text("edited", encoding="utf-8")
    build([docs], out, workers=1)  # built again: the edited file is not taken over
    assert outputs(out) == before
    (docs / "a1.txt").write_text("福清市与通渭县开展东西部扶贫协作。", encoding="utf-8")
    _no_reduce(monkeypatch)
    with pytest.raises(AssertionError, match="reduced again"):
        build([docs], out, workers=1)


def test_no_cache_always_builds(docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build([docs], out, workers=1, use_cache=False)
    _no_reduce(monkeypatch)
    with pytest.raises(AssertionError, match="reduced again"):
        build([docs], out, workers=1, use_cache=False)


def test_digests_taken_before_the_commit_are_not_read_again_unless_the_file_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, text in {"a.jsonl": "一\n", "b.ttl": "二\n", "store/000001.sst": "三"}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    taken = unchanged.TakenDigests()
    taken.take(tmp_path)
    expected = unchanged.file_digests(tmp_path)
    read: list[str] = []
    sha256_of = unchanged.sha256_of
    monkeypatch.setattr(unchanged, "sha256_of", lambda path: read.append(path.name) or sha256_of(path))
    assert unchanged.file_digests(tmp_path, taken) == expected and read == []
    (tmp_path / "b.ttl").write_text("二三\n", encoding="utf-8")  # changed after it was taken
    (tmp_path / "report.html").write_text("<p>", encoding="utf-8")  # written after it
    again = unchanged.file_digests(tmp_path, taken)
    assert sorted(read) == ["b.ttl", "report.html"]
    monkeypatch.setattr(unchanged, "sha256_of", sha256_of)
    assert again == unchanged.file_digests(tmp_path)
