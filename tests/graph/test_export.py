"""`kg export`: pairs, funds, projects and the pair-year panel, read from a build's store."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from graph_sample import BAHUANG, ZHANGPU, relation, sample_records
from typer.testing import CliRunner

from kg import graph as kg_graph
from kg.cli import app
from kg.export import TABLES, export_rows, export_table
from kg.query import QueryError
from kg.records import Article, Party, Relation, Sentence


def article(article_id: str, date: str, sentences: list[str]) -> Article:
    text = "".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(at, at + len(s)))
        at += len(s)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=article_id, text=text, date=date, content_hash=digest, sentences=spans)


def funding(a: Article, sentence: int, amount: float, rtype: str = "funding") -> Relation:
    return relation(rtype, a, sentence, ZHANGPU, BAHUANG, amount_yuan=amount)


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), out)
    return out


@pytest.fixture(scope="module")
def funds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One article states the same 60万 twice (in two sentences), a later one 10万."""
    first = article("a1", "2019-05-01", ["张浦镇向坝黄镇捐资60万元。", "这60万元由张浦镇捐给坝黄镇。"])
    second = article("a2", "2020-02-01", ["张浦镇再向坝黄镇捐资10万元。"])
    relations = [
        funding(first, 0, 600000.0),
        funding(first, 1, 600000.0),
        funding(first, 0, 600000.0, rtype="pairing"),
        funding(second, 0, 100000.0),
    ]
    out = tmp_path_factory.mktemp("export-funds")
    kg_graph.write_graph(kg_graph.build_graph([first, second], {}, relations), out)
    return out


def test_panel_is_one_row_per_pair_and_year_with_funds_counted_once(funds_build: Path) -> None:
    _, rows = export_rows(funds_build, "panel")
    by_year = {r["year"]: r for r in rows}
    assert set(by_year) == {"2019", "2020"}
    assert float(by_year["2019"]["funds_yuan"]) == 600000.0  # the same sum stated twice counts once
    assert float(by_year["2020"]["funds_yuan"]) == 100000.0
    assert by_year["2019"]["articles"] == "1"
    assert (by_year["2019"]["donor_code"], by_year["2019"]["donor_level"]) == ("320583", "town")
    _, funds = export_rows(funds_build, "funds")
    assert len(funds) == 3, "the funds table keeps every statement, with its sentence"


def test_panel_programme_is_the_one_of_the_year(tmp_path: Path) -> None:
    """广州 → 毕节 is a row of the 2016 round (2016-2020) and of the 2021 round (2021-): a 2019
    article's pair is the 2016 round's, a 2022 one's the 2021 round's; an undated one has both."""
    guangzhou = Party("PLACE", "广州市", code="440100", level="prefecture", province_code="440000")
    bijie = Party("PLACE", "毕节市", code="520500", level="prefecture", province_code="520000")
    articles = [
        article("old", "2019-03-01", ["广州市对口帮扶毕节市。"]),
        article("new", "2022-03-01", ["广州市与毕节市开展东西部协作。"]),
        article("undated", "", ["广州市帮扶毕节市。"]),
    ]
    relations = [relation("pairing", a, 0, guangzhou, bijie) for a in articles]
    kg_graph.write_graph(kg_graph.build_graph(articles, {}, relations), tmp_path)
    _, rows = export_rows(tmp_path, "panel")
    by_year = {r["year"]: r["programme"] for r in rows}
    assert by_year["2019"] == "east-west-2016"
    assert by_year["2022"] == "east-west-2021"
    assert set(by_year[""].split(";")) == {"east-west-2016", "east-west-2021"}
    assert {r["official"] for r in rows} == {"true"}


