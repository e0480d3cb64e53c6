"""Candidates of the learned fund readers: every sum of money (is it a fund?) and, for a fund,
every party that may give or receive it (who gives, who receives?).

The rules (:mod:`kg.relate.funding`) read first; their verdict is one feature among the others
(:mod:`kg.relate.fund_features`). The same functions make the candidates when a model is trained
and when it is applied, so the features cannot drift.

- a *sum* candidate is a MONEY mention with a value;
- a *party* candidate is one option for one role of one sum: a place or an organisation of the
  sum's sentence, a side of the article's pairings, the place the context gives, the rules' own
  choice — and, for the giver, "no giver named" (``party`` None).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.places import nests, place_key, province_of
from kg.records import Mention, Party, Relation
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot
from kg.relate.facts import org_party, to_party
from kg.relate.fund_amounts import is_approximate, is_total, is_transfer, own_spending
from kg.relate.fund_features import (
    ClassHits,
    bucket,
    class_hits,
    clause_count,
    letters_between,
    level_name,
    level_relation,
    magnitude,
    plain_length,
    prefixed,
    region,
)
from kg.relate.fund_parties import list_around, organisation_place
from kg.relate.geo import code_within, official_pair, related
from kg.relate.projects import site_named_in
from kg.relate.rules import lexicon
from kg.relate.subjects import is_heading, opening_subject
from kg.relate.text import clause_bounds, preceded_by

Positions = list[tuple[int, int, Slot]]
ROLES = ("donor", "recipient")


@dataclass
class Sentence:
    """One encoded sentence with what every candidate of it reads."""

    enc: Encoded
    positions: Positions
    hits: ClassHits


@dataclass
class SumCandidate:
    """A MONEY mention that may be a fund; ``rows`` are the rules' fund rows of it."""

    sentence: int
    start: int  # in the encoded sentence
    end: int
    mention: Mention
    rows: list[Relation]
    features: dict[str, float] = field(default_factory=dict)

    @property
    def amount(self) -> float:
        return self.mention.value or 0.0


@dataclass
class PartyCandidate:
    """One option for one role of a sum: a party, or None (the giver is not named)."""

    sum: SumCandidate
    role: str  # donor | recipient
    party: Party | None
    sources: set[str]
    slot: Slot | None = None  # its token in the sum's sentence
    at: tuple[int, int] | None = None  # the token's position in the encoded sentence
    features: dict[str, float] = field(default_factory=dict)
    place: Mention | None = None  # the place it is, where it is one


@dataclass
class PairCandidate:
    """One giver option and one receiver option of a sum, read together."""

    donor: PartyCandidate
    recipient: PartyCandidate
    features: dict[str, float] = field(default_factory=dict)


def party_key(party: Party | None) -> str:
    """One key for a party however it was found (a place by its code, else by name)."""
    if party is None:
        return ""
    return f"{party.label}|{party.code or ''}|{party.county_code or ''}|{party.name}"


def sentences(ctx: ArticleContext) -> list[Sentence]:
    return [Sentence(enc, enc.slot_positions(), class_hits(enc)) for enc in ctx.encoded]


def rule_rows(ctx: ArticleContext, sentence: int, mention: Mention) -> list[Relation]:
    """The rules' fund rows of a sum: its sentence, its amount, a span that holds it."""
    return [
        r
        for r in ctx.relations
        if r.type == "funding"
        and r.sentence == sentence
        and r.amount_yuan == mention.value
        and r.start <= mention.start
        and mention.end <= r.end
    ]


def sum_candidates(ctx: ArticleContext, read: list[Sentence] | None = None) -> list[SumCandidate]:
    """Every MONEY mention with a value, with its features."""
    read = read or sentences(ctx)
    values: dict[float, set[int]] = {}
    for s in read:
        for _, _, slot in s.positions:
            if slot.letter == "M" and slot.mention.value:
                values.setdefault(slot.mention.value, set()).add(s.enc.index)
    found = []
    for s in read:
        for start, end, slot in s.positions:
            if slot.letter != "M" or not slot.mention.value:
                continue
            candidate = SumCandidate(
                s.enc.index, start, end, slot.mention, rule_rows(ctx, s.enc.index, slot.mention)
            )
            candidate.features = sum_features(ctx, s, candidate, len(values[slot.mention.value]) > 1)
            found.append(candidate)
    return found


