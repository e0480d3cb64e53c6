"""Who gives a sum and who receives it where the wording reaches past the nearest place.

- 分别/各 after a list gives the sum to each item (与A村、B村签订协议,分别捐赠5万元: 5万元 to each
  village; A公司和B公司各捐赠300万元: 300万元 from each company);
- 分别 with a list of sums shares them out one to one (A、B分别向X、Y捐助N1、N2: N1 from A to X);
- a place followed by a help team's word (X援藏工作队) gives as the place that sends the team;
- 2000万元来自X的援疆资金: X gives;
- a sentence that names no receiving place but says where the aid goes (进藏两年, 援疆资金) gives to
  that province, unless the place the context gives lies inside it; such a province is the
  programme's region, no partner of the giver, unless a table pairs the two;
- 26亿元江苏省财政援助资金: the place that names the aid money after the sum gives;
- a sum spent on a named project, or on an institution the sentence builds (捐赠给小金县新建抚边乡
  幼儿园), goes to the place it stands in, when that lies inside the place otherwise found (the
  village of the workshop, not its district);
- an organisation that receives (向南郑区工商联捐赠) receives for the place it is of;
- a one-character abbreviation (苏陕协作资金) names a programme, no party by itself; the pair of
  them that names the sum's money (由苏陕扶贫资金安排N, 使用粤桂协作资金N) says whose programme the
  money is: the giving province of that pair gives, where no giver is written;
- X对口帮扶的Y: X says who helps Y, it is no giver where another one stands;
- a province taken from the context stands for the one place inside it that the article's
  pairings help (上海方面累计投入 in an article of 松江 helping 西双版纳).
"""

from __future__ import annotations

import re
from functools import cache

from kg.gazetteer import TOWN_SUFFIXES, load_gazetteer
from kg.link import found_place
from kg.places import level_depth, nests, place_key, province_of
from kg.programmes import lists_pair
from kg.records import Mention, Party
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot
from kg.relate.fund_amounts import fund_phrase_after
from kg.relate.geo import listed_as_is
from kg.relate.projects import site_named_in
from kg.relate.rules import lexicon
from kg.relate.text import SENTENCE_STOPS, TOKEN_RE, clause_bounds

Positions = list[tuple[int, int, Slot]]
LIST_JOINERS = ("、", "和", "及", "以及", "与")


def list_around(text: str, positions: Positions, index: int, letters: str) -> list[int]:
    """The indexes of the tokens listed with token ``index`` (A、B和C), itself included."""
    first = last = index
    while first > 0 and positions[first - 1][2].letter in letters:
        if text[positions[first - 1][1] : positions[first][0]] not in LIST_JOINERS:
            break
        first -= 1
    while last + 1 < len(positions) and positions[last + 1][2].letter in letters:
        if text[positions[last][1] : positions[last + 1][0]] not in LIST_JOINERS:
            break
        last += 1
    return list(range(first, last + 1))


def _each_between(text: str, start: int, end: int) -> bool:
    between = text[start:end]
    if any(c in between for c in SENTENCE_STOPS):
        return False
    return any(w in TOKEN_RE.sub("", between) for w in lexicon()["funding"]["each_words"])


def shared_recipients(
    ctx: ArticleContext, enc: Encoded, positions: Positions, pos: int, recipient: Mention
) -> list[Mention]:
    """The places that each receive the sum at ``pos``: every item of the recipient's list (none
    of the article's givers) when 分别/各 stands between the list and the sum; without it the list
    receives it together: the place the list is written of (常河镇的A村、B村、C村), else each of
    its places (the sum is said of all of them); else the recipient alone."""
    index = next(
        (
            i
            for i, (p, _, s) in enumerate(positions)
            if p < pos and s.place is not None and s.place is recipient
        ),
        None,
    )
    if index is None:
        return [recipient]
    items = list_around(enc.text, positions, index, "PU")
    places = [positions[i][2].place for i in items]
    places = [p for p in places if p is not None and (p is recipient or not ctx.state.is_donor_side(p))]
    if len(places) < 2:
        return [recipient]
    if _each_between(enc.text, positions[items[-1]][1], pos):
        return places
    first = positions[items[0]][0]
    of = lexicon()["particles"]["attributive"]
    before = items[0] - 1
    if before >= 0 and enc.text[positions[before][1] : first] == of:
        # the list is written of the place before 的 (常河镇的A村、B村、C村): that place receives
        parent = positions[before][2].place
        # an item the linker could not place (no county) is taken to lie where the others do
        if parent is not None and all(nests(p, parent) or not (p.code or p.county_code) for p in places):
            return [parent]
    if enc.text[:first].endswith(tuple(name + of for name in TOWN_SUFFIXES)):
        return []  # a town the linker could not place: no one item receives
    # the sum is theirs together and no place holds them: a row for each, as 分别 gives
    return places


