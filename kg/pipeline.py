"""The Python API behind `kg build` (implemented in ``kg.build``): build a folder of articles.

``build(inputs, out)`` reads, normalises, finds entities, links and relates every article (the
map step, in parallel where asked) and writes the build's files (the reduce step);
``watch(inputs, out, on_build)`` builds again whenever the inputs change, its pipeline loaded once.
"""

from kg.build import BuildLocked, NotABuildFolder, NothingRead, WorkerDied, build
from kg.build.watch import watch
from kg.report import BuildReport, QuietReporter, Reporter

__all__ = [
    "BuildLocked",
    "BuildReport",
    "NotABuildFolder",
    "NothingRead",
    "QuietReporter",
    "Reporter",
    "WorkerDied",
    "build",
    "watch",
]
