"""What ``report.html`` says, read from the build's SPARQL store: the corpus, pairs, funds,
projects and helping organisations, their rankings, a province × province matrix and, when the
graph has them, the official programmes' coverage.

The totals come from the stock presets themselves (``ontology/queries``: ``pairings``,
``helper-orgs``, ``funds-by-donor``, ``funds``, ``projects``, and ``programmes`` /
``official-coverage`` when present), so the report can never disagree with ``kg query``; the
evidence of the rows behind each number comes from ``data/views/report/relations.rq`` and
``articles.rq``. Two money figures, as the presets have them: the givers' totals
(``funds-by-donor``: every relation with an amount, each amount once per giver, article and
recipient) and the stated sums (``funds``: one row per funding sentence's sum).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.query import open_store, preset, presets, select_rows
from kg.views.assets import asset
from kg.views.geo import outlines

RELATION_TYPES = {"Pairing": "pairing", "Help": "help", "Funding": "funding", "ProjectSupport": "project"}
COVERAGE_PRESETS = ("programmes", "official-coverage")  # shown when the build's queries have them


@dataclass
class Report:
    """The report's numbers and the row sets they link to (each row a plain dict of strings)."""

    totals: dict[str, Any] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    rankings: dict[str, list[tuple[str, float]]] = field(default_factory=dict)
    years: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)
    matrix: dict[str, Any] = field(default_factory=dict)
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)


def province_names() -> dict[str, str]:
    """Province code → name, from the outlines (every province, Taiwan, Hong Kong and Macau)."""
    return {
        g["properties"]["code"]: g["properties"]["name"]
        for g in outlines()["objects"]["provinces"]["geometries"]
        if g["properties"]["code"]
    }


def province_of(code: str | None, names: dict[str, str]) -> str:
    return names.get(f"{code[:2]}0000", "") if code and len(code) >= 6 else ""


def run_preset(store: ox.Store, name: str) -> list[dict[str, str]]:
    return select_rows(store, preset(name).text)


def evidence_index(relations: list[dict[str, str]]) -> dict[tuple[str, str, str], list[dict[str, str]]]:
    """Evidence by (document, donor name, recipient name): what a preset row names its parties by."""
    index: dict[tuple[str, str, str], list[dict[str, str]]] = defaultdict(list)
    seen = set()
    for r in relations:
        key = (r["doc"], r.get("donor_name", ""), r.get("recipient_name", ""))
        item = evidence_item(r)
        if (key, item["sentence"]) in seen:
            continue
        seen.add((key, item["sentence"]))
        index[key].append(item)
    return index


def evidence_item(r: dict[str, str]) -> dict[str, str]:
    return {
        "doc": r["doc"],
        "title": r.get("title", ""),
        "date": r.get("date", ""),
        "sentence": r.get("sentence", ""),
        "type": RELATION_TYPES.get(r["class"].rsplit("#", 1)[-1], ""),
    }


def pair_rows(store: ox.Store, index: dict, names: dict[str, str]) -> list[dict[str, Any]]:
    """The ``pairings`` preset's rows, each with its provinces and evidence sentences."""
    rows = []
    for row in run_preset(store, "pairings"):
        donor_code = row.get("donor_adcode") or row.get("donor_county_adcode")
        recipient_code = row.get("recipient_adcode") or row.get("recipient_county_adcode")
        rows.append(
            {
                "doc": row["doc"],
                "donor": row["donor_name"],
                "recipient": row["recipient_name"],
                "kind": row.get("kind", ""),
                "donor_province": province_of(donor_code, names),
                "recipient_province": province_of(recipient_code, names),
                "ev": index.get((row["doc"], row["donor_name"], row["recipient_name"]), []),
            }
        )
    return rows


def fund_rows(relations: list[dict[str, str]]) -> list[dict[str, Any]]:
    """One row per amount as ``funds-by-donor`` counts it: once per donor, article, recipient and
    amount (the same money as help and as funding in one article counts once)."""
    rows: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for r in relations:
        if "amount" not in r or "donor" not in r:
            continue
        key = (r["donor"], r["article"], r.get("recipient", ""), str(float(r["amount"])))
        row = rows.setdefault(
            key,
            {
                "doc": r["doc"],
                "donor": r.get("donor_name", ""),
                "recipient": r.get("recipient_name", ""),
                "amount": float(r["amount"]),
                "date": r.get("stated") or r.get("date", ""),
                "ev": [],
            },
        )
        item = evidence_item(r)
        if item not in row["ev"]:
            row["ev"].append(item)
    return list(rows.values())


def preset_evidence(
    row: dict[str, str], articles: dict[str, dict[str, Any]], kind: str
) -> list[dict[str, str]]:
    """A preset row's own sentence as evidence, with its article's title and date."""
    article = articles.get(row["doc"], {})
    return [
        {
            "doc": row["doc"],
            "title": article.get("title", ""),
            "date": article.get("date", ""),
            "sentence": row.get("evidence", ""),
            "type": kind,
        }
    ]


