"""Which organisation mentions are names: the guard against phrases the NER took for one, and the
kinds of organisations (government organs, local institutions)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache
from typing import Any

from kg.jieba_dict import word_tags
from kg.link.discover import province_abbreviations
from kg.link.lexicon import link_words
from kg.link.organisations import is_government
from kg.org_subtypes import subtype_by_suffix
from kg.records import Mention
from kg.regions import region_of
from kg.relate.rules import alternatives, lexicon

LEADING_MARKS = "“”\"'‘’《「『(("


@cache
def name_endings() -> tuple[str, ...]:
    """What an organisation's name may end in: the guard's endings and the words of the teams a
    place sends (X市扶贫工作队, X援疆指挥部 are names of bodies, not phrases of common words)."""
    return tuple(lexicon()["org_guard"]["name_endings"]) + tuple(lexicon()["stationed_team"]["words"])


def guarded_org(org: Mention, before: str = "", after: str = "") -> Mention | None:
    """The organisation mention as a name, or None when it is no organisation name.

    A verb stuck to its end (天津市工商联捐赠) is cut off, so that it reads as the action;
    a quantity in front, a generic word, a clause verb inside a name without an organisation
    ending, or a place ending mean the NER took something else for a name (see the lexicon's
    ``org_guard``). Government organs are kept: they act for their place.
    """
    guard = lexicon()["org_guard"]
    changed = _trimmed(org, guard)
    if changed is None:
        return None
    if is_government(changed):
        return changed
    after = org.text[changed.end - org.start :] + after  # what the trimming cut off follows the name
    if _quantity_or_generic(changed.text, before, after, guard):
        return None
    lead = (before + org.text)[: len(before) + changed.start - org.start]
    if lead and _starts_inside_a_word(lead, changed.text):
        changed = _with_joiner(changed, lead, guard)
        if changed is None:
            return None
    if _phrase_not_name(changed.text, guard):
        return None
    return changed


def _cut_tail(text: str, end: int, name: str, at: int) -> tuple[str, int, str]:
    """The text, end and name without what follows ``at`` in the text."""
    tail = text[at:]
    return text[:at], end - len(tail), (name[: -len(tail)] if name.endswith(tail) else text[:at])


def _trimmed(org: Mention, guard: dict[str, Any]) -> Mention | None:
    """The mention without the marks, brackets, persons and verbs the NER took into it; None
    when less than a name is left."""
    text, start, end = org.text, org.start, org.end
    while text and text[0] in LEADING_MARKS:
        text, start = text[1:], start + 1
    name = org.name if org.name and org.name != org.text else text
    opening = max(text.rfind("("), text.rfind("（"))
    if opening > 0 and ")" not in text[opening:] and "）" not in text[opening:]:
        # 区工商联(总商会: a bracket the NER opened and never closed ends the name
        text, end, name = _cut_tail(text, end, name, opening)
    person = guard["person_after"]
    low, high = person["name_length"]
    person_name = f"(?:(?![{person['not_name_chars']}])[\u4e00-\u9fff]){{{low},{high}}}$"
    role = re.search(f"(?:{alternatives(person['roles'])}){person_name}", text)
    if role and role.start() >= 2:
        # X集团联络员潘光国: the organisation ends before the role of its person
        text, end, name = _cut_tail(text, end, name, role.start())
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
    while text.endswith(name_endings()):
        # 查阅工商联, 然后招募市人民医院: the clause's verb or opening word was taken into the name
        verb = _leading_verb(text) or next((w for w in guard["leading_words"] if text.startswith(w)), None)
        if not verb or len(text) - len(verb) < 3:
            break
        text, start = text[len(verb) :], start + len(verb)
        name = name[len(verb) :] if name.startswith(verb) else name
    return replace(org, text=text, start=start, end=end, name=name)


def _quantity_or_generic(text: str, before: str, after: str, guard: dict[str, Any]) -> bool:
    """Whether the text is a quantity, a generic word, places, people or a cut word, no name."""
    if re.match(guard["quantity_start"], text) or text in guard["generic_names"]:
        return True
    rest = _after_places(text)
    if rest in guard["generic_names"] and not (rest != text and rest in guard["place_named_heads"]):
        return True  # 山东企业: a place and a generic word (but 城关小学: a place's school)
    if _only_places(text) and subtype_by_suffix(text) is None:
        return True  # 四川省西昌: place names the NER took for a name (not 某区青联: jieba's ns)
    if re.search(guard["quantity_before"], before) or text.endswith(tuple(guard["not_name_endings"])):
        return True
    if re.match(guard["counter_start"], text) and re.search(guard["numeral_before"], before):
        return True  # 6|家东部省级电力公司: the counter of a quantity glued to a description
    if re.search(r"\d$", text) and re.match(guard["counter_start"], after):
        return True  # 宁波196|家民营企业: a place and the number of a count, its counter cut off
    if text.endswith(tuple(guard["person_endings"])):
        return True  # 林某兄弟俩: people, not an organisation
    if _person_after_role(text, before, guard):
        return True  # 商会会长|王某某: the name after a role is the person who holds it
    if re.search(guard["quantity_inside"], text) or re.match(guard["money_start"], text):
        return True  # 万元资金注入某合作社: the unit of a sum cut from its number
    if re.match(guard["count_after"], re.sub(guard["aside_after"], "", after)):
        return True  # 某籍商会3家, 某展销中心(旗舰店等)23个: a kind of body counted, no one body
    if re.match(guard["kind_after"], after) and not text.endswith(name_endings()):
        return True  # 东莞电子信息|企业: the trade of the enterprises described, no one body
    if _levels_listed(text, before, guard):
        return True  # 28个市、|县科协, 区县科协: the bodies of every place of those levels
    if re.search(guard["description_before"], before):
        return True  # 这家位于某区的皮鞋加工厂: described, not named
    if after and subtype_by_suffix(text) is None and _crosses_a_word(text, after):
        return True  # 民营企业深度参|与: a name without an ending cut inside a word
    return bool(after) and _ends_inside_a_word(text, after)


def _levels_listed(text: str, before: str, guard: dict[str, Any]) -> bool:
    """Whether a body named by level words alone names those of several levels (市、县科协, 区县科协):
    the bodies of every place of those levels, no one body."""
    levels = lexicon()["division_chars"]["chars"]
    if text[:1] not in levels:
        return False
    return text[1:2] in levels or re.search(guard["levels_listed_before"], before) is not None


def _person_after_role(text: str, before: str, guard: dict[str, Any]) -> bool:
    """Whether a short name without an organisation ending stands right after a role (会长, 董事长):
    the person who holds it, whatever the NER called it."""
    person = guard["person_after"]
    if len(text) > person["name_length"][1] or subtype_by_suffix(text) is not None:
        return False
    return bool(re.search(f"(?:{alternatives(person['roles'])})$", before))


def _with_joiner(changed: Mention, lead: str, guard: dict[str, Any]) -> Mention | None:
    """A name that starts inside a word begun before it: with the joining character that begins
    it (A、和|平之君服务中心), else None (the NER cut a phrase, 其|中资助职业中学)."""
    text, name = changed.text, changed.name or changed.text
    joiner = lead[-1]
    opens_item = len(lead) < 2 or lead[-2] in guard["list_marks"]
    if not (joiner in guard["joiners_cut_off"] and opens_item and text.endswith(name_endings())):
        return None
    if len(_words(joiner + text[:4])[0]) < 2:
        return None
    name = joiner + name if name == text else name
    return replace(changed, text=joiner + text, start=changed.start - 1, name=name)


def _phrase_not_name(text: str, guard: dict[str, Any]) -> bool:
    """Whether the text is a phrase (a clause verb, a collective, common words, a line of business
    without a trade name, a place ending) rather than an organisation's name."""
    endings = name_endings()
    if any(v in text for v in guard["clause_verbs"]) and not text.endswith(endings):
        return True
    teams = tuple(lexicon()["stationed_team"]["words"])
    if any(w in text for w in guard["name_breaking_words"]) and not text.endswith(teams):
        # 某地区援建卫生院, 专项资金支持学校: a help verb or a sum, no name; but a team's name holds
        # the help it is sent for (宁波市对口支援和龙市工作组)
        return True
    if _adverb_then_verb(text):
        return True  # 担保方式先去银行: a clause, whatever its ending
    if any(w in text for w in guard["collective_words"]):
        return True
    if not text.endswith(endings) and is_common_phrase(text):
        return True
    rest = _after_places(text)
    if rest != text and not text.endswith(endings) and len(_words(rest)) > 1 and is_common_phrase(rest):
        return True  # 某地农业农村现代化: a place before a phrase of common words
    if rest != text and subtype_by_suffix(text) is None and _opens_clause(rest):
        return True  # 上海累计, 江苏高度重视: a place and the start of its clause
    if len(text) > 1 and all(c in province_abbreviations() for c in text):
        return True  # 苏陕, 闽宁: the two provinces of a programme, no organisation
    trade = guard["trade_name_forms"]
    for form in trade["forms"]:
        if text.endswith(form):
            stem = text[: -len(form)]
            if not stem or all(w in link_words()["trade_names"]["lines_of_business"] for w in _words(stem)):
                return True  # 工程有限公司: a line of business and the legal form, no trade name
            break
    return text.endswith(tuple(guard["place_endings"])) and not text.endswith(endings)


