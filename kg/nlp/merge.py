"""``kg_entities``: the NER's labels mapped onto ours (``kg/data/patterns/label_map.csv``: CLUENER's
and, for ``--model``, OntoNotes' GPE/LOC/FAC, ORG, MONEY, DATE, PERSON) and merged with the rule
spans into ``doc.ents``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc import NER_KEY, RULES_KEY, doc_text
from kg.nlp.lexicon import is_phrase_not_name, label_map, org_subtype, place_ending
from kg.nlp.patterns import load_patterns, places_and_generic, stem_is_generic, trim_name
from kg.punctuation import is_quoted


@dataclass
class Candidate:
    start: int
    end: int
    label: str
    subtype: str
    source: str  # ner | gazetteer | pattern

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end

    @property
    def length(self) -> int:
        return self.end - self.start


def map_ner_label(label: str, text: str) -> tuple[str, str] | None:
    """(our label, subtype) for a NER label, or None when we drop it (book, movie, position …)."""
    mapped = label_map().get(label)
    if mapped is None:
        return None
    ours, subtype = mapped
    if ours == "ORG" and subtype is None:
        subtype = org_subtype(text)
    return ours, subtype or ""


def clean_ner_span(
    text: str, start: int, end: int, label: str, places: Sequence[tuple[int, int]] = ()
) -> tuple[int, int] | None:
    """A NER span's edges made tidy, or None when it is no entity of ours.

    Punctuation at the edges goes; an ORG loses lead words, trailing verbs and a title with what
    follows it that the model took in (天津市某某联捐赠 → 天津市某某联, 某某协会会长 → 某某协会)
    and is dropped when only generic words (国有企业); a branch word right after it (分会, 分公司) is
    taken in; a PLACE must end like a place name (乡村振兴
    is none); the gazetteer covers bare short names."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ")）":
        end -= 1
    if end - start < 2:
        return None
    if label == "ORG":
        patterns = load_patterns()
        trailing = re.compile(f"(?:{patterns.lead_verb.pattern})$")
        while (m := trailing.search(text, start, end)) and m.start() - start >= 2:
            end = m.start()
        # a title and what follows it (某某协会会长李某) are no part of the name
        if (title := patterns.title.search(text, start, end)) and title.start() - start >= 2:
            end = title.start()
        elif branch := patterns.branch_tail.match(text, end):
            end = branch.end()  # 某道协沙河|分会: the model ended the name before its branch word
        trimmed = trim_name(text, start, end, patterns, places)
        if trimmed is None or stem_is_generic(text[trimmed[0] : trimmed[1]], patterns):
            return None
        return trimmed
    if label == "PROJECT" and not is_quoted(text, start, end) and _generic_project(text, start, end, places):
        return None
    if label == "PLACE" and not place_ending().search(text, start, end):
        return None
    return start, end


def _generic_project(text: str, start: int, end: int, places: Sequence[tuple[int, int]]) -> bool:
    """A works (…项目, …工程: PLACE_WORKS) the model found whose name is determiners, counts,
    times, money or trade words before its head, with or without a place before them (资金项目,
    具体项目, 当地水务项目, 某县年内部分项目): the rule patterns' test of generic names (GENERIC);
    a park or a workshop keeps the model's reading (东西部协作产业园)."""
    patterns = load_patterns()
    name = text[start:end]
    generic = bool(patterns.works.search(name)) and stem_is_generic(name, patterns)
    return generic or places_and_generic(text, start, end, places, patterns)


