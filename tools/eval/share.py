#!/usr/bin/env python3
"""Which share of the current session a page address falls in.
Session 8: md5 of the address, 7th hex digit: 0-7 -> H (held out: sets J, K, L, scored by the lead only),
8-f -> D (DEV set E: engineers may read). Session 7 used the 6th digit (H, H2, H3 held out, D DEV),
session 6 the 5th (W held out, X/Y/Z DEV).
Table sources and addresses of sets.tsv (every earlier set) print EXCLUDED.
A new session needs a new criterion (e.g. the 8th digit) so that its held-out set is new."""

import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).parent
DIGIT = 6  # index into the md5 hex digest: session 6 used 4, session 7 5, session 8 6
# excluded: the programme tables' sources and every address already in an evaluation set
EXCL = {
    r["url"].strip()
    for r in csv.DictReader(open(HERE.parents[1] / "kg/data/programmes/sources.csv", encoding="utf-8"))
}
EXCL |= {r["url"].strip() for r in csv.DictReader(open(HERE / "sets.tsv", encoding="utf-8"), delimiter="\t")}


def share(url: str) -> str:
    if url.strip() in EXCL:
        return "EXCLUDED"
    d = hashlib.md5(url.strip().encode()).hexdigest()[DIGIT]
    return "H" if d in "01234567" else "D"


def doc_id(url: str) -> str:
    return hashlib.md5(url.strip().encode()).hexdigest()[:16]


if __name__ == "__main__":
    for u in sys.argv[1:]:
        print(share(u), doc_id(u), u)
