#!/usr/bin/env python3
"""Agreement of two blind annotations: F1 of B's required rows scored against A (score.py's matching).

Usage: agree.py A.jsonl B.jsonl  (score.py is looked up in ../shared/eval beside the repository)."""

import importlib.util
import json
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"
spec = importlib.util.spec_from_file_location("score", SCORE)
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as fh:
        return {d["doc"]: d for d in map(json.loads, fh)}


def place(row: dict, side: str) -> dict:
    return {
        f"{side}_name": row[{"donor": "donor", "recipient": "recipient"}[side]],
        f"{side}_adcode": row.get(f"{side}_adcode", ""),
        f"{side}_county_adcode": row.get(f"{side}_county_adcode", ""),
    }


def as_system_row(row: dict, kind: str) -> dict:
    if kind == "pairs":
        return {**place(row, "donor"), **place(row, "recipient"), "kind": row.get("kind")}
    if kind == "helper_orgs":
        return {"org_name": row["name"], "recipient_name": row.get("recipient", "")}
    if kind == "funds":
        return {
            "donor_name": row.get("donor", ""),
            "recipient_name": row["recipient"],
            "amount_yuan": str(row["amount_yuan"]),
        }
    return {"project_name": row["name"], "place_name": row.get("place", "")}


def as_system(gold: dict, kind: str) -> dict:
    return {
        doc: [as_system_row(x, kind) for x in d.get(kind, []) if not x.get("optional")]
        for doc, d in gold.items()
    }


def main() -> None:
    a, b = load(sys.argv[1]), load(sys.argv[2])
    b = {k: v for k, v in b.items() if k in a}
    scorers = [
        ("pairs", score.score_pairs),
        ("helper_orgs", score.score_orgs),
        ("funds", score.score_funds),
        ("projects", score.score_projects),
    ]
    for kind, fn in scorers:
        tp, fp, fn_ = fn(a, as_system(b, kind), False)[:3]
        p, r, f = score.prf(tp, fp, fn_)
        print(f"{kind:12} F1 {f:.3f} (P {p:.3f} R {r:.3f}; tp {tp} fp {fp} fn {fn_})")


if __name__ == "__main__":
    main()
