"""A dict that keeps only its most recently used entries: the home of the caches the map step
fills per county (a county's villages, its towns and villages by name). Kept whole they grew with
every county a corpus names — up to every village of the country (~600,000) in each worker — so
the map's memory grew with the corpus; bounded, a county that comes back is parsed again (a few
milliseconds)."""

from __future__ import annotations

from collections import OrderedDict
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

# Counties whose tables a process keeps at once: an article names a handful, a batch a few dozen.
COUNTIES = 128


class Recent(OrderedDict[K, V]):
    """At most ``size`` entries; reading or writing one makes it the most recent, and writing past
    the limit drops the least recent."""

    def __init__(self, size: int = COUNTIES) -> None:
        super().__init__()
        self.size = size

    def __getitem__(self, key: K) -> V:
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value

    def __setitem__(self, key: K, value: V) -> None:
        super().__setitem__(key, value)
        self.move_to_end(key)
        while len(self) > self.size:
            self.popitem(last=False)
