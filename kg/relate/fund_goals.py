"""Where a sum goes: the place a sum of money is given to (see :mod:`kg.relate.funding`) — the nearest
place a recipient marker introduces before it in its clause, else one an allocation word (用于) puts
it to, else a marked place before or after it, else the sentence's pairing, else a place the
sentence names on the receiving side, else the context; never the home of a team or an
organisation that acts in the sentence, nor a place that receives by a verb of receiving only
when it gives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from kg.link.lexicon import link_words
from kg.places import place_key
from kg.records import Mention
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot
from kg.relate.fund_parties import (
    aid_goal,
    modifies_noun,
    narrowest,
    organisation_place,
    sends_team,
)
from kg.relate.geo import code_within
from kg.relate.rules import lexicon
from kg.relate.subjects import opening_subject
from kg.relate.text import CLAUSE_STOPS, TOKEN_RE, clause_bounds, preceded_by


def marked_goal(
    text: str, positions: Sequence[tuple[int, int, Slot]], position: int, markers: Iterable[str]
) -> bool:
    """Whether the token at ``position`` follows a recipient marker, directly or through the
    places written right before it (为通渭县丙丁小学: the school is the goal), not one that ends a
    verb of receiving (争取到, 得到)."""
    moved = True
    while moved:
        moved = False
        for start, end, slot in positions:
            if end == position and slot.letter in "PU":
                position, moved = start, True
                break
    if text[:position].endswith(tuple(lexicon()["funding"]["receive_verbs"])):
        return False  # 争取到A基金会200万元: 到 ends a verb of receiving, A is the source
    return preceded_by(text, position, markers) and not _in_range(text, position)


def _report_opens(text: str, pos: int) -> int:
    """Where the report that tells the sum at ``pos`` begins: after the last of ``report_words``
    before it (记者…获悉,一年来,宁波投入N), else -1."""
    return max(
        (text.rfind(w, 0, pos) + len(w) for w in lexicon()["funding"]["report_words"] if w in text[:pos]),
        default=-1,
    )


def _in_range(text: str, position: int) -> bool:
    """Whether the token at ``position`` is an end of a span of a sentence that enumerates spans
    (``range_openers``: 从新疆到西藏,从三峡库区到青海: each place an end of a range, no goal)."""
    return position in _range_ends(text)


def _range_ends(text: str) -> set[int]:
    """The positions right after 从 and right after 到 of the spans 从…到 a sentence enumerates
    (two or more); none for one span, which may be a journey (从福州到定西)."""
    openers = "|".join(map(re.escape, lexicon()["funding"]["range_openers"]))
    spans = list(re.finditer(f"(?:{openers})([^{re.escape(CLAUSE_STOPS)}]{{1,16}}?)到", text))
    if len(spans) < 2:
        return set()
    return {m.start(1) for m in spans} | {m.end() for m in spans}


def begins_org_name(text: str, positions: list[tuple[int, int, Slot]], slot: Slot) -> bool:
    """Whether the place token begins an organisation's name the entity stage did not read whole:
    a few characters of a name and an organisation token follow it (中山市|辉就|电器有限公司), or
    characters that end in a legal form (中山市辉就电器有限公司与…)."""
    i = next((k for k, (_, _, s) in enumerate(positions) if s is slot), None)
    if i is None:
        return False
    end = positions[i][1]
    if i + 1 < len(positions) and positions[i + 1][2].letter == "O":
        if re.fullmatch(r"[\u4e00-\u9fff]{1,4}", text[end : positions[i + 1][0]]):
            return True
    forms = "|".join(map(re.escape, link_words()["legal_form_suffixes"]))
    return re.match(f"[\u4e00-\u9fff]{{1,8}}?(?:{forms})", text[end:]) is not None


def fund_recipient(
    ctx: ArticleContext,
    enc: Encoded,
    positions: list[tuple[int, int, Slot]],
    pos: int,
    here: list[tuple[Mention, Mention, float, int]],
) -> Mention | None:
    """The place that receives the money at ``pos``: the nearest marked place before it
    (向Y捐赠; in "A向B捐赠…,C向D捐赠…" each sum goes to its own clause's place), else the
    first marked one after it, else the sentence's pairing (not one it states only as a modifier,
    X援建的Y), else the goal of the sentence's visit however far before the sum (来到Y镇…,并捐赠N;
    向其 names the party named last before 其), else the context (not the sentence's
    own subject; the one place the pairings help inside a province; the province a word of the
    sentence sends aid to, 进藏/援疆)."""
    markers = lexicon()["recipient_markers"]["words"]
    receiving = _receiver(ctx, enc, positions, pos)
    if receiving is not None:
        return receiving
    marked = [
        (p_pos, place)
        for p_pos, _, s in positions
        if (place := _goal_place(ctx, s)) is not None
        and not s.programme_word
        and not ctx.state.is_donor_side(place)
        and marked_goal(enc.text, positions, p_pos, markers)
    ]
    marked = sorted(marked + _pointed_back(ctx, enc, positions, markers), key=lambda m: m[0])
    before = [(p_pos, place) for p_pos, place in marked if pos - 40 < p_pos < pos]
    left, _ = clause_bounds(enc.text, pos, pos)
    if before and before[-1][0] >= left:
        return before[-1][1]
    # a place after the next sum of the sentence is that sum's (划拨N1,投入Y资金N2)
    limit = next_sum(enc.text, positions, pos)
    after = [place for p_pos, place in marked if pos < p_pos < limit]
    allocated = [
        place
        for p_pos, place in marked
        if pos < p_pos < limit
        and marked_goal(enc.text, positions, p_pos, lexicon()["funding"]["allocated_after"])
    ]
    if allocated:
        return allocated[0]  # 支援四川灾区,其中投入N,用于Y县: the place the sum is put to
    if before:
        return before[-1][1]
    if after:
        return after[0]
    # a programme's abbreviation (沪滇协作资金, 苏陕协作资金) names no recipient of the sum, unless
    # nothing else does
    bound = enc.starts[limit] if limit < len(enc.text) else ctx.article.sentences[enc.index].end
    # a pairing the sentence states only as a modifier (参观了东莞援建的Z县安置区) says who built what
    # was visited, not who receives the sum
    modifiers = {place_key(s.place) for _, end, s in positions if s.place and modifies_noun(enc.text, end)}
    # nor one stated before the report the sum is told in (…记者获悉,一年来,X投入N)
    report = _report_opens(enc.text, pos)
    opens = enc.starts[report] if 0 <= report < len(enc.starts) else -1
    paired = [
        r
        for d, r, _, _ in here
        if len(r.text) >= 2 and opens <= r.start < bound and place_key(d) not in modifiers
    ]
    if paired:
        return paired[0]
    # the goal of the sentence's visit (来到Y镇开展帮扶活动,…,并捐赠善款N; 赴Y市考察,参观了Z县的
    # 安置区,并捐赠N) however far before the sum, before a place it names in passing
    visits = lexicon()["funding"]["visit_markers"]
    farther = [
        place for p_pos, place in marked if p_pos < pos and marked_goal(enc.text, positions, p_pos, visits)
    ]
    if farther:
        return farther[-1]
    subject = opening_subject(enc, pos)
    named = [
        (p_pos, s.place)
        for p_pos, _, s in positions
        if s.letter in "PU"
        and s.place
        and p_pos < limit
        and _receives_unmarked(ctx, s.place, any(s is t for t in subject))
        and not s.programme_word
        and not _in_range(enc.text, p_pos)
        and p_pos >= report
    ]
    # a receiving place the sentence names without a marker (依托Y县优势,投入资金X万元; a village
    # that puts aid money in, 昔宜村再投735万元对口帮扶资金)
    named_before = [place for p_pos, place in named if p_pos < pos]
    # several receiving places named only after the sum (…300万元,实施A县核桃产业、B县葡萄产业): it
    # goes to none of them alone
    several = not named_before and len({place_key(place) for _, place in named}) > 1
    if named_before or (named and not several):
        # a province named by the way (惠及西藏农牧民) stands for the one place inside it the
        # article's pairings help
        return narrowest(ctx, named_before[-1] if named_before else named[0][1])
    if any(p_pos < pos and s.letter in "PU" and _in_range(enc.text, p_pos) for p_pos, _, s in positions):
        return None  # 从新疆到西藏,从陕西到贵州,…共安排资金N: spread over them all, no one's
    if _counts_places(ctx, enc):
        return None  # 共帮扶对口地区72个县, 向25个深度贫困地区援助N: spread over a count of places
    context = ctx.context_recipient(enc.index, sole=True, own=not here)
    if context is not None and (_gives_here(enc, pos, context) or _sends_here(enc, positions, context)):
        context = None  # the sentence's own subject gives (进藏两年,上海市共安排…投入资金)
    found = aid_goal(ctx, enc, narrowest(ctx, context) if context is not None else None)
    return found or next((r for _, r, _, _ in here if r.start < bound), None)


@cache
def _counted_places() -> re.Pattern[str]:
    kinds = "|".join(sorted(lexicon()["funding"]["counted_place_kinds"], key=len, reverse=True))
    # a word of Han characters between the count and the kind (72个携手奔小康县), no list mark
    # (安置点4个、村级卫生室); the kind ends the word (not 村级, 村民, 县委)
    return re.compile(f"[\\d一二两三四五六七八九十百几多]+个[\u4e00-\u9fff]{{0,10}}?(?:{kinds})(?![级民委])")


def _counts_places(ctx: ArticleContext, enc: Encoded) -> bool:
    """Whether the sentence counts the places it helps (72个携手奔小康县, 25个深度贫困地区:
    ``funding.counted_place_kinds``), read in its own words (a place the linker found inside the
    count, 康县 of 小康县, is part of it), with no place right before the count that holds them:
    积石山县20个村 are that county's villages, the county receives (a place the linker found ends
    there, or a division's ending does: ``funding.count_holder_endings``; not 地区 of 对口地区)."""
    sentence = ctx.article.sentences[enc.index]
    text = ctx.article.text
    place_ends = {m.end for m in ctx.mentions if m.label == "PLACE" and m.sentence == enc.index}
    holders = tuple(lexicon()["funding"]["count_holder_endings"])
    return any(
        m.start() not in place_ends and not text.endswith(holders, 0, m.start())
        for m in _counted_places().finditer(text, sentence.start, sentence.end)
    )


