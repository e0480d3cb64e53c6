"""A programme's two one-character province names (苏陕, 沪滇, 粤桂) that name a sum's money say whose
programme the money is: the giving province gives, where the sentence writes no giver and the
recipient lies in the province helped; they are never the sum's recipient nor a project's site.
Sentences written for these tests, through the real pipeline (nlp → link → relate)."""

from __future__ import annotations

from collections.abc import Callable

from relate_fixtures import read_funds

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_the_programme_of_the_money_names_its_giver(read_text: Read) -> None:
    # before the sum, the money's name between (由…扶贫资金安排N)
    text = "宜君县青禾小学由苏陕扶贫资金安排200万元。"
    assert read_funds(read_text, text) == [("江苏省", "宜君县", 2_000_000)]
    # a project's site in the province helped receives
    assert read_funds(read_text, "凌云县加尤镇饮水工程使用粤桂协作资金200万元。") == [
        ("广东省", "加尤镇", 2_000_000)
    ]
    # the recipient marked after it (用于Y县)
    assert read_funds(read_text, "今年安排苏陕协作资金300万元,用于宜君县产业发展。") == [
        ("江苏省", "宜君县", 3_000_000)
    ]
    # a giver the sentence writes comes first
    text = "如东县对口帮扶南郑区。如东县工商联向南郑区工商联捐赠“苏陕协作社会帮扶资金”11万元。"
    assert read_funds(read_text, text) == [("如东县工商联", "南郑区", 110_000)]
    # a programme that helps another province names no giver: 宜君县 lies in 陕西, not in 广西
    text = "宜君县青禾小学由粤桂协作资金安排200万元。"
    assert read_funds(read_text, text) == [(None, "宜君县", 2_000_000)]


def test_each_sum_goes_to_the_project_of_its_own_clause(read_text: Read) -> None:
    text = "宜君县青禾幼儿园由苏陕扶贫资金安排300万元,洛川县民政福利院由苏陕扶贫资金安排158万元。"
    assert read_funds(read_text, text) == [
        ("江苏省", "宜君县", 3_000_000),
        ("江苏省", "洛川县", 1_580_000),
    ]


def test_a_programme_word_is_no_recipient_nor_site(
    read_text: Read, projects: Callable[[str], list[tuple[str | None, str | None]]]
) -> None:
    text = "甲乙村饮水工程使用粤桂协作资金200万元。"
    assert [f[1] for f in read_funds(read_text, text)] in ([], [None])
    assert projects(text) == [("甲乙村饮水工程", None)]


def test_a_school_or_hospital_the_sum_is_spent_on_names_where_it_goes(read_text: Read) -> None:
    # not the province the programme's abbreviation names
    text = "昭觉县青禾小学使用浙川东西部协作资金200万元。"
    assert read_funds(read_text, text) == [("浙江省", "昭觉县", 2_000_000)]
    text = "万州区青禾医院使用鲁渝扶贫协作资金300万元。"
    assert read_funds(read_text, text) == [("山东省", "万州区", 3_000_000)]
