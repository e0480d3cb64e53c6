"""The graph over HTTP: `kg serve` (Oxigraph, read-only), `kg push` (Graph Store Protocol) and
`kg query --endpoint`, each against an Oxigraph server started on a free loopback port."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_sample import sample_records
from typer.testing import CliRunner

from kg import graph as kg_graph
from kg.cli import app
from kg.remote import oxigraph_binary, serve_command

runner = CliRunner()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def started(command: list[str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(
                    server.stderr.read().decode() if server.stderr else "server died"
                ) from None
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the Oxigraph server did not start")


def stopped(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("remote-build")
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), out)
    return out


@pytest.fixture()
def writable_server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"]
    server = started(command, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stopped(server)


def rows(output: str) -> list[dict]:
    return json.loads(output)["results"]["bindings"]


def test_push_then_query_the_endpoint_gives_the_local_rows(build_dir: Path, writable_server: str) -> None:
    pushed = runner.invoke(app, ["push", str(build_dir), "--endpoint", f"{writable_server}/store"])
    assert pushed.exit_code == 0, pushed.output
    local = runner.invoke(app, ["query", str(build_dir), "--preset", "pairings", "-f", "json"])
    remote = runner.invoke(
        app, ["query", "--endpoint", f"{writable_server}/query", "--preset", "pairings", "-f", "json"]
    )
    assert remote.exit_code == 0, remote.output
    assert rows(remote.output) and rows(remote.output) == rows(local.output)
    args = ["--preset", "recipients-of", "--param", "donor=福清市", "-f", "json"]
    local_one = runner.invoke(app, ["query", str(build_dir), *args])
    remote_one = runner.invoke(app, ["query", "--endpoint", f"{writable_server}/query", *args])
    assert rows(remote_one.output) and rows(remote_one.output) == rows(local_one.output)


def test_push_into_a_named_graph(build_dir: Path, writable_server: str) -> None:
    iri = "https://example.org/graphs/seeds"
    pushed = runner.invoke(
        app, ["push", str(build_dir), "--endpoint", f"{writable_server}/store", "--graph", iri]
    )
    assert pushed.exit_code == 0, pushed.output
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    result = runner.invoke(app, ["query", "--endpoint", f"{writable_server}/query", count, "-f", "json"])
    assert int(rows(result.output)[0]["n"]["value"]) == len(kg_graph.read_graph(build_dir))


def test_serve_answers_queries_read_only_on_loopback(build_dir: Path) -> None:
    port = free_port()
    command = serve_command(build_dir, port)
    assert "serve-read-only" in command and command[-1] == f"127.0.0.1:{port}"
    server = started(command, port)
    try:
        result = runner.invoke(
            app, ["query", "--endpoint", f"http://127.0.0.1:{port}/query", "-p", "pairings"]
        )
        assert result.exit_code == 0 and "福清市" in result.output
        update = urllib.request.Request(
            f"http://127.0.0.1:{port}/update", data=b"CLEAR DEFAULT", method="POST",
            headers={"Content-Type": "application/sparql-update"},
        )  # fmt: skip
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(update, timeout=10)
    finally:
        stopped(server)


def test_an_unreachable_endpoint_is_a_clear_error() -> None:
    result = runner.invoke(
        app, ["query", "--endpoint", f"http://127.0.0.1:{free_port()}/query", "-p", "pairings"]
    )
    assert result.exit_code == 2 and "cannot reach" in result.output
