"""Funds: one row per stated sum, the giver the sentence names (or none), no investment totals,
sales, loans or capital. Sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

from relate_fixtures import JSS, article, fundings

from kg.records import Sentence
from kg.relate import extract_relations


def test_a_sentence_without_subject_goes_on_with_the_subject_before_it() -> None:
    text = "海沧区主动对接积石山县的需求。同时,安排帮扶资金300万元。其中,安排资金100万元用于修路。"
    found = fundings(text, ["海沧区", "积石山县"], money={"300万元": 3_000_000, "100万元": 1_000_000})
    assert found == [("海沧区", JSS, 3_000_000), ("海沧区", JSS, 1_000_000)]


def test_a_heading_ends_the_chain_of_subjects() -> None:
    text = "海沧区主动对接积石山县的需求。资金保障安排帮扶资金300万元。"
    art, mentions = article(text, ["海沧区", "积石山县"], money={"300万元": 3_000_000})
    heading = text.index("资金保障")
    first, rest = art.sentences
    art.sentences = [first, Sentence(heading, heading + 4), Sentence(heading + 4, rest.end)]
    mentions = [replace(m, sentence=art.sentence_index_at(m.start)) for m in mentions]
    found = [r for r in extract_relations(art, mentions) if r.type == "funding"]
    assert [(r.donor, r.recipient.name if r.recipient else None) for r in found] == [(None, JSS)]


def test_the_article_topic_is_no_giver() -> None:
    # the pairing is stated, but the sentence with the sum neither names nor continues a giver
    text = "海沧区对口帮扶积石山县。积石山县今年办了很多实事。去年投入资金200万元。"
    found = fundings(text, ["海沧区", "积石山县"], money={"200万元": 2_000_000})
    assert found == [(None, JSS, 2_000_000)]


def test_a_total_of_several_givers_is_no_one_givers() -> None:
    text = "甲乙公司、丙丁协会等单位共向积石山县捐赠帮扶资金80万元。"
    found = fundings(
        text, ["积石山县"], money={"80万元": 800_000}, orgs={"甲乙公司": "350205", "丙丁协会": "350205"}
    )
    assert found == [(None, JSS, 800_000)]
    text = "甲乙公司向积石山县捐赠帮扶资金80万元。"
    found = fundings(text, ["积石山县"], money={"80万元": 800_000}, orgs={"甲乙公司": "350205"})
    assert found == [("甲乙公司", JSS, 800_000)]


def test_investment_totals_sales_loans_and_capital_are_no_funds() -> None:
    money = {"5000万元": 50_000_000}
    for text in (
        "海沧区帮扶积石山县建设的加工厂项目总投资5000万元。",
        "海沧区帮扶积石山县企业采购农产品5000万元。",
        "海沧区支持积石山县企业获得授信5000万元。",
        "海沧区帮扶积石山县引进的企业注册资本5000万元。",
        "海沧区帮扶积石山县,带动农户增收5000万元。",
    ):
        assert fundings(text, ["海沧区", "积石山县"], money=money) == [], text


def test_a_sum_and_its_stated_parts_are_separate_rows() -> None:
    text = "海沧区向积石山县拨付帮扶资金500万元,其中200万元用于产业发展,300万元用于教育。"
    found = fundings(
        text, ["海沧区", "积石山县"], money={"500万元": 5_000_000, "200万元": 2_000_000, "300万元": 3_000_000}
    )
    assert [amount for _, _, amount in found] == [5_000_000, 2_000_000, 3_000_000]
    assert found[0][:2] == ("海沧区", JSS)


def test_a_receiving_place_named_without_a_marker_receives() -> None:
    text = "海沧区对口帮扶积石山县。海沧区还依托积石山县的资源优势,投入帮扶资金95万元。"
    assert fundings(text, ["海沧区", "积石山县"], money={"95万元": 950_000}) == [("海沧区", JSS, 950_000)]


def test_of_two_partners_neither_is_taken_for_an_unnamed_recipient() -> None:
    text = "福清市对口帮扶通渭县。福清市对口帮扶连城县。工作成效显著。今年又投入帮扶资金100万元。"
    assert fundings(text, ["福清市", "通渭县", "连城县"], money={"100万元": 1_000_000}) == []
    text = "福清市对口帮扶通渭县。今年又投入帮扶资金100万元。"
    assert fundings(text, ["福清市", "通渭县"], money={"100万元": 1_000_000}) == [
        ("福清市", "通渭县", 1_000_000)
    ]


def test_places_that_give_together_are_no_one_giver() -> None:
    money = {"90万元": 900_000}
    text = "福清市、昆山市和余杭区共向积石山县捐赠帮扶资金90万元。"
    found = fundings(text, ["福清市", "昆山市", "余杭区", "积石山县"], money=money)
    assert found == [(None, JSS, 900_000)]
    text = "福清市、昆山市和余杭区分别向积石山县捐赠帮扶资金90万元。"
    found = fundings(text, ["福清市", "昆山市", "余杭区", "积石山县"], money=money)
    assert found == [("福清市", JSS, 900_000), ("昆山市", JSS, 900_000), ("余杭区", JSS, 900_000)]
