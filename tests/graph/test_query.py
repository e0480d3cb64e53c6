"""`kg query`, `kg stats`, `kg validate` on a build made from hand-made records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from graph_sample import sample_records
from typer.testing import CliRunner

from kg import graph as kg_graph
from kg import query as kg_query
from kg.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("query-build")
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), out)
    return out


def run_json(*args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, ["query", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout[result.stdout.index("{") :])
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_list_shows_every_preset_with_one_line() -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    names = [line.split()[0] for line in lines]
    assert names == [
        "articles-for-pair",
        "funds",
        "funds-by-donor",
        "helper-orgs",
        "official-coverage",
        "pairings",
        "programmes",
        "projects",
        "recipients-of",
        "unofficial-pairs",
    ]
    assert all(len(line.split(maxsplit=1)) == 2 for line in lines)
    assert "--param donor=" in next(line for line in lines if line.startswith("recipients-of"))


# the variables ../shared/eval/score.py reads from the pairings preset
SCORER_PAIRING_VARS = [
    "doc",
    "donor_name",
    "recipient_name",
    "donor_adcode",
    "recipient_adcode",
    "donor_county_adcode",
    "recipient_county_adcode",
    "kind",
]


def test_pairings_preset_binds_the_scorers_variables(build_dir: Path) -> None:
    result = runner.invoke(app, ["query", str(build_dir), "--preset", "pairings", "--format", "json"])
    head = json.loads(result.stdout)["head"]["vars"]
    assert head == SCORER_PAIRING_VARS
    rows = run_json(str(build_dir), "--preset", "pairings")
    assert rows == [
        {
            "doc": "100_fuqing",
            "donor_name": "福清市",
            "recipient_name": "连城县",
            "donor_adcode": "350181",
            "recipient_adcode": "350825",
            "kind": "intra-province",
        },
        {
            "doc": "100_fuqing",
            "donor_name": "福清市",
            "recipient_name": "通渭县",
            "donor_adcode": "350181",
            "recipient_adcode": "621121",
            "kind": "east-west",
        },
        {
            "doc": "101_kunshan",
            "donor_name": "张浦镇",
            "recipient_name": "坝黄镇",
            "donor_county_adcode": "320583",
            "recipient_county_adcode": "520602",
            "kind": "east-west",
        },
        {
            "doc": "101_kunshan",
            "donor_name": "昆山市",
            "recipient_name": "碧江区",
            "donor_adcode": "320583",
            "recipient_adcode": "520602",
            "kind": "east-west",
        },
        {
            "doc": "102_again",
            "donor_name": "福清市",
            "recipient_name": "通渭县",
            "donor_adcode": "350181",
            "recipient_adcode": "621121",
            "kind": "east-west",
        },
    ]


def test_a_lone_turtle_file_gives_the_same_rows(build_dir: Path) -> None:
    for preset in ("pairings", "helper-orgs", "funds-by-donor"):
        from_store = run_json(str(build_dir), "--preset", preset)
        from_ttl = run_json(str(build_dir / "graph.ttl"), "--preset", preset)
        assert from_store == from_ttl


def test_helper_orgs_preset(build_dir: Path) -> None:
    assert run_json(str(build_dir), "--preset", "helper-orgs") == [
        {"doc": "100_fuqing", "org_name": "福清市残联", "recipient_name": "通渭县"},
        {"doc": "101_kunshan", "org_name": "昆山鲜活果汁有限公司", "recipient_name": "高坝田村"},
        {"doc": "102_again", "org_name": "福清市残联"},
    ]


def test_funds_by_donor_preset(build_dir: Path) -> None:
    rows = run_json(str(build_dir), "--preset", "funds-by-donor")
    assert [(r["donor_name"], r["donor_type"], float(r["total_yuan"])) for r in rows] == [
        ("福清市", "Place", 8_000_000.0),
        ("张浦镇", "Place", 600_000.0),
        ("福清市残联", "Organisation", 120_000.0),
    ]


def test_recipients_of_preset_takes_a_name_or_a_surface_form(build_dir: Path) -> None:
    for name in ("福清市", "福清"):
        rows = run_json(str(build_dir), "--preset", "recipients-of", "--param", f"donor={name}")
        assert [(r["recipient_name"], r["types"], r["articles"]) for r in rows] == [
            ("通渭县", "pairing", "2"),
            ("连城县", "project", "1"),
        ]


def test_articles_for_pair_preset(build_dir: Path) -> None:
    rows = run_json(
        str(build_dir),
        "--preset",
        "articles-for-pair",
        "--param",
        "donor=福清市",
        "--param",
        "recipient=通渭县",
    )
    assert [(r["doc"], r["date"], r["type"]) for r in rows] == [
        ("100_fuqing", "2020-06-01", "pairing"),
        ("102_again", "2021-01-20", "pairing"),
    ]
    assert rows[0]["sentence"] == "福清市与通渭县开展东西部协作。"


def test_a_parameter_is_a_literal_not_query_text(build_dir: Path) -> None:
    hostile = '福清市") } SELECT * WHERE { ?s ?p ?o } #'
    rows = run_json(str(build_dir), "--preset", "recipients-of", "--param", f"donor={hostile}")
    assert rows == []


def test_a_missing_parameter_is_an_error(build_dir: Path) -> None:
    result = runner.invoke(app, ["query", str(build_dir), "--preset", "recipients-of"])
    assert result.exit_code == 2
    assert "--param donor=" in result.stderr


def test_table_and_csv_formats(build_dir: Path) -> None:
    table = runner.invoke(app, ["query", str(build_dir), "--preset", "helper-orgs"])
    assert table.exit_code == 0
    assert "昆山鲜活果汁有限公司" in table.stdout and "3 row(s)" in table.stdout
    csv_out = runner.invoke(app, ["query", str(build_dir), "--preset", "helper-orgs", "--format", "csv"])
    lines = csv_out.stdout.splitlines()
    assert lines[0] == "doc,org_name,recipient_name"
    assert lines[-1] == "102_again,福清市残联,"


def test_a_query_text_or_rq_file(build_dir: Path, tmp_path: Path) -> None:
    text = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a shanhai:Article }"  # prefixes come predeclared
    assert run_json(str(build_dir), text) == [{"n": "3"}]
    rq = tmp_path / "count.rq"
    rq.write_text(text, encoding="utf-8")
    assert run_json(str(build_dir), str(rq)) == [{"n": "3"}]
    ask = runner.invoke(app, ["query", str(build_dir), "ASK { ?p shanhai:assists ?q }", "--format", "json"])
    assert json.loads(ask.stdout) == {"head": {}, "boolean": True}


def test_a_bad_query_exits_2_with_the_parsers_message(build_dir: Path) -> None:
    result = runner.invoke(app, ["query", str(build_dir), "SELEC ?x WHERE { ?x ?p ?o }"])
    assert result.exit_code == 2
    assert "syntax error" in result.stderr and "1:" in result.stderr
    assert result.stdout == ""


def test_a_bad_query_from_the_shell_prints_no_traceback(build_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "query", str(build_dir), "SELECT ?x WHERE { ?x ?p }"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert "error" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "args",
    [["--preset", "no-such-preset"], ["SELECT * WHERE { ?s ?p ?o }", "--format", "xml"]],
)
def test_usage_errors_exit_2(build_dir: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["query", str(build_dir), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_missing_graph_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", str(tmp_path / "nowhere"), "--preset", "pairings"])
    assert result.exit_code == 2
    assert "no such build folder" in result.stderr


def test_presets_run_on_rdflib_too(build_dir: Path) -> None:
    """The stock queries are plain SPARQL 1.1 (the benchmark runs them on rdflib as well)."""
    g = kg_graph.read_graph(build_dir)
    store_rows = kg_query.select_rows(kg_query.open_store(build_dir), kg_query.preset("pairings").text)
    rdflib_rows = [
        {str(k): str(v) for k, v in row.asdict().items()} for row in g.query(kg_query.preset("pairings").text)
    ]
    assert sorted(map(sorted, map(dict.items, rdflib_rows))) == sorted(
        map(sorted, map(dict.items, store_rows))
    )


def test_stats(build_dir: Path) -> None:
    result = runner.invoke(app, ["stats", str(build_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    counts = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in lines[:12]}
    assert counts["articles"] == "3"
    assert counts["relations"] == "10"
    assert counts["pairing relations"] == "4"
    assert counts["assists edges"] == "6"
    assert "top donors by funds (yuan):" in result.stdout
    donors_by_funds = lines[lines.index("top donors by funds (yuan):") + 1]
    assert "福清市" in donors_by_funds and "8,000,000" in donors_by_funds


def test_validate_accepts_the_build_and_rejects_a_broken_graph(build_dir: Path, tmp_path: Path) -> None:
    ok = runner.invoke(app, ["validate", str(build_dir)])
    assert ok.exit_code == 0
    assert "Conforms: True" in ok.stdout
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        (build_dir / "graph.ttl").read_text(encoding="utf-8")
        + "\n<https://w3id.org/shanhai-kg/id/place/621121>"
        + ' <https://w3id.org/shanhai-kg/ontology#adminCode> "62" .\n',
        encoding="utf-8",
    )
    bad = runner.invoke(app, ["validate", str(broken)])
    assert bad.exit_code == 1
    assert "Conforms: False" in bad.stdout


def json_results(*args: str) -> dict:
    result = runner.invoke(app, ["query", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("where", ["folder", "ttl"])
def test_seeds_pairings_as_the_scorer_reads_them(seeds_build: Path, seeds_dir: Path, where: str) -> None:
    graph = seeds_build if where == "folder" else seeds_build / "graph.ttl"
    data = json_results(str(graph), "--preset", "pairings")
    assert data["head"]["vars"] == SCORER_PAIRING_VARS
    rows = data["results"]["bindings"]
    assert rows
    docs = {path.stem for path in seeds_dir.glob("*.txt")}
    for row in rows:
        assert row["doc"]["value"] in docs  # the input file's name without its extension
        assert row["kind"]["value"] in ("east-west", "intra-province", "other")
        for side in ("donor", "recipient"):
            assert row[f"{side}_name"]["value"]
            code = row.get(f"{side}_adcode", {}).get("value", "")
            county = row.get(f"{side}_county_adcode", {}).get("value", "")
            # A province, prefecture or county has its own code; a town or village only its county's.
            assert bool(code) != bool(county), row
            assert (code or county).isdigit() and len(code or county) == 6
    towns = [r for r in rows if "donor_county_adcode" in r or "recipient_county_adcode" in r]
    assert towns  # the seeds pair towns and villages too (昆山 ↔ 碧江)


def test_seeds_town_and_village_codes_are_their_countys(seeds_build: Path) -> None:
    rows = run_json(str(seeds_build), "--preset", "pairings")
    for row in rows:
        for side in ("donor", "recipient"):
            if f"{side}_county_adcode" not in row:
                continue
            county = kg_query.select_rows(
                kg_query.open_store(seeds_build),
                "SELECT ?name ?county ?level WHERE { ?p skos:prefLabel ?l ; shanhai:level ?level ; "
                "shanhai:inCounty/shanhai:adminCode ?code . FILTER (STR(?l) = ?name && ?code = ?county) }",
                {"name": row[f"{side}_name"], "county": row[f"{side}_county_adcode"]},
            )
            assert county and {r["level"].rsplit("#", 1)[1] for r in county} <= {"town", "village"}


@pytest.mark.parametrize("where", ["folder", "ttl"])
def test_seeds_helper_orgs_as_the_scorer_reads_them(seeds_build: Path, where: str) -> None:
    graph = seeds_build if where == "folder" else seeds_build / "graph.ttl"
    data = json_results(str(graph), "--preset", "helper-orgs")
    assert data["head"]["vars"] == ["doc", "org_name", "recipient_name"]
    rows = data["results"]["bindings"]
    assert rows and all(row["doc"]["value"] and row["org_name"]["value"] for row in rows)
    assert all(v["type"] == "literal" for row in rows for v in row.values())


def test_seeds_every_preset_runs(seeds_build: Path) -> None:
    store = kg_query.open_store(seeds_build)
    pairings = kg_query.select_rows(store, kg_query.preset("pairings").text)
    donor, recipient = pairings[0]["donor_name"], pairings[0]["recipient_name"]
    params = {"donor": donor, "recipient": recipient}
    for name, stock in kg_query.presets().items():
        rows = run_json(
            str(seeds_build), "--preset", name, *[f"--param={p}={params[p]}" for p in stock.params]
        )
        assert rows, name
    funds = run_json(str(seeds_build), "--preset", "funds-by-donor")
    totals = [float(r["total_yuan"]) for r in funds]
    assert totals == sorted(totals, reverse=True) and totals[0] > 0
    evidence = run_json(
        str(seeds_build),
        "--preset",
        "articles-for-pair",
        "--param",
        f"donor={donor}",
        "--param",
        f"recipient={recipient}",
    )
    assert all(r["sentence"] and int(r["start"]) < int(r["end"]) for r in evidence)


def test_seeds_stats_and_validate(seeds_build: Path) -> None:
    stats = runner.invoke(app, ["stats", str(seeds_build)])
    assert stats.exit_code == 0, stats.output
    counts = {
        line.rsplit(None, 1)[0].strip(): int(line.rsplit(None, 1)[1].replace(",", ""))
        for line in stats.stdout.splitlines()[:12]
    }
    assert counts["articles"] == 5
    assert counts["triples"] == len(kg_graph.read_graph(seeds_build))
    assert counts["relations"] > 0 and counts["assists edges"] > 0
    assert "top donors by pairings:" in stats.stdout and "top recipients by funds (yuan):" in stats.stdout
    validate = runner.invoke(app, ["validate", str(seeds_build)])
    assert validate.exit_code == 0, validate.output
    assert "Conforms: True" in validate.stdout
