"""The learned pair reader: its candidates and features on sentences written for the test, its labels
under the scorer's matching, its run-time decision (add what the rules miss, veto below a cut-off)
with tiny models fitted here, and the shipped model file."""

from __future__ import annotations

from pathlib import Path

import pytest
from relate_fixtures import article

import kg.relate
from kg.learn.gold import GoldDoc
from kg.learn.linear import LinearModel, fit_logistic
from kg.learn.tasks import MODELS, Candidate, load_readers, reader_for
from kg.learn.train import Example
from kg.relate import pair_features, rule_context
from kg.relate.pair_features import (
    bucket,
    key_within,
    pair_candidates,
    settings,
    widens_a_pair,
    word_classes,
    words_in,
)
from kg.relate.pair_reader import PATTERN, PairTask

HELP = "福州市对口帮扶定西市。"
VISIT = "厦门市的客人到临夏州参观。"
MODEL_FILE = MODELS / "pairs.json"


def _choices(text: str, places: list[str]):  # type: ignore[no-untyped-def]
    art, mentions = article(text, places)
    return pair_candidates(rule_context(art, mentions))


def _named(choices, donor: str, recipient: str):  # type: ignore[no-untyped-def]
    return [c for c in choices if (c.donor.name, c.recipient.name) == (donor, recipient)]


def test_both_orders_of_two_places_are_candidates_with_the_words_between_them() -> None:
    choices = _choices(HELP, ["福州市", "定西市"])
    [forward] = _named(choices, "福州市", "定西市")
    [backward] = _named(choices, "定西市", "福州市")
    # the cue between them, named by the order of the roles: the donor written first, or not
    assert forward.features["dr|m:cue_strong=对口帮扶"] == 1.0
    assert backward.features["rd|m:cue_strong=对口帮扶"] == 1.0
    assert "dr|m:cue_strong" not in backward.features
    assert forward.features["lvl=prefecture>prefecture"] == 1.0
    assert forward.features["reg=east>west"] == 1.0 and backward.features["reg=west>east"] == 1.0
    assert forward.features["dir_ok=official"] == 1.0 and backward.features["dir_no=official"] == 1.0
    assert forward.features["official"] == 1.0 and backward.features["official_reverse"] == 1.0
    assert forward.features["clauses_between=0"] == 1.0
    assert forward.emitted and not backward.emitted  # the rules give 福州市 → 定西市
    # the rules' own verdict on the pair is applied at run time, never handed to the model
    assert not any(name.startswith(tuple(settings()["left_out"])) for c in choices for name in c.features)


def test_places_of_one_list_and_places_inside_each_other() -> None:
    text = "福州市、厦门市和宁德市与定西市开展协作。"
    choices = _choices(text, ["福州市", "厦门市", "宁德市", "定西市"])
    [listed] = _named(choices, "福州市", "厦门市")
    assert listed.features["coordinated"] == 1.0 and listed.features["dr|only=、"] == 1.0
    [across] = _named(choices, "福州市", "定西市")
    assert across.features["between_P=2"] == 1.0 and "coordinated" not in across.features
    nested = _choices("福建省福州市帮扶定西市。", ["福建省", "福州市", "定西市"])
    assert not _named(nested, "福建省", "福州市") and not _named(nested, "福州市", "福建省")


def test_a_pair_the_rules_miss_is_a_candidate() -> None:
    art, mentions = article(VISIT, ["厦门市", "临夏州"])
    ctx = rule_context(art, mentions)
    assert not [r for r in ctx.relations if r.type == "pairing"]
    [choice] = _named(pair_candidates(ctx), "厦门市", "临夏回族自治州")
    assert not choice.emitted and choice.features["dr|m:visit"] == 1.0
    assert choice.features["title_d"] if art.title else "title_d" not in choice.features


def test_labels_follow_the_scorer() -> None:
    task = PairTask()
    art, mentions = article(HELP, ["福州市", "定西市"])
    candidates = task.candidates(rule_context(art, mentions))
    forward = next(c for c in candidates if c.item.donor.name == "福州市")
    backward = next(c for c in candidates if c.item.donor.name == "定西市")
    row = {"donor": "福州市", "donor_adcode": "350100", "recipient": "定西市", "recipient_adcode": "621100"}
    assert task.label(forward, GoldDoc("t", pairs=[row])) is True
    assert task.label(backward, GoldDoc("t", pairs=[row])) is False
    assert task.label(forward, GoldDoc("t", pairs=[{**row, "optional": True}])) is None


def _fitted(positive: str, threshold: float, **settings: float) -> LinearModel:
    """A tiny model that accepts the candidates carrying ``positive`` and rejects the others."""
    examples = [{positive: 1.0}] * 10 + [{"other": 1.0}] * 10
    names, weights, bias = fit_logistic(examples, [True] * 10 + [False] * 10, l2=0.1)
    return LinearModel("pairs", "kg.relate.pair_reader", names, weights, bias, threshold, dict(settings))


def test_a_pair_the_model_accepts_is_added_once_in_its_likelier_direction(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    art, mentions = article(VISIT, ["厦门市", "临夏州"])
    model = _fitted("dr|m:visit", 0.5)
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((PairTask(), model),))
    learned = [r for r in kg.relate.extract_relations(art, mentions) if r.pattern == PATTERN]
    assert [(r.donor.name, r.recipient.name) for r in learned] == [("厦门市", "临夏回族自治州")]
    [rel] = learned
    assert rel.kind == "east-west" and rel.confidence > 0.5 and rel.sentence == 0
    assert art.text[rel.start : rel.end] == "厦门市的客人到临夏州"


