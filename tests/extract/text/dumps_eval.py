"""Measure the text-dump parser on a corpus folder of ``../shared/corpus``.

    python tests/extract/text/dumps_eval.py [CORPUS_DIR ...] [--worst N] [--out DIR]

For every ``<id>.txt`` dump it runs :func:`convert.extract.text.parse_text`, scores the body
(:func:`convert.textutil.article_text`) with the shared scorer (``bench/score.py``: shingle F1,
snippets, title/date), and prints per-source and per-``dump_method`` F1 (from
``MANIFEST.jsonl`` where the folder has one), CPU ms per page and the worst pages.
``--out`` also writes the predictions in the layout ``bench/evaluate.py`` reads.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from convert.errors import InputError  # noqa: E402
from convert.extract.text.pipeline import parse_text  # noqa: E402
from convert.textutil import article_text  # noqa: E402


def corpus_root() -> Path:
    """Where the shared corpus is: ``$DECRUFT_CORPUS`` or ``../shared/corpus``."""
    env = os.environ.get("DECRUFT_CORPUS")
    return Path(env) if env else ROOT.parent / "shared" / "corpus"


def load_score():
    bench = corpus_root().parent / "bench"
    sys.path.insert(0, str(bench))
    import score  # type: ignore[import-not-found]

    return score


def run(folder: Path, ids: list[str] | None = None) -> list[dict]:
    """Parse every dump of ``folder`` (or only ``ids``); one record per page."""
    manifest = {}
    mpath = folder / "MANIFEST.jsonl"
    if mpath.exists():
        for line in mpath.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                manifest[rec["id"]] = rec
    rows = []
    for gpath in sorted(folder.glob("*.json")):
        pid = gpath.stem
        if ids is not None and pid not in ids:
            continue
        dump = folder / f"{pid}.txt"
        if not dump.exists():
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        data = dump.read_bytes()
        t0 = time.process_time()
        try:
            art = parse_text(data, location=str(dump))
            body, meta, error = article_text(art), art.meta, None
        except InputError as exc:
            body, meta, error = "", None, str(exc)
        ms = (time.process_time() - t0) * 1000
        info = manifest.get(pid, {})
        rows.append({
            "id": pid, "gold": gold, "pred": body, "ms": ms, "error": error,
            "title": meta.title if meta else None,
            "date": (meta.published or meta.modified) if meta else None,
            "byline": ", ".join(meta.authors) if meta and meta.authors else None,
            "source": info.get("source") or gold.get("source") if isinstance(gold.get("source"), str)
            else info.get("source", "?"),
            "method": info.get("dump_method", "?"),
            "ptype": gold.get("page_type") or info.get("page_type") or "-",
        })
    return rows


def report(folder: Path, rows: list[dict], worst: int) -> dict:
    score = load_score()
    text_rows = [r for r in rows if r["gold"].get("gold_text")]
    out: dict = {"corpus": folder.name, "pages": len(rows)}
    if text_rows:
        res = score.score_shingles([r["gold"]["gold_text"] for r in text_rows],
                                   [r["pred"] for r in text_rows], n_bootstrap=0)
        out["f1"] = res["f1"]
        print(f"{folder.name}: shingle n={len(text_rows)} P {res['precision']:.3f} "
              f"R {res['recall']:.3f} F1 {res['f1']:.3f} empty {res['n_empty_pred']}")
        raw = score.score_shingles([r["gold"]["gold_text"] for r in text_rows],
                                   [(folder / f"{r['id']}.txt").read_text(encoding="utf-8", errors="replace")
                                    for r in text_rows], n_bootstrap=0)
        print(f"   raw dump F1 {raw['f1']:.3f}")
        for key in ("source", "method", "ptype"):
            groups = defaultdict(list)
            for r, pp in zip(text_rows, res["per_page"]):
                groups[r[key]].append((r, pp))
            for name, items in sorted(groups.items()):
                g = score.score_shingles([r["gold"]["gold_text"] for r, _ in items],
                                         [r["pred"] for r, _ in items], n_bootstrap=0)
                print(f"   {key:6s} {str(name)[:40]:40s} n={len(items):3d} F1 {g['f1']:.3f}")
        scored = []
        for r, pp in zip(text_rows, res["per_page"]):
            p, rc = pp["precision"] or 0.0, pp["recall"] or 0.0
            scored.append((2 * p * rc / (p + rc) if p + rc else 0.0, p, rc, r))
        scored.sort(key=lambda x: x[0])
        for f1, p, rc, r in scored[:worst]:
            print(f"   worst {r['id'][:45]:45s} F1 {f1:.3f} P {p:.3f} R {rc:.3f} {r['method']}")
    snip = [r for r in rows if r["gold"].get("must_contain") or r["gold"].get("must_not_contain")]
    if snip:
        def as_list(v):
            return [] if v is None else (v if isinstance(v, list) else [v])
        res = score.score_snippets([(as_list(r["gold"].get("must_contain")),
                                     as_list(r["gold"].get("must_not_contain"))) for r in snip],
                                   [r["pred"] for r in snip])
        out["snippet_f1"] = res["f1"]
        print(f"   snippets n={len(snip)} found {res['must_found']:.3f} "
              f"leaked {res['must_not_leaked']:.3f} F1 {res['f1']:.3f}")
    golds = [{"title": r["gold"].get("title"),
              "byline": r["gold"].get("byline") or r["gold"].get("author"),
              "date": r["gold"].get("date") or r["gold"].get("published_time")} for r in rows]
    preds = [{"title": r["title"], "byline": r["byline"], "date": r["date"]} for r in rows]
    meta = score.score_metadata(golds, preds)
    print("   metadata " + "  ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                                     for k, v in meta.items()))
    ms = sorted(r["ms"] for r in rows)
    print(f"   ms/page mean {sum(ms) / len(ms):.1f} median {ms[len(ms) // 2]:.1f} max {ms[-1]:.1f}; "
          f"errors {sum(1 for r in rows if r['error'])}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--worst", type=int, default=20)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--show", type=Path, help="print the verdict on every line of one dump")
    a = ap.parse_args(argv)
    if a.show:
        show(a.show)
        return 0
    folders = a.corpora or [corpus_root() / "dumps"]
    for folder in folders:
        rows = run(folder)
        report(folder, rows, a.worst)
        if a.out:
            dest = a.out / folder.name
            dest.mkdir(parents=True, exist_ok=True)
            for r in rows:
                (dest / f"{r['id']}.txt").write_text(r["pred"], encoding="utf-8")
                (dest / f"{r['id']}.meta.json").write_text(json.dumps(
                    {"title": r["title"], "byline": r["byline"], "date": r["date"]}), encoding="utf-8")
    return 0



def show(path: Path) -> None:
    """Print every unit of one dump with its verdict (for error analysis)."""
    import convert.extract.text.pipeline as T

    seen: list = []
    orig = T._blocks

    def spy(units):
        seen.extend(units)
        return orig(units)

    T._blocks = spy
    try:
        art = parse_text(path.read_bytes())
        print("META", art.meta.title, "|", art.meta.published, "|", art.meta.authors, "|",
              art.meta.section, "|", art.meta.language)
    except InputError as exc:
        print("ERROR", exc)
    finally:
        T._blocks = orig
    for u in seen:
        mark = "+" if u.keep else "-"
        print(f"{mark} {u.index:4d} w{u.weight:5.1f} sd{u.stop_density:.2f} r{u.repeats} "
              f"{(u.role or u.reason)[:12]:12s} {u.text[:110]}")


if __name__ == "__main__":
    sys.exit(main())
