"""Relate stage: who helps whom — place pairings, organisation help, funds and projects.

``extract_relations(article, mentions)`` reads the LINKED mentions of one article and returns
its :class:`~kg.records.Relation` records, each with the sentence and the character span that
states it, the id of the construction that fired and a confidence.

How it reads a sentence
    The sentence is *encoded*: every mention becomes one token ``«P3»`` (P place, O organisation,
    J project, M money, D date, R person) and the text between mentions stays as it is. Places
    written one after the other where the second lies inside the first (江苏省苏州市, 昆山张浦镇,
    来宾市金秀县罗运村 with only the ends linked) become one token standing for the most specific
    place. A government body acts for the place named last in its name (锡北镇政府 → 锡北镇), else
    for its home place (海沧区委、区政府), and is encoded as a place token.

    One matcher then runs every construction of ``data/relation_patterns.jsonl`` over the
    encoded sentence. A construction is a regular expression over that encoding with macros
    (``{P}`` one place, ``{PL}`` a list of places, ``{OL}`` a list of organisations, ``{G}`` one
    character inside the clause, ``{ACT}`` any help action of ``data/relation_lexicon.json``…) and
    named groups for the roles (donor, recipient; a and b when the wording is symmetric). Word
    lists (actions, government suffixes, funding words) live in ``data/relation_lexicon.json``.
    Lists: a list is never read from its middle (a place right after "«…»、" or after 与 opens no
    list); a list of recipients ends before an item that opens the next clause (北京市帮扶内蒙古
    自治区、天津市帮扶甘肃省); a list closed by 等 may use commas; A与B、C与D pairs each 与.
    A clause without its subject (同时,还结对帮扶Z; 并与Z结成对子) takes the sentence's subject
    place, unless the article has that place on the receiving side.

Direction
    A forward construction says it (X对口帮扶Y; Y与东西部扶贫协作单位X). A symmetric one (X与Y结对,
    福清连城两地, 福清通渭东西部协作) is decided, in order, by: region (the eastern side helps the
    western one), the official 2016 list (only one direction agrees with it), the national aid
    programmes (a place in Xinjiang or Tibet receives, 对口援疆/援藏), the article's own
    statements (the side that is a donor in this article's directed statements), the kind of
    the province's own programme (``data/intra_province_sides.csv``: Fujian's coastal cities
    help its mountain prefectures, southern Jiangsu helps northern Jiangsu, …), the kind of
    division (an urban district 区 or a county-level city 市 is, as a rule, richer than a 县 or
    a 旗; prefecture-level 市 richer than 州/盟/地区), and last the written order. Each later step
    lowers the confidence. Weak symmetric wordings (X与Y…合作, visits, 携手) are kept only when
    the first steps, from the places themselves, decide. One direction per pair in an article: where
    wordings disagree, the better evidenced one stays.

Helper organisations
    Only a name is an organisation (:func:`guarded_org`): phrases the NER took for one — common
    words (招商, 农业产业化), collective bodies (X市各级政府及社会各界), splinters cut inside a
    word (有|限公司), a line of business without a trade name (工程有限公司) — stay text. An
    organisation helps as the subject of a help action (A公司投资…; A、B等单位…,为该村安装…
    along its chain of clauses; 由A、B共同筹集), as the donor side of an agreement with another
    organisation (A与B签订购销协议: the side comes from the homes, else the region), as the 我们 of
    a quote it speaks, or as 该公司 pointing back to it. It does not help where it is a goal or an
    object (到/向/为A, 走访A, 邀请A), receives (A获得资金), thanks, reports (据A日报报道), or is
    based on the helped side (the recipient's own school or company).

No invention
    A list on both sides (北京、上海等9个东部省市与西部10个省区开展扶贫协作) states no pair unless
    it says 分别 with lists of equal length. Weak verbs (帮助, 携手, 到…捐资, 在…投资, 向…捐赠) make
    a pairing only between places of comparable level (both county level or above, or the same
    level); strong ones (对口帮扶, 与…结对, 签订帮扶协议) pair any levels (普陀区与白果坪村).

Funds and projects
    A sum goes from the nearest giver written before it to the nearest place marked as receiving
    (向, 为, 援助…) in its own clause; a place that obtains money (获得, 争取到) receives it. A place
    gives money to, or builds in, a place of another level only where the article pairs the two;
    a giver named with a recipient borrowed from another sentence must be its known partner; the
    article's donor is borrowed only for its own recipient or a place inside it. Otherwise the
    donor stays unknown: a relation between two places is a pairing for the graph's queries.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib.resources import files
from typing import Any

from kg import cue_pairs
from kg.gazetteer import load_gazetteer
from kg.link import fill_place
from kg.records import Article, Mention, Party, Relation
from kg.regions import region_of

OPEN, CLOSE = "\ue000", "\ue001"
LABEL_LETTERS = {"PLACE": "P", "ORG": "O", "PROJECT": "J", "MONEY": "M", "DATE": "D", "PERSON": "R"}
TOKEN_RE = re.compile(OPEN + r"([A-Z])(\d+)" + CLOSE)
CLAUSE_STOPS = ",,。;;!?!?::"
SENTENCE_STOPS = "。;;!?!?"
UPPER_LEVELS = frozenset({"province", "prefecture", "county"})
REGION_RANK = {"east": 2, "other": 1, "west": 0}

# The steps that decide from the two places themselves, not from the article or their names.
SIDE_STEPS = frozenset({"region", "official", "aid-programme", "province-programme"})

# Confidence factors of the steps that decide a symmetric wording's direction.
RESOLVE_FACTORS = {
    "region": 0.95,
    "official": 0.95,
    "aid-programme": 0.9,
    "article": 0.85,
    "province-programme": 0.8,
    "division-kind": 0.6,
    "order": 0.5,
}


# --------------------------------------------------------------------------- data


def _data_text(name: str) -> str:
    return files("kg.data").joinpath(name).read_text(encoding="utf-8")


@cache
def lexicon() -> dict[str, Any]:
    """The word lists of this stage (``data/relation_lexicon.json``)."""
    return json.loads(_data_text("relation_lexicon.json"))


def _alternatives(words: Iterable[str]) -> str:
    """Regex alternation, longest first so 结对帮扶 wins over 结对."""
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _action_regexes() -> dict[str, re.Pattern[str]]:
    actions = {k: v for k, v in lexicon()["actions"].items() if not k.startswith("_")}
    return {name: re.compile(_expand(_alternatives(words), {})) for name, words in actions.items()}


def _macros() -> dict[str, str]:
    lex = lexicon()
    one_char = f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]"  # the {G} macro, used inside others
    token = OPEN + "{}" + r"\d+" + CLOSE
    place, org = token.format("P"), token.format("O")
    opening = _alternatives(lex["clause_opening_verbs"]["words"])
    subordinates = _alternatives(lex["subordinate_list_joiners"]["words"])
    actions = [w for k, ws in lex["actions"].items() if not k.startswith("_") for w in ws]
    intro = lex["introduced_enterprise"]
    return {
        "P": place,
        "O": org,
        # the end of any token (for look-behinds: a place right after "«…»、" is inside a list)
        "END": CLOSE,
        "M": token.format("M"),
        "J": token.format("J"),
        "D": token.format("D"),
        "PL": f"{place}(?:(?:、|和|及|以及|或|联合|会同|的)?{place})*",
        # a list of recipients: an item followed by a pairing verb opens the next clause
        # (北京市帮扶内蒙古自治区、天津市帮扶甘肃省), so it ends the list before it
        # (…对口支援Y市及其下辖A、B等县区: the subordinates named after 及其下辖 receive too)
        "PLR": (
            f"{place}(?:(?:、|和|及|以及|或|的|(?:{subordinates})的?)?{place}"
            f"(?!{one_char}{{0,3}}?{opening}))*"
        ),
        # a list that 等 closes may separate its items with commas too (海曙段塘、望春,江东东郊,
        # 北仑小港等四区的7个镇): 等 tells that they are one list
        "PLD": f"{place}(?:(?:[、,,]|和|及|以及)?{place})*(?=等)",
        "OL": f"{org}(?:(?:、|和|及|以及)?{org})*",
        # a list of places and organisations (A公司、Y村与Z村签订…): only its places are parties
        "POL": f"(?:{place}|{org})(?:(?:、|和|及|以及)?(?:{place}|{org}))*",
        # one character or non-party token inside a clause (签订的“…”«J»合作协议)
        "GT": f"(?:{one_char}|{OPEN}[MDJR]\\d+{CLOSE})",
        # a team a place sends (工作队, 指挥部): X驻Y工作队 pairs X with Y
        "TEAM": _alternatives(lex["stationed_team"]["words"]),
        # words that may open a clause before its verb when its subject is left out (同时, 还)
        "LEAD": _alternatives(lex["clause_adverbs"]["words"]),
        # one character inside a clause: no token, no clause punctuation
        "G": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]",
        # the same without the words that join a second party (与, 和, 同)
        "H": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}与和同]",
        # one character or non-party token inside a sentence (crosses commas)
        "X": f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[MDJR]\\d+{CLOSE})",
        # the same, crossing places too (ORG … 在Y设立), and organisations that are a goal or
        # an object (A组织企业到«X村幼儿园»开展捐赠)
        "XP": (
            f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[PMDJR]\\d+{CLOSE}"
            f"|(?<=[到向为给对赴]){OPEN}O\\d+{CLOSE})"
        ),
        # the same along one subject's chain of clauses: a place or an organisation that opens a
        # clause is a new subject; inside a clause it is an object (结合«党史»学习教育, 到«X小学»)
        "XS": (
            f"(?:[^{OPEN}{CLOSE}{SENTENCE_STOPS}]|{OPEN}[MDJR]\\d+{CLOSE}"
            f"|(?<![,,;;:、]){OPEN}[PUO]\\d+{CLOSE})"
        ),
        # what may stand before a subject inside its clause (a date, 爱心企业), but no preposition
        # that would make the organisation an object (与, 向, 为, 在…)
        "SUBJ_LEAD": f"(?:(?!{_alternatives(lex['not_subject_before']['words'])}){one_char})",
        # a place right after a pairing verb is that verb's object (北京帮扶内蒙古和河北的保定):
        # it opens no "X与Y结对" of its own
        "NOT_OBJECT": "".join(f"(?<!{w})" for w in lex["clause_opening_verbs"]["words"]),
        "ACT": _alternatives(actions),
        "INTRO": _alternatives(intro["verbs"]),
        "INTRO_NOUN": _alternatives(intro["nouns_after"]),
        "ATTR_HEAD": _alternatives(lex["attributive_heads"]["words"]),
    }


def _expand(regex: str, macros: dict[str, str]) -> str:
    """Replace ``{NAME}`` macros (not ``{m,n}`` quantifiers); nested macros expand too."""
    base = {"G": f"[^{OPEN}{CLOSE}{CLAUSE_STOPS}]"}
    table = {**base, **macros}

    def one(match: re.Match[str]) -> str:
        return "(?:" + _expand(table[match.group(1)], table) + ")"

    return re.sub(r"\{([A-Z_]+)\}", lambda m: one(m) if m.group(1) in table else m.group(0), regex)


@dataclass(frozen=True)
class Pattern:
    """One construction of ``data/relation_patterns.jsonl``."""

    id: str
    type: str
    regex: re.Pattern[str]
    confidence: float
    direction: str = "forward"  # forward | symmetric
    levels: str = "any"  # any | comparable
    donor_fallback: str | None = None  # topic | subject (the topic, unless it receives)
    recipient_fallback: str | None = None  # topic | context | subject (the subject, unless it gives)
    action: str | None = None
    # cross: each first with each second | chain: A与B、C与D, one pair per 与 | items: a list of
    # pairs, each item's places before its joining word with those after it (A、B与C,D与E)
    pairs: str = "cross"
    decided_by: str = "any"  # any | sides: a symmetric wording kept only when the sides decide
    teams: bool = False  # every organisation in the wording must be a team (X驻Y工作队)


@cache
def load_patterns() -> tuple[Pattern, ...]:
    """The constructions, compiled once."""
    macros = _macros()
    patterns = []
    for line in _data_text("relation_patterns.jsonl").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        patterns.append(
            Pattern(
                id=row["id"],
                type=row["type"],
                regex=re.compile(_expand(row["regex"], macros)),
                confidence=float(row["confidence"]),
                direction=row.get("direction", "forward"),
                levels=row.get("levels", "any"),
                donor_fallback=row.get("donor_fallback"),
                recipient_fallback=row.get("recipient_fallback"),
                action=row.get("action"),
                pairs=row.get("pairs", "cross"),
                decided_by=row.get("decided_by", "any"),
                teams=bool(row.get("teams", False)),
            )
        )
    return tuple(patterns)


@cache
def official_pairs() -> tuple[tuple[str, str, str, str], ...]:
    """The official 2016 list: (donor_code, donor_name, recipient_code, recipient_name)."""
    rows = csv.DictReader(_data_text("official_pairs_2016.csv").splitlines())
    return tuple((r["donor_code"], r["donor_name"], r["recipient_code"], r["recipient_name"]) for r in rows)


# --------------------------------------------------------------------------- places


def _depth(code: str) -> int:
    """0 province, 1 prefecture, 2 county (6-digit codes)."""
    if code[2:6] == "0000":
        return 0
    if code[4:6] == "00":
        return 1
    return 2


def chain(place: Mention) -> set[str]:
    """Codes of the place and of everything above it."""
    codes = set(place.parents)
    codes.update(c for c in (place.code, place.county_code) if c)
    return codes


def place_key(place: Mention) -> str:
    """Identity of a place: its code, or its county's code and its name below county level."""
    if place.code and place.level in UPPER_LEVELS:
        return place.code
    return f"{place.county_code or ''}/{place.name or place.text}"


