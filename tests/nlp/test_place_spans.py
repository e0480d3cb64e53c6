"""A statistical PLACE span over two gazetteer places: one address where the places follow one
another (or the text between them ends like a place name), two places where a word such as 向
stands between them. Sentences written for these tests."""

from __future__ import annotations

from kg.nlp.lexicon import place_ending
from kg.nlp.merge import Candidate, merge_spans


def _merged(text: str, places: list[str], ner: str) -> list[str]:
    rules = [Candidate(text.index(p), text.index(p) + len(p), "PLACE", "", "gazetteer") for p in places]
    start = text.index(ner)
    found = merge_spans(rules, [Candidate(start, start + len(ner), "PLACE", "", "ner")], text, place_ending())
    return [text[c.start : c.end] for c in found]


def test_a_word_between_two_places_makes_two_places() -> None:
    text = "此外,怀柔区向库伦旗捐赠帮扶资金。"
    assert _merged(text, ["怀柔区", "库伦旗"], "怀柔区向库伦旗") == ["怀柔区", "库伦旗"]


def test_an_address_stays_one_place() -> None:
    text = "连城县曲溪乡冯地村的村民"
    assert _merged(text, ["连城县", "冯地村"], "连城县曲溪乡冯地村") == ["连城县曲溪乡冯地村"]
    text = "来自通辽市库伦旗的干部"
    assert _merged(text, ["通辽市", "库伦旗"], "通辽市库伦旗") == ["通辽市库伦旗"]
