"""Training a learned reader on annotated sets (``kg learn``): candidates and labels from every
document of every set, leave-one-set-out figures, then one model fitted on all of them.

A set is a folder holding ``docs/`` (the articles) and ``gold.jsonl``. The documents go through
the map step up to the relation rules, exactly as in a build; the reader's candidates are then
taken from the same context its ``apply`` sees at run time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.learn.gold import GoldDoc, read_gold
from kg.learn.linear import (
    LinearModel,
    best_threshold,
    cross_validated,
    f1,
    figures,
    fit_logistic,
    precision_recall,
)
from kg.learn.tasks import Candidate, Reader, reader_for


class TrainInputError(ValueError):
    """A set folder without docs/ or gold.jsonl, or no candidates at all."""


@dataclass
class Example:
    group: str  # the set's folder name
    doc: str
    candidate: Candidate
    label: bool


def _set_files(folder: Path) -> tuple[list[Path], dict[str, GoldDoc]]:
    docs, gold = folder / "docs", folder / "gold.jsonl"
    if not docs.is_dir() or not gold.is_file():
        raise TrainInputError(f"{folder}: a set needs docs/ and gold.jsonl")
    return sorted(p for p in docs.iterdir() if p.is_file()), read_gold(gold)


def rule_contexts(paths: Sequence[Path], model: str | None = None) -> list[tuple[str, Any]]:
    """(document name, relate context after the rules) for every article of ``paths``."""
    from kg.build.bound import relations_bounded
    from kg.build.worker import BuildConfig, stages_for
    from kg.ingest.read import read_file
    from kg.relate import rule_context

    stages = stages_for(BuildConfig(model=model))  # loaded once per process, not once per set
    articles = [a for p in paths for a in read_file(p).articles]
    out: list[tuple[str, Any]] = []
    for article, mentions in zip(articles, stages.entities(articles), strict=True):
        contexts: list[Any] = []

        def capture(view: Any, pieces: list[Any], into: list[Any] = contexts) -> list[Any]:
            into.append(rule_context(view, pieces))
            return []

        relations_bounded(article, mentions, capture)
        if contexts:
            out.append((Path(article.path or article.id).stem, contexts[0]))
    return out


def collect(
    reader: Reader, sets: Sequence[Path], model: str | None = None, progress: Callable[[str], None] = print
) -> tuple[list[Example], int]:
    """Labelled candidates of every set (unsure ones left out) and how many were left out."""
    examples: list[Example] = []
    unsure = 0
    for folder in sets:
        paths, gold = _set_files(folder)
        progress(f"{folder.name}: {len(paths)} documents")
        for doc, ctx in rule_contexts(paths, model):
            truth = gold.get(doc) or GoldDoc(doc)
            for candidate in reader.candidates(ctx):
                label = reader.label(candidate, truth)
                if label is None:
                    unsure += 1
                else:
                    examples.append(Example(folder.name, doc, candidate, label))
    return examples, unsure


def train(
    task: str,
    sets: Sequence[Path],
    out: Path,
    module: str | None = None,
    l2: float = 1.0,
    min_count: int = 2,
    model: str | None = None,
    progress: Callable[[str], None] = print,
) -> LinearModel:
    """Fit ``task``'s reader on ``sets``, report leave-one-set-out figures, save to ``out``."""
    reader = reader_for(task, module)
    module = module or type(reader).__module__
    examples, unsure = collect(reader, sets, model, progress)
    if not examples or not any(e.label for e in examples):
        raise TrainInputError(f"{task}: no positive candidates in the sets")
    features = [e.candidate.features for e in examples]
    labels = [e.label for e in examples]
    groups = [e.group for e in examples]
    cv = cross_validated(features, labels, groups, l2, min_count=min_count)
    threshold = best_threshold(cv, labels)
    summary: dict[str, Any] = {"threshold": round(threshold, 6), "sets": {}}
    for group in sorted(set(groups)):
        idx = [i for i, g in enumerate(groups) if g == group]
        tp, fp, fn = precision_recall([cv[i] for i in idx], [labels[i] for i in idx], threshold)
        summary["sets"][group] = figures(tp, fp, fn)
        progress(f"  left out {group}: tp {tp} fp {fp} fn {fn}  F1 {f1(tp, fp, fn):.3f}")
    tp, fp, fn = precision_recall(cv, labels, threshold)
    summary["all"] = figures(tp, fp, fn)
    progress(f"  all sets (candidates, leave one set out): tp {tp} fp {fp} fn {fn}  F1 {f1(tp, fp, fn):.3f}")
    settings: dict[str, float] = {}
    settle = getattr(reader, "settle", None)
    if settle is not None:  # the reader chooses how its verdict meets the rules' (add, veto)
        threshold, settings, policy = settle(examples, cv)
        summary["policy"] = policy
        for line in policy.get("lines") or [f"policy (leave one set out): {policy}"]:
            progress(f"  {line}")
    names, weights, bias = fit_logistic(features, labels, l2, min_count=min_count)
    fitted = LinearModel(
        task=task,
        module=module,
        features=names,
        weights=weights,
        bias=bias,
        threshold=threshold,
        settings=settings,
        trained_on={
            "sets": [folder.name for folder in sets],
            "documents": len({(e.group, e.doc) for e in examples}),
            "positives": sum(labels),
            "negatives": len(labels) - sum(labels),
            "unsure": unsure,
            "l2": l2,
            "min_count": min_count,
            "date": dt.date.today().isoformat(),
        },
        cross_validation=summary,
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    fitted.save(out)
    progress(f"saved {out} ({len(names)} features, threshold {threshold:.3f})")
    return fitted
