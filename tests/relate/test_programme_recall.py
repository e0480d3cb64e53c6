"""The recall kinds of issue 13 through the real linker and relate: helpers listed with a count and
their recipients after 其中, a district written with its city and province, numbered group
statements with 具体为, 东北 与 东部 对口合作. Sentences written for these tests."""

from __future__ import annotations

import pytest
from relate_fixtures import linked_pairs

from kg.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # helpers listed with a count that ties them to their recipient, then one by one after 其中
        (
            "苏州市、无锡市、常州市3市结对帮扶铜仁市10个区县。其中苏州市帮扶碧江区、万山区,无锡市帮扶松桃苗族自治县。",
            ["苏州市", "无锡市", "常州市", "铜仁市", "碧江区", "万山区", "松桃苗族自治县"],
            {
                ("苏州市", "铜仁市"),
                ("无锡市", "铜仁市"),
                ("常州市", "铜仁市"),
                ("苏州市", "碧江区"),
                ("苏州市", "万山区"),
                ("无锡市", "松桃苗族自治县"),
            },
        ),
        # a district written with its province and city gives only the smallest division
        (
            "2018年,浙江省杭州市西湖区结对帮扶贵州省黔东南州丹寨县,双方签订协议。",
            ["浙江省", "杭州市", "西湖区", "贵州省", "黔东南州", "丹寨县"],
            {("西湖区", "丹寨县")},
        ),
        # a numbered group statement and its pairs after 具体为
        (
            "杭州市5个区县结对帮扶恩施州5个县市,具体为:西湖区与巴东县、萧山区与来凤县、余杭区与鹤峰县结对。",
            ["杭州市", "恩施州", "西湖区", "巴东县", "萧山区", "来凤县", "余杭区", "鹤峰县"],
            {
                ("杭州市", "恩施土家族苗族自治州"),
                ("西湖区", "巴东县"),
                ("萧山区", "来凤县"),
                ("余杭区", "鹤峰县"),
            },
        ),
        # 东北地区与东部地区对口合作, written northeast 与 east: the eastern partner gives
        (
            "辽宁省与江苏省对口合作工作会议在沈阳召开,两省签约项目16个。",
            ["辽宁省", "江苏省", "沈阳"],
            {("江苏省", "辽宁省")},
        ),
        # lists on both sides with no 分别: the combinations an official table lists
        (
            "北京市、天津市对我省张家口市、承德市、保定市相关县区开展对口帮扶。",
            ["北京市", "天津市", "我省", "张家口市", "承德市", "保定市"],
            {("北京市", "张家口市"), ("北京市", "保定市"), ("天津市", "承德市")},
        ),
        # lists of one length whose givers are written as parallel addresses: item by item
        (
            "江苏省苏州市吴江区、无锡市江阴市与贵州省铜仁市碧江区、松桃县结成对口关系。",
            ["江苏省", "苏州市", "吴江区", "无锡市", "江阴市", "贵州省", "铜仁市", "碧江区", "松桃县"],
            {("吴江区", "碧江区"), ("江阴市", "松桃苗族自治县")},
        ),
        # the same lists named as examples of a wider group are background: no pair
        (
            "北京市、天津市等东部省市与张家口市、承德市等地开展协作。",
            ["北京市", "天津市", "张家口市", "承德市"],
            set(),
        ),
        # the recall net: two places their regions do not tell apart, sided by an official pair
        # (浙江 → 吉林 of 东北对口合作) or by their province's own programme (广州 → 清远)
        (
            "2017年,吉林省、浙江省心手相牵,共启两省对口合作的新篇章。",
            ["吉林省", "浙江省"],
            {("浙江省", "吉林省")},
        ),
        ("会上,清远市干部介绍了广州对口帮扶资金的使用情况。", ["清远市", "广州"], {("广州市", "清远市")}),
        # a side written as an address pairs at the level the wording pairs (乌恰县, not its township)
        (
            "在江苏常州的支持下,乌恰县吉根乡新建了一座边境小学。",
            ["江苏", "常州", "乌恰县", "吉根乡"],
            {("常州市", "乌恰县")},
        ),
    ],
)
def test_recall_kinds(gaz: Gazetteer, text: str, places: list[str], expected: set[tuple[str, str]]) -> None:
    assert linked_pairs(gaz, text, places) == expected
