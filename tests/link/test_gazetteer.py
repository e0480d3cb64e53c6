"""The gazetteer built from jionlp's and cpca's packaged data: codes, aliases, towns, villages."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer, ethnic_alias


def codes(gaz: Gazetteer, surface: str, level: str | None = None) -> set[str]:
    return {
        c.division.code or c.division.key
        for c in gaz.lookup(surface)
        if level is None or c.division.level == level
    }


def test_short_names_and_rule_aliases(gaz: Gazetteer) -> None:
    assert codes(gaz, "福清") == {"350181"}
    assert codes(gaz, "积石山") == {"622927"}
    assert codes(gaz, "积石山县") == {"622927"}
    assert codes(gaz, "临夏州") == {"622900"}
    assert codes(gaz, "黔东南州") == {"522600"}
    for short, code in [("宁夏", "640000"), ("内蒙古", "150000"), ("广西", "450000"), ("西藏", "540000")]:
        assert code in codes(gaz, short, "province")
    assert codes(gaz, "新疆", "province") == {"650000"}


def test_ambiguous_names_keep_every_division(gaz: Gazetteer) -> None:
    assert codes(gaz, "和平区") == {"120101", "210102"}


def test_division_record(gaz: Gazetteer) -> None:
    county = gaz.get("622927")
    assert county is not None
    assert county.name == "积石山保安族东乡族撒拉族自治县"
    assert county.level == "county"
    assert county.parents == ("620000", "622900")
    assert county.province_code == "620000"
    assert county.lon is not None and 102 < county.lon < 104 and 35 < county.lat < 36.5  # type: ignore[operator]
    heping = gaz.get("120101")
    assert heping is not None and heping.parents == ("120000",)  # a municipality's district
    prefecture = gaz.get("622900")
    assert prefecture is not None and prefecture.lon is not None


def test_province_directly_administered_cities_hang_on_the_province(gaz: Gazetteer) -> None:
    xiantao = gaz.get("429004")
    assert xiantao is not None and xiantao.name == "仙桃市" and xiantao.parents == ("420000",)


def test_dongguan_towns_hang_on_the_prefecture(gaz: Gazetteer) -> None:
    towns = {t.name for t in gaz.towns_of("441900")}
    assert {"虎门镇", "长安镇", "东城街道"} <= towns
    humen = gaz.town_in("441900", "虎门镇")
    assert humen is not None and humen.county_code == "441900" and humen.parents == ("440000", "441900")


def test_former_names_from_the_change_list(gaz: Gazetteer) -> None:
    assert codes(gaz, "襄樊") == {"420600"}
    assert codes(gaz, "襄樊市") == {"420600"}
    assert codes(gaz, "盘县") == {"520281"}
    assert {c.kind for c in gaz.lookup("盘县")} == {"former"}


def test_towns_by_full_name_ethnic_alias_and_stem(gaz: Gazetteer) -> None:
    assert gaz.town_in("320583", "张浦镇") is not None
    assert gaz.town_in("320583", "张浦") == gaz.town_in("320583", "张浦镇")
    wawu = gaz.town_in("520602", "瓦屋乡")
    assert wawu is not None and wawu.name == "瓦屋侗族乡" and wawu.county_code == "520602"
    assert gaz.town_in("320583", "坝黄镇") is None


def test_villages_under_their_town(gaz: Gazetteer) -> None:
    qiqiao = gaz.village_in("320583", "七桥村")
    assert [(v.town, v.county_code, v.level) for v in qiqiao] == [("张浦镇", "320583", "village")]
    assert gaz.village_in("320583", "七桥", town="张浦镇") == qiqiao
    assert gaz.village_in("520602", "高坝田村", town="坝黄镇")


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("临夏回族自治州", "临夏州"),
        ("积石山保安族东乡族撒拉族自治县", "积石山县"),
        ("伊犁哈萨克自治州", "伊犁州"),
        ("瓦屋侗族乡", "瓦屋乡"),
        ("六龙山侗族土家族乡", "六龙山乡"),
        ("福清市", None),
        ("东乡族自治县", None),  # the nationality is the whole stem: jionlp's short 东乡县 serves
    ],
)
def test_ethnic_alias_rule(name: str, alias: str | None) -> None:
    assert ethnic_alias(name) == alias


def test_surface_forms(gaz: Gazetteer) -> None:
    forms = set(gaz.surface_forms())
    for pair in [
        ("福清", "county"),
        ("积石山", "county"),
        ("通渭", "county"),
        ("积石山县", "county"),
        ("临夏州", "prefecture"),
        ("黔东南州", "prefecture"),
        ("宁夏", "province"),
        ("内蒙古", "province"),
        ("和平区", "county"),
        ("张浦镇", "town"),
        ("瓦屋乡", "town"),
        ("襄樊", "prefecture"),
    ]:
        assert pair in forms, pair
    surfaces = {s for s, _ in forms}
    assert all(len(s) >= 2 for s in surfaces)
    for noise in ["和平", "城区", "高新区", "张浦", "坝黄"]:
        assert noise not in surfaces, noise
    assert len(forms) == len(list(gaz.surface_forms()))  # each pair once


def test_merged_districts_keep_their_former_names(gaz: Gazetteer) -> None:
    # from kg/data/place_formers.csv: districts merged away that the change list lacks
    assert codes(gaz, "闸北区") == {"310106"}
    assert codes(gaz, "江东区") == {"330212"}
    assert "330212" in codes(gaz, "江东", "county")
    assert {c.kind for c in gaz.lookup("江东区")} == {"former"}
    # a renamed county seat: its old name, not its stem (林芝 is 林芝市's short name)
    assert codes(gaz, "林芝县") == {"540402"}  # 巴宜区 since 2015
    assert "540402" not in codes(gaz, "林芝")


def test_autonomous_names_without_nationalities(gaz: Gazetteer) -> None:
    assert codes(gaz, "沿河自治县") == {"520627"}
    assert codes(gaz, "临夏自治州") == {"622900"}
    assert codes(gaz, "鄂伦春自治旗") == {"150723"}  # no nationality to drop: its own name


def test_towns_listed_under_their_countys_name_are_named_without_it(gaz: Gazetteer) -> None:
    # jionlp lists some towns as 红寺堡区红寺堡镇: the town is 红寺堡镇, its villages follow it
    assert codes(gaz, "红寺堡镇") == {"640303/红寺堡镇"}
    assert gaz.lookup("红寺堡区红寺堡镇") == []
    villages = gaz.villages_of("640303")
    assert {v.town for found in villages.values() for v in found} >= {"红寺堡镇"}


def test_districts_keep_the_county_or_city_they_were_made_of(gaz: Gazetteer) -> None:
    assert codes(gaz, "金坛市") == {"320413"}  # 金坛区 since 2015
    assert codes(gaz, "横山县") == {"610803"}  # 横山区
    assert codes(gaz, "和平县", "county") == {"441624"}  # an official name stays what it is


def test_cities_keep_the_county_or_prefecture_they_were_made_of(gaz: Gazetteer) -> None:
    assert codes(gaz, "康定县") == {"513301"}  # county-level 康定市 since 2015
    assert codes(gaz, "毕节地区") == {"520500"}  # prefecture-level 毕节市 since 2011
    assert codes(gaz, "乌兰察布盟") == {"150900"}  # 乌兰察布市 since 2003
    assert codes(gaz, "喀什地区") == {"653100"}  # still a 地区: its own name
    assert {c.kind for c in gaz.lookup("毕节地区")} == {"former"}


def test_functional_areas_are_aliases_of_their_host(gaz: Gazetteer) -> None:
    # kg/data/functional_areas.csv: new areas and development zones name their host division
    assert {(c.division.code, c.kind) for c in gaz.lookup("青岛西海岸新区")} == {("370211", "alias")}
    assert codes(gaz, "西海岸新区") == {"370211"}
    assert "120116" in codes(gaz, "天津经济技术开发区", "county")
    assert codes(gaz, "两江新区") == {"500000"}  # spans three districts of 重庆
    assert codes(gaz, "兰州新区") == {"620171"}  # keeps the statistical code jionlp gives it
    # the entity ruler sees them as places
    forms = set(gaz.surface_forms())
    assert ("青岛西海岸新区", "county") in forms
    assert ("西咸新区", "prefecture") in forms


def test_every_national_new_area_has_a_host(gaz: Gazetteer) -> None:
    import csv
    from importlib.resources import files

    text = files("kg.data").joinpath("functional_areas.csv").read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader(text.splitlines()) if not r["name"].startswith("#")]
    national = [r for r in rows if r["note"].startswith("national new area")]
    assert len(national) == 19
    for row in rows:
        host = gaz.get(row["host"])
        assert host is not None, row["name"]
        assert host.code in codes(gaz, row["name"]), row["name"]


def test_name_starts_are_where_matches_at_finds_names(gaz: Gazetteer) -> None:
    """name_starts (the scans' shortcut past positions where no name starts) lists every position
    at which matches_at finds a name, and the places where it finds none are only few."""
    text = "吉林长春与四川汶川、福建福清对口帮扶甘肃积石山县，厦门市海沧区和临夏州签约。a"
    starts = gaz.name_starts(text)
    finding = [i for i in range(len(text)) if any(True for _ in gaz.matches_at(text, i))]
    assert set(finding) <= set(starts) and starts == sorted(starts)
    assert {0, 2, 5, 7}.issubset(finding)
    assert len(starts) < len(text) // 2


def test_upper_name_starts_are_where_matches_at_finds_a_province_or_prefecture(gaz: Gazetteer) -> None:
    """name_starts(upper=True) (the chain scan's shortcut) lists every position at which matches_at
    finds a province's or a prefecture's name, and far fewer positions than name_starts."""
    text = "吉林长春与四川汶川、福建福清对口帮扶甘肃积石山县，厦门市海沧区和临夏州签约，张家港市某镇。a"
    starts = gaz.name_starts(text, upper=True)
    finding = [
        i
        for i in range(len(text))
        for _, candidates in gaz.matches_at(text, i)
        if any(c.division.level in ("province", "prefecture") for c in candidates)
    ]
    assert set(finding) <= set(starts) and starts == sorted(starts)
    assert {0, 2, 5, 10, 25}.issubset(finding)
    assert len(starts) < len(gaz.name_starts(text))
