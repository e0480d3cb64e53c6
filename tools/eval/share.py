#!/usr/bin/env python3
"""Which share of the current session a page address falls in.
Session 9: md5 of the address; H (held out: sets M, N, P, Q and the gate set G, scored by the lead only) when
its 6th, 7th AND 8th hex digits are all 0-7 -- pages that no engineer of sessions 7 and 8 could read either
(their engineers could read pages whose 6th resp. 7th digit was 8-f); else D (engineers may read).
Session 8 used the 7th digit alone (J, K, L held out, E DEV), session 7 the 6th (H, H2, H3 held out, D DEV),
session 6 the 5th (W held out, X/Y/Z DEV).
Table sources and addresses of sets.tsv (every earlier set) print EXCLUDED.
A new session needs a new criterion (e.g. the 6th-9th digits) so that its held-out set is new."""

import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).parent
DIGITS = (5, 6, 7)  # md5 hex digest indices: session 6 used 4, session 7 5, session 8 6, session 9 5-7
# excluded: the programme tables' sources and every address already in an evaluation set
EXCL = {
    r["url"].strip()
    for r in csv.DictReader(open(HERE.parents[1] / "kg/data/programmes/sources.csv", encoding="utf-8"))
}
EXCL |= {r["url"].strip() for r in csv.DictReader(open(HERE / "sets.tsv", encoding="utf-8"), delimiter="\t")}


def share(url: str) -> str:
    if url.strip() in EXCL:
        return "EXCLUDED"
    digest = hashlib.md5(url.strip().encode()).hexdigest()
    return "H" if all(digest[i] in "01234567" for i in DIGITS) else "D"


def doc_id(url: str) -> str:
    return hashlib.md5(url.strip().encode()).hexdigest()[:16]


if __name__ == "__main__":
    for u in sys.argv[1:]:
        print(share(u), doc_id(u), u)
