"""The recall net pairs a giver with a receiver two levels below it (a province with a county) only
where a programme table lists that pair at its own codes (上海市 → 万州区 of 对口支援三峡库区,
江苏省 → 乌恰县 and 山东省 → 疏勒县 of 对口支援新疆), or lists the giver with the division just above
the receiver (福建省 → 昌都市 for 左贡县); an unlisted province and county stay unpaired without a
construction, and so does a province listed only with the receiver's province (江苏省 → 陕西省 for
柞水县). Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def _pairs(read_text: Read, text: str) -> set[tuple[str, str, str | None]]:
    _, _, relations = read_text(text)
    return {
        (r.donor.name, r.recipient.name, r.kind)
        for r in relations
        if r.type == "pairing" and r.donor and r.recipient
    }


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "上海市高度重视对口支援三峡工作,为对口支援的重庆万州区累计提供资金14亿元。",
            ("上海市", "万州区", "east-west"),
        ),
        (
            "江苏省高度重视对口支援工作,为对口支援的克州乌恰县提供援助资金3亿元。",
            ("江苏省", "乌恰县", "east-west"),
        ),
        ("近年来,山东省持续深化对口支援工作,疏勒县的面貌焕然一新。", ("山东省", "疏勒县", "east-west")),
        ("福建省援藏工作队扎实推进左贡县的对口援建工作。", ("福建省", "左贡县", "east-west")),
    ],
)
def test_a_listed_province_and_county_pair_by_their_sides(read_text: Read, text: str, pair: tuple) -> None:
    assert pair in _pairs(read_text, text)


def test_an_unlisted_province_and_county_do_not(read_text: Read) -> None:
    text = "北京市持续加大对口支援力度,重庆巫山县的学校全部建成。"
    assert not {(d, r) for d, r, _ in _pairs(read_text, text)} & {("北京市", "巫山县"), ("北京市", "重庆市")}
    text = "江苏省援陕工作队在柞水县开展对口帮扶工作。"
    assert ("江苏省", "柞水县") not in {(d, r) for d, r, _ in _pairs(read_text, text)}


@pytest.mark.parametrize(
    ("text", "pair", "not_pair"),
    [
        (
            "江苏省苏州市政府召开专题会议,部署对口支援林周县的工作。",
            ("苏州市", "林周县"),
            ("江苏省", "林周县"),
        ),
        (
            "近日,广东省东莞市委召开会议,就对口援助西藏巴宜区有关问题作出部署。",
            ("东莞市", "巴宜区"),
            ("广东省", "巴宜区"),
        ),
    ],
)
def test_a_place_written_before_an_inner_one_only_locates_it(
    read_text: Read, text: str, pair: tuple[str, str], not_pair: tuple[str, str]
) -> None:
    found = {(d, r) for d, r, _ in _pairs(read_text, text)}
    assert pair in found and not_pair not in found


@pytest.mark.parametrize(
    "text",
    [
        "浙江援建的烘干厂在白山市建成投用,带动当地群众就业,浙吉对口合作成果丰硕。",
        "在延边州,浙江援建的食品加工厂带动群众就业,对口合作成果丰硕。",
        "福建帮扶建设的移民新村在固原市落成,群众喜迁新居,闽宁协作结出硕果。",
        "在昭通市,上海帮扶资金建设的产业园投产。",
    ],
)
def test_a_province_named_beside_a_prefecture_its_table_row_does_not_list_is_no_partner(
    read_text: Read, text: str
) -> None:
    """Without a construction, a province pairs with a prefecture only where a table lists that
    pair at its own codes: a row of two provinces (浙江 → 吉林, 福建 → 宁夏, 上海 → 云南) leaves the
    aided province's prefectures to the giver's cities, and is no licence to lift or lower a side."""
    givers = ("浙江省", "福建省", "上海市")
    found = _pairs(read_text, text)
    assert not [(d, r) for d, r, _ in found if d in givers and r.endswith(("市", "州"))]


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("在延边州,宁波援建的食品加工厂带动群众就业,对口合作成果丰硕。", ("宁波市", "延边朝鲜族自治州")),
        ("江苏省援藏干部在拉萨市开展调研,推进援藏项目。", ("江苏省", "拉萨市")),
        ("近年来,江苏持续深化对口支援工作,拉萨市的面貌焕然一新。", ("江苏省", "拉萨市")),
        ("在遵义市,上海帮扶资金建设的产业园投产。", ("上海市", "遵义市")),
        ("福建省对口帮扶固原市以来,建成移民新村20个。", ("福建省", "固原市")),
    ],
)
def test_a_listed_province_and_prefecture_a_city_or_a_stated_wording_still_pair(
    read_text: Read, text: str, pair: tuple[str, str]
) -> None:
    """A city of the giving province with the prefecture; a province with a prefecture a table
    lists it with (江苏省 → 拉萨市 of 援藏, 上海市 → 遵义市 of the 2016 guideline); and any levels a
    construction states (福建省对口帮扶固原市)."""
    assert pair in {(d, r) for d, r, _ in _pairs(read_text, text)}


@pytest.mark.parametrize(
    ("text", "not_receiver"),
    [
        ("上海援滇干部、泸西县副县长李明考察梨园。红河州农业发达。", "红河哈尼族彝族自治州"),
        ("作为天津援藏干部,卡若区委副书记王五推进援藏项目。昌都市召开会议。", "昌都市"),
    ],
)
def test_an_aid_team_whose_sentence_names_its_county_is_not_lifted_to_the_article_s_prefecture(
    read_text: Read, text: str, not_receiver: str
) -> None:
    """A team's own sentence that names where it works (a county its province does not pair with as
    a rule) decides: the team is not paired with a prefecture named elsewhere in the article."""
    assert not_receiver not in {r for _, r, _ in _pairs(read_text, text)}


def test_a_listed_county_inside_the_named_prefecture_pairs_too(read_text: Read) -> None:
    """为日喀则市,特别是为江孜县、拉孜县…: the counties lie inside the prefecture the sentence names, yet a
    table lists each with the giver at its own codes, so each pairs as well."""
    text = "多年来,上海援藏干部为日喀则市,特别是为江孜县、拉孜县的发展注入了活力。"
    found = {(d, r) for d, r, _ in _pairs(read_text, text)}
    assert {("上海市", "江孜县"), ("上海市", "拉孜县")} <= found


def test_a_listed_county_named_as_a_venue_does_not(read_text: Read) -> None:
    text = "江苏省对口支援克州前方指挥部的兑现会日前在克州阿图什市举办,援疆干部参加。"
    assert ("江苏省", "阿图什市") not in {(d, r) for d, r, _ in _pairs(read_text, text)}


def test_a_listed_prefecture_a_visit_names_does_not(read_text: Read) -> None:
    text = "天津市与甘肃省开展东西部协作,记者近日走进白银、甘南等市州感受成效。"
    assert ("天津市", "甘南藏族自治州") not in {(d, r) for d, r, _ in _pairs(read_text, text)}
