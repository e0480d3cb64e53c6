"""``kg watch``: build, then build again whenever the inputs change, in one long-lived process.

A ``kg build`` that adds one article to a large build spends most of its time starting: Python
and the package's imports, then the pipeline (spaCy, the NER, the gazetteer, jieba's tables, the
relation rules: ~3 CPU s in the pool's fork server) for the one new article. A watch loads the
pipeline once, in its own process, and maps a change of a few files there (``kg.build.run``: no
pool, no fork server); each build is an ordinary ``build`` — it extends the previous build when
the inputs only grew, takes it over when nothing changed, and writes the same files as a
``kg build`` of the same inputs.

The inputs are looked at every ``every`` seconds (discovered again, each file's size and
modification time); a build starts when they differ from those of the last build and were the same
at two looks in a row, so that a file still being copied is not built half-written.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.build.preload import warm_up
from kg.build.run import NothingRead, build, config_for, input_paths
from kg.build.staging import BuildLocked
from kg.build.worker import stages_for
from kg.report import BuildReport, QuietReporter, Reporter

InputState = tuple[tuple[str, int, int], ...]  # (path, size, modification time in ns) of each input


def input_state(inputs: Iterable[str | Path], out: Path) -> InputState:
    """What a build of ``inputs`` would read, as each file's path, size and modification time."""
    state = []
    for path in input_paths(inputs, out, BuildReport()):
        try:
            status = path.stat()
            state.append((str(path), status.st_size, status.st_mtime_ns))
        except OSError:  # gone since it was found: the build will say so
            state.append((str(path), -1, -1))
    return tuple(state)


def watch(
    inputs: list[str | Path],
    out_dir: str | Path,
    on_build: Callable[[BuildReport | Exception], bool],
    model: str | None = None,
    reporter: Reporter | None = None,
    *,
    workers: int | None = None,
    cache: str | Path | None = None,
    use_cache: bool = True,
    every: float = 1.0,
) -> None:
    """Build ``inputs`` into ``out_dir`` (``build``'s arguments), then again each time they change,
    until ``on_build`` — called with each build's report, or with the reason it read nothing or
    found the folder locked (the watch goes on) — returns False. Other errors end the watch."""
    out = Path(out_dir)
    warm_up(stages_for(config_for(out, model, cache, use_cache)).load())
    built: InputState | None = None
    looked: InputState | None = None
    while True:
        state = input_state(inputs, out)
        if state != built and (built is None or state == looked):
            built = state
            try:
                result: BuildReport | Exception = build(
                    inputs, out, model, reporter or QuietReporter(), workers=workers, cache=cache,
                    use_cache=use_cache, keep_loaded=True,
                )  # fmt: skip
            except NothingRead as exc:
                result = exc
            except BuildLocked as exc:  # another build is writing there: try again at the next look
                result, built = exc, None
            if not on_build(result):
                return
        looked = state
        time.sleep(every)
