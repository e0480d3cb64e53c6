"""The learned pair reader (task ``pairs``): a logistic model over the candidates of
:mod:`kg.relate.pair_features`, run after the rules.

Per article, each ordered pair of places takes the best probability of its candidates (its
sentences). The rules stay: the reader adds a pair that no rule gives in either direction where
its best probability reaches the model's threshold and beats the reverse direction's (pattern
``learned:pairs``, confidence the probability, kind, programme and official pair exactly as a rule
pairing gets them, the sentence span from one mention to the other as evidence), and — where the
model file's ``settings`` ask for it — vetoes a rule's pair whose every candidate scores below
``veto`` (a pairing relation leaves; a help or funding relation between the two places stays, but no
longer states a pairing). Thresholds are chosen by leave-one-set-out figures on our annotated sets
(``kg learn pairs``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.learn.gold import GoldDoc, is_optional, place_matches
from kg.learn.linear import LinearModel, figures
from kg.learn.tasks import Candidate, register_task
from kg.places import place_key
from kg.relate.context import ArticleContext
from kg.relate.facts import pairing_relation, to_party
from kg.relate.pair_features import (
    PairChoice,
    pair_candidates,
    relation_key,
    settings,
    states_place_pair,
    widens_a_pair,
)

PATTERN = "learned:pairs"


def best_by_pair(scored: list[tuple[PairChoice, float]]) -> dict[tuple[str, str], tuple[PairChoice, float]]:
    """Each ordered pair's best-scored candidate (the first of equals, in sentence order)."""
    best: dict[tuple[str, str], tuple[PairChoice, float]] = {}
    for choice, p in scored:
        if choice.key not in best or p > best[choice.key][1]:
            best[choice.key] = (choice, p)
    return best


@register_task("pairs", order=10)
class PairTask:
    """Candidates, labels and the run-time decision of the learned pair reader."""

    name: str
    order: int

    def candidates(self, ctx: ArticleContext) -> list[Candidate]:
        return [Candidate(choice, choice.features) for choice in pair_candidates(ctx)]

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        """True where a required gold pair matches both sides, None where only an optional one does."""
        choice: PairChoice = candidate.item
        donor, recipient = to_party(choice.donor), to_party(choice.recipient)
        hits = [
            row
            for row in gold.pairs
            if place_matches(row, "donor", donor) and place_matches(row, "recipient", recipient)
        ]
        if not hits:
            return False
        return True if any(not is_optional(row) for row in hits) else None

    def apply(self, ctx: ArticleContext, model: LinearModel) -> None:
        scored = [(c.item, model.probability(c.features)) for c in self.candidates(ctx)]
        if not scored:
            return
        best = best_by_pair(scored)
        veto = model.settings.get("veto")
        if veto is not None:
            self._veto(ctx, {key for key, (_, p) in best.items() if p < veto})
        ruled = {relation_key(r) for r in ctx.relations if states_place_pair(r)}
        for key, (choice, p) in best.items():
            reverse = best.get((key[1], key[0]))
            if p < model.threshold or key in ruled or (key[1], key[0]) in ruled or widens_a_pair(key, ruled):
                continue
            if reverse is not None and reverse[1] > p:
                continue  # one direction per pair: the likelier one
            relation = pairing_relation(
                ctx.article, choice.donor, choice.recipient, choice.sentence, choice.span, PATTERN, p
            )
            if choice.across:  # the evidence is the two sentences
                first, second = ctx.article.sentences[choice.sentence : choice.sentence + 2]
                relation.sentence_text = ctx.article.text[first.start : second.end]
            ctx.add(relation)
            ctx.note_pairing(choice.donor, choice.recipient, p, choice.sentence)

    def settle(
        self, examples: Sequence[Any], probabilities: Sequence[float]
    ) -> tuple[float, dict[str, float], dict[str, Any]]:
        """How the model's verdict meets the rules' (``kg learn``'s hook), by the leave-one-set-out
        probabilities: the adding threshold and the veto whose pairs per document have the best F1
        (of equals, the higher threshold, then no veto or the lower one), with the figures of the
        rules alone and of rules and reader."""
        docs = _documents(examples, probabilities)
        best: tuple[tuple[float, float, float], float, float | None, dict[str, Any]] | None = None
        for threshold in THRESHOLDS:
            for veto in vetoes():
                figures = document_figures(docs, threshold, veto)
                score = (figures["all"]["f1"], threshold, -(veto or 0.0))
                if best is None or score > best[0]:
                    best = (score, threshold, veto, figures)
        assert best is not None
        _, threshold, veto, figures = best
        settings = {} if veto is None else {"veto": veto}
        rules = document_figures(docs, float("inf"), None)
        lines = [
            f"pairs per document, {name}: tp {f['all']['tp']} fp {f['all']['fp']} fn {f['all']['fn']} "
            f"F1 {f['all']['f1']:.3f}"
            for name, f in (("rules", rules), (f"rules + reader (add >= {threshold}, veto {veto})", figures))
        ]
        policy = {"add": threshold, "veto": veto, "rules": rules, "rules_and_reader": figures, "lines": lines}
        return threshold, settings, policy

    @staticmethod
    def _veto(ctx: ArticleContext, rejected: set[tuple[str, str]]) -> None:
        """The rules' pairs the model rejects: a pairing relation leaves, another relation between
        the two places stops stating a pairing."""
        if not rejected:
            return
        kept = []
        for relation in ctx.relations:
            if states_place_pair(relation) and relation_key(relation) in rejected:
                if relation.type == "pairing":
                    continue
                relation.states_pairing = False
            kept.append(relation)
        ctx.relations[:] = kept
        ctx.state.pairings = [
            p for p in ctx.state.pairings if (place_key(p[0]), place_key(p[1])) not in rejected
        ]


