"""kg.prefilter: a pattern skips a text only where it cannot match there."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.prefilter import Prefiltered, PrefilterIndex, guarded, required_sets

# Patterns of the shapes the constructions use: tokens, alternations, optional parts, classes,
# lookarounds, repeats, a negated class, an inline flag.
SHAPES = [
    r"⟨P\d+⟩(?:与|和)⟨P\d+⟩结对",
    r"(?P<a>⟨P\d+⟩)(?:对口)?(?:帮扶|支援)(?P<b>⟨P\d+⟩)",
    r"(?<!不)援建[^,。]{0,6}(?:学校|医院)",
    r"(?=.*资金)⟨M\d+⟩万元",
    r"(?:东西部|对口)协作|结对",
    r"[一二三]{2,}个?村",
    r"x?y*z+",
    r"(?i)abc",
    r"(?:a|b?)c",
]
ALPHABET = "⟨⟩P M 0 1 与和结对口帮扶支援不建学校医院资金万元东西部协作一二三个村abcxyz,。"


def test_required_sets_of_a_construction_shape() -> None:
    sets = required_sets(re.compile(SHAPES[0]))
    assert frozenset("与和") in sets and frozenset("结") in sets
    assert sets.index(frozenset("结")) < sets.index(frozenset("⟨"))  # words' characters first


def test_nothing_required_under_lookarounds_optional_parts_or_ignorecase() -> None:
    assert required_sets(re.compile(r"(?=资金)x?")) == []
    assert required_sets(re.compile(r"(?i)abc")) == []
    assert frozenset("b") not in required_sets(re.compile(r"(?:a|b?)c"))
    assert required_sets(re.compile(r"(?:a|b?)c")) == [frozenset("c")]


def test_a_text_without_a_required_character_is_skipped() -> None:
    pattern = Prefiltered(re.compile(SHAPES[1]))
    assert not pattern.may_match("⟨P0⟩与⟨P1⟩签约")
    assert list(pattern.finditer("⟨P0⟩与⟨P1⟩签约")) == []
    assert [m.group("b") for m in pattern.finditer("⟨P0⟩对口支援⟨P1⟩")] == ["⟨P1⟩"]
    assert pattern.search("⟨P0⟩帮扶⟨P1⟩") is not None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.sampled_from(SHAPES))
def test_same_matches_as_the_pattern(text: str, shape: str) -> None:
    regex = re.compile(shape)
    pattern = Prefiltered(regex)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in regex.finditer(text)]
    assert (pattern.search(text) is None) == (regex.search(text) is None)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_the_index_lets_through_what_each_pattern_would(text: str) -> None:
    patterns = [Prefiltered(re.compile(shape)) for shape in SHAPES]
    index = PrefilterIndex(patterns)
    assert index.may_match(text) == [i for i, p in enumerate(patterns) if p.may_match(text)]


def test_the_index_of_a_sentence() -> None:
    index = PrefilterIndex([Prefiltered(re.compile(shape)) for shape in SHAPES])
    assert index.may_match("⟨P0⟩对口支援⟨P1⟩") == [1, 7]  # 7, (?i)abc, requires nothing we check


# Shapes whose matches start with a known character but that re tries at every position: an
# alternation of groups, a lookahead inside a repeat, a repeat first.
GUARDED_SHAPES = [
    r"(?:东西部|对口)协作|结对",
    r"(?P<name>(?:(?!不)[援建学校]){2,4}?)(?:医院|学校)",
    r"[一二三]{2,}个?村",
    r"(?<!不)(?:(?:对口)?帮扶|支援)(?P<b>⟨P\d+⟩)",
]


def test_guarded_where_re_tries_every_position() -> None:
    for shape in GUARDED_SHAPES:
        assert guarded(re.compile(shape)).pattern.startswith("(?=["), shape
    # re has a prefix of its own, the first character is any, a match may be empty, a flag
    for shape in (r"结对", r"[结帮]对", r"(?:对口|结对)帮扶", r".资金", r"x?y*", r"(?i)abc"):
        regex = re.compile(shape)
        assert guarded(regex) is regex, shape


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40), st.sampled_from(GUARDED_SHAPES + SHAPES))
def test_guarded_matches_are_the_pattern_s(text: str, shape: str) -> None:
    regex = re.compile(shape)
    guard = guarded(regex)
    found = [(m.span(), m.groups(), m.lastgroup) for m in guard.finditer(text)]
    assert found == [(m.span(), m.groups(), m.lastgroup) for m in regex.finditer(text)]
    assert guard.groupindex == regex.groupindex
    for at in range(len(text) + 1):
        plain = regex.match(text, at)
        assert (m.span() if (m := guard.match(text, at)) else None) == (plain.span() if plain else None)


def test_the_project_endings_are_guarded() -> None:
    """The endings' alternation of named groups is scanned over every sentence (kg.relate)."""
    from kg.nlp.patterns import project_heads

    assert project_heads().head.pattern.startswith("(?=[")
