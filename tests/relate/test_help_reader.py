"""The learned helper-organisation reader: its candidates and features, its labels, how its model
joins the rules (adds an organisation they left untied, vetoes one they tied) and how it picks its
cut-offs. Sentences written for these tests, with hand-linked mentions; models written by hand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from relate_fixtures import article

import kg.relate
from kg.learn.gold import GoldDoc
from kg.learn.linear import LinearModel
from kg.learn.tasks import Candidate, reader_for
from kg.records import Mention
from kg.relate import rule_context
from kg.relate.help_reader import PATTERN, HelperItem, HelperOrgTask, candidates, choose_cutoffs

PAIRED = "和平区对口帮扶靖远县。"
PLACES = ["和平区", "靖远县", "富坪村"]
ROOTED = PAIRED + "丙丁实业有限公司扎根富坪村三年,先后引进了种苗。"  # no help wording the rules know


def _candidates(text: str, orgs: dict[str, str | None]) -> dict[tuple[str, str], Candidate]:
    art, mentions = article(text, PLACES, orgs)
    return {(c.item.org_name, c.item.place_name): c for c in candidates(rule_context(art, mentions))}


def _model(weights: dict[str, float], bias: float, **settings: float) -> LinearModel:
    return LinearModel(
        "helper-orgs", "kg.relate.help_reader", list(weights), list(weights.values()), bias, 0.5, settings
    )


def test_an_organisation_the_rules_leave_untied_is_a_candidate_with_its_signs() -> None:
    found = _candidates(ROOTED, {"丙丁实业有限公司": "120000"})
    assert set(found) == {("丙丁实业有限公司", "富坪村"), ("丙丁实业有限公司", "靖远县")}
    village = found["丙丁实业有限公司", "富坪村"]
    assert not village.item.rule_tied and village.item.sentence == 1
    for sign in (
        "org:subject",  # it opens its clause
        "pair:same_clause",
        "pair:place_after_org",
        "place:inside_main",  # a village of the article's recipient
        "home:side=donor",  # based in 天津, the giving side
        "cross:home>place=east>west",
    ):
        assert village.features.get(sign) == 1.0, sign
    assert "place:paired_recipient" not in village.features
    county = found["丙丁实业有限公司", "靖远县"].features
    assert county["place:main_recipient"] == county["place:paired_recipient"] == 1.0
    assert "pair:same_sentence" not in county  # the county is named only in the pairing


def test_organs_and_the_giving_side_are_no_candidates() -> None:
    text = PAIRED + "和平区教育局和甲乙科技有限公司在富坪村举办电商培训班。"
    found = _candidates(text, {"和平区教育局": "120101", "甲乙科技有限公司": "120000"})
    assert {org for org, _ in found} == {"甲乙科技有限公司"}  # the district's bureau acts for it
    assert {place for _, place in found} == {"富坪村", "靖远县"}  # never the donor 和平区
    assert found["甲乙科技有限公司", "富坪村"].features["org:in_list"] == 1.0


def test_words_before_an_organisation_that_make_it_no_agent_are_signs() -> None:
    text = PAIRED + "富坪村干部走访了丙丁实业有限公司。"
    features = _candidates(text, {"丙丁实业有限公司": "120000"})["丙丁实业有限公司", "富坪村"].features
    assert features["org:not_agent_before"] == 1.0 and features["pair:place_before_org"] == 1.0
    assert "org:subject" not in features


def test_a_body_the_help_built_and_a_member_s_association_are_signs() -> None:
    text = PAIRED + "甲乙基金会援建的富坪村乐乐幼儿园开园,丙丁商会副会长单位戊己实业有限公司到场。"
    orgs = {"甲乙基金会": "120000", "富坪村乐乐幼儿园": None, "丙丁商会": "120000", "戊己实业有限公司": None}
    found = _candidates(text, orgs)
    assert found["富坪村乐乐幼儿园", "靖远县"].features["org:built_object"] == 1.0
    assert "org:built_object" not in found["甲乙基金会", "靖远县"].features
    assert found["丙丁商会", "靖远县"].features["org:member_of_next"] == 1.0
    assert "org:member_of_next" not in found["戊己实业有限公司", "靖远县"].features


def test_the_model_ties_an_organisation_the_rules_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    art, mentions = article(ROOTED, PLACES, {"丙丁实业有限公司": "120000"})
    assert not [r for r in kg.relate.extract_relations(art, mentions) if r.type == "help"]
    model = _model({"org:subject": 3.0, "pair:same_clause": 2.0}, -4.0, add_at=0.5)
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((HelperOrgTask(), model),))
    [help_] = [r for r in kg.relate.extract_relations(art, mentions) if r.type == "help"]
    assert (help_.donor.name, help_.recipient.name, help_.pattern) == ("丙丁实业有限公司", "富坪村", PATTERN)
    assert help_.sentence == 1 and help_.confidence == pytest.approx(0.731, abs=1e-3)
    assert ROOTED[help_.start : help_.end] == "丙丁实业有限公司"  # the mention that states it
    # under the cut-off, nothing is added
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((HelperOrgTask(), _model({}, -4.0)),))
    assert not [r for r in kg.relate.extract_relations(art, mentions) if r.type == "help"]


def test_a_veto_drops_the_rules_help_of_an_organisation_the_model_scores_very_low() -> None:
    text = PAIRED + "甲乙科技有限公司为富坪村捐赠图书。"
    art, mentions = article(text, PLACES, {"甲乙科技有限公司": "120000"})
    task = reader_for("helper-orgs")

    def helpers(model: LinearModel) -> list[str]:
        ctx = rule_context(art, mentions)
        task.apply(ctx, model)
        return [r.donor.name for r in ctx.relations if r.type == "help"]

    assert helpers(_model({}, -10.0, add_at=0.5)) == ["甲乙科技有限公司"]  # no veto by default
    assert helpers(_model({}, -10.0, add_at=0.5, veto_below=0.01)) == []
    assert helpers(_model({"org:action_after=donates": 12.0}, -10.0, veto_below=0.01)) == ["甲乙科技有限公司"]


def test_labels_follow_the_gold_rows_and_leave_unsure_ones_out() -> None:
    found = _candidates(ROOTED, {"丙丁实业有限公司": "120000"})
    village, county = found["丙丁实业有限公司", "富坪村"], found["丙丁实业有限公司", "靖远县"]
    task = HelperOrgTask()
    gold = GoldDoc("t", helper_orgs=[{"name": "丙丁实业", "recipient": "富坪村"}])
    assert task.label(village, gold) is True
    assert task.label(county, gold) is False  # a helper, but of the village
    optional = GoldDoc(
        "t", helper_orgs=[{"name": "丙丁实业有限公司", "recipient": "富坪村", "optional": True}]
    )
    assert task.label(village, optional) is None
    elsewhere = GoldDoc("t", helper_orgs=[{"name": "丙丁实业有限公司", "recipient": "北湾镇"}])
    assert task.label(village, elsewhere) is True  # it helps, at a place none of its candidates is
    assert (
        task.label(village, GoldDoc("t", helper_orgs=[{"name": "戊己集团", "recipient": "富坪村"}])) is False
    )


@dataclass
class _Example:
    group: str
    doc: str
    candidate: Candidate
    label: bool


def _example(group: str, doc: str, org: str, tied: bool, label: bool) -> _Example:
    _, [village] = article("富坪村。", ["富坪村"])
    name = Mention("t", "ORG", org, 0, len(org), 0, name=org)
    item = HelperItem(org=name, place=village, sentence=0, span=(0, 3), rule_tied=tied)
    return _Example(group, doc, Candidate(item, {}), label)


def test_cutoffs_join_the_model_to_the_rules_only_where_that_is_better() -> None:
    # the rules are right about every organisation: the model adds and vetoes nothing
    examples = [_example("a", "d", "甲公司", True, True), _example("a", "d", "乙公司", False, False)]
    threshold, settings, figures = choose_cutoffs(examples, [0.9, 0.6])
    assert settings == {"add_at": 1.01, "veto_below": 0.0} and threshold == pytest.approx(0.9)
    assert figures["rules"] == figures["rules and model"] == {"tp": 1, "fp": 0, "fn": 0, "f1": 1.0}
    # an untied helper the model scores above every untied non-helper is added, a tied non-helper
    # it scores lowest is vetoed
    examples += [_example("b", "e", "丙公司", False, True), _example("b", "e", "丁公司", True, False)]
    threshold, settings, figures = choose_cutoffs(examples, [0.9, 0.6, 0.8, 0.1])
    assert settings == {"add_at": pytest.approx(0.8), "veto_below": pytest.approx(0.6)}
    assert figures["rules and model"]["f1"] == 1.0 and figures["rules"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "f1": 0.5,
    }
    assert figures["sets"]["b"] == {"tp": 1, "fp": 0, "fn": 0}
    assert any("add_at 0.800" in line for line in figures["lines"])


def test_the_reader_is_registered_for_its_model_file() -> None:
    reader: Any = reader_for("helper-orgs", "kg.relate.help_reader")
    assert isinstance(reader, HelperOrgTask) and reader.order > 10  # after the readers of pairings
    assert callable(reader.settle)  # kg learn takes its cut-offs from it
