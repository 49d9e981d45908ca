"""Where decruft's HTML extraction loses gold words on a set's tune pages: a recall census.

    python -m tests.bench.recall_census RUN.jsonl CORPUS_DIR [--max-recall 0.9] [--pages 40]

RUN.jsonl is a ``tests.bench.run --save`` run; its tune pages of the set with recall under
``--max-recall`` are re-extracted with the recorder on (what ``decruft inspect`` shows). Each
text block of the page (``convert.inspect.report.html_blocks``) is judged against the page's
gold text by 4-shingles (a *gold* block: half its shingles or more are in the gold; a block of
under four words: its words run inside the gold), and against the run's own output (*missed*:
under half its shingles in it). Missed gold blocks are counted by verdict and rule (the rule
that dropped them, ``outside_winner`` for text outside the winning nodes), with their words,
pages, sites and page-shares (the gold shingles the output lacks that a missed block holds,
over the page's gold shingles, summed over pages: what the corpus recall loses to the class,
times the number of pages); and by class: a *header line* (a block moved to the metadata, the
title's words, or a short dateline/byline-like line above the story) or by where the block
lies against the kept body blocks (above, inside, below the story). The pages losing most are
listed with their missed blocks so each can be read in ``decruft inspect``. Check pages are
never read (sealed split).

A block test is a heuristic: a gold that rewords or reorders text reads as missed, and gold
words that no block holds (the page's markup differs from what the annotator saw) are reported
with the shingles across a missed block's edges as ``rest``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import urlparse

_WORD = re.compile(r"\w+")


def _shingles(tokens: list[str]) -> Counter:
    if len(tokens) < 4:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def _share_in(tokens: list[str], pool: Counter, joined: str) -> float:
    """Share of ``tokens``' shingles found in ``pool`` (short blocks: a run inside ``joined``)."""
    if len(tokens) < 4:
        return 1.0 if tokens and f" {' '.join(tokens)} " in joined else 0.0
    sh = _shingles(tokens)
    return sum(min(c, pool[s]) for s, c in sh.items()) / sum(sh.values())


_CANON = re.compile(r"""<(?:link[^>]+rel=["']?canonical|meta[^>]+og:url)[^>]*>""", re.I)
_HREF = re.compile(r"""(?:href|content)=["']?(https?://[^"'\s>]+)""", re.I)


def _site(meta: dict, html: str) -> str:
    """The page's host: its URL, else its canonical or og:url, else its commonest link host."""
    url = meta.get("url") if meta.get("url") not in (None, "None") else ""
    if not url:
        tag = _CANON.search(html)
        hit = _HREF.search(tag.group(0)) if tag else None
        url = hit.group(1) if hit else ""
    if not url:
        hosts = Counter(urlparse(u).netloc for u in _HREF.findall(html))
        url = "http://" + hosts.most_common(1)[0][0] if hosts else ""
    return urlparse(url).netloc.removeprefix("www.") or "?"


