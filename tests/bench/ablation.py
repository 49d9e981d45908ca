"""Rule ablation: what each named rule of the extractor is worth, per set.

**Contract with the extractor.** The benchmark switches rules off through one environment
variable of decruft's worker process, ``DECRUFT_ABLATE``: a comma-separated list of rule names
(``DECRUFT_ABLATE=link_density_prune,caption_twins``). The extractor (HTML pipeline and text
parser) reads it and behaves as if each named rule or threshold were absent: the rule does not
fire, a threshold's test is skipped. Names it does not know are ignored (the report shows such a
rule as changing no page). It may read the variable once per process. ``--ablation-report all``
takes the rule names from the extractor: ``convert.extract.ablation.RULES``, an iterable of the
names it honours (until that module exists, ``all`` says so; pass a RULES_FILE instead).

    python -m tests.bench.run --ablate RULE[,RULE...]      # the usual tables, those rules off
    python -m tests.bench.run --ablation-report FILE|all  [--split tune] [--limit N]

The report runs decruft alone (no peers) once as the baseline (with ``--ablate``, if given, as
the baseline's ablation) and once per rule, each set of every run in its own worker, at most
two workers at a time (``--sequential``: one). The gold is read once and each run is scored on
the pages of the first split of ``--split`` (by default ``tune``: rules are judged on the pages
one may tune on). It prints, per rule, the change of each set's headline score (shingle F1, else
snippet F1) when the rule is switched off — negative: the rule helps, positive: it hurts — the
unweighted mean over the sets, and how many pages changed at all (text or metadata); sorted by
the mean, the ten rules whose removal costs most and the ten whose removal costs least or helps.
A RULES_FILE holds one ablation a line (``#`` comments; ``a,b`` switches both off together).
"""

from __future__ import annotations

import importlib
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import split as splits
from .metrics import page_scores, summarize

ENV = "DECRUFT_ABLATE"
#: Where ``--ablation-report all`` finds the extractor's rule names.
REGISTRY = "convert.extract.ablation"
SHOWN = 10


def rule_names(spec: str) -> list[str] | None:
    """The ablations to measure: the lines of a RULES_FILE, or the extractor's registry."""
    if spec == "all":
        try:
            return [str(r) for r in importlib.import_module(REGISTRY).RULES]
        except (ImportError, AttributeError):
            print(f"--ablation-report all: the extractor has no {REGISTRY}.RULES yet;"
                  " pass a file of rule names", file=sys.stderr)
            return None
    lines = Path(spec).read_text(encoding="utf-8").splitlines()
    rules = [line.split("#", 1)[0].strip() for line in lines]
    return list(dict.fromkeys(r for r in rules if r))


def _combine(*parts: str | None) -> str | None:
    names = [n.strip() for p in parts if p for n in p.split(",") if n.strip()]
    return ",".join(dict.fromkeys(names)) or None


def report(score, sets: list[tuple[Path, list[dict]]], a, run_tool) -> int:
    rules = rule_names(a.ablation_report)
    if rules is None:
        return 2
    if not rules:
        print("no rules to ablate")
        return 0
    name = a.splits[0]
    work = []   # per set: (folder, gold of the split's pages, their ids)
    for corpus, golds in sets:
        keep = set(splits.select([g["id"] for g in golds], splits.load_check(corpus.name), name))
        sub = [g for g in golds if g["id"] in keep]
        if sub:
            work.append((corpus, sub, [g["id"] for g in sub]))

    def measure(job: tuple[str | None, int]) -> tuple[float | None, dict[str, tuple]]:
        ablate, i = job
        corpus, sub, ids = work[i]
        result = run_tool("decruft", a.kind, corpus, ids, _combine(a.ablate, ablate))
        if "results" not in result:
            print(f"{corpus.name} with {ENV}={ablate}: {result.get('failed')}", file=sys.stderr)
            return None, {}
        pages = page_scores(score, sub, result)
        outputs = {pid: (p["text"], tuple(sorted(p["meta"].items()))) for pid, p in pages.items()}
        return summarize(score, sub, pages, result)["score"], outputs

    jobs = 1 if a.sequential else 2
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        base = list(pool.map(measure, [(None, i) for i in range(len(work))]))
        deltas: dict[str, list[float | None]] = {}
        changed: dict[str, int] = {}
        for rule in rules:
            runs = list(pool.map(measure, [(rule, i) for i in range(len(work))]))
            deltas[rule] = [None if s is None or b[0] is None else s - b[0]
                            for (s, _), b in zip(runs, base)]
            changed[rule] = sum(1 for (_, out), b in zip(runs, base)
                                for pid, o in out.items() if b[1].get(pid) != o)
            print(f"  {rule}: {changed[rule]} pages changed", file=sys.stderr)
    _print(rules, deltas, changed, [w[0].name for w in work], [b[0] for b in base], name)
    return 0


def _mean(values: list[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


def _print(rules: list[str], deltas: dict[str, list], changed: dict[str, int],
           set_names: list[str], base: list, split_name: str) -> None:
    def cell(v: float | None, sign: bool = True) -> str:
        return "–" if v is None else format(v, "+.4f" if sign else ".4f")

    order = sorted(rules, key=lambda r: (_mean(deltas[r]) or 0.0, r))
    print(f"\nablation report: decruft, {split_name} split, {len(rules)} rules; change of each "
          "set's headline score with the rule off (negative: the rule helps)")
    print("| rule | " + " | ".join(set_names) + " | mean | pages changed |")
    print("|" + "---|" * (len(set_names) + 3))
    print("| (baseline score) | " + " | ".join(cell(b, False) for b in base)
          + f" | {cell(_mean(base), False)} | |")
    shown = order if len(order) <= 2 * SHOWN else order[:SHOWN] + [None] + order[-SHOWN:]
    for rule in shown:
        if rule is None:
            print(f"| … {len(order) - 2 * SHOWN} more … |" + " |" * (len(set_names) + 2))
            continue
        print(f"| {rule} | " + " | ".join(cell(d) for d in deltas[rule])
              + f" | {cell(_mean(deltas[rule]))} | {changed[rule]} |")
    idle = [r for r in order if changed[r] == 0]
    if idle:
        print(f"\nrules that changed no page (delete them, or the extractor does not honour "
              f"{ENV} for them): " + ", ".join(idle))
