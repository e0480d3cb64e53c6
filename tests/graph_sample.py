"""Hand-made Article / Mention / Relation records for the graph, query and notebook tests.

The sentences are written for these tests; the places carry their real codes so that the
gazetteer (parents, coordinates) and the regions table take part as in a real build.
"""

from __future__ import annotations

import hashlib

from kg.records import Article, Mention, Party, Relation, Sentence


def _article(article_id: str, title: str, date: str, sentences: list[str]) -> Article:
    text = "".join(sentences)
    spans, at = [], 0
    for s in sentences:
        spans.append(Sentence(at, at + len(s)))
        at += len(s)
    return Article(
        id=article_id,
        text=text,
        title=title,
        date=date,
        source="测试日报",
        url=f"https://example.org/{article_id}",
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        sentences=spans,
    )


FUQING = Party("PLACE", "福清市", code="350181", level="county", province_code="350000")
TONGWEI = Party("PLACE", "通渭县", code="621121", level="county", province_code="620000")
LIANCHENG = Party("PLACE", "连城县", code="350825", level="county", province_code="350000")
KUNSHAN = Party("PLACE", "昆山市", code="320583", level="county", province_code="320000")
BIJIANG = Party("PLACE", "碧江区", code="520602", level="county", province_code="520000")
ZHANGPU = Party("PLACE", "张浦镇", level="town", county_code="320583", province_code="320000")
BAHUANG = Party("PLACE", "坝黄镇", level="town", county_code="520602", province_code="520000")
GAOBATIAN = Party("PLACE", "高坝田村", level="village", county_code="520602", province_code="520000")
JUICE = Party("ORG", "昆山鲜活果汁有限公司", subtype="enterprise")
FEDERATION = Party("ORG", "福清市残联", subtype="social")
PERSON = Party("PERSON", "张三")


def relation(
    rtype: str, article: Article, sentence: int, donor: Party | None, recipient: Party | None, **extra: object
) -> Relation:
    span = article.sentences[sentence]
    return Relation(
        type=rtype,
        article_id=article.id,
        donor=donor,
        recipient=recipient,
        sentence=sentence,
        sentence_text=article.sentence_text(sentence),
        start=span.start,
        end=span.end,
        pattern=f"test-{rtype}",
        confidence=0.9,
        **extra,  # type: ignore[arg-type]
    )


def sample_records() -> tuple[list[Article], dict[str, list[Mention]], list[Relation]]:
    """Three articles; pairings at county, town and village level, funding, help, a project."""
    a = _article(
        "100_fuqing",
        "福清通渭协作见成效",
        "2020-06-01",
        [
            "福清市与通渭县开展东西部协作。",
            "福清市残联向通渭县捐赠轮椅，价值12万元。",
            "福清市投入800万元在连城县建设福清体艺馆。",
            "张三表示将继续支持。",
        ],
    )
    b = _article(
        "101_kunshan",
        "昆山碧江结对帮扶",
        "2019-03-15",
        [
            "昆山市和碧江区建立结对帮扶关系。",
            "昆山张浦镇和碧江坝黄镇乡镇结对，捐资60万元。",
            "昆山鲜活果汁有限公司在高坝田村收购水果。",
        ],
    )
    c = _article(
        "102_again",
        "再谈福清通渭",
        "2021-01-20",
        ["福清通渭两地协作不断深化。", "福清市残联举办公益活动。"],
    )
    relations = [
        relation(
            "pairing",
            a,
            0,
            FUQING,
            TONGWEI,
            kind="east-west",
            official=True,
            official_pair=["350100", "621100"],
            programme=["east-west-2016"],
        ),
        relation("funding", a, 1, FEDERATION, TONGWEI, amount_yuan=120000.0, date="2020"),
        relation("project", a, 2, FUQING, LIANCHENG, project="福清体艺馆", amount_yuan=8000000.0),
        relation("help", a, 3, PERSON, TONGWEI, action="supports"),
        relation("pairing", b, 0, KUNSHAN, BIJIANG, kind="east-west", official=False),
        relation("pairing", b, 1, ZHANGPU, BAHUANG),  # kind left open: the graph derives it
        relation("funding", b, 1, ZHANGPU, BAHUANG, amount_yuan=600000.0),
        relation("help", b, 2, JUICE, GAOBATIAN, action="buys"),
        relation("pairing", c, 0, FUQING, TONGWEI, kind="east-west"),
        relation("help", c, 1, FEDERATION, None),
    ]
    mentions = {
        b.id: [
            Mention(b.id, "PLACE", "张浦镇", 20, 23, 1, name="张浦镇", level="town", county_code="320583"),
            Mention(
                b.id,
                "ORG",
                "昆山鲜活果汁有限公司",
                40,
                50,
                2,
                subtype="enterprise",
                name="昆山鲜活果汁有限公司",
                home_code="320583",
            ),
        ],
        c.id: [
            Mention(c.id, "PLACE", "福清", 0, 2, 0, name="福清市", code="350181", level="county"),
            Mention(c.id, "ORG", "福清市残联", 13, 18, 1, name="福清市残联", home_code="350181"),
        ],
    }
    return [a, b, c], mentions, relations