_HEADER = re.compile(
    r"^(by|posted|published|updated|submitted|written)\b|\b(19|20)\d\d\b|"
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d", re.I)


def _kind(b: dict, place: str, title: str) -> str:
    """A missed block's class: a header line (headline, dateline, byline: what the metadata
    takes), or by where it lies against the kept body blocks."""
    words = b["text"].split()
    same_title = bool(title) and _WORD.findall(title.lower())[:8] == \
        _WORD.findall(b["text"].lower())[:8]
    if b["verdict"] == "metadata" or same_title or (
            place == "head" and len(words) <= 25 and _HEADER.search(b["text"])):
        return "header line (headline/dateline/byline)"
    return {"head": "above the story", "in": "inside the story",
            "tail": "below the story"}[place]


REST = "rest (edges, text in no block)"


def _tally() -> dict:
    return defaultdict(lambda: {"words": 0, "blocks": 0, "share": 0.0, "pages": set(),
                                "sites": set()})


def census(run: Path, corpus: Path, max_recall: float = 0.9) -> dict:
    """The missed gold blocks of the set's tune pages under ``max_recall`` in ``run``:
    ``rules`` and ``classes`` (key → words, blocks, page-shares, pages, sites) and ``pages``
    (one tuple per page: recall lost, id, site, gold words, words missed, shingles no missed
    block holds, and its missed blocks)."""
    from convert.inspect import inspect_page
    name = corpus.name
    rows = [json.loads(line) for line in run.open()]
    rows = [r for r in rows if r["set"] == name and r["kind"] == "html" and
            r["tool"] == "decruft" and r["split"] == "tune" and r.get("r") is not None]
    low = sorted((r for r in rows if r["r"] < max_recall), key=lambda r: r["r"])
    out = {"set": name, "tune_pages": len(rows), "low": len(low), "max_recall": max_recall,
           "lost_low": sum(1 - r["r"] for r in low), "lost_all": sum(1 - r["r"] for r in rows),
           "rules": _tally(), "classes": _tally(), "pages": []}
    for r in low:
        html = corpus / f"{r['id']}.html"
        gold_meta = json.loads((corpus / f"{r['id']}.json").read_text())
        gold = _WORD.findall(gold_meta.get("gold_text") or "")
        ours = _WORD.findall(r.get("text") or "")
        gpool, opool = _shingles(gold), _shingles(ours)
        gjoin, ojoin = f" {' '.join(gold)} ", f" {' '.join(ours)} "
        blocks = inspect_page(str(html))["blocks"]
        site = _site(gold_meta, html.read_text(errors="replace"))
        # the gold shingles the output lacks (the scorer's FN); each missed block takes its
        # own from them, so the shares of a page sum to its recall loss
        fn = gpool - opool
        total = max(sum(gpool.values()), 1)
        kept = [i for i, b in enumerate(blocks) if b["verdict"] in ("body", "figure")]
        missed = []
        for at, b in enumerate(blocks):
            toks = _WORD.findall(b["text"])
            if not toks or _share_in(toks, gpool, gjoin) < 0.5 or \
                    _share_in(toks, opool, ojoin) >= 0.5:
                continue
            mine = _shingles(toks) & fn
            fn -= mine
            place = "head" if not kept or at < kept[0] else "tail" if at > kept[-1] else "in"
            kind = _kind(b, place, r.get("title") or "")
            for table, key in ((out["rules"], f"{b['verdict']}:{b['rule']}"),
                               (out["classes"], kind)):
                _add(table[key], len(toks), sum(mine.values()) / total, r["id"], site)
            missed.append((f"{b['verdict']}:{b['rule']}", len(toks), b, kind.split()[0]))
        # what no missed block holds: shingles across a missed block's edges, text of kept
        # blocks the output words differently, and text no block of the page holds
        absent = sum(fn.values())
        if absent:
            _add(out["rules"][REST], absent, absent / total, r["id"], site, blocks=0)
        out["pages"].append((1 - r["r"], r["id"], site, len(gold),
                             sum(m[1] for m in missed), absent, missed))
    return out


def _add(row: dict, words: int, share: float, page: str, site: str, blocks: int = 1) -> None:
    row["words"] += words
    row["blocks"] += blocks
    row["share"] += share
    row["pages"].add(page)
    row["sites"].add(site)


def report(c: dict, pages: int = 40) -> str:
    """The census as text: the rule table, the class table, then the pages losing most."""
    lines = [f"{c['set']}: {c['tune_pages']} tune pages, {c['low']} with recall < "
             f"{c['max_recall']}; recall lost on them {c['lost_low']:.2f} page-shares (all tune "
             f"pages {c['lost_all']:.2f})", "",
             f"{'verdict:rule':34} {'words':>7} {'blocks':>6} {'pages':>5} {'sites':>5} "
             f"{'shares':>6}"]
    for key, row in sorted(c["rules"].items(), key=lambda kv: -kv[1]["share"]):
        lines.append(f"{key:34} {row['words']:7} {row['blocks']:6} {len(row['pages']):5} "
                     f"{len(row['sites']):5} {row['share']:6.2f}")
    lines += ["", f"{'class':40} {'words':>7} {'pages':>5} {'sites':>5} {'shares':>6}"]
    for key, row in sorted(c["classes"].items(), key=lambda kv: -kv[1]["share"]):
        lines.append(f"{key:40} {row['words']:7} {len(row['pages']):5} "
                     f"{len(row['sites']):5} {row['share']:6.2f}")
    lines.append("")
    for loss, pid, site, gwords, lost, absent, missed in sorted(c["pages"], reverse=True)[:pages]:
        lines.append(f"== {pid} ({site}) recall lost {loss:.3f}; gold {gwords} words; missed "
                     f"blocks {lost} words; shingles no missed block holds {absent}")
        for key, n, b, kind in missed:
            lines.append(f"   {kind:7} {key:28} {n:4}w <{b['tag']}> #{b['element']} "
                         f"{b['text'][:110]!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--max-recall", type=float, default=0.9)
    ap.add_argument("--pages", type=int, default=40)
    a = ap.parse_args(argv)
    print(report(census(a.run, a.corpus, a.max_recall), a.pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
