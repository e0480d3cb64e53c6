"""The pool's tasks: every file once and in order, chunks no larger than asked, and the last ones
small, so that no worker is left with a whole chunk while the others have nothing."""

from __future__ import annotations

import pytest

from kg.build.executors import tapered_chunks


@pytest.mark.parametrize(("files", "size", "workers"), [(1000, 8, 2), (37, 8, 3), (5, 3, 2), (1, 8, 2)])
def test_tapered_chunks_keep_every_file_in_order_and_end_small(files: int, size: int, workers: int) -> None:
    paths = [f"a{i:04d}.txt" for i in range(files)]
    found = tapered_chunks(paths, size, workers)
    assert [path for chunk in found for path in chunk] == paths
    assert all(1 <= len(chunk) <= size for chunk in found)
    assert len(found[-1]) == 1  # the last task is one file
    assert [len(chunk) for chunk in found] == sorted((len(chunk) for chunk in found), reverse=True)


def test_a_large_build_is_mostly_whole_chunks() -> None:
    found = tapered_chunks([f"a{i:04d}.txt" for i in range(1000)], 8, 2)
    assert sum(len(chunk) == 8 for chunk in found) >= 120  # the NER still batches 8 files at a time
