"""The nlp stage: a spaCy ``zh`` pipeline that finds places, organisations, projects, money and dates.

Modules: :mod:`~kg.nlp.pipeline` (loading ours or an installed pipeline, running it over
articles), :mod:`~kg.nlp.rules` (the gazetteer and pattern rulers), :mod:`~kg.nlp.patterns`
(the entity patterns, read and checked against their schema), :mod:`~kg.nlp.cued_ner` (the
statistical NER on cue sentences), :mod:`~kg.nlp.merge` (label mapping and the merge of rules
and NER), :mod:`~kg.nlp.lexicon` (the word lists), :mod:`~kg.nlp.words` (jieba word edges),
:mod:`~kg.nlp.doc` (what the components share on a Doc). Components are registered with spaCy
by name (``kg_patterns``, ``kg_cued_ner``, ``kg_entities``) when :mod:`~kg.nlp.pipeline` is imported.

Our pipeline (``load_pipeline()``)::

    tokenizer        one token per character
    kg_gazetteer     every gazetteer surface form (provinces … towns) as PLACE: one Aho–Corasick
                     automaton over the tokens (kg/nlp/place_ruler.py; compiled once, kept in the
                     user cache directory), the same spans as a span_ruler of ~43,000 phrase
                     patterns, which took longer to load than all else
    kg_patterns      regular expressions kept as data (kg/data/patterns/entity_patterns.jsonl):
                     MONEY, DATE, PROJECT, ORG shapes (suffixes, government bodies right after a
                     place, enumerations of suffix-less enterprises before 等企业)
    kg_cued_ner      the statistical NER shipped in kg/data/model (jieba words → tok2vec → ner,
                     trained on CLUENER2020 plus our domain examples by kg/train.py), run only on
                     the sentences that hold a cue word (kg/data/patterns/ner_cues.txt)
    kg_entities      maps the NER's labels onto ours and merges them with the rule spans into
                     ``doc.ents`` (see :func:`merge_spans`)

Each entity in ``doc.ents`` carries its source (ner|gazetteer|pattern) in ``kb_id_`` and, for ORG,
its subtype in ``id_`` (for gazetteer places: the level(s) of the surface form).

Measured choices (figures from the runs described in the README):

* Two tokenisations. The rules work on characters: every gazetteer name and pattern match aligns,
  and a character Doc is made at ~570k chars/s. The NER works on jieba words: against one token
  per character it learned far faster on CLUENER (held-out F1 0.65 after 2,000 steps against
  0.46; with the jieba word as a character feature 0.42), and it runs over 1.8× fewer tokens.
  Its price: 4.0% of CLUENER's spans cut through a jieba word and cannot be predicted exactly
  (they are marked missing in training and count as misses on dev). Each NER sentence is a Doc
  of its own, so its spans map back onto the character Doc by character offsets.
* Statistical pass where it pays: a CNN per token costs ~20× jieba; places, money and dates come
  from the rules on every sentence, and the NER runs only where organisations get named without
  a suffix the patterns know (企业, 公司, 引进, 捐 …: the cue list is data). On ~1 MB
  (benchmarks/bench_entities.py, 2 busy cores) the stage takes 2–3.5× jieba's time on CLUENER
  text and ~5.5× on the seeds; with the NER on every sentence 12–18×.
* The shipped NER scores P 0.707 R 0.648 F1 0.676 on CLUENER dev (exact spans, all ten labels;
  ``kg train --evaluate-only``); ``kg train`` reproduces it (seeded, deterministic on CPU).
"""

from __future__ import annotations

import importlib
from typing import Any

# Each name and the module that holds it, imported when first asked for: spaCy takes a second
# to import, and a build whose articles all come from the cache (or ``kg build --help``) never
# needs it — ``from kg.nlp import ModelNotFound`` must not load it.
_EXPORTS = {
    "NER_KEY": "kg.nlp.doc",
    "EntityMerger": "kg.nlp.merge",
    "ModelNotFound": "kg.nlp.errors",
    "PatternError": "kg.nlp.patterns",
    "find_mentions": "kg.nlp.pipeline",
    "mentions_in_order": "kg.nlp.pipeline",
    "find_pattern_spans": "kg.nlp.patterns",
    "is_phrase_not_name": "kg.nlp.lexicon",
    "iter_entities": "kg.nlp.pipeline",
    "label_map": "kg.nlp.lexicon",
    "load_patterns": "kg.nlp.patterns",
    "load_pipeline": "kg.nlp.pipeline",
    "model_path": "kg.nlp.lexicon",
    "run_pipeline": "kg.nlp.pipeline",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
