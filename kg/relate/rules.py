"""The rules of the relate stage as data: the lexicon, the constructions and their macros, the
reference tables (official pairs, the provinces' own programmes)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from kg.relate.text import CLAUSE_STOPS, CLOSE, OPEN, SENTENCE_STOPS


def data_text(name: str) -> str:
    return files("kg.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, Any]:
    """The word lists of this stage (``data/relation_lexicon.json``)."""
    return json.loads(data_text("relation_lexicon.json"))


def alternatives(words: Iterable[str]) -> str:
    """Regex alternation, longest first so 结对帮扶 wins over 结对."""
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def action_regexes() -> dict[str, re.Pattern[str]]:
    actions = {k: v for k, v in lexicon()["actions"].items() if not k.startswith("_")}
    return {name: re.compile(expand(alternatives(words), {})) for name, words in actions.items()}


def macros() -> dict[str, str]:
    lex = lexicon()
    one_char = f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]"  # the {G} macro, used inside others
    token = OPEN + "{}" + r"\d+" + CLOSE
    place, org = token.format("P"), token.format("O")
    opening = alternatives(lex["clause_opening_verbs"]["words"])
    subordinates = alternatives(lex["subordinate_list_joiners"]["words"])
    actions = [w for k, ws in lex["actions"].items() if not k.startswith("_") for w in ws]
    intro = lex["introduced_enterprise"]
    return {
        "P": place,
        "O": org,
        # the end of any token (for look-behinds: a place right after "«…»、" is inside a list)
        "END": CLOSE,
        "M": token.format("M"),
        "J": token.format("J"),
        "D": token.format("D"),
        "PL": f"{place}(?:(?:、|和|及|以及|或|联合|会同|的)?{place})*",
        # a list of recipients: an item followed by a pairing verb opens the next clause
        # (北京市帮扶内蒙古自治区、天津市帮扶甘肃省), so it ends the list before it
        # (…对口支援Y市及其下辖A、B等县区: the subordinates named after 及其下辖 receive too)
        "PLR": (
            f"{place}(?:(?:、|和|及|以及|或|的|(?:{subordinates})的?)?{place}"
            f"(?!{one_char}{{0,3}}?{opening}))*"
        ),
        # a list that 等 closes may separate its items with commas too (海曙段塘、望春,江东东郊,
        # 北仑小港等四区的7个镇): 等 tells that they are one list
        "PLD": f"{place}(?:(?:[、,,]|和|及|以及)?{place})*(?=等)",
        "OL": f"{org}(?:(?:、|和|及|以及)?{org})*",
        # a list of places and organisations (A公司、Y村与Z村签订…): only its places are parties
        "POL": f"(?:{place}|{org})(?:(?:、|和|及|以及)?(?:{place}|{org}))*",
        # one character or non-party token inside a clause (签订的“…”«J»合作协议)
        "GT": f"(?:{one_char}|{OPEN}[MDJR]\\d+{CLOSE})",
        # a team a place sends (工作队, 指挥部): X驻Y工作队 pairs X with Y
        "TEAM": alternatives(lex["stationed_team"]["words"]),
        # words that may open a clause before its verb when its subject is left out (同时, 还)
        "LEAD": alternatives(lex["clause_adverbs"]["words"]),
        # one character inside a clause: no token, no clause punctuation
        "G": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]",
        # the same without the words that join a second party (与, 和, 同)
        "H": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}与和同]",
        # one character or non-party token inside a sentence (crosses commas)
        "X": f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[MDJR]\\d+{CLOSE})",
        # the same, crossing places too (ORG … 在Y设立), and organisations that are a goal or
        # an object (A组织企业到«X村幼儿园»开展捐赠)
        "XP": (
            f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[PMDJR]\\d+{CLOSE}"
            f"|(?<=[到向为给对赴]){OPEN}O\\d+{CLOSE})"
        ),
        # the same along one subject's chain of clauses: a place or an organisation that opens a
        # clause is a new subject; inside a clause it is an object (结合«党史»学习教育, 到«X小学»)
        "XS": (
            f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[MDJR]\\d+{CLOSE}"
            f"|(?<![,,;;:、]){OPEN}[PUO]\\d+{CLOSE})"
        ),
        # what may stand before a subject inside its clause (a date, 爱心企业), but no preposition
        # that would make the organisation an object (与, 向, 为, 在…)
        "SUBJ_LEAD": f"(?:(?!{alternatives(lex['not_subject_before']['words'])}){one_char})",
        # a place right after a pairing verb is that verb's object (北京帮扶内蒙古和河北的保定):
        # it opens no "X与Y结对" of its own
        "NOT_OBJECT": "".join(f"(?<!{w})" for w in lex["clause_opening_verbs"]["words"]),
        "ACT": alternatives(actions),
        "INTRO": alternatives(intro["verbs"]),
        "INTRO_NOUN": alternatives(intro["nouns_after"]),
        "ATTR_HEAD": alternatives(lex["attributive_heads"]["words"]),
    }


def expand(regex: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` macros (not ``{m,n}`` quantifiers); nested macros expand too."""
    base = {"G": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]"}
    table = {**base, **macros}

    def one(match: re.Match[str]) -> str:
        return "(?:" + expand(table[match.group(1)], table) + ")"

    return re.sub(r"\{([A-Z_]+)\}", lambda m: one(m) if m.group(1) in table else m.group(0), regex)


