"""A pair that only the sides of a sentence suggest (the recall net, a team for a national aid
programme) is dropped where the programme tables give the giver other places of the receiver's
province and not the receiver. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kg.records import Article, Mention, Relation
from kg.relate.geo import listed_elsewhere

Read = Callable[[str], tuple[Article, list[Mention], list[Relation]]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tables give 宁波 its 援疆 charge in 阿克苏 (库车): its team helps no place of 和田
        ("和田市农民增收。宁波援疆指挥部推进乡村道路建设。", set()),
        ("库车市农民增收。宁波援疆指挥部推进乡村道路建设。", {("宁波市", "库车市")}),
        # a giver the tables do not list in the province at all keeps the net's pair
        ("莎车县农民增收。苏州援疆工作组推进乡村道路建设。", {("苏州市", "莎车县")}),
    ],
)
def test_a_team_goes_where_the_tables_send_its_place(read_text: Read, text: str, expected: set) -> None:
    pairings = [r for r in read_text(text)[2] if r.type == "pairing" and r.donor and r.recipient]
    assert {(r.donor.name, r.recipient.name) for r in pairings if r.donor and r.recipient} == expected


def test_a_listed_charge_holds_its_parts_and_its_container(read_text: Read) -> None:
    _, mentions, _ = read_text("宁波市、库车市、阿克苏地区、和田地区。")
    by_name = {m.name: m for m in mentions if m.label == "PLACE"}
    ningbo = by_name["宁波市"]
    assert not listed_elsewhere(ningbo, by_name["库车市"])
    assert not listed_elsewhere(ningbo, by_name["阿克苏地区"])
    assert listed_elsewhere(ningbo, by_name["和田地区"])
