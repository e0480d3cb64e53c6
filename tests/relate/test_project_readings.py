"""Projects: where a project stands (a place inside its name, the place inside the one 位于
marks), names read from 位于 and 建设完成的, and names counted as a kind of thing (categories, no
projects). Sentences written for these tests, through the real pipeline (nlp → link → relate)."""

from __future__ import annotations

from collections.abc import Callable

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
JSS = "积石山保安族东乡族撒拉族自治县"


def projects(read_text: Read, text: str) -> list[tuple[str | None, str | None]]:
    _, _, relations = read_text(text)
    return [(r.project, r.recipient.name if r.recipient else None) for r in relations if r.type == "project"]


def test_a_place_inside_the_name_not_the_givers_is_where_it_stands(read_text: Read) -> None:
    text = "湖州市南浔区帮扶广安市。走进南浔·广安东西部协作产业园,工人正在施工。"
    assert projects(read_text, text) == [("南浔·广安东西部协作产业园", "广安市")]


def test_a_named_thing_that_stands_in_a_place_is_a_project_there(read_text: Read) -> None:
    text = "乌恰县获得江苏省援助。青石时光景区位于乌恰县最西部的吉根乡。"
    assert projects(read_text, text) == [("青石时光景区", "吉根乡")]


def test_a_project_completed_before_its_name_is_read(read_text: Read) -> None:
    text = "浙江省与吉林省对口合作。不久前建设完成的通化中医药养生园项目迎来游客。"
    assert [name for name, _ in projects(read_text, text)] == ["通化中医药养生园项目"]


def test_names_counted_as_a_kind_of_thing_are_no_projects(read_text: Read) -> None:
    assert projects(read_text, "广东省帮扶广西壮族自治区。认定“菜篮子”基地和蔬菜示范基地121个。") == []
    assert projects(read_text, "浙江省帮扶四川省。帮助山区县建立20多个“山海协作”实训基地。") == []


def test_a_list_of_names_closed_by_a_count_keeps_its_projects(read_text: Read) -> None:
    text = "积石山县获得厦门市帮扶。该县已建成甲乙家纺扶贫车间、丙丁食品扶贫车间等2个扶贫车间。"
    assert projects(read_text, text) == [("甲乙家纺扶贫车间", JSS), ("丙丁食品扶贫车间", JSS)]


def test_a_built_thing_read_as_an_organisation_is_a_project_in_a_build_wording(read_text: Read) -> None:
    text = "积石山县获得厦门市帮扶。积石山县特利强雨具加工厂由厦门市海沧区牵线搭桥引进。"
    assert projects(read_text, text) == [("积石山县特利强雨具加工厂", JSS)]
    text = (
        "吉林省与浙江省对口合作。甲乙数控与丙丁数控合作共建智能机床研究院、戊己木业加工等一大批项目稳步推进。"
    )
    assert "智能机床研究院" in [name for name, _ in projects(read_text, text)]
    # the same kind of name as a giver is an organisation only
    assert projects(read_text, "积石山县获得厦门市帮扶。甲乙雨具加工厂向积石山县捐赠10万元。") == []