def _pointed_back(
    ctx: ArticleContext, enc: Encoded, positions: list[tuple[int, int, Slot]], markers: list[str]
) -> list[tuple[int, Mention]]:
    """The goals a recipient marker introduces by a word that points back (向其困难群众捐赠: 其 is the
    party named last before it in the sentence, 河西乡人民政府 → 河西乡), at the word's position."""
    found = []
    for word in lexicon()["funding"]["goal_pronouns"]:
        for at in (m.start() for m in re.finditer(re.escape(word), enc.text)):
            if not preceded_by(enc.text, at, markers):
                continue
            last = next((s for p, _, s in reversed(positions) if p < at and s.letter in "PUO"), None)
            place = _goal_place(ctx, last) if last is not None else None
            if place is not None and not ctx.state.is_donor_side(place):
                found.append((at, place))
    return found


def _sends_here(enc: Encoded, positions: list[tuple[int, int, Slot]], place: Mention) -> bool:
    """Whether the sentence writes ``place`` as the home of a team or an organisation that acts in
    it (江苏援伊·淮安工作组拨付N, 中山市某某电器有限公司捐赠): the giver's side, not its recipient."""
    return any(
        s.place is not None
        and place_key(s.place) == place_key(place)
        and (sends_team(enc.text, end) or begins_org_name(enc.text, positions, s))
        for _, end, s in positions
    )


