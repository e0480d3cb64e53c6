"""Generic project names read from the pattern file's one list of generic words (GENERIC, COUNT),
and where a project stands by the places written inside its name; through the real pipeline
(nlp → link → relate); sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.relate.project_names import generic_name

Rows = Callable[[str], list[tuple[str | None, str | None]]]


@pytest.mark.parametrize(
    "name",
    [
        "二期工程",  # an ordinal phase and a head
        "主体工程",
        "该项目一期工程",
        "东西部扶贫协作项目",
        "省级休闲观光农业示范园区",  # a grade and trade words
        "沪滇协作项目",  # two provinces' one-character names and generic words
        "江苏援藏项目",  # a place and generic words before a head of works
        "积石山县项目",
        "蓬江区4所学校",  # a count of things inside
        "两县乡镇卫生院",  # a count of places inside
        "一大批民生设施项目",  # a quantity and kinds of works
    ],
)
def test_names_of_generic_words_places_or_counts_name_no_one_thing(name: str) -> None:
    assert generic_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "宁夏第一家县级残疾人托养创业服务中心",  # an ordinal counts nothing
        "八一镇团结小学",  # a place written with a number counts nothing
        "乐山产业园",  # a place and a facility name one
        "闽宁对口帮扶菌菇项目",  # a product of its own
        "马营村生猪养殖项目",
    ],
)
def test_names_with_a_part_of_their_own_name_one_thing(name: str) -> None:
    assert not generic_name(name)


def test_a_grade_and_trade_words_before_a_park_name_no_project(projects: Rows) -> None:
    assert projects("代表团了解了通渭县乡村旅游发展及省级休闲观光农业示范园区规划建设情况。") == []


def test_an_ordinal_before_a_name_counts_nothing(projects: Rows) -> None:
    found = projects("福清市援建的八一镇团结小学教学楼已建成投用。")
    assert [name for name, _ in found] == ["八一镇团结小学教学楼"]


def test_a_place_in_brackets_inside_the_name_is_its_site_on_either_side(projects: Rows) -> None:
    # the giving district in brackets: the helped county's centre standing in the giver's district
    found = projects("番禺区对口帮扶五华县,两地共建的梅州五华(番禺)经贸服务中心已建成投用。")
    assert found == [("梅州五华(番禺)经贸服务中心", "番禺区")]


def test_of_the_places_a_short_name_may_be_the_most_specific_the_article_names(projects: Rows) -> None:
    found = projects("湖州市南浔区帮扶四川省广安市广安区,南浔·广安东西部协作产业园已建成投产。")
    assert found == [("南浔·广安东西部协作产业园", "广安区")]


def test_a_park_that_is_only_where_something_else_is_is_no_project(projects: Rows) -> None:
    assert projects("村民们在通渭县工业园区的青禾电子公司生产车间上班。") == []


def test_a_county_written_whole_inside_a_name_is_where_it_stands(projects: Rows) -> None:
    # not the builder's place before it: the article names 通渭县 nowhere else
    found = projects("福清市携手青禾集团打造的定西通渭县扶贫产业园已建成投产。")
    assert found == [("定西通渭县扶贫产业园", "通渭县")]


def test_a_name_after_a_verb_of_moving_in_starts_after_it(projects: Rows) -> None:
    found = projects("去年,已经搬迁入住青禾坝扶贫协作示范点的农户有30户。")
    assert [name for name, _ in found] == ["青禾坝扶贫协作示范点"]


def test_a_place_word_of_another_clause_does_not_outweigh_the_place_a_name_holds(projects: Rows) -> None:
    text = "会宁县引进青禾公司。公司总部在福建福清,去年将生产车间搬到了会宁县青禾产业园。"
    assert projects(text) == [("会宁县青禾产业园", "会宁县")]


def test_a_pair_label_before_the_place_belongs_to_the_name(projects: Rows) -> None:
    found = projects("企业最终选址于位于白银市会宁县的浙甘协作会宁产业园。")
    assert [name for name, _ in found] == ["浙甘协作会宁产业园"]


def test_two_names_joined_by_a_middle_dot_open_a_name_with_a_verb_inside(projects: Rows) -> None:
    found = projects("企业最终选址于位于白银市的福清·会宁东西部协作共建产业园。")
    assert [name for name, _ in found] == ["福清·会宁东西部协作共建产业园"]


def test_a_quoted_kind_after_a_list_or_before_a_model_is_no_project(projects: Rows) -> None:
    found = projects("两地协作建立青禾贡米研发中心、云岭菌菇产业技术中心等“科创飞地”。")
    assert sorted(name for name, _ in found) == ["云岭菌菇产业技术中心", "青禾贡米研发中心"]
    assert projects("会宁县推行“产业飞地”分工厂建设模式,打造两个产业集群。") == []


def test_a_named_thing_whose_building_is_pushed_on_is_a_project(projects: Rows) -> None:
    found = projects("天津市与通渭县共同推进生态保护项目,如青禾河国家湿地公园建设。")
    assert [name for name, _ in found] == ["青禾河国家湿地公园"]
    assert projects("两地加快推进乡村振兴示范区建设。") == []


def test_a_works_whose_site_is_spoken_of_is_a_project(projects: Rows) -> None:
    found = projects("6月30日,在通渭县马营镇生猪养殖项目现场,负责人给农户分红。")
    assert [name for name, _ in found] == ["通渭县马营镇生猪养殖项目"]


def test_a_word_pointing_back_stands_for_the_place_a_name_before_holds(projects: Rows) -> None:
    text = (
        "近日,通渭县马营镇东西部协作扶贫车间内,工人正在赶工。"
        "目前,该镇已建成青禾服饰扶贫车间、云岭食品扶贫车间等3个车间。"
    )
    assert sorted(projects(text)) == [
        ("云岭食品扶贫车间", "马营镇"),
        ("通渭县马营镇东西部协作扶贫车间", "马营镇"),
        ("青禾服饰扶贫车间", "马营镇"),
    ]


def test_here_is_the_place_a_place_word_marked_before(projects: Rows) -> None:
    text = (
        "在通渭县马营镇,用水难是村民致富的拦路虎。去年,福清市帮扶单位在这里建成了甘肃省第一个光伏提水工程。"
    )
    assert projects(text) == [("光伏提水工程", "马营镇")]


@pytest.mark.parametrize(
    "text",
    [
        "福清市援建的上述项目已全部竣工。",
        "福清市援建的财政专项资金项目已建成。",
        "福清市援建的衔接资金项目已建成投产。",
        "福清市援建的基础设施项目已完工。",
        "福清市援建的公共服务设施项目已完工。",
        "福清市援建的易地扶贫搬迁安置点已建成。",
    ],
)
def test_money_programme_and_kind_words_before_a_head_name_no_project(projects: Rows, text: str) -> None:
    assert projects(text) == []


def test_a_named_farm_of_livestock_is_a_project(projects: Rows) -> None:
    found = projects("福清市援建的马营村生猪养殖场已建成投产。")
    assert [name for name, _ in found] == ["马营村生猪养殖场"]


def test_a_quoted_count_is_a_slogan_no_project(projects: Rows) -> None:
    assert projects("两地协作助力青禾旗建设“两个基地”,打造“三大工程”。") == []


def test_a_full_name_several_divisions_bear_is_no_site(projects: Rows) -> None:
    # 新城区 is a district of 呼和浩特 and of 西安: inside this name it tells nothing, 温宿 does
    found = projects("金华市对口支援温宿县。金华市出资建设温宿金华新城区九年一贯制学校。")
    assert found == [("温宿金华新城区九年一贯制学校", "温宿县")]
