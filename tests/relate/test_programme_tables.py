"""The official programme tables: every table loads and validates against the gazetteer; a broken
row is reported with file, line and column; a pair agrees with the most specific row above it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.gazetteer import load_gazetteer
from kg.programmes import (
    FILES,
    TableError,
    agreeing,
    load_tables,
    programme_kind,
    tables,
    validate_tables,
)


def test_every_table_loads_and_validates() -> None:
    loaded = load_tables()
    assert validate_tables(loaded, load_gazetteer()) == []
    used_programmes = {p.programme for p in loaded.pairs}
    assert used_programmes == set(loaded.programmes), "a programme without rows, or rows of no programme"
    assert {p.source for p in loaded.pairs} == set(loaded.sources), "a source no row cites"
    for source in loaded.sources.values():
        assert source.title and source.url.startswith(("http://", "https://"))


def test_the_2016_guideline_is_complete() -> None:
    """The 2016 guideline's list has 32 province/city → province/prefecture pairs."""
    rows = [p for p in tables().pairs if p.source == "guideline-2016"]
    assert len(rows) == 32
    assert ("350200", "622900") in {(p.donor_code, p.recipient_code) for p in rows}  # 厦门 → 临夏


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "programmes"
    shutil.copytree(Path(tables().folder), folder)
    return folder


def _append(folder: Path, table: str, line: str) -> int:
    path = folder / FILES[table]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + line + "\n", encoding="utf-8")
    return len(text.splitlines()) + 1


BJ, SY = "110000,北京市", "210100,沈阳市,prefecture"
NE = "northeast-2017"


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (
            f"nowhere,2016-2020,{BJ},province,150000,内蒙古自治区,province,guideline-2016,",
            "programme",
            "not in",
        ),
        (f"northeast,2017-,{BJ},province,{SY},no-such-source,", "source", "not in"),
        (f"northeast,2017-,{BJ},prefecture,{SY},{NE},x", "donor_level", "fit"),
        (f"northeast,2017-,1100,北京市,province,{SY},{NE},", "donor_code", "6-digit"),
        (f"northeast,17-,120000,天津市,province,{SY},{NE},", "period", "period"),
        (f"northeast,2017-,{BJ},province,110105,朝阳区,county,{NE},", "recipient_code", "nest"),
        (f"northeast,2017-,{BJ},province,{SY},,", "source", "empty"),
    ],
)
def test_a_broken_row_names_file_line_and_column(tmp_path: Path, row: str, column: str, words: str) -> None:
    folder = _copy(tmp_path)
    line = _append(folder, "pairs", row)
    with pytest.raises(TableError) as caught:
        load_tables(folder)
    error = caught.value
    assert (error.file, error.line, error.column) == ("pairs.csv", line, column)
    assert words in error.message
    assert f"pairs.csv:{line}: column {column!r}" in str(error)


def test_a_duplicate_row_is_named_with_the_line_it_repeats(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    first = next(p for p in tables().pairs if p.programme == "northeast")
    line = _append(
        folder,
        "pairs",
        f"northeast,2017-,{first.donor_code},{first.donor_name},{first.donor_level},"
        f"{first.recipient_code},{first.recipient_name},{first.recipient_level},northeast-2017,",
    )
    with pytest.raises(TableError, match=f"pairs.csv:{line}: .*same pair as line {first.line}"):
        load_tables(folder)


def test_an_unknown_kind_and_a_source_without_address(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    line = _append(folder, "programmes", "odd,某计划,north-south,2020-,x,")
    with pytest.raises(TableError, match=f"programmes.csv:{line}: column 'kind'"):
        load_tables(folder)
    folder = _copy(tmp_path / "c")
    line = _append(folder, "programmes", "odd,某计划,other,2020-,x,对口(合作")
    with pytest.raises(TableError, match=f"programmes.csv:{line}: column 'cues'"):
        load_tables(folder)
    folder = _copy(tmp_path / "b")
    line = _append(folder, "sources", "nowhere,某文,某报,2020-01-01,ftp://example")
    with pytest.raises(TableError, match=f"sources.csv:{line}: column 'url'"):
        load_tables(folder)


def test_gazetteer_checks_name_code_level_and_name(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    line = _append(
        folder, "pairs", "northeast,2017-,110000,北京,province,210200,大连市,prefecture,northeast-2017,"
    )
    line2 = _append(
        folder, "pairs", "northeast,2017-,120000,天津市,province,219900,某市,prefecture,northeast-2017,"
    )
    problems = validate_tables(load_tables(folder), load_gazetteer())
    assert {(p.line, p.column) for p in problems} == {(line, "donor_name"), (line2, "recipient_code")}


def test_a_pair_agrees_with_the_most_specific_row_above_it() -> None:
    # 海沧区 (厦门市) → 积石山县 (临夏州): the 2016 row 厦门市 → 临夏州
    rows = agreeing({"350000", "350200", "350205"}, {"620000", "622900", "622927"})
    assert [(r.programme, r.donor_code, r.recipient_code) for r in rows] == [
        ("east-west-2016", "350200", "622900")
    ]
    # 密云区 → 玉树市: the district → county row, not 北京市 → 玉树州
    rows = agreeing({"110000", "110118"}, {"630000", "632700", "632701"})
    assert [(r.donor_code, r.recipient_code) for r in rows] == [("110118", "632701")]
    assert agreeing({"110000"}, {"440000"}) == ()


def test_the_kind_comes_from_the_programme() -> None:
    northeast = agreeing({"440000", "440300"}, {"230000", "230100"})  # 深圳 → 哈尔滨
    assert programme_kind(northeast) == "other"
    xinjiang = agreeing({"410000"}, {"650000", "650500"})  # 河南 → 哈密 (对口援疆)
    assert [r.programme for r in xinjiang] == ["xinjiang"] and programme_kind(xinjiang) == "east-west"
    guangdong = agreeing({"440000", "440100"}, {"440000", "441400"})  # 广州 → 梅州
    assert programme_kind(guangdong) == "intra-province"
    assert programme_kind(()) is None


def test_the_article_s_year_picks_the_round_whose_period_holds_it() -> None:
    # 广州 → 毕节 is a pair of the 2016 round and of the 2021 round
    donor, recipient = {"440000", "440100"}, {"520000", "520500"}
    assert {r.programme for r in agreeing(donor, recipient, 2019)} == {"east-west-2016"}
    assert {r.programme for r in agreeing(donor, recipient, 2023)} == {"east-west-2021"}
    # no year, or a year no row holds: every agreeing row
    both = {r.programme for r in agreeing(donor, recipient)}
    assert {"east-west-2016", "east-west-2021"} <= both
    assert {r.programme for r in agreeing(donor, recipient, 1990)} == both
