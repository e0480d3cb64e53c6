"""Entity patterns kept as data (``kg/data/patterns/entity_patterns.jsonl``), read and checked
against their schema, and matched over a text: MONEY, DATE, PROJECT and ORG shapes.

A row is a comment, a ``define`` (a named regex fragment later rows use as ``{NAME}``) or a
pattern: ``id``, ``label``, ``regex`` and optionally ``subtype``, ``subtype_default``, ``split``,
``after``, ``no_place_inside`` and ``site_after`` (for an 'after' row: no other place inside the
match; the match ends where a place starts that this regex matches from — an owner before its
project's site), ``strip_lead``, ``comment``, ``examples`` (``{"text": …, "finds": [names]}``: what the
pattern must find in a sentence we wrote) and ``counter_examples`` (texts where it finds
nothing). An unknown key or a bad value is an error naming the file, the line and the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, get_args

from kg.io import data_path, json_lines
from kg.jieba_dict import jieba_words
from kg.nlp.doc import OUR_LABELS
from kg.nlp.lexicon import org_subtype
from kg.nlp.words import verb_ends_at, word_start
from kg.prefilter import guarded
from kg.punctuation import is_quoted
from kg.records import OrgSubtype


@dataclass(frozen=True)
class EntityPattern:
    id: str
    label: str
    regex: re.Pattern[str]
    subtype: str | None = None  # fixed subtype
    subtype_default: str | None = None  # subtype when the name's ending says nothing
    split: re.Pattern[str] | None = None  # the 'list' group holds several names
    after: str | None = None  # must start where a rule span of this label ends
    strip_lead: bool = False
    no_place_inside: bool = False  # an 'after' match may hold no place (上海|松江 is two places)
    # an 'after' match that ends where a place starts, this regex matching from there: the
    # organisation owns the project named after it (中山某某|鹤岗…生产线)
    site_after: re.Pattern[str] | None = None


@dataclass(frozen=True)
class PatternSet:
    patterns: tuple[EntityPattern, ...]
    lead: re.Pattern[str]  # lead words (引进, 在 …) that precede a name, never start it
    lead_verb: re.Pattern[str]  # lead verbs (引进, 组织 …), never inside a name either
    generic: re.Pattern[str]  # stems made only of generic words (龙头企业, 帮扶车间) are no names
    suffix: re.Pattern[str]  # an ORG or PROJECT suffix at the end of a name
    org_suffix: re.Pattern[str]  # an ORG suffix at the end of a name (no site: 产业园, 工业园区)
    title: re.Pattern[str]  # a title (总经理, 会长, 代表 …): a name holds none, a person follows it
    member_role: re.Pattern[str]  # a body's role in an association (副会长单位): its name follows
    branch_tail: re.Pattern[str]  # a branch word (分会, 分公司) that ends the name it follows
    name_char: re.Pattern[str]  # one character that may stand in a name (no stop character)
    works: re.Pattern[str]  # heads of a place's works (项目, 工程): places + generic words before one: none
    money_end: re.Pattern[str]  # a name ending in a word of money (某帮扶基金) is no project
    org_qualifier: re.Pattern[str]  # a bracketed qualifier inside a name ((集团), (中国)): no trade name
    count: re.Pattern[str]  # a count of things or places (3家, 两县): inside a project's name, no one thing


def _expand(regex: str, defines: dict[str, str]) -> str:
    for _ in range(5):  # defines may use defines
        for name, value in defines.items():
            regex = regex.replace("{" + name + "}", value)
    return regex


JOINED_NAMES = re.compile(r"[一-鿿]·[一-鿿]")  # 南浔·广安: two sides' names joined by a middle dot
DASHES = ("—", "–")  # a dash joining places in a project's name (嘉善—庆元)


class PatternError(ValueError):
    """A row of a pattern file that breaks the schema: the message names the file, the line and the key."""


# The schema of a row of entity_patterns.jsonl: key -> (what it must be, a check of its value).
# A row is a comment (only "comment"), a define (define, regex) or a pattern (id, label, regex).
_LABELS = frozenset(OUR_LABELS)
_SUBTYPES = frozenset(get_args(OrgSubtype))
_DEFINE = re.compile(r"^[A-Z][A-Z_]*$")
_PLACEHOLDER = re.compile(r"\{[A-Z][A-Z_]*\}")
_OPTIONAL_CHECKS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "comment": ("a string", lambda v: isinstance(v, str)),
    "subtype": (f"one of {sorted(_SUBTYPES)}", lambda v: v in _SUBTYPES),
    "subtype_default": (f"one of {sorted(_SUBTYPES)}", lambda v: v in _SUBTYPES),
    "split": ("a regular expression", lambda v: isinstance(v, str) and _compiles(v)),
    "after": (f"one of {sorted(_LABELS)}", lambda v: v in _LABELS),
    "strip_lead": ("true or false", lambda v: isinstance(v, bool)),
    "no_place_inside": ("true or false", lambda v: isinstance(v, bool)),
    "site_after": ("a regular expression", lambda v: isinstance(v, str) and _compiles(v)),
    "examples": (
        'a list of {"text": …, "finds": [names]}',
        lambda v: (
            isinstance(v, list)
            and all(
                isinstance(e, dict)
                and set(e) == {"text", "finds"}
                and isinstance(e["text"], str)
                and isinstance(e["finds"], list)
                and all(isinstance(f, str) and f in e["text"] for f in e["finds"])
                for e in v
            )
        ),
    ),
    "counter_examples": (
        "a list of texts",
        lambda v: isinstance(v, list) and all(isinstance(t, str) for t in v),
    ),
}
_PATTERN_KEYS = frozenset({"id", "label", "regex", *_OPTIONAL_CHECKS})
_DEFINE_KEYS = frozenset({"define", "regex", "comment"})


def _compiles(regex: str) -> bool:
    try:
        re.compile(regex)
    except re.error:
        return False
    return True


@dataclass(frozen=True)
class PatternRow:
    """A pattern row as written, with where it stands, for the example test."""

    id: str
    line: int
    examples: tuple[tuple[str, tuple[str, ...]], ...]
    counter_examples: tuple[str, ...]


def _check_row(row: Any, where: str, defines: dict[str, str], ids: set[str]) -> None:
    """Raise PatternError for a row that breaks the schema."""
    if not isinstance(row, dict):
        raise PatternError(f"{where}: a row must be a JSON object")
    if "define" in row:
        allowed, required = _DEFINE_KEYS, ("define", "regex")
    elif "id" in row:
        allowed, required = _PATTERN_KEYS, ("id", "label", "regex")
    else:
        allowed, required = frozenset({"comment"}), ("comment",)
    for key in row:
        if key not in allowed:
            raise PatternError(f"{where}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in required:
        if key not in row:
            raise PatternError(f"{where}: key {key!r} is missing")
    if "define" in row and not (isinstance(row["define"], str) and _DEFINE.match(row["define"])):
        raise PatternError(f"{where}: key 'define': {row['define']!r} is no NAME in capitals")
    if "id" in row:
        _check_pattern_values(row, where, ids)
    if "regex" in row:
        _check_regex(row, where, defines)


def _check_pattern_values(row: dict[str, Any], where: str, ids: set[str]) -> None:
    if not isinstance(row["id"], str) or row["id"] in ids:
        raise PatternError(f"{where}: key 'id': {row['id']!r} is no string or is used twice")
    if row["label"] not in _LABELS:
        raise PatternError(f"{where}: key 'label': {row['label']!r} is not one of {sorted(_LABELS)}")
    for key, (what, check) in _OPTIONAL_CHECKS.items():
        if key in row and not check(row[key]):
            raise PatternError(f"{where}: key {key!r}: {row[key]!r} is not {what}")


def _check_regex(row: dict[str, Any], where: str, defines: dict[str, str]) -> None:
    """A pattern's regex must compile once the defines above it are expanded (a define's need not:
    it is a fragment), name no unknown define, and hold the group 'list' when it is split."""
    regex = row["regex"]
    expanded = _expand(regex, defines) if isinstance(regex, str) else None
    if expanded is None or ("id" in row and not _compiles(expanded)):
        raise PatternError(f"{where}: key 'regex': not a regular expression (after expanding the defines)")
    if "id" in row and (unknown := _PLACEHOLDER.search(expanded)):
        raise PatternError(f"{where}: key 'regex': {unknown.group()} names no define above it")
    if "split" in row and "list" not in re.compile(expanded).groupindex:
        raise PatternError(f"{where}: key 'split': the regex has no group 'list' to split")


def _pattern(row: dict[str, Any], defines: dict[str, str]) -> EntityPattern:
    return EntityPattern(
        id=row["id"],
        label=row["label"],
        regex=guarded(re.compile(_expand(row["regex"], defines))),  # kg.prefilter.guarded
        subtype=row.get("subtype"),
        subtype_default=row.get("subtype_default"),
        split=re.compile(row["split"]) if row.get("split") else None,
        after=row.get("after"),
        strip_lead=bool(row.get("strip_lead")),
        no_place_inside=bool(row.get("no_place_inside")),
        site_after=re.compile(_expand(row["site_after"], defines)) if row.get("site_after") else None,
    )


def read_pattern_rows(path: str | None = None) -> tuple[dict[str, str], list[tuple[int, dict[str, Any]]]]:
    """The defines and the pattern rows (with their line numbers) of a pattern file, checked
    against the schema: an unknown key or a bad value raises PatternError naming the file, the
    line and the key."""
    source = Path(path) if path else data_path("patterns", "entity_patterns.jsonl")
    defines: dict[str, str] = {}
    rows: list[tuple[int, dict[str, Any]]] = []
    ids: set[str] = set()
    for number, row in json_lines(source.read_text(encoding="utf-8")):
        where = f"{source.name}:{number}"
        if isinstance(row, ValueError | RecursionError):
            raise PatternError(f"{where}: not a JSON object ({row})")
        _check_row(row, where, defines, ids)
        if "define" in row:
            defines[row["define"]] = row["regex"]
        elif "id" in row:
            ids.add(row["id"])
            rows.append((number, row))
    return defines, rows


def pattern_examples(path: str | None = None) -> list[PatternRow]:
    """Every pattern row's examples and counter-examples (what the example test runs)."""
    _, rows = read_pattern_rows(path)
    return [
        PatternRow(
            id=row["id"],
            line=number,
            examples=tuple((e["text"], tuple(e["finds"])) for e in row.get("examples", ())),
            counter_examples=tuple(row.get("counter_examples", ())),
        )
        for number, row in rows
    ]


