"""Funds read past the nearest place: sums shared by 分别/各, help teams, aid goals (进藏, 援疆),
nominal sums (资金总计), rising levels, rates, rough sums restated exactly, a province from the
context narrowed to the place the pairings help, a sum for a project going where it stands.
Sentences written for these tests, through the real pipeline (nlp → link → relate)."""

from __future__ import annotations

from collections.abc import Callable

from relate_fixtures import JSS, read_funds

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_each_recipient_of_a_list_gets_the_sum_said_for_each(read_text: Read) -> None:
    text = "福清市对口帮扶通渭县。福清市甲乙商会与华家岭镇高尧村、世歌尧村签订结对帮扶协议,分别捐赠3万元。"
    assert read_funds(read_text, text) == [
        ("福清市甲乙商会", "高尧村", 30_000),
        ("福清市甲乙商会", "世歌尧村", 30_000),
    ]


def test_each_giver_of_a_list_gives_the_sum_said_for_each(read_text: Read) -> None:
    text = "积石山县获得东西部协作帮扶。甲乙科技有限公司和丙丁建设有限公司各向积石山县捐赠300万元。"
    assert read_funds(read_text, text) == [
        ("甲乙科技有限公司", JSS, 3_000_000),
        ("丙丁建设有限公司", JSS, 3_000_000),
    ]
    # without 各 their total is no one giver's
    text = "积石山县获得东西部协作帮扶。甲乙科技有限公司和丙丁建设有限公司共向积石山县捐赠300万元。"
    assert read_funds(read_text, text) == [(None, JSS, 3_000_000)]


def test_the_recipient_listed_with_the_giver_is_no_second_giver(read_text: Read) -> None:
    assert read_funds(read_text, "海沧区、积石山县各安排2个镇结对帮扶,落实300万元帮扶资金。") == [
        ("海沧区", JSS, 3_000_000)
    ]


def test_a_help_team_gives_for_the_place_that_sends_it_and_a_part_is_its_own_row(read_text: Read) -> None:
    text = "厦门市援藏工作队投入600万元为墨竹工卡县修建道路,其中200万元用来建设饮水工程。"
    assert read_funds(read_text, text) == [
        ("厦门市", "墨竹工卡县", 6_000_000),
        ("厦门市", "墨竹工卡县", 2_000_000),
    ]


def test_an_aid_goal_word_names_the_province_helped_and_the_subject_gives(read_text: Read) -> None:
    text = "进藏三年,江苏省共安排项目80个,合计投入资金9.5亿元。"
    assert read_funds(read_text, text) == [("江苏省", "西藏自治区", 950_000_000)]


def test_a_giverless_sum_for_a_province_no_giver_is_paired_with_is_the_nation_s_total(
    read_text: Read,
) -> None:
    """The annotation's rule: national totals of many givers are no funds (援疆 money of every
    giving province together); a province the article pairs a giver with keeps its sums."""
    assert read_funds(read_text, "新一轮对口援疆以来,各援疆省市投入援助资金150亿元。") == []
    assert read_funds(read_text, "2015年以来,援藏项目累计到藏资金达120.5亿元,占规划资金的80.1%。") == []
    assert read_funds(read_text, "累计投入300亿元实施援藏项目5000个。") == []
    text = "天津市对口帮扶甘肃省。各区县及部门定向援助资金2530万元。"
    assert read_funds(read_text, text) == [("天津市", "甘肃省", 25_300_000)]


