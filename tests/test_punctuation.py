"""kg.punctuation.clause_bounds: the clause around a span, from the stops' positions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.punctuation import CLAUSE_STOPS, clause_bounds


def _scanned(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The definition: the last stop before ``start``, the first from ``end`` on, by str.find."""
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [i for i in (text.find(c, end) for c in stops) if i >= 0]
    return left, min(rights) if rights else len(text)


def test_the_clause_of_a_span() -> None:
    text = "甲县帮扶乙村，建成车间；丙县捐赠10万元。"
    assert clause_bounds(text, 7, 9) == (7, 11)  # 建成车间
    assert clause_bounds(text, 0, 2) == (0, 6)
    assert clause_bounds(text, 12, 12, "。") == (0, 20)
    assert clause_bounds("没有标点", 1, 2) == (0, 4)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="甲乙丙，。；：,:!?\n", max_size=30),
    st.integers(-35, 35),
    st.integers(-35, 35),
    st.sampled_from([CLAUSE_STOPS, "。！？；!?;", CLAUSE_STOPS + "\n"]),
)
def test_the_same_bounds_as_the_definition(text: str, start: int, end: int, stops: str) -> None:
    assert clause_bounds(text, start, end, stops) == _scanned(text, start, end, stops)
    assert clause_bounds(text + "。", start, end, stops) == _scanned(text + "。", start, end, stops)