@cache
def load_patterns(path: str | None = None) -> PatternSet:
    """Read the pattern file: ``define`` lines name regex fragments, the other lines are patterns."""
    defines, rows = read_pattern_rows(path)
    patterns = [_pattern(row, defines) for _, row in rows]
    lead = re.compile(f"(?:{_expand(defines.get('LEAD', '(?!)'), defines)})+")
    lead_verb = re.compile(_expand(defines.get("LEAD_VERB", "(?!)"), defines))
    generic = re.compile(f"^(?:{_expand(defines.get('GENERIC', '(?!)'), defines)})*$")
    suffixes = "|".join(
        defines.get(name, "(?!)") for name in ("ORG_SUFFIX", "PROJECT_SUFFIX", "PROJECT_HEAD")
    )
    suffix = re.compile(f"(?:{_expand(suffixes, defines)})$")
    org_suffix = re.compile(f"(?:{_expand(defines.get('ORG_SUFFIX', '(?!)'), defines)})$")
    title = re.compile(_expand(defines.get("TITLE", "(?!)"), defines))
    member_role = re.compile(_expand(defines.get("MEMBER_ROLE", "(?!)"), defines))
    branch_tail = re.compile(_expand(defines.get("BRANCH_TAIL", "(?!)"), defines))
    name_char = re.compile(_expand(defines.get("NAME_CH", "(?!)"), defines))
    works = re.compile(f"(?:{_expand(defines.get('PLACE_WORKS', '(?!)'), defines)})$")
    money_end = re.compile(_expand(defines.get("MONEY_END", "(?!)"), defines))
    org_qualifier = re.compile(_expand(defines.get("ORG_QUALIFIER", "(?!)"), defines))
    count = re.compile(_expand(defines.get("COUNT", "(?!)"), defines))
    return PatternSet(
        tuple(patterns),
        lead,
        lead_verb,
        generic,
        suffix,
        org_suffix,
        title,
        member_role,
        branch_tail,
        name_char,
        works,
        money_end,
        org_qualifier,
        count,
    )