def test_a_province_named_only_by_an_aid_word_is_no_partner_of_the_giver(read_text: Read) -> None:
    def stated(text: str) -> list[tuple[str | None, str | None, bool]]:
        _, _, relations = read_text(text)
        return [
            (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None, r.states_pairing)
            for r in relations
            if r.donor is not None and r.donor.label == r.recipient.label == "PLACE"
        ]

    # the tables pair 浙江 with prefectures and counties of 新疆, never with 新疆 itself: the sum stays
    assert stated("三年来,浙江省累计投入援疆资金30亿元,实施援疆项目120个。") == [
        ("浙江省", "新疆维吾尔自治区", False)
    ]
    assert stated("进藏三年,江苏省共安排项目80个,合计投入资金9.5亿元。") == [("江苏省", "西藏自治区", False)]
    # a giver the tables pair with the province itself keeps the pair; a known partner inside it too
    assert stated("2021年以来,广东省累计投入援黔资金60亿元。") == [("广东省", "贵州省", True)]
    assert ("天津市", "策勒县", True) in stated("天津市对口支援策勒县。五年来,天津市累计投入援疆资金12亿元。")


def test_nominal_sums_sources_and_rising_levels_are_funds(read_text: Read) -> None:
    assert read_funds(read_text, "浙江省对口支援四川省年度资金总计5.2亿元。") == [
        ("浙江省", "四川省", 520_000_000)
    ]
    text = "今年有500万元来自江苏省的援疆资金用于乌恰县的学校建设。"
    assert read_funds(read_text, text) == [("江苏省", "乌恰县", 5_000_000)]
    text = "福建省提高对宁夏回族自治区的援助资金标准,由1.1亿元提高到3.1亿元。"
    assert read_funds(read_text, text) == [
        ("福建省", "宁夏回族自治区", 110_000_000),
        ("福建省", "宁夏回族自治区", 310_000_000),
    ]


def test_rates_and_signed_investments_are_no_funds(read_text: Read) -> None:
    text = "广东省向广西壮族自治区投入援助资金56亿元,县均援助资金5800万元。"
    assert read_funds(read_text, text) == [("广东省", "广西壮族自治区", 5_600_000_000)]
    assert read_funds(read_text, "上海援疆资金为每户补助3万元。") == []
    assert read_funds(read_text, "甲乙公司与积石山县签订协议,协议资金超过50亿元。") == []


def test_a_rough_sum_the_article_states_exactly_is_one_sum(read_text: Read) -> None:
    text = "福建累计援助宁夏7亿多元\n福建省累计援助宁夏回族自治区7.74亿元。"
    assert read_funds(read_text, text) == [("福建省", "宁夏回族自治区", 774_000_000)]
    # a rough sum alone stays
    assert read_funds(read_text, "福建省累计援助宁夏回族自治区7亿多元。") == [
        ("福建省", "宁夏回族自治区", 700_000_000)
    ]


def test_a_province_from_the_context_stands_for_the_place_the_pairings_help(read_text: Read) -> None:
    text = "沪滇协作以来,松江区与西双版纳傣族自治州结对帮扶。帮扶4年来,上海方面累计投入财政帮扶资金3亿元。"
    assert read_funds(read_text, text) == [("上海市", "西双版纳傣族自治州", 300_000_000)]


def test_a_sum_for_a_named_project_goes_to_the_village_it_stands_in(read_text: Read) -> None:
    text = (
        "福清市对口帮扶通渭县。在华家岭镇高尧村,老人们来到“福通幸福院”的日间照料中心吃饭。"
        "作为通渭县首个关爱中心,“福通幸福院”由福清东西部协作资金支持80万元修建。"
    )
    assert read_funds(read_text, text) == [("福清市", "高尧村", 800_000)]


def test_a_total_of_the_sums_before_it_is_a_row_of_its_own(read_text: Read) -> None:
    text = "嘉兴市帮扶九寨沟县。此次捐赠中,市工商联发动市甲乙商会捐赠10万元、市丙丁商会捐赠5万元,共计15万元。"
    assert read_funds(read_text, text) == [
        ("市甲乙商会", "九寨沟县", 100_000),
        ("市丙丁商会", "九寨沟县", 50_000),
        (None, "九寨沟县", 150_000),
    ]
    # one giver's sums add up to that giver's total
    text = "福清市对口帮扶通渭县。福清市向通渭县捐赠帮扶资金10万元、慰问金5万元,合计15万元。"
    assert read_funds(read_text, text)[-1] == ("福清市", "通渭县", 150_000)


