"""Pairs a construction's match states, before their direction is settled: the places of each
role, lists, pairs of items, the checks that a match really names two partners."""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from functools import cache
from itertools import pairwise

from kg.places import LEVEL_DEPTH, nests
from kg.punctuation import CLOSING_QUOTES, OPENING_QUOTES
from kg.records import Mention
from kg.relate.encode import Encoded, Slot
from kg.relate.geo import comparable_levels, listed_as_is, related
from kg.relate.rules import Pattern, cues, lexicon
from kg.relate.state import PairCandidate
from kg.relate.text import TOKEN_RE


def group_places(enc: Encoded, match: re.Match[str], name: str) -> list[Mention]:
    if name not in match.re.groupindex or match.group(name) is None:
        return []
    return _list_places(enc, match.start(name), match.end(name))[0]


def _list_places(enc: Encoded, start: int, end: int) -> tuple[list[Mention], list[Mention]]:
    """The places of a list, and those of them that only locate the next item.

    In 和田地区的和田市、和田县 the place before 的 contains the one after it: it is the list's
    container. A place after 的 that does not lie inside the one before it belongs to a new
    phrase (对口帮扶Y的X干部), so the list ends there. A team in the list (驻«观珠镇工作队»)
    stands for its station; right after a place that contains it, it is that place's address.
    """
    places: list[Mention] = []
    containers: list[Mention] = []
    previous_end = start
    label = _programme_label(enc, start, end)
    for m in TOKEN_RE.finditer(enc.text, start, end):
        slot = enc.slots[int(m.group(2))]
        place = slot.place if m.group(1) == "P" else slot.station if m.group(1) == "O" else None
        if place is None or m.start() in label:
            continue
        between = enc.text[previous_end : m.start()]
        if places and between == lexicon()["particles"]["attributive"]:
            if not nests(place, places[-1]):
                break
            containers.append(places[-1])
        elif places and between == "" and m.group(1) == "O" and nests(place, places[-1]):
            places.pop()  # 电白区«观珠镇工作队»: one address
        places.append(place)
        previous_end = m.end()
    return places, containers


def _programme_label(enc: Encoded, start: int, end: int) -> set[int]:
    """Where a list holds a programme's label, two one-character province names side by side (对接
    闽宁协作工作: 闽 and 宁 name the programme, not two parties), the positions of their tokens; the
    wordings that read the label itself (闽宁协作, 粤桂扶贫协作) give each name its own role."""
    tokens = [
        (m.start(), m.end(), enc.slots[int(m.group(2))]) for m in TOKEN_RE.finditer(enc.text, start, end)
    ]
    found: set[int] = set()
    for (at, stop, first), (next_at, _, second) in pairwise(tokens):
        if stop == next_at and first.letter == second.letter == "P" and len(first.mention.text) == 1:
            if len(second.mention.text) == 1:
                found.update((at, next_at))
    return found


# a quoted name an item of a list may carry after its place (铜仁“抹茶”)
_QUOTED_NAME = re.compile(f"[{OPENING_QUOTES}][^{OPENING_QUOTES}{CLOSING_QUOTES}]{{1,24}}[{CLOSING_QUOTES}]")


def coordinated(enc: Encoded, key: Callable[[Mention], Hashable] = id) -> set[frozenset[Hashable]]:
    """Pairs of places (by ``id``) written as items of one list of three or more with 、 (对接辽宁、黑龙江
    和内蒙古; 福州、厦门和宁德对口帮扶Y): coordinated items are one side of the sentence, never each
    other's partner. Two items may still be the two sides (A和B开展协作, 苍南、龙湾山海协作, A、B各安排
    2个镇结对). An item may carry a quoted name after its place (定西“土豆宴”、铜仁“抹茶”、菏泽“扶贫
    车间”等品牌: three items, whatever the quotes hold), where every item of the list does.
    ``key`` names a place in the pairs: its mention (``id``), or its division (``place_key``: the
    place is an item of the list wherever else the sentence writes it)."""
    joiners = cues()["list_joiners"]
    runs: list[list[tuple[Mention, str]]] = []
    named_items: list[bool] = []  # per run: whether its items carry quoted names
    previous_end: int | None = None
    quoted = [m.span() for m in _QUOTED_NAME.finditer(enc.text)]
    for start, end, slot in enc.slot_positions():
        if previous_end is not None and any(a <= start and end <= b for a, b in quoted):
            continue  # a token inside the quoted name of the item before
        raw = enc.text[previous_end:start] if previous_end is not None else None
        gap = _QUOTED_NAME.sub("", raw).strip() if raw is not None else None
        named = raw is not None and _QUOTED_NAME.search(raw) is not None
        previous_end = end
        if slot.letter != "P" or slot.place is None:
            previous_end = None
            continue
        # one shape per list: A和B“乡镇结对”、C is a pair and then a new item, not a list of three
        if gap is not None and gap in joiners and runs and (len(runs[-1]) == 1 or named_items[-1] == named):
            runs[-1].append((slot.place, gap))
            named_items[-1] = named
        else:
            runs.append([(slot.place, "")])
            named_items.append(False)
    together: set[frozenset[Hashable]] = set()
    for run in runs:
        if len(run) > 2 and any(gap == joiners[0] for _, gap in run):
            together.update(frozenset((key(a), key(b))) for a, _ in run for b, _ in run if a is not b)
    return together


