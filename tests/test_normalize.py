"""Normalisation on the real seed articles and on small sentences written for the purpose."""

from __future__ import annotations

import functools
import random
import re
import unicodedata
from pathlib import Path

import pytest
from opencc import OpenCC

from kg.ingest.mapped import Mapped
from kg.ingest.metadata import parse_date
from kg.ingest.normalise import normalize_article, normalize_text
from kg.ingest.pinyin import TONED_VOWELS, is_pinyin_syllable, remove_glosses
from kg.ingest.script import to_simplified
from kg.ingest.sentences import split_sentences
from kg.records import Article

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture(scope="module")
def normalised() -> dict[str, tuple[str, object]]:
    out = {}
    for path in SEEDS:
        raw = path.read_text(encoding="utf-8-sig")
        out[path.name[:3]] = (raw, normalize_article(raw))
    return out


def lines_of(normalised: dict, key: str) -> list[str]:
    return normalised[key][1].text.split("\n")


# ------------------------------------------------------------------ glosses, simplification


def test_seeds_present() -> None:
    assert len(SEEDS) == 5


@pytest.mark.parametrize("key", ["000", "001"])
def test_pinyin_glosses_gone(normalised: dict, key: str) -> None:
    raw, result = normalised[key]
    assert "(xié)" in raw  # the seed really carries glosses
    text = result.text
    assert not re.search(rf"[(][a-zü{TONED_VOWELS}]{{1,6}}[)]", text)
    assert not any(v in text for v in TONED_VOWELS)
    assert not re.search(r"\?[a-z]", text)  # the mangled "?shù)" form too
    assert "协作" in text


def test_gloss_mojibake_repaired_in_000(normalised: dict) -> None:
    text = normalised["000"][1].text
    # "當?shù)乩习傩沾钌现赂豢燔嚒W詵|西部" is a GBK byte shift; re-read it is plain text again.
    assert "老百姓搭上致富快车" in text
    assert "东西部扶贫协作开展以来" in text
    # the character whose lead byte was lost is picked back from its trail byte and neighbours
    for words in ("当地老百姓", "还带动当地村民", "华家岭镇世歌尧村", "华家岭镇高尧村"):
        assert words in text
    for junk in ("卮迕瘛", "乩习傩", "詵", "诜", "毨舭"):
        assert junk not in text


def test_gloss_mojibake_repaired_in_001(normalised: dict) -> None:
    raw, result = normalised["001"]
    assert "2020年?yáng)|西部" in raw and "變?yōu)殚L(zhǎng)期" in raw
    assert "《靖远县2020年东西部扶贫协作项目计划》" in result.text
    assert "把短期扶贫变为长期合作" in result.text


def test_002_simplified(normalised: dict) -> None:
    raw, result = normalised["002"]
    assert "廈門" in raw and "爲" in raw
    text = result.text
    t2s = OpenCC("t2s")
    assert t2s.convert(text) == text  # nothing traditional left for OpenCC to convert
    assert "厦门日报讯" in text and "为对口帮扶地区注入发展活水" in text
    for key in ("000", "001"):
        assert t2s.convert(normalised[key][1].text) == normalised[key][1].text


def test_width_folding() -> None:
    text, _ = normalize_text("福州市投入资金１２００万元，支持定西市。\n")
    assert text == "福州市投入资金1200万元,支持定西市。"


def test_plain_and_toned_glosses_removed_but_not_other_brackets() -> None:
    text, _ = normalize_text("東西部扶貧協(xie2)作和區(qu)域合作,協(xié)作單位(總廠)與人民網(people)合作。")
    assert text == "东西部扶贫协作和区域合作,协作单位(总厂)与人民网(people)合作。"


def test_the_space_a_page_puts_after_each_gloss_goes_with_it() -> None:
    text, _ = normalize_text("共投入援建資金3200萬(wan) 元,建成美麗(li) 鄉(xiang) 村示範點。")
    assert text == "共投入援建资金3200万元,建成美丽乡村示范点。"
    # a space after a gloss that no character precedes stays a space (the gloss step alone)
    text = "Beijing(běi) 北京"
    assert remove_glosses(Mapped(text, list(range(len(text))))).text == "Beijing 北京"


def test_pinyin_syllables() -> None:
    for word in ("xié", "qū", "zhàn", "xiāng", "lüè", "guī", "yōu", "chuàng", "er", "qu1"):
        assert is_pinyin_syllable(word), word
    for word in ("people", "cnc", "abc", "tianjin"):
        assert not is_pinyin_syllable(word), word


# ------------------------------------------------------------------ chrome


