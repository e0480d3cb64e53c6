"""Page chrome: the rules of kg/data/page_chrome.jsonl and what reads as an article's paragraph."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache

from kg.ingest.script import CLOSERS, HAN, han_count
from kg.io import data_text

# A rule removes a whole line, so it may only judge lines as short as chrome is: a line longer
# than its ``max_chars`` (this default, or the row's own) is content whatever words it holds (a
# 2,500-character paragraph on piracy that says 未经授权不得转载 is news, not a footer).
DEFAULT_MAX_CHARS = 200


@dataclass(frozen=True)
class ChromeRule:
    id: str
    kind: str  # line | block | tail
    pattern: re.Pattern[str]
    max_chars: int = DEFAULT_MAX_CHARS

    def matches(self, text: str) -> bool:
        return len(text) <= self.max_chars and self.pattern.search(text) is not None


@cache
def chrome_rules() -> tuple[ChromeRule, ...]:
    """The page-chrome patterns from kg/data/page_chrome.jsonl."""
    rules = []
    text = data_text("page_chrome.jsonl")
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            limit = int(row.get("max_chars", DEFAULT_MAX_CHARS))
            rules.append(ChromeRule(row["id"], row["kind"], re.compile(row["pattern"]), limit))
    return tuple(rules)


def chrome_rule(text: str) -> ChromeRule | None:
    """The first page-chrome rule of kind ``line`` that matches the whole line's role."""
    for rule in chrome_rules():
        if rule.kind == "line" and rule.matches(text):
            return rule
    return None


def chrome_marker(text: str, kind: str) -> bool:
    return any(r.kind == kind and r.matches(text) for r in chrome_rules())


def is_content_line(text: str) -> bool:
    """A paragraph of the article: enough characters and a full sentence, not a headline list."""
    if han_count(text) < 10:
        return False
    if "。" in text:
        return True
    ends_like_sentence = text.rstrip(CLOSERS)[-1:] in ("!", "?", "！", "？")
    headline_gaps = len(re.findall(f"[{HAN}] [{HAN}]", text))
    return ends_like_sentence and headline_gaps < 2


def is_teaser(text: str) -> bool:
    """A cut-off summary in a link box ends in an ellipsis."""
    return text.rstrip().endswith(("...", "…"))
