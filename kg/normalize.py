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
5. Line by line: Markdown marks, whitespace folding, page-chrome removal (patterns in
   ``kg/data/page_chrome.jsonl``), metadata lines read and removed (labels in
   ``kg/data/article_metadata.json``), repeated lines dropped.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path

from kg.records import Sentence

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RE = re.compile(f"[{HAN}]")
# Punctuation and symbols of CJK typography (after NFKC most full-width forms are ASCII).
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef“”‘’…—–·•・《》〈〉「」『』【】〔〕"
_WIDE_RE = re.compile(f"[{HAN}{_CJK_PUNCT}]")

TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_TONE_STRIP = str.maketrans(
    TONED_VOWELS + "ü", "aaaaeeeeiiiioooouuuu" + "vvvv" + "v"
)  # ǖǘǚǜ and ü → v, as in typed pinyin
_SYLLABLE_RE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|i|u|v|ai|ei|ui|ao|ou|iu|ie|ve|ue|er|an|en|in|un|vn|ang|eng|ing|ong"
    r"|ia|iao|ian|iang|iong|ua|uo|uai|uan|uang|van)[1-5]?"
    r"|(?:ng|hm|hng|m|n)[1-5]?"
)
_PY = f"[a-zü{TONED_VOWELS}]"
# A gloss with a tone mark is unmistakable wherever it stands; a plain one only after a character.
_TONED_GLOSS_RE = re.compile(rf"\(({_PY}{{1,6}})\)")
_PLAIN_GLOSS_RE = re.compile(rf"(?<=[{HAN}])\(([a-zü]{{1,6}}[1-5]?)\)")
# The mangled form: "?" ate the lead byte of a character together with the gloss's "(".
_SHIFT_MARKER_RE = re.compile(rf"\?({_PY}{{1,6}})[)）]")

_TERMINATORS = "。!?;！？；"
_CLOSERS = "”’\"')）]】》」』"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def is_pinyin_syllable(word: str) -> bool:
    """True when ``word`` (tone marks or a tone digit allowed) is one pinyin syllable."""
    return _SYLLABLE_RE.fullmatch(word.lower().translate(_TONE_STRIP)) is not None


# --------------------------------------------------------------------------- mapped text


class _Mapped:
    """Text plus, for each character, the index of the original character it came from (-1: inserted)."""

    __slots__ = ("text", "src")

    def __init__(self, text: str, src: list[int]) -> None:
        self.text = text
        self.src = src

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None]) -> _Mapped:
        """Like ``re.sub``; ``repl`` returns None to keep a match. Replacements count as inserted
        unless they equal the matched text."""
        parts: list[str] = []
        src: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None:
                continue
            parts.append(self.text[last : m.start()])
            src.extend(self.src[last : m.start()])
            parts.append(new)
            src.extend(self.src[m.start() : m.end()] if new == m.group() else [-1] * len(new))
            last = m.end()
        if last == 0 and not parts:
            return self
        parts.append(self.text[last:])
        src.extend(self.src[last:])
        return _Mapped("".join(parts), src)

    def slice(self, start: int, end: int) -> _Mapped:
        return _Mapped(self.text[start:end], self.src[start:end])

    def keep_group(self, pattern: re.Pattern[str], group: int = 1) -> _Mapped:
        """Replace each match by one of its groups, which keeps its map to the original."""
        parts: list[str] = []
        src: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[last : m.start()])
            src.extend(self.src[last : m.start()])
            start, end = m.span(group)
            parts.append(self.text[start:end])
            src.extend(self.src[start:end])
            last = m.end()
        if not parts:
            return self
        parts.append(self.text[last:])
        src.extend(self.src[last:])
        return _Mapped("".join(parts), src)


# --------------------------------------------------------------------------- data files


@dataclass(frozen=True)
class ChromeRule:
    id: str
    kind: str  # line | block | tail
    pattern: re.Pattern[str]


