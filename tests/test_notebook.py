"""The analysis notebook runs top to bottom (nbclient) against a build made in the test."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from graph_sample import sample_records
from nbclient import NotebookClient

from kg import graph as kg_graph

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "analysis.ipynb"


def run_notebook(build_dir: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("SHANHAI_BUILD", str(build_dir))  # the kernel inherits the environment
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}}
    ).execute()
    return notebook


def outputs(notebook: nbformat.NotebookNode) -> tuple[str, list[str]]:
    """All text the notebook printed, and the MIME types of its rich outputs."""
    text, kinds = [], []
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                text.append(out.text)
            elif out.output_type == "error":
                text.append("\n".join(out.traceback))
            else:
                kinds.extend(out.get("data", {}))
                text.append(out.get("data", {}).get("text/plain", ""))
    return "\n".join(text), kinds


def test_the_notebook_runs_on_a_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kg_graph.write_graph(kg_graph.build_graph(*sample_records()), tmp_path)
    notebook = run_notebook(tmp_path, monkeypatch)
    text, kinds = outputs(notebook)
    assert "Error" not in text
    assert "relations" in text and "10" in text  # the counts
    assert "昆山鲜活果汁有限公司" in text  # helper-orgs
    assert "福清市与通渭县开展东西部协作。" in text  # articles-for-pair for the top donor
    assert "betweenness" in text  # the centrality table
    assert "image/png" in kinds  # the funds chart


def test_the_notebook_runs_on_the_seeds_build(seeds_build: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = run_notebook(seeds_build, monkeypatch)
    text, kinds = outputs(notebook)
    assert "Error" not in text and "Traceback" not in text
    assert "福清市" in text  # a donor of the seeds, in the presets and the centrality table
    assert "betweenness" in text
    assert "image/png" in kinds
