"""The recall net under the relate stage's constructions: pairings told by the sides of a sentence.

The constructions of ``data/relation_patterns.jsonl`` read a pairing from its wording. Real
articles write pairings in more ways than any list of wordings holds (lists of pairs after
具体为, a bare 对接, a team that comes from its place, 对口支援 used as a noun). What they share
is a cue word of the programme (or the word of a national aid programme, 援疆, 援藏, 援青 …: the
keys of the lexicon's ``funding.aid_goals``) and places from both sides of it. So a sentence with a cue
(``data/pairing_cues.json``) whose places fall on two sides — giving and receiving, told by
the article's own directed statements, the region, the national aid programmes or the
province's own programme, and for two places these do not tell apart, an official pair they
make (黑龙江 of the north-east receives from 广东) or their province's own programme (广州 gives
to 清远) — states that the giving side helps the receiving side, where it leaves no doubt who
pairs with whom:

- one giving place (the most specific of a nest) and one or more receiving places in the
  sentence: the giver helps each of them;
- else, clause by clause (between commas, semicolons, colons): a clause with one giver and
  receivers, or givers and one receiver, pairs them; a clause with several of both states
  nothing (北京、上海等东部省市与西部省区开展协作 is background, not a pair).

A place with no side, a negated cue (不再帮扶), or two places of far apart levels give nothing —
unless a programme table lists them at their own codes (上海市 → 万州区, 江苏省 → 乌恰县) or lists
the giver with the division just above the receiver (福建省 → 昌都市 for 左贡县). A province and a
prefecture pair only where a table lists them so (江苏省 → 拉萨市): the tables tell the level at which
a programme pairs, and never lift or lower a side to make a pair; where the tables give the giver
other places of the receiver's province and not the receiver (宁波 → 库车 of 援疆, not 和田), there is
no pair. The net only adds
pairs the constructions did not find (in either direction), with a lower confidence and the pattern
id and confidence of the cues file's ``relation``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from kg.places import LEVEL_DEPTH, UPPER_LEVELS, nests, pairing_level, place_key, province_of, region_code
from kg.records import Mention
from kg.regions import region_of
from kg.relate.candidates import coordinated, listed_places
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded
from kg.relate.facts import pairing_relation
from kg.relate.geo import (
    intra_side,
    is_resolved,
    listed_above,
    listed_as_is,
    listed_elsewhere,
    official_pair,
    related,
)
from kg.relate.rules import aid_goal_words, alternatives, cues, lexicon
from kg.relate.subjects import enumeration_label, is_heading
from kg.relate.text import CLAUSE_STOPS, CLOSE, OPEN, TOKEN_RE

Cued = tuple[Mention, Mention, int]  # giver, receiver, sentence: a pair the cue net reads


def _has_any(text: str, words: Sequence[str]) -> bool:
    return any(w in text for w in words)


def place_side(place: Mention, ctx: ArticleContext) -> int:
    """+1 giving, -1 receiving, 0 unknown: the article's statements first, then the place itself."""
    score = ctx.state.donor_score(place)
    if score:
        return 1 if score > 0 else -1
    if province_of(place) in lexicon()["aid_recipient_provinces"]["codes"]:
        return -1
    region = region_of(region_code(place))
    if region == "east":
        return 1
    if region == "west":
        return -1
    side = intra_side(place)
    return {"donor": 1, "recipient": -1}.get(side or "", 0)


def _names_a_market(mention: Mention, after: str) -> bool:
    """广州市场, 上海市场: the place names a market to sell in, not a party (the linker may have
    read 广州市|场 as the city)."""
    heads, city = cues()["market_heads"], cues()["market_city_suffix"]
    return any(after.startswith(h) for h in heads) or (
        mention.text.endswith(city) and any((city + after).startswith(h) for h in heads)
    )


