"""Names that match a place but name none here: a short name inside a word (千山万水), a county
named once with nothing of its province around it (大兴旅游), a person (记者庄建德), the dateline's
place of filing (新华社拉萨…电), part of a slogan (“江海情”), the head of a longer local name
(双桥|村), a name cut out of another the article uses (碧|江城区). Contexts are data
(``data/non_place_uses.json``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from kg.gazetteer import Gazetteer
from kg.io import data_json
from kg.jieba_dict import jieba_words
from kg.link.lexicon import link_words
from kg.link.resolve import Context
from kg.link.segment import Piece
from kg.link.words import crossing_word
from kg.places import closeness
from kg.punctuation import CLAUSE_STOPS, clause_bounds
from kg.records import Article


def drop_short_names_inside_words(piece: Piece, text: str, gaz: Gazetteer) -> None:
    """County and town short names are the ones that turn up inside ordinary words."""
    shorts = [c for c in piece.candidates if c.kind == "short" and c.division.level in ("county", "town")]
    if not shorts:
        return
    word = crossing_word(text, piece.start, piece.end, gaz)
    if word is None:
        return
    piece.candidates = [c for c in piece.candidates if c not in shorts]
    if not piece.candidates:
        piece.unresolved = f"{piece.text} is part of the word {word} here"


def drop_names_cut_from_compounds(piece: Piece, text: str) -> None:
    """南部县|区 (南部 + 县区), 奋斗乡|村 (奋斗 + 乡村): a county, town or village name whose stem is a
    common word and whose last character makes a word with the next one was cut out of that
    phrase; it names no place. Where the next character makes a word with the one after it
    instead (团结镇|村民), the suffix stands as a word and the name stays."""
    rules = non_place_uses()
    levels = ("county", "town", "village")
    if len(piece.text) < 3 or not any(c.division.level in levels for c in piece.candidates):
        return
    words = jieba_words()
    frequency, tag = words.get(piece.text[:-1], (0, ""))
    if tag not in rules["compound_stem_tags"] or frequency < rules["common_word_min_frequency"]:
        return
    compound, following = text[piece.end - 1 : piece.end + 1], text[piece.end : piece.end + 2]
    if len(compound) < 2 or words.get(compound, (0, ""))[0] < rules["compound_min_frequency"]:
        return
    if len(following) == 2 and words.get(following, (0, ""))[0] >= rules["compound_min_frequency"]:
        return
    piece.candidates = [c for c in piece.candidates if c.division.level not in levels]
    if not piece.candidates:
        piece.unresolved = f"{piece.text} is cut out of {piece.text[:-1]}|{compound}: no place"


def drop_lone_short_names(article: Article, pieces: Sequence[Piece], context: Context) -> None:
    """A county named once, by its short name or a two-character official name, in an article
    naming nothing else of its province and no other place in the same clause is more likely a
    word that happens to match (双城故事, 大兴旅游) than a place. 福清 in "福清与积石山开展协作"
    stays, but two such names written together are a phrase (兴县富民), whatever else the clause
    names."""

    def lone(piece: Piece) -> bool:
        division = piece.chosen
        if division is None or division.level != "county" or context.counts[division.key] > 1:
            return False
        kinds = {c.kind for c in piece.candidates if c.division.key == division.key}
        if not kinds <= {"short", "former"} and not (len(piece.text) == 2 and piece.text == division.name):
            return False
        return not any(a.key != division.key and closeness(division, a) > 0 for a in context.anchors)

    lonely = [p for p in pieces if lone(p)]
    # two lone names written together (兴县富民) are a phrase, whatever else the clause names
    paired = {id(p) for p in lonely for q in lonely if p is not q and (p.end == q.start or q.end == p.start)}
    for piece in lonely:
        division = piece.chosen
        assert division is not None
        start, end = clause_bounds(article.text, piece.start, piece.end, CLAUSE_STOPS + "\n")
        vouching = [
            other
            for other in pieces
            if other.chosen is not None and other.chosen.key != division.key and start <= other.start < end
        ]
        if not vouching or id(piece) in paired:
            piece.chosen = None
            piece.unresolved = (
                f"{piece.text} is named once, by a short name, with no other place of its province "
                f"in the article nor any other place in its clause: more likely a word than {division.name}"
            )
            context.counts[division.key] -= 1


@cache
def non_place_uses() -> dict[str, Any]:
    """Contexts in which a name that matches a place names none (``data/non_place_uses.json``)."""
    return data_json("non_place_uses.json")


def _by_short_name(piece: Piece) -> bool:
    """Whether the piece was linked only through a short (or former) name: 建德 for 建德市."""
    chosen = piece.chosen
    if chosen is None:
        return False
    kinds = {c.kind for c in piece.candidates if c.division.key == chosen.key}
    return bool(kinds) and kinds <= {"short", "former"}


def _non_place_use(text: str, piece: Piece, pieces: Sequence[Piece]) -> str | None:
    """Why the name at ``piece`` names no place here (a person, a dateline, a slogan), or None."""
    rules = non_place_uses()
    after = text[piece.end : piece.end + 12]
    before = text[max(0, piece.start - 8) : piece.start]
    if in_dateline(text, piece):
        return f"{piece.text} is the dateline's place of filing, not a party of the story"
    if not _by_short_name(piece):
        return None
    in_chain = any(  # 广西|百色|靖西市: a name between places is a place
        other is not piece
        and other.chosen is not None
        and (other.end == piece.start or other.start == piece.end)
        for other in pieces
    )
    frequency, tag = jieba_words().get(piece.text, (0, ""))
    if (
        not in_chain
        and tag in rules["common_word_tags"]
        and frequency >= rules["common_word_min_frequency"]  # 弥渡, 乡城: place names jieba mistags
        and not _place_cue_beside(text, piece, rules)
    ):
        return f"{piece.text} is the common word here (投资兴业, 山海同心): no word of place beside it"
    if before and before[-1] in rules["surnames"]:
        if _after_byline(text[: piece.start - 1], rules):
            return f"{before[-1]}{piece.text} after a byline or a role is a person's name"
        opens = len(before) < 2 or not ("\u4e00" <= before[-2] <= "\u9fff")
        speaks = after.startswith(tuple(rules["speech_verbs"])) and not after.startswith("说明")
        if opens and speaks:
            return f"{before[-1]}{piece.text}, who speaks, is a person"
    for opening, closing in rules["quote_pairs"].items():
        bounds = _quoted_phrase(text, piece, opening, closing, rules)
        if bounds is None:
            continue
        left, right = bounds
        inner = list(text[left + 1 : right])
        for other in pieces:
            if left < other.start and other.end <= right and other.chosen is not None:
                for i in range(other.start - left - 1, other.end - left - 1):
                    inner[i] = " "
        rest = "".join(c for c in inner if not c.isspace() and c not in rules["slogan_separators"])
        if rest:
            return f"{piece.text} is part of the quoted phrase {text[left : right + 1]}"
    return None


def _quoted_phrase(
    text: str, piece: Piece, opening: str, closing: str, rules: dict[str, Any]
) -> tuple[int, int] | None:
    """The bounds (the marks around it, exclusive) of the short quoted phrase that holds the name:
    the quotation itself (“江海情”), or the item of a quoted list that holds it (“岛城优品、牡丹飘香、
    生态博兴”: 牡丹飘香, whose left mark is the 、 before it), no longer than ``slogan_max_length``."""
    limit = rules["slogan_max_length"]
    window = rules["quoted_list_window"]
    left = text.rfind(opening, max(0, piece.start - window), piece.start)
    right = text.find(closing, piece.end, piece.end + window)
    if left < 0 or right < 0 or opening in text[left + 1 : right] or closing in text[left + 1 : right]:
        return None
    if right - left - 1 > limit:  # a quoted list: the item between its marks
        marks = rules["quoted_list_marks"]
        left = max([left] + [text.rfind(m, left, piece.start) for m in marks])
        after = [at for m in marks if (at := text.find(m, piece.end, right)) >= 0]
        right = min(after, default=right)
    return (left, right) if right - left - 1 <= limit else None


def in_dateline(text: str, piece: Piece) -> bool:
    """Whether the name is the place of a dateline: before the date of 新华社拉萨11月2日电, or
    between 本报 and 讯 (本报文山讯)."""
    rules = non_place_uses()
    after = text[piece.end : piece.end + 12]
    before = text[max(0, piece.start - 8) : piece.start]
    if before.endswith(tuple(rules["dateline_paper"])) and after.startswith(tuple(rules["dateline_markers"])):
        return True
    return bool(re.match(rules["dateline_after"], after)) and (
        not before.strip()
        or before.endswith("\n")
        or before.rstrip().endswith(tuple(rules["dateline_before"]))
    )


def _after_byline(before: str, rules: dict[str, Any]) -> bool:
    """Whether ``before`` ends with a byline or role word (记者, 通讯员, 书记), perhaps followed by
    other people's names set apart by spaces or 、 (通讯员 王明 庄建德)."""
    cues = tuple(rules["person_cues"])
    cue = before[-24:]
    for _ in range(4):
        if cue.rstrip().endswith(cues):
            return True
        name = re.search(r"[\s、,，]([\u4e00-\u9fff]{2,3})[\s、,，]*$", cue)
        if name is None:
            return False
        cue = cue[: name.start() + 1]
    return False


