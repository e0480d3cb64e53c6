"""Several pairs in one sentence, and the linking slips that fed pairings with false places.

Sentences written for these tests. Places are given as the surfaces the NER would tag; the real
linker (with the project's gazetteer) resolves them, so codes and levels are the real ones and
the slips of linking (a person's given name, a dateline, a slogan) are tested where they happen.
"""

from __future__ import annotations

import pytest
from relate_fixtures import sentences_of, tagged

from kg.gazetteer import Gazetteer, load_gazetteer
from kg.link import link_mentions
from kg.records import Article, Mention
from kg.relate import extract_relations


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def _article(text: str) -> Article:
    return Article(id="t", text=text, sentences=sentences_of(text))


def linked(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...] = ()) -> list[Mention]:
    """Every occurrence of each surface as a PLACE (or ORG) mention, longest first, then linked."""
    art, mentions = tagged(text, places, orgs)
    return link_mentions(art, mentions, gaz)


def pairs(gaz: Gazetteer, text: str, places: list[str], orgs: tuple[str, ...] = ()) -> set[tuple[str, str]]:
    mentions = linked(gaz, text, places, orgs)
    return {
        (r.donor.name, r.recipient.name)
        for r in extract_relations(_article(text), mentions)
        if r.type == "pairing"
    }


JSS = "积石山保安族东乡族撒拉族自治县"


# --------------------------------------------------------------------------- lists of pairs


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
    assert pairs(gaz, text, places) == expected


def test_two_places_counted_as_one_side_are_no_pair(gaz: Gazetteer) -> None:
    text = "黄岛区、崂山区两区分别与宕昌县、文县结对。"
    found = pairs(gaz, text, ["黄岛区", "崂山区", "宕昌县", "文县"])
    assert found == {("黄岛区", "宕昌县"), ("崂山区", "文县")}


def test_dash_joined_places_without_a_pairing_word_are_no_pairs(gaz: Gazetteer) -> None:
    text = "新开通的北京—上海、上海—杭州线路运行平稳。"
    assert pairs(gaz, text, ["北京", "上海", "杭州"]) == set()


def test_partners_named_in_brackets_after_each_place(gaz: Gazetteer) -> None:
    text = "青岛市对口帮扶陇南市,结对县区为宕昌县(黄岛区)、文县(崂山区)。"
    places = ["青岛市", "陇南市", "宕昌县", "黄岛区", "文县", "崂山区"]
    assert pairs(gaz, text, places) == {("青岛市", "陇南市"), ("黄岛区", "宕昌县"), ("崂山区", "文县")}


def test_pairs_listed_after_a_pairing_noun_and_a_colon(gaz: Gazetteer) -> None:
    text = "东西部协作结对关系:厦门市思明区—临夏州临夏县,湖里区—和政县。"
    places = ["厦门市", "思明区", "临夏州", "临夏县", "湖里区", "和政县"]
    assert pairs(gaz, text, places) == {("思明区", "临夏县"), ("湖里区", "和政县")}


def test_a_pairing_that_replaces_an_ended_one_keeps_the_subject(gaz: Gazetteer) -> None:
    text = "2018年3月起,东莞市不再对口帮扶韶关市,改为帮扶昭通市。"
    assert pairs(gaz, text, ["东莞市", "韶关市", "昭通市"]) == {("东莞市", "昭通市")}


def test_two_lists_paired_in_order_by_fenbie_jiedui(gaz: Gazetteer) -> None:
    text = "福州市鼓楼区、台江区分别结对定西市安定区、通渭县。"
    places = ["福州市", "鼓楼区", "台江区", "定西市", "安定区", "通渭县"]
    assert pairs(gaz, text, places) == {("鼓楼区", "安定区"), ("台江区", "通渭县")}


def test_bare_verb_dock_pairs_with_each_listed_recipient(gaz: Gazetteer) -> None:
    text = "按照部署,福州市对接定西市安定区、通渭县、陇西县。"
    places = ["福州市", "定西市", "安定区", "通渭县", "陇西县"]
    assert pairs(gaz, text, places) == {("福州市", "安定区"), ("福州市", "通渭县"), ("福州市", "陇西县")}


