"""Which side of the east–west programme a division belongs to, from ``data/regions.csv``.

A row names a province or, for the recipients outside the western provinces (张家口市,
恩施州, …), a prefecture; the most specific row that contains a division decides.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from kg.io import data_rows

Region = Literal["east", "west", "other"]


@cache
def _table() -> dict[str, str]:
    return {row["code"]: row["region"] for row in data_rows("regions.csv")}


def region_of(code: str | None) -> Region:
    """Region of a division by its code (6 or 12 digits; towns and villages: their county's code)."""
    if not code or len(code) < 6 or not code[:6].isdigit():
        return "other"
    table = _table()
    prefecture = code[:4] + "00"
    province = code[:2] + "0000"
    for key in (prefecture, province):
        if key in table:
            return table[key]  # type: ignore[return-value]
    return "other"
