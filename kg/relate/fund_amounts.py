"""Which sums of money are funds: a transfer, not a size, a turnover, a rate per unit, or a sum
the article states twice (once roughly, once exactly).

The words are the lexicon's (``funding`` in ``data/relation_lexicon.json``): a sum is a transfer
when a verb of giving comes before it in its clause (投入, 捐赠), a word for aid money follows it
(帮扶资金) or an allocation (用于, 直接安排在), or it stands right after a word for aid money and
one of its links (援疆资金补助5万元, 年度资金总计5.57亿元), or it is a level of aid money that
rises (由1.12亿元提高到3.1亿元, in a sentence that names the aid money). It is none when an
investment total, sales, income, a loan or capital stands by it, or when its clause makes it a
rate (县均, 每户).
"""

from __future__ import annotations

import re
from functools import cache

from kg.records import Party, Relation
from kg.relate.encode import Encoded
from kg.relate.rules import lexicon
from kg.relate.text import CLOSE, OPEN, TOKEN_RE, clause_bounds


def _alternatives(key: str) -> str:
    return "|".join(map(re.escape, sorted(lexicon()["funding"][key], key=len, reverse=True)))


@cache
def _nominal() -> re.Pattern[str]:
    """A word for aid money, an adverb and a link, ending the text before a sum (资金总计, 资金补助,
    项目启动资金, 项目资金将达到)."""
    words, adverbs, links = (_alternatives(k) for k in ("fund_words", "fund_adverbs", "fund_links"))
    return re.compile(f"(?:{words})(?:{adverbs})?(?:{links})?$")


@cache
def fund_phrase_after() -> re.Pattern[str]:
    """A noun phrase for aid money right after a sum (1000万元帮扶资金, 26亿元江苏省财政援助资金,
    134亿元资金涌入): 的, a place token (group ``place``) and up to six characters before a word for
    aid money."""
    place = f"(?P<place>{OPEN}P\\d+{CLOSE})"
    return re.compile(f"(?:的)?{place}?[\\u4e00-\\u9fff]{{0,6}}?(?:{_alternatives('fund_words')})")


def is_transfer(enc: Encoded, pos: int, end: int) -> bool:
    """Whether the sum at [pos, end) changes hands (a fund), not a size, a turnover or a rate."""
    fund = lexicon()["funding"]
    left, right = clause_bounds(enc.text, pos, end)
    before, after = enc.text[left:pos], enc.text[end:right]
    window = enc.text[max(left, pos - 6) : pos] + "|" + after[:6]
    if any(w in window for w in fund["not_funding_after"]):
        return False
    if any(w in before for w in fund["rate_markers"]):
        return False
    if _leveraged(enc.text[left:end]):
        return False
    if fund_phrase_after().match(after):
        return True
    of = lexicon()["particles"]["attributive"]  # 100万元的帮扶资金
    if any(after.startswith(w) or after.startswith(of + w) for w in fund["nouns_after"]):
        return True
    if any(after.startswith(w) for w in fund["allocated_after"]) or _from_source(after, fund["source_words"]):
        return True
    if _nominal().search(before) or _level_change(enc, pos, before, after):
        return True
    return any(w in before for w in fund["verbs_before"])


def _leveraged(clause: str) -> bool:
    """Whether a word of drawing money in (带动社会资金, 自筹资金) stands before the sum at the end of
    ``clause``, after the sum before it there."""
    tokens = [m for m in TOKEN_RE.finditer(clause) if m.group(1) == "M"]
    since = tokens[-2].end() if len(tokens) > 1 else 0
    return any(w in clause[since:] for w in lexicon()["funding"]["leverage_words"])


def _from_source(after: str, words: list[str]) -> bool:
    """2000万元来自X的援疆资金: the sum is aid money from X."""
    for word in words:
        if after.startswith(word):
            rest = TOKEN_RE.sub("", after[len(word) :])
            return any(w in rest for w in lexicon()["funding"]["fund_words"])
    return False


def _level_change(enc: Encoded, pos: int, before: str, after: str) -> bool:
    """由1.12亿元提高到3.1亿元: a level of aid money before or after a word of rising, in a
    sentence that names aid money before the sum."""
    rises = lexicon()["funding"]["level_change"]
    bare_before = TOKEN_RE.sub("", before)
    if not (any(after.startswith(w) for w in rises) or any(bare_before.endswith(w) for w in rises)):
        return False
    return any(w in enc.text[:pos] for w in lexicon()["funding"]["fund_words"])


def is_total(enc: Encoded, pos: int) -> bool:
    """Whether the sum at ``pos`` opens its clause after a word of adding up (,共计20万元)."""
    left, _ = clause_bounds(enc.text, pos, pos)
    return TOKEN_RE.sub("", enc.text[left:pos]).strip() in lexicon()["funding"]["total_words"]


def is_approximate(enc: Encoded, pos: int, money_text: str) -> bool:
    """A sum written roughly: 7亿多元, 2亿余元, 近1000亿元, 约56亿元, 超过10亿元."""
    fund = lexicon()["funding"]
    digits = re.search(r"[\d.]+", money_text)
    tail = money_text[digits.end() :] if digits else money_text
    if any(w in tail for w in fund["approximate_after"]):
        return True
    before = TOKEN_RE.sub("", enc.text[max(0, pos - 3) : pos])
    return any(before.endswith(w) for w in fund["approximate_before"])


def _recipient_key(party: Party | None) -> str:
    if party is None:
        return ""
    return f"{party.code or ''}|{party.county_code or ''}|{party.name}"


def without_restated(funds: list[tuple[Relation, bool]]) -> list[Relation]:
    """The funds of an article without the rough ones it also states exactly for the same
    recipient (the headline's 7亿多元 and the body's 7.74亿元 are one sum): an exact sum from 85%
    to 150% of the rough one restates it."""
    exact = [(r.amount_yuan or 0.0, _recipient_key(r.recipient)) for r, rough in funds if not rough]
    kept = []
    for r, rough in funds:
        amount, key = r.amount_yuan or 0.0, _recipient_key(r.recipient)
        if rough and any(k == key and 0.85 * amount <= a <= 1.5 * amount for a, k in exact):
            continue
        kept.append(r)
    return kept
