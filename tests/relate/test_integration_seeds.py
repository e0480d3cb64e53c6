"""Relations of the seeds build, checked against what the seed articles state."""

from __future__ import annotations

import json
from pathlib import Path

from kg.io import read_jsonl


def _relations(build: Path) -> list[dict]:
    return read_jsonl(build / "relations.jsonl")


def test_local_poverty_work_yields_no_pairing(seeds_build: Path) -> None:
    # seed 003 reports a county's own 精准扶贫 work: places are named, nobody is paired
    local = [r for r in _relations(seeds_build) if r["article_id"].startswith("003_")]
    assert local, "the article is read and its other relations kept"
    assert [r for r in local if r["type"] == "pairing"] == []


def test_every_required_gold_pairing_is_a_relation(seeds_build: Path, gold_path: Path) -> None:
    relations = _relations(seeds_build)
    articles = {a["id"]: a["text"] for a in read_jsonl(seeds_build / "articles.jsonl")}
    missing = []
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for pair in doc["pairs"]:
            if pair.get("optional"):
                continue
            found = [
                r
                for r in relations
                if r["type"] == "pairing"
                and r["article_id"] == doc["doc"]
                and _same(r["donor"], pair, "donor")
                and _same(r["recipient"], pair, "recipient")
            ]
            if not found:
                missing.append(f"{doc['doc']}: {pair['donor']} -> {pair['recipient']}")
                continue
            for r in found:  # the evidence is the article's own sentence, at its offsets
                text = articles[r["article_id"]]
                assert r["sentence_text"] and r["sentence_text"] in text
                assert 0 <= r["start"] < r["end"] <= len(text)
                assert r["kind"] == pair["kind"]
    assert missing == []


def _same(party: dict, pair: dict, role: str) -> bool:
    code = pair.get(f"{role}_adcode")
    if code:
        return party.get("code") == code
    county = pair.get(f"{role}_county_adcode")
    return party.get("county_code") == county and party["name"].startswith(pair[role][:2])
