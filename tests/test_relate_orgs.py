"""Helper organisations: which organisation mentions are names, and which organisations help
which place — on sentences written for these tests, with hand-linked mentions."""

from __future__ import annotations

import pytest
from relate_fixtures import article

from kg.records import Mention, Relation
from kg.relate import extract_relations
from kg.relate.orgs import guarded_org


def relations(text: str, places: list[str], orgs: dict[str, str | None], **kwargs: object) -> list[Relation]:
    art, mentions = article(text, places, orgs=orgs, **kwargs)  # type: ignore[arg-type]
    return extract_relations(art, mentions)


def helpers(text: str, places: list[str], orgs: dict[str, str | None], **kwargs: object) -> list[tuple]:
    """(org, recipient, action) of the help relations, in order."""
    found = relations(text, places, orgs, **kwargs)
    return [
        (r.donor.name, r.recipient.name if r.recipient else None, r.action) for r in found if r.type == "help"
    ]


def org(text: str) -> Mention:
    return Mention("t", "ORG", text, 10, 10 + len(text), 0, name=text)


# --------------------------------------------------------------------------- names


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
    assert guarded_org(org(text)) is None


@pytest.mark.parametrize(
    "text", ["厚康农贸", "中天创客", "华为", "天津市工商联", "甲乙科技有限公司", "振兴集团"]
)
def test_names_stay_names(text: str) -> None:
    kept = guarded_org(org(text))
    assert kept is not None and kept.text == text


def test_a_clause_verb_taken_into_the_name_is_cut_off() -> None:
    kept = guarded_org(org("查阅天津市工商联"))
    assert kept is not None
    assert (kept.text, kept.start) == ("天津市工商联", 12)


# --------------------------------------------------------------------------- help


def test_subject_of_a_chain_of_clauses_helps_with_the_action_at_its_end() -> None:
    text = (
        "和平区对口帮扶靖远县。"
        "同时,爱心企业甲乙科技有限公司、丙丁实业有限公司积极履行社会责任,"
        "结合“我为群众办实事”主题教育实践活动,开展走访慰问,捐赠消费帮扶资金8万元,为富坪村解决了路灯问题。"
    )
    orgs = {"甲乙科技有限公司": "120000", "丙丁实业有限公司": None}
    found = relations(text, ["和平区", "靖远县", "富坪村"], orgs)
    helps = [(r.donor.name, r.recipient.name, r.action, r.pattern) for r in found if r.type == "help"]
    assert helps == [
        ("甲乙科技有限公司", "富坪村", "donates", "help.agent_chain"),
        ("丙丁实业有限公司", "富坪村", "donates", "help.agent_chain"),
    ]


def test_units_that_visit_a_village_and_install_lights_there_build() -> None:
    text = (
        "在工作组指导下,甲乙图书馆、丙丁科技有限公司等8家单位、企业在疫情最紧张的时期深入富坪村进行详细的摸底,"
        "了解脱贫摘帽碰到的困难,实施了关爱未来工程,为该村安装了太阳能路灯100套。"
    )
    found = relations(text, ["富坪村"], {"甲乙图书馆": None, "丙丁科技有限公司": None})
    helps = [(r.donor.name, r.recipient.name, r.action, r.pattern) for r in found if r.type == "help"]
    assert helps == [
        ("甲乙图书馆", "富坪村", "builds", "help.agent_chain"),
        ("丙丁科技有限公司", "富坪村", "builds", "help.agent_chain"),
    ]


def test_a_place_that_opens_a_clause_ends_the_organisation_s_chain() -> None:
    text = "甲乙科技有限公司负责人介绍了公司经营情况和今年的发展目标与市场开拓计划,靖远县随后投资建设了冷库。"
    assert helpers(text, ["靖远县"], {"甲乙科技有限公司": None}) == []