CHROME_MARKERS = (
    "相关阅读",
    "相关文章",
    "相关推荐",
    "热门资讯",
    "热门评论",
    "网友评论",
    "猜你喜欢",
    "900字范文",
    "打印",
    "收藏",
    "发给好友",
    "字号",
    "查看原文",
    "责任编辑",
    "我来说两句",
    "频道推荐",
    "48小时点击排行榜",
    "本内容不代表本网观点",
    "闽南网>",
    "![]",
    "原标题",
    "信息来源",
)


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_chrome_lines_gone(normalised: dict, key: str) -> None:
    text = normalised[key][1].text
    for marker in CHROME_MARKERS:
        assert marker not in text, marker
    lines = lines_of(normalised, key)
    assert "注册" not in lines
    assert not any(line.startswith(("- [", "•", "|")) for line in lines)


def test_sidebar_of_003_gone(normalised: dict) -> None:
    text = normalised["003"][1].text
    for sidebar in ("石狮环湾生态公园", "斜视手术", "三峡大坝", "福建省新增214家省级绿色工厂", "新闻 娱乐"):
        assert sidebar not in text


CONTENT = {
    "000": [
        "在连城县对口扶贫协作中,福清连城两地坚持生态优先,注重招才引智",
        "累计投入帮扶资金22173.35万元",
        "连城县第一中学的“福清体艺馆”",
        "牵手缘一生情,展望未来,融连、融通将继续携手前行,共筑小康梦。",
    ],
    "001": [
        "与东西部扶贫协作单位天津市和平区并肩作战",
        "共向富坪村落实社会帮扶资金524.4万元",
        "推进两地在更大空间、更深层次、更宽领域、更高质量上开展交流合作。",
    ],
    "002": [
        "工人们把生产好的雨具装上货车。",
        "4.结对帮扶:目前,海沧区4个街道、14个村居与积石山县11个乡镇、14个贫困村结对帮扶。",
    ],
    "003": [
        "脱贫攻坚进入倒计时节奏、大决战状态",
        "2019年4月起我区农村低保标准从5544元提高到7920元",
    ],
    "004": [
        "苏州昆山和铜仁碧江,一个是位居江南水乡的",
        "为东西部扶贫协作贡献“昆山力量”。",
        "所爱隔山海,山海皆可平。",
    ],
}


@pytest.mark.parametrize("key", sorted(CONTENT))
def test_content_sentences_kept(normalised: dict, key: str) -> None:
    text = normalised[key][1].text
    for sentence in CONTENT[key]:
        assert sentence in text


def test_chrome_in_other_sites_style() -> None:
    raw = "\n".join(
        [
            "当前位置:首页 > 广东分站 > 大图",
            "探索粤桂扶贫协作七级联动新模式",
            "日期:2020-08-06 来源:南方网 字体: [大] [中] [小]",
            "  江门市蓬江区与广西天等县结对帮扶,落实603万元镇村帮扶资金实施道路硬化。",
            "(编辑 叶菲)",
            "分享到:",
            "上一篇:某某县召开扶贫工作会议",
            "Copyright © 2020 南方网 版权所有 粤ICP备12345678号",
            "延伸阅读",
            "某地举行消费扶贫活动",
            "  广东对口帮扶广西,双方签订协议,广东省各市与广西各县结成对子,共同推进产业合作。",
            "  蓬江区4所学校、1家医院结对帮扶天等县学校、医院,实现中小学、职业教育、医疗帮扶全覆盖。",
        ]
    )
    result = normalize_article(raw)
    assert result.text.split("\n") == [
        "探索粤桂扶贫协作七级联动新模式",
        "江门市蓬江区与广西天等县结对帮扶,落实603万元镇村帮扶资金实施道路硬化。",
        "广东对口帮扶广西,双方签订协议,广东省各市与广西各县结成对子,共同推进产业合作。",
        "蓬江区4所学校、1家医院结对帮扶天等县学校、医院,实现中小学、职业教育、医疗帮扶全覆盖。",
    ]
    assert result.metadata.date == "2020-08-06"
    assert result.metadata.source == "南方网"
    assert result.metadata.title == "探索粤桂扶贫协作七级联动新模式"