@dataclass(frozen=True)
class ProjectHeads:
    """The endings of a project's name, from the defines of the pattern file (one home)."""

    head: re.Pattern[str]  # a group per class: suffix (PROJECT_SUFFIX), head, institution, candidate
    # any number of the units of a project's name (PROJ_UNIT) up to the end of the text searched:
    # ``unit.search(text, floor, end)`` starts at the leftmost start from ``floor`` on of units that
    # end at ``end`` (one search in C, not a fullmatch from each start in turn)
    unit: re.Pattern[str]


@cache
def project_heads(path: str | None = None) -> ProjectHeads:
    """The project endings as one regex with a named group per class (the longer suffixes first:
    扶贫车间 before 车间), and the units a name is made of — what a learned reader needs to find
    spans that may name a project where no pattern fired."""
    defines, _ = read_pattern_rows(path)
    groups = {
        "suffix": "PROJECT_SUFFIX",
        "head": "PROJECT_HEAD",
        "institution": "INSTITUTION",
        "candidate": "CANDIDATE_HEAD",
    }
    head = "|".join(f"(?P<{g}>{_expand(defines.get(d, '(?!)'), defines)})" for g, d in groups.items())
    unit = f"(?:{_expand(defines.get('PROJ_UNIT', '(?!)'), defines)})*\\Z"
    return ProjectHeads(guarded(re.compile(head)), re.compile(unit))


