"""An article's share of the graph as plain values, so that a later build can reuse it.

The reduce turns each article's records into three things: rows of the JSON Lines files, the
article's own triples (its node, its relations, their evidence: final as soon as the article is
read) and what the article adds to the corpus-wide state (surface forms and home places of the
entities it names, the parties of its relations, the pairs' aggregates, the projection's edge
rows). ``ArticlePart`` holds the triples as a Turtle fragment (graph.ttl is such fragments
under one header) and that corpus-wide share as JSON-ready
lists (``RelationShare``, ``notes``); ``kg.graph.rdf.GraphAssembler.replay`` applies a part to
the state exactly as adding the article's records did. A build keeps each article's part in its
cache (``kg.build.reduce``), so an article that comes back unchanged costs a read and a replay,
not the making of its rows and triples again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from kg.records import Mention, Party, Relation

NoteRow = list[Any]  # [label, name, surface or "", home code or "", place key code, lon, lat]


def note_rows(mentions: Any, not_names: frozenset[str]) -> list[NoteRow]:
    """What the mentions tell the entities' descriptions: a surface form other than the name (not
    from a mention of a source in ``not_names``), an organisation's home place, a place's
    coordinates (one row per mention that tells any)."""
    rows: list[NoteRow] = []
    for m in mentions:
        if not m.name or m.label not in ("PLACE", "ORG"):
            continue
        surface = m.text if m.text and m.text != m.name and m.source not in not_names else ""
        home = m.home_code if m.label == "ORG" and m.home_code else ""
        placed = m.label == "PLACE" and m.lon is not None and m.lat is not None
        if surface or home or placed:
            lon, lat = (m.lon, m.lat) if placed else (None, None)
            rows.append([m.label, m.name, surface, home, m.code or m.county_code or "", lon, lat])
    return rows


@dataclass
class RelationShare:
    """What one relation adds to the corpus-wide state (its own triples are in the part's
    Turtle fragment): its parties and project (described once into the entities), the official codes
    it names, and what its edge row and its pair's aggregate take."""

    node: str  # the relation node's IRI
    type: str
    donor: Party | None
    recipient: Party | None
    project: str | None
    official_codes: list[str]
    kind: str | None
    kind_decided: bool  # the kind is relate's (else filled in from the parties' regions)
    programmes: list[str]  # the programmes of the official pairs it agrees with
    sentence: str
    article_id: str
    start: int
    end: int
    date: str | None
    amount_yuan: float | None
    official: bool | None
    programme: list[str] | None

    def to_list(self) -> list[Any]:
        party = [p.to_dict() if p is not None else None for p in (self.donor, self.recipient)]
        return [
            self.node,
            self.type,
            *party,
            self.project,
            self.official_codes,
            self.kind,
            self.kind_decided,
            self.programmes,
            self.sentence,
            self.article_id,
            self.start,
            self.end,
            self.date,
            self.amount_yuan,
            self.official,
            self.programme,
        ]

    @classmethod
    def from_list(cls, row: list[Any]) -> RelationShare:
        donor, recipient = (Party.from_dict(p) if p is not None else None for p in row[2:4])
        return cls(row[0], row[1], donor, recipient, *row[4:])


@dataclass
class ArticlePart:
    """One article's share of a build: its JSON Lines rows, its triples, its corpus-wide share."""

    lines: list[str]  # the text it adds to articles.jsonl, entities.jsonl, relations.jsonl
    turtle: str  # its triples as graph.ttl holds them (``kg.graph.store.turtle_fragment``)
    meta: dict[str, str]  # the article's id, title and date as the projection's edge rows hold them
    notes: list[NoteRow] = field(default_factory=list)
    relations: list[RelationShare] = field(default_factory=list)
    skipped: int = 0  # relations that gave no node

    def to_dict(self) -> dict[str, Any]:
        return {
            "lines": self.lines,
            "turtle": self.turtle,
            "meta": self.meta,
            "notes": self.notes,
            "relations": [r.to_list() for r in self.relations],
            "skipped": self.skipped,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticlePart:
        relations = [RelationShare.from_list(row) for row in data["relations"]]
        return cls(data["lines"], data["turtle"], data["meta"], data["notes"], relations, data["skipped"])

    def share(self) -> dict[str, Any]:
        """What replaying the part needs (``GraphAssembler.replay``), without its rows and triples:
        what a build that extends this one keeps of each article (``kg.build.extend``)."""
        data = self.to_dict()
        data["lines"], data["turtle"] = [], ""
        return data

    def records(self) -> tuple[list[Mention], list[Relation]]:
        """The article's mentions and relations again, from its rows (for an article renamed at
        admission, whose part under its new id is made anew)."""
        # split at "\n" only: a row may hold U+2028, which splitlines() would cut at
        mentions = [Mention.from_dict(json.loads(line)) for line in self.lines[1].split("\n") if line]
        relations = [Relation.from_dict(json.loads(line)) for line in self.lines[2].split("\n") if line]
        return mentions, relations
