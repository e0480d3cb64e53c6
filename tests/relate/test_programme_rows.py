"""The rows of the programme tables at work on sentences written for these tests: each programme's
newer rows give the pair its programme, its official row and its kind, and direct a symmetric
wording where region and the other rules cannot (both sides east, or both west)."""

from __future__ import annotations

from functools import cache

import pytest
from relate_fixtures import Place, article, place

from kg.gazetteer import load_gazetteer
from kg.programmes import agreeing
from kg.records import Relation
from kg.relate import extract_relations


@cache
def gazetteer_place(code: str) -> Place:
    division = load_gazetteer().get(code)
    assert division is not None, code
    return place(division.name, division.level, code, division.parents)


def pairings(text: str, places: dict[str, str]) -> list[Relation]:
    """Pairings of ``text`` whose places are the keys of ``places`` (surface → official code)."""
    table = {surface: gazetteer_place(code) for surface, code in places.items()}
    art, mentions = article(text, list(places), table=table)
    return [r for r in extract_relations(art, mentions) if r.type == "pairing"]


def only(text: str, places: dict[str, str]) -> Relation:
    found = pairings(text, places)
    assert len(found) == 1, [(r.donor.name, r.recipient.name) for r in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "places", "donor", "official", "programme", "kind"),
    [
        # 对口支援青海: a prefecture-level city of Shandong and a county of 海北州
        (
            "门源县与威海市结对开展对口支援工作。",
            {"门源县": "632221", "威海市": "371000"},
            "威海市",
            ["371000", "632221"],
            ["qinghai"],
            "east-west",
        ),
        # 对口支援西藏: both sides western — only the table knows 重庆 gives
        (
            "昌都市与重庆市携手推进对口支援。",
            {"昌都市": "540300", "重庆市": "500000"},
            "重庆市",
            ["500000", "540300"],
            ["tibet"],
            "east-west",
        ),
        # 携手奔小康: a district of Tianjin and a county of 承德 (both eastern provinces)
        (
            "承德县与东丽区签订携手奔小康行动协议。",
            {"承德县": "130821", "东丽区": "120110"},
            "东丽区",
            ["120110", "130821"],
            ["xieshou"],
            "east-west",
        ),
        # the 2021 round of 东西部协作, district → county
        (
            "临潭县与东丽区深化东西部协作。",
            {"临潭县": "623021", "东丽区": "120110"},
            "东丽区",
            ["120110", "623021"],
            ["east-west-2021"],
            "east-west",
        ),
        # 江苏南北挂钩合作: both in 江苏, the table gives direction and the kind intra-province
        (
            "连云港市与无锡市深化南北挂钩合作。",
            {"连云港市": "320700", "无锡市": "320200"},
            "无锡市",
            ["320200", "320700"],
            ["jiangsu-nanbei"],
            "intra-province",
        ),
        # 福建山海协作: two counties of 福建 (泉州's 晋江 and 龙岩's 长汀), direction from the table
        (
            "长汀县与晋江市共建山海协作产业园。",
            {"长汀县": "350821", "晋江市": "350582"},
            "晋江市",
            ["350582", "350821"],
            ["shanhai-fujian"],
            "intra-province",
        ),
        # the 1996 round of 东西扶贫协作, a city of 福建 and a county of 宁夏
        (
            "同心县与泉州市开展闽宁协作。",
            {"同心县": "640324", "泉州市": "350500"},
            "泉州市",
            ["350500", "640324"],
            ["east-west-1996"],
            "east-west",
        ),
        # a district of 深圳 and a county of 赣州 (革命老区 对口合作 at county level)
        (
            "兴国县与福田区建立结对合作关系。",
            {"兴国县": "360732", "福田区": "440304"},
            "福田区",
            ["440304", "360732"],
            ["laoqu"],
            "other",
        ),
        # 东北地区与东部地区对口合作 between two cities
        (
            "吉林市与温州市深化对口合作。",
            {"吉林市": "220200", "温州市": "330300"},
            "温州市",
            ["330300", "220200"],
            ["northeast"],
            "other",
        ),
        # 革命老区重点城市对口合作: both eastern, the kind is other
        (
            "三明市与上海市建立对口合作关系。",
            {"三明市": "350400", "上海市": "310000"},
            "上海市",
            ["310000", "350400"],
            ["laoqu"],
            "other",
        ),
        # 四川省内对口援藏: a district of 成都 and a county of 甘孜, both in one western province
        (
            "丹巴县与成华区深化对口帮扶合作。",
            {"丹巴县": "513323", "成华区": "510108"},
            "成华区",
            ["510108", "513323"],
            ["sichuan"],
            "intra-province",
        ),
        # 浙江山海协作: 台州's 温岭 is on no side of the province-level list; the row gives it
        (
            "景宁畲族自治县与温岭市深化山海协作。",
            {"景宁畲族自治县": "331127", "温岭市": "331081"},
            "温岭市",
            ["331081", "331127"],
            ["shanhai-zhejiang"],
            "intra-province",
        ),
        # 沪苏浙→皖北 at county level: a district of 杭州 and a county of 宿州 (the row below 杭州 → 宿州)
        (
            "萧县与拱墅区深化结对合作帮扶。",
            {"萧县": "341322", "拱墅区": "330105"},
            "拱墅区",
            ["330105", "341322"],
            ["wanbei"],
            "other",
        ),
        # 对口支援青海 at county level: a district of 上海 and a county of 果洛州
        (
            "甘德县与长宁区深化对口支援。",
            {"甘德县": "632623", "长宁区": "310105"},
            "长宁区",
            ["310105", "632623"],
            ["qinghai"],
            "east-west",
        ),
        # 福建山海协作 inside one prefecture (宁德's 蕉城 and 屏南)
        (
            "屏南县与蕉城区共叙山海协作情谊。",
            {"屏南县": "350923", "蕉城区": "350902"},
            "蕉城区",
            ["350902", "350923"],
            ["shanhai-fujian"],
            "intra-province",
        ),
    ],
)
def test_a_symmetric_wording_takes_the_table_s_direction_programme_and_kind(
    text: str, places: dict[str, str], donor: str, official: list[str], programme: list[str], kind: str
) -> None:
    found = only(text, places)
    assert found.donor.name == donor
    assert (found.official_pair, found.programme, found.kind) == (official, programme, kind)