def split_list(text: str, start: int, end: int, separator: re.Pattern[str]) -> list[tuple[int, int]]:
    """The items of a list at [start, end); a joining character with less than two characters on
    either side is inside a name, no separator (仁和医院、星河之家: 和 belongs to 仁和)."""
    pieces, cursor = [], start
    for sep in separator.finditer(text, start, end):
        if sep.start() - cursor < 2 or end - sep.end() < 2:
            continue
        pieces.append((cursor, sep.start()))
        cursor = sep.end()
    pieces.append((cursor, end))
    return pieces


def trim_name(
    text: str,
    start: int,
    end: int,
    patterns: PatternSet,
    places: Sequence[tuple[int, int]],
    widen: bool = False,
    inner_place: bool = True,
) -> tuple[int, int] | None:
    """Find a name's left edge that a regex cannot see.

    连城县引进落地某某农贸 → 某某农贸 (cut after the last lead verb inside); …投资的福建省某某公司
    → 福建省某某公司 (start at a place inside); a start that cuts into a place (和政县: 和 is a
    stop character) goes back to the place's start; lead words at the start (在, 向 …) are
    dropped unless a place starts there. ``widen``: a regex that stopped at a stop character
    inside a word (会宁县交通投资集团: 交 is one) starts at that word instead, and at the place
    right before it. ``inner_place`` False: a place inside the name is part of it (a project's
    name holds its site: 李墩工业集中区产业园, 青禾村扶贫协作项目) unless a verb ends right before it
    (走进|南浔·广安…产业园) or a generic kind stands before it in apposition (对口科技园|浙江省…分园).
    A body's role in an association before the name (某商会副会长单位|
    城市之光) is cut off first. A trade name that holds a stop character right after a place
    (中山市辉就|电器有限公司: 就 is one) starts at that place."""
    roles = [r.end() for r in patterns.member_role.finditer(text, start, end) if end - r.end() >= 2]
    if roles:
        start = roles[-1]
    elif inner_place:
        start = _trade_name_start(text, start, places, patterns)
    if widen and (word := word_start(text, start)) < start:
        start = min((p_start for p_start, p_end in places if p_end == word), default=word)
    for p_start, p_end in places:
        if p_start < start < p_end:
            start = p_start
    start = _joined_places_start(text, start, places)
    if inner_place:
        start = _after_site(text, start, end, patterns, places)
    for verb in _lead_verbs(text, start, end, patterns):
        rest = text[verb.end() : end]
        # a verb followed only by verbs and a suffix is part of the name: 交通投资集团, 建设投资公司
        if len(rest) >= 2 and not stem_is_generic(patterns.lead_verb.sub("", rest), patterns):
            start = verb.end()
    place_starts = {p[0] for p in places if p[1] <= end}
    if start not in place_starts:
        # a place in brackets qualifies the name: 云账户(天津)某某公司
        # …a place after a whole name opens its branch (某某经促会广州分会), no new name
        inside = [
            p
            for p in place_starts
            if start < p < end  # first: verb_ends_at segments a clause, for the places inside only
            and text[p - 1] not in "(（"
            and (
                _generic_kind(text[start:p], patterns)
                or (
                    (inner_place or (verb_ends_at(text, p) and not _label_before(text, start, p, patterns)))
                    and not _named_before(text, start, p, patterns, places)
                )
            )
        ]
        if inside:
            start = min(inside)
        else:
            lead = patterns.lead.match(text, start, end)
            if lead and end - lead.end() >= 2:
                start = lead.end()
    while end > start and text[end - 1] in ")）" and not any(c in "(（" for c in text[start:end]):
        end -= 1  # 成员包括A、B公司|): the bracket closes an aside the name stands in
    return (start, end) if end - start >= 2 else None


