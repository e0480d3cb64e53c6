"""Projects: a named project, the place it is built in and who builds it."""

from __future__ import annotations

from kg.records import Party
from kg.relate.context import ArticleContext
from kg.relate.facts import org_party, relation, to_party
from kg.relate.geo import comparable_levels, related
from kg.relate.rules import lexicon, pattern_of
from kg.relate.text import clause_bounds, preceded_by


def read_projects(ctx: ArticleContext) -> None:
    """Each project the project construction finds: the place it is built in and its builder."""
    proj = lexicon()["project"]
    rule = pattern_of("project")
    for enc in ctx.encoded:
        positions = enc.slot_positions()
        for match in rule.regex.finditer(enc.text):
            pos, end = match.span("project")
            slot = enc.slots_in(pos, end, "J")[0]
            left, right = clause_bounds(enc.text, pos, end)
            sentence_places = [(p, s) for p, _, s in positions if s.letter in "PU" and s.place]
            placed = [s for p, s in sentence_places if preceded_by(enc.text, p, proj["place_words"])]
            candidates = [s for s in placed if not ctx.state.is_donor_side(s.place)] or [
                s for p, s in sentence_places if left <= p < right and not ctx.state.is_donor_side(s.place)
            ]
            place = candidates[0].place if candidates else None
            builder: Party | None = None
            verbs = proj["builder_verbs"]
            for p, e, s in positions:
                if s.letter not in "PO" or s is slot:
                    continue
                if (
                    s.place
                    and (place is None or not related(s.place, place))
                    and ctx.state.is_donor_side(s.place)
                    # as for funds: a place builds in a place of another level only where
                    # the article pairs the two
                    and (place is None or comparable_levels(s.place, place) or ctx.paired(s.place, place))
                ):
                    following = enc.text[e : e + 30]
                    if any(v in following for v in verbs) or enc.text[max(0, p - 1) : p] == "由":
                        builder = to_party(s.place)
                        break
                if s.letter == "O" and ctx.helper_org(s, place):
                    following = enc.text[e : e + 30]
                    if any(v in following for v in verbs) or enc.text[max(0, p - 1) : p] == "由":
                        builder = org_party(s.mention)
                        break
            if place is None and builder is None:
                continue
            ctx.add(
                relation(
                    "project",
                    ctx.article,
                    enc.index,
                    enc.span(left, max(right, end)),
                    rule.id,
                    rule.confidence if place and builder else rule.partial_confidence or 0.0,
                    donor=builder,
                    recipient=to_party(place) if place else None,
                    project=slot.mention.name or slot.mention.text,
                )
            )
