"""The garbage collector around bulk allocation, the one home for pausing and freezing it.

A build makes a few hundred thousand long-lived objects as the pipeline loads (the gazetteer,
jieba's tables, spaCy's pipeline) and as many again in the reduce. They hold no cycles worth
finding, but each burst of allocation sets off collections, and a full one walks every object
alive: in a build that adds one article to 300 the collector took 0.76 of 6.3 CPU seconds, five
full collections of the loaded pipeline among them. ``paused`` keeps it quiet while such tables
are made; ``frozen`` moves what is alive out of its reach for the rest of a build (what the
build's own process loaded stays loaded anyway) and gives it back at the end, so a process that
runs many builds (the tests, a notebook) still collects their garbage later.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection meanwhile: for code that makes many objects and no cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def freeze() -> None:
    """Every object alive now out of the collector's reach (``gc.freeze``), until the end of the
    build (``thawed_after``)."""
    gc.freeze()


@contextmanager
def thawed_after() -> Iterator[None]:
    """What was frozen meanwhile back in the oldest generation at the end (``gc.unfreeze``)."""
    try:
        yield
    finally:
        gc.unfreeze()


def frozen_at_exit() -> None:
    """Everything alive when the interpreter exits out of the collector's reach, so that its last
    collection does not walk the loaded pipeline for nothing (a ``kg build`` that added one article
    to 1,000 with one worker spent ~0.8 of its ~8.5 CPU s there, measured; 0.06 s frozen). For a
    process that ends after its work (the CLI); registered once."""
    atexit.unregister(gc.freeze)
    atexit.register(gc.freeze)
