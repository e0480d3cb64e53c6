"""What ``report.html`` says, read from the build's SPARQL store: the corpus, pairs, funds,
projects and helping organisations, their rankings, a province × province matrix and, when the
graph has them, the official programmes' coverage.

The rows are counted as the stock presets count them (``pairings``, ``helper-orgs``,
``funds-by-donor``, ``funds``, ``projects``; the tests compare the report's totals with the
presets' on the same build), but computed in Python from the simple one-pattern queries of
``data/views/report/`` joined by IRI: the presets' OPTIONAL paths grow slow on large stores (the
``pairings`` preset took 17 s on a 1,000-article store here), and the report is written by every
build. The programme presets (``programmes``, ``official-coverage``) are run as they are, when
the build's queries have them. Two money figures, as the presets have them: the givers' totals
(``funds-by-donor``: every relation with an amount, each amount once per giver, article and
recipient) and the stated sums (``funds``: one row per funding relation's sum).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.query import open_store, preset, presets, run, select_rows
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


@dataclass
class Rel:
    """One relation of the store, joined from the simple queries in ``data/views/report``."""

    iri: str
    type: str
    article: str
    donor: str = ""
    recipient: str = ""
    project: str = ""
    amount: float | None = None
    stated: str = ""
    purpose: str = ""
    states_pairing: bool = True
    sentence: str | None = None
    kind: str = ""


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


def solutions(store: ox.Store, name: str) -> Iterator[tuple[str, ...]]:
    """A query of ``data/views/report`` as tuples of values in its SELECT order ("" unbound),
    streamed: no dict a row (hundreds of thousands of rows at 10,000 articles)."""
    for solution in run(store, asset(f"report/{name}.rq")):
        yield tuple("" if term is None else term.value for term in solution)


def read_relations(store: ox.Store) -> list[Rel]:
    """Every relation with its parties, values, evidence sentence and pairing kind."""
    rels = {
        relation: Rel(relation, RELATION_TYPES[cls.rsplit("#", 1)[-1]], article)
        for relation, cls, article in solutions(store, "relations")
    }
    for relation, role, party in solutions(store, "parties"):
        if relation in rels:
            setattr(rels[relation], role.rsplit("#", 1)[-1], party)
    for relation, prop, value in solutions(store, "values"):
        rel, name = rels.get(relation), prop.rsplit("#", 1)[-1]
        if rel is None:
            continue
        if name == "amountYuan":
            rel.amount = float(value)
        elif name == "statesPairing":
            rel.states_pairing = value != "false"
        elif name == "purpose":
            rel.purpose = value
        else:  # dcterms:date, the date the relation states
            rel.stated = value
    for relation, sentence in solutions(store, "evidence"):
        if relation in rels:
            rels[relation].sentence = sentence
    for relation, kind in solutions(store, "kinds"):
        if relation in rels:
            rels[relation].kind = kind
    return list(rels.values())


def evidence_item(rel: Rel) -> tuple[str, str]:
    """A relation's evidence as (sentence, relation type); its article is the row's own."""
    return (rel.sentence or "", rel.type)


class Rows:
    """Rows that are one per key, each gathering the evidence of the relations behind it (every
    key holds the article, so a row's sentences are all of its own article)."""

    def __init__(self) -> None:
        self.rows: dict[tuple, dict[str, Any]] = {}

    def add(self, key: tuple, row: dict[str, Any], evidence: tuple[str, str]) -> dict[str, Any]:
        kept = self.rows.setdefault(key, {**row, "ev": {}})
        if evidence[0]:
            kept["ev"][evidence] = None  # a dict as an ordered set: no quadratic membership test
        return kept

    def values(self) -> list[dict[str, Any]]:
        return [{**row, "ev": list(row["ev"])} for row in self.rows.values()]


def pair_rows(rels: list[Rel], nodes: dict, articles: dict, names: dict[str, str]) -> list[dict[str, Any]]:
    """The ``pairings`` preset's rows (any relation between two places that does not say it is no
    pairing, one per article, names, codes and kind), each with its provinces and sentences."""
    rows = Rows()
    for rel in rels:
        donor, recipient = nodes.get(rel.donor), nodes.get(rel.recipient)
        if not (donor and recipient and donor["type"] == recipient["type"] == "Place" and rel.states_pairing):
            continue
        doc = articles.get(rel.article, {}).get("doc", "")
        codes = [donor.get("code", ""), recipient.get("code", ""), donor.get("county_code", "")]
        key = (doc, donor["name"], recipient["name"], *codes, recipient.get("county_code", ""), rel.kind)
        row = {
            "doc": doc,
            "donor": donor["name"],
            "recipient": recipient["name"],
            "kind": rel.kind,
            "donor_province": province_of(donor.get("code") or donor.get("county_code"), names),
            "recipient_province": province_of(recipient.get("code") or recipient.get("county_code"), names),
        }
        rows.add(key, row, evidence_item(rel))
    return rows.values()


def org_rows(rels: list[Rel], nodes: dict, articles: dict) -> list[dict[str, Any]]:
    """The ``helper-orgs`` preset's rows: an organisation that gives, per article and recipient."""
    rows = Rows()
    for rel in rels:
        org = nodes.get(rel.donor)
        if not org or org["type"] != "Organisation":
            continue
        doc = articles.get(rel.article, {}).get("doc", "")
        recipient = nodes.get(rel.recipient, {}).get("name", "")
        row = {"doc": doc, "org": org["name"], "recipient": recipient}
        rows.add((doc, org["name"], recipient), row, evidence_item(rel))
    return rows.values()


def fund_rows(rels: list[Rel], nodes: dict, articles: dict) -> list[dict[str, Any]]:
    """One row per amount as ``funds-by-donor`` counts it: once per giver, article, recipient and
    amount (the same money as help and as funding in one article counts once)."""
    rows = Rows()
    for rel in rels:
        donor = nodes.get(rel.donor)
        if rel.amount is None or not donor:
            continue
        row = {
            "doc": articles.get(rel.article, {}).get("doc", ""),
            "donor": donor["name"],
            "recipient": nodes.get(rel.recipient, {}).get("name", ""),
            "amount": rel.amount,
            "date": rel.stated or articles.get(rel.article, {}).get("date", ""),
        }
        rows.add((rel.donor, rel.article, rel.recipient, rel.amount), row, evidence_item(rel))
    return rows.values()


def sum_rows(rels: list[Rel], nodes: dict, articles: dict) -> list[dict[str, Any]]:
    """The ``funds`` preset's rows: every sum a funding relation states, with its sentence."""
    return [
        {
            "doc": articles.get(rel.article, {}).get("doc", ""),
            "donor": nodes.get(rel.donor, {}).get("name", ""),
            "recipient": nodes.get(rel.recipient, {}).get("name", ""),
            "amount": rel.amount,
            "date": rel.stated,
            "purpose": rel.purpose,
            "ev": [evidence_item(rel)],
        }
        for rel in rels
        if rel.type == "funding" and rel.amount is not None and rel.sentence is not None
    ]


def project_rows(rels: list[Rel], nodes: dict, articles: dict) -> list[dict[str, Any]]:
    """The ``projects`` preset's rows: each named project, its place and builder, its sentence."""
    return [
        {
            "doc": articles.get(rel.article, {}).get("doc", ""),
            "project": nodes[rel.project]["name"],
            "place": nodes[rel.project].get("place_name", ""),
            "builder": nodes.get(rel.donor, {}).get("name", ""),
            "ev": [evidence_item(rel)],
        }
        for rel in rels
        if rel.project in nodes and rel.sentence is not None
    ]


def official_rows(store: ox.Store, rels: list[Rel], nodes: dict, articles: dict) -> list[dict[str, Any]]:
    """The rows behind the programme presets' evidence counts: each relation that agrees with an
    official pair (shanhai:agreesWith), one row per article, official pair and relation parties,
    with its sentences; the pair's articles (``official-coverage``) are the distinct articles of
    its rows, a programme's evidenced pairs (``programmes``) the distinct pairs of its rows."""
    by_iri = {rel.iri: rel for rel in rels}
    rows = Rows()
    for relation, programme, donor, donor_code, recipient, recipient_code in solutions(store, "agreements"):
        rel = by_iri.get(relation)
        if rel is None:
            continue
        doc = articles.get(rel.article, {}).get("doc", "")
        parties = (nodes.get(rel.donor, {}).get("name", ""), nodes.get(rel.recipient, {}).get("name", ""))
        row = {
            "doc": doc,
            "programme": programme,
            "official_donor": donor,
            "official_recipient": recipient,
            "official_donor_code": donor_code,
            "official_recipient_code": recipient_code,
            "donor": parties[0],
            "recipient": parties[1],
        }
        rows.add((doc, programme, donor_code, recipient_code, *parties), row, evidence_item(rel))
    return rows.values()


def article_rows(store: ox.Store) -> dict[str, dict[str, Any]]:
    """Every article by its IRI: id, title, date, year and source."""
    return {
        article: {"doc": doc, "title": title, "date": date, "year": date[:4], "source": source}
        for article, doc, title, date, source in solutions(store, "articles")
    }


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
    by_iri = article_rows(store)
    nodes = {r["node"]: r for r in select_rows(store, asset("report/nodes.rq"))}
    rels = read_relations(store)
    rows = {
        "articles": sorted(by_iri.values(), key=lambda a: (a["date"], a["doc"])),
        "pairs": pair_rows(rels, nodes, by_iri, names),
        "funds": fund_rows(rels, nodes, by_iri),
        "sums": sum_rows(rels, nodes, by_iri),
        "projects": project_rows(rels, nodes, by_iri),
        "orgs": org_rows(rels, nodes, by_iri),
        "official": official_rows(store, rels, nodes, by_iri),
    }
    report = summarise(rows, top_n)
    report.coverage = coverage(store)
    return report


def summarise(rows: dict[str, list[dict[str, Any]]], top_n: int = 15) -> Report:
    """Totals, rankings, years, sources and the province matrix of the row sets (``articles``,
    ``pairs``, ``funds``, ``sums``, ``projects``, ``orgs`` and, when read, ``official``, as
    ``build_report`` reads them)."""
    articles, pairs, funds = rows["articles"], rows["pairs"], rows["funds"]
    sums, projects, orgs = rows["sums"], rows["projects"], rows["orgs"]
    report = Report(rows=rows)
    dates = [a["date"] for a in articles if a["date"]]
    report.totals = {
        "articles": len(articles),
        "first_date": min(dates, default=""),
        "last_date": max(dates, default=""),
        "sources": len({a["source"] for a in articles if a["source"]}),
        "pair_rows": len(pairs),
        "pairs": len({(p["donor"], p["recipient"]) for p in pairs}),
        "funds_yuan": sum(f["amount"] for f in funds),
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
    return report
