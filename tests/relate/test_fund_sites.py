"""Where a sum goes when the text names the body that receives it or what it is spent on: a
school's county, a place after 向/为/给, a sum without 元.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from relate_fixtures import JSS, fundings, read_funds

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_a_school_receives_for_its_county() -> None:
    text = "昆山市甲乙公司向碧江区第一中学捐赠帮扶资金10万元。"
    orgs = {"碧江区第一中学": "520602", "昆山市甲乙公司": "320583"}
    found = fundings(text, ["昆山市"], orgs, money={"10万元": 100_000})
    assert [(recipient, amount) for _, recipient, amount in found] == [("碧江区", 100_000)]


def test_a_place_after_a_goal_marker_never_gives() -> None:
    text = "海沧区对口帮扶积石山县。甲乙慈善总会向海沧区对口帮扶单位——积石山县丙丁中学捐赠帮扶资金38万元。"
    orgs = {"甲乙慈善总会": "350205", "积石山县丙丁中学": "622927"}
    found = fundings(text, ["海沧区", "积石山县"], orgs, money={"38万元": 380_000})
    assert [(donor, amount) for donor, _, amount in found] == [("甲乙慈善总会", 380_000)]
    assert all(recipient != "海沧区" for _, recipient, _ in found)
    assert found[0][1] == JSS


def test_a_sum_in_wan_without_yuan_is_read_as_money(read_text: Read) -> None:
    text = "昆山市对口帮扶碧江区。昆山市甲乙有限公司向碧江区捐赠了价值310万的物资。"
    assert [amount for _, _, amount in read_funds(read_text, text)] == [3_100_000]


def test_a_place_that_only_says_where_the_organisations_are_from_gives_nothing() -> None:
    text = "江苏省社会组织捐赠帮扶资金50万元,用于积石山县学校建设。"
    found = fundings(text, ["江苏省", "积石山县"], money={"50万元": 500_000})
    assert found == [(None, JSS, 500_000)]


def test_a_town_written_with_its_other_suffix_is_that_town(
    read_text: Read, projects: Callable[[str], list[tuple[str | None, str | None]]]
) -> None:
    # 哭泉镇 and 什川镇 written 哭泉乡, 什川乡 inside a project's name after their county
    assert projects("宜君县哭泉乡核桃产业项目于今年建成。") == [("宜君县哭泉乡核桃产业项目", "哭泉镇")]
    text = "通渭县什川乡饮水工程获得帮扶资金50万元。"
    assert read_funds(read_text, text) == [(None, "什川镇", 500_000)]