def next_sum(text: str, positions: list[tuple[int, int, Slot]], pos: int) -> int:
    """The position of the next sum after ``pos`` that is a sum of its own (not the level the one
    at ``pos`` rises to: 从9.92亿元增至29.75亿元), or past the sentence's end when there is none."""
    rises = lexicon()["funding"]["level_change"]
    end = next((e for p, e, s in positions if p == pos), pos)
    for p, e, slot in positions:
        if p <= pos or slot.letter != "M":
            continue
        if not any(w in text[end:p] for w in rises):
            return p
        end = e
    return 1 << 30


def own_side(ctx: ArticleContext, enc: Encoded, pos: int, recipient: Mention) -> bool:
    """Whether the recipient, taken from another sentence, holds the home of the organisation
    that opens the sum's sentence (诸暨市慈善总会…共募集慈善资金 in an article that names 绍兴市
    before): the sum is the organisation's own, not given to that place."""
    if recipient.sentence == enc.index:
        return False
    subject = opening_subject(enc, pos)
    return any(
        s.letter == "O"
        and not s.government
        and code_within(s.mention.home_code, recipient)
        and not _receives(enc, end, pos)  # Y县某某公司获得帮扶资金N: given to it, not its own
        for _, end, s in enc.slot_positions()
        if any(s is t for t in subject)
    )


