"""What a stage may report: progress, warnings, and what it skipped or changed, counted.

Stages (ingest, nlp, …) import this module, never ``kg.pipeline``: the pipeline wires the
stages, the stages only report into a ``Reporter`` (the front end's) and a ``BuildReport``
(the build's record, printed by the CLI as its closing summary). Everything a stage drops or
alters goes through ``BuildReport.skip`` or ``BuildReport.notice`` so that nothing is lost
without being counted.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol, TypeVar

log = logging.getLogger("kg")
T = TypeVar("T")


class Reporter(Protocol):
    """What a front end (the CLI, a notebook) gives the build to show progress and warnings."""

    def progress(self, items: Sequence[T], description: str) -> Iterator[T]: ...

    def warn(self, message: str) -> None: ...


class QuietReporter:
    """Reporter for library use: no progress bars, warnings go to logging."""

    def progress(self, items: Sequence[T], description: str) -> Iterator[T]:
        yield from items

    def warn(self, message: str) -> None:
        log.warning(message)


class Entry(NamedTuple):
    """One counted event: where (a file, file:line or article) and what (why it was skipped,
    or what was changed in it). A tuple, so ``for where, why in report.skipped`` reads it."""

    where: str
    what: str


@dataclass
class BuildReport:
    """What a build read, skipped, changed and wrote; the CLI prints it as the closing summary.

    ``skipped``: inputs that gave no article (a file, a JSON line, a duplicate) and why.
    ``notices``: inputs that were read but altered in a way a user should know (NUL bytes
    removed, repeated lines collapsed, an id renamed), each said once.
    """

    files_read: int = 0
    articles: int = 0
    skipped: list[Entry] = field(default_factory=list)
    notices: list[Entry] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)  # file name -> what it holds ("418 rows")
    from_cache: int = 0  # articles whose records all came from the build cache (or the previous build)
    extended: int = 0  # of those, the previous build's articles this build went on from, never read again
    extended_files: int = 0  # of ``files_read``, the previous build's files those articles came from
    unchanged: bool = False  # the inputs were the previous build's: its files were taken over as they are

    def skip(self, where: str, why: str) -> None:
        """Count ``where`` as skipped for ``why``; it is listed once in the summary."""
        self.skipped.append(Entry(where, why))

    def notice(self, where: str, what: str) -> None:
        """Count a change made to ``where`` that kept it (``what`` says what was done)."""
        self.notices.append(Entry(where, what))

    def merge(self, other: BuildReport) -> None:
        """Add ``other``'s counts and entries (a worker's part of the build) to this one."""
        self.files_read += other.files_read
        self.articles += other.articles
        self.from_cache += other.from_cache
        self.extended += other.extended
        self.extended_files += other.extended_files
        self.skipped.extend(other.skipped)
        self.notices.extend(other.notices)
        self.outputs.update(other.outputs)

    def skip_reasons(self) -> Counter[str]:
        """How many inputs were skipped for each reason."""
        return Counter(entry.what for entry in self.skipped)