def _only_reports(mention: Mention, article_text: str) -> bool:
    """Whether the place only says where the story comes from — an outlet's name (青岛日报社), the
    goal of a reporting trip (采访团赴X、Y进行采访), the source of a count (据X统计), the venue of
    an event (推进会在X召开) — or names a line of someone's work (分管Y对口帮扶工作)."""
    words = cues()
    after = article_text[mention.end : mention.end + 24]
    if after.startswith(tuple(words["outlet_heads"])):
        return True
    before = article_text[max(0, mention.start - 30) : mention.start]
    if re.search(words["duty_before"], before) and re.match(words["duty_after"], after):
        return True  # 分管东西部协作和Y对口帮扶工作: a line of work
    if re.search(words["source_before"], before) and re.match(words["source_after"], after):
        return True  # 据四川省初步统计: the place that counts or tells, no side
    if re.search(words["venue_before"], before) and re.match(words["venue_after"], after):
        return True  # 推进会在X召开: where an event is held, no side
    return bool(re.search(words["reporting_before"], before) and re.match(words["reporting_after"], after))


def _bracketed_site(enc: Encoded, start: int, end: int) -> bool:
    """Whether the place is written alone in brackets right before the name of a body or a project
    ((西宁)果洛中学: the school of 果洛 stands in 西宁), its site, not a side."""
    opening, closing = cues()["site_brackets"]
    named = TOKEN_RE.match(enc.text, end + 1)
    return (
        start > 0
        and enc.text[start - 1] in opening
        and enc.text[end : end + 1] in tuple(closing)
        and named is not None
        and named.group(1) in "OJ"
    )


def _sentence_places(enc: Encoded, article_text: str) -> list[tuple[int, Mention]]:
    """The resolved places of the sentence with their encoded positions, once in each clause (云南省
    扶贫办…处长说,云南省累计接受上海、广东援助资金: the receiver of the last clause is named there
    again); a place excluded by the wording (除贵阳市外), that only says where the story comes from or
    that only locates its own divisions the wording does not name (青岛对口区市) is left out."""
    excluding = tuple(cues()["excluded_before"])
    unique: dict[tuple[int, str], tuple[int, Mention]] = {}
    positions = enc.slot_positions()
    for i, (start, end, slot) in enumerate(positions):
        if slot.letter != "P" or slot.place is None or not is_resolved(slot.place):
            continue
        following = positions[i + 1] if i + 1 < len(positions) else None
        if (
            following is not None
            and (following[0] == end or enc.text[end : following[0]] == lexicon()["particles"]["attributive"])
            and following[2].place is not None
            and nests(following[2].place, slot.place)
            and place_key(following[2].place) != place_key(slot.place)
        ):
            continue  # 张家港市的善港村, 广东省东莞市委: the outer place only locates the inner one
        before = article_text[max(0, slot.start - 2) : slot.start]
        after = article_text[slot.end : slot.end + 8]
        if before.endswith(excluding) or _names_a_market(slot.mention, after):
            continue
        if _only_reports(slot.mention, article_text) or _bracketed_site(enc, start, end):
            continue
        if re.match(cues()["own_divisions_after"], after):
            continue  # 在青岛对口区市举办: the city's unnamed districts are the parties, not the city
        if len(slot.mention.text) < 2:
            continue  # 粤, 桂 of 粤桂协作 name a programme, not a party
        clause = sum(enc.text.count(stop, 0, start) for stop in CLAUSE_STOPS)
        unique.setdefault((clause, place_key(slot.place)), (start, slot.place))
    return sorted(unique.values(), key=lambda item: item[0])


def levels_fit(giver: Mention, receiver: Mention) -> bool:
    """Without a construction, only levels that pair as a rule (:func:`one_level_down`), and a province
    with a prefecture only where a programme table lists that pair at its own codes (北京市 → 张家口市,
    江苏省 → 拉萨市 of 援藏): where the tables pair the two provinces (浙江 → 吉林, 上海 → 云南), a
    prefecture of the aided province is the charge of one of the giver's cities, and a sentence that
    names the province beside it (浙江援建的烘干厂 in 白山市) does not make the province its partner."""
    if giver.level == "province" and receiver.level == "prefecture":
        return listed_as_is(giver, receiver)
    return one_level_down(giver, receiver)


