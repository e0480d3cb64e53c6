"""A logistic-regression model over named features, fitted with numpy, stored as JSON.

Why so small: the candidates are few per article and the features mostly yes/no, so a dot
product over a dict is all the run time needs, and the weights stay readable (a reviewer can see
that ``rule_fired`` weighs more than ``distance_far``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

SCHEMA = "shanhai-kg/linear-model/1"

Example = Mapping[str, float]


class ModelFileError(ValueError):
    """A model file that does not follow the schema."""


@dataclass
class LinearModel:
    """Weights per feature name; ``probability`` of a candidate is sigmoid(bias + Σ w·x)."""

    task: str  # the registered task it scores (kg.learn.tasks)
    module: str  # the module that registers that task, imported when the model is loaded
    features: list[str]
    weights: list[float]
    bias: float
    threshold: float  # accept at or above
    settings: dict[str, float] = field(default_factory=dict)  # the task's other cut-offs (e.g. a veto)
    trained_on: dict[str, Any] = field(default_factory=dict)  # sets, pages, positives, negatives, date
    cross_validation: dict[str, Any] = field(default_factory=dict)  # leave-one-set-out figures

    def __post_init__(self) -> None:
        if len(self.features) != len(self.weights):
            raise ModelFileError(f"{self.task}: {len(self.features)} features, {len(self.weights)} weights")
        self._index = dict(zip(self.features, self.weights, strict=True))

    def margin(self, example: Example) -> float:
        index = self._index
        return self.bias + sum(index.get(name, 0.0) * value for name, value in example.items())

    def probability(self, example: Example) -> float:
        return _sigmoid(self.margin(example))

    def accepts(self, example: Example) -> bool:
        return self.probability(example) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "task": self.task,
            "module": self.module,
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 6),
            "settings": self.settings,
            "weights": {n: round(w, 6) for n, w in sorted(zip(self.features, self.weights, strict=True))},
            "trained_on": self.trained_on,
            "cross_validation": self.cross_validation,
        }

    def save(self, path: str | Path) -> None:
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=False)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], where: str = "model") -> LinearModel:
        if data.get("schema") != SCHEMA:
            raise ModelFileError(f"{where}: schema is {data.get('schema')!r}, expected {SCHEMA!r}")
        for key, kind in (("task", str), ("module", str), ("weights", dict)):
            if not isinstance(data.get(key), kind):
                raise ModelFileError(f"{where}: '{key}' missing or not a {kind.__name__}")
        weights = data["weights"]
        try:
            values = [float(w) for w in weights.values()]
            bias, threshold = float(data.get("bias", 0.0)), float(data.get("threshold", 0.5))
        except (TypeError, ValueError) as exc:
            raise ModelFileError(f"{where}: a weight, the bias or the threshold is not a number") from exc
        if not all(math.isfinite(v) for v in [*values, bias, threshold]):
            raise ModelFileError(f"{where}: a weight, the bias or the threshold is not finite")
        return cls(
            task=data["task"],
            module=data["module"],
            features=list(weights),
            weights=values,
            bias=bias,
            threshold=threshold,
            settings={k: float(v) for k, v in dict(data.get("settings") or {}).items()},
            trained_on=dict(data.get("trained_on") or {}),
            cross_validation=dict(data.get("cross_validation") or {}),
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ModelFileError(f"{path}: not JSON ({exc})") from exc
        return cls.from_dict(data, str(path))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _matrix(examples: Sequence[Example], features: Sequence[str]) -> np.ndarray:
    column = {name: j for j, name in enumerate(features)}
    x = np.zeros((len(examples), len(features)), dtype=np.float64)
    for i, example in enumerate(examples):
        for name, value in example.items():
            j = column.get(name)
            if j is not None:
                x[i, j] = value
    return x


def fit_logistic(
    examples: Sequence[Example],
    labels: Sequence[bool],
    l2: float = 1.0,
    iterations: int = 400,
    min_count: int = 1,
) -> tuple[list[str], list[float], float]:
    """Feature names, their weights and the bias minimising log-loss + l2/2·|w|² (bias free).

    Full-batch gradient descent with Nesterov momentum on the mean loss: deterministic, and
    quick for the tens of thousands of candidates and hundreds of features we have. Features
    seen on fewer than ``min_count`` examples are left out (their weight would be noise).
    """
    counts: dict[str, int] = {}
    for example in examples:
        for name, value in example.items():
            if value:
                counts[name] = counts.get(name, 0) + 1
    features = sorted(n for n, c in counts.items() if c >= min_count)
    if not examples:
        return features, [0.0] * len(features), 0.0
    x = _matrix(examples, features)
    y = np.asarray(labels, dtype=np.float64)
    n = len(y)
    w = np.zeros(x.shape[1])
    b = float(np.log((y.sum() + 0.5) / (n - y.sum() + 0.5)))
    vw, vb = np.zeros_like(w), 0.0
    momentum = 0.9
    lipschitz = 0.25 * float((x * x).sum(axis=1).max(initial=0.0) + 1.0) + l2 / n
    step = 1.0 / lipschitz
    for _ in range(iterations):
        lw, lb = w + momentum * vw, b + momentum * vb
        p = 1.0 / (1.0 + np.exp(-(x @ lw + lb)))
        gw = x.T @ (p - y) / n + (l2 / n) * lw
        gb = float((p - y).mean())
        vw = momentum * vw - step * gw
        vb = momentum * vb - step * gb
        w, b = w + vw, b + vb
    return features, [float(v) for v in w], float(b)


def probabilities(
    features: Sequence[str], weights: Sequence[float], bias: float, examples: Sequence[Example]
) -> np.ndarray:
    """The model's probability for each example (vectorised)."""
    if not examples:
        return np.zeros(0)
    x = _matrix(examples, features)
    return 1.0 / (1.0 + np.exp(-(x @ np.asarray(weights, dtype=np.float64) + bias)))


def cross_validated(
    examples: Sequence[Example], labels: Sequence[bool], groups: Sequence[str], l2: float = 1.0, **fit: Any
) -> np.ndarray:
    """Each example's probability from a model fitted on the other groups (leave one set out)."""
    out = np.zeros(len(examples))
    for group in sorted(set(groups)):
        train = [i for i, g in enumerate(groups) if g != group]
        test = [i for i, g in enumerate(groups) if g == group]
        train_x, train_y = [examples[i] for i in train], [labels[i] for i in train]
        features, weights, bias = fit_logistic(train_x, train_y, l2, **fit)
        out[test] = probabilities(features, weights, bias, [examples[i] for i in test])
    return out


def precision_recall(
    probs: Sequence[float], labels: Sequence[bool], threshold: float
) -> tuple[int, int, int]:
    """True positives, false positives and false negatives at ``threshold``."""
    tp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and y)
    fp = sum(1 for p, y in zip(probs, labels, strict=True) if p >= threshold and not y)
    fn = sum(1 for p, y in zip(probs, labels, strict=True) if p < threshold and y)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def figures(tp: int, fp: int, fn: int) -> dict[str, float]:
    """The counts and their F1 (to three places), as model files and reports record them."""
    return {"tp": tp, "fp": fp, "fn": fn, "f1": round(f1(tp, fp, fn), 3)}


def best_threshold(probs: Sequence[float], labels: Sequence[bool]) -> float:
    """The cut-off with the highest F1 (the lowest such, among the probabilities seen)."""
    best, best_f1 = 0.5, -1.0
    for t in sorted(set(round(float(p), 6) for p in probs)):
        score = f1(*precision_recall(probs, labels, t))
        if score > best_f1:
            best, best_f1 = t, score
    return best