def sum_features(ctx: ArticleContext, s: Sentence, c: SumCandidate, restated: bool) -> dict[str, float]:
    """What is around a sum: the rules' verdict, word classes in its clause and near it, the tokens
    of its clause, its size, its place in the sentence and the article."""
    enc, pos, end = s.enc, c.start, c.end
    left, right = clause_bounds(enc.text, pos, end)
    f: dict[str, float] = {"bias": 1.0, f"size:{magnitude(c.amount)}": 1.0}
    f.update(_rule_verdict(ctx, enc, c))
    f.update(prefixed("before", s.hits.within(left, pos)))
    f.update(prefixed("after", s.hits.within(end, right)))
    f.update(prefixed("near_before", s.hits.ending_near(pos)))
    f.update(prefixed("near_after", s.hits.starting_near(end)))
    f.update(prefixed("sentence", s.hits.within(0, left) | s.hits.within(right, len(enc.text))))
    f.update(prefixed("clause_before", set(letters_between(enc, left, pos))))
    f.update(prefixed("clause_after", set(letters_between(enc, end, right))))
    sums = [p for p, _, sl in s.positions if sl.letter == "M"]
    f[f"sums_in_sentence:{bucket(len(sums), (2, 3, 5))}"] = 1.0
    f["first_sum" if sums and sums[0] == pos else "later_sum"] = 1.0
    index = next(i for i, (p, _, _) in enumerate(s.positions) if p == pos)
    if len(list_around(enc.text, s.positions, index, "M")) > 1:
        f["sum_list"] = 1.0
    subject = opening_subject(enc, pos)
    f[f"subject:{_subject_kind(subject)}"] = 1.0
    f[f"position:{bucket(enc.index / max(1, len(ctx.encoded)), (0.05, 0.3, 0.7))}"] = 1.0
    if is_heading(enc):
        f["heading"] = 1.0
    if restated:
        f["restated"] = 1.0
    if ctx.state.pairings:
        f["article_pairs"] = 1.0
    if ctx.state.in_sentence(enc.index):
        f["sentence_pairs"] = 1.0
    return f


def _rule_verdict(ctx: ArticleContext, enc: Encoded, c: SumCandidate) -> dict[str, float]:
    f: dict[str, float] = {}
    if is_transfer(enc, c.start, c.end):
        f["rule:transfer"] = 1.0
    if own_spending(enc, c.start):
        f["rule:own_spending"] = 1.0
    if is_total(enc, c.start):
        f["rule:total"] = 1.0
    if is_approximate(enc, c.start, c.mention.text):
        f["rule:approximate"] = 1.0
    if c.rows:
        f["rule:row"] = 1.0
        f[f"rule:rows:{bucket(len(c.rows), (2, 3))}"] = 1.0
        if any(r.donor is not None for r in c.rows):
            f["rule:donor_named"] = 1.0
    return f


def _subject_kind(subject: list[Slot]) -> str:
    if not subject:
        return "none"
    slot = subject[0]
    if slot.letter == "O":
        return f"org_{slot.mention.subtype or 'other'}"
    return f"place_{level_name(slot.place.level if slot.place else None)}"


class _Options:
    """The options of each role of one sum, one per party however often it is offered."""

    def __init__(self, c: SumCandidate) -> None:
        self.sum = c
        self.found: dict[str, dict[str, PartyCandidate]] = {role: {} for role in ROLES}

    def offer(
        self,
        role: str,
        party: Party | None,
        source: str,
        place: Mention | None = None,
        token: tuple[Slot, tuple[int, int]] | None = None,
    ) -> None:
        key = party_key(party)
        found = self.found[role].get(key)
        if found is None:
            found = self.found[role][key] = PartyCandidate(self.sum, role, party, set(), place=place)
        found.sources.add(source)
        found.place = found.place or place
        if found.slot is None and token is not None:
            found.slot, found.at = token

    def offer_sentence(self, ctx: ArticleContext, s: Sentence) -> None:
        """The places and organisations of the sum's sentence, and the places its schools and
        projects stand in (延川县东关幼儿园 → 延川县)."""
        for start, end, slot in s.positions:
            token = (slot, (start, end))
            if slot.letter in "PU" and slot.place is not None:
                for role in ROLES:
                    self.offer(role, to_party(slot.place), "sentence", slot.place, token)
            elif slot.letter == "O":
                self.offer("donor", org_party(slot.mention), "sentence", None, token)
            if slot.letter in "OJ":
                site = (organisation_place if slot.letter == "O" else site_named_in)(ctx, slot.mention)
                if site is not None:
                    self.offer("recipient", to_party(site), f"{slot.letter}_place", site, token)

    def offer_neighbour(self, ctx: ArticleContext, s: Sentence, source: str) -> None:
        """The places of a neighbouring sentence as receivers (the receiver named a sentence
        away), the places its schools and bodies stand in, and — the sentence before only — its
        places and organisations as givers (a subject the sum's sentence goes on with)."""
        for _, _, slot in s.positions:
            if slot.letter in "PU" and slot.place is not None:
                self.offer("recipient", to_party(slot.place), source, slot.place)
                if source == "previous":
                    self.offer("donor", to_party(slot.place), source, slot.place)
            elif slot.letter == "O":
                if source == "previous":
                    self.offer("donor", org_party(slot.mention), source)
                site = organisation_place(ctx, slot.mention)
                if site is not None:
                    self.offer("recipient", to_party(site), f"{source}_O_place", site)

    def offer_levels(self, ctx: ArticleContext) -> None:
        """Each place of the article that holds a receiver offered (the county of a town, the
        prefecture of a county): the receiver at every level the text names."""
        offered = [o.place for o in self.found["recipient"].values() if o.place is not None]
        for place in offered:
            for other in ctx.places_by_code.values():
                if place_key(other) != place_key(place) and nests(place, other):
                    self.offer("recipient", to_party(other), "around", other)


