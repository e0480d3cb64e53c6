"""Helper organisations, second round: the NER's slips around names (a counter glued on, a joining
character cut off, generic institutions, documents and activities), organs and mass organisations,
organisations that only award or attend, objects of 落地, and purchase and 定点帮扶 wordings —
on sentences written for these tests, with hand-linked mentions."""

from __future__ import annotations

import pytest
from relate_fixtures import article

from kg.records import Mention
from kg.relate import extract_relations
from kg.relate.orgs import guarded_org, is_government


def helpers(text: str, places: list[str], orgs: dict[str, str | None]) -> list[tuple]:
    """(org, recipient, action) of the help relations, in order."""
    art, mentions = article(text, places, orgs=orgs)
    return [
        (r.donor.name, r.recipient.name if r.recipient else None, r.action)
        for r in extract_relations(art, mentions)
        if r.type == "help"
    ]


def org(text: str) -> Mention:
    return Mention("t", "ORG", text, 10, 10 + len(text), 0, name=text)


# --------------------------------------------------------------------------- names


def test_a_counter_glued_to_a_description_after_a_number_is_no_name() -> None:
    assert guarded_org(org("家东部甲乙电力公司"), before="创新组织6") is None
    assert guarded_org(org("家东部甲乙电力公司"), before="组织了三") is None


def test_a_name_that_starts_with_a_counter_character_stays_without_a_number() -> None:
    kept = guarded_org(org("家乐福超市"), before="公司与")
    assert kept is not None and kept.text == "家乐福超市"


@pytest.mark.parametrize(
    "text",
    [
        "卫生站",  # a kind of institution, no name
        "幼儿园",
        "甲乙生物岛",  # an island (a park), a place
        "甲乙招商共享台账",  # a document
        "蛋鸡养殖",  # an activity
        "甘肃农业农村现代化",  # a place before a phrase of common words
    ],
)
def test_institution_kinds_places_documents_and_activities_are_no_names(text: str) -> None:
    assert guarded_org(org(text)) is None


@pytest.mark.parametrize("text", ["甲乙药业", "天津甲乙科技有限公司", "甲乙镇工会委员会"])
def test_names_stay_names(text: str) -> None:
    kept = guarded_org(org(text))
    assert kept is not None and kept.text == text


def test_the_state_council_is_an_organ_and_a_union_committee_is_not() -> None:
    assert is_government(org("国务院"))
    assert is_government(org("甲乙县委员会"))
    assert not is_government(org("甲乙镇工会委员会"))


def test_a_joining_character_the_ner_cut_off_a_name_s_start_belongs_to_it() -> None:
    text = "天津市帮扶靖远县。天津甲乙科技有限公司、和平之家服务中心与靖远县签订帮扶协议。"
    orgs = {"天津甲乙科技有限公司": "120000", "平之家服务中心": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"天津甲乙科技有限公司", "和平之家服务中心"}


# --------------------------------------------------------------------------- who helps


def test_organisations_listed_with_a_village_that_sign_a_help_agreement_help() -> None:
    text = "苏州市对口帮扶铜仁市。协议分别为苏州甲乙有限公司、张浦镇与坝黄镇签订的帮扶协议。"
    orgs = {"苏州甲乙有限公司": "320500"}
    found = helpers(text, ["苏州市", "铜仁市", "张浦镇", "坝黄镇"], orgs)
    assert ("苏州甲乙有限公司", "坝黄镇", "helps") in found


def test_an_organisation_that_awards_a_donation_certificate_gives_nothing() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团向靖远县捐赠物资,丙丁慈善会为天津甲乙集团颁发捐赠证书。"
    orgs = {"天津甲乙集团": "120000", "丙丁慈善会": "120000"}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"天津甲乙集团"}


