#!/usr/bin/env python3
"""Lists, per case, what the shared scorer counts against stancemap: salient actors missed,
predicted actors matching no gold actor, gold positions missed (actor, stance, key) and
predicted positions that score as wrong (actor, stance, text). For error analysis by class;
prints third-party text from your local copies, so keep its output out of the repository.

    scripts/eval-errors.py BINARY [--cases ../shared/eval/real/cases.jsonl] [--lang ar] [--only ID]
"""
import argparse
import importlib.util
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
spec = importlib.util.spec_from_file_location("score", os.path.join(EVAL, "score.py"))
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--cases", default=os.path.join(EVAL, "real", "cases.jsonl"))
    ap.add_argument("--cache", default=os.environ.get("STANCEMAP_EVAL_CACHE", os.path.expanduser("~/.cache/stancemap-eval/real")))
    ap.add_argument("--lang")
    ap.add_argument("--only")
    args = ap.parse_args()
    cases, problems = score.load_cases(args.cases, args.cache)
    for rec, text in cases:
        if args.lang and rec["lang"] != args.lang or args.only and rec["id"] != args.only:
            continue
        pred = json.loads(subprocess.run([args.binary], input=text.encode(), capture_output=True, check=True).stdout)
        gold = score.Gold(rec, text)
        names = {a["id"]: a["name"] for a in pred["actors"]}
        forms = {a["id"]: score.pred_forms(a) for a in pred["actors"]}
        print("=" * 20, rec["id"])
        found = set()
        for a in pred["actors"]:
            m = {gi for gi, g in enumerate(gold.actors) if score.matches(forms[a["id"]], g)}
            found |= m
            if not m:
                print("  SPURIOUS actor %s (%s)" % (a["name"], a["kind"]))
        for gi, g in enumerate(gold.actors):
            if g["salient"] and gi not in found:
                print("  MISSED actor %s" % g["name"])
        # positions, scored as score.py does
        pp = []
        for p in pred["positions"]:
            gm = {gi for gi, g in enumerate(gold.actors) if score.matches(forms.get(p["actor"], set()), g)}
            views = [score.tokens(p["text"]), score.tokens(score.u16_slice(text, p["span"]))]
            pp.append((p, gm, views, set(score.content(score.tokens(p["text"]))), score.as_range(p["span"])))
        for gp, raw in zip(gold.positions, rec["positions"]):
            need = set(gp["key"])
            ok = gp["actor"] is not None and need and any(
                gp["actor"] in gm and any(len(v) <= 2 * len(gp["ev"]) + 8 and len(need & set(v)) / len(need) >= 0.5 for v in views)
                for _, gm, views, _, _ in pp)
            if not ok:
                print("  MISSED pos [%s] %s: %s  ||  %s" % (raw["stance"], raw["actor"], raw["key"], raw["evidence"][:160].replace("\n", " ")))
        for p, gm, views, ctoks, rng in pp:
            hit = False
            for gp in gold.positions:
                if gp["actor"] not in gm:
                    continue
                if rng and any(rng[0] < ge and gs < rng[1] for gs, ge in gp["ev_ranges"]):
                    hit = True
                else:
                    inter = len(ctoks & gp["ev"])
                    small = min(len(ctoks), len(gp["ev"]))
                    hit = small > 0 and inter / small >= 0.5 and inter >= min(2, small)
                if hit and gp["key"] and not (ctoks & set(gp["key"])):
                    hit = False
                if hit:
                    break
            if not hit:
                print("  WRONG pos [%s] %s: %s" % (p["stance"], names.get(p["actor"]), p["text"][:140].replace("\n", " ")))


if __name__ == "__main__":
    sys.exit(main())
