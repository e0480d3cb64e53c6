"""Organisation names the nlp stage's patterns find (or cut) in sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp import find_pattern_spans


def _pattern_orgs(text: str) -> set[str]:
    """The ORG names the entity patterns find in the text."""
    return {text[s:e] for s, e, label, _, _ in find_pattern_spans(text, []) if label == "ORG"}


def test_parties_that_sign_with_a_place_are_organisations_without_a_known_suffix() -> None:
    text = "签订4项协议,分别为甲乙网、丙丁果蔬与靖远县签订的销售协议。"
    assert {"甲乙网", "丙丁果蔬"} <= _pattern_orgs(text)


def test_places_that_sign_with_a_place_stay_places() -> None:
    assert _pattern_orgs("天津市和平区与甘肃省靖远县签订8项合作协议。") == set()


@pytest.mark.parametrize("name", ["甲乙药业", "甲乙科工"])
def test_company_endings_药业_and_科工(name: str) -> None:
    assert name in _pattern_orgs(f"活动中,{name}受邀参加并捐赠物资。")


def test_a_sentence_about_定点帮扶_gets_the_statistical_ner_pass() -> None:
    from kg.nlp import iter_entities, load_pipeline

    text = "2024年,国家电网围绕乡村振兴,做好定点帮扶工作。"
    found = [(label, name) for label, name, *_ in iter_entities(load_pipeline(), text)]
    assert ("ORG", "国家电网") in found


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