def nests(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` is ``outer`` or lies inside it."""
    if place_key(inner) == place_key(outer):
        return True
    if outer.code and outer.level in UPPER_LEVELS:
        return outer.code in chain(inner)
    if outer.level == "town" and inner.level == "village":
        return bool(outer.county_code) and outer.county_code == inner.county_code
    return False


def related(a: Mention, b: Mention) -> bool:
    """Same place, or one inside the other: never a pair."""
    return nests(a, b) or nests(b, a)


def comparable_levels(a: Mention, b: Mention) -> bool:
    """Both county level or above, or the same level: what a weak verb may pair."""
    return (a.level in UPPER_LEVELS and b.level in UPPER_LEVELS) or a.level == b.level


def region_code(place: Mention) -> str | None:
    return place.code if place.level in UPPER_LEVELS else place.county_code


def province_of(place: Mention) -> str | None:
    code = region_code(place)
    return place.province_code or (code[:2] + "0000" if code else None)


def pairing_kind(donor: Mention, recipient: Mention) -> str:
    """east-west, intra-province or other, from the provinces of the two places."""
    donor_province, recipient_province = province_of(donor), province_of(recipient)
    if donor_province and donor_province == recipient_province:
        return "intra-province"
    if region_of(region_code(donor)) == "east" and region_of(region_code(recipient)) == "west":
        return "east-west"
    return "other"


def official_pair(donor: Mention, recipient: Mention) -> tuple[str, str] | None:
    """The most specific official pair that the pair agrees with at its own or a higher level."""
    donor_chain, recipient_chain = chain(donor), chain(recipient)
    best: tuple[str, str] | None = None
    for d_code, _, r_code, _ in official_pairs():
        if d_code in donor_chain and r_code in recipient_chain:
            if best is None or _depth(d_code) + _depth(r_code) > _depth(best[0]) + _depth(best[1]):
                best = (d_code, r_code)
    return best


@cache
def intra_province_sides() -> dict[str, str]:
    """Prefecture code → donor | recipient in the provinces' own programmes (山海协作, 南北挂钩)."""
    lines = [ln for ln in _data_text("intra_province_sides.csv").splitlines() if not ln.startswith("#")]
    return {row["code"]: row["side"] for row in csv.DictReader(lines)}


def intra_side(place: Mention) -> str | None:
    code = region_code(place)
    return intra_province_sides().get(code[:4] + "00") if code else None


DIVISION_KIND_RANK = (("区", 3), ("市", 2), ("县", 1), ("旗", 1), ("州", 1), ("盟", 1), ("地区", 1))


def division_kind_rank(place: Mention) -> int | None:
    """A rough wealth order of county/prefecture kinds, by the official name's ending."""
    name = place.name or ""
    if place.level not in ("county", "prefecture"):
        return None
    for suffix, rank in DIVISION_KIND_RANK:
        if name.endswith(suffix):
            return rank
    return None


def to_party(place: Mention) -> Party:
    upper = place.level in UPPER_LEVELS
    return Party(
        label="PLACE",
        name=place.name or place.text,
        code=place.code if upper else None,
        level=place.level,
        county_code=None if upper else place.county_code,
        province_code=province_of(place),
        mention_start=place.start,
        mention_end=place.end,
    )


def org_party(org: Mention) -> Party:
    return Party(
        label="ORG",
        name=org.name or org.text,
        code=org.home_code,
        subtype=org.subtype,
        mention_start=org.start,
        mention_end=org.end,
    )


def _unresolved_place(mention: Mention) -> Mention | None:
    """An unresolved place whose name ends in a level suffix (建新村), as a nameable recipient."""
    levels = {k: v for k, v in lexicon()["unresolved_place_levels"].items() if not k.startswith("_")}
    for suffix, level in sorted(levels.items(), key=lambda kv: -len(kv[0])):
        if mention.text.endswith(suffix) and len(mention.text) > len(suffix) + 1:
            return Mention(**{**mention.to_dict(), "name": mention.text, "level": level})
    return None


LEADING_MARKS = "“”\"'‘’《「『(("


def guarded_org(org: Mention, before: str = "", after: str = "") -> Mention | None:
    """The organisation mention as a name, or None when it is no organisation name.

    A verb stuck to its end (天津市工商联捐赠) is cut off, so that it reads as the action;
    a quantity in front, a generic word, a clause verb inside a name without an organisation
    ending, or a place ending mean the NER took something else for a name (see the lexicon's
    ``org_guard``). Government organs are kept: they act for their place.
    """
    guard = lexicon()["org_guard"]
    text, start, end = org.text, org.start, org.end
    while text and text[0] in LEADING_MARKS:
        text, start = text[1:], start + 1
    name = org.name if org.name and org.name != org.text else text
    opening = max(text.rfind("("), text.rfind("（"))
    if opening > 0 and ")" not in text[opening:] and "）" not in text[opening:]:
        # 区工商联(总商会: a bracket the NER opened and never closed ends the name
        tail = text[opening:]
        text, end = text[:opening], end - len(tail)
        name = name[: -len(tail)] if name.endswith(tail) else text
    person = guard["person_after"]
    low, high = person["name_length"]
    person_name = f"(?:(?![办室处部会局委科组队司])[\u4e00-\u9fff]){{{low},{high}}}$"
    role = re.search(f"(?:{_alternatives(person['roles'])}){person_name}", text)
    if role and role.start() >= 2:
        # X集团联络员潘光国: the organisation ends before the role of its person
        tail = text[role.start() :]
        text, end = text[: role.start()], end - len(tail)
        name = name[: -len(tail)] if name.endswith(tail) else text
    trimmed = True
    while trimmed:
        trimmed = False
        for verb in guard["trailing_verbs"]:
            if text.endswith(verb) and len(text) > len(verb) + 1:
                text, end = text[: -len(verb)], end - len(verb)
                name = name[: -len(verb)] if name.endswith(verb) else name
                trimmed = True
    if len(text) < 2:
        return None
    while text.endswith(tuple(guard["name_endings"])):
        # 查阅工商联, 然后招募市人民医院: the clause's verb or opening word was taken into the name
        verb = _leading_verb(text) or next((w for w in guard["leading_words"] if text.startswith(w)), None)
        if not verb or len(text) - len(verb) < 3:
            break
        text, start = text[len(verb) :], start + len(verb)
        name = name[len(verb) :] if name.startswith(verb) else name
    changed = replace(org, text=text, start=start, end=end, name=name)
    if is_government(changed):
        return changed
    endings = tuple(guard["name_endings"])
    if re.match(guard["quantity_start"], text) or text in guard["generic_names"]:
        return None
    if _after_places(text) in guard["generic_names"]:
        return None  # 山东企业: a place and a generic word
    if _only_places(text):
        return None  # 四川省西昌: place names the NER took for a name
    if re.search(guard["quantity_before"], before) or text.endswith(tuple(guard["not_name_endings"])):
        return None
    if re.match(guard["counter_start"], text) and re.search(guard["numeral_before"], before):
        return None  # 6|家东部省级电力公司: the counter of a quantity glued to a description
    if text.endswith(tuple(guard["person_endings"])):
        return None  # 林某兄弟俩: people, not an organisation
    if re.search(guard["quantity_inside"], text) or re.match(guard["money_start"], text):
        return None  # 万元资金注入某合作社: the unit of a sum cut from its number
    if after and _ends_inside_a_word(text, after):
        return None
    lead = (before + org.text)[: len(before) + start - org.start]
    if lead and _starts_inside_a_word(lead, text):
        joiner = lead[-1]
        opens_item = len(lead) < 2 or lead[-2] in guard["list_marks"]
        if not (joiner in guard["joiners_cut_off"] and opens_item and text.endswith(endings)):
            return None
        if len(_words(joiner + text[:4])[0]) < 2:
            return None
        # A、和|平之君服务中心: the NER stopped at a joining character that begins the name
        name = joiner + name if name == text else name
        text, start = joiner + text, start - 1
        changed = replace(changed, text=text, start=start, name=name)
    if any(v in text for v in guard["clause_verbs"]) and not text.endswith(endings):
        return None
    if any(w in text for w in guard["collective_words"]):
        return None
    if not text.endswith(endings) and is_common_phrase(text):
        return None
    rest = _after_places(text)
    if rest != text and not text.endswith(endings) and len(_words(rest)) > 1 and is_common_phrase(rest):
        return None  # 某地农业农村现代化: a place before a phrase of common words
    trade = guard["trade_name_forms"]
    for form in trade["forms"]:
        if text.endswith(form):
            stem = text[: -len(form)]
            if not stem or all(w in trade["lines_of_business"] for w in _words(stem)):
                return None  # 工程有限公司: a line of business and the legal form, no trade name
            break
    if text.endswith(tuple(guard["place_endings"])) and not text.endswith(endings):
        return None
    return changed


@cache
def _jieba_tables() -> tuple[Any, dict[str, int], dict[str, str]]:
    """jieba's tokenizer, word frequencies and part-of-speech tags (loaded once, when needed)."""
    import jieba  # noqa: PLC0415 — loaded only when an organisation name needs checking
    import jieba.posseg  # noqa: PLC0415

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    jieba.posseg.dt.tokenizer.check_initialized()
    return jieba.dt, jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def _ends_inside_a_word(text: str, after: str) -> bool:
    """Whether the name ends inside a word that lies mostly after it (重庆市部分行|政村): the NER
    cut a phrase in the middle of a word."""
    tail = text[-3:]
    position = 0
    for word in _words(tail + after):
        if position < len(tail) < position + len(word):
            return position + len(word) - len(tail) > len(tail) - position
        position += len(word)
    return False


MIN_WORD_FREQUENCY = 100  # jieba frequency of a word that can stand on its own


def _starts_inside_a_word(before: str, text: str) -> bool:
    """Whether the name starts inside a word begun before it (其|中资助职业中学, 对|接两地工商联,
    有|限公司): the NER cut a phrase in the middle of a word."""
    head = before[-3:]
    position = 0
    _, frequencies, _ = _jieba_tables()
    for word in _words(head + text[:4]):
        if position < len(head) < position + len(word):
            # a whole word before the name may be cut right (联合|国美电器, 会同|仁堂)
            outside = head[position:]
            return len(outside) == 1 or (frequencies.get(outside) or 0) < MIN_WORD_FREQUENCY
        position += len(word)
    return False


def _after_places(text: str) -> str:
    """The text after the place names it starts with (山东企业 → 企业), by jieba's ns tag."""
    _, _, tags = _jieba_tables()
    words = _words(text)
    while len(words) > 1 and tags.get(words[0]) == "ns":
        words = words[1:]
    return "".join(words)


def _only_places(text: str) -> bool:
    """Whether every word of the text is a place name by jieba's ns tag (四川省西昌)."""
    _, _, tags = _jieba_tables()
    words = _words(text)
    return len(words) > 1 and all(tags.get(w) == "ns" for w in words)


def _words(text: str) -> list[str]:
    tokenizer, _, _ = _jieba_tables()
    return list(tokenizer.cut(text, HMM=False))


def _leading_verb(text: str) -> str | None:
    """The frequent verb a text starts with (查阅工商联 → 查阅), or a help action whatever its tag
    (资助职业中学 → 资助), if any."""
    tokenizer, frequencies, tags = _jieba_tables()
    words = list(tokenizer.cut(text, HMM=False))
    first = words[0] if words else ""
    if len(words) > 1 and first in _plain_actions():
        return first
    minimum = lexicon()["org_guard"]["common_word"]["leading_verb_min_frequency"]
    if (
        len(words) > 1
        and len(first) >= 2
        and tags.get(first) == "v"
        and (frequencies.get(first) or 0) >= minimum
    ):
        return first
    return None


def ends_with_verb(text: str) -> bool:
    """Whether the last word of ``text`` is a verb (查阅 before an organisation makes it an object)."""
    tokenizer, _, tags = _jieba_tables()
    words = list(tokenizer.cut(text, HMM=False))
    return bool(words) and tags.get(words[-1], "").startswith("v")


def is_common_phrase(text: str) -> bool:
    """Whether ``text`` is made only of frequent common words (招商, 农业产业化), perhaps after a
    one-character verb (建基础, 兴产业: a slogan's verb and object): no part of it is a name."""
    rule = lexicon()["org_guard"]["common_word"]
    tokenizer, frequencies, tags = _jieba_tables()
    words = list(tokenizer.cut(text, HMM=False))
    if len(words) > 1 and len(words[0]) == 1 and tags.get(words[0]) == "v":
        words = words[1:]
    if len(words) == 1 and len(words[0]) == rule["lone_word_length"]:
        if tags.get(words[0], "x") in rule["common_tags"]:
            return True  # 党史 (of 党史学习教育): a lone common word
    return all(
        len(w) >= 2
        and (
            tags.get(w, "x") in rule["idiom_tags"]
            or (len(w) >= rule["long_word_length"] and tags.get(w, "x") in rule["common_tags"])
            or (
                (frequencies.get(w) or 0) >= rule["min_frequency"]
                and tags.get(w, "x") not in rule["proper_tags"]
            )
        )
        for w in words
    )


def is_resolved(place: Mention) -> bool:
    return bool(place.name) and bool(place.code or place.county_code) and not place.unresolved


def is_government(org: Mention) -> bool:
    """A government or party organ acts for its place and is no helper organisation."""
    rule = lexicon()["government_org"]
    name = org.name or org.text
    if name.endswith(tuple(rule["not_suffixes"])):
        return False  # 某镇工会委员会: a mass organisation named like a committee
    return any(name.endswith(s) for s in rule["suffixes"])


def code_within(code: str | None, place: Mention) -> bool:
    """Whether a division code lies inside ``place`` (a county-or-above place)."""
    if not code or not place.code or place.level not in UPPER_LEVELS:
        return False
    depth = _depth(place.code)
    prefix = (2, 4, 6)[depth]
    return code[:prefix] == place.code[:prefix]


# --------------------------------------------------------------------------- encoding


@dataclass
class Slot:
    """One token of an encoded sentence: a mention, or several nested places read as one."""

    letter: str
    mention: Mention  # the representative (for places: the most specific)
    start: int
    end: int
    place: Mention | None = None  # the place a P token stands for
    government: bool = False
    station: Mention | None = None  # an O token that is a team (X驻Y工作队): the place it stays in


@dataclass
class Encoded:
    """A sentence as tokens and text, with the way back to article offsets."""

    index: int
    text: str  # the encoded sentence
    slots: list[Slot]
    starts: list[int]  # article offset where each encoded character starts
    ends: list[int]  # article offset where each encoded character ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]

    def slots_in(self, start: int, end: int, letters: str) -> list[Slot]:
        found = []
        for m in TOKEN_RE.finditer(self.text, start, end):
            if m.group(1) in letters:
                found.append(self.slots[int(m.group(2))])
        return found

    def slot_positions(self) -> list[tuple[int, int, Slot]]:
        return [(m.start(), m.end(), self.slots[int(m.group(2))]) for m in TOKEN_RE.finditer(self.text)]


def _usable(mention: Mention) -> bool:
    if mention.label == "PLACE":
        return True
    return mention.label in LABEL_LETTERS


def _non_overlapping(mentions: Sequence[Mention]) -> list[Mention]:
    """Longest first, then in text order: an ORG that contains a place name wins over it."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


# Text between two places of one address (来宾市金秀县罗运村 where only 来宾 and 罗运村 were
# linked): a few characters that end in a division suffix.
ADDRESS_GAP = re.compile(r"\s*(?:[\u4e00-\u9fff]{0,5}?(?:省|自治区|市|县|区|州|盟|旗|镇|乡|街道|村))?\s*")


def _address_head(slots: list[Slot], text: str, place: Mention) -> int | None:
    """Index of the place slot that ``place`` continues as one address, else None.

    Written one after the other with nothing but address text between them (江苏省苏州市,
    来宾市金秀县罗香乡罗运村), the inner place is the one meant; unresolved places in between
    (罗香乡) belong to the address too.
    """
    cursor = place.start
    for i in range(len(slots) - 1, -1, -1):
        slot = slots[i]
        if not ADDRESS_GAP.fullmatch(text[slot.end : cursor]):
            return None
        if slot.letter == "P" and slot.place is not None:
            return i if nests(place, slot.place) else None
        if slot.letter != "U":
            return None
        cursor = slot.start
    return None


def government_home(
    org: Mention, places_by_code: dict[str, Mention], places_by_text: dict[str, Mention]
) -> Mention | None:
    """The place a government organ acts for: the place named last in its name (锡北镇政府 →
    锡北镇, not its county), else the linker's home code."""
    text = org.text
    best: tuple[int, int, Mention] | None = None
    for key, place in places_by_text.items():
        at = text.rfind(key)
        if at >= 0:
            rank = (at + len(key), len(key))
            if best is None or rank > best[:2]:
                best = (*rank, place)
    if best is not None:
        return best[2]
    return places_by_code.get(org.home_code or "") or _place_of_code(org, org.home_code)


def team_station(org: Mention, places_by_text: dict[str, Mention]) -> Mention | None:
    """The place a team stays in (观珠镇帮扶工作队 → 观珠镇, 广清指挥部驻连山工作队 → 连山): the
    place its name names after 驻, else at its start; None for any other organisation."""
    name = org.text
    if not name.endswith(tuple(lexicon()["stationed_team"]["words"])):
        return None
    rest = name[name.rfind("驻") + 1 :]
    keys = [k for k in places_by_text if rest.startswith(k) and len(k) < len(rest)]
    if keys:
        return places_by_text[max(keys, key=len)]
    # the place is named only inside the team's name (驻«册亨县帮扶工作队»): the linker's home
    return _place_of_code(replace(org, text=rest), org.home_code)


def _without_parent_names(text: str, division: Any) -> str:
    """The name without the names of the division's parents written before it (山东省滨州市人社局
    → 滨州市人社局): an organ of a place is often named with its province in front."""
    gazetteer = load_gazetteer()
    for parent_code in division.parents:
        parent = gazetteer.get(parent_code)
        if parent is None:
            continue
        names = sorted((n for n in (parent.name, parent.short or "", *parent.aliases) if n), key=len)
        for name in reversed(names):
            if text.startswith(name) and len(text) > len(name):
                text = text[len(name) :]
                break
    return text


def _team_sender(
    org: Mention, places_by_code: dict[str, Mention], places_by_text: dict[str, Mention]
) -> tuple[Mention, str] | None:
    """The place that sends a team named as one organisation with 驻 inside (珠海市驻观珠镇帮扶
    工作队), and the words that name it: the place its name begins with, else the linker's home."""
    name = org.text
    at = name.rfind("驻")
    if at <= 0 or not name.endswith(tuple(lexicon()["stationed_team"]["words"])):
        return None
    keys = [k for k in places_by_text if name.startswith(k) and len(k) <= at]
    if keys:
        key = max(keys, key=len)
        return places_by_text[key], key
    division = load_gazetteer().get(org.home_code) if org.home_code else None
    home = places_by_code.get(org.home_code or "") or _place_of_code(org, org.home_code)
    if division is None or home is None:
        return None
    names = (division.name, division.short or "", *division.aliases)
    words = max((w for w in names if w and name.startswith(w) and len(w) <= at), key=len, default=None)
    return (home, words) if words else None


def _place_of_code(mention: Mention, code: str | None) -> Mention | None:
    """A place mention for a division code (county level or above) where the article names the
    place only inside an organisation's name (黔西南州人民政府): the division the name begins with."""
    division = load_gazetteer().get(code) if code else None
    if division is None or division.level not in UPPER_LEVELS:
        return None
    names = (division.name, division.short or "", *division.aliases)
    if not any(n and _without_parent_names(mention.text, division).startswith(n) for n in names):
        return None
    return replace(fill_place(mention, division), label="PLACE", home_code=None, subtype=None)


def encode(
    article: Article,
    index: int,
    mentions: Sequence[Mention],
    places_by_code: dict[str, Mention],
    places_by_text: dict[str, Mention] | None = None,
) -> Encoded:
    """Encode sentence ``index`` of the article with its mentions."""
    sentence = article.sentences[index]
    slots: list[Slot] = []
    for m in _non_overlapping([m for m in mentions if _usable(m)]):
        if m.label == "PLACE":
            if not is_resolved(m):
                # never a pairing party; a help or fund recipient when its name says its level
                slots.append(Slot("U", m, m.start, m.end, place=_unresolved_place(m)))
                continue
            head = _address_head(slots, article.text, m)
            if head is not None:
                start = slots[head].start
                del slots[head:]
                slots.append(Slot("P", m, start, m.end, place=m))
                continue
            slots.append(Slot("P", m, m.start, m.end, place=m))
        elif m.label == "ORG":
            speaker = m.source in (SPEAKER_SOURCE, ANAPHOR_SOURCE)  # 我们 / 该公司 for a name
            guarded = (
                m
                if speaker
                else guarded_org(
                    m, article.text[max(0, m.start - 4) : m.start], article.text[m.end : m.end + 4]
                )
            )
            if guarded is None:
                previous = slots[-1] if slots else None
                if previous and previous.letter == "O" and previous.end == m.start:
                    # 厦门海投集团|供应链公司: a line of business right after a name is its subsidiary
                    org = previous.mention
                    joined = replace(
                        org, text=org.text + m.text, end=m.end, name=(org.name or org.text) + m.text
                    )
                    slots[-1] = Slot("O", joined, previous.start, m.end, government=previous.government)
                continue  # not an organisation name: its words stay plain text
            m = guarded
            government = is_government(m)
            home = government_home(m, places_by_code, places_by_text or {}) if government else None
            if home is not None:
                slots.append(Slot("P", m, m.start, m.end, place=home, government=True))
            else:
                sender = _team_sender(m, places_by_code, places_by_text or {})
                if sender is not None:  # «X驻Y工作队» as one name: X, then 驻, then Y's team
                    at = m.text.rfind("驻") + 1
                    slots.append(Slot("P", sender[0], m.start, m.start + len(sender[1]), place=sender[0]))
                    m = replace(m, text=m.text[at:], name=m.text[at:], start=m.start + at)
                station = team_station(m, places_by_text or {})
                slots.append(Slot("O", m, m.start, m.end, government=government, station=station))
        else:
            slots.append(Slot(LABEL_LETTERS[m.label], m, m.start, m.end))

    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = sentence.start
    for i, slot in enumerate(slots):
        for offset in range(cursor, slot.start):
            parts.append(article.text[offset])
            starts.append(offset)
            ends.append(offset + 1)
        token = f"{OPEN}{slot.letter}{i}{CLOSE}"
        parts.append(token)
        starts.extend([slot.start] * len(token))
        ends.extend([slot.end] * len(token))
        cursor = slot.end
    for offset in range(cursor, sentence.end):
        parts.append(article.text[offset])
        starts.append(offset)
        ends.append(offset + 1)
    return Encoded(index, "".join(parts), slots, starts, ends)


# --------------------------------------------------------------------------- candidates


@dataclass
class PairCandidate:
    """A pairing before its direction is settled (symmetric wordings) and before output."""

    pattern: Pattern
    sentence: int
    span: tuple[int, int]
    first: Mention  # donor, or side a of a symmetric wording
    second: Mention
    symmetric: bool
    confidence: float


@dataclass
class ArticleState:
    """What the article says so far: its pairings, by which later stages choose roles."""

    pairings: list[tuple[Mention, Mention, float, int]] = field(default_factory=list)

    def donor_score(self, place: Mention) -> float:
        score = 0.0
        for donor, recipient, confidence, _ in self.pairings:
            if related(place, donor):
                score += confidence
            if related(place, recipient):
                score -= confidence
        return score

    def is_donor_side(self, place: Mention) -> bool:
        return self.donor_score(place) > 0

    def is_recipient_side(self, place: Mention) -> bool:
        return self.donor_score(place) < 0

    def main(self, role: int) -> Mention | None:
        counts: Counter[str] = Counter()
        first: dict[str, Mention] = {}
        for pair in self.pairings:
            place = pair[role]
            counts[place_key(place)] += pair[2]
            first.setdefault(place_key(place), place)
        if not counts:
            return None
        return first[counts.most_common(1)[0][0]]

    def in_sentence(self, index: int) -> list[tuple[Mention, Mention, float, int]]:
        return [p for p in self.pairings if p[3] == index]

    def recipient_codes_contain(self, code: str | None) -> bool:
        return any(code_within(code, r) for _, r, _, _ in self.pairings) and not any(
            code_within(code, d) for d, _, _, _ in self.pairings
        )


def _topics(encoded: Sequence[Encoded]) -> list[Slot | None]:
    """Each sentence's subject place: its first place, else the previous sentence's subject."""
    topics: list[Slot | None] = []
    carried: Slot | None = None
    for enc in encoded:
        first = next((s for s in enc.slots if s.letter == "P"), None)
        carried = first or carried
        topics.append(carried)
    return topics


def _group_places(enc: Encoded, match: re.Match[str], name: str) -> list[Mention]:
    if name not in match.re.groupindex or match.group(name) is None:
        return []
    return _list_places(enc, match.start(name), match.end(name))[0]


LEVEL_DEPTH = {"province": 0, "prefecture": 1, "county": 2, "town": 3, "village": 4}


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
    for m in TOKEN_RE.finditer(enc.text, start, end):
        slot = enc.slots[int(m.group(2))]
        place = slot.place if m.group(1) == "P" else slot.station if m.group(1) == "O" else None
        if place is None:
            continue
        between = enc.text[previous_end : m.start()]
        if places and between == "的":
            if not nests(place, places[-1]):
                break
            containers.append(places[-1])
        elif places and between == "" and m.group(1) == "O" and nests(place, places[-1]):
            places.pop()  # 电白区«观珠镇工作队»: one address
        places.append(place)
        previous_end = m.end()
    return places, containers


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
            joins = [i for i, (between, _) in enumerate(segment) if i > 0 and between == "和"]
            if len(joins) != 1:
                continue
        lows = [0] + [j - 1 for j in joins[1:]]
        highs = [j - 1 for j in joins[1:]] + [len(segment)]
        for low, join, high in zip(lows, joins, highs, strict=True):
            lefts = [place for _, place in segment[low:join]]
            rights = [place for _, place in segment[join:high]]
            pairs.extend((a, b) for a in lefts for b in rights)
    return pairs


def _pair_candidates(
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
        chained = _group_places(enc, match, "chain")
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
    if len(firsts) > 1 and len(seconds) > 1:
        # both sides are lists: only 分别 with equal lengths says who helps whom
        if "分别" not in sentence_text or len(firsts) != len(seconds):
            return []
        combos = list(zip(firsts, seconds, strict=True))
    else:
        combos = [(f, s) for f in firsts for s in seconds]
    span = enc.span(match.start(), match.end())
    found = []
    for first, second in combos:
        if related(first, second):
            continue
        if pattern.levels == "comparable" and not comparable_levels(first, second):
            continue
        found.append(PairCandidate(pattern, enc.index, span, first, second, symmetric, pattern.confidence))
    return found


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


# (来自A镇、B镇的企业和村与Y结对: a kind of helper before 和/及 is no village name)
UNLINKED_BELOW = re.compile(
    r"的(?!(?:企业|单位|部门|机关|学校|医院|商会|协会|社会组织)[和及与、])[\u4e00-\u9fff]{1,6}?"
    r"(?:村|社区|镇|乡|街道)(?![\u4e00-\u9fff]{0,2}(?:干部|群众|村民|居民|人|的))"
)


def _locates_unnamed(enc: Encoded, match: re.Match[str], role: str) -> bool:
    """Whether a party group only locates the real party, a village or town the linker missed
    (张家港市的善港村与沿河县的«高峰村»结成对子: 沿河县 is not the partner)."""
    if role not in match.re.groupindex or match.group(role) is None:
        return False
    return UNLINKED_BELOW.match(enc.text, match.end(role)) is not None


def _qualifiers_hold(enc: Encoded, match: re.Match[str], parties: list[Mention]) -> bool:
    """Places in a ``qual`` group only locate the party after them (与位于山东西部的菏泽市): each
    must contain one of that party's places, or the wording names another party there."""
    if "qual" not in match.re.groupindex or match.group("qual") is None:
        return True
    qualifiers = [s.place for s in enc.slots_in(match.start("qual"), match.end("qual"), "P") if s.place]
    return all(any(nests(p, q) for p in parties) for q in qualifiers)


def resolve_direction(a: Mention, b: Mention, state: ArticleState) -> tuple[Mention, Mention, str]:
    """Donor and recipient of a symmetric wording, and the step that decided it."""
    rank_a = REGION_RANK[region_of(region_code(a))]
    rank_b = REGION_RANK[region_of(region_code(b))]
    if rank_a != rank_b:
        return (a, b, "region") if rank_a > rank_b else (b, a, "region")
    forward, backward = official_pair(a, b), official_pair(b, a)
    if bool(forward) != bool(backward):
        return (a, b, "official") if forward else (b, a, "official")
    aided = lexicon()["aid_recipient_provinces"]["codes"]
    aided_a, aided_b = province_of(a) in aided, province_of(b) in aided
    if aided_a != aided_b:
        return (b, a, "aid-programme") if aided_a else (a, b, "aid-programme")
    score_a, score_b = state.donor_score(a), state.donor_score(b)
    if score_a != score_b:
        return (a, b, "article") if score_a > score_b else (b, a, "article")
    side_a, side_b = intra_side(a), intra_side(b)
    if side_a != side_b and province_of(a) == province_of(b):
        if side_a == "donor" or side_b == "recipient":
            return a, b, "province-programme"
        return b, a, "province-programme"
    kind_a, kind_b = division_kind_rank(a), division_kind_rank(b)
    if a.level == b.level and kind_a and kind_b and kind_a != kind_b:
        return (a, b, "division-kind") if kind_a > kind_b else (b, a, "division-kind")
    return a, b, "order"


# --------------------------------------------------------------------------- relations


def _relation(
    relation_type: str,
    article: Article,
    sentence: int,
    span: tuple[int, int],
    pattern: str,
    confidence: float,
    **fields: Any,
) -> Relation:
    return Relation(
        type=relation_type,
        article_id=article.id,
        sentence=sentence,
        sentence_text=article.sentence_text(sentence),
        start=span[0],
        end=span[1],
        pattern=pattern,
        confidence=round(confidence, 3),
        **fields,
    )


def pairing_relation(
    article: Article,
    donor: Mention,
    recipient: Mention,
    sentence: int,
    span: tuple[int, int],
    pattern: str,
    confidence: float,
) -> Relation:
    official = official_pair(donor, recipient)
    return _relation(
        "pairing",
        article,
        sentence,
        span,
        pattern,
        confidence,
        donor=to_party(donor),
        recipient=to_party(recipient),
        kind=pairing_kind(donor, recipient),
        official=official is not None,
        official_pair=list(official) if official else None,
    )


def _marked_goal(
    text: str, positions: Sequence[tuple[int, int, Slot]], position: int, markers: Iterable[str]
) -> bool:
    """Whether the token at ``position`` follows a recipient marker, directly or through the
    places written right before it (为通渭县丙丁小学: the school is the goal)."""
    moved = True
    while moved:
        moved = False
        for start, end, slot in positions:
            if end == position and slot.letter in "PU":
                position, moved = start, True
                break
    return _preceded_by(text, position, markers)


DIVISION_CHARS = "省市县区州盟旗镇乡村"  # a name opening with one of them names its place by kind


def _preceded_by(text: str, position: int, words: Iterable[str]) -> bool:
    before = text[max(0, position - 6) : position]
    return any(before.endswith(w) for w in words)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(c, 0, start) for c in CLAUSE_STOPS) + 1
    rights = [i for i in (text.find(c, end) for c in CLAUSE_STOPS) if i >= 0]
    return left, min(rights) if rights else len(text)


SPEAKER_SOURCE = "quote-speaker"
ANAPHOR_SOURCE = "org-anaphor"  # 该公司: the organisation named before
QUOTE_GAP = 6  # characters between a quote's end and its speaker (昨日,)
MAX_QUOTE = 600  # characters of one quote


@cache
def _speaker_regex() -> re.Pattern[str]:
    """An organisation, who of it speaks, and a verb of saying (某某集团相关负责人告诉记者)."""
    q = lexicon()["quote_speaker"]
    regex = (
        f"(?P<speaker>{{O}})的?(?:{_alternatives(q['roles'])})?{{G}}{{0,3}}?(?:{_alternatives(q['verbs'])})"
    )
    return re.compile(_expand(regex, _macros()))


def _reports(enc: Encoded, start: int, end: int) -> bool:
    """Whether the organisation at [start, end) is named as the source of the report
    (据兰州日报报道, 每日甘肃网讯, 中新网记者)."""
    lex = lexicon()["not_agent_before"]
    after = enc.text[end : end + 4]
    return _preceded_by(enc.text, start, lex["source_before"]) or after.startswith(tuple(lex["source_after"]))


def _home_region_rank(org: Mention) -> int:
    """+1 for an organisation based in the east, -1 in the west, 0 otherwise or unknown."""
    region = region_of(org.home_code) if org.home_code else "other"
    return {"east": 1, "west": -1}.get(region, 0)


def is_local_institution(org: Mention) -> bool:
    """A school, clinic or committee named by its village or town (X村幼儿园)."""
    rule = lexicon()["org_guard"]["local_institution"]
    name = org.name or org.text
    for ending in rule["endings"]:
        if name.endswith(ending):
            stem = name[: -len(ending)]
            return any(w in stem for w in rule["place_words"])
    return False


@cache
def _plain_actions() -> frozenset[str]:
    """The help action words that are plain words (捐赠, 资助), not patterns."""
    actions = lexicon()["actions"]
    return frozenset(w for k, ws in actions.items() if not k.startswith("_") for w in ws if w.isalpha())


def _menu_like(text: str) -> bool:
    """Words set apart by spaces, more than once: a page's menu or header, not running prose."""
    return len(re.findall(r"[^\s,,。、]\s+(?=[^\s,,。、])", text)) >= 2


def _heads_a_place(enc: Encoded, slot: Slot) -> bool:
    """An organisation written right against a place after it is the head of that place's name
    (兵团第二师铁门关市: the division and the city are one body), not a separate helper."""
    following = [s for s in enc.slots if s.start >= slot.end]
    return bool(following) and following[0].start == slot.end and following[0].letter in "PU"


def _locates_an_org(positions: list[tuple[int, int, Slot]], slot: Slot, text: str) -> bool:
    """Whether the place, alone or in a list of places (郑州和广东的扶沟商会), is followed by 的
    and an organisation token: it says where the organisation is, not who gives."""
    slots = [s for _, _, s in positions]
    i = next((k for k, s in enumerate(slots) if s is slot), None)
    if i is None:
        return False
    while (
        i + 1 < len(slots)
        and slots[i + 1].letter == "P"
        and text[slots[i].end : slots[i + 1].start] in "、和及"
    ):
        i += 1
    following = slots[i + 1] if i + 1 < len(slots) else None
    return following is not None and following.letter == "O" and text[slots[i].end : following.start] == "的"


class _ArticleReader:
    """Reads one article: pairings first, then help, funding and projects that lean on them."""

    def __init__(self, article: Article, mentions: Sequence[Mention]):
        self.article = article
        self.places_by_code: dict[str, Mention] = {}
        for m in mentions:
            if m.label == "PLACE" and is_resolved(m) and m.code and m.level in UPPER_LEVELS:
                self.places_by_code.setdefault(m.code, m)
        by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            if m.article_id == article.id and 0 <= m.sentence < len(article.sentences):
                by_sentence.setdefault(m.sentence, []).append(m)
        places_by_text: dict[str, Mention] = {}
        for m in mentions:
            if m.label == "PLACE" and is_resolved(m) and len(m.text) >= 2:
                places_by_text.setdefault(m.text, m)
                places_by_text.setdefault(m.name or m.text, m)
        self.encoded = [
            encode(article, i, by_sentence.get(i, []), self.places_by_code, places_by_text)
            for i in range(len(article.sentences))
        ]
        speaking = self._quote_speakers()
        for m in speaking:
            by_sentence.setdefault(m.sentence, []).append(m)
        for i in sorted({m.sentence for m in speaking}):
            self.encoded[i] = encode(article, i, by_sentence[i], self.places_by_code, places_by_text)
        referring = self._org_anaphors()
        for m in referring:  # in place of the NER's reading of the same words (该公司 as a name)
            here = by_sentence.setdefault(m.sentence, [])
            here[:] = [k for k in here if k.end <= m.start or k.start >= m.end]
            here.append(m)
        for i in sorted({m.sentence for m in referring}):
            self.encoded[i] = encode(article, i, by_sentence[i], self.places_by_code, places_by_text)
        pointing = self._anaphors()
        for m in pointing:  # in place of the linker's reading of the same word, if any
            here = by_sentence.setdefault(m.sentence, [])
            here[:] = [k for k in here if k.end <= m.start or k.start >= m.end]
            here.append(m)
        for i in sorted({m.sentence for m in pointing}):
            self.encoded[i] = encode(article, i, by_sentence[i], self.places_by_code, places_by_text)
        self.topics = _topics(self.encoded)
        self.state = ArticleState()
        self.relations: list[Relation] = []

    # ---- words that point back to a place

    def _anaphors(self) -> list[Mention]:
        """The anaphors (该村, 该县) of the article as mentions of the place each points back to:
        the nearest place before the anaphor's own clause (in its sentence or the ones before)
        whose name ends in the same division word. Its own clause is left out: 仓上村与该村
        does not pair a village with itself. Where this finds a place, it replaces the linker's
        reading of the word (which takes the nearest place of that kind, in the clause too)."""
        rule = lexicon()["anaphors"]
        text = self.article.text
        taken = [
            (s.start, s.end)
            for enc in self.encoded
            for s in enc.slots
            if not re.fullmatch(rule["regex"], s.mention.text)
        ]
        found: list[Mention] = []
        for enc in self.encoded:
            sentence = self.article.sentences[enc.index]
            for word in re.finditer(rule["regex"], text[sentence.start : sentence.end]):
                start, end = sentence.start + word.start(), sentence.start + word.end()
                if any(start < e and s < end for s, e in taken):
                    continue
                clause_start = max(text.rfind(c, sentence.start, start) for c in CLAUSE_STOPS)
                bound = clause_start if clause_start >= 0 else sentence.start
                referent = self._place_before(enc.index, bound, word.group()[1:], rule["lookback_sentences"])
                if referent is not None:
                    found.append(
                        replace(
                            referent,
                            text=word.group(),
                            start=start,
                            end=end,
                            sentence=enc.index,
                            source="anaphor",
                        )
                    )
        return found

    def _place_before(self, index: int, bound: int, suffix: str, lookback: int) -> Mention | None:
        for i in range(index, max(-1, index - lookback - 1), -1):
            for slot in reversed(self.encoded[i].slots):
                place = slot.place
                if slot.letter != "P" or place is None or slot.end > bound or slot.government:
                    continue
                if re.fullmatch(lexicon()["anaphors"]["regex"], slot.mention.text):
                    continue  # another anaphor, as the linker read it
                if (place.name or place.text).endswith(suffix) or place.text.endswith(suffix):
                    return place
        return None

    # ---- words that point back to an organisation

    def _org_anaphors(self) -> list[Mention]:
        """该公司, 该协会… as mentions of the organisation each points back to (``source``
        ANAPHOR_SOURCE): the nearest organisation before it, within a few sentences, that is no
        government organ and, for a specific noun (该协会), whose name ends in that noun."""
        rule = lexicon()["org_anaphors"]
        text = self.article.text
        taken = [(s.start, s.end) for enc in self.encoded for s in enc.slots if s.letter != "O"]
        found: list[Mention] = []
        for enc in self.encoded:
            sentence = self.article.sentences[enc.index]
            for match in re.finditer(rule["regex"], text[sentence.start : sentence.end]):
                start, end = sentence.start + match.start(), sentence.start + match.end()
                if any(start < e and s < end for s, e in taken):
                    continue
                noun = re.sub(r"^(?:该|这家|此)", "", match.group())
                wanted = None if noun in rule["generic_nouns"] else noun  # 该协会 wants a 协会
                antecedent = self._org_before(enc.index, start, wanted, rule["lookback_sentences"])
                if antecedent is None:
                    continue
                taken.append((start, end))
                found.append(
                    replace(
                        antecedent,
                        text=match.group(),
                        start=start,
                        end=end,
                        sentence=enc.index,
                        source=ANAPHOR_SOURCE,
                    )
                )
        return found

    def _org_before(self, index: int, bound: int, noun: str | None, lookback: int) -> Mention | None:
        """The nearest organisation slot before ``bound`` (sentence ``index`` and the ones before)."""
        for i in range(index, max(-1, index - lookback - 1), -1):
            for slot in reversed(self.encoded[i].slots):
                if slot.letter != "O" or slot.end > bound or slot.government:
                    continue
                name = slot.mention.name or slot.mention.text
                if noun is None or name.endswith(noun):
                    return slot.mention
        return None

    # ---- quotes

    def _quote_speakers(self) -> list[Mention]:
        """The first-person words (我们, 我公司) of quotes that an organisation speaks, as mentions
        of that organisation (``source`` SPEAKER_SOURCE)."""
        words = lexicon()["quote_speaker"]["pronouns"]
        pronoun = re.compile(_alternatives(words))
        text = self.article.text
        taken = [(m.start, m.end) for enc in self.encoded for m in (s.mention for s in enc.slots)]
        found: list[Mention] = []
        for enc in self.encoded:
            for match in _speaker_regex().finditer(enc.text):
                slots = enc.slots_in(match.start("speaker"), match.end("speaker"), "O")
                if not slots or slots[0].government:
                    continue
                speaker = slots[0].mention
                said_end = enc.span(match.start(), match.end())[1]
                for q_start, q_end in self._quotes_spoken(enc.index, speaker.start, said_end):
                    for p in pronoun.finditer(text, q_start, q_end):
                        if any(p.start() < e and s < p.end() for s, e in taken):
                            continue
                        taken.append(p.span())
                        found.append(
                            replace(
                                speaker,
                                text=p.group(),
                                start=p.start(),
                                end=p.end(),
                                sentence=self.article.sentence_index_at(p.start()),
                                source=SPEAKER_SOURCE,
                            )
                        )
        return found

    def _quotes_spoken(self, index: int, speaker_start: int, said_end: int) -> list[tuple[int, int]]:
        """Article spans of the quotes a speaker at ``speaker_start`` says: the one closing right
        before it (in its sentence, or the sentences before when it opens its sentence), or the
        one opening right after the verb of saying."""
        text = self.article.text
        sentence = self.article.sentences[index]
        spans: list[tuple[int, int]] = []
        before = text[sentence.start : speaker_start]
        close = max(before.rfind("”"), before.rfind("」"))
        if close >= 0 and len(before) - close <= QUOTE_GAP:
            opening = max(
                text.rfind("“", 0, sentence.start + close), text.rfind("「", 0, sentence.start + close)
            )
            if opening >= 0 and sentence.start + close - opening <= MAX_QUOTE:
                spans.append((opening, sentence.start + close))
        elif len(before.strip()) <= QUOTE_GAP and index > 0:
            previous = self.article.sentence_text(index - 1).strip()
            if previous.endswith(("”", "」")):
                end = self.article.sentences[index - 1].end
                opening = max(text.rfind("“", 0, end - 1), text.rfind("「", 0, end - 1))
                if opening >= 0 and end - opening <= MAX_QUOTE:
                    spans.append((opening, end))
        after = re.match(r"\s*[::,,]?\s*[“「]", text[said_end : said_end + 4])
        if after:
            opening = said_end + after.end() - 1
            closing = min([i for i in (text.find("”", opening), text.find("」", opening)) if i >= 0] or [-1])
            if opening < closing <= opening + MAX_QUOTE:
                spans.append((opening, closing))
        return spans

    # ---- pairings

    def pairings(self) -> None:
        candidates: list[PairCandidate] = []
        for enc in self.encoded:
            if not any(s.letter == "P" for s in enc.slots) and not self.topics[enc.index]:
                continue
            text = self.article.sentence_text(enc.index)
            for pattern in load_patterns():
                if pattern.type != "pairing" or "subject" in (
                    pattern.donor_fallback,
                    pattern.recipient_fallback,
                ):
                    continue
                for match in pattern.regex.finditer(enc.text):
                    candidates.extend(_pair_candidates(pattern, enc, match, self.topics[enc.index], text))
        candidates.extend(self._subject_candidates(candidates))
        directed = [c for c in candidates if not c.symmetric]
        for c in directed:
            self.state.pairings.append((c.first, c.second, c.confidence, c.sentence))
        # symmetric wordings: the region and the official list first, so that the article's
        # evidence includes them; then the rest against that evidence
        settled: list[tuple[PairCandidate, Mention, Mention, float]] = [
            (c, c.first, c.second, c.confidence) for c in directed
        ]
        pending = []
        for c in (c for c in candidates if c.symmetric):
            donor, recipient, step = resolve_direction(c.first, c.second, ArticleState())
            if step in ("region", "official", "aid-programme"):
                confidence = c.confidence * RESOLVE_FACTORS[step]
                settled.append((c, donor, recipient, confidence))
                self.state.pairings.append((donor, recipient, confidence, c.sentence))
            else:
                pending.append(c)
        for c in pending:
            donor, recipient, step = resolve_direction(c.first, c.second, self.state)
            if c.pattern.decided_by == "sides" and step not in SIDE_STEPS:
                continue  # a weak wording (X与Y…合作) pairs only places whose sides differ
            settled.append((c, donor, recipient, c.confidence * RESOLVE_FACTORS[step]))
        for c, donor, recipient, _ in settled:
            if not any(
                p[0] is donor and p[1] is recipient and p[3] == c.sentence for p in self.state.pairings
            ):
                self.state.pairings.append((donor, recipient, c.confidence, c.sentence))
        best: dict[tuple[str, str, int], Relation] = {}
        for c, donor, recipient, confidence in settled:
            rel = pairing_relation(
                self.article, donor, recipient, c.sentence, c.span, c.pattern.id, confidence
            )
            key = (place_key(donor), place_key(recipient), c.sentence)
            if key not in best or best[key].confidence < rel.confidence:
                best[key] = rel
        # one direction per pair in an article: where wordings disagree, the better evidenced
        weight: Counter[tuple[str, str]] = Counter()
        for (donor_key, recipient_key, _), rel in best.items():
            weight[(donor_key, recipient_key)] += rel.confidence
        losing = {pair for pair, w in weight.items() if weight.get((pair[1], pair[0]), 0) > w}
        self.relations.extend(rel for key, rel in best.items() if key[:2] not in losing)
        self.state.pairings = [
            p for p in self.state.pairings if (place_key(p[0]), place_key(p[1])) not in losing
        ]

    def _subject_candidates(self, found: list[PairCandidate]) -> list[PairCandidate]:
        """Clauses without a subject (同时,还结对帮扶Y; 并与Y结成对子; X对口帮扶A;东西部扶贫协作B)
        take the sentence's subject place: the first place before the clause, else the donor
        the sentence before pairs (its last one), else the subject carried from the sentences
        before — unless the article already has that place on the receiving side. A clause
        without its recipient (Y被列入协作县 / 由X对口帮扶) takes the subject as recipient, unless
        the article has it giving. Read in order, so a chain of such clauses keeps its donor."""
        evidence = ArticleState()
        donors: list[tuple[int, int, Mention]] = []

        def note(c: PairCandidate) -> None:
            if not c.symmetric:
                evidence.pairings.append((c.first, c.second, c.confidence, c.sentence))
                donors.append((c.sentence, c.span[0], c.first))
                return
            donor, recipient, step = resolve_direction(c.first, c.second, ArticleState())
            if step in ("region", "official", "aid-programme"):
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
        for enc in self.encoded:
            carried = self.topics[enc.index - 1] if enc.index > 0 else None
            text = self.article.sentence_text(enc.index)
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
                            continue
                    else:
                        if subject is None and carried is not None:
                            subject = carried.place
                        if subject is None or evidence.is_donor_side(subject):
                            continue
                    stand_in = Slot("P", subject, subject.start, subject.end, place=subject)
                    new = _pair_candidates(pattern, enc, match, stand_in, text)
                    for c in new:
                        note(c)
                    out.extend(new)
        return out

    # ---- roles that lean on the pairings

    def _eligible_recipient(self, place: Mention, donor_home: str | None = None) -> bool:
        """Not a donor of this article, and not the helping organisation's own home (a village
        inside the org's home county may still receive)."""
        if self.state.is_donor_side(place):
            return False
        return not (donor_home and place.level in UPPER_LEVELS and code_within(donor_home, place))

    def context_recipient(self, index: int) -> Mention | None:
        """The recipient that a sentence without one leans on: its pairings, the previous
        sentence's places, the subject, the article's main recipient."""
        here = self.state.in_sentence(index)
        if here:
            return here[0][1]
        if index > 0:
            for slot in reversed(self.encoded[index - 1].slots):
                if slot.letter in "PU" and slot.place and self._eligible_recipient(slot.place):
                    if self.state.pairings and not self.state.is_recipient_side(slot.place):
                        continue
                    return slot.place
        topic = self.topics[index]
        if topic and topic.place and self.state.is_recipient_side(topic.place):
            return topic.place
        return self.state.main(1)

    def _help_recipient(self, enc: Encoded, match: re.Match[str], org: Mention) -> Mention | None:
        markers = lexicon()["recipient_markers"]["words"]
        home = org.home_code
        donors = range(match.start("donor"), match.end("donor"))  # 由A区台办、B会…: no recipient
        inside = [
            (pos, slot)
            for pos, _, slot in enc.slot_positions()
            if slot.letter in "PU" and slot.place and match.start() <= pos < match.end() and pos not in donors
        ]
        eligible = [(pos, s) for pos, s in inside if self._eligible_recipient(s.place, home)]  # type: ignore[arg-type]
        marked = [s for pos, s in eligible if _preceded_by(enc.text, pos, markers)]
        if marked:
            return marked[0].place
        for pos, _, slot in enc.slot_positions():
            # 向«X县某村幼儿园»捐赠: the institution's home place receives
            if slot.letter == "O" and match.start() <= pos < match.end() and pos not in donors:
                place = self.places_by_code.get(slot.mention.home_code or "")
                if place is not None and _preceded_by(enc.text, pos, markers):
                    if self._eligible_recipient(place, home):
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
            and not _preceded_by(enc.text, pos, ("由",))  # 由X区台办、A会共同筹集: X acts too
            and self._eligible_recipient(slot.place, home)
        ]
        if before:
            return before[-1][1].place
        after = [
            (pos, slot)
            for pos, _, slot in enc.slot_positions()
            if slot.letter in "PU"
            and slot.place
            and pos >= match.end()
            and self._eligible_recipient(slot.place, home)
        ]
        if after:
            return after[0][1].place
        return self.context_recipient(enc.index)

    def _helper_org(self, slot: Slot, recipient: Mention | None, signs: bool = False) -> bool:
        """Whether the organisation can be a helper; ``signs``: the wording makes it a party that
        signs with the place (an outlet reports, but a platform named X网 that signs is a party)."""
        org = slot.mention
        if slot.government or is_government(org):
            return False
        if recipient is not None and code_within(org.home_code, recipient):
            return False  # the recipient's own organisation (积石山县人民政府, 碧江经开区)
        media = lexicon()["not_agent_before"]
        name = org.name or org.text
        if (
            not signs
            and name.endswith(tuple(media["media_endings"]))
            and not name.endswith(tuple(media["media_not_endings"]))
        ):
            return False  # an outlet (日报, 华龙网) reports the help, it does not give it
        side = self._org_side(org)
        if side < 0:
            return False  # based on the helped side (甘肃某某公司 in an article of 天津 helping 甘肃)
        if side == 0 and is_local_institution(org):
            return False  # X村幼儿园: an institution of the place it stands in receives
        return not self.state.recipient_codes_contain(org.home_code)

    def _named_by_helped_place(self, enc: Encoded, slot: Slot) -> bool:
        """Whether the organisation's name begins with a place of the helped side, here (a place
        token right before it) or in a fuller mention of the same name in the article
        (大方县天河实验学校 … 天河实验学校: a school of 大方 named after its donor): the helped
        place's own institution, whatever place the rest of its name recalls."""
        positions = enc.slot_positions()
        start = next((pos for pos, _, s in positions if s is slot), None)
        if any(
            end == start
            and s.letter in "PU"
            and s.place is not None
            and self.state.is_recipient_side(s.place)
            for _, end, s in positions
        ):
            return True
        text = slot.mention.text or ""
        if len(text) < 3 or text[0] in DIVISION_CHARS:
            return False  # 市人民医院: "the city's", no name cut from a fuller one
        fuller = [
            s.mention
            for other in self.encoded
            for s in other.slots
            if s.letter == "O"
            and (s.mention.text or "").endswith(text)
            # a place's name before it (大方县), not a title joining two parties (Y县政府-山东X学院)
            and re.fullmatch("[\u4e00-\u9fff]{2,8}", (s.mention.text or "")[: -len(text)])
        ]
        return bool(fuller) and all(self._org_side(m) < 0 for m in fuller)

    def _amount_after(self, enc: Encoded, position: int) -> float | None:
        left, right = _clause_bounds(enc.text, position, position)
        for slot in enc.slots_in(position, min(right + 1, len(enc.text)), "M"):
            if slot.mention.value:
                return slot.mention.value
        return None

    def help(self) -> None:
        not_agent = lexicon()["not_agent_before"]["words"]
        seen: set[tuple[str, str, int]] = set()
        for enc in self.encoded:
            if not any(s.letter == "O" for s in enc.slots):
                continue
            helped = self._agreement_partners(enc)
            party_wordings = lexicon()["not_agent_before"]["party_patterns"]
            for pattern in load_patterns():
                if pattern.type != "help":
                    continue
                signs = pattern.id in party_wordings
                for match in pattern.regex.finditer(enc.text):
                    sides = (
                        self._agreement_sides(enc, match)
                        if pattern.direction == "symmetric"
                        else self._directed_sides(enc, match, pattern, not_agent)
                    )
                    if sides is None:
                        continue
                    orgs, recipient = sides
                    action = pattern.action or self._action_of(match)
                    # the text says the organisation helps even where it names no place:
                    # kept with the recipient unknown, and less confidence
                    confidence = pattern.confidence * (1.0 if recipient else 0.7)
                    amount = self._amount_after(enc, match.end()) if action == "donates" else None
                    span = enc.span(match.start(), match.end())
                    for slot in orgs:
                        if id(slot) in helped or not self._helper_org(slot, recipient, signs):
                            continue
                        if self._named_by_helped_place(enc, slot):
                            continue
                        org = slot.mention
                        org_name = org.name or org.text
                        key = (org_name, place_key(recipient) if recipient else "", enc.index)
                        if key in seen or (
                            recipient is None and any(k[0] == org_name and k[2] == enc.index for k in seen)
                        ):
                            continue
                        seen.add(key)
                        self.relations.append(
                            _relation(
                                "help",
                                self.article,
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

    def _directed_sides(
        self, enc: Encoded, match: re.Match[str], pattern: Pattern, not_agent: Sequence[str]
    ) -> tuple[list[Slot], Mention | None] | None:
        """The helping organisations of a forward wording and the place they help."""
        lex = lexicon()["not_agent_before"]
        givers = lex["giver_before"]
        if pattern.id in lex["party_patterns"]:
            givers = [*givers, *lex["copula_before"]]  # 协议分别为A、B与Y县签订的: the parties
        start = match.start("donor")
        not_agent = [*not_agent, *(w + "了" for w in not_agent if len(w) > 1)]  # 走访了A公司
        if _preceded_by(enc.text, start, not_agent) and not _preceded_by(enc.text, start, givers):
            return None
        if _menu_like(enc.text[match.end("donor") - 1 : match.end()]):
            return None  # a site header's menu (慈善网 寻人济困 爱心捐助), not a sentence
        lead = (match.group("lead") or "") if "lead" in match.re.groupindex else ""
        objects = tuple(lexicon()["not_agent_before"]["object_lead_verbs"])
        if lead and (ends_with_verb(lead) or lead.endswith(objects)):
            return None  # 查阅A、B的台账, 落地A厂: the organisations are the verb's object
        if match.start() == start and _preceded_by(enc.text, start, objects):
            return None  # 落地A厂,…帮扶: A was brought in; a wording that starts at A has no cue for it
        if "action" in match.re.groupindex and self._thanks_for(enc, match):
            return None  # A对此次捐赠的企业表示感谢: A received
        if "action" in match.re.groupindex and self._attends_or_awards(enc, match):
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
            and not _reports(enc, position, end)
            and (
                position == start
                or not _preceded_by(enc.text, position, not_agent)
                or _preceded_by(enc.text, position, givers)
            )
        ]
        if "recipient" in match.re.groupindex and match.group("recipient"):
            places = _group_places(enc, match, "recipient")
            return orgs, places[0] if places else None
        if pattern.recipient_fallback == "context":
            return orgs, self.context_recipient(enc.index)
        return orgs, self._help_recipient(enc, match, orgs[0].mention) if orgs else None

    def _agreement_partners(self, enc: Encoded) -> set[int]:
        """Ids of the slots that an agreement of the sentence names as the helped side: they are
        partners, not helpers, whatever other wording they stand before (B签订捐赠协议)."""
        helped: set[int] = set()
        for pattern in load_patterns():
            if pattern.type == "help" and pattern.direction == "symmetric":
                for match in pattern.regex.finditer(enc.text):
                    sides = self._agreement_sides(enc, match)
                    if sides is None:
                        continue
                    helpers = {id(s) for s in sides[0]}
                    for group in ("a", "b"):
                        slots = enc.slots_in(match.start(group), match.end(group), "O")
                        helped.update(id(s) for s in slots if id(s) not in helpers)
        return helped

    @staticmethod
    def _attends_or_awards(enc: Encoded, match: re.Match[str]) -> bool:
        """Whether the organisation only awards another's help (为B颁发捐赠证书) or attends its
        ceremony (参加捐赠仪式), in the action's own clause."""
        lex = lexicon()["not_agent_before"]
        between = enc.text[match.end("donor") : match.start("action")]
        clause = re.split(f"[{CLAUSE_STOPS}]", between)[-1]
        if any(w in clause for w in lex["award_verbs"]):
            return True
        after = enc.text[match.end("action") : match.end("action") + 4]
        return any(w in clause for w in lex["attend_verbs"]) and any(
            after.startswith(n) for n in lex["ceremony_nouns"]
        )

    @staticmethod
    def _thanks_for(enc: Encoded, match: re.Match[str]) -> bool:
        """Whether the organisation thanks another for the action (A对…捐赠…表示感谢, A向…捐赠企业
        颁发证书,表示感谢)."""
        between = enc.text[match.end("donor") : match.start("action")]
        if not any(w in between for w in ("对", "向", "给")):
            return False
        rest = enc.text[match.end() :]
        stop = min([i for i in (rest.find(c) for c in SENTENCE_STOPS) if i >= 0] or [len(rest)])
        return any(w in rest[:stop] for w in lexicon()["not_agent_before"]["thanks_words"])

    def _org_side(self, org: Mention) -> int:
        """+1 when the organisation's home lies on the article's donor side, -1 on its recipient
        side, 0 when its home is unknown or on both: inside a pairing's place first, else in
        its province."""
        home = org.home_code
        if not home or not self.state.pairings:
            return 0
        donors = [d for d, _, _, _ in self.state.pairings]
        recipients = [r for _, r, _, _ in self.state.pairings]
        inside_donor = any(code_within(home, d) for d in donors)
        inside_recipient = any(code_within(home, r) for r in recipients)
        if inside_donor != inside_recipient:
            return 1 if inside_donor else -1
        donor_provinces = {(province_of(d) or "")[:2] for d in donors}
        recipient_provinces = {(province_of(r) or "")[:2] for r in recipients}
        in_donor, in_recipient = home[:2] in donor_provinces, home[:2] in recipient_provinces
        if in_donor != in_recipient:
            return 1 if in_donor else -1
        return 0

    def _agreement_sides(
        self, enc: Encoded, match: re.Match[str]
    ) -> tuple[list[Slot], Mention | None] | None:
        """A与B签订购销协议: the organisation of the article's donor side helps, the other one (of the
        recipient side) is helped, and its home place is the recipient. Undecided: no relation."""
        firsts = enc.slots_in(match.start("a"), match.end("a"), "O")
        seconds = enc.slots_in(match.start("b"), match.end("b"), "O")
        side_a = {self._org_side(s.mention) for s in firsts}
        side_b = {self._org_side(s.mention) for s in seconds}
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
        homes = [self.places_by_code.get(s.mention.home_code or "") for s in helped]
        recipient = next((h for h in homes if h is not None), None) or self.context_recipient(enc.index)
        return helpers, recipient

    @staticmethod
    def _action_of(match: re.Match[str]) -> str:
        groups = [g for g in ("action", "joint") if g in match.re.groupindex]
        words = next((match.group(g) for g in groups if match.group(g)), "")
        for name, regex in _action_regexes().items():
            if words and regex.fullmatch(words):
                return name
        for name, regex in _action_regexes().items():  # 购销合作框架(协议): the kind of agreement
            if words and regex.search(words):
                return name
        return "helps"

    # ---- funding

    def _is_transfer(self, enc: Encoded, pos: int, end: int) -> bool:
        fund = lexicon()["funding"]
        left, right = _clause_bounds(enc.text, pos, end)
        before, after = enc.text[left:pos], enc.text[end:right]
        window = enc.text[max(left, pos - 6) : pos] + "|" + after[:6]
        if any(w in window for w in fund["not_funding_after"]):
            return False
        if any(after.startswith(w) or after.startswith("的" + w) for w in fund["nouns_after"]):
            return True
        return any(w in before for w in fund["verbs_before"])

    def _purpose(self, enc: Encoded, end: int) -> str | None:
        fund = lexicon()["funding"]
        _, right = _clause_bounds(enc.text, end, end)
        tail = enc.text[end : min(len(enc.text), right + 40)]
        for marker in sorted(fund["purpose_markers"], key=len, reverse=True):
            i = tail.find(marker)
            if 0 <= i <= 16:
                rest = tail[i + len(marker) :]
                stop = min(
                    [j for j in (rest.find(c) for c in SENTENCE_STOPS + ",,") if j >= 0] or [len(rest)]
                )
                purpose = TOKEN_RE.sub(lambda m: self._slot_text(enc, m), rest[:stop]).strip()
                return purpose or None
        return None

    @staticmethod
    def _slot_text(enc: Encoded, m: re.Match[str]) -> str:
        return enc.slots[int(m.group(2))].mention.text

    def _fund_recipient(
        self,
        enc: Encoded,
        positions: list[tuple[int, int, Slot]],
        pos: int,
        here: list[tuple[Mention, Mention, float, int]],
    ) -> Mention | None:
        """The place that receives the money at ``pos``: the nearest marked place before it
        (向Y捐赠; in "A向B捐赠…,C向D捐赠…" each sum goes to its own clause's place), else the
        first marked one after it, else the sentence's pairing, else the context."""
        markers = lexicon()["recipient_markers"]["words"]
        receiving = self._receiver(enc, positions, pos)
        if receiving is not None:
            return receiving
        marked = [
            (p_pos, s.place)
            for p_pos, _, s in positions
            if s.letter in "PU"
            and s.place
            and not self.state.is_donor_side(s.place)
            and _preceded_by(enc.text, p_pos, markers)
        ]
        before = [place for p_pos, place in marked if pos - 40 < p_pos < pos]
        if before:
            return before[-1]
        after = [place for p_pos, place in marked if p_pos > pos]
        if after:
            return after[0]
        if here:
            return here[0][1]
        return self.context_recipient(enc.index)

    @staticmethod
    def _receiver(enc: Encoded, positions: list[tuple[int, int, Slot]], pos: int) -> Mention | None:
        """A place that is the subject of a verb of receiving before the sum (浙江山区26县…获得
        援助资金, Y县争取到帮扶资金): it receives, it does not give."""
        verbs = lexicon()["funding"]["receive_verbs"]
        left, _ = _clause_bounds(enc.text, pos, pos)
        for p_pos, p_end, s in reversed(positions):
            if p_pos >= pos or p_pos < left or s.letter not in "PU" or not s.place:
                continue
            between = enc.text[p_end:pos]
            if TOKEN_RE.search(between) is None and any(v in between for v in verbs):
                return s.place
        return None

    def _fund_donor(
        self,
        positions: list[tuple[int, int, Slot]],
        pos: int,
        here: list[tuple[Mention, Mention, float, int]],
        recipient: Mention,
        text: str = "",
    ) -> Party | None:
        """Who gives the money: the sentence's pairing with that recipient, else the nearest
        giver written before the sum (an organisation right after 为/向/给, or after the places
        that name it, is its goal: A为B小学捐赠5万元, A为Y县B小学捐赠), else (a sentence that
        continues the article's pair) the article's main donor when the recipient is the main
        recipient or inside it.

        A place gives a place money only at comparable levels or where the article pairs the
        two (a county's visit to a township, 到…捐赠, is no pair): otherwise the donor is left
        unknown, as the weak-verb pairings are.
        """
        markers = lexicon()["recipient_markers"]["words"]
        exact = [p for p in here if place_key(p[1]) == place_key(recipient)]
        paired = exact or [p for p in here if related(p[1], recipient)]
        donor_place: Mention | None = None
        if paired:
            donor_place = paired[0][0]
        else:
            agents = [
                s
                for p_pos, _, s in positions
                if p_pos < pos
                and s.letter in "PO"
                and not (s.place and related(s.place, recipient))
                and not (s.place and self.state.is_recipient_side(s.place))
                and not (s.letter == "O" and not self._helper_org(s, recipient))
                and not (s.letter == "O" and _marked_goal(text, positions, p_pos, markers))
                # a one-character abbreviation (粤 of 粤桂协作河池工作组) names a programme,
                # never the one who gives
                and not (s.letter == "P" and not s.government and len(s.mention.text) < 2)
                # a place that only locates an organisation (广东的扶沟商会) is not the giver
                and not (s.letter == "P" and _locates_an_org(positions, s, self.article.text))
            ]
            if agents:
                agent = agents[-1]
                if agent.place is None:
                    return org_party(agent.mention)
                donor_place = agent.place
                named = any(s.place is not None and related(s.place, recipient) for _, _, s in positions)
                if not named and not self._partners(donor_place, recipient):
                    # the recipient came from another sentence: the giver named here must be
                    # known as its partner, or the two were never said to be linked
                    return None
            elif self.state.pairings:
                main_recipient = self.state.main(1)
                if main_recipient is not None and nests(recipient, main_recipient):
                    donor_place = self.state.main(0)
        if donor_place is None:
            return None
        if not comparable_levels(donor_place, recipient) and not self._paired(donor_place, recipient):
            return None
        return to_party(donor_place)

    def _partners(self, donor: Mention, recipient: Mention) -> bool:
        """Whether the article pairs the two places, or places around or inside them."""
        return any(related(d, donor) and related(r, recipient) for d, r, _, _ in self.state.pairings)

    def _paired(self, donor: Mention, recipient: Mention) -> bool:
        """Whether the article states a pairing of exactly these two places."""
        return any(
            place_key(d) == place_key(donor) and place_key(r) == place_key(recipient)
            for d, r, _, _ in self.state.pairings
        )

    def funding(self) -> None:
        for enc in self.encoded:
            positions = enc.slot_positions()
            for pos, end, slot in positions:
                if slot.letter != "M" or not slot.mention.value or not self._is_transfer(enc, pos, end):
                    continue
                here = self.state.in_sentence(enc.index)
                recipient = self._fund_recipient(enc, positions, pos, here)
                if recipient is None:
                    continue
                donor = self._fund_donor(positions, pos, here, recipient, enc.text)
                date = next(
                    (s.mention.iso for _, _, s in positions if s.letter == "D" and s.mention.iso), None
                )
                left, right = _clause_bounds(enc.text, pos, end)
                self.relations.append(
                    _relation(
                        "funding",
                        self.article,
                        enc.index,
                        enc.span(left, max(right, end)),
                        "funding.money",
                        0.7 if donor else 0.5,
                        donor=donor,
                        recipient=to_party(recipient),
                        amount_yuan=slot.mention.value,
                        date=date or self.article.date,
                        purpose=self._purpose(enc, end),
                    )
                )

    # ---- projects

    def projects(self) -> None:
        proj = lexicon()["project"]
        for enc in self.encoded:
            positions = enc.slot_positions()
            for pos, end, slot in positions:
                if slot.letter != "J":
                    continue
                left, right = _clause_bounds(enc.text, pos, end)
                sentence_places = [(p, s) for p, _, s in positions if s.letter in "PU" and s.place]
                placed = [s for p, s in sentence_places if _preceded_by(enc.text, p, proj["place_words"])]
                candidates = [s for s in placed if not self.state.is_donor_side(s.place)] or [
                    s
                    for p, s in sentence_places
                    if left <= p < right and not self.state.is_donor_side(s.place)
                ]
                place = candidates[0].place if candidates else None
                builder: Party | None = None
                verbs = proj["builder_verbs"]
                for p, e, s in positions:
                    if s.letter not in "PO" or s is slot:
                        continue
                    if (
                        s.place
                        and (place is None or not related(s.place, place))
                        and self.state.is_donor_side(s.place)
                        # as for funds: a place builds in a place of another level only where
                        # the article pairs the two
                        and (
                            place is None or comparable_levels(s.place, place) or self._paired(s.place, place)
                        )
                    ):
                        following = enc.text[e : e + 30]
                        if any(v in following for v in verbs) or enc.text[max(0, p - 1) : p] == "由":
                            builder = to_party(s.place)
                            break
                    if s.letter == "O" and self._helper_org(s, place):
                        following = enc.text[e : e + 30]
                        if any(v in following for v in verbs) or enc.text[max(0, p - 1) : p] == "由":
                            builder = org_party(s.mention)
                            break
                if place is None and builder is None:
                    continue
                self.relations.append(
                    _relation(
                        "project",
                        self.article,
                        enc.index,
                        enc.span(left, max(right, end)),
                        "project.named",
                        0.6 if place and builder else 0.4,
                        donor=builder,
                        recipient=to_party(place) if place else None,
                        project=slot.mention.name or slot.mention.text,
                    )
                )


def extract_relations(article: Article, mentions: list[Mention]) -> list[Relation]:
    """All relations the article states, in sentence order (pairings, help, funding, projects)."""
    if not article.sentences:
        return []
    reader = _ArticleReader(article, mentions)
    reader.pairings()
    cue_pairs.add_cue_pairings(reader)  # the recall net under the constructions
    reader.help()
    reader.funding()
    reader.projects()
    order = {"pairing": 0, "help": 1, "funding": 2, "project": 3}
    return sorted(reader.relations, key=lambda r: (r.sentence, order[r.type], r.start))