def test_bare_verb_dock_written_by_the_recipient_keeps_the_direction(gaz: Gazetteer) -> None:
    text = "会上,通渭县对接福州市有关部门。"
    assert pairs(gaz, text, ["通渭县", "福州市"]) == {("福州市", "通渭县")}


def test_dock_between_places_whose_sides_do_not_decide_gives_nothing(gaz: Gazetteer) -> None:
    # two districts of one eastern city: 对接 alone says nothing about who helps whom
    assert pairs(gaz, "黄岛区对接崂山区,共商发展。", ["黄岛区", "崂山区"]) == set()


def test_list_of_pairs_going_on_after_semicolons(gaz: Gazetteer) -> None:
    text = "新一轮结对名单如下:1.黄岛区—宕昌县;2.崂山区、李沧区—文县;3.城阳区—康县。"
    places = ["黄岛区", "宕昌县", "崂山区", "李沧区", "文县", "城阳区", "康县"]
    assert pairs(gaz, text, places) == {
        ("黄岛区", "宕昌县"),
        ("崂山区", "文县"),
        ("李沧区", "文县"),
        ("城阳区", "康县"),
    }


def test_a_lone_item_line_between_places_of_one_side_gives_nothing(gaz: Gazetteer) -> None:
    # 两个东部城区 in a line of their own: no side decides, so no pair
    assert pairs(gaz, "黄岛区与崂山区;", ["黄岛区", "崂山区"]) == set()


def test_objects_of_a_pairing_verb_are_no_pair_of_their_own(gaz: Gazetteer) -> None:
    text = "北京帮扶内蒙古和河北的保定、张家口,天津帮扶甘肃和河北承德。"
    found = pairs(gaz, text, ["北京", "内蒙古", "河北", "保定", "张家口", "天津", "甘肃", "承德"])
    assert {("北京市", "内蒙古自治区"), ("北京市", "保定市"), ("天津市", "甘肃省")} <= found
    assert not any(donor in ("内蒙古自治区", "河北省", "保定市", "张家口市") for donor, _ in found)


# --------------------------------------------------------------------------- 对口支援 as a noun


def test_subordinates_named_after_jiqi_xiaxia_receive_too(gaz: Gazetteer) -> None:
    text = "河西区担负起对口支援定西市及其下辖安定区、通渭县等县区的重任。"
    places = ["河西区", "定西市", "安定区", "通渭县"]
    assert pairs(gaz, text, places) == {
        ("河西区", "定西市"),
        ("河西区", "安定区"),
        ("河西区", "通渭县"),
    }


# --------------------------------------------------------------------------- teams and organs


def test_place_that_sends_a_help_team_helps_where_the_team_goes(gaz: Gazetteer) -> None:
    text = "由嘉定区选派的12名干部组成的帮扶团队进驻富宁县。"
    assert pairs(gaz, text, ["嘉定区", "富宁县"]) == {("嘉定区", "富宁县")}


def test_team_of_staff_sent_by_a_place_helps_where_it_goes(gaz: Gazetteer) -> None:
    text = "由余杭区派出的挂职干部和专业人才组成的工作组进驻从江县,开展帮扶工作。"
    assert pairs(gaz, text, ["余杭区", "从江县"]) == {("余杭区", "从江县")}


def test_towns_that_helpers_come_from_pair_with_a_county(gaz: Gazetteer) -> None:
    text = "来自吴中区木渎镇、甪直镇的企业家到松桃县开展捐赠活动。"
    places = ["吴中区", "木渎镇", "甪直镇", "松桃县"]
    assert pairs(gaz, text, places) == {("木渎镇", "松桃苗族自治县"), ("甪直镇", "松桃苗族自治县")}