def test_a_sum_in_financial_numerals_is_read(read_text: Read) -> None:
    text = "福清市对口帮扶通渭县。福清市甲乙公司向通渭县捐赠伍万元人民币。"
    assert read_funds(read_text, text) == [("福清市甲乙公司", "通渭县", 50_000)]


def test_a_giver_named_at_two_levels_is_the_narrower_one(read_text: Read) -> None:
    text = "福清市对口帮扶通渭县。近几年来,福建省和福清市更是累计援助通渭县资金1.4亿元。"
    assert read_funds(read_text, text) == [("福清市", "通渭县", 140_000_000)]
    text = "福清市对口帮扶通渭县。2016年以来,福建省及福清市累计给予通渭资金援助达2.6亿元。"
    assert read_funds(read_text, text) == [("福清市", "通渭县", 260_000_000)]


def test_sums_in_noun_phrases_of_aid_money_are_funds(read_text: Read) -> None:
    # the place that names the money after the sum gives it
    text = "福建省对口帮扶宁夏回族自治区。两省管好用好12亿元福建省财政援助资金,带动社会资金5亿元。"
    assert read_funds(read_text, text) == [("福建省", "宁夏回族自治区", 1_200_000_000)]
    # the village receives the aid money it puts in; the one partner gives it
    text = "福清市对口帮扶通渭县。高尧村再投300万元对口帮扶资金,新建游客中心。"
    assert read_funds(read_text, text) == [("福清市", "高尧村", 3_000_000)]
    # a sum right after a comma, then a word for aid money
    text = "福清市对口帮扶通渭县。20年来,8亿元资金涌入,900个项目落地。"
    assert [f[1:] for f in read_funds(read_text, text)] == [("通渭县", 800_000_000)]
    text = "北京市对口支援和田地区。北京市向受援地赠送项目启动资金1.5亿元,群众自筹资金30万元。"
    assert read_funds(read_text, text) == [("北京市", "和田地区", 150_000_000)]


def test_a_programme_abbreviation_in_a_fund_name_is_no_receiver(read_text: Read) -> None:
    # the programme's giving province gives (tests/relate/test_fund_programmes.py); the place the
    # article helps receives, not the province the abbreviation names (云南)
    text = "闵行区对口帮扶昌宁县。项目总投资2300万元,其中:沪滇扶贫协作项目资金1000万元,整合部门资金1300万元。"
    assert read_funds(read_text, text) == [("上海市", "昌宁县", 10_000_000)]


def test_an_organisation_that_receives_receives_for_its_place(read_text: Read) -> None:
    text = "如东县对口帮扶南郑区。如东县工商联再次向南郑区工商联捐赠“苏陕协作社会帮扶资金”11万元。"
    assert [f[1:] for f in read_funds(read_text, text)] == [("南郑区", 110_000)]


def test_a_place_that_only_modifies_the_recipient_is_no_giver(read_text: Read) -> None:
    text = "苏州市对口帮扶铜仁市。近年来,昆山高新区商会为苏州对口帮扶的贵州铜仁筹集扶贫助学款100万元。"
    assert read_funds(read_text, text) == [("昆山高新区商会", "铜仁市", 1_000_000)]
    # unless no other giver is written
    text = "北京市对口支援和田地区。和田作为北京对口支援的重要地区,今年的援疆项目资金将达到25亿元。"
    assert read_funds(read_text, text) == [("北京市", "和田地区", 2_500_000_000)]


