"""Funds: a sum of money, who gives it and the place that receives it (see the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from kg.places import level_depth, nests, place_key
from kg.records import Mention, Party, Relation
from kg.relate.context import ArticleContext
from kg.relate.direction import SIDE_STEPS, resolve_direction
from kg.relate.encode import Encoded, Slot
from kg.relate.facts import org_party, relation, to_party
from kg.relate.fund_amounts import (
    StatedSum,
    is_approximate,
    is_total,
    is_transfer,
    own_spending,
    totals_rates,
    without_restated,
)
from kg.relate.fund_goals import begins_org_name, fund_recipient, marked_goal, own_side, receiving_slot
from kg.relate.fund_parties import (
    LIST_JOINERS,
    inner_partner,
    list_around,
    modifies_noun,
    place_at,
    programme_label,
    programme_region_only,
    project_place,
    respective_share,
    sends_team,
    shared_givers,
    shared_recipients,
    source_giver,
    unpaired_region,
)
from kg.relate.geo import comparable_levels, related
from kg.relate.orgs import speaks_for
from kg.relate.rules import lexicon, pattern_of
from kg.relate.subjects import is_heading, left_out_subject, opening_subject
from kg.relate.text import SENTENCE_STOPS, TOKEN_RE, clause_bounds, preceded_by


def _locates_an_org(positions: list[tuple[int, int, Slot]], slot: Slot, text: str) -> bool:
    """Whether the place, alone or in a list of places (郑州和广东的扶沟商会), is followed by 的
    and an organisation token: it says where the organisation is, not who gives."""
    particles = lexicon()["particles"]
    slots = [s for _, _, s in positions]
    i = next((k for k, s in enumerate(slots) if s is slot), None)
    if i is None:
        return False
    while (
        i + 1 < len(slots)
        and slots[i + 1].letter == "P"
        and text[slots[i].end : slots[i + 1].start] in ("", *particles["place_list_joiners"])
    ):
        i += 1
    following = slots[i + 1] if i + 1 < len(slots) else None
    return (
        following is not None
        and following.letter == "O"
        and text[slots[i].end : following.start] == particles["attributive"]
    )


def _purpose(enc: Encoded, end: int) -> str | None:
    fund = lexicon()["funding"]
    _, right = clause_bounds(enc.text, end, end)
    tail = enc.text[end : min(len(enc.text), right + 40)]
    for marker in sorted(fund["purpose_markers"], key=len, reverse=True):
        i = tail.find(marker)
        if 0 <= i <= 16:
            rest = tail[i + len(marker) :]
            stop = min([j for j in (rest.find(c) for c in SENTENCE_STOPS + ",,") if j >= 0] or [len(rest)])
            purpose = TOKEN_RE.sub(lambda m: _slot_text(enc, m), rest[:stop]).strip()
            return purpose or None
    return None


def _slot_text(enc: Encoded, m: re.Match[str]) -> str:
    return enc.slots[int(m.group(2))].mention.text


def _several_givers(
    ctx: ArticleContext, positions: list[tuple[int, int, Slot]], slot: Slot, text: str, recipient: Mention
) -> bool:
    """Whether the giver is one item of a list of different givers (A、B、C等共捐资X元): their
    total is no one giver's sum. A receiving place listed with the giver (A、B县各安排…; A与B村
    签订协议) is no second giver."""
    index = next((i for i, (_, _, s) in enumerate(positions) if s is slot), None)
    if index is None:
        return False
    key = _giver_key(slot)
    for i in (index - 1, index + 1):
        if not 0 <= i < len(positions):
            continue
        left, right = sorted((index, i))
        between = text[positions[left][1] : positions[right][0]]
        other = positions[i][2]
        if other.place is not None and (
            related(other.place, recipient)
            or ctx.state.is_recipient_side(other.place)
            # 山东省和淄博市: one giver named at two levels, not two givers
            or (slot.place is not None and related(other.place, slot.place))
        ):
            continue
        if other.letter in "PUO" and between in LIST_JOINERS and _giver_key(other) != key:
            return True
    return False


def _giver_key(slot: Slot) -> str:
    """The same place written twice (区委、区政府 both act for the district) is one giver."""
    if slot.place is not None:
        return place_key(slot.place)
    return slot.mention.name or slot.mention.text


def _agents(
    ctx: ArticleContext, positions: list[tuple[int, int, Slot]], pos: int, recipient: Mention, text: str
) -> list[Slot]:
    """The givers written before the sum, nearest last (see :func:`_fund_donor`); a place that
    only says who helps the noun after it (苏州对口帮扶的铜仁) when another giver stands there."""
    markers = lexicon()["recipient_markers"]["words"]
    listed = _listed_with(ctx, text, positions, recipient)
    found = [
        (p_pos, p_end, s)
        for p_pos, p_end, s in positions
        if p_pos < pos
        and s.letter in "PO"
        and not any(s is t for t in listed)  # 赤米、高道、鲜水村: the recipient's list gives nothing
        and not (s.place and related(s.place, recipient))
        and not (s.place and ctx.state.is_recipient_side(s.place))
        and not (s.letter == "O" and not ctx.helper_org(s, recipient))
        and not (s.letter == "O" and marked_goal(text, positions, p_pos, markers))
        # 向绍兴市对口援助单位——C县中学捐赠: a place after 向/为/给 is where the money goes
        and not (s.letter in "PU" and _after_goal_marker(text, positions, p_pos))
        # a one-character abbreviation (粤 of 粤桂协作河池工作组) names a programme,
        # never the one who gives
        and not s.programme_word
        # a place that only locates an organisation (广东的扶沟商会) is not the giver
        and not (s.letter == "P" and _locates_an_org(positions, s, ctx.article.text))
        # nor one that only says where a group of people is from (江门侨乡力量, 浙江客商)
        and not (s.letter == "P" and _modifies_group(s, ctx.article.text))
    ]
    # 捐赠甲医院麻醉机等设备,价值N: an organisation or a place after a verb of giving in its clause
    # is its object or its goal
    found = [(at, end, s) for at, end, s in found if not _object_of_giving(text, at)]
    givers = [s for _, end, s in found if not (s.letter == "P" and modifies_noun(text, end))]
    return givers or [s for _, _, s in found]


def _after_goal_marker(text: str, positions: list[tuple[int, int, Slot]], at: int) -> bool:
    """Whether the token at ``at`` follows 向/为/给 (``goal_markers``), not a word that only ends
    in one (作为, 成为: ``not_goal_markers``)."""
    fund = lexicon()["funding"]
    return marked_goal(text, positions, at, fund["goal_markers"]) and not marked_goal(
        text, positions, at, fund["not_goal_markers"]
    )


def _object_of_giving(text: str, at: int) -> bool:
    """Whether the token at ``at`` follows a verb of giving whose object or goal it is
    (``object_verbs``: 捐赠甲医院…, 捐赠包括Y县助学在内的款物, 资助乙小学) in its own clause: no verb
    of receiving between (捐资助学活动得到了X的支持: X gives) and no sum (A捐赠10万元、B捐赠5万元:
    B gives)."""
    left, _ = clause_bounds(text, at, at)
    lead = text[left:at]
    receiving = lexicon()["funding"]["receive_verbs"]
    for word in lexicon()["funding"]["object_verbs"]:
        verb = lead.rfind(word)
        if verb < 0:
            continue
        gap = lead[verb + len(word) :]
        if not any(m.group(1) == "M" for m in TOKEN_RE.finditer(gap)) and not any(
            v in gap for v in receiving
        ):
            return True
    return False


def _listed_with(
    ctx: ArticleContext, text: str, positions: list[tuple[int, int, Slot]], recipient: Mention
) -> list[Slot]:
    """The places of the list the recipient is an item of (A、B、C村), itself included; not a place
    the article's pairings put on the giving side (海沧区、积石山县各安排…: 海沧区 gives)."""
    index = next((i for i, (_, _, s) in enumerate(positions) if s.place is recipient), None)
    if index is None:
        return []
    listed = [positions[i][2] for i in list_around(text, positions, index, "PU")]
    return [s for s in listed if not (s.place is not None and ctx.state.is_donor_side(s.place))]


