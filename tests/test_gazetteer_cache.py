"""The gazetteer's parse kept in the user cache (kg.gazetteer_cache): the gazetteer made from the
kept entry, when it is written and when it is read back, is the one its sources give."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer import build_gazetteer, load_gazetteer


def test_the_kept_parse_gives_the_gazetteer_of_the_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path))
    fresh = build_gazetteer()
    for _ in range(2):  # compiled and kept, then read back
        kept = load_gazetteer.__wrapped__()
        assert kept.divisions == fresh.divisions
        assert kept.towns == fresh.towns
        for name in ("福清", "临夏州", "张浦", "东乡县", "第一师", "城关镇", "江东区"):
            assert kept.lookup(name) == fresh.lookup(name), name
        county = next(
            code for code, d in fresh.divisions.items() if d.level == "county" and fresh.villages_of(code)
        )
        assert kept.villages_of(county) == fresh.villages_of(county)
    assert len(list(tmp_path.glob("gazetteer-parsed-*.bin"))) == 1
