"""Discovery: the article files a user names (files, folders read recursively, glob patterns).

Nothing a folder holds can stop discovery: a sub-folder that cannot be read, a path longer
than the system allows, a symbolic link that loops or points nowhere, a folder named like an
article file — each is passed over with its reason (counted in the build's summary) and the
walk goes on. Hidden files and folders (names starting with ".") are left alone.
"""

from __future__ import annotations

import errno
import glob
import os
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


def os_reason(exc: OSError) -> str:
    """Why a path could not be used, in words a user can act on."""
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long for this system"
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read (permission denied)"
    return f"cannot read ({exc.strerror or exc})"


class _Walk:
    """One walk of the inputs: the files found (by resolved path) and what was passed over."""

    def __init__(self) -> None:
        self.found: dict[Path, Path] = {}
        self.passed_over: list[tuple[str, str]] = []
        self.folders: set[tuple[int, int]] = set()  # (device, inode) of the folders read

    def add_file(self, path: Path) -> None:
        try:
            self.found.setdefault(path.resolve(), path)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop on older Pythons
            self.passed_over.append((str(path), os_reason(exc) if isinstance(exc, OSError) else str(exc)))

    def folder(self, folder: Path) -> None:
        """Article files under ``folder`` (by extension, ``ARTICLE_SUFFIXES``), recursively."""
        try:
            info = folder.stat()
            if (info.st_dev, info.st_ino) in self.folders:
                if folder.is_symlink():  # a loop (a → ..) or a second way in: read once, said once
                    self.passed_over.append((str(folder), "a symbolic link to a folder already read"))
                return  # else the user named it twice (a folder and its parent)
            self.folders.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda e: e.name)
        except OSError as exc:
            self.passed_over.append((str(folder), os_reason(exc)))
            return
        for entry in entries:
            if not entry.name.startswith("."):
                self.entry(entry)

    def entry(self, entry: os.DirEntry[str]) -> None:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            is_link = entry.is_symlink()
        except OSError as exc:
            self.passed_over.append((str(path), os_reason(exc)))
            return
        if is_dir:
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                self.passed_over.append((str(path), "a folder, not a file (the files in it are read)"))
            self.folder(path)
        elif is_file and path.suffix.lower() in ARTICLE_SUFFIXES:
            self.add_file(path)
        elif is_file:
            kind = path.suffix or "no extension"
            self.passed_over.append((str(path), f"not an article file type ({kind})"))
        elif is_link:
            self.passed_over.append((str(path), _link_reason(path)))
        else:
            self.passed_over.append((str(path), "not a regular file (a device, socket or pipe)"))

    def named(self, item: str) -> None:
        """One input as the user gave it: a file, a folder or a glob pattern."""
        path = Path(item).expanduser()
        try:
            if path.is_dir():
                self.folder(path)
            elif path.exists():
                self.add_file(path)
            elif glob.has_magic(item):
                self.pattern(item, path)
            else:
                self.found.setdefault(path.absolute(), path)  # read_file says it does not exist
        except OSError as exc:
            self.passed_over.append((item, os_reason(exc)))

    def pattern(self, item: str, path: Path) -> None:
        matches = sorted(glob.glob(str(path), recursive=True))
        for match in matches:
            m = Path(match)
            if m.is_dir():
                self.folder(m)
            elif m.is_file():
                self.add_file(m)
        if not matches:
            self.found.setdefault(path.absolute(), path)


def _link_reason(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        return "a symbolic link to nothing"
    return "a symbolic link to something that is no file or folder"


def discover(inputs: list[str]) -> list[Path]:
    """The files named by ``inputs`` (files, folders read recursively, glob patterns), sorted
    and de-duplicated. An input that names nothing is kept as a path that does not exist, so
    that ``read_articles`` reports it instead of the build crashing."""
    walk = _Walk()
    for item in inputs:
        walk.named(item)
    return Discovered(sorted(walk.found.values()), walk.passed_over)