def test_a_rule_pair_stays_unless_the_model_vetoes_it(monkeypatch: pytest.MonkeyPatch) -> None:
    art, mentions = article(HELP, ["福州市", "定西市"])
    no_cut = _fitted("never-seen", 0.99)
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((PairTask(), no_cut),))
    kept = [r for r in kg.relate.extract_relations(art, mentions) if r.type == "pairing"]
    assert [(r.donor.name, r.recipient.name) for r in kept] == [("福州市", "定西市")]
    veto = _fitted("never-seen", 0.99, veto=0.5)
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((PairTask(), veto),))
    assert not [r for r in kg.relate.extract_relations(art, mentions) if r.type == "pairing"]


def test_a_pair_widening_a_rule_pair_on_one_side_is_not_added(monkeypatch: pytest.MonkeyPatch) -> None:
    # codes: a district 350205 in the city 350200, a county 622927 in the prefecture 622900
    assert key_within("350205", "350200") and key_within("350205/某镇", "350200")
    assert not key_within("350200", "350205") and not key_within("350205", "350205")
    assert not key_within("350205", "440300") and not key_within("350205", "350205/某镇")
    ruled = [("350205", "622927")]  # the rules pair the district with the county
    assert widens_a_pair(("350200", "622927"), ruled)  # the city with that county: no pair of its own
    assert widens_a_pair(("350205", "622900"), ruled)  # the district with the prefecture
    assert not widens_a_pair(("350200", "622900"), ruled)  # both sides wider: the cities' own pairing
    assert not widens_a_pair(("350205", "622927/某村"), ruled)  # narrower: help inside the pairing
    # at run time: the rules pair 海沧区 → 积石山县; the reader would add 厦门市 → 积石山县
    text = "海沧区对口帮扶积石山县。厦门市的客人到积石山县参观。"
    art, mentions = article(text, ["海沧区", "积石山县", "厦门市", "积石山县"])
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((PairTask(), _fitted("dr|m:visit", 0.5)),))
    pairs = {
        (r.donor.name, r.recipient.name)
        for r in kg.relate.extract_relations(art, mentions)
        if r.states_pairing
    }
    assert ("海沧区", "积石山保安族东乡族撒拉族自治县") in pairs
    assert ("厦门市", "积石山保安族东乡族撒拉族自治县") not in pairs


def test_feature_settings_and_helpers() -> None:
    assert {name for name, _, _ in word_classes()} >= {"cue_strong", "cue_weak", "recipient_marker"}
    assert "cue_strong=结对" in words_in("两地结对") and "cue_strong" in words_in("两地结对")
    assert "pair_joiner" in words_in("(")  # a literal mark of the lexicon, not a regex
    assert [bucket(n, [2, 6]) for n in (0, 2, 3, 6, 7)] == ["<=2", "<=2", "<=6", "<=6", ">6"]


@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="no shipped pair model")
def test_the_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = LinearModel.load(MODEL_FILE)
    assert model.task == "pairs" and isinstance(reader_for("pairs", model.module), PairTask)
    assert 0.0 < model.threshold < 1.0 and len(model.features) == len(set(model.features))
    sets = model.trained_on["sets"]
    # trained on pages the rules were not written from; never on the CHECK sets kept for later
    assert sets and not set(sets) & {"setI", "setJ"} and model.trained_on["why_these_sets"]
    assert model.cross_validation["real_builds"]  # its figures on sets it never saw
    assert any(reader.name == "pairs" for reader, _ in load_readers(Path(MODEL_FILE).parent))
    # the features it weighs are ones the reader makes: no word of a page, only our names
    candidate = Candidate(None, _choices(HELP, ["福州市", "定西市"])[0].features)
    assert set(candidate.features) & set(model.features)


def test_the_cut_offs_are_decided_on_pairs_per_document() -> None:
    task = PairTask()
    examples, probabilities = [], []
    for doc, text, places, truth in (
        ("help", HELP, ["福州市", "定西市"], ("福州市", "定西市")),
        ("visit", VISIT, ["厦门市", "临夏州"], ("厦门市", "临夏回族自治州")),
    ):
        art, mentions = article(text, places)
        for candidate in task.candidates(rule_context(art, mentions)):
            label = (candidate.item.donor.name, candidate.item.recipient.name) == truth
            examples.append(Example("setOne", doc, candidate, label))
            probabilities.append(0.8 if label else 0.1)  # the model ranks every true pair first
    threshold, settings, policy = task.settle(examples, probabilities)
    # the rules find the pair of `help` alone; adding from 0.8 down finds `visit`'s too: the highest
    # such threshold, and no veto (one would remove nothing true or false here)
    assert threshold == 0.8 and settings == {}
    assert policy["add"] == 0.8 and policy["veto"] is None and len(policy["lines"]) == 2
    assert policy["rules"]["all"] == {"tp": 1, "fp": 0, "fn": 1, "f1": 0.667}
    assert policy["rules_and_reader"]["sets"]["setOne"] == {"tp": 2, "fp": 0, "fn": 0, "f1": 1.0}


def test_neighbouring_sentences_give_candidates_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "厦门市干部来了。临夏州迎来对口帮扶新阶段。"
    assert not _named(_choices(text, ["厦门市", "临夏州"]), "厦门市", "临夏回族自治州")
    monkeypatch.setattr(pair_features, "settings", lambda: {**settings(), "neighbours": True})
    [choice] = _named(_choices(text, ["厦门市", "临夏州"]), "厦门市", "临夏回族自治州")
    assert choice.across and choice.features["cross"] == 1.0 and choice.features["x_second_opens"] == 1.0
    assert choice.features["xdr|c:cue_strong=对口帮扶"] == 1.0
