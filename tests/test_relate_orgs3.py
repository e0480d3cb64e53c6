"""Helper organisations, third round, from a probe of fresh pages about companies, schools,
chambers of commerce and foundations: names the patterns cut short or widen (a group named by
its leading school, X商贸, a clause's opening word or a title glued on), the
bodies of two places, and organisations of the helped side (a school named after its donor, a
school that is the goal of a gift) — on sentences written for these tests."""

from __future__ import annotations

import pytest
from relate_fixtures import article

from kg.nlp import find_pattern_spans
from kg.records import Mention
from kg.relate import extract_relations
from kg.relate.orgs import guarded_org


def _pattern_orgs(text: str) -> set[str]:
    return {text[s:e] for s, e, label, _, _ in find_pattern_spans(text, []) if label == "ORG"}


def org(text: str) -> Mention:
    return Mention("t", "ORG", text, 10, 10 + len(text), 0, name=text)


def helpers(text: str, places: list[str], orgs: dict[str, str | None], money=None) -> list[tuple]:
    art, mentions = article(text, places, orgs=orgs, money=money)
    return [
        (r.type, r.donor.name if r.donor else None, r.recipient.name if r.recipient else None)
        for r in extract_relations(art, mentions)
        if r.type in ("help", "funding") and r.donor is not None and r.donor.label == "ORG"
    ]


# --------------------------------------------------------------------------- names the patterns find


def test_a_group_named_by_its_leading_school_is_one_name() -> None:
    found = _pattern_orgs("甲乙中心小学教育集团与丙丁小学结对帮扶。")
    assert "甲乙中心小学教育集团" in found
    assert "甲乙中心小学" not in found


def test_a_hospital_group_is_one_name() -> None:
    assert "甲乙人民医院医疗集团" in _pattern_orgs("甲乙人民医院医疗集团派出专家团队。")


def test_a_trade_name_before_商贸_is_a_company() -> None:
    assert "丙丁商贸" in _pattern_orgs("近日,丙丁商贸向靖远县捐赠了一批物资。")


def test_商贸_inside_a_longer_company_name_does_not_cut_it() -> None:
    found = _pattern_orgs("甲乙商贸有限公司捐赠了一批物资。")
    assert "甲乙商贸有限公司" in found
    assert "甲乙商贸" not in found


def test_a_generic_canteen_or_supermarket_names_no_organisation() -> None:
    assert not any("超市" in name for name in _pattern_orgs("组织企事业单位食堂超市采购农产品。"))


def test_a_clause_verb_before_a_known_ending_is_cut_by_the_patterns() -> None:
    found = _pattern_orgs("为深入贯彻落实甲乙商会工作会议精神。")
    assert "甲乙商会" in found
    assert not any(name.startswith(("贯彻", "落实")) for name in found)


# --------------------------------------------------------------------------- guard


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("然后招募市人民医院", "市人民医院"),  # a clause's opening word and verb
        ("之后市人民医院", "市人民医院"),
        ("市人民医院院长", "市人民医院"),  # a title stuck to the end
        ("甲乙商会会长", "甲乙商会"),
    ],
)
def test_opening_words_and_titles_are_cut_off(text: str, kept: str) -> None:
    guarded = guarded_org(org(text))
    assert guarded is not None and guarded.text == kept


def test_the_bodies_of_two_places_are_no_one_organisation() -> None:
    assert guarded_org(org("苏铜两市工商联")) is None
    assert guarded_org(org("两县妇联")) is None


# --------------------------------------------------------------------------- the helped side


def test_a_school_named_after_its_donor_but_written_after_the_helped_place_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。通渭县福清实验学校开展帮扶活动。"
    assert helpers(text, ["福清市", "通渭县"], {"福清实验学校": "350181"}) == []


def test_the_short_form_of_a_school_of_the_helped_place_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。在通渭福清实验学校,专家了解办学情况。希望福清实验学校发挥好协作帮扶作用。"
    orgs = {"通渭福清实验学校": "621121", "福清实验学校": "350181"}
    assert helpers(text, ["福清市", "通渭县"], orgs) == []


def test_a_school_of_the_donor_side_still_helps() -> None:
    text = "福清市对口帮扶通渭县。福清实验学校为通渭县捐赠图书。"
    found = helpers(text, ["福清市", "通渭县"], {"福清实验学校": "350181"})
    assert ("help", "福清实验学校", "通渭县") in found


def test_a_shorter_name_shared_by_schools_of_both_sides_is_left_as_it_is() -> None:
    text = "福清市对口帮扶通渭县。福清市实验小学与通渭县实验小学结对。实验小学为通渭县捐赠图书。"
    orgs = {"福清市实验小学": "350181", "通渭县实验小学": "621121", "实验小学": "350181"}
    found = helpers(text, ["福清市", "通渭县"], orgs)
    assert ("help", "实验小学", "通渭县") in found


def test_a_school_that_is_the_goal_of_a_gift_gives_no_money() -> None:
    text = "福清市对口帮扶通渭县。甲乙基金会为通渭县丙丁小学捐赠5万元。"
    orgs = {"甲乙基金会": "350181", "丙丁小学": None}
    found = helpers(text, ["福清市", "通渭县"], orgs, money={"5万元": 50000.0})
    assert ("funding", "丙丁小学", "通渭县") not in found
    assert any(f[1] == "甲乙基金会" for f in found)


# --------------------------------------------------------------------------- parties of an agreement


def test_an_organisation_that_signs_an_agreement_with_the_helped_place_helps_it() -> None:
    text = "福清市对口帮扶通渭县。通渭县与甲乙技师学院签订《通渭县人民政府-甲乙技师学院合作办学协议》。"
    orgs = {"甲乙技师学院": None, "通渭县人民政府-甲乙技师学院": "621121"}
    found = helpers(text, ["福清市", "通渭县"], orgs)
    assert ("help", "甲乙技师学院", "通渭县") in found


def test_a_company_of_the_helped_place_that_signs_with_it_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。通渭县与通渭丙丁合作社签订了种植合作协议。"
    assert helpers(text, ["福清市", "通渭县"], {"通渭丙丁合作社": "621121"}) == []


def test_an_organisation_listed_with_the_places_as_a_party_of_their_agreement_helps() -> None:
    text = "福清市对口帮扶通渭县。会上,福清市、通渭县、甲乙文旅投资有限公司签订《产业协作项目合作框架协议》。"
    orgs = {"甲乙文旅投资有限公司": "350181"}
    found = helpers(text, ["福清市", "通渭县"], orgs)
    assert [f[:2] for f in found] == [("help", "甲乙文旅投资有限公司")]
    assert found[0][2] == "通渭县"


@pytest.mark.parametrize("text", ["社会", "村企结对"])
def test_common_words_the_ner_took_for_names_are_none(text: str) -> None:
    assert guarded_org(org(text), before="动员", after="捐赠款物") is None
