"""Article metadata from its header lines: title, date, source (outlet) and url.

Labels live in kg/data/article_metadata.json."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kg.ingest.chrome import chrome_marker, chrome_rule, is_content_line
from kg.ingest.script import HAN, han_count
from kg.io import data_json
from kg.values import calendar_date as parse_date  # the one date parser is kg.values'


@dataclass(frozen=True)
class _MetaPatterns:
    label: re.Pattern[str]  # any metadata label followed by a colon
    source: re.Pattern[str]
    source_label: re.Pattern[str]  # a source label and its colon, nothing else (fullmatch)
    date_label: re.Pattern[str]
    url: re.Pattern[str]
    dateline: re.Pattern[str]
    outlet_before_date: re.Pattern[str]


def _outlet_like(value: str) -> bool:
    """A source value names an outlet: it has letters and is not a date or a number."""
    return bool(value) and not value[0].isdigit() and any(ch.isalpha() for ch in value) and len(value) <= 30


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def meta_patterns() -> _MetaPatterns:
    data = data_json("article_metadata.json")
    all_labels = data["source_labels"] + data["date_labels"] + data["other_labels"] + data["url_labels"]
    labels = _alternation(all_labels)
    stop = rf"(?=\s|$|[|丨,;]|(?:{labels})\s*:|(?:19|20)\d\d\s*[-/.年]|https?://)"
    return _MetaPatterns(
        label=re.compile(rf"(?:{labels})\s*:"),
        source=re.compile(rf"(?:{_alternation(data['source_labels'])})\s*:\s*(\S+?){stop}"),
        source_label=re.compile(rf"(?:{_alternation(data['source_labels'])})\s*:"),
        date_label=re.compile(rf"(?:{_alternation(data['date_labels'])})\s*:"),
        url=re.compile(rf"(?:{_alternation(data['url_labels'])})\s*:\s*(https?://[^\s<>\"'|]+)"),
        outlet_before_date=re.compile(
            rf"^([{HAN}A-Za-z]{{1,16}}(?:{_alternation(data['dateline_outlets'])}))\s*"
            rf"(?:19|20)\d\d\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}"
        ),
        dateline=re.compile(
            rf"^(?:本报|本网)?([{HAN}A-Za-z]{{2,12}}?(?:{_alternation(data['dateline_outlets'])}))"
            rf"(?:[{HAN}]{{0,6}}?\d{{1,2}}月\d{{1,2}}日)?(?:{_alternation(data['dateline_markers'])})"
        ),
    )


_DATETIME_RE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d\d")


def is_meta_line(text: str) -> bool:
    """A header/footer line of labels (来源:, 责任编辑:, 时间:) or a bare timestamp, no sentence."""
    if "。" in text or len(text) > 160:
        return False
    if meta_patterns().label.search(text):
        return True
    starts_with_date = re.match(r"\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?", text)
    if starts_with_date and han_count(text[starts_with_date.end() :]) <= 8:
        return True  # "2020-06-29 12:47:46", "2019年9月8日 星期日"; not "2020年6月1日某县召开…"
    # "定西日报 2019-03-25 08:30": a short line with a timestamp is a byline, not a sentence.
    return bool(_DATETIME_RE.search(text)) and han_count(text) <= 20


def first_paragraph(lines: Sequence[str]) -> int:
    """Index of the first content paragraph (not chrome, not metadata); len(lines) when none."""
    for i, line in enumerate(lines):
        if is_content_line(line) and not is_meta_line(line) and chrome_rule(line) is None:
            return i
    return len(lines)


@dataclass
class Metadata:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


def _source_on_next_line(header: Sequence[str]) -> str | None:
    """A header's source label left empty, its outlet alone on the next line (saved pages put
    label and value in two cells): "来源:" then "某某日报"."""
    label_only = meta_patterns().source_label
    for line, after in zip(header, header[1:], strict=False):
        if label_only.fullmatch(line) and not is_meta_line(after) and _outlet_like(after):
            return after if han_count(after) >= 2 and " " not in after else None
    return None


# noqa below: title, date and source each have their own short scan with fallbacks in order of trust
def extract_metadata(lines: Sequence[str], content_start: int | None = None) -> Metadata:  # noqa: C901
    """Title, date, source and url from an article's (simplified, folded) lines.

    The date is taken from the header (the lines before the first paragraph: a labelled line
    or one that starts with a timestamp), else from a labelled metadata line anywhere — never
    from a date in the body. ``content_start`` is the index of the first paragraph.
    """
    pats = meta_patterns()
    if content_start is None:
        content_start = first_paragraph(lines)
    header = list(lines[:content_start])
    meta_lines = [line for line in lines if is_meta_line(line)]
    header_meta = [line for line in header if is_meta_line(line)]

    md = Metadata()
    for line in header:
        if (
            is_meta_line(line)
            or chrome_rule(line)
            or chrome_marker(line, "block")
            or chrome_marker(line, "tail")
        ):
            continue
        if han_count(line) >= 4 and len(line) <= 80:
            md.title = line
            break
    # Below the header only a labelled date counts (发布时间:…), not a comment's timestamp.
    labelled = [line for line in meta_lines if pats.date_label.search(line)]
    for line in header_meta + labelled:
        md.date = parse_date(line)
        if md.date:
            break
    for line in header_meta + meta_lines:
        m = pats.source.search(line)
        if m and _outlet_like(value := m.group(1).strip("·-—|:")):
            md.source = value
            break
    if md.source is None:
        md.source = _source_on_next_line(header)
    if md.source is None:
        # "定西日报 2019-03-25 08:30": an outlet's name before the timestamp in the header.
        for line in header:
            m = pats.outlet_before_date.match(line)
            if m and not pats.label.search(line):
                md.source = m.group(1)
                break
    if md.source is None:
        # "厦门日报讯(记者 …)": the outlet's dateline opens one of the first paragraphs.
        paragraphs = [line for line in lines[content_start:] if is_content_line(line)][:3]
        for line in paragraphs:
            m = pats.dateline.match(line)
            if m:
                md.source = m.group(1)
                break
    for line in meta_lines:
        m = pats.url.search(line)
        if m:
            md.url = m.group(1)
            break
    return md