def _modifies_group(slot: Slot, text: str) -> bool:
    """Whether the place is written right before a group of people it only says the origin of."""
    return text.startswith(tuple(lexicon()["group_modifiers"]["words"]), slot.end)


def _subject_giver(fund: SumInSentence) -> Party | Mention | None:
    """The giver of a sentence that leaves its subject out: the subject it goes on with (one
    place or one organisation; a list of several gives no one giver)."""
    ctx, recipient = fund.ctx, fund.recipient
    subject = left_out_subject(ctx.encoded, fund.enc.index, fund.pos)
    if len(subject) != 1:
        return None
    slot = subject[0]
    if slot.letter == "O":
        return org_party(slot.mention) if ctx.helper_org(slot, recipient) else None
    place = slot.place
    if place is None or related(place, recipient) or ctx.state.is_recipient_side(place):
        return None
    return place if _helps_inside_partner(ctx, place, recipient) else None


def _helps_inside_partner(ctx: ArticleContext, donor: Mention, recipient: Mention) -> bool:
    """Whether the article pairs the giver (or a place around or inside it) with the recipient
    or a place around it: a county's sum for a village of its partner county, never a sum for
    the province around its partner."""
    return any(related(d, donor) and nests(recipient, r) for d, r, _, _ in ctx.state.pairings)


