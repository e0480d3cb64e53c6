"""Regular expressions that skip a text lacking a character every match needs.

Python's ``re`` tries a pattern at every position of a text; the relation constructions are long
alternations run over every sentence, and most sentences hold none of the words a construction is
built from. :func:`required_sets` reads a pattern's parse tree for the characters any match must
consume (a literal outside lookarounds and optional parts; one of a class; one of each branch's),
and :class:`Prefiltered` answers "no match" at once for a text without them. The answer is the
same as the pattern's own: the check is a necessary condition, never a sufficient one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

try:  # Python ≥ 3.11
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

MAX_RANGE = 256  # a character range wider than this requires nothing we check
MAX_SETS = 12  # the sets checked per pattern (the smallest: the most telling)

_LITERAL = sre_constants.LITERAL
_IN = sre_constants.IN
_RANGE = sre_constants.RANGE
_NEGATE = sre_constants.NEGATE
_SUBPATTERN = sre_constants.SUBPATTERN
_BRANCH = sre_constants.BRANCH
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS.update(op for op in (getattr(sre_constants, "POSSESSIVE_REPEAT", None),) if op is not None)
_ATOMIC = getattr(sre_constants, "ATOMIC_GROUP", None)


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The characters a class ``[...]`` admits, or None when it is negated, a category or too wide."""
    chars: set[str] = set()
    for op, arg in items:
        if op is _LITERAL:
            chars.add(chr(arg))
        elif op is _RANGE and arg[1] - arg[0] < MAX_RANGE:
            chars.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:  # NEGATE, CATEGORY, a wide range
            return None
    return frozenset(chars)


def _required(tree: Any) -> list[frozenset[str]]:
    """Sets of characters of which every match of ``tree`` (a parsed sequence) holds one each."""
    out: list[frozenset[str]] = []
    for op, arg in tree:
        if op is _LITERAL:
            out.append(frozenset(chr(arg)))
        elif op is _IN:
            chars = _class_chars(arg)
            if chars:
                out.append(chars)
        elif op is _SUBPATTERN:
            _group, add_flags, _del_flags, sub = arg
            if not add_flags & re.IGNORECASE:
                out.extend(_required(sub))
        elif op in _REPEATS:
            low, _high, sub = arg
            if low >= 1:
                out.extend(_required(sub))
        elif op is _ATOMIC:
            out.extend(_required(arg))
        elif op is _BRANCH:
            branch = _branch_set(arg[1])
            if branch:
                out.append(branch)
        # lookarounds, anchors, ANY, NOT_LITERAL, group references and conditionals require nothing
    return out


def _branch_set(branches: list[Any]) -> frozenset[str] | None:
    """One set for an alternation: the smallest set of each branch, joined (None when a branch
    requires nothing)."""
    joined: set[str] = set()
    for branch in branches:
        sets = _required(branch)
        if not sets:
            return None
        joined.update(min(sets, key=len))
    return frozenset(joined)


def required_sets(regex: re.Pattern[str]) -> list[frozenset[str]]:
    """Sets of characters of which every match of ``regex`` holds at least one each (smallest first)."""
    if regex.flags & re.IGNORECASE:
        return []
    unique = sorted(set(_required(sre_parse.parse(regex.pattern, regex.flags))), key=_telling)
    return unique[:MAX_SETS]


def _telling(chars: frozenset[str]) -> tuple[bool, int, list[str]]:
    """Sort key, most telling first: sets of words' characters before sets holding a character
    below U+3000 or of the private use area (the encoded sentences' token marks, ASCII letters
    and punctuation are in nearly every sentence), then the smaller sets."""
    common = any(c < "\u3000" or "\ue000" <= c <= "\uf8ff" for c in chars)
    return common, len(chars), sorted(chars)


