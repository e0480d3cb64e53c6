"""The build cache: each article's records under its content and the pipeline's fingerprint.

Four kinds of entry, each a file in marshal's format written atomically (workers on several
processes or machines may write at once; a half-written entry is never seen):

* ``read``: an input file's articles, keyed by the file's bytes and name — so an unchanged
  file is neither decoded nor normalised again;
* ``entities``: an article's linked mentions, keyed by the article (text and metadata);
* ``relations``: its relations, keyed by the article and the relate stage's own fingerprint —
  a change to relation rules or relate's code re-runs relate only, from cached entities;
* ``parts``: the article's share of the reduce (``kg.graph.parts.ArticlePart``: its rows, its
  triples, what it adds to the corpus-wide graph), keyed by its row in articles.jsonl and a
  fingerprint of its records and the reduce's code and ontology — a later build that reads the
  article again under the same id takes it instead of its records.

Fingerprints hash the package version, the code and data files of the stages (the relate side —
``kg/relate*``, ``kg/cue_pairs.py`` and the data files only they name — apart from the rest),
the versions of the packages the gazetteer and tokenisers come from, and the NER model.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from importlib.resources import files
from pathlib import Path
from typing import Any

import kg
from kg.user_cache import installed_versions

CACHE_DIR = ".kg-cache"  # inside the build folder, unless --cache names another
_PACKAGE = Path(kg.__file__).parent
_DATA = _PACKAGE / "data"
_MODEL = _DATA / "model"
_RELATE_SIDE = ("relate", "cue_pairs", "learn")  # module or package names whose code is relate's
# Code that runs only after the map — the reduce, the graph, the views, the commands: a change to it
# changes no article's records, so it stays out of the fingerprints (a change to the views no longer
# empties the cache). No map-side module imports these (tests/build/test_cache_scope.py).
REDUCE_SIDE = (
    "graph",
    "views",
    "build/__init__.py",
    "build/article_parts.py",
    "build/executors.py",
    "build/reduce.py",
    "build/run.py",
    "build/staging.py",
    "build/unchanged.py",
    "build/watch.py",
    "__main__.py",
    "cli.py",
    "console.py",
    "export.py",
    "pipeline.py",
    "query.py",
    "remote.py",
    "report.py",
    "stats.py",
    "train.py",
    "learn/train.py",
    "vocab.py",
)
# The reduce's code that makes an article's part (kg.graph.parts): its rows and triples. The rest of
# the reduce side (the views, the commands) reads only the finished build.
PARTS_SIDE = ("graph", "build/article_parts.py", "build/reduce.py", "vocab.py")
_UPSTREAM = (
    "spacy",
    "jieba",
    "jionlp",
    "cpca",
    "opencc-python-reimplemented",
    "trafilatura",
    "pyahocorasick",
)


def _digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part)  # file names
        h.update(b"\x1f")
    return h.hexdigest()


def _is_relate_code(path: Path) -> bool:
    return any(part.startswith(_RELATE_SIDE) for part in path.relative_to(_PACKAGE).parts)


def is_reduce_code(path: Path, sides: tuple[str, ...] = REDUCE_SIDE) -> bool:
    """A module of the package that the map step never runs (``REDUCE_SIDE``), or one of ``sides``."""
    relative = path.relative_to(_PACKAGE).as_posix()
    return any(relative == side or relative.startswith(side + "/") for side in sides)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def _hash_files(paths: list[Path], root: Path) -> str:
    return _digest(*(f"{p.relative_to(root)}:{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in paths))


def tree_digest(root: Path) -> str:
    """Names and contents of every file under ``root`` (caches of compiled code left out)."""
    return _hash_files(_files(root), root)


def model_fingerprint(model: str | None) -> str:
    """What the NER ``model`` is (None: the shipped one): its files, or its package's version."""
    if model is None:
        return tree_digest(_MODEL)
    path = Path(model)
    if path.is_dir():
        return _digest(model, _hash_files([p for p in _files(path) if p.stat().st_size < 50_000_000], path))
    try:
        return _digest(model, metadata.version(model))
    except metadata.PackageNotFoundError:
        return _digest(model)


