"""The graph over HTTP: serve a build with the Oxigraph server, push it to any SPARQL server,
query a remote endpoint with the same presets.

* ``serve``: the Oxigraph server (the ``oxigraph`` package's binary) on the build's store,
  read-only, speaking the SPARQL 1.1 Protocol at ``http://HOST:PORT/query``;
* ``push``: graph.ttl into any server speaking the SPARQL 1.1 Graph Store Protocol (an HTTP PUT
  of Turtle to ``ENDPOINT?default`` or ``ENDPOINT?graph=IRI``; Oxigraph's is ``…/store``);
* ``query``: a SPARQL query over the SPARQL 1.1 Protocol (POST, results as SPARQL JSON), its
  parameters bound by a VALUES block opening the query's WHERE group (so FILTERs in it see them
  bound, as with the local substitution) and the project's prefixes declared.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from kg.graph import GRAPH_TTL, STORE_DIR
from kg.vocab import PREFIXES

DEFAULT_PORT = 7878
DEFAULT_BIND = "127.0.0.1"
TIMEOUT_S = 300


class RemoteError(RuntimeError):
    """The server could not be started, reached, or refused the request (the message says which)."""


def oxigraph_binary() -> str:
    """The Oxigraph server: beside this Python (a virtual environment's bin) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise RemoteError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def serve_command(build_dir: Path, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND) -> list[str]:
    """The command that serves ``build_dir``'s store read-only on ``bind:port``."""
    store = Path(build_dir) / STORE_DIR
    if not store.is_dir():
        raise RemoteError(f"{build_dir} holds no store/: is it a build folder?")
    host = f"[{bind}]" if ":" in bind else bind
    return [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}"]


def serve(build_dir: Path, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND) -> int:
    """Serve until interrupted; returns the server's exit code."""
    try:
        return subprocess.call(serve_command(build_dir, port, bind))
    except KeyboardInterrupt:
        return 0


def _request(
    url: str, data: bytes, content_type: str, method: str = "POST", accept: str | None = None
) -> bytes:
    headers = {"Content-Type": content_type}
    if accept:
        headers["Accept"] = accept
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 - the user's URL
            return response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:500]
        raise RemoteError(f"{url}: HTTP {exc.code} {exc.reason}{': ' + detail if detail else ''}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise RemoteError(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from exc


def push(build_dir: Path, endpoint: str, graph: str | None = None) -> int:
    """PUT the build's graph.ttl into ``graph`` (default: the default graph) at a Graph Store
    Protocol ``endpoint``, replacing what that graph held; returns the bytes sent."""
    source = Path(build_dir)
    ttl = source / GRAPH_TTL if source.is_dir() else source
    if not ttl.is_file():
        raise RemoteError(f"{build_dir} holds no {GRAPH_TTL}: is it a build folder?")
    target = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    data = ttl.read_bytes()
    _request(f"{endpoint}{'&' if '?' in endpoint else '?'}{target}", data, "text/turtle", method="PUT")
    return len(data)


_WHERE = re.compile(r"\bWHERE\s*\{|\{", re.IGNORECASE)
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.MULTILINE)


def query_text(sparql: str, params: dict[str, str] | None = None) -> str:
    """The query as sent: the project's prefixes declared, the parameters as a VALUES block."""
    prefixes = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    if not params:
        return prefixes + sparql
    names = " ".join(f"?{name}" for name in params)
    row = " ".join(str(ox.Literal(value)) for value in params.values())
    masked = _COMMENT_LINE.sub(lambda m: " " * len(m.group()), sparql)
    where = _WHERE.search(masked)
    if where is None:
        raise RemoteError("cannot bind parameters: the query has no WHERE group")
    at = where.end()
    return f"{prefixes}{sparql[:at]} VALUES ({names}) {{ ({row}) }}{sparql[at:]}"


def query(
    endpoint: str, sparql: str, params: dict[str, str] | None = None
) -> ox.QuerySolutions | ox.QueryBoolean:
    """Run a SELECT or ASK query at a SPARQL 1.1 Protocol endpoint; results as pyoxigraph's."""
    body = _request(
        endpoint,
        query_text(sparql, params).encode("utf-8"),
        "application/sparql-query",
        accept="application/sparql-results+json",
    )
    return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