def test_a_sum_stated_again_is_one_row(read_text: Read) -> None:
    # a headline and its body: the body's row stays
    text = "钱塘区向凯里市捐赠帮扶资金1250万元\n2020年5月,杭州市钱塘区向凯里市捐赠帮扶资金1250万元。"
    _, _, relations = read_text(text)
    rows = [r for r in relations if r.type == "funding"]
    assert [
        (r.donor.name, r.recipient.name, r.amount_yuan, r.sentence) for r in rows if r.donor and r.recipient
    ] == [("钱塘区", "凯里市", 12_500_000, 1)]
    # a lead without its giver and the body with it: the body's
    text = "十年累计投入帮扶资金2亿元\n福清市对口帮扶通渭县十年,已累计投入帮扶资金2亿元。"
    assert read_funds(read_text, text) == [("福清市", "通渭县", 200_000_000)]
    # the same sum in two years is two sums
    text = "福清市对口帮扶通渭县。2019年福清市投入帮扶资金5000万元。2020年福清市投入帮扶资金5000万元。"
    assert len(read_funds(read_text, text)) == 2
    # a subhead of a sum alone names no side
    text = "福清市对口帮扶通渭县。\n捐赠175万元\n福清市甲乙商会向通渭县捐赠175万元。"
    assert read_funds(read_text, text) == [("福清市甲乙商会", "通渭县", 1_750_000)]


def test_a_federation_whose_officer_reports_a_sum_gives_for_its_place(read_text: Read) -> None:
    # the federation's officer reports its members' work: the province's enterprises give
    text = (
        "浙江省对口帮扶四川省。浙江省工商联副主席李某介绍,截至今年3月底,"
        "浙江全省村企结对帮扶贫困村300个,累计投入资金8亿元。"
    )
    assert read_funds(read_text, text) == [("浙江省", "四川省", 800_000_000)]


def test_a_sum_an_organisation_raises_is_not_given_to_its_own_place(read_text: Read) -> None:
    text = (
        "近日,诸暨市慈善总会向绍兴市对口智力援助单位——阿瓦提县第四中学捐赠一批教具。"
        "诸暨市慈善总会秘书长李某在捐赠仪式上说:“诸暨市慈善总会自2010年以来,共募集慈善资金3亿元。”"
    )
    assert read_funds(read_text, text) == []


def test_a_place_after_the_next_sum_is_that_sum_s(read_text: Read) -> None:
    text = "福清市对口帮扶通渭县。福清市向通渭县捐赠帮扶资金10万元,另向高尧村捐赠慰问金5万元。"
    assert read_funds(read_text, text) == [("福清市", "通渭县", 100_000), ("福清市", "高尧村", 50_000)]


def test_money_only_a_partner_gives_comes_from_the_one_partner(read_text: Read) -> None:
    # a heading between: no subject carries over to the sum's sentence
    text = (
        "苏州市对口支援林周县。\n人居环境整治\n据了解,3个项目作为林周县首批整治项目,共投入援藏资金7750万元。"
    )
    assert read_funds(read_text, text) == [("苏州市", "林周县", 77_500_000)]
    # money of no programme has no giver the text names
    text = "苏州市对口支援林周县。\n人居环境整治\n据了解,3个项目作为林周县首批整治项目,共投入资金7750万元。"
    assert read_funds(read_text, text) == [(None, "林周县", 77_500_000)]


def test_a_place_that_invests_in_a_place_it_names_gives(read_text: Read) -> None:
    text = "青岛市对口帮扶镇宁县。青岛近年来累计对良田镇投资2000万元,主要用于扩大生产规模。"
    assert read_funds(read_text, text) == [("青岛市", "良田镇", 20_000_000)]
    # a company's investment is business
    text = "青岛市对口帮扶镇宁县。甲乙食品有限公司对良田镇投资2000万元建设加工厂。"
    assert read_funds(read_text, text) == []


