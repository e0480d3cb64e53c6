"""Normalisation: turn a decoded article into the text every later stage reads.

Real pages arrive messy, so the steps run in this order, and every output character keeps
the index of the input character it came from (``offset_runs`` on ``Article``), so evidence
can later be shown as it stood:

1. Repair of GBK byte-shift mojibake left by pinyin-gloss sites (``當?shù)卮迕瘛``): the gloss
   was spliced into the middle of a two-byte character, which swallowed a lead byte. It reads
   GBK bytes, so it runs on the text as decoded.
2. NFKC width folding, one character at a time (so each output character knows its source).
3. Removal of pinyin glosses after characters, tone-marked or plain (``協(xié)作`` → ``協作``).
4. Traditional → simplified (OpenCC ``t2s``, whose tables keep lengths).
5. Line by line: Markdown marks, whitespace folding, doubled commas (``,、`` → ``、``),
   page-chrome removal (patterns in ``kg/data/page_chrome.jsonl``), metadata lines read and removed (labels in
   ``kg/data/article_metadata.json``), repeated lines dropped."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from kg.ingest.chrome import chrome_marker, chrome_rule, is_content_line, is_teaser
from kg.ingest.mapped import Mapped, offset_runs_of, split_lines
from kg.ingest.metadata import Metadata, extract_metadata, first_paragraph, is_meta_line
from kg.ingest.mojibake import repair_gbk_shift
from kg.ingest.pinyin import remove_glosses
from kg.ingest.script import HAN_RE, WIDE_RE, han_count, to_simplified
from kg.ingest.sentences import split_sentences
from kg.records import Sentence

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@cache
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


# Runs of characters fold_width keeps as they are (printable ASCII, tab, LF, the CJK Unified
# Ideographs: no decomposition, no control or format character among them), copied whole.
_PLAIN_RUN = re.compile("[\t\n\x20-\x7e\u4e00-\u9fff]+")


def fold_width(doc: Mapped) -> Mapped:
    """NFKC one character at a time; drop zero-width and control characters; CR/CRLF → LF.

    Runs of plain characters (``_PLAIN_RUN``) are copied whole: a Python step per character was
    most of the cost, and most of an article's characters are plain."""
    raw = doc.text
    chars: list[str] = []
    src: list[int] = []
    pos = 0
    for run in _PLAIN_RUN.finditer(raw):
        _fold_chars(raw, pos, run.start(), doc.src, chars, src)
        chars.append(run.group())
        src.extend(doc.src[run.start() : run.end()])
        pos = run.end()
    _fold_chars(raw, pos, len(raw), doc.src, chars, src)
    return Mapped("".join(chars), src)


def _fold_chars(raw: str, start: int, end: int, origin: list[int], chars: list[str], src: list[int]) -> None:
    """``fold_width`` of ``raw[start:end]``, appended to ``chars`` and ``src``."""
    n = len(raw)
    for i in range(start, end):
        ch = raw[i]
        o = ord(ch)
        if o < 0x80:
            if ch == "\r":
                if i + 1 < n and raw[i + 1] == "\n":
                    continue
                ch = "\n"
            elif o < 0x20 and ch not in "\n\t" or o == 0x7F:
                continue
            chars.append(ch)
            src.append(origin[i])
            continue
        if o in _ZERO_WIDTH or unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            continue
        folded = _nfkc(ch)
        if len(folded) == 1:
            chars.append(folded)
            src.append(origin[i])
        else:
            chars.extend(folded)
            src.extend([-1] * len(folded))


# Markdown marks (pages converted to Markdown, .md files): headings, quotes, list bullets,
# emphasis and images go; a link keeps its text.
_MARKDOWN_RE = re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+])\s+|\*\*|__|!\[[^\]]*\]\([^)]*\)")


_MARKDOWN_LINK_RE = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/|\.)[^)\s]*\)")


_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")


# A comma doubled or written before another clause mark (天津市,、青岛市; 介绍,,近三年; 脱贫,。)
# is a page's artefact, never a pause: only the last mark stays, so a list is read as one.
_DOUBLED_MARK_RE = re.compile(r",+([,、。;:!?])")


_BORDER = " \t|丨"


_HEADING_JOIN_MIN_LINE = 200  # only very long lines are paragraphs joined by spaces


def _fold_spaces(line: Mapped) -> Mapped:
    """Collapse runs of spaces. Beside CJK text a space is layout, so it goes; between two
    Han characters it may separate a heading from its paragraph (long joined lines: newline)."""
    text = line.text
    long_line = len(text) >= _HEADING_JOIN_MIN_LINE

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after:
            return ""
        if HAN_RE.match(before) and HAN_RE.match(after):
            if long_line:
                window = text[max(0, m.start() - 32) : m.start()]
                parts = re.split(r"[。!?;\n]", window)
                head = parts[-1]
                whole = len(parts) > 1 or m.start() <= 32
                if whole and 2 <= len(head) <= 30 and not re.search(r"[,、:;()]", head):
                    return "\n"
            return " "
        if WIDE_RE.match(before) or WIDE_RE.match(after):
            return ""
        return " "

    return line.sub(_SPACE_RE, repl)


def _strip(line: Mapped) -> Mapped:
    text = line.text
    start, end = 0, len(text)
    while start < end and text[start] in _BORDER:
        start += 1
    while end > start and text[end - 1] in _BORDER:
        end -= 1
    return line.slice(start, end)


def _paragraph_weight(text: str) -> int:
    """Han characters of a line that reads as article content (0 for chrome and metadata)."""
    if is_content_line(text) and not is_teaser(text) and not is_meta_line(text) and chrome_rule(text) is None:
        return han_count(text)
    return 0


