"""Place pairings: every pairing construction over every sentence, clauses without a subject,
the direction of symmetric wordings, one direction per pair in an article."""

from __future__ import annotations

from collections import Counter
from functools import cache

from kg.places import nests, place_key, province_of, region_code
from kg.prefilter import PrefilterIndex
from kg.records import Mention, Relation
from kg.regions import region_of
from kg.relate.candidates import counted_candidates, group_places, listed_places, pair_candidates
from kg.relate.context import ArticleContext
from kg.relate.direction import EARLY_STEPS, SIDE_STEPS, resolve_direction, resolve_factors
from kg.relate.encode import Encoded, Slot
from kg.relate.facts import pairing_relation
from kg.relate.geo import official_pair, related
from kg.relate.rules import Pattern, load_patterns
from kg.relate.state import ArticleState, PairCandidate
from kg.relate.subjects import opening_subject
from kg.values import count_value

Settled = tuple[PairCandidate, Mention, Mention, float]  # candidate, donor, recipient, confidence


def read_pairings(ctx: ArticleContext) -> None:
    """The place pairings of the article, noted in its context for the families after them."""
    candidates = _construction_candidates(ctx)
    candidates.extend(_counted(ctx))
    candidates.extend(_subject_candidates(ctx, candidates))
    settled = _settle(ctx, _without_widened_repeats(candidates))
    _keep_one_direction(ctx, _without_wider_recipients(ctx, settled))


def _without_widened_repeats(candidates: list[PairCandidate]) -> list[PairCandidate]:
    """A pair widened to an address's upper place (县 of 县X乡) only where no other wording of the
    sentence pairs the same two sides at the places written (X区携手Y县Z镇: X区 → Z镇 is enough)."""

    def covers(c: PairCandidate, w: PairCandidate) -> bool:
        both = c.symmetric or w.symmetric
        sides = ((c.first, c.second), (c.second, c.first)) if both else ((c.first, c.second),)
        return any(
            related(a, w.first) and related(b, w.second) and (nests(a, w.first) or nests(b, w.second))
            for a, b in sides
        )

    return [
        w
        for w in candidates
        if not w.widened
        or not any(not c.widened and c.sentence == w.sentence and covers(c, w) for c in candidates)
    ]


@cache
def _constructions() -> tuple[Pattern, ...]:
    """The pairing constructions but those of clauses without a subject or with a count (chosen
    once, not for every sentence)."""
    return tuple(
        p
        for p in load_patterns()
        if p.type == "pairing" and not {"subject", "count"} & {p.donor_fallback, p.recipient_fallback}
    )


@cache
def _construction_index() -> PrefilterIndex:
    """Which constructions may match a sentence, from its characters (kg.prefilter)."""
    return PrefilterIndex([p.regex for p in _constructions()])


def _without_wider_recipients(ctx: ArticleContext, settled: list[Settled]) -> list[Settled]:
    """A giver below the province level paired with a province (杭州市 → 湖北省) where the article pairs
    the same giver with a place inside it (杭州市 → 恩施州): the province is only where the partner lies
    (对浙江省、杭州市给予湖北的支持,特别是对恩施州的帮扶), not a partner of its own. Below the province a
    giver may well help a prefecture and its counties (河西区对口支援定西市及其下辖安定区). Likewise a
    weak wording's giver (到Y投资, 帮助) that holds the giver of the same recipient in another sentence:
    the city above the district that pairs, not a second pair (a city listed with its districts in one
    sentence, 苏州市及吴中区、相城区…为铜仁市, is a giver of its own)."""

    def wider(donor: Mention, recipient: Mention) -> bool:
        return recipient.level == "province" != donor.level and any(
            place_key(d) == place_key(donor) and nests(r, recipient) and place_key(r) != place_key(recipient)
            for _, d, r, _ in settled
        )

    def over_inner_giver(c: PairCandidate, donor: Mention, recipient: Mention) -> bool:
        # 西湖区对口帮扶台江县…杭州市还组织企业到台江县投资: a weak wording's city stands above the
        # district that pairs with the same recipient
        return c.pattern.levels == "comparable" and any(
            o.sentence != c.sentence
            and place_key(r) == place_key(recipient)
            and nests(d, donor)
            and place_key(d) != place_key(donor)
            for o, d, r, _ in settled
        )

    kept_keys = {(place_key(d), place_key(r)) for c, d, r, _ in settled if not over_inner_giver(c, d, r)}
    dropped = {(place_key(d), place_key(r)) for _, d, r, _ in settled if wider(d, r)}
    over = {(place_key(d), place_key(r)) for c, d, r, _ in settled if over_inner_giver(c, d, r)}
    dropped |= over - kept_keys
    if not dropped:
        return settled
    ctx.state.pairings = [p for p in ctx.state.pairings if (place_key(p[0]), place_key(p[1])) not in dropped]
    return [t for t in settled if (place_key(t[1]), place_key(t[2])) not in dropped]