def test_a_group_of_a_place_gives_not_the_place_and_the_built_school_s_place_receives(
    read_text: Read,
) -> None:
    text = (
        "章镇镇结对帮扶抚边乡。\n浙江爱心企业捐赠120万元助抚边乡建幼儿园\n"
        "浙江中泰建设工程有限公司拿出120万元,捐赠给小金县新建抚边乡幼儿园。"
    )
    assert read_funds(read_text, text) == [("浙江中泰建设工程有限公司", "抚边乡", 1_200_000)]


def test_a_project_named_in_the_sum_s_clause_places_it(read_text: Read) -> None:
    text = "江苏省对口帮扶陕西省。以延安市为例,黄龙县民政福利院由苏陕扶贫资金安排158万元,设置120张床位。"
    assert [f[1:] for f in read_funds(read_text, text)] == [("黄龙县", 1_580_000)]


def test_the_stated_parts_of_a_fund_are_funds(read_text: Read) -> None:
    text = (
        "深圳甲乙集团再度与天柱县签订帮扶协议,协议帮扶资金达132万元,"
        "其中资助县职业中学60万元,兴建白市镇中心卫生院综合楼58万元,资助贫困学生上学费用14万元。"
    )
    assert [f[2] for f in read_funds(read_text, text)] == [1_320_000, 600_000, 580_000, 140_000]


def test_a_province_named_by_the_way_stands_for_the_place_the_pairings_help(read_text: Read) -> None:
    text = "福建省对口支援林芝市。福建省近日将启动新一批惠及西藏农牧民的援藏项目,这批项目又将投入6700万元。"
    assert read_funds(read_text, text) == [("福建省", "林芝市", 67_000_000)]


def test_a_list_of_recipients_without_each_receives_together(read_text: Read) -> None:
    # the place the list is written of receives the sum
    text = "福清市对口帮扶通渭县。福清市甲乙商会与华家岭镇的高尧村、世歌尧村结对,共捐赠帮扶资金6万元。"
    assert read_funds(read_text, text) == [("福清市甲乙商会", "华家岭镇", 60_000)]
    # else each of its places, the sum being said of all of them (as each place of a gold file)
    text = "福清市对口帮扶通渭县。福清市甲乙商会与高尧村、世歌尧村结对,共捐赠帮扶资金6万元。"
    assert read_funds(read_text, text) == [
        ("福清市甲乙商会", "高尧村", 60_000),
        ("福清市甲乙商会", "世歌尧村", 60_000),
    ]
    text = "福州市对口帮扶定西市。自2017年对口帮扶甘肃定西、临夏以来,福州累计投入帮扶资金3亿元。"
    assert read_funds(read_text, text) == [
        ("福州市", "定西市", 300_000_000),
        ("福州市", "临夏回族自治州", 300_000_000),
    ]
    text = (
        "上海市对口支援万州区和夷陵区。"
        "上海市委、市政府为对口支援的重庆万州区、湖北宜昌夷陵区累计提供财政援助资金14.2亿元。"
    )
    assert read_funds(read_text, text) == [
        ("上海市", "万州区", 1_420_000_000),
        ("上海市", "夷陵区", 1_420_000_000),
    ]
    # a town the linker could not place holds the list: no one item
    text = "福清市对口帮扶通渭县。福清市甲乙商会与某某镇的高尧村、世歌尧村结对,共捐赠帮扶资金6万元。"
    assert read_funds(read_text, text) == []
    # the other items of the recipient's list are no givers
    text = "福州市与定西市开展东西部协作。福州市甲乙公司帮扶定西市安定区、通渭县,捐赠资金200万元。"
    assert read_funds(read_text, text) == [
        ("福州市甲乙公司", "安定区", 2_000_000),
        ("福州市甲乙公司", "通渭县", 2_000_000),
    ]


def test_the_group_money_is_raised_from_is_no_giver(read_text: Read) -> None:
    text = "广州市对口帮扶毕节市。广州安排协作资金10亿元。同时,向全市爱心企业再筹集1.5亿元,定向帮扶毕节。"
    assert read_funds(read_text, text)[-1] == ("广州市", "毕节市", 150_000_000)


