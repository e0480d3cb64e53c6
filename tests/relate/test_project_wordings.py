"""Projects named without quotes, read from their wording (X建成, 建起X, A、B等N个项目) through the
real pipeline (nlp → link → relate); sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

Rows = Callable[[str], list[tuple[str | None, str | None]]]


def test_the_subject_of_a_completion_verb_is_a_project(projects: Rows) -> None:
    found = projects("在通渭县,马营镇金银花示范项目建成投产。")
    assert found == [("马营镇金银花示范项目", "马营镇")]  # the most specific place: the town its name holds


def test_a_project_put_into_production_in_a_place_stands_there(projects: Rows) -> None:
    found = projects("某某生物科技有限公司高原蓝莓项目在通渭县正式投产。")
    assert found == [("高原蓝莓项目", "通渭县")]  # the company owns it and is no part of its name


def test_the_object_of_a_build_verb_is_a_project_without_its_quantity(projects: Rows) -> None:
    found = projects("福清市帮扶资金出资120万元,在通渭县建起了50亩金银花育苗基地。")
    assert [name for name, _ in found] == ["金银花育苗基地"]
    assert found[0][1] == "通渭县"


def test_every_item_of_a_list_of_projects(projects: Rows) -> None:
    found = projects("东山恒辉鞋业加工、西林瑞丰物流中心等32个项目已在通渭县投产。")
    assert sorted(name for name, _ in found) == ["东山恒辉鞋业加工", "西林瑞丰物流中心"]


def test_generic_heads_slogans_and_models_are_no_projects(projects: Rows) -> None:
    assert projects("两地援建帮扶车间374个,共建产业园区107个。") == []
    assert projects("通渭县着力打造产业扶贫车间。") == []
    assert projects("通过“农户+基地”等模式,推广七结对和千企帮千村经验。") == []
    assert projects("今年,一批项目相继建成投产。") == []
    assert projects("积极实施“山海协作工程”,资金用于村组道路维修、修建便民桥等项目。") == []


def test_what_a_place_or_a_thing_is_to_be_made_into_is_an_aim_not_a_project(projects: Rows) -> None:
    found = projects("通渭县将致力于把马营镇金银花基地打造成综合性现代农业产业园。")
    assert not [name for name, _ in found if "产业园" in name]  # the aim; the base itself may be one
    assert projects("福清市力争把援建项目打造成为精品工程。") == []
    # the verb of becoming opens no name, and a thing built stays one
    found = projects("福清市在通渭县援建的金银花育苗基地已建成,并将打造成全省示范园区。")
    assert [name for name, _ in found] == ["金银花育苗基地"]


def test_determiners_quantifiers_times_and_money_words_before_a_head_name_no_project(projects: Rows) -> None:
    assert projects("福清市向通渭县捐赠一批援助项目,今年已建成投产。") == []
    assert projects("总投资2000万元的资金项目已开工。") == []
    assert projects("福清市援建的公共服务项目已投入使用。") == []
    assert projects("福清市在通渭县实施的资金项目已全部建成。") == []
    assert projects("福清市援建的当地水务项目已建成投用。") == []
    assert projects("通渭县年内部分项目已竣工投产。") == []
    assert projects("福清市援建的具体项目已开工建设。") == []
    assert projects("通渭县今年若干项目已建成投产。") == []
    # a place, a product or a work of its own beside those words still names one
    # the giver before 援建 is not where it stands (the sentence names no county for 马营镇)
    assert projects("福清市援建了马营镇扶贫车间,已投产。") == [("马营镇扶贫车间", None)]
    pig_farm = projects("福清市援建的马营村生猪养殖项目已建成投产。")
    assert [name for name, _ in pig_farm] == ["马营村生猪养殖项目"]
    assert projects("福清市援建的通渭县人民医院住院楼已建成投用。") == [("通渭县人民医院住院楼", "通渭县")]
    assert [name for name, _ in projects("福清市援建的马营村水务项目已建成投用。")] == ["马营村水务项目"]


def test_named_works_with_a_new_head_or_a_place_in_brackets_are_projects(projects: Rows) -> None:
    found = projects("广州市番禺区对口帮扶五华县,共建的广州番禺(五华)产业转移园已建成投产。")
    assert found == [("广州番禺(五华)产业转移园", "五华县")]  # the helped county in brackets: its site
    assert [name for name, _ in projects("福清市援建的马营镇金银花示范点已建成。")] == ["马营镇金银花示范点"]
    assert [name for name, _ in projects("福清市援建的通渭农特产品展销店已开业。")] == ["通渭农特产品展销店"]
