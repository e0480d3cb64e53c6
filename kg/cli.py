"""The `kg` command line: a thin layer over the Python API in `kg.pipeline` and the stage modules."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Annotated

import typer

from kg import __version__, collector
from kg.console import ConsoleReporter, UnusableOut, check_out, error, print_summary, say

app = typer.Typer(
    name="kg",
    help="Shanhai KG (山海图谱): a knowledge graph of who helps whom (帮扶) from Chinese news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: a flag shows as a flag (not "--map <bool>"), no boxes in logs
)


# the options `build` and `watch` share
Inputs = Annotated[
    list[str], typer.Argument(help="Files, folders (read recursively) or glob patterns of articles.")
]
Out = Annotated[Path, typer.Option("--out", "-o", help="Folder to write the build into.")]
Model = Annotated[
    str | None,
    typer.Option("--model", help="An installed spaCy pipeline (name or path) to use instead of ours."),
]
Workers = Annotated[
    int | None,
    typer.Option("--workers", "-j", min=1, help="Processes for the map step [default: all cores]."),
]
CacheDir = Annotated[
    Path | None, typer.Option("--cache", help="Cache folder [default: OUT/.kg-cache].", show_default=False)
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Shanhai KG (山海图谱): who helps whom in east–west poverty-alleviation pairing."""


@app.command()
def build(
    inputs: Inputs,
    out: Out = Path("out"),
    model: Model = None,
    workers: Workers = None,
    cache: CacheDir = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Process every article again; keep no cache.")
    ] = False,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run the map step on the Dask cluster whose scheduler is at ADDRESS."),
    ] = None,
) -> None:
    """Read articles and build the knowledge graph into OUT (articles, entities, relations, graph, views)."""
    from kg.nlp import ModelNotFound
    from kg.pipeline import BuildLocked, NotABuildFolder, NothingRead, WorkerDied
    from kg.pipeline import build as run_build

    signal.signal(signal.SIGTERM, _stop)  # a killed build stops its workers and removes its staging folder
    collector.frozen_at_exit()  # the process ends after the build: no last collection of what it loaded
    try:
        check_out(out)
    except UnusableOut as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    try:
        report = run_build(
            inputs, out, model=model, reporter=ConsoleReporter(), workers=workers, cache=cache,
            use_cache=not no_cache, dask=dask,
        )  # fmt: skip
    except (NothingRead, ModelNotFound, BuildLocked, NotABuildFolder, WorkerDied, OSError) as exc:
        error(_build_failure(exc))
        usage = isinstance(exc, ModelNotFound | BuildLocked | NotABuildFolder)
        raise typer.Exit(2 if usage else 1) from None
    print_summary(report, out)


@app.command()
def watch(
    inputs: Inputs,
    out: Out = Path("out"),
    every: Annotated[
        float, typer.Option("--every", min=0.1, help="Seconds between two looks at the inputs.")
    ] = 1.0,
    model: Model = None,
    workers: Workers = None,
    cache: CacheDir = None,
) -> None:
    """Build into OUT as `kg build` does, then again whenever the inputs change (Ctrl-C stops): the
    pipeline loads once, so an article added builds in a few seconds."""
    from kg.build.watch import watch as run_watch
    from kg.nlp import ModelNotFound
    from kg.pipeline import BuildReport, NotABuildFolder, WorkerDied

    signal.signal(signal.SIGTERM, _stop)
    try:
        check_out(out)
    except UnusableOut as exc:
        error(str(exc))
        raise typer.Exit(2) from None

    def built(result: BuildReport | Exception) -> bool:
        if isinstance(result, BuildReport):
            print_summary(result, out)
        else:
            error(str(result))
        say(f"watching {', '.join(inputs)} (Ctrl-C stops)")
        return True

    try:
        run_watch(
            list(inputs), out, built, model, ConsoleReporter(), workers=workers, cache=cache, every=every
        )
    except KeyboardInterrupt:
        return
    except (ModelNotFound, NotABuildFolder, WorkerDied, OSError) as exc:
        error(_build_failure(exc))
        raise typer.Exit(2 if isinstance(exc, ModelNotFound | NotABuildFolder) else 1) from None