def _label_before(text: str, start: int, place: int, patterns: PatternSet) -> bool:
    """A generic word that a verb's tag covers (协作, 帮扶) ending right before a place inside a
    name, after words of the name's own (浙川协作|古蔺产业园, 东西部协作|某县产业园): the label of
    the pairing the name carries, no verb that the name starts after (走进|某地…产业园)."""
    for size in (2, 3):
        word = text[place - size : place]
        if place - size > start and patterns.generic.fullmatch(word) and not patterns.lead_verb.search(word):
            return not patterns.lead_verb.search(text, start, place - size)
    return False


def _generic_kind(text: str, patterns: PatternSet) -> bool:
    """A kind of thing written before a name in apposition (首个对口科技园|某省某大学科技园某分园): a
    name ending with only generic words before its ending, no name of its own."""
    return bool(patterns.suffix.search(text)) and stem_is_generic(text, patterns)


def _after_site(
    text: str, start: int, end: int, patterns: PatternSet, places: Sequence[tuple[int, int]]
) -> int:
    """Where an organisation's name starts when a site (a park, a base: 工业园区, 产业园) ends right
    before a place inside it (某市某区工业园区|东山青禾电子公司): the company stands in the park, its
    name starts at that place; else ``start``. An organisation's ending before the place (某大学|番禺
    院区, 某集团|广州分公司) names a body whose branch follows, no site."""
    for p_start, _ in sorted(places, reverse=True):
        if start + 2 <= p_start < end - 2 and (
            patterns.suffix.search(text, start, p_start)
            and not patterns.org_suffix.search(text, start, p_start)
        ):
            return p_start
    return start


def _lead_verbs(text: str, start: int, end: int, patterns: PatternSet) -> list[re.Match[str]]:
    """The lead verbs inside [start, end) that start a word: 支援建设 holds 建设, not the 援建 that
    straddles its two words (a cut after it left 设|乳制品加工厂); overlapping matches are all read."""
    found = []
    for at in range(start, end):
        verb = patterns.lead_verb.match(text, at, end)
        if verb is not None and verb.end() > at and word_start(text, at) == at:
            found.append(verb)
    return found


def _named_before(
    text: str, start: int, place: int, patterns: PatternSet, places: Sequence[tuple[int, int]]
) -> bool:
    """Whether a whole name with its ending stands before a place inside the span, joined to it by
    name characters only (中山大学|某口腔|番禺院区, 某经促会|广州分会): the place is the site of its
    branch or campus, no new name's start. A place's own end (霍城|县) is no name's ending, and a
    stop character or a verb between (某中学|已经加盟|上海某集团) makes two names."""
    place_ends = {p_end for _, p_end in places}
    for end in range(start + 2, place + 1):
        if end in place_ends or not patterns.suffix.search(text, start, end):
            continue
        between = text[end:place]
        if all(patterns.name_char.fullmatch(c) for c in between) and not patterns.lead_verb.search(between):
            return True
    return False


MAX_TRADE_GAP = 3  # characters of a trade name between a place and where a regex began the name