@dataclass(frozen=True)
class Fingerprints:
    """What a cached record depends on, one hash per kind of entry."""

    read: str
    entities: str
    relations: str
    parts: str


def fingerprints(model: str | None = None) -> Fingerprints:
    """The fingerprints of the installed pipeline with ``model`` (None: the shipped NER)."""
    code = [p for p in _files(_PACKAGE) if p.suffix == ".py" and not p.is_relative_to(_DATA)]
    reduce_code = [p for p in code if is_reduce_code(p)]
    relate_code = [p for p in code if _is_relate_code(p) and p not in reduce_code]
    other_code = [p for p in code if p not in relate_code and p not in reduce_code]
    data = [p for p in _files(_DATA) if not p.is_relative_to(_MODEL) and p.suffix != ".py"]
    other_text = "\n".join(p.read_text(encoding="utf-8") for p in other_code)
    relate_text = "\n".join(p.read_text(encoding="utf-8") for p in relate_code)
    reduce_text = "\n".join(p.read_text(encoding="utf-8") for p in reduce_code)
    other_data = [p for p in data if p.name in other_text]
    # named by relate's code, or by no code at all (kept, to be safe); not the views' own data
    relate_data = [
        p for p in data if p not in other_data and (p.name in relate_text or p.name not in reduce_text)
    ]
    versions = installed_versions(_UPSTREAM)
    read = _digest(  # the Python version too: the entries are in its marshal format
        kg.__version__,
        sys.version,
        *versions,
        _hash_files(other_code, _PACKAGE),
        _hash_files(other_data, _DATA),
    )
    entities = _digest(read, model_fingerprint(model))
    relations = _digest(entities, _hash_files(relate_code, _PACKAGE), _hash_files(relate_data, _DATA))
    parts_code = [p for p in code if is_reduce_code(p, PARTS_SIDE)]
    ontology = tree_digest(Path(str(files("kg.ontology"))))
    parts = _digest(relations, _hash_files(parts_code, _PACKAGE), ontology)
    return Fingerprints(read=read, entities=entities, relations=relations, parts=parts)


def article_key(article: Any) -> str:
    """An article's content key: its text and every metadata field the stages read."""
    fields = (article.text, article.title, article.date, article.source, article.url)
    return _digest(json.dumps(fields, ensure_ascii=False))


def article_row(article: Any) -> str:
    """The article's line in articles.jsonl."""
    return json.dumps(article.to_dict(), ensure_ascii=False) + "\n"


def part_key(row: str) -> str:
    """The key of an article's reduce part: its line in articles.jsonl (every field, its id too)."""
    return _digest(row)


def file_key(data: bytes, name: str) -> str:
    """An input file's key: its bytes and its name (the article id comes from the name)."""
    return _digest(data, name)


class Cache:
    """Entries under ``root/KIND/FINGERPRINT/KEY[:2]/KEY.marshal``, in marshal's format: a build
    with few new articles reads an entry or two for each of the others, and marshal reads them
    several times faster than JSON did (a part holds its rows as strings, which JSON escaped
    again). The format is the Python version's, which is in every fingerprint."""

    def __init__(self, root: Path, prints: Fingerprints) -> None:
        self.root = Path(root)
        self.prints = prints

    def _path(self, kind: str, key: str) -> Path:
        fingerprint = getattr(self.prints, kind)[:16]
        return self.root / kind / fingerprint / key[:2] / f"{key}.marshal"

    def get(self, kind: str, key: str) -> Any | None:
        try:
            return marshal.loads(self._path(kind, key).read_bytes())
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def has(self, kind: str, key: str) -> bool:
        """Whether an entry is there (not read: a damaged one is found out by ``get``)."""
        return self._path(kind, key).is_file()

    def put(self, kind: str, key: str, value: Any) -> None:
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(value))
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
