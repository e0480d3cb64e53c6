#!/usr/bin/env python3
"""Agreement of two blind annotations: F1 of B's required rows scored against A (score.py's matching)."""
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("score", __import__("pathlib").Path(__file__).resolve().parents[3] / "shared/eval/score.py")
score = importlib.util.module_from_spec(spec); spec.loader.exec_module(score)
def load(p): return {d["doc"]: d for d in map(json.loads, open(p))}
def as_system(g, kind):
    out = {}
    for doc, d in g.items():
        rows = []
        for x in d.get(kind, []):
            if x.get("optional"): continue
            if kind == "pairs":
                rows.append({"donor_name": x["donor"], "donor_adcode": x.get("donor_adcode", ""), "donor_county_adcode": x.get("donor_county_adcode", ""),
                             "recipient_name": x["recipient"], "recipient_adcode": x.get("recipient_adcode", ""), "recipient_county_adcode": x.get("recipient_county_adcode", ""), "kind": x.get("kind")})
            elif kind == "helper_orgs": rows.append({"org_name": x["name"], "recipient_name": x.get("recipient", "")})
            elif kind == "funds": rows.append({"donor_name": x.get("donor", ""), "recipient_name": x["recipient"], "amount_yuan": str(x["amount_yuan"])})
            else: rows.append({"project_name": x["name"], "place_name": x.get("place", "")})
        out[doc] = rows
    return out
a, b = load(sys.argv[1]), load(sys.argv[2])
b = {k: v for k, v in b.items() if k in a}
for kind, fn in [("pairs", score.score_pairs), ("helper_orgs", score.score_orgs), ("funds", score.score_funds), ("projects", score.score_projects)]:
    r = fn(a, as_system(b, kind), False)
    tp, fp, fn_ = r[:3]
    p, rr, f = score.prf(tp, fp, fn_)
    print(f"{kind:12} F1 {f:.3f} (P {p:.3f} R {rr:.3f}; tp {tp} fp {fp} fn {fn_})")