def _negated(enc: Encoded, match: re.Match[str]) -> bool:
    """Whether the wording denies the pairing (X不再帮扶Y, Y不再由X帮扶)."""
    words = lexicon()["negation"]["words"]
    text = TOKEN_RE.sub("|", enc.text[match.start() : match.end()])
    return any(w in text for w in words)


def _only_teams(enc: Encoded, match: re.Match[str]) -> bool:
    """Whether every organisation of the wording is a team, and one of the recipient's stays there."""
    teams = tuple(lexicon()["stationed_team"]["words"])
    orgs = enc.slots_in(match.start(), match.end(), "O")
    if not all((s.mention.text or "").endswith(teams) for s in orgs):
        return False
    side = "recipient" if "recipient" in match.re.groupindex else "b"  # b: a symmetric wording
    stationed = enc.slots_in(match.start(side), match.end(side), "O")
    return all(s.station is not None for s in stationed)


def _item_pairs(enc: Encoded, start: int, end: int) -> list[tuple[Mention, Mention]]:
    """The pairs of a list of items (具体为:A与B,C、D与E,F对接G、H): items are separated by
    commas; inside an item the places before its joining word pair with those after it (C and D
    with E; F with G and H). Where one item holds several joining words (A与B、C与D), the place
    right before each later joining word opens its own pair."""
    words = lexicon()["pair_items"]
    joiners, separators = set(words["pair_joiners"]), words["item_separators"]
    segments: list[list[tuple[str, Mention]]] = [[]]
    previous_end: int | None = None
    for m in TOKEN_RE.finditer(enc.text, start, end):
        slot = enc.slots[int(m.group(2))]
        if m.group(1) != "P" or slot.place is None:
            continue
        between = enc.text[previous_end : m.start()].strip() if previous_end is not None else ""
        if any(c in between for c in separators) and segments[-1]:
            segments.append([])
            between = ""
        segments[-1].append((between, slot.place))
        previous_end = m.end()
    pairs: list[tuple[Mention, Mention]] = []
    for segment in segments:
        joins = [i for i, (between, _) in enumerate(segment) if i > 0 and between in joiners]
        if not joins:  # 和 joins the two sides only where no other word does
            joins = [
                i
                for i, (between, _) in enumerate(segment)
                if i > 0 and between == lexicon()["particles"]["fallback_pair_joiner"]
            ]
            if len(joins) != 1:
                continue
        lows = [0] + [j - 1 for j in joins[1:]]
        highs = [j - 1 for j in joins[1:]] + [len(segment)]
        for low, join, high in zip(lows, joins, highs, strict=True):
            lefts = [place for _, place in segment[low:join]]
            rights = [place for _, place in segment[join:high]]
            pairs.extend((a, b) for a in lefts for b in rights)
    return pairs


