"""Projects of the kinds fresh pages write (issue 12): names holding a dash, a bracket or a quoted
word; lists after one build verb, after 分别是 and after 将…作为; schools and hospitals a sentence
builds; and names that are no project (a generic name, a metaphor, a thanked organisation, a
visited site, a place's descriptor). Through the real pipeline (nlp → link → relate); sentences
written for these tests, with invented names."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
Rows = Callable[[str], list[tuple[str | None, str | None]]]


def names(found: list[tuple[str | None, str | None]]) -> list[str | None]:
    return sorted(name for name, _ in found)


def test_a_dash_and_a_quoted_word_belong_to_the_name(projects: Rows) -> None:
    found = projects("海宁—云和—松潘“飞地”产业园在海宁市开工。")
    assert found == [("海宁—云和—松潘“飞地”产业园", "海宁市")]


def test_a_bracketed_word_belongs_to_the_name(projects: Rows) -> None:
    assert names(projects("通渭县协作茶叶(红茶)加工产业园建成投产。")) == ["通渭县协作茶叶(红茶)加工产业园"]


def test_a_place_inside_the_name_stays_in_it(projects: Rows) -> None:
    found = projects("福清市与通渭县共建青禾工业集中区产业园。")
    assert names(found) == ["青禾工业集中区产业园"]


def test_every_item_of_a_list_after_one_build_verb(projects: Rows) -> None:
    found = projects("两地建设通渭文化广场、通渭县人民医院等重点项目。")
    assert names(found) == ["通渭县人民医院", "通渭文化广场"]


def test_every_item_enumerated_after_the_count_of_projects(projects: Rows) -> None:
    text = (
        "这3个项目分别是通渭县棚户区改造项目一期工程,会宁县设施农业建设项目和渭源县人民医院病房楼建设项目。"
    )
    found = projects(text)
    assert names(found) == [
        "会宁县设施农业建设项目",
        "渭源县人民医院病房楼建设项目",
        "通渭县棚户区改造项目一期工程",
    ]


def test_things_named_as_projects(projects: Rows) -> None:
    found = projects("建议将通渭县“110”指挥中心、群众文化艺术活动中心作为福清市对口援建重点项目。")
    assert names(found) == ["群众文化艺术活动中心", "通渭县“110”指挥中心"]


@pytest.mark.parametrize(
    ("text", "school", "place"),
    [
        ("福清市援建的通渭县青松小学今天开学。", "通渭县青松小学", "通渭县"),
        ("福清市捐赠120万元,用于新建通渭县马营镇幼儿园。", "通渭县马营镇幼儿园", "马营镇"),
        ("在福清市支援下,通渭县第三中学建校。", "通渭县第三中学", "通渭县"),
        ("福清市某集团捐资用于通渭县青石幼儿园重建。", "通渭县青石幼儿园", "通渭县"),
    ],
)
def test_a_school_the_sentence_builds_is_a_project_of_the_helped_side(
    projects: Rows, text: str, school: str, place: str
) -> None:
    found = projects(text)
    assert found == [(school, place)]  # where it stands, the most specific, not the giver 福清市


def test_a_school_that_builds_is_no_project(projects: Rows) -> None:
    assert "某某农业大学" not in names(projects("引进某某农业大学建成通渭县首个家禽产业教授工作站。"))


@pytest.mark.parametrize(
    "text",
    [
        "这条路是群众心中实实在在的“暖心工程”。",
        "代表团先后参观了通渭县博物馆、石桥茶叶基地。",
        "项目选址通渭县的省级特色小镇马营镇。",
        "全力推动闽宁协作项目落地见效。",
        "一个是“北方粮仓”和国家重要能源基地。",
        "衷心感谢海洋装备产业基地长期以来给予通渭县的支持。",
        "海州青禾装备产业基地携同海州某电子公司代表团赴通渭县对接协作工作。",
        "两地通过园区化建设承载项目。",
        "福清市援建通渭、会宁两县乡镇卫生院。",
    ],
)
def test_names_no_sentence_states_as_built(projects: Rows, text: str) -> None:
    assert projects(text) == []


def test_a_project_without_a_stated_place_stands_in_the_sentence_place(projects: Rows) -> None:
    found = projects("在边境小城通渭县,青禾友谊广场建成投用,福清援建的五味子烘干厂带动农民就业。")
    assert sorted(found) == [("五味子烘干厂", "通渭县"), ("青禾友谊广场", "通渭县")]


def test_a_project_given_a_sum_is_a_project(projects: Rows) -> None:
    found = projects("通渭县马营镇养殖业扶贫开发项目,协作资金安排130万元;渭源县福利院由协作资金安排158万元。")
    assert sorted(found) == [("渭源县福利院", "渭源县"), ("通渭县马营镇养殖业扶贫开发项目", "马营镇")]


def test_a_project_that_goes_forward_is_a_project(projects: Rows) -> None:
    assert names(projects("今年,通渭县青禾中药材加工项目顺利推进。")) == ["通渭县青禾中药材加工项目"]


def test_the_town_a_name_holds_is_where_it_stands(projects: Rows) -> None:
    found = projects("福清市代表团来到通渭县马营镇,捐赠120万元,用于新建马营镇幼儿园。")
    assert found == [("马营镇幼儿园", "马营镇")]


def test_a_place_and_a_head_name_no_project(projects: Rows) -> None:
    assert projects("2018年对口帮扶通渭县项目资金2200万元已拨付到位。") == []
    assert projects("三期标准厂房建设项目已完成主体工程。") == []


def test_a_place_and_a_facility_name_one_project(projects: Rows) -> None:
    """广安产业园: a place and a head of works (项目, 工程) name the place's projects, a place and a
    facility name one; 布局 opens the clause, it is no part of the name."""
    found = projects("湖州市帮扶广安市。两地合作布局广安产业园,已有12家企业入驻。")
    assert found == [("广安产业园", "广安市")]


def test_a_town_of_the_articles_county_in_the_name_is_where_it_stands(projects: Rows) -> None:
    found = projects("福清市对口帮扶通渭县。马营镇青禾养殖基地建成投产。")
    assert found == [("马营镇青禾养殖基地", "马营镇")]


def test_a_sum_given_to_a_project_named_with_its_place_goes_to_that_place(read_text: Read) -> None:
    _, _, relations = read_text("以定西市为例,渭源县民政福利院由协作资金安排158万元,设置120张床位。")
    funds = [
        (r.recipient.name if r.recipient else None, r.amount_yuan) for r in relations if r.type == "funding"
    ]
    assert funds == [("渭源县", 1580000.0)]


def test_a_caption_of_a_thing_built_is_a_project(projects: Rows) -> None:
    assert names(projects("这是福清市援建的通渭县青松小学。")) == ["通渭县青松小学"]
    assert names(projects("代表团参观了福清市援建的马营镇青禾养殖基地。")) == ["马营镇青禾养殖基地"]


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("福清市对口帮扶通渭县。由福清市援建的青禾村村级活动场所正式落成。", "青禾村村级活动场所"),
        ("福清市对口帮扶通渭县。两地共建的通渭—福清产业园(二期)项目开工。", "通渭—福清产业园(二期)项目"),
        ("福清市对口帮扶通渭县。福清援建的青禾村便民桥建成通车。", "青禾村便民桥"),
        ("福清市对口帮扶通渭县。在福清市帮扶下,马营镇建成了占地50亩的香菇种植大棚。", "香菇种植大棚"),
        ("福清市对口帮扶通渭县。总投资1.2亿元的通渭县青禾光伏电站项目并网发电。", "通渭县青禾光伏电站项目"),
        ("福清市对口帮扶通渭县。福清·通渭扶贫协作馆正式开馆。", "福清·通渭扶贫协作馆"),
        ("福清市对口帮扶通渭县。马营镇政府与福清某公司合作建设青禾农产品加工厂。", "青禾农产品加工厂"),
    ],
)
def test_things_built_of_many_kinds(projects: Rows, text: str, project: str) -> None:
    found = projects(text)
    assert names(found) == [project]
    assert found[0][1] in ("通渭县", "马营镇")  # the helped side, never the giver 福清市


def test_a_school_whose_building_starts_is_a_project(projects: Rows) -> None:
    found = projects("海州市帮扶富平县。总投资约800万元的富平县青禾幼儿园开工建设。")
    assert found == [("富平县青禾幼儿园", "富平县")]


@pytest.mark.parametrize(
    "text",
    [
        "海州市帮助六盘水市修建了多条高速公路。",  # counted: a kind of thing, not one
        "海州公司与青禾地理信息产业园合作实现数据共享。",  # a partner, not a thing built
        "代表团在海州公司调研考察了青禾茶叶基地。",  # visited
    ],
)
def test_a_counted_a_partner_or_a_visited_name_is_no_project(projects: Rows, text: str) -> None:
    assert projects(text) == []


def test_a_visit_told_before_a_dash_is_no_visit_of_the_name_after_it(projects: Rows) -> None:
    text = "这是记者在海州公司调研时了解到的新进展——位于通渭县的“青禾茶旅示范项目”是海州公司的重点项目。"
    assert projects(text) == [("青禾茶旅示范项目", "通渭县")]


def test_a_single_thing_is_no_count(projects: Rows) -> None:
    """一座X车间: an article before the name, not a count of a kind."""
    found = projects("在宁城县大双庙镇,一座鲜食玉米仓储加工车间已初具规模。")
    assert found == [("鲜食玉米仓储加工车间", "大双庙镇")]


@pytest.mark.parametrize(
    "text",
    [
        "在青禾现代农业产业园,代表团实地参观设施农业运行情况。",  # the venue of the next clause's visit
        "工作人员在位于哈巴河县工业园区的青禾生物公司车间生产沙棘粉。",  # an address
    ],
)
def test_a_venue_or_an_address_is_no_project(projects: Rows, text: str) -> None:
    assert not any("园" in (name or "") for name, _ in projects(text))


@pytest.mark.parametrize(
    "text",
    [
        "日前,甲乙扶贫公益中心在青禾创业大楼揭牌。",  # where an organisation is unveiled
        "上海市对口帮扶普洱市。两地在青禾现代农业产业园签署协作协议。",  # where an agreement is signed
        "会上,十家企业在青禾电商产业园集中签约。",
    ],
)
def test_the_venue_of_an_unveiling_or_a_signing_is_no_project(projects: Rows, text: str) -> None:
    assert projects(text) == []


def test_a_works_built_by_a_verb_inside_two_words_keeps_its_name(read_text: Read) -> None:
    """支援建设乳制品加工厂: the name starts after 建设 (not after the 援建 that straddles 支援|建设),
    and the thing built is no helper."""
    _, _, relations = read_text("北京市对口支援拉萨市城关区。北京安排援藏资金2000万元,支援建设乳制品加工厂。")
    assert [r.project for r in relations if r.type == "project"] == ["乳制品加工厂"]
    assert [r.donor.name for r in relations if r.donor is not None and r.donor.label == "ORG"] == []
