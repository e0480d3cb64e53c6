"""The programme presets (`programmes`, `official-coverage`, `unofficial-pairs`) on a build of
hand-made records and on the seeds' build."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_sample import sample_records

from kg import graph as kg_graph
from kg.programmes import tables
from kg.query import open_store, preset, select_rows


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("programme-presets")
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), out)
    return out


def rows(build: Path, name: str) -> list[dict[str, str]]:
    return select_rows(open_store(build), preset(name).text)


def test_programmes_counts_official_and_evidenced_pairs(sample_build: Path) -> None:
    found = {r["programme"]: r for r in rows(sample_build, "programmes")}
    assert set(found) == set(tables().programmes)
    east_west = found["east-west-2016"]
    assert east_west["official_pairs"] == str(sum(p.programme == "east-west-2016" for p in tables().pairs))
    # 福清市 → 通渭县 agrees with 福州市 → 定西市: one official pair evidenced, one corpus pair
    assert (east_west["evidenced_official"], east_west["corpus_pairs"], east_west["articles"]) == (
        "1",
        "1",
        "1",
    )
    assert found["northeast"]["kind"] == "other" and found["guangdong"]["kind"] == "intra-province"
    assert found["xinjiang"]["evidenced_official"] == "0"


def test_official_coverage_lists_every_row_evidenced_or_not(sample_build: Path) -> None:
    found = rows(sample_build, "official-coverage")
    assert len(found) == len(tables().pairs)
    by_pair = {(r["programme"], r["donor_code"], r["recipient_code"]): r for r in found}
    fuzhou = by_pair[("east-west-2016", "350100", "621100")]
    assert (fuzhou["evidenced"], fuzhou["articles"], fuzhou["first_date"], fuzhou["last_date"]) == (
        "true",
        "1",
        "2020-06-01",
        "2020-06-01",
    )
    beijing = by_pair[("east-west-2016", "110000", "150000")]
    assert (beijing["evidenced"], beijing["articles"]) == ("false", "0") and "first_date" not in beijing
    assert all(r["source"].startswith("http") for r in found)
    assert found[0]["evidenced"] == "true", "evidenced pairs come first"


def test_unofficial_pairs_are_the_place_pairs_no_table_lists(sample_build: Path) -> None:
    found = {(r["donor_name"], r["recipient_name"]): r for r in rows(sample_build, "unofficial-pairs")}
    assert ("福清市", "通渭县") not in found  # agrees with 福州市 → 定西市 in one of its articles
    lian = found[("福清市", "连城县")]
    assert (lian["donor_code"], lian["recipient_code"], lian["kind"]) == (
        "350181",
        "350825",
        "intra-province",
    )
    assert lian["docs"] == "100_fuqing" and "连城县" in lian["evidence"]
    assert found[("张浦镇", "坝黄镇")]["donor_code"] == "320583"  # a town gives its county's code
    assert all(a != "福清市残联" for a, _ in found), "organisations are no place pairs"


def test_seeds_presets(seeds_build: Path) -> None:
    programmes = {r["programme"]: r for r in rows(seeds_build, "programmes")}
    assert set(programmes) == set(tables().programmes)
    coverage = rows(seeds_build, "official-coverage")
    assert len(coverage) == len(tables().pairs)
    evidenced = [r for r in coverage if r["evidenced"] == "true"]
    assert evidenced, "the seeds' pairings agree with official pairs (海沧区 → 积石山县: 厦门市 → 临夏州)"
    for row in evidenced:
        assert int(row["articles"]) >= 1 and row.get("first_date", "") <= row.get("last_date", "")
    assert sum(int(p["evidenced_official"]) for p in programmes.values()) == len(evidenced)
    for row in rows(seeds_build, "unofficial-pairs"):
        assert int(row["articles"]) >= 1 and row["evidence"] and row["docs"]
