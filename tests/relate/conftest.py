"""Fixtures of the relate tests: the real pipeline (nlp → link → relate) on a tiny article."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kg import link, nlp
from kg.gazetteer import load_gazetteer
from kg.ingest.articles import read_text_file
from kg.records import Article, Mention, Relation
from kg.relate import extract_relations
from kg.report import QuietReporter


@pytest.fixture(scope="session")
def read_text() -> Callable[[str], tuple[Article, list[Mention], list[Relation]]]:
    """A text read as one article by the whole per-article pipeline: its article, linked mentions
    and relations."""
    pipeline = nlp.load_pipeline()
    gazetteer = load_gazetteer()

    def read(text: str) -> tuple[Article, list[Mention], list[Relation]]:
        article = read_text_file(Path("example.txt"), text.encode("utf-8"), [])
        found = nlp.find_mentions(pipeline, [article], QuietReporter())
        mentions = link.link_mentions(article, found.get(article.id, []), gazetteer)
        return article, mentions, extract_relations(article, mentions)

    return read


@pytest.fixture
def projects(
    read_text: Callable[[str], tuple[Article, list[Mention], list[Relation]]],
) -> Callable[[str], list[tuple[str | None, str | None]]]:
    """(project, place) of each project relation of a text read as one article."""

    def rows(text: str) -> list[tuple[str | None, str | None]]:
        _, _, relations = read_text(text)
        return [
            (r.project, r.recipient.name if r.recipient else None) for r in relations if r.type == "project"
        ]

    return rows


@pytest.fixture(autouse=True)
def _rules_alone(rules_only: None) -> None:
    """These tests read sentences with the rules alone (see ``rules_only``)."""
