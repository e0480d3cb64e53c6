"""The start-up cache (kg.user_cache): an entry is compiled once and read back; a corrupt,
truncated or unreadable entry is compiled again, never fatal; another fingerprint is another entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import user_cache


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entry(key: str, compiled: list[int]) -> dict[str, int]:
    def compile_() -> dict[str, int]:
        compiled.append(1)
        return {"value": 42}

    return user_cache.load_or_compile(
        "table", key, compile_, lambda v: json.dumps(v).encode(), lambda b: json.loads(b)
    )


def test_compiled_once_then_read(home: Path) -> None:
    compiled: list[int] = []
    assert entry("k1", compiled) == {"value": 42}
    assert entry("k1", compiled) == {"value": 42}
    assert compiled == [1]
    assert [p.name for p in home.iterdir()] == ["table-k1.bin"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[:10],  # truncated inside the checksum
        lambda b: b[:-3],  # truncated payload
        lambda b: b[:40] + bytes([b[40] ^ 0xFF]) + b[41:],  # one byte flipped
        lambda b: b"",
    ],
)
def test_corrupt_entry_is_compiled_again(home: Path, damage) -> None:  # type: ignore[no-untyped-def]
    compiled: list[int] = []
    entry("k1", compiled)
    path = home / "table-k1.bin"
    path.write_bytes(damage(path.read_bytes()))
    assert entry("k1", compiled) == {"value": 42}
    assert compiled == [1, 1]
    assert entry("k1", compiled) == {"value": 42}  # rewritten whole
    assert compiled == [1, 1]


def test_payload_that_does_not_load_is_compiled_again(home: Path) -> None:
    compiled: list[int] = []
    path = home / "table-k1.bin"
    home.mkdir()
    payload = b"not json"
    import hashlib

    path.write_bytes(hashlib.sha256(payload).digest() + payload)  # whole, but not what load reads
    assert entry("k1", compiled) == {"value": 42} and compiled == [1]


def test_unwritable_cache_only_costs_the_compile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("KG_CACHE_HOME", str(blocker / "cache"))  # inside a file: cannot be made
    compiled: list[int] = []
    assert entry("k1", compiled) == {"value": 42}
    assert entry("k1", compiled) == {"value": 42}
    assert compiled == [1, 1]


def test_fingerprint_follows_file_bytes(tmp_path: Path) -> None:
    source = tmp_path / "table.csv"
    source.write_text("a,b\n")
    first = user_cache.fingerprint([source], ["spacy"])
    assert user_cache.fingerprint([source], ["spacy"]) == first
    source.write_text("a,c\n")
    assert user_cache.fingerprint([source], ["spacy"]) != first
    second = user_cache.fingerprint([source], ["spacy"])
    assert user_cache.fingerprint([source], ["spacy"], "model-x") != second
