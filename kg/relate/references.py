"""Words that point back: 该村/该县 to a place, 该公司 to an organisation, 我们 in a quote to the
organisation that speaks it. Each is returned as a mention of what it points to."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache

from kg.records import Article, Mention
from kg.relate.encode import ANAPHOR_SOURCE, SPEAKER_SOURCE, Encoded
from kg.relate.rules import alternatives, expand, lexicon
from kg.relate.text import CLAUSE_STOPS

QUOTE_GAP = 6  # characters between a quote's end and its speaker (昨日,)


MAX_QUOTE = 600  # characters of one quote


@cache
def _speaker_regex() -> re.Pattern[str]:
    """An organisation, who of it speaks, and a verb of saying (某某集团相关负责人告诉记者)."""
    return re.compile(expand(lexicon()["quote_speaker"]["regex"]))


def standing_for(referent: Mention, word: str, start: int, sentence: int, source: str) -> Mention:
    """A mention of ``referent`` at the word that points back to it (该村, 该公司, 我们)."""
    return replace(referent, text=word, start=start, end=start + len(word), sentence=sentence, source=source)


def _free_words(
    article: Article, encoded: Sequence[Encoded], regex: str, taken: list[tuple[int, int]]
) -> Iterator[tuple[Encoded, re.Match[str], int, int]]:
    """Each match of ``regex`` in each sentence, with its article offsets, that overlaps no span of
    ``taken`` (read as the caller extends it)."""
    for enc in encoded:
        sentence = article.sentences[enc.index]
        for match in re.finditer(regex, article.text[sentence.start : sentence.end]):
            start, end = sentence.start + match.start(), sentence.start + match.end()
            if not any(start < e and s < end for s, e in taken):
                yield enc, match, start, end


def place_anaphors(article: Article, encoded: Sequence[Encoded]) -> list[Mention]:
    """The anaphors (该村, 该县) of the article as mentions of the place each points back to:
    the nearest place before the anaphor's own clause (in its sentence or the ones before)
    whose name ends in the same division word. Its own clause is left out: 仓上村与该村
    does not pair a village with itself. Where this finds a place, it replaces the linker's
    reading of the word (which takes the nearest place of that kind, in the clause too)."""
    rule = lexicon()["anaphors"]
    text = article.text
    taken = [
        (s.start, s.end)
        for enc in encoded
        for s in enc.slots
        if not re.fullmatch(rule["regex"], s.mention.text)
    ]
    found: list[Mention] = []
    for enc, word, start, _ in _free_words(article, encoded, rule["regex"], taken):
        sentence = article.sentences[enc.index]
        clause_start = max(text.rfind(c, sentence.start, start) for c in CLAUSE_STOPS)
        bound = clause_start if clause_start >= 0 else sentence.start
        referent = _place_before(encoded, enc.index, bound, word.group()[1:], rule["lookback_sentences"])
        if referent is not None:
            found.append(standing_for(referent, word.group(), start, enc.index, "anaphor"))
    return found


def _place_before(
    encoded: Sequence[Encoded], index: int, bound: int, suffix: str, lookback: int
) -> Mention | None:
    for i in range(index, max(-1, index - lookback - 1), -1):
        for slot in reversed(encoded[i].slots):
            place = slot.place
            if slot.letter != "P" or place is None or slot.end > bound or slot.government:
                continue
            if re.fullmatch(lexicon()["anaphors"]["regex"], slot.mention.text):
                continue  # another anaphor, as the linker read it
            if (place.name or place.text).endswith(suffix) or place.text.endswith(suffix):
                return place
    return None


def org_anaphors(article: Article, encoded: Sequence[Encoded]) -> list[Mention]:
    """该公司, 该协会… as mentions of the organisation each points back to (``source``
    ANAPHOR_SOURCE): the nearest organisation before it, within a few sentences, that is no
    government organ and, for a specific noun (该协会), whose name ends in that noun."""
    rule = lexicon()["org_anaphors"]
    taken = [(s.start, s.end) for enc in encoded for s in enc.slots if s.letter != "O"]
    found: list[Mention] = []
    for enc, match, start, end in _free_words(article, encoded, rule["regex"], taken):
        noun = re.sub(f"^(?:{alternatives(rule['determiners'])})", "", match.group())
        wanted = None if noun in rule["generic_nouns"] else noun  # 该协会 wants a 协会
        antecedent = _org_before(encoded, enc.index, start, wanted, rule["lookback_sentences"])
        if antecedent is None:
            continue
        taken.append((start, end))
        found.append(standing_for(antecedent, match.group(), start, enc.index, ANAPHOR_SOURCE))
    return found


def _org_before(
    encoded: Sequence[Encoded], index: int, bound: int, noun: str | None, lookback: int
) -> Mention | None:
    """The nearest organisation slot before ``bound`` (sentence ``index`` and the ones before)."""
    for i in range(index, max(-1, index - lookback - 1), -1):
        for slot in reversed(encoded[i].slots):
            if slot.letter != "O" or slot.end > bound or slot.government:
                continue
            name = slot.mention.name or slot.mention.text
            if noun is None or name.endswith(noun):
                return slot.mention
    return None


def quote_speakers(article: Article, encoded: Sequence[Encoded]) -> list[Mention]:
    """The first-person words (我们, 我公司) of quotes that an organisation speaks, as mentions
    of that organisation (``source`` SPEAKER_SOURCE)."""
    words = lexicon()["quote_speaker"]["pronouns"]
    pronoun = re.compile(alternatives(words))
    text = article.text
    taken = [(m.start, m.end) for enc in encoded for m in (s.mention for s in enc.slots)]
    found: list[Mention] = []
    for enc in encoded:
        for match in _speaker_regex().finditer(enc.text):
            slots = enc.slots_in(match.start("speaker"), match.end("speaker"), "O")
            if not slots or slots[0].government:
                continue
            speaker = slots[0].mention
            said_end = enc.span(match.start(), match.end())[1]
            for q_start, q_end in _quotes_spoken(article, enc.index, speaker.start, said_end):
                for p in pronoun.finditer(text, q_start, q_end):
                    if any(p.start() < e and s < p.end() for s, e in taken):
                        continue
                    taken.append(p.span())
                    found.append(
                        standing_for(
                            speaker,
                            p.group(),
                            p.start(),
                            article.sentence_index_at(p.start()),
                            SPEAKER_SOURCE,
                        )
                    )
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
