"""Classes of place names the gazetteer and the linker cover by rule or table, on sentences written
for the test (organisation names invented): the units of 新疆生产建设兵团 (a 师 is the city it is one
with, a 团场 a town), the county a city was made of when the city's stem is another division's short
name (文山县 → 文山市), and a zone named after its division (绍兴滨海新区 is 绍兴's, not 天津's)."""

from __future__ import annotations

from functools import cache

import pytest
from relate_fixtures import sentences_of
from spacy.language import Language

from kg.corps import corps_unit_aliases
from kg.gazetteer import Gazetteer
from kg.link import link_mentions
from kg.nlp import find_mentions, load_pipeline
from kg.records import Article, Mention
from kg.values import chinese_to_int


@cache
def _pipeline() -> Language:
    return load_pipeline()


def places(gaz: Gazetteer, text: str) -> list[Mention]:
    """The linked PLACE mentions of a text, through the real nlp and link stages."""
    sentences = sentences_of(text)
    article = Article(id="t", text=text, sentences=sentences)
    found = find_mentions(_pipeline(), [article])["t"]
    return [m for m in link_mentions(article, found, gaz) if m.label == "PLACE"]


def codes(linked: list[Mention]) -> dict[str, str | None]:
    """Surface → the code a place is known by (its own, or its county's below the county)."""
    return {m.text: m.code or m.county_code for m in linked if not m.unresolved}


def lookup_codes(gaz: Gazetteer, surface: str) -> set[str | None]:
    return {c.division.code or c.division.county_code for c in gaz.lookup(surface)}


# --- 新疆生产建设兵团 ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("surface", "code"),
    [
        ("第一师", "659002"),  # 阿拉尔市
        ("农一师", "659002"),  # the name until 2012
        ("兵团第三师", "659003"),  # 图木舒克市
        ("新疆兵团第六师", "659004"),  # 五家渠市
        ("新疆生产建设兵团第十四师", "659009"),  # 昆玉市
    ],
)
def test_a_corps_division_is_the_city_it_is_one_with(gaz: Gazetteer, surface: str, code: str) -> None:
    assert lookup_codes(gaz, surface) == {code}


def test_corps_farms_and_regiments_are_towns_without_the_corps_prefix(gaz: Gazetteer) -> None:
    farm = gaz.lookup("奇台农场")
    assert [(c.division.name, c.division.level, c.division.county_code) for c in farm] == [
        ("奇台农场", "town", "652325")
    ]
    assert gaz.lookup("兵团奇台农场") == []  # jionlp's listing name is no name of the unit
    assert lookup_codes(gaz, "四十一团") == {"659003"}
    assert lookup_codes(gaz, "41团") == {"659003"}  # the same regiment in figures


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一二六", 126),
        ("四十一", 41),
        ("一〇一", 101),
        ("一百零二", 102),
        ("五〇", 50),
        ("十", 10),
        ("团", None),
    ],
)
def test_chinese_numbers_of_regiments(text: str, number: int | None) -> None:
    assert chinese_to_int(text) == number


def test_regiment_aliases_in_figures() -> None:
    assert corps_unit_aliases("一五二团") == ("152团",)
    assert corps_unit_aliases("奇台农场") == ()


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("海州制衣公司与新疆生产建设兵团第三师签订帮扶协议。", "新疆生产建设兵团第三师", "659003"),
        ("今年两市对口支援新疆兵团第一师团场。", "新疆兵团第一师", "659002"),  # 师|团场 is a jieba word
        ("云禾集团捐资帮助农一师的职工。", "农一师", "659002"),
        ("青禾公司在奇台农场建成地毯厂。", "奇台农场", "652325"),
    ],
)
def test_corps_units_are_places_in_text(gaz: Gazetteer, text: str, surface: str, code: str) -> None:
    assert codes(places(gaz, text)).get(surface) == code


def test_normal_school_is_no_corps_division(gaz: Gazetteer) -> None:
    linked = places(gaz, "青禾第一师范学院的学生到石门支教。")
    assert not any("师" in m.text for m in linked)


# --- the county a city was made of ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("former", "code"),
    [
        ("文山县", "532601"),  # 文山市 since 2010; 文山 is 文山州's short name
        ("楚雄县", "532301"),  # 楚雄市
        ("大理县", "532901"),  # 大理市
        ("钱塘新区", "330114"),  # 钱塘区 since 2021 (place_formers.csv)
    ],
)
def test_cities_whose_stem_is_another_divisions_short_name_keep_their_county(
    gaz: Gazetteer, former: str, code: str
) -> None:
    assert lookup_codes(gaz, former) == {code}
    assert {c.kind for c in gaz.lookup(former)} == {"former"}


def test_a_renamed_county_links_in_a_sentence(gaz: Gazetteer) -> None:
    linked = places(gaz, "海州区拿出10万元,在云南省文山县青禾乡援建了一所小学。")
    assert codes(linked)["文山县"] == "532601"


# --- zones named after their division -------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "绍兴滨海新区与开化县签订山海协作协议。",
        "今年,绍兴滨海新区向开化县捐赠了100万元。",
        "开化县干部到绍兴滨海新区挂职。",
    ],
)
def test_a_zone_named_after_another_division_is_that_divisions(gaz: Gazetteer, text: str) -> None:
    assert codes(places(gaz, text))["绍兴滨海新区"] == "330600"


def test_the_zone_named_alone_later_is_the_same_zone(gaz: Gazetteer) -> None:
    linked = places(gaz, "绍兴滨海新区与开化县签订协议。根据协议,开化县将在滨海新区建设产业园。")
    assert [m.code for m in linked if m.text == "滨海新区"] == ["330600"]


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("天津滨海新区与甘肃省签订协议。", "天津滨海新区", "120116"),  # the zone lies in the division
        ("滨海新区与甘肃省签订协议。", "滨海新区", "120116"),  # no division before it
        ("上海浦东新区与云南省签订协议。", "上海浦东新区", "310115"),
    ],
)
def test_a_zone_inside_its_division_or_alone_keeps_its_own_name(
    gaz: Gazetteer, text: str, surface: str, code: str
) -> None:
    assert codes(places(gaz, text))[surface] == code


# --- short names and chains the nlp stage leaves out ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        # a short name a jieba word crosses (都|安为) after the article named the county in full
        ("海州市对口帮扶都安瑶族自治县。其中那坡、都安为海州对口帮扶的县。", "都安", "451228"),
        ("海州集团捐助都安瑶族自治县。集团对都安的帮扶已有多年。", "都安", "451228"),
        # a province and its city (or county) that jieba keeps as one word
        ("海州与吉林长春、江西赣州等地开展协作。", "长春", "220100"),
        ("青禾公司赴四川汶川开展帮扶。", "汶川", "513221"),
    ],
)
def test_short_names_and_chains_the_nlp_stage_drops(
    gaz: Gazetteer, text: str, surface: str, code: str
) -> None:
    assert codes(places(gaz, text)).get(surface) == code


def test_a_short_name_that_is_a_word_is_not_taken_for_the_named_county(gaz: Gazetteer) -> None:
    linked = places(gaz, "青禾公司向和平县捐款。世界和平需要大家维护。")
    assert [m.text for m in linked] == ["和平县"]


def test_a_division_is_keyed_by_its_current_code(gaz: Gazetteer) -> None:
    # data/place_codes.csv: 库车县 became 库车市 under a new code in 2019
    assert lookup_codes(gaz, "库车市") == {"652902"}
    assert lookup_codes(gaz, "库车县") == {"652902"}
    assert gaz.get("652923") is None
    assert len(gaz.towns_of("652902")) > 10
