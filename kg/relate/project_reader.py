"""The learned project reader: every span that may name a project, with features from our own
data, for a linear model trained on the annotated pages (``kg learn projects``).

The rules (:mod:`kg.relate.projects`) cannot tell a named 基地 that was built from one that is
visited, thanked or counted as a kind; nor can they find a 项目 the entity stage never marked.
This reader lists every *candidate* — each PROJECT mention, each organisation or place mention
whose name ends like a built thing (…车间, …小学), and each span that ends with one of the
project endings of the pattern file (``project_heads``) with its left edge found as the entity
stage finds a name's (:func:`kg.nlp.patterns.trim_name`) — and describes it by what our data
says around it: the ending's class and word, the name's shape, the word classes of the relation
lexicon before and after it in its clause, the lexicon's own project tests (counted, not built,
a programme), a list, quotes, the rules' verdict, the relations of its sentence, the title.
Feature names are our own (a lexicon section, a head word of the pattern file), never page text.

At run time (:func:`apply_projects`), after the rules: a candidate the rules did not emit whose
probability reaches the model's threshold is added (pattern ``learned:projects``, confidence =
probability), its place chosen by the rules' own place reading; a rule project whose probability
falls below the veto threshold is dropped, unless the rules read its builder. Training and run
time share :func:`project_candidates`, so the features cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from kg.gazetteer import load_gazetteer
from kg.learn.gold import GoldDoc, is_optional, project_matches
from kg.learn.linear import LinearModel, f1, figures
from kg.learn.tasks import Candidate, register_task
from kg.nlp.patterns import (
    is_verb_phrase,
    load_patterns,
    project_heads,
    stem_is_generic,
    trim_name,
)
from kg.records import Mention, Relation
from kg.relate.context import ArticleContext
from kg.relate.project_names import generic_name
from kg.relate.projects import add_learned, encoded_span, rule_verdict
from kg.relate.rules import lexicon
from kg.relate.text import clause_bounds

LEARNED_PATTERN = "learned:projects"
MAX_NAME = 24  # characters a candidate's name may span before its ending
QUOTES = '“”"「」『』'
QUANTITY = re.compile(r"[\d.]+[十百千万亿]*(?:元|平方米|平米|亩|米|公里|个|座|处|间|所|家|栋|条)")
LENGTHS = ((3, "2-3"), (5, "4-5"), (8, "6-8"), (12, "9-12"))
# features read again for the spans the rules emitted: most candidates of a kind (a school, a short
# name) are not projects, but the few the rules state as built mostly are — the veto must tell
# those apart by what the rules saw, not by the kind's many unemitted mentions
EMITTED_CROSSED = ("head_class:", "head:", "entity:", "length:")

# the relation lexicon's word lists whose presence around a candidate is a feature (names of
# sections of kg/data/relation_lexicon.json, not words)
WORD_CLASSES = (
    ("project", "builder_verbs"),
    ("project", "building_verbs"),
    ("project", "building_nouns"),
    ("project", "built_org_verbs"),
    ("project", "venue_verbs"),
    ("project", "place_words"),
    ("project", "not_built", "visit_verbs"),
    ("project", "not_built", "build_words"),
    ("actions", "donates"),
    ("actions", "invests"),
    ("actions", "builds"),
    ("actions", "helps"),
    ("funding", "verbs_before"),
    ("agent_marker", "words"),
    ("negation", "words"),
)
# the lexicon's project tests (regexes) and the text they read: the name, the clause before it,
# the clause after it
REGEX_TESTS = (
    ("name", ("project", "not_built", "programme_head")),
    ("name", ("project", "not_built", "programme_works")),
    ("before", ("project", "not_built", "predicate_before")),
    ("before", ("project", "not_built", "addressed_before")),
    ("before", ("project", "not_built", "programme_built_before")),
    ("before", ("project", "counted_before")),
    ("before", ("project", "building_before")),
    ("before", ("project", "place_word_gap")),
    ("after", ("project", "not_built", "acting_after")),
    ("after", ("project", "not_built", "policy_after")),
    ("after", ("project", "not_built", "programme_built_after")),
    ("after", ("project", "counted_after")),
    ("after", ("project", "building_after")),
    ("after", ("project", "built_org_after")),
    ("after", ("project", "builder_modifier")),
)


@dataclass
class ProjectCandidate:
    """A span that may name a project: where it is, its name, and what describes it."""

    sentence: int
    start: int  # article offsets, end exclusive
    end: int
    name: str
    mention: Mention | None = None  # the mention it is, when the entity stage found one
    features: dict[str, float] = field(default_factory=dict)
    rule: list[Relation] = field(default_factory=list)  # the rules' project relations of this name


@cache
def _word_classes() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each word class as (feature name, its plain words)."""
    found = []
    for path in WORD_CLASSES:
        words = _lexicon_entry(path)
        plain = tuple(w for w in words if isinstance(w, str) and not re.search(r"[(){}\[\]|?*+\\]", w))
        found.append((".".join(path), plain))
    return tuple(found)


