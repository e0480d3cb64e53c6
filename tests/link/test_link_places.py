"""Linking on sentences written for the test: each disambiguation rule of kg.link in turn."""

from __future__ import annotations

from relate_fixtures import sentences_of

from kg.gazetteer import Gazetteer
from kg.link import link_mentions, org_subtype
from kg.records import Article, Mention


def article(text: str, **meta: str) -> Article:
    """An article whose sentences end at 。"""
    return Article(id="t", text=text, sentences=sentences_of(text), **meta)  # type: ignore[arg-type]


def mention(art: Article, surface: str, label: str = "PLACE", nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(surface, start + 1)
    return Mention(
        article_id=art.id, label=label, text=surface, start=start, end=start + len(surface), sentence=0
    )


def link(gaz: Gazetteer, text: str, surfaces: list[str | tuple[str, str]], **meta: str) -> list[Mention]:
    art = article(text, **meta)
    seen: dict[tuple[str, str], int] = {}
    mentions = []
    for item in surfaces:
        surface, label = (item, "PLACE") if isinstance(item, str) else item
        nth = seen.get((surface, label), 0)
        seen[(surface, label)] = nth + 1
        mentions.append(mention(art, surface, label, nth))
    return link_mentions(art, mentions, gaz)


def by_text(linked: list[Mention], text: str) -> Mention:
    found = [m for m in linked if m.text == text]
    assert found, f"{text} not among {[m.text for m in linked]}"
    return found[0]


def test_short_forms(gaz: Gazetteer) -> None:
    linked = link(gaz, "福清与积石山、临夏州开展协作。", ["福清", "积石山", "临夏州"])
    assert by_text(linked, "福清").code == "350181"
    assert by_text(linked, "福清").name == "福清市"
    assert by_text(linked, "积石山").code == "622927"
    assert by_text(linked, "积石山").parents == ["620000", "622900"]
    临夏州 = by_text(linked, "临夏州")
    assert (临夏州.code, 临夏州.name, 临夏州.level) == ("622900", "临夏回族自治州", "prefecture")
    assert 临夏州.province_code == "620000" and 临夏州.lon is not None


def test_prefix_inside_the_mention(gaz: Gazetteer) -> None:
    linked = link(gaz, "记者来到天津市和平区采访。", ["天津市和平区"])
    assert [(m.text, m.start, m.end, m.code) for m in linked] == [
        ("天津市", 4, 7, "120000"),
        ("和平区", 7, 10, "120101"),
    ]
    linked = link(gaz, "甘肃省临夏回族自治州积石山县的群众", ["甘肃省临夏回族自治州积石山县"])
    assert [m.code for m in linked] == ["620000", "622900", "622927"]


def test_other_places_of_the_article(gaz: Gazetteer) -> None:
    tianjin = link(
        gaz, "天津市对口帮扶甘肃。和平区干部到靖远县考察。", ["天津市", "甘肃", "和平区", "靖远县"]
    )
    assert by_text(tianjin, "和平区").code == "120101"
    shenyang = link(gaz, "沈阳市召开会议。和平区代表发言。", ["沈阳市", "和平区"])
    assert by_text(shenyang, "和平区").code == "210102"


def test_ambiguous_without_context_stays_unresolved(gaz: Gazetteer) -> None:
    linked = link(gaz, "和平区举办活动。", ["和平区"])
    place = by_text(linked, "和平区")
    assert place.code is None and place.unresolved and "ambiguous" in place.unresolved


def test_town_resolved_only_within_named_counties(gaz: Gazetteer) -> None:
    text = "坝黄建成蓝莓基地。昆山张浦镇和碧江坝黄镇乡镇结对。"
    linked = link(gaz, text, ["坝黄", "昆山张浦镇", "碧江坝黄镇"])
    zhangpu = by_text(linked, "张浦镇")
    assert (zhangpu.level, zhangpu.county_code, zhangpu.code) == ("town", "320583", None)
    assert zhangpu.parents == ["320000", "320500", "320583"]
    bahuang = [m for m in linked if m.text in ("坝黄镇", "坝黄")]
    assert [(m.name, m.county_code) for m in bahuang] == [("坝黄镇", "520602"), ("坝黄镇", "520602")]
    # without a county of its own in the article a bare town stem is not guessed
    alone = link(gaz, "坝黄建成蓝莓基地。", ["坝黄"])
    assert alone[0].code is None and alone[0].county_code is None and alone[0].unresolved


def test_composite_town_village_split_with_offsets(gaz: Gazetteer) -> None:
    text = "昆山与碧江结对帮扶,张浦七桥村与坝黄高坝田村村村结对。"
    linked = link(gaz, text, ["昆山", "碧江", "张浦七桥村", "坝黄高坝田村"])
    parts = [
        (m.text, m.start, m.end, m.level, m.county_code) for m in linked if m.level in ("town", "village")
    ]
    start = text.index("张浦七桥村")
    other = text.index("坝黄高坝田村")
    assert parts == [
        ("张浦", start, start + 2, "town", "320583"),
        ("七桥村", start + 2, start + 5, "village", "320583"),
        ("坝黄", other, other + 2, "town", "520602"),
        ("高坝田村", other + 2, other + 6, "village", "520602"),
    ]
    assert by_text(linked, "七桥村").name == "七桥村"
    assert by_text(linked, "张浦").name == "张浦镇"


def test_village_alone_needs_a_named_county(gaz: Gazetteer) -> None:
    linked = link(gaz, "昆山市张浦镇的七桥村发展蓝莓。", ["昆山市张浦镇", "七桥村"])
    assert by_text(linked, "七桥村").county_code == "320583"
    alone = link(gaz, "七桥村发展蓝莓。", ["七桥村"])
    assert alone[0].county_code is None and alone[0].unresolved


def test_level_preference_county_over_town(gaz: Gazetteer) -> None:
    # 海沧 is 海沧区 and 海沧街道 (inside 海沧区): the bare name means the district
    linked = link(gaz, "厦门海沧对口帮扶积石山。", ["厦门", "海沧", "积石山"])
    assert by_text(linked, "海沧").code == "350205"
    assert by_text(linked, "海沧").level == "county"


def test_town_of_a_named_prefecture_beats_a_distant_county(gaz: Gazetteer) -> None:
    # 长安 is 长安区 of 西安 and of 石家庄 too, but this article is about 东莞
    linked = link(gaz, "东莞市的企业家来到长安考察。", ["东莞市", "长安"])
    changan = by_text(linked, "长安")
    assert (changan.name, changan.level, changan.county_code) == ("长安镇", "town", "441900")


def test_former_name(gaz: Gazetteer) -> None:
    linked = link(gaz, "襄樊市的企业", ["襄樊市"])
    assert linked[0].code == "420600" and linked[0].name == "襄阳市"


def test_common_word_short_without_support(gaz: Gazetteer) -> None:
    # 东方 is the short name of 东方市 (Hainan), and mostly just "the East"
    linked = link(gaz, "展现东方魅力", ["东方"])
    assert linked[0].code is None and "common word" in (linked[0].unresolved or "")
    # a town stem with no county of its own in the article is not guessed either
    linked = link(gaz, "位居江南水乡的县城", ["江南"])
    assert linked[0].code is None and linked[0].unresolved


def test_unknown_place_has_a_reason(gaz: Gazetteer) -> None:
    linked = link(gaz, "地处武陵山区", ["武陵山区"])
    assert linked[0].unresolved and linked[0].code is None


def test_self_reference_from_the_outlet(gaz: Gazetteer) -> None:
    linked = link(gaz, "我市与通渭县开展东西部协作。", ["我市", "通渭县"], source="福清新闻网")
    assert by_text(linked, "我市").code == "350181"
    linked = link(gaz, "我市与临夏州开展东西部协作。", ["我市", "临夏州"], source="厦门日报")
    assert by_text(linked, "我市").code == "350200"


def test_self_reference_from_the_leading_place(gaz: Gazetteer) -> None:
    text = "昆山市与碧江区结对。昆山市投入资金。我市企业到碧江区考察。"
    linked = link(gaz, text, ["昆山市", "碧江区", "昆山市", "我市", "碧江区"])
    assert by_text(linked, "我市").code == "320583"
    unclear = link(gaz, "我县积极推进帮扶工作。", ["我县"])
    assert unclear[0].code is None and unclear[0].unresolved


def test_org_canonical_name_home_and_subtype(gaz: Gazetteer) -> None:
    text = "厦门海投集团在积石山建厂。海投集团还捐资。海旅集团也来了。"
    linked = link(gaz, text, [("厦门海投集团", "ORG"), "积石山", ("海投集团", "ORG"), ("海旅集团", "ORG")])
    orgs = [m for m in linked if m.label == "ORG"]
    assert [m.name for m in orgs] == ["厦门海投集团", "厦门海投集团", "海旅集团"]
    assert [m.home_code for m in orgs] == ["350200", "350200", None]
    assert {m.subtype for m in orgs} == {"enterprise"}


def test_org_home_place(gaz: Gazetteer) -> None:
    text = "昆山鲜活果汁有限公司、天津科润黄瓜研究所和昆山市供销合作总社到碧江区。"
    linked = link(
        gaz,
        text,
        [
            ("昆山鲜活果汁有限公司", "ORG"),
            ("天津科润黄瓜研究所", "ORG"),
            ("昆山市供销合作总社", "ORG"),
            "碧江区",
        ],
    )
    orgs = {m.text: m for m in linked if m.label == "ORG"}
    assert orgs["昆山鲜活果汁有限公司"].home_code == "320583"
    assert orgs["昆山鲜活果汁有限公司"].subtype == "enterprise"
    assert orgs["天津科润黄瓜研究所"].home_code == "120000"
    assert orgs["昆山市供销合作总社"].home_code == "320583"
    assert orgs["昆山市供销合作总社"].subtype == "government"


def test_org_home_place_in_brackets(gaz: Gazetteer) -> None:
    text = "云账户(天津)共享经济信息咨询公司捐资。"
    linked = link(gaz, text, [("云账户(天津)共享经济信息咨询公司", "ORG")])
    assert linked[0].home_code == "120000" and linked[0].subtype == "enterprise"


def test_org_home_place_is_disambiguated_by_the_article(gaz: Gazetteer) -> None:
    text = "天津市和平区慈善协会与和平区慈善协会是一家。"
    linked = link(gaz, text, [("天津市和平区慈善协会", "ORG"), ("和平区慈善协会", "ORG")])
    assert [m.home_code for m in linked] == ["120101", "120101"]
    assert [m.name for m in linked] == ["天津市和平区慈善协会", "天津市和平区慈善协会"]
    assert {m.subtype for m in linked} == {"social"}


def test_orgs_of_different_places_stay_apart(gaz: Gazetteer) -> None:
    text = "福清市残联和通渭县残联座谈,残联干部参加。"
    art = article(text)
    mentions = [
        mention(art, "福清市残联", "ORG"),
        mention(art, "通渭县残联", "ORG"),
        mention(art, "残联", "ORG", 2),
    ]
    linked = link_mentions(art, mentions, gaz)
    assert [m.name for m in linked] == ["福清市残联", "通渭县残联", "残联"]
    assert [m.home_code for m in linked] == ["350181", "621121", None]


def test_org_subtype_from_context() -> None:
    text = "引进落地厚康农业、轩睿食用菌等企业6家"
    start = text.index("轩睿食用菌")
    assert org_subtype("轩睿食用菌", text, start + len("轩睿食用菌")) == "enterprise"
    assert org_subtype("福清市第一中学") == "school"
    assert org_subtype("临夏州人民医院") == "hospital"
    assert org_subtype("中天创客") == "other"


def test_money_and_dates(gaz: Gazetteer) -> None:
    text = "2020年4月,累计投入帮扶资金22173.35万元;10月17日再拨付1.2亿元。"
    art = article(text, date="2020-12-01")
    mentions = [
        mention(art, s, label)
        for s, label in [
            ("2020年4月", "DATE"),
            ("22173.35万元", "MONEY"),
            ("10月17日", "DATE"),
            ("1.2亿元", "MONEY"),
        ]
    ]
    linked = link_mentions(art, mentions, gaz)
    assert [(m.label, m.value, m.iso) for m in linked] == [
        ("DATE", None, "2020-04"),
        ("MONEY", 221733500, None),
        ("DATE", None, "2020-10-17"),
        ("MONEY", 120000000, None),
    ]


def test_link_is_pure(gaz: Gazetteer) -> None:
    art = article("天津市和平区")
    mentions = [mention(art, "天津市和平区")]
    before = [m.to_dict() for m in mentions]
    first = link_mentions(art, mentions, gaz)
    assert [m.to_dict() for m in mentions] == before
    assert [m.to_dict() for m in link_mentions(art, mentions, gaz)] == [m.to_dict() for m in first]


def test_separated_places_in_one_mention(gaz: Gazetteer) -> None:
    linked = link(gaz, "昆山·碧江东西部扶贫协作", ["昆山·碧江"])
    assert [(m.text, m.start, m.end, m.code) for m in linked] == [
        ("昆山", 0, 2, "320583"),
        ("碧江", 3, 5, "520602"),
    ]


def test_side_by_side_places_nest(gaz: Gazetteer) -> None:
    # NER found 东莞市 and 长安镇 as two mentions; 长安镇 is also a town of 昭通市's 镇雄县
    linked = link(gaz, "东莞市长安镇企业到昭通考察。", ["东莞市", "长安镇", "昭通"])
    changan = by_text(linked, "长安镇")
    assert (changan.level, changan.county_code) == ("town", "441900")


def test_generic_word_after_a_name(gaz: Gazetteer) -> None:
    linked = link(gaz, "在通渭县城和临夏州境内", ["通渭县城", "临夏州境内"])
    assert [(m.text, m.start, m.end, m.code) for m in linked] == [
        ("通渭县", 1, 4, "621121"),
        ("临夏州", 6, 9, "622900"),
    ]


def test_towns_that_share_only_one_county_imply_it(gaz: Gazetteer) -> None:
    linked = link(gaz, "塘厦镇和凤岗镇的企业家到玉屏考察。", ["塘厦镇", "凤岗镇", "玉屏"])
    assert [(m.text, m.county_code or m.code) for m in linked] == [
        ("塘厦镇", "441900"),
        ("凤岗镇", "441900"),
        ("玉屏", "520622"),
    ]
    # names common to many counties imply none
    linked = link(gaz, "城关镇和新华镇的干部", ["城关镇", "新华镇"])
    assert all(m.county_code is None and m.unresolved for m in linked)


def test_short_name_inside_an_ordinary_word(gaz: Gazetteer) -> None:
    # 千山 is the short name of 千山区 (鞍山), but here part of the idiom 千山万水
    linked = link(gaz, "两地跨越千山万水携起手来。", ["千山"])
    assert linked[0].code is None and "千山万水" in (linked[0].unresolved or "")
    # a longer place name around it is no obstacle
    assert link(gaz, "福清市投入资金帮扶通渭。", ["福清", "通渭"])[0].code == "350181"


def test_lone_short_name_with_nothing_around_it(gaz: Gazetteer) -> None:
    # 大兴 (北京市大兴区) once, by its short name, nothing of 北京 and no place in the sentence
    text = "福建省平潭县召开会议。近年来,实验区还大兴旅游产业。"
    linked = link(gaz, text, ["福建省平潭县", "大兴"])
    assert by_text(linked, "大兴").code is None and by_text(linked, "大兴").unresolved
    # with another place in its sentence a short name stands
    linked = link(gaz, "福清与积石山开展协作。", ["福清", "积石山"])
    assert [m.code for m in linked] == ["350181", "622927"]


def test_towns_and_villages_of_named_counties_are_discovered(gaz: Gazetteer) -> None:
    text = "昆山市和碧江区结对。张浦七桥村与坝黄高坝田村村村结对,瓦屋乡也来了。"
    linked = link(gaz, text, ["昆山市", "碧江区"])
    found = [(m.text, m.level, m.county_code, m.source) for m in linked if m.level in ("town", "village")]
    assert found == [
        ("张浦", "town", "320583", "gazetteer"),
        ("七桥村", "village", "320583", "gazetteer"),
        ("坝黄", "town", "520602", "gazetteer"),
        ("高坝田村", "village", "520602", "gazetteer"),
        ("瓦屋乡", "town", "520602", "gazetteer"),
    ]
    assert by_text(linked, "瓦屋乡").name == "瓦屋侗族乡"
    # nothing is discovered when asked not to, nor outside the named counties
    art = article(text)
    assert len(link_mentions(art, [mention(art, "昆山市")], gaz, discover=False)) == 1
    assert [m.text for m in link(gaz, "张浦七桥村与坝黄高坝田村村村结对", [])] == []


def test_name_cut_out_of_a_known_place(gaz: Gazetteer) -> None:
    # 江城区 (阳江) inside 碧江城区: 碧江 is the article's place
    text = "碧江区脱贫摘帽。记者从碧江城区来到了乡里。"
    linked = link(gaz, text, ["碧江区", "江城区"])
    assert by_text(linked, "江城区").code is None
    assert "碧江" in (by_text(linked, "江城区").unresolved or "")
    # a district that the article's other places support is no such cut: 天津市和平区
    assert link(gaz, "天津市和平区", ["天津市和平区"])[1].code == "120101"


def test_mention_that_runs_past_the_name(gaz: Gazetteer) -> None:
    text = "昆山张浦镇考察团到碧江区考察。"
    linked = link(gaz, text, ["昆山张浦镇考察团", "碧江区"])
    assert [(m.text, m.start, m.end, m.level) for m in linked] == [
        ("昆山", 0, 2, "county"),
        ("张浦镇", 2, 5, "town"),
        ("碧江区", 9, 12, "county"),
    ]
    # a short name alone does not license cutting: 昆山鲜活果汁 is no place
    assert link(gaz, "昆山鲜活果汁", ["昆山鲜活果汁"])[0].unresolved


def test_discovered_village_replaces_a_cut_mention(gaz: Gazetteer) -> None:
    text = "碧江区坝黄镇的村民。企业与高坝田村结对。"
    linked = link(gaz, text, ["碧江区坝黄镇", "坝田村"])
    villages = [(m.text, m.start, m.county_code, m.unresolved) for m in linked if m.start > 10]
    assert villages == [("高坝田村", 13, "520602", None)]


def test_prefix_inside_the_mention_picks_the_other_namesake(gaz: Gazetteer) -> None:
    linked = link(gaz, "沈阳市和平区的企业家到通渭县考察。", ["沈阳市和平区", "通渭县"])
    assert [(m.text, m.code) for m in linked[:2]] == [("沈阳市", "210100"), ("和平区", "210102")]


def test_self_references_found_by_the_linker(gaz: Gazetteer) -> None:
    # no mention is given for 我市: the linker finds it, and the district written after it
    # (思明, found here too) says which city it is; the other 我市 is the same city
    text = "我市召开协作会议。我市思明、湖里两区结对帮扶临夏州。"
    linked = link(gaz, text, ["湖里", "临夏州"])
    ours = [m for m in linked if m.text == "我市"]
    assert [(m.code, m.source) for m in ours] == [("350200", "pattern"), ("350200", "pattern")]
    assert by_text(linked, "思明").code == "350203"
    # a frequent word across the end is no self-reference: 全市场 is "the whole market"
    assert all(m.text != "全市" for m in link(gaz, "全市场流通的商品。", []))


def test_whole_county_is_the_county_just_spoken_of(gaz: Gazetteer) -> None:
    text = "福清市企业到通渭县考察。通渭县是深度贫困县,全县有贫困村百余个。"
    linked = link(gaz, text, ["福清市", "通渭县", "通渭县"], source="福清新闻网")
    assert by_text(linked, "全县").code == "621121"  # not the outlet's 福清市
    linked = link(gaz, "我县积极推进帮扶工作。", ["我县"])
    assert linked[0].code is None and linked[0].unresolved


def test_towns_written_against_their_county(gaz: Gazetteer) -> None:
    # town stems mean nothing alone, but 翔安马巷 is 马巷镇 of 翔安区 (a county of the named 厦门市),
    # and 新圩 listed after it is another town of the same county
    text = "厦门市组织翔安马巷、新圩等镇与积石山县结对。"
    linked = link(gaz, text, ["厦门市", "积石山县"])
    found = [(m.text, m.level, m.code or m.county_code) for m in linked if m.source == "gazetteer"]
    assert found == [("翔安", "county", "350213"), ("马巷", "town", "350213"), ("新圩", "town", "350213")]
    assert by_text(linked, "马巷").name == "马巷镇"
    # without a named county or prefecture nothing is guessed
    assert [m.text for m in link(gaz, "组织翔安马巷、新圩等镇结对。", [])] == []


def test_short_name_inside_a_local_village_name(gaz: Gazetteer) -> None:
    # 东阳 (东阳市, 浙江) inside 东阳澄湖村, a village of 昆山市巴城镇 named by the article
    text = "昆山市巴城镇的东阳澄湖村发展大闸蟹养殖。"
    linked = link(gaz, text, ["昆山市巴城镇", "东阳"])
    village = by_text(linked, "东阳澄湖村")
    assert (village.level, village.county_code) == ("village", "320583")
    assert all(m.code != "330783" for m in linked)


def test_two_lone_names_side_by_side_are_a_phrase(gaz: Gazetteer) -> None:
    # 兴县 (山西) and 富民 (富民县, 云南) written together are the phrase "prosper the county, enrich
    # the people", even in a sentence that names a real place elsewhere
    text = "通渭县把马铃薯产业当作兴县富民的支柱来抓,全县种植面积逐年扩大。"
    linked = link(gaz, text, ["通渭县", "兴县", "富民"])
    assert by_text(linked, "兴县").code is None and by_text(linked, "富民").code is None
    assert by_text(linked, "全县").code == "621121"


def test_villages_written_against_their_town(gaz: Gazetteer) -> None:
    # 白果 and 金龙 are villages' stems: after their own town, in a list closed by 两村, they are
    # 白果村 and 金龙村 of 坝黄镇
    text = "碧江区坝黄镇白果、金龙两村发展蓝莓种植。"
    linked = link(gaz, text, ["碧江区坝黄镇"])
    villages = [(m.text, m.name, m.county_code) for m in linked if m.level == "village"]
    assert villages == [("白果", "白果村", "520602"), ("金龙", "金龙村", "520602")]
    # a stem that is an ordinary frequent word (白果, ginkgo) needs that closing count
    linked = link(gaz, "碧江区坝黄镇白果飘香。", ["碧江区坝黄镇"])
    assert [m.text for m in linked if m.level == "village"] == []


def test_mention_that_starts_before_the_name(gaz: Gazetteer) -> None:
    text = "项目位于我国西南部贵州省黔东南州雷山县境内。"
    linked = link(gaz, text, ["我国西南部贵州省黔东南州雷山县"])
    assert [(m.text, m.code) for m in linked] == [
        ("贵州省", "520000"),
        ("黔东南州", "522600"),
        ("雷山县", "522634"),
    ]
    assert linked[0].start == text.index("贵州省")
    # names standing apart inside a mention: a prefecture's short name beside a full name
    linked = link(gaz, "杭州企业黔东南州结对帮扶。", ["杭州企业黔东南州"])
    assert [(m.text, m.code) for m in linked] == [("杭州", "330100"), ("黔东南州", "522600")]
    # but no name is cut out of an ordinary word (浙南|山区 holds no 南山区)
    linked = link(gaz, "地处浙南山区。", ["浙南山区"])
    assert [(m.text, m.code) for m in linked] == [("浙南山区", None)]


def test_province_pairs_of_a_programme(gaz: Gazetteer) -> None:
    text = "在闽宁协作框架下,两地开展沪滇扶贫协作经验交流。辽宁合作社也来了。"
    linked = link(gaz, text, [])
    assert [(m.text, m.code, m.source) for m in linked] == [
        ("闽", "350000", "pattern"),
        ("宁", "640000", "pattern"),
        ("沪", "310000", "pattern"),
        ("滇", "530000", "pattern"),
    ]  # 辽宁 is one province's name, not 辽 and 宁


def test_special_administrative_region_short_form(gaz: Gazetteer) -> None:
    linked = link(gaz, "澳门特区政府捐资帮扶从江县。", ["澳门特区", "从江县"])
    assert by_text(linked, "澳门特区").code == "820000"


def test_former_district_names(gaz: Gazetteer) -> None:
    linked = link(gaz, "上海市闸北区与云南省开展对口帮扶。", ["上海市闸北区", "云南省"])
    assert [(m.text, m.code, m.name) for m in linked[:2]] == [
        ("上海市", "310000", "上海市"),
        ("闸北区", "310106", "静安区"),
    ]
    # the stem of a former district is a common word (江东), linked only with support around it
    assert link(gaz, "江东子弟多才俊。", ["江东"])[0].code is None


def test_org_home_needs_support_for_a_short_name(gaz: Gazetteer) -> None:
    # 金沙 is 金沙县's short name (毕节): a home only where the article has something of 毕节 or 贵州
    far = link(gaz, "福清市企业家参观了金沙酒业公司。", ["福清市", ("金沙酒业公司", "ORG")])
    assert by_text(far, "金沙酒业公司").home_code is None
    near = link(gaz, "毕节市企业家参观了金沙酒业公司。", ["毕节市", ("金沙酒业公司", "ORG")])
    assert by_text(near, "金沙酒业公司").home_code == "520523"


def test_org_home_in_a_village_of_the_article(gaz: Gazetteer) -> None:
    text = "碧江区坝黄镇引进企业。高坝田村蓝莓合作社负责管护。"
    linked = link(gaz, text, ["碧江区坝黄镇", ("高坝田村蓝莓合作社", "ORG")])
    assert by_text(linked, "高坝田村蓝莓合作社").home_code == "520602"


def test_village_stems_in_a_list_closed_by_a_count(gaz: Gazetteer) -> None:
    text = "碧江区为竹田、木弄、泥哨等村修建了路灯,还为两个村修了路。"
    linked = link(gaz, text, ["碧江区"])
    villages = [(m.text, m.name, m.county_code) for m in linked if m.level == "village"]
    assert villages == [
        ("竹田", "竹田村", "520602"),
        ("木弄", "木弄村", "520602"),
        ("泥哨", "泥哨村", "520602"),
    ]
    # a single stem before 等村 is no list
    assert [
        m.text for m in link(gaz, "碧江区为竹田等村修建了路灯。", ["碧江区"]) if m.level == "village"
    ] == []


def test_person_inside_a_village_name_gives_way(gaz: Gazetteer) -> None:
    text = "碧江区干部来到高坝田村走访。"
    linked = link(gaz, text, ["碧江区", ("高坝", "PERSON")])
    assert [(m.label, m.text) for m in linked] == [("PLACE", "碧江区"), ("PLACE", "高坝田村")]


def test_county_short_name_shared_by_towns_waits_for_the_article(gaz: Gazetteer) -> None:
    # 石龙 is the short name of 石龙区 (平顶山) and of a dozen towns: this article is about 东莞, so
    # it is 石龙镇, although 石龙 comes before 东莞 in the text
    text = "石龙与沿河自治县结对以来成效明显。东莞市还派出了干部。"
    linked = link(gaz, text, ["石龙", "沿河自治县", "东莞市"])
    shilong = by_text(linked, "石龙")
    assert (shilong.name, shilong.level, shilong.county_code) == ("石龙镇", "town", "441900")
    assert by_text(linked, "沿河自治县").code == "520627"


def test_project_home_place(gaz: Gazetteer) -> None:
    text = "碧江区坝黄镇“蓝莓产业示范园”建成。坝黄镇蓝莓产业示范园带动农户增收。"
    linked = link(
        gaz, text, ["碧江区坝黄镇", ("“蓝莓产业示范园”", "PROJECT"), ("坝黄镇蓝莓产业示范园", "PROJECT")]
    )
    projects = [(m.name, m.home_code) for m in linked if m.label == "PROJECT"]
    assert projects == [("蓝莓产业示范园", None), ("坝黄镇蓝莓产业示范园", "520602")]


def test_the_said_village_is_the_one_just_named(gaz: Gazetteer) -> None:
    # 高坝田村 is found by discovery (no mention given), 该村 and 全镇 refer back to it and its town;
    # 该村 is read last, as a mention of the village itself (kg.link.anaphors)
    text = "昆山企业家来到碧江区坝黄镇高坝田村。企业为该村修建了冷库,全镇蓝莓销路更广。"
    linked = link(gaz, text, ["昆山", "碧江区坝黄镇"])
    said = by_text(linked, "该村")
    assert (said.name, said.level, said.county_code, said.source) == (
        "高坝田村",
        "village",
        "520602",
        "anaphor",
    )
    assert by_text(linked, "全镇").name == "坝黄镇"


def test_village_written_with_another_suffix_than_its_official_one(gaz: Gazetteer) -> None:
    # 坝黄社区 of 坝黄镇, written 坝黄村 after its town: the village, with the written suffix in the span
    text = "碧江区坝黄镇坝黄村的蓝莓熟了。"
    linked = link(gaz, text, ["碧江区坝黄镇"])
    village = [m for m in linked if m.level == "village"][0]
    assert (village.text, village.name, village.county_code) == ("坝黄村", "坝黄社区", "520602")


def test_org_of_a_two_character_county_and_one_character(gaz: Gazetteer) -> None:
    linked = link(gaz, "文县委召开会议,部署甘肃文县的帮扶工作。", [("文县委", "ORG"), "甘肃", "文县"])
    assert by_text(linked, "文县委").home_code == "621222"


def test_town_stems_in_a_list_closed_by_a_count(gaz: Gazetteer) -> None:
    # 和平 is also 和平区 (天津, 沈阳): in a list of 碧江区's towns closed by 等3个乡镇 it is 和平乡
    text = "碧江区的蓝莓种植已拓展到漾头、和平、滑石等3个乡镇。"
    linked = link(gaz, text, ["碧江区", "和平"])
    towns = [(m.text, m.name, m.county_code) for m in linked if m.level == "town"]
    assert towns == [
        ("漾头", "漾头镇", "520602"),
        ("和平", "和平土家族侗族乡", "520602"),
        ("滑石", "滑石侗族苗族土家族乡", "520602"),
    ]


def test_short_name_that_runs_into_a_local_suffix(gaz: Gazetteer) -> None:
    # 双桥 is a town's short name elsewhere; written 双桥村 right after 蒲村镇 it is that town's
    # village, and 温江 (温江区, 成都) heads a township's name here
    text = "岐山县蒲村镇双桥村修了路,凤县温江寺乡也修了路。"
    linked = link(gaz, text, ["岐山县蒲村镇", "双桥", "凤县", "温江"])
    village = [m for m in linked if m.level == "village"]
    assert [(m.text, m.name, m.county_code) for m in village] == [("双桥村", "双桥村", "610323")]
    assert by_text(linked, "温江").code is None and "温江寺乡" in (by_text(linked, "温江").unresolved or "")
    # a name after it is no such run: 福清 stays before 江阴镇
    assert link(gaz, "福清江阴镇的企业", ["福清", "江阴镇"])[0].code == "350181"


def test_a_short_name_runs_into_a_suffix_that_only_a_short_form_follows(gaz: Gazetteer) -> None:
    # 坝镇 is only the short form of another town (坝镇镇): 龙凤|坝镇 heads a town's name, no 龙凤区
    linked = link(
        gaz,
        "庆云县与秀山县结对。庆云县向龙凤坝镇捐赠资金,龙凤坝镇建起了车间。",
        ["庆云县", "秀山县", "庆云县", "龙凤", "龙凤"],
    )
    assert all(m.code is None for m in linked if m.text == "龙凤")
    assert all("龙凤坝镇" in (m.unresolved or "") for m in linked if m.text == "龙凤")


def test_village_of_the_county_written_right_before_it(gaz: Gazetteer) -> None:
    # 福清市 and 通渭县 both have a 周店村: the county written before it decides
    text = "福清市与通渭县结对,福清企业到通渭县周店村建厂。"
    linked = link(gaz, text, ["福清市", "通渭县", "福清", "通渭县"])
    village = by_text(linked, "周店村")
    assert (village.level, village.county_code) == ("village", "621121")


def test_common_word_short_name_inside_a_chain_of_places(gaz: Gazetteer) -> None:
    # 百色 is a common word for jieba; between 广西 and 靖西市 it is the prefecture all the same
    linked = link(gaz, "深圳市龙岗区与广西百色靖西市携手。", ["深圳市龙岗区", "广西百色靖西市"])
    assert [m.code for m in linked] == ["440300", "440307", "450000", "451000", "451081"]


def test_our_province_is_the_one_of_the_outlet(gaz: Gazetteer) -> None:
    linked = link(gaz, "我省与宁夏开展协作二十多年。", ["我省", "宁夏"], source="福清新闻网")
    assert by_text(linked, "我省").code == "350000"  # 福清市 lies in 福建省


def test_functional_areas_link_to_their_host(gaz: Gazetteer) -> None:
    # a new area is no division: it stands for the district that administers it, surface kept
    linked = link(gaz, "青岛西海岸新区与宕昌县开展东西部协作。", ["青岛西海岸新区", "宕昌县"])
    area = by_text(linked, "青岛西海岸新区")
    assert (area.code, area.name, area.level) == ("370211", "黄岛区", "county")
    # a short name of a development zone, and one spanning several counties (their prefecture)
    linked = link(
        gaz, "天津经开区与会宁县结对，西咸新区与商洛市协作。", ["天津经开区", "会宁县", "西咸新区", "商洛市"]
    )
    zone = by_text(linked, "天津经开区")  # the gazetteer lists it as a town of its host 滨海新区
    assert (zone.name, zone.level, zone.county_code) == ("天津经济技术开发区", "town", "120116")
    assert (by_text(linked, "西咸新区").code, by_text(linked, "西咸新区").level) == ("610100", "prefecture")


def test_a_zone_named_like_a_district_elsewhere_is_told_by_the_places_around(gaz: Gazetteer) -> None:
    # 珠海's 万山区 is a functional zone of 香洲区's towns; 铜仁's 万山区 is a district
    linked = link(gaz, "珠海市香洲区与万山区积极对接泸水市。", ["珠海市", "香洲区", "万山区", "泸水市"])
    assert by_text(linked, "万山区").code == "440402"
    linked = link(gaz, "苏州市对口帮扶铜仁市，万山区获得资金。", ["苏州市", "铜仁市", "万山区"])
    assert by_text(linked, "万山区").code == "520603"
    linked = link(gaz, "吴江区结对帮扶万山区。", ["吴江区", "万山区"])  # the district's own name first
    assert by_text(linked, "万山区").code == "520603"


def test_zone_committee_stays_an_org_at_home_in_the_host(gaz: Gazetteer) -> None:
    text = "天津经开区管委会组织企业赴会宁县考察。"
    linked = link(gaz, text, [("天津经开区管委会", "ORG"), "会宁县"])
    committee = by_text(linked, "天津经开区管委会")
    assert committee.label == "ORG"
    assert committee.home_code == "120116"


def test_self_reference_from_the_dateline(gaz: Gazetteer) -> None:
    # 本报福清讯: the paper files from 福清, so 我市 is 福清市; 福清 itself is no party of the story
    text = "本报福清讯 近日，我市与通渭县签订协作协议。"
    linked = link(gaz, text, ["福清", "我市", "通渭县"])
    assert by_text(linked, "我市").code == "350181"
    assert by_text(linked, "福清").code is None


def test_self_reference_from_the_dominant_province(gaz: Gazetteer) -> None:
    # no outlet, no dateline: the places of the pairing sentences lie in 甘肃 (4) far more than
    # in 福建 (2), so 我省 is 甘肃省
    text = "福州市对口帮扶定西市安定区，厦门市对口帮扶临夏州东乡县。我省将继续推进协作。"
    surfaces = ["福州市", "定西市", "安定区", "厦门市", "临夏州", "东乡县", "我省"]
    assert by_text(link(gaz, text, surfaces), "我省").code == "620000"


def test_self_reference_left_unresolved_when_no_province_dominates(gaz: Gazetteer) -> None:
    text = "福州市对口帮扶定西市，厦门市对口帮扶临夏州。我省将继续推进协作。"
    mine = by_text(link(gaz, text, ["福州市", "定西市", "厦门市", "临夏州", "我省"]), "我省")
    assert mine.code is None
    assert mine.unresolved and "unclear" in mine.unresolved


def test_page_chrome_does_not_make_a_province_dominant(gaz: Gazetteer) -> None:
    # an address and a menu are no side of the pairing: only sentences with a pairing cue count
    text = "地址：江苏省南京市鼓楼区。新增上海、苏州对口帮扶我省。"
    surfaces = ["江苏省", "南京市", "鼓楼区", "上海", "苏州", "我省"]
    assert by_text(link(gaz, text, surfaces), "我省").code is None


def test_zone_named_by_its_county_is_that_county(gaz: Gazetteer) -> None:
    # 昆山高新区 is in no table: the zone word after a county's name makes it that county; an ORG
    # mention that is nothing but the zone's name becomes the place, surface and offsets kept
    text = "昆山高新区与碧江区签署共建协议。"
    linked = link(gaz, text, [("昆山高新区", "ORG"), "碧江区"])
    zone = by_text(linked, "昆山高新区")
    assert (zone.label, zone.code, zone.start, zone.end) == ("PLACE", "320583", 0, 5)
    # the same for a PLACE mention
    linked = link(gaz, "都匀经济开发区与黄埔区结对。", ["都匀经济开发区", "黄埔区"])
    assert by_text(linked, "都匀经济开发区").code == "522701"


def test_zone_committee_named_by_a_county_stays_an_org(gaz: Gazetteer) -> None:
    text = "昆山市与碧江区结对，昆山高新区管委会组织企业赴碧江区考察。"
    linked = link(gaz, text, ["昆山市", "碧江区", ("昆山高新区管委会", "ORG"), "碧江区"])
    committee = by_text(linked, "昆山高新区管委会")
    assert (committee.label, committee.home_code) == ("ORG", "320583")


def test_self_reference_from_an_autonomous_prefecture_outlet(gaz: Gazetteer) -> None:
    # 文山日报: 文山 is both the prefecture and its seat 文山市; 我州 can only be the prefecture
    linked = link(gaz, "我州与宝山区深化沪滇协作。", ["我州", "宝山区"], source="文山日报")
    assert by_text(linked, "我州").code == "532600"
    # 我县 finds no county in a prefecture's outlet: left unresolved, with the reason
    linked = link(gaz, "我县与宝山区深化沪滇协作。", ["我县", "宝山区"], source="文山日报")
    assert by_text(linked, "我县").code is None
    assert by_text(linked, "我县").unresolved


def test_a_count_after_a_list_says_the_kind_of_its_names(gaz: Gazetteer) -> None:
    # 甘孜 alone is the prefecture's short name; "3县" after the list makes it 甘孜县
    linked = link(gaz, "四川德格、石渠和甘孜3县发展产业。", ["四川", "德格", "石渠", "甘孜"])
    assert [by_text(linked, name).name for name in ("德格", "石渠", "甘孜")] == ["德格县", "石渠县", "甘孜县"]
    linked = link(gaz, "甘孜、阿坝两州发展产业。", ["甘孜", "阿坝"])
    assert by_text(linked, "甘孜").name == "甘孜藏族自治州"
    # 市 counts cities and prefectures alike: 恩施 stays the prefecture
    linked = link(gaz, "杭州和恩施两市结对协作。", ["杭州", "恩施"])
    assert by_text(linked, "恩施").name == "恩施土家族苗族自治州"
    linked = link(gaz, "深圳市对口支援甘孜。", ["深圳市", "甘孜"])  # no count: the prefecture
    assert by_text(linked, "甘孜").name == "甘孜藏族自治州"
    # a count after one name is that place's divisions, no list: 和田 stays the prefecture
    linked = link(gaz, "和田八个县,确定北京对口帮扶四个县。", ["和田", "北京"])
    assert by_text(linked, "和田").name == "和田地区"


def test_a_village_the_gazetteer_does_not_hold_after_its_town_is_an_unresolved_village(
    gaz: Gazetteer,
) -> None:
    """扶沟县大新镇青禾岭村、石桥湾村: villages no table holds, written right after their town, are
    PLACE mentions left unresolved (the relate stage reads them as villages by their 村); a kind of
    village (新农村, 贫困村, 乡村) or a verb before it (推进新农村) is none."""
    text = "扶沟县大新镇青禾岭村、石桥湾村获得捐赠。扶沟县大新镇推进新农村建设,大新镇贫困村脱贫。"
    linked = link(gaz, text, ["扶沟县", "扶沟县"])
    villages = [(m.text, m.name, m.code) for m in linked if m.unresolved and m.text.endswith("村")]
    assert villages == [("青禾岭村", "青禾岭村", None), ("石桥湾村", "石桥湾村", None)]
    assert by_text(linked, "大新镇").level == "town"