def pair_candidates(
    pattern: Pattern, enc: Encoded, match: re.Match[str], topic: Slot | None, sentence_text: str
) -> list[PairCandidate]:
    symmetric = pattern.direction == "symmetric"
    if _negated(enc, match):
        return []
    if pattern.teams and not _only_teams(enc, match):
        return []
    if pattern.pairs == "items":
        span = enc.span(match.start(), match.end())
        return [
            PairCandidate(pattern, enc.index, span, a, b, symmetric, pattern.confidence)
            for a, b in _item_pairs(enc, match.start("chain"), match.end("chain"))
            if not related(a, b)
        ]
    if pattern.pairs == "chain":
        chained = group_places(enc, match, "chain")
        span = enc.span(match.start(), match.end())
        return [
            PairCandidate(pattern, enc.index, span, a, b, symmetric, pattern.confidence)
            for a, b in zip(chained[::2], chained[1::2], strict=False)
            if not related(a, b)
        ]
    first_role, second_role = ("a", "b") if symmetric else ("donor", "recipient")
    firsts, first_containers = _role_places(enc, match, first_role)
    seconds, second_containers = _role_places(enc, match, second_role)
    if not _qualifiers_hold(enc, match, seconds):
        return []
    if _locates_unnamed(enc, match, first_role) or _locates_unnamed(enc, match, second_role):
        return []
    topic_place = topic.place if topic else None
    if not firsts and pattern.donor_fallback in ("topic", "subject") and topic_place:
        firsts = [topic_place]
    if not seconds and pattern.recipient_fallback in ("topic", "subject") and topic_place:
        seconds = [topic_place]
    if not firsts or not seconds:
        return []
    # a container (和田地区 of 和田地区的和田市) is a party only where it is not above every place
    # of the other side (a district does not help the whole of 西藏 where it helps one township)
    firsts, seconds = (
        _without_higher(firsts, first_containers, seconds, second_containers),
        _without_higher(seconds, second_containers, firsts, first_containers),
    )
    parallel = _parallel_addresses(enc, firsts, seconds)
    combos = listed_combos(firsts, seconds, sentence_text, symmetric, _background(enc, match), parallel)
    span = enc.span(match.start(), match.end())
    found = []
    one_side = coordinated(enc) if symmetric else set()
    combos = [(a, b) for a, b in combos if frozenset((id(a), id(b))) not in one_side]
    for first, second in combos:
        widened = pattern.levels == "comparable" and not comparable_levels(first, second)
        if widened:
            written = (first, second)
            first, second = _at_comparable_levels(enc, first, second)
            if (first, second) != written and _next_level(*written) and not related(*written):
                # 花都区…赴连山县太保镇开展对口帮扶, 石滩镇对百纳乡鸭院村开展帮扶: the place written one
                # level below, with its address, stands beside the address's place at the giver's level
                found.append(
                    PairCandidate(pattern, enc.index, span, *written, symmetric, pattern.confidence, True)
                )
        if related(first, second) or (
            pattern.levels == "comparable" and not comparable_levels(first, second)
        ):
            continue
        found.append(
            PairCandidate(pattern, enc.index, span, first, second, symmetric, pattern.confidence, widened)
        )
    return found


def _next_level(first: Mention, second: Mention) -> bool:
    """Whether one side lies one level below the other, below the county (a county or district with
    a town, a town with a village)."""
    depths = sorted(LEVEL_DEPTH.get(p.level or "", -1) for p in (first, second))
    return depths[0] >= LEVEL_DEPTH["county"] and depths[1] - depths[0] == 1


def _background(enc: Encoded, match: re.Match[str]) -> bool:
    """Whether the wording names its places as examples of a wider group (北京、上海等东部省市与…)."""
    return any(
        enc.text.startswith(lexicon()["background_list"]["word"], m.end())
        for m in TOKEN_RE.finditer(enc.text, match.start(), match.end())
    )


def _parallel_addresses(enc: Encoded, firsts: list[Mention], seconds: list[Mention]) -> bool:
    """Whether two lists of one length are written item by item in one shape: every item with its
    parents before it as an address, the items of a side of one level (绍兴市越城区、台州市椒江区与
    乐山市马边县、峨边县…: a list of such addresses matches the other item by item)."""
    if len(firsts) != len(seconds) or len(firsts) < 2:
        return False
    addressed = {id(s.place) for s in enc.slots if s.letter == "P" and s.place is not None and s.address}
    if not all(id(p) in addressed for p in firsts):
        return False
    return len({p.level for p in firsts}) == 1 and len({p.level for p in seconds}) == 1


def listed_combos(
    firsts: list[Mention],
    seconds: list[Mention],
    sentence_text: str,
    symmetric: bool,
    background: bool = False,
    parallel: bool = False,
) -> list[tuple[Mention, Mention]]:
    """Who pairs with whom where a wording names places on each side. One place on a side: it
    pairs with each of the other. Lists on both sides: item by item where 分别 pairs two lists of
    one length, or where the givers are written as parallel addresses (``parallel``); else only
    the combinations an official programme table lists as they are, in either order for a
    symmetric wording (北京市、天津市对张家口市、承德市、保定市开展对口帮扶: 北京 → 张家口,
    北京 → 保定, 天津 → 承德); a list that no table pairs, or lists of examples of a wider group
    (北京、上海等东部省市与…), state no pair."""
    if len(firsts) <= 1 or len(seconds) <= 1:
        return [(f, s) for f in firsts for s in seconds]
    split = any(w in sentence_text for w in lexicon()["split_pairs"]["words"])
    if (split or parallel) and len(firsts) == len(seconds):
        return list(zip(firsts, seconds, strict=True))
    if background:
        return []
    return [
        (f, s) for f in firsts for s in seconds if listed_as_is(f, s) or (symmetric and listed_as_is(s, f))
    ]