def test_chrome_of_a_government_site() -> None:
    raw = "\n".join(
        [
            "首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流",
            "您现在的位置: 首页 > 新闻中心 > 部门动态",
            "某市与某州开展扶贫协作对接",
            "发布日期:2019-05-20 来源:市扶贫办 作者:张三 浏览次数:1234 【字体:大 中 小】",
            "\u3000\u30005月18日,某市扶贫协作考察团赴某州考察,双方签订《扶贫协作框架协议》。",
            "【打印本页】 【关闭窗口】",
            "主办单位:某市人民政府办公厅 承办单位:某市大数据局",
            "网站标识码:3701000001 鲁ICP备05002386号 鲁公网安备 37010202000001号",
        ]
    )
    result = normalize_article(raw)
    assert (
        result.text
        == "某市与某州开展扶贫协作对接\n5月18日,某市扶贫协作考察团赴某州考察,双方签订《扶贫协作框架协议》。"
    )
    assert (result.metadata.date, result.metadata.source) == ("2019-05-20", "市扶贫办")


def test_a_footer_of_links_split_by_hyphens_is_chrome() -> None:
    """A publisher's footer (某报业集团简介-网站简介-广告服务-联系我们) goes; a name with a dash in
    the article's prose stays."""
    raw = "\n".join(
        [
            "青山县与石桥县结对帮扶",
            "青山县向石桥县捐赠帮扶资金50万元,共建嘉善—庆元—九寨沟产业园。",
            "东湖报业集团简介-网站简介-广告服务-招标投标-联系我们-法律声明",
        ]
    )
    assert normalize_article(raw).text.split("\n") == [
        "青山县与石桥县结对帮扶",
        "青山县向石桥县捐赠帮扶资金50万元,共建嘉善—庆元—九寨沟产业园。",
    ]


def test_link_box_after_the_article_ends_it() -> None:
    raw = "\n".join(
        [
            "渭源县扶贫车间带动群众增收",
            "定西日报 2019-03-25 08:30 大字",
            "近日,渭源县上湾镇东西部协作巾帼扶贫车间内,女工正在赶做定制的服装。目前,该镇已建成3个扶贫车间,"
            "带动400户贫困户户均增收3000元以上。",
            "新闻推荐",
            "送到家门口的文化大餐",
            "记者3月3日,在连续几日大雪后,某县某镇某村迎来了一个阳光明媚的大晴天。下午1时,村文化广场...",
            "渭源新闻,故乡情,家乡事!不思量,自难忘。渭源县,是陪我们行走一生的行李。",
            "相关新闻",
        ]
    )
    result = normalize_article(raw)
    assert result.text.split("\n") == [
        "渭源县扶贫车间带动群众增收",
        "近日,渭源县上湾镇东西部协作巾帼扶贫车间内,女工正在赶做定制的服装。目前,该镇已建成3个扶贫车间,"
        "带动400户贫困户户均增收3000元以上。",
    ]
    assert result.metadata.source == "定西日报"
    assert result.metadata.date == "2019-03-25"


def test_source_label_without_a_name_gives_no_source() -> None:
    raw = (
        "您当前的位置:某某网>>新闻中心 来源:2018-12-05 10:08:41\n某县建设扶贫车间200余家,吸纳贫困群众就业。\n"
    )
    result = normalize_article(raw)
    assert result.metadata.source is None
    assert result.metadata.date == "2018-12-05"
    assert result.text == "某县建设扶贫车间200余家,吸纳贫困群众就业。"


def test_markdown_marks_go_link_text_stays() -> None:
    raw = (
        "# 福州对口帮扶定西\n\n> **福州市**与[定西市](https://example.com/dx)签订协议。![图](a.png)\n"
        "- 投入资金1亿元。\n"
    )
    text, runs = normalize_text(raw)
    assert text == "福州对口帮扶定西\n福州市与定西市签订协议。\n投入资金1亿元。"
    art = Article(id="md", text=text, original=raw, offset_runs=runs)
    start = art.to_original(text.index("定西市"))
    assert raw[start : start + 3] == "定西市"


def test_numbered_headings_are_content() -> None:
    raw = "某县扶贫协作综述\n(1.1)福州市对口帮扶定西市\n福州市投入资金1亿元,支持定西市建设扶贫车间。\n"
    assert "(1.1)福州市对口帮扶定西市" in normalize_article(raw).text


def test_comment_box_cuts_the_tail_after_the_article() -> None:
    raw = "福州对口帮扶定西,投入资金1亿元。\n网友评论\n这篇报道写得很好,福州和定西的协作令人感动。\n"
    assert normalize_article(raw).text == "福州对口帮扶定西,投入资金1亿元。"


# ------------------------------------------------------------------ metadata


@pytest.mark.parametrize(
    ("key", "date"),
    [
        ("000", "2021-01-15"),
        ("001", "2020-07-13"),
        ("002", None),
        ("003", "2020-06-01"),
        ("004", "2020-06-29"),
    ],
)
def test_seed_dates(normalised: dict, key: str, date: str | None) -> None:
    assert normalised[key][1].metadata.date == date