def one_level_down(giver: Mention, receiver: Mention) -> bool:
    """The same level, or a giver one level above its receiver among provinces, prefectures and
    counties (苏州市 → 沿河县); never a giver below its receiver, never a county with a town or village."""
    depth = LEVEL_DEPTH
    giving, receiving = depth.get(pairing_level(giver) or ""), depth.get(pairing_level(receiver) or "")
    if giving is None or receiving is None:
        return False
    if giving == receiving:
        return True
    return receiving - giving == 1 and receiving <= depth["county"]


def _outermost(places: list[Mention]) -> list[Mention]:
    """Of places on one side, those not inside another of them: the side's own level of speech
    (杭州对口帮扶的黔东南州建立雷山…公司: 黔东南州 receives, 雷山 is a detail of it)."""
    return [p for p in places if not any(o is not p and not nests(o, p) and nests(p, o) for o in places)]


def _pairs_of(
    givers: list[Mention], receivers: list[Mention], many_givers: int
) -> list[tuple[Mention, Mention]]:
    givers, receivers = _outermost(givers), _outermost(receivers)
    if not givers or not receivers or len(receivers) > cues()["max_recipients"]:
        return []
    if len(givers) > 1 and (len(receivers) > 1 or len(givers) > many_givers):
        return []
    return [
        (giver, receiver)
        for giver in givers
        for receiver in receivers
        if not related(giver, receiver) and (levels_fit(giver, receiver) or _listed(giver, receiver))
    ]


def _listed(giver: Mention, receiver: Mention) -> bool:
    """Levels that pair only where a programme table lists them: at their own codes (上海市 →
    万州区), or the giver with the division just above the receiver (福建省 → 昌都市 for 左贡县)."""
    return listed_as_is(giver, receiver) or listed_above(giver, receiver)


def _written_as_list(enc: Encoded, positions: list[int]) -> bool:
    """Whether the places at these encoded positions are written as one list (A、B和C): only
    list joiners stand between them, not a dash of a three-way name (嘉善—庆元—九寨沟)."""
    joiners = cues()["list_joiners"]
    ends = {m.start(): m.end() for m in TOKEN_RE.finditer(enc.text)}
    for here, there in pairwise(positions):
        gap = enc.text[ends.get(here, here) : there]
        if gap.strip() not in joiners:
            return False
    return True


def _clauses(enc: Encoded, places: list[tuple[int, Mention]]) -> list[list[Mention]]:
    stops = CLAUSE_STOPS
    groups: list[list[Mention]] = [[]]
    cursor = 0
    for pos, place in places:
        if any(ch in stops for ch in enc.text[cursor:pos]) and groups[-1]:
            groups.append([])
        groups[-1].append(place)
        cursor = pos
    return groups