@cache
def chrome_rules() -> tuple[ChromeRule, ...]:
    """The page-chrome patterns from kg/data/page_chrome.jsonl."""
    rules = []
    text = files("kg.data").joinpath("page_chrome.jsonl").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip():
            row = json.loads(line)
            rules.append(ChromeRule(row["id"], row["kind"], re.compile(row["pattern"])))
    return tuple(rules)


@dataclass(frozen=True)
class _MetaPatterns:
    label: re.Pattern[str]  # any metadata label followed by a colon
    source: re.Pattern[str]
    date_label: re.Pattern[str]
    url: re.Pattern[str]
    dateline: re.Pattern[str]
    outlet_before_date: re.Pattern[str]


def _outlet_like(value: str) -> bool:
    """A source value names an outlet: it has letters and is not a date or a number."""
    return bool(value) and not value[0].isdigit() and any(ch.isalpha() for ch in value) and len(value) <= 30


def _alternation(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _meta_patterns() -> _MetaPatterns:
    data = json.loads(files("kg.data").joinpath("article_metadata.json").read_text(encoding="utf-8"))
    all_labels = data["source_labels"] + data["date_labels"] + data["other_labels"] + data["url_labels"]
    labels = _alternation(all_labels)
    stop = rf"(?=\s|$|[|丨,;]|(?:{labels})\s*:|(?:19|20)\d\d\s*[-/.年]|https?://)"
    return _MetaPatterns(
        label=re.compile(rf"(?:{labels})\s*:"),
        source=re.compile(rf"(?:{_alternation(data['source_labels'])})\s*:\s*(\S+?){stop}"),
        date_label=re.compile(rf"(?:{_alternation(data['date_labels'])})\s*:"),
        url=re.compile(rf"(?:{_alternation(data['url_labels'])})\s*:\s*(https?://[^\s<>\"'|]+)"),
        outlet_before_date=re.compile(
            rf"^([{HAN}A-Za-z]{{1,16}}(?:{_alternation(data['dateline_outlets'])}))\s*"
            rf"(?:19|20)\d\d\s*[-/.年]\s*\d{{1,2}}\s*[-/.月]\s*\d{{1,2}}"
        ),
        dateline=re.compile(
            rf"^(?:本报|本网)?([{HAN}A-Za-z]{{2,12}}?(?:{_alternation(data['dateline_outlets'])}))"
            rf"(?:[{HAN}]{{0,6}}?\d{{1,2}}月\d{{1,2}}日)?(?:{_alternation(data['dateline_markers'])})"
        ),
    )


@cache
def common_characters() -> frozenset[str]:
    """The 3,755 level-1 (most frequent) characters of GB2312: a cheap test of plausible text."""
    chars = set()
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            try:
                chars.add(bytes((row, col)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@cache
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


@cache
def _traditional_characters() -> frozenset[str]:
    """The characters OpenCC always changes: traditional forms that are never simplified ones."""
    import opencc

    table = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    chars: set[str] = set()
    for line in table.read_text(encoding="utf-8").splitlines():
        key, values = line.split("\t", 1)
        if key not in values.split(" "):
            chars.add(key)
    return frozenset(chars)


def to_simplified(text: str) -> str:
    """Traditional → simplified, guaranteed to keep the length (and so the offsets).

    OpenCC is slow in pure Python, so only lines holding a character that is surely
    traditional are converted (a line of simplified text is left as it is)."""
    known = _traditional_characters()
    if "\n" in text:
        return "\n".join(
            to_simplified(line) if not known.isdisjoint(line) else line for line in text.split("\n")
        )
    if known.isdisjoint(text):
        return text
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    # OpenCC's t2s tables map 1:1 today; if a future table did not, convert char by char.
    out = []
    for ch in text:
        c = _t2s().convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


def common_ratio(text: str) -> float:
    """Share of the Han characters in ``text`` that are common ones (after t2s); 0 when none."""
    han = _HAN_RE.findall(text)
    if not han:
        return 0.0
    common = common_characters()
    simplified = to_simplified("".join(han))
    return sum(ch in common for ch in simplified) / len(han)


# --------------------------------------------------------------------------- character steps


@cache
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _fold_width(doc: _Mapped) -> _Mapped:
    """NFKC one character at a time; drop zero-width and control characters; CR/CRLF → LF."""
    raw = doc.text
    chars: list[str] = []
    src: list[int] = []
    n = len(raw)
    for i, ch in enumerate(raw):
        o = ord(ch)
        if o < 0x80:
            if ch == "\r":
                if i + 1 < n and raw[i + 1] == "\n":
                    continue
                ch = "\n"
            elif o < 0x20 and ch not in "\n\t" or o == 0x7F:
                continue
            chars.append(ch)
            src.append(doc.src[i])
            continue
        if o in _ZERO_WIDTH or unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        folded = _nfkc(ch)
        if len(folded) == 1:
            chars.append(folded)
            src.append(doc.src[i])
        else:
            chars.extend(folded)
            src.extend([-1] * len(folded))
    return _Mapped("".join(chars), src)


def _realign(text: str, pos: int, margin: float) -> tuple[int, str] | None:
    """Re-read the run of non-ASCII characters at ``pos`` one GBK byte later, when that reads
    as more plausible text (by ``margin``): returns (end of the run, realigned text)."""
    run_end = pos
    while run_end < len(text) and ord(text[run_end]) >= 0x80 and not text[run_end].isspace():
        run_end += 1
    if run_end == pos:
        return None
    run = text[pos:run_end]
    nxt = text[run_end] if run_end < len(text) else ""
    trail = nxt if nxt and 0x40 <= ord(nxt) < 0x7F else ""  # an ASCII-valued trail byte
    try:
        raw = run.encode("gbk") + trail.encode("ascii")
    except UnicodeEncodeError:
        return None
    realigned = raw[1:].decode("gbk", errors="replace")
    realigned = re.sub(r"\ufffd[\x40-\x7e]?$", "", realigned).replace("\ufffd", "")
    if common_ratio(realigned) > common_ratio(run) + margin:
        return run_end + len(trail), realigned
    return None


def _repair_shift(m: re.Match[str], text: str) -> tuple[int, str] | None:
    """Undo one gloss-in-the-middle mojibake: returns (end of damaged text, repaired text).

    The character whose lead byte was lost keeps its trail byte, so it is one of ~120 GBK
    characters; ``_guess_lost_character`` picks it back from its neighbours when a word
    dictionary makes that clear, else it is left out.
    """
    if not is_pinyin_syllable(m.group(1)):
        return None
    end = m.end()
    before = _TONED_GLOSS_RE.sub("", text[max(0, m.start() - 16) : m.start()])[-3:]
    nxt = text[end] if end < len(text) else ""
    if nxt and ord(nxt) < 0x80:
        # The trail byte shows as one ASCII character ("|", "X"), or as a second "?" when it
        # made an invalid pair with the next byte (then it is gone for good).
        if 0x40 <= ord(nxt) < 0x7F and not nxt.isdigit():
            after = _TONED_GLOSS_RE.sub("", text[end + 1 : end + 16])[:3]
            lost = _guess_lost_character(ord(nxt), before, after)
            return end + 1, lost
        return (end + 1 if nxt == "?" else end), ""
    fixed = _realign(text, end, margin=0.0)
    if fixed is None:
        return end, ""
    stop, repaired = fixed
    # The shift can run on past the first ASCII byte; follow it while re-reading helps.
    while (more := _realign(text, stop, margin=0.3)) is not None:
        stop, extra = more
        repaired += extra
    trail = text[end].encode("gbk")[0]
    return stop, _guess_lost_character(trail, before, repaired[:3]) + repaired


@cache
def _word_frequencies() -> dict[str, int]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return jieba.dt.FREQ


def _guess_lost_character(trail: int, before: str, after: str) -> str:
    """The GBK character ending in byte ``trail`` that makes the most frequent word with its
    neighbours (当?村民 → 地: 当地), or "" when no candidate clearly wins."""
    freq = _word_frequencies()
    scores: dict[str, int] = {}
    for lead in range(0x81, 0xFF):
        try:
            char = to_simplified(bytes((lead, trail)).decode("gbk"))
        except UnicodeDecodeError:
            continue
        if not _HAN_RE.match(char):
            continue
        words = [
            before[-1:] + char,
            before[-2:] + char,
            char + after[:1],
            char + after[:2],
            before[-1:] + char + after[:1],
        ]
        scores[char] = max(freq.get(to_simplified(w), 0) if len(w) > 1 else 0 for w in words)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < 3:
        return ""
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return ""
    return ranked[0][0]


def _repair_gbk_shift(doc: _Mapped) -> _Mapped:
    text = doc.text
    if "?" not in text:
        return doc
    pieces: list[tuple[int, int, str]] = []
    pos = 0
    for m in _SHIFT_MARKER_RE.finditer(text):
        if m.start() < pos:
            continue
        fix = _repair_shift(m, text)
        if fix is None:
            continue
        stop, repaired = fix
        pieces.append((m.start(), stop, repaired))
        pos = stop
    if not pieces:
        return doc
    parts: list[str] = []
    src: list[int] = []
    last = 0
    for start, stop, repaired in pieces:
        parts.append(text[last:start])
        src.extend(doc.src[last:start])
        parts.append(repaired)
        src.extend([-1] * len(repaired))
        last = stop
    parts.append(text[last:])
    src.extend(doc.src[last:])
    return _Mapped("".join(parts), src)


def _drop_gloss(m: re.Match[str]) -> str | None:
    word = m.group(1)
    if m.re is _TONED_GLOSS_RE and not any(c in TONED_VOWELS for c in word):
        return None
    return "" if is_pinyin_syllable(word) else None


def _remove_glosses(doc: _Mapped) -> _Mapped:
    if "(" not in doc.text:
        return doc
    return doc.sub(_TONED_GLOSS_RE, _drop_gloss).sub(_PLAIN_GLOSS_RE, _drop_gloss)


# --------------------------------------------------------------------------- line steps

# Markdown marks (pages converted to Markdown, .md files): headings, quotes, list bullets,
# emphasis and images go; a link keeps its text.
_MARKDOWN_RE = re.compile(r"^\s{0,3}(?:#{1,6}|>|[-*+])\s+|\*\*|__|!\[[^\]]*\]\([^)]*\)")
_MARKDOWN_LINK_RE = re.compile(r"\[([^\[\]]+)\]\((?:https?://|/|\.)[^)\s]*\)")
_SPACE_RE = re.compile(r"[ \t\u3000\u00a0]+")
_BORDER = " \t|丨"
_HEADING_JOIN_MIN_LINE = 200  # only very long lines are paragraphs joined by spaces
_DATETIME_RE = re.compile(r"(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}:\d\d")
_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")


def _fold_spaces(line: _Mapped) -> _Mapped:
    """Collapse runs of spaces. Beside CJK text a space is layout, so it goes; between two
    Han characters it may separate a heading from its paragraph (long joined lines: newline)."""
    text = line.text
    long_line = len(text) >= _HEADING_JOIN_MIN_LINE

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if not before or not after:
            return ""
        if _HAN_RE.match(before) and _HAN_RE.match(after):
            if long_line:
                window = text[max(0, m.start() - 32) : m.start()]
                parts = re.split(r"[。!?;\n]", window)
                head = parts[-1]
                whole = len(parts) > 1 or m.start() <= 32
                if whole and 2 <= len(head) <= 30 and not re.search(r"[,、:;()]", head):
                    return "\n"
            return " "
        if _WIDE_RE.match(before) or _WIDE_RE.match(after):
            return ""
        return " "

    return line.sub(_SPACE_RE, repl)


def _strip(line: _Mapped) -> _Mapped:
    text = line.text
    start, end = 0, len(text)
    while start < end and text[start] in _BORDER:
        start += 1
    while end > start and text[end - 1] in _BORDER:
        end -= 1
    return line.slice(start, end)


def han_count(text: str) -> int:
    return len(_HAN_RE.findall(text))


def is_content_line(text: str) -> bool:
    """A paragraph of the article: enough characters and a full sentence, not a headline list."""
    if han_count(text) < 10:
        return False
    if "。" in text:
        return True
    ends_like_sentence = text.rstrip(_CLOSERS)[-1:] in ("!", "?", "！", "？")
    headline_gaps = len(re.findall(f"[{HAN}] [{HAN}]", text))
    return ends_like_sentence and headline_gaps < 2


def first_paragraph(lines: Sequence[str]) -> int:
    """Index of the first content paragraph (not chrome, not metadata); len(lines) when none."""
    for i, line in enumerate(lines):
        if is_content_line(line) and not is_meta_line(line) and chrome_rule(line) is None:
            return i
    return len(lines)


def is_meta_line(text: str) -> bool:
    """A header/footer line of labels (来源:, 责任编辑:, 时间:) or a bare timestamp, no sentence."""
    if "。" in text or len(text) > 160:
        return False
    if _meta_patterns().label.search(text):
        return True
    starts_with_date = re.match(r"\s*(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?", text)
    if starts_with_date and han_count(text[starts_with_date.end() :]) <= 8:
        return True  # "2020-06-29 12:47:46", "2019年9月8日 星期日"; not "2020年6月1日某县召开…"
    # "定西日报 2019-03-25 08:30": a short line with a timestamp is a byline, not a sentence.
    return bool(_DATETIME_RE.search(text)) and han_count(text) <= 20


def chrome_rule(text: str) -> ChromeRule | None:
    """The first page-chrome rule of kind ``line`` that matches the whole line's role."""
    for rule in chrome_rules():
        if rule.kind == "line" and rule.pattern.search(text):
            return rule
    return None


def _marker(text: str, kind: str) -> bool:
    return any(r.kind == kind and r.pattern.search(text) for r in chrome_rules())


def parse_date(text: str) -> str | None:
    """The first valid calendar date in ``text`` as ISO 8601 (2020-7-13, 2020年6月1日, 2020/06/01)."""
    for m in _DATE_RE.finditer(text):
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------- the article


@dataclass
class Metadata:
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass
class NormalisedArticle:
    """What normalisation makes of one article's text."""

    text: str
    offset_runs: list[list[int]]
    metadata: Metadata
    sentences: list[Sentence] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (why, line) for inspection


def extract_metadata(lines: Sequence[str], content_start: int | None = None) -> Metadata:
    """Title, date, source and url from an article's (simplified, folded) lines.

    The date is taken from the header (the lines before the first paragraph: a labelled line
    or one that starts with a timestamp), else from a labelled metadata line anywhere — never
    from a date in the body. ``content_start`` is the index of the first paragraph.
    """
    pats = _meta_patterns()
    if content_start is None:
        content_start = first_paragraph(lines)
    header = list(lines[:content_start])
    meta_lines = [line for line in lines if is_meta_line(line)]
    header_meta = [line for line in header if is_meta_line(line)]

    md = Metadata()
    for line in header:
        if is_meta_line(line) or chrome_rule(line) or _marker(line, "block") or _marker(line, "tail"):
            continue
        if han_count(line) >= 4 and len(line) <= 80:
            md.title = line
            break
    # Below the header only a labelled date counts (发布时间:…), not a comment's timestamp.
    labelled = [line for line in meta_lines if pats.date_label.search(line)]
    for line in header_meta + labelled:
        md.date = parse_date(line)
        if md.date:
            break
    for line in header_meta + meta_lines:
        m = pats.source.search(line)
        if m and _outlet_like(value := m.group(1).strip("·-—|:")):
            md.source = value
            break
    if md.source is None:
        # "定西日报 2019-03-25 08:30": an outlet's name before the timestamp in the header.
        for line in header:
            m = pats.outlet_before_date.match(line)
            if m and not pats.label.search(line):
                md.source = m.group(1)
                break
    if md.source is None:
        # "厦门日报讯(记者 …)": the outlet's dateline opens one of the first paragraphs.
        paragraphs = [line for line in lines[content_start:] if is_content_line(line)][:3]
        for line in paragraphs:
            m = pats.dateline.match(line)
            if m:
                md.source = m.group(1)
                break
    for line in meta_lines:
        m = pats.url.search(line)
        if m:
            md.url = m.group(1)
            break
    return md


def _lines(doc: _Mapped) -> list[_Mapped]:
    out = []
    start = 0
    text = doc.text
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        out.append(doc.slice(start, end))
        start = end + 1
    return out


def _runs(src: list[int]) -> list[list[int]]:
    """Compress the per-character source indices into [norm_start, orig_start, length] runs."""
    runs: list[list[int]] = []
    for i, s in enumerate(src):
        if s < 0:
            continue
        if runs:
            last = runs[-1]
            if last[0] + last[2] == i and last[1] + last[2] == s:
                last[2] += 1
                continue
        runs.append([i, s, 1])
    return runs


def _paragraph_weight(text: str) -> int:
    """Han characters of a line that reads as article content (0 for chrome and metadata)."""
    if is_content_line(text) and not is_teaser(text) and not is_meta_line(text) and chrome_rule(text) is None:
        return han_count(text)
    return 0


def _drop_chrome(units: list[_Mapped]) -> tuple[list[_Mapped], list[tuple[str, str]]]:
    """Keep the article's lines; return them and the (reason, line) of those dropped.

    A link-box heading (相关阅读, 新闻推荐) drops the lines after it up to the next real
    paragraph; once the article has been read, a box followed by less content than came
    before it ends the article, as does a comments box.
    """
    weights = [_paragraph_weight(u.text) for u in units]
    remaining = sum(weights)
    kept: list[_Mapped] = []
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
        elif _marker(text, "tail"):
            why, tail_cut, in_block = "comments box", read > 0, read == 0
        elif _marker(text, "block"):
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


def is_teaser(text: str) -> bool:
    """A cut-off summary in a link box ends in an ellipsis."""
    return text.rstrip().endswith(("...", "…"))


def normalize_article(raw: str) -> NormalisedArticle:
    """Clean ``raw`` (the decoded input) into the normalised text, its offset map and metadata."""
    # Mojibake repair reads GBK bytes, so it runs on the text as decoded, before width folding.
    doc = _repair_gbk_shift(_Mapped(raw, list(range(len(raw)))))
    doc = _fold_width(doc)
    doc = _remove_glosses(doc)
    doc = _Mapped(to_simplified(doc.text), doc.src)

    units: list[_Mapped] = []
    for line in _lines(doc):
        line = line.sub(_MARKDOWN_RE, lambda m: "").keep_group(_MARKDOWN_LINK_RE)
        line = _strip(_fold_spaces(_strip(line)))
        for unit in _lines(line) if "\n" in line.text else [line]:
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
        offset_runs=_runs(src),
        metadata=metadata,
        sentences=split_sentences(text),
        dropped=dropped,
    )


def normalize_text(raw: str) -> tuple[str, list[list[int]]]:
    """The normalised text of ``raw`` and its offset runs back into ``raw`` (see ``Article``)."""
    result = normalize_article(raw)
    return result.text, result.offset_runs


# --------------------------------------------------------------------------- sentences


def split_sentences(text: str) -> list[Sentence]:
    """Chinese sentences: end at 。!?; (full or half width) or a line break, closing quotes
    and brackets stay with their sentence; a decimal point or "..." never ends one."""
    sentences: list[Sentence] = []
    n = len(text)

    def emit(start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            sentences.append(Sentence(start, end))

    start = i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            emit(start, i)
            start = i + 1
        elif ch in _TERMINATORS:
            j = i + 1
            while j < n and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
                j += 1
            emit(start, j)
            start = j
            i = j
            continue
        i += 1
    emit(start, n)
    return sentences