def _place_cue_beside(text: str, piece: Piece, rules: dict[str, Any]) -> bool:
    """Whether a word that marks a place stands right before the name (在, 与, 、, a clause's
    start) or right after it (县, 两地, 等, 的): what a common word used as a name needs."""
    before = text[max(0, piece.start - 4) : piece.start]
    if not before or not ("\u4e00" <= before[-1] <= "\u9fff"):
        return True
    if before.endswith(tuple(rules["place_cues_before"])):
        return True
    return text[piece.end : piece.end + 4].startswith(tuple(rules["place_cues_after"]))


def drop_non_place_uses(text: str, pieces: Sequence[Piece]) -> None:
    """Names that match a place but name a person (记者庄建德), the dateline's place of filing
    (新华社拉萨…电) or part of a slogan (“江海情”): no place of the story."""
    for piece in pieces:
        if piece.chosen is None:
            continue
        reason = _non_place_use(text, piece, pieces)
        if reason is not None:
            piece.chosen, piece.unresolved = None, reason


def drop_short_names_of_longer_local_names(
    text: str, pieces: Sequence[Piece], context: Context, gaz: Gazetteer
) -> None:
    """双桥|村, 温江|寺乡: a county's or town's short name that the text continues, within two
    characters, into a village or town suffix is the head of a longer local name (双桥村 of 蒲村镇,
    温江寺乡, 龙凤|坝镇), not that county or town, unless what follows is a name of its own (福清|江阴镇),
    not only the short form of one (坝镇 of 坝镇镇)."""
    for piece in pieces:
        division = piece.chosen
        if division is None or division.level not in ("county", "town"):
            continue
        kinds = {c.kind for c in piece.candidates if c.division.key == division.key}
        if not kinds <= {"short", "former"}:
            continue
        for length in (1, 2):
            tail = text[piece.end : piece.end + length]
            if len(tail) < length or not all("\u4e00" <= ch <= "\u9fff" for ch in tail):
                break
            if not tail.endswith(link_words()["local_name_suffixes"]):
                continue
            if any(c.kind != "short" for i in range(len(tail) - 1) for c in gaz.lookup(tail[i:])):
                break  # 福清|江阴镇: a name follows (not a mere short form: 坝镇 of 坝镇镇 after 龙凤)
            piece.chosen = None
            piece.unresolved = f"{piece.text} begins the longer local name {piece.text + tail}"
            context.counts[division.key] -= 1
            break


def drop_names_cut_from_known_places(
    text: str, pieces: Sequence[Piece], context: Context, gaz: Gazetteer
) -> None:
    """江城区 in 碧江城区: a name whose first characters end another name the article uses
    (碧江), and that nothing else in the article supports, was cut out of that other name."""
    anchors = {a.key for a in context.anchors}
    for piece in pieces:
        division = piece.chosen
        if division is None or any(
            a.key != division.key and closeness(division, a) > 0 for a in context.anchors
        ):
            continue
        for left in range(max(0, piece.start - 3), piece.start):
            for right in range(piece.start + 1, min(piece.end, left + gaz.max_name_length) + 1):
                other = text[left:right]
                if len(other) >= 2 and any(c.division.key in anchors for c in gaz.lookup(other)):
                    piece.chosen = None
                    piece.unresolved = f"{piece.text} overlaps {other}, a place the article names"
                    context.counts[division.key] -= 1
                    break
            if piece.chosen is None:
                break
