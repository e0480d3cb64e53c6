#!/usr/bin/env python3
"""Which share of session 6 a page address falls in: md5 of the address, 5th hex digit.
0-7 -> W (held out, annotated twice), 8-f -> X (DEV: engineers may read); after X was drawn, 8-b -> Y and c-f -> Z (DEV).
Table sources and addresses of sets.tsv print EXCLUDED. A new session needs a new criterion (e.g. the 6th digit)."""
import csv, hashlib, sys
from pathlib import Path
HERE = Path(__file__).parent
# excluded: the programme tables' sources and every address already in an evaluation set
EXCL = {r["url"].strip() for r in csv.DictReader(open(HERE.parents[1] / "kg/data/programmes/sources.csv", encoding="utf-8"))}
EXCL |= {r["url"].strip() for r in csv.DictReader(open(HERE / "sets.tsv", encoding="utf-8"), delimiter="\t")}
def share(url: str) -> str:
    if url.strip() in EXCL:
        return "EXCLUDED"
    d = hashlib.md5(url.strip().encode()).hexdigest()[4]
    if d in "01234567":
        return "W"
    return "Y" if d in "89ab" else "Z"
def doc_id(url: str) -> str:
    return hashlib.md5(url.strip().encode()).hexdigest()[:16]
if __name__ == "__main__":
    for u in sys.argv[1:]:
        print(share(u), doc_id(u), u)
