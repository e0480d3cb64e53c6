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
