"""Projects: a named thing built, funded or set up, the place it stands in and who builds it.

A PROJECT mention (a name ending like a building, a base, a park, a workshop; a quoted name
before its facility) is a project unless its sentence does not state it as built (a generic
name, a metaphor, a thanked organisation, a visited site, a place's descriptor: the lexicon's
not_built); so is a school or a hospital a sentence builds (援建的X小学, X幼儿园重建, 实施A小学、
B中学等教学楼建设项目): a helped school is a project, not a builder. Its place is the most
specific of the place a place word marks (在Y, 位于Y) or one of its clause (not the giver that
qualifies it: 浙江援建的X) and the place its name holds (a town of the article's county:
乔梓乡…基地); else the place or the organisation's place written right before it (Y县第一中学的
“X馆”), else the place its name starts with (not the giver's side: 福清体艺馆 stands in 连城),
else the nearest place before it in its sentence, else the recipient the sentence leans on. A
project that is only the venue of an event (在X文化馆举办…) is not stated as built. Only a place
and a builder found in the wording itself state a pairing; a place taken from a name or from the
text before the project says where it stands, not who is paired with whom.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.gazetteer import load_gazetteer
from kg.link import found_place
from kg.link.anaphors import place_anaphor
from kg.link.lexicon import link_words
from kg.nlp.patterns import load_patterns
from kg.places import UPPER_LEVELS, Candidate, level_depth, nests
from kg.punctuation import is_quoted
from kg.records import Mention, Party
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot, home_named_in
from kg.relate.facts import org_party, relation, to_party
from kg.relate.geo import comparable_levels, related
from kg.relate.project_names import generic_name, names_an_arrangement, verb_and_head
from kg.relate.rules import Pattern, aid_goal_words, lexicon, pattern_by_id
from kg.relate.text import TOKEN_RE, clause_bounds, preceded_by

Positions = list[tuple[int, int, Slot]]


def _stated_place(
    ctx: ArticleContext, enc: Encoded, positions: Positions, pos: int, end: int
) -> tuple[Mention | None, bool]:
    """The place a place word marks in the sentence (在Y), else one of the project's clause; and
    whether a place word marks it in the project's own clause (公司总部在Y,…将车间搬到了X: a place
    word of another clause does not outweigh the place the project's name holds)."""
    left, right = clause_bounds(enc.text, pos, end)
    places = [
        (p, s)
        for p, e, s in positions
        if s.letter in "PU" and s.place and not s.programme_word and not _builds(enc, e)
    ]
    marked = [s for p, s in places if _marked(enc, p)]
    candidates = [s for s in marked if not ctx.state.is_donor_side(s.place)] or [
        s for p, s in places if left <= p < right and not ctx.state.is_donor_side(s.place)
    ]
    if not candidates:
        return None, False
    # 位于Y县最西部的Z乡: a place inside the one marked, written after it with 的, is where it stands
    place = candidates[0].place
    at = next(p for p, s in places if s is candidates[0])
    for p, s in places:
        inner = s.place
        if p > at and inner is not place and nests(inner, place) and preceded_by(enc.text, p, ("的",)):
            place = inner
    return place, candidates[0] in marked and left <= at < right


def _marked(enc: Encoded, position: int) -> bool:
    """A place a place word marks: right before it (在Y, 位于Y) or a few words before it in its
    clause (在边境小城Y)."""
    words = lexicon()["project"]
    if preceded_by(enc.text, position, words["place_words"]):
        return True
    left, _ = clause_bounds(enc.text, position, position)
    return re.search(words["place_word_gap"], enc.text[left:position]) is not None


def _place_meant_by_here(ctx: ArticleContext, enc: Encoded, pos: int) -> Mention | None:
    """在这里建成X: a place word before a word that points at a place (the lexicon's deictic_place)
    marks the place a place word marked last in the sentences before (在某县某村,…。去年,…在这里
    建成了X → 某村), not one the clause names for something else (云南省第一个X)."""
    left, _ = clause_bounds(enc.text, pos, pos)
    if not re.search(lexicon()["project"]["deictic_place"], enc.text[left:pos]):
        return None
    first = max(enc.index - link_words()["lookback_sentences"], 0)
    for index in range(enc.index - 1, first - 1, -1):
        before = ctx.encoded[index]
        for p, _, s in reversed(before.slot_positions()):
            if s.letter in "PU" and s.place and _marked(before, p) and not ctx.state.is_donor_side(s.place):
                return s.place
    return None


