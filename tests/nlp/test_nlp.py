"""The nlp stage (kg/nlp/) on sentences written for these tests, the shipped model, `--model`
with another spaCy pipeline, and a `kg train` smoke run on a tiny corpus made here.

No test trains the real model (that takes many minutes): `kg train --max-steps` runs a few steps.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from rdflib import Graph, Literal
from typer.testing import CliRunner

from kg import nlp
from kg.cli import app
from kg.records import Article

runner = CliRunner()


@pytest.fixture(scope="module")
def pipeline() -> spacy.language.Language:
    return nlp.load_pipeline()


def entities(pipeline: spacy.language.Language, text: str) -> list[tuple[str, str, str]]:
    """(label, text, subtype) of each entity, in text order."""
    found = nlp.iter_entities(pipeline, text)
    return [(label, surface, subtype) for label, surface, _, _, _, subtype in found]


# --- the shipped model ---------------------------------------------------------------------
def test_shipped_model_is_package_data_and_loads_offline() -> None:
    from importlib.resources import files

    path = nlp.model_path()
    assert path == Path(str(files("kg.data").joinpath("model")))
    assert (path / "config.cfg").is_file() and (path / "meta.json").is_file()
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size < 15_000_000, f"the shipped model is {size / 1e6:.1f} MB"
    model = spacy.load(path)  # a folder: no package, no download
    assert model.pipe_names == ["tok2vec", "ner"]
    labels = set(model.get_pipe("ner").labels)
    assert {"address", "company", "government", "organization", "name"} <= labels
    assert {"address", "company", "government", "organization"} <= set(nlp.label_map())


def test_pipeline_components(pipeline: spacy.language.Language) -> None:
    assert pipeline.pipe_names == ["kg_gazetteer", "kg_patterns", "kg_cued_ner", "kg_entities"]
    assert pipeline.tokenizer("会宁县")[0].text == "会"  # the rules work on characters


# --- our labels on sentences written for the tests ---------------------------------------------
def test_enterprises_without_suffix_in_an_enumeration(pipeline: spacy.language.Language) -> None:
    found = entities(pipeline, "去年以来，会宁县引进落地丰禾农贸、青山食用菌等企业6家，带动就业300人。")
    assert ("ORG", "丰禾农贸", "enterprise") in found
    assert ("ORG", "青山食用菌", "enterprise") in found
    assert ("PLACE", "会宁县", "county") in found
    assert not [e for e in found if e[1].startswith(("引进", "落地"))]


def test_org_subtypes(pipeline: spacy.language.Language) -> None:
    found = entities(
        pipeline,
        "晋江市人民政府与会宁县签订协议，晋江市慈善总会捐赠物资，会宁县第二中学和会宁县人民医院获得支持，"
        "晋江果蔬研究所派出专家。",
    )
    orgs = {surface: subtype for label, surface, subtype in found if label == "ORG"}
    assert orgs["晋江市人民政府"] == "government"
    assert orgs["晋江市慈善总会"] == "social"
    assert orgs["会宁县第二中学"] == "school"
    assert orgs["会宁县人民医院"] == "hospital"
    assert orgs["晋江果蔬研究所"] == "other"


def test_verbs_inside_a_name_and_long_suffixes(pipeline: spacy.language.Language) -> None:
    """投资 and 建设 lead into a name elsewhere (引进、投资某某公司) but belong to 交通投资集团."""
    text = "会宁县交通投资集团与晋江市城市建设投资集团有限公司签约，引进落地丰禾农贸公司。"
    found = entities(pipeline, text)
    orgs = [surface for label, surface, _ in found if label == "ORG"]
    assert orgs == ["会宁县交通投资集团", "晋江市城市建设投资集团有限公司", "丰禾农贸公司"]


def test_a_development_zone_named_by_its_place_is_an_org(pipeline: spacy.language.Language) -> None:
    found = entities(pipeline, "会宁县与晋江市签署协议，晋江高新区与会宁县共建产业园。")
    assert ("ORG", "晋江高新区", "government") in found


def test_statistical_ner_finds_names_no_rule_knows(pipeline: spacy.language.Language) -> None:
    text = "腾讯公司与京东在会宁县签约，阿里巴巴投资建设电商中心。"
    doc = nlp.run_pipeline(pipeline, Article(id="t", text=text))
    from_ner = {(e.label_, e.text) for e in doc.ents if e.kb_id_ == "ner"}
    assert ("ORG", "京东") in from_ner
    assert ("ORG", "阿里巴巴") in from_ner


def test_phrases_are_no_names_and_a_village_is_no_person() -> None:
    assert nlp.is_phrase_not_name("深情厚谊")  # an idiom of jieba's dictionary
    assert nlp.is_phrase_not_name("陈某兄弟俩") and nlp.is_phrase_not_name("茶叶产业发展")
    assert not nlp.is_phrase_not_name("丰禾农贸") and not nlp.is_phrase_not_name("王建国")
    text = "带着深情厚谊，王建国走访了石桥村。"
    doc = spacy.blank("zh").make_doc(text)
    statistical = [(2, 6, "organization"), (7, 10, "name"), (13, 16, "name")]
    doc.spans[nlp.NER_KEY] = [doc.char_span(s, e, label=label) for s, e, label in statistical]
    nlp.EntityMerger()(doc)
    assert [(e.label_, e.text) for e in doc.ents] == [("PERSON", "王建国"), ("PLACE", "石桥村")]


def test_county_short_names(pipeline: spacy.language.Language) -> None:
    found = entities(pipeline, "晋江帮扶会宁的干部说，两地合作越来越紧密。")
    assert [(label, surface) for label, surface, _ in found] == [("PLACE", "晋江"), ("PLACE", "会宁")]


def test_a_short_name_inside_a_word_is_no_place(pipeline: spacy.language.Language) -> None:
    # 康保 (Hebei) and 同仁 (Qinghai) are counties, but here pieces of 健康保障 and 一视同仁
    found = entities(pipeline, "加强健康保障，对各类企业一视同仁。")
    assert not [e for e in found if e[0] == "PLACE"]


def test_money_and_dates(pipeline: spacy.language.Language) -> None:
    found = entities(pipeline, "项目总投资22173.35万元，于2020年7月建成投产，另有1.2亿元于10月17日到位。")
    assert [(label, surface) for label, surface, _ in found] == [
        ("MONEY", "22173.35万元"),
        ("DATE", "2020年7月"),
        ("MONEY", "1.2亿元"),
        ("DATE", "10月17日"),
    ]


def test_projects(pipeline: spacy.language.Language) -> None:
    found = entities(pipeline, "双方共建的“会宁晋江农产品展销中心”项目正式开业，晋江会宁产业园建成。")
    projects = [surface for label, surface, _ in found if label == "PROJECT"]
    assert projects == ["会宁晋江农产品展销中心", "晋江会宁产业园"]


def test_offsets_point_into_the_text(pipeline: spacy.language.Language) -> None:
    text = "晋江市慈善总会向会宁县捐赠帮扶资金100万元。"
    for _, surface, start, end, _, _ in nlp.iter_entities(pipeline, text):
        assert text[start:end] == surface


# --- persons --------------------------------------------------------------------------------
def test_persons_are_recognised_but_never_reach_the_graph(seeds_build: Path) -> None:
    rows = [json.loads(line) for line in (seeds_build / "entities.jsonl").open(encoding="utf-8")]
    persons = {r["text"] for r in rows if r["label"] == "PERSON"}
    assert persons, "the seeds name people (a mayor, a teacher); the NER should find some"
    relations = [json.loads(line) for line in (seeds_build / "relations.jsonl").open(encoding="utf-8")]
    assert relations
    parties = [v for r in relations for v in r.values() if isinstance(v, dict) and "label" in v]
    assert parties and all(p["label"] in ("PLACE", "ORG") for p in parties)
    graph = Graph().parse(seeds_build / "graph.ttl", format="turtle")
    whole_literals = {str(o) for o in graph.objects() if isinstance(o, Literal)}
    assert not persons & whole_literals  # in evidence sentences at most, never a node's name


# --- --model: another installed spaCy pipeline ----------------------------------------------
@pytest.fixture(scope="module")
def foreign_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small OntoNotes-labelled pipeline (an entity_ruler), saved like any installed one."""
    foreign = spacy.blank("zh")
    ruler = foreign.add_pipe("entity_ruler")
    ruler.add_patterns(  # type: ignore[attr-defined]
        [
            {"label": "GPE", "pattern": "翠屏湾镇"},
            {"label": "ORG", "pattern": "青禾农贸"},
            {"label": "MONEY", "pattern": "五百万块钱"},
            {"label": "DATE", "pattern": "国庆前夕"},
            {"label": "PERSON", "pattern": "王小明"},
            {"label": "NORP", "pattern": "客家人"},
        ]
    )
    path = tmp_path_factory.mktemp("foreign") / "zh_test_pipeline"
    foreign.to_disk(path)
    return path


