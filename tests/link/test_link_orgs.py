"""Organisation names in the link stage, on sentences written for the test: short names the
article defines take the full name."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest

from kg.gazetteer import Gazetteer
from kg.link import defined_abbreviations, link_mentions
from kg.link.organisations import is_abbreviation
from kg.link.short_forms import LIST_MATE_SOURCE, SHORT_FORM_SOURCE
from kg.records import Article, Mention, Sentence


def orgs_of(text: str, surfaces: list[str]) -> list[Mention]:
    """Every occurrence of each ORG surface, in text order (one sentence)."""
    mentions, taken = [], []
    for surface in sorted(surfaces, key=len, reverse=True):
        start = text.find(surface)
        while start >= 0:
            if all(start >= e or start + len(surface) <= s for s, e in taken):
                taken.append((start, start + len(surface)))
                mentions.append(Mention("t", "ORG", surface, start, start + len(surface), 0))
            start = text.find(surface, start + 1)
    return sorted(mentions, key=lambda m: m.start)


def linked_orgs(gaz: Gazetteer, text: str, surfaces: list[str], cuts: tuple[int, ...] = ()) -> list[Mention]:
    """The ORG mentions the linker hands on for ``text`` (sentences split at ``cuts``) whose
    organisations are the ``surfaces`` found in it."""
    bounds = [0, *cuts, len(text)]
    sentences = [Sentence(a, b) for a, b in itertools.pairwise(bounds)]
    art = Article(id="t", text=text, sentences=sentences)
    return [m for m in link_mentions(art, orgs_of(text, surfaces), gaz) if m.label == "ORG"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲乙汽车集团有限公司(以下简称“甲乙公司”)驻某村工作队", {"甲乙公司": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司（下称甲乙集团）成立于1969年", {"甲乙集团": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司 (简称: 甲乙汽车) 的员工", {"甲乙汽车": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司(其中三家在本市)在本市投资", {}),
    ],
)
def test_short_name_defined_in_brackets_after_the_full_name(text: str, expected: dict[str, str]) -> None:
    mentions = orgs_of(text, ["甲乙汽车集团有限公司"])
    assert defined_abbreviations(text, mentions) == expected


def test_every_mention_of_the_defined_short_name_takes_the_full_name(gaz: Gazetteer) -> None:
    text = (
        "2013年,丙丁汽车集团有限公司(以下简称“丙丁公司”)派出扶贫工作队。"
        "丙丁公司投入资金300万元,丙丁公司员工还认购了农产品。"
    )
    linked = linked_orgs(gaz, text, ["丙丁汽车集团有限公司", "丙丁公司"])
    assert len(linked) == 4
    assert {m.name for m in linked} == {"丙丁汽车集团有限公司"}


@pytest.mark.parametrize(
    ("name", "subtype"),
    [
        ("中共福清市委党校", "government"),  # run by the Party committee: an organ, not a school
        ("福清市第一中学", "school"),
        ("昆山市供销合作总社", "government"),
        ("福清市卫生服务中心", "hospital"),
        ("厦门海投集团", "enterprise"),
        ("天津市工商联", "social"),
    ],
)
def test_the_nlp_and_link_stages_read_one_subtype_table(name: str, subtype: str) -> None:
    from kg.link import org_subtype as link_subtype
    from kg.nlp.lexicon import org_subtype as nlp_subtype

    assert link_subtype(name) == nlp_subtype(name) == subtype


@pytest.mark.parametrize(
    ("short", "full", "abbreviates"),
    [
        ("农科院", "农业科学院", True),  # a character of each word, in order
        ("甲投集团", "甲沧投资集团", True),
        ("经促会", "经济促进会", True),
        ("中国银行", "中国农业银行", False),  # 农业 dropped whole: another bank
        ("甲乙公司", "甲乙汽车集团有限公司", False),  # more than a word dropped: only a bracket says so
        ("丙丁院", "甲乙丙丁院", False),  # the first character differs
    ],
)
def test_an_abbreviation_keeps_a_character_of_each_word(short: str, full: str, abbreviates: bool) -> None:
    assert is_abbreviation(short, full) is abbreviates


def test_a_short_form_takes_the_one_fuller_name_of_the_article(gaz: Gazetteer) -> None:
    text = "甲乙农业科学院派出专家组。甲乙农科院向某村捐赠种苗,丙丁农科院也派出了专家。"
    mentions = orgs_of(text, ["甲乙农业科学院", "甲乙农科院", "丙丁农科院"])
    art = Article(id="t", text=text, sentences=[Sentence(0, len(text))])
    names = [m.name for m in link_mentions(art, mentions, gaz) if m.label == "ORG"]
    assert names == ["甲乙农业科学院", "甲乙农业科学院", "丙丁农科院"]


def test_a_company_s_short_forms_in_the_article_are_that_company(gaz: Gazetteer) -> None:
    """Without a 简称 clause the article writes the name without place and legal form (青禾管业),
    the trade name with 公司, or the place with the trade name: each is the company."""
    text = (
        "石桥村收到了秦皇岛青禾管业有限公司捐赠的支票。青禾管业决定再捐赠5万元。"
        "上海超诚电子科技有限公司代表团来到石桥村。上海超诚向石桥村捐助10万元,超诚公司还捐赠了图书。"
    )
    linked = linked_orgs(gaz, text, ["秦皇岛青禾管业有限公司", "上海超诚电子科技有限公司"], cuts=(24,))
    assert [(m.text, m.name) for m in linked] == [
        ("秦皇岛青禾管业有限公司", "秦皇岛青禾管业有限公司"),
        ("青禾管业", "秦皇岛青禾管业有限公司"),
        ("上海超诚电子科技有限公司", "上海超诚电子科技有限公司"),
        ("上海超诚", "上海超诚电子科技有限公司"),
        ("超诚公司", "上海超诚电子科技有限公司"),
    ]
    assert [m.sentence for m in linked if m.source == SHORT_FORM_SOURCE] == [0, 1, 1]


def test_no_short_form_from_a_common_word_nor_from_a_name_without_legal_form(gaz: Gazetteer) -> None:
    """北方 is a common word (北方公司 would be read in any phrase); a federation's core is a kind
    of body (慈善总会), not a name."""
    text = "天津北方电子有限公司和海州市慈善总会来到石桥村。北方公司和慈善总会都捐了款。"
    linked = linked_orgs(gaz, text, ["天津北方电子有限公司", "海州市慈善总会"])
    assert [m.text for m in linked] == ["天津北方电子有限公司", "海州市慈善总会"]


def test_a_group_and_its_company_of_one_trade_name_are_one_organisation(gaz: Gazetteer) -> None:
    text = "海州青禾置业有限公司在石桥村举行捐款仪式。海州青禾置业集团副总经理出席。"
    linked = linked_orgs(gaz, text, ["海州青禾置业有限公司", "海州青禾置业集团"])
    assert {m.name for m in linked} == {"海州青禾置业有限公司"}


def test_a_short_name_the_article_defines_is_read_wherever_it_stands(gaz: Gazetteer) -> None:
    """广东某某陶瓷有限公司(下简称“某某”): each later 某某 is the company, and so is 某某公司, which
    begins the company's name without its place and legal form."""
    text = (
        "广东青禾陶瓷有限公司(下简称“青禾”)向石门县捐赠石材。"
        "本次青禾向石门县捐赠的石材价值211万元。仪式在青禾公司举行。"
    )
    linked = linked_orgs(gaz, text, ["广东青禾陶瓷有限公司", "青禾公司"], cuts=(27,))
    assert [(m.text, m.name) for m in linked] == [
        ("广东青禾陶瓷有限公司", "广东青禾陶瓷有限公司"),
        ("青禾", "广东青禾陶瓷有限公司"),
        ("青禾公司", "广东青禾陶瓷有限公司"),
    ]


