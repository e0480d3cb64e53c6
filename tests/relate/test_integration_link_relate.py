"""Integration of link and relate: places (and team organisations) are given as the surfaces the NER
would tag and the real linker (with the project's gazetteer) resolves them, so codes, levels and
sides are the real ones; the pairings are read from that. Sentences written for these tests."""

from __future__ import annotations

import pytest
from relate_fixtures import (
    JSS,
    linked,
    linked_pairs,
    tagged,
)

from kg.gazetteer import Gazetteer
from kg.relate import extract_relations


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # pairs listed after an intro with shared recipient
        (
            "两市确定了新一轮结对关系,具体为:黄岛区与宕昌县,崂山区、李沧区与文县,城阳区与康县。",
            ["黄岛区", "宕昌县", "崂山区", "李沧区", "文县", "城阳区", "康县"],
            {
                ("黄岛区", "宕昌县"),
                ("崂山区", "文县"),
                ("李沧区", "文县"),
                ("城阳区", "康县"),
            },
        ),
        # pairs listed after an intro separated by enumeration commas
        (
            "根据安排,两地结对帮扶关系分别是:崂山区与宕昌县、黄岛区与礼县、城阳区与徽县。",
            ["崂山区", "宕昌县", "黄岛区", "礼县", "城阳区", "徽县"],
            {("崂山区", "宕昌县"), ("黄岛区", "礼县"), ("城阳区", "徽县")},
        ),
        # the western county is written first in each item: the eastern district still helps
        (
            "东西部协作结对关系具体为:宕昌县与黄岛区,文县与崂山区。",
            ["宕昌县", "黄岛区", "文县", "崂山区"],
            {("黄岛区", "宕昌县"), ("崂山区", "文县")},
        ),
        # pairs listed with commas and a closing verb
        (
            "黄岛区与宕昌县,崂山区、李沧区与文县分别签订结对帮扶协议。",
            ["黄岛区", "宕昌县", "崂山区", "李沧区", "文县"],
            {("黄岛区", "宕昌县"), ("崂山区", "文县"), ("李沧区", "文县")},
        ),
        # a list with one side naming several recipients
        (
            "调整后的结对安排如下:萧山区对接台江县、剑河县,余杭区对接从江县。",
            ["萧山区", "台江县", "剑河县", "余杭区", "从江县"],
            {
                ("萧山区", "台江县"),
                ("萧山区", "剑河县"),
                ("余杭区", "从江县"),
            },
        ),
        # items joined by a bare verb one after the other
        (
            "按照安排,宕昌县对接黄岛区、文县对接崂山区、康县挂钩城阳区。",
            ["宕昌县", "黄岛区", "文县", "崂山区", "康县", "城阳区"],
            {("黄岛区", "宕昌县"), ("崂山区", "文县"), ("城阳区", "康县")},
        ),
        # dash joined pairs listed before a pairing word
        (
            "两市形成了黄岛区—宕昌县、崂山区—文县、城阳区—康县的结对格局。",
            ["黄岛区", "宕昌县", "崂山区", "文县", "城阳区", "康县"],
            {("黄岛区", "宕昌县"), ("崂山区", "文县"), ("城阳区", "康县")},
        ),
    ],
)
def test_several_pairs_listed_in_one_sentence(
    gaz: Gazetteer, text: str, places: list[str], expected: set[tuple[str, str]]
) -> None:
    assert linked_pairs(gaz, text, places) == expected


def test_two_places_counted_as_one_side_are_no_pair(gaz: Gazetteer) -> None:
    text = "黄岛区、崂山区两区分别与宕昌县、文县结对。"
    found = linked_pairs(gaz, text, ["黄岛区", "崂山区", "宕昌县", "文县"])
    assert found == {("黄岛区", "宕昌县"), ("崂山区", "文县")}


def test_dash_joined_places_without_a_pairing_word_are_no_pairs(gaz: Gazetteer) -> None:
    text = "新开通的北京—上海、上海—杭州线路运行平稳。"
    assert linked_pairs(gaz, text, ["北京", "上海", "杭州"]) == set()


def test_partners_named_in_brackets_after_each_place(gaz: Gazetteer) -> None:
    text = "青岛市对口帮扶陇南市,结对县区为宕昌县(黄岛区)、文县(崂山区)。"
    places = ["青岛市", "陇南市", "宕昌县", "黄岛区", "文县", "崂山区"]
    assert linked_pairs(gaz, text, places) == {("青岛市", "陇南市"), ("黄岛区", "宕昌县"), ("崂山区", "文县")}


