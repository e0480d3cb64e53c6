"""``build``: discover the inputs, map each file to its records, reduce them into a staged folder.

The map runs in this process (``workers=1``), in a local process pool or on a Dask cluster;
the output is the same byte for byte, because the reduce takes the records in input order.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import kg
from kg.build.cache import CACHE_DIR
from kg.build.executors import run_dask, run_local, run_pool
from kg.build.records import FileRecords
from kg.build.reduce import Reduce
from kg.build.staging import MANIFEST, Staging, exclude_builds
from kg.build.unchanged import FILES, INPUT_KEY, SUMMARY, file_digests, input_key, record, take_over
from kg.build.worker import BuildConfig, stages_for
from kg.report import BuildReport, QuietReporter, Reporter


class NothingRead(RuntimeError):
    """No input could be read at all: the only case in which a build fails."""


def _inputs(inputs: Iterable[str | Path], out: Path, report: BuildReport) -> list[Path]:
    """The files to read: discovered, without the output folder and other builds' folders."""
    from kg.ingest import discover

    found = discover([str(i) for i in inputs])
    paths, _ = exclude_builds(list(found), out)
    passed_over = [(where, why) for where, why in getattr(found, "passed_over", ())]
    kept_over = {str(p) for p in exclude_builds([Path(w) for w, _ in passed_over], out)[0]}
    for where, why in passed_over:
        if where in kept_over:
            report.skip(where, why)  # listed in the summary, not worth a warning each
    return paths


def _previous_manifest(out: Path) -> dict:
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return manifest if isinstance(manifest, dict) else {}


def _map(paths: list[str], config: BuildConfig, workers: int, dask: str | None) -> Iterator[FileRecords]:
    if dask:
        return run_dask(paths, config, dask)
    if workers > 1 and len(paths) > 1:
        return run_pool(paths, config, min(workers, len(paths)))
    return run_local(paths, config)


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    model: str | None = None,
    reporter: Reporter | None = None,
    *,
    workers: int | None = None,
    cache: str | Path | None = None,
    use_cache: bool = True,
    dask: str | None = None,
) -> BuildReport:
    """Build the knowledge graph of the articles under ``inputs`` into ``out_dir``.

    ``workers``: processes for the map step (default: all cores); ``cache``: the cache folder
    (default ``OUT/.kg-cache``; ``use_cache=False`` for none); ``dask``: a Dask scheduler's
    address to run the map step on instead. Raises NothingRead, BuildLocked, NotABuildFolder,
    kg.nlp.ModelNotFound.
    """
    reporter = reporter or QuietReporter()
    out = Path(out_dir)
    report = BuildReport()
    workers = workers or os.cpu_count() or 1
    cache_dir = Path(cache) if cache else out / CACHE_DIR
    config = BuildConfig(model=model, cache_dir=str(cache_dir.absolute()) if use_cache else None)
    if model is not None:
        stages_for(config).load()  # a missing model stops the build before any work
    with Staging(out) as stage:
        paths = [str(p) for p in _inputs(inputs, out, report)]
        key = input_key(paths, model) if use_cache else None
        first_skip, first_notice = len(report.skipped), len(report.notices)
        if take_over(_previous_manifest(out), key, out, stage.path, report):
            _commit(stage, report, key, record(report, first_skip, first_notice), cache, use_cache)
            return report
        reduce = Reduce(stage.path, report, reporter, stages_for(config).cache)
        try:
            results = _map(paths, config, workers, dask)
            for _, records in zip(reporter.progress(paths, "building"), results, strict=True):
                reduce.add(records)
        except BaseException:
            reduce.abandon()
            raise
        if not report.articles:
            reduce.abandon()
            raise NothingRead("no article could be read from the inputs")
        reduce.close()
        report.from_cache = reduce.from_cache
        _commit(stage, report, key, record(report, first_skip, first_notice), cache, use_cache)
    return report


def _writable(summary: dict) -> bool:
    """Whether the summary can go into the manifest (UTF-8): a file name that is no text (kept
    with surrogate escapes) cannot, and such a build is then never taken over."""
    try:
        json.dumps(summary, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _commit(
    stage: Staging,
    report: BuildReport,
    key: str | None,
    summary: dict,
    cache: str | Path | None,
    use_cache: bool,
) -> None:
    """The manifest (with what an unchanged rebuild needs to take the files over) and the swap."""
    manifest = {"kg": kg.__version__, "articles": report.articles, "files_read": report.files_read}
    if key is not None and _writable(summary):
        manifest |= {INPUT_KEY: key, FILES: file_digests(stage.path), SUMMARY: summary}
    stage.commit(manifest, keep=(CACHE_DIR,) if cache is None and use_cache else ())