def _builds(enc: Encoded, end: int) -> bool:
    """A place written as the builder that qualifies the project (浙江援建的X厂), right before a
    verb of giving (福清市援建了X) or before an aid programme's word (浙江援疆干部…建设X): the giver,
    not where it stands."""
    words = lexicon()["project"]
    after = enc.text[end:]
    return after.startswith(aid_goal_words()) or any(
        re.match(words[key], after) for key in ("builder_modifier", "giver_before")
    )


def _builder(
    ctx: ArticleContext,
    enc: Encoded,
    positions: Positions,
    slot: Slot,
    place: Mention | None,
    built: frozenset[int] = frozenset(),
) -> Party | None:
    """A giving place or a helper organisation before a build or fund verb, or after 由; a
    school or a hospital the sentence builds (``built``) is no builder."""
    verbs = lexicon()["project"]["builder_verbs"]
    agents = lexicon()["agent_marker"]["words"]  # 由X援建
    for p, e, s in positions:
        if s.letter not in "PO" or s is slot or p in built:
            continue
        names_builder = any(v in enc.text[e : e + 30] for v in verbs) or preceded_by(enc.text, p, agents)
        if (
            s.place
            and (place is None or not related(s.place, place))
            and ctx.state.is_donor_side(s.place)
            # as for funds: a place builds in a place of another level only where the article
            # pairs the two
            and (place is None or comparable_levels(s.place, place) or ctx.paired(s.place, place))
            and names_builder
        ):
            return to_party(s.place)
        if s.letter == "O" and ctx.helper_org(s, place) and names_builder:
            return org_party(s.mention)
    return None


def _home(ctx: ArticleContext, mention: Mention) -> Mention | None:
    """The place a name starts with, or an organisation's home, unless it is on the giving side."""
    place = ctx.places_by_code.get((mention.home_code or "")[:6]) or home_named_in(mention)
    return None if place is None or ctx.state.is_donor_side(place) else place


def _named_inside(ctx: ArticleContext, mention: Mention) -> Mention | None:
    """The most specific place written inside the project's name that is not on the giving side
    (中山国信通鹤岗公司手机生产线 → 鹤岗市; 南浔·广安东西部协作产业园 → 广安区 where the article names
    both 广安市 and 广安区: of the places a short name may be, the most specific the article names;
    乔梓乡…养殖基地 → 乔梓乡): a place the article names, or a town or village by its full name in a
    county the article or the name names. A place inside a name says where it stands, the giver's
    place before it says who built it; a place in brackets inside it says so whichever side it is
    on (广州番禺(五华)产业转移园 stands in 五华县, 梅州五华(番禺)经贸中心 in 番禺区)."""
    name = mention.name or mention.text
    shift = max(mention.text.find(name), 0)
    gazetteer = load_gazetteer()
    found: list[Mention] = []
    counties = set(ctx.places_by_code)  # and those the name itself writes (延长县雷赤乡…)
    position = 0
    while position < len(name):
        step = 1
        for end, candidates in gazetteer.matches_at(name, position):
            counties.update(c.division.code for c in candidates if c.division.level in UPPER_LEVELS)
            codes = [c.division.code for c in candidates]
            named = [ctx.places_by_code[code] for code in codes if code in ctx.places_by_code]
            place = max(named, key=lambda p: level_depth(p.level), default=None)
            town = next((c for c in candidates if _town_of(counties, c, name[end:])), None)
            # a county or above written by its full name (通渭县工业园区), though the article does not
            # name it apart from the project
            town = town or _only_full_upper(candidates)
            if place is None and town is not None:
                end += town.kind == "short"  # the other suffix it is written with (雷赤|乡)
                start = mention.start + shift + position
                place = found_place(ctx.article, start, start + end - position, town.division)
            if place is not None and _in_brackets(name, position, end):
                return place
            if place is not None:
                found.extend([] if ctx.state.is_donor_side(place) else [place])
                found.extend(_village_after(ctx, mention, shift + end, place))
                step = end - position
                break
        position += step
    # the article's places written inside the name by their own words (抚边乡幼儿园 → 抚边乡)
    for enc in ctx.encoded:
        for slot in enc.slots:
            place = slot.place
            if place is None or slot.letter not in "PU" or ctx.state.is_donor_side(place):
                continue
            if any(len(w) >= 2 and w in name for w in {place.text, place.name or ""}):
                found.append(place)
    # the most specific; of equals, the last written
    return max(reversed(found), key=lambda p: level_depth(p.level), default=None)


