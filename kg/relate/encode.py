"""Encoding a sentence: each mention one token, nested places one place, a government organ its
place, a team its station (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from kg.gazetteer import load_gazetteer
from kg.link import fill_place
from kg.link.anaphors import ORG_SOURCE, SPEAKER_SOURCE, visible
from kg.link.organisations import is_government
from kg.places import UPPER_LEVELS, nests, place_key
from kg.records import Article, Mention
from kg.relate.geo import is_resolved
from kg.relate.orgs import guarded_org
from kg.relate.rules import lexicon
from kg.relate.text import CLOSE, LABEL_LETTERS, OPEN, TOKEN_RE

GUARD_WINDOW = (
    16  # characters on each side of an organisation that its guard reads (这家位于…的X厂, X中心(…)23个)
)


@dataclass
class Slot:
    """One token of an encoded sentence: a mention, or several nested places read as one."""

    letter: str
    mention: Mention  # the representative (for places: the most specific)
    start: int
    end: int
    place: Mention | None = None  # the place a P token stands for
    government: bool = False
    station: Mention | None = None  # an O token that is a team (X驻Y工作队): the place it stays in
    address: tuple[Mention, ...] = ()  # the places written before it as one address, outermost first

    @property
    def programme_word(self) -> bool:
        """A one-character abbreviation of a province (粤 of 粤桂协作, 苏 and 陕 of 苏陕协作资金) names
        a programme: never the giver, the receiver or the site of anything by itself."""
        return self.letter == "P" and not self.government and len(self.mention.text) < 2


@dataclass
class Encoded:
    """A sentence as tokens and text, with the way back to article offsets."""

    index: int
    text: str  # the encoded sentence
    slots: list[Slot]
    starts: list[int]  # article offset where each encoded character starts
    ends: list[int]  # article offset where each encoded character ends
    # slot_positions, found once: many readers ask for them, some once per mention
    _positions: list[tuple[int, int, Slot]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]

    def slots_in(self, start: int, end: int, letters: str) -> list[Slot]:
        found = []
        for m in TOKEN_RE.finditer(self.text, start, end):
            if m.group(1) in letters:
                found.append(self.slots[int(m.group(2))])
        return found

    def slot_positions(self) -> list[tuple[int, int, Slot]]:
        """(start, end, slot) of each token of the encoded text, in text order (a new list)."""
        if self._positions is None:
            self._positions = [
                (m.start(), m.end(), self.slots[int(m.group(2))]) for m in TOKEN_RE.finditer(self.text)
            ]
        return list(self._positions)


def _usable(mention: Mention) -> bool:
    if mention.label == "PLACE":
        return True
    return mention.label in LABEL_LETTERS


def _unresolved_place(mention: Mention) -> Mention | None:
    """An unresolved place whose name ends in a level suffix (建新村), as a nameable recipient."""
    levels = {k: v for k, v in lexicon()["unresolved_place_levels"].items() if not k.startswith("_")}
    for suffix, level in sorted(levels.items(), key=lambda kv: -len(kv[0])):
        if mention.text.endswith(suffix) and len(mention.text) > len(suffix) + 1:
            return Mention(**{**mention.to_dict(), "name": mention.text, "level": level})
    return None


@cache
def _address_gap() -> re.Pattern[str]:
    return re.compile(lexicon()["address_gap"]["regex"])


def _address_head(slots: list[Slot], text: str, place: Mention) -> int | None:
    """Index of the place slot that ``place`` continues as one address, else None.

    Written one after the other with nothing but address text between them (江苏省苏州市,
    来宾市金秀县罗香乡罗运村), the inner place is the one meant; unresolved places in between
    (罗香乡) belong to the address too.
    """
    cursor = place.start
    for i in range(len(slots) - 1, -1, -1):
        slot = slots[i]
        if not _address_gap().fullmatch(text[slot.end : cursor]):
            return None
        if slot.letter == "P" and slot.place is not None:
            return i if nests(place, slot.place) else None
        if slot.letter != "U":
            return None
        cursor = slot.start
    return None


def _take_address(slots: list[Slot], head: int) -> tuple[int, tuple[Mention, ...]]:
    """Remove the slots of an address from ``head`` on; return where it starts and its places,
    outermost first, for the one token of its innermost place."""
    start = slots[head].start
    outer = tuple(p for s in slots[head:] for p in (*s.address, s.place) if s.letter == "P" and p)
    del slots[head:]
    return start, outer


def government_home(
    org: Mention, places_by_code: dict[str, Mention], places_by_text: dict[str, Mention]
) -> Mention | None:
    """The place a government organ acts for: the place named last in its name (锡北镇政府 →
    锡北镇, not its county), else the linker's home code."""
    text = org.text
    best: tuple[int, int, Mention] | None = None
    for key, place in places_by_text.items():
        at = text.rfind(key)
        if at >= 0:
            rank = (at + len(key), len(key))
            if best is None or rank > best[:2]:
                best = (*rank, place)
    if best is not None:
        return best[2]
    return places_by_code.get(org.home_code or "") or _place_of_code(org, org.home_code)


