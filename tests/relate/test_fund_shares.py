"""Funds whose parties a list or a verb settles: sums 分别 shares out one to one, the value of goods
given (价值共计N, 共计N after a list of goods), and an organisation that is the object of a verb of
giving, not its giver. Sentences written for these tests, through the real pipeline (nlp → link →
relate)."""

from __future__ import annotations

from collections.abc import Callable

from relate_fixtures import JSS, read_funds

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]
PAIRED = "海沧区对口帮扶积石山县。"


def test_respective_sums_pair_off_with_the_givers_and_the_places_listed(read_text: Read) -> None:
    text = PAIRED + "海沧区新阳街道、东孚镇分别向吹麻滩镇、居集镇捐助了15万元、30万元帮扶资金。"
    assert read_funds(read_text, text) == [
        ("新阳街道", "吹麻滩镇", 150_000),
        ("东孚镇", "居集镇", 300_000),
    ]


def test_respective_sums_pair_off_with_the_places_of_one_giver(read_text: Read) -> None:
    text = PAIRED + "海沧区分别向吹麻滩镇、居集镇捐赠帮扶资金20万元和30万元。"
    assert read_funds(read_text, text) == [("海沧区", "吹麻滩镇", 200_000), ("海沧区", "居集镇", 300_000)]
    text = PAIRED + "吹麻滩镇、居集镇分别获得海沧区帮扶资金20万元、30万元。"
    assert [(r, a) for _, r, a in read_funds(read_text, text)] == [("吹麻滩镇", 200_000), ("居集镇", 300_000)]


def test_one_sum_for_each_of_a_list_is_not_paired_off(read_text: Read) -> None:
    # one sum said of each place: every place gets it (as before)
    text = PAIRED + "海沧区向吹麻滩镇、居集镇分别捐赠帮扶资金20万元。"
    assert read_funds(read_text, text) == [("海沧区", "吹麻滩镇", 200_000), ("海沧区", "居集镇", 200_000)]
    # two sums in two clauses: each clause's place gets its own, no pairing off across clauses
    text = PAIRED + "海沧区分别向吹麻滩镇捐赠20万元,向居集镇捐赠30万元。"
    assert read_funds(read_text, text) == [("海沧区", "吹麻滩镇", 200_000), ("海沧区", "居集镇", 300_000)]


def test_the_value_of_goods_given_is_a_fund_whatever_links_it(read_text: Read) -> None:
    for text in (
        PAIRED + "甲乙公司向积石山县中学捐赠校服600套,价值共6万元。",
        PAIRED + "甲乙公司向积石山县中学捐赠校服600套,价值共计6万元。",
        PAIRED + "甲乙公司向积石山县中学捐赠校服600套,总价值约6万元。",
        PAIRED + "甲乙公司向积石山县中学捐赠一批校服和书包,共计6万元。",
    ):
        assert read_funds(read_text, text) == [("甲乙公司", JSS, 60_000)], text


def test_a_value_sold_or_a_total_of_sums_is_no_gift_of_goods(read_text: Read) -> None:
    assert read_funds(read_text, PAIRED + "甲乙公司帮助积石山县农户销售花椒,价值共计300万元。") == []
    assert read_funds(read_text, PAIRED + "甲乙公司帮积石山县卖出花椒200吨,共计38万元。") == []
    # a total of the sums before it stays the one row of their total
    text = PAIRED + "甲乙公司向积石山县捐赠10万元、丙丁公司捐赠5万元,共计15万元。"
    assert [a for _, _, a in read_funds(read_text, text)] == [100_000, 50_000, 150_000]


def test_an_organisation_after_the_verb_of_giving_is_its_object_not_its_giver(read_text: Read) -> None:
    text = (
        PAIRED + "从2013年厦门市第一医院帮扶积石山县人民医院以来,"
        "无偿捐赠积石山县人民医院呼吸机等医疗设备,价值共计200多万元。"
    )
    assert read_funds(read_text, text) == [("厦门市第一医院", JSS, 2_000_000)]
    # each giver of a list of gifts still gives its own sum
    text = PAIRED + "海沧区工商联发动甲乙商会捐赠10万元、丙丁商会捐赠5万元。"
    assert [d for d, _, _ in read_funds(read_text, text)] == ["甲乙商会", "丙丁商会"]