def test_both_levels_of_a_rising_sum_go_to_the_place_after_them(read_text: Read) -> None:
    text = (
        "北京市对口帮扶内蒙古自治区。今后三年北京扶贫协作资金合计从原计划的9.92亿元增至29.75亿元,"
        "助力内蒙古自治区如期实现脱贫目标。"
    )
    assert [f[1:] for f in read_funds(read_text, text)] == [
        ("内蒙古自治区", 992_000_000),
        ("内蒙古自治区", 2_975_000_000),
    ]


def test_the_receiving_sides_own_government_pays_no_fund(read_text: Read) -> None:
    paired = "北京市对口帮扶内蒙古自治区。"
    for text in (
        "自治区财政厅向10个深度贫困旗县增加补助资金8亿元。",
        "每年从自治区本级财政安排驻村工作队经费500万元。",
        "自治区政府在统一分配转移支付基础上,再安排补助资金3亿元。",
    ):
        assert read_funds(read_text, paired + text) == [], text
    assert read_funds(read_text, "上海市对口支援万州区。当地政府投入资金2000万元用于万州区道路建设。") == []
    # another giver named after the government's word gives
    text = paired + "据自治区财政厅消息,北京市累计投入我区扶贫资金30亿元。"
    assert read_funds(read_text, text) == [("北京市", "内蒙古自治区", 3_000_000_000)]


def test_money_arrived_is_aid_when_its_sentence_names_aid_and_no_deal(read_text: Read) -> None:
    text = "上海市对口支援万州区。其中无偿援助项目50个,累计到位资金1.2亿元。"
    assert read_funds(read_text, text) == [("上海市", "万州区", 120_000_000)]
    text = "上海市对口支援万州区。上海市帮扶万州区的项目已到位资金5000万元。"
    assert read_funds(read_text, text) == [("上海市", "万州区", 50_000_000)]
    assert read_funds(read_text, "广西与广东企业签约合作项目100个,累计到位资金30亿元。") == []
    text = "上海市对口支援万州区。招商引进企业12家,到位资金8亿元。"
    assert read_funds(read_text, text) == []


def test_own_money_put_in_by_a_giver_is_its_gift(read_text: Read) -> None:
    text = "广州甲乙集团对口帮扶英德市西牛镇,累计投入自筹资金800万元。"
    assert read_funds(read_text, text) == [("广州甲乙集团", "西牛镇", 8_000_000)]
    text = "广州甲乙集团结对帮扶英德市西牛镇,三年来拿出自筹资金300万元。"
    assert read_funds(read_text, text) == [("广州甲乙集团", "西牛镇", 3_000_000)]
    # money the helped side raises itself stays none
    assert read_funds(read_text, "英德市西牛镇光伏项目总投资100万元,其中农户自筹10万元。") == []


def test_the_value_of_goods_given_is_a_fund(read_text: Read) -> None:
    text = "甲乙电器有限公司向重庆市捐赠冷暖风机1600台、太阳能灯3200盏,总价值240余万元。"
    assert read_funds(read_text, text) == [("甲乙电器有限公司", "重庆市", 2_400_000)]
    text = "天津市对口帮扶甘南州。天津市儿童医院捐赠了价值94万元的100张儿童病床。"
    assert read_funds(read_text, text) == [("天津市儿童医院", "甘南藏族自治州", 940_000)]
    text = "杭州市甲乙小学的师生们为裕民县阿勒腾也木勒乡的学生邮寄来418套棉服,价值12万元。"
    assert read_funds(read_text, text) == [("杭州市甲乙小学", "阿勒腾也木勒乡", 120_000)]
    text = "英德市西牛镇赤米村自发筹集物资驰援广州,捐赠的物资价值约9万元。"
    assert [f[1:] for f in read_funds(read_text, text)] == [("广州市", 90_000)]
    # the value of goods sold is no fund
    text = "福州市对口帮扶定西市。去年共帮助定西市农户销售土豆价值约300多万元。"
    assert read_funds(read_text, text) == []