@cache
def _word_finders() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    """Each word class as (feature name, one regex of its words, its words): whether a text holds
    one of them in one search, whether it ends with one in one ``endswith``."""
    return tuple(
        (klass, re.compile("|".join(map(re.escape, words)) if words else "(?!)"), words)
        for klass, words in _word_classes()
    )


@cache
def _regex_tests() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    return tuple((where, ".".join(path), re.compile(_lexicon_entry(path))) for where, path in REGEX_TESTS)


def _lexicon_entry(path: tuple[str, ...]) -> object:
    entry: object = lexicon()
    for key in path:
        entry = entry[key]  # type: ignore[index]
    return entry


def _length_bucket(n: int) -> str:
    return next((label for limit, label in LENGTHS if n <= limit), "13+")


def _head_spans(ctx: ArticleContext, index: int, here: list[Mention]) -> Iterable[tuple[int, int, str]]:
    """Spans of the sentence that end with a project ending, their left edge found as a name's:
    no lead word or verb (trim_name), no sum, date, person or quantity (50万元, 3万平方米)."""
    article, heads = ctx.article, project_heads()
    sentence = article.sentences[index]
    patterns = load_patterns()
    places = [(m.start, m.end) for m in here if m.label == "PLACE"]
    stops = [m.end for m in here if m.label in ("MONEY", "DATE", "PERSON")]
    for match in heads.head.finditer(article.text, sentence.start, sentence.end):
        end = match.end()
        floor = max(sentence.start, match.start() - MAX_NAME)
        units = heads.unit.search(article.text, floor, match.start())  # none: the ending alone
        left = units.start() if units else match.start()
        trimmed = trim_name(article.text, left, end, patterns, places, widen=True, inner_place=False)
        left = max(trimmed[0] if trimmed else left, sentence.start)
        cuts = [e for e in stops if left < e <= match.start()]
        verbs = patterns.lead_verb.finditer(article.text, left, end)  # 建设项目: a noun, seen to the end
        cuts += [v.end() for v in verbs if v.end() <= match.start()]
        quantities = QUANTITY.finditer(article.text, max(sentence.start, left - 12), match.start())
        cuts += [q.end() for q in quantities if q.end() > left]  # 2000|平方米: the number before the edge
        yield max([left, *cuts]), end, match.lastgroup or ""


def _mention_candidate(mention: Mention) -> bool:
    """A mention that may name a project: a PROJECT, or an organisation or a place whose name ends
    like a built thing (a school, a hospital, a workshop)."""
    if mention.label == "PROJECT":
        return True
    if mention.label not in ("ORG", "PLACE"):
        return False
    name = mention.name or mention.text
    if mention.label == "ORG" and mention.subtype in ("school", "hospital"):
        return True
    return _project_ending(name) is not None


@lru_cache(maxsize=8192)
def _project_ending(name: str) -> tuple[int, str, str | None] | None:
    """The project ending a name ends with (its start, its text, its class), or None. Kept: every
    organisation and place mention of an article is asked, the same names many times."""
    ending = next((m for m in project_heads().head.finditer(name) if m.end() == len(name)), None)
    return None if ending is None else (ending.start(), ending.group(0), ending.lastgroup)