def _class_regex(chars: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


MAX_FIRST = 512  # first characters a guard may list (a wider set lets nearly every position by)
_ASSERTS = {sre_constants.ASSERT, sre_constants.ASSERT_NOT, sre_constants.AT}


def _first(tree: Any) -> tuple[frozenset[str] | None, bool]:
    """(the characters a match of ``tree`` may start with, None when any; whether it may be empty)."""
    chars: set[str] = set()
    for op, arg in tree:
        if op in _ASSERTS:
            continue  # zero-width: the next item consumes the first character
        if op is _LITERAL:
            return frozenset(chars | {chr(arg)}), False
        if op is _IN:
            admitted = _class_chars(arg)
            return (None if admitted is None else frozenset(chars | admitted)), False
        if op is _SUBPATTERN:
            first, empty = _first(arg[3])
        elif op in _REPEATS:
            first, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        elif op is _ATOMIC:
            first, empty = _first(arg)
        elif op is _BRANCH:
            first, empty = frozenset(), False
            for branch in arg[1]:
                branch_first, branch_empty = _first(branch)
                if branch_first is None:
                    return None, False
                first, empty = first | branch_first, empty or branch_empty
        else:  # ANY, NOT_LITERAL, a category, a group reference: any character
            return None, False
        if first is None:
            return None, False
        chars |= first
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _scans_by_prefix(tree: Any) -> bool:
    """Whether ``re`` itself skips to where a match may start: a pattern that opens with a literal,
    a class or an alternation of branches that each open with a literal (``re._compiler``'s
    prefix and charset)."""
    op, arg = tree[0] if len(tree) else (None, None)
    while op is _SUBPATTERN and len(arg[3]):
        op, arg = arg[3][0]
    if op is _BRANCH:
        return all(len(branch) and branch[0][0] is _LITERAL for branch in arg[1])
    return op is _LITERAL or op is _IN


def guarded(regex: re.Pattern[str]) -> re.Pattern[str]:
    """``regex`` behind a lookahead for the characters its matches start with, where ``re`` would
    otherwise try the whole pattern at every position (one that opens with a group of
    alternatives, each with lookaheads of its own): the guard fails at once at a position no match
    starts from. Same matches, same groups; ``regex`` itself where ``re`` has a prefix of its own,
    the first characters are unknown or too many, or a match may be empty."""
    if regex.flags & re.IGNORECASE:
        return regex
    tree = sre_parse.parse(regex.pattern, regex.flags)
    first, empty = _first(tree)
    if first is None or empty or not first or len(first) > MAX_FIRST or _scans_by_prefix(tree):
        return regex
    try:
        return re.compile(f"(?={_class_regex(first).pattern})(?:{regex.pattern})", regex.flags)
    except re.error:  # global flags written inside the pattern: they must stay first
        return regex


class Prefiltered:
    """A compiled pattern that skips texts lacking a required character; otherwise it is the
    pattern itself (``finditer``, ``search``; anything else is passed through)."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = guarded(regex)  # in a text that passes, re skips where no match starts
        self.sets = required_sets(regex)
        checks = [_class_regex(chars) for chars in self.sets]
        # the most telling set first, alone: most texts fail it, in one call
        self.first = checks[0].search if checks else None
        self.rest = tuple(check.search for check in checks[1:])

    def may_match(self, text: str) -> bool:
        """False only where no match can exist in ``text``."""
        if self.first is None:
            return True
        return self.first(text) is not None and all(search(text) for search in self.rest)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        if args or self.first is None or (self.first(text) and all(search(text) for search in self.rest)):
            return self.regex.finditer(text, *args)
        return iter(())

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        if args or self.may_match(text):
            return self.regex.search(text, *args)
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.regex, name)


class PrefilterIndex:
    """Which of several patterns may match a text, found from the text's characters: one lookup
    a character for the most telling set of every pattern at once, instead of a check a pattern
    (a sentence holds the words of a few of the ~80 pairing constructions)."""

    def __init__(self, patterns: Sequence[Prefiltered]) -> None:
        self.always = [i for i, p in enumerate(patterns) if not p.sets]
        self.by_char: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            for char in p.sets[0] if p.sets else ():
                self.by_char.setdefault(char, []).append(i)
        self.rest = [p.sets[1:] for p in patterns]

    def may_match(self, text: str) -> list[int]:
        """The indices, in order, of the patterns that ``Prefiltered.may_match`` lets through."""
        chars = frozenset(text)
        found = set(self.always)
        for char in chars:
            found.update(self.by_char.get(char, ()))
        rest = self.rest
        return sorted(i for i in found if all(not s.isdisjoint(chars) for s in rest[i]))