Donor = tuple[Party | None, bool]
Pairing = tuple[Mention, Mention, float, int]


@dataclass(frozen=True)
class SumInSentence:
    """One stated sum read for one receiving place: its sentence, where it stands, and what the
    giver predicates ask of them (the sentence's pairings with that place, their givers, the
    givers written before the sum) — worked out once, read by all of them."""

    ctx: ArticleContext
    enc: Encoded
    positions: list[tuple[int, int, Slot]]
    span: tuple[int, int]
    recipient: Mention

    @property
    def text(self) -> str:
        return self.enc.text

    @property
    def pos(self) -> int:
        return self.span[0]

    @cached_property
    def paired(self) -> list[Pairing]:
        """The sentence's pairings with the recipient, else with a place around or inside it; a
        pairing read from a programme's abbreviation (沪滇协作资金) says whose programme the money
        is, not who gives it."""
        here = [
            p
            for p in self.ctx.state.in_sentence(self.enc.index)
            if len(p[0].text) >= 2 and len(p[1].text) >= 2
        ]
        exact = [p for p in here if place_key(p[1]) == place_key(self.recipient)]
        return exact or [p for p in here if related(p[1], self.recipient)]

    @cached_property
    def paired_givers(self) -> set[str]:
        """The keys of the givers of :attr:`paired`."""
        return {place_key(d) for d, _, _, _ in self.paired}

    @cached_property
    def agents(self) -> list[Slot]:
        """The givers written before the sum (see :func:`_agents`)."""
        return _agents(self.ctx, self.positions, self.pos, self.recipient, self.text)


def _pairing_only_modifies(fund: SumInSentence) -> bool:
    """Whether the sentence's pairing is only a modifier (昆山商会为苏州对口帮扶的铜仁筹集100万元):
    its giver is written as X对口帮扶的 and another giver of the sum stands in the sentence."""
    donors = fund.paired_givers
    modifiers = [
        s
        for _, end, s in fund.positions
        if s.place is not None and place_key(s.place) in donors and modifies_noun(fund.text, end)
    ]
    if not modifiers:
        return False
    return any(s.place is None or place_key(s.place) not in donors for s in fund.agents)


def _other_payer(fund: SumInSentence) -> bool:
    """Whether the giver written nearest before the sum, in the sum's own clause, is an
    organisation (B公司出资300万元, 促成A基金会捐赠500万元物资) or a place that gives in none of the
    sentence's pairings (A镇向B镇捐赠N1,C区民政局向B镇D村捐赠N2: C区 gives N2): it pays, whatever
    pairing the sentence states."""
    left, _ = clause_bounds(fund.text, fund.pos, fund.pos)
    agents = fund.agents
    if not agents or not any(s is agents[-1] and p_pos >= left for p_pos, _, s in fund.positions):
        return False
    nearest = agents[-1]
    if nearest.letter == "O":
        return True
    return nearest.place is not None and place_key(nearest.place) not in fund.paired_givers


