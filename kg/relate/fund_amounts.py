"""Which sums of money are funds: a transfer, not a size, a turnover, a rate per unit, money
drawn in, or a sum the article states twice (roughly and exactly, in a headline and the body).

The words are the lexicon's (``funding`` in ``data/relation_lexicon.json``): a sum is a transfer
when a verb of giving comes before it in its clause (投入, 捐赠), a word for aid money follows it
(帮扶资金) or an allocation (用于, 直接安排在), or it stands right after a word for aid money and
one of its links (援疆资金补助5万元, 年度资金总计5.57亿元), or a noun phrase of aid money follows it
(1000万元对口帮扶资金, 26亿元江苏省财政援助资金), or it is a level of aid money that rises
(由1.12亿元提高到3.1亿元, in a sentence that names the aid money). It is none when an investment
total, sales, income, a loan or capital stands by it, when its clause makes it a rate (县均, 每户),
or when money is drawn in before it with no verb of giving after (带动社会资金, 自筹资金).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from os.path import commonprefix

from kg.records import Party, Relation
from kg.relate.encode import Encoded
from kg.relate.rules import lexicon
from kg.relate.subjects import opening_subject
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


def is_transfer(enc: Encoded, pos: int, end: int, part: bool = False) -> bool:
    """Whether the sum at [pos, end) changes hands (a fund), not a size, a turnover or a rate;
    ``part``: it follows 其中 after a fund of its sentence (协议帮扶资金132万元,其中…,兴建X 58万元)."""
    fund = lexicon()["funding"]
    left, right = clause_bounds(enc.text, pos, end)
    before, after = enc.text[left:pos], enc.text[end:right]
    window = enc.text[max(left, pos - 6) : pos] + "|" + after[:6]
    guards = [w for w in fund["not_funding_after"] if w in window]
    if guards and not (set(guards) <= set(fund["arrived_words"]) and _aid_arrived(enc, pos)):
        return False
    if any(w in before for w in fund["rate_markers"]) or _traded(before):
        return False
    if _leveraged(enc.text[left:end]):
        return False
    if part or fund_phrase_after().match(after):
        return True
    of = lexicon()["particles"]["attributive"]  # 100万元的帮扶资金
    if any(after.startswith(w) or after.startswith(of + w) for w in fund["nouns_after"]):
        return True
    if any(after.startswith(w) for w in fund["allocated_after"]) or _from_source(after, fund["source_words"]):
        return True
    if _nominal().search(before) or _level_change(enc, pos, before, after):
        return True
    if any(w in before for w in fund["verbs_before"]):
        return True
    return (
        _place_invests(enc, pos, before) or _goods_given(enc, pos, before) or _project_cost(enc, pos, after)
    )


def _traded(before: str) -> bool:
    """Whether the clause before a sum buys or sells (``trade_words``: 帮助销售Y县消费帮扶产品N) and
    gives nothing: no verb of giving outside the trade words (出资采购价值N的物资 gives)."""
    fund = lexicon()["funding"]
    bare = TOKEN_RE.sub("|", before)
    if not any(w in bare for w in fund["trade_words"]):
        return False
    for word in fund["trade_words"]:
        bare = bare.replace(word, "|")
    return not any(w in bare for w in fund["verbs_before"])


def _project_cost(enc: Encoded, pos: int, after: str) -> bool:
    """投资500万元新建云岭县中学教学楼: the money put into a project, 投资 right before the sum and a
    verb of building right after it (not a project's size: 投资N建设的X), unless an enterprise is
    the subject of the clause (a company's investment is business)."""
    fund = lexicon()["funding"]
    if not TOKEN_RE.sub("", enc.text[:pos]).endswith(tuple(fund["place_verbs_before"])):
        return False
    verb = next(
        (v for v in sorted(fund["cost_verbs_after"], key=len, reverse=True) if after.startswith(v)), None
    )
    if verb is None or after[len(verb) :].startswith(lexicon()["particles"]["attributive"]):
        return False
    return not any(s.letter == "O" and s.mention.subtype == "enterprise" for s in opening_subject(enc, pos))


def _goods_given(enc: Encoded, pos: int, before: str) -> bool:
    """捐赠冷暖风机1600台,总价值240万元 (价值共计, 价值约, 总价值达 …): the value of goods given, a
    verb of giving before it in its sentence and nearer than any word of a sale or an investment;
    also the total that closes a list of goods given when no sum comes before it (捐赠一批设备,包括
    A和B,共计38万元)."""
    fund = lexicon()["funding"]
    bare = TOKEN_RE.sub("", before)
    totalled = bare in fund["total_words"] and not any(
        m.group(1) == "M" for m in TOKEN_RE.finditer(enc.text[:pos])
    )
    links = sorted({*fund["approximate_before"], *fund["fund_links"], "达"}, key=len, reverse=True)
    for _ in range(2):  # 价值共计约N: up to two links
        bare = next((bare[: -len(w)] for w in links if bare.endswith(w)), bare)
    valued = bare.endswith(tuple(fund["goods_value_words"]))
    sentence = TOKEN_RE.sub("", enc.text[:pos])
    if not (valued or totalled):
        return False
    given = max((sentence.rfind(w) for w in (*fund["verbs_before"], *fund["goods_verbs"])), default=-1)
    other = max((sentence.rfind(w) for w in fund["not_funding_after"]), default=-1)
    return given > other


def _place_invests(enc: Encoded, pos: int, before: str) -> bool:
    """海州近年来累计对石桥镇投资1500万元: a place that is its clause's subject puts the sum, right
    after a verb of ``place_verbs_before``, into the place 对/向 names right before the verb."""
    verbs = "|".join(map(re.escape, lexicon()["funding"]["place_verbs_before"]))
    if not re.search(f"[对向]{OPEN}P\\d+{CLOSE}(?:{verbs})$", before):
        return False
    return any(s.letter == "P" and len(s.mention.text) >= 2 for s in opening_subject(enc, pos))


def _aid_arrived(enc: Encoded, pos: int) -> bool:
    """Whether money that has arrived (到位资金) is aid: its sentence names aid before it and no
    deal (无偿援助项目50个,累计到位资金1.2亿元; not 签约项目…累计到位资金N)."""
    fund = lexicon()["funding"]
    bare = TOKEN_RE.sub("", enc.text)
    before = TOKEN_RE.sub("", enc.text[:pos])
    return any(w in before for w in fund["aid_words"]) and not any(w in bare for w in fund["deal_words"])


def own_spending(enc: Encoded, pos: int) -> bool:
    """Whether the payer of the sum at ``pos`` is the receiving side's own government written
    without a place name (自治区财政厅…增加补助资金18亿元, ``own_government``): the nearest of them
    before the sum in its sentence, with no place or organisation token after it but one a
    recipient marker introduces (向Y县)."""
    before = enc.text[:pos]
    at = max((before.rfind(w) for w in lexicon()["funding"]["own_government"]), default=-1)
    if at < 0:
        return False
    markers = tuple(lexicon()["recipient_markers"]["words"])
    for token in TOKEN_RE.finditer(before, at):
        if token.group(1) in ("P", "U", "O") and not before[: token.start()].endswith(markers):
            return False
    return True


def _leveraged(clause: str) -> bool:
    """Whether a word of drawing money in (带动社会资金, 自筹资金, 整合部门资金) stands before the sum at
    the end of ``clause`` with no verb of giving after it, nor a sum before it there (引导企业向Y
    捐赠N: the enterprises give)."""
    fund = lexicon()["funding"]
    tokens = [m for m in TOKEN_RE.finditer(clause) if m.group(1) == "M"]
    since = tokens[-2].end() if len(tokens) > 1 else 0
    for word in fund["verbs_before"]:
        at = clause.rfind(word, since)
        if at >= 0:
            since = max(since, at + len(word))
    if clause.startswith(tuple(fund["own_money_words"]), since):
        return False  # 投入自筹资金: the giver's own money
    return any(w in clause[since:] for w in fund["leverage_words"])


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


def totals_rates(enc: Encoded, pos: int) -> bool:
    """Whether the sum at ``pos`` adds up (is_total: ,共计80万元) sums of its sentence that are
    rates (分别向所帮扶的村捐赠5万元): the total is what is given."""
    if not is_total(enc, pos):
        return False
    rates = lexicon()["funding"]["rate_markers"]
    for token in TOKEN_RE.finditer(enc.text, 0, pos):
        if token.group(1) == "M":
            left, _ = clause_bounds(enc.text, token.start(), token.start())
            if any(w in enc.text[left : token.start()] for w in rates):
                return True
    return False


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


@dataclass
class StatedSum:
    """A fund row as read, with what tells a restatement: written roughly, dated in its own
    sentence, read from a heading."""

    relation: Relation
    rough: bool
    dated: bool
    heading: bool


def _same_giver(a: Party | None, b: Party | None) -> bool:
    """Givers that may be one: either unnamed, the same name, or names of one organisation written
    two ways (河南万达置业有限公司, 河南万达置业集团: four characters or more in common at the start)."""
    if a is None or b is None or a.name == b.name:
        return True
    if a.label != "ORG" or b.label != "ORG":
        return False
    common = len(commonprefix([a.name, b.name]))
    return common >= 4


def _restates(later: StatedSum, earlier: StatedSum) -> bool:
    """Whether two rows state one sum: the same amount for the same recipient from givers that may
    be one, not dated in two sentences of their own (5000万元 in 2019 and again in 2020)."""
    a, b = later.relation, earlier.relation
    if not a.amount_yuan or not b.amount_yuan or abs(a.amount_yuan - b.amount_yuan) > 0.005 * b.amount_yuan:
        return False
    if _recipient_key(a.recipient) != _recipient_key(b.recipient) or not _same_giver(a.donor, b.donor):
        return False
    if a.sentence == b.sentence:
        return False  # 分别, 各 and a sum's parts: rows of their own
    return not (later.dated and earlier.dated and a.date != b.date)


def _better(a: StatedSum, b: StatedSum) -> StatedSum:
    """The row to keep of two that state one sum: the one that names its giver, else the body's."""
    if (a.relation.donor is None) != (b.relation.donor is None):
        return a if a.relation.donor is not None else b
    if a.heading != b.heading:
        return b if a.heading else a
    return a


def without_restated(funds: list[StatedSum]) -> list[Relation]:
    """The funds of an article, each stated sum once: a rough one the article also states exactly
    for the same recipient (the headline's 7亿多元 and the body's 7.74亿元: an exact sum from 85% to
    150% of the rough one restates it) goes, and of the rows that state one sum again (a headline
    and its body, 该公司 and its full name) the one that names its giver, else the body's, stays."""
    exact = [
        (f.relation.amount_yuan or 0.0, _recipient_key(f.relation.recipient)) for f in funds if not f.rough
    ]
    kept: list[StatedSum] = []
    for f in funds:
        amount, key = f.relation.amount_yuan or 0.0, _recipient_key(f.relation.recipient)
        if f.rough and any(k == key and 0.85 * amount <= a <= 1.5 * amount for a, k in exact):
            continue
        same = next((i for i, k in enumerate(kept) if _restates(f, k)), None)
        if same is None:
            kept.append(f)
        else:
            kept[same] = _better(kept[same], f)
    return [f.relation for f in kept]
