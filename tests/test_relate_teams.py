"""Pairings told through help teams, donor lists before the help, several 携手 pairs, and 之一.

Sentences written for these tests. Places (and team organisations) are given as the surfaces the
NER would tag; the real linker resolves them, so codes, levels and sides are the real ones.
"""

from __future__ import annotations

import pytest
from relate_fixtures import tagged

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.link import link_mentions
from kg.relate import extract_relations


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def pairs(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    """(donor, recipient) names of the pairings, every occurrence of each surface tagged, longest first."""
    art, mentions = tagged(text, places, orgs)
    linked = link_mentions(art, mentions, gaz)
    return {(r.donor.name, r.recipient.name) for r in extract_relations(art, linked) if r.type == "pairing"}


@pytest.mark.parametrize(
    ("text", "places", "orgs", "expected"),
    [
        # a donor list before the help verb, the recipient after 为 / 向
        (
            "苏州市及吴中区、相城区不断加大帮扶力度,为铜仁市脱贫攻坚提供了有力支持。",
            ["苏州市", "吴中区", "相城区", "铜仁市"],
            (),
            {("苏州市", "铜仁市"), ("吴中区", "铜仁市"), ("相城区", "铜仁市")},
        ),
        (
            "余杭区及临平区持续加大帮扶力度,向苍溪县倾斜资金和项目。",
            ["余杭区", "临平区", "苍溪县"],
            (),
            {("余杭区", "苍溪县"), ("临平区", "苍溪县")},
        ),
        # a team named by its station with its sender in brackets
        ("近日,苍溪县(余杭)工作组召开周例会。", ["苍溪县", "余杭"], (), {("余杭区", "苍溪县")}),
        # the sender named first, the western station in brackets: the sides decide the direction
        ("会上,余杭(苍溪)工作组汇报了工作。", ["余杭", "苍溪"], (), {("余杭区", "苍溪县")}),
        # a province's aid team goes to the place it helps
        ("江苏省第十批援藏工作队到拉萨市开展调研。", ["江苏省", "拉萨市"], (), {("江苏省", "拉萨市")}),
        (
            "广东省第十批援藏工作队工布江达县(中山)工作组组长表示。",
            ["广东省", "工布江达县", "中山"],
            (),
            {("广东省", "工布江达县"), ("中山市", "工布江达县")},
        ),
        # X援Y工作队, the team as plain text and as an organisation
        ("余杭援苍溪工作队走访了当地企业。", ["余杭", "苍溪"], (), {("余杭区", "苍溪县")}),
        (
            "余杭区赴苍溪县东西部协作工作组组长参加会议。",
            ["余杭区"],
            ("苍溪县东西部协作工作组",),
            {("余杭区", "苍溪县")},
        ),
        # a liaison group and its county group, a team in (在) the place, staff a place keeps there
        (
            "上海市第八批援藏干部联络组定日小组到岗嘎镇调研。",
            ["上海市", "定日", "岗嘎镇"],
            (),
            {("上海市", "定日县")},
        ),
        ("江苏省援青干部人才海东工作组召开会议。", ["江苏省", "海东"], (), {("江苏省", "海东市")}),
        ("中山市援藏工作组在工布江达县开展义诊。", ["中山市", "工布江达县"], (), {("中山市", "工布江达县")}),
        ("江苏省援藏工作队走访拉萨市贫困户。", ["江苏省", "拉萨市"], (), {("江苏省", "拉萨市")}),
        ("余杭区派驻苍溪县的挂职干部深入企业调研。", ["余杭区", "苍溪县"], (), {("余杭区", "苍溪县")}),
        # several 携手 pairs in one clause: one pair per 携手, no pairs across them
        (
            "吴中区携手德江县、相城区携手石阡县,共同推进产业协作。",
            ["吴中区", "德江县", "相城区", "石阡县"],
            (),
            {("吴中区", "德江县"), ("相城区", "石阡县")},
        ),
        (
            "吴中区与德江县、相城区与石阡县携手推进东西部协作。",
            ["吴中区", "德江县", "相城区", "石阡县"],
            (),
            {("吴中区", "德江县"), ("相城区", "石阡县")},
        ),
        # Y是X对口帮扶Z…之一: X helps Y as well as Z
        (
            "德江县是苏州市对口帮扶铜仁市四县之一。",
            ["德江县", "苏州市", "铜仁市"],
            (),
            {("苏州市", "德江县"), ("苏州市", "铜仁市")},
        ),
        # the same wording after the subject's other clauses, and 的一个县
        (
            "德江县地处黔东北,是苏州市对口帮扶铜仁市四县之一。",
            ["德江县", "黔东北", "苏州市", "铜仁市"],
            (),
            {("苏州市", "德江县"), ("苏州市", "铜仁市")},
        ),
        (
            "莎车县是西北地区人口大县,也是上海对口援疆资金量最多的一个县。",
            ["莎车县", "西北", "上海"],
            (),
            {("上海市", "莎车县")},
        ),
        # 之一 without a pairing verb adds nothing to the sentence's pair
        (
            "苏州市帮扶铜仁市,德江县是全国深度贫困县之一。",
            ["德江县", "苏州市", "铜仁市"],
            (),
            {("苏州市", "铜仁市")},
        ),
    ],
)
def test_team_and_list_pairings(
    gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...], expected: set[tuple[str, str]]
) -> None:
    assert pairs(gaz, text, places, orgs) == expected


@pytest.mark.parametrize(
    ("text", "places", "orgs"),
    [
        # a team from X visiting Y without a help word is no pairing
        ("昆山市工作队到碧江区考察。", ["碧江区"], ("昆山市工作队",)),
        ("昆山市工作组到碧江区参观学习。", ["昆山市", "碧江区"], ()),
        # a county's own village team works inside it
        ("通渭县驻村工作队走访了通渭县贫困户。", ["通渭县"], ()),
        ("通渭县加大帮扶力度,为通渭县贫困村修建道路。", ["通渭县"], ()),
        # a county's effort for a village of its own: a place of far lower level is no partner
        ("通渭县不断加大帮扶力度,为义岗镇贫困户解决难题。", ["通渭县", "义岗镇"], ()),
        # a bracket that names the place's own prefecture, a delegation's visit without a team
        ("会上,吴中区(苏州市)工作组汇报了工作。", ["吴中区", "苏州市"], ()),
        ("会上,碧江区(铜仁市)工作组汇报了工作。", ["碧江区", "铜仁市"], ()),
        ("惠东县党政代表团赴望谟县考察。", ["惠东县", "望谟县"], ()),
        # a county's own cadres sent to its township
        ("苍溪县派驻元坝镇的帮扶干部走访农户。", ["苍溪县", "元坝镇"], ()),
        # a list on both sides of the effort says nothing about who helps whom
        (
            "吴中区、相城区等地不断加大帮扶力度,为德江县、石阡县提供支持。",
            ["吴中区", "相城区", "德江县", "石阡县"],
            (),
        ),
        # 之一 without a pairing verb
        ("德江县是铜仁市深度贫困县之一。", ["德江县", "铜仁市"], ()),
    ],
)
def test_no_pairing(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...]) -> None:
    assert pairs(gaz, text, places, orgs) == set()


def test_effort_for_a_partners_companies_keeps_direction(gaz: Gazetteer) -> None:
    """为X企业: the place only qualifies the companies served; the recipient's effort is no help to X."""
    found = pairs(gaz, "铜仁市将加大帮扶力度,为苏州市企业提供用工保障。", ["铜仁市", "苏州市"])
    assert ("铜仁市", "苏州市") not in found
