"""Corpora for report.html at scale, shared by the report tests and benchmarks/bench_report.py.

``copy_build``: a real store made of copies of a build's records, through the build's own graph
writer. ``corpus_rows``: generated row sets of the size a build of N articles gives, for the page
alone (no store).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path
from typing import Any

from kg.graph import GraphWriter
from kg.io import read_jsonl
from kg.records import Article, Mention, Relation


def read_records(build_dir: Path) -> tuple[list[Article], dict[str, list[Mention]], list[Relation]]:
    """The records a build wrote: articles, linked mentions (entities.jsonl) and relations."""
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for mention in read_jsonl(build_dir / "entities.jsonl", Mention.from_dict):
        mentions[mention.article_id].append(mention)
    articles = read_jsonl(build_dir / "articles.jsonl", Article.from_dict)
    return articles, dict(mentions), read_jsonl(build_dir / "relations.jsonl", Relation.from_dict)


def copy_build(build_dir: Path, out: Path, copies: int) -> tuple[dict[str, int], Any]:
    """A build folder ``out`` (store, graph.ttl, GraphML) of ``copies`` copies of ``build_dir``'s
    articles, as the reduce step feeds the graph writer. Each copy is a distinct article: its own
    id, content hash and title, and its sentences marked with the copy's number, so nothing
    repeats across copies that would not repeat across real articles. Returns the writer's
    counts and the NetworkX projection."""
    articles, mentions, relations = read_records(build_dir)
    out.mkdir(parents=True, exist_ok=True)
    writer = GraphWriter(out)
    for i in range(copies):
        for article in articles:
            new_id = f"{article.id}~{i:05d}"
            title, content_hash = f"{article.title}（{i}）", f"{article.content_hash}{i:05d}"
            copy = dataclasses.replace(article, id=new_id, content_hash=content_hash, title=title)
            own = [dataclasses.replace(m, article_id=new_id) for m in mentions.get(article.id, [])]
            stated = [
                dataclasses.replace(r, article_id=new_id, sentence_text=f"{r.sentence_text}（{i}）")
                for r in relations
                if r.article_id == article.id
            ]
            writer.add_article(copy, own, stated)
    return writer.close()


# Rows per article and sentences per article as the seeds' build gives them (5 articles: 13 pair
# rows, 21 amounts, 19 stated sums, 19 project rows, 23 organisation rows, 14 rows of relations
# agreeing with official pairs, 60 sentences).
PER_ARTICLE = {"pairs": 2.6, "funds": 4.2, "sums": 3.8, "projects": 3.8, "orgs": 4.6, "official": 2.8}
SENTENCES_PER_ARTICLE = 12
PROVINCES = ("福建省", "浙江省", "江苏省", "广东省", "宁夏回族自治区", "甘肃省", "贵州省", "四川省")


def corpus_rows(articles: int) -> dict[str, list[dict[str, Any]]]:
    """Row sets as ``kg.views.report.build_report`` reads them from a build of ``articles``
    articles (10,000 articles: 26,000 pair rows, 218,000 rows in all, 120,000 sentences), with
    distinct titles and sentences and names spread over pools of a corpus's size (chosen by
    arithmetic, not a random generator: the rows are the same on every run, and quick to make)."""
    places = [f"县{i}" for i in range(max(10, articles // 3))]
    orgs = [f"机构{i}有限公司" for i in range(max(10, articles // 2))]
    docs = [
        {
            "doc": f"a{i:06d}",
            "title": f"第{i}篇报道：东西部协作",
            "date": f"{2016 + i % 8}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "year": str(2016 + i % 8),
            "source": f"来源{i % 40}",
        }
        for i in range(articles)
    ]
    rtypes = {"pairs": "pairing", "funds": "funding", "sums": "funding", "projects": "project"}
    rows: dict[str, list[dict[str, Any]]] = {"articles": docs}
    for name, rate in PER_ARTICLE.items():
        rows[name] = []
        count = int(articles * rate)
        for n in range(count):
            i, mix = n * articles // count, n * 7919 + len(name)
            donor, recipient = places[mix % len(places)], places[(mix * 31 + 17) % len(places)]
            amount, money = (1e6, 5e6, 3e7)[mix % 3], {"donor": donor, "recipient": recipient}
            row: dict[str, Any] = {
                "pairs": {**money, "kind": "east-west", "donor_province": PROVINCES[mix % 4],
                          "recipient_province": PROVINCES[4 + mix // 4 % 4]},
                "funds": {**money, "amount": amount, "date": docs[i]["date"]},
                "sums": {**money, "amount": amount, "date": "", "purpose": "产业"},
                "projects": {"project": f"产业园{n}", "place": recipient, "builder": orgs[mix % len(orgs)]},
                "orgs": {"org": orgs[mix % len(orgs)], "recipient": recipient},
                "official": {**money, "programme": f"east-west-{2016 + 5 * (mix % 2)}",
                             "official_donor": PROVINCES[mix % 4],
                             "official_recipient": PROVINCES[4 + mix // 4 % 4],
                             "official_donor_code": f"{11 + mix % 4}0000",
                             "official_recipient_code": f"{61 + mix // 4 % 4}0000"},
            }[name]  # fmt: skip
            picks = sorted({(mix + k * 5) % SENTENCES_PER_ARTICLE for k in range(1 + mix % 3)})
            said = "某市与某县开展结对帮扶，捐赠资金用于产业项目建设。"
            evidence = [(f"第{i}篇第{k}句：{said}", rtypes.get(name, "help")) for k in picks]
            rows[name].append({"doc": docs[i]["doc"], **row, "ev": evidence})
    return rows
