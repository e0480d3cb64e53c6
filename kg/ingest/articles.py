"""One normalised Article from decoded text and its metadata: what every reader ends with."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any

from kg.ingest.decode import SkipFile, decode_bytes, stray_nuls
from kg.ingest.normalise import NormalisedArticle, normalize_article
from kg.ingest.script import to_simplified
from kg.records import Article

_SURROGATE = re.compile("[\ud800-\udfff]")


def inline(value: Any) -> str | None:
    """A metadata string as later stages expect it: width-folded, simplified, one line."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", _SURROGATE.sub("", str(value)))
    text = to_simplified(re.sub(r"\s+", " ", text)).strip()
    return text or None


def make_article(
    article_id: str, original: str, path: Path, encoding: str | None, norm: NormalisedArticle, **meta: Any
) -> Article:
    md = norm.metadata
    original = without_surrogates(original)
    return Article(
        id=without_surrogates(article_id),
        text=norm.text,
        title=meta.get("title") or md.title,
        date=meta.get("date") or md.date,
        source=meta.get("source") or md.source,
        url=meta.get("url") or md.url,
        path=str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace"),
        encoding=encoding,
        content_hash=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        sentences=norm.sentences,
        original=original,
        offset_runs=norm.offset_runs,
    )


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (from a JSON ``\\ud800`` escape or an undecodable file
    name) as U+FFFD: the same length, so offsets still hold, and encodable as UTF-8."""
    return _SURROGATE.sub("\ufffd", text)


Notices = list[tuple[str, str]]  # (file or file:line, what was removed from it)


def normalise_or_skip(original: str, where: str, notices: Notices) -> NormalisedArticle:
    """The normalised article, its removals added to ``notices``; SkipFile when nothing is left."""
    norm = normalize_article(original)
    if not norm.text.strip():
        raise SkipFile("no article text left after cleaning (only page chrome?)")
    notices.extend((where, notice) for notice in norm.notices)
    return norm


def decode_counted(data: bytes, where: str, notices: Notices) -> tuple[str, str]:
    """``decode_bytes``, with the stray NUL bytes it removed added to ``notices``."""
    text, encoding = decode_bytes(data)
    nuls = stray_nuls(data, encoding)
    if nuls:
        notices.append((where, f"removed {nuls:,} NUL byte(s)"))
    return text, encoding


def read_text_file(path: Path, data: bytes, notices: Notices) -> Article:
    original, encoding = decode_counted(data, str(path), notices)
    return make_article(path.stem, original, path, encoding, normalise_or_skip(original, str(path), notices))
