"""Every construction's examples (kg/data/relation_patterns.jsonl) run through the real pipeline
(nlp → link → relate) on a one-text article: the construction matches the encoded sentence and the
article gives exactly the relations of its type the example lists; a counter-example gives none."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation
from kg.relate.context import ArticleContext
from kg.relate.rules import load_patterns, rule_rows

PATTERNS = {p.id: p for p in load_patterns()}
Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
ROWS = [r.row for r in rule_rows() if "id" in r.row]


def given(relations: list[Relation], relation_type: str) -> list[dict]:
    rows = []
    for r in relations:
        if r.type != relation_type:
            continue
        row = {
            "type": r.type,
            "donor": r.donor.name if r.donor else None,
            "recipient": r.recipient.name if r.recipient else None,
        }
        if r.type == "pairing":
            row["kind"] = r.kind
        rows.append(row)
    return sorted(rows, key=repr)


def test_every_construction_has_an_example() -> None:
    assert ROWS and all(row.get("examples") for row in ROWS)


@pytest.mark.parametrize(
    ("rule_id", "text", "gives"),
    [(row["id"], ex["text"], ex["gives"]) for row in ROWS for ex in row["examples"]],
)
def test_example(read_text: Read, rule_id: str, text: str, gives: list[dict]) -> None:
    article, mentions, relations = read_text(text)
    pattern = PATTERNS[rule_id]
    encoded = ArticleContext(article, mentions).encoded
    assert any(pattern.regex.search(enc.text) for enc in encoded), "the construction matches"
    assert given(relations, pattern.type) == sorted(gives, key=repr)


@pytest.mark.parametrize(
    ("rule_id", "text"), [(row["id"], text) for row in ROWS for text in row.get("counter_examples", [])]
)
def test_counter_example(read_text: Read, rule_id: str, text: str) -> None:
    _, _, relations = read_text(text)
    assert given(relations, PATTERNS[rule_id].type) == []