def sentence_pairs(enc: Encoded, text: str, ctx: ArticleContext) -> list[tuple[Mention, Mention]]:
    """The pairs one sentence states by its sides (see the module docstring)."""
    words = cues()
    # with an aid programme's word as its only cue (福建援藏项目惠及西藏农牧民), the sentence
    # names the aided province by that word, not as the receiver of a pair of its own
    aid_only = not _has_any(text, words["cues"]["strong"] + words["cues"]["weak"])
    if aid_only and not _has_any(text, aid_goal_words()):
        return []
    if _has_any(text, lexicon()["negation"]["words"]):
        return []
    article_text = ctx.article.text
    receiving = tuple(words["receiving_before"])
    places = _sentence_places(enc, article_text)
    if len({place_key(p) for _, p in places}) < 2:
        return []
    # a place a help verb governs receives here, whatever its region (帮助菏泽引进项目)
    helped = {
        place_key(p) for _, p in places if article_text[max(0, p.start - 2) : p.start].endswith(receiving)
    }
    sides = {id(p): -1 if place_key(p) in helped else place_side(p, ctx) for _, p in places}
    _pairwise_sides([p for _, p in places if place_key(p) not in helped], sides)

    def split(group: list[Mention]) -> tuple[list[Mention], list[Mention]]:
        receivers = [p for p in group if sides[id(p)] < 0 and not (aid_only and p.level == "province")]
        return [p for p in group if sides[id(p)] > 0], receivers

    pairs: list[tuple[Mention, Mention]] = []
    background = lexicon()["background_list"]["word"]

    def examples(group: list[Mention]) -> bool:  # 湖州市、宁德市等发达地区: examples of a group
        return any(article_text.startswith(background, p.end) for p in group)

    for clause in _clauses(enc, places):
        givers, receivers = split(clause)
        if len(givers) > 1 and examples(givers) and examples(receivers):
            continue
        listed = _written_as_list(enc, [pos for pos, p in places if any(p is g for g in givers)])
        pairs.extend(_pairs_of(givers, receivers, many_givers=words["max_listed_givers"] if listed else 1))
    one_side = coordinated(enc, key=place_key)  # a place's first mention stands for all of its mentions

    def apart(g: Mention, r: Mention) -> bool:
        return frozenset((place_key(g), place_key(r))) not in one_side

    pairs = [(g, r) for g, r in pairs if apart(g, r)]
    once: dict[str, Mention] = {}
    for _, place in places:
        once.setdefault(place_key(place), place)
    givers, receivers = split(list(once.values()))
    if pairs:
        pairs += _unlisted_mates(pairs, receivers, enc)
        return pairs + _listed_inside(pairs, receivers, enc, article_text)
    if not givers and receivers:
        givers = _enumeration_giver(enc, places, ctx)
    # no clause holds both sides: one giver in the whole sentence helps its receivers (all of them
    # where they are the items a label's colon opens: 主要包括:A,B,C)
    limit = words["max_sentence_recipients"]
    if _enumerated(enc, places, givers, receivers):
        limit = words["max_recipients"]
    if len(_outermost(givers)) == 1 and len(_outermost(receivers)) <= limit:
        found = _pairs_of(givers, receivers, many_givers=1)
        found = [(g, r) for g, r in found if apart(g, r)]
        return found + _listed_inside(found, receivers, enc, article_text)
    return []


def _enumerated(
    enc: Encoded, places: list[tuple[int, Mention]], givers: list[Mention], receivers: list[Mention]
) -> bool:
    """Whether every receiver comes after a label's colon that comes after the one giver (深圳市…
    主要包括:对口支援方面:A,B,C), or the sentence, without a giver, opens with one (…方面:A,B)."""
    at = {id(p): pos for pos, p in places}
    first = min((at[id(r)] for r in receivers if id(r) in at), default=None)
    if first is None or len(_outermost(givers)) != 1:
        return False
    giver = _outermost(givers)[0]
    return enumeration_label().search(enc.text, at.get(id(giver), 0), first) is not None


def _enumeration_giver(enc: Encoded, places: list[tuple[int, Mention]], ctx: ArticleContext) -> list[Mention]:
    """The giver of a sentence of receivers only that opens with a label's colon (东西部扶贫协作方面:
    A、B,C): the giving place the sentences before it speak of (their subject place, the items of
    such lists left out)."""
    first = min(pos for pos, _ in places)
    if enumeration_label().search(enc.text, 0, first) is None:
        return []
    carried = ctx.topics[enc.index - 1] if enc.index > 0 else None
    subject = carried.place if carried is not None else None
    return [subject] if subject is not None and place_side(subject, ctx) > 0 else []