def shared_givers(text: str, positions: Positions, agent: Slot, pos: int) -> list[Slot]:
    """The givers that each give the sum at ``pos`` (A和B各捐赠): the agent's list when 分别/各
    stands between it and the sum; empty otherwise."""
    index = next((i for i, (_, _, s) in enumerate(positions) if s is agent), None)
    if index is None:
        return []
    items = list_around(text, positions, index, "PO")
    if len(items) < 2 or not _each_between(text, positions[items[-1]][1], pos):
        return []
    return [positions[i][2] for i in items]


def sends_team(text: str, end: int) -> bool:
    """Whether the place token ending at ``end`` names the place that sends a help team (天津援藏
    工作队): a team's word follows within a few characters, with no other token between."""
    after = text[end : end + 8]
    token = TOKEN_RE.search(after)
    if token:
        after = after[: token.start()]
    return any(w in after for w in lexicon()["stationed_team"]["words"])


def source_giver(text: str, positions: Positions, end: int) -> Slot | None:
    """The place of 来自X的 right after the sum (2000万元来自X的援疆资金), or the place that names the
    aid money right after it (26亿元江苏省财政援助资金)."""
    starts = [end + len(w) for w in lexicon()["funding"]["source_words"] if text.startswith(w, end)]
    phrase = fund_phrase_after().match(text, end)
    if phrase is not None and phrase.group("place"):
        starts.append(phrase.start("place"))
    for at in starts:
        for p, _, s in positions:
            if p == at and s.letter == "P" and s.place is not None:
                return s
    return None


def aid_goal(ctx: ArticleContext, enc: Encoded, context: Mention | None) -> Mention | None:
    """The province a word of the sentence sends the aid to (进藏, 援疆) — or the one place inside
    it the article's pairings help —, unless the place the context gives lies inside it (then
    that place)."""
    goals = lexicon()["funding"]["aid_goals"]
    found = [(enc.text.find(w), w) for w in goals if not w.startswith("_") and w in enc.text]
    if not found:
        return context
    at, word = min(found)
    code = goals[word][0]
    if context is not None and (province_of(context) or "")[:2] == code[:2]:
        return context
    division = load_gazetteer().get(code)
    if division is None:
        return context
    # the word itself names the province (the evidence of the recipient)
    return narrowest(ctx, found_place(ctx.article, enc.starts[at], enc.ends[at + len(word) - 1], division))


def programme_region_only(giver: Party | None, receiver: Mention) -> bool:
    """Whether the receiver is a province named only by a national aid programme's word (援疆资金 →
    新疆) that the tables never pair with the giver itself: the word says where the programme works,
    and its rows pair givers with that province's prefectures and counties (安徽省 → 皮山县), so the
    province is no partner of the giver: the sum stays a fund, it states no pairing of places. A giver
    the tables do list with the province keeps it (广东省 → 贵州省 of 援黔)."""
    if receiver.level != "province" or receiver.text not in lexicon()["funding"]["aid_goals"]:
        return False
    return not (giver is not None and giver.code and receiver.code and lists_pair(giver.code, receiver.code))


def inner_partner(ctx: ArticleContext, giver: Mention, receiver: Mention) -> bool:
    """Whether the article pairs a place inside the giver with the receiver, and no table lists the
    giver with it (湖里区 → 东乡县 in an article where 厦门市投入资金在东乡县建设: the city's money, the
    district's pair): the giver stands above the place that pairs, as in the cue net."""
    return not listed_as_is(giver, receiver) and any(
        place_key(r) == place_key(receiver) and nests(d, giver) and place_key(d) != place_key(giver)
        for d, r, _, _ in ctx.state.pairings
    )


def _built_place(ctx: ArticleContext, enc: Encoded, recipient: Mention) -> Mention | None:
    """The place of an institution the sentence says is built (捐赠给小金县新建抚边乡幼儿园 → 抚边乡)
    when it lies inside ``recipient``."""
    verbs = tuple(lexicon()["project"]["building_verbs"])
    for start, _, slot in enc.slot_positions():
        if slot.letter != "O" or not enc.text[:start].endswith(verbs):
            continue
        place = organisation_place(ctx, slot.mention)
        if place is not None and place_key(place) != place_key(recipient) and nests(place, recipient):
            return place
    return None