def _adverb_then_verb(text: str) -> bool:
    """Whether a one-character adverb stands right before a verb in the text (先|去, 再|到), or
    any adverb opens the text before a verb (共同|成立|投资有限责任公司): a clause, no name."""
    _, _, tags = _jieba_tables()
    adverbs = lexicon()["org_guard"]["common_word"]["adverb_tags"]
    words = _words(text)
    return any(
        (len(a) == 1 or i == 0) and tags.get(a) in adverbs and tags.get(b, "").startswith("v")
        for i, (a, b) in enumerate(zip(words, words[1:], strict=False))
    )


@cache
def _jieba_tables() -> tuple[Any, dict[str, int], dict[str, str]]:
    """jieba's tokenizer, word frequencies and part-of-speech tags (loaded once, when needed;
    the tags are jieba.posseg's table, read from :mod:`kg.jieba_dict` without importing it)."""
    import jieba  # noqa: PLC0415 — loaded only when an organisation name needs checking

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    return jieba.dt, jieba.dt.FREQ, word_tags()


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


def _crosses_a_word(text: str, after: str) -> bool:
    """Whether a word of two characters or more runs across the name's end (深度参|与脱贫)."""
    tail = text[-3:]
    position = 0
    for word in _words(tail + after[:3]):
        if position < len(tail) < position + len(word):
            return True
        position += len(word)
    return False


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