def project_candidates(ctx: ArticleContext, mentions: Iterable[Mention]) -> list[ProjectCandidate]:
    """Every span of the article that may name a project, with its features (after the rules)."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    rules = [r for r in ctx.relations if r.type == "project"]
    found: list[ProjectCandidate] = []
    for index in range(len(ctx.article.sentences)):
        here = sorted(by_sentence.get(index, []), key=lambda m: (m.start, -m.end))
        by_end: dict[int, ProjectCandidate] = {}
        for m in here:
            if _mention_candidate(m):
                cand = by_end.get(m.end)
                if cand is None or (cand.mention is not None and cand.mention.label != "PROJECT"):
                    by_end[m.end] = ProjectCandidate(index, m.start, m.end, m.name or m.text, m)
        spans = {end: (start, cls) for start, end, cls in _head_spans(ctx, index, here)}
        for end, (start, _) in spans.items():
            if end not in by_end and end - start >= 2:
                by_end[end] = ProjectCandidate(index, start, end, ctx.article.text[start:end])
        for end, cand in sorted(by_end.items()):
            cand.rule = [r for r in rules if r.sentence == index and _same_name(r.project or "", cand.name)]
            cand.features = _features(ctx, cand, here, spans.get(end, (cand.start, ""))[1], rules)
            if any(o.start <= cand.start and o.end > cand.end for o in by_end.values()):
                cand.features["inside_longer"] = 1.0  # 某某基地 of 某某基地建设项目: a part of a longer name
            found.append(cand)
    return found


def _built_elsewhere(ctx: ArticleContext, cand: ProjectCandidate) -> bool:
    """The name stands in another sentence of the article beside a build verb (“X”原先是…,由Y修建):
    a thing the article states as built, though this sentence only visits or uses it."""
    text, name = ctx.article.text, cand.name
    if len(name) < 3:
        return False
    verbs = [*_lexicon_entry(("project", "building_verbs")), *_lexicon_entry(("project", "built_org_verbs"))]
    for sentence in ctx.article.sentences:
        if sentence.start <= cand.start < sentence.end:
            continue
        at = text.find(name, sentence.start, sentence.end)
        if at < 0:
            continue  # most sentences do not name it: no slicing for them
        around = text[sentence.start : at] + text[at + len(name) : sentence.end]
        if any(v in around for v in verbs):
            return True
    return False


_QUOTES_AND_SPACE = re.compile(f"[{QUOTES}\\s]")


def _same_name(a: str, b: str) -> bool:
    a, b = (_QUOTES_AND_SPACE.sub("", x) for x in (a, b))
    return bool(a) and bool(b) and (a == b or (min(len(a), len(b)) >= 3 and (a in b or b in a)))


def _features(
    ctx: ArticleContext, cand: ProjectCandidate, here: list[Mention], head_class: str, rules: list[Relation]
) -> dict[str, float]:
    text = ctx.article.text
    sentence = ctx.article.sentences[cand.sentence]
    left, right = clause_bounds(text, cand.start, cand.end)
    left, right = max(left, sentence.start), min(right, sentence.end)
    before, after, name = text[left : cand.start], text[cand.end : right], cand.name
    f: dict[str, float] = {"bias": 1.0}
    f[f"length:{_length_bucket(len(name))}"] = 1.0
    _shape(f, cand, name, head_class, [(m.start, m.end) for m in here if m.label == "PLACE"])
    _source(f, cand)
    _neighbours(f, cand, here)
    for klass, finder, words in _word_finders():
        if finder.search(before):
            f[f"before:{klass}"] = 1.0
        if before.endswith(words):
            f[f"right_before:{klass}"] = 1.0
        if finder.search(after):
            f[f"after:{klass}"] = 1.0
    for where, key, regex in _regex_tests():
        target = {"name": name, "before": before, "after": after}[where]
        if regex.search(target):
            f[f"{where}:{key}"] = 1.0
    _structure(f, text, cand, left, right)
    _rules(f, ctx, cand, rules)
    _roles(f, ctx, cand)
    if cand.rule:  # a school the rules read as built is not the school that helps or is helped
        for key in [k for k in f if k.startswith(EMITTED_CROSSED)]:
            f[f"emitted:{key}"] = f[key]
    return f


def _roles(f: dict[str, float], ctx: ArticleContext, cand: ProjectCandidate) -> None:
    """What the rules make of this span: why they would not state it as built (their verdict on
    any span), and whether a relation takes its mention as a party (a helper hospital gives)."""
    enc = ctx.encoded[cand.sentence]
    span = encoded_span(enc, cand.start, cand.end)
    if span is not None:
        f[f"verdict:{rule_verdict(ctx, enc, span, cand.name) or 'built'}"] = 1.0
    if cand.mention is None:
        return
    for r in ctx.relations:
        for role, party in (("giver", r.donor), ("receiver", r.recipient)):
            if party is not None and party.mention_start == cand.mention.start and r.type != "project":
                f[f"party:{r.type}:{role}"] = 1.0


def _shape(
    f: dict[str, float], cand: ProjectCandidate, name: str, head_class: str, places: list[tuple[int, int]]
) -> None:
    ending = _project_ending(name)
    if ending is not None:
        f[f"head:{ending[1]}"] = 1.0
        f[f"head_class:{ending[2]}"] = 1.0
    else:
        f["head_class:none"] = 1.0
    if head_class:
        f[f"span_head_class:{head_class}"] = 1.0
    patterns = load_patterns()
    stem = name[: ending[0]] if ending is not None else name
    stem = stem[max((e - cand.start for s, e in places if s == cand.start and e < cand.end), default=0) :]
    if not stem:
        f["stem:empty"] = 1.0  # the ending alone, or a place and the ending (某村示范点)
    elif patterns.generic.match(stem):
        f["stem:generic"] = 1.0  # 乡村示范点, 重点工作项目: generic words before the ending
    whole = (c for end, found in load_gazetteer().matches_at(name, 0) if end == len(name) for c in found)
    if any(c.kind != "short" for c in whole):
        f["name:is_place"] = 1.0  # 苏州工业园区: a division or a zone the gazetteer knows
    if stem_is_generic(name, patterns):
        f["name:generic_stem"] = 1.0
    if generic_name(name):  # the rules' test of a generic name (the feature keeps its trained name)
        f["name:project.not_built.generic_name"] = 1.0
    if is_verb_phrase(name, patterns):
        f["name:verb_phrase"] = 1.0
    if any(c in QUOTES for c in name):
        f["name:quoted_inside"] = 1.0
    if name[:1].isdigit():
        f["name:starts_digit"] = 1.0
    if "(" in name or "（" in name:
        f["name:bracket"] = 1.0


def _source(f: dict[str, float], cand: ProjectCandidate) -> None:
    m = cand.mention
    if m is None:
        f["entity:none"] = 1.0
        return
    f[f"entity:{m.label}"] = 1.0
    f[f"entity_source:{m.source}"] = 1.0
    if m.subtype:
        f[f"entity:{m.label}:{m.subtype}"] = 1.0


def _neighbours(f: dict[str, float], cand: ProjectCandidate, here: list[Mention]) -> None:
    """The mentions inside the name, right before and after it."""
    for m in here:
        if m is cand.mention:
            continue
        if cand.start <= m.start and m.end <= cand.end:
            f[f"inside:{m.label}"] = 1.0
            if m.start == cand.start:
                f[f"starts_with:{m.label}"] = 1.0
                if m.label == "PLACE" and m.level:
                    f[f"starts_with_place:{m.level}"] = 1.0
        elif 0 <= cand.start - m.end <= 1:
            f[f"right_before_mention:{m.label}"] = 1.0
        elif 0 <= m.start - cand.end <= 1:
            f[f"right_after_mention:{m.label}"] = 1.0
    labels = {m.label for m in here}
    for label in ("MONEY", "DATE", "ORG", "PLACE"):
        if label in labels:
            f[f"sentence_has:{label}"] = 1.0


@cache
def _list_of_works() -> re.Pattern[str]:
    """A list closed by 等 before a project ending (compiled once: re's own cache may have let it go)."""
    return re.compile(f"[^，,。；;]{{0,40}}?等[^，,。；;]{{0,12}}?(?:{project_heads().head.pattern})")


def _structure(f: dict[str, float], text: str, cand: ProjectCandidate, left: int, right: int) -> None:
    """Quotes and book-title marks, a list, what follows the name, where the sentence stands."""
    prev, nxt = text[cand.start - 1 : cand.start], text[cand.end : cand.end + 1]
    if prev in '“"「『' and nxt in '”"」』' and prev and nxt:
        f["quoted"] = 1.0
    if "《" in text[left : cand.start] and "》" in text[cand.end : right + 1]:
        f["book_title"] = 1.0
    if prev == "、" or nxt == "、":
        f["in_list"] = 1.0
    if re.match(r"[、和及与]?[^，,。；;]{0,30}?等", text[cand.end : right]):
        f["list_closed_by_deng"] = 1.0
    if "分别" in text[left:right]:
        f["clause:fenbie"] = 1.0
    if _list_of_works().match(text[cand.end : right]):
        f["list_of_works"] = 1.0  # 实施A学校、B初中等教学楼建设项目: the items are works
    if re.match(r"[\d一二两三四五六七八九十百千]+(?:个|家|座|处|所|间)", text[cand.end : cand.end + 4]):
        f["count_after"] = 1.0
    if cand.start - left <= 1:
        f["clause_start"] = 1.0
    if cand.sentence == 0:
        f["first_sentence"] = 1.0


def _rules(f: dict[str, float], ctx: ArticleContext, cand: ProjectCandidate, rules: list[Relation]) -> None:
    """The rules' verdict on this name, the relations of its sentence, the title, repetition."""
    if cand.rule:
        f["rule:emitted"] = 1.0
        f["rule:confidence"] = max(r.confidence for r in cand.rule)
        for r in cand.rule:
            f[f"rule:pattern:{r.pattern}"] = 1.0
            if r.donor is not None:
                f["rule:builder"] = 1.0
    elif any(_same_name(r.project or "", cand.name) for r in rules):
        f["rule:emitted_elsewhere"] = 1.0
    if _built_elsewhere(ctx, cand):
        f["built_elsewhere"] = 1.0
    types = {r.type for r in ctx.relations if r.sentence == cand.sentence}
    for t in ("pairing", "help", "funding"):
        if t in types:
            f[f"sentence_relation:{t}"] = 1.0
    if ctx.article.title and len(cand.name) >= 3 and cand.name in ctx.article.title:
        f["in_title"] = 1.0
    if ctx.article.text.count(cand.name) > 1:
        f["repeated"] = 1.0


@dataclass(frozen=True)
class Verdicts:
    """How the model's probability combines with the rules: add a candidate the rules did not
    emit at ``add_at`` or above; drop a rule project below ``veto_below`` (0: never)."""

    add_at: float
    veto_below: float = 0.0


def _vetoed(cand: ProjectCandidate, p: float, verdicts: Verdicts) -> bool:
    """A rule project the model scores below the veto, unless the rules read who builds it: a
    builder stated (X援建Y) is a build stated, and its row is also the builder's help, which the
    model does not judge (vetoing it dropped true helper organisations on fresh pages)."""
    return p < verdicts.veto_below and bool(cand.rule) and all(r.donor is None for r in cand.rule)


def _overlaps(cand: ProjectCandidate, taken: list[ProjectCandidate]) -> bool:
    return any(t.sentence == cand.sentence and t.start < cand.end and cand.start < t.end for t in taken)


def apply_projects(
    ctx: ArticleContext,
    mentions: Iterable[Mention],
    probability: Callable[[Mapping[str, float]], float],
    verdicts: Verdicts,
) -> None:
    """After the rules: veto the rule projects the model scores below ``veto_below``, then add the
    candidates it accepts that no rule emitted — of overlapping ones the most probable, none whose
    name the article already states as a project — with the rules' reading of place and builder."""
    scored = [(c, probability(c.features)) for c in project_candidates(ctx, mentions)]
    vetoed = {id(r) for c, p in scored if _vetoed(c, p, verdicts) for r in c.rule}
    if vetoed:
        ctx.relations[:] = [r for r in ctx.relations if id(r) not in vetoed]
    names = [r.project or "" for r in ctx.relations if r.type == "project"]
    taken = [c for c, _ in scored if c.rule and not any(id(r) in vetoed for r in c.rule)]
    for cand, p in sorted(scored, key=lambda cp: -cp[1]):
        if cand.rule or p < verdicts.add_at or _overlaps(cand, taken):
            continue
        if any(_same_name(cand.name, n) for n in names):
            continue
        mention = Mention(
            ctx.article.id,
            "PROJECT",
            ctx.article.text[cand.start : cand.end],
            cand.start,
            cand.end,
            cand.sentence,
            source=LEARNED_PATTERN,
            name=cand.name,
        )
        if add_learned(ctx, mention, LEARNED_PATTERN, round(p, 3)):
            taken.append(cand)
            names.append(cand.name)


@register_task("projects", order=60)
class ProjectTask:
    """The learned project reader (``kg learn projects``): candidates and features of
    :func:`project_candidates`, labelled as the scorer matches a project's name; run time as
    :func:`apply_projects`, the model's threshold adding and its ``veto_below`` setting vetoing."""

    name: str
    order: int

    def candidates(self, ctx: ArticleContext) -> list[Candidate]:
        return [Candidate(c, c.features) for c in project_candidates(ctx, ctx.mentions)]

    def label(self, candidate: Candidate, gold: GoldDoc) -> bool | None:
        hits = [row for row in gold.projects if project_matches(row.get("name", ""), candidate.item.name)]
        if not hits:
            return False
        return True if any(not is_optional(row) for row in hits) else None

    def apply(self, ctx: ArticleContext, model: LinearModel) -> None:
        verdicts = Verdicts(model.threshold, model.settings.get("veto_below", 0.0))
        apply_projects(ctx, ctx.mentions, model.probability, verdicts)

    def settle(
        self, examples: Sequence[Any], probabilities: Sequence[float]
    ) -> tuple[float, dict[str, float], dict[str, Any]]:
        """The adding threshold and the veto with the best leave-one-set-out F1 over the
        projects each document would state (its distinct names, as :func:`apply_projects`
        combines them with the rules'); of those within ``MARGIN`` of the best, the one that
        changes the rules least (no veto before a veto, a higher adding threshold before a lower)."""
        docs: dict[tuple[str, str], list[tuple[ProjectCandidate, float, bool]]] = {}
        for example, p in zip(examples, probabilities, strict=True):
            docs.setdefault((example.group, example.doc), []).append(
                (example.candidate.item, float(p), example.label)
            )
        rules_only = Verdicts(NEVER)
        # least change first: the rules alone, then no veto, then the higher adding thresholds
        choices = [rules_only] + [Verdicts(a, v) for v in VETO_GRID for a in reversed(ADD_GRID)]
        scored = [(_simulated(docs, choice), choice) for choice in choices]
        top = max(f1(*counts) for counts, _ in scored)
        # of the choices within MARGIN of the best, the one that changes the rules least: a
        # difference of a row or two over the sets is noise, a veto the seeds showed is a risk
        best, chosen = next((counts, c) for counts, c in scored if f1(*counts) >= top - MARGIN)
        base = scored[0][0]
        groups = sorted({g for g, _ in docs})
        policy: dict[str, Any] = {
            "add_at": chosen.add_at,
            "veto_below": chosen.veto_below,
            "rules": figures(*base),
            "chosen": figures(*best),
            "sets": {
                g: {
                    "rules": figures(*_simulated(_of(docs, g), rules_only)),
                    "chosen": figures(*_simulated(_of(docs, g), chosen)),
                }
                for g in groups
            },
        }
        return chosen.add_at, {"veto_below": chosen.veto_below}, policy


NEVER = 2.0  # an adding threshold no probability reaches: the rules alone
MARGIN = 0.005  # leave-one-set-out F1 differences below this are not worth a change to the rules
ADD_GRID = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
VETO_GRID = (0.0, 0.05, 0.1, 0.2, 0.3)
Scored = list[tuple[ProjectCandidate, float, bool]]


def _of(docs: dict[tuple[str, str], Scored], group: str) -> dict[tuple[str, str], Scored]:
    return {k: v for k, v in docs.items() if k[0] == group}


def _simulated(docs: dict[tuple[str, str], Scored], verdicts: Verdicts) -> tuple[int, int, int]:
    """True and false projects and missed ones, counted over each document's distinct names the
    way :func:`apply_projects` would state them (names of one thing counted once)."""
    tp = fp = fn = 0
    for scored in docs.values():
        kept = [c for c, p, _ in scored if c.rule and not _vetoed(c, p, verdicts)]
        names = [c.name for c in kept]
        for cand, p, _ in sorted(scored, key=lambda s: -s[1]):
            if cand.rule or p < verdicts.add_at or _overlaps(cand, kept):
                continue
            if not any(_same_name(cand.name, n) for n in names):
                kept.append(cand)
                names.append(cand.name)
        truth = {id(c): label for c, _, label in scored}
        said = _distinct([c.name for c in kept if truth[id(c)]])
        tp += len(said)
        fp += len(_distinct([c.name for c in kept if not truth[id(c)]]))
        fn += sum(
            1
            for n in _distinct([c.name for c, _, label in scored if label])
            if not any(_same_name(n, s) for s in said)
        )
    return tp, fp, fn


def _distinct(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in sorted(names, key=len, reverse=True):
        if not any(_same_name(name, n) for n in out):
            out.append(name)
    return out
