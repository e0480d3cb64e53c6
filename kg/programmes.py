"""The official tables of the pairing programmes (``data/programmes/``): loading, checking, matching.

Three CSV files, their schema in ``data/programmes/README.md``:

* ``programmes.csv`` — one row per programme (东西部扶贫协作 2016, 对口支援新疆, 东北对口合作, …)
  with the kind of pairing it makes (east-west, intra-province, other);
* ``pairs.csv`` — one row per official donor → recipient pair of a programme, with official codes,
  names and levels of both sides, the period, and the id of its public source;
* ``sources.csv`` — the public texts the rows come from (title, publisher, date, address).

A pairing found in an article *agrees* with a row when its donor is the row's donor or lies inside
it and its recipient is the row's recipient or lies inside it (海沧区 → 积石山县 agrees with
厦门市 → 临夏州). :func:`agreeing` gives the rows of the most specific agreement; their
programmes are the pairing's programmes and the first one's kind is the pairing's kind.

Loading checks what needs no gazetteer (known programme and source, period, code shape, level
against the code, duplicates); :func:`validate_tables` adds the gazetteer's checks (every code a
division, its level and name the gazetteer's). Every problem names file, line and column.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Protocol

from kg.io import csv_table, data_path
from kg.places import UPPER_LEVELS, code_depth

KINDS = ("east-west", "intra-province", "other")
PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})?$")
CODE_RE = re.compile(r"^\d{6}$")
FILES = {"programmes": "programmes.csv", "pairs": "pairs.csv", "sources": "sources.csv"}
COLUMNS = {
    "programmes": ("id", "name", "kind", "period", "description", "cues"),
    "pairs": (
        "programme",
        "period",
        "donor_code",
        "donor_name",
        "donor_level",
        "recipient_code",
        "recipient_name",
        "recipient_level",
        "source",
        "note",
    ),
    "sources": ("id", "title", "publisher", "date", "url"),
}


class TableError(ValueError):
    """A problem in one cell (or row) of a table: file, line (1 = header) and column."""

    def __init__(self, file: str, line: int, column: str, message: str) -> None:
        super().__init__(f"{file}:{line}: column {column!r}: {message}")
        self.file, self.line, self.column, self.message = file, line, column, message


@dataclass(frozen=True, slots=True)
class Programme:
    id: str
    name: str
    kind: str
    period: str
    description: str
    cues: str = ""  # a regular expression for the words that name the programme in a sentence

    @property
    def start(self) -> int:
        return period_bounds(self.period)[0]

    @property
    def end(self) -> int | None:
        return period_bounds(self.period)[1]


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    publisher: str
    date: str
    url: str


@dataclass(frozen=True, slots=True)
class OfficialPair:
    """One row of ``pairs.csv``; ``line`` is its line in the file."""

    programme: str
    period: str
    donor_code: str
    donor_name: str
    donor_level: str
    recipient_code: str
    recipient_name: str
    recipient_level: str
    source: str
    note: str
    line: int

    @property
    def depth(self) -> int:
        """How specific the pair is: the sum of its sides' depths (province 0 … county 2)."""
        return code_depth(self.donor_code) + code_depth(self.recipient_code)

    @property
    def key(self) -> str:
        """Identity of the row: programme, donor code, recipient code."""
        return f"{self.programme}/{self.donor_code}-{self.recipient_code}"

    def holds_in(self, year: int) -> bool:
        """Whether the pair's period includes ``year``."""
        start, end = period_bounds(self.period)
        return start <= year and (end is None or year <= end)


@dataclass(frozen=True)
class Tables:
    programmes: dict[str, Programme]
    sources: dict[str, Source]
    pairs: tuple[OfficialPair, ...]
    folder: str

    def programme_of(self, pair: OfficialPair) -> Programme:
        return self.programmes[pair.programme]


class Divisions(Protocol):
    """What validation needs of a gazetteer: a division by code (its name and level)."""

    def get(self, code: str) -> Any: ...


def period_bounds(period: str) -> tuple[int, int | None]:
    """``2016-2020`` → (2016, 2020); ``2021-`` → (2021, None)."""
    match = PERIOD_RE.match(period)
    if not match:
        raise ValueError(f"not a period: {period!r}")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def _read(folder: Path, table: str) -> list[tuple[int, dict[str, str]]]:
    """Rows of one table with their line numbers; the header must hold the schema's columns."""
    name = FILES[table]
    header, table_rows = csv_table((folder / name).read_text(encoding="utf-8"))
    missing = [c for c in COLUMNS[table] if c not in header]
    if missing:
        raise TableError(name, 1, missing[0], "missing from the header")
    rows = []
    for line, row in table_rows:
        if None in row or any(v is None for v in row.values()):
            raise TableError(name, line, "*", "wrong number of cells")
        rows.append((line, {str(k): (v or "").strip() for k, v in row.items()}))
    return rows


