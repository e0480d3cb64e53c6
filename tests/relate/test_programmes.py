"""Pairings carry the programmes of the official tables: the kind comes from the programme and a
symmetric wording takes its direction from the tables first. Sentences written for these tests."""

from __future__ import annotations

from relate_fixtures import PLACES, article, place

from kg.records import Relation
from kg.relate import extract_relations

TABLE = {
    **PLACES,
    "辽宁省": place("辽宁省", "province", "210000"),
    "沈阳市": place("沈阳市", "prefecture", "210100", ("210000",)),
    "深圳市": place("深圳市", "prefecture", "440300", ("440000",)),
    "哈尔滨市": place("哈尔滨市", "prefecture", "230100", ("230000",)),
    "河南省": place("河南省", "province", "410000"),
    "哈密市": place("哈密市", "prefecture", "650500", ("650000",)),
    "广州市": place("广州市", "prefecture", "440100", ("440000",)),
    "清远市": place("清远市", "prefecture", "441800", ("440000",)),
    "连州市": place("连州市", "county", "441882", ("440000", "441800")),
    "闵行区": place("闵行区", "county", "310112", ("310000",)),
    "淮南市": place("淮南市", "prefecture", "340400", ("340000",)),
    "密云区": place("密云区", "county", "110118", ("110000",)),
    "玉树市": place("玉树市", "county", "632701", ("630000", "632700")),
}


def pairings(text: str, places: list[str]) -> list[Relation]:
    art, mentions = article(text, places, table=TABLE)
    return [r for r in extract_relations(art, mentions) if r.type == "pairing"]


def only(text: str, places: list[str]) -> Relation:
    found = pairings(text, places)
    assert len(found) == 1, [(r.donor.name, r.recipient.name) for r in found]
    return found[0]


def test_northeast_cooperation_the_eastern_partner_gives_and_the_kind_is_other() -> None:
    found = only("辽宁省与江苏省开展对口合作,共建产业园区。", ["辽宁省", "江苏省"])
    assert (found.donor.name, found.recipient.name) == ("江苏省", "辽宁省")
    assert (found.kind, found.programme, found.official) == ("other", ["northeast"], True)
    found = only("沈阳市与北京市对口合作不断深化。", ["沈阳市", "北京市"])
    assert (found.donor.name, found.recipient.name, found.kind) == ("北京市", "沈阳市", "other")
    found = only("哈尔滨市与深圳市对口合作签约项目。", ["哈尔滨市", "深圳市"])
    assert (found.donor.name, found.official_pair) == ("深圳市", ["440300", "230100"])


def test_aid_to_xinjiang_is_east_west_whoever_the_donor() -> None:
    found = only("河南省对口支援哈密市。", ["河南省", "哈密市"])
    assert (found.kind, found.programme, found.official_pair) == (
        "east-west",
        ["xinjiang"],
        ["410000", "650500"],
    )


def test_a_province_s_own_programme_is_intra_province_at_a_lower_level_too() -> None:
    found = only("广州市对口帮扶清远市连州市。", ["广州市", "清远市", "连州市"])
    assert (found.donor.name, found.recipient.name) == ("广州市", "连州市")
    assert (found.kind, found.programme, found.official_pair) == (
        "intra-province",
        ["guangdong"],
        ["440100", "441800"],
    )


def test_cross_province_pairs_outside_the_east_west_programme_are_other() -> None:
    found = only("闵行区结对帮扶淮南市。", ["闵行区", "淮南市"])
    assert (found.kind, found.programme) == ("other", ["wanbei"])


def test_the_most_specific_row_wins_and_its_programme_is_carried() -> None:
    found = only("密云区对口支援玉树市。", ["密云区", "玉树市"])
    assert (found.official_pair, found.programme, found.kind) == (
        ["110118", "632701"],
        ["qinghai"],
        "east-west",
    )
    found = only("海沧区对口帮扶积石山县。", ["海沧区", "积石山县"])
    assert (found.official_pair, found.programme) == (["350200", "622900"], ["east-west-2016"])


def test_a_pair_no_table_lists_has_no_programme() -> None:
    found = only("厦门市对口帮扶靖远县。", ["厦门市", "靖远县"])
    assert (found.official, found.programme, found.kind) == (False, None, "east-west")


def pairings_of(art: object, mentions: list) -> list[Relation]:
    return [r for r in extract_relations(art, mentions) if r.type == "pairing"]  # type: ignore[arg-type]


def test_no_pair_between_two_places_of_the_receiving_side() -> None:
    table = {
        **TABLE,
        "东乡县": place("东乡族自治县", "county", "622926", ("620000", "622900")),
        "广河县": place("广河县", "county", "622924", ("620000", "622900")),
    }
    text = "海沧区对口帮扶积石山县和东乡县。积石山县与东乡县结对交流经验。"
    art, mentions = article(text, ["海沧区", "积石山县", "东乡县"], table=table)
    found = [(r.donor.name, r.recipient.name) for r in pairings_of(art, mentions)]
    assert found == [("海沧区", "积石山保安族东乡族撒拉族自治县"), ("海沧区", "东乡族自治县")]
    # inside the article's recipient (临夏州) counts as the receiving side too
    text = "厦门市对口帮扶临夏州。积石山县与广河县携手开展劳务协作。"
    art, mentions = article(text, ["厦门市", "临夏州", "积石山县", "广河县"], table=table)
    found = [(r.donor.name, r.recipient.name) for r in pairings_of(art, mentions)]
    assert found == [("厦门市", "临夏回族自治州")]


def test_no_pair_between_two_places_of_the_west_that_only_their_order_tells_apart() -> None:
    table = {
        **TABLE,
        "东乡县": place("东乡族自治县", "county", "622926", ("620000", "622900")),
        "广河县": place("广河县", "county", "622924", ("620000", "622900")),
    }
    # no pairing of the article puts either on the receiving side, and nothing decides who gives
    text = "广河县与东乡县结对交流脱贫经验。"
    art, mentions = article(text, ["广河县", "东乡县"], table=table)
    assert pairings_of(art, mentions) == []


def test_a_place_that_obtains_another_s_paired_support_receives() -> None:
    table = {
        **TABLE,
        "张家港市": place("张家港市", "county", "320582", ("320000", "320500")),
        "沿河县": place("沿河土家族自治县", "county", "520627", ("520000", "520600")),
    }
    text = "近年来,沿河县得到张家港市的对口支持,产业发展迅速。"
    art, mentions = article(text, ["张家港市", "沿河县"], table=table)
    found = pairings_of(art, mentions)
    assert [(r.donor.name, r.recipient.name, r.pattern) for r in found] == [
        ("张家港市", "沿河土家族自治县", "pair.obtained_support")
    ]
    assert found[0].programme == ["xieshou"]  # 张家港市 → 沿河县, a 携手奔小康 row
