"""Train and evaluate the shipped statistical NER on CLUENER2020 plus our own domain examples.

The model is trained on all ten CLUENER labels (so its dev figures compare with published ones)
and mapped onto ours at run time by :mod:`kg.nlp`. The training config is data
(``kg/data/ner.cfg``); spaCy's train API runs it, seeded, so ``kg train`` reproduces the model.

Model selection (spaCy's "best" checkpoint) uses a slice held out of CLUENER *train*, never the
CLUENER dev set, so the dev figures that ``kg train --evaluate-only`` prints are not tuned on.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.io import data_path

CLUENER_LABELS: tuple[str, ...] = (
    "address",
    "book",
    "company",
    "game",
    "government",
    "movie",
    "name",
    "organization",
    "position",
    "scene",
)
# Sentences of CLUENER train kept aside for spaCy's checkpoint selection.
HELD_OUT_SENTENCES = 600
HELD_OUT_SEED = 2020
# Domain examples are few beside CLUENER's 10,748 sentences; they are repeated so that the
# field's constructions (suffix-less enterprises in enumerations, 结对 sentences) weigh enough.
DOMAIN_REPEAT = 3

Span = tuple[int, int, str]  # start, end (exclusive), label
Example = tuple[str, list[Span]]


def default_config_path() -> Path:
    return data_path("ner.cfg")


def default_domain_path() -> Path:
    return data_path("ner_domain_examples.jsonl")


def read_cluener(path: str | Path) -> list[Example]:
    """CLUENER JSON lines → (text, spans) with end-exclusive offsets.

    The surface in the file is checked against the text, so a bad line fails loudly here rather
    than training on shifted spans.
    """
    examples: list[Example] = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text: str = row["text"]
            spans: list[Span] = []
            for label, surfaces in (row.get("label") or {}).items():
                for surface, offsets in surfaces.items():
                    for start, end_inclusive in offsets:
                        if text[start : end_inclusive + 1] != surface:
                            raise ValueError(f"{path}:{number}: {surface!r} is not at {start}")
                        spans.append((start, end_inclusive + 1, label))
            examples.append((text, sorted(set(spans))))
    return examples


@dataclass
class LabelScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluation:
    """Exact-span scores (start, end and label must all match), overall and per label."""

    overall: LabelScore = field(default_factory=LabelScore)
    per_label: dict[str, LabelScore] = field(default_factory=dict)
    sentences: int = 0
    seconds: float = 0.0

    def table(self) -> str:
        lines = [f"{'label':<14}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}"]
        for label in sorted(self.per_label):
            s = self.per_label[label]
            lines.append(f"{label:<14}{s.precision:8.4f}{s.recall:8.4f}{s.f1:8.4f}{s.tp + s.fn:7d}")
        o = self.overall
        lines.append(f"{'overall':<14}{o.precision:8.4f}{o.recall:8.4f}{o.f1:8.4f}{o.tp + o.fn:7d}")
        return "\n".join(lines)


def score_spans(gold: Iterable[Sequence[Span]], predicted: Iterable[Sequence[Span]]) -> Evaluation:
    evaluation = Evaluation()
    for gold_spans, predicted_spans in zip(gold, predicted, strict=True):
        evaluation.sentences += 1
        g, p = set(gold_spans), set(predicted_spans)
        for span in g | p:
            score = evaluation.per_label.setdefault(span[2], LabelScore())
            if span in g and span in p:
                score.tp += 1
                evaluation.overall.tp += 1
            elif span in p:
                score.fp += 1
                evaluation.overall.fp += 1
            else:
                score.fn += 1
                evaluation.overall.fn += 1
    return evaluation


def evaluate(nlp, examples: Sequence[Example]) -> Evaluation:  # noqa: ANN001 (spacy.Language)
    """Run only the statistical NER (raw CLUENER labels, no rules, no gating) on whole sentences."""
    statistical = [name for name in nlp.pipe_names if name in ("tok2vec", "ner")]
    started = time.perf_counter()
    predicted: list[list[Span]] = []
    with nlp.select_pipes(enable=statistical):
        for doc in nlp.pipe((text for text, _ in examples), batch_size=256):
            predicted.append([(e.start_char, e.end_char, e.label_) for e in doc.ents])
    evaluation = score_spans((spans for _, spans in examples), predicted)
    evaluation.seconds = time.perf_counter() - started
    return evaluation


def to_docbin(nlp, examples: Sequence[Example], alignment_mode: str = "strict"):  # noqa: ANN001
    """Examples → spaCy DocBin. Spans that do not align with tokens (possible with a word
    segmenter, never with one token per character) are expanded or, in strict mode, their
    tokens are marked missing so that they teach neither an entity nor its absence."""
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    docbin = DocBin(store_user_data=False)
    misaligned = 0
    for text, spans in examples:
        doc = nlp.make_doc(text)
        ents = []
        missing: list[tuple[int, int]] = []
        for start, end, label in spans:
            span = doc.char_span(start, end, label=label, alignment_mode=alignment_mode)
            if span is None:
                misaligned += 1
                wide = doc.char_span(start, end, alignment_mode="expand")
                if wide is not None:
                    missing.append((wide.start, wide.end))
                continue
            ents.append(span)
        kept = filter_spans(ents)
        blocked = filter_spans(
            [doc[s:e] for s, e in missing if not any(k.start < e and s < k.end for k in kept)]
        )
        doc.set_ents(kept, missing=blocked, default="outside")
        docbin.add(doc)
    docbin.misaligned = misaligned  # type: ignore[attr-defined]
    return docbin


def split_held_out(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """A seeded slice of train for checkpoint selection (at most a fifth of a small corpus)."""
    order = list(range(len(examples)))
    random.Random(HELD_OUT_SEED).shuffle(order)
    held = set(order[: min(HELD_OUT_SENTENCES, len(examples) // 5)])
    train = [ex for i, ex in enumerate(examples) if i not in held]
    held_out = [ex for i, ex in enumerate(examples) if i in held]
    return train, held_out


class TrainInputError(ValueError):
    """The data folder or the output a command needs is missing (``kg train --data … --out …``)."""


@dataclass
class TrainResult:
    out: Path
    seconds: float
    train_sentences: int
    domain_sentences: int
    misaligned: int
    dev: Evaluation | None

    def summary(self) -> str:
        """What a training run did, in one line."""
        return (
            f"trained on {self.train_sentences} sentences ({self.domain_sentences} domain examples, "
            f"repeated {DOMAIN_REPEAT}×) in {self.seconds / 60:.1f} min; "
            f"{self.misaligned} spans did not align with words; wrote {self.out}"
        )


def evaluate_on_dev(data_dir: str | Path, model: str | Path | None = None) -> tuple[Path, Evaluation]:
    """Score a trained NER (default: the shipped one) on ``data_dir``/dev.jsonl, exact spans;
    returns the model's path and the scores."""
    import spacy

    from kg.nlp import model_path

    dev = Path(data_dir) / "dev.jsonl"
    if not dev.is_file():
        raise TrainInputError(f"{dev} not found (--data)")
    path = Path(model) if model else model_path()
    return path, evaluate(spacy.load(path), read_cluener(dev))


