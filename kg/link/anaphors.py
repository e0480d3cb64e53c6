"""Words that point back, read as what they point to: 该村/该县 to a place, 该公司/这家协会 to an
organisation, 我们 in a quote to the organisation that speaks it (the words: ``place_anaphors``,
``org_anaphors`` and ``quote_speaker`` of ``data/link_words.json``).

This is the linker's last step, over the article's linked mentions: each such word becomes a
mention that carries the linked record of what it points to (name, code, level, home…) with its
own text, offsets and sentence, and a ``source`` that says how it was read (:data:`PLACE_SOURCE`,
:data:`ORG_SOURCE`, :data:`SPEAKER_SOURCE`). It takes the place of any mention of the same words
(the NER's 该公司 as a name, the linker's 该县 as the county of its kind just spoken of): the relate
stage reads it like any other mention and resolves nothing itself.

What a reader sees are the :func:`visible` mentions (where two overlap, the longer): a word that
points back is read only outside them, and what it points back to is one of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import cache

from kg.link.lexicon import link_words
from kg.link.organisations import is_government
from kg.punctuation import CLAUSE_STOPS
from kg.records import Article, Mention

PLACE_SOURCE = "anaphor"  # 该村: the place named before
ORG_SOURCE = "org-anaphor"  # 该公司: the organisation named before
SPEAKER_SOURCE = "quote-speaker"  # 我们 in a quote: the organisation that speaks it

QUOTE_GAP = 6  # characters between a quote's end and its speaker (昨日,)
MAX_QUOTE = 600  # characters of one quote
SPEAKER_GAP = 3  # characters between who speaks and the verb of saying (相关负责人近日表示)
HIDDEN = "\ue000"  # stands for the characters of a mention where the text around it is read


def _alternatives(words: Sequence[str]) -> str:
    """Regex alternation, longest first (我们公司 before 我们)."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def place_anaphor() -> re.Pattern[str]:
    """该村, 该县 (not 该区域, 该县城); the group ``noun`` is the division word."""
    words = link_words()["place_anaphors"]
    not_after = "".join(map(re.escape, words["not_followed_by"]))
    return re.compile(
        f"(?:{_alternatives(words['determiners'])})(?P<noun>{_alternatives(words['nouns'])})(?![{not_after}])"
    )


@cache
def org_anaphor() -> re.Pattern[str]:
    """该公司, 这家协会; the group ``noun`` says what kind of organisation is meant."""
    words = link_words()["org_anaphors"]
    return re.compile(f"(?:{_alternatives(words['determiners'])})(?P<noun>{_alternatives(words['nouns'])})")


@cache
def _after_speaker() -> re.Pattern[str]:
    """What follows an organisation that speaks: 的, who of it speaks, a few characters, a verb of
    saying (某某集团相关负责人告诉记者; 某某公司董事长表示)."""
    words = link_words()["quote_speaker"]
    gap = f"[^{re.escape(CLAUSE_STOPS)}{HIDDEN}]{{0,{SPEAKER_GAP}}}?"
    return re.compile(f"的?(?:{_alternatives(words['roles'])})?{gap}(?:{_alternatives(words['verbs'])})")


