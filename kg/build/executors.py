"""Where the map step runs: in this process, a local process pool, or a Dask cluster.

Each gives the file records back in input order, as they finish, so the reduce can stream them
and memory holds only what is in flight. Every worker loads the pipeline once (``stages_for``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from kg.build.records import FileRecords
from kg.build.worker import BuildConfig, process_files, process_paths, stages_for

# Files per task: their articles go through the nlp stage together (the NER batched across
# them); small enough to spread the work evenly over a pool's workers.
CHUNK_FILES = 8
DASK_PARTITION_FILES = 16


def chunks(paths: list[str], size: int = CHUNK_FILES) -> list[list[str]]:
    return [paths[i : i + size] for i in range(0, len(paths), size)]


def run_local(paths: list[str], config: BuildConfig) -> Iterator[FileRecords]:
    stages = stages_for(config)
    for chunk in chunks(paths):
        yield from process_paths(chunk, stages)


def _pool_task(paths: list[str]) -> list[FileRecords]:
    return process_paths(paths, stages_for(_POOL_CONFIG))


_POOL_CONFIG = BuildConfig()


def _pool_init(config: BuildConfig) -> None:
    global _POOL_CONFIG  # noqa: PLW0603 - the config of this worker process, set once at its start
    _POOL_CONFIG = config  # the pipeline loads at the first task: an error there reaches the build


def run_pool(paths: list[str], config: BuildConfig, workers: int) -> Iterator[FileRecords]:
    """A pool of ``workers`` processes, started by a fork server: forking the build's own process
    (which runs the store's and the progress bar's threads) let a worker inherit a lock held by
    one of those threads and wait on it for ever."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kg.build.worker"])
    with context.Pool(workers, initializer=_pool_init, initargs=(config,)) as pool:
        size = min(CHUNK_FILES, -(-len(paths) // workers))  # every worker gets work on a few files
        for records in pool.imap(_pool_task, chunks(paths, max(1, size))):
            yield from records


def run_dask(paths: list[str], config: BuildConfig, address: str) -> Iterator[FileRecords]:
    """A Dask bag over partitions of the input files on the cluster at ``address``.

    The workers read the files themselves: they must see the same paths (one machine, or a
    shared file system), and the cache folder too when there is one."""
    import dask.bag as db
    from dask.distributed import Client

    with Client(address) as client:
        bag = db.from_sequence(paths, partition_size=DASK_PARTITION_FILES)
        parts = bag.map_partitions(process_files, config).to_delayed()
        futures = client.compute(parts)
        for future in futures:
            yield from future.result()
            future.release()