def _listed_inside(
    pairs: list[tuple[Mention, Mention]], receivers: list[Mention], enc: Encoded, article_text: str
) -> list[tuple[Mention, Mention]]:
    """Receivers of the sentence inside a receiver a giver pairs with, written as receivers
    (:func:`_marked_receiver`), which a programme table lists with that giver at their own codes
    (为日喀则地区,特别是为江孜、拉孜…五县: 上海市 → 江孜县 too)."""
    marked = [inner for inner in receivers if _marked_receiver(enc, inner, article_text)]
    return [
        (giver, inner)
        for giver, outer in pairs
        for inner in marked
        if place_key(inner) != place_key(outer) and nests(inner, outer) and listed_as_is(giver, inner)
    ]


def _marked_receiver(enc: Encoded, place: Mention, article_text: str) -> bool:
    """Whether the list the place is an item of comes right after a word that marks receivers
    (特别是为江孜、拉孜…: ``inner_receiver_before``, not ``inner_receiver_not_before`` such as 作为) —
    not after a visit (走进A、B等市州) nor at an event's venue (在该州阿图什市举办)."""
    words = cues()
    for run in listed_places(enc):
        if any(p is place for p in run):
            before = article_text[max(0, run[0].start - 3) : run[0].start]
            return before.endswith(tuple(words["inner_receiver_before"])) and not before.endswith(
                tuple(words["inner_receiver_not_before"])
            )
    return False


def _pairwise_sides(places: list[Mention], sides: dict[int, int]) -> None:
    """Two places of the sentence that their own sides do not tell apart (both of the east: 广州
    and 清远; 广东 and 黑龙江 of the north-east) take them from an official pair they make, else,
    in one province, from its own programme (广州 gives to 清远 in 广东)."""
    for giver in places:
        for receiver in places:
            side_pair = (sides[id(giver)], sides[id(receiver)])
            open_sides = side_pair[0] == side_pair[1] or side_pair in ((1, 0), (0, -1))
            if giver is receiver or not open_sides or related(giver, receiver):
                continue
            listed = official_pair(giver, receiver) and not official_pair(receiver, giver)
            own = province_of(giver) == province_of(receiver) and (
                intra_side(giver),
                intra_side(receiver),
            ) == (
                "donor",
                "recipient",
            )
            if listed or own:
                sides[id(giver)], sides[id(receiver)] = 1, -1


def _inner_giver(
    ctx: ArticleContext, giver: Mention, receiver: Mention, index: int, cued: Sequence[Cued] = ()
) -> bool:
    """Whether a pairing of the sentence already has a place inside the giver give to the receiver
    (在苏州市吴江区帮扶工作队的帮助下,Y…: 吴江区 gives; 苏州市 only says where it lies), or one of
    another sentence gives to the receiver itself (西湖区对口帮扶台江县。杭州市帮助台江县…: the city
    stands above the district that pairs), a pairing noted or one the net reads anywhere (``cued``)."""
    pairs = [(d, r, i) for d, r, _, i in ctx.state.pairings] + list(cued)
    return any(
        (related(r, receiver) if i == index else place_key(r) == place_key(receiver))
        and nests(d, giver)
        and place_key(d) != place_key(giver)
        for d, r, i in pairs
    )


@cache
def _aid_team_after() -> re.Pattern[str]:
    """What follows a place that sends a team for a national aid programme: the programme's word
    (援藏, 援伊), then the team's word, or the sending city's name and then the team's word (江苏援伊
    «淮安»工作组: the province's programme, the city's team)."""
    goals = alternatives(aid_goal_words())
    heads = alternatives([*lexicon()["stationed_team"]["words"], *cues()["aid_team_heads"]])
    inner = f"{re.escape(OPEN)}P(?P<inner>\\d+){re.escape(CLOSE)}"
    return re.compile(f"(?P<goal>{goals})[{cues()['team_name_dots']}]?(?:{inner})?(?:{heads})")


