"""Which organisation mentions are names (kg.relate.orgs.guarded_org): phrases, fragments, quantities
and people the NER took for a name are none; trimmed names keep their name."""

from __future__ import annotations

import pytest
from relate_fixtures import org_mention

from kg.link.organisations import is_government
from kg.relate.orgs import guarded_org


@pytest.mark.parametrize(
    "text",
    [
        "招商",  # a verb-noun of a slogan (抓招商)
        "农业产业化",  # common words only
        "建基础",  # one-character verb and its object
        "民企",  # a class of organisations, not one
        "国企",
        "天津市各级政府及社会各界",  # a collective description
        "富坪村引入一家养殖公司",  # a clause with a quantity inside
    ],
)
def test_phrases_the_ner_took_for_names_are_no_organisations(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


@pytest.mark.parametrize(
    "text", ["厚康农贸", "中天创客", "华为", "天津市工商联", "甲乙科技有限公司", "振兴集团"]
)
def test_names_stay_names(text: str) -> None:
    kept = guarded_org(org_mention(text))
    assert kept is not None and kept.text == text


def test_a_clause_verb_taken_into_the_name_is_cut_off() -> None:
    kept = guarded_org(org_mention("查阅天津市工商联"))
    assert kept is not None
    assert (kept.text, kept.start) == ("天津市工商联", 12)


@pytest.mark.parametrize(
    "text",
    [
        "工程有限公司",  # a line of business and the legal form: cut from a longer name
        "电器有限公司",
        "甲乙镇部分行",  # ends inside 行政村: checked with the text after it below
        "两地工商联",  # both sides' federations, not one
    ],
)
def test_fragments_of_longer_names_are_no_organisations(text: str) -> None:
    assert guarded_org(org_mention(text), after="政村提供") is None


def test_a_trade_name_that_is_also_a_common_word_stays() -> None:
    kept = guarded_org(org_mention("东风公司"), after="驻房县")
    assert kept is not None and kept.text == "东风公司"


def test_a_subsidiary_s_line_of_business_alone_is_a_fragment() -> None:
    assert guarded_org(org_mention("供应链公司")) is None


def test_a_splinter_of_a_name_cut_inside_a_word_is_no_organisation() -> None:
    assert guarded_org(org_mention("限公司"), before="苏果超市有") is None
    assert guarded_org(org_mention("中资助职业中学"), before="万元,其") is None
    kept = guarded_org(org_mention("国美电器"), before="联合")
    assert kept is not None


def test_the_unit_of_a_sum_cut_from_its_number_is_no_organisation() -> None:
    assert guarded_org(org_mention("万元资金注入甲乙苹果专业合作社"), before="项目将79") is None
    assert guarded_org(org_mention("福建省创亿元农牧有限公司")) is not None  # 元 inside a name


def test_a_supermarket_is_an_organisation_not_a_city() -> None:
    kept = guarded_org(org_mention("甲乙超市"), before="宜君县邀请", after="有限公司")
    assert kept is not None and (kept.text, kept.name, kept.start, kept.end) == (
        "甲乙超市",
        "甲乙超市",
        10,
        14,
    )


def test_a_bracket_the_ner_never_closed_ends_the_name() -> None:
    kept = guarded_org(org_mention("区工商联(总商会"))
    assert kept is not None and (kept.text, kept.name, kept.end) == ("区工商联", "区工商联", 14)
    kept = guarded_org(org_mention("云账户(天津)共享经济信息咨询公司"))
    assert kept is not None and kept.text == "云账户(天津)共享经济信息咨询公司"


def test_a_role_and_a_person_taken_into_the_name_are_cut_off() -> None:
    kept = guarded_org(org_mention("甲乙帮扶集团联络员潘某某"))
    assert kept is not None and (kept.text, kept.name) == ("甲乙帮扶集团", "甲乙帮扶集团")
    kept = guarded_org(org_mention("甲乙大学校长办公室"))
    assert kept is not None and kept.text == "甲乙大学校长办公室"


@pytest.mark.parametrize("text", ["深情厚谊", "林某兄弟俩", "王某夫妇"])
def test_idioms_and_people_are_no_organisations(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


@pytest.mark.parametrize("text", ["基础设施", "商业模式", "山东企业", "天津爱心企业"])
def test_long_common_words_and_a_place_s_generic_companies_are_no_names(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


def test_a_lone_two_character_common_word_is_no_name() -> None:
    assert guarded_org(org_mention("党史"), after="学习教育") is None
    kept = guarded_org(org_mention("华为"))  # a proper name in the dictionary stays
    assert kept is not None


@pytest.mark.parametrize("text", ["暖风机1600台", "本网讯", "四川省西昌"])
def test_goods_counted_a_dateline_and_bare_places_are_no_organisations(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


def test_a_help_action_taken_into_the_name_is_cut_off() -> None:
    kept = guarded_org(org_mention("资助职业中学"), before="其中")
    assert kept is not None and kept.text == "职业中学"


def test_a_counter_glued_to_a_description_after_a_number_is_no_name() -> None:
    assert guarded_org(org_mention("家东部甲乙电力公司"), before="创新组织6") is None
    assert guarded_org(org_mention("家东部甲乙电力公司"), before="组织了三") is None


def test_a_name_that_starts_with_a_counter_character_stays_without_a_number() -> None:
    kept = guarded_org(org_mention("家乐福超市"), before="公司与")
    assert kept is not None and kept.text == "家乐福超市"


@pytest.mark.parametrize(
    "text",
    [
        "卫生站",  # a kind of institution, no name
        "幼儿园",
        "甲乙生物岛",  # an island (a park), a place
        "甲乙招商共享台账",  # a document
        "蛋鸡养殖",  # an activity
        "甘肃农业农村现代化",  # a place before a phrase of common words
        "区级财政和社会帮扶",  # money and its sources
    ],
)
def test_institution_kinds_places_documents_and_activities_are_no_names(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


@pytest.mark.parametrize("text", ["甲乙药业", "天津甲乙科技有限公司", "甲乙镇工会委员会"])
def test_names_stay_names_orgs2(text: str) -> None:
    kept = guarded_org(org_mention(text))
    assert kept is not None and kept.text == text


def test_the_state_council_is_an_organ_and_a_union_committee_is_not() -> None:
    assert is_government(org_mention("国务院"))
    assert is_government(org_mention("甲乙县委员会"))
    assert not is_government(org_mention("甲乙镇工会委员会"))


def test_the_word_that_closes_a_list_is_cut_off_a_name() -> None:
    kept = guarded_org(org_mention("甲乙丰等"))
    assert kept is not None and kept.text == "甲乙丰"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("然后招募市人民医院", "市人民医院"),  # a clause's opening word and verb
        ("之后市人民医院", "市人民医院"),
        ("市人民医院院长", "市人民医院"),  # a title stuck to the end
        ("甲乙商会会长", "甲乙商会"),
    ],
)
def test_opening_words_and_titles_are_cut_off(text: str, kept: str) -> None:
    guarded = guarded_org(org_mention(text))
    assert guarded is not None and guarded.text == kept


def test_the_bodies_of_two_places_are_no_one_organisation() -> None:
    assert guarded_org(org_mention("苏铜两市工商联")) is None
    assert guarded_org(org_mention("两县妇联")) is None


@pytest.mark.parametrize("text", ["社会", "村企结对"])
def test_common_words_the_ner_took_for_names_are_none(text: str) -> None:
    assert guarded_org(org_mention(text), before="动员", after="捐赠款物") is None


@pytest.mark.parametrize(
    ("text", "after"),
    [
        ("中小学", ""),  # a kind of school, one dictionary word: no one body
        ("城中心", "建起了"),
        ("南岭地区援建卫生院", "303个"),  # a help verb inside: a phrase, whatever its ending
        ("联办医院", "、"),
        ("专项资金支持学校", "建设"),
        ("福建籍商会", ""),  # the chambers of natives of a province: a collective
        ("东山市异地商会", "和"),
        ("浙江客商", "投资"),  # merchants, people
        ("东山全省村企", "结对"),  # all of a province's village-firm pairs
        ("甲乙商会", "3家"),  # a kind counted right after it
    ],
)
def test_generic_and_collective_bodies_are_no_organisations(text: str, after: str) -> None:
    assert guarded_org(org_mention(text), after=after) is None


@pytest.mark.parametrize("text", ["市工商联", "东山市温州商会", "甲乙研究院", "福清市残联"])
def test_a_kind_with_a_place_or_a_name_before_it_stays(text: str) -> None:
    kept = guarded_org(org_mention(text), after="捐赠")
    assert kept is not None and kept.text == text


@pytest.mark.parametrize(
    ("text", "before", "after"),
    [
        ("上海累计", "过去5年", "向石桥村投入3215万元"),  # a place and the start of its clause
        ("江苏高度重视", "", "对口扶贫协作"),
        ("苏陕", "省级", "协作项目资金"),  # a programme's two provinces
        ("北京中小学生", "收到", "捐赠的图书"),  # people
        ("深度参", "动员民营企业", "与脱贫攻坚工作"),  # a name without an ending cut inside 参与
        ("皮鞋加工厂", "这家位于东湖区的", ",是帮扶企业"),  # described, not named
        ("农产品展销中心", "设立", "(旗舰店、专柜等)23个"),  # a kind counted after an aside
    ],
)
def test_clause_starts_programme_pairs_people_cut_words_and_descriptions_are_no_names(
    text: str, before: str, after: str
) -> None:
    assert guarded_org(org_mention(text), before, after) is None


@pytest.mark.parametrize(
    ("text", "after"),
    [("中天创客", "与石桥村签订协议"), ("甲乙商会", "同石桥村结对"), ("佳都科技", "继续捐资")],
)
def test_names_that_end_before_a_word_stay(text: str, after: str) -> None:
    assert guarded_org(org_mention(text), "", after) is not None


def test_a_treasury_acts_for_its_place() -> None:
    assert is_government(org_mention("海州市财政"))


@pytest.mark.parametrize(
    "text",
    ["不少商会", "许多企业", "部分爱心企业", "众多民营企业", "一些协会", "广大会员企业"],
)
def test_a_vague_quantity_before_a_kind_of_body_is_no_name(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


@pytest.mark.parametrize(
    ("before", "text"),
    [("东湖商会会长", "王建国"), ("青禾集团董事长", "李明"), ("爱心企业负责人", "张小华")],
)
def test_a_short_name_right_after_a_role_is_a_person(before: str, text: str) -> None:
    assert guarded_org(org_mention(text), before=before) is None


@pytest.mark.parametrize(("before", "text"), [("东湖商会会长", "青禾科技公司"), ("由", "王建国")])
def test_an_organisation_after_a_role_and_a_name_without_a_role_stay(before: str, text: str) -> None:
    kept = guarded_org(org_mention(text), before=before)
    assert kept is not None and kept.text == text


@pytest.mark.parametrize("text", ["担保方式先去银行", "贷款方式再到信用社"])
def test_a_clause_with_an_adverb_before_its_verb_is_no_name(text: str) -> None:
    assert guarded_org(org_mention(text)) is None


@pytest.mark.parametrize("text", ["上海大同教育集团", "东湖永新电器有限公司"])
def test_names_holding_words_tagged_as_adverbs_stay(text: str) -> None:
    kept = guarded_org(org_mention(text))
    assert kept is not None and kept.text == text


def test_an_adverb_and_a_verb_opening_a_mention_make_it_a_clause() -> None:
    assert guarded_org(org_mention("共同成立投资有限责任公司")) is None
    kept = guarded_org(org_mention("大同煤业集团"))
    assert kept is not None and kept.text == "大同煤业集团"


def test_a_place_and_the_number_of_a_count_is_no_organisation() -> None:
    """宁波196|家民营企业: the NER took a place and the number of a count for a name."""
    assert guarded_org(org_mention("宁波196"), "组织", "家民营企业与贫困村结对") is None
    kept = guarded_org(org_mention("青禾3D打印"), "由", "公司捐赠")
    assert kept is not None and kept.text == "青禾3D打印"


def test_the_units_of_a_place_as_a_kind_are_no_names() -> None:
    """有关部门和镇街负责人: the towns and sub-districts as a kind, no one body."""
    assert guarded_org(org_mention("镇街")) is None


def test_a_place_and_a_status_word_open_a_clause() -> None:
    """东山认真落实…: the place and its clause's status word (jieba's z), no name."""
    assert guarded_org(org_mention("东山认真落实中央")) is None


def test_the_last_item_of_a_list_counted_with_its_kind_stays_a_name() -> None:
    """A、B、C三家国有企业: the count closes the list whose last item the name is (a kind of
    members, 国有, between the count and 企业), no kind of body counted."""
    kept = guarded_org(org_mention("青禾集团"), before="城投集团、交投集团、", after="三家国有企业以")
    assert kept is not None and kept.text == "青禾集团"


@pytest.mark.parametrize(
    ("before", "text", "after"),
    [
        ("师范类高校", "对口支援当地学校", ",送教下乡"),  # a help verb inside: a phrase
        ("来自长乐街道的", "企业家捐款成立基金会", ",资助学生"),  # a gift inside: a phrase
        ("记者们感受", "当地乡村振兴图景", "与新气象"),  # the local one: described, not named
        ("近年来持续引进", "青山电子信息", "企业落户"),  # the enterprises of a trade: a kind
        ("与东山市等12个市、", "县科协", "结成对子"),  # the bodies of every place of two levels
        ("东山各省、", "市工商联", "共同发起"),
    ],
)
def test_described_bodies_and_bodies_of_listed_levels_are_no_names(
    before: str, text: str, after: str
) -> None:
    assert guarded_org(org_mention(text), before=before, after=after) is None


@pytest.mark.parametrize(
    ("before", "text", "after"),
    [
        ("区慈善会向云岭县、", "区商会", "向白石镇捐赠"),  # a county's name ends before it: one body
        ("近年来持续引进", "青山电子科技", "企业落户"),  # a name with its ending stays
        ("电商企业", "中天创客", "公司负责人"),
    ],
)
def test_a_body_after_a_place_and_a_name_before_a_kind_stay(before: str, text: str, after: str) -> None:
    kept = guarded_org(org_mention(text), before=before, after=after)
    assert kept is not None and kept.text == text


def test_a_body_named_by_two_level_words_is_every_such_body() -> None:
    assert guarded_org(org_mention("区县科协"), before="协调各", after="建立") is None