def visible(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions a reader sees, in text order: of two that overlap, the longer (then the
    first), so an organisation that holds a place name wins over it."""
    order = sorted(mentions, key=lambda m: (-(m.end - m.start), m.start))
    if any(m.end <= m.start for m in order):  # an empty span: compared with every kept one
        kept: list[Mention] = []
        for m in order:
            if all(m.end <= k.start or m.start >= k.end for k in kept):
                kept.append(m)
        return sorted(kept, key=lambda m: m.start)
    # kept spans do not overlap, so by start their ends rise too: the one kept span that may
    # overlap a new one is the last that starts before the new one ends
    starts: list[int] = []
    ends: list[int] = []
    by_start: list[Mention] = []
    for m in order:
        at = bisect_left(starts, m.end)
        if at and ends[at - 1] > m.start:
            continue
        starts.insert(at, m.start)
        ends.insert(at, m.end)
        by_start.insert(at, m)
    return by_start


def standing_for(referent: Mention, word: str, start: int, sentence: int, source: str) -> Mention:
    """A mention of ``referent`` at the word that points back to it (该村, 该公司, 我们)."""
    return replace(referent, text=word, start=start, end=start + len(word), sentence=sentence, source=source)


def resolve_references_back(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """The article's linked mentions with the words that point back read as what they point to,
    in text order (see the module docstring): first 该公司, then the 我们 of quotes (该公司董事长表示
    speaks for the company 该公司 points to), then 该村."""
    current = _in_place_of(list(mentions), org_anaphors(article, visible(_own(article, mentions))))
    current += quote_speakers(article, visible(_own(article, current)))
    current = _in_place_of(current, place_anaphors(article, visible(_own(article, current))))
    return sorted(current, key=lambda m: (m.start, m.end, m.label))


def _own(article: Article, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions of this article's sentences."""
    return [m for m in mentions if m.article_id == article.id and 0 <= m.sentence < len(article.sentences)]


def _in_place_of(mentions: list[Mention], found: list[Mention]) -> list[Mention]:
    """The mentions without those over the words of ``found``, and ``found``."""
    kept = [
        m
        for m in mentions
        if not any(f.sentence == m.sentence and m.start < f.end and f.start < m.end for f in found)
    ]
    return [*kept, *found]


def _linked_place(m: Mention) -> bool:
    return m.label == "PLACE" and bool(m.name) and bool(m.code or m.county_code) and not m.unresolved


def _free_words(
    article: Article, pattern: re.Pattern[str], taken: list[tuple[int, int]]
) -> Iterator[tuple[int, re.Match[str]]]:
    """Each match of ``pattern`` in each sentence that overlaps no span of ``taken`` (read as
    the caller extends it), with its sentence's index."""
    for index, sentence in enumerate(article.sentences):
        for match in pattern.finditer(article.text, sentence.start, sentence.end):
            if not any(match.start() < e and s < match.end() for s, e in taken):
                yield index, match


def place_anaphors(article: Article, seen: Sequence[Mention]) -> list[Mention]:
    """该村, 该县 as mentions of the place each points back to: the nearest linked place before
    the anaphor's own clause (in its sentence or the ones before) whose name ends in the same
    division word. Its own clause is left out: 仓上村与该村 does not pair a village with itself."""
    pattern = place_anaphor()
    text = article.text
    taken = [(m.start, m.end) for m in seen if not pattern.fullmatch(m.text)]
    places = [m for m in seen if _linked_place(m) and not pattern.fullmatch(m.text)]
    found: list[Mention] = []
    for index, word in _free_words(article, pattern, taken):
        sentence = article.sentences[index]
        clause_start = max(text.rfind(c, sentence.start, word.start()) for c in CLAUSE_STOPS)
        bound = clause_start if clause_start >= 0 else sentence.start
        suffix = word.group("noun")
        referent = _last_before(
            places, index, bound, lambda p, s=suffix: (p.name or p.text).endswith(s) or p.text.endswith(s)
        )
        if referent is not None:
            found.append(standing_for(referent, word.group(), word.start(), index, PLACE_SOURCE))
    return found


def _last_before(
    candidates: Sequence[Mention], index: int, bound: int, fits: Callable[[Mention], bool]
) -> Mention | None:
    """The last candidate that ends by ``bound``, in sentence ``index`` or the few before, and fits."""
    lookback = link_words()["lookback_sentences"]
    for m in reversed(candidates):
        if index - lookback <= m.sentence <= index and m.end <= bound and fits(m):
            return m
    return None


def _organisations(seen: Sequence[Mention]) -> list[Mention]:
    return [m for m in seen if m.label == "ORG" and not is_government(m)]


def org_anaphors(article: Article, seen: Sequence[Mention]) -> list[Mention]:
    """该公司, 该协会… as mentions of the organisation each points back to: the nearest before it,
    within a few sentences, that is no government organ and, for a specific noun (该协会), whose
    name ends in that noun; for a generic one (该公司), that is a company (no federation, school…)."""
    pattern = org_anaphor()
    words = link_words()["org_anaphors"]
    generic, not_companies = words["generic_nouns"], words["not_enterprise_subtypes"]
    orgs = [m for m in _organisations(seen) if not pattern.fullmatch(m.text)]
    taken = [(m.start, m.end) for m in seen if not (m.label == "ORG" and not is_government(m))]
    found: list[Mention] = []
    for index, match in _free_words(article, pattern, taken):
        noun = match.group("noun")
        wanted = None if noun in generic else noun  # 该协会 wants a 协会, 该公司 a company

        def fits(o: Mention, w: str | None = wanted) -> bool:
            return (o.name or o.text).endswith(w) if w else o.subtype not in not_companies

        antecedent = _last_before(orgs, index, match.start(), fits)
        if antecedent is None:
            continue
        taken.append(match.span())
        found.append(standing_for(antecedent, match.group(), match.start(), index, ORG_SOURCE))
    return found


def quote_speakers(article: Article, seen: Sequence[Mention]) -> list[Mention]:
    """The first-person words (我们, 我公司) of quotes that an organisation speaks, as mentions of
    that organisation."""
    text = article.text
    hidden = list(text)
    for m in seen:
        hidden[m.start : m.end] = HIDDEN * (m.end - m.start)
    around = "".join(hidden)
    pronoun = re.compile(_alternatives(link_words()["quote_speaker"]["pronouns"]))
    taken = [(m.start, m.end) for m in seen]
    found: list[Mention] = []
    for speaker in _organisations(seen):
        if speaker.source != ORG_SOURCE and org_anaphor().fullmatch(speaker.text):
            continue  # a 该公司 that points back to nothing named: no name to speak for
        sentence = article.sentences[speaker.sentence]
        said = _after_speaker().match(around, speaker.end, sentence.end)
        if said is None:
            continue
        for q_start, q_end in _quotes_spoken(article, speaker.sentence, speaker.start, said.end()):
            for p in pronoun.finditer(text, q_start, q_end):
                if any(p.start() < e and s < p.end() for s, e in taken):
                    continue
                taken.append(p.span())
                at = article.sentence_index_at(p.start())
                found.append(standing_for(speaker, p.group(), p.start(), at, SPEAKER_SOURCE))
    return found


def _quotes_spoken(article: Article, index: int, speaker_start: int, said_end: int) -> list[tuple[int, int]]:
    """Article spans of the quotes a speaker at ``speaker_start`` says: the one closing right
    before it (in its sentence, or the sentences before when it opens its sentence), or the
    one opening right after the verb of saying."""
    text = article.text
    sentence = article.sentences[index]
    spans: list[tuple[int, int]] = []
    before = text[sentence.start : speaker_start]
    close = max(before.rfind("”"), before.rfind("」"))
    if close >= 0 and len(before) - close <= QUOTE_GAP:
        opening = max(text.rfind("“", 0, sentence.start + close), text.rfind("「", 0, sentence.start + close))
        if opening >= 0 and sentence.start + close - opening <= MAX_QUOTE:
            spans.append((opening, sentence.start + close))
    elif len(before.strip()) <= QUOTE_GAP and index > 0:
        previous = article.sentence_text(index - 1).strip()
        if previous.endswith(("”", "」")):
            end = article.sentences[index - 1].end
            opening = max(text.rfind("“", 0, end - 1), text.rfind("「", 0, end - 1))
            if opening >= 0 and end - opening <= MAX_QUOTE:
                spans.append((opening, end))
    after = re.match(r"\s*[::,,]?\s*[“「]", text[said_end : said_end + 4])
    if after:
        opening = said_end + after.end() - 1
        closing = min([i for i in (text.find("”", opening), text.find("」", opening)) if i >= 0] or [-1])
        if opening < closing <= opening + MAX_QUOTE:
            spans.append((opening, closing))
    return spans
