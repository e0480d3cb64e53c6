"""Every construction's examples (kg/data/relation_patterns.jsonl) run through the real pipeline
(nlp → link → relate) on a one-text article: the construction matches the encoded sentence and the
article gives exactly the relations of its type the example lists; a counter-example gives none;
and no construction is shadowed: on one of its own examples at least, it gives a relation itself
(a row that some broader row always beats is merged into that row, or shows its own job)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation
from kg.relate.context import ArticleContext
from kg.relate.rules import lexicon_examples, load_patterns, rule_rows

PATTERNS = {p.id: p for p in load_patterns()}
Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
ROWS = [r.row for r in rule_rows() if "id" in r.row]
_READ: dict[str, tuple[Article, list[Mention], list[Relation]]] = {}


def read_once(read_text: Read, text: str) -> tuple[Article, list[Mention], list[Relation]]:
    """The pipeline's reading of a text, once per test session (the shadow check reads it again)."""
    if text not in _READ:
        _READ[text] = read_text(text)
    return _READ[text]


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
    article, mentions, relations = read_once(read_text, text)
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


@pytest.mark.parametrize("rule_id", [row["id"] for row in ROWS])
def test_no_construction_is_shadowed_on_its_own_examples(read_text: Read, rule_id: str) -> None:
    row = next(row for row in ROWS if row["id"] == rule_id)
    fired = {r.pattern for ex in row["examples"] for r in read_once(read_text, ex["text"])[2]}
    assert rule_id in fired, f"its examples are read by {sorted(fired)}"


@pytest.mark.parametrize(
    ("section", "text", "gives"),
    [(f"{row['file']}:{row['section']}", row["text"], row["gives"]) for _, row in lexicon_examples()],
)
def test_lexicon_section_example(read_text: Read, section: str, text: str, gives: list[dict]) -> None:
    """A lexicon section's example (data/lexicon_examples.jsonl) gives exactly the relations it
    lists, of the types it lists."""
    _, _, relations = read_once(read_text, text)
    found = [row for kind in {row["type"] for row in gives} for row in given(relations, kind)]
    assert sorted(found, key=_key) == sorted(gives, key=_key)


def _key(row: dict) -> list[tuple[str, str]]:
    return sorted((k, str(v)) for k, v in row.items())