def _construction_candidates(ctx: ArticleContext) -> list[PairCandidate]:
    """What every pairing construction (but those of clauses without a subject) matches."""
    candidates: list[PairCandidate] = []
    constructions = _constructions()
    for enc in ctx.encoded:
        if not any(s.letter == "P" for s in enc.slots) and not ctx.topics[enc.index]:
            continue
        text = ctx.article.sentence_text(enc.index)
        for i in _construction_index().may_match(enc.text):
            pattern = constructions[i]
            for match in pattern.regex.regex.finditer(enc.text):
                candidates.extend(pair_candidates(pattern, enc, match, ctx.topics[enc.index], text))
    return candidates


def _counted(ctx: ArticleContext) -> list[PairCandidate]:
    """Clauses whose givers are a count of places (浙江省确定A市、B市、C市为帮扶城市。3市结对帮扶Y):
    the givers are the last list of exactly that many places written before the clause, in its
    sentence or the one before; no such list, no pair."""
    out: list[PairCandidate] = []
    patterns = [p for p in load_patterns() if p.type == "pairing" and p.donor_fallback == "count"]
    for enc in ctx.encoded:
        for pattern in patterns:
            for match in pattern.regex.finditer(enc.text):
                count = match.group("count")
                n = count_value(count)
                runs = listed_places(enc, match.start())
                if not runs and enc.index > 0:
                    runs = listed_places(ctx.encoded[enc.index - 1])
                givers = next((run for run in reversed(runs) if len(run) == n), [])
                text = ctx.article.sentence_text(enc.index)
                out.extend(counted_candidates(pattern, enc, match, givers, text))
    return out


def _settle(ctx: ArticleContext, candidates: list[PairCandidate]) -> list[Settled]:
    """Each candidate with its donor and recipient, noted as the article's pairings."""
    directed = [c for c in candidates if not c.symmetric and not _serves_its_giver(c)]
    for c in directed:
        ctx.note_pairing(c.first, c.second, c.confidence, c.sentence)
    # symmetric wordings: the region and the official list first, so that the article's
    # evidence includes them; then the rest against that evidence
    settled: list[Settled] = [(c, c.first, c.second, c.confidence) for c in directed]
    pending = []
    for c in (c for c in candidates if c.symmetric):
        donor, recipient, step = resolve_direction(c.first, c.second, ArticleState())
        if step in EARLY_STEPS:
            if not _sides_hold(c, donor, recipient, step) or _co_recipients(ctx.state, c, step):
                continue
            confidence = c.confidence * resolve_factors()[step]
            settled.append((c, donor, recipient, confidence))
            ctx.note_pairing(donor, recipient, confidence, c.sentence)
        else:
            pending.append(c)
    for c in pending:
        donor, recipient, step = resolve_direction(c.first, c.second, ctx.state)
        if not _sides_hold(c, donor, recipient, step):
            continue  # a weak wording (X与Y…协作) pairs only places whose sides differ
        if step not in SIDE_STEPS and all(ctx.state.is_recipient_side(p) for p in (c.first, c.second)):
            continue  # two places of the receiving side (积石山县与东乡县结对交流) are no pair
        if step not in SIDE_STEPS and _co_givers(ctx.state, c):
            continue  # two givers of the sentence's directed pairing (杭州和宁波两市对口支援Y) are no pair
        if _co_recipients(ctx.state, c, step):
            continue  # two receivers of one giver of the article (夷陵、万州两地) are no pair
        if step == "order" and all(region_of(region_code(p)) == "west" for p in (c.first, c.second)):
            continue  # two places of the west that nothing but their order tells apart: no pair
        if step not in SIDE_STEPS and _eastern_provinces_apart(c.first, c.second):
            continue  # 上海、广东扶贫协作: two givers of one programme, not partners
        settled.append((c, donor, recipient, c.confidence * resolve_factors()[step]))
    for c, donor, recipient, _ in settled:
        if not any(p[0] is donor and p[1] is recipient and p[3] == c.sentence for p in ctx.state.pairings):
            ctx.note_pairing(donor, recipient, c.confidence, c.sentence)
    return settled


