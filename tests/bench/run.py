"""decruft's extraction benchmark: decruft vs trafilatura vs readability-lxml, same pages, one run.

    python -m tests.bench.run [CORPUS_DIR ...] [--peers trafilatura,readability] [--kind html|text]
                              [--limit N] [--per-type] [--worst N] [--save DIR] [--sequential]

CORPUS_DIR is a folder in the layout of ``../shared/corpus/*`` (``<id>.html``, ``<id>.txt``,
``<id>.json`` gold); without one, every HTML set of ``../shared/corpus`` (relative to the repo)
is run, and the command exits cleanly with a message when that folder is absent. Each tool runs
in its own subprocess (:mod:`.worker`), so CPU ms/page and peak RSS are that tool's alone; by
default the tools run concurrently (``--sequential`` for a quiet machine).

One table is printed: shingle precision/recall/F1 (``../shared/bench/score.py``, the Zyte
metric) where the set has gold text, snippet F1 / must-found / must-not-leaked where it has
snippets, title exact / byline lenient / date same-day where it has that gold, CPU ms per page,
pages per second (wall) and the worker's peak RSS. ``--per-type`` adds shingle F1 by
``page_type`` (wcxb-dev); ``--worst N`` lists decruft's N worst pages with the peer's F1.

``--kind text`` feeds ``<id>.txt`` dumps to decruft's text parser
(``convert.extract.text.parse_text``) and compares with the raw dump itself (``raw``).
``--save DIR`` writes ``DIR/<set>/<tool>/<id>.txt`` and ``.meta.json`` (evaluate.py layout).
Peers are benchmark-only dependencies: ``pip install -r tests/bench/requirements.txt``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus"
SCORE_PY = REPO / ".." / "shared" / "bench" / "score.py"
HTML_SETS = ("readability", "wcxb-dev", "trafilatura-eval")


def load_score(path: Path = SCORE_PY):
    """Import the shared scorer by path, or ``None`` when it is absent."""
    path = Path(os.environ.get("DECRUFT_SCORE_PY", path))
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("decruft_bench_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def load_gold(corpus: Path, kind: str, limit: int | None) -> list[dict]:
    suffix = ".html" if kind == "html" else ".txt"
    golds = []
    for path in sorted(corpus.glob("*.json")):
        if path.name.startswith("MANIFEST"):
            continue
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if not isinstance(gold, dict) or "id" not in gold:
            continue
        if (corpus / f"{gold['id']}{suffix}").exists():
            golds.append(gold)
    return golds[:limit] if limit else golds


def run_tool(tool: str, kind: str, corpus: Path, ids: list[str]) -> dict:
    env = dict(os.environ)
    paths = [str(REPO), str(REPO / "plugins"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    proc = subprocess.run([sys.executable, "-m", "tests.bench.worker", tool, kind, str(corpus)],
                          input=json.dumps(ids), capture_output=True, text=True, env=env,
                          cwd=str(REPO))
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["?"]
        return {"tool": tool, "failed": tail[0]}
    return json.loads(proc.stdout)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _page_f1(pp: dict) -> float:
    p, r = pp["precision"] or 0.0, pp["recall"] or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(score, golds: list[dict], result: dict) -> dict:
    """All metrics of one tool on one set (plus per-page F1s for error analysis)."""
    res = result["results"]
    preds = [res.get(g["id"], {}).get("text") or "" for g in golds]
    row: dict = {"n": len(golds), "empty": sum(1 for p in preds if not p.strip()),
                 "errors": sum(1 for g in golds if res.get(g["id"], {}).get("error"))}
    with_text = [i for i, g in enumerate(golds) if g.get("gold_text")]
    if with_text:
        s = score.score_shingles([golds[i]["gold_text"] for i in with_text],
                                 [preds[i] for i in with_text], n_bootstrap=0)
        row.update(P=s["precision"], R=s["recall"], F1=s["f1"])
        row["page_f1"] = {golds[i]["id"]: (_page_f1(pp), pp["precision"] or 0.0, pp["recall"] or 0.0)
                          for i, pp in zip(with_text, s["per_page"])}
    with_snip = [i for i, g in enumerate(golds) if g.get("must_contain") or g.get("must_not_contain")]
    if with_snip:
        s = score.score_snippets([(_as_list(golds[i].get("must_contain")),
                                   _as_list(golds[i].get("must_not_contain"))) for i in with_snip],
                                 [preds[i] for i in with_snip])
        row.update(snipF1=s["f1"], found=s["must_found"], leaked=s["must_not_leaked"])
    if any("title" in r for r in res.values()):
        gm = [{"title": g.get("title"), "byline": g.get("byline") or g.get("author"),
               "date": g.get("date")} for g in golds]
        pm = [{k: res.get(g["id"], {}).get(k) for k in ("title", "byline", "date")} for g in golds]
        m = score.score_metadata(gm, pm)
        row.update(title=m.get("title_exact"), byline=m.get("byline_lenient"),
                   date=m.get("date_same_day"))
        if any(v for g in gm for v in g.values()):
            row["meta_pairs"] = (gm, pm)
    cpu = [r.get("cpu", 0.0) for r in res.values()]
    row["cpu_ms"] = 1000 * sum(cpu) / len(cpu) if cpu else 0.0
    row["pages_s"] = len(cpu) / result["wall"] if result.get("wall") else 0.0
    row["rss_mb"] = result.get("rss_mb", 0.0)
    return row


def _fmt(value, spec: str = ".3f") -> str:
    return "–" if value is None else format(value, spec)


COLUMNS = (("P", ".3f"), ("R", ".3f"), ("F1", ".3f"), ("snipF1", ".3f"), ("found", ".3f"),
           ("leaked", ".3f"), ("title", ".3f"), ("byline", ".3f"), ("date", ".3f"),
           ("cpu_ms", ".1f"), ("pages_s", ".1f"), ("rss_mb", ".0f"))


def print_table(rows: list[tuple[str, str, dict]]) -> None:
    head = ["set", "tool", "pages", "empty"] + [c for c, _ in COLUMNS]
    lines = [head]
    for set_name, tool, row in rows:
        if "failed" in row:
            lines.append([set_name, tool, "failed: " + row["failed"][:60]])
            continue
        lines.append([set_name, tool, str(row["n"]), str(row["empty"])]
                     + [_fmt(row.get(c), f) for c, f in COLUMNS])
    widths = [max(len(line[i]) for line in lines if i < len(line)) for i in range(len(head))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines[1:]:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |")


def print_per_type(score, golds: list[dict], results: dict[str, dict]) -> None:
    types = sorted({g.get("page_type") for g in golds if g.get("page_type") and g.get("gold_text")})
    if not types:
        return
    tools = list(results)
    print("\nshingle F1 by page type")
    print("| type | pages | " + " | ".join(tools) + " |")
    print("|---|---|" + "---|" * len(tools))
    for t in types + ["all"]:
        sel = [g for g in golds if g.get("gold_text") and (t == "all" or g.get("page_type") == t)]
        cells = []
        for tool in tools:
            res = results[tool].get("results", {})
            s = score.score_shingles([g["gold_text"] for g in sel],
                                     [res.get(g["id"], {}).get("text") or "" for g in sel],
                                     n_bootstrap=0)
            cells.append(f"{s['f1']:.3f}")
        print(f"| {t} | {len(sel)} | " + " | ".join(cells) + " |")


def print_worst(golds: list[dict], rows: dict[str, dict], n: int) -> None:
    ours = rows.get("decruft", {}).get("page_f1")
    if not ours:
        return
    peer = next((t for t in rows if t != "decruft" and rows[t].get("page_f1")), None)
    types = {g["id"]: g.get("page_type") or "" for g in golds}
    print(f"\nworst {n} pages for decruft" + (f" (vs {peer})" if peer else ""))
    for pid, (f1, p, r) in sorted(ours.items(), key=lambda kv: kv[1][0])[:n]:
        other = f"  {peer} F1 {rows[peer]['page_f1'].get(pid, (0,))[0]:.3f}" if peer else ""
        print(f"  {pid:36s} {types.get(pid, ''):13s} F1 {f1:.3f}  P {p:.3f}  R {r:.3f}{other}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="*", type=Path)
    ap.add_argument("--peers", default="trafilatura,readability",
                    help="comma-separated peers to run too, or 'none' (default: %(default)s)")
    ap.add_argument("--kind", choices=("html", "text"), default="html")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--per-type", action="store_true")
    ap.add_argument("--worst", type=int, default=0)
    ap.add_argument("--save", type=Path)
    ap.add_argument("--sequential", action="store_true")
    a = ap.parse_args(argv)

    score = load_score()
    if score is None:
        print(f"scorer not found at {SCORE_PY} (set DECRUFT_SCORE_PY)", file=sys.stderr)
        return 2
    corpora = a.corpus
    if not corpora:
        base = Path(os.environ.get("DECRUFT_CORPUS", DEFAULT_CORPUS))
        if not base.is_dir():
            print(f"no corpus at {base.resolve()}: pass CORPUS_DIR or set DECRUFT_CORPUS")
            return 0
        corpora = [base / s for s in HTML_SETS] if a.kind == "html" else [base / "dumps"]
    peers = [] if a.peers in ("", "none") else [p.strip() for p in a.peers.split(",") if p.strip()]
    if a.kind == "text":
        peers = ["raw"]
    tools = ["decruft"] + [p for p in peers if p != "decruft"]

    table: list[tuple[str, str, dict]] = []
    for corpus in corpora:
        if not corpus.is_dir():
            print(f"skipping {corpus}: not a folder", file=sys.stderr)
            continue
        golds = load_gold(corpus, a.kind, a.limit)
        if not golds:
            print(f"skipping {corpus}: no pages with gold", file=sys.stderr)
            continue
        ids = [g["id"] for g in golds]
        with ThreadPoolExecutor(max_workers=1 if a.sequential else len(tools)) as pool:
            futures = {t: pool.submit(run_tool, t, a.kind, corpus, ids) for t in tools}
            results = {t: f.result() for t, f in futures.items()}
        rows: dict[str, dict] = {}
        for tool in tools:
            result = results[tool]
            rows[tool] = result if "failed" in result else evaluate(score, golds, result)
            table.append((corpus.name, tool, rows[tool]))
            if a.save and "results" in result:
                out = a.save / corpus.name / tool
                out.mkdir(parents=True, exist_ok=True)
                for pid, r in result["results"].items():
                    (out / f"{pid}.txt").write_text(r.get("text") or "", encoding="utf-8")
                    (out / f"{pid}.meta.json").write_text(json.dumps(
                        {k: r.get(k) for k in ("title", "byline", "date")}), encoding="utf-8")
        errors = [(pid, r["error"]) for pid, r in results["decruft"].get("results", {}).items()
                  if r.get("error")]
        for pid, err in errors[:10]:
            print(f"{corpus.name}/{pid}: decruft error: {err}", file=sys.stderr)
        if a.per_type:
            print_per_type(score, golds, {t: r for t, r in results.items() if "results" in r})
        if a.worst:
            print_worst(golds, rows, a.worst)
    if not table:
        print("nothing to benchmark")
        return 0
    print()
    print_table(table)
    print_pooled_metadata(score, table)
    return 0


def print_pooled_metadata(score, table: list[tuple[str, str, dict]]) -> None:
    """Metadata accuracy over every set run that has metadata gold, pooled page by page (the
    issue's "readability + wcxb-dev" figure when those two sets are run)."""
    pooled: dict[str, tuple[list, list, list]] = {}
    for set_name, tool, row in table:
        if "meta_pairs" in row:
            gm, pm = row["meta_pairs"]
            sets, golds, preds = pooled.setdefault(tool, ([], [], []))
            sets.append(set_name)
            golds.extend(gm)
            preds.extend(pm)
    if not any(len(sets) > 1 for sets, _, _ in pooled.values()):
        return
    print("\nmetadata, sets pooled")
    print("| tool | sets | title exact | byline lenient | date same day |")
    print("|---|---|---|---|---|")
    for tool, (sets, golds, preds) in pooled.items():
        m = score.score_metadata(golds, preds)
        cells = [f"{_fmt(m.get(k))} ({m.get(n)})" for k, n in (
            ("title_exact", "title_n_gold"), ("byline_lenient", "byline_n_gold"),
            ("date_same_day", "date_n_gold"))]
        print(f"| {tool} | {' + '.join(sets)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
