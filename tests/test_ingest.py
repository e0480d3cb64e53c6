"""Ingestion: finding files, decoding them, HTML and JSONL, and every kind of bad input."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

import pytest
from typer.testing import CliRunner

from kg import ingest
from kg.cli import app
from kg.io import read_jsonl, write_jsonl
from kg.pipeline import NothingRead, build
from kg.records import Article
from kg.report import BuildReport

T = TypeVar("T")

SIMPLIFIED = "福州市与定西市结对帮扶。2020年,福州市投入帮扶资金1.2亿元,支持定西市建设扶贫车间。"
TRADITIONAL = "廈門市與臨夏州開展東西部扶貧協作。海滄區對口幫扶積石山縣,投入資金2200萬元。"
TRADITIONAL_AS_SIMPLIFIED = "厦门市与临夏州开展东西部扶贫协作。海沧区对口帮扶积石山县,投入资金2200万元。"


class RecordingReporter:
    """Collects warnings and progress descriptions instead of printing them."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.progress_calls: list[tuple[int, str]] = []

    def progress(self, items: Sequence[T], description: str) -> Iterator[T]:
        self.progress_calls.append((len(items), description))
        yield from items

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def read(*paths: Path) -> tuple[list[Article], BuildReport, RecordingReporter]:
    report = BuildReport()
    reporter = RecordingReporter()
    articles = ingest.read_articles(ingest.discover([str(p) for p in paths]), report, reporter)
    return articles, report, reporter


# ------------------------------------------------------------------ encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_simplified_text_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "福州定西.txt"
    path.write_bytes(SIMPLIFIED.encode(encoding))
    [article], report, reporter = read(path)
    assert article.text == SIMPLIFIED
    assert article.original == SIMPLIFIED  # decoded, BOM gone
    assert article.id == "福州定西"
    assert report.files_read == 1 and report.articles == 1 and not reporter.warnings
    expected = {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "gbk": "gb18030", "gb18030": "gb18030"}
    assert article.encoding == expected[encoding]


@pytest.mark.parametrize("encoding", ["big5", "utf-8", "gbk"])
def test_traditional_text_is_read_and_simplified(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "xiamen.txt"
    path.write_bytes(TRADITIONAL.encode(encoding))
    [article], _report, reporter = read(path)
    assert article.original == TRADITIONAL
    assert article.text == TRADITIONAL_AS_SIMPLIFIED
    assert not reporter.warnings
    if encoding == "big5":
        assert article.encoding.startswith("big5")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("东西部协作", "gbk"), ("厦门", "gbk"), ("協作", "gbk"), ("協作", "big5"), ("對口幫扶積石山縣", "big5")],
)
def test_short_texts_are_not_misdetected(text: str, encoding: str) -> None:
    decoded, _ = ingest.decode_bytes(text.encode(encoding))
    assert decoded == text


def test_content_hash_is_sha256_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    [article], _, _ = read(path)
    assert article.content_hash == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    assert [article.text[s.start : s.end] for s in article.sentences] == [
        "福州市与定西市结对帮扶。",
        "2020年,福州市投入帮扶资金1.2亿元,支持定西市建设扶贫车间。",
    ]


# ------------------------------------------------------------------ HTML

PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}">
<title>昆山碧江攜手打贏脫貧攻堅戰_某某新聞網</title>
<meta property="og:site_name" content="某某新聞網">
<meta property="article:published_time" content="2020-06-29T12:47:46+08:00">
<link rel="canonical" href="https://news.example.com/2020/0629/1.html">
</head><body>
<div class="nav"><a href="/">首頁</a> &gt; <a href="/fp">扶貧</a> &gt; 正文</div>
<article>
<h1>昆山碧江攜手打贏脫貧攻堅戰</h1>
<p>蘇州昆山和銅仁碧江,一個是位居江南水鄉的全國百強縣,一個是地處武陵山區的脫貧出列新縣。昆山市和碧江區正式建立東西部扶貧協作結對幫扶關係。</p>
<p>兩年多來,昆山有效落實對口幫扶舉措,以產業合作為引領,在教育醫療、勞務合作、人才交流等方面建立全面幫扶合作關係。2019年9月8日,雙方簽訂協議。</p>
</article>
<div class="footer">版權所有 &copy; 2020 某某新聞網 閩ICP備12345678號</div>
</body></html>"""


@pytest.mark.parametrize(("charset", "encoding"), [("utf-8", "utf-8"), ("big5", "big5"), ("gbk", "gbk")])
def test_html_page(tmp_path: Path, charset: str, encoding: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset=charset).encode(encoding))
    [article], report, reporter = read(path)
    assert not reporter.warnings and report.files_read == 1
    assert article.id == "page"
    assert article.title == "昆山碧江携手打赢脱贫攻坚战"
    assert article.date == "2020-06-29"
    assert article.url == "https://news.example.com/2020/0629/1.html"
    assert article.source == "某某新闻网"
    assert "昆山市和碧江区正式建立东西部扶贫协作结对帮扶关系。" in article.text
    assert "2019年9月8日,双方签订协议。" in article.text
    for chrome in ("首页", "版权所有", "ICP"):
        assert chrome not in article.text
    # the offset map points into the extracted text, which is what `original` holds
    i = article.text.index("碧江区")
    assert article.original[article.to_original(i) : article.to_original(i) + 3] == "碧江區"


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    [article], _, _ = read(path)
    assert article.title == "昆山碧江携手打赢脱贫攻坚战" and "<p>" not in article.text


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>", encoding="utf-8")
    articles, report, reporter = read(path)
    assert articles == [] and len(report.skipped) == 1
    assert report.skipped == [(str(path), "no article text found in the HTML page")]
    assert reporter.warnings == []  # counted in the report, listed once in the summary


# ------------------------------------------------------------------ JSONL


def test_jsonl_articles_and_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        json.dumps(
            {
                "id": "fz-dx",
                "text": SIMPLIFIED,
                "title": "福州 定西",
                "date": "2020年6月1日",
                "source": "某报",
                "url": "https://example.com/1",
            },
            ensure_ascii=False,
        ),
        "{not json",
        "",
        json.dumps({"title": "没有正文"}, ensure_ascii=False),
        json.dumps(["a", "list"]),
        json.dumps({"text": TRADITIONAL}, ensure_ascii=False),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    articles, report, reporter = read(path)
    assert [a.id for a in articles] == ["fz-dx", "batch-6"]
    first, second = articles
    assert (first.title, first.date, first.source, first.url) == (
        "福州 定西",
        "2020-06-01",
        "某报",
        "https://example.com/1",
    )
    assert second.text == TRADITIONAL_AS_SIMPLIFIED and second.original == TRADITIONAL
    assert report.files_read == 1 and report.articles == 2
    assert [where for where, _ in report.skipped] == [f"{path}:2", f"{path}:4", f"{path}:5"]
    reasons = [why for _, why in report.skipped]
    assert reasons[0].startswith("malformed JSON line")
    assert "no 'text' field" in reasons[1]
    assert "not a JSON object" in reasons[2]
    assert reporter.warnings == []


# ------------------------------------------------------------------ bad input


def test_each_bad_input_is_counted_once_and_the_build_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(1, 256)) * 4)
    pdf = tmp_path / "report.txt"
    pdf.write_bytes(b"%PDF-1.7\n" + bytes(range(200)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    undecodable = tmp_path / "undecodable.txt"
    undecodable.write_bytes(b"\x80\x81\xfe\xff" * 40)
    chrome_only = tmp_path / "chrome.txt"
    chrome_only.write_text("首页 > 新闻 > 正文\n打印 | 收藏 | 关闭\n版权所有 © 某某网\n", encoding="utf-8")
    unreadable = tmp_path / "unreadable.txt"
    unreadable.write_text(SIMPLIFIED, encoding="utf-8")

    real_read_bytes = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "unreadable.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    articles, report, reporter = read(tmp_path)
    assert [a.id for a in articles] == ["good"]
    assert report.files_read == 1 and report.articles == 1
    reasons = dict(report.skipped)
    assert reasons == {
        str(binary): "binary file (NUL or control bytes, 11% of it)",
        str(pdf): "binary file (a PDF document)",
        str(empty): "empty file",
        str(blank): "empty file",
        str(undecodable): "undecodable: not UTF-8, GB18030/GBK or Big5 text",
        str(chrome_only): "no article text left after cleaning (only page chrome?)",
        str(unreadable): "cannot read (permission denied)",
    }
    assert len(report.skipped) == len(reasons)  # each bad file once
    assert reporter.warnings == []  # not warned about as well: the summary lists them


def test_nul_bytes_mean_binary_only_by_their_share(tmp_path: Path) -> None:
    """One rule wherever they stand: above 5% of the file (or of its first 8 KiB) NUL and control
    bytes make it binary; fewer are removed and counted."""
    binary = tmp_path / "nul.txt"
    binary.write_bytes("福州".encode() + b"\x00\x00\x00" + "定西".encode())
    stray = tmp_path / "stray.txt"
    stray.write_bytes(SIMPLIFIED.encode()[:99] + b"\x00" + SIMPLIFIED.encode()[99:])
    articles, report, _ = read(binary, stray)
    assert report.skipped == [(str(binary), "binary file (NUL or control bytes, 20% of it)")]
    assert [a.text for a in articles] == [SIMPLIFIED]
    assert report.notices == [(str(stray), "removed 1 NUL byte(s)")]


def test_missing_inputs_are_reported_not_fatal(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SIMPLIFIED, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    pattern = str(tmp_path / "nothing-*.txt")
    report = BuildReport()
    reporter = RecordingReporter()
    articles = ingest.read_articles(ingest.discover([str(good), str(missing), pattern]), report, reporter)
    assert [a.id for a in articles] == ["good"]
    assert {where for where, _ in report.skipped} == {str(missing), pattern}
    assert all(why == "no such file, folder or matching pattern" for _, why in report.skipped)
    assert reporter.warnings == []


def test_nothing_readable_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(NothingRead):
        build([tmp_path], tmp_path / "out")
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1


# ------------------------------------------------------------------ discovery


def test_discover_folders_globs_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deep").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("a.txt", "b/c.md", "b/deep/d.html", "b/e.jsonl", ".hidden/x.txt", "b/.y.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "b" / "photo.png").write_bytes(b"\x89PNG")
    found = ingest.discover(
        [str(tmp_path / "b"), str(tmp_path / "*.txt"), str(tmp_path / "a.txt"), str(tmp_path)]
    )
    rel = [str(p.relative_to(tmp_path)) for p in found]
    assert rel == ["a.txt", "b/c.md", "b/deep/d.html", "b/e.jsonl"]
    assert found == sorted(found)
    passed_over = {Path(p).name for p, _ in found.passed_over}  # type: ignore[attr-defined]
    assert passed_over == {"photo.png"}


def test_unknown_extension_in_folder_is_listed_not_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "slides.pdf").write_bytes(b"%PDF-1.4")
    articles, report, reporter = read(tmp_path)
    assert len(articles) == 1
    assert [Path(p).name for p, _ in report.skipped] == ["slides.pdf"]
    assert "not an article file type (.pdf)" in report.skipped[0][1]
    assert reporter.warnings == []  # listed in the summary only


def test_explicit_file_with_any_extension_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article.news"
    path.write_text(SIMPLIFIED, encoding="utf-8")
    [article], _, _ = read(path)
    assert article.id == "article"


def test_duplicate_ids_and_texts(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    (tmp_path / "x" / "same.txt").write_text(SIMPLIFIED, encoding="utf-8")
    (tmp_path / "y" / "same.txt").write_text(TRADITIONAL, encoding="utf-8")
    (tmp_path / "y" / "copy.txt").write_text(SIMPLIFIED, encoding="utf-8")
    articles, report, reporter = read(tmp_path)
    assert sorted(a.id for a in articles) == ["same", "same-2"]
    assert len(report.skipped) == 1 and "same text as article" in report.skipped[0][1]
    assert [what for _, what in report.notices] == ["article id taken; using same-2"]
    assert reporter.warnings == []


def test_progress_goes_through_the_reporter(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"第{i}篇。" + SIMPLIFIED, encoding="utf-8")
    _, _, reporter = read(tmp_path)
    assert reporter.progress_calls == [(3, "reading")]


def test_articles_round_trip_through_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("福州对口帮扶定西\n" + SIMPLIFIED, encoding="utf-8")
    articles, _, _ = read(tmp_path / "a.txt")
    assert write_jsonl(tmp_path / "articles.jsonl", articles) == 1
    [row] = read_jsonl(tmp_path / "articles.jsonl", Article.from_dict)
    assert row == articles[0]
    assert row.title == "福州对口帮扶定西" and row.sentence_text(0) == "福州对口帮扶定西"