def test_pairs_listed_after_a_pairing_noun_and_a_colon(gaz: Gazetteer) -> None:
    text = "东西部协作结对关系:厦门市思明区—临夏州临夏县,湖里区—和政县。"
    places = ["厦门市", "思明区", "临夏州", "临夏县", "湖里区", "和政县"]
    assert linked_pairs(gaz, text, places) == {("思明区", "临夏县"), ("湖里区", "和政县")}


def test_a_pairing_that_replaces_an_ended_one_keeps_the_subject(gaz: Gazetteer) -> None:
    text = "2018年3月起,东莞市不再对口帮扶韶关市,改为帮扶昭通市。"
    assert linked_pairs(gaz, text, ["东莞市", "韶关市", "昭通市"]) == {("东莞市", "昭通市")}


def test_two_lists_paired_in_order_by_fenbie_jiedui(gaz: Gazetteer) -> None:
    text = "福州市鼓楼区、台江区分别结对定西市安定区、通渭县。"
    places = ["福州市", "鼓楼区", "台江区", "定西市", "安定区", "通渭县"]
    assert linked_pairs(gaz, text, places) == {("鼓楼区", "安定区"), ("台江区", "通渭县")}


def test_bare_verb_dock_pairs_with_each_listed_recipient(gaz: Gazetteer) -> None:
    text = "按照部署,福州市对接定西市安定区、通渭县、陇西县。"
    places = ["福州市", "定西市", "安定区", "通渭县", "陇西县"]
    assert linked_pairs(gaz, text, places) == {
        ("福州市", "安定区"),
        ("福州市", "通渭县"),
        ("福州市", "陇西县"),
    }


def test_bare_verb_dock_written_by_the_recipient_keeps_the_direction(gaz: Gazetteer) -> None:
    text = "会上,通渭县对接福州市有关部门。"
    assert linked_pairs(gaz, text, ["通渭县", "福州市"]) == {("福州市", "通渭县")}


def test_dock_between_places_whose_sides_do_not_decide_gives_nothing(gaz: Gazetteer) -> None:
    # two districts of one eastern city: 对接 alone says nothing about who helps whom
    assert linked_pairs(gaz, "黄岛区对接崂山区,共商发展。", ["黄岛区", "崂山区"]) == set()


def test_list_of_pairs_going_on_after_semicolons(gaz: Gazetteer) -> None:
    text = "新一轮结对名单如下:1.黄岛区—宕昌县;2.崂山区、李沧区—文县;3.城阳区—康县。"
    places = ["黄岛区", "宕昌县", "崂山区", "李沧区", "文县", "城阳区", "康县"]
    assert linked_pairs(gaz, text, places) == {
        ("黄岛区", "宕昌县"),
        ("崂山区", "文县"),
        ("李沧区", "文县"),
        ("城阳区", "康县"),
    }


def test_a_lone_item_line_between_places_of_one_side_gives_nothing(gaz: Gazetteer) -> None:
    # 两个东部城区 in a line of their own: no side decides, so no pair
    assert linked_pairs(gaz, "黄岛区与崂山区;", ["黄岛区", "崂山区"]) == set()


def test_objects_of_a_pairing_verb_are_no_pair_of_their_own(gaz: Gazetteer) -> None:
    text = "北京帮扶内蒙古和河北的保定、张家口,天津帮扶甘肃和河北承德。"
    found = linked_pairs(gaz, text, ["北京", "内蒙古", "河北", "保定", "张家口", "天津", "甘肃", "承德"])
    assert {("北京市", "内蒙古自治区"), ("北京市", "保定市"), ("天津市", "甘肃省")} <= found
    assert not any(donor in ("内蒙古自治区", "河北省", "保定市", "张家口市") for donor, _ in found)


def test_subordinates_named_after_jiqi_xiaxia_receive_too(gaz: Gazetteer) -> None:
    text = "河西区担负起对口支援定西市及其下辖安定区、通渭县等县区的重任。"
    places = ["河西区", "定西市", "安定区", "通渭县"]
    assert linked_pairs(gaz, text, places) == {
        ("河西区", "定西市"),
        ("河西区", "安定区"),
        ("河西区", "通渭县"),
    }


def test_place_that_sends_a_help_team_helps_where_the_team_goes(gaz: Gazetteer) -> None:
    text = "由嘉定区选派的12名干部组成的帮扶团队进驻富宁县。"
    assert linked_pairs(gaz, text, ["嘉定区", "富宁县"]) == {("嘉定区", "富宁县")}