def _only_full_upper(candidates: list[Candidate]) -> Candidate | None:
    """A county or above by its full name, where one division alone bears it (通渭县; not 新城区,
    which 呼和浩特 and 西安 both have)."""
    full = [c for c in candidates if c.kind == "name" and c.division.level in UPPER_LEVELS]
    return full[0] if len({c.division.code for c in full}) == 1 else None


def _in_brackets(name: str, start: int, end: int) -> bool:
    """Whether ``name[start:end]`` is all a pair of brackets holds (番禺(五华)…)."""
    return name[start - 1 : start] in ("(", "（") and name[end : end + 1] in (")", "）")


def _village_after(ctx: ArticleContext, mention: Mention, at: int, town: Mention) -> list[Mention]:
    """A village the name writes right after its town (同卡镇波查村饮用水项目 → 波查村), though the
    gazetteer does not know it: where the project stands, in the town's county."""
    if town.level != "town" or ctx.state.is_donor_side(town):
        return []
    village = re.match(lexicon()["project"]["village_after_town"], mention.text[at:])
    if village is None:
        return []
    start = mention.start + at
    place = found_place(ctx.article, start, start + village.end())
    return [
        replace(
            place,
            name=village.group(0),
            level="village",
            county_code=town.county_code,
            province_code=town.province_code,
            parents=town.parents,
        )
    ]


def _town_of(counties: set[str], candidate: Candidate, rest: str = "") -> bool:
    """A town or village written by its full name whose county the article names; or a town by
    its stem and the other of ``renamed_town_suffixes`` (雷赤乡 for 雷赤镇: a 乡 made a 镇 keeps its
    stem, and older text still writes 乡), ``rest`` being the text after the stem."""
    division = candidate.division
    suffixes = tuple(lexicon()["project"]["renamed_town_suffixes"])
    renamed = division.level == "town" and rest.startswith(suffixes)
    return (
        (candidate.kind != "short" or renamed)
        and division.level not in UPPER_LEVELS
        and bool(division.county_code)
        and division.county_code in counties
    )


def site_named_in(ctx: ArticleContext, mention: Mention) -> Mention | None:
    """The place a project's name says it stands in: the most specific place inside it, else the
    place it begins with (for a sum spent on the project: 黄龙县民政福利院 → 黄龙县)."""
    return _named_inside(ctx, mention) or _home(ctx, mention)


def _most_specific(stated: Mention | None, marked: bool, inside: Mention | None) -> Mention | None:
    """Where a project stands: the place its name holds when that lies inside the place its
    clause states, or when no place word marks the clause's place (鲁渝协作打造的万州…中心);
    else the stated place."""
    if inside is None or stated is None:
        return stated or inside
    if nests(inside, stated):
        return inside
    if nests(stated, inside) or marked:
        return stated
    return inside


def _place_before(ctx: ArticleContext, enc: Encoded, positions: Positions, pos: int) -> Mention | None:
    """The place, or the organisation's place, written right before the project (Y县的X园,
    Y县第一中学的“X馆”)."""
    for _, e, s in reversed(positions):
        if e > pos:
            continue
        if enc.text[e:pos].strip('“”"「」『』') not in ("", "的"):
            return None
        if s.letter in "PU" and s.place and not ctx.state.is_donor_side(s.place):
            return s.place
        return _home(ctx, s.mention) if s.letter == "O" else None
    return None