def aid_team_pairs(enc: Encoded, ctx: ArticleContext) -> list[tuple[Mention, Mention]]:
    """A place's team for a national aid programme (苏州援藏工作组, 常州援疆干部, 江苏援伊·淮安工作组)
    with no receiving place in its sentence helps the one place of the aided province the article
    names at county level (else at prefecture level), a level the giver pairs with (its own sentence's
    first, then the whole article's): 苏州援藏工作组
    推进乡村建设 in an article of 林周县 → 苏州 → 林周县; 江苏省援藏前方指挥部 → the prefecture. A
    city named after the programme's word, inside the province before it, is the team's sender.
    Nothing where the article names several there, or the sentence pairs the team's place already;
    nothing from the rest of the article where its own sentence names where it works at a level the
    giver does not pair with (上海援滇干部、泸西县副县长: not the article's 红河州 either)."""
    goals = {k: v[0] for k, v in lexicon()["funding"]["aid_goals"].items() if not k.startswith("_")}
    found: list[tuple[Mention, Mention]] = []
    for _, end, slot in enc.slot_positions():
        team = _aid_team_after().match(enc.text, end)
        if team is None or slot.letter != "P" or slot.place is None or place_side(slot.place, ctx) < 0:
            continue
        giver = slot.place
        if team.group("inner") is not None:
            inner = enc.slots[int(team.group("inner"))].place
            if inner is None or not nests(inner, giver):
                continue  # 上海援藏«定日»联络小组: the place after the word is where the team works
            giver = inner
        if any(related(d, giver) for d, _, _, i in ctx.state.pairings if i == enc.index):
            continue
        goal = goals[team.group("goal")]
        receiver = _aided_place(goal, giver, [enc], innermost=True)
        if receiver is None and not _aided_named(goal, [enc]):
            receiver = _aided_place(goal, giver, ctx.encoded)
        if receiver is not None and not related(giver, receiver):
            found.append((giver, receiver))
    return found


def _aided_named(province: str, sentences: list[Encoded]) -> list[Mention]:
    """The places of the aided ``province`` these sentences name (乌恰县吉根乡: the county of an
    address too)."""
    return [
        p
        for enc in sentences
        for s in enc.slots
        if s.letter == "P" and s.place is not None
        for p in (*s.address, s.place)
        if province_of(p) == province and is_resolved(p)
    ]


def _aided_place(
    province: str, giver: Mention, sentences: list[Encoded], *, innermost: bool = False
) -> Mention | None:
    """The one place of ``province`` these sentences name at county level, else at prefecture
    level, of the levels the giver pairs with (江苏省 with a prefecture, 苏州市 with a county). With
    ``innermost`` (the team's own sentence), none where it names a county inside that place too
    (天津援藏干部、卡若区委…依托昌都…: the team works in 卡若区, a level 天津 does not pair with as a
    rule, so not in 昌都 either; a town is only a detail)."""
    named = _aided_named(province, sentences)
    for level in ("county", "prefecture"):
        places = {place_key(p): p for p in named if p.level == level and one_level_down(giver, p)}
        if places:
            place = next(iter(places.values()))
            inner = any(
                p.level in UPPER_LEVELS and nests(p, place) and place_key(p) != place_key(place)
                for p in named
            )
            return place if len(places) == 1 and not (innermost and inner) else None
    return None


