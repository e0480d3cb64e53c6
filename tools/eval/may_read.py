#!/usr/bin/env python3
"""May an engineer read this page of the pages corpus?

Refuses the held-out share (H; see share.py for this session's criterion) and addresses already used."""

import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from share import share

rc = 0
for u in sys.argv[1:]:
    s = share(u)
    ok = s not in ("H", "EXCLUDED")
    print(("yes " if ok else "NO  ") + u)
    rc |= not ok
sys.exit(rc)
