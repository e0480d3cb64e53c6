"""`kg export`: tables of a build for statistics packages — pairs, funds, projects and a panel.

Each table is one SELECT query in ``ontology/queries/export/`` run on the build's store (the
same store ``kg query`` reads), written as CSV (a header line, UTF-8) or JSON Lines (one object
per row). Columns are the query's variables in its order; an unbound cell is empty (CSV) or
null (JSON Lines). Counts and sums are written as numbers in JSON Lines.

* ``pairs``: one row per directed place pair the corpus states (codes, levels, kind, programmes,
  official or not, articles, relations, funds, projects, first and last date);
* ``funds``: one row per stated sum (giver and receiver with type and code, amount, evidence);
* ``projects``: one row per project relation (place, builder, amount, evidence);
* ``panel``: one row per directed place pair and year (codes, levels, programmes, official or not,
  articles, stated funds summed once per article and amount, projects).
"""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path
from typing import TextIO

import pyoxigraph as ox

from kg.io import atomic_writer
from kg.query import QueryError, open_store, run

TABLES = ("pairs", "funds", "projects", "panel")
FORMATS = ("csv", "jsonl")
# Columns written as numbers in JSON Lines.
COUNTS = frozenset({"articles", "relations", "projects", "start", "end"})
AMOUNTS = frozenset({"funds_yuan", "amount_yuan"})
BOOLEAN = frozenset({"official"})


def export_query(table: str) -> str:
    """The SPARQL text of one export table."""
    if table not in TABLES:
        raise QueryError(f"no export table {table!r}; use one of {', '.join(TABLES)}")
    return files("kg.ontology").joinpath("queries", "export", f"{table}.rq").read_text(encoding="utf-8")


def export_rows(build: Path, table: str) -> tuple[list[str], list[dict[str, str]]]:
    """The columns and rows (cells as text, unbound cells absent) of one table of a build."""
    result = run(open_store(Path(build)), export_query(table))
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError(f"the {table} export is no SELECT query")
    columns = [v.value for v in result.variables]
    rows = [{c: s[c].value for c in columns if s[c] is not None} for s in result]
    return columns, rows


def _typed(column: str, value: str) -> object:
    if column in BOOLEAN:
        return value == "true"
    if column in COUNTS and value:
        return int(value)
    if column in AMOUNTS and value:
        return float(value)
    return value


def write_rows(columns: list[str], rows: list[dict[str, str]], fmt: str, out: TextIO) -> None:
    """Write rows as CSV (header first) or JSON Lines."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    for row in rows:
        record = {c: _typed(c, row[c]) if c in row else None for c in columns}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def export_table(build: Path, table: str, fmt: str = "csv", output: Path | None = None) -> tuple[int, str]:
    """Export one table of a build to ``output`` (atomically), or return it as text when None.

    Returns the number of rows and the text written (empty when written to a file).
    """
    columns, rows = export_rows(build, table)
    if output is None:
        buffer = io.StringIO()
        write_rows(columns, rows, fmt, buffer)
        return len(rows), buffer.getvalue()
    with atomic_writer(Path(output)) as fh:
        write_rows(columns, rows, fmt, fh)
    return len(rows), ""