def _is_venue(enc: Encoded, pos: int, end: int) -> bool:
    """在X馆举办…: the project is where an event takes place, not a thing stated as built; 在X园,
    代表团实地参观…: where a clause is only 在X, the next clause's event (a visit too) is held there."""
    if not preceded_by(enc.text, pos, ("在",)):
        return False
    _, right = clause_bounds(enc.text, end, end)
    words = lexicon()["project"]
    venue_verbs = words["venue_verbs"]
    if any(v in enc.text[end:right] for v in venue_verbs):
        return True
    if enc.text[end:right].strip() or right >= len(enc.text):
        return False
    _, following = clause_bounds(enc.text, right + 1, right + 1)
    held = [*venue_verbs, *words["not_built"]["visit_verbs"]]
    return any(v in enc.text[right + 1 : following] for v in held)


def _is_building(enc: Encoded, positions: Positions, index: int) -> bool:
    """A school or hospital with a build verb before it in its clause and a building word after
    it, past the list it stands in (实施A小学、B中学等教学楼建设项目); or one a build wording
    names as built: a build verb right before it or before the list it ends (援建的X小学, 建设A广场、
    B医院等), a rebuilding, a founding or a funding right after it (X幼儿园重建, X中学建校, X幼儿园由
    Y资金安排) — the lexicon's building_before and building_after; not one whose people follow a
    verb of funding (资助某中学120名学生: people_after). A helped school is a project, not a helper."""
    start, end, slot = positions[index]
    if slot.letter != "O" or slot.mention.subtype not in ("school", "hospital"):
        return False
    words = lexicon()["project"]
    left, right = clause_bounds(enc.text, start, end)
    before, after = _written(enc, enc.text[left:start]), _written(enc, enc.text[end:right])
    lettered = TOKEN_RE.sub(lambda m: "{" + m.group(1) + "}", enc.text[left:start])
    if verb := re.search(words["building_before"], lettered):
        # 资助某中学120名学生: its people are helped; 援建的某小学300名师生… is still built
        funds_people = re.match(words["people_after"], after) is not None
        return not funds_people or any(v in verb.group(0) for v in words["building_verbs"])
    if re.match(words["building_after"], after):
        return True
    if not any(v in before for v in words["building_verbs"]):
        return False
    return any(n in after for n in words["building_nouns"])


def _is_built_org(enc: Encoded, positions: Positions, index: int) -> bool:
    """An organisation whose name ends like a built thing (加工厂, 研究院) in a build wording: a
    build verb right before it (合作共建X研究院) or, after it, 由Y援建/牵线, 建成/投产 or a list
    closed by 等…项目 (the lexicon's built_org_* words)."""
    start, end, slot = positions[index]
    words = lexicon()["project"]
    name = slot.mention.name or slot.mention.text
    if slot.letter != "O" or not name.endswith(tuple(words["built_org_heads"])):
        return False
    left, right = clause_bounds(enc.text, start, end)
    before = enc.text[left:start].rstrip("了")
    if any(before.endswith(v) for v in words["built_org_verbs"]):
        return True
    return re.match(words["built_org_after"], _written(enc, enc.text[end:right])) is not None


def _written(enc: Encoded, text: str) -> str:
    """Encoded text with each token written out as its mention's text."""
    return TOKEN_RE.sub(lambda m: enc.slots[int(m.group(2))].mention.text, text)


def _is_counted(enc: Encoded, pos: int, end: int) -> bool:
    """供深农产品示范基地121个, 20多个“山海协作”实训基地: a name counted as a kind of thing
    names a category, not one project (the lexicon's counted_after and counted_before)."""
    words = lexicon()["project"]
    left, right = clause_bounds(enc.text, pos, end)
    after, before = _written(enc, enc.text[end:right]), _written(enc, enc.text[left:pos])
    return bool(re.search(words["counted_after"], after) or re.search(words["counted_before"], before))


