"""An organisation named as a site (a list closed by 等地, a later item of a list a visit verb opens)
is no helper, through the real pipeline (nlp → link → relate); sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def helper_names(read_text: Read, text: str) -> list[str]:
    _, _, relations = read_text(text)
    return sorted(r.donor.name or "" for r in relations if r.donor is not None and r.donor.label == "ORG")


def test_an_organisation_in_a_list_of_sites_is_no_helper(read_text: Read) -> None:
    text = (
        "福清市对口帮扶西吉县。与会人员先后深入西吉县返乡创业园、福清市青禾实验学校等地"
        "以及福清扶贫协作企业用工招聘会现场进行观摩。"
    )
    assert helper_names(read_text, text) == []


def test_an_organisation_in_a_list_of_givers_still_helps(read_text: Read) -> None:
    text = "福清市对口帮扶西吉县。福清市青禾实验学校等单位向西吉县捐赠图书3000册。"
    assert helper_names(read_text, text) == ["福清市青禾实验学校"]


def test_a_later_item_of_a_visited_list_is_no_helper(read_text: Read) -> None:
    text = (
        "北京市对口帮扶库伦旗。代表团还到库伦旗青禾村、北京青禾生态农场、白溪村,"
        "实地了解乡村产业发展、青年创业带动就业等情况。"
    )
    assert helper_names(read_text, text) == []


def test_an_organisation_that_visits_still_helps(read_text: Read) -> None:
    text = "北京市对口帮扶库伦旗。北京青禾生态农场到库伦旗白溪村捐赠农机10台。"
    assert helper_names(read_text, text) == ["北京青禾生态农场"]