def _build_failure(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"cannot write {exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@app.command()
def view(
    directory: Annotated[Path, typer.Argument(help="A build folder (the OUT of `kg build`).")] = Path("out"),
    map_view: Annotated[
        bool, typer.Option("--map", help="Open the geographic map instead of the network.")
    ] = False,
    report: Annotated[
        bool, typer.Option("--report", help="Open report.html (the corpus in numbers) instead.")
    ] = False,
) -> None:
    """Open DIRECTORY's graph.html (map.html, report.html) in the default web browser; print its path."""
    import webbrowser

    from kg.views import PAGES

    name = "report" if report else "map" if map_view else "graph"
    page = (directory / PAGES[name]).resolve()
    if not page.is_file():
        error(f"{page} does not exist; run `kg build … --out {directory}` first")
        raise typer.Exit(1)
    typer.echo(str(page))
    if not webbrowser.open(page.as_uri()):
        say("no web browser could be started; open the file above by hand")


@app.command()
def query(
    graph: Annotated[
        str | None,  # with --endpoint it is the query itself, so no Path (that would fold its //)
        typer.Argument(help="A build folder (its store is queried) or a .ttl file (loaded first)."),
    ] = None,
    sparql: Annotated[
        str | None, typer.Argument(help="A SPARQL query, or a .rq file holding one.", show_default=False)
    ] = None,
    preset: Annotated[
        str | None, typer.Option("--preset", "-p", help="Run a stock query by name (see --list).")
    ] = None,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", help="NAME=VALUE, bound as a literal to ?NAME (repeatable)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv or json (SPARQL 1.1 results).")
    ] = "table",
    list_presets: Annotated[bool, typer.Option("--list", help="List the stock queries and exit.")] = False,
    endpoint: Annotated[
        str | None,
        typer.Option("--endpoint", help="Query a SPARQL 1.1 Protocol endpoint (URL) instead of a build."),
    ] = None,
    allow_service: Annotated[
        bool,
        typer.Option("--allow-service", help="Let SERVICE call remote endpoints (network requests)."),
    ] = False,
) -> None:
    """Run SPARQL on a build or an endpoint: a query, a .rq file or a stock query (--preset)."""
    from kg import query as q
    from kg.remote import RemoteError
    from kg.remote import query as remote_query

    try:
        if list_presets:
            typer.echo("\n".join(q.preset_lines()))
            return
        if endpoint is not None and sparql is None and graph is not None:
            graph, sparql = None, graph  # with --endpoint the one argument is the query
        params = q.parse_params(param or [])
        if endpoint is not None:
            text = q.query_text(sparql, preset, params)
            q.check_query(text, params, allow_service)
            output = q.format_results(remote_query(endpoint, text, params), fmt)
        elif graph is None:
            raise q.QueryError("give a build folder or a .ttl file to query (or --endpoint URL)")
        else:
            output = q.answer(
                Path(graph), sparql, preset=preset, params=params, fmt=fmt, allow_service=allow_service
            )
    except (q.QueryError, RemoteError) as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    except OSError as exc:
        error(f"cannot read {graph}: {exc}")
        raise typer.Exit(2) from None
    typer.echo(output, nl=False)


@app.command()
def serve(
    build_dir: Annotated[Path, typer.Argument(help="A build folder.")] = Path("out"),
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 7878,
    bind: Annotated[
        str, typer.Option("--bind", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
) -> None:
    """Serve the build's store read-only over the SPARQL 1.1 Protocol (Oxigraph) until Ctrl-C."""
    from kg.remote import RemoteError, serve_command
    from kg.remote import serve as run_server

    try:
        serve_command(build_dir, port, bind)
    except RemoteError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    say(f"SPARQL endpoint: http://{bind}:{port}/query (read-only; Ctrl-C stops it)")
    raise typer.Exit(run_server(build_dir, port, bind))


@app.command()
def push(
    build_dir: Annotated[Path, typer.Argument(help="A build folder (its graph.ttl is sent).")],
    endpoint: Annotated[
        str,
        typer.Option("--endpoint", help="A SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph: …/store)."),
    ],
    graph: Annotated[
        str | None, typer.Option("--graph", help="Named graph IRI to load into [default: the default graph].")
    ] = None,
) -> None:
    """Load the build's graph into a SPARQL server (Graph Store Protocol PUT: replaces that graph)."""
    from kg.remote import RemoteError
    from kg.remote import push as push_graph

    try:
        sent = push_graph(build_dir, endpoint, graph)
    except RemoteError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    say(f"pushed {sent:,} bytes of Turtle to {endpoint} ({graph or 'default graph'})")


@app.command()
def stats(
    build_dir: Annotated[Path, typer.Argument(help="A build folder.")],
    top: Annotated[int, typer.Option("--top", min=1, help="How many donors and recipients to rank.")] = 10,
) -> None:
    """Counts, and the top donors and recipients by pairings and by funds."""
    from kg.query import QueryError
    from kg.stats import build_stats, format_stats

    try:
        typer.echo(format_stats(build_stats(build_dir, top)), nl=False)
    except (QueryError, OSError) as exc:
        error(str(exc))
        raise typer.Exit(2) from None


@app.command()
def export(
    build_dir: Annotated[Path, typer.Argument(help="A build folder (the OUT of `kg build`).")],
    table: Annotated[str, typer.Option("--table", "-t", help="pairs, funds, projects or panel.")] = "pairs",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv or jsonl.")] = "csv",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")
    ] = None,
) -> None:
    """Export a table of a build for statistics packages (panel: one row per pair and year)."""
    from kg.export import export_table
    from kg.query import QueryError

    try:
        count, text = export_table(build_dir, table, fmt, output)
    except (QueryError, OSError) as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    if output is None:
        typer.echo(text, nl=False)
    else:
        say(f"{count} row(s) written to {output}")


