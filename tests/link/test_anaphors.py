"""Words that point back: 该村/该县 to a place, 该公司 to an organisation, 我们 in a quote to the
organisation that speaks it — read by the linker (kg.link.anaphors) as mentions of what they point
to, and so read by relate. Sentences written for these tests, with hand-linked mentions."""

from __future__ import annotations

import random

from relate_fixtures import helpers, pair_set, relations, sentences_of

from kg.link.anaphors import ORG_SOURCE, PLACE_SOURCE, SPEAKER_SOURCE, resolve_references_back, visible
from kg.records import Article, Mention


def test_gai_cun_points_before_its_own_clause() -> None:
    text = "为助力高坝田村发展,A公司、七桥村与该村签订了帮扶协议。"
    found = pair_set(text, ["高坝田村", "七桥村"], orgs={"A公司": None})
    assert found == {("七桥村", "高坝田村")}


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


def test_the_group_points_back_past_the_state_council() -> None:
    text = "甲乙能源集团按照国务院国资委要求开展工作。该集团在靖远县投资建设光伏电站。"
    orgs = {"甲乙能源集团": None, "国务院": None}
    found = helpers(text, ["靖远县"], orgs)
    assert {f[0] for f in found} == {"甲乙能源集团"}


def test_the_linker_hands_on_each_word_as_a_mention_of_what_it_points_to() -> None:
    # the NER's 该公司 (taken for a name) gives way to the organisation it points back to
    text = "甲乙公司董事长表示:“我们将在富坪村投资建设冷库。”该公司已签约。"
    art = Article(id="t", text=text, sentences=sentences_of(text))
    org = Mention("t", "ORG", "甲乙公司", 0, 4, 0, name="甲乙公司", subtype="enterprise")
    ner = Mention("t", "ORG", "该公司", 26, 29, 1, name="该公司")
    found = resolve_references_back(art, [org, ner])
    assert [(m.text, m.name, m.start, m.source, m.sentence) for m in found] == [
        ("甲乙公司", "甲乙公司", 0, "ner", 0),
        ("我们", "甲乙公司", 11, SPEAKER_SOURCE, 0),
        ("该公司", "甲乙公司", 26, ORG_SOURCE, 1),
    ]


def test_the_said_county_is_the_county_before_its_own_clause() -> None:
    text = "甲县与乙县结对。该县的企业来到乙县。"
    art = Article(id="t", text=text, sentences=sentences_of(text))
    places = [
        Mention("t", "PLACE", "甲县", 0, 2, 0, name="甲县", code="100001", level="county"),
        Mention("t", "PLACE", "乙县", 3, 5, 0, name="乙县", code="100002", level="county"),
        Mention("t", "PLACE", "乙县", 15, 17, 1, name="乙县", code="100002", level="county"),
    ]
    said = [m for m in resolve_references_back(art, places) if m.text == "该县"]
    assert [(m.name, m.code, m.start, m.source) for m in said] == [("乙县", "100002", 8, PLACE_SOURCE)]


def test_a_government_organ_is_no_antecedent_nor_speaker() -> None:
    text = "甲县人民政府负责人表示:“我们欢迎投资。”该公司没有来。"
    art = Article(id="t", text=text, sentences=sentences_of(text))
    organ = Mention("t", "ORG", "甲县人民政府", 0, 6, 0, name="甲县人民政府")
    assert resolve_references_back(art, [organ]) == [organ]


def test_the_we_of_the_company_that_points_back_is_that_company() -> None:
    # 该公司董事长表示:“我们…”: 该公司 is read first, so 我们 is 甲乙公司, not the words 该公司
    text = "甲乙公司来到富坪村。该公司董事长表示:“我们将在富坪村投资建设冷库。”"
    art = Article(id="t", text=text, sentences=sentences_of(text))
    org = Mention("t", "ORG", "甲乙公司", 0, 4, 0, name="甲乙公司", subtype="enterprise")
    ner = Mention("t", "ORG", "该公司", 10, 13, 1, name="该公司")
    found = resolve_references_back(art, [org, ner])
    assert [(m.text, m.name, m.source) for m in found] == [
        ("甲乙公司", "甲乙公司", "ner"),
        ("该公司", "甲乙公司", ORG_SOURCE),
        ("我们", "甲乙公司", SPEAKER_SOURCE),
    ]


def test_a_company_that_points_back_to_nothing_speaks_for_no_one() -> None:
    text = "该公司董事长表示:“我们将在富坪村投资建设冷库。”"
    art = Article(id="t", text=text, sentences=sentences_of(text))
    ner = Mention("t", "ORG", "该公司", 0, 3, 0, name="该公司")
    assert resolve_references_back(art, [ner]) == [ner]


def test_the_company_is_no_federation_named_in_between() -> None:
    """该公司 wants a company: the federations that convene the event stand nearer, but the company
    the sentence before speaks of gives."""
    text = (
        "甲乙电力集团有限公司负责人说,企业发展得到了支持。"
        "听说和平区工商联牵头组织捐赠活动,该公司主动向富坪村捐资5万元。"
    )
    art = Article(id="t", text=text, sentences=sentences_of(text))
    name = "甲乙电力集团有限公司"
    company = Mention("t", "ORG", name, 0, 10, 0, name=name, subtype="enterprise")
    federation = Mention("t", "ORG", "和平区工商联", 27, 33, 1, name="和平区工商联", subtype="social")
    found = resolve_references_back(art, [company, federation])
    assert [(m.text, m.name) for m in found if m.source == ORG_SOURCE] == [("该公司", "甲乙电力集团有限公司")]


def _visible_by_comparing_all(mentions: list[Mention]) -> list[Mention]:
    """visible as it was written first: each mention compared with every one kept before it."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= k.start or m.start >= k.end for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def test_visible_keeps_what_comparing_every_kept_mention_keeps() -> None:
    """The longer of two overlapping mentions (then the first), found by bisection over the kept
    ones: the same mentions as comparing each with all kept, touching and nested spans included."""
    rng = random.Random(7)
    for _ in range(1500):
        spans = {(s, s + rng.randrange(1, 8)) for s in (rng.randrange(40) for _ in range(rng.randrange(25)))}
        if rng.random() < 0.1:
            spans.add((rng.randrange(40),) * 2)  # an empty span: the comparison of all
        mentions = [Mention("a", "PLACE", "x" * (e - s), s, e, 0) for s, e in sorted(spans)]
        rng.shuffle(mentions)
        assert visible(mentions) == _visible_by_comparing_all(mentions)