def _trade_name_start(text: str, start: int, places: Sequence[tuple[int, int]], patterns: PatternSet) -> int:
    """The start of the place right before a name when the characters between them are a trade
    name a stop character cut (中山市|辉就|电器有限公司): Chinese characters, at least one that can
    stand in a name, no lead word (在, 向 …), lead verb, name ending, dictionary word holding the
    stop character (即将, 首个) or part of another place; else ``start``."""
    for p_start, p_end in places:
        gap = text[p_end:start]
        if not (0 < len(gap) <= MAX_TRADE_GAP and all("\u4e00" <= c <= "\u9fff" for c in gap)):
            continue
        if patterns.lead.match(gap) or patterns.lead_verb.search(gap):
            continue
        if any(a < start and p_end < b for a, b in places):
            continue  # 清水河|镇的…: the gap is part of a longer place
        if any(patterns.suffix.search(text, p_end, end) for end in range(p_end + 1, start + 1)):
            continue  # 果洛|中学已…: a name ended in the gap
        words = [gap[a:b] for a in range(len(gap)) for b in range(a + 2, len(gap) + 1)]
        if any(w in jieba_words() and not all(patterns.name_char.fullmatch(c) for c in w) for w in words):
            continue  # 亚东县|即将…, 青海|首个…: a word holding the stop character, no trade name
        if any(patterns.name_char.fullmatch(c) for c in gap) and any(
            not patterns.name_char.fullmatch(c) for c in gap
        ):
            ends = {e: s for s, e in places}
            while p_start in ends:  # 广东省|中山市|辉就…: the address the name starts with, whole
                p_start = ends[p_start]
            return p_start
    return start


def _joined_places_start(text: str, start: int, places: Sequence[tuple[int, int]]) -> int:
    """A name that starts at a dash joining places (嘉善—庆元—|九寨沟…产业园: 和 of 云和 stops a
    regex) starts at the first of the joined places."""
    ends = {p_end: p_start for p_start, p_end in places}
    cursor = start
    while text[cursor : cursor + 1] in DASHES and cursor in ends:
        start = cursor = ends[cursor]
        if cursor == 0 or text[cursor - 1] not in DASHES:
            break
        cursor -= 1
    return start


def stem_is_generic(name: str, patterns: PatternSet | None = None) -> bool:
    """True when a name is only generic words before its suffix: 龙头企业, 扶贫车间, 一家公司; a
    qualifier in brackets names nothing either (投资|(集团)有限责任公司: the verb is the trade name's)."""
    patterns = patterns or load_patterns()
    suffix = patterns.suffix.search(name)
    stem = name[: suffix.start()] if suffix else name
    return bool(patterns.generic.match(patterns.org_qualifier.sub("", stem)))


def is_verb_phrase(name: str, patterns: PatternSet | None = None) -> bool:
    """True when a project name is a verb with only generic words after it (共建产业园区,
    打造扶贫车间): it tells what is built, not which thing. A company may carry such a verb in its
    name (交通投资集团), a project named by its place and trade may not, unless two names joined by a
    middle dot open it (花都·普定东西部协作共建产业园: the two sides' name of the park)."""
    patterns = patterns or load_patterns()
    return any(
        stem_is_generic(name[verb.end() :], patterns)
        for verb in patterns.lead_verb.finditer(name)
        if verb.start() > 0 and not JOINED_NAMES.search(name, 0, verb.start())
    )


def places_and_generic(
    text: str, start: int, end: int, places: Sequence[tuple[int, int]], patterns: PatternSet
) -> bool:
    """True when a project's name is places and generic words before a head of works only
    (胡杨河市民生项目, 某县产业项目): it names a place's projects, not one; 某县文化广场 is one."""
    cursor = start
    while ends := [p_end for p_start, p_end in places if p_start == cursor and cursor < p_end < end]:
        cursor = max(ends)  # the longest place written there (胡杨河市, not 胡杨河)
    rest = text[cursor:end]
    return cursor > start and bool(patterns.works.search(rest)) and stem_is_generic(rest, patterns)


def _spans_after(
    text: str, places: Sequence[tuple[int, int]], pattern: EntityPattern
) -> list[tuple[int, int, str, str, str]]:
    """The spans of an 'after' pattern: from a place through the match that starts where it ends
    (with no other place inside the match when the row says so)."""
    if pattern.site_after is not None:
        return _owner_spans(text, places, pattern)
    found = []
    place_starts = sorted(start for start, _ in places)
    for end, start in {end: start for start, end in places}.items():
        m = pattern.regex.match(text, end)
        if not m or m.end() <= end:
            continue
        if pattern.no_place_inside and any(end <= s < m.end() for s in place_starts):
            continue
        found.append((start, m.end(), pattern.label, pattern.subtype or "", pattern.id))
    return found


MAX_OWNER = 8  # the longest owner's name between its city and the project's site


