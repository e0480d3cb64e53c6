"""The schema of the relate stage's rule files, checked when they are loaded.

Every kind of rule row has a spec: the keys it may carry and what each value must be. A key the
spec does not know, a missing required key or a bad value (a typo in ``direction``) is a
:class:`RuleError` naming the file, the line and the key — never a silent default.

A spec maps a key to a :class:`Field`; ``"*"`` stands for any key of a table whose keys are data
(the action names, the place endings). ``_about`` (and keys starting with ``_about``) may stand
anywhere: it says what the section is for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

Check = Callable[[Any], str | None]  # the problem with a value, or None


class RuleError(ValueError):
    """A rule file that does not hold to its schema."""

    def __init__(self, file: str, line: int, key: str, problem: str):
        super().__init__(f"{file}:{line}: {key}: {problem}")
        self.file, self.line, self.key, self.problem = file, line, key, problem


@dataclass(frozen=True)
class Field:
    """One key of a rule row: what its value must be and whether it must be there."""

    check: Check | None = None  # None: a nested section with ``spec``
    required: bool = False
    spec: dict[str, Field] = field(default_factory=dict)


def text(value: Any) -> str | None:
    return None if isinstance(value, str) and value else "must be a non-empty string"


def regex(value: Any) -> str | None:
    if not isinstance(value, str) or not value:
        return "must be a regular expression"
    try:
        re.compile(value)
    except re.error as error:
        return f"is no regular expression ({error})"
    return None


def words(value: Any) -> str | None:
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        return "must be a list of non-empty strings"
    return None


def integer(value: Any) -> str | None:
    return None if isinstance(value, int) and not isinstance(value, bool) else "must be an integer"


def integers(value: Any) -> str | None:
    if not isinstance(value, list) or any(integer(v) for v in value):
        return "must be a list of integers"
    return None


def flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def number(low: float, high: float) -> Check:
    def check(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            return f"must be a number from {low} to {high}"
        return None

    return check


def one_of(*allowed: str) -> Check:
    def check(value: Any) -> str | None:
        return None if value in allowed else f"must be one of {', '.join(allowed)} (not {value!r})"

    return check


def codes(value: Any) -> str | None:
    if words(value) or not all(re.fullmatch(r"\d{6}", c) for c in value):
        return "must be a list of 6-digit division codes"
    return None


def table(value_check: Check) -> Field:
    """A required section whose keys are data, each value checked by ``value_check``."""
    return Field(spec={"*": Field(value_check)}, required=True)


def section(**spec: Field) -> Field:
    """A required section with its own keys."""
    return Field(spec=spec, required=True)


def need(check: Check) -> Field:
    return Field(check, required=True)


def may(check: Check) -> Field:
    return Field(check)


def problems(
    value: Any, spec: dict[str, Field], path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every (key path, problem) of a row or section against its spec."""
    if not isinstance(value, dict):
        yield path, "must be an object"
        return
    for key, item in value.items():
        if key.startswith("_about"):
            continue
        rule = spec.get(key) or spec.get("*")
        if rule is None:
            yield (*path, key), f"unknown key (known: {', '.join(k for k in spec if k != '*')})"
        elif rule.check is None:
            yield from problems(item, rule.spec, (*path, key))
        elif (problem := rule.check(item)) is not None:
            yield (*path, key), problem
    for key, rule in spec.items():
        if rule.required and key not in value:
            yield (*path, key), "is required"


def line_of(source: str, path: tuple[str, ...], first_line: int = 1) -> int:
    """The line of the innermost key of ``path`` in a JSON text (each key searched after its parent)."""
    offset = 0
    for key in path:
        found = source.find(f'"{key}"', offset)
        if found < 0:
            break
        offset = found + 1
    return first_line + source.count("\n", 0, max(offset - 1, 0))


def validate(value: Any, spec: dict[str, Field], file: str, source: str, first_line: int = 1) -> None:
    """Raise a :class:`RuleError` for the first problem of ``value`` (read from ``source``)."""
    for path, problem in problems(value, spec):
        raise RuleError(file, line_of(source, path, first_line), ".".join(path) or "(row)", problem)
