"""The build as map → reduce.

* ``worker`` — the map: one input file → its articles' records (read and normalise → entities
  → link → relate), a pure function of the file and the pipeline, loaded once per process;
* ``cache`` — records kept under each article's content and the pipeline's fingerprint;
* ``executors`` — where the map runs: this process, a process pool, a Dask cluster;
* ``reduce`` — records in input order → JSON Lines, the store, Turtle, GraphML and views;
* ``staging`` — the lock, the staging folder swapped in when complete, input exclusion;
* ``run`` — ``build``, which wires them.
"""

from kg.build.executors import WorkerDied
from kg.build.run import NothingRead, build
from kg.build.staging import BuildLocked, NotABuildFolder

__all__ = ["BuildLocked", "NotABuildFolder", "NothingRead", "WorkerDied", "build"]
