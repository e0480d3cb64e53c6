"""Names that name a kind, not one thing built (issue 12: programmes, models and slogans are no
projects): an enclave by its kind (反向飞地, 消薄飞地), the projects of two places joined by 与, a
count (一片产业园区), a role (作为…基地), a field of spending (安排…领域项目), a school whose people are
helped; and the park an enclave's name ends in. Through the real pipeline (nlp → link → relate);
sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Rows = Callable[[str], list[tuple[str | None, str | None]]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("甲县与乙区探索“反向飞地”建设,实现互利共赢。", []),
        ("两地推动“消薄飞地”园区的规划和运营。", []),
        ("两地共同深化飞地建设。", []),
        ("一批“飞地”产业园、“科创飞地”项目正在加快推进。", ["飞地产业园"]),
    ],
)
def test_an_enclave_named_by_its_kind_is_no_project(projects: Rows, text: str, names: list[str]) -> None:
    assert [name for name, _ in projects(text)] == names


def test_an_enclave_park_is_named_to_its_park_word(projects: Rows) -> None:
    found = projects("两地加快推进平湖—青田飞地产业园(二期)建设,把平湖—青田飞地产业园打造成为高能级平台。")
    assert {name for name, _ in found} == {"平湖—青田飞地产业园"}


def test_ba_opens_no_name(projects: Rows) -> None:
    """把 before a name jieba joins to its first word (把秀|洲) is still no part of it."""
    found = projects("两地共同推进秀洲—青田飞地产业园建设,把秀洲—青田飞地产业园办成一流平台。")
    assert {name for name, _ in found} == {"秀洲—青田飞地产业园"}


def test_an_enclave_named_by_its_places_is_a_project(projects: Rows) -> None:
    assert [name for name, _ in projects("平湖—青田飞地在平湖市正式开园。")] == ["平湖—青田飞地"]


@pytest.mark.parametrize(
    "text",
    [
        "产业基金将专项投向丽水“两新一特”产业重点项目、杭州与丽水产业合作项目等。",
        "小到一棵果树,大到一片产业园区,两地携手前行。",
        "西南地区作为我国的重要能源基地,近年来发展迅速。",
        "其中,安排教育领域项目援助资金3亿元。",
        "某公司董事长资助通渭县红旗镇民族中学120名学生每人800元助学金。",
    ],
)
def test_a_kind_a_role_or_a_school_whose_people_are_helped_is_no_project(projects: Rows, text: str) -> None:
    assert projects(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("福清市援建的通渭县红旗镇民族中学已建成投入使用。", "通渭县红旗镇民族中学"),
        ("两地将通渭县文化广场作为福清市对口援建重点项目。", "通渭县文化广场"),
        ("杭州与丽水合作共建的青田县油竹工业园已建成投产。", "青田县油竹工业园"),
        ("作为最先入驻青田东城产业园的企业之一,公司将生产车间搬到了这里。", "青田东城产业园"),
        ("作为首个落户浙川协作古蔺产业园区企业,某公司由工作队招引。", "浙川协作古蔺产业园区"),
    ],
)
def test_the_things_built_stay_projects(projects: Rows, text: str, name: str) -> None:
    assert name in [found for found, _ in projects(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某集团投资建设的新型环保建筑材料生产基地项目正式落户黔南州。", "新型环保建筑材料生产基地项目"),
        ("两地吸引多家企业入驻,打造新能源汽车产业基地。", "新能源汽车产业基地"),
    ],
)
def test_a_word_of_the_name_that_starts_with_xin_stays_in_it(projects: Rows, text: str, name: str) -> None:
    """新 opens a name as an adjective, not as the first character of 新型, 新能源."""
    assert [found for found, _ in projects(text)] == [name]


def test_a_number_and_one_character_quoted_is_a_slogans_term(projects: Rows) -> None:
    """“一园”即某工业园: the park is the thing built, “一园” a term of the slogan 一园三区."""
    found = projects("按照“一园三区”布局,“一园”即青田工业园,“三区”即三个功能区。")
    assert [name for name, _ in found] == ["青田工业园"]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("在疏附县塔什米里克乡中学,广东援疆干部投入资金支持学校建设“智慧教室”。", "塔什米里克乡"),
        ("在乌什县第二中学,浙江援疆干部投入资金建设“未来教室”。", "乌什县"),
    ],
)
def test_a_place_before_an_aid_word_gives_and_the_marked_school_says_where(
    projects: Rows, text: str, place: str
) -> None:
    """浙江援疆…: the province gives; the school 在 marks stands where the project is built."""
    assert [site for _, site in projects(text)] == [place]


def test_a_school_built_stays_built_though_its_people_follow(projects: Rows) -> None:
    assert [name for name, _ in projects("福清市援建的通渭县红旗镇民族中学300名师生迁入新校。")] == [
        "通渭县红旗镇民族中学"
    ]