def test_team_formed_of_a_place_s_cadres_helps_where_it_is_stationed(gaz: Gazetteer) -> None:
    text = "由宁海县干部组成的帮扶工作队驻普安县开展工作。"
    assert pairs(gaz, text, ["宁海县", "普安县"]) == {("宁海县", "普安县")}


def test_staff_sent_to_help_pair_by_their_sides(gaz: Gazetteer) -> None:
    text = "嘉定区选派12名教师到富宁县开展支教帮扶。"
    assert pairs(gaz, text, ["嘉定区", "富宁县"]) == {("嘉定区", "富宁县")}


def test_staff_sent_to_each_listed_place(gaz: Gazetteer) -> None:
    text = "从2018年开始,西青区分别向天水市麦积区、白银市景泰县选派党政干部和专业技术人才。"
    places = ["西青区", "天水市", "麦积区", "白银市", "景泰县"]
    assert pairs(gaz, text, places) == {("西青区", "麦积区"), ("西青区", "景泰县")}


def test_staff_sent_away_for_training_make_no_pair(gaz: Gazetteer) -> None:
    # cadres of a western county go east to be trained: no help is stated
    assert pairs(gaz, "富宁县选派30名干部到上海参加培训。", ["富宁县", "上海"]) == set()


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
    assert pairs(gaz, text, places, (team,)) == {expected}


def test_organ_named_with_its_province_acts_for_its_city(gaz: Gazetteer) -> None:
    text = "山东省滨州市人社局与甘肃省临夏州东乡县人社局签订劳务合作协议。"
    orgs = ("山东省滨州市人社局", "甘肃省临夏州东乡县人社局")
    assert pairs(gaz, text, [], orgs) == {("滨州市", "东乡族自治县")}


# --------------------------------------------------------------------------- other forms


def test_towns_named_as_origin_of_helpers_each_pair(gaz: Gazetteer) -> None:
    text = "来自昆山市张浦镇、周市镇的爱心企业到碧江区瓦屋乡开展捐赠。"
    places = ["昆山市", "张浦镇", "周市镇", "碧江区", "瓦屋乡"]
    assert pairs(gaz, text, places) == {("张浦镇", "瓦屋侗族乡"), ("周市镇", "瓦屋侗族乡")}


def test_workers_from_a_recipient_going_to_their_donor_keep_the_direction(gaz: Gazetteer) -> None:
    text = "来自积石山县的务工人员到海沧区对接就业岗位。"
    assert pairs(gaz, text, ["积石山县", "海沧区"]) == {("海沧区", JSS)}


def test_dash_joined_places_that_establish_cooperation(gaz: Gazetteer) -> None:
    text = "近日,积石山县-海沧区建立合作关系。"
    assert pairs(gaz, text, ["积石山县", "海沧区"]) == {("海沧区", JSS)}


def test_fronted_clause_of_a_donor_helping_two_places(gaz: Gazetteer) -> None:
    text = "海沧区在对口帮扶积石山县和东乡县的基础上,深化协作。"
    assert pairs(gaz, text, ["海沧区", "积石山县", "东乡县"]) == {
        ("海沧区", JSS),
        ("海沧区", "东乡族自治县"),
    }


# --------------------------------------------------------------------------- negatives


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("2021年,南京市结束与淮安市的对口结对。", ["南京市", "淮安市"]),
        ("当年,南京市与淮安市解除结对关系。", ["南京市", "淮安市"]),
        ("根据新一轮调整,无锡市不再帮扶徐州市。", ["无锡市", "徐州市"]),
    ],
)
def test_ended_pairings_give_no_pair(gaz: Gazetteer, text: str, places: list[str]) -> None:
    assert pairs(gaz, text, places) == set()


def test_background_list_of_provinces_gives_no_pair(gaz: Gazetteer) -> None:
    text = (
        "1996年,中央确定北京、上海、江苏等东部省市与内蒙古、云南、甘肃等西部省区开展扶贫协作,"
        "具体为:东西部扶贫协作。"
    )
    places = ["北京", "上海", "江苏", "内蒙古", "云南", "甘肃"]
    assert pairs(gaz, text, places) == set()