def test_team_of_staff_sent_by_a_place_helps_where_it_goes(gaz: Gazetteer) -> None:
    text = "由余杭区派出的挂职干部和专业人才组成的工作组进驻从江县,开展帮扶工作。"
    assert linked_pairs(gaz, text, ["余杭区", "从江县"]) == {("余杭区", "从江县")}


def test_towns_that_helpers_come_from_pair_with_a_county(gaz: Gazetteer) -> None:
    text = "来自吴中区木渎镇、甪直镇的企业家到松桃县开展捐赠活动。"
    places = ["吴中区", "木渎镇", "甪直镇", "松桃县"]
    assert linked_pairs(gaz, text, places) == {("木渎镇", "松桃苗族自治县"), ("甪直镇", "松桃苗族自治县")}


def test_team_formed_of_a_place_s_cadres_helps_where_it_is_stationed(gaz: Gazetteer) -> None:
    text = "由宁海县干部组成的帮扶工作队驻普安县开展工作。"
    assert linked_pairs(gaz, text, ["宁海县", "普安县"]) == {("宁海县", "普安县")}


def test_staff_sent_to_help_pair_by_their_sides(gaz: Gazetteer) -> None:
    text = "嘉定区选派12名教师到富宁县开展支教帮扶。"
    assert linked_pairs(gaz, text, ["嘉定区", "富宁县"]) == {("嘉定区", "富宁县")}


def test_staff_sent_to_each_listed_place(gaz: Gazetteer) -> None:
    text = "从2018年开始,西青区分别向天水市麦积区、白银市景泰县选派党政干部和专业技术人才。"
    places = ["西青区", "天水市", "麦积区", "白银市", "景泰县"]
    assert linked_pairs(gaz, text, places) == {("西青区", "麦积区"), ("西青区", "景泰县")}


def test_staff_sent_away_for_training_make_no_pair(gaz: Gazetteer) -> None:
    # cadres of a western county go east to be trained: no help is stated
    assert linked_pairs(gaz, "富宁县选派30名干部到上海参加培训。", ["富宁县", "上海"]) == set()


@pytest.mark.parametrize(
    ("text", "places", "team", "expected"),
    [
        (
            "宁波市江北区驻黔西南州册亨县帮扶工作队积极对接两地企业。",
            ["宁波市", "江北区", "黔西南州"],
            "册亨县帮扶工作队",
            ("江北区", "册亨县"),
        ),
        (
            "昆山市张浦镇组团驻碧江区工作队开展消费帮扶。",
            ["昆山市", "张浦镇"],
            "碧江区工作队",
            ("张浦镇", "碧江区"),
        ),
    ],
)
def test_team_stationed_in_a_place_named_only_inside_the_team(
    gaz: Gazetteer, text: str, places: list[str], team: str, expected: tuple[str, str]
) -> None:
    assert linked_pairs(gaz, text, places, (team,)) == {expected}


def test_organ_named_with_its_province_acts_for_its_city(gaz: Gazetteer) -> None:
    text = "山东省滨州市人社局与甘肃省临夏州东乡县人社局签订劳务合作协议。"
    orgs = ("山东省滨州市人社局", "甘肃省临夏州东乡县人社局")
    assert linked_pairs(gaz, text, [], orgs) == {("滨州市", "东乡族自治县")}


def test_towns_named_as_origin_of_helpers_each_pair(gaz: Gazetteer) -> None:
    text = "来自昆山市张浦镇、周市镇的爱心企业到碧江区瓦屋乡开展捐赠。"
    places = ["昆山市", "张浦镇", "周市镇", "碧江区", "瓦屋乡"]
    assert linked_pairs(gaz, text, places) == {("张浦镇", "瓦屋侗族乡"), ("周市镇", "瓦屋侗族乡")}


def test_workers_from_a_recipient_going_to_their_donor_keep_the_direction(gaz: Gazetteer) -> None:
    text = "来自积石山县的务工人员到海沧区对接就业岗位。"
    assert linked_pairs(gaz, text, ["积石山县", "海沧区"]) == {("海沧区", JSS)}


def test_dash_joined_places_that_establish_cooperation(gaz: Gazetteer) -> None:
    text = "近日,积石山县-海沧区建立合作关系。"
    assert linked_pairs(gaz, text, ["积石山县", "海沧区"]) == {("海沧区", JSS)}