def _not_built(enc: Encoded, pos: int, end: int, name: str) -> bool:
    """A name the sentence does not state as a thing built (the lexicon's not_built): a name of
    generic words (该项目一期工程, 沪滇协作项目); a quoted kind after a list (A、B等“X飞地”) or before
    a model (推行“X飞地”分厂模式); an organisation thanked or wished for (感谢X基地)
    or acting (X产业基地携同Y公司赴Z); a head inside a policy's name (振兴老工业基地战略);
    a descriptor of the place written right after it (省级特色小镇Y镇); and, with no build or fund
    word in its clause, the setting of something else (在X园区的Y企业…), a predicate or a metaphor
    (…是实实在在的“暖心工程”) or a site only visited (考察X基地时) — 这是Y援建的X is still built."""
    words = lexicon()["project"]
    rules = words["not_built"]
    left, right = clause_bounds(enc.text, pos, end)
    before = _written(enc, enc.text[left:pos])
    if (generic_name(name) and not _quoted_name(enc, pos, end, name)) or verb_and_head(name):
        return True
    if names_an_arrangement(name) or re.match(rules["numbered_term"], name):
        return True  # “反向飞地”建设: a kind of arrangement; “一园”即某工业园: a slogan's term
    if _programme(enc, pos, end, name):
        return True
    if re.search(rules["addressed_before"], before) or re.search(rules["aspiration_before"], before):
        return True  # 感谢X基地; 把Y打造成X基地: thanked, or an aim
    if re.search(rules["kind_before"], before) or re.match(rules["model_after"], enc.text[end:right]):
        return True  # A、B等“科创飞地”: the kind of the things listed; 推行“产业飞地”分厂模式: a model
    if _place_token_at(enc, end) and not re.search(rules["no_descriptor"], name):
        return True  # 省级特色小镇Y镇: a descriptor of the place after it
    after = _written(enc, enc.text[end:right])
    if re.match(rules["acting_after"], after) and not re.search(rules["no_descriptor"], name):
        return True  # X产业基地携同Y公司赴Z: an organisation that acts (a …项目 never does)
    if re.search(rules["partner_before"], before) and re.match(rules["partner_after"], after):
        return True  # 某公司与X产业园合作: a party the sentence works with, not a thing built
    if re.search(rules["address_before"], before):
        return True  # 位于X工业园区的某公司: the name is an address, not a thing the sentence builds
    if re.match(rules["policy_after"], after):
        return True  # 振兴东北老工业基地战略: a policy, not a thing built
    if re.search(rules["role_before"], before) and re.match(rules["role_after"], after):
        return True  # 某地区作为全国重要的工业基地,…: the subject's role
    clause = _written(enc, enc.text[left:right])
    if any(v in clause for v in (*words["builder_verbs"], *words["building_verbs"], *rules["build_words"])):
        return False
    if re.search(rules["setting_before"], before) and re.match(rules["setting_after"], after):
        return True  # 在X工业园区的某企业车间工作: where something else is, not a thing the clause builds
    # a visit told before a dash (在X调研考察听到的新动向——Y项目…) is no visit of the name after it
    visited = re.split(rules["apposition_dash"], before)[-1]
    return re.search(rules["predicate_before"], before) is not None or any(
        v in visited for v in rules["visit_verbs"]
    )


def _programme(enc: Encoded, pos: int, end: int, name: str) -> bool:
    """A 工程 that names a programme (开展“助学工程”“助农工程”等活动, 受到“栋梁工程”资助): no word of
    physical works in its name and no construction word right before or after it (the lexicon's
    not_built programme_* entries). 建设X工程, X工程竣工 and 自然能提水工程 stay things built."""
    rules = lexicon()["project"]["not_built"]
    if not re.search(rules["programme_head"], name) or re.search(rules["programme_works"], name):
        return False
    left, right = clause_bounds(enc.text, pos, end)
    before, after = _written(enc, enc.text[left:pos]), _written(enc, enc.text[end:right])
    return not (
        re.search(rules["programme_built_before"], before) or re.match(rules["programme_built_after"], after)
    )


