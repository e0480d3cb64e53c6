"""Ingestion: find the article files a user names, decode them, and make normalised Articles.

Files, folders (read recursively) and glob patterns are accepted (``discover``). Plain text and
Markdown may be UTF-8 (with or without BOM), UTF-16/32 with a BOM, GB18030/GBK or Big5
(``decode``); HTML pages go through trafilatura for their main text and metadata (``html``);
JSON Lines hold one article a line (``jsonl``). Every text is normalised (``normalise``: mojibake,
width, pinyin glosses, traditional characters, page chrome, metadata, sentences). A file that
cannot be used or a bad JSON line is skipped and counted in the build's report (``read``); the
build goes on.
"""

from kg.ingest.decode import SkipFile, binary_kind, decode_bytes
from kg.ingest.discover import ARTICLE_SUFFIXES, Discovered, discover
from kg.ingest.normalise import NormalisedArticle, normalize_article, normalize_text
from kg.ingest.read import read_articles, read_file
from kg.ingest.sentences import split_sentences

__all__ = [
    "ARTICLE_SUFFIXES",
    "Discovered",
    "NormalisedArticle",
    "SkipFile",
    "binary_kind",
    "decode_bytes",
    "discover",
    "normalize_article",
    "normalize_text",
    "read_articles",
    "read_file",
    "split_sentences",
]
