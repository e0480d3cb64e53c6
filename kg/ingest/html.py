"""Saved web pages: main text, title, date and url by trafilatura."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from kg.ingest.articles import Notices, decode_counted, inline, make_article, normalise_or_skip
from kg.ingest.decode import SkipFile, binary_kind
from kg.ingest.metadata import parse_date
from kg.records import Article


def _html_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name


def looks_like_html(data: bytes) -> bool:
    """A saved web page under another name (.txt, no extension) is still read as HTML."""
    head = data[:1024].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_html_file(path: Path, data: bytes, notices: Notices) -> Article:
    """Main text by trafilatura; title, date and url from the page's metadata when it has them."""
    kind = binary_kind(data)
    if kind:
        raise SkipFile(f"binary file ({kind})")
    html = None
    encoding = _html_charset(data)
    if encoding:
        try:
            html = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            html = None
    if html is None:
        html, encoding = decode_counted(data, str(path), notices)
    from trafilatura import bare_extraction

    doc = bare_extraction(
        html,
        url=None,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is not None and not isinstance(doc, dict):
        doc = doc.as_dict()
    body = (doc or {}).get("text") or ""
    if not body.strip():
        raise SkipFile("no article text found in the HTML page")
    page_title = inline((doc or {}).get("title"))
    original = body
    if page_title and not body.lstrip().startswith(page_title):
        original = f"{(doc or {}).get('title', '').strip()}\n{body}"  # the headline is content too
    norm = normalise_or_skip(original, str(path), notices)
    return make_article(
        path.stem,
        original,
        path,
        encoding,
        norm,
        title=page_title,
        date=parse_date(str((doc or {}).get("date") or "")),
        source=norm.metadata.source or inline((doc or {}).get("sitename")),
        url=(doc or {}).get("url"),
    )