@app.command()
def validate(
    build_dir: Annotated[Path, typer.Argument(help="A build folder (its graph.ttl) or a .ttl file.")],
) -> None:
    """Check a build's graph against the SHACL shapes; exit 1 when it does not conform."""
    from kg.graph import read_graph, validate_graph

    try:
        graph = read_graph(build_dir)
    except (OSError, SyntaxError, ValueError) as exc:
        error(f"cannot read the graph of {build_dir}: {exc}")
        raise typer.Exit(2) from None
    conforms, report = validate_graph(graph)
    typer.echo(report, nl=not report.endswith("\n"))
    if not conforms:
        raise typer.Exit(1)


@app.command()
def train(
    data: Annotated[
        Path, typer.Option("--data", help="CLUENER2020 folder holding train.jsonl and dev.jsonl.")
    ] = Path("../shared/data/cluener"),
    out: Annotated[
        Path | None, typer.Option("--out", help="Folder to write the trained NER pipeline into.")
    ] = None,
    evaluate_only: Annotated[
        bool, typer.Option("--evaluate-only", help="Only score a trained NER on DATA/dev.jsonl.")
    ] = False,
    model: Annotated[
        Path | None, typer.Option("--model", help="With --evaluate-only: the NER to score (default: ours).")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="spaCy config (default: kg/data/ner.cfg).")
    ] = None,
    max_steps: Annotated[
        int | None, typer.Option("--max-steps", hidden=True, help="Stop after N steps (smoke tests).")
    ] = None,
) -> None:
    """Train the statistical NER on CLUENER2020 plus our domain examples, or score it on CLUENER dev."""
    from kg import train as training

    try:
        if evaluate_only:
            path, scores = training.evaluate_on_dev(data, model)
            typer.echo(f"CLUENER dev ({scores.sentences} sentences), model {path}, exact spans:")
            typer.echo(scores.table())
            return
        if out is None:
            raise training.TrainInputError("give --out, the folder to write the trained NER into")
        result = training.train_model(data, out, config_path=config, max_steps=max_steps)
    except training.TrainInputError as exc:
        error(str(exc))
        raise typer.Exit(2) from None
    typer.echo(result.summary())
    if result.dev is not None:
        typer.echo("CLUENER dev, exact spans:")
        typer.echo(result.dev.table())


@app.command()
def learn(
    task: Annotated[str, typer.Argument(help="The learned reader to train (e.g. pairs, helper-orgs).")],
    sets: Annotated[
        list[Path],
        typer.Option("--set", help="An annotated set: a folder with docs/ and gold.jsonl. Repeat for more."),
    ],
    out: Annotated[
        Path | None, typer.Option("--out", help="Model file to write (default: kg/data/models/TASK.json).")
    ] = None,
    module: Annotated[
        str | None,
        typer.Option("--module", help="Module registering the reader (default: the shipped model's)."),
    ] = None,
    l2: Annotated[float, typer.Option("--l2", help="L2 penalty of the logistic regression.")] = 1.0,
    min_count: Annotated[
        int, typer.Option("--min-count", help="Leave out features seen on fewer candidates.")
    ] = 2,
) -> None:
    """Train a learned reader on annotated sets; print its leave-one-set-out figures."""
    from kg.learn import train as training
    from kg.learn.linear import LinearModel, ModelFileError
    from kg.learn.tasks import MODELS

    target = out or MODELS / f"{task}.json"
    if module is None and target.is_file():
        try:
            module = LinearModel.load(target).module
        except ModelFileError as exc:
            error(str(exc))
            raise typer.Exit(2) from None
    try:
        training.train(task, sets, target, module=module, l2=l2, min_count=min_count, progress=typer.echo)
    except (training.TrainInputError, KeyError, ImportError) as exc:
        error(str(exc))
        raise typer.Exit(2) from None
