"""Tables that are costly to compile at start-up, kept in the user cache directory.

Each entry is one file named by what it is and a fingerprint of what it is compiled from (the
package version, the code and data files that make it, the versions of the packages it reads):
a change to any of them names another file, so a stale entry is never read. The file starts
with the SHA-256 of its payload; a missing, truncated, corrupt or unreadable entry is compiled
again and rewritten, and a cache directory that cannot be written costs the compile, never the
build. ``KG_CACHE_HOME`` overrides the directory (tests, read-only homes).
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import kg
from kg.io import atomic_writer

T = TypeVar("T")
PACKAGE = Path(kg.__file__).parent
_DIGEST = 32  # bytes of SHA-256 before the payload


def cache_dir() -> Path:
    """``$KG_CACHE_HOME``, else the platform's user cache directory for shanhai-kg."""
    override = os.environ.get("KG_CACHE_HOME")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("shanhai-kg"))


def installed_versions(packages: Iterable[str]) -> list[str]:
    """``name=version`` of each installed package, ``name=-`` for one that is not installed."""
    versions = []
    for package in packages:
        try:
            versions.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{package}=-")
    return versions


def fingerprint(files: Iterable[Path], packages: Iterable[str] = (), *extra: str) -> str:
    """A hash of the package version, the Python version, ``files`` (path and bytes), the
    installed versions of ``packages`` and ``extra`` strings."""
    h = hashlib.sha256(f"{kg.__version__}\x1f{sys.version}".encode())
    for path in sorted(files):
        h.update(str(path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path).encode())
        h.update(path.read_bytes())
    for version in installed_versions(packages):
        h.update(version.encode())
    for item in extra:
        h.update(item.encode("utf-8", "surrogateescape"))
    return h.hexdigest()[:20]


def _read(path: Path) -> bytes | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    payload = data[_DIGEST:]
    if len(data) < _DIGEST or hashlib.sha256(payload).digest() != data[:_DIGEST]:
        return None  # truncated or corrupt: compiled again
    return payload


def _write(path: Path, payload: bytes) -> None:
    """Atomically: several builds (and a pool's workers) may write the same entry at once."""
    try:
        with atomic_writer(path, "wb") as fh:
            fh.write(hashlib.sha256(payload).digest() + payload)
    except OSError:
        pass  # a read-only or full cache directory: compiled each time


def load_or_compile(
    name: str,
    key: str,
    compile_: Callable[[], T],
    dump: Callable[[T], bytes],
    load: Callable[[bytes], T],
) -> T:
    """The entry ``name`` under fingerprint ``key``: read from the cache when it is there and
    whole, else compiled by ``compile_`` and written for the next run."""
    path = cache_dir() / f"{name}-{key}.bin"
    payload = _read(path)
    if payload is not None:
        try:
            return load(payload)
        except Exception:  # noqa: BLE001 - whatever a damaged entry raises, it is compiled again
            pass
    value = compile_()
    _write(path, dump(value))
    return value
