"""Short articles written for the build tests, and how to compare two builds' files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.graph.parts import ArticlePart
from kg.graph.write import GraphWriter

ARTICLES = {
    "a1.txt": "福清市与通渭县开展东西部扶贫协作。2020年,福清市向通渭县捐赠资金500万元,用于建设扶贫车间。",
    "a2.txt": "昆山市与碧江区结对帮扶。昆山市张浦镇与碧江区坝黄镇签订结对帮扶协议。",
    "a3.txt": "天津市和平区对口帮扶甘肃省和政县。和平区向和政县援建了一所小学。",
    "a4.txt": "本报讯 今年以来,福建省与宁夏回族自治区深化闽宁协作,共建产业园区三个。",
}
OUTPUTS = ("articles.jsonl", "entities.jsonl", "relations.jsonl", "graph.ttl", "graph.graphml", "graph.html")


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def files_of(out: Path) -> dict[str, bytes]:
    """Every file a build wrote but its store's own files and its manifest (they hold times and ids)."""
    skip = {"store", ".kg-cache", "kg-build.json"}
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not skip & set(p.relative_to(out).parts)
    }


def store_triples(out: Path) -> set:
    """The triples of a build's store (its files differ from build to build, its content must not)."""
    import pyoxigraph as ox

    store = ox.Store.read_only(str(out / "store"))
    return set(store.quads_for_pattern(None, None, None))


def parts_made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles whose part this process makes from their records, as they come
    (a part from the cache or from a pool's worker is replayed, not made)."""
    made: list[str] = []
    add_article = GraphWriter.add_article

    def counted(self: GraphWriter, article, mentions, relations) -> ArticlePart:  # noqa: ANN001
        made.append(article.id)
        return add_article(self, article, mentions, relations)

    monkeypatch.setattr(GraphWriter, "add_article", counted)
    return made


def failing_start(config: object) -> None:
    """A pool worker's initialiser that fails: the worker dies at its start (importable by name, so
    that the pool's fork server unpickles this one, not the build's own)."""
    raise RuntimeError("this worker cannot start")
