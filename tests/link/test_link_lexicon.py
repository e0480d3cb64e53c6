"""The link stage's words (kg/data/link_words.json) are checked at load, and the patterns made of
them read the counts and programme names they are for."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest

from kg.link.lexicon import LexiconError, check, list_closing_count, programme_pair, village_count


def shipped() -> dict:
    return json.loads(files("kg.data").joinpath("link_words.json").read_text(encoding="utf-8"))


def test_the_shipped_file_passes_its_check() -> None:
    assert "有限公司" in check(shipped())["legal_form_suffixes"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(legal_suffixes=["公司"]), "unknown key 'legal_suffixes'"),
        (lambda d: d.pop("town_nouns"), "key 'town_nouns' is missing"),
        (lambda d: d.update(village_nouns="村"), "key 'village_nouns': a list of words"),
        (lambda d: d["count"].update(numerals=[]), "key 'count.numerals': a list of words"),
        (lambda d: d["programme"].pop("aim"), "key 'programme': an object of scope, aim, work, money"),
    ],
)
def test_a_broken_file_is_an_error_naming_the_key(change, message: str) -> None:  # noqa: ANN001
    data = shipped()
    change(data)
    with pytest.raises(LexiconError, match=message.replace("(", r"\(")):
        check(data)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        (village_count, "两村", "两村"),
        (village_count, "等三个行政村", "等三个行政村"),
        (list_closing_count, "等村", "等村"),
        (list_closing_count, "村", None),  # a bare noun closes no list
    ],
)
def test_counts_that_close_a_list(pattern, text: str, found: str | None) -> None:  # noqa: ANN001
    match = pattern().match(text)
    assert (match.group() if match else None) == found


def test_a_programme_s_pair_of_provinces() -> None:
    # where two characters stand before a programme's word (discovery then checks they are provinces)
    assert [m.start() for m in programme_pair().finditer("推进粤桂协作和沪滇对口帮扶")] == [2, 7, 9]
    assert not list(programme_pair().finditer("苏黔两省召开会议"))
    # or its money after an aim (苏陕扶贫资金), not money alone
    assert [m.start() for m in programme_pair().finditer("由苏陕扶贫资金安排")] == [1]
    assert not list(programme_pair().finditer("由苏陕资金安排"))
