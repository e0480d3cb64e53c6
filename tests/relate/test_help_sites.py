"""An organisation named as a site (a list closed by 等地) is no helper, through the real pipeline
(nlp → link → relate); sentences written for these tests."""

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