def _serves_its_giver(c: PairCandidate) -> bool:
    """Whether a weak wording (帮助, 助力, 向…捐赠) runs against the tables: they list the pair the
    other way only (赤峰尽己所能助力北京发展, 黔南州企业帮助广州抗疫: 北京 → 赤峰 and 广州 → 黔南 are
    listed). The receiving side serves its partner, which states no pairing of the programme; a
    strong wording (X对口帮扶Y) is taken as written."""
    if c.symmetric or c.pattern.levels != "comparable":
        return False
    return not official_pair(c.first, c.second) and bool(official_pair(c.second, c.first))


def _eastern_provinces_apart(a: Mention, b: Mention) -> bool:
    """Whether two places lie in the east in two provinces: where no table pairs them, a symmetric
    wording names two givers (上海、广东扶贫协作助力云南), whatever the article or their order says."""
    provinces = {province_of(a), province_of(b)}
    return len(provinces) == 2 and all(region_of(region_code(p)) == "east" for p in (a, b))


def _co_recipients(state: ArticleState, c: PairCandidate, step: str) -> bool:
    """Whether both places of a symmetric wording receive from one giver of the article's directed
    pairings and neither gives in any (上海市援助夷陵…上海市援助万州…夷陵、万州两地负责人: two partners of
    上海, not partners of each other), whatever their regions say; a pair the tables list stays."""
    if step == "official":
        return False

    def givers(place: Mention) -> set[str]:
        return {place_key(d) for d, r, _, _ in state.pairings if related(place, r) and not related(place, d)}

    def gives(place: Mention) -> bool:
        return any(related(place, d) for d, _, _, _ in state.pairings)

    if gives(c.first) or gives(c.second):
        return False
    return bool(givers(c.first) & givers(c.second))


def _co_givers(state: ArticleState, c: PairCandidate) -> bool:
    """Whether both places of a symmetric wording give in a directed pairing of its own sentence and
    neither receives in one (杭州和宁波两市对口支援第一师: two givers joined by 和, not partners)."""
    pairs = state.in_sentence(c.sentence)

    def gives(place: Mention) -> bool:
        givers = any(related(place, d) for d, _, _, _ in pairs)
        return givers and not any(related(place, r) for _, r, _, _ in pairs)

    return gives(c.first) and gives(c.second)


def _sides_hold(c: PairCandidate, donor: Mention, recipient: Mention, step: str) -> bool:
    """Whether a wording that only the sides may decide is decided by them: ``sides``, a step of
    the places themselves; ``east-sides``, the same, but a difference of region only where one
    of them lies in the east (辽源市与鄂尔多斯市…战略合作: two places of the north-east and the
    west cooperate, neither helps the other)."""
    if c.pattern.decided_by == "any":
        return True
    if step not in SIDE_STEPS:
        return False
    if c.pattern.decided_by == "east-sides" and step == "region":
        return any(region_of(region_code(p)) == "east" for p in (donor, recipient))
    return True


def _keep_one_direction(ctx: ArticleContext, settled: list[Settled]) -> None:
    """The best relation of each pair and sentence; one direction per pair in an article: where
    wordings disagree, the better evidenced one stays (and the other leaves the noted pairings)."""
    best: dict[tuple[str, str, int], Relation] = {}
    for c, donor, recipient, confidence in settled:
        rel = pairing_relation(ctx.article, donor, recipient, c.sentence, c.span, c.pattern.id, confidence)
        key = (place_key(donor), place_key(recipient), c.sentence)
        if key not in best or best[key].confidence < rel.confidence:
            best[key] = rel
    weight: Counter[tuple[str, str]] = Counter()
    for (donor_key, recipient_key, _), rel in best.items():
        weight[(donor_key, recipient_key)] += rel.confidence
    losing = {pair for pair, w in weight.items() if weight.get((pair[1], pair[0]), 0) > w}
    for key, rel in best.items():
        if key[:2] not in losing:
            ctx.add(rel)
    ctx.state.pairings = [p for p in ctx.state.pairings if (place_key(p[0]), place_key(p[1])) not in losing]


def _receiving_subject(enc: Encoded, end: int, carried: Slot | None) -> Mention | None:
    """The recipient of a giver's clause that names none (由X对口帮扶; X对口帮扶以来), where no place
    before it in the sentence does: the place that opens the next clause of the sentence (自X对口
    帮扶以来,Y的茶叶…), else the subject carried from the sentences before (Y盛产核桃。X对口帮扶后,…)."""
    following = [s for s in opening_subject(enc, after=end) if s.letter == "P" and s.place is not None]
    if following:
        return following[0].place
    return carried.place if carried is not None else None