@pytest.mark.parametrize(
    "text",
    [
        "检查组查阅甲乙公司、丙丁协会的台账资料,访谈村干部对企业帮扶的意见建议。",
        "工作队走访甲乙公司,了解企业对富坪村帮扶的进展。",
    ],
)
def test_organisations_that_are_the_object_of_a_visit_or_a_check_do_not_help(text: str) -> None:
    assert helpers(text, ["富坪村"], {"甲乙公司": None, "丙丁协会": None}) == []


def test_a_site_header_menu_is_no_statement_of_help() -> None:
    text = "爱心公益网 寻人济困 爱心捐助 求学助医 慈善活动 免费发布求助信息"
    assert helpers(text, [], {"爱心公益网": None}) == []


def test_a_body_written_against_the_place_after_it_heads_that_place_s_name() -> None:
    # the division and the city are one body (师市合一): it is the recipient, not a helper
    text = "和平区与某某兵团第三师靖远县就乡村振兴结对帮扶工作签约。"
    assert helpers(text, ["和平区", "靖远县"], {"某某兵团第三师": None}) == []


# --------------------------------------------------------------------------- agreements, sides


def test_company_of_the_donor_side_buys_from_the_company_of_the_recipient_side() -> None:
    text = "和平区对口帮扶靖远县。实地调研后,甲乙集团与靖远丙丁农业科技有限公司签订了购销合作框架协议。"
    orgs = {"甲乙集团": None, "靖远丙丁农业科技有限公司": "620421"}
    assert helpers(text, ["和平区", "靖远县"], orgs) == [("甲乙集团", "靖远县", "buys")]


def test_written_order_does_not_decide_who_helps_in_an_agreement() -> None:
    text = "和平区对口帮扶靖远县。靖远丙丁农业科技有限公司与天津甲乙食品集团签订了合作协议。"
    orgs = {"天津甲乙食品集团": "120000", "靖远丙丁农业科技有限公司": "620421"}
    assert helpers(text, ["和平区", "靖远县"], orgs) == [("天津甲乙食品集团", "靖远县", "helps")]


def test_an_agreement_between_companies_of_unknown_sides_states_no_help() -> None:
    text = "和平区对口帮扶靖远县。甲乙集团与丙丁农业科技有限公司签订了合作协议。"
    assert helpers(text, ["和平区", "靖远县"], {"甲乙集团": None, "丙丁农业科技有限公司": None}) == []


def test_a_company_of_the_helped_province_is_no_helper() -> None:
    text = "和平区对口帮扶靖远县。甘肃戊己生态农林有限公司签订了购销协议,帮助富坪村销售农产品。"
    assert helpers(text, ["和平区", "靖远县", "富坪村"], {"甘肃戊己生态农林有限公司": "620000"}) == []


# --------------------------------------------------------------------------- quotes


def test_the_we_of_a_quote_is_the_organisation_that_speaks_it() -> None:
    text = (
        "“在工商联牵线下,我们在富坪村办了一个加工车间,让贫困户可以在家门口就业。”"
        "昨日,甲乙集团相关负责人告诉记者,车间已经投产。"
    )
    found = relations(text, ["富坪村"], {"甲乙集团": None, "工商联": None})
    helps = [(r.donor.name, r.recipient.name, r.action) for r in found if r.type == "help"]
    assert helps == [("甲乙集团", "富坪村", "employs")]
    assert found[0].sentence == 0  # the evidence is the quote itself


def test_a_quote_after_the_speaker_and_its_colon() -> None:
    text = "甲乙公司董事长表示:“今年我们将在富坪村投资建设冷库。”"
    assert helpers(text, ["富坪村"], {"甲乙公司": None}) == [("甲乙公司", "富坪村", "invests")]


def test_a_quote_by_a_person_of_no_organisation_gives_no_organisation() -> None:
    text = "“我们在富坪村投资建设了冷库。”村民告诉记者。"
    assert helpers(text, ["富坪村"], {}) == []


