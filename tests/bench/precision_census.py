"""Where decruft's HTML extraction keeps text the gold leaves out on article pages: a
precision census (the mirror image of :mod:`.recall_census`).

    python -m tests.bench.precision_census RUN.jsonl CORPUS_DIR [CORPUS_DIR ...]
        [--max-precision 0.95] [--type article] [--pages 30] [--class NAME]

RUN.jsonl is a ``tests.bench.run --save`` run. For every *tune* page of each set (in the wcxb
sets only pages whose gold ``page_type`` is ``--type``; readability and dragnet are all
article pages) the page is re-extracted with the recorder on (what ``decruft inspect``
shows) and each *kept* text block (verdict body or figure) is judged against the page's gold
text by 4-shingles: an *extra* block has under half its shingles in the gold (a block of under
four words: its words do not run inside the gold). Each kept block gets a *shape class* from
its text, tag, the class/id words of its ancestors, its link share and its place against the
gold blocks of the output (above the first, inside, below the last): kicker, breadcrumb,
reading time, ad label, image credit, caption, pull quote repeating the body, inline "Read
more", related list, share/comment prompt, tag list, newsletter box, author bio, correction or
editor's note, disclaimer, footnote-like box, and a rest by place.

Two tables come out. **Extra** (pages with precision under ``--max-precision``): per class the
extra words, pages, distinct sites and page-shares (the extra shingles a class's blocks hold
over the page's output shingles, summed over pages: what the corpus precision loses to it,
times the number of pages). **Gold keeps** (every tune page of the type): per class the
blocks of that shape the output keeps and the share of them the gold keeps too — a class the
golds keep half the time is a convention, not a defect. ``--class NAME`` lists that class's
blocks (kept and extra) with page ids for reading in ``decruft inspect``. Check pages are never
read (sealed split).

The shape tests are heuristics of this census, not extraction rules; a class row says what the
output holds, the rule that acts on it is argued separately. Two caveats when reading the gold
column: the rows named by place alone (``other above``/``below``, ``link-only line (head)``,
``heading (tail)``...) keep 0 % by construction (the place is measured against the gold
blocks), and a block is "kept by the gold" when its shingles are there at all, so a second copy
of a gold sentence (a pull quote, a table of contents' item) reads as kept: count copies
(output against gold) for those. Record: see the end of
``tests/bench/dragnet-precision.md`` (r-prec12).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from .recall_census import _WORD, _share_in, _shingles, _site

_ARTICLE_SETS = {"readability", "dragnet"}

_T = re.IGNORECASE
_SHAPES: list[tuple[str, re.Pattern, re.Pattern | None]] = [
    # (class, text test, ancestor class/id test) — first match wins; text tests on the block's
    # own text, ancestor tests on the class/id words of the block's ancestors
    ("reading time", re.compile(r"^\W*\d+\s*(min|minute)s?\b.{0,12}read\b\W*$|^reading time", _T),
     None),
    ("ad label", re.compile(r"^\W*(advertisement|advertising|sponsored( content)?|ad|"
                            r"story continues below( advertisement)?|continue reading below|"
                            r"article continues (below|after)( this)?( advertisement| ad)?)\W*$",
                            _T), None),
    ("image credit", re.compile(r"^\W*(photo|image|picture|photograph|illustration|credit|"
                                r"photo credit|image credit|source|via)s?\s*(by)?\s*:|"
                                r"\((photo|image|credit)[^)]*\)\s*$|^(getty images|ap photo|"
                                r"reuters|shutterstock)\b", _T), None),
    ("inline read-more", re.compile(r"^\W*(read more|also read|read also|see also|related|"
                                    r"more|read|watch|listen|recommended|don'?t miss|"
                                    r"more on this|further reading|read next)\s*[:>»|-]", _T),
     None),
    ("tag list", re.compile(r"^\W*(tags?|tagged( with)?|filed under|categor(y|ies)|topics?|"
                            r"posted in|keywords)\s*:?", _T), re.compile(r"\btags?\b", _T)),
    ("correction / editor's note", re.compile(
        r"^\W*(correction|clarification|editor'?s note|update[sd]?\b.{0,30}:|"
        r"this (article|story|post) (was|has been) (updated|corrected|amended)|"
        r"an earlier version of this)", _T), None),
    ("disclaimer", re.compile(r"\b(disclaimer|disclosure|affiliate (links?|commission)|"
                              r"we may earn|views expressed|opinions expressed|"
                              r"does not (necessarily )?reflect|not (be )?(construed|intended) "
                              r"as (financial|legal|medical|investment))", _T), None),
    ("newsletter box", re.compile(r"\b(newsletter|sign up|subscribe|inbox|email address|"
                                  r"e-mail address)\b", _T), re.compile(r"newsletter|signup|"
                                                                        r"subscribe", _T)),
    ("share / comment prompt", re.compile(r"\b(share (this|on|via)|tweet|facebook|twitter|"
                                          r"leave a (comment|reply)|comments?\b.{0,20}(below|"
                                          r"closed)|join the (conversation|discussion)|"
                                          r"follow (us|me))\b|^\W*\d*\s*comments?\W*$", _T),
     re.compile(r"share|social|comment", _T)),
    ("author bio", re.compile(r"^\W*(about the author|about [A-Z]\w+ [A-Z]\w+$)|"
                              r"\b(is an? ([\w-]+ ){0,3}(writer|reporter|editor|journalist|"
                              r"correspondent|columnist|contributor|author|freelancer|"
                              r"blogger))\b|\b(follow (him|her|them) on|can be reached at|"
                              r"writes about)\b", _T), re.compile(r"author|bio\b|byline", _T)),
    ("related list", re.compile(r"^\W*(related( (articles|stories|posts|content|coverage))?|"
                                r"more (from|stories|on|like this|in)|you (may|might) (also )?"
                                r"(like|enjoy|be interested)|recommended|popular|trending|"
                                r"most (read|popular)|read next|up next|what to read next)\b",
                                _T), re.compile(r"related|recommend|more-stories|popular|"
                                                r"trending|also-read|read-next", _T)),
    ("footnote-like box", None, re.compile(r"footnote|endnote|sidebar|aside|box\b|note\b",
                                           _T)),
]

_HEAD_SHORT = 4          # a line above the story this short is a kicker / section label


def _ancestry(node) -> str:
    words = []
    up = node
    depth = 0
    while up is not None and depth < 12:
        attrs = up.attributes or {}
        words.append(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")
        if (up.tag or "") in ("aside", "footer", "nav"):
            words.append(up.tag)
        up = up.parent
        depth += 1
    return " ".join(words)


def _link_share(node) -> float:
    text = len(" ".join((node.text() or "").split()))
    if not text:
        return 0.0
    linked = sum(len(" ".join((a.text() or "").split())) for a in node.css("a"))
    return min(1.0, linked / text)


def shape(b: dict, node, place: str, body: list[str]) -> str:
    """The shape class of a kept block (``body``: the texts of the page's other kept blocks)."""
    text = b["text"]
    words = text.split()
    anc = _ancestry(node) if node is not None else ""
    if b["verdict"] == "figure" or b["tag"] == "figcaption":
        return "caption / figure text"
    if len(words) >= 6:
        needle = " ".join(_WORD.findall(text.lower()))
        if any(needle in o for o in body):
            return "duplicate (pull quote)"
    if place == "head" and re.search(r"\s[›»>/|]\s", text) and len(words) <= 20:
        return "breadcrumb"
    for name, test, anc_test in _SHAPES:
        if test is not None and test.search(text) and (name != "newsletter box" or
                                                        len(words) <= 60):
            return name
        if anc_test is not None and anc_test.search(anc) and place != "in":
            return name
    if node is not None and _link_share(node) >= 0.8:
        return f"link-only line ({place})"
    if place == "head" and len(words) <= _HEAD_SHORT:
        return "kicker / label (above)"
    if b["tag"] in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return f"heading ({place})"
    return {"head": "other above", "in": "other inside", "tail": "other below"}[place]


def _tally() -> dict:
    return defaultdict(lambda: {"words": 0, "blocks": 0, "share": 0.0, "pages": set(),
                                "sites": set(), "gold": 0, "gold_words": 0, "all_words": 0})


def _pages(run: Path, corpus: Path, page_type: str) -> list[dict]:
    name = corpus.name
    rows = [json.loads(line) for line in run.open()]
    rows = [r for r in rows if r["set"] == name and r["kind"] == "html" and
            r["tool"] == "decruft" and r["split"] == "tune" and r.get("p") is not None]
    if name not in _ARTICLE_SETS:
        rows = [r for r in rows if r.get("page_type") == page_type]
    return rows


def census(run: Path, corpora: list[Path], max_precision: float = 0.95,
           page_type: str = "article") -> dict:
    """Kept blocks of every tune page of the type: ``extra`` (the extra blocks of the pages
    under ``max_precision``, by class) and ``keeps`` (all kept blocks by class, with how many
    the gold holds), and ``listing`` (class → (set, id, site, gold?, words, text))."""
    from convert.extract.record import element_index
    from convert.inspect import inspect_page
    out = {"extra": _tally(), "keeps": _tally(), "listing": defaultdict(list), "sets": {}}
    for corpus in corpora:
        rows = _pages(run, corpus, page_type)
        low = [r for r in rows if r["p"] < max_precision]
        out["sets"][corpus.name] = (len(rows), len(low), sum(1 - r["p"] for r in low))
        for r in rows:
            path = corpus / f"{r['id']}.html"
            meta = json.loads((corpus / f"{r['id']}.json").read_text())
            html = path.read_text(errors="replace")
            site = _site(meta, html)
            gold = _WORD.findall((meta.get("gold_text") or "").lower())
            ours = _WORD.findall((r.get("text") or "").lower())
            gpool, opool = _shingles(gold), _shingles(ours)
            gjoin = f" {' '.join(gold)} "
            extra_pool = opool - gpool        # the scorer's FP shingles
            total = max(sum(opool.values()), 1)
            blocks = inspect_page(str(path))["blocks"]
            tree = LexborHTMLParser(html)
            nodes = {}
            if tree.root is not None:
                back = {at: mem for mem, at in element_index(tree.root).items()}
                for n in tree.root.traverse():
                    nodes[n.mem_id] = n
            else:
                back = {}
            kept = [b for b in blocks if b["verdict"] in ("body", "figure")]
            toks = [_WORD.findall(b["text"].lower()) for b in kept]
            ingold = [bool(t) and _share_in(t, gpool, gjoin) >= 0.5 for t in toks]
            first = next((i for i, g in enumerate(ingold) if g), None)
            last = max((i for i, g in enumerate(ingold) if g), default=None)
            for i, b in enumerate(kept):
                if not toks[i]:
                    continue
                place = "head" if first is None or i < first else "tail" if i > last else "in"
                body = [" ".join(t) for j, t in enumerate(toks) if j != i]
                node = nodes.get(back.get(b["element"], -1))
                cls = shape(b, node, place, body)
                k = out["keeps"][cls]
                k["blocks"] += 1
                k["all_words"] += len(toks[i])
                k["pages"].add((corpus.name, r["id"]))
                k["sites"].add(site)
                if ingold[i]:
                    k["gold"] += 1
                    k["gold_words"] += len(toks[i])
                out["listing"][cls].append((corpus.name, r["id"], site, ingold[i],
                                            len(toks[i]), b["text"]))
                if ingold[i] or r["p"] >= max_precision:
                    continue
                mine = _shingles(toks[i]) & extra_pool
                extra_pool -= mine
                e = out["extra"][cls]
                e["words"] += len(toks[i])
                e["blocks"] += 1
                e["share"] += sum(mine.values()) / total
                e["pages"].add((corpus.name, r["id"]))
                e["sites"].add(site)
    return out


def report(c: dict, show: str | None = None, limit: int = 60) -> str:
    lines = []
    for name, (n, low, lost) in c["sets"].items():
        lines.append(f"{name}: {n} tune pages, {low} under the precision bound, precision lost "
                     f"on them {lost:.2f} page-shares")
    lines += ["", f"{'class':30} {'words':>6} {'pages':>5} {'sites':>5} {'shares':>6} | "
              f"{'kept':>5} {'gold%':>5} {'goldw%':>6}"]
    empty = _tally()[""]
    keys = sorted(set(c["extra"]) | set(c["keeps"]),
                  key=lambda k: -c["extra"].get(k, empty)["share"])
    for key in keys:
        e, k = c["extra"].get(key, empty), c["keeps"].get(key, empty)
        lines.append(f"{key:30} {e['words']:6} {len(e['pages']):5} {len(e['sites']):5} "
                     f"{e['share']:6.2f} | {k['blocks']:5} "
                     f"{100 * k['gold'] / max(k['blocks'], 1):5.0f} "
                     f"{100 * k['gold_words'] / max(k['all_words'], 1):6.0f}")
    if show:
        lines.append("")
        for s, pid, site, g, n, text in c["listing"].get(show, [])[:limit]:
            lines.append(f"{'GOLD ' if g else 'extra'} {s}:{pid} ({site}) {n}w {text[:140]!r}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("corpora", type=Path, nargs="+")
    ap.add_argument("--max-precision", type=float, default=0.95)
    ap.add_argument("--type", default="article")
    ap.add_argument("--class", dest="show")
    ap.add_argument("--limit", type=int, default=60)
    ap.add_argument("--dump", type=Path, help="write the census (pickle) for re-reading")
    ap.add_argument("--load", type=Path, help="report a census --dump wrote (no re-extraction)")
    a = ap.parse_args(argv)
    if a.load:
        import pickle
        c = pickle.loads(a.load.read_bytes())
        print(report(c, a.show, a.limit))
        return 0
    c = census(a.run, a.corpora, a.max_precision, a.type)
    if a.dump:
        import pickle
        c2 = {k: (dict(v) if isinstance(v, defaultdict) else v) for k, v in c.items()}
        a.dump.write_bytes(pickle.dumps(c2))
    print(report(c, a.show, a.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
