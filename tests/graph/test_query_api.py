"""The query resolution the CLI calls (kg.query.query_text, answer, preset_lines), as a Python
caller meets it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import query as q


def test_a_preset_s_text_needs_its_parameters() -> None:
    assert q.query_text(None, "pairings", {}) == q.preset("pairings").text
    with pytest.raises(q.QueryError, match=r"needs --param donor=…"):
        q.query_text(None, "recipients-of", {})
    assert q.query_text(None, "recipients-of", {"donor": "福清"}) == q.preset("recipients-of").text


def test_a_query_a_file_or_a_preset_but_one_of_them(tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    assert q.query_text(str(rq), None, {}) == rq.read_text(encoding="utf-8")
    assert q.query_text("ASK {}", None, {}) == "ASK {}"
    with pytest.raises(q.QueryError, match="not both"):
        q.query_text("ASK {}", "pairings", {})
    with pytest.raises(q.QueryError, match="--preset NAME"):
        q.query_text(None, None, {})
    with pytest.raises(q.QueryError, match="no preset named"):
        q.query_text(None, "no-such-preset", {})


def test_answer_runs_on_a_turtle_file(tmp_path: Path) -> None:
    ttl = tmp_path / "g.ttl"
    ttl.write_text(
        "<http://example.org/a> <http://example.org/b> <http://example.org/c> .\n", encoding="utf-8"
    )
    assert q.answer(ttl, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", fmt="csv").splitlines() == ["n", "1"]


def test_every_preset_is_listed_with_its_parameters() -> None:
    lines = q.preset_lines()
    assert [line.split()[0] for line in lines] == list(q.presets())
    assert any(line.startswith("recipients-of") and "--param donor=…" in line for line in lines)
