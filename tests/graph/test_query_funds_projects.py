"""The `funds` and `projects` presets: the rows the scorer reads, on hand-made records and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from graph_sample import sample_records
from typer.testing import CliRunner

from kg import graph as kg_graph
from kg.cli import app

runner = CliRunner()

FUNDS_VARS = [
    "doc",
    "donor_name",
    "recipient_name",
    "amount_yuan",
    "date",
    "purpose",
    "evidence",
    "start",
    "end",
]
PROJECTS_VARS = ["doc", "project_name", "place_name", "builder_name", "evidence", "start", "end"]


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("funds-build")
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), out)
    return out


def results(*args: str) -> dict:
    result = runner.invoke(app, ["query", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout[result.stdout.index("{") :])


def values(data: dict) -> list[dict[str, str]]:
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_funds_preset_one_row_per_funding_sum(build_dir: Path) -> None:
    data = results(str(build_dir), "--preset", "funds")
    assert data["head"]["vars"] == FUNDS_VARS
    rows = values(data)
    # The project's investment (8,000,000 on a project relation) is not a fund.
    assert [(r["doc"], r.get("donor_name"), r["recipient_name"], float(r["amount_yuan"])) for r in rows] == [
        ("100_fuqing", "福清市残联", "通渭县", 120000.0),
        ("101_kunshan", "张浦镇", "坝黄镇", 600000.0),
    ]
    assert rows[0]["date"] == "2020"
    assert rows[0]["evidence"] == "福清市残联向通渭县捐赠轮椅，价值12万元。"
    assert int(rows[0]["start"]) < int(rows[0]["end"])


def test_projects_preset_names_place_and_builder(build_dir: Path) -> None:
    data = results(str(build_dir), "--preset", "projects")
    assert data["head"]["vars"] == PROJECTS_VARS
    rows = values(data)
    assert [(r["doc"], r["project_name"], r["place_name"], r["builder_name"]) for r in rows] == [
        ("100_fuqing", "福清体艺馆", "连城县", "福清市")
    ]
    assert rows[0]["evidence"] == "福清市投入800万元在连城县建设福清体艺馆。"


@pytest.mark.parametrize("preset", ["funds", "projects"])
def test_seeds_funds_and_projects_as_the_scorer_reads_them(seeds_build: Path, preset: str) -> None:
    data = results(str(seeds_build), "--preset", preset)
    rows = data["results"]["bindings"]
    assert rows
    assert all(v["type"] == "literal" for row in rows for v in row.values())
    for row in values(data):
        assert row["doc"] and row["evidence"]
        if preset == "funds":
            assert float(row["amount_yuan"]) > 0
        else:
            assert row["project_name"]


def test_a_sum_that_states_no_pairing_is_a_fund_but_no_pair(tmp_path: Path) -> None:
    from dataclasses import replace

    from graph_sample import GAOBATIAN, KUNSHAN

    articles, mentions, relations = sample_records()
    fund = next(r for r in relations if r.type == "funding" and r.article_id == "101_kunshan")
    village_fund = replace(
        fund, donor=KUNSHAN, recipient=GAOBATIAN, amount_yuan=50_000.0, states_pairing=False
    )
    kg_graph.write_graph(kg_graph.build_graph(articles, mentions, [*relations, village_fund]), tmp_path)
    funds = values(results(str(tmp_path), "--preset", "funds"))
    assert ("昆山市", "高坝田村", 50_000.0) in [
        (r.get("donor_name"), r["recipient_name"], float(r["amount_yuan"])) for r in funds
    ]
    pairs = values(results(str(tmp_path), "--preset", "pairings"))
    assert ("昆山市", "高坝田村") not in [(r["donor_name"], r["recipient_name"]) for r in pairs]


def test_a_project_with_neither_builder_nor_place_is_listed(tmp_path: Path) -> None:
    from dataclasses import replace

    articles, mentions, relations = sample_records()
    project = next(r for r in relations if r.type == "project")
    alone = replace(
        project, donor=None, recipient=None, project="东西协作电商示范基地", start=project.start + 1
    )
    kg_graph.write_graph(kg_graph.build_graph(articles, mentions, [*relations, alone]), tmp_path)
    rows = values(results(str(tmp_path), "--preset", "projects"))
    assert ("东西协作电商示范基地", None, None) in [
        (r["project_name"], r.get("place_name"), r.get("builder_name")) for r in rows
    ]
    validate = runner.invoke(app, ["validate", str(tmp_path)])
    assert validate.exit_code == 0, validate.output


def test_one_project_name_at_two_places_is_two_projects(tmp_path: Path) -> None:
    """A common name (希望小学) stated at two places in two articles gives each article its own place,
    never the other's: a project node is its name and the place it stands in."""
    from dataclasses import replace

    from graph_sample import BIJIANG, TONGWEI

    articles, mentions, relations = sample_records()
    project = next(r for r in relations if r.type == "project")
    other_article = next(a for a in articles if a.id != project.article_id)
    here = replace(project, project="希望小学", recipient=TONGWEI, start=project.start + 1)
    there = replace(project, article_id=other_article.id, project="希望小学", recipient=BIJIANG, donor=None)
    built = kg_graph.build_graph(articles, mentions, [*relations, here, there])
    kg_graph.write_graph(built, tmp_path)
    rows = values(results(str(tmp_path), "--preset", "projects"))
    schools = sorted((r["doc"], r.get("place_name")) for r in rows if r["project_name"] == "希望小学")
    assert schools == sorted([(project.article_id, "通渭县"), (other_article.id, "碧江区")])