# most helpers of one receiving place a clause without its subject is given from the article
MAX_TOPIC_HELPERS = 3


def _topic_helpers(evidence: ArticleState, recipients: list[Mention]) -> list[Mention]:
    """The givers of a pairing clause without its subject whose subject the sentences before leave
    on the receiving side, or name none (东莞、中山对口帮扶昭通。…罗坪村…。对口帮扶罗坪村建设示范点): the
    article's givers of a place that holds every recipient of the clause — a few at most; none where
    the article pairs no such place."""
    helpers: dict[str, Mention] = {}
    for donor, recipient, _, _ in evidence.pairings:
        if recipients and all(nests(r, recipient) and not related(r, donor) for r in recipients):
            helpers.setdefault(place_key(donor), donor)
    return list(helpers.values()) if len(helpers) <= MAX_TOPIC_HELPERS else []


def _gives_to(donor: Mention, recipient: Mention, evidence: ArticleState) -> bool:
    """Whether a recipient borrowed from outside its clause is on the receiving side of the giver:
    the places themselves (tables, region, aid programmes, the province's own programme) or the
    article's statements so far say so (余杭区召开大会。广州市对口帮扶以来…: 余杭区 receives nothing)."""
    giver, _, step = resolve_direction(donor, recipient, evidence)
    return giver is donor and (step in SIDE_STEPS or step == "article")


def _subject_candidates(ctx: ArticleContext, found: list[PairCandidate]) -> list[PairCandidate]:
    """Clauses without a subject (同时,还结对帮扶Y; 并与Y结成对子; X对口帮扶A;东西部扶贫协作B)
    take the sentence's subject place: the first place before the clause, else the donor
    the sentence before pairs (its last one), else the subject carried from the sentences
    before — unless the article already has that place on the receiving side. A clause
    without its recipient (Y被列入协作县 / 由X对口帮扶) takes the subject as recipient, unless
    the article has it giving. Read in order, so a chain of such clauses keeps its donor."""
    evidence = ArticleState()
    donors: list[tuple[int, int, Mention]] = []
    borrowed = False

    def note(c: PairCandidate) -> None:
        if not c.symmetric:
            evidence.pairings.append((c.first, c.second, c.confidence, c.sentence))
            donors.append((c.sentence, c.span[0], c.first))
            return
        donor, recipient, step = resolve_direction(c.first, c.second, ArticleState())
        if step in EARLY_STEPS:
            evidence.pairings.append((donor, recipient, c.confidence, c.sentence))
            donors.append((c.sentence, c.span[0], donor))

    for c in found:
        note(c)
    subject_patterns = [
        p
        for p in load_patterns()
        if p.type == "pairing" and "subject" in (p.donor_fallback, p.recipient_fallback)
    ]
    out: list[PairCandidate] = []
    for enc in ctx.encoded:
        carried = ctx.topics[enc.index - 1] if enc.index > 0 else None
        text = ctx.article.sentence_text(enc.index)
        for pattern in subject_patterns:
            for match in pattern.regex.finditer(enc.text):
                before = [s for p, _, s in enc.slot_positions() if p < match.start() and s.letter == "P"]
                subject = before[0].place if before else None
                if pattern.donor_fallback == "subject":
                    if subject is None:
                        previous = sorted((at, d) for i, at, d in donors if i == enc.index - 1)
                        subject = previous[-1][1] if previous else None
                    if subject is None and carried is not None:
                        subject = carried.place
                    if subject is None or evidence.is_recipient_side(subject):
                        givers = _topic_helpers(evidence, group_places(enc, match, "recipient"))
                    else:
                        givers = [subject]
                else:
                    borrowed = subject is None  # from after the clause or from the sentences before
                    subject = subject or _receiving_subject(enc, match.end(), carried)
                    if subject is None or evidence.is_donor_side(subject):
                        continue
                    givers = [subject]
                new = [
                    c
                    for giver in givers
                    for c in pair_candidates(
                        pattern, enc, match, Slot("P", giver, giver.start, giver.end, place=giver), text
                    )
                ]
                if pattern.recipient_fallback == "subject" and borrowed:
                    new = [c for c in new if _gives_to(c.first, c.second, evidence)]
                for c in new:
                    note(c)
                out.extend(new)
    return out
