"""Shared helpers of the relate tests: hand-built linked articles (sentences written for the tests,
places with the codes of jionlp's china_location dictionary, so these need neither NER nor
linker), what such an article gives (pairs, helpers, fundings), and the same with the real linker
for the link + relate integration tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kg.gazetteer import Gazetteer
from kg.link import link_mentions
from kg.link.anaphors import resolve_references_back
from kg.records import Article, Mention, Relation, Sentence
from kg.relate import extract_relations


@dataclass(frozen=True)
class Place:
    name: str
    level: str
    code: str | None  # county level and above
    parents: tuple[str, ...]
    county_code: str | None = None


def place(name: str, level: str, code: str, parents: tuple[str, ...] = ()) -> Place:
    return Place(name, level, code, parents)


def place_below(name: str, level: str, county: str, parents: tuple[str, ...]) -> Place:
    return Place(name, level, None, (*parents, county), county)


PLACES: dict[str, Place] = {
    "北京市": place("北京市", "province", "110000"),
    "天津市": place("天津市", "province", "120000"),
    "上海市": place("上海市", "province", "310000"),
    "河北省": place("河北省", "province", "130000"),
    "江苏省": place("江苏省", "province", "320000"),
    "福建省": place("福建省", "province", "350000"),
    "广东省": place("广东省", "province", "440000"),
    "广西": place("广西壮族自治区", "province", "450000"),
    "贵州省": place("贵州省", "province", "520000"),
    "甘肃省": place("甘肃省", "province", "620000"),
    "内蒙古自治区": place("内蒙古自治区", "province", "150000"),
    "宁夏": place("宁夏回族自治区", "province", "640000"),
    "云南": place("云南省", "province", "530000"),
    "张家口市": place("张家口市", "prefecture", "130700", ("130000",)),
    "保定市": place("保定市", "prefecture", "130600", ("130000",)),
    "苏州市": place("苏州市", "prefecture", "320500", ("320000",)),
    "铜仁市": place("铜仁市", "prefecture", "520600", ("520000",)),
    "厦门市": place("厦门市", "prefecture", "350200", ("350000",)),
    "福州市": place("福州市", "prefecture", "350100", ("350000",)),
    "宁德市": place("宁德市", "prefecture", "350900", ("350000",)),
    "临夏州": place("临夏回族自治州", "prefecture", "622900", ("620000",)),
    "定西市": place("定西市", "prefecture", "621100", ("620000",)),
    "福清": place("福清市", "county", "350181", ("350000", "350100")),
    "福清市": place("福清市", "county", "350181", ("350000", "350100")),
    "通渭": place("通渭县", "county", "621121", ("620000", "621100")),
    "通渭县": place("通渭县", "county", "621121", ("620000", "621100")),
    "白银区": place("白银区", "county", "620402", ("620000", "620400")),
    "渭源县": place("渭源县", "county", "621123", ("620000", "621100")),
    "连城": place("连城县", "county", "350825", ("350000", "350800")),
    "连城县": place("连城县", "county", "350825", ("350000", "350800")),
    "海沧区": place("海沧区", "county", "350205", ("350000", "350200")),
    "海沧": place("海沧区", "county", "350205", ("350000", "350200")),
    "积石山县": place("积石山保安族东乡族撒拉族自治县", "county", "622927", ("620000", "622900")),
    "泾源县": place("泾源县", "county", "640424", ("640000", "640400")),
    "屏南县": place("屏南县", "county", "350923", ("350000", "350900")),
    "和平区": place("和平区", "county", "120101", ("120000",)),
    "靖远县": place("靖远县", "county", "620421", ("620000", "620400")),
    "昆山市": place("昆山市", "county", "320583", ("320000", "320500")),
    "昆山": place("昆山市", "county", "320583", ("320000", "320500")),
    "碧江区": place("碧江区", "county", "520602", ("520000", "520600")),
    "碧江": place("碧江区", "county", "520602", ("520000", "520600")),
    "平潭": place("平潭县", "county", "350128", ("350000", "350100")),
    "湖州市": place("湖州市", "prefecture", "330500", ("330000",)),
    "吴兴区": place("吴兴区", "county", "330502", ("330000", "330500")),
    "丽水市": place("丽水市", "prefecture", "331100", ("330000",)),
    "龙泉市": place("龙泉市", "county", "331181", ("330000", "331100")),
    "庆元县": place("庆元县", "county", "331126", ("330000", "331100")),
    "新阳街道": place_below("新阳街道", "town", "350205", ("350000", "350200")),
    "东孚镇": place_below("东孚镇", "town", "350205", ("350000", "350200")),
    "劝业场街道": place_below("劝业场街道", "town", "120101", ("120000",)),
    "河池市": place("河池市", "prefecture", "451200", ("450000",)),
    "粤": place("广东省", "province", "440000"),
    "桂": place("广西壮族自治区", "province", "450000"),
    "闽": place("福建省", "province", "350000"),
    "甘": place("甘肃省", "province", "620000"),
    "铁门关市": place("铁门关市", "county", "659006", ("650000",)),
    "望都县": place("望都县", "county", "130631", ("130000", "130600")),
    "张浦镇": place_below("张浦镇", "town", "320583", ("320000", "320500")),
    "张浦": place_below("张浦镇", "town", "320583", ("320000", "320500")),
    "周市镇": place_below("周市镇", "town", "320583", ("320000", "320500")),
    "坝黄镇": place_below("坝黄镇", "town", "520602", ("520000", "520600")),
    "坝黄": place_below("坝黄镇", "town", "520602", ("520000", "520600")),
    "瓦屋乡": place_below("瓦屋侗族乡", "town", "520602", ("520000", "520600")),
    "六龙山乡": place_below("六龙山侗族土家族乡", "town", "520602", ("520000", "520600")),
    "七桥村": place_below("七桥村", "village", "320583", ("320000", "320500")),
    "高坝田村": place_below("高坝田村", "village", "520602", ("520000", "520600")),
    "富坪村": place_below("富坪村", "village", "620421", ("620000", "620400")),
    "北湾镇": place_below("北湾镇", "town", "620421", ("620000", "620400")),
    "建新村": place_below("建新村", "village", "350128", ("350000", "350100")),
    "余杭区": place("余杭区", "county", "330110", ("330000", "330100")),
    "恩施州": place("恩施土家族苗族自治州", "prefecture", "422800", ("420000",)),
    "巴东县": place("巴东县", "county", "422823", ("420000", "422800")),
    "鹤峰县": place("鹤峰县", "county", "422828", ("420000", "422800")),
    "黔东南州": place("黔东南苗族侗族自治州", "prefecture", "522600", ("520000",)),
    "台江县": place("台江县", "county", "522630", ("520000", "522600")),
    "剑河县": place("剑河县", "county", "522629", ("520000", "522600")),
    "西藏": place("西藏自治区", "province", "540000"),
    "比如县恰则乡": place_below("恰则乡", "town", "540622", ("540000", "540600")),
    "喀什地区": place("喀什地区", "prefecture", "653100", ("650000",)),
    "莎车县": place("莎车县", "county", "653125", ("650000", "653100")),
    "泽普县": place("泽普县", "county", "653124", ("650000", "653100")),
    "叶城县": place("叶城县", "county", "653126", ("650000", "653100")),
    "苏州": place("苏州市", "prefecture", "320500", ("320000",)),
    "宿迁": place("宿迁市", "prefecture", "321300", ("320000",)),
    "常州": place("常州市", "prefecture", "320400", ("320000",)),
    "盐城": place("盐城市", "prefecture", "320900", ("320000",)),
    "济南": place("济南市", "prefecture", "370100", ("370000",)),
    "青岛": place("青岛市", "prefecture", "370200", ("370000",)),
    "菏泽市": place("菏泽市", "prefecture", "371700", ("370000",)),
    "山东": place("山东省", "province", "370000"),
    "江苏": place("江苏省", "province", "320000"),
    "宁波市": place("宁波市", "prefecture", "330200", ("330000",)),
    "延边州": place("延边朝鲜族自治州", "prefecture", "222400", ("220000",)),
    "黔西南州": place("黔西南布依族苗族自治州", "prefecture", "522300", ("520000",)),
    "周庄镇": place_below("周庄镇", "town", "320583", ("320000", "320500")),
    "金华村": place_below("金华村", "village", "320583", ("320000", "320500")),
    "张家港市": place("张家港市", "county", "320582", ("320000", "320500")),
    "善港村": place_below("善港村", "village", "320582", ("320000", "320500")),
    "沿河县": place("沿河土家族自治县", "county", "522228", ("520000", "520600")),
    "高峰村": place_below("高峰村", "village", "522228", ("520000", "520600")),
}


def sentences_of(text: str) -> list[Sentence]:
    """Split after 。!?; (what the ingest stage does, near enough for these tests)."""
    out, start = [], 0
    for m in re.finditer(r"[。!?;!?;]", text):
        out.append(Sentence(start, m.end()))
        start = m.end()
    if start < len(text):
        out.append(Sentence(start, len(text)))
    return out


def article(
    text: str,
    places: list[str] = (),  # type: ignore[assignment]
    orgs: dict[str, str | None] | None = None,  # org surface -> home code
    money: dict[str, float] | None = None,
    article_id: str = "t",
    subtypes: dict[str, str] | None = None,
    table: dict[str, Place] | None = None,
) -> tuple[Article, list[Mention]]:
    """An article and its linked mentions: every occurrence of each listed surface, longest first
    (places looked up in ``table``, by default :data:`PLACES`), and the words that point back read
    as the linker reads them (:func:`kg.link.anaphors.resolve_references_back`)."""
    art = Article(id=article_id, text=text, sentences=sentences_of(text))
    wanted: list[tuple[str, str]] = [(s, "PLACE") for s in places]
    wanted += [(s, "ORG") for s in (orgs or {})]
    wanted += [(s, "MONEY") for s in (money or {})]
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for surface, label in sorted(wanted, key=lambda w: -len(w[0])):
        for m in re.finditer(re.escape(surface), text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mention = Mention(art.id, label, surface, m.start(), m.end(), art.sentence_index_at(m.start()))
            if label == "PLACE":
                p = (table or PLACES)[surface]
                mention.name, mention.level, mention.code = p.name, p.level, p.code
                mention.parents, mention.county_code = list(p.parents), p.county_code
                mention.province_code = p.parents[0] if p.parents else p.code  # type: ignore[assignment]
                if p.level in ("town", "village"):
                    mention.code = None
            elif label == "ORG":
                mention.name = surface
                mention.home_code = (orgs or {})[surface]
                mention.subtype = (subtypes or {}).get(surface)
            else:
                mention.value = (money or {})[surface]
            mentions.append(mention)
    # the linker's last step: 该村, 该公司, 我们 read as what they point back to
    return art, resolve_references_back(art, mentions)


def tagged(text: str, places: list[str], orgs: tuple[str, ...] = ()) -> tuple[Article, list[Mention]]:
    """An article and UNLINKED mentions, as the nlp stage would give them to the linker: every
    occurrence of each listed surface, longest first."""
    art = Article(id="t", text=text, sentences=sentences_of(text))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    wanted = [(s, "PLACE") for s in places] + [(s, "ORG") for s in orgs]
    for surface, label in sorted(wanted, key=lambda w: -len(w[0])):
        for m in re.finditer(re.escape(surface), text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            mentions.append(
                Mention(art.id, label, surface, m.start(), m.end(), art.sentence_index_at(m.start()))
            )
    return art, sorted(mentions, key=lambda m: m.start)


JSS = "积石山保安族东乡族撒拉族自治县"  # the official name of 积石山县, as the relations write it


def relations(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None, **kwargs: Any
) -> list[Relation]:
    """The relations of a text whose listed surfaces are hand-linked (see :func:`article`)."""
    art, mentions = article(text, places, orgs=orgs, **kwargs)
    return extract_relations(art, mentions)


def pairs(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None, **kwargs: Any
) -> list[tuple[str, str]]:
    """(donor, recipient) names of the pairings, in order."""
    found = relations(text, places, orgs, **kwargs)
    return [(r.donor.name, r.recipient.name) for r in found if r.type == "pairing"]


def read_pairs(
    read_text: Callable[[str], tuple[Article, list[Mention], list[Relation]]], text: str
) -> set[tuple[str | None, str | None]]:
    """(donor, recipient) names — None for a side not found — of the pairings the real pipeline
    (the ``read_text`` fixture) reads in ``text``."""
    _, _, relations = read_text(text)
    return {
        (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None)
        for r in relations
        if r.type == "pairing"
    }


def read_funds(
    read_text: Callable[[str], tuple[Article, list[Mention], list[Relation]]], text: str
) -> list[tuple[str | None, str | None, float | None]]:
    """(giver, receiver, amount) of the funds the real pipeline (the ``read_text`` fixture) reads in
    ``text``, in order; None for a party not found."""
    _, _, relations = read_text(text)
    return [
        (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None, r.amount_yuan)
        for r in relations
        if r.type == "funding"
    ]


def pair_set(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None, **kwargs: Any
) -> set[tuple[str, str]]:
    """The pairings as a set of (donor, recipient) names."""
    return set(pairs(text, places, orgs, **kwargs))


def helpers(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None, **kwargs: Any
) -> list[tuple[str, str | None, str | None]]:
    """(organisation, recipient, action) of the help relations, in order."""
    found = relations(text, places, orgs, **kwargs)
    return [
        (r.donor.name, r.recipient.name if r.recipient else None, r.action) for r in found if r.type == "help"
    ]


def org_gifts(
    text: str, places: list[str], orgs: dict[str, str | None], money: dict[str, float] | None = None
) -> list[tuple[str, str | None, str | None]]:
    """(type, organisation, recipient) of the help and funding relations an organisation gives."""
    return [
        (r.type, r.donor.name if r.donor else None, r.recipient.name if r.recipient else None)
        for r in relations(text, places, orgs, money=money)
        if r.type in ("help", "funding") and r.donor is not None and r.donor.label == "ORG"
    ]


def fundings(
    text: str, places: list[str], orgs: dict[str, str | None] | None = None, **kwargs: Any
) -> list[tuple[str | None, str, float | None]]:
    """(giver or None, recipient, amount) of the funding relations, in order."""
    found = relations(text, places, orgs, **kwargs)
    return [
        (r.donor.name if r.donor else None, r.recipient.name, r.amount_yuan)
        for r in found
        if r.type == "funding"
    ]


def org_mention(text: str) -> Mention:
    """A bare ORG mention of ``text`` (for the name guard)."""
    return Mention("t", "ORG", text, 10, 10 + len(text), 0, name=text)


def linked(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...] = ()) -> list[Mention]:
    """Every occurrence of each surface as a PLACE (or ORG) mention, longest first, linked by the
    real linker: the link + relate integration tests start from here."""
    art, mentions = tagged(text, places, orgs)
    return link_mentions(art, mentions, gaz)


def linked_pairs(
    gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...] = ()
) -> set[tuple[str, str]]:
    """(donor, recipient) names of the pairings of a text linked by the real linker."""
    art = Article(id="t", text=text, sentences=sentences_of(text))
    found = extract_relations(art, linked(gaz, text, places, orgs))
    return {(r.donor.name, r.recipient.name) for r in found if r.type == "pairing"}
