"""A sentence that names a giver's partners only by a word (对口帮扶地区) and the sentence after it
that names receivers only (kg/relate/recall.py, partner_sentence_pairs). Sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import read_pairs

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "杭州市全力推进对口地区的乡村振兴。今年以来,恩施州、黔东南州新建帮扶车间20个。",
            {("杭州市", "恩施土家族苗族自治州"), ("杭州市", "黔东南苗族侗族自治州")},
        ),
        (
            "苏州市持续加大对结对地区的支持力度。去年,铜仁市实现整体脱贫。",
            {("苏州市", "铜仁市")},
        ),
        (
            "大连市不断深化与对口帮扶地区的协作。截至目前,六盘水市累计减贫30万人;帮扶的盘州市等四县全部摘帽。",
            {("大连市", "六盘水市"), ("大连市", "盘州市")},
        ),
    ],
)
def test_the_next_sentence_names_the_partners(read_text: Read, text: str, expected: set) -> None:
    assert read_pairs(read_text, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # two givers: the word does not tell whose partners the receivers are
        "杭州市和宁波市推进对口帮扶地区发展。恩施州、延边州的贫困人口全部脱贫。",
        # the next sentence names a giver too: no sentence of receivers only
        "杭州市召开对口帮扶地区工作会议。会上,萧山区、余杭区介绍了经验。",
        # no word for the partners: the receivers of the next sentence may be anyone's
        "苏州市召开全市经济工作会议。遵义市、铜仁市代表列席会议。",
        # no cue in the next sentence and no table lists the pair
        "苏州市助推对口帮扶地区发展。遵义市的贫困人口全部脱贫。",
    ],
)
def test_no_partner_without_one_giver_a_word_and_a_cue_or_a_row(read_text: Read, text: str) -> None:
    pairs = read_pairs(read_text, text)
    assert not {p for p in pairs if p[1] in ("恩施土家族苗族自治州", "延边朝鲜族自治州", "遵义市", "铜仁市")}
