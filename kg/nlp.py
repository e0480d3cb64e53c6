"""The nlp stage: a spaCy ``zh`` pipeline that finds places, organisations, projects, money and dates.

Our pipeline (``load_pipeline()``)::

    tokenizer        one token per character
    kg_gazetteer     span_ruler: every gazetteer surface form (provinces … towns) as PLACE
    kg_patterns      regular expressions kept as data (kg/data/patterns/entity_patterns.jsonl):
                     MONEY, DATE, PROJECT, ORG shapes (suffixes, government bodies right after a
                     place, enumerations of suffix-less enterprises before 等企业)
    kg_cued_ner      the statistical NER shipped in kg/data/model (jieba words → tok2vec → ner,
                     trained on CLUENER2020 plus our domain examples by kg/train.py), run only on
                     the sentences that hold a cue word (kg/data/patterns/ner_cues.txt)
    kg_entities      maps the NER's labels onto ours and merges them with the rule spans into
                     ``doc.ents`` (see :func:`merge_spans`)

Each entity in ``doc.ents`` carries its source (ner|gazetteer|pattern) in ``kb_id_`` and, for ORG,
its subtype in ``id_`` (for gazetteer places: the level(s) of the surface form).

Measured choices (figures from the runs described in the README):

* Two tokenisations. The rules work on characters: every gazetteer name and pattern match aligns,
  and a character Doc is made at ~570k chars/s. The NER works on jieba words: against one token
  per character it learned far faster on CLUENER (held-out F1 0.65 after 2,000 steps against
  0.46; with the jieba word as a character feature 0.42), and it runs over 1.8× fewer tokens.
  Its price: 4.0% of CLUENER's spans cut through a jieba word and cannot be predicted exactly
  (they are marked missing in training and count as misses on dev). Each NER sentence is a Doc
  of its own, so its spans map back onto the character Doc by character offsets.
* Statistical pass where it pays: a CNN per token costs ~20× jieba; places, money and dates come
  from the rules on every sentence, and the NER runs only where organisations get named without
  a suffix the patterns know (企业, 公司, 引进, 捐 …: the cue list is data). On ~1 MB
  (benchmarks/bench_entities.py, 2 busy cores) the stage takes 2–3.5× jieba's time on CLUENER
  text and ~5.5× on the seeds; with the NER on every sentence 12–18×.
* The shipped NER scores P 0.707 R 0.648 F1 0.676 on CLUENER dev (exact spans, all ten labels;
  ``kg train --evaluate-only``); ``kg train`` reproduces it (seeded, deterministic on CPU).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.records import Article, Mention

if TYPE_CHECKING:
    from kg.report import Reporter

RULES_KEY = "kg_rules"  # doc.spans: the gazetteer and pattern spans (our labels)
NER_KEY = "kg_ner"  # doc.spans: the statistical spans (the model's own labels)
SENTENCES_KEY = "kg_sentences"  # doc.user_data: [(start, end)] sentence offsets, when known
TEXT_KEY = "kg_text"  # doc.user_data: the doc's text, kept once (see doc_text)
SENTENCE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")
OUR_LABELS = ("PLACE", "ORG", "PROJECT", "MONEY", "DATE", "PERSON")


class SurfaceSource(Protocol):
    """What the gazetteer ruler needs (kg.gazetteer.Gazetteer has it): (surface, level) pairs."""

    def surface_forms(self) -> Iterable[tuple[str, str]]: ...


# --------------------------------------------------------------------------------------------
# Data files
# --------------------------------------------------------------------------------------------
def _data_path(*parts: str) -> Path:
    return Path(str(files("kg.data").joinpath(*parts)))


def model_path() -> Path:
    """The shipped statistical NER (jieba tokenizer + tok2vec + ner)."""
    return _data_path("model")


def _read_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


@cache
def ner_cues() -> tuple[str, ...]:
    return tuple(_read_lines(_data_path("patterns", "ner_cues.txt")))


@cache
def place_ending() -> re.Pattern[str]:
    """What a place name ends with (县, 乡, 村 …), as a regex anchored at a span's end."""
    endings = sorted(_read_lines(_data_path("patterns", "place_endings.txt")), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")


@cache
def not_name_endings() -> re.Pattern[str]:
    endings = sorted(_read_lines(_data_path("patterns", "not_name_endings.txt")), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")


@cache
def set_phrases() -> frozenset[str]:
    """Idioms and set phrases of jieba's own dictionary (tags i, l), four characters or more."""
    import jieba

    with jieba.dt.get_dict_file() as fh:
        rows = (line.decode("utf-8").split() for line in fh)
        return frozenset(w for w, _, tag in (r for r in rows if len(r) == 3) if tag in "il" and len(w) >= 4)


def is_phrase_not_name(text: str) -> bool:
    """True for a statistical ORG/PERSON span that is a phrase: 深情厚谊, 林某兄弟俩, 某某产业发展."""
    return bool(not_name_endings().search(text)) or text in set_phrases()


@cache
def label_map() -> dict[str, tuple[str, str | None]]:
    """NER label → (our label, ORG subtype or None): CLUENER's and OntoNotes' labels."""
    rows = _read_csv(_data_path("patterns", "label_map.csv"))
    return {row["ner_label"]: (row["label"], row["subtype"] or None) for row in rows}


@cache
def org_subtype_suffixes() -> tuple[tuple[str, str], ...]:
    """(suffix, subtype) pairs, longest suffix first."""
    rows = [(row["suffix"], row["subtype"]) for row in _read_csv(_data_path("patterns", "org_subtypes.csv"))]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def org_subtype(name: str, default: str = "other") -> str:
    """An organisation's subtype from its name's ending (学校 → school, 商会 → social …)."""
    for suffix, subtype in org_subtype_suffixes():
        if name.endswith(suffix):
            return subtype
    return default


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc.

    spaCy joins every token's text anew on each ``doc.text``; with one token per character
    that cost more than all the rules and the NER together (measured: benchmarks/bench_entities.py)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


# --------------------------------------------------------------------------------------------
# kg_patterns: regular expressions as data
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EntityPattern:
    id: str
    label: str
    regex: re.Pattern[str]
    subtype: str | None = None  # fixed subtype
    subtype_default: str | None = None  # subtype when the name's ending says nothing
    split: re.Pattern[str] | None = None  # the 'list' group holds several names
    after: str | None = None  # must start where a rule span of this label ends
    strip_lead: bool = False


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[EntityPattern, ...]
    lead: re.Pattern[str]  # lead words (引进, 在 …) that precede a name, never start it
    lead_verb: re.Pattern[str]  # lead verbs (引进, 组织 …), never inside a name either
    generic: re.Pattern[str]  # stems made only of generic words (龙头企业, 帮扶车间) are no names
    suffix: re.Pattern[str]  # an ORG or PROJECT suffix at the end of a name


def _expand(regex: str, defines: dict[str, str]) -> str:
    for _ in range(5):  # defines may use defines
        for name, value in defines.items():
            regex = regex.replace("{" + name + "}", value)
    return regex


@cache
def load_patterns(path: str | None = None) -> PatternSet:
    """Read the pattern file: ``define`` lines name regex fragments, the other lines are patterns."""
    source = Path(path) if path else _data_path("patterns", "entity_patterns.jsonl")
    defines: dict[str, str] = {}
    patterns: list[EntityPattern] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if "define" in row:
            defines[row["define"]] = row["regex"]
        elif "id" in row:
            patterns.append(
                EntityPattern(
                    id=row["id"],
                    label=row["label"],
                    regex=re.compile(_expand(row["regex"], defines)),
                    subtype=row.get("subtype"),
                    subtype_default=row.get("subtype_default"),
                    split=re.compile(row["split"]) if row.get("split") else None,
                    after=row.get("after"),
                    strip_lead=bool(row.get("strip_lead")),
                )
            )
    lead = re.compile(f"(?:{_expand(defines.get('LEAD', '(?!)'), defines)})+")
    lead_verb = re.compile(_expand(defines.get("LEAD_VERB", "(?!)"), defines))
    generic = re.compile(f"^(?:{_expand(defines.get('GENERIC', '(?!)'), defines)})*$")
    suffixes = "|".join(defines.get(name, "(?!)") for name in ("ORG_SUFFIX", "PROJECT_SUFFIX"))
    suffix = re.compile(f"(?:{_expand(suffixes, defines)})$")
    return PatternSet(tuple(patterns), lead, lead_verb, generic, suffix)


def _trim_name(
    text: str,
    start: int,
    end: int,
    patterns: PatternSet,
    places: Sequence[tuple[int, int]],
    widen: bool = False,
) -> tuple[int, int] | None:
    """Find a name's left edge that a regex cannot see.

    连城县引进落地某某农贸 → 某某农贸 (cut after the last lead verb inside); …投资的福建省某某公司
    → 福建省某某公司 (start at a place inside); a start that cuts into a place (和政县: 和 is a
    stop character) goes back to the place's start; lead words at the start (在, 向 …) are
    dropped unless a place starts there. ``widen``: a regex that stopped at a stop character
    inside a word (会宁县交通投资集团: 交 is one) starts at that word instead, and at the place
    right before it."""
    if widen and (word := word_start(text, start)) < start:
        start = min((p_start for p_start, p_end in places if p_end == word), default=word)
    for p_start, p_end in places:
        if p_start < start < p_end:
            start = p_start
    for verb in patterns.lead_verb.finditer(text, start, end):
        rest = text[verb.end() : end]
        # a verb followed only by verbs and a suffix is part of the name: 交通投资集团, 建设投资公司
        if len(rest) >= 2 and not stem_is_generic(patterns.lead_verb.sub("", rest), patterns):
            start = verb.end()
    place_starts = {p[0] for p in places if p[1] <= end}
    if start not in place_starts:
        # a place in brackets qualifies the name: 云账户(天津)某某公司
        inside = [p for p in place_starts if start < p < end and text[p - 1] not in "(（"]
        if inside:
            start = min(inside)
        else:
            lead = patterns.lead.match(text, start, end)
            if lead and end - lead.end() >= 2:
                start = lead.end()
    return (start, end) if end - start >= 2 else None


def stem_is_generic(name: str, patterns: PatternSet | None = None) -> bool:
    """True when a name is only generic words before its suffix: 龙头企业, 扶贫车间, 一家公司."""
    patterns = patterns or load_patterns()
    suffix = patterns.suffix.search(name)
    return bool(patterns.generic.match(name[: suffix.start()] if suffix else name))


def find_pattern_spans(
    text: str, places: Sequence[tuple[int, int]], patterns: PatternSet | None = None
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, subtype, pattern id) of every pattern match in ``text``.

    ``places`` are the gazetteer's PLACE spans, which 'after' patterns start from and which
    fix names' left edges."""
    patterns = patterns or load_patterns()
    found: list[tuple[int, int, str, str, str]] = []
    place_ends = {end: start for start, end in places}
    for pattern in patterns.patterns:
        if pattern.after:
            for end, start in place_ends.items():
                m = pattern.regex.match(text, end)
                if m and m.end() > end:
                    found.append((start, m.end(), pattern.label, pattern.subtype or "", pattern.id))
            continue
        for m in pattern.regex.finditer(text):
            group = "list" if pattern.split else ("name" if "name" in pattern.regex.groupindex else 0)
            g_start, g_end = m.span(group)
            pieces: list[tuple[int, int]] = [(g_start, g_end)]
            if pattern.split:
                pieces, cursor = [], g_start
                for sep in pattern.split.finditer(text, g_start, g_end):
                    pieces.append((cursor, sep.start()))
                    cursor = sep.end()
                pieces.append((cursor, g_end))
            for p_start, p_end in pieces:
                span: tuple[int, int] | None = (p_start, p_end)
                if pattern.strip_lead:
                    span = _trim_name(text, p_start, p_end, patterns, places, widen=not pattern.split)
                if span is None:
                    continue
                name = text[span[0] : span[1]]
                if pattern.label in ("ORG", "PROJECT") and stem_is_generic(name, patterns):
                    continue
                subtype = pattern.subtype or ""
                if pattern.label == "ORG" and not subtype:
                    subtype = org_subtype(name, pattern.subtype_default or "other")
                found.append((span[0], span[1], pattern.label, subtype, pattern.id))
    return found


CLAUSE_BREAK = re.compile(r"[，,。！？!?；;：:、（）()“”\"《》\s]")
CLAUSE_REACH = 24


def cuts_through_word(text: str, start: int, end: int) -> bool:
    """True when [start, end) does not begin and end on jieba word boundaries of its clause.

    A place's short name without its 县/市 (资兴, 康保, 同仁) is also a piece of common words
    (投资兴业, 健康保障, 一视同仁); it is a place only where the segmenter sees a word edge."""
    left, right = _clause(text, start, end)
    edges = _word_edges(text[left:right])
    return (start - left) not in edges or (end - left) not in edges


def word_start(text: str, position: int) -> int:
    """Where the jieba word holding ``position`` starts (segmenting its clause)."""
    left, right = _clause(text, position, position)
    edges = _word_edges(text[left:right])
    return left + max((e for e in edges if e <= position - left), default=0)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end), at most CLAUSE_REACH characters either side."""
    left = max(0, start - CLAUSE_REACH)
    for m in CLAUSE_BREAK.finditer(text, left, start):
        left = m.end()
    right = min(len(text), end + CLAUSE_REACH)
    stop = CLAUSE_BREAK.search(text, end, right)
    return left, stop.start() if stop else right


@lru_cache(maxsize=4096)
def _word_edges(clause: str) -> frozenset[int]:
    import jieba

    edges, offset = {0}, 0
    for word in jieba.cut(clause):
        offset += len(word)
        edges.add(offset)
    return frozenset(edges)


class PatternRuler:
    """Adds the pattern matches to ``doc.spans[RULES_KEY]`` beside the gazetteer's places.

    It first marks the span_ruler's places as coming from the gazetteer and drops the short
    names (no 县/市/州… ending) that cut through a word."""

    def __init__(self, patterns: PatternSet) -> None:
        self.patterns = patterns

    def __call__(self, doc: Doc) -> Doc:
        group = doc.spans.get(RULES_KEY)
        text, ending = doc_text(doc), place_ending()
        spans = [
            s if s.kb_id_ else Span(doc, s.start, s.end, label=s.label, kb_id="gazetteer", span_id=s.id)
            for s in (group if group is not None else [])
            if s.kb_id_
            or ending.search(text, s.start_char, s.end_char)
            or not cuts_through_word(text, s.start_char, s.end_char)
        ]
        places = [(s.start_char, s.end_char) for s in spans if s.label_ == "PLACE"]
        for start, end, label, subtype, _ in find_pattern_spans(text, places, self.patterns):
            span = doc.char_span(start, end, label=label, kb_id="pattern", span_id=subtype,
                                 alignment_mode="contract")  # fmt: skip
            if span is not None and len(span):
                spans.append(span)
        doc.spans[RULES_KEY] = spans
        return doc


@Language.factory("kg_patterns", default_config={"path": None})
def make_pattern_ruler(nlp: Language, name: str, path: str | None) -> PatternRuler:
    return PatternRuler(load_patterns(path))


# --------------------------------------------------------------------------------------------
# kg_cued_ner: the statistical NER on cue sentences, in a pipeline of its own (jieba words)
# --------------------------------------------------------------------------------------------
class CuedNER:
    """Runs the NER pipeline on the sentences holding a cue word; writes ``doc.spans[NER_KEY]``.

    ``all_sentences`` runs it everywhere (for comparison; the benchmark measures both)."""

    def __init__(self, ner_nlp: Language, cues: Sequence[str], all_sentences: bool = False) -> None:
        self.ner_nlp = ner_nlp
        self.cue = re.compile("|".join(re.escape(c) for c in cues)) if cues else None
        self.all_sentences = all_sentences

    def sentences(self, doc: Doc) -> list[tuple[int, int]]:
        known = doc.user_data.get(SENTENCES_KEY)
        if known:
            return [(int(s), int(e)) for s, e in known]
        return [m.span() for m in SENTENCE.finditer(doc_text(doc))]

    def chosen(self, doc: Doc) -> list[tuple[int, int]]:
        text = doc_text(doc)
        return [
            (s, e)
            for s, e in self.sentences(doc)
            if e > s and (self.all_sentences or (self.cue is not None and self.cue.search(text, s, e)))
        ]

    def __call__(self, doc: Doc) -> Doc:
        chosen = self.chosen(doc)
        spans: list[Span] = []
        text = doc_text(doc)
        texts = (text[s:e] for s, e in chosen)
        for (offset, _), sentence in zip(chosen, self.ner_nlp.pipe(texts, batch_size=64), strict=True):
            for ent in sentence.ents:
                span = doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_,
                                     alignment_mode="contract")  # fmt: skip
                if span is not None and len(span):
                    spans.append(span)
        doc.spans[NER_KEY] = spans
        return doc


@Language.factory("kg_cued_ner", default_config={"model": None, "cues": None, "all_sentences": False})
def make_cued_ner(
    nlp: Language, name: str, model: str | None, cues: list[str] | None, all_sentences: bool
) -> CuedNER:
    ner_nlp = _load_statistical(model or str(model_path()))
    return CuedNER(ner_nlp, ner_cues() if cues is None else cues, all_sentences)


@cache
def _load_statistical(path: str) -> Language:
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return spacy.load(path)


# --------------------------------------------------------------------------------------------
# kg_entities: label mapping and the merge of rules and NER
# --------------------------------------------------------------------------------------------
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

    Punctuation at the edges goes; an ORG loses lead words and trailing verbs the model took in
    (天津市某某联捐赠 → 天津市某某联) and is dropped when only generic words (国有企业); a PLACE
    must end like a place name (乡村振兴 is none); the gazetteer covers bare short names."""
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
        trimmed = _trim_name(text, start, end, patterns, places)
        if trimmed is None or stem_is_generic(text[trimmed[0] : trimmed[1]], patterns):
            return None
        return trimmed
    if label == "PLACE" and not place_ending().search(text, start, end):
        return None
    return start, end


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
    4. NER spans touching no rule span are kept.
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
        if wins and cand.label == "PLACE" and place_end is not None:
            wins = bool(place_end.search(text, cand.start, cand.end))
        if wins:
            accepted = [a for a in accepted if a not in clashes]
            accepted.append(cand)
    return sorted(accepted, key=lambda c: c.start)


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


# --------------------------------------------------------------------------------------------
# Building the pipeline
# --------------------------------------------------------------------------------------------
def gazetteer_patterns(source: SurfaceSource) -> list[dict[str, Any]]:
    """span_ruler phrase patterns, one per surface form; its levels (province|prefecture…) as id."""
    levels: dict[str, list[str]] = {}
    for surface, level in source.surface_forms():
        if level not in levels.setdefault(surface, []):
            levels[surface].append(level)
    return [{"label": "PLACE", "pattern": s, "id": "|".join(lv)} for s, lv in levels.items()]


def add_rule_components(
    nlp: Language, gazetteer: SurfaceSource | None = None, before: str | None = None
) -> Language:
    """Add the gazetteer ruler and the pattern ruler (before ``before`` when given)."""
    if gazetteer is None:
        from kg.gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    where = {"before": before} if before else {}
    ruler = nlp.add_pipe(
        "span_ruler",
        name="kg_gazetteer",
        config={"spans_key": RULES_KEY, "annotate_ents": False, "overwrite": False},
        **where,
    )
    with nlp.select_pipes(enable=[]):  # phrase patterns only need the tokenizer
        ruler.add_patterns(gazetteer_patterns(gazetteer))  # type: ignore[attr-defined]
    nlp.add_pipe("kg_patterns", **where)
    return nlp


class ModelNotFound(ValueError):
    """``--model`` names no installed spaCy pipeline (neither a package nor a pipeline folder)."""


def load_pipeline(
    model: str | None = None,
    gazetteer: SurfaceSource | None = None,
    all_sentences: bool = False,
) -> Language:
    """Our pipeline (``model`` None: the shipped NER, offline) or an installed spaCy pipeline.

    A foreign pipeline (name or path, e.g. zh_core_web_sm) keeps its own tokenizer and ner; our
    rule components go before its ner's output is read and ``kg_entities`` maps its labels
    (GPE/LOC/FAC → PLACE, ORG, MONEY, DATE, PERSON). ``gazetteer`` is injectable for tests.
    """
    if model is None:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        add_rule_components(nlp, gazetteer)
        nlp.add_pipe("kg_cued_ner", config={"all_sentences": all_sentences})
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:  # spaCy's E050/E053: no such package, no config in that folder
            raise ModelNotFound(
                f"--model {model}: no installed spaCy pipeline of that name or path "
                "(install one, e.g. `pip install zh_core_web_sm-…whl`, or give a pipeline folder)"
            ) from exc
        add_rule_components(nlp, gazetteer)
    nlp.add_pipe("kg_entities")
    return nlp


# --------------------------------------------------------------------------------------------
# The stage
# --------------------------------------------------------------------------------------------
def _run(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc.user_data[TEXT_KEY] = article.text
    if article.sentences:
        doc.user_data[SENTENCES_KEY] = [(s.start, s.end) for s in article.sentences]
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def mentions_of(doc: Doc, article: Article) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in OUR_LABELS:
            continue
        mentions.append(
            Mention(
                article_id=article.id,
                label=ent.label_,
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                sentence=article.sentence_index_at(ent.start_char) if article.sentences else 0,
                source=ent.kb_id_ or "ner",
                subtype=(ent.id_ or None) if ent.label_ == "ORG" else None,
            )
        )
    return mentions


def find_mentions(
    nlp: Language, articles: Sequence[Article], reporter: Reporter | None = None
) -> dict[str, list[Mention]]:
    """Article id → its mentions, in text order, offsets into ``Article.text`` (end exclusive)."""
    items: Iterable[Article] = reporter.progress(articles, "entities") if reporter else articles
    return {article.id: mentions_of(_run(nlp, article), article) for article in items}


def iter_entities(nlp: Language, text: str) -> Iterator[tuple[str, str, int, int, str, str]]:
    """(label, text, start, end, source, subtype) of each entity in ``text``: for quick looks."""
    doc = _run(nlp, Article(id="-", text=text))
    for ent in doc.ents:
        yield ent.label_, ent.text, ent.start_char, ent.end_char, ent.kb_id_, ent.id_
