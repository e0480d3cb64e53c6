"""Normalised values of MONEY and DATE mentions: amounts in yuan, dates in ISO 8601.

Amounts: ``22173.35万元`` → 221733500, ``1.2亿元`` → 120000000, ``5千万元`` → 50000000,
``一千万元`` → 10000000, ``100余万元`` → 1000000 (a lower bound). Foreign currencies give None:
converting them would need a rate of the article's day.

Dates: ``2018年`` → "2018", ``2020年4月`` → "2020-04", ``10月17日`` → the article's year, or the
year before when that date would lie after the publication day (news reports what happened);
``今年``/``去年``/``前年`` relative to the publication year; ``11月15-17日`` → the first day.
"""

from __future__ import annotations

import re
from datetime import date

CHINESE_DIGITS = {
    "〇": 0, "零": 0, "○": 0, "O": 0, "o": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "贰": 2, "两": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
YUAN_CURRENCIES = ("人民币", "元", "块", "圆")
FOREIGN_CURRENCIES = ("美元", "欧元", "日元", "英镑", "港元", "港币", "澳元", "韩元", "卢布", "台币")
APPROXIMATORS = "余多近约超过逾将近左右上下"

_NUMBER = r"\d[\d,，]*(?:\.\d+)?"
_CHINESE = "〇零○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億"
_AMOUNT = re.compile(
    rf"(?P<num>{_NUMBER}|[{_CHINESE}]+)\s*[{APPROXIMATORS}]*\s*(?P<unit>[十百千万亿萬億拾佰仟]*)"
)


def chinese_to_int(text: str) -> int | None:
    """Integer value of a Chinese numeral: 一千 → 1000, 二十三万五千 → 235000, 二〇一八 → 2018."""
    if not text:
        return None
    if all(ch in CHINESE_DIGITS for ch in text):  # digit by digit: 二〇一八
        return int("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    largest = 1  # the largest 万/亿 unit seen: 一亿二千万 adds 二千万 below it
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (digit or 1) * SMALL_UNITS[ch]
            digit = 0
        elif ch in LARGE_UNITS:
            unit = LARGE_UNITS[ch]
            if unit > largest:
                total = (total + section + digit) * unit
                largest = unit
            else:
                total += (section + digit) * unit
            section = digit = 0
        else:
            return None
    return total + section + digit


def count_value(text: str) -> int | None:
    """A count written in digits or in Chinese numerals (3个县, 三市, 十二县)."""
    return int(text) if text.isdigit() else chinese_to_int(text)


def _unit_factor(unit: str) -> int:
    """Multiplier of a unit run after a number: 万 → 1e4, 千万 → 1e7, 万亿 → 1e12."""
    factor = 1
    for ch in unit:
        factor *= SMALL_UNITS.get(ch) or LARGE_UNITS.get(ch, 1)
    return factor


def parse_money(text: str) -> float | None:
    """Amount in yuan of a money expression, or None when it is no yuan amount."""
    text = text.strip()
    if any(currency in text for currency in FOREIGN_CURRENCIES):
        return None
    if not any(currency in text for currency in YUAN_CURRENCIES) and text[-1:] not in LARGE_UNITS:
        return None
    match = _AMOUNT.search(text)
    if not match:
        return None
    raw, unit = match.group("num"), match.group("unit")
    if raw[0].isdigit():
        number: float = float(raw.replace(",", "").replace("，", ""))
    else:
        value = chinese_to_int(raw + unit)  # 一千万: the units belong to the numeral
        if value is None:
            return None
        number, unit = float(value), ""
    amount = number * _unit_factor(unit)
    return float(round(amount, 2))


# A calendar date written in full: 2020-7-13, 2020年6月1日, 2020/06/01, 2020.6.1.
_FULL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})(?!\d)")
_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*月?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?")
_MONTH = re.compile(r"(\d{1,2})\s*月")
_YEAR = re.compile(r"(\d{4})\s*年?")
_CHINESE_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年")
_CHINESE_MONTH_DAY = re.compile(
    r"([一二三四五六七八九十]{1,3})\s*月(?:\s*([一二三四五六七八九十]{1,3})\s*[日号])?"
)
RELATIVE_YEARS = {"今年": 0, "本年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def _valid(year: int, month: int | None = None, day: int | None = None) -> bool:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def _year_for(month: int, day: int | None, published: date | None) -> int | None:
    """Year of a month(-day) without one: the publication year, or the one before when later."""
    if published is None:
        return None
    if (month, day or 1) > (published.month, published.day):
        return published.year - 1
    return published.year


def _published(article_date: str | None) -> date | None:
    if not article_date:
        return None
    try:
        return date.fromisoformat(article_date[:10])
    except ValueError:
        return None


def calendar_date(text: str) -> str | None:
    """The first valid calendar date written in full in ``text``, ISO 8601 (a page's metadata line:
    发布时间:2020-7-13 → 2020-07-13), or None."""
    for m in _FULL_DATE.finditer(text):
        year, month, day = map(int, m.groups())
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_date(text: str, article_date: str | None = None) -> str | None:
    """ISO 8601 form (YYYY, YYYY-MM or YYYY-MM-DD) of a date expression, or None."""
    text = text.strip()
    published = _published(article_date)
    if m := _FULL_DATE.search(text):
        year, month, day = map(int, m.groups())
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    if m := _YEAR_MONTH.search(text):
        year, month = map(int, m.groups())
        if _valid(year, month) and ("年" in m.group(0) or "月" in m.group(0) or len(m.group(0)) >= 6):
            return f"{year:04d}-{month:02d}"
    if m := _MONTH_DAY.search(text):
        month, day = map(int, m.groups())
        year = _relative_year(text, published) or _year_for(month, day, published)
        if year is not None and _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    if m := _CHINESE_MONTH_DAY.search(text):
        month_value = chinese_to_int(m.group(1))
        day_value = chinese_to_int(m.group(2)) if m.group(2) else None
        year = _year_of_chinese(text) or _relative_year(text, published)
        if month_value and year is None:
            year = _year_for(month_value, day_value, published)
        if year is not None and month_value and _valid(year, month_value, day_value):
            return f"{year:04d}-{month_value:02d}" + (f"-{day_value:02d}" if day_value else "")
    if m := _MONTH.search(text):
        month = int(m.group(1))
        year = _relative_year(text, published) or _year_for(month, None, published)
        if year is not None and _valid(year, month):
            return f"{year:04d}-{month:02d}"
        return None
    if m := _YEAR.search(text):
        year = int(m.group(1))
        if _valid(year) and ("年" in m.group(0) or len(text) <= 5):
            return f"{year:04d}"
    year = _year_of_chinese(text) or _relative_year(text, published)
    return f"{year:04d}" if year is not None else None


def _year_of_chinese(text: str) -> int | None:
    m = _CHINESE_YEAR.search(text)
    if not m:
        return None
    year = chinese_to_int(m.group(1))
    return year if year is not None and _valid(year) else None


def _relative_year(text: str, published: date | None) -> int | None:
    if published is None:
        return None
    for word, shift in RELATIVE_YEARS.items():
        if word in text:
            return published.year + shift
    return None
