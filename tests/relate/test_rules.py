"""The relate stage's rule files hold to their schema: a bad row names its file, line and key."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from kg.relate import rules
from kg.relate.rules import load_patterns
from kg.relate.schema import RuleError

SHIPPED = rules.data_text  # the files as shipped, whatever a test patches
CACHED = (
    rules.lexicon,
    rules.cues,
    rules.rule_rows,
    rules.macros,
    rules.load_patterns,
    rules.action_regexes,
    rules.lexicon_examples,
)


@pytest.fixture
def patched(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Rule files as the test writes them (name → text); the others as shipped."""
    texts: dict[str, str] = {}
    monkeypatch.setattr(rules, "data_text", lambda name: texts.get(name) or SHIPPED(name))
    for f in CACHED:
        f.cache_clear()
    yield texts
    for f in CACHED:
        f.cache_clear()


def _patterns_with(change: dict, row_id: str = "pair.duikou") -> str:
    lines = []
    for line in SHIPPED(rules.PATTERNS_FILE).splitlines():
        row = json.loads(line)
        if row.get("id") == row_id:
            row.update(change)
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def _line_of(row_id: str) -> int:
    for number, line in enumerate(SHIPPED(rules.PATTERNS_FILE).splitlines(), start=1):
        if json.loads(line).get("id") == row_id:
            return number
    raise AssertionError(row_id)


def test_the_shipped_rule_files_load() -> None:
    assert {p.type for p in rules.load_patterns()} == {"pairing", "help", "funding", "project"}
    assert rules.lexicon()["negation"]["words"]
    assert rules.cues()["relation"]["id"] == "cue.sides"
    assert "PL" in rules.macros()


def test_a_typo_in_direction_names_file_line_and_key(patched: dict[str, str]) -> None:
    patched[rules.PATTERNS_FILE] = _patterns_with({"direction": "symetric"})
    with pytest.raises(RuleError) as error:
        rules.load_patterns()
    line = _line_of("pair.duikou")
    assert (error.value.file, error.value.line, error.value.key) == (rules.PATTERNS_FILE, line, "direction")
    assert str(error.value).startswith(
        f"relation_patterns.jsonl:{line}: direction: must be one of forward, symmetric"
    )


def test_an_unknown_key_is_an_error(patched: dict[str, str]) -> None:
    patched[rules.PATTERNS_FILE] = _patterns_with({"levle": "any"})
    with pytest.raises(RuleError) as error:
        rules.load_patterns()
    assert (error.value.line, error.value.key) == (_line_of("pair.duikou"), "levle")
    assert "unknown key" in error.value.problem


def test_a_bad_confidence_an_unknown_macro_and_a_twice_used_id_are_errors(patched: dict[str, str]) -> None:
    patched[rules.PATTERNS_FILE] = _patterns_with({"confidence": 1.5})
    with pytest.raises(RuleError, match="confidence: must be a number from 0.0 to 1.0"):
        rules.load_patterns()
    rules.rule_rows.cache_clear()
    patched[rules.PATTERNS_FILE] = _patterns_with({"regex": "(?P<donor>{PLACES})对口帮扶(?P<recipient>{P})"})
    with pytest.raises(RuleError, match="regex: unknown macro 'PLACES'"):
        rules.load_patterns()
    rules.rule_rows.cache_clear()
    patched[rules.PATTERNS_FILE] = _patterns_with({"id": "pair.duikou_listed"})
    with pytest.raises(RuleError, match="id: 'pair.duikou_listed' is used twice"):
        rules.load_patterns()


def test_a_fund_rule_needs_its_partial_confidence(patched: dict[str, str]) -> None:
    text = SHIPPED(rules.PATTERNS_FILE).replace(', "partial_confidence": 0.5', "")
    patched[rules.PATTERNS_FILE] = text
    with pytest.raises(RuleError, match="partial_confidence: is required for a fund or project"):
        rules.load_patterns()


def test_a_lexicon_section_is_checked_with_the_line_of_its_key(patched: dict[str, str]) -> None:
    source = SHIPPED(rules.LEXICON_FILE)
    lexicon = json.loads(source)
    lexicon["negation"]["wrods"] = lexicon["negation"].pop("words")
    patched[rules.LEXICON_FILE] = json.dumps(lexicon, ensure_ascii=False, indent=2)
    with pytest.raises(RuleError) as error:
        rules.lexicon()
    assert error.value.key == "negation.wrods"
    text_lines = patched[rules.LEXICON_FILE].splitlines()
    assert '"wrods"' in text_lines[error.value.line - 1]


def test_the_cues_file_is_checked(patched: dict[str, str]) -> None:
    cues = json.loads(SHIPPED(rules.CUES_FILE))
    cues["max_recipients"] = "twelve"
    patched[rules.CUES_FILE] = json.dumps(cues, ensure_ascii=False, indent=2)
    with pytest.raises(RuleError, match=r"pairing_cues.json:\d+: max_recipients: must be an integer"):
        rules.cues()


def test_patterns_are_data_with_unique_ids_and_known_types() -> None:
    patterns = load_patterns()
    ids = [p.id for p in patterns]
    assert len(ids) == len(set(ids))
    assert {p.type for p in patterns} == {"pairing", "help", "funding", "project"}
    assert all(p.direction in ("forward", "symmetric") for p in patterns)
    assert all(0 < p.confidence <= 1 for p in patterns)
    assert not any(re.search(r"\{[A-Z_]+\}", p.regex.pattern) for p in patterns)  # every macro expanded


def _examples_with(change: dict, section: str = "negation") -> str:
    lines = []
    for line in SHIPPED(rules.LEXICON_EXAMPLES_FILE).splitlines():
        row = json.loads(line)
        if row["section"] == section:
            row.update(change)
        lines.append(json.dumps(row, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def test_a_lexicon_example_names_a_section_of_its_file(patched: dict[str, str]) -> None:
    patched[rules.LEXICON_EXAMPLES_FILE] = _examples_with({"section": "negations"})
    with pytest.raises(RuleError, match=r"lexicon_examples.jsonl:\d+: section: relation_lexicon.json has no"):
        rules.lexicon_examples()


def test_a_section_that_drives_a_construction_has_an_example(patched: dict[str, str]) -> None:
    patched[rules.LEXICON_EXAMPLES_FILE] = _examples_with({"section": "actions"})
    with pytest.raises(RuleError, match="'negation' has no example"):
        rules.lexicon_examples()


def test_a_lexicon_example_holds_to_its_schema(patched: dict[str, str]) -> None:
    patched[rules.LEXICON_EXAMPLES_FILE] = _examples_with({"gives": []})
    with pytest.raises(RuleError, match="gives"):
        rules.lexicon_examples()
