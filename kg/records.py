"""The plain records that flow between pipeline stages.

ingest → Article; nlp → Mention; link → Mention (with its link fields filled);
relate → Relation; graph reads Articles, Mentions and Relations.
Every record serialises to one JSON object (``to_dict``/``from_dict``) so that each stage's
output can be written as JSON Lines and read back, and a user can check it.
"""

from __future__ import annotations

import bisect
from copy import deepcopy
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import cache
from operator import attrgetter
from typing import Any, Literal, Self

Label = Literal["PLACE", "ORG", "PROJECT", "MONEY", "DATE", "PERSON"]
OrgSubtype = Literal["enterprise", "government", "social", "school", "hospital", "other"]
PairingKind = Literal["east-west", "intra-province", "other"]
RelationType = Literal["pairing", "help", "funding", "project"]


_ATOMS = (str, int, float, bool, type(None))
_ATOM_TYPES = frozenset(_ATOMS)


def plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` makes of a field's value — records as dicts, lists and tuples
    copied, atoms as they are — without its deep copy of every string and number (asdict took a
    fifth of the reduce's time). Exact atoms are tested by type first: most fields are atoms."""
    if type(value) in _ATOM_TYPES or isinstance(value, _ATOMS):
        return value
    if isinstance(value, list):
        return [v if type(v) in _ATOM_TYPES else plain(v) for v in value]
    if isinstance(value, _Record):
        return {
            name: v if type(v) in _ATOM_TYPES else plain(v)
            for name, v in zip(_field_names(type(value)), _field_values(value), strict=True)
        }
    if isinstance(value, tuple):
        items = [plain(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        return type(value)((plain(k), plain(v)) for k, v in value.items())
    return asdict(value) if is_dataclass(value) and not isinstance(value, type) else deepcopy(value)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@cache
def _field_set(cls: type) -> frozenset[str]:
    return frozenset(_field_names(cls))


def _field_values(record: Any) -> tuple[Any, ...]:
    names = _field_names(type(record))
    values = attrgetter(*names)(record)
    return values if len(names) > 1 else (values,)


class _Record:
    """JSON round-trip shared by all records: unknown keys are ignored on the way in."""

    def to_dict(self) -> dict[str, Any]:
        return plain(self)  # type: ignore[no-any-return]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        names = _field_set(cls)
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Sentence(_Record):
    """A sentence as character offsets [start, end) into the article's normalised text."""

    start: int
    end: int


@dataclass
class Article(_Record):
    """One input article after ingestion and normalisation.

    ``text`` is what every later stage reads. ``offset_runs`` maps it back to ``original``
    (the decoded input, before any cleaning): each run ``[norm_start, orig_start, length]``
    says that ``text[norm_start:norm_start+length]`` came from
    ``original[orig_start:orig_start+length]`` (character-for-character, after width
    folding and traditional→simplified, which keep lengths). Characters that belong to no
    run were inserted by normalisation (e.g. a folded space).
    """

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD) publication date
    source: str | None = None  # the outlet (来源)
    url: str | None = None
    path: str | None = None  # the input file it came from
    encoding: str | None = None
    content_hash: str | None = None  # sha256 of the normalised text, hex
    sentences: list[Sentence] = field(default_factory=list)
    original: str | None = None
    offset_runs: list[list[int]] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        art = super().from_dict(data)
        art.sentences = [s if isinstance(s, Sentence) else Sentence(*s) for s in art.sentences]
        return art

    def to_dict(self) -> dict[str, Any]:
        d = plain(self)
        d["sentences"] = [[s.start, s.end] for s in self.sentences]
        return d

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence holding normalised ``offset`` (-1 when none does)."""
        starts = [s.start for s in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return -1

    def to_original(self, offset: int) -> int | None:
        """Map a normalised offset back to the original text (None when it was inserted)."""
        starts = [r[0] for r in self.offset_runs]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return None
        norm_start, orig_start, length = self.offset_runs[i]
        if offset < norm_start + length:
            return orig_start + (offset - norm_start)
        return None


@dataclass
class Mention(_Record):
    """An entity mention found by the nlp stage, later filled in by the link stage.

    Offsets are into ``Article.text`` (normalised), end exclusive.
    """

    article_id: str
    label: str  # one of Label
    text: str
    start: int
    end: int
    sentence: int  # index into Article.sentences
    source: str = "ner"  # ner | gazetteer | pattern
    subtype: str | None = None  # ORG: one of OrgSubtype
    # --- filled by link ---
    name: str | None = None  # official place name / canonical org name / normalised value
    code: str | None = None  # place: 6-digit division code (county level and above)
    level: str | None = None  # place: one of kg.places.LEVELS
    county_code: str | None = None  # towns and villages: their county's code
    parents: list[str] = field(default_factory=list)  # place: codes of the parent chain, top first
    province_code: str | None = None  # place: its province's code
    lon: float | None = None
    lat: float | None = None
    home_code: str | None = None  # ORG or PROJECT whose name starts with a place: that place's code
    value: float | None = None  # MONEY: amount in yuan
    iso: str | None = None  # DATE: ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)
    unresolved: str | None = None  # why a PLACE was not linked


@dataclass
class Party(_Record):
    """One side of a relation: a place or an organisation, as linked."""

    label: str  # PLACE or ORG
    name: str
    code: str | None = None
    level: str | None = None
    county_code: str | None = None
    province_code: str | None = None
    subtype: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None


@dataclass
class Relation(_Record):
    """A 帮扶 statement: who helps whom, with the sentence that says so."""

    type: str  # one of RelationType
    article_id: str
    donor: Party | None
    recipient: Party | None
    sentence: int
    sentence_text: str
    start: int  # evidence span in Article.text (normalised), end exclusive
    end: int
    pattern: str  # id of the construction that fired
    confidence: float
    kind: str | None = None  # pairing: one of PairingKind
    official: bool | None = None  # agrees with an official pair at its own or a higher level
    official_pair: list[str] | None = None  # [donor_code, recipient_code] of that official pair
    programme: list[str] | None = None  # ids of the programmes (data/programmes) listing that pair
    amount_yuan: float | None = None
    date: str | None = None  # ISO 8601
    purpose: str | None = None
    project: str | None = None  # project name, for type=project (and where a help names one)
    action: str | None = None  # help: invests, donates, builds, employs, buys, trains, …
    # whether the relation also says its two places are partners: a county's sum for a village
    # of its partner county says that the county helps the village, not that the two are paired
    states_pairing: bool = True

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        rel = super().from_dict(data)
        if isinstance(rel.donor, dict):
            rel.donor = Party.from_dict(rel.donor)
        if isinstance(rel.recipient, dict):
            rel.recipient = Party.from_dict(rel.recipient)
        return rel
