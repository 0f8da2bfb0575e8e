# Compares a run's export (results.jsonl, formats.md §4) with the generator's ground truth (truth.json):
# per-rule precision/recall of the hits, planted fatal errors missed, repeat chains and root causes recovered.
#   python3 scripts/demo-data/evaluate.py data/demo/truth.json out/demo-results.jsonl [--json summary.json]
import json, sys
from collections import Counter


def main():
    truth = json.load(open(sys.argv[1], encoding="utf-8"))
    results = {}
    for line in open(sys.argv[2], encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            results[row["call_id"]] = row
    tp, fp, fn = Counter(), Counter(), Counter()
    missing_fatal = []
    unscored = [c for c in truth["calls"] if results.get(c, {}).get("status") != "scored"]
    for call_id, t in truth["calls"].items():
        got = {h["rule"] for h in results.get(call_id, {}).get("hits", [])}
        want = set(t["planted"])
        for rule in got | want:
            if rule in got and rule in want:
                tp[rule] += 1
            elif rule in got:
                fp[rule] += 1
            else:
                fn[rule] += 1
                if rule.startswith("F"):
                    missing_fatal.append(f"{call_id} {rule}")
    rules = sorted(set(tp) | set(fp) | set(fn))
    print(f"{'rule':<5} {'planted':>7} {'flagged':>7} {'precision':>9} {'recall':>7}")
    per_rule = {}
    for rule in rules:
        p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        per_rule[rule] = {"planted": tp[rule] + fn[rule], "flagged": tp[rule] + fp[rule], "precision": round(p, 3), "recall": round(r, 3)}
        print(f"{rule:<5} {tp[rule] + fn[rule]:>7} {tp[rule] + fp[rule]:>7} {p:>9.2f} {r:>7.2f}")
    fatal_planted = sum(1 for t in truth["calls"].values() for x in t["planted"] if x.startswith("F"))
    print(f"致命错误 planted fatal errors flagged: {fatal_planted - len(missing_fatal)}/{fatal_planted}" + (f"  missed: {', '.join(missing_fatal)}" if missing_fatal else ""))

    chains_ok = causes_ok = 0
    for chain in truth["chains"]:
        reps = [results.get(c, {}).get("repeat") or {} for c in chain["calls"]]
        linked = all(r.get("kind") == "chain" for r in reps) and len({r.get("chain_id") for r in reps}) == 1
        chains_ok += linked
        causes_ok += linked and reps[0].get("root_cause") == chain["root_cause"]
    clusters_ok = sum(1 for cl in truth["clusters"] if sum(1 for c in cl["calls"] if (results.get(c, {}).get("repeat") or {}).get("kind") == "cluster") >= 3)
    by_cause = Counter(ch["root_cause"] for ch in truth["chains"])
    print(f"重复来电链 repeat chains linked: {chains_ok}/{len(truth['chains'])}; root cause right: {causes_ok}/{len(truth['chains'])} "
          f"({', '.join(f'{k} {v}' for k, v in sorted(by_cause.items()))}); outage clusters found: {clusters_ok}/{len(truth['clusters'])}")
    callbacks = truth.get("callbacks", [])
    if callbacks:
        late = sum(1 for c in callbacks if c["late"])
        print(f"回访 callbacks planted: {len(callbacks)} ({len(callbacks) - late} within 24 h, {late} late) — the repeat report's callback timeliness counts them per eligible call")
    inbound = [(c, t) for c, t in truth["calls"].items() if t["direction"] == "inbound" and c in results]
    right = sum(1 for c, t in inbound if results[c].get("category") == t["category"])
    print(f"来电类别 category (classifier) right: {right}/{len(inbound)} inbound calls")
    if unscored:
        print(f"未评分 calls not scored: {len(unscored)} ({', '.join(unscored[:5])})")
    summary = {"rules": per_rule, "fatal_planted": fatal_planted, "fatal_missed": missing_fatal, "chains": len(truth["chains"]), "chains_linked": chains_ok,
               "root_causes_right": causes_ok, "clusters": len(truth["clusters"]), "clusters_found": clusters_ok, "unscored": unscored,
               "category_right": right, "category_calls": len(inbound)}
    if "--json" in sys.argv:
        json.dump(summary, open(sys.argv[sys.argv.index("--json") + 1], "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