def _opens_clause(text: str) -> bool:
    """Whether the text's first word is a verb, adverb, preposition, conjunction or set phrase
    (累计…, 高度重视, 共向…): the start of a clause (``common_word.clause_tags``)."""
    _, _, tags = _jieba_tables()
    words = _words(text)
    return bool(words) and tags.get(words[0], "x") in lexicon()["org_guard"]["common_word"]["clause_tags"]


def _only_places(text: str) -> bool:
    """Whether every word of the text is a place name by jieba's ns tag (四川省西昌)."""
    _, _, tags = _jieba_tables()
    words = _words(text)
    return len(words) > 1 and all(tags.get(w) == "ns" for w in words)


def _words(text: str) -> list[str]:
    """jieba's words of ``text`` (no HMM)."""
    return list(_cut(text))


@lru_cache(maxsize=1 << 12)
def _cut(text: str) -> tuple[str, ...]:
    """Kept for recent texts: one name is cut by several of the guard's tests in turn."""
    tokenizer, _, _ = _jieba_tables()
    return tuple(tokenizer.cut(text, HMM=False))


def _leading_verb(text: str) -> str | None:
    """The frequent verb a text starts with (查阅工商联 → 查阅), or a help action whatever its tag
    (资助职业中学 → 资助), if any."""
    _, frequencies, tags = _jieba_tables()
    words = _words(text)
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
    _, _, tags = _jieba_tables()
    words = _words(text)
    return bool(words) and tags.get(words[-1], "").startswith("v")


def is_common_phrase(text: str) -> bool:
    """Whether ``text`` is made only of frequent common words (招商, 农业产业化), perhaps after a
    one-character verb (建基础, 兴产业: a slogan's verb and object): no part of it is a name."""
    rule = lexicon()["org_guard"]["common_word"]
    _, frequencies, tags = _jieba_tables()
    words = _words(text)
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


def speaks_for(after: str) -> bool:
    """Whether an officer of the organisation speaks right after its name (某工商联副主席李某介绍):
    the organisation is the speaker's affiliation, not the one who acts in what is reported."""
    lex = lexicon()["not_agent_before"]
    roles, verbs = alternatives(lex["speaker_roles"]), alternatives(lex["speech_verbs"])
    return bool(re.match(f"(?:{roles})[^,，。;；:：!！?？]{{0,6}}?(?:{verbs})", after))


def origin_before(before: str) -> str | None:
    """The code of the province an apposition right before an organisation names as its origin
    (闽籍企业 → 350000), by the province's one-character name (``province_abbreviations.csv``)."""
    match = re.search(lexicon()["origin_apposition"]["regex"], before)
    if match is None:
        return None
    return province_abbreviations().get(match.group("origin"))


def is_local_institution(org: Mention) -> bool:
    """A school, clinic or committee named by its village or town (X村幼儿园)."""
    rule = lexicon()["org_guard"]["local_institution"]
    name = org.name or org.text
    for ending in rule["endings"]:
        if name.endswith(ending):
            stem = name[: -len(ending)]
            return any(w in stem for w in rule["place_words"])
    return False


def is_helped_institution(org: Mention) -> bool:
    """A basic-level institution the article does not place (某村小学), or an institution that is
    no enterprise based in a western province (某县第四中学, 某区侨联): by default the helped side's
    own body (``org_guard.helped_institution``); the caller keeps it where the article's pairings
    put its home on the donor side."""
    rule = lexicon()["org_guard"]["helped_institution"]
    name = org.name or org.text
    if not org.home_code:
        return name.endswith(tuple(rule["basic_endings"]))
    return org.subtype in rule["institution_subtypes"] and region_of(org.home_code) == "west"


@cache
def _plain_actions() -> frozenset[str]:
    """The help action words that are plain words (捐赠, 资助), not patterns."""
    actions = lexicon()["actions"]
    return frozenset(w for k, ws in actions.items() if not k.startswith("_") for w in ws if w.isalpha())
