"""Ingestion: find the article files a user names, decode them, and make normalised Articles.

Files, folders (read recursively) and glob patterns are accepted. Plain text and Markdown may
be UTF-8 (with or without BOM), GB18030/GBK or Big5; HTML pages go through trafilatura for
their main text and metadata; JSON Lines hold one article a line. A file that cannot be used
(unreadable, binary, empty, undecodable) or a bad JSONL line is skipped with one warning that
names it; the build goes on.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.normalize import (
    NormalisedArticle,
    common_characters,
    normalize_article,
    parse_date,
    to_simplified,
)
from kg.records import Article

if TYPE_CHECKING:
    from kg.report import BuildReport, Reporter

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

# Below this share of plausible characters a decoding is taken for mojibake, not text.
MIN_PLAUSIBLE = 0.75
# Encodings are judged on the start of a file: plenty of text, and big files stay fast.
DETECT_BYTES = 64 * 1024
DETECT_CHARS = 20_000
_CJK_ENCODINGS = ("gb18030", "big5hkscs")
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "an executable"),
    (b"SQLite format", "an SQLite database"),
)


class SkipFile(Exception):
    """This file (or JSONL line) cannot give an article; the message says why."""


class Discovered(list[Path]):
    """What ``discover`` found: the files to read, plus folder members passed over and why."""

    def __init__(self, paths: Iterable[Path], passed_over: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(paths)
        self.passed_over: list[tuple[str, str]] = list(passed_over)


# --------------------------------------------------------------------------- discovery


def _walk(folder: Path, found: dict[Path, Path], passed_over: list[tuple[str, str]]) -> None:
    """Article files under ``folder`` (by extension, ``ARTICLE_SUFFIXES``); other files are
    passed over with a reason, hidden files and folders are left alone."""
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if not path.is_file():
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            found.setdefault(path.resolve(), path)
        else:
            kind = path.suffix or "no extension"
            passed_over.append((str(path), f"not an article file type ({kind})"))


def discover(inputs: list[str]) -> list[Path]:
    """The files named by ``inputs`` (files, folders read recursively, glob patterns), sorted
    and de-duplicated. An input that names nothing is kept as a path that does not exist, so
    that ``read_articles`` reports it instead of the build crashing."""
    found: dict[Path, Path] = {}
    passed_over: list[tuple[str, str]] = []
    for item in inputs:
        path = Path(item).expanduser()
        if path.is_dir():
            _walk(path, found, passed_over)
        elif path.exists():
            found.setdefault(path.resolve(), path)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(str(path), recursive=True))
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    _walk(m, found, passed_over)
                elif m.is_file():
                    found.setdefault(m.resolve(), m)
            if not matches:
                found.setdefault(path.absolute(), path)
        else:
            found.setdefault(path.absolute(), path)
    return Discovered(sorted(found.values()), passed_over)


# --------------------------------------------------------------------------- decoding


def binary_kind(data: bytes) -> str | None:
    """What a binary file is ("a PDF document", "NUL bytes"), or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if b"\x00" in head:
        return "NUL bytes"
    controls = sum(1 for b in head if b < 0x09 or 0x0E <= b < 0x20 or b == 0x7F)
    if head and controls / len(head) > 0.05:
        return "control bytes"
    return None