def train_model(
    data_dir: str | Path,
    out: str | Path,
    config_path: str | Path | None = None,
    domain_path: str | Path | None = None,
    overrides: dict[str, object] | None = None,
    work_dir: str | Path | None = None,
    max_steps: int | None = None,
) -> TrainResult:
    """Train the NER on ``data_dir``/train.jsonl (+ domain examples) and write the pipeline to ``out``.

    ``out`` receives spaCy's best checkpoint (chosen on the held-out slice of train), then it is
    evaluated on ``data_dir``/dev.jsonl when that file exists; those figures go into its
    meta.json as ``kg_cluener_dev`` (spaCy's own ``performance`` there is the held-out slice).
    ``max_steps`` cuts training short (smoke tests); the shipped model uses the config's.
    """
    import spacy
    from spacy.cli.train import train as spacy_train

    data = Path(data_dir)
    if not (data / "train.jsonl").is_file():
        raise TrainInputError(f"{data} holds no train.jsonl (--data)")
    config = Path(config_path) if config_path else default_config_path()
    domain = Path(domain_path) if domain_path else default_domain_path()
    overrides = dict(overrides or {})
    if max_steps is not None:
        frequency = int(spacy.util.load_config(config)["training"]["eval_frequency"])
        overrides.update(
            {"training.max_steps": max_steps, "training.eval_frequency": min(frequency, max_steps)}
        )
    train_examples, held_out = split_held_out(read_cluener(data / "train.jsonl"))
    domain_examples = read_cluener(domain) if domain.exists() else []
    train_examples = train_examples + domain_examples * DOMAIN_REPEAT

    configured = spacy.util.load_config(config)["nlp"]["tokenizer"].get("segmenter", "char")
    segmenter = str(overrides.get("nlp.tokenizer.segmenter", configured))
    tokenizer_nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": segmenter}}})
    temp = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="kg-train-"))
    temp.mkdir(parents=True, exist_ok=True)
    train_bin = to_docbin(tokenizer_nlp, train_examples)
    held_bin = to_docbin(tokenizer_nlp, held_out)
    train_bin.to_disk(temp / "train.spacy")
    held_bin.to_disk(temp / "held_out.spacy")
    overrides.update({"paths.train": str(temp / "train.spacy"), "paths.dev": str(temp / "held_out.spacy")})

    started = time.perf_counter()
    spacy_train(config, temp / "output", overrides=overrides)
    seconds = time.perf_counter() - started

    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(temp / "output" / "model-best", out)
    dev_path = data / "dev.jsonl"
    dev = evaluate(spacy.load(out), read_cluener(dev_path)) if dev_path.exists() else None
    if dev is not None:
        record_dev_scores(out, dev, seconds)
    if not work_dir:
        shutil.rmtree(temp, ignore_errors=True)
    return TrainResult(
        out=out,
        seconds=seconds,
        train_sentences=len(train_examples),
        domain_sentences=len(domain_examples),
        misaligned=train_bin.misaligned + held_bin.misaligned,
        dev=dev,
    )


def record_dev_scores(model_dir: Path, dev: Evaluation, train_seconds: float) -> None:
    """Keep the CLUENER dev figures (and the training time) beside spaCy's held-out ones."""
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))

    def figures(score: LabelScore) -> dict[str, float]:
        return {"p": round(score.precision, 4), "r": round(score.recall, 4), "f": round(score.f1, 4)}

    meta["kg_cluener_dev"] = {
        "note": "exact-span scores on CLUENER2020 dev; 'performance' above is the held-out slice of train",
        "sentences": dev.sentences,
        "overall": figures(dev.overall),
        "per_label": {label: figures(s) for label, s in sorted(dev.per_label.items())},
        "train_seconds": round(train_seconds),
    }
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def label_counts(examples: Iterable[Example]) -> Counter[str]:
    return Counter(label for _, spans in examples for _, _, label in spans)