def test_seed_titles_and_sources(normalised: dict) -> None:
    md = {k: v[1].metadata for k, v in normalised.items()}
    assert md["000"].title == "念好山海经 共筑幸福梦——福清对口扶贫工作综述"
    assert md["001"].title == "为决战决胜加力加劲——靖远县深化东西部扶贫协作纪实"
    assert md["003"].title == "保民生促发展 平潭凝聚合力打赢打好精准脱贫攻坚战"
    assert md["004"].title == "东西部扶贫协作 昆山碧江携手打赢脱贫攻坚战 所爱隔山海 山海皆可平"
    assert md["000"].source == "福清新闻网"
    assert md["001"].source == "西e网—白银新闻网"
    assert md["002"].source == "厦门日报"  # from the dateline 厦门日报讯
    assert md["003"].source == "平潭时报"


def test_date_is_taken_from_the_header_not_the_body() -> None:
    raw = "某县扶贫工作综述\n2019年5月,某县与某区签订协议,投入资金100万元。\n发布时间:2020年6月1日\n"
    assert normalize_article(raw).metadata.date == "2020-06-01"
    raw = "某县扶贫工作综述\n2019年5月1日,某县与某区签订协议,投入资金100万元。\n"
    assert normalize_article(raw).metadata.date is None


def test_a_title_that_starts_with_a_date_is_content() -> None:
    raw = (
        "中国甘肃网\n2020年6月1日 某县与某区召开东西部扶贫协作联席会议\n"
        "2020-06-02 09:00\n会议确定投入资金500万元。\n"
    )
    result = normalize_article(raw)
    assert result.metadata.title == "2020年6月1日 某县与某区召开东西部扶贫协作联席会议"
    assert result.metadata.date == "2020-06-02"
    assert result.text == "2020年6月1日 某县与某区召开东西部扶贫协作联席会议\n会议确定投入资金500万元。"


def test_a_comment_timestamp_is_not_the_publication_date() -> None:
    raw = "某县扶贫工作综述\n某县与某区签订协议,投入资金100万元。\n2020-06-03 12:00 网友评论说好\n"
    assert normalize_article(raw).metadata.date is None


def test_link_box_heading_with_its_first_link_on_the_same_line() -> None:
    raw = "某县与某区签订协议,投入资金100万元。\n相关阅读:某县召开扶贫协作推进会\n某区赴某县考察\n"
    assert normalize_article(raw).text == "某县与某区签订协议,投入资金100万元。"


def test_parse_date_formats() -> None:
    assert parse_date("2021-01-15 10:59:21") == "2021-01-15"
    assert parse_date("发布时间:2020-7-13") == "2020-07-13"
    assert parse_date("2020年6月1日") == "2020-06-01"
    assert parse_date("2020/06/29") == "2020-06-29"
    assert parse_date("2020-13-45") is None


# ------------------------------------------------------------------ offset map


@functools.cache
def simplified_forms() -> dict[str, set[str]]:
    """Every simplified form OpenCC may give a character, by itself or inside a phrase
    (t2s is context-sensitive: 藉 stays 藉 alone but becomes 借 in 藉着)."""
    import opencc

    folder = Path(opencc.__file__).parent / "dictionary"
    forms: dict[str, set[str]] = {}
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            for value in values.split(" "):
                for a, b in zip(key, value, strict=True):
                    forms.setdefault(a, {a}).add(b)
    return forms


def same_after_conversion(original: str, normalised: str) -> bool:
    """``normalised`` is ``original`` width-folded and simplified, character for character."""
    folded = unicodedata.normalize("NFKC", original)
    if len(folded) != len(normalised):
        return False
    forms = simplified_forms()
    return all(n in forms.get(o, {o}) | {to_simplified(o)} for o, n in zip(folded, normalised, strict=True))


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_offset_map_points_back_to_the_original(normalised: dict, key: str) -> None:
    raw, result = normalised[key]
    art = Article(id=key, text=result.text, original=raw, offset_runs=result.offset_runs)
    text = result.text

    mapped = [i for i in range(len(text)) if art.to_original(i) is not None]
    unmapped = [text[i] for i in range(len(text)) if art.to_original(i) is None]
    # Only separators and a few repaired mojibake characters are not in the original.
    assert len(mapped) / len(text) > 0.97
    # Not in the original: line breaks, "……" expanded to "......", re-read mojibake (000, 001).
    repaired = [ch for ch in unmapped if ch not in "\n."]
    assert len(repaired) <= (40 if key in ("000", "001") else 0)
    for i in mapped:  # every mapped character is its original, converted
        assert same_after_conversion(raw[art.to_original(i)], text[i])

    rng = random.Random(7)
    exact = 0
    for _ in range(300):  # random spans inside a run: the original slice, converted, is the span
        norm_start, orig_start, length = rng.choice(result.offset_runs)
        a = rng.randrange(length)
        b = rng.randrange(a, length) + 1
        original_slice = raw[orig_start + a : orig_start + b]
        normalised_slice = text[norm_start + a : norm_start + b]
        assert same_after_conversion(original_slice, normalised_slice)
        exact += to_simplified(unicodedata.normalize("NFKC", original_slice)) == normalised_slice
    assert exact >= 270  # converted on its own, a slice differs only where a phrase was cut