# --------------------------------------------------------------------------- more wordings, more guards


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
    assert guarded_org(org(text), after="政村提供") is None


def test_a_trade_name_that_is_also_a_common_word_stays() -> None:
    kept = guarded_org(org("东风公司"), after="驻房县")
    assert kept is not None and kept.text == "东风公司"


def test_organisations_named_after_by_act() -> None:
    text = "由和平区台办、甲乙慈善总会和丙丁联谊会共同筹集的500套桌椅,送进了靖远县的教室。"
    found = helpers(text, ["和平区", "靖远县"], {"甲乙慈善总会": "120000", "丙丁联谊会": None})
    assert found == [("甲乙慈善总会", "靖远县", "donates"), ("丙丁联谊会", "靖远县", "donates")]


def test_an_organisation_after_a_goal_word_receives() -> None:
    text = "和平区工商联组织爱心企业到富坪村甲乙幼儿园开展爱心捐赠活动。"
    found = helpers(text, ["富坪村"], {"和平区工商联": "120101", "富坪村甲乙幼儿园": "620421"})
    assert [f[0] for f in found] == ["和平区工商联"]


def test_a_village_s_own_school_is_no_helper() -> None:
    text = "爱心企业向靖远县结对村捐赠学习用品,富坪村甲乙小学还援建了图书室。"
    assert helpers(text, ["靖远县"], {"富坪村甲乙小学": None}) == []


def test_an_organisation_that_thanks_for_a_donation_received_it() -> None:
    text = "靖远县甲乙发展协会负责人对此次捐赠的爱心企业表示衷心感谢。"
    assert helpers(text, ["靖远县"], {"靖远县甲乙发展协会": None}) == []


def test_an_organisation_that_got_the_support_of_another_does_not_hide_it() -> None:
    text = "富坪村得到甲乙集团的大力支持,建成了冷库。"
    assert helpers(text, ["富坪村"], {"甲乙集团": None}) == [("甲乙集团", "富坪村", "helps")]


def test_two_organisations_that_donate_together() -> None:
    text = "甲乙集团与丙丁协会共同向富坪村捐赠图书2000册。"
    found = helpers(text, ["富坪村"], {"甲乙集团": None, "丙丁协会": None})
    assert found == [("甲乙集团", "富坪村", "donates"), ("丙丁协会", "富坪村", "donates")]


def test_an_agreement_without_pairings_the_eastern_company_helps() -> None:
    text = "广东甲乙电器有限公司与重庆丙丁发展协会签订捐赠协议。"
    orgs = {"广东甲乙电器有限公司": "440000", "重庆丙丁发展协会": "500000"}
    assert [f[0] for f in helpers(text, [], orgs)] == ["广东甲乙电器有限公司"]


def test_a_donation_to_an_institution_goes_to_its_place() -> None:
    text = "甲乙公司向靖远县甲乙小学捐赠了学习用品,富坪村的村民前来观看。靖远县教育局表示感谢。"
    orgs = {"甲乙公司": "120000", "靖远县甲乙小学": "620421"}
    assert helpers(text, ["富坪村", "靖远县"], orgs) == [("甲乙公司", "靖远县", "donates")]


def test_a_joint_venture_of_the_two_sides_the_eastern_partner_helps() -> None:
    text = "和平区对口帮扶靖远县。甲乙公司与靖远丙丁农业科技有限责任公司合作开发高原夏菜项目。"
    orgs = {"甲乙公司": "120000", "靖远丙丁农业科技有限责任公司": "620421"}
    assert helpers(text, ["和平区", "靖远县"], orgs) == [("甲乙公司", "靖远县", "helps")]


def test_co_investors_joined_after_a_comma() -> None:
    text = "当地政府引进天津甲乙投资集团有限公司,和丙丁食材集团有限公司共同出资成立了靖远县一家水务公司。"
    orgs = {"天津甲乙投资集团有限公司": "120000", "丙丁食材集团有限公司": None}
    found = [f[0] for f in helpers(text, ["靖远县"], orgs)]
    assert found == ["天津甲乙投资集团有限公司", "丙丁食材集团有限公司"]