def test_brands_listed_beside_a_named_company_are_companies(gaz: Gazetteer) -> None:
    """白云电器 has no legal form, but beside 甲乙集团 in a list it is a trade name and a line of
    business: a company. A phrase of the same length that ends in no line of business is none."""
    text = "海信电器、南港集团和云智科技共同捐资80万元,南港集团、乡村振兴工作同步推进。"
    mentions = orgs_of(text, ["南港集团"])
    mentions = [replace(m, subtype="enterprise") for m in mentions]
    art = Article(id="t", text=text, sentences=[Sentence(0, len(text))])
    linked = [m for m in link_mentions(art, mentions, gaz) if m.label == "ORG"]
    assert [(m.text, m.source) for m in linked] == [
        ("海信电器", LIST_MATE_SOURCE),
        ("南港集团", "ner"),
        ("云智科技", LIST_MATE_SOURCE),
        ("南港集团", "ner"),
    ]


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # the city's short name before the core, the district left out, then the full name
        (
            "锦州青岚小学赠送冬衣。辽宁省锦州市古塔区青岚小学的师生捐了款。",
            ["锦州青岚小学", "辽宁省锦州市古塔区青岚小学"],
        ),
        # the full name first, then the province's short name before the core
        (
            "福州市鼓楼区甲乙研究会来到石桥村。福建甲乙研究会捐赠了图书。",
            ["福州市鼓楼区甲乙研究会", "福建甲乙研究会"],
        ),
    ],
)
def test_forms_of_one_core_under_nested_places_are_one_organisation(
    gaz: Gazetteer, text: str, surfaces: list[str]
) -> None:
    linked = linked_orgs(gaz, text, surfaces)
    assert len({m.name for m in linked}) == 1
    assert linked[0].name == max(surfaces, key=len)


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        # a core every place may have (an ordinal school, a 实验小学) names two bodies
        (
            "锦州第一中学捐赠图书。锦州市古塔区第一中学也捐赠了文具。",
            ["锦州第一中学", "锦州市古塔区第一中学"],
        ),
        ("福州实验小学捐了款。福州市鼓楼区实验小学捐了书。", ["福州实验小学", "福州市鼓楼区实验小学"]),
        # one core under two districts of the city: which one the short form means is undecidable
        (
            "锦州青岚小学赠送冬衣。锦州市古塔区青岚小学和锦州市凌河区青岚小学捐了款。",
            ["锦州青岚小学", "锦州市古塔区青岚小学", "锦州市凌河区青岚小学"],
        ),
    ],
)
def test_generic_cores_and_undecidable_short_forms_stay_apart(
    gaz: Gazetteer, text: str, surfaces: list[str]
) -> None:
    linked = linked_orgs(gaz, text, surfaces)
    assert len({m.name for m in linked}) == len(surfaces)