def _quoted_name(enc: Encoded, pos: int, end: int, name: str) -> bool:
    """A quoted name is one though its words are generic, unless it counts (“两个基地”: a slogan)."""
    return is_quoted(enc.text, pos, end) and not load_patterns().count.search(name)


def _place_token_at(enc: Encoded, position: int) -> bool:
    token = TOKEN_RE.match(enc.text, position)
    return token is not None and token.group(1) in "PU"


def _fallback_place(ctx: ArticleContext, enc: Encoded, positions: Positions, pos: int) -> Mention | None:
    """Where a project stands when its wording names no place: the nearest place written before
    it in its sentence that neither gives nor builds, else where an organisation a place word
    marks stands (在某乡中学,…建设“智慧教室” → 某乡), else the recipient the sentence leans on (its
    pairings, the previous sentence, the article's main recipient)."""
    for p, e, s in reversed(positions):
        if p < pos and s.letter in "PU" and s.place and not s.programme_word and not _builds(enc, e):
            if not ctx.state.is_donor_side(s.place):
                return s.place
    for p, _, s in reversed(positions):
        if p < pos and s.letter == "O" and _marked(enc, p) and (site := site_named_in(ctx, s.mention)):
            return site
    return _pointed_back(ctx, enc, positions, pos) or ctx.context_recipient(enc.index, sole=True)


def _pointed_back(ctx: ArticleContext, enc: Encoded, positions: Positions, pos: int) -> Mention | None:
    """该镇已建成X: a word pointing back (该镇, 该村) that the link stage left unresolved stands for
    the place a name of the sentences before holds, the nearest whose name ends in its division
    word (渭源县上湾镇…扶贫车间内,… 该镇 → 上湾镇): the linker sees the places the text shows, not
    those written inside a name."""
    word = next(
        (
            (s, found)
            for p, _, s in reversed(positions)
            if p < pos and s.letter == "U" and (found := place_anaphor().fullmatch(s.mention.text))
        ),
        None,
    )
    if word is None:
        return None
    slot, found = word
    first = max(enc.index - link_words()["lookback_sentences"], 0)
    for index in range(enc.index, first - 1, -1):
        for other in reversed(ctx.encoded[index].slots):
            if other.letter not in "JO" or (index == enc.index and other.start >= slot.start):
                continue
            place = _named_inside(ctx, other.mention)
            if place is not None and (place.name or place.text).endswith(found.group("noun")):
                return place
    return None


def _clean(name: str) -> str:
    """A name without a quotation mark left open or closed alone at its edge (五彩河”旅游开发)."""
    for opening, closing in ("“”", "「」", "『』"):
        if name.count(opening) != name.count(closing):
            name = name.replace(opening, "").replace(closing, "")
    return name


def _add(
    ctx: ArticleContext,
    enc: Encoded,
    rule: Pattern,
    span: tuple[int, int],
    slot: Slot,
    positions: Positions,
    built: frozenset[int] = frozenset(),
) -> None:
    pos, end = span
    # a school or a hospital built (an organisation mention) keeps its name as written, not its
    # canonical organisation name (连城慈济幼儿园, not 连城县慈济幼儿园)
    name = _clean(slot.mention.text if slot.letter == "O" else slot.mention.name or slot.mention.text)
    if _is_counted(enc, pos, end) or _not_built(enc, pos, end, name):
        return
    found = _site(ctx, enc, positions, span, slot, built)
    if found is None:
        return
    place, builder, stated = found
    _emit(
        ctx,
        enc,
        span,
        name,
        (place, builder, stated),
        rule.id,
        rule.confidence if stated and builder else rule.partial_confidence or 0.0,
    )


def _site(
    ctx: ArticleContext,
    enc: Encoded,
    positions: Positions,
    span: tuple[int, int],
    slot: Slot,
    built: frozenset[int],
) -> tuple[Mention | None, Party | None, bool] | None:
    """Where the project stands, who builds it and whether a place word states its place; None
    for the venue of an event (not stated as built)."""
    pos, end = span
    place, marked = _stated_place(ctx, enc, positions, pos, end)
    if (here := _place_meant_by_here(ctx, enc, pos)) is not None:
        place, marked = here, True  # the place word marks 这里, not a place written after it
    stated = place is not None
    place = _most_specific(place, marked, _named_inside(ctx, slot.mention))
    builder = _builder(ctx, enc, positions, slot, place, built)
    if place is None:
        place = _place_before(ctx, enc, positions, pos) or _home(ctx, slot.mention)
    if not stated and builder is None and _is_venue(enc, pos, end):
        return None
    if place is None:
        place = _fallback_place(ctx, enc, positions, pos)
    return place, builder, stated


