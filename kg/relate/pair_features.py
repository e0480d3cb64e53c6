"""The learned pair reader's candidates and features: every ordered pair of two linked places that a
sentence names, described by our own data only — the rules' verdict, levels, regions, the programme
tables, the word classes of our lexicons around and between the two, the sentence's structure and
the article's — never by the page's own words (see ``data/pair_reader.json``).

A candidate is a donor and a recipient (each written name as its most specific division, as the
rules encode it) in one sentence. The same :func:`pair_candidates` serves training and the run, so
the features cannot drift between them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from kg.io import data_json, data_text
from kg.places import LEVEL_DEPTH, UPPER_LEVELS, code_depth, nests, place_key, province_of, region_code
from kg.programmes import named_programmes, programme_kind
from kg.records import Mention, Relation
from kg.regions import region_of
from kg.relate.candidates import coordinated
from kg.relate.context import ArticleContext
from kg.relate.direction import resolve_direction
from kg.relate.encode import Encoded, Slot
from kg.relate.facts import article_year
from kg.relate.geo import intra_side, is_resolved, listed_above, listed_as_is, official_rows, related
from kg.relate.rules import alternatives, cues, expand, lexicon
from kg.relate.schema import Field, flag, integer, integers, need, section, table, text, validate, words
from kg.relate.text import CLAUSE_STOPS, TOKEN_RE

FEATURES_FILE = "pair_reader.json"

_WINDOWS_SPEC = {"before": need(integer), "after": need(integer)}
FEATURES_SPEC: dict[str, Field] = {
    "classes": table(text),
    "entries": need(words),
    "windows": section(**_WINDOWS_SPEC),
    "distance_buckets": need(integers),
    "count_buckets": need(integers),
    "max_places": need(integer),
    "left_out": need(words),
    "neighbours": need(flag),
    "cross_cues": need(words),
    "vetoes": need(
        lambda v: (
            None
            if isinstance(v, list) and all(_fraction(x) for x in v)
            else "must be a list of numbers in (0, 1)"
        )
    ),
}


def _fraction(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and 0 < value < 1


@dataclass
class PairChoice:
    """One candidate: an ordered pair of places one sentence names, with its features."""

    donor: Mention
    recipient: Mention
    sentence: int
    span: tuple[int, int]  # article offsets from the first mention's start to the last one's end
    features: dict[str, float] = field(default_factory=dict)
    emitted: bool = False  # a rule of the article gives this ordered pair
    across: bool = False  # the donor and the recipient stand in two neighbouring sentences

    @property
    def key(self) -> tuple[str, str]:
        return place_key(self.donor), place_key(self.recipient)


@cache
def settings() -> dict[str, Any]:
    """``data/pair_reader.json``, checked against its schema."""
    value = data_json(FEATURES_FILE)
    validate(value, FEATURES_SPEC, FEATURES_FILE, data_text(FEATURES_FILE))
    return value


def _reference_words(reference: str) -> list[str]:
    """The words a class names: ``lexicon:section.key`` (``.*`` all its lists, ``.keys`` a table's
    keys) or ``cues:section.key`` — one string counts as a list of one."""
    source, _, path = reference.partition(":")
    value: Any = lexicon() if source == "lexicon" else cues()
    parts = path.split(".")
    for part in parts[:-1]:
        value = value[part]
    last = parts[-1]
    if last == "*":
        return [w for k, ws in value.items() if not k.startswith("_") for w in ws]
    if last == "keys":
        return [k for k in value if not k.startswith("_")]
    found = value[last]
    return [found] if isinstance(found, str) else list(found)


@cache
def word_classes() -> tuple[tuple[str, re.Pattern[str], bool], ...]:
    """Each class: its name, one regex of its words (longest first; the lexicon's macros expanded)
    and whether its entries are features of their own."""
    config = settings()
    entries = set(config["entries"])
    return tuple(
        (name, re.compile(alternatives(_as_regex(w) for w in _reference_words(ref))), name in entries)
        for name, ref in config["classes"].items()
        if not name.startswith("_")
    )


def _as_regex(word: str) -> str:
    """A lexicon word as a regex: most lists hold alternatives with the lexicon's macros (捐{G}物);
    a list of literal marks (the pair joiners' brackets) holds words that are no regex."""
    try:
        return f"(?:{re.compile(expand(word)).pattern})"
    except (re.error, KeyError):
        return re.escape(word)


@lru_cache(maxsize=1 << 12)
def words_in(text: str) -> frozenset[str]:
    """The class names (and entries ``class=word``) whose words ``text`` holds (kept for recent
    texts: a pair's windows are read again in its other order, the sentence for every pair)."""
    found: set[str] = set()
    for name, regex, by_entry in word_classes():
        for match in regex.finditer(text):
            found.add(name)
            if by_entry:
                found.add(f"{name}={match.group(0)}")
    return frozenset(found)


def bucket(value: int, bounds: Iterable[int]) -> str:
    """A count as its bucket's label (``<=2``, ``<=6``, … ``>40``)."""
    limits = list(bounds)
    at = bisect_right(limits, value - 1)
    return f"<={limits[at]}" if at < len(limits) else f">{limits[-1]}"


@dataclass
class _Token:
    start: int  # in the encoded text
    end: int
    slot: Slot
    place: Mention


def _place_tokens(enc: Encoded) -> list[_Token]:
    return [
        _Token(start, end, slot, slot.place)
        for start, end, slot in enc.slot_positions()
        if slot.letter == "P" and slot.place is not None and is_resolved(slot.place)
    ]


def _plain(encoded_text: str) -> str:
    """Encoded text with each token as one neutral mark: words never run across a mention."""
    return TOKEN_RE.sub("|", encoded_text)


def _clause_start(text: str, at: int) -> int:
    return max((text.rfind(ch, 0, at) for ch in CLAUSE_STOPS), default=-1) + 1


def _clause_end(text: str, at: int) -> int:
    ends = [i for i in (text.find(ch, at) for ch in CLAUSE_STOPS) if i >= 0]
    return min(ends, default=len(text))


class ArticleFacts:
    """What the features read of the whole article, computed once: each place's sentences, the
    pairs the rules give, the sentence pairs of places, the title."""

    def __init__(self, ctx: ArticleContext, relations: list[Relation]):
        self.ctx = ctx
        self.sentences_of: dict[str, set[int]] = {}
        self._memo: dict[tuple[Any, ...], Any] = {}
        self.places: dict[str, Mention] = {}
        self.tokens: list[list[_Token]] = []
        for enc in ctx.encoded:
            tokens = _place_tokens(enc)
            self.tokens.append(tokens)
            for t in tokens:
                self.sentences_of.setdefault(place_key(t.place), set()).add(enc.index)
                self.places.setdefault(place_key(t.place), t.place)
        counts = Counter({k: len(v) for k, v in self.sentences_of.items()})
        self.most_named = {k for k, n in counts.items() if n == max(counts.values(), default=0)}
        self.title = ctx.article.title or ""
        self.rule_pairs: dict[tuple[str, str], list[Relation]] = {}
        self.rule_codes: list[tuple[str | None, str | None]] = []
        for rel in relations:
            if not states_place_pair(rel):
                continue
            key = relation_key(rel)
            self.rule_pairs.setdefault(key, []).append(rel)
            codes = (rel.donor.code or rel.donor.county_code, rel.recipient.code or rel.recipient.county_code)
            self.rule_codes.append(codes)  # type: ignore[union-attr]
        self.programmes = [named_programmes(ctx.article.sentence_text(i)) for i in range(len(ctx.encoded))]

    def memo(self, key: tuple[Any, ...], compute: Callable[[], Any]) -> Any:
        """``compute()`` once per key in the article (a pair is scored in both orders, and in every
        sentence that names it)."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def count(self, place: Mention) -> int:
        return len(self.sentences_of.get(place_key(place), ()))

    def together(self, a: Mention, b: Mention) -> int:
        return len(self.sentences_of.get(place_key(a), set()) & self.sentences_of.get(place_key(b), set()))

    def in_title(self, place: Mention) -> bool:
        names = {place.text, place.name or ""}
        return any(len(n) >= 2 and n in self.title for n in names)


def states_place_pair(rel: Relation) -> bool:
    return (
        rel.donor is not None
        and rel.recipient is not None
        and rel.donor.label == "PLACE"
        and rel.recipient.label == "PLACE"
        and rel.states_pairing
    )


def relation_key(relation: Relation) -> tuple[str, str]:
    """The place identities of a place-to-place relation's donor and recipient."""
    return party_key(relation.donor), party_key(relation.recipient)


def key_within(inner: str, outer: str) -> bool:
    """Whether the place of identity ``inner`` lies strictly inside the division of ``outer`` (by
    their codes; a town or village by its county's code)."""
    code = inner.partition("/")[0]
    if inner == outer or "/" in outer or not code:
        return False
    depth = code_depth(outer)
    prefix = (2, 4, 6)[depth]
    return ("/" in inner or code_depth(code) > depth) and code[:prefix] == outer[:prefix]


def widens_a_pair(key: tuple[str, str], ruled: Iterable[tuple[str, str]]) -> bool:
    """Whether a pair repeats one of ``ruled`` with one side widened to a division around it: the
    rules pair 海沧区 → 积石山县 and the text names 厦门 near 积石山县 — the pairing is the narrower
    one's, not a pairing of the wider place of its own (on the fresh sets, 3 false pairs the reader
    would add and no true one)."""
    donor, recipient = key
    return any(
        (r == recipient and key_within(d, donor)) or (d == donor and key_within(r, recipient))
        for d, r in ruled
    )


def party_key(party: Any) -> str:
    """A party's place identity, as :func:`kg.places.place_key` gives it for its mention."""
    if party.code and party.level in UPPER_LEVELS:
        return str(party.code)
    return f"{party.county_code or ''}/{party.name}"


def _level_features(donor: Mention, recipient: Mention) -> dict[str, float]:
    d, r = LEVEL_DEPTH.get(donor.level or "", -1), LEVEL_DEPTH.get(recipient.level or "", -1)
    out = {f"lvl={donor.level}>{recipient.level}": 1.0, f"lvl_diff={max(-2, min(3, r - d))}": 1.0}
    region_d, region_r = region_of(region_code(donor)), region_of(region_code(recipient))
    out[f"reg={region_d}>{region_r}"] = 1.0
    aided = lexicon()["aid_recipient_provinces"]["codes"]
    out[f"aided={province_of(donor) in aided:d}{province_of(recipient) in aided:d}"] = 1.0
    same_province = province_of(donor) == province_of(recipient)
    if same_province:
        out["same_province"] = 1.0
        out[f"intra={intra_side(donor)}>{intra_side(recipient)}"] = 1.0
        d_code, r_code = region_code(donor) or "", region_code(recipient) or ""
        if d_code[:4] == r_code[:4]:
            out["same_prefecture"] = 1.0
    return out


def _table_features(donor: Mention, recipient: Mention, year: int | None, text: str) -> dict[str, float]:
    out: dict[str, float] = {}
    rows = official_rows(donor, recipient, year, text)
    if rows:
        out["official"] = 1.0
        out[f"official_kind={programme_kind(rows)}"] = 1.0
        if listed_as_is(donor, recipient):
            out["official_as_is"] = 1.0
        elif listed_above(donor, recipient):
            out["official_above"] = 1.0
        else:  # only a row of places above both (青岛 → 陇南 for a district and a county)
            out["official_higher"] = 1.0
    if official_rows(recipient, donor, year, text):
        out["official_reverse"] = 1.0
    return out


def _rule_features(facts: ArticleFacts, donor: Mention, recipient: Mention, index: int) -> dict[str, float]:
    """The rules' verdict on the pair: given here, elsewhere, reversed, at another level."""
    out: dict[str, float] = {}
    key, reverse = (place_key(donor), place_key(recipient)), (place_key(recipient), place_key(donor))
    here = [r for r in facts.rule_pairs.get(key, []) if r.sentence == index]
    if here:
        best = max(here, key=lambda r: r.confidence)
        out["rule_here"] = 1.0
        out["rule_conf"] = best.confidence
        out[f"rule_type={best.type}"] = 1.0
        out[f"rule_family={best.pattern.split('.')[0]}"] = 1.0
    elif key in facts.rule_pairs:
        out["rule_elsewhere"] = 1.0
    here = [rel for rels in facts.rule_pairs.values() for rel in rels if rel.sentence == index]
    others = [(rel, *relation_key(rel)) for rel in here if relation_key(rel) != key]
    donor_taken = any(d == key[0] for _, d, _ in others)
    recipient_taken = any(r == key[1] for _, _, r in others)
    out[f"taken_here={donor_taken:d}{recipient_taken:d}"] = 1.0  # each side paired otherwise here
    # …with a place of the other side's level: a list of pairs (A—B、C—D), A and D are not partners
    donor_level = any(d == key[0] and rel.recipient.level == recipient.level for rel, d, _ in others)
    recipient_level = any(r == key[1] and rel.donor.level == donor.level for rel, _, r in others)
    out[f"taken_level={donor_level:d}{recipient_level:d}"] = 1.0
    if any(r.sentence == index for r in facts.rule_pairs.get(reverse, [])):
        out["rule_reverse_here"] = 1.0
    elif reverse in facts.rule_pairs:
        out["rule_reverse_elsewhere"] = 1.0
    if key not in facts.rule_pairs and any(
        _codes_related(d, region_code(donor)) and _codes_related(r, region_code(recipient))
        for d, r in facts.rule_codes
    ):
        out["rule_other_level"] = 1.0  # the rules pair the two sides at another level
    return out


def _codes_related(a: str | None, b: str | None) -> bool:
    """Whether two division codes are one place or one inside the other (by their prefixes)."""
    if not a or not b:
        return False
    depth = min(code_depth(a[:6]), code_depth(b[:6]))
    prefix = (2, 4, 6)[depth]
    return a[:prefix] == b[:prefix]


def _nesting_features(
    facts: ArticleFacts, tokens: list[_Token], donor: Mention, recipient: Mention
) -> dict[str, float]:
    """Whether the sentence or the article names a place inside or around either side (广州市 and
    its 越秀区: the text may pair the inner one), and whether the article's pairings give from a
    place inside the donor or to one inside the recipient."""
    out: dict[str, float] = {}
    for role, place in (("d", donor), ("r", recipient)):
        key = place_key(place)
        for t in tokens:
            if place_key(t.place) == key:
                continue
            if nests(t.place, place):
                out[f"{role}_inner_here"] = 1.0
            elif nests(place, t.place):
                out[f"{role}_outer_here"] = 1.0
        if facts.memo(("inner", key), lambda key=key, place=place: _holds_another(facts, key, place)):
            out[f"{role}_inner_article"] = 1.0
    pairings = facts.ctx.state.pairings
    if any(place_key(d) != place_key(donor) and nests(d, donor) for d, _, _, _ in pairings):
        out["d_inner_gives"] = 1.0
    if any(place_key(r) != place_key(recipient) and nests(r, recipient) for _, r, _, _ in pairings):
        out["r_inner_receives"] = 1.0
    # a place inside the partner the article pairs with the other side (和平区 → 靖远县, then a
    # village of 靖远县): help within a pairing, not a pairing of its own
    d_key, r_key = place_key(donor), place_key(recipient)
    if any(place_key(d) == d_key and place_key(r) != r_key and nests(recipient, r) for d, r, *_ in pairings):
        out[f"r_in_partner={recipient.level}"] = 1.0
    if any(place_key(r) == r_key and place_key(d) != d_key and nests(donor, d) for d, r, *_ in pairings):
        out[f"d_in_partner={donor.level}"] = 1.0
    return out


def _holds_another(facts: ArticleFacts, key: str, place: Mention) -> bool:
    """Whether the article names a place inside ``place`` (not itself)."""
    return any(k != key and nests(m, place) for k, m in facts.places.items())


def _state_features(facts: ArticleFacts, donor: Mention, recipient: Mention) -> dict[str, float]:
    ctx = facts.ctx
    out: dict[str, float] = {}
    signs = ""
    for role, place in (("d", donor), ("r", recipient)):
        score = facts.memo(("score", place_key(place)), lambda place=place: ctx.state.donor_score(place))
        sign = "+" if score > 0 else "-" if score < 0 else "0"
        out[f"state_{role}={sign}"] = 1.0
        signs += sign
    out[f"sides={signs}"] = 1.0  # both on one side of the article's pairings (two recipients): no pair
    giver, _, step = resolve_direction(donor, recipient, ctx.state)
    out[f"dir_{'ok' if place_key(giver) == place_key(donor) else 'no'}={step}"] = 1.0
    if ctx.partners(donor, recipient):
        out["state_partners"] = 1.0
    if ctx.partners(recipient, donor):
        out["state_partners_reverse"] = 1.0
    return out


def _text_features(
    facts: ArticleFacts, enc: Encoded, first: _Token, second: _Token, donor_first: bool
) -> dict[str, float]:
    """Word classes before, between and after the two mentions, named with the order of the roles
    (``dr``: the donor written first); the structure between them."""
    config = settings()
    order = "dr" if donor_first else "rd"
    text = enc.text
    between = text[first.end : second.start]
    plain_between = _plain(between).strip()
    start = max(_clause_start(text, first.start), first.start - config["windows"]["before"])
    end = min(_clause_end(text, second.end), second.end + config["windows"]["after"])
    out: dict[str, float] = {}
    for window, part in (("b", text[start : first.start]), ("m", between), ("a", text[second.end : end])):
        for name in words_in(_plain(part)):
            out[f"{order}|{window}:{name}"] = 1.0
    for name in facts.memo(("words", enc.index), lambda: words_in(_plain(text))):
        out[f"s:{name}"] = 1.0
    letters = Counter(m.group(1) for m in TOKEN_RE.finditer(between))
    for letter, n in letters.items():
        out[f"between_{letter}={min(n, 3)}"] = 1.0
    stops = sum(between.count(ch) for ch in CLAUSE_STOPS)
    out[f"clauses_between={min(stops, 2)}"] = 1.0
    distance = enc.starts[second.start] - enc.ends[first.end - 1]
    out[f"dist{bucket(distance, config['distance_buckets'])}"] = 1.0
    if len(plain_between) <= 2 and "|" not in plain_between:
        out[f"{order}|only={plain_between or 'nothing'}"] = 1.0
    if first.start == facts.tokens[enc.index][0].start:
        out[f"{'d' if donor_first else 'r'}_opens"] = 1.0
    return out


def _pair_features(facts: ArticleFacts, donor: Mention, recipient: Mention, index: int) -> dict[str, float]:
    """What the two places, the tables, the rules and the article say of the pair, whatever the
    wording of its sentence."""
    ctx = facts.ctx
    text = ctx.article.sentence_text(index)
    features = {"bias_candidate": 1.0}
    features.update(_level_features(donor, recipient))
    year = article_year(ctx.article)
    tables = ("tables", place_key(donor), place_key(recipient), index)
    features.update(facts.memo(tables, lambda: _table_features(donor, recipient, year, text)))
    features.update(_rule_features(facts, donor, recipient, index))
    features.update(_state_features(facts, donor, recipient))
    buckets = settings()["count_buckets"]
    for role, place in (("d", donor), ("r", recipient)):
        features[f"count_{role}{bucket(facts.count(place), buckets)}"] = 1.0
        if place_key(place) in facts.most_named:
            features[f"most_named_{role}"] = 1.0
        if facts.in_title(place):
            features[f"title_{role}"] = 1.0
        if min(len(place.text), len(place.name or place.text)) < 2:
            features[f"one_char_{role}"] = 1.0
    features[f"together{bucket(facts.together(donor, recipient), buckets)}"] = 1.0
    for programme in facts.programmes[index][:1]:
        features[f"programme_named={programme.kind}"] = 1.0
    position = "first" if index == 0 else "early" if index <= 3 else "later"
    features[f"sentence={position}"] = 1.0
    return features


def _choice(
    facts: ArticleFacts, index: int, a: _Token, b: _Token, donor_first: bool, text: dict[str, float]
) -> PairChoice:
    """The candidate of two mentions (``a`` written first) in one role order, with its features."""
    donor, recipient = (a.place, b.place) if donor_first else (b.place, a.place)
    features = _pair_features(facts, donor, recipient, index)
    features.update(text)
    tokens = facts.tokens[index] + (facts.tokens[index + 1] if "cross" in text else [])  # both sentences
    features.update(_nesting_features(facts, tokens, donor, recipient))
    left_out = tuple(settings()["left_out"])
    features = {k: v for k, v in features.items() if not k.startswith(left_out)}
    choice = PairChoice(donor, recipient, index, (a.slot.start, b.slot.end), features, across="cross" in text)
    choice.emitted = choice.key in facts.rule_pairs
    return choice


def _sentence_candidates(facts: ArticleFacts, enc: Encoded) -> list[PairChoice]:
    """Both orders of each two places of one sentence, from their nearest mentions."""
    tokens = facts.tokens[enc.index][: settings()["max_places"]]
    together = coordinated(enc)
    nearest: dict[tuple[str, str], tuple[int, _Token, _Token]] = {}
    for i, a in enumerate(tokens):
        for b in tokens[i + 1 :]:
            if related(a.place, b.place):
                continue
            key = (place_key(a.place), place_key(b.place))
            gap = b.start - a.end
            if key not in nearest or gap < nearest[key][0]:
                nearest[key] = (gap, a, b)
    out = []
    for _, a, b in nearest.values():
        for donor_first in (True, False):
            text = _text_features(facts, enc, a, b, donor_first)
            if frozenset((id(a.place), id(b.place))) in together:
                text["coordinated"] = 1.0
            out.append(_choice(facts, enc.index, a, b, donor_first, text))
    return out


def _cross_text_features(
    first: Encoded, second: Encoded, a: _Token, b: _Token, donor_first: bool
) -> dict[str, float]:
    """Word classes after the first mention in its sentence and before the second in the next
    one (``x`` and the order of the roles), and how many places each sentence names."""
    order = "xdr" if donor_first else "xrd"
    out = {"cross": 1.0}
    window = settings()["windows"]["after"]
    for part, piece in (
        ("a", first.text[a.end :]),
        ("b", second.text[: b.start]),
        ("c", second.text[b.end : _clause_end(second.text, b.end)][:window]),
    ):
        for name in words_in(_plain(piece)):
            out[f"{order}|{part}:{name}"] = 1.0
    places_first = {place_key(t.place) for t in _place_tokens(first)}
    places_second = {place_key(t.place) for t in _place_tokens(second)}
    out[f"x_places={min(len(places_first), 3)}{min(len(places_second), 3)}"] = 1.0
    if not TOKEN_RE.search(_plain_places(second.text[: b.start])):
        out["x_second_opens"] = 1.0
    return out


def _plain_places(text: str) -> str:
    """Only the place tokens of an encoded text (to tell whether a place comes before a point)."""
    return "".join(m.group(0) for m in TOKEN_RE.finditer(text) if m.group(1) == "P")


@cache
def _cue_classes() -> frozenset[str]:
    return frozenset(settings()["cross_cues"])


def _cross_candidates(facts: ArticleFacts, first: Encoded, second: Encoded) -> list[PairChoice]:
    """Both orders of a place of one sentence and a place of the next, where one of the two holds a
    pairing cue and no sentence of the article names the two together."""
    if not (words_in(_plain(first.text)) | words_in(_plain(second.text))) & _cue_classes():
        return []
    limit = settings()["max_places"]
    out = []
    seen: set[tuple[str, str]] = set()
    for a in facts.tokens[first.index][:limit]:
        for b in facts.tokens[second.index][:limit]:
            key = (place_key(a.place), place_key(b.place))
            if key in seen or related(a.place, b.place) or facts.together(a.place, b.place):
                continue
            seen.add(key)
            for donor_first in (True, False):
                text = _cross_text_features(first, second, a, b, donor_first)
                out.append(_choice(facts, first.index, a, b, donor_first, text))
    return out


def pair_candidates(ctx: ArticleContext, relations: list[Relation] | None = None) -> list[PairChoice]:
    """Every ordered pair of two places (neither inside the other) that one sentence names, each
    from the nearest two of their mentions, and of a place of one sentence and a place of the next
    where the two are never named together (with a cue in either), with its features;
    ``relations`` are the rules' (by default, those the context holds)."""
    facts = ArticleFacts(ctx, ctx.relations if relations is None else relations)
    out: list[PairChoice] = []
    denied = re.compile(alternatives(lexicon()["negation"]["words"]))
    for enc in ctx.encoded:
        # a sentence that denies a pairing (不再帮扶, 结束结对) states none, as the rules read it
        if len(facts.tokens[enc.index]) >= 2 and not denied.search(_plain(enc.text)):
            out.extend(_sentence_candidates(facts, enc))
    if settings()["neighbours"]:
        for first, second in pairwise(ctx.encoded):
            out.extend(_cross_candidates(facts, first, second))
    return out