def test_pairs_table(sample_build: Path) -> None:
    columns, rows = export_rows(sample_build, "pairs")
    assert columns[:6] == [
        "donor_code",
        "donor_name",
        "donor_level",
        "recipient_code",
        "recipient_name",
        "recipient_level",
    ]
    pairs = {(r["donor_name"], r["recipient_name"]): r for r in rows}
    fuqing = pairs[("福清市", "通渭县")]
    assert (fuqing["programme"], fuqing["official"], fuqing["articles"]) == ("east-west-2016", "true", "2")
    assert (fuqing["first_date"], fuqing["last_date"]) == ("2020-06-01", "2021-01-20")
    assert pairs[("福清市", "连城县")]["projects"] == "1"
    assert pairs[("福清市", "连城县")]["kind"] == "intra-province"
    assert len(rows) == len(pairs), "one row per directed pair"


def test_funds_and_projects_tables(sample_build: Path) -> None:
    _, funds = export_rows(sample_build, "funds")
    federation = next(r for r in funds if r["donor_name"] == "福清市残联")
    assert (federation["donor_type"], federation["donor_code"]) == ("Organisation", "350181")
    assert (federation["recipient_code"], float(federation["amount_yuan"])) == ("621121", 120000.0)
    _, projects = export_rows(sample_build, "projects")
    assert [(r["project_name"], r["place_code"], r["builder_code"]) for r in projects] == [
        ("福清体艺馆", "350825", "350181")
    ]


def test_csv_and_jsonl(sample_build: Path, tmp_path: Path) -> None:
    count, text = export_table(sample_build, "panel", "csv")
    table = list(csv.DictReader(io.StringIO(text)))
    assert len(table) == count and {r["year"] for r in table} == {"2019", "2020", "2021"}
    target = tmp_path / "panel.jsonl"
    count, text = export_table(sample_build, "panel", "jsonl", target)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert text == "" and len(records) == count
    assert all(set(r) == set(records[0]) for r in records), "every record has every column"
    assert isinstance(records[0]["articles"], int) and isinstance(records[0]["funds_yuan"], float)
    assert isinstance(records[0]["official"], bool)
    with pytest.raises(QueryError):
        export_table(sample_build, "nothing")
    with pytest.raises(QueryError):
        export_table(sample_build, "pairs", "xlsx")


def test_cli_export(sample_build: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for table in TABLES:
        result = runner.invoke(app, ["export", str(sample_build), "--table", table])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[0].count(",") >= 5
    target = tmp_path / "pairs.csv"
    result = runner.invoke(app, ["export", str(sample_build), "-t", "pairs", "-o", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8").startswith("donor_code,")
    assert runner.invoke(app, ["export", str(sample_build), "-t", "nothing"]).exit_code == 2
    assert runner.invoke(app, ["export", str(tmp_path / "missing")]).exit_code == 2


def test_seeds_export(seeds_build: Path) -> None:
    _, pairs = export_rows(seeds_build, "pairs")
    _, panel = export_rows(seeds_build, "panel")
    assert pairs and panel
    assert sum(int(r["articles"]) for r in panel) >= sum(int(r["articles"]) for r in pairs)
    assert {(r["donor_code"], r["recipient_code"]) for r in panel} == {
        (r["donor_code"], r["recipient_code"]) for r in pairs
    }


def test_official_from_the_tables_whatever_the_relation_type(sample_build: Path) -> None:
    """昆山市 → 碧江区 was read as not official by its relation, yet agrees with 苏州市 → 铜仁市 and
    with the 携手奔小康 row 昆山市 → 碧江区 (the programmes of every row at its own or a higher level)."""
    _, rows = export_rows(sample_build, "pairs")
    pairs = {(r["donor_name"], r["recipient_name"]): r for r in rows}
    kunshan = pairs[("昆山市", "碧江区")]
    assert (kunshan["official"], set(kunshan["programme"].split(";"))) == (
        "true",
        {"east-west-2016", "xieshou"},
    )
    towns = pairs[("张浦镇", "坝黄镇")]  # towns through their counties
    assert set(towns["programme"].split(";")) == {"east-west-2016", "xieshou"}
    lian = pairs[("福清市", "连城县")]
    assert (lian["official"], "programme" in lian) == ("false", False)