def merge_spans(
    rules: Sequence[Candidate],
    ner: Sequence[Candidate],
    text: str = "",
    place_end: re.Pattern[str] | None = None,
) -> list[Candidate]:
    """Combine rule spans (everywhere) with NER spans (cue sentences) into non-overlapping entities.

    Why this order: the gazetteer and the money/date patterns are precise about *what* a span is,
    the NER is better at an unknown name's extent. So:

    1. Among rule spans the longest wins (an ORG pattern 福清市残联 over the place 福清市 inside
       it: an ORG that starts with a place stays ORG).
    2. A NER span that contains a rule span entirely wins over it when it is an ORG or PLACE
       (NER ORG 福清市某某农贸 over the place 福清市; NER address 连城县曲溪乡 over 连城县), a
       PLACE only when it ends like a place name (``place_end``, kg/data/patterns/
       place_endings.txt: not 福清市企业家林某); MONEY and DATE patterns always win.
    3. A NER span that only partly covers a rule span (crosses its edge) or lies inside it loses:
       the gazetteer's place 积石山县 stands against a NER address 石山县.
    4. A NER PLACE over two rule places with a word between them that does not end like a place
       name loses (``place_end``): an address writes its parts one after the other (连城县曲溪乡
       冯地村), a word such as 向 or 与 between two names makes two places (顺义区向科左中旗).
    5. NER spans touching no rule span are kept.
    """
    accepted: list[Candidate] = []
    for cand in sorted(rules, key=lambda c: (-c.length, c.start)):
        if not any(cand.overlaps(a) for a in accepted):
            accepted.append(cand)
    for cand in ner:
        clashes = [a for a in accepted if cand.overlaps(a)]
        if not clashes:
            accepted.append(cand)
            continue
        wins = cand.label in ("ORG", "PLACE") and all(
            cand.contains(a) and a.label not in ("MONEY", "DATE") and cand.length > a.length for a in clashes
        )
        if wins and cand.label == "ORG" and {a.label for a in clashes} >= {"ORG", "PROJECT"}:
            wins = False  # 广州某某|齐齐哈尔…加工: an owner and its project are two entities
        if wins and cand.label == "PLACE" and place_end is not None:
            wins = bool(place_end.search(text, cand.start, cand.end)) and not _joins_two_places(
                clashes, text, place_end
            )
        if wins:
            accepted = [a for a in accepted if a not in clashes]
            accepted.append(cand)
    return sorted(accepted, key=lambda c: c.start)


def _joins_two_places(inside: Sequence[Candidate], text: str, place_end: re.Pattern[str]) -> bool:
    """Whether two rule places inside one NER span stand apart by a word that is no part of an
    address (顺义区|向|科左中旗): the text between them does not end like a place name."""
    places = sorted((c for c in inside if c.label == "PLACE"), key=lambda c: c.start)
    return any(
        first.end < second.start and not place_end.search(text[first.end : second.start])
        for first, second in pairwise(places)
    )


class EntityMerger:
    """Writes ``doc.ents`` (our labels) from the rule spans and the NER's spans.

    The NER's spans come from ``doc.spans[NER_KEY]`` (our cued NER) or, for a foreign pipeline
    (``--model``), from the ``doc.ents`` its own ner set."""

    def __call__(self, doc: Doc) -> Doc:
        rules = [
            Candidate(s.start_char, s.end_char, s.label_, s.id_, s.kb_id_ or "pattern")
            for s in doc.spans.get(RULES_KEY, [])
        ]
        raw = doc.spans[NER_KEY] if NER_KEY in doc.spans else doc.ents
        places = [(c.start, c.end) for c in rules if c.label == "PLACE"]
        text = doc_text(doc)
        ner: list[Candidate] = []
        for span in raw:
            mapped = map_ner_label(span.label_, span.text)
            if mapped is None:
                continue
            edges = clean_ner_span(text, span.start_char, span.end_char, mapped[0], places)
            if edges is None:
                continue
            label, subtype = mapped
            name = text[edges[0] : edges[1]]
            if label in ("ORG", "PERSON") and is_phrase_not_name(name):
                continue
            if label == "PERSON" and len(name) >= 3 and place_ending().search(name):
                label = "PLACE"  # CLUENER's name label on a village (某北村)
            if label == "ORG":
                # the name's ending outranks the model's coarse label (company → 某某协会)
                subtype = org_subtype(name, subtype or "other")
                if not load_patterns().suffix.search(name) and place_ending().search(name):
                    label, subtype = "PLACE", ""  # CLUENER tags some villages as government
            ner.append(Candidate(edges[0], edges[1], label, subtype, "ner"))
        ents = []
        for c in merge_spans(rules, ner, text, place_ending()):
            span = doc.char_span(c.start, c.end, label=c.label, kb_id=c.source, span_id=c.subtype)
            if span is not None:
                ents.append(span)
        doc.set_ents(ents, default="outside")
        return doc


@Language.factory("kg_entities")
def make_entity_merger(nlp: Language, name: str) -> EntityMerger:
    return EntityMerger()
