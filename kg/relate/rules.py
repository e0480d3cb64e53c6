"""The rules of the relate stage as data: the lexicon, the constructions and their macros, the
reference tables (official pairs, the provinces' own programmes)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.io import data_json, data_rows, data_text, json_lines
from kg.prefilter import Prefiltered
from kg.relate.schema import Field, RuleError, validate
from kg.relate.specs import (
    CUES_SPEC,
    DEFINE_ROW,
    LEXICON_EXAMPLE_ROW,
    LEXICON_SPEC,
    PATTERN_ROW,
    SECTIONS_WITH_EXAMPLES,
)
from kg.relate.text import CLAUSE_STOPS, CLOSE, OPEN, SENTENCE_STOPS

PATTERNS_FILE = "relation_patterns.jsonl"
LEXICON_FILE = "relation_lexicon.json"
CUES_FILE = "pairing_cues.json"
LEXICON_EXAMPLES_FILE = "lexicon_examples.jsonl"


def _checked(name: str, spec: dict[str, Field]) -> dict[str, Any]:
    """A JSON rule file, checked against its schema."""
    source = data_text(name)
    value = json.loads(source)
    validate(value, spec, name, source)
    return value


@cache
def lexicon() -> dict[str, Any]:
    """The word lists of this stage (``data/relation_lexicon.json``), checked against their schema."""
    return _checked(LEXICON_FILE, LEXICON_SPEC)


@cache
def cues() -> dict[str, Any]:
    """The cue words and limits of the recall net (``data/pairing_cues.json``), checked."""
    return _checked(CUES_FILE, CUES_SPEC)


@cache
def lexicon_examples() -> tuple[tuple[int, dict[str, Any]], ...]:
    """The examples of the lexicon sections (``data/lexicon_examples.jsonl``) with their lines,
    checked: each row against its schema, its section one of its file, every section of
    :data:`~kg.relate.specs.SECTIONS_WITH_EXAMPLES` with one at least."""
    sections = {name: set(data_json(name)) for name in SECTIONS_WITH_EXAMPLES}
    rows = []
    for number, row in json_lines(data_text(LEXICON_EXAMPLES_FILE)):
        if isinstance(row, Exception):
            raise RuleError(LEXICON_EXAMPLES_FILE, number, "(row)", f"is no JSON ({row})")
        validate(row, LEXICON_EXAMPLE_ROW, LEXICON_EXAMPLES_FILE, json.dumps(row, ensure_ascii=False), number)
        if row["section"] not in sections[row["file"]]:
            raise RuleError(
                LEXICON_EXAMPLES_FILE, number, "section", f"{row['file']} has no {row['section']!r}"
            )
        rows.append((number, row))
    for name, wanted in SECTIONS_WITH_EXAMPLES.items():
        for section in wanted:
            if not any(r["file"] == name and r["section"] == section for _, r in rows):
                raise RuleError(LEXICON_EXAMPLES_FILE, 0, "section", f"{name}: {section!r} has no example")
    return tuple(rows)


@cache
def aid_goal_words() -> tuple[str, ...]:
    """The national aid programmes' words (援疆, 援藏, 援青 …: the keys of the lexicon's
    ``funding.aid_goals``): each names a pairing as a cue does, a team for the programme, and the
    place written before it as a giver."""
    return tuple(k for k in lexicon()["funding"]["aid_goals"] if not k.startswith("_"))


def words_of(reference: str) -> list[str]:
    """The words a lexicon reference names: ``section.key``, or ``section.*`` for all its lists."""
    section, _, key = reference.partition(".")
    entry = lexicon()[section]
    if key == "*":
        return [w for k, ws in entry.items() if not k.startswith("_") for w in ws]
    return entry[key]


def alternatives(words: Iterable[str]) -> str:
    """Regex alternation, longest first so 结对帮扶 wins over 结对."""
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def action_regexes() -> dict[str, re.Pattern[str]]:
    actions = {k: v for k, v in lexicon()["actions"].items() if not k.startswith("_")}
    return {name: re.compile(expand(alternatives(words))) for name, words in actions.items()}


# The encoded alphabet as a rule may name it ({!OPEN}): inserted as it is, inside classes too.
ALPHABET = {"OPEN": OPEN, "CLOSE": CLOSE, "CLAUSE_STOPS": CLAUSE_STOPS, "SENTENCE_STOPS": SENTENCE_STOPS}
MACRO_RE = re.compile(r"\{(!|@|<!@)?([A-Za-z_][A-Za-z_.*]*)\}")


@dataclass(frozen=True)
class RuleRow:
    """One line of the patterns file: a macro (``define``) or a construction, with its line."""

    line: int
    row: dict[str, Any]


@cache
def rule_rows() -> tuple[RuleRow, ...]:
    """Every row of ``data/relation_patterns.jsonl``, each checked against the schema of its kind."""
    rows = []
    for number, line in enumerate(data_text(PATTERNS_FILE).splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise RuleError(PATTERNS_FILE, number, "(row)", f"is no JSON ({error})") from error
        validate(row, DEFINE_ROW if "define" in row else PATTERN_ROW, PATTERNS_FILE, line, number)
        rows.append(RuleRow(number, row))
    return tuple(rows)


@cache
def macros() -> dict[str, str]:
    """The macros the constructions use ({PL}, {G}…), by name, as the patterns file defines them."""
    return {r.row["define"]: r.row["regex"] for r in rule_rows() if "define" in r.row}


def expand(regex: str, table: dict[str, str] | None = None) -> str:
    """Replace the macros of a rule: ``{NAME}`` a defined macro (as a group; nested ones expand
    too), ``{!NAME}`` a character of the encoded alphabet, ``{@section.key}`` the lexicon's words
    as alternatives, ``{<!@section.key}`` a look-behind that none of them stands before.
    ``{m,n}`` quantifiers stay; an unknown name is a KeyError."""
    table = macros() if table is None else table

    def one(match: re.Match[str]) -> str:
        kind, name = match.group(1), match.group(2)
        if kind == "!":
            return ALPHABET[name]
        if kind == "@":  # words may use macros too (捐{G}{0,2}物)
            return expand(alternatives(words_of(name)), table)
        if kind == "<!@":
            return "".join(f"(?<!{expand(w, table)})" for w in words_of(name))
        if name not in table:
            raise KeyError(name)
        return "(?:" + expand(table[name], table) + ")"

    return MACRO_RE.sub(one, regex)


@dataclass(frozen=True)
class Pattern:
    """One construction of ``data/relation_patterns.jsonl``."""

    id: str
    type: str
    regex: Prefiltered  # the compiled construction, skipping sentences without its words
    confidence: float
    direction: str = "forward"  # forward | symmetric
    levels: str = "any"  # any | comparable
    donor_fallback: str | None = None  # topic | subject (the topic, unless it receives) | count (3市…)
    recipient_fallback: str | None = None  # topic | context | subject (the subject, unless it gives)
    action: str | None = None
    # cross: each first with each second | chain: A与B、C与D, one pair per 与 | items: a list of
    # pairs, each item's places before its joining word with those after it (A、B与C,D与E)
    pairs: str = "cross"
    decided_by: str = "any"  # any | sides | east-sides: a symmetric wording kept only when the sides decide
    teams: bool = False  # every organisation in the wording must be a team (X驻Y工作队)
    partial_confidence: float | None = None  # funds and projects: where a role stays unknown


@cache
def load_patterns() -> tuple[Pattern, ...]:
    """The constructions, checked and compiled once."""
    patterns: list[Pattern] = []
    for rule in rule_rows():
        row = rule.row
        if "define" in row:
            continue
        if any(p.id == row["id"] for p in patterns):
            raise RuleError(PATTERNS_FILE, rule.line, "id", f"{row['id']!r} is used twice")
        if row.get("action") and row["action"] not in lexicon()["actions"]:
            raise RuleError(
                PATTERNS_FILE, rule.line, "action", f"{row['action']!r} is no action of the lexicon"
            )
        if row["type"] in ("funding", "project") and "partial_confidence" not in row:
            raise RuleError(
                PATTERNS_FILE, rule.line, "partial_confidence", "is required for a fund or project"
            )
        try:
            compiled = re.compile(expand(row["regex"]))
        except KeyError as error:
            raise RuleError(PATTERNS_FILE, rule.line, "regex", f"unknown macro {error}") from error
        except re.error as error:
            raise RuleError(
                PATTERNS_FILE, rule.line, "regex", f"is no regular expression ({error})"
            ) from error
        patterns.append(
            Pattern(
                id=row["id"],
                type=row["type"],
                regex=Prefiltered(compiled),
                confidence=float(row["confidence"]),
                direction=row.get("direction", "forward"),
                levels=row.get("levels", "any"),
                donor_fallback=row.get("donor_fallback"),
                recipient_fallback=row.get("recipient_fallback"),
                action=row.get("action"),
                pairs=row.get("pairs", "cross"),
                decided_by=row.get("decided_by", "any"),
                teams=bool(row.get("teams", False)),
                partial_confidence=row.get("partial_confidence"),
            )
        )
    return tuple(patterns)


def pattern_by_id(rule_id: str) -> Pattern:
    """The construction with this id (a family that reads several constructions of its kind)."""
    (found,) = [p for p in load_patterns() if p.id == rule_id]
    return found


def pattern_of(kind: str) -> Pattern:
    """The one construction of a kind that has only one (a sum of money, a named project)."""
    (found,) = [p for p in load_patterns() if p.type == kind]
    return found


@cache
def intra_province_sides() -> dict[str, str]:
    """Prefecture code → donor | recipient in the provinces' own programmes (山海协作, 南北挂钩)."""
    return {row["code"]: row["side"] for row in data_rows("intra_province_sides.csv")}
