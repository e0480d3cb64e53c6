"""``build``: discover the inputs, map each file to its records, reduce them into a staged folder.

The map runs in this process (``workers=1``), in a local process pool or on a Dask cluster;
the output is the same byte for byte, because the reduce takes the records in input order.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import kg
from kg import collector
from kg.build.cache import CACHE_DIR, Cache
from kg.build.executors import (
    CHUNK_FILES,
    cached_whole,
    run_dask,
    run_local,
    run_pool,
    start_fork_server,
    stop_fork_server,
)
from kg.build.extend import EXTEND, Extension, find_extension, forget, state_paths
from kg.build.records import FileRecords
from kg.build.reduce import APART_FROM_ARTICLES, Reduce
from kg.build.staging import MANIFEST, Staging, exclude_builds
from kg.build.unchanged import (
    FILES,
    INPUT_KEY,
    SUMMARY,
    TakenDigests,
    base_key,
    file_digests,
    input_digests,
    input_key,
    record,
    take_over,
)
from kg.build.worker import BuildConfig, loaded_here, stages_for
from kg.report import BuildReport, QuietReporter, Reporter


class NothingRead(RuntimeError):
    """No input could be read at all: the only case in which a build fails."""


def input_paths(inputs: Iterable[str | Path], out: Path, report: BuildReport) -> list[Path]:
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


def _map(
    paths: list[str], config: BuildConfig, workers: int, dask: str | None, early: bool, keep_loaded: bool
) -> Iterator[FileRecords]:
    """The map of ``paths``; ``early``: the pool's fork server was started before the reduce."""
    if dask:
        return run_dask(paths, config, dask)
    if workers > 1 and (len(paths) > 1 or early) and not _here(config, len(paths), keep_loaded):
        return run_pool(paths, config, workers, single=early)
    return run_local(paths, config)


def _here(config: BuildConfig, files: int, keep_loaded: bool) -> bool:
    """Whether ``files`` are mapped in this process though workers were asked for: it keeps its
    pipeline loaded from build to build (``kg watch``), has it loaded already and they are too few
    to be worth a pool, whose fork server would load the pipeline again (~3 CPU s; a file takes a
    few tenths of a second here)."""
    return keep_loaded and files <= CHUNK_FILES and loaded_here(config)


def config_for(
    out_dir: str | Path, model: str | None, cache: str | Path | None, use_cache: bool
) -> BuildConfig:
    """The map's configuration of a build into ``out_dir`` (``build``'s arguments of the same names)."""
    cache_dir = (Path(cache) if cache else Path(out_dir) / CACHE_DIR).absolute()
    return BuildConfig(model=model, cache_dir=str(cache_dir) if use_cache else None)


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
    keep_loaded: bool = False,
) -> BuildReport:
    """Build the knowledge graph of the articles under ``inputs`` into ``out_dir``.

    ``workers``: processes for the map step (default: all cores); ``cache``: the cache folder
    (default ``OUT/.kg-cache``; ``use_cache=False`` for none); ``dask``: a Dask scheduler's
    address to run the map step on instead; ``keep_loaded``: this process keeps its pipeline
    loaded for build after build (``kg.build.watch``), so a few files are mapped here. Raises
    NothingRead, BuildLocked, NotABuildFolder, kg.nlp.ModelNotFound.
    """
    reporter = reporter or QuietReporter()
    out = Path(out_dir)
    report = BuildReport()
    workers = workers or os.cpu_count() or 1
    cache_dir = (Path(cache) if cache else out / CACHE_DIR).absolute()
    config = config_for(out, model, cache, use_cache)
    if model is not None:
        stages_for(config).load()  # a missing model stops the build before any work
    own_cache = cache is None and use_cache  # out/.kg-cache: carried over into the new build
    with collector.thawed_after(), Staging(out) as stage:
        paths = [str(p) for p in input_paths(inputs, out, report)]
        base = base_key(model) if use_cache else ""
        digests = input_digests(paths) if use_cache else None
        key = input_key(paths, base, digests) if use_cache else None
        listed = [[p, d] for p, d in zip(paths, digests, strict=True)] if digests is not None else []
        first_skip, first_notice = len(report.skipped), len(report.notices)
        previous = _previous_manifest(out)
        if take_over(previous, key, out, stage.path, report):
            summary = record(report, first_skip, first_notice)
            _commit(stage, report, key, summary, cache_dir, own_cache, previous)
            return report
        candidate = find_extension(previous, out, listed, base, cache_dir) if listed else None
        # the pipeline loads in the pool's fork server at once, while this process checks the previous
        # build and replays it (an extension) or before it opens the store and the cache (a first build)
        new = len(paths) - (candidate.files if candidate is not None else 0)
        early = (
            workers > 1
            and not dask
            and not _here(config, new, keep_loaded)
            and _pool_ahead(previous, candidate, paths, config)
        )
        if early:
            start_fork_server(config)
        results: Iterator[FileRecords] | None = None
        try:
            extension = candidate if candidate is not None and _intact(previous, out) else None
            reduce = _reduce(stage.path, report, reporter, stages_for(config).cache, extension, workers > 1)
            todo = paths[extension.files :] if reduce.extended else paths
            try:
                results = _map(todo, config, workers, dask, early, keep_loaded)
                for _, records in zip(reporter.progress(todo, "building"), results, strict=True):
                    reduce.add(records)
            except BaseException:
                reduce.abandon()
                raise
        finally:
            # an interrupted map's pool first (its workers hold the fork server open: stopping the
            # server waits for them), then a server the map never used (no new file, all cached)
            getattr(results, "close", lambda: None)()
            if early:
                stop_fork_server()
        if not report.articles:
            reduce.abandon()
            raise NothingRead("no article could be read from the inputs")
        collector.freeze()  # the reduce's state, out of the collections its close sets off
        reduce.close()
        report.from_cache, report.extended = reduce.from_cache, reduce.extended_from
        report.extended_files = reduce.extended_files
        reduce.save_state(key, listed, base)  # or, without a key, drops the shares
        summary = record(report, first_skip, first_notice)
        _commit(stage, report, key, summary, cache_dir, own_cache, previous, reduce.digests)
    return report