def test_fronted_clause_of_a_donor_helping_two_places(gaz: Gazetteer) -> None:
    text = "海沧区在对口帮扶积石山县和东乡县的基础上,深化协作。"
    assert linked_pairs(gaz, text, ["海沧区", "积石山县", "东乡县"]) == {
        ("海沧区", JSS),
        ("海沧区", "东乡族自治县"),
    }


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("2021年,南京市结束与淮安市的对口结对。", ["南京市", "淮安市"]),
        ("当年,南京市与淮安市解除结对关系。", ["南京市", "淮安市"]),
        ("根据新一轮调整,无锡市不再帮扶徐州市。", ["无锡市", "徐州市"]),
    ],
)
def test_ended_pairings_give_no_pair(gaz: Gazetteer, text: str, places: list[str]) -> None:
    assert linked_pairs(gaz, text, places) == set()


def test_background_list_of_provinces_gives_no_pair(gaz: Gazetteer) -> None:
    text = (
        "1996年,中央确定北京、上海、江苏等东部省市与内蒙古、云南、甘肃等西部省区开展扶贫协作,"
        "具体为:东西部扶贫协作。"
    )
    places = ["北京", "上海", "江苏", "内蒙古", "云南", "甘肃"]
    assert linked_pairs(gaz, text, places) == set()


def test_an_intro_word_without_a_pairing_word_before_gives_no_list(gaz: Gazetteer) -> None:
    text = "会议议程具体为:黄岛区与崂山区交流经验,城阳区与李沧区介绍做法。"
    assert linked_pairs(gaz, text, ["黄岛区", "崂山区", "城阳区", "李沧区"]) == set()


def test_dateline_place_is_no_place_of_the_story(gaz: Gazetteer) -> None:
    text = "新华社拉萨11月2日电 北京市对口支援拉萨市,成效明显。"
    mentions = [m for m in linked(gaz, text, ["拉萨", "北京市", "拉萨市"]) if m.label == "PLACE"]
    assert [m.name for m in mentions if not m.unresolved] == ["北京市", "拉萨市"]
    assert mentions[0].text == "拉萨" and mentions[0].unresolved


def test_dock_to_a_market_of_a_place_is_no_pairing_by_that_verb(gaz: Gazetteer) -> None:
    mentions = linked(gaz, "黔东南州积极对接广州市场,推动农产品销售。", ["黔东南州", "广州市"])
    relations = extract_relations(tagged("黔东南州积极对接广州市场,推动农产品销售。", [])[0], mentions)
    assert not any(r.pattern == "pair.dock_verb" for r in relations)


@pytest.mark.parametrize(
    ("text", "places", "orgs", "expected"),
    [
        # a donor list before the help verb, the recipient after 为 / 向
        (
            "苏州市及吴中区、相城区不断加大帮扶力度,为铜仁市脱贫攻坚提供了有力支持。",
            ["苏州市", "吴中区", "相城区", "铜仁市"],
            (),
            {("苏州市", "铜仁市"), ("吴中区", "铜仁市"), ("相城区", "铜仁市")},
        ),
        (
            "余杭区及临平区持续加大帮扶力度,向苍溪县倾斜资金和项目。",
            ["余杭区", "临平区", "苍溪县"],
            (),
            {("余杭区", "苍溪县"), ("临平区", "苍溪县")},
        ),
        # a team named by its station with its sender in brackets
        ("近日,苍溪县(余杭)工作组召开周例会。", ["苍溪县", "余杭"], (), {("余杭区", "苍溪县")}),
        # the sender named first, the western station in brackets: the sides decide the direction
        ("会上,余杭(苍溪)工作组汇报了工作。", ["余杭", "苍溪"], (), {("余杭区", "苍溪县")}),
        # a province's aid team goes to the place it helps
        ("江苏省第十批援藏工作队到拉萨市开展调研。", ["江苏省", "拉萨市"], (), {("江苏省", "拉萨市")}),
        (
            "广东省第十批援藏工作队工布江达县(中山)工作组组长表示。",
            ["广东省", "工布江达县", "中山"],
            (),
            {("广东省", "工布江达县"), ("中山市", "工布江达县")},
        ),
        # X援Y工作队, the team as plain text and as an organisation
        ("余杭援苍溪工作队走访了当地企业。", ["余杭", "苍溪"], (), {("余杭区", "苍溪县")}),
        (
            "余杭区赴苍溪县东西部协作工作组组长参加会议。",
            ["余杭区"],
            ("苍溪县东西部协作工作组",),
            {("余杭区", "苍溪县")},
        ),
        # a liaison group and its county group, a team in (在) the place, staff a place keeps there
        (
            "上海市第八批援藏干部联络组定日小组到岗嘎镇调研。",
            ["上海市", "定日", "岗嘎镇"],
            (),
            {("上海市", "定日县")},
        ),
        ("江苏省援青干部人才海东工作组召开会议。", ["江苏省", "海东"], (), {("江苏省", "海东市")}),
        ("中山市援藏工作组在工布江达县开展义诊。", ["中山市", "工布江达县"], (), {("中山市", "工布江达县")}),
        ("江苏省援藏工作队走访拉萨市贫困户。", ["江苏省", "拉萨市"], (), {("江苏省", "拉萨市")}),
        ("余杭区派驻苍溪县的挂职干部深入企业调研。", ["余杭区", "苍溪县"], (), {("余杭区", "苍溪县")}),
        # several 携手 pairs in one clause: one pair per 携手, no pairs across them
        (
            "吴中区携手德江县、相城区携手石阡县,共同推进产业协作。",
            ["吴中区", "德江县", "相城区", "石阡县"],
            (),
            {("吴中区", "德江县"), ("相城区", "石阡县")},
        ),
        (
            "吴中区与德江县、相城区与石阡县携手推进东西部协作。",
            ["吴中区", "德江县", "相城区", "石阡县"],
            (),
            {("吴中区", "德江县"), ("相城区", "石阡县")},
        ),
        # Y是X对口帮扶Z…之一: X helps Y as well as Z
        (
            "德江县是苏州市对口帮扶铜仁市四县之一。",
            ["德江县", "苏州市", "铜仁市"],
            (),
            {("苏州市", "德江县"), ("苏州市", "铜仁市")},
        ),
        # the same wording after the subject's other clauses, and 的一个县
        (
            "德江县地处黔东北,是苏州市对口帮扶铜仁市四县之一。",
            ["德江县", "黔东北", "苏州市", "铜仁市"],
            (),
            {("苏州市", "德江县"), ("苏州市", "铜仁市")},
        ),
        (
            "莎车县是西北地区人口大县,也是上海对口援疆资金量最多的一个县。",
            ["莎车县", "西北", "上海"],
            (),
            {("上海市", "莎车县")},
        ),
        # 之一 without a pairing verb adds nothing to the sentence's pair
        (
            "苏州市帮扶铜仁市,德江县是全国深度贫困县之一。",
            ["德江县", "苏州市", "铜仁市"],
            (),
            {("苏州市", "铜仁市")},
        ),
    ],
)
def test_team_and_list_pairings(
    gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...], expected: set[tuple[str, str]]
) -> None:
    assert linked_pairs(gaz, text, places, orgs) == expected