def test_a_cooperation_pair_inside_one_province_is_intra_province() -> None:
    """宁波 → 丽水 is a 革命老区 对口合作 pair (kind other), but both lie in 浙江."""
    found = only("丽水市与宁波市开展对口合作。", {"丽水市": "331100", "宁波市": "330200"})
    assert (found.donor.name, found.programme, found.kind) == ("宁波市", ["laoqu"], "intra-province")


def test_a_county_row_is_more_specific_than_the_province_row_above_it() -> None:
    """福州市 → 八宿县 (福建 aids 昌都 since 2016) wins over 福建省 → 昌都市."""
    found = only("福州市对口援建八宿县。", {"福州市": "350100", "八宿县": "540326"})
    assert (found.official_pair, found.programme) == (["350100", "540326"], ["tibet"])


def test_a_row_of_the_first_arrangement_holds_only_in_its_year() -> None:
    """彭州 was 湖南's charge in the arrangement of May 2008 and 福建's in the plan of June 2008: a
    2009 article's 福建 → 彭州 agrees with the plan's row, and 湖南 → 彭州 still agrees with the
    May row (no row of 湖南 holds in 2009, so every agreeing row counts)."""
    fujian = agreeing({"350000"}, {"510000", "510100", "510182"}, year=2009)
    hunan = agreeing({"430000"}, {"510000", "510100", "510182"}, year=2009)
    plan = [("wenchuan", "2008-2010", "jjrb-wenchuan-2010")]
    assert [(r.programme, r.period, r.source) for r in fujian] == plan
    assert [(r.programme, r.period) for r in hunan] == [("wenchuan", "2008-2008")]


def test_two_programmes_listing_one_pair_are_both_carried() -> None:
    """无锡市 → 海东市 is a city pair of the 2016 list and of the 2021 round."""
    found = only("无锡市结对帮扶海东市。", {"无锡市": "320200", "海东市": "630200"})
    assert found.official_pair == ["320200", "630200"]
    assert found.programme == ["east-west-2016", "east-west-2021"]
    assert found.kind == "east-west"


def test_a_province_s_own_programme_directs_a_pair_no_row_lists() -> None:
    """No row pairs 金堂县 with 康定市, and by the kind of division a 市 would give to a 县; but in
    四川's own 对口援藏 成都's districts and counties give and 甘孜's receive
    (``intra_province_sides.csv``): the symmetric wording takes that direction."""
    found = only("康定市与金堂县深化对口帮扶合作。", {"康定市": "513301", "金堂县": "510121"})
    assert (found.donor.name, found.kind, found.official_pair) == ("金堂县", "intra-province", None)
