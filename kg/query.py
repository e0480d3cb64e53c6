"""SPARQL over a build: the embedded pyoxigraph store, stock queries, and result formats.

``kg query`` opens a build folder's persistent store read-only (``DIR/store``); a lone
Turtle or N-Triples file is loaded into an in-memory store first. Stock queries live as
``.rq`` files in ``ontology/queries`` (package ``kg.ontology.queries``): the first comment
line describes the query, and ``# param NAME: …`` lines declare the parameters it needs.
Parameters are bound as RDF literals through pyoxigraph's substitutions (never pasted into
the query text), so a value cannot change the query; a parameter must therefore be one of
the query's projected variables.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from kg.vocab import PREFIXES

FORMATS = ("table", "csv", "json")
_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)$")
_RDF_FILE_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


class QueryError(Exception):
    """A query that cannot run: bad syntax, a missing parameter, an unknown preset or graph."""


@dataclass(frozen=True)
class Preset:
    """A stock query from ``ontology/queries``."""

    name: str
    description: str
    params: dict[str, str]  # parameter name -> what it means
    text: str


def _parse_preset(name: str, text: str) -> Preset:
    description = ""
    params: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break  # the header ends at the first line of SPARQL
            continue
        match = _PARAM_LINE.match(stripped)
        if match:
            params[match.group(1)] = match.group(2).strip()
        elif not description:
            description = stripped.lstrip("#").strip()
    return Preset(name=name, description=description, params=params, text=text)


def presets() -> dict[str, Preset]:
    """All stock queries by name (file name without ``.rq``)."""
    folder = files("kg.ontology").joinpath("queries")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = _parse_preset(name, entry.read_text(encoding="utf-8"))
    return dict(sorted(found.items()))


def preset(name: str) -> Preset:
    available = presets()
    if name not in available:
        raise QueryError(f"no preset named {name!r}; available: {', '.join(available)}")
    return available[name]


def preset_lines() -> list[str]:
    """One line per stock query: its name, what it gives and the parameters it needs."""
    lines = []
    for item in presets().values():
        needs = " ".join(f"--param {name}=…" for name in item.params)
        lines.append(f"{item.name:<20} {item.description}" + (f"  [{needs}]" if needs else ""))
    return lines


def query_text(sparql: str | None, preset_name: str | None, params: dict[str, str]) -> str:
    """The SPARQL to run: a stock query by name (taking exactly the parameters it declares), a
    .rq file, or the query itself; QueryError for none, both, a missing, unknown or unused
    parameter, or a query file that does not exist."""
    if preset_name is not None:
        if sparql is not None:
            raise QueryError("give either a query or --preset, not both")
        stock = preset(preset_name)
        unknown = [name for name in params if name not in stock.params]
        if unknown:
            takes = "takes " + ", ".join(stock.params) if stock.params else "takes no parameters"
            raise QueryError(f"preset {preset_name!r} {takes}; not --param {unknown[0]}")
        missing = [name for name in stock.params if name not in params]
        if missing:
            raise QueryError(
                f"preset {preset_name!r} needs " + ", ".join(f"--param {name}=…" for name in missing)
            )
        return stock.text
    if sparql is None:
        raise QueryError("give a SPARQL query, a .rq file or --preset NAME")
    if not names_a_file(sparql):
        return sparql
    path = Path(sparql)
    if not path.is_file():
        raise QueryError(f"no such query file: {sparql}")
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read the query file {sparql}: {exc}") from exc


def answer(
    graph: Path,
    sparql: str | None,
    preset: str | None = None,
    params: dict[str, str] | None = None,
    fmt: str = "table",
    allow_service: bool = False,
) -> str:
    """The formatted results of a query, a .rq file or a stock query on a build folder or RDF
    file; refused (QueryError) before the store is opened when ``check_query`` refuses it."""
    params = params or {}
    text = query_text(sparql, preset, params)
    check_query(text, params, allow_service)
    return format_results(run(open_store(graph), text, params), fmt)


def open_store(graph: Path) -> ox.Store:
    """The store to query: a build folder's persistent store, or an RDF file loaded into memory."""
    path = Path(graph)
    if path.is_dir():
        store_dir = path / "store"
        if store_dir.is_dir():
            return ox.Store.read_only(str(store_dir))
        if (path / "graph.ttl").is_file():
            path = path / "graph.ttl"
        else:
            raise QueryError(f"{graph} holds neither a store/ nor a graph.ttl: is it a build folder?")
    if not path.is_file():
        raise QueryError(f"no such build folder or RDF file: {graph}")
    rdf_format = _RDF_FILE_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise QueryError(
            f"cannot tell the RDF syntax of {path.name} (use .ttl, .nt, .nq, .trig, .rdf, .jsonld)"
        )
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format)
    except SyntaxError as exc:
        raise QueryError(f"{path}: {exc}") from exc
    return store


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``["name=value", …]`` → ``{"name": "value"}``; a name given twice is an error (which
    value was meant cannot be told)."""
    params: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"a parameter is NAME=VALUE, got {pair!r}")
        if name in params:
            raise QueryError(f"--param {name} is given twice")
        params[name] = value
    return params


# Strings, IRIs and comments of a SPARQL text: what a keyword search must not look inside.
_NOT_CODE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
)
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*<>\s*)*", re.IGNORECASE)
_UPDATE = re.compile(r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![?$\w:])SERVICE\b(?!\s*:)", re.IGNORECASE)


def sparql_code(sparql: str) -> str:
    """``sparql`` with its strings, IRIs and comments blanked (IRIs become ``<>``), so that
    keywords and variables can be searched without being fooled by a literal."""
    return _NOT_CODE.sub(lambda m: "<>" if m.group().startswith("<") else " ", sparql)


def check_query(sparql: str, params: dict[str, str], allow_service: bool = False) -> None:
    """Refuse what ``kg query`` must not run, before the store sees it: an update (the store
    is opened read-only), a SERVICE call (a network request to any host the text names) unless
    the user allows it, and a parameter that names no variable of the query."""
    code = sparql_code(sparql)
    prologue = _PROLOGUE.match(code)
    if _UPDATE.match(code, prologue.end() if prologue else 0):
        raise QueryError(
            "the store is read-only: kg query runs SELECT, ASK, CONSTRUCT and DESCRIBE, not updates"
        )
    if _SERVICE.search(code) and not allow_service:
        raise QueryError(
            "the query calls a remote endpoint (SERVICE), which makes network requests; "
            "pass --allow-service to let it"
        )
    for name in params:
        if not re.search(rf"[?$]{name}\b", code):
            raise QueryError(f"--param {name}: the query has no variable ?{name}")


def names_a_file(sparql: str) -> bool:
    """A single word ending in .rq (or .sparql) is a file name, not SPARQL text."""
    word = sparql.strip()
    return bool(word) and not any(ch.isspace() for ch in word) and word.lower().endswith((".rq", ".sparql"))


def run(
    store: ox.Store, sparql: str, params: dict[str, str] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run ``sparql`` with ``params`` bound as plain literals; raises QueryError with the parser's message."""
    substitutions = {ox.Variable(k): ox.Literal(v) for k, v in (params or {}).items()}
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    try:
        return store.query(sparql, prefixes=prefixes, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except (RuntimeError, ValueError) as exc:
        raise QueryError(str(exc)) from exc


def _term_text(term: object) -> str:
    """A result term for people: literals by value, IRIs compacted with the known prefixes."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(str(namespace)):
                return f"{prefix}:{term.value[len(str(namespace)) :]}"
        return term.value
    if isinstance(term, ox.Literal | ox.BlankNode):
        return term.value
    return str(term)


def format_results(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples, fmt: str) -> str:
    """Render results: ``json`` (W3C SPARQL 1.1 results JSON), ``csv`` (W3C SPARQL CSV) or ``table``.

    Graph results (CONSTRUCT, DESCRIBE) are Turtle whatever the format.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(result, ox.QueryTriples):
        prefixes = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return ox.serialize(result, format=ox.RdfFormat.TURTLE, prefixes=prefixes).decode("utf-8")
    if fmt == "json":
        return result.serialize(format=ox.QueryResultsFormat.JSON).decode("utf-8") + "\n"
    if isinstance(result, ox.QueryBoolean):
        return ("true" if bool(result) else "false") + "\n"
    if fmt == "csv":
        return result.serialize(format=ox.QueryResultsFormat.CSV).decode("utf-8")
    return _table(result)


def _table(result: ox.QuerySolutions) -> str:
    variables = [v.value for v in result.variables]
    rows = [[_term_text(solution[v]) for v in variables] for solution in result]
    return render_table(variables, rows) + f"{len(rows)} row(s)\n"


def render_table(columns: list[str], rows: list[list[str]]) -> str:
    """A plain-text table for people that keeps Chinese (double-width) text aligned."""
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, header_style="bold")
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=200, force_terminal=False, force_jupyter=False, color_system=None).print(table)
    return buffer.getvalue()


def select_rows(store: ox.Store, sparql: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
    """A SELECT query's rows as plain dicts of strings (unbound → absent), for Python callers."""
    result = run(store, sparql, params)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("select_rows needs a SELECT query")
    variables = [v.value for v in result.variables]
    return [{v: s[v].value for v in variables if s[v] is not None} for s in result]