def _reporting_place(fund: SumInSentence) -> Mention | None:
    """The place of a federation whose officer reports the sum (浙江省工商联副主席李某介绍,全省村企…
    累计投入资金N): it speaks for its members, the enterprises of its place, who give — the place
    gives, as a government organ gives for its place."""
    ctx, recipient = fund.ctx, fund.recipient
    for slot in opening_subject(fund.enc, fund.pos):
        org = slot.mention
        if slot.letter != "O" or org.subtype == "enterprise":
            continue
        if not speaks_for(ctx.article.text[slot.end : slot.end + 16]):
            continue
        place = ctx.places_by_code.get(org.home_code or "")
        if place is not None and not related(place, recipient) and not ctx.state.is_recipient_side(place):
            return place
    return None


def _place_gives(ctx: ArticleContext, donor_place: Mention, recipient: Mention) -> Donor:
    """A place's sum for a place of another level only where the article pairs the two, or
    places around or inside them: then it says the giver helps, not that the two are paired; so
    does a city's sum for the partner of its district (:func:`inner_partner`)."""
    if ctx.paired(donor_place, recipient):
        return to_party(donor_place), True
    if comparable_levels(donor_place, recipient):
        return to_party(donor_place), not inner_partner(ctx, donor_place, recipient)
    if _helps_inside_partner(ctx, donor_place, recipient):
        return to_party(donor_place), False
    return None, True


def _agent_donors(fund: SumInSentence) -> list[Donor] | None:
    """The givers written in the sentence (see :func:`_fund_donors`); None when it names none."""
    ctx, enc, positions, recipient = fund.ctx, fund.enc, fund.positions, fund.recipient
    pos, end = fund.span
    text = enc.text
    source = source_giver(text, positions, end)
    if (
        source is not None
        and source.place is not None
        and (related(source.place, recipient) or ctx.state.is_recipient_side(source.place))
    ):
        source = None  # 300万元石门县帮扶资金: the money of the place that receives it
    agents = [source] if source is not None else fund.agents
    if not agents:
        return None
    agent = _innermost(text, positions, agents[-1])
    if _several_givers(ctx, positions, agent, text, recipient):
        each = shared_givers(text, positions, agent, pos)
        return [
            (org_party(s.mention), True) if s.place is None else _place_gives(ctx, s.place, recipient)
            for s in each
        ] or [(None, True)]
    if agent.place is None:
        return [(org_party(agent.mention), True)]
    donor_place = agent.place
    if sends_team(text, agent_end(positions, agent)):
        return [(to_party(donor_place), False)]  # 天津援藏工作队: the place that sends the team gives
    if begins_org_name(text, positions, agent):
        # 中山市某某电器有限公司 with the name cut: the place says where the giver is from, no pairing
        return [(to_party(donor_place), False)]
    named = (
        recipient.sentence == agent.mention.sentence
        or any(s.place is not None and related(s.place, recipient) for _, _, s in positions)
        # named twice in the sentence, once among the givers of its first sum (A、B扶贫协作累计投入
        # N,其中A N1): the sentence itself says it gives
        or any(
            s is not agent and s.place is not None and place_key(s.place) == place_key(donor_place)
            for _, _, s in positions
        )
    )
    if source is None and not named and not ctx.partners(donor_place, recipient):
        # the recipient came from another sentence: the giver named here must be known as its
        # partner, or the two were never said to be linked; when that giver is the subject of
        # the sum's clause (福建省投入帮扶资金N in an article of 天津 helping 甘肃), the sum is
        # its own and goes to no place the article names: no row
        return [] if any(s is agent for s in opening_subject(enc, pos)) else [(None, True)]
    return [_place_gives(ctx, donor_place, recipient)]


def _innermost(text: str, positions: list[tuple[int, int, Slot]], agent: Slot) -> Slot:
    """The narrowest place of a list that names one giver at several levels (山东省和淄博市,
    山东省及临沂市): the province is said for the city inside it that gives; but a place listed
    with several places inside it (泉州市及洛江、永春、德化: the city and its counties) gives for
    them all."""
    if agent.place is None:
        return agent
    index = next(i for i, (_, _, s) in enumerate(positions) if s is agent)
    items = [
        positions[i][2] for i in list_around(text, positions, index, "P") if positions[i][2].place is not None
    ]
    outer = [s for s in items if all(s.place and o.place and nests(o.place, s.place) for o in items)]
    if outer and len({place_key(s.place) for s in items if s.place}) > 2:
        return outer[0]
    nested = [s for s in items if s.place is not None and related(s.place, agent.place)]
    return max(nested, key=lambda s: level_depth(s.place.level if s.place else None), default=agent)