def team_station(org: Mention, places_by_text: dict[str, Mention]) -> Mention | None:
    """The place a team stays in (观珠镇帮扶工作队 → 观珠镇, 广清指挥部驻连山工作队 → 连山): the
    place its name names after 驻, else at its start; None for any other organisation."""
    name = org.text
    if not name.endswith(tuple(lexicon()["stationed_team"]["words"])):
        return None
    rest = name[name.rfind(lexicon()["stationed_team"]["marker"]) + 1 :]
    keys = [k for k in places_by_text if rest.startswith(k) and len(k) < len(rest)]
    if keys:
        return places_by_text[max(keys, key=len)]
    # the place is named only inside the team's name (驻«册亨县帮扶工作队»): the linker's home,
    # else the division the name begins with by its full name where only one bears it
    named = replace(org, text=rest)
    return _place_of_code(named, org.home_code) or _named_division(named)


def _named_division(mention: Mention) -> Mention | None:
    """A place mention for the county-or-above division ``mention``'s text begins with by its
    full official name (台江县工作队 → 台江县), where exactly one division bears that name."""
    for _, candidates in load_gazetteer().matches_at(mention.text):
        upper = {
            c.division.code: c.division
            for c in candidates
            if c.kind == "name" and c.division.level in UPPER_LEVELS
        }
        if len(upper) == 1:
            division = next(iter(upper.values()))
            return replace(fill_place(mention, division), label="PLACE", home_code=None, subtype=None)
        if upper:
            return None
    return None


def _without_parent_names(text: str, division: Any) -> str:
    """The name without the names of the division's parents written before it (山东省滨州市人社局
    → 滨州市人社局): an organ of a place is often named with its province in front."""
    gazetteer = load_gazetteer()
    for parent_code in division.parents:
        parent = gazetteer.get(parent_code)
        if parent is None:
            continue
        names = sorted((n for n in (parent.name, parent.short or "", *parent.aliases) if n), key=len)
        for name in reversed(names):
            if text.startswith(name) and len(text) > len(name):
                text = text[len(name) :]
                break
    return text


def _team_marker(name: str) -> tuple[int, int] | None:
    """Where the last word inside a team's name that parts its sender from the place it works
    in stands (珠海市驻观珠镇帮扶工作队: 驻; 西湖区对口帮扶台江县工作队: 对口帮扶), past the name's start."""
    rule = lexicon()["stationed_team"]
    ending = max((w for w in rule["words"] if name.endswith(w)), key=len, default="")
    words = sorted([rule["marker"], *rule["verb_markers"]], key=len, reverse=True)
    found = [
        m.span()
        for m in re.finditer("|".join(map(re.escape, words)), name[: len(name) - len(ending)])
        if m.start() > 0
    ]
    return found[-1] if found else None


def _team_sender(
    org: Mention, places_by_code: dict[str, Mention], places_by_text: dict[str, Mention]
) -> tuple[Mention, str] | None:
    """The place that sends a team named as one organisation with 驻 inside (珠海市驻观珠镇帮扶
    工作队), and the words that name it: the place its name begins with, else the linker's home."""
    name = org.text
    marked = _team_marker(name)
    if marked is None or not name.endswith(tuple(lexicon()["stationed_team"]["words"])):
        return None
    at = marked[0]
    keys = [k for k in places_by_text if name.startswith(k) and len(k) <= at]
    if keys:
        key = max(keys, key=len)
        return places_by_text[key], key
    division = load_gazetteer().get(org.home_code) if org.home_code else None
    home = places_by_code.get(org.home_code or "") or _place_of_code(org, org.home_code)
    if division is None or home is None:
        return None
    names = (division.name, division.short or "", *division.aliases)
    words = max((w for w in names if w and name.startswith(w) and len(w) <= at), key=len, default=None)
    return (home, words) if words else None


def home_named_in(mention: Mention) -> Mention | None:
    """The place an organisation's or a project's name begins with, as a place mention, where the
    article names it only there (通渭县青松小学 → 通渭县)."""
    return _place_of_code(mention, mention.home_code)


def _place_of_code(mention: Mention, code: str | None) -> Mention | None:
    """A place mention for a division code (county level or above) where the article names the
    place only inside an organisation's name (黔西南州人民政府): the division the name begins with."""
    division = load_gazetteer().get(code) if code else None
    if division is None or division.level not in UPPER_LEVELS:
        return None
    names = (division.name, division.short or "", *division.aliases)
    if not any(n and _without_parent_names(mention.text, division).startswith(n) for n in names):
        return None
    return replace(fill_place(mention, division), label="PLACE", home_code=None, subtype=None)


