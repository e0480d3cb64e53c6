"""Where the map step runs: in this process, a local process pool, or a Dask cluster.

Each gives the file records back in input order, as they finish, so the reduce can stream them
and memory holds only what is in flight. Every worker loads the pipeline once (``stages_for``);
a pool's workers are forked from a fork server that loaded it before them (``kg.build.preload``).
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from pathlib import Path

from kg.build.article_parts import with_parts
from kg.build.cache import article_key, file_key
from kg.build.preload import PRELOAD_CONFIG
from kg.build.records import FileRecords
from kg.build.worker import BuildConfig, Stages, process_paths, stages_for
from kg.records import Article

# Files per task: their articles go through the nlp stage together (the NER batched across
# them); small enough to spread the work evenly over a pool's workers.
CHUNK_FILES = 8
DASK_PARTITION_FILES = 16


def chunks(paths: list[str], size: int = CHUNK_FILES) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def tapered_chunks(paths: list[str], size: int, workers: int) -> list[list[str]]:
    """Chunks of ``size`` files, then smaller ones as the files run out (a chunk is at most a
    ``2 * workers``-th of what is left, and at least one file), so that the workers finish at
    about the same time: with chunks of one size, one worker could still be on its last chunk of
    8 files while the others had none left."""
    found, start = [], 0
    while start < len(paths):
        step = max(1, min(size, (len(paths) - start) // (2 * workers)))
        found.append(paths[start : start + step])
        start += step
    return found


def run_local(paths: list[str], config: BuildConfig) -> Iterator[FileRecords]:
    stages = stages_for(config)
    for chunk in chunks(paths):
        yield from process_paths(chunk, stages)


def parts_of_files(paths: list[str], config: BuildConfig) -> list[FileRecords]:
    """A batch of files in a worker process (pool or Dask), with that process's Stages: each
    article with its part (``kg.build.article_parts``), which the build's process replays."""
    stages = stages_for(config)
    return with_parts(process_paths(paths, stages), stages.cache)


def _pool_task(paths: list[str]) -> list[FileRecords]:
    return parts_of_files(paths, _POOL_CONFIG)


_POOL_CONFIG = BuildConfig()


def _pool_init(config: BuildConfig) -> None:
    global _POOL_CONFIG  # noqa: PLW0603 - the config of this worker process, set once at its start
    _POOL_CONFIG = config  # the pipeline loads at the first task: an error there reaches the build


def cached_whole(path: str, stages: Stages) -> bool:
    """Whether every record of the file at ``path`` is in the cache (its articles' entities and
    relations): such a file costs the map a few reads, not worth a pool's worker and its pipeline."""
    cache = stages.cache
    if cache is None:
        return False
    try:
        entry = cache.get("read", file_key(Path(path).read_bytes(), Path(path).name))
    except OSError:
        return False
    if entry is None:
        return False
    keys = [article_key(Article.from_dict(row)) for row in entry.get("articles", [])]
    return all(cache.has("entities", key) and cache.has("relations", key) for key in keys)


def start_fork_server(config: BuildConfig) -> None:
    """Start the pool's fork server now, without waiting for it: it loads the pipeline
    (``kg.build.preload``) while this process goes on (a build that extends the previous one
    replays that build's state meanwhile); ``run_pool`` forks its workers from it later."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver").set_forkserver_preload(["kg.build.worker", "kg.build.preload"])
    before = os.environ.get(PRELOAD_CONFIG)
    os.environ[PRELOAD_CONFIG] = json.dumps(asdict(config))  # read by the fork server as it starts
    try:
        forkserver.ensure_running()
    finally:
        if before is None:
            os.environ.pop(PRELOAD_CONFIG, None)
        else:
            os.environ[PRELOAD_CONFIG] = before


class WorkerDied(RuntimeError):
    """A process of the pool ended before it gave its records back: it died at its start or was
    killed. The build stops with this instead of waiting for it, or forking workers for ever
    (``multiprocessing.Pool`` replaces a dead worker with a new one, which dies again)."""


def run_pool(
    paths: list[str], config: BuildConfig, workers: int, *, single: bool = False
) -> Iterator[FileRecords]:
    """The files whose records are all in the cache in this process (it never loads the
    pipeline for them), the others on a pool of at most ``workers`` processes — none when there
    is at most one such file, unless ``single`` (the fork server was started early, so that the
    pipeline loads beside this process's own work) — in input order.

    The pool's processes are forked by a fork server (forking the build's own process, which
    runs the store's and the progress bar's threads, let a worker inherit a lock held by one of
    those threads and wait on it for ever) that loaded the pipeline first (``kg.build.preload``).
    A worker that dies fails the build (``WorkerDied``)."""
    stages = stages_for(config)
    whole = [cached_whole(path, stages) for path in paths]
    todo = [path for path, done in zip(paths, whole, strict=True) if not done]
    if not todo or (len(todo) == 1 and not single) or workers <= 1:
        stop_fork_server()  # one started early for nothing
        yield from run_local(paths, config)
        return
    workers = min(workers, len(todo))
    size = min(CHUNK_FILES, -(-len(todo) // workers))  # every worker gets work on a few files
    start_fork_server(config)  # unless started already
    before = set(multiprocessing.active_children())
    context = multiprocessing.get_context("forkserver")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_pool_init, initargs=(config,))
    finished = False
    try:
        tasks = pool.map(_pool_task, tapered_chunks(todo, max(1, size), workers))
        mapped = (records for chunk in tasks for records in chunk)
        for path, done in zip(paths, whole, strict=True):
            yield process_paths([path], stages)[0] if done else next(mapped)
        finished = True
    except BrokenProcessPool:
        raise WorkerDied(
            "a worker process of the pool ended before it gave its records back (it died at its start "
            "or was killed, e.g. for want of memory); `--workers 1` builds in this process"
        ) from None
    finally:
        pool.shutdown(wait=finished, cancel_futures=True)
        if not finished:  # an error or an interruption: its workers stop now, not after their files
            for process in set(multiprocessing.active_children()) - before:
                process.terminate()
                process.join()
        stop_fork_server()


def stop_fork_server() -> None:
    """Stop the pool's fork server once its workers are gone. It holds the loaded pipeline (~370 MB
    resident) and multiprocessing keeps it for the life of the process: through the reduce's
    close, where the build's own memory is largest, and for a later pool that wants another
    configuration preloaded (the next pool starts a fresh one). ``_stop`` is the standard library's
    own way to stop it (its tests use it); there is no public one."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    if callable(stop):
        stop()


def run_dask(paths: list[str], config: BuildConfig, address: str) -> Iterator[FileRecords]:
    """A Dask bag over partitions of the input files on the cluster at ``address``.

    The workers read the files themselves: they must see the same paths (one machine, or a
    shared file system), and the cache folder too when there is one."""
    import dask.bag as db
    from dask.distributed import Client

    with Client(address) as client:
        bag = db.from_sequence(paths, partition_size=DASK_PARTITION_FILES)
        parts = bag.map_partitions(parts_of_files, config).to_delayed()
        futures = client.compute(parts)
        for future in futures:
            yield from future.result()
            future.release()
