"""The registry of learned readers and the loading of their model files.

A reader is a class registered under its task name (``@register_task("pairs", order=10)``) with

* ``candidates(ctx) -> list[Candidate]`` — what it scores in one article, after the rules ran
  (``ctx`` is the relate stage's :class:`~kg.relate.context.ArticleContext`); the same call at
  training and at run time, so the features cannot drift;
* ``label(candidate, gold) -> bool | None`` — the candidate's truth under a
  :class:`~kg.learn.gold.GoldDoc` (None: it matches only an optional row);
* ``apply(ctx, model) -> None`` — act on the article: add what the model accepts, veto what it
  rejects;
* optionally ``settle(examples, probabilities) -> (threshold, settings, policy)`` — how the
  model's verdict meets the rules' (an adding threshold, a veto in ``settings``), chosen from the
  leave-one-set-out probabilities of the training examples (``kg.learn.train.Example``); without
  it the threshold is the one of the best F1 over the candidates. A reader that decides per
  article rather than per candidate (one organisation over its places) does its own figures
  here; ``policy["lines"]``, if given, are printed instead of the whole dict.

A model file ``kg/data/models/*.json`` names its task and the module that registers it; a reader
runs when its model file is there, in the order its registration gives (pairings before the
families that lean on them). Adding a reader is adding a module and a model file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

from kg.learn.gold import GoldDoc
from kg.learn.linear import LinearModel, ModelFileError

MODELS = Path(str(files("kg"))) / "data" / "models"


@dataclass
class Candidate:
    """One thing a reader scores: the item (its own type) and its features."""

    item: Any
    features: dict[str, float] = field(default_factory=dict)


class Reader(Protocol):
    name: str
    order: int

    def candidates(self, ctx: Any) -> list[Candidate]: ...

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None: ...

    def apply(self, ctx: Any, model: LinearModel) -> None: ...


_TASKS: dict[str, type] = {}


def register_task(name: str, order: int = 50) -> Callable[[type], type]:
    """Register a reader class under ``name``; readers run by ``order`` (then name)."""

    def register(cls: type) -> type:
        if name in _TASKS and _TASKS[name] is not cls:
            raise ValueError(f"a learned reader '{name}' is registered twice")
        cls.name, cls.order = name, order
        _TASKS[name] = cls
        return cls

    return register


def reader_for(name: str, module: str | None = None) -> Reader:
    """A new instance of the reader registered as ``name`` (importing ``module`` first)."""
    if module:
        importlib.import_module(module)
    if name not in _TASKS:
        known = ", ".join(sorted(_TASKS)) or "none"
        raise KeyError(f"no learned reader '{name}' is registered (known: {known})")
    return _TASKS[name]()


def load_readers(folder: Path = MODELS) -> list[tuple[Reader, LinearModel]]:
    """Every reader whose model file is in ``folder``, with its model, in running order."""
    found: list[tuple[Reader, LinearModel]] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        model = LinearModel.load(path)
        try:
            found.append((reader_for(model.task, model.module), model))
        except (ImportError, KeyError) as exc:
            raise ModelFileError(f"{path}: {exc}") from exc
    return sorted(found, key=lambda pair: (pair[0].order, pair[0].name))


@cache
def installed_readers() -> tuple[tuple[Reader, LinearModel], ...]:
    """The readers of the shipped model files, loaded once per process."""
    return tuple(load_readers(MODELS))