def _pool_ahead(previous: dict, candidate: Extension | None, paths: list[str], config: BuildConfig) -> bool:
    """Whether the pool's fork server is worth starting before anything else: a first build of many
    files (no build in the folder yet), or an extension of a large build by files that are not all
    in the cache. A guess — a server started for nothing is stopped before the reduce's close."""
    if not previous:
        return len(paths) > 1
    return (
        candidate is not None
        and candidate.header["articles"] >= APART_FROM_ARTICLES
        and _uncached(paths[candidate.files :], config)
    )


def _uncached(paths: list[str], config: BuildConfig) -> bool:
    """Whether some file's records are not all in the cache (the map must load the pipeline)."""
    stages = stages_for(config)
    return any(not cached_whole(path, stages) for path in paths)


def _reduce(
    stage: Path,
    report: BuildReport,
    reporter: Reporter,
    cache: Cache | None,
    extension: Extension | None,
    report_apart: bool,
) -> Reduce:
    """The reduce, going on from ``extension`` when it can; when the previous build cannot be read
    as its manifest says (a file changed under it since), the staging folder is emptied and the
    build starts from scratch. ``report_apart``: report.html written by a second process."""
    if extension is not None:
        entries = len(report.skipped), len(report.notices), report.files_read, report.articles
        try:
            return Reduce(stage, report, reporter, cache, extension, report_apart=report_apart)
        except (OSError, ValueError, KeyError, TypeError, EOFError):
            del report.skipped[entries[0] :], report.notices[entries[1] :]
            report.files_read, report.articles = entries[2], entries[3]
            for child in stage.iterdir():
                shutil.rmtree(child) if child.is_dir() else child.unlink()
    return Reduce(stage, report, reporter, cache, report_apart=report_apart)


def _intact(previous: dict, out: Path) -> bool:
    """Whether the files of the build in ``out`` are as it wrote them (its manifest's digests)."""
    return isinstance(previous.get(FILES), dict) and file_digests(out) == previous[FILES]


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
    cache_dir: Path,
    own_cache: bool,
    previous: dict,
    taken: TakenDigests | None = None,
) -> None:
    """The manifest (with what an unchanged rebuild needs to take the files over, and the key of the
    state a later build extends this one from) and the swap; ``taken``: digests the reduce took of
    its files already."""
    manifest = {"kg": kg.__version__, "articles": report.articles, "files_read": report.files_read}
    if key is not None and _writable(summary):
        manifest |= {INPUT_KEY: key, FILES: file_digests(stage.path, taken), SUMMARY: summary}
        if state_paths(cache_dir, key)[0].is_file():
            manifest[EXTEND] = key
    stage.commit(manifest, keep=(CACHE_DIR,) if own_cache else ())
    if key is not None:
        forget(cache_dir, previous.get(EXTEND), manifest.get(EXTEND))