def test_an_organisation_that_attends_a_donation_ceremony_gives_nothing() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团丙丁分公司有关负责人等参加本次捐赠仪式。"
    orgs = {"天津甲乙集团丙丁分公司": "120000"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_a_factory_brought_in_is_the_object_not_the_helper() -> None:
    text = "天津市帮扶靖远县。公司在靖远县落地甲乙村制衣厂,结对帮扶三个乡镇。"
    orgs = {"甲乙村制衣厂": "620421"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_the_partner_of_a_purchase_agreement_buys() -> None:
    text = "天津市帮扶靖远县。经过工作队对接,与天津甲乙镇工会委员会达成了农产品集中采购意向。"
    orgs = {"天津甲乙镇工会委员会": "120000"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == [("天津甲乙镇工会委员会", "靖远县", "buys")]


def test_a_purchase_partner_of_the_helped_side_is_no_helper() -> None:
    text = "天津市帮扶靖远县。经过对接,与靖远丙丁合作社签订了农产品采购协议。"
    orgs = {"靖远丙丁合作社": "620421"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_a_company_that_helps_listed_counties_keeps_its_chain() -> None:
    text = "2024年,甲乙能源集团按照国务院国资委要求,在靖远县、通渭县和渭源县落实定点帮扶各项工作。"
    orgs = {"甲乙能源集团": None, "国务院": None}
    found = helpers(text, ["靖远县", "通渭县", "渭源县"], orgs)
    assert [f[0] for f in found] == ["甲乙能源集团"]


def test_the_group_points_back_past_the_state_council() -> None:
    text = "甲乙能源集团按照国务院国资委要求开展工作。该集团在靖远县投资建设光伏电站。"
    orgs = {"甲乙能源集团": None, "国务院": None}
    found = helpers(text, ["靖远县"], orgs)
    assert {f[0] for f in found} == {"甲乙能源集团"}


# --------------------------------------------------------------------------- names the patterns find


def _pattern_orgs(text: str) -> set[str]:
    from kg.nlp import find_pattern_spans

    return {text[s:e] for s, e, label, _, _ in find_pattern_spans(text, []) if label == "ORG"}


def test_parties_that_sign_with_a_place_are_organisations_without_a_known_suffix() -> None:
    text = "签订4项协议,分别为甲乙网、丙丁果蔬与靖远县签订的销售协议。"
    assert {"甲乙网", "丙丁果蔬"} <= _pattern_orgs(text)


def test_places_that_sign_with_a_place_stay_places() -> None:
    assert _pattern_orgs("天津市和平区与甘肃省靖远县签订8项合作协议。") == set()


@pytest.mark.parametrize("name", ["甲乙药业", "甲乙科工"])
def test_company_endings_药业_and_科工(name: str) -> None:
    assert name in _pattern_orgs(f"活动中,{name}受邀参加并捐赠物资。")


def test_a_platform_named_x网_that_signs_with_a_place_helps_but_an_outlet_does_not() -> None:
    text = "天津市帮扶靖远县。甲乙网与靖远县签订农产品购销协议。丙丁新闻网报道,天津市向靖远县捐赠物资。"
    orgs = {"甲乙网": None, "丙丁新闻网": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"甲乙网"}


def test_the_word_that_closes_a_list_is_cut_off_a_name() -> None:
    kept = guarded_org(org("甲乙丰等"))
    assert kept is not None and kept.text == "甲乙丰"


def test_a_sentence_about_定点帮扶_gets_the_statistical_ner_pass() -> None:
    from kg.nlp import iter_entities, load_pipeline

    text = "2024年,国家电网围绕乡村振兴,做好定点帮扶工作。"
    found = [(label, name) for label, name, *_ in iter_entities(load_pipeline(), text)]
    assert ("ORG", "国家电网") in found


def test_schools_a_donation_goes_to_after_分别为_are_no_helpers() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团分别为靖远丙小学、靖远丁中学捐赠图书。"
    orgs = {"天津甲乙集团": "120000", "靖远丙小学": None, "靖远丁中学": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert not found & {"靖远丙小学", "靖远丁中学"}
