"""``kg_cued_ner``: the statistical NER, in a pipeline of its own (jieba words), run only on the
sentences that hold a cue word (``kg/data/patterns/ner_cues.txt``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.nlp.doc import NER_KEY, SENTENCES_KEY, doc_text
from kg.nlp.lexicon import model_path, ner_cues
from kg.punctuation import SENTENCE


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
        chosen = self.chosen(doc)
        spans: list[Span] = []
        text = doc_text(doc)
        texts = (text[s:e] for s, e in chosen)
        for (offset, _), sentence in zip(chosen, self.ner_nlp.pipe(texts, batch_size=64), strict=True):
            for ent in sentence.ents:
                span = doc.char_span(offset + ent.start_char, offset + ent.end_char, label=ent.label_,
                                     alignment_mode="contract")  # fmt: skip
                if span is not None and len(span):
                    spans.append(span)
        doc.spans[NER_KEY] = spans
        return doc


@Language.factory("kg_cued_ner", default_config={"model": None, "cues": None, "all_sentences": False})
def make_cued_ner(
    nlp: Language, name: str, model: str | None, cues: list[str] | None, all_sentences: bool
) -> CuedNER:
    ner_nlp = _load_statistical(model or str(model_path()))
    return CuedNER(ner_nlp, ner_cues() if cues is None else cues, all_sentences)


@cache
def _load_statistical(path: str) -> Language:
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter on stderr
    return spacy.load(path)
