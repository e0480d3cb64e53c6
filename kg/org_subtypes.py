"""Organisation subtypes from the end of a name: the one table (``data/org_subtypes.csv``) that the
nlp and link stages both read."""

from __future__ import annotations

from functools import cache

from kg.io import data_rows


@cache
def org_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, subtype), longest suffix first."""
    pairs = [(row["suffix"].strip(), row["subtype"].strip()) for row in data_rows("org_subtypes.csv")]
    return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))


def subtype_by_suffix(name: str, bare: bool = False) -> str | None:
    """The subtype of the longest suffix ``name`` ends with, or None. Unless ``bare``, the suffix
    must leave something before it (政府 alone names no organisation; 有限公司 alone is a 公司)."""
    for suffix, subtype in org_suffixes():
        if name.endswith(suffix) and (bare or len(name) > len(suffix)):
            return subtype
    return None
