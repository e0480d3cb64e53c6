"""What the map step gives back: plain records of one article, and of one input file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kg.records import Article, Mention, Relation


@dataclass
class ArticleRecords:
    """One article and what the stages found in it.

    ``cached`` says what came from the cache: "" (nothing), "entities" (relate ran again) or
    "all" (the article was not processed at all). ``part``: the article's reduce part from the
    cache (``kg.graph.parts.ArticlePart`` as a dict), when an earlier build reduced it under
    the same id — its mentions and relations are then in the part, not read out here."""

    article: Article
    mentions: list[Mention]
    relations: list[Relation]
    cached: str = ""
    part: dict[str, Any] | None = None

    def rename(self, article_id: str) -> None:
        """Give the article another id (its own was taken by an earlier file), records included."""
        self.article.id = article_id
        for mention in self.mentions:
            mention.article_id = article_id
        for relation in self.relations:
            relation.article_id = article_id


@dataclass
class FileRecords:
    """One input file: its articles' records, its bad lines, or why it gave nothing."""

    path: str
    articles: list[ArticleRecords] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file:line, reason)
    skipped: str | None = None  # why the whole file was skipped
    notices: list[tuple[str, str]] = field(default_factory=list)  # (file[:line], what was removed)
