"""Organisation names end where the name ends: no title, no person after it (sentences written
for these tests)."""

from __future__ import annotations

from kg.nlp.merge import clean_ner_span


def test_a_title_and_the_person_after_it_are_cut_from_a_ner_span() -> None:
    text = "东山区慈善协会会长李华带队捐赠物资。"
    end = text.index("李华") + 2
    assert clean_ner_span(text, 0, end, "ORG") == (0, text.index("会长"))


def test_a_name_without_a_title_keeps_its_edges() -> None:
    text = "东山区慈善协会捐赠物资。"
    assert clean_ner_span(text, 0, text.index("捐赠"), "ORG") == (0, text.index("捐赠"))
