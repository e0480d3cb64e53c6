"""Every item of a list a visit verb opens is a site visited, not a helper, through the real
pipeline (nlp → link → relate); sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def helper_names(read_text: Read, text: str) -> list[str]:
    _, _, relations = read_text(text)
    return sorted(r.donor.name or "" for r in relations if r.donor is not None and r.donor.label == "ORG")


def test_a_later_item_of_a_visited_list_is_no_helper(read_text: Read) -> None:
    text = (
        "北京市对口帮扶库伦旗。代表团还到库伦旗青禾村、北京青禾生态农场、白溪村,"
        "实地了解乡村产业发展、青年创业带动就业等情况。"
    )
    assert helper_names(read_text, text) == []


def test_an_organisation_that_visits_still_helps(read_text: Read) -> None:
    text = "北京市对口帮扶库伦旗。北京青禾生态农场到库伦旗白溪村捐赠农机10台。"
    assert helper_names(read_text, text) == ["北京青禾生态农场"]
