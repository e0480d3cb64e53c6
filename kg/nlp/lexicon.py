"""The nlp stage's word lists, kept as data in ``kg/data/patterns/``: NER cue words, place
endings, endings that make a span no name, the NER label map, organisation subtypes by ending."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.io import data_lines, data_path, data_rows
from kg.jieba_dict import set_phrases
from kg.org_subtypes import subtype_by_suffix


def model_path() -> Path:
    """The shipped statistical NER (jieba tokenizer + tok2vec + ner)."""
    return data_path("model")


@cache
def ner_cues() -> tuple[str, ...]:
    return tuple(data_lines("patterns", "ner_cues.txt"))


@cache
def place_ending() -> re.Pattern[str]:
    """What a place name ends with (县, 乡, 村 …), as a regex anchored at a span's end."""
    endings = sorted(data_lines("patterns", "place_endings.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")


@cache
def not_name_endings() -> re.Pattern[str]:
    endings = sorted(data_lines("patterns", "not_name_endings.txt"), key=len, reverse=True)
    return re.compile(f"(?:{'|'.join(map(re.escape, endings))})$")


def is_phrase_not_name(text: str) -> bool:
    """True for a statistical ORG/PERSON span that is a phrase: 深情厚谊, 林某兄弟俩, 某某产业发展."""
    return bool(not_name_endings().search(text)) or text in set_phrases()


@cache
def label_map() -> dict[str, tuple[str, str | None]]:
    """NER label → (our label, ORG subtype or None): CLUENER's and OntoNotes' labels."""
    rows = data_rows("patterns", "label_map.csv")
    return {row["ner_label"]: (row["label"], row["subtype"] or None) for row in rows}


def org_subtype(name: str, default: str = "other") -> str:
    """An organisation's subtype from its name's ending (学校 → school, 商会 → social …)."""
    return subtype_by_suffix(name, bare=True) or default
