"""Pairings whose one side the clause leaves out and the context gives: a giver's clause that names
no recipient (X对口帮扶后, 自X结对帮扶以来, 由X对口帮扶) receives for the place before it in the
sentence, the place that opens the next clause, or the subject carried from the sentences before —
only where the two places' sides (region, tables, aid programmes) or the article's statements have
the borrowed place receiving. Sentences written for the tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import read_pairs

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("丹凤县山多地少,香菇卖不出去。闵行区对口帮扶后,香菇进了上海的超市。", ("闵行区", "丹凤县")),
        ("蓝田县盛产核桃,但销路一直不畅。黄浦区结对帮扶以来,核桃走进了大城市。", ("黄浦区", "蓝田县")),
        ("丹凤县山多地少。由闵行区结对帮扶以来,香菇销往全国。", ("闵行区", "丹凤县")),
        ("自闵行区对口帮扶以来,丹凤县的香菇产业发展迅速。", ("闵行区", "丹凤县")),
        ("黔东南州台江县被列入东西部协作县,由杭州市西湖区对口帮扶。", ("西湖区", "台江县")),
    ],
)
def test_a_givers_clause_without_recipient_takes_it_from_the_context(
    read_text: Read, text: str, pair: tuple
) -> None:
    assert pair in read_pairs(read_text, text)


@pytest.mark.parametrize(
    "text",
    [
        # the place before is of the giver's own side: nothing tells that it receives
        "余杭区召开全区大会。广州市对口帮扶以来,取得显著成效。",
        # a line of work, not a clause: no 后/以来 and no 由
        "闵行区召开全区干部大会。闵行区对口帮扶工作受到表彰。",
    ],
)
def test_no_recipient_borrowed_where_nothing_says_it_receives(read_text: Read, text: str) -> None:
    assert read_pairs(read_text, text) == set()


def test_a_place_the_article_has_giving_is_no_borrowed_recipient(read_text: Read) -> None:
    """The sentence before names the giving side only (闵行区 helps 丹凤县 already): the later
    clause borrows no recipient from a giver."""
    text = "闵行区对口帮扶丹凤县。闵行区干部大会召开。徐汇区结对帮扶以来,成效明显。"
    assert ("徐汇区", "闵行区") not in read_pairs(read_text, text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "东莞、中山对口帮扶昭通。绥江县板栗镇罗坪村是一个苗族聚居村。对口帮扶罗坪村,建设扶贫协作示范点。",
            {("东莞市", "罗坪村"), ("中山市", "罗坪村")},
        ),
        (
            "海沧区对口帮扶积石山县。大河家镇是一个回族聚居镇。同时,结对帮扶大河家镇。",
            {("海沧区", "大河家镇")},
        ),
    ],
)
def test_a_clause_without_subject_after_a_recipient_takes_the_articles_helpers_of_it(
    read_text: Read, text: str, wanted: set
) -> None:
    """The sentence before names only the receiving place: the givers are those the article pairs
    with a place that holds the clause's recipient."""
    assert wanted <= read_pairs(read_text, text)


def test_no_article_helper_for_a_recipient_outside_its_partners(read_text: Read) -> None:
    text = "海沧区对口帮扶积石山县。大河家镇是一个回族聚居镇。同时,结对帮扶庆阳市。"
    assert {d for d, r in read_pairs(read_text, text) if r == "庆阳市"} == set()


def test_a_programme_abbreviation_is_no_subject_carried_over(read_text: Read) -> None:
    """浙 of 浙川协作 names a programme: the next sentence's sum, which names no giver, is not the
    province's, and states no pairing of 浙江省 with the county."""
    text = (
        "在很多工作队干部看来,浙川协作古蔺产业园既是两地携手的成果,更是丽水对口结对古蔺的见证。\n"
        "结对帮扶以来,在东西部协作资金8915万元支持下,古蔺县已撬动投资近20亿元。"
    )
    _, _, relations = read_text(text)
    stated = {
        (r.donor.name, r.recipient.name) for r in relations if r.donor and r.recipient and r.states_pairing
    }
    assert ("丽水市", "古蔺县") in stated
    assert not any(donor == "浙江省" for donor, _ in stated)