def test_a_subsidiary_s_line_of_business_alone_is_a_fragment() -> None:
    assert guarded_org(org("供应链公司")) is None


def test_a_subsidiary_named_by_its_line_of_business_joins_its_parent() -> None:
    text = "雨具加工厂由海沧区牵线搭桥,厦门甲乙集团供应链公司、厦门丙丁雨具有限公司投资建设。"
    orgs = {"厦门甲乙集团": "350200", "供应链公司": None, "厦门丙丁雨具有限公司": "350200"}
    found = [f[0] for f in helpers(text, ["海沧区"], orgs)]
    assert found == ["厦门甲乙集团供应链公司", "厦门丙丁雨具有限公司"]


def test_an_organisation_that_gets_the_money_receives_it() -> None:
    text = "和平区对口帮扶靖远县。靖远县甲乙种植专业合作社获得东西部协作帮扶资金50万元。"
    assert helpers(text, ["和平区", "靖远县"], {"靖远县甲乙种植专业合作社": None}) == []


@pytest.mark.parametrize(
    "text",
    [
        "据甲乙日报报道,和平区帮扶企业在靖远县投资建设了冷库。",
        "甲乙新闻网讯 和平区帮扶企业在靖远县投资建设了冷库。",
    ],
)
def test_the_outlet_that_reports_is_no_helper(text: str) -> None:
    orgs = {"甲乙日报": None, "甲乙新闻网": None}
    assert helpers(text, ["和平区", "靖远县"], orgs) == []


def test_an_outlet_is_no_giver_of_the_sums_it_reports() -> None:
    text = "甲乙日报消息,爱心人士向富坪村捐赠帮扶资金5万元。"
    found = relations(text, ["富坪村"], {"甲乙日报": None}, money={"5万元": 50_000})
    assert [r.type for r in found] == ["funding"]
    assert [r for r in found if r.donor and r.donor.label == "ORG"] == []


# --------------------------------------------------------------------------- words that point back


def test_the_company_points_back_to_the_organisation_named_before() -> None:
    text = (
        "靖远县邀请甲乙超市有限公司参加扶贫博览会,在了解靖远县产业状况后,该公司表示将全力支持靖远县产业发展。"
    )
    found = helpers(text, ["靖远县"], {"甲乙超市有限公司": "320000", "该公司": None})
    assert found == [("甲乙超市有限公司", "靖远县", "helps")]


def test_a_specific_noun_wants_an_organisation_of_that_kind() -> None:
    text = "甲乙公司和丙丁协会的代表来到富坪村。该协会向富坪村捐赠了图书。"
    found = helpers(text, ["富坪村"], {"甲乙公司": None, "丙丁协会": None})
    assert found == [("丙丁协会", "富坪村", "donates")]


def test_a_splinter_of_a_name_cut_inside_a_word_is_no_organisation() -> None:
    assert guarded_org(org("限公司"), before="苏果超市有") is None
    assert guarded_org(org("中资助职业中学"), before="万元,其") is None
    kept = guarded_org(org("国美电器"), before="联合")
    assert kept is not None


def test_the_unit_of_a_sum_cut_from_its_number_is_no_organisation() -> None:
    assert guarded_org(org("万元资金注入甲乙苹果专业合作社"), before="项目将79") is None
    assert guarded_org(org("福建省创亿元农牧有限公司")) is not None  # 元 inside a name


def test_a_supermarket_is_an_organisation_not_a_city() -> None:
    kept = guarded_org(org("甲乙超市"), before="宜君县邀请", after="有限公司")
    assert kept is not None


