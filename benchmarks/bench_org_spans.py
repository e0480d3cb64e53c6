"""Organisation spans, measured where the helper organisations are decided.

Run: .venv/bin/python benchmarks/bench_org_spans.py [--cluener ../shared/data/cluener/dev.jsonl]
         [--build OUT GOLD ...]

Prints

* on CLUENER dev (company, organization and government read as one ORG label, exact spans): the
  statistical NER alone and the whole entity stage (gazetteer, patterns, NER on every sentence,
  merge), precision, recall, F1 and sentences per second;
* for each ``--build OUT GOLD`` (a ``kg build`` output folder and the gold file of its articles,
  e.g. a dev set's): how many of the gold's required helper organisations the build holds as an
  ORG mention (its text or its linked name; names compared like the scorer does: the same once
  spaces, brackets and dashes go, or one inside the other from three characters), how many of them
  only the link stage's short forms and list mates hold, and how many distinct ORG names there are.

The second figure is the one that decides whether a stronger organisation signal (more NER
training, another tagger) can pay off: a helper organisation that is no mention cannot be found by
any relation rule, one that is a mention is lost or won by the rules after it.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import spacy

from kg.nlp.lexicon import model_path
from kg.nlp.pipeline import load_pipeline, run_pipeline
from kg.records import Article, Sentence
from kg.train import read_cluener, score_spans

ROOT = Path(__file__).resolve().parents[1]
ORG_LABELS = {"company", "organization", "government"}
LINK_SOURCES = {"short-form", "list-mate"}
Spans = list[tuple[int, int, str]]


def org_key(name: str) -> str:
    return re.sub(r"[\s()（）·\-—\"“”]", "", unicodedata.normalize("NFKC", name or ""))


def same_org(gold: str, found: str) -> bool:
    a, b = org_key(gold), org_key(found)
    if len(a) < 2 or len(b) < 2:
        return False
    return a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a))


def timed(run: Callable[[str], list[tuple[int, int]]], texts: Sequence[str]) -> tuple[list[Spans], float]:
    started = time.perf_counter()
    found = [[(s, e, "ORG") for s, e in run(t)] for t in texts]
    return found, time.perf_counter() - started


def report(name: str, gold: Iterable[Spans], found: list[Spans], seconds: float) -> None:
    o = score_spans(gold, found).overall
    speed = len(found) / seconds
    print(f"{name:<10} P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}  {speed:6.0f} sent/s")


def cluener(path: str) -> None:
    examples = read_cluener(path)
    texts = [t for t, _ in examples]
    gold = [[(s, e, "ORG") for s, e, label in spans if label in ORG_LABELS] for _, spans in examples]
    ner = spacy.load(model_path())
    stage = load_pipeline(all_sentences=True)

    def ner_run(text: str) -> list[tuple[int, int]]:
        return [(e.start_char, e.end_char) for e in ner(text).ents if e.label_ in ORG_LABELS]

    def stage_run(text: str) -> list[tuple[int, int]]:
        doc = run_pipeline(stage, Article(id="b", text=text, sentences=[Sentence(0, len(text))]))
        return [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ORG"]

    print(f"CLUENER dev, {len(texts)} sentences, company/organization/government as ORG, exact spans")
    report("ner", gold, *timed(ner_run, texts))
    report("stage", gold, *timed(stage_run, texts))


def helper_spans(out: Path, gold_path: Path) -> None:
    names: dict[str, dict[str, set[str]]] = {}
    for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("label") == "ORG":
            held = names.setdefault(row["article_id"], {})
            for name in {row.get("text"), row.get("name")} - {None, ""}:
                held.setdefault(name, set()).add(row.get("source") or "ner")
    total = found = by_link = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        held = names.get(doc["doc"], {})
        for org in doc.get("helper_orgs", []):
            if org.get("optional"):
                continue
            total += 1
            sources = {s for name, found_by in held.items() if same_org(org["name"], name) for s in found_by}
            found += bool(sources)
            by_link += bool(sources) and sources <= LINK_SOURCES
    distinct = sum(len(v) for v in names.values())
    share = found / total if total else 0.0
    print(
        f"{out}: {found}/{total} gold helper organisations held as ORG mentions ({share:.2f}), "
        f"{by_link} only by short forms or list mates; {distinct} distinct ORG names"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cluener", default=str(ROOT.parent / "shared/data/cluener/dev.jsonl"))
    ap.add_argument("--build", nargs=2, action="append", default=[], metavar=("OUT", "GOLD"))
    ap.add_argument("--no-cluener", action="store_true", help="only the builds")
    args = ap.parse_args()
    if not args.no_cluener:
        cluener(args.cluener)
    for out, gold in args.build:
        helper_spans(Path(out), Path(gold))


if __name__ == "__main__":
    main()
