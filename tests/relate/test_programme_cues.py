"""A pairing stated under a programme outside the east-west one takes that programme's kind: from
its table row (对口支援三峡库区, 汶川地震灾后重建), else from the programme the sentence names by its
cue words (``programmes.csv`` column ``cues``) where no row lists the pair. A row always comes
first, a pair inside one province stays intra-province, and a sentence that names programmes of
two kinds decides nothing. Sentences written for these tests, read by the real pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.programmes import named_programmes
from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def _pairings(read_text: Read, text: str) -> list[tuple[str, str, str | None, list[str] | None, bool]]:
    _, _, relations = read_text(text)
    return [
        (r.donor.name, r.recipient.name, r.kind, r.programme, bool(r.official))
        for r in relations
        if r.type == "pairing" and r.donor and r.recipient
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # rows of the tables: the kind is the programme's (对口支援 of 三峡 and of 汶川: east-west)
        ("上海市与万州区签订对口支援三峡移民项目协议。", ("上海市", "万州区", "east-west", ["sanxia"], True)),
        ("浙江省对口援建青川县,三年投入资金百亿元。", ("浙江省", "青川县", "east-west", ["wenchuan"], True)),
        (
            "广东省对口援建汶川县的水磨镇,建成学校和医院。",
            ("广东省", "水磨镇", "east-west", ["wenchuan"], True),
        ),
        # no row: the sentence names the programme
        (
            "江苏省常州市与重庆市巫溪县开展对口支援三峡库区移民工作。",
            ("常州市", "巫溪县", "east-west", ["sanxia"], False),
        ),
        (
            "2009年,深圳市援建甘肃省文县的灾后重建项目全部竣工。",
            ("深圳市", "文县", "east-west", ["wenchuan"], False),
        ),
    ],
)
def test_a_pair_of_a_supporting_programme_takes_its_kind(read_text: Read, text: str, expected: tuple) -> None:
    assert expected in _pairings(read_text, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a row of the east-west programme comes before the cue words of another
        (
            "济宁市与万州区深化东西部协作,助力三峡库区发展。",
            ("济宁市", "万州区", "east-west", ["east-west-2016", "east-west-2021"], True),
        ),
        # one province: intra-province whatever the sentence names
        ("广州市对口帮扶清远市开展灾后重建。", ("广州市", "清远市", "intra-province", ["guangdong"], True)),
        # cue words of several east-west programmes (东西部协作, 对口支援三峡库区): each one named
        (
            "常州市与巫溪县开展东西部协作和对口支援三峡库区工作。",
            (
                "常州市",
                "巫溪县",
                "east-west",
                ["east-west-2016", "east-west-2021", "xieshou", "sanxia"],
                False,
            ),
        ),
    ],
)
def test_rows_provinces_and_mixed_cues_come_first(read_text: Read, text: str, expected: tuple) -> None:
    assert expected in _pairings(read_text, text)


def test_cue_words_name_their_programmes() -> None:
    assert [p.id for p in named_programmes("对口支援三峡库区")] == ["sanxia"]
    assert [p.id for p in named_programmes("灾后恢复重建")] == ["wenchuan"]
    assert {p.kind for p in named_programmes("两市开展对口合作")} == {"other"}
    assert named_programmes("两地开展交流合作") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 宁波 → 延边 is a row of the 2016 east-west list; 对口合作 is the north-east programme's
        ("延边州与宁波市对口合作成果丰硕。", ("宁波市", "延边朝鲜族自治州", "other", ["northeast"], True)),
        (
            "宁波市与延边州深化对口合作,共建产业园。",
            ("宁波市", "延边朝鲜族自治州", "other", ["northeast"], True),
        ),
        # 杭州 → 恩施 is a row of the 2016 list and of the 2022 old-revolutionary-area plan
        (
            "杭州市与恩施州开展东西部扶贫协作。",
            ("杭州市", "恩施土家族苗族自治州", "east-west", ["east-west-2016"], True),
        ),
        ("杭州市与恩施州开展对口合作。", ("杭州市", "恩施土家族苗族自治州", "other", ["laoqu"], True)),
        # 浙江 → 四川 (east-west) and 浙江 → 青川县 (汶川 reconstruction): the sentence's words choose
        (
            "2019年,浙江援建青川县灾后重建的学校投入使用。",
            ("浙江省", "青川县", "east-west", ["wenchuan"], True),
        ),
    ],
)
def test_the_programme_the_sentence_names_chooses_among_the_rows(
    read_text: Read, text: str, expected: tuple
) -> None:
    assert expected in _pairings(read_text, text)


def test_without_programme_words_the_most_specific_row_decides(read_text: Read) -> None:
    found = _pairings(read_text, "延边州与宁波市签署合作协议。")
    assert [(d, r, k) for d, r, k, _, _ in found] == [("宁波市", "延边朝鲜族自治州", "east-west")]