Scored = tuple[PairChoice, float, bool]  # a candidate, its probability and its label

# the cut-offs `kg learn pairs` tries: the threshold to add a pair, and a veto (None: none)
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(14))


def vetoes() -> tuple[float | None, ...]:
    """No veto, and the veto cut-offs ``data/pair_reader.json`` lets settle try."""
    return (None, *settings()["vetoes"])


def _documents(
    examples: Sequence[Any], probabilities: Sequence[float]
) -> dict[tuple[str, str], list[Scored]]:
    """The scored candidates of each (set, document)."""
    docs: dict[tuple[str, str], list[Scored]] = {}
    for example, p in zip(examples, probabilities, strict=True):
        docs.setdefault((example.group, example.doc), []).append(
            (example.candidate.item, float(p), example.label)
        )
    return docs


def pairs_kept(
    scored: list[Scored], threshold: float, veto: float | None
) -> tuple[set[tuple[str, str]], dict]:
    """The pairs of one document the rules and the reader keep at these cut-offs, and each pair's
    label (a pair of the rules no candidate scores is out of reach and left out)."""
    best: dict[tuple[str, str], float] = {}
    label: dict[tuple[str, str], bool] = {}
    ruled: set[tuple[str, str]] = set()
    for choice, p, truth in scored:
        best[choice.key] = max(p, best.get(choice.key, 0.0))
        label[choice.key] = truth
        if choice.emitted:
            ruled.add(choice.key)
    kept = {k for k in ruled if veto is None or best[k] >= veto}
    for key, p in best.items():
        reverse = (key[1], key[0])
        if key in ruled or reverse in ruled or p < threshold or best.get(reverse, 0.0) > p:
            continue
        if widens_a_pair(key, ruled):
            continue
        kept.add(key)
    return kept, label


def document_figures(docs: dict[tuple[str, str], list[Scored]], threshold: float, veto: float | None) -> dict:
    """tp, fp, fn of the kept pairs per set and in all (pairs of a document, as the scorer counts
    them; the gold pairs no candidate reaches are left out, the same for every cut-off)."""
    counts: dict[str, list[int]] = {}
    for (group, _), scored in docs.items():
        kept, label = pairs_kept(scored, threshold, veto)
        tally = counts.setdefault(group, [0, 0, 0])
        tally[0] += sum(1 for k in kept if label[k])
        tally[1] += sum(1 for k in kept if not label[k])
        tally[2] += sum(1 for k, truth in label.items() if truth and k not in kept)
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {"sets": {g: figures(*c) for g, c in sorted(counts.items())}, "all": figures(*total)}
