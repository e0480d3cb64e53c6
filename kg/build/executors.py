"""Where the map step runs: in this process, a local process pool, or a Dask cluster.

Each gives the file records back in input order, as they finish, so the reduce can stream them
and memory holds only what is in flight. Every worker loads the pipeline once (``stages_for``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

from kg.build.records import FileRecords
from kg.build.worker import BuildConfig, process_file, process_files, stages_for

# Files per task: small enough to spread the work evenly, big enough to keep the overhead low.
POOL_CHUNK = 1
DASK_PARTITION_FILES = 16


def run_local(paths: list[str], config: BuildConfig) -> Iterator[FileRecords]:
    stages = stages_for(config)
    for path in paths:
        yield process_file(path, stages)


def _pool_task(path: str) -> FileRecords:
    return process_file(path, stages_for(_POOL_CONFIG))


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
        yield from pool.imap(_pool_task, paths, chunksize=POOL_CHUNK)


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
