"""kg.bounded.Recent keeps the most recently used entries only: the per-county caches of the
map step stay bounded however many counties a corpus names."""

from __future__ import annotations

from kg.bounded import Recent
from kg.gazetteer import load_gazetteer


def test_the_least_recently_used_entry_goes_first() -> None:
    recent: Recent[str, int] = Recent(2)
    recent["a"], recent["b"] = 1, 2
    assert recent["a"] == 1  # a is now the most recent
    recent["c"] = 3
    assert list(recent) == ["a", "c"] and "b" not in recent


def test_villages_parsed_again_are_the_same() -> None:
    gaz = load_gazetteer()
    county = next(code for code, d in gaz.divisions.items() if d.level == "county" and gaz.villages_of(code))
    first = gaz.villages_of(county)
    for code in [c for c, d in gaz.divisions.items() if d.level == "county"][:300]:
        gaz.villages_of(code)  # more counties than are kept: the first is parsed again below
    assert gaz.villages_of(county) == first
