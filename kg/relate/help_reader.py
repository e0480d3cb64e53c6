"""The learned helper-organisation reader: candidates (an organisation of the article and a place
it may help) and their features, from our own data and structure only.

The rules (:mod:`kg.relate.help`) read the wordings they know; an organisation they leave untied
is often still a helper, told by signs no single wording holds: it opens a clause before a help
action, it is based on the giving side, the place stands after a goal marker in its sentence, the
article pairs that place. A linear model (:mod:`kg.learn.linear`, its file in
``kg/data/models/helper-orgs.json``) weighs those signs; the same :func:`candidates` serve training
and run time, so the features cannot drift. Feature names are our own: lexicon classes and
sections (``relation_lexicon.json``), subtypes (``org_subtypes.csv``), levels, regions
(``regions.csv``), the rules' actions — never words of a page.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.learn.gold import GoldDoc, is_optional, name_matches, org_matches
from kg.learn.linear import LinearModel, best_threshold, f1, figures
from kg.learn.tasks import Candidate, register_task
from kg.link.lexicon import link_words
from kg.link.organisations import is_government
from kg.org_subtypes import subtype_by_suffix
from kg.places import level_depth, province_of
from kg.records import Mention, Relation
from kg.regions import region_of
from kg.relate.context import ArticleContext
from kg.relate.encode import Encoded, Slot
from kg.relate.facts import org_party, relation, to_party
from kg.relate.geo import code_within, related
from kg.relate.orgs import (
    is_common_phrase,
    is_helped_institution,
    is_local_institution,
    origin_before,
    speaks_for,
)
from kg.relate.rules import action_regexes, lexicon
from kg.relate.subjects import opening_subject
from kg.relate.text import CLAUSE_STOPS, clause_bounds, preceded_by

PATTERN = "learned:helper-orgs"
JOINERS = ("、", "和", "及", "与", "以及")


@dataclass
class OrgMention:
    """One place in the text where the organisation stands: its sentence and token."""

    enc: Encoded
    start: int  # position of its token in the encoded sentence
    end: int
    slot: Slot


@dataclass
class HelperItem:
    """An organisation of the article and a place it may help, with the sentence that best states
    it (the provenance of a relation made from it)."""

    org: Mention
    place: Mention
    sentence: int
    span: tuple[int, int]
    action: str = "helps"
    rule_tied: bool = False  # the rules already made this organisation a giver (any relation)
    places: tuple[str, ...] = ()  # every place the organisation is a candidate for, in this article

    @property
    def org_name(self) -> str:
        return self.org.name or self.org.text

    @property
    def place_name(self) -> str:
        return _place_name(self.place)


@cache
def _words(section: str, key: str) -> tuple[str, ...]:
    return tuple(lexicon()[section][key])


@cache
def _not_agent_words() -> tuple[str, ...]:
    """The words before an organisation that make it no agent (走访, 向), also with an aspect
    particle after them (走访了), as the help rules read them."""
    lex = lexicon()["not_agent_before"]
    words = lex["words"]
    return (*words, *(w + p for p in lex["aspect_particles"] for w in words if len(w) > 1))


def _actions_in(text: str) -> set[str]:
    """The help action classes of the lexicon whose words occur in ``text``."""
    return {name for name, regex in action_regexes().items() if regex.search(text)}


def _place_name(place: Mention) -> str:
    return place.name or place.text


def _org_mentions(ctx: ArticleContext) -> dict[str, list[OrgMention]]:
    """Each organisation name of the article (canonical), with its mentions; organs and the teams a
    place sends act for their place and are left out."""
    teams = _words("stationed_team", "words")
    found: dict[str, list[OrgMention]] = defaultdict(list)
    for enc in ctx.encoded:
        for start, end, slot in enc.slot_positions():
            if slot.letter != "O" or slot.government or is_government(slot.mention):
                continue
            name = slot.mention.name or slot.mention.text
            if len(name) < 2 or name.endswith(teams):
                continue
            found[name].append(OrgMention(enc, start, end, slot))
    return found


def _flag(features: dict[str, float], name: str, value: float = 1.0) -> None:
    features[name] = max(features.get(name, 0.0), value)


def _mention_features(ctx: ArticleContext, om: OrgMention, features: dict[str, float]) -> None:
    """Signs around one mention, each flagged once over the article (the strongest mention's)."""
    for name, present in _mention_signs(ctx, om).items():
        if present:
            _flag(features, name)


def _mention_signs(ctx: ArticleContext, om: OrgMention) -> dict[str, bool]:
    """Whether the mention is a clause's subject, what help actions its clause holds after and
    before it, the words of ``not_agent_before`` around it (goal, object, receiver, thanks,
    convener), list structure, a sum or a project after it, a speaker, an origin apposition."""
    text, start, end = om.enc.text, om.start, om.end
    left, right = clause_bounds(text, start, end)
    after, before = text[end : right + 1], text[left:start]
    lex = lexicon()["not_agent_before"]
    signs = {f"org:action_after={a}": True for a in _actions_in(after)}
    signs.update({f"org:action_before={a}": True for a in _actions_in(before)})
    signs.update(
        {
            "org:subject": any(s is om.slot for s in opening_subject(om.enc, after=left)),
            "org:marker_before": preceded_by(text, start, lexicon()["recipient_markers"]["words"]),
            "org:not_agent_before": preceded_by(text, start, _not_agent_words()),
            "org:giver_before": preceded_by(
                text, start, [*lex["giver_before"], *lexicon()["agent_marker"]["words"]]
            ),
            "org:receive_after": any(w in after for w in lex["receive_words"]),
            "org:thanks_in_sentence": any(w in text for w in lex["thanks_words"]),
            "org:convene": any(w in before or w in after[:8] for w in lex["convene_verbs"]),
            "org:attribute": text[end : end + 1] == "的",
            "org:in_list": text.startswith(JOINERS, end) or text[:start].endswith(JOINERS),
            "org:list_end": text[end : end + 1] == "等",
            "org:money_after": bool(om.enc.slots_in(end, right + 1, "M")),
            "org:project_after": bool(om.enc.slots_in(end, right + 1, "J")),
            "org:built_object": preceded_by(text, start, lex["built_object_before"]),
            "org:member_of_next": text.startswith(tuple(lex["member_role_after"]), end),
            "org:speaks": speaks_for(ctx.article.text[om.slot.end : om.slot.end + 16]),
            "org:origin_apposition": origin_before(
                ctx.article.text[max(0, om.slot.start - 8) : om.slot.start]
            )
            is not None,
        }
    )
    return signs


def _name_features(org: Mention, name: str) -> dict[str, float]:
    """How much the name looks like a name: the stage that found it, a legal form
    (``link_words.legal_form_suffixes``), an ending of ``org_subtypes.csv``, a place it starts with,
    a short name, a phrase of common words (the guard's own test, :func:`is_common_phrase`)."""
    signs = {
        f"name:source={org.source}": True,
        "name:legal_form": name.endswith(tuple(link_words()["legal_form_suffixes"])),
        "name:known_ending": subtype_by_suffix(name) is not None,
        "name:home_named": bool(org.home_code),
        "name:short": len(name) <= 4,
        "name:common_phrase": is_common_phrase(name),
    }
    return {k: 1.0 for k, v in signs.items() if v}


def _org_features(ctx: ArticleContext, name: str, mentions: list[OrgMention]) -> dict[str, float]:
    """Signs of the organisation itself: subtype, home and its side, kind of body, counts."""
    org = mentions[0].slot.mention
    features: dict[str, float] = {f"org:subtype={org.subtype or 'none'}": 1.0}
    side = ctx.org_side(org)
    side_name = "donor" if side > 0 else "recipient" if side < 0 else "none"
    features[f"home:side={side_name}"] = 1.0
    features[f"cross:subtype|side={org.subtype or 'none'}|{side_name}"] = 1.0
    features[f"home:region={region_of(org.home_code) if org.home_code else 'unknown'}"] = 1.0
    if ctx.state.recipient_codes_contain(org.home_code):
        features["home:in_recipient"] = 1.0
    if is_local_institution(org):
        features["org:local_institution"] = 1.0
    if is_helped_institution(org):
        features["org:helped_institution"] = 1.0
    media = lexicon()["not_agent_before"]
    if name.endswith(tuple(media["media_endings"])) and not name.endswith(tuple(media["media_not_endings"])):
        features["org:media"] = 1.0
    features.update(_name_features(org, name))
    features["org:mentions"] = math.log1p(len(mentions))
    sentences = len(ctx.encoded) or 1
    features["org:first_position"] = min(m.enc.index for m in mentions) / sentences
    if name in (ctx.article.title or ""):
        features["org:in_title"] = 1.0
    for om in mentions:
        _mention_features(ctx, om, features)
    return features


def _rule_givers(relations: Iterable[Relation]) -> set[str]:
    """The organisations the rules made givers (of help, a sum or a project)."""
    return {r.donor.name for r in relations if r.donor is not None and r.donor.label == "ORG"}


def _candidate_places(ctx: ArticleContext, mentions: list[OrgMention]) -> dict[str, Mention]:
    """Places the organisation may help: those of its sentences, the article's pairing recipients,
    the recipient each of its sentences leans on."""
    places: dict[str, Mention] = {}
    for om in mentions:
        for slot in om.enc.slots:
            if slot.letter in "PU" and slot.place is not None and not slot.government:
                places.setdefault(_place_name(slot.place), slot.place)
        leaned = ctx.context_recipient(om.enc.index)
        if leaned is not None:
            places.setdefault(_place_name(leaned), leaned)
    for _, recipient, _, _ in ctx.state.pairings:
        places.setdefault(_place_name(recipient), recipient)
    return places


def _place_in_sentence(om: OrgMention, place: Mention) -> tuple[int, int, Slot] | None:
    """The place's token in the organisation's sentence nearest to the organisation."""
    found = [
        (pos, end, s)
        for pos, end, s in om.enc.slot_positions()
        if s.letter in "PU" and s.place is not None and _place_name(s.place) == _place_name(place)
    ]
    return min(found, key=lambda f: abs(f[0] - om.start), default=None)


def _pair_features(ctx: ArticleContext, om: OrgMention, place: Mention, features: dict[str, float]) -> float:
    """Signs of the organisation and the place in one sentence; returns how strongly this mention
    states the help (for the provenance)."""
    found = _place_in_sentence(om, place)
    if found is None:
        return 0.0
    pos, end, _ = found
    text = om.enc.text
    _flag(features, "pair:same_sentence")
    lo, hi = (om.end, pos) if pos > om.start else (end, om.start)
    between = text[lo:hi]
    clauses = len(re.findall(f"[{CLAUSE_STOPS}]", between))
    if clauses == 0:
        _flag(features, "pair:same_clause")
    _flag(features, "pair:near", 1.0 / (1.0 + len(between) / 10.0))
    others = len([s for s in om.enc.slots_in(lo, hi, "PUO")])
    _flag(features, "pair:few_between", 1.0 / (1.0 + others))
    direction = "after" if pos > om.start else "before"
    _flag(features, f"pair:place_{direction}_org")
    strength = 1.0 + (clauses == 0)
    for action in _actions_in(between):
        _flag(features, f"pair:action_between={action}")
        strength += 1.0
    if preceded_by(text, pos, lexicon()["recipient_markers"]["words"]):
        _flag(features, "pair:place_marked")
        strength += 1.0
    return strength


def _place_features(ctx: ArticleContext, org: Mention, place: Mention) -> dict[str, float]:
    """Signs of the place: its role in the article's pairings, level, region against the org's home."""
    features: dict[str, float] = {f"place:level={place.level or 'none'}": 1.0}
    score = ctx.state.donor_score(place)
    features[f"place:role={'donor' if score > 0 else 'recipient' if score < 0 else 'none'}"] = 1.0
    if any(_place_name(r) == _place_name(place) for _, r, _, _ in ctx.state.pairings):
        features["place:paired_recipient"] = 1.0
    main = ctx.state.main(1)
    if main is not None:
        if _place_name(main) == _place_name(place):
            features["place:main_recipient"] = 1.0
        elif related(main, place):
            depth = level_depth(place.level) - level_depth(main.level)
            features["place:inside_main" if depth > 0 else "place:above_main"] = 1.0
    place_region = region_of(place.code or place.county_code)
    features[f"place:region={place_region}"] = 1.0
    home_region = region_of(org.home_code) if org.home_code else "unknown"
    features[f"cross:home>place={home_region}>{place_region}"] = 1.0
    if org.home_code:
        if code_within(org.home_code, place):
            features["place:org_home_within"] = 1.0
        elif org.home_code[:2] == (province_of(place) or "")[:2]:
            features["place:org_home_same_province"] = 1.0
    title = ctx.article.title or ""
    if place.text in title or _place_name(place) in title:
        features["place:in_title"] = 1.0
    return features


def candidates(ctx: ArticleContext) -> list[Candidate]:
    """Every (organisation, place) the article offers, after the rules ran on ``ctx``.

    The rules' own constructions are no feature: they were written on the very pages the model
    learns from, where they are right far more often than on fresh ones, so a model that saw them
    only learned to repeat them (leave-one-set-out on the DEV sets: no organisation added at any
    cut-off). Their guard (:meth:`ArticleContext.helper_org`) is one: a general test, not a wording."""
    givers = _rule_givers(ctx.relations)
    found: list[Candidate] = []
    for name, mentions in _org_mentions(ctx).items():
        org = mentions[0].slot.mention
        org_features = _org_features(ctx, name, mentions)
        places = [p for p in _candidate_places(ctx, mentions).values() if not ctx.state.is_donor_side(p)]
        names = tuple(_place_name(p) for p in places)
        for place in places:
            features = dict(org_features)
            features.update(_place_features(ctx, org, place))
            if not ctx.helper_org(mentions[0].slot, place):
                features["guard:rejects"] = 1.0  # the rules' own test of a helper for this place
            best, source = 0.0, mentions[0]
            for om in mentions:
                strength = _pair_features(ctx, om, place, features)
                if strength > best:
                    best, source = strength, om
            actions = sorted(
                a.split("=", 1)[1] for a in features if a.startswith(("org:action_after=", "pair:action_"))
            )
            item = HelperItem(
                org=org,
                place=place,
                sentence=source.enc.index,
                span=source.enc.span(source.start, source.end),
                action=next((a for a in actions if a != "helps"), "helps"),
                rule_tied=name in givers,
                places=names,
            )
            found.append(Candidate(item, features))
    return found


def _best_per_org(scored: Sequence[tuple[float, Candidate]]) -> dict[str, tuple[float, HelperItem]]:
    """Each organisation's best candidate and its probability."""
    best: dict[str, tuple[float, HelperItem]] = {}
    for p, candidate in scored:
        item: HelperItem = candidate.item
        if item.org_name not in best or p > best[item.org_name][0]:
            best[item.org_name] = (p, item)
    return best


def apply_model(ctx: ArticleContext, model: LinearModel) -> None:
    """After the rules: tie each organisation the rules left untied to the place of its best
    candidate where the model's probability reaches ``settings['add_at']`` (pattern
    ``learned:helper-orgs``, confidence = that probability, provenance = the sentence of its best
    mention); drop the rules' help relations of an organisation whose best candidate scores below
    ``settings['veto_below']`` (0: never)."""
    add_at = model.settings.get("add_at", model.threshold)
    veto_below = model.settings.get("veto_below", 0.0)
    best = _best_per_org([(model.probability(c.features), c) for c in candidates(ctx)])
    vetoed: set[str] = set()
    for name, (p, item) in best.items():
        if not item.rule_tied and p >= add_at:
            ctx.add(
                relation(
                    "help",
                    ctx.article,
                    item.sentence,
                    item.span,
                    PATTERN,
                    p,
                    donor=org_party(item.org),
                    recipient=to_party(item.place),
                    action=item.action,
                )
            )
        elif item.rule_tied and p < veto_below:
            vetoed.add(name)
    if vetoed:
        ctx.relations[:] = [
            r
            for r in ctx.relations
            if not (
                r.type == "help" and r.donor is not None and r.donor.label == "ORG" and r.donor.name in vetoed
            )
        ]


def label_of(item: HelperItem, gold: GoldDoc) -> bool | None:
    """True where a required helper row names the organisation and this place, or names it with a
    place none of its candidates is (it helps — the scorer counts helpers by name — and the article
    offers no candidate to say where: each counts, so that the cut-offs see every helper); False
    where it names another of its candidates, or no row names it; None where only optional rows
    do. Helper rows carry names only, so places match by name, as the scorer's fund rows do."""
    rows = [r for r in gold.helper_orgs if org_matches(r["name"], item.org_name)]
    if not rows:
        return False
    here = [r for r in rows if name_matches(r.get("recipient") or "", item.place_name)]
    if any(not is_optional(r) for r in here):
        return True
    required = [r for r in rows if not is_optional(r)]
    if not required:
        return None
    reachable = any(name_matches(r.get("recipient") or "", other) for r in required for other in item.places)
    return not reachable


@register_task("helper-orgs", order=30)
class HelperOrgTask:
    """The learned helper-organisation reader (issue 12): see the module's docstring."""

    name: str
    order: int

    def candidates(self, ctx: Any) -> list[Candidate]:
        return candidates(ctx)

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        return label_of(candidate.item, gold)

    def apply(self, ctx: Any, model: LinearModel) -> None:
        apply_model(ctx, model)

    def settle(
        self, examples: Sequence[Any], probabilities: Sequence[float]
    ) -> tuple[float, dict[str, float], dict[str, Any]]:
        return choose_cutoffs(examples, probabilities)


@dataclass
class _OrgVerdict:
    """One organisation of one article of the training sets: its best probability, whether a
    candidate of it is a helper, whether the rules made it a giver."""

    group: str
    probability: float = 0.0
    helper: bool = False
    rule_tied: bool = False


def _org_verdicts(examples: Sequence[Any], probabilities: Sequence[float]) -> list[_OrgVerdict]:
    verdicts: dict[tuple[str, str, str], _OrgVerdict] = {}
    for example, p in zip(examples, probabilities, strict=True):
        item: HelperItem = example.candidate.item
        verdict = verdicts.setdefault((example.group, example.doc, item.org_name), _OrgVerdict(example.group))
        verdict.probability = max(verdict.probability, p)
        verdict.helper |= bool(example.label)
        verdict.rule_tied = item.rule_tied
    return list(verdicts.values())


def _counts(
    verdicts: Sequence[_OrgVerdict], add_at: float, veto_below: float, alone: bool = False
) -> tuple[int, int, int]:
    """Organisations right, wrong and missed when the rules' givers stand unless vetoed and the
    model adds the others at ``add_at`` (above 1: never); ``alone``: the model decides all at
    ``add_at``, whatever the rules said."""
    accepted = [v.probability >= (veto_below if v.rule_tied and not alone else add_at) for v in verdicts]
    tp = sum(1 for a, v in zip(accepted, verdicts, strict=True) if a and v.helper)
    fp = sum(1 for a, v in zip(accepted, verdicts, strict=True) if a and not v.helper)
    return tp, fp, sum(1 for v in verdicts if v.helper) - tp


def choose_cutoffs(
    examples: Sequence[Any], probabilities: Sequence[float]
) -> tuple[float, dict[str, float], dict[str, Any]]:
    """The cut-offs by leave-one-set-out figures per organisation (what the scorer counts): the
    threshold where the model alone is best; ``add_at``, where the rules' givers and the
    organisations the model adds among those they left untied are best together; then
    ``veto_below``, where striking the rules' givers it scores lower is best (ties: the fewer
    additions and vetoes). An organisation with no candidate of its own is in no figure."""
    verdicts = _org_verdicts(examples, probabilities)
    threshold = best_threshold([v.probability for v in verdicts], [v.helper for v in verdicts])
    never = 1.01
    cuts = sorted({round(v.probability, 6) for v in verdicts})
    add_at = max([never, *cuts], key=lambda t: (f1(*_counts(verdicts, t, 0.0)), t))
    veto_below = min([0.0, *cuts], key=lambda t: (-f1(*_counts(verdicts, add_at, t)), t))
    summary: dict[str, Any] = {"organisations": len(verdicts), "lines": []}
    for name, counts in (
        ("model alone", _counts(verdicts, threshold, 0.0, alone=True)),
        ("rules", _counts(verdicts, never, 0.0)),
        ("rules and model", _counts(verdicts, add_at, veto_below)),
    ):
        summary[name] = figures(*counts)
        summary["lines"].append(
            f"organisations, {name}: tp {counts[0]} fp {counts[1]} fn {counts[2]}  F1 {f1(*counts):.3f}"
        )
    for group in sorted({v.group for v in verdicts}):
        counts = _counts([v for v in verdicts if v.group == group], add_at, veto_below)
        summary.setdefault("sets", {})[group] = dict(zip(("tp", "fp", "fn"), counts, strict=True))
    summary["lines"].append(
        f"add_at {add_at:.3f}, veto_below {veto_below:.3f}, model alone at {threshold:.3f}"
    )
    return threshold, {"add_at": add_at, "veto_below": veto_below}, summary