def partner_sentence_pairs(enc: Encoded, text: str, ctx: ArticleContext) -> list[tuple[Mention, Mention]]:
    """Receivers named in the sentence right after one that names a giver's partners only by a word
    (``partner_nouns``: 广州市助推对口帮扶地区脱贫攻坚。截至去年底,毕节、黔南减少贫困人口…;帮扶的炉霍县…
    全部摘帽): that sentence has one giving place and no receiving one, this one receiving places and
    no giving one (as have the clauses before it up to that sentence, where semicolons part them);
    each pairs with the giver where this sentence has a cue of its own or a programme table lists
    the pair, at levels that pair as a rule or that the tables list."""
    if enc.index == 0 or _has_any(text, lexicon()["negation"]["words"]):
        return []
    previous = ctx.encoded[enc.index - 1]
    # a semicolon parts clauses of one sentence: receivers of the clause before, after the partners' word
    while previous.index > 0 and previous.text.rstrip().endswith((";", "；")):
        if _sides_of(previous, ctx)[0]:
            break
        previous = ctx.encoded[previous.index - 1]
    named_by_word = _has_any(ctx.article.sentence_text(previous.index), cues()["partner_nouns"])
    if is_heading(previous) or not named_by_word:
        return []
    givers, before_receivers = _sides_of(previous, ctx)
    if len(givers) != 1 or before_receivers:
        return []
    others, receivers = _sides_of(enc, ctx)
    if others or not receivers or len(receivers) > cues()["max_recipients"]:
        return []
    giver, words = givers[0], cues()["cues"]
    cued = _has_any(text, words["strong"] + words["weak"])
    return [
        (giver, receiver)
        for receiver in receivers
        if not related(giver, receiver)
        and (levels_fit(giver, receiver) or _listed(giver, receiver))
        and (cued or _listed(giver, receiver))
    ]


def _sides_of(enc: Encoded, ctx: ArticleContext) -> tuple[list[Mention], list[Mention]]:
    """The outermost giving and receiving places of a sentence, each once; a place of no side counts
    as giving (it may be the giver), so that a sentence naming one is no sentence of receivers only."""
    article_text = ctx.article.text
    places = _sentence_places(enc, article_text)
    once = list({place_key(p): p for _, p in places}.values())
    sides = {id(p): place_side(p, ctx) for p in once}
    _pairwise_sides(once, sides)
    giving = [p for p in once if sides[id(p)] >= 0]
    return _outermost(giving), _outermost([p for p in once if sides[id(p)] < 0])


@cache
def _aid_abbreviation() -> re.Pattern[str]:
    """The aid word right after a giving place, with the one character that may name its receiver."""
    return re.compile(f"{cues()['aid_abbreviation']['before']}(?P<char>[\u4e00-\u9fff])")


def abbreviated_aid_pairs(enc: Encoded, ctx: ArticleContext) -> list[tuple[Mention, Mention]]:
    """A giving place followed by its aid word and the first character of its receiver's name
    (``aid_abbreviation``: 江苏对口援乌 in an article of 乌恰县, 杭州援阿工作 of 阿克苏市): the giver helps
    the one receiving prefecture or county of the article whose name that character opens, at levels
    that pair as a rule or that a programme table lists. Nothing where the aid word and its character
    make a word of their own (援建, 援助) or a national programme's (援疆), or several places fit."""
    words = cues()["aid_abbreviation"]
    not_words = {*words["not_words"], *aid_goal_words()}
    found: list[tuple[Mention, Mention]] = []
    for _, end, slot in enc.slot_positions():
        named = _aid_abbreviation().match(enc.text, end)
        if named is None or slot.letter != "P" or slot.place is None or place_side(slot.place, ctx) <= 0:
            continue
        char = named.group("char")
        if "援" + char in not_words:
            continue
        fitting = {
            place_key(p): p
            for p in _article_places(ctx)
            if p.level in ("prefecture", "county")
            and (p.name or "").startswith(char)
            and place_side(p, ctx) < 0
        }
        if len(fitting) != 1:
            continue
        giver, receiver = slot.place, next(iter(fitting.values()))
        if not related(giver, receiver) and (levels_fit(giver, receiver) or _listed(giver, receiver)):
            found.append((giver, receiver))
    return found


