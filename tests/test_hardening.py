"""Issue 14: hostile input, faults and the query surface, each case as a user meets it.

Builds run `python -m kg` as a subprocess, so what is checked is what a user sees on stderr:
no traceback, a message naming the file or argument, exit 2 for usage errors, every skip
counted once in the summary.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg import ingest

PAIRING = "福清市与通渭县结对帮扶，共同推进产业合作。"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def kg(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80"}  # what a pipe gets: no terminal width to go by
    return subprocess.run(
        [sys.executable, "-m", "kg", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
        timeout=600,
    )


def kg_here(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The same in this process (fast, for commands that fail before any work): an exception
    that escapes the command is re-raised, as a user would see its traceback."""
    from typer.testing import CliRunner

    from kg.cli import app

    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


def articles_of(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]


# A paragraph of ordinary news, 2,514 characters, that speaks of copyright (written for this test).
NEWS_SENTENCES = [
    "福清市与通渭县结对帮扶以来，两地在产业、人才和消费帮扶上持续发力。",
    "县融媒体中心依法保护新闻作品版权，明确未经授权不得转载、摘编或复制本台原创稿件。",
    "通渭县还举办知识产权保护培训，讲解版权所有的含义与侵权盗版的法律责任。",
    "第{n}批福清援通干部到岗后，走访了{n}个村的扶贫车间和合作社。",
]


def long_news_paragraph(length: int = 2514) -> str:
    parts: list[str] = []
    n = 1
    while sum(map(len, parts)) < length:
        parts.append(NEWS_SENTENCES[n % 4].format(n=n))
        n += 1
    text = "".join(parts)
    return text[: length - 1] + "。"


# ------------------------------------------------------------------ one corpus, built once


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """A folder of cases that the build must survive, and its build (stderr piped, as in a log).
    More than 50 files, so that a build off a terminal would once have drawn progress bars."""
    root = tmp_path_factory.mktemp("hardening-corpus-with-a-long-enough-name-to-pass-eighty-columns")
    src = root / "articles"
    src.mkdir()
    for i in range(55):
        text = f"第{i}条消息。{PAIRING}投入资金{i + 1}万元。"
        (src / f"good{i:02d}.txt").write_text(text, encoding="utf-8")
    (src / "报道[red]2021.txt").write_bytes(b"")
    (src / "a\x1b[31mb.txt").write_bytes(b"")
    (src / "x.txt").mkdir()
    (src / "x.txt" / "inner.txt").write_text(f"文件夹里的文章。{PAIRING}", encoding="utf-8")
    (src / "loop.txt").symlink_to("loop.txt")  # a link to itself
    (src / "back").symlink_to(".")  # a folder link back to its own folder
    (src / "copyright.txt").write_text(long_news_paragraph(), encoding="utf-8")
    (src / "repeated.txt").write_text((PAIRING + "\n") * 3000, encoding="utf-8")
    text = ("通渭县与福清市开展东西部协作，双方签订帮扶协议。" * 400).encode("utf-8")
    (src / "nul100.txt").write_bytes(text[:100] + b"\x00" + text[100:])
    (src / "nul9000.txt").write_bytes(text[:9000].replace("通渭".encode(), "定西".encode()) + b"\x00")
    out = root / "out"
    return src, out, kg("build", src, "--out", out)


def test_the_corpus_builds_without_a_traceback(corpus) -> None:
    _, out, result = corpus
    no_traceback(result)
    assert result.returncode == 0, result.stderr[-3000:]
    assert (out / "graph.ttl").is_file()


# 1. terminal markup and control characters


def test_markup_in_an_article_id_is_shown_as_text(tmp_path: Path) -> None:
    src = tmp_path / "m"
    src.mkdir()
    line = json.dumps({"id": "n[/b]", "text": "福清市与通渭县结对帮扶。"}, ensure_ascii=False)
    again = json.dumps({"id": "c", "text": "福清市与通渭县结对帮扶。"}, ensure_ascii=False)
    (src / "x.jsonl").write_text(f"{line}\n{again}\n", encoding="utf-8")
    result = kg("build", src, "--out", tmp_path / "o")
    no_traceback(result)
    assert result.returncode == 0
    assert "same text as article n[/b]" in result.stderr


def test_a_file_named_with_markup_is_reported_by_its_own_name(corpus) -> None:
    src, _, result = corpus
    assert f"{src / '报道[red]2021.txt'}: empty file" in result.stderr


def test_control_characters_in_file_names_do_not_reach_the_terminal(corpus) -> None:
    src, _, result = corpus
    assert "\x1b" not in result.stderr
    assert f"{src}/a\\x1b[31mb.txt: empty file" in result.stderr


# 2. discovery


def test_a_path_longer_than_the_system_allows_is_passed_over(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "good.txt").write_text(PAIRING, encoding="utf-8")
    here = os.getcwd()
    try:  # each name is short enough; only the whole path is too long
        os.chdir(src)
        for _ in range(20):
            os.mkdir("d" * 250)
            os.chdir("d" * 250)
        Path("deep.txt").write_text(PAIRING + "深处。", encoding="utf-8")
    finally:
        os.chdir(here)
    result = kg("build", src, "--out", tmp_path / "out")
    no_traceback(result)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "path too long for this system" in result.stderr
    assert [a["id"] for a in articles_of(tmp_path / "out")] == ["good"]


