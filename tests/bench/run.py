"""decruft's extraction benchmark: decruft vs trafilatura vs readability-lxml, same pages, one run.

    python -m tests.bench.run [CORPUS_DIR ...] [--peers trafilatura,readability] [--kind html|text]
                              [--split tune,check,all] [--limit N] [--per-type] [--worst N]
                              [--save FILE.jsonl] [--save-dir DIR] [--sequential]
                              [--ablate RULE[,RULE...]] [--ablation-report RULES_FILE|all]
                              [--oracle-type [FILE.json]]

CORPUS_DIR is a folder in the layout of ``../shared/corpus/*`` (``<id>.html``, ``<id>.txt``,
``<id>.json`` gold); without one, every set of ``../shared/corpus`` (relative to the repo, or
``$DECRUFT_CORPUS``) is run — readability, wcxb-dev, wcxb-dev-extra, dragnet, trafilatura-eval,
and with ``--kind text`` their ``.txt`` dumps plus ``dumps/`` — and the command exits cleanly
with a message when that folder is absent. Each tool runs in its own subprocess
(:mod:`.worker`), so CPU ms/page and peak RSS are that tool's alone; by default the tools run
concurrently (``--sequential`` for a quiet machine).

**Splits.** Each set's pages are *tune* or *check* pages by the committed lists of
:mod:`.split` (30 % check, sealed: tune, look at and debug on tune pages only). The tools run
once on all pages; the metrics are reported per split named in ``--split`` (default
``tune,check,all``): one table per split, then the headline score of every tool by set and split.

**Tables.** Shingle precision/recall/F1 (``../shared/bench/score.py``, the Zyte metric) where the
set has gold text, snippet F1 / must-found / must-not-leaked where it has snippets, title exact /
byline lenient / date same-day where it has that gold, CPU ms per page, pages per second (wall)
and the worker's peak RSS. ``score`` is the set's headline: shingle F1, else snippet F1. The
``mean`` rows are the unweighted mean over the sets (each set counts once) of each column.
``--per-type`` adds shingle F1 by ``page_type`` (wcxb sets) per split; ``--worst N`` lists
decruft's N worst *tune* pages with the peer's F1 (check pages stay sealed); ``--inspect-dir DIR``
writes a ``decruft inspect`` report for each of them.

``--kind text`` feeds ``<id>.txt`` dumps to decruft's text parser
(``convert.extract.text.parse_text``) and compares with the raw dump itself (``raw``).
``--save FILE`` writes every page's result and scores as JSON lines (:func:`.report.save_jsonl`;
compare two runs with ``python -m tests.bench.diff``); ``--save-dir DIR`` writes
``DIR/<set>/<tool>/<id>.txt`` and ``.meta.json`` (evaluate.py layout).

**Ablation.** ``--ablate RULE[,RULE...]`` runs decruft with those rules switched off, and
``--ablation-report RULES_FILE|all`` measures each rule's effect (see :mod:`.ablation`, which
states the ``DECRUFT_ABLATE`` contract with the extractor).

**Oracle page type.** ``--oracle-type`` runs decruft with each page's gold ``page_type`` (the
wcxb sets' labels) in place of the classifier's verdict, certain (probability 1), wherever the
extraction reads the type (:mod:`.worker` sets it for the pages whose gold names one; the others
keep the classifier); ``--oracle-type FILE.json`` gives the type and probability of that file
instead (``{"<set>/<id>": [type, p]}``: ``train_assess --oof-types FILE.json`` writes the tune
pages' out-of-fold verdicts, what the classifier says of a page it was not fitted on; the shipped
model is fitted on every tune page, so a normal run shows few type errors there). Compare with a
run without it (``--save`` both, :mod:`.diff`) to see what
the type errors cost the extraction, per type with ``--per-type``; tune pages only for looking.

Peers are benchmark-only dependencies: ``pip install -r tests/bench/requirements.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import ablation, report, split
from .metrics import REPO, SCORE_PY, load_gold, load_score, page_scores, summarize

DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
HTML_SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet", "trafilatura-eval")
TEXT_SETS = HTML_SETS + ("dumps",)

__all__ = ["REPO", "SCORE_PY", "main", "run_tool"]


def worker_env(tool: str, ablate: str | None = None, oracle: str | None = None) -> dict[str, str]:
    """The worker's environment: this repo importable, and ``DECRUFT_ABLATE`` set to ``ablate``
    for decruft only — never inherited from this process, so no run is ablated by accident;
    likewise the oracle page type (:data:`.worker.ORACLE_ENV`: ``"1"`` the gold, else a file of
    types) only when ``oracle``."""
    from .worker import ORACLE_ENV
    env = dict(os.environ)
    paths = [str(REPO), str(REPO / "plugins"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    env.pop(ablation.ENV, None)
    env.pop(ORACLE_ENV, None)
    if ablate and tool == "decruft":
        env[ablation.ENV] = ablate
    if oracle and tool == "decruft":
        env[ORACLE_ENV] = str(Path(oracle).resolve()) if oracle != "1" else "1"
    return env


def run_tool(tool: str, kind: str, corpus: Path, ids: list[str],
             ablate: str | None = None, oracle: str | None = None) -> dict:
    """Run one tool on the pages ``ids`` in a worker subprocess (see :func:`worker_env`)."""
    proc = subprocess.run([sys.executable, "-m", "tests.bench.worker", tool, kind, str(corpus)],
                          input=json.dumps(ids), capture_output=True, text=True,
                          env=worker_env(tool, ablate, oracle),
                          cwd=str(REPO))
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["?"]
        return {"tool": tool, "failed": tail[0]}
    return json.loads(proc.stdout)


def corpus_sets(folders: list[Path], kind: str, limit: int | None) -> list[tuple[Path, list]]:
    """The folders to run with their gold, read once (folders without pages are skipped)."""
    out = []
    for corpus in folders:
        if not corpus.is_dir():
            print(f"skipping {corpus}: not a folder", file=sys.stderr)
            continue
        golds = load_gold(corpus, kind, limit)
        if not golds:
            print(f"skipping {corpus}: no pages with gold", file=sys.stderr)
            continue
        out.append((corpus, golds))
    return out


def _rows(score, golds: list[dict], check: set[str] | None, name: str,
          pages: dict[str, dict], results: dict[str, dict]) -> tuple[dict, list[dict]]:
    """Every tool's metrics on the pages of one split, and those pages' gold."""
    keep = set(split.select([g["id"] for g in golds], check, name))
    sub = [g for g in golds if g["id"] in keep]
    return {t: summarize(score, sub, pages[t], r) if t in pages else r
            for t, r in results.items()}, sub


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--peers", default="trafilatura,readability",
                    help="comma-separated peers to run too, or 'none' (default: %(default)s)")
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--split", default="tune,check,all",
                    help="comma-separated splits to report: tune, check, all (default: %(default)s)")
    ap.add_argument("--limit", type=int, help="only the first N pages of each set")
    ap.add_argument("--per-type", action="store_true")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--inspect-dir", type=Path, metavar="DIR",
                    help="with --worst: write a decruft inspect report per worst page here")
    ap.add_argument("--save", type=Path, metavar="FILE", help="per-page results as JSON lines")
    ap.add_argument("--save-dir", type=Path, metavar="DIR", help="texts in evaluate.py layout")
    ap.add_argument("--sequential", action="store_true")
    ap.add_argument("--ablate", metavar="RULE[,RULE...]",
                    help=f"switch these decruft rules off (sets ${ablation.ENV} for its worker)")
    ap.add_argument("--ablation-report", metavar="RULES_FILE|all",
                    help="run decruft once per rule and print each rule's effect (no peers)")
    ap.add_argument("--oracle-type", nargs="?", const="1", metavar="FILE.json",
                    help="decruft reads each page's gold page_type instead of the classifier's "
                    "(or the type and probability FILE.json gives it)")
    a = ap.parse_args(argv)
    a.splits = [s.strip() for s in a.split.split(",") if s.strip()]
    bad = [s for s in a.splits if s not in split.SPLIT_NAMES]
    if bad or not a.splits:
        ap.error(f"--split: choose from {', '.join(split.SPLIT_NAMES)} (got {a.split!r})")
    return a


def main(argv: list[str] | None = None) -> int:
    a = parse_args(argv)
    score = load_score()
    if score is None:
        print(f"scorer not found at {SCORE_PY} (set DECRUFT_SCORE_PY)", file=sys.stderr)
        return 2
    folders = a.corpus
    if not folders:
        base = Path(os.environ.get("DECRUFT_CORPUS", DEFAULT_CORPUS))
        if not base.is_dir():
            print(f"no corpus at {base.resolve()}: pass CORPUS_DIR or set DECRUFT_CORPUS")
            return 0
        folders = [base / s for s in (HTML_SETS if a.kind == "html" else TEXT_SETS)]
    sets = corpus_sets(folders, a.kind, a.limit)
    if not sets:
        print("nothing to benchmark")
        return 0
    if a.ablation_report:
        return ablation.report(score, sets, a, run_tool)
    peers = [] if a.peers in ("", "none") else [p.strip() for p in a.peers.split(",") if p.strip()]
    if a.kind == "text":
        peers = ["raw"]
    tools = ["decruft"] + [p for p in peers if p != "decruft"]

    tables: dict[str, list[tuple[str, str, dict]]] = {s: [] for s in a.splits}
    typed: dict[str, list[tuple[str, list[dict], dict]]] = {s: [] for s in a.splits}
    save = a.save.open("w", encoding="utf-8") if a.save else None
    for corpus, golds in sets:
        ids = [g["id"] for g in golds]
        with ThreadPoolExecutor(max_workers=1 if a.sequential else len(tools)) as pool:
            futures = {t: pool.submit(run_tool, t, a.kind, corpus, ids, a.ablate,
                                          a.oracle_type) for t in tools}
            results = {t: f.result() for t, f in futures.items()}
        pages = {t: page_scores(score, golds, r) for t, r in results.items() if "results" in r}
        check = split.load_check(corpus.name)
        for name in a.splits:
            rows, sub = _rows(score, golds, check, name, pages, results)
            if not sub:
                continue
            tables[name].extend((corpus.name, t, rows[t]) for t in tools)
            if a.per_type:
                report.print_per_type(score, sub, pages, f"{corpus.name}, {name} split")
                typed[name].append((corpus.name, sub, pages))
        if a.worst:
            # Only tune pages are listed: looking at check pages would unseal them.
            rows, sub = _rows(score, golds, check, "tune", pages, results)
            worst = report.print_worst(sub, rows, a.worst, f"{corpus.name}, tune pages")
            if a.inspect_dir:
                report.write_inspect_reports(corpus, a.kind, worst, a.inspect_dir)
        for tool, tool_pages in pages.items():
            if save:
                report.save_jsonl(save, corpus.name, a.kind, tool, golds, tool_pages, check)
            if a.save_dir:
                report.save_dir(a.save_dir / corpus.name / tool, results[tool])
        errors = [(pid, r["error"]) for pid, r in results["decruft"].get("results", {}).items()
                  if r.get("error")]
        for pid, err in errors[:10]:
            print(f"{corpus.name}/{pid}: decruft error: {err}", file=sys.stderr)
    if save:
        save.close()
    tables = {name: table for name, table in tables.items() if table}
    for name, table in tables.items():
        report.print_table(table, f"split: {name}" + (" (sealed check pages)" * (name == "check")))
        report.print_pooled_metadata(score, table, f"split: {name}")
        report.print_per_type_pooled(score, typed[name], f"split: {name}")
    if len(tables) > 1:
        report.print_split_summary(tables)
    return 0


if __name__ == "__main__":
    sys.exit(main())