def agent_end(positions: list[tuple[int, int, Slot]], slot: Slot) -> int:
    return next(e for _, e, s in positions if s is slot)


def _fund_donors(fund: SumInSentence) -> list[Donor]:
    """Who gives the money, and whether saying so also states a pairing (one row per giver
    where 分别/各 gives the sum to each of a list: A和B各捐赠300万元).

    The giver is the sentence's pairing with that recipient, else the place of 来自X的 after the
    sum, else the nearest giver written before the sum (an organisation right after 为/向/给, or
    after the places that name it, is its goal: A为B小学捐赠5万元, A为Y县B小学捐赠; a place that
    sends a help team gives: X援藏工作队投入), else the subject a sentence without one goes on
    with (:mod:`kg.relate.subjects`). The article's topic is never taken for a giver; one item of
    a list of givers (A、B等共捐资) is not the giver of their total.

    A place gives a place of another level money only where the article pairs the two, or
    places around or inside them (a county's sum for a village of its partner county): that
    says the county helps the village, not that the two are paired.
    """
    ctx, recipient = fund.ctx, fund.recipient
    paired = fund.paired
    if paired and _other_payer(fund):
        # B公司出资300万元、X区与Y县对口帮扶的项目: the organisation that pays, not the pairing
        paired = []
    if paired and not _pairing_only_modifies(fund):
        donors = [p[0] for p in paired]
        # the narrowest of givers named at several levels (山东省和淄博市援助石柱县)
        inner = [d for d in donors if all(nests(d, o) or not related(d, o) for o in donors)]
        if len({place_key(d) for d in inner}) < 2:
            return [_place_gives(ctx, (inner or donors)[0], recipient)]
        # several givers paired with the recipient (A区、B区和C区共向Y捐赠N): the sum is theirs
        # together, or each one's where 分别/各 says so; the givers written in the sentence decide
    named = _agent_donors(fund)
    if named is not None:
        return named
    programme = _programme_giver(fund)
    if programme is not None:
        return [(to_party(programme), False)]
    reported = _reporting_place(fund)
    if reported is not None:
        return [_place_gives(ctx, reported, recipient)]
    markers = lexicon()["recipient_markers"]["words"]
    text = fund.text
    if any(
        at < fund.pos
        and s.letter == "P"
        and _modifies_group(s, ctx.article.text)
        # 向全市爱心企业筹集: the group the money is raised from, not the one who gives it
        and not preceded_by(text, at, markers)
        for at, _, s in fund.positions
    ):
        return [(None, True)]  # the giver is a group of people the sentence names (江门侨乡力量)
    giver = _subject_giver(fund)
    if giver is None:
        partner = _sole_partner(fund)
        return [(to_party(partner), False) if partner is not None else (None, True)]
    if isinstance(giver, Party):
        return [(giver, True)]
    return [_place_gives(ctx, giver, recipient)]


def _programme_giver(fund: SumInSentence) -> Mention | None:
    """The giving province of the programme that names the sum's money (由苏陕扶贫资金安排N: 江苏),
    where the recipient lies in the province it helps; the side is decided by the two provinces
    alone (the tables, the region), never by the article."""
    label = programme_label(fund.text, fund.positions, fund.span)
    if label is None or label[0].place is None or label[1].place is None:
        return None
    donor, receiver, step = resolve_direction(label[0].place, label[1].place, fund.ctx.state)
    return donor if step in SIDE_STEPS and nests(fund.recipient, receiver) else None