def _clause_project_place(ctx: ArticleContext, enc: Encoded, pos: int, recipient: Mention) -> Mention | None:
    """The place a project, a school or a hospital named in the sum's own clause is of
    (黄龙县民政福利院由协作资金安排158万元 → 黄龙县; Y县某小学使用协作资金N → Y县), when it lies
    inside ``recipient``."""
    left, right = clause_bounds(enc.text, pos, pos)
    for slot in enc.slots_in(left, right, "JO"):
        if slot.letter == "O" and slot.mention.subtype not in lexicon()["funding"]["receiving_institutions"]:
            continue
        place = organisation_place(ctx, slot.mention)
        if place is not None and place_key(place) != place_key(recipient) and nests(place, recipient):
            return place
    return None


def project_place(
    ctx: ArticleContext, enc: Encoded, recipient: Mention | None, pos: int = 0
) -> Mention | None:
    """The place a project named in the sum's clause, or in the sentence (here or where the
    projects family found it), or an institution it says is built, stands in, when it lies inside
    ``recipient`` or there is none; else ``recipient``."""
    if recipient is not None:
        built = _clause_project_place(ctx, enc, pos, recipient) or _built_place(ctx, enc, recipient)
        if built is not None:
            return built
    sentence = ctx.article.sentence_text(enc.index)
    left, right = clause_bounds(enc.text, pos, pos)
    clause = ctx.article.text[slice(*enc.span(left, max(right, left + 1)))]
    found = [
        r
        for r in ctx.relations
        if r.type == "project"
        and r.recipient is not None
        and len(r.project or "") >= 3
        and (r.project or "") in sentence
        and not _only_visited(sentence, r.project or "")
    ]
    # a project of the sum's own clause before one of another (A幼儿园由…安排N1,B福利院由…安排N2)
    for r in sorted(found, key=lambda r: (r.project or "") not in clause):
        place = place_at(ctx, r.recipient.mention_start) if r.recipient else None
        if place is not None and (recipient is None or nests(place, recipient)):
            return place
    return recipient


def _only_visited(sentence: str, project: str) -> bool:
    """Whether the sentence names the project only as a site visited (参观考察了Z县的安置区,并捐赠N):
    a visit verb (``visit_verbs``) before it in its clause; the sum is not spent on it."""
    at = sentence.find(project)
    left, _ = clause_bounds(sentence, at, at)
    return any(w in sentence[left:at] for w in lexicon()["project"]["not_built"]["visit_verbs"])


def place_at(ctx: ArticleContext, start: int | None) -> Mention | None:
    """The linked place whose mention starts at ``start``; or the place a project's name, or an
    institution's read as a project, that holds ``start`` holds (黄龙县民政福利院 → 黄龙县,
    延川县某幼儿园 → 延川县: the mention holds its place)."""
    for enc in ctx.encoded:
        for slot in enc.slots:
            if slot.place is not None and slot.place.start == start:
                return slot.place
            if slot.letter in "JO" and start is not None and slot.start <= start < slot.end:
                return site_named_in(ctx, slot.mention)
    return None


def narrowest(ctx: ArticleContext, place: Mention) -> Mention:
    """The one place inside a province that holds every place the article's pairings help in it
    (万源市 over its villages), else the province — and the province itself where the article
    pairs it, written out (not as a programme's one-character abbreviation), as a receiver
    (浙江省赴四川省…: 浙江累计落实帮扶资金N is 四川's, whichever of its prefectures a clause names)."""
    if place.level != "province" or _received_in_full(ctx, place):
        return place
    inside = {
        place_key(r): r
        for _, r, _, _ in ctx.state.pairings
        if nests(r, place) and place_key(r) != place_key(place)
    }
    tops = [r for r in inside.values() if not any(o is not r and nests(r, o) for o in inside.values())]
    return tops[0] if len(tops) == 1 else place


def _received_in_full(ctx: ArticleContext, province: Mention) -> bool:
    return any(
        place_key(r) == place_key(province) and len(d.text) >= 2 and len(r.text) >= 2
        for d, r, _, _ in ctx.state.pairings
    )


def organisation_place(ctx: ArticleContext, org: Mention) -> Mention | None:
    """The place an organisation that receives is of: the narrowest place of the article whose
    name its name holds (太保镇中心学校 → 太保镇, 汉中市南郑区工商联 → 南郑区), else its home county or
    prefecture."""
    name = org.name or org.text
    best: Mention | None = None
    for enc in ctx.encoded:
        for slot in enc.slots:
            place = slot.place
            if slot.letter != "P" or place is None or len(slot.mention.text) < 2:
                continue
            if slot.mention.text in name or (place.name or "") in name:
                if best is None or level_depth(place.level) > level_depth(best.level):
                    best = place
    return best or ctx.places_by_code.get(org.home_code or "") or _named_home(ctx, org)


