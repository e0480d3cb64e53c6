"""`kg build --dask`: the map step on a Dask cluster (a LocalCluster of 2 worker processes on
127.0.0.1) writes the same bytes as the local build."""

from __future__ import annotations

from pathlib import Path

import pytest
from build_sample import ARTICLES, OUTPUTS, write_articles

from kg.build import build

distributed = pytest.importorskip("dask.distributed")


def test_a_dask_cluster_builds_the_same_bytes(tmp_path: Path) -> None:
    docs = write_articles(tmp_path / "docs", ARTICLES)
    build([docs], tmp_path / "local", workers=1, use_cache=False)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        report = build([docs], tmp_path / "dask", dask=cluster.scheduler_address, use_cache=False)
    assert report.articles == len(ARTICLES)
    for name in OUTPUTS:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
