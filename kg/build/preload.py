"""Imported by a process pool's fork server (``kg.build.executors.run_pool``): loads the pipeline
of the build that starts the pool there, once, so that every worker forked from it starts with
the pipeline loaded instead of loading its own — at two workers each had paid the whole start-up
(spaCy, jieba, the NER, the gazetteer) again, a third of a 100-article build's CPU time.

The build's configuration comes in ``KG_PRELOAD_CONFIG`` (JSON of ``BuildConfig``), set while
the pool starts. Nothing is loaded without it, and a failure here is left to the workers, which
load the pipeline themselves and report the error to the build.

A short article of our own goes through every stage once (what loads at the first article —
jieba's dictionary, the NER's weights, the relation rules — cost each worker ~0.8 s more), and
the loaded objects are then frozen out of the garbage collector's reach, so that no collection
in a worker walks them and copies their pages.
"""

from __future__ import annotations

import gc
import json
import os
import tempfile
from pathlib import Path

from kg.build.worker import BuildConfig, Stages, stages_for

PRELOAD_CONFIG = "KG_PRELOAD_CONFIG"
WARM_UP = "福州市与定西市签订东西部扶贫协作协议。福州市向定西市投入帮扶资金500万元,建设扶贫车间。\n"


def warm_up(stages: Stages) -> None:
    """One article through read, entities, link and relate, outside the cache."""
    from kg.ingest import read_file

    with tempfile.TemporaryDirectory(prefix="kg-preload-") as folder:
        path = Path(folder) / "warm-up.txt"
        path.write_text(WARM_UP, encoding="utf-8")
        articles = read_file(path).articles
    for article, mentions in zip(articles, stages.entities(articles), strict=True):
        stages.relations(article, mentions)


def preload() -> None:
    value = os.environ.get(PRELOAD_CONFIG)
    if not value:
        return
    try:
        warm_up(stages_for(BuildConfig(**json.loads(value))).load())
    except Exception:  # noqa: BLE001, S110 - the workers load again and report it
        return
    gc.freeze()


preload()
