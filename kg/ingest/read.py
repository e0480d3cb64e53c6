"""Reading the discovered files into Articles, counting every file or line skipped."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kg.ingest.articles import read_text_file
from kg.ingest.decode import SkipFile
from kg.ingest.discover import HTML_SUFFIXES, JSONL_SUFFIXES, os_reason
from kg.ingest.html import looks_like_html, read_html_file
from kg.ingest.jsonl import read_jsonl_file
from kg.records import Article

if TYPE_CHECKING:
    from kg.report import BuildReport, Reporter


class FileRead(NamedTuple):
    """What one file gave: its articles, the (file:line, reason) of its bad lines, and the
    (file[:line], what) of removals a user should be told of (NUL bytes, repeated paragraphs)."""

    articles: list[Article]
    problems: list[tuple[str, str]]
    notices: list[tuple[str, str]]


def read_file(path: Path) -> FileRead:
    """The articles in one file, its bad lines (JSONL) and notices. Raises SkipFile for a bad file."""
    try:
        if not path.exists():
            raise SkipFile("no such file, folder or matching pattern")
        if path.is_dir():
            raise SkipFile("is a folder")
        data = path.read_bytes()
    except OSError as exc:
        raise SkipFile(os_reason(exc)) from exc
    if not data.strip():
        raise SkipFile("empty file")
    notices: list[tuple[str, str]] = []
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        articles, problems = read_jsonl_file(path, data, notices)
        if not articles and not problems:
            raise SkipFile("empty file")
        return FileRead(articles, problems, notices)
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return FileRead([read_html_file(path, data, notices)], [], notices)
    return FileRead([read_text_file(path, data, notices)], [], notices)


def read_articles(paths: list[Path], report: BuildReport, reporter: Reporter) -> list[Article]:
    """Read every file into Articles, filling ``report``: each file or line skipped and each
    removal is counted there once (the summary lists them), not warned about as well."""
    for where, why in getattr(paths, "passed_over", ()):
        report.skip(where, why)
    articles: list[Article] = []
    admission = Admission()
    for path in reporter.progress(list(paths), "reading"):
        try:
            found, problems, notices = read_file(path)
        except SkipFile as exc:
            report.skip(str(path), str(exc))
            continue
        for where, why in problems:
            report.skip(where, why)
        for where, what in notices:
            report.notice(where, what)
        if found:
            report.files_read += 1
        for article in found:
            article_id = admission.admit(article, report)
            if article_id is not None:
                article.id = article_id
                articles.append(article)
    report.articles = len(articles)
    return articles


class Admission:
    """Which articles enter a build: each text once (a copy is skipped, counted), each id once
    (a taken id gets a suffix -2, -3 …, said in the report)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.by_hash: dict[str, str] = {}

    def admit(self, article: Article, report: BuildReport) -> str | None:
        """The id ``article`` enters under, or None when its text was read already."""
        content_hash = article.content_hash or ""
        if content_hash in self.by_hash:
            report.skip(
                f"{article.path} ({article.id})", f"same text as article {self.by_hash[content_hash]}"
            )
            return None
        article_id = article.id
        if article_id in self.ids:
            n = 2
            while f"{article_id}-{n}" in self.ids:
                n += 1
            article_id = f"{article_id}-{n}"
            report.notice(f"{article.path} ({article.id})", f"article id taken; using {article_id}")
        self.ids.add(article_id)
        self.by_hash[content_hash] = article_id
        return article_id
