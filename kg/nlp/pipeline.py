"""Loading the pipeline (ours, or an installed spaCy pipeline by ``--model``) and running it
over articles: Article → Mention records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.cued_ner import CuedNER, make_cued_ner
from kg.nlp.doc import OUR_LABELS, SENTENCES_KEY, TEXT_KEY, SurfaceSource
from kg.nlp.errors import ModelNotFound
from kg.nlp.merge import make_entity_merger
from kg.nlp.rules import add_rule_components, make_pattern_ruler
from kg.nlp.tokenizer import linear_tokenizer
from kg.records import Article, Mention

if TYPE_CHECKING:
    from kg.report import Reporter

ARTICLE_BATCH = 32  # articles whose docs are in memory at once, their NER sentences batched together

# Our components, registered with spaCy by name when their modules are imported.
COMPONENTS = {
    "kg_patterns": make_pattern_ruler,
    "kg_cued_ner": make_cued_ner,
    "kg_entities": make_entity_merger,
}


def load_pipeline(
    model: str | None = None,
    gazetteer: SurfaceSource | None = None,
    all_sentences: bool = False,
) -> Language:
    """Our pipeline (``model`` None: the shipped NER, offline) or an installed spaCy pipeline.

    A foreign pipeline (name or path, e.g. zh_core_web_sm) keeps its own tokenizer and ner; our
    rule components go before its ner's output is read and ``kg_entities`` maps its labels
    (GPE/LOC/FAC → PLACE, ORG, MONEY, DATE, PERSON). ``gazetteer`` is injectable for tests.
    """
    if model is None:
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
        nlp.tokenizer = linear_tokenizer(nlp.tokenizer)
        add_rule_components(nlp, gazetteer)
        nlp.add_pipe("kg_cued_ner", config={"all_sentences": all_sentences})
    else:
        try:
            nlp = spacy.load(model)
        except OSError as exc:  # spaCy's E050/E053: no such package, no config in that folder
            raise ModelNotFound(
                f"--model {model}: no installed spaCy pipeline of that name or path "
                "(install one, e.g. `pip install zh_core_web_sm-…whl`, or give a pipeline folder)"
            ) from exc
        add_rule_components(nlp, gazetteer)
    nlp.add_pipe("kg_entities")
    return nlp


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc.user_data[TEXT_KEY] = article.text
    if article.sentences:
        doc.user_data[SENTENCES_KEY] = [(s.start, s.end) for s in article.sentences]
    return doc


def run_pipeline(nlp: Language, article: Article) -> Doc:
    return run_pipelines(nlp, [article])[0]


def run_pipelines(nlp: Language, articles: Sequence[Article]) -> list[Doc]:
    """The articles' docs through every component; ``kg_cued_ner`` takes them all at once, so
    the statistical NER runs over the cue sentences of every article in shared batches."""
    docs = [_make_doc(nlp, article) for article in articles]
    for _, component in nlp.pipeline:
        if isinstance(component, CuedNER):
            component.annotate(docs)
        else:
            docs = [component(doc) for doc in docs]
    return docs


def mentions_of(doc: Doc, article: Article) -> list[Mention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in OUR_LABELS:
            continue
        mentions.append(
            Mention(
                article_id=article.id,
                label=ent.label_,
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                sentence=article.sentence_index_at(ent.start_char) if article.sentences else 0,
                source=ent.kb_id_ or "ner",
                subtype=(ent.id_ or None) if ent.label_ == "ORG" else None,
            )
        )
    return mentions


def find_mentions(
    nlp: Language, articles: Sequence[Article], reporter: Reporter | None = None
) -> dict[str, list[Mention]]:
    """Article id → its mentions, in text order, offsets into ``Article.text`` (end exclusive).

    Articles go through the pipeline ``ARTICLE_BATCH`` at a time (the NER batched across them)."""
    return {
        a.id: found for a, found in zip(articles, mentions_in_order(nlp, articles, reporter), strict=True)
    }


def mentions_in_order(
    nlp: Language, articles: Sequence[Article], reporter: Reporter | None = None
) -> list[list[Mention]]:
    """Each article's mentions (as ``find_mentions``), in the order of ``articles``: the build's
    batches may hold two articles of one id (files of one name in two folders), whose ids are
    told apart only later, when the build admits them."""
    groups = [articles[i : i + ARTICLE_BATCH] for i in range(0, len(articles), ARTICLE_BATCH)]
    items: Iterable[Sequence[Article]] = reporter.progress(groups, "entities") if reporter else groups
    found: list[list[Mention]] = []
    for group in items:
        found.extend(
            mentions_of(doc, article) for article, doc in zip(group, run_pipelines(nlp, group), strict=True)
        )
    return found


def iter_entities(nlp: Language, text: str) -> Iterator[tuple[str, str, int, int, str, str]]:
    """(label, text, start, end, source, subtype) of each entity in ``text``: for quick looks."""
    doc = run_pipeline(nlp, Article(id="-", text=text))
    for ent in doc.ents:
        yield ent.label_, ent.text, ent.start_char, ent.end_char, ent.kb_id_, ent.id_
