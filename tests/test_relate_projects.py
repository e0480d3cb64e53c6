"""Projects: named things built, funded or set up, with the place they stand in (sentences
written for these tests; PROJECT mentions added by hand as the nlp stage would give them)."""

from __future__ import annotations

import re

from relate_fixtures import article

from kg.records import Mention, Relation
from kg.relate import extract_relations

JSS = "积石山保安族东乡族撒拉族自治县"


def projects(
    text: str,
    places: list[str],
    names: dict[str, str | None],
    orgs: dict[str, str | None] | None = None,
    subtypes: dict[str, str] | None = None,
) -> list[Relation]:
    """The project relations of ``text``; ``names``: project surface → the code its name starts with."""
    art, mentions = article(text, places, orgs=orgs or {}, subtypes=subtypes)
    for surface, home in names.items():
        for m in re.finditer(re.escape(surface), text):
            mentions.append(
                Mention(
                    art.id,
                    "PROJECT",
                    surface,
                    m.start(),
                    m.end(),
                    art.sentence_index_at(m.start()),
                    name=surface,
                )
            )
            mentions[-1].home_code = home
    mentions.sort(key=lambda m: m.start)
    return [r for r in extract_relations(art, mentions) if r.type == "project"]


def rows(found: list[Relation]) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (r.project, r.recipient.name if r.recipient else None, r.donor.name if r.donor else None)
        for r in found
    ]


def test_a_project_with_neither_place_nor_builder_is_still_a_project() -> None:
    text = "随着“东西协作电商示范基地”的落地,当地青年有了创业的地方。"
    found = projects(text, [], {"东西协作电商示范基地": None})
    assert rows(found) == [("东西协作电商示范基地", None, None)]


def test_the_venue_of_an_event_is_no_project() -> None:
    text = "第三届书画展在东山文化馆举办。"
    assert projects(text, [], {"东山文化馆": None}) == []


def test_a_project_stands_where_the_organisation_before_it_is() -> None:
    text = "海沧区对口帮扶积石山县。积石山县第一中学的“福清体艺馆”成为学生锻炼身体的好去处。"
    found = projects(
        text, ["海沧区", "积石山县"], {"福清体艺馆": "350181"}, orgs={"积石山县第一中学": "622927"}
    )
    assert rows(found) == [("福清体艺馆", JSS, None)]


def test_schools_a_sentence_builds_are_projects() -> None:
    text = "海沧区对口帮扶积石山县。投入帮扶资金500万元,实施红星小学、西山初中等教学楼建设项目。"
    schools = {"红星小学": "622927", "西山初中": "622927"}
    found = projects(
        text, ["海沧区", "积石山县"], {}, orgs=schools, subtypes=dict.fromkeys(schools, "school")
    )
    assert rows(found) == [("红星小学", JSS, None), ("西山初中", JSS, None)]
    # a school that is only a place of a visit is no project
    text = "海沧区对口帮扶积石山县。海沧区代表团走访了红星小学。"
    assert (
        projects(text, ["海沧区", "积石山县"], {}, orgs=schools, subtypes=dict.fromkeys(schools, "school"))
        == []
    )


def test_a_place_taken_from_the_project_s_name_states_no_pairing() -> None:
    text = "海沧区对口帮扶积石山县。海沧区援建积石山县幸福产业园。"
    found = projects(text, ["海沧区", "积石山县"], {"积石山县幸福产业园": "622927"})
    assert rows(found) == [("积石山县幸福产业园", JSS, "海沧区")]
    assert [r.states_pairing for r in found] == [False]