def _require(file: str, line: int, row: dict[str, str], columns: Iterable[str]) -> None:
    for column in columns:
        if not row[column]:
            raise TableError(file, line, column, "empty")


def _period(file: str, line: int, value: str) -> None:
    match = PERIOD_RE.match(value)
    if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
        raise TableError(file, line, "period", f"{value!r} is no period (YYYY- or YYYY-YYYY)")


def _programmes(folder: Path) -> dict[str, Programme]:
    name = FILES["programmes"]
    found: dict[str, Programme] = {}
    for line, row in _read(folder, "programmes"):
        _require(name, line, row, ("id", "name", "kind", "period"))
        if row["kind"] not in KINDS:
            raise TableError(name, line, "kind", f"{row['kind']!r} is not one of {', '.join(KINDS)}")
        _period(name, line, row["period"])
        if row["id"] in found:
            raise TableError(name, line, "id", f"{row['id']!r} is listed twice")
        try:
            re.compile(row["cues"])
        except re.error as error:
            raise TableError(name, line, "cues", f"not a regular expression: {error}") from None
        found[row["id"]] = Programme(**{c: row[c] for c in COLUMNS["programmes"]})
    return found


def _sources(folder: Path) -> dict[str, Source]:
    name = FILES["sources"]
    found: dict[str, Source] = {}
    for line, row in _read(folder, "sources"):
        _require(name, line, row, ("id", "title", "url"))
        if not row["url"].startswith(("http://", "https://")):
            raise TableError(name, line, "url", f"{row['url']!r} is no web address")
        if row["id"] in found:
            raise TableError(name, line, "id", f"{row['id']!r} is listed twice")
        found[row["id"]] = Source(**{c: row[c] for c in COLUMNS["sources"]})
    return found


def _pair(
    line: int, row: dict[str, str], programmes: dict[str, Programme], sources: set[str]
) -> OfficialPair:
    name = FILES["pairs"]
    _require(name, line, row, [c for c in COLUMNS["pairs"] if c != "note"])
    if row["programme"] not in programmes:
        raise TableError(name, line, "programme", f"{row['programme']!r} is not in {FILES['programmes']}")
    if row["source"] not in sources:
        raise TableError(name, line, "source", f"{row['source']!r} is not in {FILES['sources']}")
    _period(name, line, row["period"])
    for side in ("donor", "recipient"):
        code, level = row[f"{side}_code"], row[f"{side}_level"]
        if not CODE_RE.match(code):
            raise TableError(name, line, f"{side}_code", f"{code!r} is no 6-digit division code")
        if level not in UPPER_LEVELS:
            raise TableError(name, line, f"{side}_level", f"{level!r} is no coded level")
        if UPPER_LEVELS[code_depth(code)] != level:
            raise TableError(name, line, f"{side}_level", f"{level!r} does not fit the code {code}")
    donor, recipient = row["donor_code"], row["recipient_code"]
    if _nested(donor, recipient) or _nested(recipient, donor):
        raise TableError(name, line, "recipient_code", "donor and recipient are one place or nest")
    return OfficialPair(**{c: row[c] for c in COLUMNS["pairs"]}, line=line)


def _nested(inner: str, outer: str) -> bool:
    depth = code_depth(outer)
    return inner[: 2 + 2 * depth] == outer[: 2 + 2 * depth]


def load_tables(folder: Path | str | None = None) -> Tables:
    """Read and check the three tables (raises :class:`TableError` on the first problem)."""
    path = Path(folder) if folder is not None else data_path("programmes")
    programmes = _programmes(path)
    sources = _sources(path)
    pairs: list[OfficialPair] = []
    seen: dict[str, int] = {}
    for line, row in _read(path, "pairs"):
        pair = _pair(line, row, programmes, set(sources))
        if pair.key in seen:
            raise TableError(FILES["pairs"], line, "recipient_code", f"same pair as line {seen[pair.key]}")
        seen[pair.key] = line
        pairs.append(pair)
    return Tables(programmes=programmes, sources=sources, pairs=tuple(pairs), folder=str(path))


def validate_tables(tables: Tables, divisions: Divisions) -> list[TableError]:
    """The gazetteer's checks: every code a division whose level and name the row repeats."""
    problems = []
    for pair in tables.pairs:
        for side in ("donor", "recipient"):
            code = getattr(pair, f"{side}_code")
            division = divisions.get(code)
            if division is None:
                problems.append(TableError(FILES["pairs"], pair.line, f"{side}_code", f"no division {code}"))
                continue
            if division.level != getattr(pair, f"{side}_level"):
                problems.append(
                    TableError(FILES["pairs"], pair.line, f"{side}_level", f"{code} is a {division.level}")
                )
            if division.name != getattr(pair, f"{side}_name"):
                problems.append(
                    TableError(FILES["pairs"], pair.line, f"{side}_name", f"{code} is {division.name}")
                )
    return problems


