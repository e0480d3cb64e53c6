"""A rebuild of unchanged inputs: the previous build's files, taken over as they are.

A build's files are a function of its inputs (each file's path and bytes, in order), of the code
and data of the whole package (the map's and the reduce's, the ontology, the NER model) and of
the installed packages. ``input_key`` hashes all of them, and a finished build records that key,
a digest of each file it wrote and its closing summary in its manifest. A rebuild with the same
key into a folder whose files are intact links them into the new build instead of mapping and
reducing every article again (17 s of CPU for 1,000 articles that all came from the cache); any
change — one byte of one input, an input more or less, another order, a code, data or package
change, a file of the build edited — makes it a whole build. ``--no-cache`` always builds.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

import kg
from kg.build.cache import CACHE_DIR, model_fingerprint, tree_digest
from kg.build.staging import MANIFEST
from kg.report import BuildReport, Entry

INPUT_KEY = "input_key"
FILES = "files"
SUMMARY = "summary"
_PACKAGE = Path(kg.__file__).parent


def _installed() -> str:
    """Every installed distribution with its version, and the interpreter's."""
    versions = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    return "\n".join([sys.version, *versions])


def base_key(model: str | None) -> str:
    """What a build's files depend on besides its inputs: the package (code, data, the shipped
    model), the ontology, another ``model`` and every installed package."""
    h = hashlib.sha256()
    # the package's tree holds all its code, its data and the shipped model; another model has its own
    package, ontology = tree_digest(_PACKAGE), tree_digest(Path(str(files("kg.ontology"))))
    other_model = model_fingerprint(model) if model is not None else ""
    for part in (kg.__version__, other_model, package, ontology, _installed()):
        h.update(part.encode("utf-8", "surrogateescape") + b"\x1e")
    return h.hexdigest()


def sha256_of(path: Path) -> str:
    """A file's SHA-256, read in blocks: the outputs of 10,000 articles are files of hundreds of MB
    (entities.jsonl, graph.ttl, the store's tables), and reading each whole to hash it put its
    size on the build's peak memory as it finished."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def input_digests(paths: list[str]) -> list[str] | None:
    """Each input's SHA-256; None when an input cannot be read (the build then finds out and says why)."""
    digests = []
    for path in paths:
        try:
            digests.append(sha256_of(Path(path)))
        except OSError:
            return None
    return digests


def input_key(paths: list[str], base: str, digests: list[str] | None) -> str | None:
    """The key of a build of ``paths`` (in this order, with these ``digests``) on ``base``
    (``base_key``); None when an input could not be read."""
    if digests is None:
        return None
    h = hashlib.sha256(base.encode("ascii") + b"\x1e")
    for path, digest in zip(paths, digests, strict=True):
        h.update(path.encode("utf-8", "surrogateescape") + b"\x1f" + digest.encode("ascii"))
    return h.hexdigest()


def _written(folder: Path) -> list[Path]:
    """A build's own files (its store's included): not its manifest, not the cache."""
    skip = {CACHE_DIR, MANIFEST}
    return sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not skip & set(p.relative_to(folder).parts) and not p.name.startswith("LOG")
    )


def _identity(path: Path) -> tuple[int, int, int]:
    status = path.stat()
    return status.st_ino, status.st_size, status.st_mtime_ns


class TakenDigests:
    """Digests of a build's files taken while the build waits for its last one (report.html, which
    a second process writes while this one has nothing else to do), so that the manifest's digests
    are not all read after it. A file taken is not read again while it is the same file (inode,
    size and modification time); one that changed while it was read is not kept."""

    def __init__(self) -> None:
        self.taken: dict[str, tuple[tuple[int, int, int], str]] = {}

    def take(self, folder: Path) -> None:
        for path in _written(folder):
            if path.name.startswith("."):  # a file being written (``kg.io.atomic_writer``)
                continue
            try:
                before, digest = _identity(path), sha256_of(path)
                if _identity(path) == before:
                    self.taken[str(path.relative_to(folder))] = (before, digest)
            except OSError:  # a temporary file, renamed or removed meanwhile
                continue

    def of(self, path: Path, name: str) -> str:
        kept = self.taken.get(name)
        return kept[1] if kept is not None and kept[0] == _identity(path) else sha256_of(path)


def file_digests(folder: Path, taken: TakenDigests | None = None) -> dict[str, str]:
    """Each file a build wrote (relative name → sha256), those ``taken`` already not read again; the
    store's logs are left out (RocksDB writes one whenever the store is opened, read-only too)."""
    taken = taken or TakenDigests()
    return {name: taken.of(p, name) for p in _written(folder) for name in (str(p.relative_to(folder)),)}


def record(report: BuildReport, first_skip: int, first_notice: int) -> dict[str, Any]:
    """What a rebuild says when it takes the files over: the map's and the reduce's part of the
    summary (the discovery's part is found again by the rebuild itself)."""
    return {
        "files_read": report.files_read,
        "articles": report.articles,
        "skipped": [list(e) for e in report.skipped[first_skip:]],
        "notices": [list(e) for e in report.notices[first_notice:]],
        "outputs": report.outputs,
    }


def take_over(previous: dict[str, Any], key: str | None, out: Path, stage: Path, report: BuildReport) -> bool:
    """Link the files of the previous build in ``out`` into ``stage`` and restore its summary into
    ``report`` when its manifest (``previous``) has ``key`` and its files are as it wrote them."""
    if key is None or previous.get(INPUT_KEY) != key or not isinstance(previous.get(SUMMARY), dict):
        return False
    expected = previous.get(FILES)
    if not isinstance(expected, dict) or file_digests(out) != expected:
        return False
    for name in expected:
        target = stage / name
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(out / name, target)  # the files are replaced whole, never written in place
        except OSError:
            shutil.copy2(out / name, target)
    summary = previous[SUMMARY]
    report.files_read = int(summary["files_read"])
    report.articles = report.from_cache = int(summary["articles"])
    report.unchanged = True
    report.skipped.extend(Entry(*e) for e in summary["skipped"])
    report.notices.extend(Entry(*e) for e in summary["notices"])
    report.outputs.update(summary["outputs"])
    return True