def _sole_partner(fund: SumInSentence) -> Mention | None:
    """The one place the article pairs with the recipient (or a place around or inside it), for a
    sum its clause names as money only a partner gives (林周县…共投入援藏资金7750万元 in an article of
    苏州 helping 林周县); None when the article pairs it with none or several."""
    left, right = clause_bounds(fund.text, *fund.span)
    clause = TOKEN_RE.sub("", fund.text[left:right])
    if not any(w in clause for w in lexicon()["funding"]["partner_money"]):
        return None
    donors = {place_key(d): d for d, r, _, _ in fund.ctx.state.pairings if related(r, fund.recipient)}
    tops = [d for d in donors.values() if not any(o is not d and nests(d, o) for o in donors.values())]
    return tops[0] if len(tops) == 1 else None


def sum_rows(
    ctx: ArticleContext,
    enc: Encoded,
    positions: list[tuple[int, int, Slot]],
    span: tuple[int, int],
    date: str | None,
    part: bool = False,
    whole: Mention | None = None,
) -> list[Relation]:
    """The fund rows of the sum at ``span``: one for each recipient or giver a 分别/各 shares it
    among; none when it is no transfer or nothing receives it (``part``: a stated part of a fund
    of the sentence, 其中…, is one; it goes where the ``whole`` goes when nothing of its own names
    a receiver)."""
    rule = pattern_of("funding")
    pos, end = span
    slot = enc.slots_in(pos, end, "M")[0]
    of_rates = totals_rates(enc, pos)
    if not slot.mention.value or not is_transfer(enc, pos, end, part or of_rates) or own_spending(enc, pos):
        return []
    left, right = clause_bounds(enc.text, pos, end)
    share = _respective(ctx, enc, positions, span)
    if share is not None:
        places, shared_donors = [share[1]], share[0]
    else:
        # the place of a project of the sentence inside it (the village of the workshop it builds)
        recipient = project_place(
            ctx, enc, fund_recipient(ctx, enc, positions, pos, ctx.state.in_sentence(enc.index)), pos
        )
        recipient = recipient or (whole if part else None)
        if recipient is None or own_side(ctx, enc, pos, recipient):
            return []
        places, shared_donors = shared_recipients(ctx, enc, positions, pos, recipient), None
    rows = []
    # an organisation that gets the sum (Y县某某公司获得N) receives for itself: no pairing of places
    org_receives = (receiver := receiving_slot(enc, positions, pos)) is not None and receiver.letter == "O"
    for place in places:
        donors = shared_donors or _fund_donors(SumInSentence(ctx, enc, positions, span, place))
        if of_rates and len(donors) > 1:
            donors = [(None, False)]  # the total of several givers' rates is no one giver's
        for donor, pairs in [d for i, d in enumerate(donors) if d not in donors[:i]]:
            if donor is None and unpaired_region(ctx, positions, pos, place):
                continue  # 援疆资金累计达N亿元: the nation's many givers' total, no one's fund
            receiver = _own_partner(ctx, enc, donor, place) or place
            rows.append(
                relation(
                    "funding",
                    ctx.article,
                    enc.index,
                    enc.span(left, max(right, end)),
                    rule.id,
                    rule.confidence if donor else rule.partial_confidence or 0.0,
                    donor=donor,
                    recipient=to_party(receiver),
                    amount_yuan=slot.mention.value,
                    date=date or ctx.article.date,
                    purpose=_purpose(enc, end),
                    states_pairing=pairs and not org_receives and not programme_region_only(donor, receiver),
                )
            )
    return rows


def _own_partner(
    ctx: ArticleContext, enc: Encoded, donor: Party | None, recipient: Mention
) -> Mention | None:
    """The giver's own partner for a sum whose receiver came from another sentence where the
    article pairs that receiver with other givers only (北京市对口帮扶河北省,天津市对口帮扶承德市。
    …北京市共安排帮扶资金N: 河北省's, not 承德市's): the one place the article pairs the giver with
    that holds its other partners; None when the receiver is the giver's own or there is no one."""
    if donor is None or not donor.code or recipient.sentence == enc.index:
        return None
    pairings = ctx.state.pairings
    if not any(place_key(r) == place_key(recipient) for _, r, _, _ in pairings):
        return None
    if any(d.code == donor.code and nests(r, recipient) for d, r, _, _ in pairings):
        return None  # its partner is the receiver or lies inside it
    # a programme's abbreviation (沪滇协作资金) names no one's partner
    mine = {place_key(r): r for d, r, _, _ in pairings if d.code == donor.code and len(r.text) >= 2}
    tops = [r for r in mine.values() if not any(o is not r and nests(r, o) for o in mine.values())]
    return tops[0] if len(tops) == 1 else None


