"""Things a sentence says were built, rebuilt, donated or completed — a part or a quoted facility
of a school, a quoted name, a numbered company's workshop, a …项目 an agreement or a sum names —
in either order of verb and name, through the real pipeline (nlp → link → relate); sentences
written for these tests, with the near misses that must stay no project."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Rows = Callable[[str], list[tuple[str | None, str | None]]]


def names(found: list[tuple[str | None, str | None]]) -> list[str | None]:
    return sorted(name for name, _ in found)


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("海州市投资800万元重建云岭县青石初中教学楼。", "云岭县青石初中教学楼"),
        ("海州市出资改扩建白溪镇卫生院业务用房。", "白溪镇卫生院业务用房"),
        ("海州市新建的白溪镇中心小学宿舍楼已建成投用。", "白溪镇中心小学宿舍楼"),
        ("青禾县第二中学综合楼正式投入使用,由海州市援建。", "青禾县第二中学综合楼"),
    ],
)
def test_a_part_of_a_school_or_hospital_built_is_the_project(projects: Rows, text: str, project: str) -> None:
    assert names(projects(text)) == [project]


@pytest.mark.parametrize(
    "text",
    [
        "海州公司出资援建的云岭小学“读书角”揭牌。",
        "云岭小学“读书角”由海州公司出资援建。",
        "海州公司援建了云岭小学“读书角”。",
    ],
)
def test_a_quoted_facility_of_a_school_is_the_project_in_either_order(projects: Rows, text: str) -> None:
    assert [n.replace("“", "").replace("”", "") for n in names(projects(text)) if n] == ["云岭小学读书角"]


@pytest.mark.parametrize(
    "text",
    [
        "由海州慈善基金会捐建的“青禾乡村幼儿园”项目已正式开建。",
        "海州慈善基金会捐建的“青禾乡村幼儿园”举行落成典礼。",
        "“青禾乡村幼儿园”由海州慈善基金会捐建。",
    ],
)
def test_a_quoted_school_built_is_a_project(projects: Rows, text: str) -> None:
    assert names(projects(text)) == ["青禾乡村幼儿园"]


@pytest.mark.parametrize(
    "text",
    [
        "这个“同心教室”就是由海州企业援建的。",
        "“同心教室”已建成投用。",
        "海州企业为学校援建了“同心教室”。",
    ],
)
def test_a_quoted_generic_looking_name_is_still_a_name(projects: Rows, text: str) -> None:
    assert names(projects(text)) == ["同心教室"]


def test_a_school_named_by_its_town_and_completed_is_a_project(projects: Rows) -> None:
    found = projects("2013年投入使用的云岭县东关幼儿园由苏陕扶贫资金安排300万元。")
    assert names(found) == ["云岭县东关幼儿园"]
    assert names(projects("青禾镇中心小学13日正式建成投入使用。")) == ["青禾镇中心小学"]


def test_a_school_that_builds_something_is_no_project(projects: Rows) -> None:
    found = projects("引进海州农业大学建成云岭县首个家禽产业教授工作站。")
    assert names(found) == ["家禽产业教授工作站"]


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("拨付260万元建设126团5连标准化厂房及配套设施。", "126团5连标准化厂房"),
        ("拨付400万元用于青禾居民计量保障服务项目建设。", "青禾居民计量保障服务项目"),
        ("云岭县政府与海州公司签订了东西协作茶叶加工园项目投资框架协议。", "东西协作茶叶加工园项目"),
        ("去年,帮扶单位在这里建成了云南省第一个自然能提水工程。", "自然能提水工程"),
    ],
)
def test_unquoted_names_a_sum_an_agreement_or_a_verb_names(projects: Rows, text: str, project: str) -> None:
    assert names(projects(text)) == [project]


def test_a_list_of_things_carried_out_as_projects(projects: Rows) -> None:
    found = projects("海州市累计实施青禾茶园小镇、海云协作示范区、东湖高科技产业园等帮扶项目超过100个。")
    assert names(found) == sorted(["青禾茶园小镇", "海云协作示范区", "东湖高科技产业园"])


@pytest.mark.parametrize(
    "text",
    [
        "大力实施人才交流、产业合作、劳务协作等帮扶项目。",  # fields of work, not things
        "资金主要用于贫困地区扶贫产业项目建设。",  # a kind of projects
        "新建标准化厂房两栋,改造党群服务中心。",  # generic words and a count
        "将建设德国工业标准厂房约58000平方米。",  # floor space, not a named thing
        "为全面振兴东北老工业基地战略实施,两市开展对口合作。",  # a policy
        "两校结为“心连心”友好联谊学校。",  # a relationship's label
        "“8·15”洪灾中学校教学楼被毁。",  # a date
        "两校学生在青禾小学教学楼前合影。",  # a place where people stand
        "建设扶贫车间9个,援建帮扶车间374个。",  # counted kinds
    ],
)
def test_near_misses_are_no_projects(projects: Rows, text: str) -> None:
    assert projects(text) == []


def plain(found: list[tuple[str | None, str | None]]) -> list[str]:
    return sorted((name or "").replace("“", "").replace("”", "") for name, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "甲县与乙区将合作共建超1500亩的“飞地”产业园。",
        "甲县与乙区签订“飞地”产业园共建协议。",
        "“飞地”产业园建成后,厂房租金由甲县收取。",
    ],
)
def test_a_quoted_word_before_its_ending_is_one_name(projects: Rows, text: str) -> None:
    assert plain(projects(text)) == ["飞地产业园"]  # not the quoted word alone


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "比如青山市鸿景粮食储贸一体化项目、白河县玄武岩纤维加工项目等。",
            ["白河县玄武岩纤维加工项目", "青山市鸿景粮食储贸一体化项目"],
        ),
        (
            "主要包括投资30亿元的青山区环保设备制造中心及运营服务项目、投资12亿元的白河县电路板生产基地项目。",
            ["白河县电路板生产基地项目", "青山区环保设备制造中心及运营服务项目"],
        ),
        ("争取到某基金会200万元,用于青禾镇白石村饮用水项目。", ["青禾镇白石村饮用水项目"]),
        ("两地签订青山县鲟鳇鱼生态养殖项目协议。", ["青山县鲟鳇鱼生态养殖项目"]),
    ],
)
def test_xiangmu_names_listed_or_given_a_purpose(projects: Rows, text: str, expected: list[str]) -> None:
    assert plain(projects(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("海州援建青山的青禾公路全线通车。", ["青禾公路"]),
        (
            "福建援建青山的白石卫生院和青禾镇敬老院、海州援建白河的青禾小学。",
            ["白石卫生院", "青禾小学", "青禾镇敬老院"],
        ),
        ("南汇区汇南镇也分别援建了青山县平坝镇小学和白河镇小学。", ["白河镇小学", "青山县平坝镇小学"]),
        ("位于青禾镇的瞻远中学是今年海州援疆项目中的一项重要内容。", ["瞻远中学"]),
        ("在青山县白河镇援建了3层楼的革新小学。", ["革新小学"]),
    ],
)
def test_the_place_built_for_or_a_description_between_verb_and_name(
    projects: Rows, text: str, expected: list[str]
) -> None:
    assert plain(projects(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "截至6月底,新疆兵团对口援疆项目已开工建设224个。",  # a programme's projects, counted
        "吉林援建黑水的教育卫生、住房和社会事业等21个项目。",  # fields of work
        "上海市与青山县签订对口支援移民项目协议。",  # a programme's work in an agreement
        "西藏加查县一批援藏项目建成投用。",  # a batch of projects, none named
    ],
)
def test_programmes_fields_and_batches_are_no_projects(projects: Rows, text: str) -> None:
    assert projects(text) == []


def test_a_base_read_as_an_organisation_before_its_works_project_is_a_project(projects: Rows) -> None:
    """实施X实训基地建设项目: the NER may read the base as an organisation; the works project after
    it (built_org_after) says it is a thing built."""
    text = "甲市援疆指挥部去年投资800万元,实施乌什县职业技术学校实训基地建设项目,并配备实训设备。"
    assert projects(text) == [("乌什县职业技术学校实训基地", "乌什县")]
