"""Helper organisations that fresh pages name in ways the help wordings did not read: a list the
text calls helpers (爱心企业, 贡献单位), a fund the organisations found for a place named later,
a pledge (认捐), and bodies whose names end in an association's or a school's short ending
(同乡会, 青企协, 附小). Sentences written for these tests, read by the whole pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import JSS
from relate_fixtures import helpers as fixture_helpers

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def helpers(read_text: Read, text: str) -> list[tuple[str, str | None]]:
    """(organisation, recipient) of each relation whose donor is an organisation."""
    _, _, relations = read_text(text)
    return sorted(
        {
            (r.donor.name, r.recipient.name if r.recipient else None)
            for r in relations
            if r.donor is not None and r.donor.label == "ORG"
        },
        key=repr,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a list closed by 等 and a helper noun, after 来自
            "杭州市西湖区对口帮扶台江县。计划汇聚了来自青禾公益基金会、东湖教育基金会等30余家爱心企业。",
            [("东湖教育基金会", "台江县"), ("青禾公益基金会", "台江县")],
        ),
        (  # the list is the goal of an award: still called helpers
            "杭州市西湖区对口帮扶台江县。主办方为青禾置业集团有限公司等40家年度贡献单位颁发了纪念牌。",
            [("青禾置业集团有限公司", "台江县")],
        ),
        (  # after 向, the helped place giving thanks
            "杭州市西湖区对口帮扶台江县。台江县向东海物流有限公司等爱心单位赠送了锦旗。",
            [("东海物流有限公司", "台江县")],
        ),
        (  # the helper noun after 作为
            "福州市对口帮扶定西市。作为爱心企业,福州青禾食品有限公司连续三年为临洮县的学校送去图书。",
            [("福州青禾食品有限公司", "临洮县")],
        ),
    ],
)
def test_organisations_the_text_calls_helpers_help(read_text: Read, text: str, expected: list) -> None:
    assert helpers(read_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the helped side's own company, called a helper or not, receives
        "杭州市西湖区对口帮扶台江县。台江县青禾农业有限公司等爱心企业积极参与。",
        # a list called something else
        "杭州市西湖区对口帮扶台江县。台江县青禾农业有限公司等受助企业代表参加了座谈。",
    ],
)
def test_organisations_not_called_helpers_or_of_the_helped_side_do_not_help(
    read_text: Read, text: str
) -> None:
    assert helpers(read_text, text) == []


def test_a_fund_the_organisations_found_for_a_place_named_later_is_their_help(read_text: Read) -> None:
    text = (
        "上海市静安区对口支援巴楚县。静安区社会组织联合会、静安区青年联合会等联手发起成立青少年发展基金,"
        "定向用于为巴楚县青少年发展项目提供支持。"
    )
    assert helpers(read_text, text) == [("静安区社会组织联合会", "巴楚县"), ("静安区青年联合会", "巴楚县")]


def test_a_campaign_the_organisations_initiate_for_no_named_place_is_no_help_of_theirs(
    read_text: Read,
) -> None:
    text = (
        "上海市静安区对口支援巴楚县。静安区青年联合会、静安区工商业联合会共同发起“百企帮百村”行动,"
        "以产业、就业等形式帮助贫困村加快脱贫。"
    )
    assert helpers(read_text, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "海沧区对口帮扶临夏县。青禾声学技术有限公司(理事企业)联合社会爱心企业共同认捐远程教育设备一台。",
            [("青禾声学技术有限公司", "临夏县")],
        ),
        (
            "东莞市对口帮扶始兴县。香港塘厦同乡会主席王某先生认捐始兴县花山村43万元村委会周边设施改造工程。",
            [("香港塘厦同乡会", "花山村")],
        ),
    ],
)
def test_a_pledge_is_a_gift(read_text: Read, text: str, expected: list) -> None:
    assert helpers(read_text, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "广州市番禺区对口帮扶威宁县。团番禺区委联合番禺区青企协开展爱心帮扶活动,"
            "为威宁县斗古镇米乐村募集了一批羽绒服。",
            [("番禺区青企协", "米乐村")],
        ),
        (
            "福州市对口帮扶宁德市。福州教院一附小、金山小学选派多名教师到对口校开展送教活动。",
            [("福州教院一附小", "宁德市"), ("金山小学", "宁德市")],
        ),
    ],
)
def test_association_and_school_short_endings_name_helpers(
    read_text: Read, text: str, expected: list
) -> None:
    assert helpers(read_text, text) == expected


def test_an_aside_after_a_list_item_keeps_the_list_going() -> None:
    """青禾科技事业部(SSV)、东湖置业有限公司等…贡献单位: the bracketed aside is the first item's, not
    the list's end (hand-linked mentions: the spans stop before the bracket)."""
    text = (
        "海沧区对口帮扶积石山县。主办方为青禾科技可持续发展事业部(SSV)、东湖置业有限公司"
        "等12家年度贡献单位颁发了纪念牌。"
    )
    orgs = {"青禾科技可持续发展事业部": None, "东湖置业有限公司": None}
    assert fixture_helpers(text, ["海沧区", "积石山县"], orgs) == [
        ("青禾科技可持续发展事业部", JSS, "helps"),
        ("东湖置业有限公司", JSS, "helps"),
    ]


def test_a_company_s_division_is_no_government_organ() -> None:
    """事业部 ends in 部 like an organ's department, but a company's division is no organ."""
    text = "海沧区对口帮扶积石山县。青禾科技可持续发展事业部向积石山县捐赠了一批电脑。"
    assert fixture_helpers(text, ["海沧区", "积石山县"], {"青禾科技可持续发展事业部": None}) == [
        ("青禾科技可持续发展事业部", JSS, "donates")
    ]
