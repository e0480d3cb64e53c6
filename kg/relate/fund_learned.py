"""The learned fund readers (:mod:`kg.learn`): ``fund-rows`` (is a row the rules read right?),
``fund-sums`` (is a sum of money a fund?) and ``fund-parties`` (which giver and which
receiver?), over the candidates of :mod:`kg.relate.fund_readers`.

They run after the rules, when their model file ships in ``data/models``:

* ``fund-rows`` drops a fund row of the rules that it scores below its threshold (a sum the
  rules credit to a party the sentence does not make its giver or receiver);

* ``fund-sums`` drops the rules' rows of a sum it scores below its ``veto`` setting, and reads a
  sum the rules left out (no row) when it scores at or above its threshold — with the rules'
  own reading of the parties (:func:`kg.relate.funding.sum_rows`, the sum taken as a transfer);
* ``fund-parties`` takes, for a sum the rules read as one row, the (giver, receiver) pair it
  scores best instead of the rules' pair, when that pair scores at least its ``margin`` setting
  above the rules' pair. "No giver named" is one of the givers: a giver is never guessed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg.learn.gold import GoldDoc, amount_matches, is_optional, name_matches
from kg.learn.linear import LinearModel
from kg.learn.tasks import Candidate, register_task
from kg.relate.context import ArticleContext
from kg.relate.fund_readers import (
    PairCandidate,
    SumCandidate,
    pair_candidates,
    party_candidates,
    party_key,
    row_candidates,
    sentences,
    sum_candidates,
)
from kg.relate.funding import sum_rows


def _gold_funds(gold: GoldDoc, amount: float) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The required and the optional gold funds of that amount."""
    funds = [f for f in gold.funds if amount_matches(float(f["amount_yuan"]), amount)]
    return [f for f in funds if not is_optional(f)], [f for f in funds if is_optional(f)]


def _hit(fund: dict[str, Any], donor: str, recipient: str) -> bool:
    """The scorer's match of a row's giver and receiver names (a gold giver of "" takes any)."""
    if not name_matches(fund["recipient"], recipient):
        return False
    return not fund.get("donor") or name_matches(fund["donor"], donor)


@register_task("fund-rows", order=59)
class FundRows:
    """A fund row of the rules is right when a required gold fund has its amount, its receiver
    and its giver (None: it matches only an optional one)."""

    name: str
    order: int

    def candidates(self, ctx: ArticleContext) -> list[Candidate]:
        return [Candidate(row, features) for row, features in row_candidates(ctx)]

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        row = candidate.item
        required, optional = _gold_funds(gold, row.amount_yuan or 0.0)
        names = (row.donor.name if row.donor else "", row.recipient.name if row.recipient else "")
        if any(_hit(f, *names) for f in required):
            return True
        return None if any(_hit(f, *names) for f in optional) else False

    def apply(self, ctx: ArticleContext, model: LinearModel) -> None:
        dropped = [row for row, features in row_candidates(ctx) if not model.accepts(features)]
        ctx.relations = [r for r in ctx.relations if not any(r is row for row in dropped)]


@register_task("fund-sums", order=60)
class FundSums:
    """A MONEY mention is a fund when a required gold fund has its amount."""

    name: str
    order: int

    def candidates(self, ctx: ArticleContext) -> list[Candidate]:
        return [Candidate(c, c.features) for c in sum_candidates(ctx)]

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        required, optional = _gold_funds(gold, candidate.item.amount)
        return True if required else (None if optional else False)

    def apply(self, ctx: ArticleContext, model: LinearModel) -> None:
        veto = model.settings.get("veto", 0.0)
        for candidate in self.candidates(ctx):
            c: SumCandidate = candidate.item
            p = model.probability(candidate.features)
            if c.rows and p < veto:
                ctx.relations = [r for r in ctx.relations if not any(r is row for row in c.rows)]
            elif not c.rows and p >= model.threshold:
                enc = ctx.encoded[c.sentence]
                date = next((s.mention.iso for s in enc.slots if s.letter == "D" and s.mention.iso), None)
                for row in sum_rows(ctx, enc, enc.slot_positions(), (c.start, c.end), date, part=True):
                    # a sum read by the reader states no pairing of its parties
                    ctx.add(
                        replace(
                            row, pattern="learned:fund-sums", confidence=round(p, 3), states_pairing=False
                        )
                    )


def _pair_row(pair: PairCandidate) -> tuple[str, str]:
    donor, recipient = pair.donor.party, pair.recipient.party
    return (donor.name if donor else "", recipient.name if recipient else "")


@register_task("fund-parties", order=61)
class FundParties:
    """One (giver, receiver) pair of a sum that a required gold fund of its amount has; a named
    giver where the gold names none is left out of training (the scorer accepts it, but the
    reader must not learn to guess)."""

    name: str
    order: int

    def candidates(self, ctx: ArticleContext) -> list[Candidate]:
        read = sentences(ctx)
        found = []
        for c in sum_candidates(ctx, read):
            for pair in pair_candidates(ctx, party_candidates(ctx, read, c)):
                found.append(Candidate(pair, pair.features))
        return found

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        pair: PairCandidate = candidate.item
        required, optional = _gold_funds(gold, pair.donor.sum.amount)
        if not required:
            return None
        donor, recipient = _pair_row(pair)
        hits = [f for f in required if _hit(f, donor, recipient)]
        if hits:
            return None if donor and all(not f.get("donor") for f in hits) else True
        return None if any(_hit(f, donor, recipient) for f in optional) else False

    def apply(self, ctx: ArticleContext, model: LinearModel) -> None:
        margin = model.settings.get("margin", 0.0)
        by_sum: dict[int, list[Candidate]] = {}
        for candidate in self.candidates(ctx):
            by_sum.setdefault(id(candidate.item.donor.sum), []).append(candidate)
        for candidates in by_sum.values():
            c: SumCandidate = candidates[0].item.donor.sum
            if len(c.rows) != 1:
                continue  # a sum the rules share out (分别, 各) keeps their rows
            row = c.rows[0]
            scored = [(model.probability(x.features), x.item) for x in candidates]
            best_p, best = max(scored, key=lambda t: t[0])
            rule_p = max(
                (
                    p
                    for p, pair in scored
                    if party_key(pair.donor.party) == party_key(row.donor)
                    and party_key(pair.recipient.party) == party_key(row.recipient)
                ),
                default=0.0,
            )
            if best_p < model.threshold or best_p - rule_p < margin:
                continue
            changed = replace(
                row,
                donor=best.donor.party,
                recipient=best.recipient.party,
                pattern="learned:fund-parties",
                confidence=round(best_p, 3),
                states_pairing=False,
            )
            ctx.relations = [changed if r is row else r for r in ctx.relations]
