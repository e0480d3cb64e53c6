"""Whole-build integrity: a lock per output folder, a staging folder swapped in when complete.

A build writes into ``.OUT.staging-PID`` beside ``OUT`` and, only when everything is written,
moves the previous ``OUT`` aside and the staging folder into its place; an interrupted build
leaves the previous build whole. ``.OUT.lock`` (an flock, released by the kernel when the
process dies) stops a second build into the same folder at once. Leftovers of a killed build
(staging folders, a previous build moved aside) are cleaned up, or put back, by the next one.
A finished build holds ``MANIFEST``; a folder holding one is never read as input.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

MANIFEST = "kg-build.json"
# What a build folder written before manifests existed holds: such a folder may be replaced.
BUILD_FILES = frozenset(
    {"articles.jsonl", "entities.jsonl", "relations.jsonl", "graph.ttl", "graph.graphml", "graph.html",
     "map.html", "store", MANIFEST}
)  # fmt: skip


class BuildLocked(RuntimeError):
    """Another build is writing into the same folder."""


class NotABuildFolder(RuntimeError):
    """The output folder holds files that no build wrote: replacing it would lose them."""


def is_build_folder(folder: Path) -> bool:
    try:
        return (folder / MANIFEST).is_file()
    except OSError:  # a path too long for the system: no build of ours can be there
        return False


def _replaceable(out: Path) -> bool:
    if not out.exists():
        return True
    if not out.is_dir():
        return False
    names = {p.name for p in out.iterdir() if not p.name.startswith(".")}
    return not names or is_build_folder(out) or names <= BUILD_FILES


class Staging:
    """``with Staging(out) as stage:`` write into ``stage.path``; ``stage.commit(manifest)`` swaps it in."""

    def __init__(self, out: Path) -> None:
        self.out = Path(out).absolute()
        self.parent = self.out.parent
        name = self.out.name
        self.lock_path = self.parent / f".{name}.lock"
        self.path = self.parent / f".{name}.staging-{os.getpid()}"
        self._old_prefix = f".{name}.old-"
        self._staging_prefix = f".{name}.staging-"
        self._lock: IO[str] | None = None

    def __enter__(self) -> Staging:
        if not _replaceable(self.out):
            raise NotABuildFolder(
                f"{self.out} exists and holds files no build wrote; give a new or empty folder with --out"
            )
        self.parent.mkdir(parents=True, exist_ok=True)
        lock = open(self.lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the whole build
        try:
            fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            lock.close()
            raise BuildLocked(
                f"another build (pid {holder}) is writing into {self.out}; wait for it to finish"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(str(os.getpid()))
        lock.flush()
        self._lock = lock
        self._clean_leftovers()
        self.path.mkdir()
        return self

    def _clean_leftovers(self) -> None:
        """Put back a previous build a killed swap had moved aside; remove killed builds' folders."""
        olds = sorted(p for p in self.parent.iterdir() if p.name.startswith(self._old_prefix))
        if olds and not self.out.exists():
            os.replace(olds[-1], self.out)
            olds = olds[:-1]
        for leftover in olds + [p for p in self.parent.iterdir() if p.name.startswith(self._staging_prefix)]:
            shutil.rmtree(leftover, ignore_errors=True)

    def commit(self, manifest: dict[str, Any], keep: tuple[str, ...] = ()) -> None:
        """Write the manifest, carry ``keep`` (e.g. the cache) over from the previous build, swap."""
        manifest = {**manifest, "finished": datetime.now(UTC).isoformat(timespec="seconds")}
        (self.path / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
        old = self.parent / f"{self._old_prefix}{os.getpid()}"
        if self.out.exists():
            os.replace(self.out, old)
            for name in keep:
                if (old / name).exists() and not (self.path / name).exists():
                    os.replace(old / name, self.path / name)
        os.replace(self.path, self.out)
        shutil.rmtree(old, ignore_errors=True)

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock is not None:
            fcntl.flock(self._lock.fileno(), fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None


def exclude_builds(paths: list[Path], out: Path) -> tuple[list[Path], list[Path]]:
    """(paths to read, paths left out): nothing inside ``out``, a staging folder or a build folder."""
    out = Path(out).absolute().resolve()
    verdict: dict[Path, bool] = {}

    def in_build(folder: Path) -> bool:
        if folder not in verdict:
            own = folder == out or is_build_folder(folder) or folder.name.startswith(f".{out.name}.")
            verdict[folder] = own or (folder.parent != folder and in_build(folder.parent))
        return verdict[folder]

    kept, left = [], []
    for path in paths:
        (left if in_build(_folder_of(Path(path))) else kept).append(path)
    return kept, left


def _folder_of(path: Path) -> Path:
    """The real folder ``path`` lies in; a symbolic link that loops or leads nowhere (discovery
    passes those over with a reason) is judged by the folder it stands in."""
    try:
        return path.absolute().resolve().parent
    except (OSError, RuntimeError):  # RuntimeError: pathlib's "Symlink loop" before Python 3.13
        return path.absolute().parent.resolve()
