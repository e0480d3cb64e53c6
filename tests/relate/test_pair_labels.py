"""A label of two one-character names before a programme's word (佛云对口帮扶, 粤桂协作) pairs the
two places it names, as a side-by-side wording does (福清通渭东西部协作). Sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def _pairs(read_text: Read, text: str) -> set[tuple[str, str, str | None]]:
    _, _, relations = read_text(text)
    return {
        (r.donor.name, r.recipient.name, r.kind)
        for r in relations
        if r.type == "pairing" and r.donor and r.recipient
    }


def test_a_city_pair_label_gives_the_pair(read_text: Read) -> None:
    text = "佛山市三水区对口帮扶云浮市郁南县。两地深化佛云对口帮扶机制,共谋乡村振兴。"
    assert ("佛山市", "云浮市", "intra-province") in _pairs(read_text, text)


def test_a_label_whose_characters_fit_no_named_place_gives_nothing(read_text: Read) -> None:
    text = "佛山市三水区对口帮扶云浮市郁南县。两地深入协作,共谋乡村振兴。"
    assert {(d, r) for d, r, _ in _pairs(read_text, text)} == {("三水区", "郁南县")}