def test_an_organisation_that_pays_gives_whatever_pairing_the_sentence_states(read_text: Read) -> None:
    text = (
        "普陀区对口帮扶亚东县。该幼儿园由甲乙慈善基金会实施、上海甲乙房地产开发有限公司出资300万元、"
        "上海市普陀区与西藏亚东县对口帮扶。"
    )
    assert read_funds(read_text, text) == [("上海甲乙房地产开发有限公司", "亚东县", 3_000_000)]
    text = (
        "福州市对口支援八宿县。他促成福建省甲乙福利基金会捐赠500万元物资,落实了福州市与八宿县的结对帮扶协议。"
    )
    assert read_funds(read_text, text) == [("福建省甲乙福利基金会", "八宿县", 5_000_000)]
    # the pairing gives where no organisation pays in the sum's clause
    text = "福州市对口支援八宿县。福州市与八宿县结对以来,累计投入帮扶资金2亿元。"
    assert read_funds(read_text, text) == [("福州市", "八宿县", 200_000_000)]


def test_the_source_after_a_verb_of_receiving_gives(read_text: Read) -> None:
    text = "福州市对口支援八宿县。工作组争取到福建甲乙基金会200万元,用于同卡镇波查村饮用水项目。"
    assert read_funds(read_text, text) == [("福建甲乙基金会", "波查村", 2_000_000)]
    text = "福州市对口支援八宿县。八宿县得到福建甲乙基金会捐赠资金50万元。"
    assert read_funds(read_text, text) == [("福建甲乙基金会", "八宿县", 500_000)]


def test_money_put_into_a_project_by_a_giver_is_a_fund(read_text: Read) -> None:
    text = (
        "鄂州市对口援建汉源县。这3个项目分别是:投资300万元新建汉源县职业高中教学楼;"
        "投资80万元改建九襄镇卫生院业务用房。"
    )
    # the building of a town's clinic: the sum goes to the town its name holds (set G's gold: 九襄镇)
    assert read_funds(read_text, text) == [("鄂州市", "汉源县", 3_000_000), ("鄂州市", "九襄镇", 800_000)]
    text = "鄂州市对口援建汉源县。鄂州市投资200万元帮助汉源县中医院购置康复设备。"
    assert read_funds(read_text, text) == [("鄂州市", "汉源县", 2_000_000)]
    # a project's size, and a company's investment, are no funds
    text = "福州市长乐区对口帮扶漳县。在漳县张家岭村的山头上,投资245万元建设的光伏扶贫项目正在运行。"
    assert read_funds(read_text, text) == []
    text = "福州市长乐区对口帮扶漳县。福建甲乙实业有限公司投资1亿元新建漳县工业园厂房。"
    assert read_funds(read_text, text) == []


def test_a_part_goes_to_the_place_it_is_put_to_not_the_totals(read_text: Read) -> None:
    text = "鄂州市将投入资金3000万元支援四川灾区重建,其中投入2000万元,用于汉源县灾后重建。"
    assert read_funds(read_text, text) == [("鄂州市", "四川省", 30_000_000), ("鄂州市", "汉源县", 20_000_000)]


def test_the_home_of_a_team_that_pays_is_never_its_recipient(read_text: Read) -> None:
    text = "江苏援伊淮安工作组办实事。近日,江苏援伊·淮安工作组拨付2000万元专项资金用于民生实事项目。"
    assert "淮安市" not in [recipient for _, recipient, _ in read_funds(read_text, text)]
    text = (
        "江苏省对口支援伊犁州。淮安工作组进驻以来办实事。"
        "近日,淮安工作组拨付2000万元专项资金用于伊犁州民生实事项目。"
    )
    assert read_funds(read_text, text) == [("淮安市", "伊犁哈萨克自治州", 20_000_000)]
