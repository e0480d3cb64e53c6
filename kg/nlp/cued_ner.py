"""``kg_cued_ner``: the statistical NER, in a pipeline of its own (jieba words), run only on the
sentences that hold a cue word (``kg/data/patterns/ner_cues.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

from kg.jieba_dict import initialize_jieba
from kg.nlp.doc import NER_KEY, SENTENCES_KEY, doc_text
from kg.nlp.lexicon import model_path, ner_cues
from kg.nlp.tokenizer import linear_tokenizer
from kg.punctuation import SENTENCE

BATCH = 256  # NER sentences per batch (a seeds-like article has ~10 cue sentences)


class CuedNER:
    """Runs the NER pipeline on the sentences holding a cue word; writes ``doc.spans[NER_KEY]``.

    ``all_sentences`` runs it everywhere (for comparison; the benchmark measures both)."""

    def __init__(self, ner_nlp: Language, cues: Sequence[str], all_sentences: bool = False) -> None:
        self.ner_nlp = ner_nlp
        self.cue = re.compile("|".join(re.escape(c) for c in cues)) if cues else None
        self.all_sentences = all_sentences

    def sentences(self, doc: Doc) -> list[tuple[int, int]]:
        known = doc.user_data.get(SENTENCES_KEY)
        if known:
            return [(int(s), int(e)) for s, e in known]
        return [m.span() for m in SENTENCE.finditer(doc_text(doc))]

    def chosen(self, doc: Doc) -> list[tuple[int, int]]:
        text = doc_text(doc)
        return [
            (s, e)
            for s, e in self.sentences(doc)
            if e > s and (self.all_sentences or (self.cue is not None and self.cue.search(text, s, e)))
        ]

    def __call__(self, doc: Doc) -> Doc:
        return self.annotate([doc])[0]

    def annotate(self, docs: Sequence[Doc]) -> Sequence[Doc]:
        """The cue sentences of all ``docs`` through the NER in one ``pipe`` (batches of
        ``BATCH`` sentences, across articles): the NER's output for a sentence does not depend
        on the batch it is in (checked on the seeds and dev sets), only the cost per batch does."""
        chosen = [(doc, doc_text(doc), s, e) for doc in docs for s, e in self.chosen(doc)]
        found: dict[int, list[Span]] = {id(doc): [] for doc in docs}
        with threadpool_limits(limits=1, user_api="blas"):
            sentences = self.ner_nlp.pipe((text[s:e] for _, text, s, e in chosen), batch_size=BATCH)
            for (doc, _, offset, _), sentence in zip(chosen, sentences, strict=True):
                for ent in sentence.ents:
                    span = doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_,
                                         alignment_mode="contract")  # fmt: skip
                    if span is not None and len(span):
                        found[id(doc)].append(span)
        for doc in docs:
            doc.spans[NER_KEY] = found[id(doc)]
        return docs


@Language.factory("kg_cued_ner", default_config={"model": None, "cues": None, "all_sentences": False})
def make_cued_ner(
    nlp: Language, name: str, model: str | None, cues: list[str] | None, all_sentences: bool
) -> CuedNER:
    ner_nlp = _load_statistical(model or str(model_path()))
    return CuedNER(ner_nlp, ner_cues() if cues is None else cues, all_sentences)


@cache
def _load_statistical(path: str) -> Language:
    initialize_jieba()  # its tokenizer segments with jieba: its dictionary read from the user cache
    ner_nlp = spacy.load(path)
    ner_nlp.tokenizer = linear_tokenizer(ner_nlp.tokenizer)
    # The tok2vec's matrix products are most of the NER's time: numpy's BLAS (OpenBLAS) does them
    # in a third of blis's CPU time on one thread (annotate keeps it to one: with a thread per core
    # its threads spin and cost more CPU, and a pool's workers already use every core).
    ops = NumpyOps(use_blis=False)
    for _, pipe in ner_nlp.pipeline:
        for node in pipe.model.walk():
            node.ops = ops
    return ner_nlp
