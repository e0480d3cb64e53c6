"""The build as map → reduce: same output however the map runs, staged and locked output folders,
no input from build folders, the cache. Articles are short texts written for these tests."""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import psutil
import pytest
from build_sample import ARTICLES, failing_start, files_of, outputs, parts_made, store_triples, write_articles

import kg.build.executors as executors_module
import kg.build.reduce as reduce_module
import kg.graph.write as write_module
from kg.build import BuildLocked, NotABuildFolder, WorkerDied, build
from kg.build.cache import Cache, Fingerprints
from kg.build.records import FileRecords
from kg.build.staging import MANIFEST, Staging
from kg.build.worker import BuildConfig, Stages, process_file


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("docs"))


@pytest.fixture(scope="module")
def reference(docs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "out"
    report = build([docs], out, workers=1, use_cache=False)
    assert report.articles == 4 and report.from_cache == 0
    return out


def _fork_servers() -> list[psutil.Process]:
    found = []
    for child in psutil.Process().children():
        try:
            if "forkserver" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.Error:
            continue
    return found


def test_two_workers_write_the_same_bytes_as_one(
    docs: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = parts_made(monkeypatch)
    build([docs], tmp_path / "out", workers=2, use_cache=False)
    assert files_of(tmp_path / "out") == files_of(reference)
    assert store_triples(tmp_path / "out") == store_triples(reference)
    # the pool's workers made every article's part: this process only replayed them
    assert made == []
    # the pool's fork server (the whole pipeline resident) does not outlive its pool
    assert _fork_servers() == []


def test_a_worker_that_dies_at_its_start_fails_the_build(
    docs: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pool whose workers die as they start (here their initialiser raises) stops the build with
    WorkerDied, instead of forking new workers for ever; the previous build stays as it was."""
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    before = outputs(out)
    monkeypatch.setattr(executors_module, "_pool_init", failing_start)
    with pytest.raises(WorkerDied):
        build([docs], out, workers=2, use_cache=False)
    assert outputs(out) == before
    assert _fork_servers() == []


def test_a_build_of_two_workers_interrupted_in_its_map_stops_its_workers_and_their_server(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An interruption while the pool maps (here at the first file's records) ends the build at
    once: the pool's workers stop, then its fork server (which waits for them: stopping it first
    waited for ever), and the interruption reaches the caller."""
    workers: list[psutil.Process] = []

    def interrupted(self: object, records: FileRecords) -> None:
        workers.extend(psutil.Process(p.pid) for p in multiprocessing.active_children())
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.reduce.Reduce.add", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([docs], tmp_path / "out", workers=2, use_cache=False)
    assert workers and not [p for p in workers if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert _fork_servers() == []


def test_report_html_starts_in_its_own_process_before_graph_graphml_is_written(
    docs: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two workers and many articles (here: any number), report.html is written by a second
    process from the store while this one writes the rest: it starts as soon as the store is closed."""
    events: list[str] = []
    start_process, write_graphml = reduce_module.report_process, write_module.write_graphml

    def report_process() -> ProcessPoolExecutor:
        helper = start_process()
        submit = helper.submit

        def submitted(fn, *args):  # noqa: ANN001, ANN002, ANN202
            events.append(fn.__name__)
            return submit(fn, *args)

        helper.submit = submitted  # type: ignore[method-assign]
        return helper

    def graphml(projection, path):  # noqa: ANN001, ANN202
        events.append("write_graphml")
        return write_graphml(projection, path)

    monkeypatch.setattr(reduce_module, "APART_FROM_ARTICLES", 0)
    monkeypatch.setattr(reduce_module, "report_process", report_process)
    monkeypatch.setattr(write_module, "write_graphml", graphml)
    build([docs], tmp_path / "out", workers=2, use_cache=False)
    assert events == ["write_report", "write_graphml"]
    assert files_of(tmp_path / "out") == files_of(reference)


def test_a_finished_build_holds_a_manifest_and_no_leftovers(reference: Path) -> None:
    assert (reference / MANIFEST).is_file()
    assert not [p for p in reference.parent.iterdir() if ".staging-" in p.name or ".old-" in p.name]


def test_an_interrupted_build_leaves_the_previous_build_whole(
    docs: Path, reference: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build([docs], out, workers=1, use_cache=False)
    before = outputs(out)

    def interrupted(self: object, records: FileRecords) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("kg.build.reduce.Reduce.add", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build([docs / "a1.txt"], out, workers=1, use_cache=False)
    assert outputs(out) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".out.lock") == ["out"]


def test_a_second_build_into_the_same_folder_stops_at_once(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    with Staging(out):
        with pytest.raises(BuildLocked, match="is writing into"):
            build([docs], out, workers=1, use_cache=False)
    holder = open(tmp_path / ".out.lock", "a+", encoding="utf-8")  # as another process would
    fcntl.flock(holder.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    holder.close()  # released: the lock did not outlive its build


def test_the_cli_says_so_and_exits_2_when_locked(docs: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "out"
    with Staging(out):
        result = CliRunner().invoke(app, ["build", str(docs), "--out", str(out), "-j", "1"])
    assert result.exit_code == 2
    assert "another build" in result.output and str(os.getpid()) in result.output


def test_leftovers_of_a_killed_build_are_cleaned_and_a_moved_build_put_back(
    docs: Path, reference: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build([docs], out, workers=1, use_cache=False)
    os.replace(out, tmp_path / ".out.old-99999")  # killed between the two renames of a swap
    (tmp_path / ".out.staging-99998").mkdir()  # killed while writing
    with Staging(out):
        assert (out / MANIFEST).is_file()
        assert not (tmp_path / ".out.staging-99998").exists()
        assert not (tmp_path / ".out.old-99999").exists()


def test_a_folder_of_other_files_is_not_replaced(docs: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(NotABuildFolder):
        build([docs], tmp_path, workers=1, use_cache=False)
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_build_inside_its_input_never_reads_itself(reference: Path, tmp_path: Path) -> None:
    docs = write_articles(tmp_path / "docs")
    first = build([docs], docs / "out", workers=1, use_cache=False)
    second = build([docs], docs / "out", workers=1, use_cache=False)
    other = build([docs], tmp_path / "elsewhere", workers=1, use_cache=False)  # docs/out is a build
    assert first.articles == second.articles == other.articles == 4
    assert not any("out" in where for where, _ in second.skipped + other.skipped)


def test_the_cache_serves_unchanged_articles(docs: Path, reference: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert build([docs], out, workers=1).from_cache == 0
    again = build([docs], out, workers=1)
    assert again.from_cache == 4
    assert outputs(out) == outputs(reference)
    more = write_articles(tmp_path / "more", {"a5.txt": "福清市与通渭县召开东西部协作联席会议。"})
    assert build([docs, more], out, workers=1).from_cache == 4  # the new one was processed


def test_a_change_to_relation_rules_reruns_relate_only(docs: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    stages = Stages(BuildConfig(cache_dir=str(cache_dir)))
    first = process_file(docs / "a1.txt", stages)
    assert first.articles[0].cached == "" and first.articles[0].relations
    assert process_file(docs / "a1.txt", stages).articles[0].cached == "all"
    assert stages.cache is not None
    prints = stages.cache.prints
    other = Fingerprints(prints.read, prints.entities, "other relate rules", "other parts")
    stages.cache = Cache(cache_dir, other)

    def no_entities(*args: object) -> None:
        raise AssertionError("entities were found again")

    stages.entities = no_entities  # type: ignore[method-assign]
    again = process_file(docs / "a1.txt", stages).articles[0]
    assert again.cached == "entities"
    assert again.relations == first.articles[0].relations


def test_two_files_of_one_name_keep_their_own_mentions(tmp_path: Path) -> None:
    """Their articles share an id until the reduce renames the second: the map step, which takes
    them in one batch, must not mix up their mentions."""
    first = write_articles(tmp_path / "x", {"a1.txt": ARTICLES["a1.txt"]})
    second = write_articles(tmp_path / "y", {"a1.txt": ARTICLES["a2.txt"]})
    build([first, second], tmp_path / "out", workers=1, use_cache=False)
    names: dict[str, set[str]] = {}
    for line in (tmp_path / "out" / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        names.setdefault(row["article_id"], set()).add(row["name"])
    assert "福清市" in names["a1"] and "福清市" not in names["a1-2"]
    assert "昆山市" in names["a1-2"] and "昆山市" not in names["a1"]