def _drop_chrome(units: list[Mapped]) -> tuple[list[Mapped], list[tuple[str, str]]]:
    """Keep the article's lines; return them and the (reason, line) of those dropped.

    A link-box heading (相关阅读, 新闻推荐) drops the lines after it up to the next real
    paragraph; once the article has been read, a box followed by less content than came
    before it ends the article, as does a comments box.
    """
    weights = [_paragraph_weight(u.text) for u in units]
    remaining = sum(weights)
    kept: list[Mapped] = []
    dropped: list[tuple[str, str]] = []
    seen: set[str] = set()
    in_block = tail_cut = False
    read = 0  # content characters kept so far
    for unit, weight in zip(units, weights, strict=True):
        remaining -= weight
        text = unit.text
        why: str | None = None
        if tail_cut:
            why = "after the article"
        elif chrome_marker(text, "tail"):
            why, tail_cut, in_block = "comments box", read > 0, read == 0
        elif chrome_marker(text, "block"):
            why, in_block = "link box heading", True
            tail_cut = read > 0 and remaining < read
        elif (rule := chrome_rule(text)) is not None:
            why = rule.id
        elif in_block and not weight:
            why = "in link box"
        elif is_meta_line(text):
            why = "metadata line"
        elif text in seen:
            why = "repeated line"
        if why:
            dropped.append((why, text))
            continue
        in_block = False
        seen.add(text)
        read += weight
        kept.append(unit)
    return kept, dropped


@dataclass
class NormalisedArticle:
    """What normalisation makes of one article's text."""

    text: str
    offset_runs: list[list[int]]
    metadata: Metadata
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (why, line) for inspection
    notices: list[str] = field(default_factory=list)  # what was removed that a user should be told


# Control characters (C0 and C1, but not tab and line ends) are removed by width folding; they
# are counted, because a user should know the text had them.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def removal_notices(raw: str, dropped: list[tuple[str, str]], early: int = 0) -> list[str]:
    """What normalisation removed that a user should be told: control characters, and repeated
    paragraphs (a page that repeats itself is collapsed to one copy; if a whole file is one line
    over and over, its article is that line once)."""
    notices = []
    controls = len(_CONTROL_RE.findall(raw))
    if controls:
        nuls = raw.count("\x00")
        detail = f" ({nuls:,} NUL)" if nuls else ""
        notices.append(f"removed {controls:,} control character(s){detail}")
    surrogates = len(_SURROGATE_RE.findall(raw))
    if surrogates:
        notices.append(f"removed {surrogates:,} lone surrogate(s) (a UTF-16 half without its pair)")
    if early:
        notices.append(f"removed {early:,} repeated line(s) of a text over {BIG_TEXT:,} characters")
    repeated = [line for why, line in dropped if why == "repeated line" and is_content_line(line)]
    if repeated:
        chars = sum(len(line) for line in repeated)
        notices.append(f"removed {len(repeated):,} repeated paragraph(s), {chars:,} characters")
    return notices


# Above this many characters a text is first collapsed to the first copy of each line: the
# character steps cost time and memory per character, and a 30 MB file of one line repeated
# would otherwise take minutes to give one line. Shorter texts keep the exact line rules below.
BIG_TEXT = 1_000_000
_LINE_RE = re.compile(r"[^\n]*\n?")


def collapse_repeated_lines(raw: str) -> tuple[Mapped, int]:
    """``raw`` without the second and later copies of each non-blank line (offsets kept), and
    how many lines were removed."""
    parts: list[str] = []
    src: list[int] = []
    seen: set[str] = set()
    removed = 0
    for m in _LINE_RE.finditer(raw):
        line = m.group()
        key = line.strip()
        if key and key in seen:
            removed += 1
            continue
        seen.add(key)
        parts.append(line)
        src.extend(range(m.start(), m.end()))
    return Mapped("".join(parts), src), removed


def normalize_article(raw: str) -> NormalisedArticle:
    """Clean ``raw`` (the decoded input) into the normalised text, its offset map and metadata."""
    early = 0
    if len(raw) > BIG_TEXT:
        doc, early = collapse_repeated_lines(raw)
    else:
        doc = Mapped(raw, list(range(len(raw))))
    # Mojibake repair reads GBK bytes, so it runs on the text as decoded, before width folding.
    doc = repair_gbk_shift(doc)
    doc = fold_width(doc)
    doc = remove_glosses(doc)
    doc = Mapped(to_simplified(doc.text), doc.src)

    units: list[Mapped] = []
    for line in split_lines(doc):
        line = line.sub(_MARKDOWN_RE, lambda m: "").keep_group(_MARKDOWN_LINK_RE)
        line = _strip(_fold_spaces(_strip(line))).keep_group(_DOUBLED_MARK_RE)
        for unit in split_lines(line) if "\n" in line.text else [line]:
            unit = _strip(unit)
            if unit.text:
                units.append(unit)

    texts = [u.text for u in units]
    metadata = extract_metadata(texts, first_paragraph(texts))

    kept, dropped = _drop_chrome(units)
    chars: list[str] = []
    src: list[int] = []
    for i, unit in enumerate(kept):
        if i:
            chars.append("\n")
            src.append(-1)
        chars.append(unit.text)
        src.extend(unit.src)
    text = "".join(chars)
    return NormalisedArticle(
        text=text,
        offset_runs=offset_runs_of(src),
        metadata=metadata,
        sentences=split_sentences(text),
        dropped=dropped,
        notices=removal_notices(raw, dropped, early),
    )


def normalize_text(raw: str) -> tuple[str, list[list[int]]]:
    """The normalised text of ``raw`` and its offset runs back into ``raw`` (see ``Article``)."""
    result = normalize_article(raw)
    return result.text, result.offset_runs
