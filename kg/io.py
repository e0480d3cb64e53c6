"""Reading and writing files: the packaged data tables, and the build's JSON Lines, written atomically.

The data tables (``kg/data/``) are read here and nowhere else: a CSV table may carry comment
lines starting with ``#`` (what the columns mean, why a row is there), which every reader skips.

An interrupted build must never leave a half-written file where a good one stood, so every
output is written to a temporary file in the same folder and then renamed over the target.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path
from typing import IO, Any, TypeVar

T = TypeVar("T")


def data_text(*parts: str) -> str:
    """The text of a packaged data file (``kg/data/…``)."""
    return files("kg.data").joinpath(*parts).read_text(encoding="utf-8")


def data_path(*parts: str) -> Path:
    """The path of a packaged data file or folder (for readers that want a path: spaCy, jieba)."""
    return Path(str(files("kg.data").joinpath(*parts)))


def csv_table(text: str) -> tuple[list[str], list[tuple[int, dict[str, str | None]]]]:
    """The header of a CSV table and its rows by column name, each with the number of the line it
    ends on in ``text`` (for errors that name the line); lines starting with ``#`` are comments. A
    row with more cells than the header has them under the key None, one with fewer has None values."""
    numbered = [
        (number, line) for number, line in enumerate(text.splitlines(), 1) if not line.startswith("#")
    ]
    at = [0]

    def lines() -> Iterator[str]:
        for number, line in numbered:
            at[0] = number
            yield line

    reader = csv.DictReader(lines())
    rows = [(at[0], row) for row in reader]
    return list(reader.fieldnames or []), rows


def csv_rows(text: str) -> list[dict[str, str]]:
    """Rows of a CSV table by column name; lines starting with ``#`` are comments."""
    return [row for _, row in csv_table(text)[1]]  # type: ignore[misc]


def data_rows(*parts: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV table (``kg/data/…``), comments skipped."""
    return csv_rows(data_text(*parts))


def data_json(*parts: str) -> Any:
    """A packaged JSON file (``kg/data/…``)."""
    return json.loads(data_text(*parts))


def json_lines(text: str) -> Iterator[tuple[int, Any]]:
    """(line number, value) of each non-blank line of a JSON Lines text; for a line that is no
    JSON the value is the error itself (``json.JSONDecodeError``, or the ValueError of a number
    too long, the RecursionError of arrays nested too deep), for the caller to report. Lines end
    at a line feed only: U+2028 and other characters ``str.splitlines`` breaks at may stand
    inside a JSON string."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
            yield number, exc


def data_lines(*parts: str) -> list[str]:
    """The lines of a packaged word list, stripped; blank lines and ``#`` comments skipped."""
    lines = (line.strip() for line in data_text(*parts).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _publish(tmp: str | Path, path: Path) -> None:
    """Give the finished temporary file the mode a plain ``open`` would have (mkstemp makes it
    0600, readable by its owner only), then rename it over ``path``."""
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


@contextmanager
def atomic_writer(path: Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; rename it over ``path`` only on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=None if "b" in mode else encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` for writers that want a file name (serialisers)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        _publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_jsonl(path: Path, rows: Iterable[Any]) -> int:
    """Write records (anything with ``to_dict``) or dicts as JSON Lines; returns the row count."""
    count = 0
    with atomic_writer(path) as fh:
        for row in rows:
            data = row.to_dict() if hasattr(row, "to_dict") else row
            fh.write(json.dumps(data, ensure_ascii=False) + "\n")
            count += 1
    return count


def read_jsonl(path: Path, factory: Callable[[dict[str, Any]], T] | None = None) -> list[T]:
    """Read JSON Lines back, through ``factory`` (e.g. ``Article.from_dict``) when given."""
    out: list[Any] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                data = json.loads(line)
                out.append(factory(data) if factory else data)
    return out
