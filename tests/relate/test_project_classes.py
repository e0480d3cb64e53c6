"""Classes of project wordings found across fresh pages (issue 12, generalisation round): each class
tested in several wordings of our own, with negatives, through the real pipeline (nlp → link →
relate). Invented names throughout."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Rows = Callable[[str], list[tuple[str | None, str | None]]]


def names(found: list[tuple[str | None, str | None]]) -> list[str | None]:
    return sorted(name for name, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "市工商联联合市慈善总会出资开展“助学工程”“养蜂产业扶贫工程”“助农工程”等救助活动。",
        "目前受到“青禾工程”资助的在校大学生还有1000余人。",
        "“青禾工程”救助行动使灾区四所学校获援建。",
        "“春苗工程”将通过本次活动向他们提供帮扶。",
        "记者从“同心工程”获悉,行动已启动一周。",
    ],
)
def test_a_programme_named_as_a_works_is_no_project(projects: Rows, text: str) -> None:
    """A 工程 that helps, funds or acts (a programme) is no thing built."""
    assert projects(text) == []


@pytest.mark.parametrize(
    ("text", "project"),
    [
        ("海州区投入资金建设白石村产业示范工程。", "白石村产业示范工程"),  # a construction verb before it
        ("白石村乡村振兴示范工程顺利竣工。", "白石村乡村振兴示范工程"),  # its completion after it
        ("海州区援建的“白石暖心工程”已建成投用。", "白石暖心工程"),
        ("去年,帮扶单位在这里建成了白石村第一个自然能提水工程。", "自然能提水工程"),
        ("上海援青资金投入建设“五小工程”,在青禾乡实现全覆盖。", "五小工程"),
    ],
)
def test_a_works_stated_as_built_stays_a_project(projects: Rows, text: str, project: str) -> None:
    assert names(projects(text)) == [project]