def _at_comparable_levels(enc: Encoded, first: Mention, second: Mention) -> tuple[Mention, Mention]:
    """Where a wording that pairs only comparable levels names a side by a written address (在常州
    的援助下,乌恰县吉根乡…), the place of that address at a level comparable with the other side
    (乌恰县), the innermost such; the two places as they are where there is none."""
    addresses = {id(s.place): s.address for s in enc.slots if s.letter == "P" and s.place is not None}
    for outer in reversed(addresses.get(id(second), ())):
        if comparable_levels(first, outer):
            return first, outer
    for outer in reversed(addresses.get(id(first), ())):
        if comparable_levels(outer, second):
            return outer, second
    return first, second


def _role_places(enc: Encoded, match: re.Match[str], role: str) -> tuple[list[Mention], list[Mention]]:
    if role not in match.re.groupindex or match.group(role) is None:
        return [], []
    return _list_places(enc, match.start(role), match.end(role))


def _without_higher(
    places: list[Mention], containers: list[Mention], others: list[Mention], other_containers: list[Mention]
) -> list[Mention]:
    """The places of one side without its containers that lie above every item of the other
    side (黄埔区 helps 西藏的玉许乡, not 西藏; 张家港市的善港村与沿河县的高峰村: the villages pair)."""
    items = [o for o in others if not any(o is c for c in other_containers)] or others
    if not containers or not items:
        return places
    top = min(LEVEL_DEPTH.get(o.level or "", 4) for o in items)
    kept = [
        p for p in places if not (any(p is c for c in containers) and LEVEL_DEPTH.get(p.level or "", 4) < top)
    ]
    return kept or places


@cache
def _unlinked_below() -> re.Pattern[str]:
    return re.compile(lexicon()["unlinked_below"]["regex"])


def _locates_unnamed(enc: Encoded, match: re.Match[str], role: str) -> bool:
    """Whether a party group only locates the real party, a village or town the linker missed
    (张家港市的善港村与沿河县的«高峰村»结成对子: 沿河县 is not the partner)."""
    if role not in match.re.groupindex or match.group(role) is None:
        return False
    return _unlinked_below().match(enc.text, match.end(role)) is not None


def _qualifiers_hold(enc: Encoded, match: re.Match[str], parties: list[Mention]) -> bool:
    """Places in a ``qual`` group only locate the party after them (与位于山东西部的菏泽市): each
    must contain one of that party's places, or the wording names another party there."""
    if "qual" not in match.re.groupindex or match.group("qual") is None:
        return True
    qualifiers = [s.place for s in enc.slots_in(match.start("qual"), match.end("qual"), "P") if s.place]
    return all(any(nests(p, q) for p in parties) for q in qualifiers)


def listed_places(enc: Encoded, end: int | None = None) -> list[list[Mention]]:
    """The lists of places of a sentence before position ``end`` (default: all of it), in order:
    places joined only by a list word (杭州市、宁波市和温州市) make one list."""
    joiners = ("", *lexicon()["particles"]["place_list_joiners"])
    runs: list[list[Mention]] = []
    previous_end: int | None = None
    for start, stop, slot in enc.slot_positions():
        if end is not None and start >= end:
            break
        if slot.letter != "P" or slot.place is None:
            previous_end = None
            continue
        if previous_end is not None and enc.text[previous_end:start] in joiners:
            runs[-1].append(slot.place)
        else:
            runs.append([slot.place])
        previous_end = stop
    return runs


def counted_candidates(
    pattern: Pattern, enc: Encoded, match: re.Match[str], givers: list[Mention], sentence_text: str
) -> list[PairCandidate]:
    """The pairs of a clause whose givers are a count of places written before it (3市结对帮扶Y;
    上述3个区分别结对帮扶A、B、C): each giver with the recipient, or item by item where 分别
    pairs two lists of one length."""
    recipients = group_places(enc, match, "recipient")
    if _negated(enc, match) or not givers or not recipients:
        return []
    symmetric = pattern.direction == "symmetric"
    combos = listed_combos(givers, recipients, sentence_text, symmetric, _background(enc, match))
    span = enc.span(match.start(), match.end())
    return [
        PairCandidate(pattern, enc.index, span, g, r, pattern.direction == "symmetric", pattern.confidence)
        for g, r in combos
        if not related(g, r) and (pattern.levels != "comparable" or comparable_levels(g, r))
    ]
