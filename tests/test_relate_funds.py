"""Who gives a sum: places that only say where an organisation is are not the giver."""

from __future__ import annotations

from relate_fixtures import article

from kg.relate import extract_relations

JSS = "积石山保安族东乡族撒拉族自治县"


def fund_givers(text: str, places: list[str], orgs: dict[str, str | None], money: dict[str, float]) -> list:
    art, mentions = article(text, places, orgs=orgs, money=money)
    return [
        (r.donor.name if r.donor else None, r.recipient.name if r.recipient else None, r.amount_yuan)
        for r in extract_relations(art, mentions)
        if r.type == "funding"
    ]


def test_places_that_locate_an_organisation_do_not_give() -> None:
    text = "海沧区和和平区的积石山商会动员会员筹资,向积石山县捐赠帮扶资金5万元。"
    found = fund_givers(text, ["海沧区", "和平区", "积石山县"], {"积石山商会": "622927"}, {"5万元": 50_000})
    assert found, "the sum is read"
    assert all(giver not in ("海沧区", "和平区") for giver, _, _ in found)


def test_a_place_that_gives_still_gives() -> None:
    text = "海沧区向积石山县捐赠帮扶资金5万元。"
    found = fund_givers(text, ["海沧区", "积石山县"], {}, {"5万元": 50_000})
    assert found == [("海沧区", JSS, 50_000)]


def test_a_list_of_venues_is_no_pairing() -> None:
    # 先后在A、B和C开展…帮扶: the delegation went to the three places; none pairs with another
    text = "访问团先后在积石山县、靖远县和通渭县开展捐赠帮扶活动。"
    art, mentions = article(text, ["积石山县", "靖远县", "通渭县"])
    assert [r for r in extract_relations(art, mentions) if r.type == "pairing"] == []