def test_an_unreadable_folder_is_passed_over_with_its_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(PAIRING, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text(PAIRING, encoding="utf-8")
    if IS_ROOT:  # root reads any folder: make reading this one fail as it does for a user
        real_scandir = os.scandir

        def scandir(path: os.PathLike[str] | str = ".") -> os.ScandirIterator[str]:  # type: ignore[type-var]
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", scandir)
    else:
        locked.chmod(0)
    try:
        found = ingest.discover([str(tmp_path)])
    finally:
        locked.chmod(0o755)
    assert [p.name for p in found] == ["good.txt"]
    assert (str(locked), "cannot read (permission denied)") in found.passed_over  # type: ignore[attr-defined]


def test_a_symlink_loop_is_passed_over_with_its_reason(corpus) -> None:
    src, _, result = corpus
    assert f"skipped {src / 'loop.txt'}: a symbolic link loop" in result.stderr
    assert f"skipped {src / 'back'}: a symbolic link to a folder already read" in result.stderr


def test_a_folder_named_like_an_article_file_is_said_and_read(corpus) -> None:
    src, out, result = corpus
    assert f"skipped {src / 'x.txt'}: a folder, not a file (the files in it are read)" in result.stderr
    assert "inner" in {a["id"] for a in articles_of(out)}


# 3. an unusable --out


@pytest.mark.parametrize("kind", ["inside a file", "in /proc", "an existing file", "a read-only folder"])
def test_an_unusable_out_is_a_usage_error(tmp_path: Path, kind: str) -> None:
    (tmp_path / "good.txt").write_text(PAIRING, encoding="utf-8")
    a_file = tmp_path / "a-file"
    a_file.write_text("x", encoding="utf-8")
    out = {
        "inside a file": a_file / "x",
        "in /proc": Path("/proc/x"),
        "an existing file": a_file,
        "a read-only folder": tmp_path / "ro" / "out",
    }[kind]
    if kind == "a read-only folder":
        if IS_ROOT:
            pytest.skip("root writes into a read-only folder; the permission bits do not bind it")
        (tmp_path / "ro").mkdir(mode=0o555)
    result = kg_here("build", tmp_path / "good.txt", "--out", out)
    no_traceback(result)
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.startswith("error: --out ")


def test_a_failed_build_leaves_no_output_folder(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "new" / "out"
    result = kg_here("build", tmp_path / "empty.txt", "--out", out)
    no_traceback(result)
    assert result.returncode == 1
    assert "no article could be read" in result.stderr
    assert not out.exists()


# 4. chrome rules that could eat content


def test_copyright_words_do_not_drop_a_long_paragraph_of_news(corpus) -> None:
    _, out, _ = corpus
    [article] = [a for a in articles_of(out) if a["id"] == "copyright"]
    assert article["text"].replace(",", "，") == long_news_paragraph()
    assert len(article["text"]) == 2514


def test_collapsed_repeated_lines_are_counted_and_said(corpus) -> None:
    src, out, result = corpus
    [article] = [a for a in articles_of(out) if a["id"] == "repeated"]
    assert article["text"] == PAIRING.replace("，", ",")
    assert f"changed {src / 'repeated.txt'}: removed 2,999 repeated paragraph(s)" in result.stderr


# 5. NUL bytes: one rule wherever they stand


def test_a_stray_nul_byte_is_removed_and_counted_wherever_it_stands(corpus) -> None:
    src, out, result = corpus
    ids = {a["id"] for a in articles_of(out)}
    assert {"nul100", "nul9000"} <= ids
    for name in ("nul100.txt", "nul9000.txt"):
        assert f"changed {src / name}: removed 1 NUL byte(s)" in result.stderr


# 7. messages


def test_each_skipped_file_is_reported_once(corpus) -> None:
    src, _, result = corpus
    for name in ("报道[red]2021.txt", "loop.txt"):
        assert result.stderr.count(str(src / name)) == 1, result.stderr
    assert "warning:" not in result.stderr


def test_log_lines_are_not_wrapped_off_a_terminal(corpus) -> None:
    src, _, result = corpus
    line = f"  skipped {src / 'loop.txt'}: a symbolic link loop"
    assert len(line) > 80
    assert line in result.stderr.splitlines()


def test_no_blank_lines_off_a_terminal(corpus) -> None:
    _, _, result = corpus
    assert "" not in result.stderr.splitlines()


# 6. the query surface (on the seeds' build)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "the store is read-only"),
        (["PREFIX x: <urn:x#> DELETE WHERE { ?s ?p ?o }"], "the store is read-only"),
        (["SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"], "--allow-service"),
        (["missing.rq"], "no such query file: missing.rq"),
        (["--preset", "pairings", "--param", "donor=福清"], "preset 'pairings' takes no parameters"),
        (["--preset", "recipients-of", "--param", "donr=福清"], "not --param donr"),
        (["--preset", "recipients-of", "--param", "donor=福清", "--param", "donor=厦门"], "given twice"),
        (["SELECT ?a WHERE { ?a ?b ?c }", "--param", "z=1"], "the query has no variable ?z"),
    ],
)
def test_query_refusals_are_usage_errors(seeds_build: Path, args: list[str], message: str) -> None:
    result = kg_here("query", seeds_build, *args)
    no_traceback(result)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr


def test_stats_refuses_a_negative_top(seeds_build: Path) -> None:
    result = kg_here("stats", seeds_build, "--top", "-1")
    no_traceback(result)
    assert result.returncode == 2
    assert "--top" in result.stderr


def test_view_map_is_a_flag_in_the_help() -> None:
    result = kg_here("view", "--help")
    [line] = [line for line in result.stdout.splitlines() if "--map" in line]
    assert "<bool>" not in line and "BOOLEAN" not in line
