"""The learned fund readers' candidates and features (kg.relate.fund_readers) and the readers
themselves (kg.relate.fund_learned), on sentences written for these tests, with hand-made models."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg import link, nlp
from kg.gazetteer import load_gazetteer
from kg.ingest.articles import read_text_file
from kg.learn.gold import GoldDoc
from kg.learn.linear import LinearModel
from kg.relate import rule_context
from kg.relate.context import ArticleContext
from kg.relate.fund_learned import FundParties, FundRows, FundSums
from kg.relate.fund_readers import party_candidates, row_candidates, sentences, sum_candidates
from kg.report import QuietReporter

GIVEN = "2020年,福州市鼓楼区向定西市安定区捐赠帮扶资金50万元。"
NOT_READ = "福州市鼓楼区向定西市安定区送去30万元。"


@pytest.fixture(scope="module")
def context() -> Callable[[str], ArticleContext]:
    """A text read as one article up to the rules (the context the readers start from)."""
    pipeline = nlp.load_pipeline()
    gazetteer = load_gazetteer()

    def read(text: str) -> ArticleContext:
        article = read_text_file(Path("example.txt"), text.encode("utf-8"), [])
        found = nlp.find_mentions(pipeline, [article], QuietReporter())
        return rule_context(article, link.link_mentions(article, found.get(article.id, []), gazetteer))

    return read


def _funds(ctx: ArticleContext) -> list[tuple[str, str, float | None, str]]:
    return [
        (r.donor.name if r.donor else "", r.recipient.name if r.recipient else "", r.amount_yuan, r.pattern)
        for r in ctx.relations
        if r.type == "funding"
    ]


def _model(task: str, weights: dict[str, float], bias: float, **settings: float) -> LinearModel:
    return LinearModel(
        task, "kg.relate.fund_learned", list(weights), list(weights.values()), bias, 0.5, dict(settings)
    )


def test_a_sum_the_rules_read_carries_their_verdict_and_the_word_classes_before_it(context) -> None:
    (candidate,) = sum_candidates(context(GIVEN))
    assert candidate.amount == 500000
    assert {"rule:row", "rule:transfer", "rule:donor_named"} <= set(candidate.features)
    # 捐赠 and 向 are words of the lexicon's classes, named by section and key
    assert "before:funding.verbs_before" in candidate.features
    assert "before:recipient_markers.words" in candidate.features
    assert "clause_before:P" in candidate.features


def test_a_sum_the_rules_leave_out_is_still_a_candidate(context) -> None:
    ctx = context(NOT_READ)
    assert not _funds(ctx)
    (candidate,) = sum_candidates(ctx)
    assert candidate.amount == 300000 and not candidate.rows
    assert "rule:row" not in candidate.features and "rule:transfer" not in candidate.features


def test_the_options_of_each_role_hold_the_sentences_places_and_no_giver(context) -> None:
    ctx = context(GIVEN)
    read = sentences(ctx)
    options = party_candidates(ctx, read, sum_candidates(ctx, read)[0])
    donors = {o.party.name if o.party else None: o for o in options["donor"]}
    recipients = {o.party.name: o for o in options["recipient"] if o.party}
    assert {"鼓楼区", "安定区", None} <= set(donors)
    assert {"d:rule_choice", "d:subject", "d:before", "d:region:east"} <= set(donors["鼓楼区"].features)
    assert "d:none" in donors[None].features
    # 向 right before the place that receives
    assert "r:pre:recipient_markers.words" in recipients["安定区"].features
    assert "r:pre:recipient_markers.words" not in recipients["鼓楼区"].features


def test_the_receivers_offered_reach_around_the_places_and_into_the_next_sentence(context) -> None:
    text = "2020年,福州市鼓楼区捐赠帮扶资金50万元。资金用于定西市安定区的产业项目。"
    ctx = context(text)
    read = sentences(ctx)
    options = party_candidates(ctx, read, sum_candidates(ctx, read)[0])
    recipients = {o.party.name: o for o in options["recipient"] if o.party}
    # the receiver named a sentence later, and the prefecture the article names around it
    assert "r:from:next" in recipients["安定区"].features
    assert "r:from:around" in recipients["定西市"].features


def test_a_row_of_the_rules_is_read_with_both_parties_and_what_they_are_to_each_other(context) -> None:
    ((row, features),) = row_candidates(context(GIVEN))
    assert (row.donor.name, row.recipient.name) == ("鼓楼区", "安定区")
    assert {"pair:rule_row", "pair:county>county", "pair:region:east>west", "pair:paired"} <= set(features)
    assert "sum:rule:row" in features


def test_a_row_is_labelled_as_the_scorer_counts_it(context) -> None:
    candidate = FundRows().candidates(context(GIVEN))[0]
    fund = {"donor": "鼓楼区", "recipient": "安定区", "amount_yuan": 500000}
    assert FundRows().label(candidate, GoldDoc("example", funds=[fund])) is True
    assert FundRows().label(candidate, GoldDoc("example", funds=[{**fund, "donor": ""}])) is True
    assert FundRows().label(candidate, GoldDoc("example", funds=[{**fund, "recipient": "会宁县"}])) is False
    optional = {**fund, "recipient": "会宁县", "optional": True}
    assert FundRows().label(candidate, GoldDoc("example", funds=[optional])) is False
    assert FundRows().label(candidate, GoldDoc("example", funds=[{**fund, "optional": True}])) is None


def test_the_row_reader_drops_a_row_it_scores_below_its_threshold(context) -> None:
    ctx = context(GIVEN)
    FundRows().apply(ctx, _model("fund-rows", {"pair:rule_row": 1.0}, 0.0))
    assert _funds(ctx) == [("鼓楼区", "安定区", 500000, "funding.money")]
    FundRows().apply(ctx, _model("fund-rows", {"pair:region:east>west": -6.0}, 2.0))
    assert _funds(ctx) == []
    assert [r.type for r in ctx.relations] == ["pairing"]  # the pairing the sentence states stays


def test_the_sum_reader_reads_a_sum_the_rules_left_out_and_vetoes_one_they_read(context) -> None:
    ctx = context(NOT_READ)
    FundSums().apply(ctx, _model("fund-sums", {"before:recipient_markers.words": 6.0}, -3.0))
    # the parties are the rules' own reading of the sum, taken as a transfer
    assert _funds(ctx) == [("鼓楼区", "安定区", 300000, "learned:fund-sums")]
    assert all(not r.states_pairing for r in ctx.relations if r.type == "funding")
    ctx = context(GIVEN)
    FundSums().apply(ctx, _model("fund-sums", {"rule:row": -6.0}, 2.0, veto=0.5))
    assert _funds(ctx) == []


def test_the_parties_reader_takes_the_pair_it_scores_best_over_the_rules_pair(context) -> None:
    ctx = context(GIVEN)
    FundParties().apply(ctx, _model("fund-parties", {"pair:rule_row": 3.0}, -1.0, margin=0.1))
    assert _funds(ctx) == [("鼓楼区", "安定区", 500000, "funding.money")]
    # a model that prefers no giver named: the row keeps its receiver, its giver goes
    FundParties().apply(ctx, _model("fund-parties", {"d:none": 6.0, "r:rule_choice": 2.0}, -3.0))
    assert _funds(ctx) == [("", "安定区", 500000, "learned:fund-parties")]


def test_the_parties_reader_never_learns_to_guess_a_giver_the_gold_leaves_unnamed(context) -> None:
    ctx = context(GIVEN)
    reader = FundParties()
    gold = GoldDoc("example", funds=[{"donor": "", "recipient": "安定区", "amount_yuan": 500000}])
    labels = {}
    for candidate in reader.candidates(ctx):
        donor, recipient = candidate.item.donor.party, candidate.item.recipient.party
        labels[(donor.name if donor else "", recipient.name)] = reader.label(candidate, gold)
    assert labels[("", "安定区")] is True
    assert labels[("鼓楼区", "安定区")] is None
    assert labels[("", "鼓楼区")] is False
