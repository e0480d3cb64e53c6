"""A build that reads most of its articles again reuses their parts (kg.graph.parts): each such
article's rows, triples and share of the corpus-wide graph come from the cache, and the files are
byte for byte those of a build from scratch — with one worker or two, with an article added in
front of the others, and with an article whose id was taken by another."""

from __future__ import annotations

import marshal
import shutil
from pathlib import Path

import pytest
from build_sample import files_of, parts_made, write_articles

from kg.build import build
from kg.build.cache import CACHE_DIR
from kg.graph.parts import ArticlePart
from kg.graph.write import GraphWriter

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ADDED = {"a0-added.txt": "福清市与通渭县召开东西部协作联席会议。福清市向通渭县捐赠资金300万元,建设冷库。"}
# the same file name in another folder: its id is taken by the seed's, so it enters as …-2
TWIN = {"000_4653dd86a5e97ce5.txt": "昆山市与碧江区结对帮扶。昆山市向碧江区援建了一所小学。"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The seeds, a folder with one article more, a folder whose article's id is taken."""
    base = tmp_path_factory.mktemp("corpus")
    seeds = base / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds, write_articles(base / "added", ADDED), write_articles(base / "twin", TWIN)


@pytest.fixture(scope="module")
def scratch(corpus: tuple[Path, Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    seeds, added, twin = corpus
    out = tmp_path_factory.mktemp("scratch") / "out"
    build([added, seeds, twin], out, workers=1, use_cache=False)
    return files_of(out)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_rebuild_with_one_article_more_reuses_the_parts_and_writes_the_same_bytes(
    corpus: tuple[Path, Path, Path],
    scratch: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workers: int,
) -> None:
    seeds, added, twin = corpus
    out = tmp_path / "out"
    first = build([seeds, twin], out, workers=workers)
    assert first.articles == 6
    made = parts_made(monkeypatch)
    again = build([added, seeds, twin], out, workers=workers)
    assert again.articles == 7 and again.from_cache == 6
    assert made == ["a0-added"]  # the others' parts were replayed, their records never read
    assert files_of(out) == scratch


def test_an_article_renamed_in_this_build_gets_its_own_part(
    corpus: tuple[Path, Path, Path],
    scratch: dict[str, bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds, added, twin = corpus
    out = tmp_path / "out"
    build([twin, added], out, workers=1)  # the twin's part is made under its own id
    build([added, seeds, twin], out, workers=1)  # now its id is taken: …-2, a part made for that
    assert b'"id": "000_4653dd86a5e97ce5-2"' in files_of(out)["articles.jsonl"]
    assert files_of(out) == scratch
    monkeypatch.setattr("kg.build.run.take_over", lambda *args: False)  # no unchanged rebuild
    monkeypatch.setattr(GraphWriter, "add_article", None)  # every part is found in the cache
    build([added, seeds, twin], out, workers=1)
    assert files_of(out) == scratch


def test_a_part_survives_its_round_trip(corpus: tuple[Path, Path, Path], tmp_path: Path) -> None:
    seeds, _, _ = corpus
    out = tmp_path / "out"
    build([seeds], out, workers=1)
    kept = sorted((out / CACHE_DIR / "parts").rglob("*.marshal"))
    assert len(kept) == 5
    for path in kept:
        data = marshal.loads(path.read_bytes())
        assert ArticlePart.from_dict(data).to_dict() == data
