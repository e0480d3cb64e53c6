"""Helper organisations: which organisation helps which place, with which action, and which
organisations do not (objects, goals, outlets, the helped side's own bodies). Sentences written
for these tests, with hand-linked mentions (one through the real pipeline)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from relate_fixtures import JSS, helpers, org_gifts, relations

from kg.records import Article, Mention, Relation

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


def test_enterprise_that_invests_and_research_institute_that_trains() -> None:
    text = "海沧区对口帮扶积石山县。厦门海投集团在积石山县投资建设雨具加工厂。"
    assert helpers(text, ["海沧区", "积石山县"], {"厦门海投集团": "350200"}) == [
        ("厦门海投集团", JSS, "invests")
    ]
    text = "对接天津科润黄瓜研究所,在富坪村设立专家工作站,提供技术支撑。"
    assert helpers(text, ["富坪村"], {"天津科润黄瓜研究所": "120000"}) == [
        ("天津科润黄瓜研究所", "富坪村", "builds")
    ]


def test_introduced_enterprises_invest_in_the_article_s_recipient() -> None:
    text = "和平区对口帮扶靖远县。产业协作上,引进落地厚康农贸、轩睿食用菌等企业6家。"
    found = helpers(text, ["和平区", "靖远县"], {"厚康农贸": None, "轩睿食用菌": None})
    assert found == [("厚康农贸", "靖远县", "invests"), ("轩睿食用菌", "靖远县", "invests")]


def test_government_organs_instruments_and_the_recipient_s_own_bodies_are_not_helpers() -> None:
    text = (
        "海沧区对口帮扶积石山县。海沧区教育局派出12名教师赴积石山县开展支教工作。"
        "积石山县人民政府、厦门特利强雨具公司在积石山县注册成立一家加工公司。"
        "依托京东云等电商平台,开通线上扶贫专区,帮助积石山县销售农产品。"
    )
    orgs = {
        "海沧区教育局": "350205",
        "积石山县人民政府": "622927",
        "厦门特利强雨具公司": "350200",
        "京东云": None,
    }
    assert helpers(text, ["海沧区", "积石山县"], orgs) == [("厦门特利强雨具公司", JSS, "builds")]


def test_a_body_the_help_built_is_no_helper() -> None:
    text = "6月10日,由甲乙慈善基金会援建的靖远县乐乐幼儿园举行援建协议签字和奠基仪式。"
    orgs = {"甲乙慈善基金会": None, "靖远县乐乐幼儿园": "620421"}
    assert [h[0] for h in helpers(text, ["靖远县"], orgs)] == ["甲乙慈善基金会"]


def test_recipient_side_organisation_selling_to_the_east_is_not_a_helper() -> None:
    text = "昆山市对口帮扶碧江区。碧江白水大米合作社与昆山7家企业达成经销合作,帮助销售大米。"
    assert helpers(text, ["昆山市", "碧江区", "碧江", "昆山"], {"碧江白水大米合作社": "520602"}) == []


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


def test_organisations_named_after_by_act() -> None:
    text = "由和平区台办、甲乙慈善总会和丙丁联谊会共同筹集的500套桌椅,送进了靖远县的教室。"
    found = helpers(text, ["和平区", "靖远县"], {"甲乙慈善总会": "120000", "丙丁联谊会": None})
    assert found == [("甲乙慈善总会", "靖远县", "donates"), ("丙丁联谊会", "靖远县", "donates")]


def test_an_organisation_after_a_goal_word_receives() -> None:
    text = "和平区工商联组织农业专家到富坪村甲乙幼儿园开展爱心捐赠活动。"
    found = helpers(text, ["富坪村"], {"和平区工商联": "120101", "富坪村甲乙幼儿园": "620421"})
    assert [f[0] for f in found] == ["和平区工商联"]


def test_a_convener_of_other_bodies_gives_nothing_itself() -> None:
    """A federation that rallies other bodies or an event to the help convenes it; one that sends
    its own people gives."""
    orgs = {"和平区工商联": "120101", "甲乙科技有限公司": "120101", "丙丁慈善协会": "120101"}
    places = ["和平区", "靖远县"]
    text = "和平区对口帮扶靖远县。和平区工商联动员会员企业向靖远县捐款50万元。"
    assert helpers(text, places, orgs) == []
    text = "和平区对口帮扶靖远县。丙丁慈善协会、和平区工商联牵头组织捐赠活动,甲乙科技有限公司捐资5万元。"
    assert [f[0] for f in helpers(text, places, orgs)] == ["甲乙科技有限公司"]
    text = "和平区对口帮扶靖远县。甲乙科技有限公司组织员工向靖远县捐款3万元。"
    assert helpers(text, places, orgs) == [("甲乙科技有限公司", "靖远县", "donates")]


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


def test_two_hospitals_paired_the_one_of_the_donor_side_helps() -> None:
    text = "和平区对口帮扶靖远县。和平区甲乙医院与靖远县人民医院结对帮扶,派出专家坐诊。"
    orgs = {"和平区甲乙医院": "120101", "靖远县人民医院": "620421"}
    assert helpers(text, ["和平区", "靖远县"], orgs) == [("和平区甲乙医院", "靖远县", "helps")]


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


def test_a_news_site_is_no_helper_but_the_grid_company_is() -> None:
    text = "甲乙网讯 国家电网向富坪村捐赠了变压器,甲乙网也捐赠了图书。"
    found = helpers(text, ["富坪村"], {"甲乙网": None, "国家电网": None})
    assert [f[0] for f in found] == ["国家电网"]


def test_a_joining_character_the_ner_cut_off_a_name_s_start_belongs_to_it() -> None:
    text = "天津市帮扶靖远县。天津甲乙科技有限公司、和平之家服务中心与靖远县签订帮扶协议。"
    orgs = {"天津甲乙科技有限公司": "120000", "平之家服务中心": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"天津甲乙科技有限公司", "和平之家服务中心"}


def test_organisations_listed_with_a_village_that_sign_a_help_agreement_help() -> None:
    text = "苏州市对口帮扶铜仁市。协议分别为苏州甲乙有限公司、张浦镇与坝黄镇签订的帮扶协议。"
    orgs = {"苏州甲乙有限公司": "320500"}
    found = helpers(text, ["苏州市", "铜仁市", "张浦镇", "坝黄镇"], orgs)
    assert ("苏州甲乙有限公司", "坝黄镇", "helps") in found


def test_an_organisation_that_awards_a_donation_certificate_gives_nothing() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团向靖远县捐赠物资,丙丁慈善会为天津甲乙集团颁发捐赠证书。"
    orgs = {"天津甲乙集团": "120000", "丙丁慈善会": "120000"}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"天津甲乙集团"}


def test_an_organisation_that_attends_a_donation_ceremony_gives_nothing() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团丙丁分公司有关负责人等参加本次捐赠仪式。"
    orgs = {"天津甲乙集团丙丁分公司": "120000"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_a_factory_brought_in_is_the_object_not_the_helper() -> None:
    text = "天津市帮扶靖远县。公司在靖远县落地甲乙村制衣厂,结对帮扶三个乡镇。"
    orgs = {"甲乙村制衣厂": "620421"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_the_partner_of_a_purchase_agreement_buys() -> None:
    text = "天津市帮扶靖远县。经过工作队对接,与天津甲乙镇工会委员会达成了农产品集中采购意向。"
    orgs = {"天津甲乙镇工会委员会": "120000"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == [("天津甲乙镇工会委员会", "靖远县", "buys")]


def test_a_purchase_partner_of_the_helped_side_is_no_helper() -> None:
    text = "天津市帮扶靖远县。经过对接,与靖远丙丁合作社签订了农产品采购协议。"
    orgs = {"靖远丙丁合作社": "620421"}
    assert helpers(text, ["天津市", "靖远县"], orgs) == []


def test_a_company_that_helps_listed_counties_keeps_its_chain() -> None:
    text = "2024年,甲乙能源集团按照国务院国资委要求,在靖远县、通渭县和渭源县落实定点帮扶各项工作。"
    orgs = {"甲乙能源集团": None, "国务院": None}
    found = helpers(text, ["靖远县", "通渭县", "渭源县"], orgs)
    assert [f[0] for f in found] == ["甲乙能源集团"]


def test_a_platform_named_x网_that_signs_with_a_place_helps_but_an_outlet_does_not() -> None:
    text = "天津市帮扶靖远县。甲乙网与靖远县签订农产品购销协议。丙丁新闻网报道,天津市向靖远县捐赠物资。"
    orgs = {"甲乙网": None, "丙丁新闻网": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert found == {"甲乙网"}


def test_schools_a_donation_goes_to_after_分别为_are_no_helpers() -> None:
    text = "天津市帮扶靖远县。天津甲乙集团分别为靖远丙小学、靖远丁中学捐赠图书。"
    orgs = {"天津甲乙集团": "120000", "靖远丙小学": None, "靖远丁中学": None}
    found = {f[0] for f in helpers(text, ["天津市", "靖远县"], orgs)}
    assert not found & {"靖远丙小学", "靖远丁中学"}


def test_a_school_named_after_its_donor_but_written_after_the_helped_place_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。通渭县福清实验学校开展帮扶活动。"
    assert org_gifts(text, ["福清市", "通渭县"], {"福清实验学校": "350181"}) == []


def test_the_short_form_of_a_school_of_the_helped_place_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。在通渭福清实验学校,专家了解办学情况。希望福清实验学校发挥好协作帮扶作用。"
    orgs = {"通渭福清实验学校": "621121", "福清实验学校": "350181"}
    assert org_gifts(text, ["福清市", "通渭县"], orgs) == []


def test_a_school_of_the_donor_side_still_helps() -> None:
    text = "福清市对口帮扶通渭县。福清实验学校为通渭县捐赠图书。"
    found = org_gifts(text, ["福清市", "通渭县"], {"福清实验学校": "350181"})
    assert ("help", "福清实验学校", "通渭县") in found


def test_a_shorter_name_shared_by_schools_of_both_sides_is_left_as_it_is() -> None:
    text = "福清市对口帮扶通渭县。福清市实验小学与通渭县实验小学结对。实验小学为通渭县捐赠图书。"
    orgs = {"福清市实验小学": "350181", "通渭县实验小学": "621121", "实验小学": "350181"}
    found = org_gifts(text, ["福清市", "通渭县"], orgs)
    assert ("help", "实验小学", "通渭县") in found


def test_a_school_that_is_the_goal_of_a_gift_gives_no_money() -> None:
    text = "福清市对口帮扶通渭县。甲乙基金会为通渭县丙丁小学捐赠5万元。"
    orgs = {"甲乙基金会": "350181", "丙丁小学": None}
    found = org_gifts(text, ["福清市", "通渭县"], orgs, money={"5万元": 50000.0})
    assert ("funding", "丙丁小学", "通渭县") not in found
    assert any(f[1] == "甲乙基金会" for f in found)


def test_an_organisation_that_signs_an_agreement_with_the_helped_place_helps_it() -> None:
    text = "福清市对口帮扶通渭县。通渭县与甲乙技师学院签订《通渭县人民政府-甲乙技师学院合作办学协议》。"
    orgs = {"甲乙技师学院": None, "通渭县人民政府-甲乙技师学院": "621121"}
    found = org_gifts(text, ["福清市", "通渭县"], orgs)
    assert ("help", "甲乙技师学院", "通渭县") in found


def test_a_company_of_the_helped_place_that_signs_with_it_is_no_helper() -> None:
    text = "福清市对口帮扶通渭县。通渭县与通渭丙丁合作社签订了种植合作协议。"
    assert org_gifts(text, ["福清市", "通渭县"], {"通渭丙丁合作社": "621121"}) == []


def test_an_organisation_listed_with_the_places_as_a_party_of_their_agreement_helps() -> None:
    text = "福清市对口帮扶通渭县。会上,福清市、通渭县、甲乙文旅投资有限公司签订《产业协作项目合作框架协议》。"
    orgs = {"甲乙文旅投资有限公司": "350181"}
    found = org_gifts(text, ["福清市", "通渭县"], orgs)
    assert [f[:2] for f in found] == [("help", "甲乙文旅投资有限公司")]
    assert found[0][2] == "通渭县"


def test_schools_and_bodies_of_the_helped_side_are_no_helpers_without_a_pairing() -> None:
    """No pairing in the article says which side is which: a school or federation based in a western
    province, or a village school the article does not place, is helped; an enterprise is not judged
    by its region (an eastern investor's venture is registered where it invests)."""
    orgs = {"甲乙慈善总会": "120000", "靖远县第四中学": "620421", "丙丁侨联": "620000", "石桥小学": None}
    kinds = {"甲乙慈善总会": "social", "靖远县第四中学": "school", "丙丁侨联": "social", "石桥小学": "school"}
    text = "甲乙慈善总会向靖远县第四中学捐赠一批教学设备。"
    assert [f[0] for f in helpers(text, ["靖远县"], orgs, subtypes=kinds)] == ["甲乙慈善总会"]
    text = "丙丁侨联与甲乙慈善总会建立协作机制,引资270万元在靖远县实施帮扶项目。"
    assert [f[0] for f in helpers(text, ["靖远县"], orgs, subtypes=kinds)] == ["甲乙慈善总会"]
    text = "石桥小学重建工程奠基,甲乙慈善总会捐资用于石桥小学重建。"
    assert [f[0] for f in helpers(text, ["靖远县"], orgs, subtypes=kinds)] == ["甲乙慈善总会"]
    text = "靖远县甲乙农业有限公司在靖远县投资建设冷库。"
    found = helpers(text, ["靖远县"], {"靖远县甲乙农业有限公司": "620421"})
    assert [f[0] for f in found] == ["靖远县甲乙农业有限公司"]


def test_a_province_s_own_body_helps_in_its_province_s_pairings(read_text: Read) -> None:
    """南明区 and 普安县 are both of 贵州: a body of the province itself (贵州省某商会) stands above
    both sides of the article's pairings, it is no helped side's body; a prefecture's is."""

    def helping(text: str) -> list[str]:
        return [r.donor.name for r in read_text(text)[2] if r.type == "help" and r.donor is not None]

    assert helping("南明区对口帮扶普安县。贵州省甲乙商会向普安县捐赠一批物资。") == ["贵州省甲乙商会"]
    assert helping("南明区对口帮扶普安县。六盘水市甲乙商会向普安县捐赠一批物资。") == []


def test_companies_that_attend_a_ceremony_and_then_give_are_helpers() -> None:
    orgs = {"甲乙建筑有限公司": "120101", "丙丁食品有限公司": "120101"}
    text = (
        "和平区对口帮扶靖远县。"
        "和平区的甲乙建筑有限公司、丙丁食品有限公司等37家企业参加了捐赠仪式,捐赠资金98万元。"
    )
    assert [f[0] for f in helpers(text, ["和平区", "靖远县"], orgs)] == [
        "甲乙建筑有限公司",
        "丙丁食品有限公司",
    ]
    text = "和平区对口帮扶靖远县。甲乙建筑有限公司负责人参加了捐赠仪式。"
    assert helpers(text, ["和平区", "靖远县"], orgs) == []


def test_a_hospital_that_stations_its_medical_teams_helps() -> None:
    text = "和平区对口帮扶靖远县。和平区甲乙医院累计派驻靖远县医疗队15批。"
    assert helpers(text, ["和平区", "靖远县"], {"和平区甲乙医院": "120101"}) == [
        ("和平区甲乙医院", "靖远县", "helps")
    ]


def test_an_institution_after_a_dash_is_the_goal_its_marker_opened() -> None:
    """向某区对口援助单位——某县第四中学捐赠: the school after the dash is where the help goes (its
    county, named only inside the school's name), not the district before it."""
    text = "甲乙慈善总会向和平区对口援助单位——靖远县第四中学捐赠一批教学设备。"
    orgs = {"甲乙慈善总会": "120000", "靖远县第四中学": "620421"}
    kinds = {"甲乙慈善总会": "social", "靖远县第四中学": "school"}
    assert helpers(text, ["和平区"], orgs, subtypes=kinds) == [("甲乙慈善总会", "靖远县", "donates")]


def test_a_body_named_by_its_level_alone_helps_no_one_where_no_place_is_named(read_text: Read) -> None:
    """市科协 in an article that names no place: nothing says whose body it is, nor whom it
    helps; named with its place (云岭县科协) it is a helper though no place is helped."""
    _, _, found = read_text("会上,市科协表示将帮助区县科协建立合作通道。")
    assert [r for r in found if r.type == "help"] == []
    _, _, found = read_text("会上,云岭县科协表示将帮助区县科协建立合作通道。")
    assert [(r.donor.name if r.donor else None) for r in found if r.type == "help"] == ["云岭县科协"]


def test_companies_that_sign_with_the_giving_place_help_no_one_there(read_text: Read) -> None:
    """福州市与A公司签约 in an article of 福州 helping 定西: the giver's own partners, not helpers of
    福州; the helped place's signing partners do help it."""
    _, _, found = read_text(
        "福州市对口帮扶定西市。福州市与福建青山茶业有限公司、福建白石茶业有限公司等企业签约3个项目。"
    )
    assert [r for r in found if r.type == "help"] == []
    _, _, found = read_text("福州市对口帮扶定西市。定西市与福建青山茶业有限公司签订合作协议。")
    helps = [
        (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None)
        for r in found
        if r.type == "help"
    ]
    assert helps == [("福建青山茶业有限公司", "定西市")]