def _emit(
    ctx: ArticleContext,
    enc: Encoded,
    span: tuple[int, int],
    name: str,
    site: tuple[Mention | None, Party | None, bool],
    pattern: str,
    confidence: float,
) -> None:
    pos, end = span
    place, builder, stated = site
    left, right = clause_bounds(enc.text, pos, end)
    ctx.add(
        relation(
            "project",
            ctx.article,
            enc.index,
            enc.span(left, max(right, end)),
            pattern,
            confidence,
            donor=builder,
            recipient=to_party(place) if place else None,
            project=name,
            states_pairing=stated or builder is None or builder.label != "PLACE",
        )
    )


def encoded_span(enc: Encoded, start: int, end: int) -> tuple[int, int] | None:
    """The encoded positions of the article span [start, end): from the first encoded character
    that starts at or after ``start`` to the last that ends at or before ``end``."""
    inside = [i for i, (s, e) in enumerate(zip(enc.starts, enc.ends, strict=True)) if start <= s and e <= end]
    return (inside[0], inside[-1] + 1) if inside else None


def rule_verdict(ctx: ArticleContext, enc: Encoded, span: tuple[int, int], name: str) -> str:
    """Why the rules would not state ``name`` (at encoded ``span``) as a project built — counted
    as a kind, a programme, not built (a generic name, thanked, visited, a policy, a predicate) —
    or '' when they would: the rules' verdict on any span, for a learned reader's features."""
    pos, end = span
    if _is_counted(enc, pos, end):
        return "counted"
    if _programme(enc, pos, end, name):
        return "programme"
    if _not_built(enc, pos, end, name):
        return "not_built"
    if _is_venue(enc, pos, end):
        return "venue"
    return ""


def add_learned(ctx: ArticleContext, mention: Mention, pattern: str, confidence: float) -> bool:
    """State ``mention`` (a span a learned reader accepts as a project) as a project, its place
    and builder read as the rules read a project's; False where its span holds no encoded text."""
    enc = ctx.encoded[mention.sentence]
    span = encoded_span(enc, mention.start, mention.end)
    if span is None:
        return False
    positions = enc.slot_positions()
    inside = frozenset(p for p, e, _ in positions if span[0] <= p and e <= span[1])
    slot = Slot("J", mention, mention.start, mention.end)
    site = _site(ctx, enc, positions, span, slot, inside)
    place, builder, stated = (
        site if site is not None else (_fallback_place(ctx, enc, positions, span[0]), None, False)
    )
    _emit(ctx, enc, span, _clean(mention.text), (place, builder, stated), pattern, confidence)
    return True


def read_projects(ctx: ArticleContext) -> None:
    """Each project: the named ones the project construction finds, the schools and hospitals a
    sentence builds, and the built things read as organisations (X加工厂由Y牵线搭桥引进)."""
    named, building = pattern_by_id("project.named"), pattern_by_id("project.building")
    for enc in ctx.encoded:
        positions = enc.slot_positions()
        built = [
            (pos, end, slot)
            for i, (pos, end, slot) in enumerate(positions)
            if (_is_building(enc, positions, i) or _is_built_org(enc, positions, i))
            and building.regex.fullmatch(enc.text, pos, end)
        ]
        slots = frozenset(pos for pos, _, _ in built)
        for match in named.regex.finditer(enc.text):
            pos, end = match.span("project")
            _add(ctx, enc, named, (pos, end), enc.slots_in(pos, end, "J")[0], positions, slots)
        for pos, end, slot in built:
            _add(ctx, enc, building, (pos, end), slot, positions, slots)
