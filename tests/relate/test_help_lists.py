"""Organisations listed together share the list's role: every item of a list that helps (after a
convener, with a descriptor before an item, in a delegation, closed by a count of enterprises) is a
helper, the convener and the visit's goal are not. Sentences written for these tests, read by the
whole pipeline (nlp → link → relate)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
PAIR = "宁波市对口帮扶凉山州。"


def helper_names(read_text: Read, text: str) -> set[str]:
    _, _, relations = read_text(PAIR + text)
    return {r.donor.name for r in relations if r.donor and r.donor.label == "ORG" and r.type == "help"}


@pytest.mark.parametrize(
    ("text", "helpers"),
    [
        # a convener sends a list whose last item carries a descriptor
        (
            "5月8日,区工商联组织宁波市温岭商会、宁波市青田商会和爱心企业宁波春华电器有限公司赴昭觉县城北乡开展捐赠活动。",
            {"宁波市温岭商会", "宁波市青田商会", "宁波春华电器有限公司"},
        ),
        # the list is the subject, a member body named with its role in the association
        (
            "宁波市慈善总会、宁波市红十字会及会员单位宁波东海物流有限公司共同向昭觉县捐赠物资。",
            {"宁波市慈善总会", "宁波市红十字会", "宁波东海物流有限公司"},
        ),
        # a delegation formed by the listed bodies visits a school of the helped side: the
        # members help, the school they visit does not
        (
            "由宁波市第二中学、宁波市李惠利医院组成的“甬凉爱心服务队”走进昭觉县城北乡中心小学,开展助学帮扶活动。",
            {"宁波市第二中学", "宁波市李惠利医院"},
        ),
        # a list of brands closed by a count of enterprises: every item is an enterprise
        (
            "辖内青山宾馆、仁济医院、星河之家3家企业负责人来到昭觉县城北乡,捐赠善款5万元。",
            {"青山宾馆", "仁济医院", "星河之家"},
        ),
    ],
)
def test_every_item_of_a_helping_list_helps(read_text: Read, text: str, helpers: set[str]) -> None:
    assert helper_names(read_text, text) == helpers


@pytest.mark.parametrize(
    "text",
    [
        # a meeting the federation convenes: the listed bodies attend, nobody gives
        "县工商联组织召开座谈会,宁波市温岭商会和宁波市青田商会负责人参加。",
        # a vague quantity before a kind of body names no organisation
        "不少商会和企业为昭觉县城北乡捐款捐物。",
    ],
)
def test_no_helper_without_a_named_body_that_gives(read_text: Read, text: str) -> None:
    assert helper_names(read_text, text) == set()


def test_an_item_no_mention_covers_keeps_the_list_and_an_association_is_no_member(read_text: Read) -> None:
    """A、现代医院、B: the middle item is a name the NER missed, the items around it still help;
    某道协分会副会长单位C: the association before the member's role is not the one who acts."""
    text = (
        "辖内南湖长青酒店、现代医院、中创盈信集团、宁波道协青禾分会副会长单位宁波东海物流有限公司"
        "4家企业负责人来到昭觉县城北乡,捐赠善款10万元。"
    )
    found = helper_names(read_text, text)
    assert {"南湖长青酒店", "中创盈信集团", "宁波东海物流有限公司"} <= found
    assert not any(name.endswith("分会") for name in found)