def _locate_station(slots: list[Slot], text: str, station: Mention | None, at: int) -> None:
    """贵州省«铜仁市工作队»: where the places written right before a team (at ``at``) contain the place
    it is named by, they only locate that place — one address, as 贵州省铜仁市 is, whose token
    stands for the team's place."""
    if station is None:
        return
    held = _address_head(slots, text, replace(station, start=at))
    if held is None or slots[held].place is None or place_key(slots[held].place) == place_key(station):
        return
    start, outer = _take_address(slots, held)
    slots.append(Slot("P", station, start, at, place=station, address=outer))


def encode(
    article: Article,
    index: int,
    mentions: Sequence[Mention],
    places_by_code: dict[str, Mention],
    places_by_text: dict[str, Mention] | None = None,
) -> Encoded:
    """Encode sentence ``index`` of the article with its mentions."""
    sentence = article.sentences[index]
    slots: list[Slot] = []
    for m in visible([m for m in mentions if _usable(m)]):
        if m.label == "PLACE":
            if not is_resolved(m):
                # never a pairing party; a help or fund recipient when its name says its level
                slots.append(Slot("U", m, m.start, m.end, place=_unresolved_place(m)))
                continue
            head = _address_head(slots, article.text, m)
            if head is not None:
                start, outer = _take_address(slots, head)
                slots.append(Slot("P", m, start, m.end, place=m, address=outer))
                continue
            slots.append(Slot("P", m, m.start, m.end, place=m))
        elif m.label == "ORG":
            speaker = m.source in (SPEAKER_SOURCE, ORG_SOURCE)  # 我们 / 该公司 for a name
            guarded = (
                m
                if speaker
                else guarded_org(
                    m,
                    article.text[max(0, m.start - GUARD_WINDOW) : m.start],
                    article.text[m.end : m.end + GUARD_WINDOW],
                )
            )
            if guarded is None:
                previous = slots[-1] if slots else None
                if previous and previous.letter == "O" and previous.end == m.start:
                    # 厦门海投集团|供应链公司: a line of business right after a name is its subsidiary
                    org = previous.mention
                    joined = replace(
                        org, text=org.text + m.text, end=m.end, name=(org.name or org.text) + m.text
                    )
                    slots[-1] = Slot("O", joined, previous.start, m.end, government=previous.government)
                continue  # not an organisation name: its words stay plain text
            m = guarded
            government = is_government(m)
            home = government_home(m, places_by_code, places_by_text or {}) if government else None
            if home is not None:
                start, outer = m.start, ()
                head = _address_head(slots, article.text, replace(home, start=m.start))
                if head is not None:  # 上海市«黄浦区政府»: the city only locates the district's organ
                    start, outer = _take_address(slots, head)
                slots.append(Slot("P", m, start, m.end, place=home, government=True, address=outer))
            else:
                sender = _team_sender(m, places_by_code, places_by_text or {})
                if sender is not None:  # «X驻Y工作队» as one name: X, then 驻, then Y's team
                    at = (_team_marker(m.text) or (0, 0))[1]
                    sender_start = m.start
                    head = _address_head(slots, article.text, replace(sender[0], start=m.start))
                    if head is not None:  # 杭州市«西湖区对口帮扶台江县工作队»: one address
                        sender_start = slots[head].start
                        del slots[head:]
                    slots.append(
                        Slot("P", sender[0], sender_start, m.start + len(sender[1]), place=sender[0])
                    )
                    m = replace(m, text=m.text[at:], name=m.text[at:], start=m.start + at)
                station = team_station(m, places_by_text or {})
                _locate_station(slots, article.text, station, m.start)
                slots.append(Slot("O", m, m.start, m.end, government=government, station=station))
        else:
            slots.append(Slot(LABEL_LETTERS[m.label], m, m.start, m.end))

    parts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cursor = sentence.start
    for i, slot in enumerate(slots):
        _plain(article.text, cursor, slot.start, parts, starts, ends)
        token = f"{OPEN}{slot.letter}{i}{CLOSE}"
        parts.append(token)
        starts.extend([slot.start] * len(token))
        ends.extend([slot.end] * len(token))
        cursor = slot.end
    _plain(article.text, cursor, sentence.end, parts, starts, ends)
    return Encoded(index, "".join(parts), slots, starts, ends)


def _plain(text: str, start: int, end: int, parts: list[str], starts: list[int], ends: list[int]) -> None:
    """The characters of ``text[start:end]`` as themselves, each at its own offset (a run at a time)."""
    if start < end:
        parts.append(text[start:end])
        starts.extend(range(start, end))
        ends.extend(range(start + 1, end + 1))
