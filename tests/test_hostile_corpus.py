"""A hostile corpus, generated here, built through `kg build` as a user would (issue 14).

Every classic of bad input in one folder, beside a few good articles: the build exits 0, every
file that gave nothing is counted in the summary (once), the graph is valid (`kg validate`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest
from test_hardening import kg

GOOD = "福清市与通渭县结对帮扶，共同推进产业合作和劳务协作。"
TRADITIONAL = "廈門市與臨夏州開展東西部扶貧協作。海滄區對口幫扶積石山縣，投入資金2200萬元。"
GBK_TEXT = "宁波市对口帮扶延边州，双方签订东西部协作协议，投入资金3000万元。"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def write_corpus(src: Path) -> dict[str, str]:
    """The corpus; returns each file that must be skipped (by name) and a word of its reason."""
    src.mkdir()
    must_skip: dict[str, str] = {}

    def bad(name: str, data: bytes, reason: str) -> None:
        (src / name).write_bytes(data)
        must_skip[name] = reason

    (src / "good.txt").write_text(GOOD, encoding="utf-8")
    (src / "utf16.txt").write_bytes(("东西部协作：" + GOOD).encode("utf-16"))  # with a BOM
    (src / "utf16-no-bom.txt").write_bytes(("福州市与定西市结对帮扶。" + "\n").encode("utf-16-le"))
    (src / "gbk.txt").write_bytes(GBK_TEXT.encode("gbk"))
    (src / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (src / "nul-at-100.txt").write_bytes((GOOD * 5).encode()[:100] + b"\x00" + (GOOD * 5).encode()[100:])
    (src / "报道[red]2021.html").write_text(
        f"<html><head><title>报道 [b]标题[/b]</title></head><body><article><p>{GOOD}</p>"
        "<p>厦门市对口帮扶临夏州，投入资金1200万元。</p></article></body></html>",
        encoding="utf-8",
    )
    # 30 MB of one paragraph over and over, with one other line in the middle
    line = "杭州市与恩施州开展东西部协作，共建产业园区。\n".encode()
    half = line * (15_000_000 // len(line))
    (src / "thirty-mb.txt").write_bytes(half + "恩施州与杭州市签订劳务协作协议。\n".encode() + half)
    bad("empty.txt", b"", "empty file")
    bad("blank.md", b"  \n\t\n", "empty file")
    bad("binary.txt", bytes(range(256)) * 16, "binary file")
    bad("image.html", PNG, "binary file (a PNG image)")
    bad("mixed.txt", GBK_TEXT.encode("gbk") + b"\n" + "福清市与通渭县结对帮扶。".encode() * 2, "")
    bad("only-chrome.txt", "首页 > 新闻 > 正文\n打印 | 收藏 | 关闭\n".encode(), "no article text left")
    bad("a\x1b[31mb.txt", b"", "empty file")
    bad(os.fsdecode(b"\xff\xfe-not-utf8.txt"), b"", "empty file")
    rows = [
        '{"id": "j1", "text": "厦门市与临夏州结对帮扶。"}',
        "{not json",
        "[1, 2, 3]",
        '{"id": "no-text"}',
        '{"id": "blank", "text": "   "}',
        '{"id": "number", "text": 12345}',
        '{"id": "chrome", "text": "首页 > 新闻"}',
        "[" * 5000 + "]" * 5000,
        '{"text": 1' + "0" * 5000 + "}",
        '{"id": "n[/b]", "text": "福州市对口帮扶定西市。\\u0000\\ud800"}',
        '{"id": "copy", "text": "厦门市与临夏州结对帮扶。"}',
        json.dumps({"id": "ok-2", "text": "宁波市与黔东南州\u2028结对帮扶。"}, ensure_ascii=False),
    ]
    (src / "lines.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (src / "x.txt").mkdir()
    (src / "x.txt" / "inside.txt").write_text("福清市援建通渭县的扶贫车间投产。", encoding="utf-8")
    (src / "loop.txt").symlink_to("loop.txt")
    return must_skip


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], subprocess.CompletedProcess, float]:
    root = tmp_path_factory.mktemp("hostile")
    must_skip = write_corpus(root / "src")
    started = time.perf_counter()
    result = kg("build", root / "src", "--out", root / "out", "--workers", "1")  # one model load
    return root, must_skip, result, time.perf_counter() - started


def test_the_hostile_corpus_builds(hostile) -> None:  # type: ignore[no-untyped-def]
    root, _, result, seconds = hostile
    print(result.stderr)  # the summary, for the record (pytest -s)
    print(f"kg build took {seconds:.1f} s")
    assert result.returncode == 0, result.stderr[-4000:]
    assert "Traceback" not in result.stderr
    ids = {json.loads(line)["id"] for line in (root / "out" / "articles.jsonl").open(encoding="utf-8")}
    readable = {
        "good",
        "utf16",
        "utf16-no-bom",
        "gbk",
        "big5",
        "nul-at-100",
        "thirty-mb",
        "inside",
        "j1",
        "ok-2",
    }
    assert readable <= ids, ids


def test_every_skip_is_counted_once_in_the_summary(hostile) -> None:  # type: ignore[no-untyped-def]
    root, must_skip, result, _ = hostile
    lines = result.stderr.splitlines()
    [head] = [line for line in lines if line.startswith("read ")]
    skipped_lines = [line for line in lines if line.startswith("  skipped ")]
    assert int(re.search(r"skipped (\d+)", head).group(1)) == len(skipped_lines)
    src = str(root / "src")
    for name, reason in must_skip.items():
        if "\udcff" in name:  # bytes of a file name that are no UTF-8 are shown as escapes
            shown = "\\udcff\\udcfe-not-utf8.txt"
        else:
            shown = name.replace("\x1b", "\\x1b")
        mine = [line for line in skipped_lines if line.startswith(f"  skipped {src}/{shown}:")]
        assert len(mine) == 1, (name, skipped_lines)
        assert reason in mine[0]
    for number in range(2, 10):  # every bad JSON line, by its line number
        assert sum(line.startswith(f"  skipped {src}/lines.jsonl:{number}:") for line in skipped_lines) == 1
    assert f"  skipped {src}/lines.jsonl (copy): same text as article j1" in skipped_lines


def test_every_change_is_said(hostile) -> None:  # type: ignore[no-untyped-def]
    root, _, result, _ = hostile
    src = str(root / "src")
    assert f"changed {src}/thirty-mb.txt: removed " in result.stderr
    assert f"changed {src}/nul-at-100.txt: removed 1 NUL byte(s)" in result.stderr


def test_the_hostile_corpus_graph_is_valid(hostile) -> None:  # type: ignore[no-untyped-def]
    root, _, _, _ = hostile
    result = kg("validate", root / "out")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Conforms: True" in result.stdout