def plausibility(text: str) -> float:
    """Share of visible characters that real Chinese or Latin text is made of.

    Common Han characters (GB2312 level 1, after t2s so Big5 text scores too), ASCII and CJK
    punctuation count fully, rarer Han characters a little; mojibake is full of rare ones.
    """
    visible = [ch for ch in text if not ch.isspace()]
    if not visible:
        return 0.0
    common = common_characters()
    simplified = to_simplified("".join(visible))
    score = 0.0
    for ch in simplified:
        o = ord(ch)
        if 0x20 < o < 0x7F or ch in common:
            score += 1
        elif 0x4E00 <= o <= 0x9FFF:
            score += 0.3
        elif 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or ch in "“”‘’…—·、《》":
            score += 1
        elif unicodedata.category(ch)[0] in "LN" and o < 0x2000:
            score += 0.8  # Latin letters with accents, Greek, Cyrillic
    return score / len(simplified)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file: BOMs first, then strict UTF-8, then the best of GB18030, Big5 and
    charset-normalizer's guess (short Chinese texts fool detectors, so each guess is scored
    for plausibility rather than trusted). Raises SkipFile for binary or undecodable data."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise SkipFile(
                    f"undecodable: starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    kind = binary_kind(data)
    if kind:
        raise SkipFile(f"binary file ({kind})")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    for encoding in _CJK_ENCODINGS:
        try:
            candidates[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(data[:DETECT_BYTES]).best()
        if guess is not None and guess.encoding not in candidates:
            candidates[guess.encoding] = data.decode(guess.encoding)
    except Exception:  # noqa: BLE001 - a detector failure (or its guess failing) is one guess fewer
        pass
    scored = sorted(
        ((plausibility(text[:DETECT_CHARS]), enc) for enc, text in candidates.items()), reverse=True
    )
    if not scored or scored[0][0] < MIN_PLAUSIBLE:
        raise SkipFile("undecodable: not UTF-8, GB18030/GBK or Big5 text")
    best = scored[0][1]
    return candidates[best], best


# --------------------------------------------------------------------------- readers


def _inline(value: Any) -> str | None:
    """A metadata string as later stages expect it: width-folded, simplified, one line."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value))
    text = to_simplified(re.sub(r"\s+", " ", text)).strip()
    return text or None


def _article(
    article_id: str, original: str, path: Path, encoding: str | None, norm: NormalisedArticle, **meta: Any
) -> Article:
    md = norm.metadata
    return Article(
        id=article_id,
        text=norm.text,
        title=meta.get("title") or md.title,
        date=meta.get("date") or md.date,
        source=meta.get("source") or md.source,
        url=meta.get("url") or md.url,
        path=str(path),
        encoding=encoding,
        content_hash=hashlib.sha256(norm.text.encode("utf-8")).hexdigest(),
        sentences=norm.sentences,
        original=original,
        offset_runs=norm.offset_runs,
    )


def _normalise(original: str) -> NormalisedArticle:
    norm = normalize_article(original)
    if not norm.text.strip():
        raise SkipFile("no article text left after cleaning (only page chrome?)")
    return norm


def read_text_file(path: Path, data: bytes) -> Article:
    original, encoding = decode_bytes(data)
    return _article(path.stem, original, path, encoding, _normalise(original))


def _html_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", data[:4096], re.I)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    return "gb18030" if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk") else name


def read_html_file(path: Path, data: bytes) -> Article:
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
        html, encoding = decode_bytes(data)
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
    page_title = _inline((doc or {}).get("title"))
    original = body
    if page_title and not body.lstrip().startswith(page_title):
        original = f"{(doc or {}).get('title', '').strip()}\n{body}"  # the headline is content too
    norm = _normalise(original)
    return _article(
        path.stem,
        original,
        path,
        encoding,
        norm,
        title=page_title,
        date=parse_date(str((doc or {}).get("date") or "")),
        source=norm.metadata.source or _inline((doc or {}).get("sitename")),
        url=(doc or {}).get("url"),
    )


def read_jsonl_file(path: Path, data: bytes) -> tuple[list[Article], list[tuple[str, str]]]:
    """One article a line; returns the articles and the (file:line, reason) of bad lines."""
    text, _encoding = decode_bytes(data)
    articles: list[Article] = []
    problems: list[tuple[str, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append((where, f"malformed JSON line ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(row, dict):
            problems.append((where, "not a JSON object"))
            continue
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append((where, "no 'text' field with the article"))
            continue
        try:
            norm = _normalise(body)
        except SkipFile as exc:
            problems.append((where, str(exc)))
            continue
        given_id = row.get("id")
        article_id = str(given_id) if given_id not in (None, "") else f"{path.stem}-{lineno}"
        articles.append(
            _article(
                article_id,
                body,
                path,
                "utf-8",
                norm,
                title=_inline(row.get("title")),
                date=parse_date(str(row.get("date") or "")),
                source=_inline(row.get("source")),
                url=_inline(row.get("url")),
            )
        )
    return articles, problems


def _looks_like_html(data: bytes) -> bool:
    """A saved web page under another name (.txt, no extension) is still read as HTML."""
    head = data[:1024].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_file(path: Path) -> tuple[list[Article], list[tuple[str, str]]]:
    """The articles in one file, and the bad lines (JSONL). Raises SkipFile for a bad file."""
    if not path.exists():
        raise SkipFile("no such file, folder or matching pattern")
    if path.is_dir():
        raise SkipFile("is a folder")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SkipFile(f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise SkipFile("empty file")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        articles, problems = read_jsonl_file(path, data)
        if not articles and not problems:
            raise SkipFile("empty file")
        return articles, problems
    if suffix in HTML_SUFFIXES or _looks_like_html(data):
        return [read_html_file(path, data)], []
    return [read_text_file(path, data)], []


def read_articles(paths: list[Path], report: BuildReport, reporter: Reporter) -> list[Article]:
    """Read every file into Articles, filling ``report``; bad files and lines are warned about
    once each (naming the file and line) and skipped."""

    def skip(where: str, why: str) -> None:
        report.skip(where, why)
        reporter.warn(f"skipped {where}: {why}")

    for where, why in getattr(paths, "passed_over", ()):
        report.skip(where, why)  # listed in the summary, not worth a warning each
    articles: list[Article] = []
    ids: set[str] = set()
    by_hash: dict[str, str] = {}
    for path in reporter.progress(list(paths), "reading"):
        try:
            found, problems = read_file(path)
        except SkipFile as exc:
            skip(str(path), str(exc))
            continue
        for where, why in problems:
            skip(where, why)
        if found:
            report.files_read += 1
        for article in found:
            assert article.content_hash is not None
            if article.content_hash in by_hash:
                skip(
                    f"{article.path} ({article.id})", f"same text as article {by_hash[article.content_hash]}"
                )
                continue
            if article.id in ids:
                n = 2
                while f"{article.id}-{n}" in ids:
                    n += 1
                reporter.warn(f"article id {article.id!r} ({article.path}) is taken; using {article.id}-{n}")
                article.id = f"{article.id}-{n}"
            ids.add(article.id)
            by_hash[article.content_hash] = article.id
            articles.append(article)
    report.articles = len(articles)
    return articles
