"""What the command line prints on stderr: progress, warnings, errors and the build's summary.

Every string that comes from the user's files (ids, file names, titles, reasons naming them)
passes through ``for_terminal`` before it is printed: it is never read as rich markup, and
control characters, lone surrogates (file names that are not UTF-8) and bidirectional
overrides are shown as escapes instead of acting on the terminal. Lines are not wrapped when
stderr is not a terminal, so a log keeps each message (and each path) on one line.
"""

from __future__ import annotations

import tempfile
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from kg.report import BuildReport

T = TypeVar("T")
err = Console(stderr=True, soft_wrap=True, highlight=False)

# A progress bar only pays for itself on more than a handful of items.
PROGRESS_MIN_ITEMS = 5
# Characters shown as escapes: controls (Cc), format characters such as bidi overrides (Cf),
# lone surrogates (Cs: undecodable bytes of a file name), unassigned code points (Cn).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Cn"})


def for_terminal(text: object) -> str:
    """``text`` safe to show on a terminal: each control, format or surrogate character as an
    escape (``\\x1b``, ``\\u202e``, ``\\udcff``); everything else as it is."""
    out = []
    for ch in str(text):
        if unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            out.append(ascii(ch)[1:-1])  # '\x1b', '\u202e', '\udcff'…
        else:
            out.append(ch)
    return "".join(out)


def say(message: str, style: str | None = None, label: str = "") -> None:
    """Print one message on stderr: an optional styled label ("warning:"), then the message as
    plain text (never markup), escaped for the terminal."""
    line = Text()
    if label:
        line.append(label, style=style)
        line.append(" ")
    line.append(for_terminal(message))
    err.print(line)


def error(message: str) -> None:
    say(message, "red", "error:")


class ConsoleReporter:
    """Progress bars and warnings on stderr, so stdout stays clean for data."""

    def progress(self, items: Sequence[T], description: str) -> Iterator[T]:
        if len(items) <= PROGRESS_MIN_ITEMS or not err.is_terminal:
            yield from items
            return
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task(description, total=len(items))
            for item in items:
                yield item
                bar.advance(task)

    def warn(self, message: str) -> None:
        say(message, "yellow", "warning:")


def _read(report: BuildReport) -> str:
    """What the build read itself, and what it did not make anew: the previous build's files taken
    over (its inputs were unchanged), the previous build extended (its files and articles never
    read again: the count is this build's own, the total after it), articles from the cache."""
    if report.unchanged:
        return (
            f"read {report.files_read} file(s), {report.articles} article(s) "
            f"(unchanged: the previous build's {report.articles} taken over)"
        )
    files, articles = report.files_read - report.extended_files, report.articles - report.extended
    cached = report.from_cache - report.extended
    said = []
    if report.extended:
        said.append(f"added to the previous build's {report.extended}: {report.articles} in all")
    if cached:
        said.append(f"{cached} from the cache")
    return f"read {files} file(s), {articles} article(s)" + (f" ({'; '.join(said)})" if said else "")


def print_summary(report: BuildReport, out: Path) -> None:
    """The closing summary: counts, then each skipped input and each change once, then outputs."""
    changed = f", changed {len(report.notices)}" if report.notices else ""
    say(f"{_read(report)}; skipped {len(report.skipped)}{changed}")
    for where, why in report.skipped:
        say(f"  skipped {where}: {why}")
    for where, what in report.notices:
        say(f"  changed {where}: {what}")
    for name, holds in report.outputs.items():
        say(f"  wrote {out / name} ({holds})")


class UnusableOut(Exception):
    """--out cannot be a build folder; the message says why."""


def check_out(out: Path) -> None:
    """Make sure a build can write ``out`` before reading anything, creating nothing: ``out``
    (or, when it does not exist yet, the nearest folder above it that does) must be a folder
    in which a file can be written. Raises UnusableOut with the reason."""
    if out.exists() and not out.is_dir():
        raise UnusableOut(f"--out {out} is a file, not a folder")
    here = out.absolute()
    while not here.exists() and here != here.parent:
        here = here.parent
    if not here.is_dir():
        raise UnusableOut(f"--out {out}: {here} is a file, not a folder")
    try:
        with tempfile.TemporaryFile(dir=here):
            pass
    except OSError as exc:
        raise UnusableOut(f"--out {out}: cannot write in {here} ({exc.strerror or exc})") from exc
