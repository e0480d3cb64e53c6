"""A reader for the tests of kg.learn: every ordered pair of places in one sentence, scored on
whether the sentence says 结对 and on their order; ``apply`` adds the pairs it accepts."""

from __future__ import annotations

from itertools import permutations
from typing import Any

from kg.learn.gold import GoldDoc, is_optional, place_matches
from kg.learn.linear import LinearModel
from kg.learn.tasks import Candidate, register_task
from kg.records import Party, Relation


@register_task("toy-pairs", order=5)
class ToyPairs:
    name: str
    order: int

    def candidates(self, ctx: Any) -> list[Candidate]:
        out: list[Candidate] = []
        places: dict[int, list[Any]] = {}
        for enc in ctx.encoded:
            for slot in enc.slots:
                if slot.letter == "P":
                    places.setdefault(enc.index, []).append(slot.place or slot.mention)
        for sentence, mentions in sorted(places.items()):
            span = ctx.article.sentences[sentence]
            text = ctx.article.text[span.start : span.end]
            for a, b in permutations(mentions, 2):
                features = {"pairing_word_in_sentence": float("结对" in text)}
                features["first"] = float(a.start < b.start)
                out.append(Candidate((sentence, a, b), features))
        return out

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        _, a, b = candidate.item
        hits = [r for r in gold.pairs if place_matches(r, "donor", a) and place_matches(r, "recipient", b)]
        if not hits:
            return False
        return True if any(not is_optional(row) for row in hits) else None

    def apply(self, ctx: Any, model: LinearModel) -> None:
        for candidate in self.candidates(ctx):
            sentence, a, b = candidate.item
            if not model.accepts(candidate.features):
                continue
            span = ctx.article.sentences[sentence]
            ctx.add(
                Relation(
                    type="pairing",
                    article_id=ctx.article.id,
                    donor=Party(label="PLACE", name=a.name, code=a.code, level=a.level),
                    recipient=Party(label="PLACE", name=b.name, code=b.code, level=b.level),
                    sentence=sentence,
                    sentence_text=ctx.article.text[span.start : span.end],
                    start=min(a.start, b.start),
                    end=max(a.end, b.end),
                    pattern="learned:toy-pairs",
                    confidence=model.probability(candidate.features),
                )
            )


@register_task("toy-pairs-settled", order=6)
class ToyPairsSettled(ToyPairs):
    """The toy reader with its own policy: it adds at the highest probability a positive had and
    vetoes nothing (settings written to the model file)."""

    def settle(
        self, examples: list[Any], probabilities: Any
    ) -> tuple[float, dict[str, float], dict[str, Any]]:
        top = max(float(p) for e, p in zip(examples, probabilities, strict=True) if e.label)
        return top, {"veto_below": 0.0}, {"add_at": top, "examples": len(examples)}
