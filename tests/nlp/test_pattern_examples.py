"""Every entity pattern's examples (kg/data/patterns/entity_patterns.jsonl) run: in each example
sentence the pattern finds exactly the names listed, and in each counter-example nothing; and the
schema check at load names the file, the line and the key of a bad row."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from kg.nlp.doc import RULES_KEY
from kg.nlp.patterns import (
    PatternError,
    find_pattern_spans,
    load_patterns,
    mask_place_stops,
    pattern_examples,
    read_pattern_rows,
)
from kg.nlp.rules import add_rule_components

ROWS = pattern_examples()


@pytest.fixture(scope="module")
def rules() -> Language:
    """The rule components alone (the gazetteer's places fix where 'after' patterns start)."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    return add_rule_components(nlp)


def found_by(rules: Language, pattern_id: str, text: str) -> list[str]:
    doc = rules(text)
    places = [(s.start_char, s.end_char) for s in doc.spans[RULES_KEY] if s.kb_id_ == "gazetteer"]
    return [text[s:e] for s, e, _, _, found_id in find_pattern_spans(text, places) if found_id == pattern_id]


def test_every_pattern_has_an_example() -> None:
    assert ROWS and all(row.examples for row in ROWS), [row.id for row in ROWS if not row.examples]


@pytest.mark.parametrize(
    ("pattern_id", "text", "names"),
    [(row.id, text, names) for row in ROWS for text, names in row.examples],
)
def test_example(rules: Language, pattern_id: str, text: str, names: tuple[str, ...]) -> None:
    assert sorted(found_by(rules, pattern_id, text)) == sorted(names)


@pytest.mark.parametrize(
    ("pattern_id", "text"), [(row.id, text) for row in ROWS for text in row.counter_examples]
)
def test_counter_example(rules: Language, pattern_id: str, text: str) -> None:
    assert found_by(rules, pattern_id, text) == []


GOOD = {"id": "x-money", "label": "MONEY", "regex": r"\d+元", "examples": [{"text": "5元", "finds": ["5元"]}]}


def write(tmp_path: Path, *rows: dict) -> str:
    path = tmp_path / "patterns.jsonl"
    lines = [
        json.dumps({"define": "DIGITS", "regex": r"\d+"}),
        *(json.dumps(r, ensure_ascii=False) for r in rows),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_good_file_loads(tmp_path: Path) -> None:
    defines, rows = read_pattern_rows(write(tmp_path, GOOD, {**GOOD, "id": "x-2", "regex": "{DIGITS}元"}))
    assert defines == {"DIGITS": r"\d+"}
    assert [(line, row["id"]) for line, row in rows] == [(2, "x-money"), (3, "x-2")]


@pytest.mark.parametrize(
    ("row", "key", "why"),
    [
        ({**GOOD, "direction": "forward"}, "direction", "unknown key"),
        ({**GOOD, "label": "PLACES"}, "label", "is not one of"),
        ({**GOOD, "subtype": "company"}, "subtype", "is not one of"),
        ({**GOOD, "strip_lead": "yes"}, "strip_lead", "is not true or false"),
        ({**GOOD, "regex": "(unclosed"}, "regex", "not a regular expression"),
        ({**GOOD, "regex": "{NO_SUCH}元"}, "regex", "names no define"),
        ({**GOOD, "split": "、"}, "split", "no group 'list'"),
        ({**GOOD, "examples": [{"text": "5元", "finds": ["6元"]}]}, "examples", "is not a list"),
        ({"label": "MONEY"}, "regex", "is missing"),
    ],
)
def test_a_bad_row_names_file_line_and_key(tmp_path: Path, row: dict, key: str, why: str) -> None:
    path = write(tmp_path, GOOD, {**row, "id": "x-bad"})
    with pytest.raises(PatternError) as error:
        read_pattern_rows(path)
    message = str(error.value)
    assert message.startswith("patterns.jsonl:3: ")
    assert repr(key) in message and why in message


def test_a_used_id_twice_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PatternError, match=r"patterns.jsonl:3: key 'id': 'x-money' .* used twice"):
        read_pattern_rows(write(tmp_path, GOOD, GOOD))


def test_a_stop_character_inside_a_place_reads_as_a_name_character() -> None:
    """大均乡: 均 stops a name elsewhere; inside the place it is part of the name it starts."""
    text = "大均乡扶贫车间均已投产。"
    masked = mask_place_stops(text, [(0, 3)], load_patterns())
    assert len(masked) == len(text)
    assert masked[1] != "均" and masked[0] == "大" and masked[7] == "均"
