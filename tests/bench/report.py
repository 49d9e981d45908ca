"""What the benchmark prints and saves: tables per split with the unweighted mean over the sets,
the split summary, scores by page type, the worst pages, pooled metadata, per-page JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

COLUMNS = (("P", ".3f"), ("R", ".3f"), ("F1", ".3f"), ("snipF1", ".3f"), ("found", ".3f"),
           ("leaked", ".3f"), ("title", ".3f"), ("byline", ".3f"), ("date", ".3f"),
           ("cpu_ms", ".1f"), ("pages_s", ".1f"), ("rss_mb", ".0f"))
#: Row label of the unweighted mean over the sets (each set counts once, whatever its size).
MEAN = "mean"


def fmt(value, spec: str = ".3f") -> str:
    return "–" if value is None else format(value, spec)


def mean_rows(table: list[tuple[str, str, dict]]) -> list[tuple[str, str, dict]]:
    """Per tool, the unweighted mean of every column over the sets that have it; ``n`` is the
    number of sets the headline ``score`` is averaged over."""
    by_tool: dict[str, list[dict]] = {}
    for _, tool, row in table:
        by_tool.setdefault(tool, []).append(row)
    out = []
    for tool, rows in by_tool.items():
        ok = [r for r in rows if "failed" not in r]
        mean: dict = {}
        for key in [c for c, _ in COLUMNS] + ["score"]:
            vals = [r[key] for r in ok if r.get(key) is not None]
            mean[key] = sum(vals) / len(vals) if vals else None
        mean["n"] = f"{sum(1 for r in ok if r.get('score') is not None)} sets"
        mean["empty"] = sum(r["empty"] for r in ok)
        out.append((MEAN, tool, mean))
    return out


def _markdown(head: list[str], lines: list[list[str]]) -> None:
    widths = [max(len(line[i]) for line in [head] + lines if i < len(line))
              for i in range(len(head))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for line in lines:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(line, widths)) + " |")


def print_table(table: list[tuple[str, str, dict]], title: str = "") -> None:
    """One row per set and tool, then the mean rows (when more than one set was run)."""
    sets = {s for s, _, _ in table}
    rows = table + (mean_rows(table) if len(sets) > 1 else [])
    lines = []
    for set_name, tool, row in rows:
        if "failed" in row:
            lines.append([set_name, tool, "failed: " + row["failed"][:60]])
            continue
        lines.append([set_name, tool, str(row["n"]), str(row["empty"]), fmt(row.get("score"))]
                     + [fmt(row.get(c), f) for c, f in COLUMNS])
    if title:
        print(f"\n{title}")
    _markdown(["set", "tool", "pages", "empty", "score"] + [c for c, _ in COLUMNS], lines)


def print_split_summary(tables: dict[str, list[tuple[str, str, dict]]]) -> None:
    """The headline score (shingle F1, snippet F1 where a set has only snippets) of every tool
    per set and split side by side, with the unweighted mean over the sets."""
    splits = list(tables)
    tools = list(dict.fromkeys(t for table in tables.values() for _, t, _ in table))
    sets = list(dict.fromkeys(s for table in tables.values() for s, _, _ in table))
    cells: dict[tuple[str, str, str], dict] = {}
    for split, table in tables.items():
        for set_name, tool, row in table + mean_rows(table):
            cells[(split, set_name, tool)] = row
    head = ["set"] + [f"{t} {s}" for t in tools for s in splits]
    lines = []
    for set_name in sets + [MEAN]:
        line = [set_name]
        for tool in tools:
            for split in splits:
                row = cells.get((split, set_name, tool), {})
                line.append(fmt(row.get("score")))
        lines.append(line)
    pages = ", ".join(f"{name} {sum(r['n'] for _, tool, r in table if tool == tools[0] and 'n' in r)}"
                      for name, table in tables.items())
    print(f"\nheadline score by split (pages: {pages}; mean = unweighted over the sets)")
    _markdown(head, lines)


def print_per_type(score, golds: list[dict], pages: dict[str, dict[str, dict]],
                   title: str) -> None:
    """Shingle F1 by ``page_type`` (wcxb sets) for each tool, on the pages ``golds``."""
    types = sorted({g.get("page_type") for g in golds if g.get("page_type") and g.get("gold_text")})
    if not types:
        return
    tools = list(pages)
    print(f"\nshingle F1 by page type, {title}")
    print("| type | pages | " + " | ".join(tools) + " |")
    print("|---|---|" + "---|" * len(tools))
    for t in types + ["all"]:
        sel = [g["id"] for g in golds
               if g.get("gold_text") and (t == "all" or g.get("page_type") == t)]
        cells = [f"{score.aggregate([pages[tool][i]['counts'] for i in sel])['f1']:.3f}"
                 for tool in tools]
        print(f"| {t} | {len(sel)} | " + " | ".join(cells) + " |")


def print_per_type_pooled(score, runs: list[tuple[str, list[dict], dict]], title: str) -> None:
    """Shingle F1 by ``page_type`` over every set of ``runs`` (set name, its gold pages, each
    tool's page scores) that labels its pages, pooled page by page: the figure issue #18's
    targets are stated in (wcxb-dev + wcxb-dev-extra together)."""
    runs = [r for r in runs if any(g.get("page_type") and g.get("gold_text") for g in r[1])]
    if len(runs) < 2:
        return
    tools = list(runs[0][2])
    counts: dict[str, dict[str, list]] = {}
    for _, golds, pages in runs:
        for g in golds:
            if g.get("gold_text") and g.get("page_type"):
                for t in (g["page_type"], "all"):
                    per_tool = counts.setdefault(t, {tool: [] for tool in tools})
                    for tool in tools:
                        per_tool[tool].append(pages[tool][g["id"]]["counts"])
    print(f"\nshingle F1 by page type, sets pooled ({' + '.join(n for n, _, _ in runs)}), {title}")
    print("| type | pages | " + " | ".join(tools) + " |")
    print("|---|---|" + "---|" * len(tools))
    for t in sorted(k for k in counts if k != "all") + ["all"]:
        cells = [f"{score.aggregate(counts[t][tool])['f1']:.3f}" for tool in tools]
        print(f"| {t} | {len(counts[t][tools[0]])} | " + " | ".join(cells) + " |")


def print_worst(golds: list[dict], rows: dict[str, dict], n: int, title: str) -> list[str]:
    """Print decruft's ``n`` worst pages; return their ids, worst first."""
    ours = rows.get("decruft", {}).get("page_f1")
    if not ours:
        return []
    peer = next((t for t in rows if t != "decruft" and rows[t].get("page_f1")), None)
    types = {g["id"]: g.get("page_type") or "" for g in golds}
    print(f"\nworst {n} pages for decruft, {title}" + (f" (vs {peer})" if peer else ""))
    for pid, (f1, p, r) in sorted(ours.items(), key=lambda kv: (kv[1][0], kv[0]))[:n]:
        other = f"  {peer} F1 {rows[peer]['page_f1'].get(pid, (0,))[0]:.3f}" if peer else ""
        print(f"  {pid:36s} {types.get(pid, ''):13s} F1 {f1:.3f}  P {p:.3f}  R {r:.3f}{other}")
    return [pid for pid, _ in sorted(ours.items(), key=lambda kv: (kv[1][0], kv[0]))[:n]]


def write_inspect_reports(corpus: Path, kind: str, ids: list[str], out: Path) -> None:
    """One ``decruft inspect`` report per page (``OUT/<set>/<id>.inspect.html``)."""
    from convert.inspect import inspect_page
    from convert.inspect.page import report_html
    folder = out / corpus.name
    folder.mkdir(parents=True, exist_ok=True)
    for pid in ids:
        page = corpus / f"{pid}.{'html' if kind == 'html' else 'txt'}"
        (folder / f"{pid}.inspect.html").write_text(report_html(inspect_page(str(page))),
                                                   encoding="utf-8")
    print(f"  inspect reports: {folder}/")


def print_pooled_metadata(score, table: list[tuple[str, str, dict]], title: str) -> None:
    """Metadata accuracy over every set run that has metadata gold, pooled page by page (the
    issue's "wcxb-dev + wcxb-dev-extra + readability" figure when those sets are run)."""
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
    print(f"\nmetadata, sets pooled, {title}")
    print("| tool | sets | title exact | byline lenient | date same day |")
    print("|---|---|---|---|---|")
    for tool, (sets, golds, preds) in pooled.items():
        m = score.score_metadata(golds, preds)
        cells = [f"{fmt(m.get(k))} ({m.get(n)})" for k, n in (
            ("title_exact", "title_n_gold"), ("byline_lenient", "byline_n_gold"),
            ("date_same_day", "date_n_gold"))]
        print(f"| {tool} | {' + '.join(sets)} | " + " | ".join(cells) + " |")


def save_jsonl(fh, set_name: str, kind: str, tool: str, golds: list[dict],
               pages: dict[str, dict], check: set[str] | None) -> None:
    """One JSON object a line per page and tool: ``set kind tool id split page_type f1 p r
    snippets (tp, fp, fn, tn) title byline date meta_ok cpu_ms error text`` (scores absent where
    the set has no such gold). Diff two runs with ``python -m tests.bench.diff A B``."""
    for g in golds:
        page = pages[g["id"]]
        rec = {"set": set_name, "kind": kind, "tool": tool, "id": g["id"],
               "split": "check" if check and g["id"] in check else "tune",
               "page_type": g.get("page_type")}
        for key in ("f1", "p", "r", "snippets", "meta_ok"):
            if key in page:
                rec[key] = page[key]
        rec.update(page["meta"])
        rec.update(cpu_ms=round(1000 * page["cpu"], 2), error=page["error"], text=page["text"])
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def save_dir(out: Path, result: dict) -> None:
    """``OUT/<id>.txt`` and ``.meta.json`` (the layout of ``../shared/bench/evaluate.py``)."""
    out.mkdir(parents=True, exist_ok=True)
    for pid, r in result.get("results", {}).items():
        (out / f"{pid}.txt").write_text(r.get("text") or "", encoding="utf-8")
        (out / f"{pid}.meta.json").write_text(json.dumps(
            {k: r.get(k) for k in ("title", "byline", "date")}), encoding="utf-8")