def _receives_unmarked(ctx: ArticleContext, place: Mention, subject: bool) -> bool:
    """A place named without a recipient marker receives when the article's pairings put it on the
    receiving side, or it is a town or village no pairing puts on the giving side that is the
    subject of the sum's clause (X村再投N对口帮扶资金: the aid money goes into it)."""
    if ctx.state.is_recipient_side(place):
        return True
    return subject and place.level in ("town", "village") and not ctx.state.is_donor_side(place)


def _goal_place(ctx: ArticleContext, slot: Slot) -> Mention | None:
    """The place a token stands for as a goal: a place, or the place an organisation is of
    (向南郑区工商联捐赠, 为太保镇中心学校: see :func:`kg.relate.fund_parties.organisation_place`)."""
    if slot.letter in "PU":
        return slot.place
    if slot.letter == "O" and not slot.government:
        return organisation_place(ctx, slot.mention)
    return None


def _gives_here(enc: Encoded, pos: int, place: Mention) -> bool:
    """Whether ``place`` is the subject of the sentence before the sum at ``pos`` and no verb of
    receiving stands between (进藏两年,上海市共安排…投入资金; not Y区…获捐赠资金)."""
    verbs = lexicon()["funding"]["receive_verbs"]
    subject = opening_subject(enc, pos)
    for _, end, slot in enc.slot_positions():
        if (
            any(slot is s for s in subject)
            and slot.place is not None
            and place_key(slot.place) == place_key(place)
        ):
            return not any(v in enc.text[end:pos] for v in verbs)
    return False


def _receiver(
    ctx: ArticleContext, enc: Encoded, positions: list[tuple[int, int, Slot]], pos: int
) -> Mention | None:
    """A place that is the subject of a verb of receiving before the sum (浙江山区26县…获得
    援助资金, Y县争取到帮扶资金, Y省累计接受A、B援助资金N): it receives, it does not give; an
    organisation so written (Y县某某(集团)有限公司申请获得帮扶资金N) receives for its place."""
    slot = receiving_slot(enc, positions, pos)
    return _goal_place(ctx, slot) if slot is not None else None


def receiving_slot(enc: Encoded, positions: list[tuple[int, int, Slot]], pos: int) -> Slot | None:
    """The place or organisation of the sum's clause a verb of receiving follows (see
    :func:`_receiver`); an organisation receives for itself, so its place states no pairing."""
    left, _ = clause_bounds(enc.text, pos, pos)
    for p_pos, p_end, s in reversed(positions):
        if p_pos >= pos or p_pos < left or s.letter not in "PUO" or (s.letter != "O" and not s.place):
            continue
        if _receives(enc, p_end, pos) and (s.letter != "O" or not s.government):
            return s
    return None


def _receives(enc: Encoded, token_end: int, pos: int) -> bool:
    """Whether a verb of receiving is among the words right after a token, up to the next token
    before ``pos`` (云南省累计接受A、B援助资金N)."""
    verbs = lexicon()["funding"]["receive_verbs"]
    token = TOKEN_RE.search(enc.text, token_end, pos)
    lead = enc.text[token_end : token.start() if token else pos]
    return any(v in lead for v in verbs)