def _owner_spans(
    text: str, places: Sequence[tuple[int, int]], pattern: EntityPattern
) -> list[tuple[int, int, str, str, str]]:
    """The spans of an owner pattern: a city, a name that the row's regex takes whole, and right
    after it a place that starts the project's name (``site_after`` matching from there)."""
    assert pattern.site_after is not None
    found = []
    starts = {start for start, _ in places}
    for end, start in {end: start for start, end in places}.items():
        for site in range(end + 2, min(end + MAX_OWNER, len(text)) + 1):
            if (
                site in starts
                and pattern.regex.fullmatch(text, end, site)
                and pattern.site_after.match(text, site)
            ):
                found.append((start, site, pattern.label, pattern.subtype or "", pattern.id))
                break
    return found


def _cut_owned_projects(
    found: list[tuple[int, int, str, str, str]], owners: set[str]
) -> list[tuple[int, int, str, str, str]]:
    """A project whose name starts with its owner's name (中山某某|鹤岗…生产线) starts at its site:
    the owner is an organisation of its own."""
    cuts = {s: e for s, e, label, _, pid in found if pid in owners}
    return [
        (cuts[s], e, label, subtype, pid)
        if label == "PROJECT" and s in cuts and cuts[s] < e
        else (s, e, label, subtype, pid)
        for s, e, label, subtype, pid in found
    ]


PLACE_CHAR = "丶"  # a name character no pattern writes: what a stop character inside a place reads as


def mask_place_stops(text: str, places: Sequence[tuple[int, int]], patterns: PatternSet) -> str:
    """The text with each stop character inside a place's name read as a name character (大均乡,
    和政县, 于都县, 秭归县: 均, 和, 于, 归 stop a name elsewhere), so that a regex sees a name that
    starts with such a place (大均乡扶贫车间) as it sees any other; same length, same offsets."""
    chars = list(text)
    for start, end in places:
        for i in range(start, end):
            if "\u4e00" <= chars[i] <= "\u9fff" and not patterns.name_char.fullmatch(chars[i]):
                chars[i] = PLACE_CHAR
    return "".join(chars)


def find_pattern_spans(
    text: str, places: Sequence[tuple[int, int]], patterns: PatternSet | None = None
) -> list[tuple[int, int, str, str, str]]:
    """(start, end, label, subtype, pattern id) of every pattern match in ``text``.

    ``places`` are the gazetteer's PLACE spans, which 'after' patterns start from and which
    fix names' left edges."""
    patterns = patterns or load_patterns()
    found: list[tuple[int, int, str, str, str]] = []
    masked = mask_place_stops(text, places, patterns)
    for pattern in patterns.patterns:
        if pattern.after:
            found.extend(_spans_after(text, places, pattern))
            continue
        for m in pattern.regex.finditer(masked):
            group = "list" if pattern.split else ("name" if "name" in pattern.regex.groupindex else 0)
            g_start, g_end = m.span(group)
            pieces: list[tuple[int, int]] = [(g_start, g_end)]
            if pattern.split:
                pieces = split_list(text, g_start, g_end, pattern.split)
            for p_start, p_end in pieces:
                span: tuple[int, int] | None = (p_start, p_end)
                if pattern.strip_lead:
                    span = trim_name(
                        text,
                        p_start,
                        p_end,
                        patterns,
                        places,
                        widen=not pattern.split,
                        inner_place=pattern.label != "PROJECT",
                    )
                if span is None:
                    continue
                name = text[span[0] : span[1]]
                # the piece before trimming too: 帮扶车间 trimmed of 帮 is no name (扶车间); a project's
                # name in quotation marks of its own is a name whatever its words (“爱心教室”)
                generic = stem_is_generic(name, patterns) or stem_is_generic(text[p_start:p_end], patterns)
                quoted_project = pattern.label == "PROJECT" and is_quoted(text, *span)
                if pattern.label in ("ORG", "PROJECT") and generic and not quoted_project:
                    continue
                if pattern.label == "PROJECT" and (
                    is_verb_phrase(name, patterns)
                    or patterns.money_end.search(name)
                    or (not quoted_project and places_and_generic(text, *span, places, patterns))
                ):
                    continue
                if pattern.label == "ORG" and patterns.title.search(name):
                    continue  # 副总经理王某代表公司: a title and a person, not a name
                subtype = pattern.subtype or ""
                if pattern.label == "ORG" and not subtype:
                    subtype = org_subtype(name, pattern.subtype_default or "other")
                found.append((span[0], span[1], pattern.label, subtype, pattern.id))
    return _cut_owned_projects(found, {p.id for p in patterns.patterns if p.site_after is not None})
