"""Gold files (one JSON line per document: pairs, helper_orgs, funds, projects) and the matching
rules of the evaluation's scorer, so a candidate is labelled exactly as the scorer would count it.

Optional gold rows are kept and marked: a candidate that matches only an optional row is neither
a positive nor a negative example (:data:`UNSURE`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from kg.places import UPPER_LEVELS

UNSURE = None  # a label for a candidate that matches only an optional row: left out of training
_SUFFIXES = ("街道", "社区", "镇", "乡", "村")
_ORG_NOISE = re.compile(r"[\s()（）·\-—\"“”]")


class PlaceLike(Protocol):
    """A Mention or a Party: what the scorer reads of a place."""

    name: str | None
    code: str | None
    level: str | None
    county_code: str | None


@dataclass
class GoldDoc:
    doc: str
    pairs: list[dict[str, Any]] = field(default_factory=list)
    helper_orgs: list[dict[str, Any]] = field(default_factory=list)
    funds: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)


def read_gold(path: str | Path) -> dict[str, GoldDoc]:
    """Each document's gold rows, by document name (the input file's name without extension)."""
    docs: dict[str, GoldDoc] = {}
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{number}: not JSON ({exc})") from exc
        docs[row["doc"]] = GoldDoc(
            doc=row["doc"],
            pairs=list(row.get("pairs") or []),
            helper_orgs=list(row.get("helper_orgs") or []),
            funds=list(row.get("funds") or []),
            projects=list(row.get("projects") or []),
        )
    return docs


def is_optional(row: dict[str, Any]) -> bool:
    return bool(row.get("optional"))


def _core(name: str | None) -> str:
    name = unicodedata.normalize("NFKC", name or "").strip()
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


def _code6(code: str | None) -> str:
    code = (code or "").strip()
    return code[:6] if len(code) >= 6 and code[:6].isdigit() else ""


def place_matches(row: dict[str, Any], role: str, place: PlaceLike) -> bool:
    """Whether ``place`` is the gold row's ``role`` side ("donor" or "recipient"), as scored."""
    gold_name = row.get(role) or ""
    gold_code = row.get(f"{role}_adcode") or ""
    gold_county = row.get(f"{role}_county_adcode") or ""
    code = _code6(place.code) if place.level in UPPER_LEVELS else ""
    if gold_code:
        return code == gold_code
    if code:  # the system says county or above, the gold says town or village
        return False
    a, b = _core(gold_name), _core(place.name)
    if not a or not b or not (a == b or a.startswith(b) or b.startswith(a)):
        return False
    county = _code6(place.county_code)
    if gold_county and county:
        return gold_county == county
    return True


def _org_key(name: str | None) -> str:
    return _ORG_NOISE.sub("", unicodedata.normalize("NFKC", name or ""))


def org_matches(gold_name: str, name: str | None) -> bool:
    """Organisation (and project) names: the same, or one inside the other (3+ characters)."""
    a, b = _org_key(gold_name), _org_key(name)
    if len(a) < 2 or len(b) < 2:
        return False
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


project_matches = org_matches


def name_matches(gold_name: str, name: str | None) -> bool:
    """A fund's donor or recipient name: same core, one a prefix of the other, or as organisations."""
    a, b = _core(gold_name), _core(name)
    if not a or not b:
        return False
    return a == b or a.startswith(b) or b.startswith(a) or org_matches(gold_name, name)


def amount_matches(gold_amount: float, amount: float | None) -> bool:
    """Within 0.5% of the gold sum."""
    return amount is not None and abs(amount - gold_amount) <= 0.005 * gold_amount