def party_options(
    ctx: ArticleContext, read: list[Sentence], c: SumCandidate
) -> dict[str, list[PartyCandidate]]:
    """The options of each role for the sum (their features not yet computed): the sentence's
    places and organisations, the places of the sentence before, the article's pairings, the
    context's recipient, the rules' own choices and no giver named."""
    options = _Options(c)
    options.offer_sentence(ctx, read[c.sentence])
    for index, source in ((c.sentence - 1, "previous"), (c.sentence + 1, "next")):
        if 0 <= index < len(read):
            options.offer_neighbour(ctx, read[index], source)
    for donor, recipient, _, _ in ctx.state.pairings:
        options.offer("donor", to_party(donor), "pairing", donor)
        options.offer("recipient", to_party(recipient), "pairing", recipient)
    context = ctx.context_recipient(c.sentence)
    if context is not None:
        options.offer("recipient", to_party(context), "context", context)
    for row in c.rows:
        for role, party in (("donor", row.donor), ("recipient", row.recipient)):
            if party is not None:
                options.offer(role, party, "rule", _pairing_place(ctx, party))
    options.offer_levels(ctx)
    options.offer("donor", None, "none")
    return {role: list(options.found[role].values()) for role in ROLES}


def party_candidates(
    ctx: ArticleContext, read: list[Sentence], c: SumCandidate
) -> dict[str, list[PartyCandidate]]:
    """The options of each role for the sum, with their features."""
    found = party_options(ctx, read, c)
    for role in ROLES:
        for option in found[role]:
            option.features = party_features(ctx, read[c.sentence], option)
    return found


def row_candidates(ctx: ArticleContext) -> list[tuple[Relation, dict[str, float]]]:
    """Each fund row the rules read for a sum, with what tells a right one from a wrong one: the
    features of its giver and its receiver as options of the sum, what the two are to each other,
    and the sum's own features (``sum:``)."""
    read = sentences(ctx)
    found = []
    for c in sum_candidates(ctx, read):
        if not c.rows:
            continue
        options = party_options(ctx, read, c)
        for row in c.rows:
            if row.recipient is None:
                continue
            donor, recipient = (
                next(o for o in options[role] if party_key(o.party) == party_key(party))
                for role, party in (("donor", row.donor), ("recipient", row.recipient))
            )
            for option in (donor, recipient):
                option.features = option.features or party_features(ctx, read[c.sentence], option)
            features = {**donor.features, **recipient.features, **pair_features(ctx, donor, recipient)}
            features.update((f"sum:{name}", value) for name, value in c.features.items())
            found.append((row, features))
    return found


def party_features(ctx: ArticleContext, s: Sentence, o: PartyCandidate) -> dict[str, float]:
    """What tells the party that gives or receives: where it stands against the sum, the words
    right around it and between, its level and side against the article's pairings."""
    p = o.role[0]
    if o.party is None:
        return _no_giver_features(ctx, s, o)
    f: dict[str, float] = {f"{p}:bias": 1.0, f"{p}:kind:{o.party.label}": 1.0}
    f.update(prefixed(f"{p}:from", o.sources))
    if o.party.label == "ORG":
        f[f"{p}:subtype:{o.party.subtype or 'other'}"] = 1.0
    else:
        f[f"{p}:level:{level_name(o.party.level)}"] = 1.0
        f[f"{p}:region:{region(o.party.code or o.party.county_code)}"] = 1.0
    f.update(_side_features(ctx, p, o))
    if o.slot is not None and o.at is not None:
        f.update(_position_features(ctx, s, p, o))
    return f


