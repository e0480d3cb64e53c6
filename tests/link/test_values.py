"""Money in yuan and dates in ISO 8601, from the expressions Chinese news uses."""

from __future__ import annotations

import pytest

from kg.values import calendar_date, chinese_to_int, parse_date, parse_money


@pytest.mark.parametrize(
    ("text", "yuan"),
    [
        ("22173.35万元", 221733500),
        ("1.2亿元", 120000000),
        ("80万元", 800000),
        ("2200万元", 22000000),
        ("5千万元", 50000000),
        ("一千万元", 10000000),
        ("两千万元", 20000000),
        ("一亿二千万元", 120000000),
        ("524.4万元", 5244000),
        ("100余万元", 1000000),
        ("30多万元", 300000),
        ("1,500元", 1500),
        ("3万亿元", 3_000_000_000_000),
        ("20亿", 2000000000),
        ("人民币500万", 5000000),
    ],
)
def test_money_in_yuan(text: str, yuan: int) -> None:
    assert parse_money(text) == yuan


@pytest.mark.parametrize("text", ["500万美元", "1400公里", "元", ""])
def test_money_that_is_no_yuan_amount(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("一千", 1000), ("二十三万五千", 235000), ("二〇一八", 2018), ("十五", 15), ("一亿二千万", 120000000)],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_to_int(text) == value


@pytest.mark.parametrize(
    ("text", "article_date", "iso"),
    [
        ("2018年", None, "2018"),
        ("2018年以来", None, "2018"),
        ("2020年4月", None, "2020-04"),
        ("2020年10月17日", None, "2020-10-17"),
        ("2020-10-17", None, "2020-10-17"),
        ("10月17日", "2020-12-01", "2020-10-17"),
        ("11月20日", "2020-06-29", "2019-11-20"),  # later than publication: the year before
        ("4月18日", "2020-06-29", "2020-04-18"),
        ("11月15-17日", "2020-12-01", "2020-11-15"),
        ("今年3月", "2020-06-29", "2020-03"),
        ("去年9月", "2020-06-29", "2019-09"),
        ("去年", "2020-06-29", "2019"),
        ("二〇一八年", None, "2018"),
        ("二〇一九年十月", None, "2019-10"),
    ],
)
def test_dates_in_iso(text: str, article_date: str | None, iso: str) -> None:
    assert parse_date(text, article_date) == iso


@pytest.mark.parametrize(
    ("text", "article_date"), [("10月17日", None), ("近年来", "2020-01-01"), ("2月30日", "2020-06-01")]
)
def test_dates_that_cannot_be_placed(text: str, article_date: str | None) -> None:
    assert parse_date(text, article_date) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("发布时间:2020-7-13 10:59", "2020-07-13"),
        ("2020年6月1日 星期一", "2020-06-01"),
        ("2020/06/31 与 2020/07/01", "2020-07-01"),  # the first valid date
        ("12020-06-01", None),  # no year of five digits
        ("2020年6月", None),  # a month is no calendar date
    ],
)
def test_calendar_date_of_a_metadata_line(text: str, iso: str | None) -> None:
    assert calendar_date(text) == iso
