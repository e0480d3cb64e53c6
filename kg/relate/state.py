"""What an article has said so far: the pairings found, by which later readings choose roles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kg.places import place_key
from kg.records import Mention
from kg.relate.geo import code_within, related
from kg.relate.rules import Pattern


@dataclass
class PairCandidate:
    """A pairing before its direction is settled (symmetric wordings) and before output."""

    pattern: Pattern
    sentence: int
    span: tuple[int, int]
    first: Mention  # donor, or side a of a symmetric wording
    second: Mention
    symmetric: bool
    confidence: float
    widened: bool = False  # a side taken from its written address at a level the wording pairs


@dataclass
class ArticleState:
    """What the article says so far: its pairings, by which later stages choose roles."""

    pairings: list[tuple[Mention, Mention, float, int]] = field(default_factory=list)
    # donor_score by place while ``pairings`` is the same list of the same length (it only grows
    # by append, or is replaced by a filtered copy): the project reader asks it of every place
    # inside every project's name, ~1,700 nesting tests a project on a seeds-like article
    _scores: dict[tuple, float] = field(default_factory=dict, repr=False, compare=False)
    _scored: tuple[list, int] | None = field(default=None, repr=False, compare=False)

    def donor_score(self, place: Mention) -> float:
        scored = self._scored
        if scored is None or scored[0] is not self.pairings or scored[1] != len(self.pairings):
            self._scores.clear()
            self._scored = (self.pairings, len(self.pairings))
        key = (place_key(place), place.code, place.level, place.county_code, tuple(place.parents))
        score = self._scores.get(key)
        if score is None:
            score = self._scores[key] = self._donor_score(place)
        return score

    def _donor_score(self, place: Mention) -> float:
        score = 0.0
        for donor, recipient, confidence, _ in self.pairings:
            if related(place, donor):
                score += confidence
            if related(place, recipient):
                score -= confidence
        return score

    def is_donor_side(self, place: Mention) -> bool:
        return self.donor_score(place) > 0

    def is_recipient_side(self, place: Mention) -> bool:
        return self.donor_score(place) < 0

    def main(self, role: int) -> Mention | None:
        counts: Counter[str] = Counter()
        first: dict[str, Mention] = {}
        for pair in self.pairings:
            place = pair[role]
            counts[place_key(place)] += pair[2]
            first.setdefault(place_key(place), place)
        if not counts:
            return None
        return first[counts.most_common(1)[0][0]]

    def in_sentence(self, index: int) -> list[tuple[Mention, Mention, float, int]]:
        return [p for p in self.pairings if p[3] == index]

    def recipient_codes_contain(self, code: str | None) -> bool:
        return any(code_within(code, r) for _, r, _, _ in self.pairings) and not any(
            code_within(code, d) for d, _, _, _ in self.pairings
        )