def _article_places(ctx: ArticleContext) -> list[Mention]:
    """Every resolved place the article names, with the upper places of its addresses."""
    return [
        p
        for enc in ctx.encoded
        for s in enc.slots
        if s.letter == "P" and s.place is not None
        for p in (*s.address, s.place)
        if is_resolved(p)
    ]


# a receiver of one list whose other items the giver is paired with: at least this many of them
LIST_MATES_MIN = 2


def _list_mates(
    enc: Encoded, giver: Mention, receiver: Mention, pairs: Sequence[tuple[Mention, Mention]]
) -> bool:
    """Whether the receiver is an item of one list of receivers in which the giver is paired with
    at least two other items, the most of it, that the tables do not contradict (浙江结对南部县、
    青川县、广安区: the tables know the first two, not the third): the items of one list share their
    relation, so the text states what the tables miss."""
    run = next((run for run in listed_places(enc) if any(p is receiver for p in run)), [])
    mates = [
        r
        for g, r in pairs
        if g is giver and r is not receiver and any(p is r for p in run) and not listed_elsewhere(giver, r)
    ]
    return len(mates) >= LIST_MATES_MIN and 2 * len(mates) >= len(run)


def _unlisted_mates(
    pairs: list[tuple[Mention, Mention]], receivers: list[Mention], enc: Encoded
) -> list[tuple[Mention, Mention]]:
    """The giver of pairs with items of a list, with the list's other receivers of their level
    (see :func:`_list_mates`)."""
    added = []
    for giver in {id(g): g for g, _ in pairs}.values():
        paired = [r for g, r in pairs if g is giver]
        for receiver in receivers:
            if any(r is receiver for r in paired) or related(giver, receiver):
                continue
            if any(r.level == receiver.level for r in paired) and _list_mates(enc, giver, receiver, pairs):
                added.append((giver, receiver))
    return added


def _cue_pairs(ctx: ArticleContext, enc: Encoded) -> list[tuple[Mention, Mention]]:
    """The pairs the cue net reads in one sentence, by the first reading that finds any."""
    text = ctx.article.sentence_text(enc.index)
    return (
        sentence_pairs(enc, text, ctx)
        or aid_team_pairs(enc, ctx)
        or partner_sentence_pairs(enc, text, ctx)
        or abbreviated_aid_pairs(enc, ctx)
    )


def add_cue_pairings(ctx: ArticleContext) -> None:
    """Add to the article the pairs its sentences state by their sides and no construction found."""
    rule = cues()["relation"]
    known: set[frozenset[str]] = set()
    for donor, recipient, _, _ in ctx.state.pairings:
        known.add(frozenset((place_key(donor), place_key(recipient))))
    added = []
    found_in = [(enc, _cue_pairs(ctx, enc)) for enc in ctx.encoded]
    cued = [(giver, receiver, enc.index) for enc, found in found_in for giver, receiver in found]
    for enc, found in found_in:
        for giver, receiver in found:
            key = frozenset((place_key(giver), place_key(receiver)))
            if key in known:
                continue
            if _inner_giver(ctx, giver, receiver, enc.index, cued) and not listed_as_is(giver, receiver):
                continue  # a table's own pair stands beside its giver's city (江苏援乌, 常州援乌)
            if listed_elsewhere(giver, receiver) and not _list_mates(enc, giver, receiver, found):
                continue  # the tables give the giver other places of the receiver's province
            known.add(key)
            sentence = ctx.article.sentences[enc.index]
            span = (min(giver.start, receiver.start), max(giver.end, receiver.end))
            if not (sentence.start <= span[0] and span[1] <= sentence.end):
                span = (sentence.start, sentence.end)
            added.append((giver, receiver, enc.index))
            ctx.add(
                pairing_relation(
                    ctx.article, giver, receiver, enc.index, span, rule["id"], rule["confidence"]
                )
            )
    for giver, receiver, index in added:
        ctx.note_pairing(giver, receiver, rule["confidence"], index)
