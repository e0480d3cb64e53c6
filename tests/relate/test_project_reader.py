"""The learned project reader's candidates, features and run-time combination with the rules,
on hand-linked articles (sentences written for these tests)."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from relate_fixtures import article

from kg.learn.linear import LinearModel
from kg.learn.tasks import MODELS, reader_for
from kg.records import Mention
from kg.relate.context import ArticleContext
from kg.relate.pairings import read_pairings
from kg.relate.project_reader import (
    LEARNED_PATTERN,
    ProjectCandidate,
    ProjectTask,
    Verdicts,
    apply_projects,
    project_candidates,
)
from kg.relate.projects import read_projects


def _read(
    text: str, places: list[str], extra: tuple[Mention, ...] = ()
) -> tuple[ArticleContext, list[Mention]]:
    """The article after the rules (pairings and projects), as the reader sees it."""
    art, mentions = article(text, places)
    mentions = [*mentions, *extra]
    ctx = ArticleContext(art, mentions)
    read_pairings(ctx)
    read_projects(ctx)
    return ctx, mentions


def _by_name(candidates: list[ProjectCandidate]) -> dict[str, ProjectCandidate]:
    return {c.name: c for c in candidates}


def _project(text: str, name: str, sentence: int) -> Mention:
    start = text.index(name)
    return Mention("t", "PROJECT", name, start, start + len(name), sentence, source="pattern", name=name)


def test_a_span_ending_with_a_project_head_is_a_candidate_where_no_entity_was_found() -> None:
    text = "海沧区对口帮扶积石山县。海沧区在富坪村建成黑山羊养殖项目。"
    ctx, mentions = _read(text, ["海沧区", "积石山县", "富坪村"])
    found = _by_name(project_candidates(ctx, mentions))
    cand = found["黑山羊养殖项目"]
    assert cand.mention is None and not cand.rule
    features = cand.features
    assert features["entity:none"] == features["head:项目"] == features["head_class:head"] == 1.0
    assert features["right_before:project.not_built.build_words"] == 1.0  # 建成 right before it
    assert "right_before_mention:PLACE" not in features  # 富坪村|建成|…: a verb between
    assert "rule:emitted" not in features


def test_the_left_edge_drops_a_sum_a_quantity_and_the_verb_before_the_name() -> None:
    text = "海沧区对口帮扶积石山县。海沧区投入50万元完成扶贫养殖车间建设项目,建起2000平方米标准厂房。"
    ctx, mentions = _read(text, ["海沧区", "积石山县"])
    names = set(_by_name(project_candidates(ctx, mentions)))
    assert "扶贫养殖车间建设项目" in names
    assert "标准厂房" in names
    assert not any("万元" in n or "平方米" in n or n.startswith("完成") for n in names)


def test_the_rules_verdict_and_the_lexicon_classes_are_features() -> None:
    text = "海沧区对口帮扶积石山县。感谢青禾产业基地,建成的“同心”扶贫车间、白云加工厂等3个项目已投产。"
    project = _project(text, "“同心”扶贫车间", 1)
    ctx, mentions = _read(text, ["海沧区", "积石山县"], (project,))
    found = _by_name(project_candidates(ctx, mentions))
    thanked = found["青禾产业基地"].features
    assert thanked["verdict:not_built"] == 1.0
    assert thanked["before:project.not_built.addressed_before"] == 1.0
    built = found["“同心”扶贫车间"]
    assert built.rule and built.features["rule:emitted"] == 1.0
    assert built.features["entity:PROJECT"] == built.features["in_list"] == 1.0
    assert built.features["list_closed_by_deng"] == 1.0


def test_a_name_stated_as_built_in_another_sentence_says_so() -> None:
    text = "海沧区对口帮扶积石山县。老人们来到“青禾小院”的日间照料中心吃饭。“青禾小院”由海沧区资金修建。"
    project = _project(text, "青禾小院", 1)
    ctx, mentions = _read(text, ["海沧区", "积石山县"], (project,))
    visited = _by_name(project_candidates(ctx, mentions))["青禾小院"]
    assert visited.sentence == 1 and visited.features["built_elsewhere"] == 1.0
    text = "海沧区对口帮扶积石山县。老人们来到“青禾小院”的日间照料中心吃饭。"
    ctx, mentions = _read(text, ["海沧区", "积石山县"], (_project(text, "青禾小院", 1),))
    assert "built_elsewhere" not in _by_name(project_candidates(ctx, mentions))["青禾小院"].features


def test_items_of_a_list_closed_by_works_and_a_span_inside_a_longer_one_say_so() -> None:
    text = "海沧区对口帮扶积石山县。实施青禾学校、白石初中等教学楼建设项目,建成富坪村大棚基地建设项目。"
    ctx, mentions = _read(text, ["海沧区", "积石山县"])
    found = _by_name(project_candidates(ctx, mentions))
    assert found["青禾学校"].features["list_of_works"] == 1.0
    assert "list_of_works" not in found["富坪村大棚基地建设项目"].features
    assert found["富坪村大棚基地"].features["inside_longer"] == 1.0
    assert "inside_longer" not in found["富坪村大棚基地建设项目"].features


def test_the_spans_the_rules_emitted_carry_their_kind_apart() -> None:
    text = "海沧区对口帮扶积石山县。感谢青禾产业基地,建成的“同心”扶贫车间已投产。"
    project = _project(text, "“同心”扶贫车间", 1)
    ctx, mentions = _read(text, ["海沧区", "积石山县"], (project,))
    found = _by_name(project_candidates(ctx, mentions))
    emitted, thanked = found["“同心”扶贫车间"].features, found["青禾产业基地"].features
    assert emitted["emitted:head:扶贫车间"] == emitted["head:扶贫车间"] == 1.0
    assert emitted["emitted:entity:PROJECT"] == 1.0
    assert thanked["head:基地"] == 1.0 and not any(k.startswith("emitted:") for k in thanked)


def test_a_station_a_road_and_a_house_end_candidates() -> None:
    text = "海沧区对口帮扶积石山县。海沧区援建了青禾充电示范站,修通了海沧路,建立了青禾爱心屋。"
    ctx, mentions = _read(text, ["海沧区", "积石山县"])
    names = set(_by_name(project_candidates(ctx, mentions)))
    assert {"青禾充电示范站", "海沧路", "青禾爱心屋"} <= names


def test_an_organisation_a_relation_takes_as_its_giver_says_so() -> None:
    text = "海沧区对口帮扶积石山县。海沧区人民医院向积石山县捐赠医疗设备。"
    start = text.index("海沧区人民医院")
    hospital = Mention(
        "t",
        "ORG",
        "海沧区人民医院",
        start,
        start + 7,
        1,
        source="pattern",
        subtype="hospital",
        name="海沧区人民医院",
    )
    art, mentions = article(text, ["海沧区", "积石山县"])
    mentions = [m for m in mentions if not (start <= m.start < start + 7)] + [hospital]
    from kg.relate import extract_relations

    relations = extract_relations(art, mentions)
    ctx = ArticleContext(art, mentions)
    ctx.relations.extend(relations)
    found = _by_name(project_candidates(ctx, mentions))
    features = found["海沧区人民医院"].features
    assert features["entity:ORG:hospital"] == 1.0
    assert any(k.startswith("party:") and k.endswith(":giver") for k in features)


def _says(feature: str, yes: float, no: float = 0.0):  # noqa: ANN202 - a probability function
    def probability(features: Mapping[str, float]) -> float:
        return yes if feature in features else no

    return probability


def test_a_candidate_the_model_accepts_is_added_with_the_rules_place() -> None:
    text = "海沧区对口帮扶积石山县。海沧区在富坪村建成黑山羊养殖项目。"
    ctx, mentions = _read(text, ["海沧区", "积石山县", "富坪村"])
    assert not [r for r in ctx.relations if r.type == "project"]
    apply_projects(ctx, mentions, _says("head:项目", 0.9), Verdicts(add_at=0.5))
    added = [r for r in ctx.relations if r.type == "project"]
    assert [(r.project, r.pattern, r.confidence, r.recipient.name) for r in added] == [
        ("黑山羊养殖项目", LEARNED_PATTERN, 0.9, "富坪村")
    ]
    assert ctx.article.text[added[0].start : added[0].end].find("黑山羊养殖项目") >= 0  # its evidence


def test_below_the_threshold_nothing_is_added_and_a_low_rule_project_is_vetoed() -> None:
    text = "海沧区对口帮扶积石山县。海沧区在富坪村建成黑山羊养殖项目。青禾扶贫车间在积石山县落成。"
    project = _project(text, "青禾扶贫车间", 2)
    ctx, mentions = _read(text, ["海沧区", "积石山县", "富坪村"], (project,))
    assert [r.project for r in ctx.relations if r.type == "project"] == ["青禾扶贫车间"]
    apply_projects(ctx, mentions, _says("head:项目", 0.4), Verdicts(add_at=0.5))
    assert [r.project for r in ctx.relations if r.type == "project"] == ["青禾扶贫车间"]
    apply_projects(ctx, mentions, _says("head:项目", 0.4), Verdicts(add_at=0.5, veto_below=0.3))
    assert [r.project for r in ctx.relations if r.type == "project"] == []


def test_a_low_rule_project_whose_builder_the_rules_read_is_not_vetoed() -> None:
    text = "海沧区对口帮扶积石山县。海沧区援建的青禾扶贫车间在积石山县落成。"
    project = _project(text, "青禾扶贫车间", 1)
    ctx, mentions = _read(text, ["海沧区", "积石山县"], (project,))
    built = [r for r in ctx.relations if r.type == "project"]
    assert [(r.project, r.donor.name) for r in built] == [("青禾扶贫车间", "海沧区")]
    apply_projects(ctx, mentions, lambda f: 0.1, Verdicts(add_at=0.5, veto_below=0.3))
    assert [r.project for r in ctx.relations if r.type == "project"] == ["青禾扶贫车间"]


def test_of_overlapping_candidates_only_the_most_probable_is_added() -> None:
    text = "海沧区对口帮扶积石山县。海沧区在富坪村建成黑山羊养殖项目。"
    ctx, mentions = _read(text, ["海沧区", "积石山县", "富坪村"])
    candidates = project_candidates(ctx, mentions)
    inside = [c for c in candidates if c.name == "黑山羊养殖项目"]
    assert inside
    apply_projects(ctx, mentions, lambda f: 0.8, Verdicts(add_at=0.5))
    added = [r.project for r in ctx.relations if r.type == "project"]
    assert len(added) == len(set(added)) == 1


def _examples(true_rules: int, false_rules: int) -> tuple[list[object], list[float]]:
    """Training examples of one set: documents each with one rule project the model scores high
    (true) or low (false)."""
    from types import SimpleNamespace

    examples, probabilities = [], []
    for i in range(true_rules + false_rules):
        true = i < true_rules
        cand = ProjectCandidate(0, 0, 4, f"青禾{i}基地", rule=[SimpleNamespace(donor=None)])  # type: ignore[list-item]
        item = SimpleNamespace(item=cand)
        examples.append(SimpleNamespace(group="setX", doc=f"d{i}", candidate=item, label=true))
        probabilities.append(0.9 if true else 0.1)
    return examples, probabilities


def test_the_reader_settles_on_a_veto_only_where_it_gains_more_than_noise() -> None:
    task = ProjectTask()
    _, settings, policy = task.settle(*_examples(10, 3))  # three false rows of thirteen: veto them
    assert settings["veto_below"] > 0.1 and policy["chosen"]["fp"] == 0
    _, settings, policy = task.settle(*_examples(400, 1))  # one of 401: not worth changing the rules
    assert settings["veto_below"] == 0.0 and policy["chosen"] == policy["rules"]


MODEL_FILE = MODELS / "projects.json"


@pytest.mark.skipif(not MODEL_FILE.is_file(), reason="no shipped project model")
def test_the_shipped_project_model_loads_and_says_what_it_was_trained_on() -> None:
    model = LinearModel.load(MODEL_FILE)
    assert model.task == "projects" and isinstance(reader_for("projects", model.module), ProjectTask)
    assert 0.0 < model.threshold < 1.0 and model.settings.get("veto_below", 0.0) == 0.0  # adds only
    sets = model.trained_on["sets"]
    # trained on pages the rules were not written from; never on the CHECK sets kept for later
    assert sets and not set(sets) & {"setI", "setJ"} and model.trained_on["why_these_sets"]
    assert model.cross_validation["real_builds"]  # its figures on sets it never saw
    # the features it weighs are ones the reader makes: no word of a page, only our names
    text = "海沧区对口帮扶积石山县。海沧区在富坪村建成黑山羊养殖项目。"
    ctx, mentions = _read(text, ["海沧区", "积石山县", "富坪村"])
    made = {k for c in project_candidates(ctx, mentions) for k in c.features}
    assert made & set(model.features)