def _no_giver_features(ctx: ArticleContext, s: Sentence, o: PartyCandidate) -> dict[str, float]:
    """The giver left unnamed: what the sum's clause and sentence hold (an organisation or a place
    before it, a subject, the rules' verdict)."""
    enc, c = s.enc, o.sum
    left, right = clause_bounds(enc.text, c.start, c.end)
    f = {"d:none": 1.0}
    f.update(prefixed("d:none&before", set(letters_between(enc, 0, c.start))))
    f.update(prefixed("d:none&clause_before", set(letters_between(enc, left, c.start))))
    # the places and organisations before the sum in its clause that no recipient marker makes
    # a goal (向Y, 给该村): where there is none, the clause names no one who could give
    markers = lexicon()["recipient_markers"]["words"]
    unmarked = [
        at
        for at, _, slot in s.positions
        if left <= at < c.start and slot.letter in "PUO" and not preceded_by(enc.text, at, markers)
    ]
    f[f"d:none&unmarked_clause:{bucket(len(unmarked), (1, 2))}"] = 1.0
    f.update(prefixed("d:none&clause", s.hits.within(left, right)))
    f[f"d:none&subject:{_subject_kind(opening_subject(enc, c.start))}"] = 1.0
    if c.rows and all(r.donor is None for r in c.rows):
        f["d:none&rule"] = 1.0
    if ctx.state.pairings:
        f["d:none&article_pairs"] = 1.0
    return f


def _side_features(ctx: ArticleContext, p: str, o: PartyCandidate) -> dict[str, float]:
    f: dict[str, float] = {}
    if "rule" in o.sources:
        f[f"{p}:rule_choice"] = 1.0
    place = o.slot.place if o.slot is not None and o.slot.place is not None else None
    if place is None:
        place = _pairing_place(ctx, o.party)
    if o.party is not None and o.party.label == "ORG":
        side = ctx.org_side(o.slot.mention) if o.slot is not None else 0
        f[f"{p}:org_side:{side}"] = 1.0
        if o.slot is not None and ctx.helper_org(o.slot, ctx.state.main(1)):
            f[f"{p}:helper_org"] = 1.0
        return f
    if place is None:
        return f
    score = ctx.state.donor_score(place)
    f[f"{p}:side:{'donor' if score > 0 else 'recipient' if score < 0 else 'none'}"] = 1.0
    for role, name in ((0, "main_donor"), (1, "main_recipient")):
        main = ctx.state.main(role)
        if main is None:
            continue
        if place_key(main) == place_key(place):
            f[f"{p}:is_{name}"] = 1.0
        elif related(main, place):
            f[f"{p}:{level_relation(place.level, main.level)}_{name}"] = 1.0
        else:
            f[f"{p}:level_vs_{name}:{level_relation(place.level, main.level)}"] = 1.0
    for donor, recipient, _, _ in ctx.state.in_sentence(o.sum.sentence):
        if place_key(donor) == place_key(place):
            f[f"{p}:sentence_pair_donor"] = 1.0
        if place_key(recipient) == place_key(place):
            f[f"{p}:sentence_pair_recipient"] = 1.0
    return f


def _pairing_place(ctx: ArticleContext, party: Party | None) -> Mention | None:
    """The place of the article a party found elsewhere (a pairing's side, a linked place) is."""
    if party is None or party.label != "PLACE":
        return None
    key = party_key(party)
    for donor, recipient, _, _ in ctx.state.pairings:
        for place in (donor, recipient):
            if party_key(to_party(place)) == key:
                return place
    return ctx.places_by_code.get(party.code or "")


