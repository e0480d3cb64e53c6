"""JSON Lines: one article a line with ``text`` and optional id, title, url, date, source."""

from __future__ import annotations

import json
from pathlib import Path

from kg.ingest.articles import Notices, decode_counted, inline, make_article, normalise_or_skip
from kg.ingest.decode import SkipFile
from kg.ingest.metadata import parse_date
from kg.io import json_lines
from kg.records import Article


def read_jsonl_file(path: Path, data: bytes, notices: Notices) -> tuple[list[Article], list[tuple[str, str]]]:
    """One article a line; returns the articles and the (file:line, reason) of bad lines.

    Lines end at a line feed only: U+2028 and other characters that ``str.splitlines`` breaks
    at may stand inside a JSON string."""
    text, _encoding = decode_counted(data, str(path), notices)
    articles: list[Article] = []
    problems: list[tuple[str, str]] = []
    for lineno, row in json_lines(text):
        where = f"{path}:{lineno}"
        if isinstance(row, json.JSONDecodeError):
            problems.append((where, f"malformed JSON line ({row.msg} at column {row.colno})"))
            continue
        if isinstance(row, ValueError | RecursionError):  # a number too long, arrays nested too deep
            problems.append((where, f"malformed JSON line ({type(row).__name__}: {str(row)[:80]})"))
            continue
        if not isinstance(row, dict):
            problems.append((where, "not a JSON object"))
            continue
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append((where, "no 'text' field with the article"))
            continue
        try:
            norm = normalise_or_skip(body, where, notices)
        except SkipFile as exc:
            problems.append((where, str(exc)))
            continue
        given_id = row.get("id")
        article_id = str(given_id) if given_id not in (None, "") else f"{path.stem}-{lineno}"
        articles.append(
            make_article(
                article_id,
                body,
                path,
                "utf-8",
                norm,
                title=inline(row.get("title")),
                date=parse_date(str(row.get("date") or "")),
                source=inline(row.get("source")),
                url=inline(row.get("url")),
            )
        )
    return articles, problems
