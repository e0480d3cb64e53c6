"""Organisation names in the link stage, on sentences written for the test: short names the
article defines take the full name."""

from __future__ import annotations

import pytest

from kg.gazetteer import Gazetteer
from kg.link import defined_abbreviations, link_mentions
from kg.records import Article, Mention, Sentence


def orgs_of(text: str, surfaces: list[str]) -> list[Mention]:
    """Every occurrence of each ORG surface, in text order (one sentence)."""
    mentions, taken = [], []
    for surface in sorted(surfaces, key=len, reverse=True):
        start = text.find(surface)
        while start >= 0:
            if all(start >= e or start + len(surface) <= s for s, e in taken):
                taken.append((start, start + len(surface)))
                mentions.append(Mention("t", "ORG", surface, start, start + len(surface), 0))
            start = text.find(surface, start + 1)
    return sorted(mentions, key=lambda m: m.start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("甲乙汽车集团有限公司(以下简称“甲乙公司”)驻某村工作队", {"甲乙公司": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司（下称甲乙集团）成立于1969年", {"甲乙集团": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司 (简称: 甲乙汽车) 的员工", {"甲乙汽车": "甲乙汽车集团有限公司"}),
        ("甲乙汽车集团有限公司(其中三家在本市)在本市投资", {}),
    ],
)
def test_short_name_defined_in_brackets_after_the_full_name(text: str, expected: dict[str, str]) -> None:
    mentions = orgs_of(text, ["甲乙汽车集团有限公司"])
    assert defined_abbreviations(text, mentions) == expected


def test_every_mention_of_the_defined_short_name_takes_the_full_name(gaz: Gazetteer) -> None:
    text = (
        "2013年,丙丁汽车集团有限公司(以下简称“丙丁公司”)派出扶贫工作队。"
        "丙丁公司投入资金300万元,丙丁公司员工还认购了农产品。"
    )
    mentions = orgs_of(text, ["丙丁汽车集团有限公司", "丙丁公司"])
    art = Article(id="t", text=text, sentences=[Sentence(0, len(text))])
    linked = [m for m in link_mentions(art, mentions, gaz) if m.label == "ORG"]
    assert len(linked) == 4
    assert {m.name for m in linked} == {"丙丁汽车集团有限公司"}


@pytest.mark.parametrize(
    ("name", "subtype"),
    [
        ("中共福清市委党校", "government"),  # run by the Party committee: an organ, not a school
        ("福清市第一中学", "school"),
        ("昆山市供销合作总社", "government"),
        ("福清市卫生服务中心", "hospital"),
        ("厦门海投集团", "enterprise"),
        ("天津市工商联", "social"),
    ],
)
def test_the_nlp_and_link_stages_read_one_subtype_table(name: str, subtype: str) -> None:
    from kg.link import org_subtype as link_subtype
    from kg.nlp.lexicon import org_subtype as nlp_subtype

    assert link_subtype(name) == nlp_subtype(name) == subtype