@dataclass(frozen=True)
class Pattern:
    """One construction of ``data/relation_patterns.jsonl``."""

    id: str
    type: str
    regex: re.Pattern[str]
    confidence: float
    direction: str = "forward"  # forward | symmetric
    levels: str = "any"  # any | comparable
    donor_fallback: str | None = None  # topic | subject (the topic, unless it receives)
    recipient_fallback: str | None = None  # topic | context | subject (the subject, unless it gives)
    action: str | None = None
    # cross: each first with each second | chain: A与B、C与D, one pair per 与 | items: a list of
    # pairs, each item's places before its joining word with those after it (A、B与C,D与E)
    pairs: str = "cross"
    decided_by: str = "any"  # any | sides: a symmetric wording kept only when the sides decide
    teams: bool = False  # every organisation in the wording must be a team (X驻Y工作队)


@cache
def load_patterns() -> tuple[Pattern, ...]:
    """The constructions, compiled once."""
    table = macros()
    patterns = []
    for line in data_text("relation_patterns.jsonl").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        patterns.append(
            Pattern(
                id=row["id"],
                type=row["type"],
                regex=re.compile(expand(row["regex"], table)),
                confidence=float(row["confidence"]),
                direction=row.get("direction", "forward"),
                levels=row.get("levels", "any"),
                donor_fallback=row.get("donor_fallback"),
                recipient_fallback=row.get("recipient_fallback"),
                action=row.get("action"),
                pairs=row.get("pairs", "cross"),
                decided_by=row.get("decided_by", "any"),
                teams=bool(row.get("teams", False)),
            )
        )
    return tuple(patterns)


@cache
def official_pairs() -> tuple[tuple[str, str, str, str], ...]:
    """The official 2016 list: (donor_code, donor_name, recipient_code, recipient_name)."""
    rows = csv.DictReader(data_text("official_pairs_2016.csv").splitlines())
    return tuple((r["donor_code"], r["donor_name"], r["recipient_code"], r["recipient_name"]) for r in rows)


@cache
def intra_province_sides() -> dict[str, str]:
    """Prefecture code → donor | recipient in the provinces' own programmes (山海协作, 南北挂钩)."""
    lines = [ln for ln in data_text("intra_province_sides.csv").splitlines() if not ln.startswith("#")]
    return {row["code"]: row["side"] for row in csv.DictReader(lines)}
