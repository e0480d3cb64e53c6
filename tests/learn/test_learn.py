"""kg.learn: the linear model, the gold matching, the registry of readers, the run-time hook in
the relate stage, and `kg learn` end to end on a tiny annotated set written for the test."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
import toy_reader
from relate_fixtures import article
from typer.testing import CliRunner

import kg.relate
from kg.cli import app
from kg.learn.gold import amount_matches, name_matches, org_matches, place_matches, read_gold
from kg.learn.linear import (
    LinearModel,
    ModelFileError,
    best_threshold,
    cross_validated,
    fit_logistic,
    precision_recall,
)
from kg.learn.tasks import load_readers, reader_for, register_task
from kg.records import Mention


def _model(**kw: object) -> LinearModel:
    base = dict(task="toy-pairs", module=toy_reader.__name__, features=["pairing_word_in_sentence", "first"])
    return LinearModel(**{**base, "weights": [4.0, 2.0], "bias": -5.0, "threshold": 0.5, **kw})  # type: ignore[arg-type]


def test_fit_learns_which_feature_marks_a_positive() -> None:
    examples = [{"cue": 1.0}] * 20 + [{"noise": 1.0}] * 20 + [{"cue": 1.0, "noise": 1.0}] * 4
    labels = [True] * 20 + [False] * 20 + [True] * 4
    features, weights, bias = fit_logistic(examples, labels, l2=0.1)
    model = LinearModel("t", "m", features, weights, bias, 0.5)
    assert model.probability({"cue": 1.0}) > 0.9
    assert model.probability({"noise": 1.0}) < 0.1
    assert model.accepts({"cue": 1.0}) and not model.accepts({"noise": 1.0})
    assert model.probability({"unseen": 1.0}) == pytest.approx(1 / (1 + math.exp(-bias)))


def test_cross_validation_scores_each_set_with_a_model_that_never_saw_it() -> None:
    # "only_in_c" exists in set c alone: the model that scores c has never seen it (no weight)
    examples = [{"cue": 1.0}, {"x": 1.0}] * 20 + [{"only_in_c": 1.0}] * 4
    labels = [True, False] * 20 + [True] * 4
    groups = ["a"] * 20 + ["b"] * 20 + ["c"] * 4
    probs = cross_validated(examples, labels, groups, l2=0.1)
    fitted_without_c = fit_logistic(examples[:40], labels[:40], l2=0.1)
    assert "only_in_c" not in fitted_without_c[0]
    assert probs[40] == pytest.approx(1 / (1 + math.exp(-fitted_without_c[2])))
    assert probs[0] > 0.9 and probs[1] < 0.1  # set a, scored by the model of b and c


def test_best_threshold_maximises_f1() -> None:
    probs = [0.9, 0.8, 0.35, 0.3, 0.1]
    labels = [True, True, True, False, False]
    t = best_threshold(probs, labels)
    assert precision_recall(probs, labels, t) == (3, 0, 0)
    assert 0.3 < t <= 0.35


def test_model_file_round_trip_and_schema_errors(tmp_path: Path) -> None:
    path = tmp_path / "toy.json"
    _model(trained_on={"sets": ["a"]}).save(path)
    loaded = LinearModel.load(path)
    assert loaded.weights == [2.0, 4.0] and loaded.features == ["first", "pairing_word_in_sentence"]
    assert loaded.probability({"first": 1.0}) == _model().probability({"first": 1.0})
    data = json.loads(path.read_text(encoding="utf-8"))
    for broken, message in (
        ({**data, "schema": "other"}, "schema"),
        ({**data, "weights": {"a": "x"}}, "not a number"),
        ({**data, "bias": float("inf")}, "not finite"),
        ({k: v for k, v in data.items() if k != "task"}, "'task'"),
    ):
        with pytest.raises(ModelFileError, match=message):
            LinearModel.from_dict(broken)
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(ModelFileError, match="not JSON"):
        LinearModel.load(tmp_path / "bad.json")


def _place(name: str, level: str, code: str | None, county: str | None = None) -> Mention:
    return Mention("t", "PLACE", name, 0, 1, 0, name=name, code=code, level=level, county_code=county)


def test_places_match_as_the_scorer_counts_them() -> None:
    row = {"donor": "福州市", "donor_adcode": "350100", "recipient": "大坪村"}
    row["recipient_county_adcode"] = "621121"
    assert place_matches(row, "donor", _place("福州市", "prefecture", "350100"))
    assert not place_matches(row, "donor", _place("福清市", "county", "350181"))
    assert place_matches(row, "recipient", _place("大坪村", "village", None, "621121"))
    assert place_matches(row, "recipient", _place("大坪", "village", None, None))  # no county: by name
    assert not place_matches(row, "recipient", _place("大坪村", "village", None, "621122"))
    assert not place_matches(row, "recipient", _place("通渭县", "county", "621121"))  # a county is no village
    assert org_matches("福建省创亿元农牧有限公司", "创亿元农牧有限公司")
    assert not org_matches("某某", "某")
    assert name_matches("连城县", "连城")
    assert amount_matches(10_000, 10_040) and not amount_matches(10_000, 10_100)


def test_read_gold_keeps_optional_rows(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [{"doc": "a", "pairs": [{"donor": "甲", "recipient": "乙", "optional": True}], "funds": []}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n", encoding="utf-8")
    gold = read_gold(path)
    assert list(gold) == ["a"] and gold["a"].pairs[0]["optional"] and gold["a"].projects == []


def test_registry_and_model_files(tmp_path: Path) -> None:
    assert isinstance(reader_for("toy-pairs"), toy_reader.ToyPairs)
    with pytest.raises(ValueError, match="twice"):
        register_task("toy-pairs")(type("Other", (), {}))
    with pytest.raises(KeyError, match="toy-pairs"):
        reader_for("no-such-reader")
    _model().save(tmp_path / "toy.json")
    [(reader, model)] = load_readers(tmp_path)
    assert reader.name == "toy-pairs" and model.threshold == 0.5
    _model(module="no_such_module_anywhere").save(tmp_path / "toy.json")
    with pytest.raises(ModelFileError, match="no_such_module_anywhere"):
        load_readers(tmp_path)
    assert load_readers(tmp_path / "missing") == []


def test_extract_relations_runs_installed_readers_after_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "厦门市的客人到定西市参观。福州市与临夏州结对。"
    art, mentions = article(text, ["厦门市", "定西市", "福州市", "临夏州"])
    ruled = kg.relate.extract_relations(art, mentions)
    assert not any(r.pattern.startswith("learned:") for r in ruled)
    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ((toy_reader.ToyPairs(), _model()),))
    learned = [r for r in kg.relate.extract_relations(art, mentions) if r.pattern == "learned:toy-pairs"]
    assert [(r.donor.name, r.recipient.name) for r in learned] == [("福州市", "临夏回族自治州")]
    assert learned[0].sentence == 1 and learned[0].confidence == pytest.approx(0.7311, abs=1e-3)


def _annotated_set(folder: Path, docs: dict[str, tuple[str, list[tuple[str, str, str, str]]]]) -> Path:
    (folder / "docs").mkdir(parents=True)
    lines = []
    for name, (text, pairs) in docs.items():
        (folder / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
        rows = [
            {"donor": d, "donor_adcode": dc, "recipient": r, "recipient_adcode": rc, "kind": "east-west"}
            for d, dc, r, rc in pairs
        ]
        lines.append(json.dumps({"doc": name, "pairs": rows}, ensure_ascii=False))
    (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


FUZHOU_DINGXI = ("福州市", "350100", "定西市", "621100")
XIAMEN_LINXIA = ("厦门市", "350200", "临夏回族自治州", "622900")


def test_kg_learn_trains_a_reader_end_to_end(tmp_path: Path) -> None:
    one = _annotated_set(
        tmp_path / "setOne",
        {
            "a": ("福州市与定西市结对。厦门市的客人到临夏州参观。", [FUZHOU_DINGXI]),
            "b": ("厦门市与临夏州结对。福州市的客人到定西市参观。", [XIAMEN_LINXIA]),
        },
    )
    two = _annotated_set(
        tmp_path / "setTwo",
        {"c": ("天津市与甘肃省结对。北京市的客人到河北省参观。", [("天津市", "120000", "甘肃省", "620000")])},
    )
    out = tmp_path / "models" / "toy.json"
    result = CliRunner().invoke(
        app,
        ["learn", "toy-pairs", "--set", str(one), "--set", str(two), "--out", str(out)]
        + ["--module", toy_reader.__name__, "--min-count", "1", "--l2", "0.1"],
    )
    assert result.exit_code == 0, result.output
    assert "left out setOne" in result.output and "left out setTwo" in result.output
    model = LinearModel.load(out)
    assert model.task == "toy-pairs" and model.trained_on["sets"] == ["setOne", "setTwo"]
    assert model.trained_on["positives"] == 3 and model.trained_on["documents"] == 3
    assert dict(zip(model.features, model.weights, strict=True))["pairing_word_in_sentence"] > 0
    assert set(model.cross_validation["sets"]) == {"setOne", "setTwo"}


def test_a_reader_that_settles_its_policy_writes_it_to_the_model(tmp_path: Path) -> None:
    one = _annotated_set(
        tmp_path / "setOne", {"a": ("福州市与定西市结对。厦门市的客人到临夏州参观。", [FUZHOU_DINGXI])}
    )
    two = _annotated_set(
        tmp_path / "setTwo", {"b": ("厦门市与临夏州结对。福州市的客人到定西市参观。", [XIAMEN_LINXIA])}
    )
    out = tmp_path / "settled.json"
    result = CliRunner().invoke(
        app,
        ["learn", "toy-pairs-settled", "--set", str(one), "--set", str(two), "--out", str(out)]
        + ["--module", toy_reader.__name__, "--min-count", "1", "--l2", "0.1"],
    )
    assert result.exit_code == 0, result.output
    model = LinearModel.load(out)
    policy = model.cross_validation["policy"]
    assert policy["examples"] > 0 and model.threshold == pytest.approx(policy["add_at"], abs=1e-6)
    assert model.settings == {"veto_below": 0.0}


def test_kg_learn_says_what_a_set_lacks(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(
        app, ["learn", "toy-pairs", "--set", str(tmp_path / "empty"), "--module", toy_reader.__name__]
    )
    assert result.exit_code == 2 and "docs/ and gold.jsonl" in result.output
