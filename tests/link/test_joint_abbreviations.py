"""Joint abbreviations (苏锡常三市, 京津冀) as a side: each character its place, only where the
article names the place or the programme tables pair it with a place the article names.
Sentences written for these tests."""

from __future__ import annotations

from relate_fixtures import sentences_of

from kg.gazetteer import Gazetteer
from kg.link import link_mentions
from kg.link.joint import joint_abbreviations
from kg.records import Article, Mention
from kg.relate import extract_relations


def linked(gaz: Gazetteer, text: str, surfaces: list[str]) -> tuple[Article, list[Mention]]:
    sentences = sentences_of(text)
    art = Article(id="t", text=text, sentences=sentences)
    mentions = []
    for surface in surfaces:
        at = text.index(surface)
        mentions.append(Mention("t", "PLACE", surface, at, at + len(surface), art.sentence_index_at(at)))
    return art, link_mentions(art, mentions, gaz)


def members(found: list[Mention]) -> list[tuple[str, str | None]]:
    return [(m.text, m.name) for m in found if len(m.text) == 1]


def test_the_table_holds_one_code_per_character() -> None:
    table = joint_abbreviations()
    assert table["苏锡常"] == ("320500", "320200", "320400")
    assert all(len(abbr) == len(codes) for abbr, codes in table.items())


def test_members_the_article_names_elsewhere(gaz: Gazetteer) -> None:
    text = "无锡市、常州市与铜仁市开展协作。苏锡常三市持续加大对铜仁市的帮扶力度。"
    _, found = linked(gaz, text, ["无锡市", "常州市", "铜仁市"])
    # 苏州市 is not named, but the tables pair it with 铜仁市, which is
    assert members(found) == [("苏", "苏州市"), ("锡", "无锡市"), ("常", "常州市")]


def test_only_the_members_the_tables_pair_with_a_named_place(gaz: Gazetteer) -> None:
    art, found = linked(gaz, "苏锡常三市持续加大对铜仁市的帮扶力度。", ["铜仁市"])
    assert members(found) == [("苏", "苏州市")]
    pairs = [(r.donor.name, r.recipient.name) for r in extract_relations(art, found) if r.type == "pairing"]
    assert pairs == [("苏州市", "铜仁市")]


def test_an_abbreviation_alone_stays_text(gaz: Gazetteer) -> None:
    _, found = linked(gaz, "京津冀协同发展取得新进展,三地签署合作协议。", [])
    assert members(found) == []


def test_a_place_named_inside_a_member_does_not_make_it_a_side(gaz: Gazetteer) -> None:
    # 昆山市 does the work: 苏州市 is neither named nor paired by the tables with a named place
    text = "昆山市与通渭县结对。苏锡常三市共同参与。"
    _, found = linked(gaz, text, ["昆山市", "通渭县"])
    assert members(found) == []


def test_an_abbreviation_naming_a_region_is_no_side(gaz: Gazetteer) -> None:
    # the tables pair 北京市 with 张家口市, but 京津冀 here names the region, not the parties
    text = "北京市对口帮扶张家口市。京津冀产业协同不断深化,京津冀水源涵养区建设加快。"
    _, found = linked(gaz, text, ["北京市", "张家口市"])
    assert members(found) == []


def test_an_abbreviation_before_a_side_noun_is_a_side(gaz: Gazetteer) -> None:
    art, found = linked(gaz, "苏锡常城市持续加大对铜仁市的帮扶力度。", ["铜仁市"])
    assert members(found) == [("苏", "苏州市")]


def test_cities_within_the_members_are_the_parties_not_the_members(gaz: Gazetteer) -> None:
    # the tables pair 上海市 with 六安市 (革命老区对口合作), but 沪苏浙城市 are cities within the three
    text = "沪苏浙城市结对合作帮扶皖北城市,六安市、亳州市与沪苏浙3区5市签署协议。"
    art, found = linked(gaz, text, ["六安市", "亳州市"])
    assert members(found) == []
    pairs = [(r.donor.name, r.recipient.name) for r in extract_relations(art, found) if r.type == "pairing"]
    assert ("上海市", "六安市") not in pairs and ("上海市", "亳州市") not in pairs


def test_municipalities_and_provinces_of_a_side_of_provinces_and_cities(gaz: Gazetteer) -> None:
    text = "北京市对口帮扶张家口市。京津冀三省市持续加大对张家口市的帮扶。"
    _, found = linked(gaz, text, ["北京市", "张家口市"])
    assert ("京", "北京市") in members(found)