@pytest.mark.parametrize(
    ("text", "places", "orgs"),
    [
        # a team from X visiting Y without a help word is no pairing
        ("昆山市工作队到碧江区考察。", ["碧江区"], ("昆山市工作队",)),
        ("昆山市工作组到碧江区参观学习。", ["昆山市", "碧江区"], ()),
        # a county's own village team works inside it
        ("通渭县驻村工作队走访了通渭县贫困户。", ["通渭县"], ()),
        ("通渭县加大帮扶力度,为通渭县贫困村修建道路。", ["通渭县"], ()),
        # a county's effort for a village of its own: a place of far lower level is no partner
        ("通渭县不断加大帮扶力度,为义岗镇贫困户解决难题。", ["通渭县", "义岗镇"], ()),
        # a bracket that names the place's own prefecture, a delegation's visit without a team
        ("会上,吴中区(苏州市)工作组汇报了工作。", ["吴中区", "苏州市"], ()),
        ("会上,碧江区(铜仁市)工作组汇报了工作。", ["碧江区", "铜仁市"], ()),
        ("惠东县党政代表团赴望谟县考察。", ["惠东县", "望谟县"], ()),
        # a county's own cadres sent to its township
        ("苍溪县派驻元坝镇的帮扶干部走访农户。", ["苍溪县", "元坝镇"], ()),
        # a list on both sides of the effort says nothing about who helps whom
        (
            "吴中区、相城区等地不断加大帮扶力度,为德江县、石阡县提供支持。",
            ["吴中区", "相城区", "德江县", "石阡县"],
            (),
        ),
        # 之一 without a pairing verb
        ("德江县是铜仁市深度贫困县之一。", ["德江县", "铜仁市"], ()),
    ],
)
def test_no_pairing(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...]) -> None:
    assert linked_pairs(gaz, text, places, orgs) == set()


def test_effort_for_a_partners_companies_keeps_direction(gaz: Gazetteer) -> None:
    """为X企业: the place only qualifies the companies served; the recipient's effort is no help to X."""
    found = linked_pairs(gaz, "铜仁市将加大帮扶力度,为苏州市企业提供用工保障。", ["铜仁市", "苏州市"])
    assert ("铜仁市", "苏州市") not in found
