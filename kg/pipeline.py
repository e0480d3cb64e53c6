"""The Python API behind `kg build`: run the stages in order and write each one's output.

ingest → nlp → link → relate → graph → views. Each stage is a function from plain records
to plain records; this module only wires them and writes their results into the build folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg import graph, ingest, link, nlp, relate, views
from kg.gazetteer import load_gazetteer
from kg.io import write_jsonl
from kg.records import Article, Mention, Relation
from kg.report import BuildReport, QuietReporter, Reporter

log = logging.getLogger(__name__)


class NothingRead(RuntimeError):
    """No input could be read at all: the only case in which a build fails."""


def build(
    inputs: Iterable[str | Path],
    out_dir: str | Path,
    model: str | None = None,
    reporter: Reporter | None = None,
) -> BuildReport:
    """Build the knowledge graph of the articles under ``inputs`` into ``out_dir``."""
    reporter = reporter or QuietReporter()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()

    articles: list[Article] = ingest.read_articles(
        ingest.discover([str(i) for i in inputs]), report=report, reporter=reporter
    )
    if not articles:
        raise NothingRead("no article could be read from the inputs")
    report.outputs["articles.jsonl"] = _rows(write_jsonl(out / "articles.jsonl", articles))

    pipeline = nlp.load_pipeline(model)
    found = nlp.find_mentions(pipeline, articles, reporter)
    gazetteer = load_gazetteer()
    mentions: dict[str, list[Mention]] = {
        article.id: link.link_mentions(article, found.get(article.id, []), gazetteer)
        for article in reporter.progress(articles, "linking")
    }
    report.outputs["entities.jsonl"] = _rows(
        write_jsonl(out / "entities.jsonl", _entity_rows(articles, mentions))
    )

    relations: list[Relation] = []
    for article in reporter.progress(articles, "relations"):
        relations.extend(relate.extract_relations(article, mentions[article.id]))
    report.outputs["relations.jsonl"] = _rows(write_jsonl(out / "relations.jsonl", relations))

    rdf = graph.build_graph(articles, mentions, relations)
    projection = graph.to_networkx(rdf)  # once: graph.graphml and the views both draw on it
    for name, count in graph.write_graph(rdf, out, projection).items():
        report.outputs[name] = f"{count:,} {'nodes' if name.endswith('.graphml') else 'triples'}"
    for path in views.write_views(projection, out):
        report.outputs[path.name] = "open it in a web browser"
    return report


def _rows(count: int) -> str:
    return f"{count:,} rows"


def _entity_rows(articles: list[Article], mentions: dict[str, list[Mention]]) -> Iterator[dict]:
    """Each mention with the text of its sentence, so a user can check it where it stands."""
    for article in articles:
        for mention in mentions[article.id]:
            row = mention.to_dict()
            row["sentence_text"] = article.sentence_text(mention.sentence) if mention.sentence >= 0 else ""
            yield row
