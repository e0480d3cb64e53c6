"""The seed articles end to end through ingestion: what the issue's "done when" asks of them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from opencc import OpenCC

from kg import ingest
from kg.records import Article
from kg.report import BuildReport, QuietReporter

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "eval" / "seeds.gold.jsonl"


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    report = BuildReport()
    found = ingest.read_articles(ingest.discover([str(REPO / "seeds")]), report, QuietReporter())
    assert report.files_read == 5 and report.skipped == []
    return {a.id: a for a in found}


def squeeze(text: str) -> str:
    """Text without whitespace and punctuation, as the gold evidence is compared."""
    return re.sub(r"[\s\W_]+", "", text)


def evidence(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "evidence" and isinstance(value, str):
                yield value
            else:
                yield from evidence(value)
    elif isinstance(node, list):
        for item in node:
            yield from evidence(item)


def test_gold_evidence_is_in_the_normalised_text(articles: dict[str, Article]) -> None:
    if not GOLD.exists():
        pytest.skip(f"gold file not found at {GOLD} (the shared folder sits beside the repository)")
    quotes = 0
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        article = articles[gold["doc"]]
        for quote in evidence(gold):
            quotes += 1
            assert squeeze(quote) in squeeze(article.text), (gold["doc"], quote)
    assert quotes >= 20


def test_seed_articles(articles: dict[str, Article]) -> None:
    dates = {a.id[:3]: a.date for a in articles.values()}
    assert dates == {
        "000": "2021-01-15",
        "001": "2020-07-13",
        "002": None,
        "003": "2020-06-01",
        "004": "2020-06-29",
    }
    for article in articles.values():
        assert article.title and article.sentences and article.content_hash
        assert OpenCC("t2s").convert(article.text) == article.text
        assert not re.search(r"[(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)]", article.text)
        assert article.original == (REPO / "seeds" / f"{article.id}.txt").read_text(encoding="utf-8-sig")


def test_seed_sentences_are_whole(articles: dict[str, Article]) -> None:
    article = next(a for a in articles.values() if a.id.startswith("000"))
    texts = [article.sentence_text(i) for i in range(len(article.sentences))]
    assert (
        "4年多以来,福清16个部门与通渭县建立“一对一”协作机制,18个镇街与通渭县18个乡镇实现全覆盖结对帮扶,"
        "54个经济强村和105家爱心企业与通渭县198个贫困村实现结对帮扶全覆盖,累计投入帮扶资金22173.35万元,"
        "实施产业发展、村集体经济建设426个项目,带动贫困户实现增收,稳定脱贫。"
    ) in texts
    assert "“家门口”铺上致富路" in texts  # a heading joined to its paragraph by a space stands alone
