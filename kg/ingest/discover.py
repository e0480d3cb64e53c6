"""Discovery: the article files a user names (files, folders read recursively, glob patterns)."""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})


HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})


JSONL_SUFFIXES = frozenset({".jsonl"})


ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


class Discovered(list[Path]):
    """What ``discover`` found: the files to read, plus folder members passed over and why."""

    def __init__(self, paths: Iterable[Path], passed_over: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(paths)
        self.passed_over: list[tuple[str, str]] = list(passed_over)


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