FOREIGN_TEXT = "国庆前夕，王小明和客家人把青禾农贸的五百万块钱投到翠屏湾镇。"


def test_foreign_labels_map_onto_ours(foreign_model: Path) -> None:
    pipeline = nlp.load_pipeline(str(foreign_model))
    assert "entity_ruler" in pipeline.pipe_names and "kg_entities" in pipeline.pipe_names
    found = {(label, surface) for label, surface, *_ in nlp.iter_entities(pipeline, FOREIGN_TEXT)}
    assert {
        ("DATE", "国庆前夕"),
        ("PERSON", "王小明"),
        ("ORG", "青禾农贸"),
        ("MONEY", "五百万块钱"),
        ("PLACE", "翠屏湾镇"),
    } <= found
    assert not [f for f in found if f[1] == "客家人"]  # NORP has no counterpart: dropped


def test_build_with_model_path(foreign_model: Path, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(FOREIGN_TEXT + "\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["build", str(tmp_path / "in"), "--out", str(out), "--model", str(foreign_model)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (out / "entities.jsonl").open(encoding="utf-8")]
    by_text = {r["text"]: r for r in rows}
    assert by_text["青禾农贸"]["label"] == "ORG"
    assert by_text["五百万块钱"]["label"] == "MONEY"
    assert by_text["翠屏湾镇"]["label"] == "PLACE"


def test_model_not_installed_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(nlp.ModelNotFound, match="zh_no_such_pipeline"):
        nlp.load_pipeline("zh_no_such_pipeline")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("会宁县与晋江市结对帮扶。\n", encoding="utf-8")
    args = ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--model", "zh_no_such_pipeline"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "zh_no_such_pipeline" in result.output and "installed" in result.output
    assert "Traceback" not in result.output


# --- kg train: a smoke run ---------------------------------------------------------------------
def _cluener_row(parts: list[tuple[str, str | None]]) -> str:
    """A CLUENER line from (piece, label or None) parts, with inclusive end offsets."""
    text, labels = "", {}
    for piece, label in parts:
        if label:
            labels.setdefault(label, {}).setdefault(piece, []).append([len(text), len(text) + len(piece) - 1])
        text += piece
    return json.dumps({"text": text, "label": labels}, ensure_ascii=False)


def test_train_smoke_and_evaluate_only(tmp_path: Path) -> None:
    people = ["张伟", "李娜", "王强", "刘洋", "陈静"]
    places = ["会宁县", "晋江市", "通渭县", "福清市", "连城县"]
    firms = ["丰禾农贸公司", "青山食用菌厂", "海运集团", "绿源果业公司"]
    rows = [
        _cluener_row(
            [
                (people[i % 5], "name"),
                ("在", None),
                (places[i % 5], "address"),
                ("的", None),
                (firms[i % 4], "company"),
                ("工作。", None),
            ]
        )  # fmt: skip
        for i in range(20)
    ]
    data = tmp_path / "cluener"
    data.mkdir()
    (data / "train.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (data / "dev.jsonl").write_text("\n".join(rows[:5]) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(out), "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    assert "CLUENER dev, exact spans:" in result.output and "overall" in result.output
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert meta["kg_cluener_dev"]["sentences"] == 5
    assert set(meta["kg_cluener_dev"]["per_label"]) <= {"name", "address", "company"}
    assert spacy.load(out).pipe_names == ["tok2vec", "ner"]
    result = runner.invoke(app, ["train", "--data", str(data), "--evaluate-only", "--model", str(out)])
    assert result.exit_code == 0, result.output
    assert "CLUENER dev (5 sentences)" in result.output
