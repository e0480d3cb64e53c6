"""Classes of project wordings found across fresh pages (issue 12, generalisation round): each class
tested in several wordings of our own, with negatives, through the real pipeline (nlp → link →
relate). Invented names throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Rows = Callable[[str], list[tuple[str | None, str | None]]]


def names(found: list[tuple[str | None, str | None]]) -> list[str | None]:
    return sorted(name for name, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "市工商联联合市慈善总会出资开展“助学工程”“养蜂产业扶贫工程”“助农工程”等救助活动。",
        "目前受到“青禾工程”资助的在校大学生还有1000余人。",
        "“青禾工程”救助行动使灾区四所学校获援建。",
        "“春苗工程”将通过本次活动向他们提供帮扶。",
        "记者从“同心工程”获悉,行动已启动一周。",
    ],
)
def test_a_programme_named_as_a_works_is_no_project(projects: Rows, text: str) -> None:
    """A 工程 that helps, funds or acts (a programme) is no thing built."""
    assert projects(text) == []


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("海州区投入资金建设白石村产业示范工程。", "白石村产业示范工程"),  # a construction verb before it
        ("白石村乡村振兴示范工程顺利竣工。", "白石村乡村振兴示范工程"),  # its completion after it
        ("海州区援建的“白石暖心工程”已建成投用。", "白石暖心工程"),
        ("去年,帮扶单位在这里建成了白石村第一个自然能提水工程。", "自然能提水工程"),
        ("上海援青资金投入建设“五小工程”,在青禾乡实现全覆盖。", "五小工程"),
    ],
)
def test_a_works_stated_as_built_stays_a_project(projects: Rows, text: str, project: str) -> None:
    assert names(projects(text)) == [project]


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("三年前,青禾小学教学楼建设项目被纳入海州对口帮扶计划。", "青禾小学教学楼建设项目"),
        ("与对口帮扶单位签订了《白石镇青禾小学建设改造项目捐赠协议书》。", "白石镇青禾小学建设改造项目"),
        ("白石镇卫生院迁建工程列入今年的协作计划。", "白石镇卫生院迁建工程"),
    ],
)
def test_a_works_named_by_the_school_or_hospital_it_builds(projects: Rows, text: str, project: str) -> None:
    """The works on a named institution is a project wherever it stands, not the school as a body."""
    assert names(projects(text)) == [project]


@pytest.mark.parametrize(
    "text",
    [
        "推进产业项目、民生项目建设。",
        "两地共实施协作项目120个,其中教育帮扶项目30个。",
        "海州区认捐白石村道路硬化工程。",
    ],
)
def test_a_works_without_an_institution_needs_a_build_wording(projects: Rows, text: str) -> None:
    assert projects(text) == []


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("由海州市援建的青禾县人民医院门诊大楼日前落成。", "青禾县人民医院门诊大楼"),
        ("海州援建的青禾县白石镇卫生院新院区投入使用。", "青禾县白石镇卫生院新院区"),
        ("海州市援建的青禾县职业技术学校实训大楼已交付使用。", "青禾县职业技术学校实训大楼"),
        ("海州市援建的青禾县文体中心即将竣工。", "青禾县文体中心"),
        ("海州集团援建的青禾县白石镇农贸市场投入运营。", "青禾县白石镇农贸市场"),
        ("海州援建的青禾县图书馆新馆开馆。", "青禾县图书馆新馆"),
        ("在青禾乡,有一座海州援藏工作组筹备建设的城市书房。", "城市书房"),
        ("“海州—青禾共富工坊”揭牌成立。", "海州—青禾共富工坊"),
        ("依托东西部协作资金,白石村建成了白石特色民宿。", "白石特色民宿"),
        ("海州市帮扶青禾县建设的白石冷链物流园正式运营。", "白石冷链物流园"),
    ],
)
def test_buildings_markets_reading_rooms_and_parks_of_a_trade_are_built_things(
    projects: Rows, text: str, project: str
) -> None:
    assert names(projects(text)) == [project]


@pytest.mark.parametrize(
    "text",
    ["小农经济接上大市场,农户收入稳步增长。", "海州企业家走进青禾县图书馆参观。", "他每天去城市书房看书。"],
)
def test_those_heads_without_a_build_wording_name_nothing(projects: Rows, text: str) -> None:
    assert projects(text) == []


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("海州区协作资金200万元用于青禾村供水工程。", "青禾村供水工程"),
        ("海州市对口帮扶资金1000万元用于青禾县白石镇污水处理厂建设。", "青禾县白石镇污水处理厂"),
        ("总投资800万元的白石镇茶叶精深加工项目已完成主体建设。", "白石镇茶叶精深加工项目"),
        ("投资1200万元建设的白石村冷链物流园投入运营。", "白石村冷链物流园"),
    ],
)
def test_a_thing_a_sum_is_for_or_invested_in_is_a_project(projects: Rows, text: str, project: str) -> None:
    assert names(projects(text)) == [project]


@pytest.mark.parametrize(
    "text", ["资金主要用于基础设施建设。", "今年实施投资1亿元的项目20个。", "投资500万元的产业项目相继落地。"]
)
def test_a_sum_for_generic_works_names_no_project(projects: Rows, text: str) -> None:
    assert projects(text) == []