def _position_features(ctx: ArticleContext, s: Sentence, p: str, o: PartyCandidate) -> dict[str, float]:
    """Where the option's token stands against the sum: side, distance, clauses and tokens
    between, the word classes right before and after it and between it and the sum."""
    enc, c = s.enc, o.sum
    start, end = o.at or (0, 0)
    before = end <= c.start
    gap = (end, c.start) if before else (c.end, start)
    f: dict[str, float] = {f"{p}:{'before' if before else 'after'}": 1.0}
    clauses = clause_count(enc, *gap)
    f[f"{p}:clauses:{bucket(clauses, (1, 2, 3))}"] = 1.0
    f[f"{p}:distance:{bucket(plain_length(enc, *gap), (3, 8, 16, 32))}"] = 1.0
    between = letters_between(enc, *gap)
    f[f"{p}:tokens_between:{bucket(len(between), (1, 2, 4))}"] = 1.0
    f.update(prefixed(f"{p}:between_letter", set(between)))
    f.update(prefixed(f"{p}:between", s.hits.within(*gap)))
    f.update(prefixed(f"{p}:pre", s.hits.ending_near(start, 3)))
    f.update(prefixed(f"{p}:post", s.hits.starting_near(end, 3)))
    if enc.text.startswith(lexicon()["particles"]["attributive"], end):
        f[f"{p}:post_de"] = 1.0
    same_letter = [(a, b) for a, b, sl in s.positions if sl.letter in ("O" if o.slot.letter == "O" else "PU")]
    if before and all(a <= start or a >= c.start for a, _ in same_letter):
        f[f"{p}:nearest_before"] = 1.0
    if not before and all(a >= start or a < c.end for a, _ in same_letter):
        f[f"{p}:nearest_after"] = 1.0
    if any(sl is o.slot for sl in opening_subject(enc, c.start)):
        f[f"{p}:subject"] = 1.0
    index = next(i for i, (a, _, _) in enumerate(s.positions) if a == start)
    if len(list_around(enc.text, s.positions, index, "PUO")) > 1:
        f[f"{p}:listed"] = 1.0
    if len(o.slot.mention.text) < 2:
        f[f"{p}:one_character"] = 1.0
    return f


def pair_candidates(ctx: ArticleContext, options: dict[str, list[PartyCandidate]]) -> list[PairCandidate]:
    """Every giver option with every receiver option, each pair with both options' features and
    what the two are to each other (paired in the article, listed in a programme table, their
    levels, regions and order)."""
    pairs = []
    for donor in options["donor"]:
        for recipient in options["recipient"]:
            if donor.party is not None and party_key(donor.party) == party_key(recipient.party):
                continue
            features = {**donor.features, **recipient.features, **pair_features(ctx, donor, recipient)}
            pairs.append(PairCandidate(donor, recipient, features))
    return pairs


def pair_features(ctx: ArticleContext, d: PartyCandidate, r: PartyCandidate) -> dict[str, float]:
    """What a giver and a receiver option are to each other: the rules' own row, paired in the
    article, listed in a programme table, nested, their levels, regions and written order."""
    rl = level_name(r.party.level if r.party else None)
    f: dict[str, float] = {}
    if any(
        party_key(row.donor) == party_key(d.party) and party_key(row.recipient) == party_key(r.party)
        for row in d.sum.rows
    ):
        f["pair:rule_row"] = 1.0
    if d.party is None:
        f[f"pair:none>{rl}"] = 1.0
        return f
    if d.party.label == "ORG":
        f[f"pair:org>{rl}"] = 1.0
        if r.place is not None and d.party.code and code_within(d.party.code, r.place):
            f["pair:org_of_recipient"] = 1.0
    elif d.place is not None and r.place is not None:
        f.update(_place_pair_features(ctx, d, r, rl))
    if d.at is not None and r.at is not None:
        f["pair:donor_first" if d.at[0] < r.at[0] else "pair:recipient_first"] = 1.0
    return f


def _place_pair_features(
    ctx: ArticleContext, d: PartyCandidate, r: PartyCandidate, rl: str
) -> dict[str, float]:
    assert d.place is not None and r.place is not None and d.party is not None and r.party is not None
    f = {f"pair:{level_name(d.place.level)}>{rl}": 1.0}
    regions = (region(d.party.code or d.party.county_code), region(r.party.code or r.party.county_code))
    f[f"pair:region:{regions[0]}>{regions[1]}"] = 1.0
    if related(d.place, r.place):
        f["pair:nested"] = 1.0
    elif ctx.paired(d.place, r.place):
        f["pair:paired"] = 1.0
    elif ctx.partners(d.place, r.place):
        f["pair:partners"] = 1.0
    if (province_of(d.place) or "")[:2] == (province_of(r.place) or "-")[:2]:
        f["pair:same_province"] = 1.0
    if official_pair(d.place, r.place) is not None:
        f["pair:official"] = 1.0
    return f
