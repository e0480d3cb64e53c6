"""Fixtures shared across the suite: where the seeds and the shared evaluation files are, the
gazetteer, and one build of the seeds made once per test session (building is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.gazetteer import Gazetteer, load_gazetteer

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.exists():
        pytest.skip(f"the shared gold file is not beside the repository ({GOLD})")
    return GOLD


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    """The packaged gazetteer (loaded once; ``load_gazetteer`` caches it)."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full `kg build` of the seed articles (the Python API, as the CLI calls it)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds_build")
    build([SEEDS], out)
    return out


@pytest.fixture
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The relation rules alone: the shipped learned readers (kg/data/models) switched off, for tests
    of what a construction reads in a sentence; the readers have tests of their own, and whole builds
    (the seeds, the build tests) run them."""
    import kg.relate

    monkeypatch.setattr(kg.relate, "installed_readers", lambda: ())
