"""Reading the discovered files into Articles, counting every file or line skipped."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.ingest.articles import read_text_file
from kg.ingest.decode import SkipFile
from kg.ingest.discover import HTML_SUFFIXES, JSONL_SUFFIXES
from kg.ingest.html import looks_like_html, read_html_file
from kg.ingest.jsonl import read_jsonl_file
from kg.records import Article

if TYPE_CHECKING:
    from kg.report import BuildReport, Reporter


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
    if suffix in HTML_SUFFIXES or looks_like_html(data):
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
