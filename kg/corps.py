"""The units of 新疆生产建设兵团 (the Xinjiang Production and Construction Corps) as places.

The corps is no division, but articles name its units as places: a 师 is one body with a
county-level city (师市合一: 第一师 is 阿拉尔市), and its 团场 (regiments and farms) are listed by
jionlp as towns under the corps' name (兵团奇台农场, 兵团一二六团). The table is
``data/corps_divisions.csv`` (each 师 with its city's code and the public text that says so, and
the corps' names written before its units); :mod:`kg.gazetteer` reads it through these helpers.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from kg.io import data_rows
from kg.values import chinese_to_int


@cache
def _corps_rows() -> tuple[dict[str, str], ...]:
    return tuple(data_rows("corps_divisions.csv"))


@cache
def corps_prefixes() -> tuple[str, ...]:
    """Names of 新疆生产建设兵团 written before its units (``data/corps_divisions.csv``), longest first."""
    names = (row["name"].strip() for row in _corps_rows() if row["kind"].strip() == "prefix")
    return tuple(sorted(names, key=len, reverse=True))


def corps_division_names() -> dict[str, list[str]]:
    """The names of each 师 of the corps by the code of the city it is one with (师市合一: 第一师 →
    阿拉尔市): 第一师, 农一师, and each after the corps' names (新疆兵团第一师)."""
    names: dict[str, list[str]] = defaultdict(list)
    prefixes = corps_prefixes()
    for row in _corps_rows():
        if row["kind"].strip() != "division":
            continue
        for name in (n.strip() for n in row["name"].split("|") if n.strip()):
            names[row["code"].strip()].extend([name, *(prefix + name for prefix in prefixes)])
    return dict(names)


_CORPS_DIVISION = re.compile(r"^(?:农|第)?[一二三四五六七八九十]{1,3}师")
_CORPS_NUMBER = re.compile(r"^([〇零一二三四五六七八九十百]+)团(场?)$")


def corps_unit_name(name: str) -> str:
    """A corps unit as articles name it: jionlp lists the 团场 as towns under the corps' name and
    their 师 (兵团奇台农场, 兵团农十二师一零四团); the unit is 奇台农场, 一零四团."""
    prefix = next((p for p in corps_prefixes() if name.startswith(p)), None)
    if prefix is None:
        return name
    rest = name[len(prefix) :]
    division = _CORPS_DIVISION.match(rest)
    rest = rest[division.end() :] if division else rest
    return rest if len(rest) >= 3 else name


def corps_unit_aliases(name: str) -> tuple[str, ...]:
    """Other ways of writing a numbered 团 (see :func:`corps_unit_name`): in figures (一二六团 →
    126团, 四十一团 → 41团)."""
    numbered = _CORPS_NUMBER.match(name)
    number = chinese_to_int(numbered.group(1)) if numbered else None
    return (f"{number}团",) if number is not None and number >= 10 else ()
