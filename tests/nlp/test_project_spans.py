"""A project the model finds whose name is only determiners, counts, times, money or trade words
before its head is no project (kg/nlp/merge.py, GENERIC in entity_patterns.jsonl); sentences
written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.merge import clean_ner_span


def span_of(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("总投资2000万元的资金项目已开工。", "资金项目"),
        ("援助资金用于当地水务项目建设。", "当地水务项目"),
        ("甲市援建的具体项目已开工建设。", "具体项目"),
        ("甲市援建的年内部分项目已竣工投产。", "年内部分项目"),
        ("甲市援建的公共服务项目已投入使用。", "公共服务项目"),
        ("两地若干项目已建成。", "若干项目"),
    ],
)
def test_generic_words_before_a_head_name_no_project(text: str, name: str) -> None:
    assert clean_ner_span(text, *span_of(text, name), "PROJECT") is None


def test_a_place_and_generic_words_before_a_head_name_no_project() -> None:
    text = "青山县年内部分项目已竣工投产。"
    assert clean_ner_span(text, *span_of(text, "青山县年内部分项目"), "PROJECT", [(0, 3)]) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("甲市援建的马营村生猪养殖项目已建成投产。", "马营村生猪养殖项目"),
        ("甲市援建的东西部协作产业园已建成投产。", "东西部协作产业园"),
        ("甲市援建的青山县人民医院住院楼已建成投用。", "青山县人民医院住院楼"),
        ("甲市援建的“爱心服务”项目已建成。", "爱心服务"),
    ],
)
def test_a_name_with_a_part_of_its_own_or_quoted_stays(text: str, name: str) -> None:
    assert clean_ner_span(text, *span_of(text, name), "PROJECT") == span_of(text, name)
