"""Compare two benchmark runs page by page (the JSON lines of ``run.py --save FILE``).

    python -m tests.bench.diff BEFORE.jsonl AFTER.jsonl [--tool decruft] [--top 15]

Prints, per set, how many pages' text changed and the change of the mean page F1 (snippet
sets: of satisfied snippets) on tune and on check pages, then the tune pages whose score moved
most either way. Check pages are only counted, never listed: they are sealed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def load(path: Path, tool: str) -> dict[tuple[str, str, str], dict]:
    recs = {}
    # (split on "\n" only: str.splitlines also breaks at U+2028 inside a JSON string)
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            rec = json.loads(line)
            if rec["tool"] == tool:
                recs[(rec["set"], rec["kind"], rec["id"])] = rec
    return recs


def page_score(rec: dict) -> float | None:
    """The page's F1, else the share of its snippets satisfied."""
    if rec.get("f1") is not None:
        return rec["f1"]
    if rec.get("snippets"):
        tp, fp, fn, tn = rec["snippets"]
        return (tp + tn) / (tp + fp + fn + tn) if tp + fp + fn + tn else None
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--tool", default="decruft")
    ap.add_argument("--top", type=int, default=15)
    a = ap.parse_args(argv)
    before, after = load(a.before, a.tool), load(a.after, a.tool)
    common = sorted(set(before) & set(after))
    if not common:
        print(f"no pages of {a.tool} in both runs")
        return 1
    moves = []
    print("| set | split | pages | text changed | mean page score before | after | change |")
    print("|---|---|---|---|---|---|---|")
    for set_kind in sorted({k[:2] for k in common}):
        for split in ("tune", "check"):
            keys = [k for k in common if k[:2] == set_kind and before[k]["split"] == split]
            pairs = [(page_score(before[k]), page_score(after[k]), k) for k in keys]
            pairs = [p for p in pairs if p[0] is not None and p[1] is not None]
            if not keys:
                continue
            changed = sum(1 for k in keys if before[k]["text"] != after[k]["text"])
            b = sum(p[0] for p in pairs) / len(pairs) if pairs else 0.0
            f = sum(p[1] for p in pairs) / len(pairs) if pairs else 0.0
            print(f"| {set_kind[0]} ({set_kind[1]}) | {split} | {len(keys)} | {changed} | "
                  f"{b:.4f} | {f:.4f} | {f - b:+.4f} |")
            if split == "tune":
                moves.extend((s1 - s0, k) for s0, s1, k in pairs if s1 != s0)
    moves.sort()
    shown = moves[:a.top] + [m for m in moves[-a.top:] if m not in moves[:a.top]]
    if shown:
        print(f"\ntune pages that moved most ({len(moves)} moved)")
        for delta, (set_name, kind, pid) in shown:
            print(f"  {set_name}/{pid} ({kind})  {delta:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
