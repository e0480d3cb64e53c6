"""A build of the inputs of the previous one and more after them: the previous build, extended.

When the inputs of the build in ``out`` (each file's path and bytes, in order) are the first
inputs of this one, with the same code, data, model and installed packages, and its files are as
it wrote them, this build starts from that build instead of reading its articles again: its JSON
Lines files and graph.ttl (up to the corpus-wide part) are copied, its store is backed up by
hard links, the reduce's state is replayed from the articles' shares (``ArticlePart.share``:
what each article adds to the places, organisations and pairs — no rows, no triples) and only the
new files are mapped. The corpus-wide triples are made anew at the end and the stale ones taken
out of the store. The files are byte for byte those of a build from scratch
(tests/build/test_extend.py); any other change (an input edited, removed or put in another
order, a new file before the old ones) builds as before, from the cache.

The state lives in the build cache (``extend/KEY.state`` and ``KEY.shares``, KEY the build's
input key, written by every build that has a cache): the header in marshal's format, the shares
as a stream of marshal records in input order, each after its length (4 bytes, little-endian):
the file is read at once and each record loaded from its bytes — ``marshal.load`` from the open
file reads it in small pieces and took 0.46 CPU s for 1,000 articles' shares, loading them from
the bytes 0.17 s.
"""

from __future__ import annotations

import marshal
import os
import struct
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

EXTEND = "extend"  # the manifest's key for the state's key, and the cache's folder
SHARES_FORMAT = 2  # the header's "format": how the shares are written (a state of another is not read)
_LENGTH = struct.Struct("<I")  # a share's length before it


def _folder(cache_root: Path) -> Path:
    return Path(cache_root) / EXTEND


def state_paths(cache_root: Path, key: str) -> tuple[Path, Path]:
    """(the header, the shares) of the state kept under ``key``."""
    folder = _folder(cache_root)
    return folder / f"{key}.state", folder / f"{key}.shares"


@dataclass
class Extension:
    """A previous build that this one extends: its folder, its state's header and shares."""

    out: Path
    header: dict[str, Any]
    shares: Path

    @property
    def files(self) -> int:
        """How many of this build's inputs the previous build read (they are not mapped again)."""
        return len(self.header["inputs"])

    def replay(self) -> Iterator[dict[str, Any]]:
        """Each article's share, in input order."""
        data = memoryview(self.shares.read_bytes())
        at = 0
        for _ in range(self.header["articles"]):
            start = at + _LENGTH.size
            end = start + (_LENGTH.unpack_from(data, at)[0] if start <= len(data) else 0)
            if start > len(data) or end > len(data):
                raise EOFError(f"{self.shares}: the shares end early")
            yield marshal.loads(data[start:end])
            at = end


def _read_header(path: Path) -> dict[str, Any] | None:
    try:
        header = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return header if isinstance(header, dict) else None


def find_extension(
    previous: dict[str, Any], out: Path, inputs: list[list[str]], base: str, cache_root: Path
) -> Extension | None:
    """The previous build in ``out`` (its manifest ``previous``) when this build may extend it:
    ``inputs`` ([path, digest] in order) start with its inputs and have more, ``base`` (the code,
    data, model and packages) is its own and its state is in the cache. Whether its files are still
    as it wrote them is the caller's to check (``kg.build.run`` does, after starting the pool)."""
    key = previous.get(EXTEND)
    if not isinstance(key, str) or not key.isalnum():
        return None
    head, shares = state_paths(cache_root, key)
    header = _read_header(head)
    if header is None or header.get("base") != base or header.get("format") != SHARES_FORMAT:
        return None
    if not shares.is_file():
        return None
    before = header.get("inputs")
    if not isinstance(before, list) or not 0 < len(before) < len(inputs) or inputs[: len(before)] != before:
        return None
    return Extension(Path(out), header, shares)


class SharesWriter:
    """The shares of this build's articles, in input order, into a temporary file of the cache that
    ``save`` names after the build's key (a failed build leaves nothing: ``discard``). The file is
    made at the first share: a build that reads nothing writes nothing."""

    def __init__(self, cache_root: Path, extension: Extension | None) -> None:
        self.folder = _folder(cache_root)
        self.extension = extension
        self.path: Path | None = None
        self.fh: IO[bytes] | None = None

    def _open(self) -> IO[bytes]:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".", suffix=".shares.tmp", dir=self.folder)
        self.path, self.fh = Path(name), os.fdopen(fd, "wb")
        if self.extension is not None:
            with open(self.extension.shares, "rb") as old:
                while chunk := old.read(1 << 20):
                    self.fh.write(chunk)
        return self.fh

    def add(self, share: dict[str, Any]) -> None:
        record = marshal.dumps(share)
        (self.fh or self._open()).write(_LENGTH.pack(len(record)) + record)

    def save(self, cache_root: Path, key: str, header: dict[str, Any]) -> None:
        fh = self.fh or self._open()
        fh.close()
        head, shares = state_paths(cache_root, key)
        os.replace(self.path, shares)  # type: ignore[arg-type] - set by _open
        fd, name = tempfile.mkstemp(prefix=".", suffix=".state.tmp", dir=head.parent)
        with os.fdopen(fd, "wb") as out:
            out.write(marshal.dumps({**header, "format": SHARES_FORMAT}))
        os.replace(name, head)

    def discard(self) -> None:
        if self.fh is not None:
            self.fh.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def forget(cache_root: Path, key: Any, keep: str | None) -> None:
    """Remove the state kept under ``key`` (the previous build's) unless it is ``keep``: one state
    per build folder, not one per build ever made."""
    if not isinstance(key, str) or not key.isalnum() or key == keep:
        return
    for path in state_paths(cache_root, key):
        path.unlink(missing_ok=True)
