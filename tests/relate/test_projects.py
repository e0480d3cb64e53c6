"""Projects: the place a project is built in and who builds it. Sentences written for these tests."""

from __future__ import annotations

from relate_fixtures import (
    JSS,
    article,
)

from kg.relate import extract_relations


def test_a_county_builds_in_a_village_only_where_the_article_pairs_them() -> None:
    from kg.records import Mention

    text = "海沧区对口帮扶积石山县。由海沧区援建的富坪村扶贫车间在富坪村落成。"
    art, mentions = article(text, ["海沧区", "积石山县", "富坪村"])
    start = text.index("富坪村扶贫车间")
    project = Mention("t", "PROJECT", "富坪村扶贫车间", start, start + 7, 1, name="富坪村扶贫车间")
    kept = [m for m in mentions if not (start <= m.start < start + 7)]
    found = [r for r in extract_relations(art, [*kept, project]) if r.type == "project"]
    assert [(r.project, r.donor, r.recipient.name) for r in found] == [("富坪村扶贫车间", None, "富坪村")]
    text = "海沧区对口帮扶积石山县。由海沧区援建的青禾扶贫车间在积石山县落成。"
    art, mentions = article(text, ["海沧区", "积石山县"])
    start = text.index("青禾扶贫车间")
    project = Mention("t", "PROJECT", "青禾扶贫车间", start, start + 6, 1, name="青禾扶贫车间")
    found = [r for r in extract_relations(art, [*mentions, project]) if r.type == "project"]
    assert [(r.project, r.donor.name, r.recipient.name) for r in found] == [("青禾扶贫车间", "海沧区", JSS)]


def test_a_built_school_keeps_its_name_as_written_not_its_canonical_organisation_name() -> None:
    from kg.records import Mention

    text = "海沧区对口帮扶连城县。海沧区援建的连城青禾幼儿园已建成投用。"
    art, mentions = article(text, ["海沧区", "连城县"])
    start = text.index("连城青禾幼儿园")
    school = Mention(
        "t",
        "ORG",
        "连城青禾幼儿园",
        start,
        start + 7,
        1,
        source="pattern",
        subtype="school",
        name="连城县青禾幼儿园",
    )
    kept = [m for m in mentions if not (start <= m.start < start + 7)]
    found = [r for r in extract_relations(art, [*kept, school]) if r.type == "project"]
    assert [r.project for r in found] == ["连城青禾幼儿园"]
