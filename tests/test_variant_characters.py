"""Variant characters OpenCC leaves as they are fold to the simplified ones pages mean
(``kg/data/variant_characters.csv``): every row's example sentence, and a place written with one."""

from __future__ import annotations

import pytest
from opencc import OpenCC

from kg.ingest.normalise import normalize_text
from kg.ingest.script import to_simplified
from kg.io import data_rows

ROWS = data_rows("variant_characters.csv")


@pytest.mark.parametrize("row", ROWS, ids=[row["variant"] for row in ROWS])
def test_each_row_folds_its_example(row: dict[str, str]) -> None:
    assert len(row["variant"]) == 1 and len(row["standard"]) == 1
    assert OpenCC("t2s").convert(row["variant"]) == row["variant"]  # a variant OpenCC misses
    assert row["variant"] in row["example"]
    assert to_simplified(row["example"]) == row["expected"]


def test_a_simplified_line_with_a_variant_folds_too() -> None:
    assert to_simplified("陜西省与江苏省结对") == "陕西省与江苏省结对"


def test_normalised_text_keeps_offsets_and_names_the_province() -> None:
    raw = "蘇陜協作開展以來，江蘇省支援陜西省。"
    text, runs = normalize_text(raw)
    assert "陕西省" in text and "陜" not in text
    assert len(text) == len(raw)