@cache
def tables() -> Tables:
    """The shipped tables, read once per process."""
    return load_tables()


@cache
def row_keys() -> frozenset[str]:
    """The keys (programme/donor-recipient) of the shipped rows."""
    return frozenset(pair.key for pair in tables().pairs)


@cache
def pairs_by_donor() -> dict[str, tuple[int, ...]]:
    """Donor code → the positions of its rows in ``tables().pairs``: ``agreeing`` runs for every
    two places of every sentence, and a scan of every row each time was most of its cost."""
    index: dict[str, list[int]] = {}
    for i, pair in enumerate(tables().pairs):
        index.setdefault(pair.donor_code, []).append(i)
    return {code: tuple(rows) for code, rows in index.items()}


def lists_pair(donor_code: str, recipient_code: str) -> bool:
    """Whether a row of the tables pairs exactly these two codes (广东省 → 贵州省; not 江苏省 → 新疆,
    whose rows pair 江苏 with prefectures and counties of 新疆)."""
    rows = pairs_by_donor().get(donor_code, ())
    return any(tables().pairs[i].recipient_code == recipient_code for i in rows)


def charged_elsewhere(donor_code: str, recipient_code: str) -> bool:
    """Whether the tables list the donor, at its own code, with places of the recipient's province
    and with none that holds the recipient or lies in it (宁波市 → 库车市 of 援疆: 宁波's charge in
    新疆 is 阿克苏's 库车, so a 宁波 team in a story of 和田市 does not help 和田市)."""
    province = recipient_code[:2]
    listed = [
        tables().pairs[i].recipient_code
        for i in pairs_by_donor().get(donor_code, ())
        if tables().pairs[i].recipient_code[:2] == province
    ]
    return bool(listed) and not any(
        _nested(recipient_code, code) or _nested(code, recipient_code) for code in listed
    )


def agreeing(
    donor_chain: Iterable[str],
    recipient_chain: Iterable[str],
    year: int | None = None,
    named: Collection[str] = (),
) -> tuple[OfficialPair, ...]:
    """The rows a donor → recipient pair agrees with at the most specific level, in file order:
    the first such row and every row of another programme with the same two codes.

    ``donor_chain`` and ``recipient_chain`` are the codes of each side and of everything above it.
    ``named``: the programmes the sentence names — where rows of them agree, only they count
    (宁波与延边对口合作 is the 对口合作 row 浙江 → 吉林, not the 2016 east-west row 宁波 → 延边).
    ``year`` (the article's): where rows whose period holds that year agree, only they count (a
    2019 article's 广州 → 毕节 is the 2016 round's pair, a 2022 article's the 2021 round's); where
    none does, every agreeing row (a pair goes on being written of after its round ends).
    """
    return _agreeing(frozenset(donor_chain), frozenset(recipient_chain), year, frozenset(named))


@lru_cache(maxsize=4096)
def _agreeing(
    donors: frozenset[str], recipients: frozenset[str], year: int | None, named: frozenset[str]
) -> tuple[OfficialPair, ...]:
    """``agreeing``, kept: the readers ask it of the same pairs of places many times an article."""
    by_donor = pairs_by_donor()
    rows = sorted(i for code in donors for i in by_donor.get(code, ()))
    pairs = tables().pairs
    matches = [pairs[i] for i in rows if pairs[i].recipient_code in recipients]
    if named:
        matches = [p for p in matches if p.programme in named] or matches
    if year is not None:
        matches = [p for p in matches if p.holds_in(year)] or matches
    if not matches:
        return ()
    best = max(p.depth for p in matches)
    first = next(p for p in matches if p.depth == best)
    return tuple(
        p for p in matches if (p.donor_code, p.recipient_code) == (first.donor_code, first.recipient_code)
    )


@cache
def _cue_patterns() -> tuple[tuple[Programme, re.Pattern[str]], ...]:
    return tuple((p, re.compile(p.cues)) for p in tables().programmes.values() if p.cues)


@lru_cache(maxsize=1024)
def named_programmes(text: str) -> tuple[Programme, ...]:
    """The programmes whose cue words ``text`` holds (对口支援三峡库区 → 三峡; 灾后重建 → 汶川), in
    the order of ``programmes.csv``; none where they make more than one kind (a sentence of
    东西部协作 and 对口合作 names no one programme kind). Kept: asked of a sentence for each pair in it."""
    named = tuple(p for p, pattern in _cue_patterns() if pattern.search(text))
    return named if len({p.kind for p in named}) == 1 else ()


def programme_kind(rows: Iterable[OfficialPair]) -> str | None:
    """The pairing kind the first agreeing row's programme makes (None without rows)."""
    for row in rows:
        return tables().programmes[row.programme].kind
    return None