def test_two_hospitals_paired_the_one_of_the_donor_side_helps() -> None:
    text = "和平区对口帮扶靖远县。和平区甲乙医院与靖远县人民医院结对帮扶,派出专家坐诊。"
    orgs = {"和平区甲乙医院": "120101", "靖远县人民医院": "620421"}
    assert helpers(text, ["和平区", "靖远县"], orgs) == [("和平区甲乙医院", "靖远县", "helps")]


def test_a_bracket_the_ner_never_closed_ends_the_name() -> None:
    kept = guarded_org(org("区工商联(总商会"))
    assert kept is not None and (kept.text, kept.name, kept.end) == ("区工商联", "区工商联", 14)
    kept = guarded_org(org("云账户(天津)共享经济信息咨询公司"))
    assert kept is not None and kept.text == "云账户(天津)共享经济信息咨询公司"


def test_a_role_and_a_person_taken_into_the_name_are_cut_off() -> None:
    kept = guarded_org(org("甲乙帮扶集团联络员潘某某"))
    assert kept is not None and (kept.text, kept.name) == ("甲乙帮扶集团", "甲乙帮扶集团")
    kept = guarded_org(org("甲乙大学校长办公室"))
    assert kept is not None and kept.text == "甲乙大学校长办公室"


@pytest.mark.parametrize("text", ["深情厚谊", "林某兄弟俩", "王某夫妇"])
def test_idioms_and_people_are_no_organisations(text: str) -> None:
    assert guarded_org(org(text)) is None


@pytest.mark.parametrize("text", ["基础设施", "商业模式", "山东企业", "天津爱心企业"])
def test_long_common_words_and_a_place_s_generic_companies_are_no_names(text: str) -> None:
    assert guarded_org(org(text)) is None


def test_an_organisation_inside_a_clause_does_not_break_the_subject_s_chain() -> None:
    text = (
        "同时,爱心企业甲乙科技有限公司积极履行社会责任,结合丙丁学会组织的主题教育实践活动,"
        "开展走访慰问,捐赠消费帮扶资金8万元,为富坪村解决了路灯问题。"
    )
    found = helpers(text, ["富坪村"], {"甲乙科技有限公司": None, "丙丁学会": None})
    assert ("甲乙科技有限公司", "富坪村", "donates") in found


def test_organisations_visited_after_a_verb_with_le_do_not_help() -> None:
    text = "考察团一行还走访了甲乙科技农业有限公司、丙丁股份有限公司等,深入了解当地产业发展、投资政策等情况。"
    assert helpers(text, ["富坪村"], {"甲乙科技农业有限公司": None, "丙丁股份有限公司": None}) == []


def test_an_organisation_that_thanks_the_donors_with_a_certificate_received() -> None:
    text = "捐赠仪式上,靖远县甲乙商会向3家捐赠企业颁发了荣誉证书,表示了衷心感谢。"
    assert helpers(text, ["靖远县"], {"靖远县甲乙商会": None}) == []


def test_a_lone_two_character_common_word_is_no_name() -> None:
    assert guarded_org(org("党史"), after="学习教育") is None
    kept = guarded_org(org("华为"))  # a proper name in the dictionary stays
    assert kept is not None


@pytest.mark.parametrize("text", ["暖风机1600台", "本网讯", "四川省西昌"])
def test_goods_counted_a_dateline_and_bare_places_are_no_organisations(text: str) -> None:
    assert guarded_org(org(text)) is None


def test_a_help_action_taken_into_the_name_is_cut_off() -> None:
    kept = guarded_org(org("资助职业中学"), before="其中")
    assert kept is not None and kept.text == "职业中学"


def test_a_news_site_is_no_helper_but_the_grid_company_is() -> None:
    text = "甲乙网讯 国家电网向富坪村捐赠了变压器,甲乙网也捐赠了图书。"
    found = helpers(text, ["富坪村"], {"甲乙网": None, "国家电网": None})
    assert [f[0] for f in found] == ["国家电网"]
