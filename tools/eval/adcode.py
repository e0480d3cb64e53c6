#!/usr/bin/env python3
"""Look up China's divisions by name (jionlp's public table, read directly): prints level, code,
official name and parents. Usage: adcode.py NAME [NAME...]  (a short name like 福清 or 积石山 works).
For towns/villages it prints the county code to use as *_county_adcode."""

import glob
import os
import sys
import zipfile

path = (
    os.environ.get("JIONLP_ZIP")
    or sorted(
        glob.glob(sys.prefix + "/lib/python3*/site-packages/jionlp/dictionary/china_location.zip")
        + glob.glob(".venv/lib/python3*/site-packages/jionlp/dictionary/china_location.zip")
    )[0]
)
with zipfile.ZipFile(path) as z:
    text = z.read(z.namelist()[0]).decode("utf-8").replace("\r\n", "\n")
LEVEL = ["province", "prefecture", "county", "town", "village"]
rows, stack = [], [None] * 5
for line in text.split("\n"):
    if not line.strip():
        continue
    depth = len(line) - len(line.lstrip("\t"))
    parts = line.strip("\t").split("\t")
    name, code, short = (parts + ["", ""])[:3]
    if name in ("省直辖行政区划", "市直辖行政区划"):
        stack[depth] = stack[depth - 1] if depth else None
        continue
    stack[depth] = (name, code)
    for d in range(depth + 1, 5):
        stack[d] = None
    rows.append((depth, name, code, short, [s for s in stack[:depth] if s]))
for q in sys.argv[1:]:
    hits = [r for r in rows if r[1] == q or r[3] == q or (r[1].startswith(q) and len(q) >= 2 and r[0] <= 3)]
    if len(hits) > 40:
        hits = [r for r in hits if r[1] == q or r[3] == q] or hits[:40]
    print(f"== {q}: {len(hits)} hit(s)")
    for depth, name, code, _short, parents in hits[:40]:
        chain = " > ".join(p[0] for p in parents)
        county = next((p[1] for p in reversed(parents) if p[1]), "") if depth >= 3 else ""
        print(
            f"  {LEVEL[depth]:10} {code or '':6} {name}  ({chain})"
            + (f"  county_adcode={county[:6]}" if county else "")
        )