def sum_rows(store: ox.Store, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``funds`` preset's rows: every stated sum, with the sentence that states it."""
    return [
        {
            "doc": row["doc"],
            "donor": row.get("donor_name", ""),
            "recipient": row.get("recipient_name", ""),
            "amount": float(row["amount_yuan"]),
            "date": row.get("date", ""),
            "purpose": row.get("purpose", ""),
            "ev": preset_evidence(row, articles, "funding"),
        }
        for row in run_preset(store, "funds")
    ]


def project_rows(store: ox.Store, articles: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The ``projects`` preset's rows: each named project, its place and builder, its sentence."""
    return [
        {
            "doc": row["doc"],
            "project": row["project_name"],
            "place": row.get("place_name", ""),
            "builder": row.get("builder_name", ""),
            "ev": preset_evidence(row, articles, "project"),
        }
        for row in run_preset(store, "projects")
    ]


def org_rows(store: ox.Store, index: dict) -> list[dict[str, Any]]:
    """The ``helper-orgs`` preset's rows with their evidence."""
    return [
        {
            "doc": row["doc"],
            "org": row["org_name"],
            "recipient": row.get("recipient_name", ""),
            "ev": index.get((row["doc"], row["org_name"], row.get("recipient_name", "")), []),
        }
        for row in run_preset(store, "helper-orgs")
    ]


def article_rows(store: ox.Store) -> list[dict[str, Any]]:
    return [
        {
            "doc": r["doc"],
            "title": r.get("title", ""),
            "date": r.get("date", ""),
            "year": r.get("date", "")[:4],
            "source": r.get("source", ""),
        }
        for r in select_rows(store, asset("report/articles.rq"))
    ]


def top(counter: Counter[str] | dict[str, float], n: int) -> list[tuple[str, float]]:
    return sorted(((k, v) for k, v in counter.items() if k), key=lambda kv: (-kv[1], kv[0]))[:n]


def distinct_partners(rows: list[dict[str, Any]], side: str, other: str) -> Counter[str]:
    partners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        partners[row[side]].add(row[other])
    return Counter({name: len(found) for name, found in partners.items()})


def pair_matrix(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Distinct (donor, recipient) pairs counted by donor province × recipient province."""
    cells: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for row in rows:
        if row["donor_province"] and row["recipient_province"]:
            cells[(row["donor_province"], row["recipient_province"])].add((row["donor"], row["recipient"]))
    donors = sorted({d for d, _ in cells})
    recipients = sorted({r for _, r in cells})
    return {
        "donors": donors,
        "recipients": recipients,
        "cells": {f"{d}|{r}": len(pairs) for (d, r), pairs in cells.items()},
    }


def coverage(store: ox.Store) -> dict[str, dict[str, Any]]:
    """Each programme preset the build's queries have, as its columns and rows."""
    out = {}
    available = presets()
    for name in COVERAGE_PRESETS:
        if name not in available:
            continue
        rows = run_preset(store, name)
        columns = list(dict.fromkeys(k for row in rows for k in row))
        out[name] = {"description": available[name].description, "columns": columns, "rows": rows}
    return out


def build_report(build_dir: Path, top_n: int = 15) -> Report:
    """The report of the build in ``build_dir`` (its ``store/``)."""
    store = open_store(build_dir)
    names = province_names()
    relations = select_rows(store, asset("report/relations.rq"))
    index = evidence_index(relations)
    report = Report()
    articles = article_rows(store)
    by_doc = {a["doc"]: a for a in articles}
    pairs = pair_rows(store, index, names)
    funds = fund_rows(relations)
    sums = sum_rows(store, by_doc)
    projects = project_rows(store, by_doc)
    orgs = org_rows(store, index)
    report.rows = {
        "articles": articles,
        "pairs": pairs,
        "funds": funds,
        "sums": sums,
        "projects": projects,
        "orgs": orgs,
    }
    dates = sorted(a["date"] for a in articles if a["date"])
    funds_total = sum(float(r.get("total_yuan", 0)) for r in run_preset(store, "funds-by-donor"))
    report.totals = {
        "articles": len(articles),
        "first_date": dates[0] if dates else "",
        "last_date": dates[-1] if dates else "",
        "sources": len({a["source"] for a in articles if a["source"]}),
        "pair_rows": len(pairs),
        "pairs": len({(p["donor"], p["recipient"]) for p in pairs}),
        "funds_yuan": funds_total,
        "fund_rows": len(funds),
        "sums": len(sums),
        "sums_yuan": sum(s["amount"] for s in sums),
        "projects": len({p["project"] for p in projects}),
        "project_rows": len(projects),
        "org_rows": len(orgs),
        "orgs": len({o["org"] for o in orgs}),
    }
    given: dict[str, float] = defaultdict(float)
    received: dict[str, float] = defaultdict(float)
    for row in funds:
        given[row["donor"]] += row["amount"]
        received[row["recipient"]] += row["amount"]
    report.rankings = {
        "donors_by_pairs": top(distinct_partners(pairs, "donor", "recipient"), top_n),
        "recipients_by_pairs": top(distinct_partners(pairs, "recipient", "donor"), top_n),
        "donors_by_funds": top(given, top_n),
        "recipients_by_funds": top(received, top_n),
        "places_by_projects": top(Counter(p["place"] for p in projects), top_n),
        "orgs_by_rows": top(Counter(o["org"] for o in orgs), top_n),
    }
    report.years = sorted(Counter(a["year"] for a in articles if a["year"]).items())
    report.sources = [(k, int(v)) for k, v in top(Counter(a["source"] for a in articles), top_n)]
    report.matrix = pair_matrix(pairs)
    report.coverage = coverage(store)
    return report
