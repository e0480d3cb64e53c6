"""A build whose inputs start with the previous build's extends that build (kg.build.extend): the
earlier articles are neither mapped nor replayed from their parts, and the files are byte for byte
those of a build from scratch, the store's triples the same — with one worker or two, built twice
in a row, and not when an earlier input or an output changed (then it builds from the cache)."""

from __future__ import annotations

import marshal
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from build_sample import files_of, store_triples, write_articles
from typer.testing import CliRunner

import kg.build.reduce as reduce_module
import kg.build.run as run_module
from kg.build import build
from kg.build.cache import CACHE_DIR
from kg.build.extend import SharesWriter, find_extension, state_paths
from kg.cli import app
from kg.graph.write import GraphWriter

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# 福清 → 通渭 is a pair of the seeds: the new article changes its link's counts, whose old triples go
MORE = {
    "b1-more.txt": "福清市与通渭县召开东西部协作联席会议。福清市向通渭县捐赠资金300万元,建设冷库。",
    "b2-more.txt": "厦门市海沧区与临夏州积石山县结对帮扶。海沧区向积石山县援建了一所小学。",
}
LAST = {"c1-last.txt": "昆山市与碧江区结对帮扶。昆山市向碧江区投入帮扶资金200万元。"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    base = tmp_path_factory.mktemp("corpus")  # inputs are read in the order of their paths
    seeds = base / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds, write_articles(base / "x-more", MORE), write_articles(base / "y-last", LAST)


def scratch(inputs: list[Path], out: Path) -> tuple[dict[str, bytes], set]:
    build(inputs, out, workers=1, use_cache=False)
    return files_of(out), store_triples(out)


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """The articles whose records were made into a part, and how many parts were replayed."""
    calls: dict[str, list[str]] = {"made": [], "replayed": []}
    add_article, add_part = GraphWriter.add_article, GraphWriter.add_part

    def made(self, article, mentions, relations):  # noqa: ANN001, ANN202
        calls["made"].append(article.id)
        return add_article(self, article, mentions, relations)

    def replayed(self, part):  # noqa: ANN001, ANN202
        calls["replayed"].append(part.meta["article"])
        return add_part(self, part)

    monkeypatch.setattr(GraphWriter, "add_article", made)
    monkeypatch.setattr(GraphWriter, "add_part", replayed)
    return calls


@pytest.mark.parametrize("workers", [1, 2])
def test_more_inputs_after_the_previous_ones_extend_that_build_with_the_same_bytes(
    corpus: tuple[Path, Path, Path], tmp_path: Path, spied: dict[str, list[str]], workers: int
) -> None:
    seeds, more, last = corpus
    expected = [
        scratch(inputs, tmp_path / f"scratch{len(inputs)}") for inputs in ([seeds, more], [seeds, more, last])
    ]
    out = tmp_path / "out"
    build([seeds], out, workers=workers)
    spied["made"].clear()
    spied["replayed"].clear()
    report = build([seeds, more], out, workers=workers)
    assert report.articles == 7 and report.from_cache == 5 and report.extended == 5
    # the seeds were not read again; the new articles' parts made here, or by the pool's workers
    # (two files) and replayed here
    assert sorted(spied["made"] + spied["replayed"]) == ["b1-more", "b2-more"]
    assert (files_of(out), store_triples(out)) == expected[0]
    report = build([seeds, more, last], out, workers=workers)  # an extended build extended in turn
    assert report.articles == 8 and report.from_cache == 7 and report.extended == 7
    assert sorted(spied["made"] + spied["replayed"]) == ["b1-more", "b2-more", "c1-last"]
    assert (files_of(out), store_triples(out)) == expected[1]
    assert len(list((out / CACHE_DIR / "extend").glob("*.state"))) == 1  # one state per build folder


def test_an_earlier_input_changed_builds_from_the_cache(
    corpus: tuple[Path, Path, Path], tmp_path: Path, spied: dict[str, list[str]]
) -> None:
    seeds, more, _ = corpus
    folder = tmp_path / "seeds"
    shutil.copytree(seeds, folder)
    out = tmp_path / "out"
    build([folder], out, workers=1)
    first = sorted(folder.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n福州市与定西市召开联席会议。\n", encoding="utf-8")
    spied["made"].clear()
    report = build([folder, more], out, workers=1)
    assert len(spied["replayed"]) == 4 and len(spied["made"]) == 3  # not extended: replayed from parts
    assert report.extended == 0 and report.from_cache >= 4  # the unchanged seeds, from the cache
    assert (files_of(out), store_triples(out)) == scratch([folder, more], tmp_path / "scratch")


def _edit_graph_ttl(out: Path) -> None:
    with open(out / "graph.ttl", "ab") as fh:
        fh.write(b"# edited\n")


def _cut_the_shares(out: Path) -> None:
    for shares in (out / CACHE_DIR / "extend").glob("*.shares"):
        shares.write_bytes(shares.read_bytes()[:100])


@pytest.mark.parametrize("damage", [_edit_graph_ttl, _cut_the_shares], ids=["edited output", "damaged state"])
def test_a_damaged_build_is_not_extended_but_built_from_the_cache(
    corpus: tuple[Path, Path, Path],
    tmp_path: Path,
    spied: dict[str, list[str]],
    damage: Callable[[Path], None],
) -> None:
    """An output edited by hand or a damaged state: the next build replays every article from the
    cache instead of extending, and writes what a build from scratch writes."""
    seeds, more, _ = corpus
    out = tmp_path / "out"
    build([seeds], out, workers=1)
    damage(out)
    build([seeds, more], out, workers=1)
    assert len(spied["replayed"]) == 5
    assert (files_of(out), store_triples(out)) == scratch([seeds, more], tmp_path / "scratch")


@pytest.fixture
def apart(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Builds of any size taken as large (``APART_FROM_ARTICLES`` 0): the pool's fork server starts
    before the replay and report.html is written by a second process; how often each happened."""
    calls = {"early": 0, "report apart": 0}
    order = calls["order"] = []  # when report.html's process started: before the reduce's close or in it
    start_fork_server, report_process = run_module.start_fork_server, reduce_module.report_process
    close = reduce_module.Reduce.close

    def early(config):  # noqa: ANN001, ANN202
        calls["early"] += 1
        return start_fork_server(config)

    def report_apart():  # noqa: ANN202
        calls["report apart"] += 1
        order.append("report process")
        return report_process()

    def closed(self):  # noqa: ANN001, ANN202
        order.append("close")
        return close(self)

    monkeypatch.setattr(run_module, "APART_FROM_ARTICLES", 0)
    monkeypatch.setattr(reduce_module, "APART_FROM_ARTICLES", 0)
    monkeypatch.setattr(run_module, "start_fork_server", early)
    monkeypatch.setattr(reduce_module, "report_process", report_apart)
    monkeypatch.setattr(reduce_module.Reduce, "close", closed)
    return calls


def test_a_large_build_extended_by_two_workers_writes_the_same_bytes(
    corpus: tuple[Path, Path, Path], tmp_path: Path, apart: dict[str, Any]
) -> None:
    seeds, more, last = corpus
    expected = scratch([seeds, more, last], tmp_path / "scratch")
    apart["order"].clear()  # the scratch build's close, with report.html in this process
    out = tmp_path / "out"
    build([seeds, more], out, workers=2)
    assert apart["early"] == apart["report apart"] == 1  # a first build: its pipeline loads before all else
    assert apart["order"] == ["close", "report process"]  # how many articles it has is known at its close
    report = build([seeds, more, last], out, workers=2)  # one new file, mapped on the pool
    assert report.articles == 8 and report.from_cache == 7
    assert apart["early"] == apart["report apart"] == 2
    # an extension knows its size at its start: report.html's process starts beside the pipeline's load
    assert apart["order"][2:] == ["report process", "close"]
    assert (files_of(out), store_triples(out)) == expected


def test_a_damaged_large_build_started_early_builds_from_the_cache(
    corpus: tuple[Path, Path, Path], tmp_path: Path, apart: dict[str, Any]
) -> None:
    """The fork server was started for the new files, but the state cannot be read: every file goes
    through the pool, from the cache, and the bytes are a build from scratch's."""
    seeds, more, _ = corpus
    out = tmp_path / "out"
    build([seeds], out, workers=2)
    _cut_the_shares(out)
    report = build([seeds, more], out, workers=2)
    assert report.articles == 7 and apart["early"] == 2  # the first build's, and this one's
    assert (files_of(out), store_triples(out)) == scratch([seeds, more], tmp_path / "scratch")


def test_the_summary_says_whether_the_build_extended_the_previous_one_or_came_from_the_cache(
    corpus: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    seeds, more, _ = corpus
    out = tmp_path / "out"

    def summary(*inputs: Path) -> str:
        result = CliRunner().invoke(app, ["build", *map(str, inputs), "--out", str(out), "--workers", "1"])
        assert result.exit_code == 0, result.output
        return next(line for line in result.stderr.splitlines() if line.startswith("read "))

    assert summary(seeds) == "read 5 file(s), 5 article(s); skipped 0"
    extended = "(added to the previous build's 5: 7 in all)"  # it read the 2 new files only
    assert summary(seeds, more) == f"read 2 file(s), 2 article(s) {extended}; skipped 0"
    taken_over = "(unchanged: the previous build's 7 taken over)"
    assert summary(seeds, more) == f"read 7 file(s), 7 article(s) {taken_over}; skipped 0"
    _edit_graph_ttl(out)  # not extended: every article again, from the cache
    assert summary(seeds, more) == "read 7 file(s), 7 article(s) (7 from the cache); skipped 0"


def test_the_shares_are_read_back_as_written_and_a_state_of_another_format_is_not(tmp_path: Path) -> None:
    note = ["PLACE", "福清市", "福清", "", "350181", None, None]
    shares = [{"notes": [note], "skipped": i} for i in range(3)]
    writer = SharesWriter(tmp_path, None)
    for share in shares:
        writer.add(share)
    header = {"base": "b", "inputs": [["a.txt", "d1"]], "articles": 3}
    writer.save(tmp_path, "k1", header)
    inputs = [["a.txt", "d1"], ["b.txt", "d2"]]
    found = find_extension({"extend": "k1"}, tmp_path, inputs, "b", tmp_path)
    assert found is not None and list(found.replay()) == shares
    head = state_paths(tmp_path, "k1")[0]
    head.write_bytes(marshal.dumps(header))  # a state written before the shares had their lengths
    assert find_extension({"extend": "k1"}, tmp_path, inputs, "b", tmp_path) is None
