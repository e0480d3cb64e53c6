"""How long ingestion and normalisation take on about 1 MB of real article text.

Run: .venv/bin/python benchmarks/bench_ingest.py   (prints seconds; no assertion)
The seeds are copied into a temporary folder until the text reaches ~1 MB: once as many
small files, once as a single large file (the worst case for the line-level steps), once
as that file in traditional characters and Big5 (detection and OpenCC on every line).
"""

from __future__ import annotations

import cProfile
import sys
import tempfile
import time
from pathlib import Path

from opencc import OpenCC

from kg import ingest
from kg.pipeline import BuildReport, QuietReporter

REPO = Path(__file__).resolve().parents[1]
TARGET_BYTES = 1_000_000


def main() -> None:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        many = Path(tmp, "many")
        many.mkdir()
        size = i = 0
        while size < TARGET_BYTES:
            text = f"第{i}篇\n" + seeds[i % len(seeds)]  # distinct texts, so none is a duplicate
            (many / f"{i:04d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
            i += 1
        big = Path(tmp, "big.txt")
        big.write_text(
            "\n".join(seeds * (TARGET_BYTES // sum(len(s.encode()) for s in seeds) + 1)), encoding="utf-8"
        )
        big5 = Path(tmp, "big5.txt")
        big5.write_bytes(
            OpenCC("s2t").convert(big.read_text(encoding="utf-8")).encode("big5", errors="ignore")
        )
        ingest.read_articles(
            [REPO / "seeds" / "000_4653dd86a5e97ce5.txt"], BuildReport(), QuietReporter()
        )  # warm up
        runs = ((f"{i} files", [str(many)]), ("one file", [str(big)]), ("one Big5 file", [str(big5)]))
        for label, inputs in runs:
            report = BuildReport()
            start = time.perf_counter()
            ingest.read_articles(ingest.discover(inputs), report, QuietReporter())
            took = time.perf_counter() - start
            mb = sum(p.stat().st_size for p in ingest.discover(inputs)) / 1e6
            print(f"{label}: {mb:.2f} MB, {report.articles} article(s) in {took:.2f} s")
        if "--profile" in sys.argv:
            cProfile.runctx(
                "ingest.read_articles(ingest.discover([str(big)]), BuildReport(), QuietReporter())",
                globals(),
                {"big": big},
                sort="cumulative",
            )


if __name__ == "__main__":
    main()