def test_an_intro_word_without_a_pairing_word_before_gives_no_list(gaz: Gazetteer) -> None:
    text = "会议议程具体为:黄岛区与崂山区交流经验,城阳区与李沧区介绍做法。"
    assert pairs(gaz, text, ["黄岛区", "崂山区", "城阳区", "李沧区"]) == set()


# --------------------------------------------------------------------------- linking slips


def _linked_names(gaz: Gazetteer, text: str, places: list[str]) -> dict[str, str | None]:
    return {
        m.text: m.name if not m.unresolved else None for m in linked(gaz, text, places) if m.label == "PLACE"
    }


def test_given_name_after_a_byline_is_no_place(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "记者庄建德报道,淳安县与开化县签订合作协议。", ["建德", "淳安县", "开化县"])
    assert names["建德"] is None
    assert names["淳安县"] == "淳安县"


def test_dateline_place_is_no_place_of_the_story(gaz: Gazetteer) -> None:
    text = "新华社拉萨11月2日电 北京市对口支援拉萨市,成效明显。"
    mentions = [m for m in linked(gaz, text, ["拉萨", "北京市", "拉萨市"]) if m.label == "PLACE"]
    assert [m.name for m in mentions if not m.unresolved] == ["北京市", "拉萨市"]
    assert mentions[0].text == "拉萨" and mentions[0].unresolved


def test_short_name_inside_a_quoted_slogan_is_no_place(gaz: Gazetteer) -> None:
    names = _linked_names(
        gaz, "江门市开展“江海情”主题活动,为同心县群众送去温暖。", ["江门市", "江海", "同心县"]
    )
    assert names["江海"] is None
    assert names["同心县"] == "同心县"


def test_quoted_pair_of_places_stays_linked(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "“福清·通渭”东西部协作交流会在福清市举行。", ["福清", "通渭", "福清市"])
    assert names["福清"] == "福清市" and names["通渭"] == "通渭县"


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("山海同心稳就业,东西协作促振兴,黔东南与佛山携手。", "同心"),
        ("吸引一批福清籍客商到连城投资兴业。", "兴业"),
    ],
)
def test_short_name_used_as_a_common_word_is_no_place(gaz: Gazetteer, text: str, surface: str) -> None:
    places = [surface, "黔东南", "佛山", "福清", "连城"]
    names = _linked_names(gaz, text, [p for p in places if p in text])
    assert names[surface] is None


def test_short_name_that_is_a_common_word_after_a_word_of_place_stays(gaz: Gazetteer) -> None:
    names = _linked_names(gaz, "闽宁协作以来,福建在同心开展了大量帮扶工作。", ["福建", "同心"])
    assert names["同心"] == "同心县"


@pytest.mark.parametrize(
    "text",
    [
        "通讯员 王明 庄建德 报道:淳安县与开化县签订合作协议。",
        "(记者 庄建德)淳安县与开化县签订合作协议。",
        "陈建德说,淳安县与开化县签订了合作协议。",
    ],
)
def test_given_names_in_bylines_and_speakers_are_no_place(gaz: Gazetteer, text: str) -> None:
    assert _linked_names(gaz, text, ["建德", "淳安县", "开化县"])["建德"] is None


def test_place_named_after_a_reporter_who_comes_from_it_stays(gaz: Gazetteer) -> None:
    names = _linked_names(
        gaz, "记者从建德市获悉,淳安县与开化县签订合作协议。", ["建德市", "淳安县", "开化县"]
    )
    assert names["建德市"] == "建德市"


def test_dock_to_a_market_of_a_place_is_no_pairing_by_that_verb(gaz: Gazetteer) -> None:
    mentions = linked(gaz, "黔东南州积极对接广州市场,推动农产品销售。", ["黔东南州", "广州市"])
    relations = extract_relations(_article("黔东南州积极对接广州市场,推动农产品销售。"), mentions)
    assert not any(r.pattern == "pair.dock_verb" for r in relations)
