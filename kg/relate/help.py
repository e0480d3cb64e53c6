"""Helper organisations: the help constructions, who is the helping organisation, whom it helps."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kg.link.organisations import is_government
from kg.places import place_key
from kg.records import Mention
from kg.regions import region_of
from kg.relate.candidates import group_places
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot, home_named_in
from kg.relate.facts import org_party, relation, to_party
from kg.relate.orgs import ends_with_verb
from kg.relate.projects import site_named_in
from kg.relate.rules import Pattern, action_regexes, alternatives, lexicon, load_patterns
from kg.relate.text import CLAUSE_STOPS, SENTENCE_STOPS, clause_bounds, preceded_by


def _reports(enc: Encoded, start: int, end: int) -> bool:
    """Whether the organisation at [start, end) is named as the source of the report
    (据兰州日报报道, 每日甘肃网讯, 中新网记者)."""
    lex = lexicon()["not_agent_before"]
    after = enc.text[end : end + 4]
    return preceded_by(enc.text, start, lex["source_before"]) or after.startswith(tuple(lex["source_after"]))


def _initiates_only(ctx: ArticleContext, enc: Encoded, match: re.Match[str]) -> bool:
    """A、B共同发起…行动,…帮助贫困村: the organisations initiate a campaign and no place stands in
    the wording, nor later in the sentence on the article's receiving side, so the help it tells
    of is no help of theirs (A、B联手发起成立X基金,定向用于Y县…: a fund of theirs for Y)."""
    between = enc.text[match.end("donor") : match.start("action")]
    if not any(v in between for v in lexicon()["not_agent_before"]["initiate_verbs"]):
        return False
    return not any(
        s.letter in "PU"
        and (pos < match.end() or (s.place is not None and ctx.state.is_recipient_side(s.place)))
        for pos, _, s in enc.slot_positions()
        if match.end("donor") <= pos
    )


def _convenes(enc: Encoded, match: re.Match[str]) -> bool:
    """区工商联牵头组织捐赠活动, 某商会动员会员企业捐款: in the action's own clause, a verb before it
    makes the organisation the one who rallies other bodies or an event to it (the words after the
    verb, up to just past the action) — unless it sends its own people (组织员工捐款: it gives)."""
    lex = lexicon()["not_agent_before"]
    between = enc.text[match.end("donor") : match.start("action")]
    clause = re.split(f"[{CLAUSE_STOPS}]", between)[-1]
    verbs = [clause.rfind(v) for v in lex["convene_verbs"] if v in clause]
    if not verbs:
        return False
    rallied = enc.text[match.end("donor") + len(between) - len(clause) + max(verbs) : match.end("action") + 4]
    if any(w in rallied for w in lex["own_people"]):
        return False
    return any(w in rallied for w in lex["rallied_others"])


def _named_as_site(enc: Encoded, end: int) -> bool:
    """A、B等地: an organisation in a list its clause closes with a word of places (the lexicon's
    site_after) is a site visited or named, not who helps."""
    rest = re.split(f"[{CLAUSE_STOPS}]", enc.text[end:], maxsplit=1)[0]
    return _site_list().match(rest) is not None


@cache
def _site_list() -> re.Pattern[str]:
    """The rest of a list closed by a word of places (、B学校等地), compiled once: it is asked for
    every organisation candidate."""
    sites = alternatives(lexicon()["not_agent_before"]["site_after"])
    return re.compile(f"(?:[、和及与][^、]{{1,20}}?)*(?:{sites})")


def _visited_item(enc: Encoded, position: int) -> bool:
    """到A村、B农场、C村,实地了解: an organisation that is a later item of a list a visit verb opens
    in its clause (the lexicon's visit_list_before) is a site visited, as the first item is."""
    left, _ = clause_bounds(enc.text, position, position)
    before = enc.text[left:position]
    verbs = lexicon()["not_agent_before"]["visit_list_before"]
    at = max((before.rfind(v) + len(v) for v in verbs if v in before), default=-1)
    return at >= 0 and re.fullmatch(r"了?(?:[^、与和及]{1,20}[、与和及])+", before[at:]) is not None


def _home_region_rank(org: Mention) -> int:
    """+1 for an organisation based in the east, -1 in the west, 0 otherwise or unknown."""
    region = region_of(org.home_code) if org.home_code else "other"
    return {"east": 1, "west": -1}.get(region, 0)


def _menu_like(text: str) -> bool:
    """Words set apart by spaces, more than once: a page's menu or header, not running prose."""
    return len(re.findall(r"[^\s,,。、]\s+(?=[^\s,,。、])", text)) >= 2


def _heads_a_place(enc: Encoded, slot: Slot) -> bool:
    """An organisation written right against a place after it is the head of that place's name
    (兵团第二师铁门关市: the division and the city are one body), not a separate helper."""
    following = [s for s in enc.slots if s.start >= slot.end]
    return bool(following) and following[0].start == slot.end and following[0].letter in "PU"


def _help_recipient(ctx: ArticleContext, enc: Encoded, match: re.Match[str], org: Mention) -> Mention | None:
    markers = lexicon()["recipient_markers"]["words"]
    home = org.home_code
    donors = range(match.start("donor"), match.end("donor"))  # 由A区台办、B会…: no recipient
    inside = [
        (pos, slot)
        for pos, _, slot in enc.slot_positions()
        if slot.letter in "PU" and slot.place and match.start() <= pos < match.end() and pos not in donors
    ]
    eligible = [(pos, s) for pos, s in inside if ctx.eligible_recipient(s.place, home)]  # type: ignore[arg-type]
    goals = [  # 向«X县某村幼儿园»捐赠, 向Y市对口单位——«X县某中学»捐赠: the institution's home receives
        (pos, slot, ctx.places_by_code.get(slot.mention.home_code or "") or home_named_in(slot.mention))
        for pos, _, slot in enc.slot_positions()
        if slot.letter == "O" and match.start() <= pos < match.end() and pos not in donors
    ]
    for pos, _, place in goals:
        if (
            place is not None
            and _apposed_goal(enc.text, pos, markers)
            and ctx.eligible_recipient(place, home)
        ):
            return place
    marked = [s for pos, s in eligible if preceded_by(enc.text, pos, markers)]
    if marked:
        return marked[0].place
    for pos, _, place in goals:
        if place is not None and preceded_by(enc.text, pos, markers) and ctx.eligible_recipient(place, home):
            return place
    if eligible:
        return eligible[0][1].place
    before = [
        (pos, slot)
        for pos, _, slot in enc.slot_positions()
        if slot.letter in "PU"
        and slot.place
        and pos < match.start()
        and pos not in donors
        and not preceded_by(
            enc.text, pos, lexicon()["agent_marker"]["words"]
        )  # 由X区台办、A会共同筹集: X acts too
        and ctx.eligible_recipient(slot.place, home)
    ]
    if before:
        return before[-1][1].place
    # a place after the wording, or the site of a project or an institution a recipient marker
    # names after it (…,用于X县Y乡饮水工程 → Y乡; 医疗队驻点X县Y镇卫生院 → Y镇)
    after = [
        place
        for pos, _, slot in enc.slot_positions()
        if pos >= match.end()
        and (
            place := slot.place
            if slot.letter in "PU"
            else _project_site(ctx, slot)
            if preceded_by(enc.text, pos, markers)
            else None
        )
        is not None
        and ctx.eligible_recipient(place, home)
    ]
    if after:
        return after[0]
    return ctx.context_recipient(enc.index)


def _project_site(ctx: ArticleContext, slot: Slot) -> Mention | None:
    """Where a project, or an institution, a sentence names stands, by the places its name holds
    (用于X县Y乡饮水工程 → Y乡; 驻点X县Y镇卫生院 → Y镇)."""
    return site_named_in(ctx, slot.mention) if slot.letter in "JO" else None


def _apposed_goal(text: str, position: int, markers: Sequence[str]) -> bool:
    """向某市对口援助单位——«某县第四中学»: an institution set after a dash names the goal that a
    marker opened earlier in its clause."""
    head = text[:position].rstrip("—–-")
    if len(head) == position:
        return False
    clause = re.split(f"[{CLAUSE_STOPS}]", head)[-1]
    return any(m in clause for m in markers)


def _named_by_helped_place(ctx: ArticleContext, enc: Encoded, slot: Slot) -> bool:
    """Whether the organisation's name begins with a place of the helped side, here (a place
    token right before it) or in a fuller mention of the same name in the article
    (大方县天河实验学校 … 天河实验学校: a school of 大方 named after its donor): the helped
    place's own institution, whatever place the rest of its name recalls."""
    positions = enc.slot_positions()
    start = next((pos for pos, _, s in positions if s is slot), None)
    if any(
        end == start and s.letter in "PU" and s.place is not None and ctx.state.is_recipient_side(s.place)
        for _, end, s in positions
    ):
        return True
    text = slot.mention.text or ""
    if len(text) < 3 or text[0] in lexicon()["division_chars"]["chars"]:
        return False  # 市人民医院: "the city's", no name cut from a fuller one
    fuller = [
        s.mention
        for other in ctx.encoded
        for s in other.slots
        if s.letter == "O"
        and (s.mention.text or "").endswith(text)
        # a place's name before it (大方县), not a title joining two parties (Y县政府-山东X学院)
        and re.fullmatch("[\u4e00-\u9fff]{2,8}", (s.mention.text or "")[: -len(text)])
    ]
    return bool(fuller) and all(ctx.org_side(m) < 0 for m in fuller)


def _unplaced_level_body(org: Mention, recipient: Mention | None) -> bool:
    """市科协, 区慈善会 with no helped place: a body named by its level word alone is known only by
    the place it stands for; where neither its name nor the wording places anything, the row would
    say neither whose body helps nor whom."""
    name = org.name or org.text
    return recipient is None and org.home_code is None and name[:1] in lexicon()["division_chars"]["chars"]


def _amount_after(enc: Encoded, position: int) -> float | None:
    left, right = clause_bounds(enc.text, position, position)
    for slot in enc.slots_in(position, min(right + 1, len(enc.text)), "M"):
        if slot.mention.value:
            return slot.mention.value
    return None


def read_help(ctx: ArticleContext) -> None:
    not_agent = lexicon()["not_agent_before"]["words"]
    seen: set[tuple[str, str, int]] = set()
    for enc in ctx.encoded:
        if not any(s.letter == "O" for s in enc.slots):
            continue
        helped = _agreement_partners(ctx, enc)
        party_wordings = lexicon()["not_agent_before"]["party_patterns"]
        for pattern in load_patterns():
            if pattern.type != "help":
                continue
            signs = pattern.id in party_wordings
            for match in pattern.regex.finditer(enc.text):
                sides = (
                    _agreement_sides(ctx, enc, match)
                    if pattern.direction == "symmetric"
                    else _directed_sides(ctx, enc, match, pattern, not_agent)
                )
                if sides is None:
                    continue
                orgs, recipient = sides
                action = pattern.action or _action_of(match)
                # the text says the organisation helps even where it names no place:
                # kept with the recipient unknown, and less confidence
                confidence = pattern.confidence * (
                    1.0 if recipient else lexicon()["help_without_recipient"]["factor"]
                )
                amount = _amount_after(enc, match.end()) if action == "donates" else None
                span = enc.span(match.start(), match.end())
                for slot in orgs:
                    if id(slot) in helped or not _can_help(ctx, enc, match, slot, recipient, signs):
                        continue
                    if _named_by_helped_place(ctx, enc, slot):
                        continue
                    if _unplaced_level_body(slot.mention, recipient):
                        continue
                    org = slot.mention
                    org_name = org.name or org.text
                    key = (org_name, place_key(recipient) if recipient else "", enc.index)
                    if key in seen or (
                        recipient is None and any(k[0] == org_name and k[2] == enc.index for k in seen)
                    ):
                        continue
                    seen.add(key)
                    ctx.add(
                        relation(
                            "help",
                            ctx.article,
                            enc.index,
                            span,
                            pattern.id,
                            confidence,
                            donor=org_party(org),
                            recipient=to_party(recipient) if recipient else None,
                            action=action,
                            amount_yuan=amount,
                        )
                    )


def _can_help(
    ctx: ArticleContext,
    enc: Encoded,
    match: re.Match[str],
    slot: Slot,
    recipient: Mention | None,
    signs: bool,
) -> bool:
    """Whether the organisation can be the helper here: a helper organisation, or one that its
    founders set up (由A和B共同出资成立的C: C is a venture of A, wherever it is registered)."""
    if ctx.helper_org(slot, recipient, signs):
        return True
    if "founders" not in match.re.groupindex or slot.government or is_government(slot.mention):
        return False
    founders = enc.slots_in(match.start("founders"), match.end("founders"), "O")
    return any(ctx.helper_org(f, recipient) for f in founders)


def _agent_words(pattern: Pattern, not_agent: Sequence[str]) -> tuple[list[str], list[str]]:
    """The words before an organisation that make it no agent of the wording (走访了A公司), and
    those that make it one again (得到A公司的支持), as the wording reads them."""
    lex = lexicon()["not_agent_before"]
    givers = list(lex["giver_before"])
    if pattern.id in lex["party_patterns"]:
        givers += lex["copula_before"]  # 协议分别为A、B与Y县签订的: the parties
    if pattern.id in lex["causative_patterns"]:
        givers += lex["causative_before"]  # 支持A和B开展…: A and B act
    if pattern.id in lex["named_helper_patterns"]:
        return [], givers  # 为A、B等贡献单位颁发纪念牌: the text calls them helpers, whatever stands before
    particles = lex["aspect_particles"]
    return [*not_agent, *(w + p for p in particles for w in not_agent if len(w) > 1)], givers


def _directed_sides(
    ctx: ArticleContext, enc: Encoded, match: re.Match[str], pattern: Pattern, not_agent: Sequence[str]
) -> tuple[list[Slot], Mention | None] | None:
    """The helping organisations of a forward wording and the place they help."""
    lex = lexicon()["not_agent_before"]
    not_agent, givers = _agent_words(pattern, not_agent)
    start = match.start("donor")
    if preceded_by(enc.text, start, not_agent) and not preceded_by(enc.text, start, givers):
        return None
    if _menu_like(enc.text[match.end("donor") - 1 : match.end()]):
        return None  # a site header's menu (慈善网 寻人济困 爱心捐助), not a sentence
    lead = (match.group("lead") or "") if "lead" in match.re.groupindex else ""
    objects = tuple(lexicon()["not_agent_before"]["object_lead_verbs"])
    if lead and (ends_with_verb(lead) or lead.endswith(objects)):
        return None  # 查阅A、B的台账, 落地A厂: the organisations are the verb's object
    if match.start() == start and preceded_by(enc.text, start, objects):
        return None  # 落地A厂,…帮扶: A was brought in; a wording that starts at A has no cue for it
    if "action" in match.re.groupindex and _initiates_only(ctx, enc, match):
        return None  # A发起…行动,…帮助贫困村: a campaign's initiator
    causative = pattern.id in lex["causative_patterns"]
    if "action" in match.re.groupindex and not causative and _convenes(enc, match):
        return None  # 区工商联牵头组织捐赠活动: it rallies others to give
    if "action" in match.re.groupindex and _thanks_for(enc, match):
        return None  # A对此次捐赠的企业表示感谢: A received
    if "action" in match.re.groupindex and _attends_or_awards(enc, match):
        return None  # A为B颁发捐赠证书, A负责人参加捐赠仪式: A honours or attends another's help
    if "action" in match.re.groupindex:
        between = enc.text[match.end("donor") : match.start("action")]
        if any(w in between for w in lex["receive_words"]) or any(
            match.group("action").startswith(w) for w in lex["receive_words"]
        ):
            return None  # A合作社获得帮扶资金: A receives
    orgs = [
        slot
        for position, end, slot in enc.slot_positions()
        if slot.letter == "O"
        and match.start("donor") <= position < match.end("donor")
        and not _heads_a_place(enc, slot)
        and not enc.text.startswith(tuple(lex["member_role_after"]), end)  # 某商会|副会长单位|某公司
        and not preceded_by(enc.text, position, lex["built_object_before"])  # 援建的|某幼儿园
        and not _reports(enc, position, end)
        and not _named_as_site(enc, end)  # 深入A园、B学校等地观摩
        and not _visited_item(enc, position)  # 到A村、B农场、C村,实地了解
        and (
            position == start
            or not preceded_by(enc.text, position, not_agent)
            or preceded_by(enc.text, position, givers)
        )
    ]
    if "recipient" in match.re.groupindex and match.group("recipient"):
        places = group_places(enc, match, "recipient")
        if places and ctx.state.is_donor_side(places[0]):
            return None  # 福州市与A公司签约 in an article of 福州 helping 定西: the giver's own partner
        return orgs, places[0] if places else None
    if pattern.recipient_fallback == "context":
        return orgs, ctx.context_recipient(enc.index)
    return orgs, _help_recipient(ctx, enc, match, orgs[0].mention) if orgs else None


def _agreement_partners(ctx: ArticleContext, enc: Encoded) -> set[int]:
    """Ids of the slots that an agreement of the sentence names as the helped side: they are
    partners, not helpers, whatever other wording they stand before (B签订捐赠协议)."""
    helped: set[int] = set()
    for pattern in load_patterns():
        if pattern.type == "help" and pattern.direction == "symmetric":
            for match in pattern.regex.finditer(enc.text):
                sides = _agreement_sides(ctx, enc, match)
                if sides is None:
                    continue
                helpers = {id(s) for s in sides[0]}
                for group in ("a", "b"):
                    slots = enc.slots_in(match.start(group), match.end(group), "O")
                    helped.update(id(s) for s in slots if id(s) not in helpers)
    return helped


def _attends_or_awards(enc: Encoded, match: re.Match[str]) -> bool:
    """Whether the organisation only awards another's help (为B颁发捐赠证书) or attends its
    ceremony (参加捐赠仪式), in the action's own clause."""
    lex = lexicon()["not_agent_before"]
    between = enc.text[match.end("donor") : match.start("action")]
    clause = re.split(f"[{CLAUSE_STOPS}]", between)[-1]
    if any(w in clause for w in lex["award_verbs"]):
        return True
    after = enc.text[match.end("action") : match.end("action") + 4]
    attends = any(w in clause for w in lex["attend_verbs"]) and any(
        after.startswith(n) for n in lex["ceremony_nouns"]
    )
    return attends and not _gives_next(enc.text[match.end("action") :])


def _gives_next(rest: str) -> bool:
    """Whether the clause after the ceremony opens with a help action of the same subject
    (A、B等企业参加了捐赠仪式,捐赠资金98万元: they attend and give)."""
    stop = re.search(f"[{CLAUSE_STOPS}]", rest)
    if stop is None or rest[stop.start()] in SENTENCE_STOPS:
        return False
    adverbs = alternatives(lexicon()["clause_adverbs"]["words"])
    opening = re.match(f"\\s*(?:{adverbs})?", rest[stop.end() :])
    start = stop.end() + (opening.end() if opening else 0)
    return any(regex.match(rest, start) for regex in action_regexes().values())


def _thanks_for(enc: Encoded, match: re.Match[str]) -> bool:
    """Whether the organisation thanks another for the action (A对…捐赠…表示感谢, A向…捐赠企业
    颁发证书,表示感谢)."""
    between = enc.text[match.end("donor") : match.start("action")]
    if not any(w in between for w in lexicon()["not_agent_before"]["thanks_prepositions"]):
        return False
    rest = enc.text[match.end() :]
    stop = min([i for i in (rest.find(c) for c in SENTENCE_STOPS) if i >= 0] or [len(rest)])
    return any(w in rest[:stop] for w in lexicon()["not_agent_before"]["thanks_words"])


def _agreement_sides(
    ctx: ArticleContext, enc: Encoded, match: re.Match[str]
) -> tuple[list[Slot], Mention | None] | None:
    """A与B签订购销协议: the organisation of the article's donor side helps, the other one (of the
    recipient side) is helped, and its home place is the recipient. Undecided: no relation."""
    firsts = enc.slots_in(match.start("a"), match.end("a"), "O")
    seconds = enc.slots_in(match.start("b"), match.end("b"), "O")
    side_a = {ctx.org_side(s.mention) for s in firsts}
    side_b = {ctx.org_side(s.mention) for s in seconds}
    if not (side_a - {0}) and not (side_b - {0}):
        # no side from the article: the eastern organisation helps the western one
        side_a = {_home_region_rank(s.mention) for s in firsts}
        side_b = {_home_region_rank(s.mention) for s in seconds}
    if (1 in side_a or -1 in side_b) and not (-1 in side_a or 1 in side_b):
        helpers, helped = firsts, seconds
    elif (1 in side_b or -1 in side_a) and not (-1 in side_b or 1 in side_a):
        helpers, helped = seconds, firsts
    else:
        return None
    homes = [ctx.places_by_code.get(s.mention.home_code or "") for s in helped]
    recipient = next((h for h in homes if h is not None), None) or ctx.context_recipient(enc.index)
    return helpers, recipient


def _action_of(match: re.Match[str]) -> str:
    groups = [g for g in ("action", "joint") if g in match.re.groupindex]
    words = next((match.group(g) for g in groups if match.group(g)), "")
    for name, regex in action_regexes().items():
        if words and regex.fullmatch(words):
            return name
    for name, regex in action_regexes().items():  # 购销合作框架(协议): the kind of agreement
        if words and regex.search(words):
            return name
    return "helps"
