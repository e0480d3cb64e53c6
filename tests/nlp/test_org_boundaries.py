"""Organisation names end where the name ends: no title, no person after it (sentences written
for these tests)."""

from __future__ import annotations

from kg.nlp.merge import clean_ner_span
from kg.nlp.patterns import find_pattern_spans


def test_a_title_and_the_person_after_it_are_cut_from_a_ner_span() -> None:
    text = "东山区慈善协会会长李华带队捐赠物资。"
    end = text.index("李华") + 2
    assert clean_ner_span(text, 0, end, "ORG") == (0, text.index("会长"))


def test_a_name_without_a_title_keeps_its_edges() -> None:
    text = "东山区慈善协会捐赠物资。"
    assert clean_ner_span(text, 0, text.index("捐赠"), "ORG") == (0, text.index("捐赠"))


def test_a_branch_word_right_after_a_ner_span_belongs_to_the_name() -> None:
    for text, branch in [
        ("海州道协青山分会副会长单位捐赠物资。", "分会"),
        ("东湖物流青禾分公司向石桥村捐款。", "分公司"),
        ("海州边防支队走进石桥村小学。", "支队"),
    ]:
        end = text.index(branch)
        assert clean_ner_span(text, 0, end, "ORG") == (0, end + len(branch))


def test_a_word_after_a_name_that_only_begins_like_a_branch_stays_out() -> None:
    text = "东山区慈善协会分别向两村捐款。"
    end = text.index("分别")
    assert clean_ner_span(text, 0, end, "ORG") == (0, end)


def test_a_trade_name_holding_a_stop_character_starts_at_the_place_before_it() -> None:
    """就 stops a name elsewhere (就是); between a place and a company's line of business it is part
    of the trade name. A lone stop word there (的, 向) is no trade name."""

    def orgs(text: str, place: str) -> list[str]:
        at = text.index(place)
        spans = find_pattern_spans(text, [(at, at + len(place))])
        return [text[s:e] for s, e, label, _, _ in spans if label == "ORG"]

    assert orgs("中山市辉就电器有限公司捐赠物资。", "中山市") == ["中山市辉就电器有限公司"]
    assert orgs("中山市的电器有限公司捐赠物资。", "中山市") == ["电器有限公司"]
    assert orgs("中山市向青禾电器有限公司采购。", "中山市") == ["青禾电器有限公司"]
    # a word holding the stop character (即将, 首个) is no trade name
    assert not any(o.startswith("亚东县") for o in orgs("亚东县即将建成青禾幼儿园。", "亚东县"))
    assert not any(o.startswith("青海") for o in orgs("落地青海首个对口科技园东湖大学。", "青海"))


def test_a_place_after_a_whole_name_is_the_site_of_its_branch() -> None:
    """番禺 after 中山大学青禾口腔 names the campus of one body; 上海 after 某中学已经加盟 begins a second
    name; the 清水河 of 清水河镇 is no place a trade name follows."""

    def orgs(text: str, places: list[str]) -> list[str]:
        spans = [(text.index(p), text.index(p) + len(p)) for p in places]
        return [text[s:e] for s, e, label, _, _ in find_pattern_spans(text, spans) if label == "ORG"]

    assert "中山大学青禾口腔番禺院区" in orgs("街道携手中山大学青禾口腔番禺院区,向小学捐赠。", ["番禺"])
    found = orgs("果洛中学已经加盟上海青岚教育集团。", ["果洛", "上海"])
    assert "果洛中学" in found and "上海青岚教育集团" in found
    assert "瞻远中学" in orgs("位于霍城县清水河镇的瞻远中学是援疆项目。", ["霍城县", "清水河", "清水河镇"])


def test_a_bracket_closing_an_aside_is_no_part_of_the_last_name_in_it() -> None:
    text = "考察团一行(成员包括东湖物流有限公司、青禾电器有限公司)来到石桥村。"
    found = [text[s:e] for s, e, label, _, _ in find_pattern_spans(text, []) if label == "ORG"]
    assert found == ["东湖物流有限公司", "青禾电器有限公司"]
    text = "云账户(天津)共享经济信息咨询有限公司捐赠物资。"
    assert [text[s:e] for s, e, label, _, _ in find_pattern_spans(text, []) if label == "ORG"] == [
        "云账户(天津)共享经济信息咨询有限公司"
    ]


def test_generic_words_the_ner_took_for_a_name_are_none() -> None:
    """公司和专业合作社, 农村电商: generic words, joined by 和 or not, name no one body."""
    for text, phrase in [
        ("两地引导企业落地投资,成立公司和专业合作社,从事种植。", "公司和专业合作社"),
        ("两地开展农村电商精准扶贫培训。", "农村电商"),
    ]:
        start = text.index(phrase)
        assert clean_ner_span(text, start, start + len(phrase), "ORG") is None
    text = "和平区青禾农业发展有限公司与静宁县签订协议。"
    assert clean_ner_span(text, 0, text.index("与"), "ORG", [(0, 3)]) == (0, text.index("与"))