def _named_home(ctx: ArticleContext, org: Mention) -> Mention | None:
    """The home division a name begins with (黄龙县民政福利院 → 黄龙县), as a place found in the text."""
    division = load_gazetteer().get(org.home_code) if org.home_code else None
    if division is None:
        return None
    name = next((n for n in (division.name, division.short) if n and org.text.startswith(n)), None)
    return found_place(ctx.article, org.start, org.start + len(name), division) if name else None


@cache
def _modifier() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, sorted(lexicon()["funding"]["modifier_verbs"], key=len, reverse=True)))
    return re.compile(f"(?:{verbs})的")


def modifies_noun(text: str, end: int) -> bool:
    """Whether the place token ending at ``end`` says who helps the noun after it (东莞援建的照壁小学,
    苏州对口帮扶的铜仁): X + a verb of ``modifier_verbs`` + 的."""
    return _modifier().match(text, end) is not None


def respective_share(text: str, positions: Positions, pos: int) -> tuple[Slot | None, Slot] | None:
    """The giver and the receiver of one sum of a list of sums that 分别/各 shares out item by item
    (A、B、C分别向X、Y、Z捐助了N1、N2、N3: N2 from B to Y; X、Y两村分别收到N1和N2): the i-th sum goes to
    the i-th item of the list of places before it in its clause, from the i-th item of the list of
    givers before that (None when the givers are not listed one for each sum); None when the sums
    and the places do not pair off one to one."""
    index = next((i for i, (p, _, s) in enumerate(positions) if p == pos and s.letter == "M"), None)
    if index is None:
        return None
    sums = list_around(text, positions, index, "M")
    first = positions[sums[0]][0]
    left, _ = clause_bounds(text, first, first)
    if len(sums) < 2 or not _each_between(text, left, first):
        return None
    listed = [k for k in range(sums[0]) if positions[k][0] >= left and positions[k][2].letter in "PU"]
    lists = [list_around(text, positions, k, "PU") for k in reversed(listed)]
    # the nearest list of as many places as sums (吹麻滩镇、居集镇分别获得海沧区…: not 海沧区)
    receivers = next((items for items in lists if len(items) == len(sums)), None)
    if receivers is None:
        return None
    share = sums.index(index)
    before = [k for k in range(receivers[0]) if positions[k][0] >= left and positions[k][2].letter in "PUO"]
    givers = list_around(text, positions, before[-1], "PUO") if before else []
    giver = positions[givers[share]][2] if len(givers) == len(sums) else None
    return giver, positions[receivers[share]][2]


def programme_label(text: str, positions: Positions, span: tuple[int, int]) -> tuple[Slot, Slot] | None:
    """The two one-character province names of a programme (苏陕, 沪滇) that name the money of the
    sum at ``span``: in its clause before it, a word for aid money up to eight characters after
    them (由苏陕扶贫资金安排N, 沪滇扶贫协作项目资金N; not 粤桂协作河池工作组…募集资金N, which names a
    team); None when no pair does."""
    pos, end = span
    left, _ = clause_bounds(text, pos, end)
    for (a_at, a_end, a), (b_at, b_end, b) in zip(positions, positions[1:], strict=False):
        if a_end != b_at or not (a.programme_word and b.programme_word) or not left <= a_at < b_end <= pos:
            continue
        if _fund_word_ahead().match(text, b_end, pos):
            return a, b
    return None


@cache
def _fund_word_ahead() -> re.Pattern[str]:
    """A word for aid money up to eight characters ahead (扶贫资金, 协作项目资金): compiled once, not
    for every pair of programme names of every sum."""
    words = "|".join(map(re.escape, lexicon()["funding"]["fund_words"]))
    return re.compile(f"[\u4e00-\u9fff]{{0,8}}?(?:{words})")


def unpaired_region(ctx: ArticleContext, positions: Positions, pos: int, place: Mention) -> bool:
    """Whether a sum at ``pos`` that names no giver is the total of the nation's many givers (援疆项目
    累计到疆资金达N亿元, 累计投入N亿元实施援藏项目): its recipient is a province the article pairs no
    giver with (nor a place inside it), and no place or organisation but the recipient's own stands
    before the sum in its sentence (上海、广东累计投入N: givers named, several of them). Where the
    article pairs a giver with the province, its giverless sums stay."""
    if place.level != "province" or any(nests(r, place) for _, r, _, _ in ctx.state.pairings):
        return False
    return not any(
        at < pos and slot.letter in "PUO" and not (slot.place is not None and nests(slot.place, place))
        for at, _, slot in positions
    )