def test_offset_runs_are_ordered_and_disjoint(normalised: dict) -> None:
    for _raw, result in normalised.values():
        runs = result.offset_runs
        for (n1, o1, l1), (n2, o2, _l2) in zip(runs, runs[1:], strict=False):
            assert n1 + l1 <= n2 and o1 + l1 <= o2


# ------------------------------------------------------------------ sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_sentences_chinese() -> None:
    text = "福州投入1.2亿元帮扶定西。“我们很感激!”村民说;两地还签订了协议?\n下一段没有句号"
    assert sentences(text) == [
        "福州投入1.2亿元帮扶定西。",
        "“我们很感激!”",
        "村民说;",
        "两地还签订了协议?",
        "下一段没有句号",
    ]


def test_sentences_keep_numbers_and_ellipses_whole() -> None:
    text = "增长了3...5倍,约1.85万户。白水贡米、珍珠花生......11月15日开展。"
    assert sentences(text) == ["增长了3...5倍,约1.85万户。", "白水贡米、珍珠花生......11月15日开展。"]


def test_sentences_of_paragraphs_joined_by_spaces() -> None:
    # a page whose paragraphs were joined by spaces: a space between two Han characters ends a
    # sentence, but not after a short run (a dateline) nor inside a quote
    text = "新华社电 记者王某现在在家门口就能上班,收入还可以 青禾县位于某省南部的深山地带 “我们 很感激”村民说"
    assert sentences(text) == [
        "新华社电 记者王某现在在家门口就能上班,收入还可以",
        "青禾县位于某省南部的深山地带",
        "“我们 很感激”村民说",
    ]


def test_a_space_inside_a_title_ends_no_sentence() -> None:
    # a title naming two bodies with a space between them (《甲 乙…协议》) is one name: the sentence
    # goes on past it to the clause that names the partner
    text = "库伦旗贯彻落实《北京市人民政府 内蒙古自治区人民政府合作框架协议》要求,与平谷区开展合作。"
    assert sentences(text) == [text]


def test_sentence_offsets_cover_the_seed_text(normalised: dict) -> None:
    for _raw, result in normalised.values():
        text = result.text
        spans = result.sentences
        assert spans
        assert all(0 <= s.start < s.end <= len(text) for s in spans)
        assert all(a.end <= b.start for a, b in zip(spans, spans[1:], strict=False))
        covered = "".join(text[s.start : s.end] for s in spans)
        assert len(covered) >= len(text.replace("\n", "")) - 5


def test_source_label_with_its_outlet_on_the_next_line() -> None:
    raw = "\n".join(
        [
            "某省某市与某州签订扶贫协作协议",
            "作者:",
            "来源:",
            "某州日报",
            "2019/05/20 08:00",
            "  5月18日,某市扶贫协作考察团赴某州考察,双方签订《扶贫协作框架协议》,共同推进产业合作。",
        ]
    )
    result = normalize_article(raw)
    assert result.metadata.source == "某州日报"
    assert "某州日报" not in result.text


def test_source_label_followed_by_a_sentence_gives_no_source() -> None:
    raw = "\n".join(
        [
            "某市与某州开展扶贫协作",
            "来源:",
            "  5月18日,某市扶贫协作考察团赴某州考察,双方签订《扶贫协作框架协议》,共同推进产业合作。",
        ]
    )
    result = normalize_article(raw)
    assert result.metadata.source is None


def test_a_comma_doubled_or_before_another_mark_is_dropped() -> None:
    raw = "近年来,,甲市,、乙省丙市和丁市对口支援戊省,,在资金、项目,、人才等方面开展帮扶,。"
    result = normalize_article(raw)
    assert result.text == "近年来,甲市、乙省丙市和丁市对口支援戊省,在资金、项目、人才等方面开展帮扶。"
    kept = result.text.index("乙省")
    run = next(r for r in result.offset_runs if r[0] <= kept < r[0] + r[2])
    assert raw[run[1] + kept - run[0]] == "乙"  # the text still maps back to the page