def test_the_goal_of_the_visit_receives_a_sum_given_clauses_later(read_text: Read) -> None:
    text = (
        "海沧区甲乙酒店、丙丁集团负责人来到积石山县吹麻滩镇开展帮扶活动,与镇领导班子座谈交流,"
        "实地走访了当地的花椒产业和牛羊养殖合作社,并捐赠善款10万元。"
    )
    assert [(r, a) for _, r, a in read_funds(read_text, text)] == [("吹麻滩镇", 100_000)]


def test_a_place_inside_the_gift_is_not_its_giver(read_text: Read) -> None:
    text = "甲乙侨联向临夏州和定西市捐赠包括积石山县助学、渭源县路灯在内总价值80万元的款物。"
    assert {d for d, _, _ in read_funds(read_text, text)} == {"甲乙侨联"}


def test_a_site_visited_on_the_way_does_not_receive_the_sum(read_text: Read) -> None:
    text = (
        "7月3日,海沧区工商联率团赴临夏州开展扶贫考察,先后参观考察了海沧援建的临夏州甲乙小学、"
        "积石山县大河家安置区,并捐赠175万元资金,与临夏州贫困村结对帮扶。"
    )
    assert read_funds(read_text, text) == [("海沧区工商联", "临夏回族自治州", 1_750_000)]


def test_a_word_that_points_back_after_a_marker_names_the_goal(read_text: Read) -> None:
    text = (
        "甲乙科技结对帮扶积石山县吹麻滩镇。"
        "近日,甲乙科技赴临夏州积石山县开展结对帮扶工作,并与该县吹麻滩镇人民政府签署帮扶捐赠协议,"
        "向其困难群众和相关特殊群体捐赠5万元人民币,以实际行动助力乡村振兴。"
    )
    assert [(r, a) for _, r, a in read_funds(read_text, text)] == [("吹麻滩镇", 50_000)]


def test_an_organisation_after_a_noun_of_giving_still_gives(read_text: Read) -> None:
    # 捐资 names the activity here; the 商会 that supports it is the giver, not an object
    text = (
        "此次捐资助学活动得到了苏州市甲乙商会的大力支持,"
        "共向铜仁第一中学等三所学校的35名学生捐赠助学金44.7万元。"
    )
    assert read_funds(read_text, text) == [("苏州市甲乙商会", "铜仁市", 447_000)]


def test_a_sum_after_a_verb_of_support_or_pledge_is_a_fund(read_text: Read) -> None:
    text = "甘肃省积石山县政府办副主任介绍,海沧区今年支援积石山县1660万元,共有9个建设项目。"
    assert read_funds(read_text, text) == [("海沧区", JSS, 16_600_000)]
    text = PAIRED + "厦门甲乙商会会长认捐积石山县吹麻滩镇43万元村委会设施改造工程。"
    assert read_funds(read_text, text) == [("厦门甲乙商会", "吹麻滩镇", 430_000)]


def test_support_that_is_no_money_given_is_no_fund(read_text: Read) -> None:
    assert read_funds(read_text, PAIRED + "海沧区支援积石山县建设的加工厂项目总投资5000万元。") == []
    assert read_funds(read_text, PAIRED + "海沧区支援积石山县医生20名,带动农户增收300万元。") == []


def test_a_province_short_name_before_an_adverb_is_the_giver_not_a_brand(read_text: Read) -> None:
    text = "江西省对口援建小金县。三年来,江西共投入援建资金13亿余元,确定对口援建项目48个。"
    assert read_funds(read_text, text) == [("江西省", "小金县", 1_300_000_000)]


def test_a_sum_each_gives_to_its_own_unnamed_receiver_is_a_rate(read_text: Read) -> None:
    """分别向所帮扶的村捐赠N: each giver's sum for its own partner, not a fund of one place; the
    total stated with it is the fund, from no one giver where several share it."""
    text = "东莞市对口帮扶玉屏县。常平镇的20家企业与玉屏县20个村结对,分别为所结对的村捐赠3万元。"
    assert read_funds(read_text, text) == []
    text = (
        "东莞市对口帮扶玉屏县。来自常平镇、谢岗镇的20家企业与玉屏县20个村签订结对协议,"
        "并分别向所帮扶的村捐赠帮扶资金5万元,共计100万元。"
    )
    assert read_funds(read_text, text) == [(None, "玉屏侗族自治县", 1_000_000)]
    text = "海沧区对口帮扶积石山县。海沧区20家企业与积石山县20个村结对,各向各自结对的村捐资2万元,共计40万元。"
    assert read_funds(read_text, text) == [("海沧区", JSS, 400_000)]
