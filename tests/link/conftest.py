"""Fixtures of the link tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _rules_alone(rules_only: None) -> None:
    """Where these tests read relations, they read them with the rules alone (see ``rules_only``)."""
