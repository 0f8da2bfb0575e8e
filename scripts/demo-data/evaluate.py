# Compares a run's export (results.jsonl, formats.md §4) with the generator's ground truth (truth.json):
# per-rule precision/recall of the hits, planted fatal errors missed, repeat chains and root causes recovered.
#   python3 scripts/demo-data/evaluate.py data/demo/truth.json out/demo-results.jsonl [--json summary.json]
# With more than one draw (truth results truth results …) the per-rule figures are printed side by side, the first draw
# being the default one and the others unseen draws (another seed, nobody tuned on them), so a reader sees whether the
# figures hold on a draw nobody looked at. --json then writes the first draw's summary with "draws": every draw's summary.
import json, sys
from collections import Counter


def evaluate(truth_path, results_path):
    """One draw: prints its details (fatal errors missed, chains, clusters, callbacks, categories) and returns its summary."""
    truth = json.load(open(truth_path, encoding="utf-8"))
    results = {}
    for line in open(results_path, encoding="utf-8"):
        if line.strip():
            row = json.loads(line)
            results[row["call_id"]] = row
    tp, fp, fn = Counter(), Counter(), Counter()
    missing_fatal, missed, extra = [], {}, {}
    unscored = [c for c in truth["calls"] if results.get(c, {}).get("status") != "scored"]
    for call_id, t in truth["calls"].items():
        got = {h["rule"] for h in results.get(call_id, {}).get("hits", [])}
        want = set(t["planted"])
        for rule in got | want:
            if rule in got and rule in want:
                tp[rule] += 1
            elif rule in got:
                fp[rule] += 1
                extra.setdefault(rule, []).append(call_id)
            else:
                fn[rule] += 1
                missed.setdefault(rule, []).append(call_id)
                if rule.startswith("F"):
                    missing_fatal.append(f"{call_id} {rule}")
    per_rule = {}
    for rule in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
        r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
        per_rule[rule] = {"planted": tp[rule] + fn[rule], "flagged": tp[rule] + fp[rule], "precision": round(p, 3), "recall": round(r, 3),
                          "missed": missed.get(rule, []), "not_planted": extra.get(rule, [])}
    seed = truth.get("seed", "?")
    print(f"-- seed {seed}: {len(truth['calls'])} calls ({truth_path})")
    fatal_planted = sum(1 for t in truth["calls"].values() for x in t["planted"] if x.startswith("F"))
    print(f"致命错误 planted fatal errors flagged: {fatal_planted - len(missing_fatal)}/{fatal_planted}" + (f"  missed: {', '.join(missing_fatal)}" if missing_fatal else ""))
    for rule in sorted(set(missed) | set(extra)):
        parts = ([f"missed {', '.join(missed[rule][:4])}" + (" …" if len(missed[rule]) > 4 else "")] if rule in missed else []) + \
                ([f"not planted {', '.join(extra[rule][:4])}" + (" …" if len(extra[rule]) > 4 else "")] if rule in extra else [])
        print(f"   {rule}: {'; '.join(parts)}")

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
    return {"seed": seed, "calls": len(truth["calls"]), "rules": per_rule, "fatal_planted": fatal_planted, "fatal_missed": missing_fatal,
            "chains": len(truth["chains"]), "chains_linked": chains_ok, "root_causes_right": causes_ok, "clusters": len(truth["clusters"]),
            "clusters_found": clusters_ok, "unscored": unscored, "category_right": right, "category_calls": len(inbound)}


def side_by_side(summaries):
    """Per rule: planted, flagged, precision, recall of each draw in columns; the default draw first."""
    labels = [f"seed {s['seed']} ({'default' if i == 0 else 'unseen'})" for i, s in enumerate(summaries)]
    width = 33
    print((f"{'':<5} " + " | ".join(f"{label:^{width}}" for label in labels)).rstrip())
    print(f"{'rule':<5} " + " | ".join(f"{'planted':>7} {'flagged':>7} {'precision':>9} {'recall':>6}" for _ in summaries))
    for rule in sorted({r for s in summaries for r in s["rules"]}):
        cells = []
        for s in summaries:
            x = s["rules"].get(rule)
            cells.append(f"{x['planted']:>7} {x['flagged']:>7} {x['precision']:>9.2f} {x['recall']:>6.2f}" if x else f"{0:>7} {0:>7} {'-':>9} {'-':>6}")
        print(f"{rule:<5} " + " | ".join(cells))
    totals = [("致命错误 fatal errors flagged", lambda s: f"{s['fatal_planted'] - len(s['fatal_missed'])}/{s['fatal_planted']}"),
              ("重复来电链 chains linked", lambda s: f"{s['chains_linked']}/{s['chains']}"),
              ("根因 root causes right", lambda s: f"{s['root_causes_right']}/{s['chains']}"),
              ("停水聚集 clusters found", lambda s: f"{s['clusters_found']}/{s['clusters']}"),
              ("来电类别 category right", lambda s: f"{s['category_right']}/{s['category_calls']}")]
    for name, value in totals:
        print(f"{name}: " + " | ".join(f"seed {s['seed']} {value(s)}" for s in summaries))


def main():
    args = sys.argv[1:]
    out = None
    if "--json" in args:
        i = args.index("--json")
        out = args[i + 1]
        del args[i:i + 2]
    if not args or len(args) % 2:
        sys.exit("usage: evaluate.py TRUTH RESULTS [TRUTH RESULTS ...] [--json summary.json]")
    summaries = [evaluate(args[i], args[i + 1]) for i in range(0, len(args), 2)]
    print()
    side_by_side(summaries)
    if out:
        summary = dict(summaries[0])
        if len(summaries) > 1:
            summary["draws"] = summaries
        json.dump(summary, open(out, "w", encoding="utf-8"), ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