def _respective(
    ctx: ArticleContext, enc: Encoded, positions: list[tuple[int, int, Slot]], span: tuple[int, int]
) -> tuple[list[Donor] | None, Mention] | None:
    """The receiver of a sum that 分别 shares out one to one with a list of places (see
    :func:`kg.relate.fund_parties.respective_share`), with its giver when the givers are listed
    one for each sum (None: the sentence's giver, as for any sum)."""
    share = respective_share(enc.text, positions, span[0])
    if share is None or share[1].place is None or ctx.state.is_donor_side(share[1].place):
        return None
    giver, receiver = share[0], share[1].place
    if giver is None:
        return None, receiver
    if giver.place is None:
        return [(org_party(giver.mention), True)], receiver
    return [_place_gives(ctx, giver.place, receiver)], receiver


def _total_row(enc: Encoded, span: tuple[int, int], parts: list[Relation]) -> Relation | None:
    """共计20万元 after the sums it adds up (A捐赠10万元、B捐赠5万元、C捐赠5万元,共计20万元): a
    row of its own, for their one recipient, from their giver when they share one (else none
    named); it states no pairing."""
    pos, end = span
    value = enc.slots_in(pos, end, "M")[0].mention.value
    recipients = {(r.recipient.code, r.recipient.name) for r in parts if r.recipient}
    if not value or not parts or len(recipients) != 1 or not is_total(enc, pos):
        return None
    donors = {r.donor.name if r.donor else "" for r in parts}
    first = parts[0]
    left, right = clause_bounds(enc.text, pos, end)
    return replace(
        first,
        start=enc.span(left, max(right, end))[0],
        end=enc.span(left, max(right, end))[1],
        donor=first.donor if len(donors) == 1 else None,
        amount_yuan=value,
        purpose=None,
        states_pairing=False,
        confidence=first.confidence if len(donors) == 1 else pattern_of("funding").partial_confidence or 0.0,
    )


def _restated_subhead(ctx: ArticleContext, enc: Encoded, positions: list[tuple[int, int, Slot]]) -> bool:
    """Whether a heading names no party and only sums another sentence of the article states."""
    if any(s.letter in "PUO" for _, _, s in positions):
        return False
    values = {s.mention.value for _, _, s in positions if s.letter == "M" and s.mention.value}
    elsewhere = {
        s.mention.value for other in ctx.encoded if other is not enc for s in other.slots if s.letter == "M"
    }
    return bool(values) and values <= elsewhere


def read_funding(ctx: ArticleContext) -> None:
    """Each sum the funding construction finds that is a transfer: who gives it to whom (one row
    for each recipient or giver a 分别/各 shares it among; a total of the sums before it, 共计N,
    a row of its own); a rough sum the article also states exactly for the same recipient is
    left out."""
    rule = pattern_of("funding")
    funds: list[StatedSum] = []
    for enc in ctx.encoded:
        positions = enc.slot_positions()
        date = next((s.mention.iso for _, _, s in positions if s.letter == "D" and s.mention.iso), None)
        heading = is_heading(enc)
        if heading and _restated_subhead(ctx, enc, positions):
            continue  # a subhead of a sum alone (捐赠175万元) names neither side: the body says it
        parts: list[Relation] = []
        first: int | None = None  # where the sentence's first fund ends
        for match in rule.regex.finditer(enc.text):
            span = match.span("money")
            total = _total_row(enc, span, parts)
            part = first is not None and any(
                w in enc.text[first : span[0]] for w in lexicon()["funding"]["part_words"]
            )
            whole = place_at(ctx, parts[0].recipient.mention_start) if parts and parts[0].recipient else None
            rows = [total] if total is not None else sum_rows(ctx, enc, positions, span, date, part, whole)
            if rows and first is None:
                first = span[1]
            parts.extend(rows)
            rough = is_approximate(enc, span[0], enc.slots_in(*span, "M")[0].mention.text)
            funds.extend(StatedSum(row, rough, date is not None, heading) for row in rows)
    for found in without_restated(funds):
        ctx.add(found)
