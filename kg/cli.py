"""The `kg` command line: a thin layer over the Python API in `kg.pipeline` and the stage modules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from kg import __version__

T = TypeVar("T")
app = typer.Typer(
    name="kg",
    help="Shanhai KG (山海图谱): build a knowledge graph of who helps whom (帮扶) from Chinese news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

# A progress bar only pays for itself on more than a handful of items.
PROGRESS_MIN_ITEMS = 5


class ConsoleReporter:
    """Progress bars and warnings on stderr, so stdout stays clean for data."""

    def progress(self, items: Sequence[T], description: str) -> Iterator[T]:
        if len(items) <= PROGRESS_MIN_ITEMS or not err.is_terminal and len(items) < 50:
            yield from items
            return
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err, transient=True) as bar:
            task = bar.add_task(description, total=len(items))
            for item in items:
                yield item
                bar.advance(task)

    def warn(self, message: str) -> None:
        err.print(f"[yellow]warning:[/yellow] {message}", highlight=False, markup=True)


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
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders (read recursively) or glob patterns of articles.")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the build into.")] = Path("out"),
    model: Annotated[
        str | None,
        typer.Option("--model", help="An installed spaCy pipeline (name or path) to use instead of ours."),
    ] = None,
) -> None:
    """Read articles and build the knowledge graph into OUT (articles, entities, relations, graph, views)."""
    from kg.pipeline import NothingRead
    from kg.pipeline import build as run_build

    try:
        report = run_build(inputs, out, model=model, reporter=ConsoleReporter())
    except NothingRead as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    err.print(
        f"read {report.files_read} file(s), {report.articles} article(s); skipped {len(report.skipped)}",
        highlight=False,
    )
    for where, why in report.skipped:
        err.print(f"  skipped {where}: {why}", highlight=False, markup=False)
    for name, rows in report.outputs.items():
        err.print(f"  wrote {out / name} ({rows} rows)", highlight=False, markup=False)
