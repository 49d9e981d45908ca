"""From a :class:`convert.extract.record.Recorder` to the inspect report's data (plain JSON).

The report lists the page's text blocks in document order with a verdict each:

- ``body``: kept as article text;
- ``figure``: kept as a figure or its caption;
- ``metadata``: moved to a metadata field (title, subtitle, authors, published);
- ``dropped``: removed, by the rule named in ``rule``.

A *text block* is an element of the cascade's markup that holds text of its own (text nodes
as children, or inside inline elements such as ``<a>`` or ``<em>``); its text is that own text,
so every visible character of the page belongs to exactly one block. Verdicts come from the
recorded decisions of the pass the cascade chose: the nearest removed ancestor-or-self names
the rule; a block outside the winning nodes is ``outside_winner``; a block the tidy step
dropped or moved is matched by its words.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article
from convert.extract.html.dom import word_key
from convert.extract.record import Recorder, element_index

#: Version of the report's JSON (``docs/inspect.schema.json``); bumped on incompatible change.
VERSION = 1

VERDICTS = ("body", "figure", "metadata", "dropped")

_INLINE = frozenset({
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
    "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    "wbr", "br", "strike", "tt", "big", "label", "del", "ins", "nobr"})
_SKIP = frozenset({"head", "script", "style", "template", "noscript", "svg", "math", "iframe",
                   "object", "textarea", "select", "button", "-comment"})
_FIGURE = frozenset({"figure", "figcaption", "picture"})
#: Metadata fields a block's words can be moved to, and the longest such block.
_MOVED_FIELDS = ("title", "headline", "subtitle")
_BYLINE_MAX_CHARS = 160


def html_blocks(rec: Recorder, article: Article | None) -> list[dict[str, Any]]:
    """The text blocks of the recorded HTML page, in document order, with their verdicts."""
    if rec.html is None:
        return []
    tree = LexborHTMLParser(rec.html)
    if tree.root is None or tree.body is None:
        return []
    index = element_index(tree.root)
    chosen = next((p for p in rec.passes if p["name"] == rec.chosen), None)
    drops: dict[int, dict[str, Any]] = chosen["drops"] if chosen else {}
    winner = set(chosen["winner"]) if chosen else set()
    moved = {word_key(d["text"]): d for d in rec.block_drops}
    kept_keys, article_key = _article_keys(article)
    meta_keys = _meta_keys(rec)

    out: list[dict[str, Any]] = []
    for node in tree.body.traverse():
        tag = node.tag or "-"
        if tag in _INLINE or tag in _SKIP or tag.startswith("-") or _skipped(node):
            continue
        text = " ".join(_own_text(node).split())
        if not text:
            continue
        at = index.get(node.mem_id, -1)
        block: dict[str, Any] = {"element": at, "tag": tag, "text": text}
        block.update(_verdict(node, index, drops, winner, moved, kept_keys, article_key,
                              meta_keys, text))
        out.append(block)
    return out


def _skipped(node: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if (parent.tag or "") in _SKIP:
            return True
        parent = parent.parent
    return False


def _own_text(node: Any) -> str:
    """The text of ``node``'s text children and of its inline descendants."""
    parts: list[str] = []
    child = node.child
    stack = []
    while child is not None:
        stack.append(child)
        child = child.next
    stack.reverse()
    while stack:
        kid = stack.pop()
        tag = kid.tag or "-"
        if kid.is_text_node:
            parts.append(kid.text_content or "")
        elif tag in _INLINE:
            if tag == "br":
                parts.append(" ")
            grand = kid.child
            kids = []
            while grand is not None:
                kids.append(grand)
                grand = grand.next
            stack.extend(reversed(kids))
    return "".join(parts)


def _article_keys(article: Article | None) -> tuple[set[str], str]:
    if article is None:
        return set(), ""
    from convert.textutil import block_texts
    from convert.jsonio import to_data
    texts = list(block_texts(article.blocks))
    # (Captions, cells and alt texts too: every string the article holds.)
    stack: list[Any] = [to_data(article.blocks)]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) > 1:
            texts.append(item)
    return {word_key(t) for t in texts}, " " + " ".join(word_key(t) for t in texts) + " "


def _meta_keys(rec: Recorder) -> dict[str, tuple[str, str]]:
    """Word key of a chosen metadata value → (field, rule)."""
    out: dict[str, tuple[str, str]] = {}
    for field in _MOVED_FIELDS:
        info = rec.meta.get(field)
        if info and info.get("value"):
            out.setdefault(word_key(info["value"]), (field, info["rule"]))
    return out


def _verdict(node: Any, index: dict[int, int], drops: dict, winner: set[int],
             moved: dict, kept_keys: set[str], article_key: str,
             meta_keys: dict, text: str) -> dict[str, Any]:
    key = word_key(text)
    dropped_by = None
    in_winner = False
    in_figure = False
    up = node
    while up is not None:
        at = index.get(up.mem_id, -1)
        if dropped_by is None and at in drops:
            dropped_by = {**drops[at], "by": at}
        if at in winner:
            in_winner = True
        if (up.tag or "") in _FIGURE:
            in_figure = True
        up = up.parent
    if key in moved and in_winner and dropped_by is None:
        d = moved[key]
        if d["field"]:
            return {"verdict": "metadata", "rule": d["rule"], "field": d["field"]}
        return {"verdict": "dropped", "rule": d["rule"]}
    if dropped_by is None and in_winner:
        if key in kept_keys or key and f" {key} " in article_key:
            return {"verdict": "figure" if in_figure else "body",
                    "rule": "figure" if in_figure else "winner"}
        return {"verdict": "dropped", "rule": "builder"}
    meta = _moved_to_meta(key, text, meta_keys)
    if meta is not None:
        return meta
    if dropped_by is not None:
        return {"verdict": "dropped", "rule": dropped_by["rule"], "by": dropped_by["by"],
                "scores": dropped_by["scores"]}
    return {"verdict": "dropped", "rule": "outside_winner"}


def _moved_to_meta(key: str, text: str, meta_keys: dict) -> dict[str, Any] | None:
    hit = meta_keys.get(key)
    if hit is not None:
        return {"verdict": "metadata", "rule": hit[1], "field": hit[0]}
    return None


def line_blocks(rec: Recorder) -> list[dict[str, Any]]:
    """A text dump's lines as report blocks (class → verdict)."""
    out = []
    for line in rec.lines:
        cls = line["class"]
        verdict = ("body" if cls in ("article", "heading", "list", "code") else
                   "figure" if cls in ("caption", "credit") else
                   "metadata" if cls in ("title", "dateline", "byline", "standfirst") else
                   "dropped")
        out.append({"element": line["index"], "tag": "line", "text": line["text"],
                    "verdict": verdict, "rule": line["rule"], "class": cls,
                    "scores": line.get("scores") or {}})
    return out


def build(rec: Recorder, article: Article | None, *, location: str | None, kind: str,
          size: int, seconds: float, error: str | None = None) -> dict[str, Any]:
    """The report's data: versioned, JSON-serialisable (``docs/inspect.schema.json``)."""
    from convert import __version__
    from convert.jsonio import to_envelope
    blocks = html_blocks(rec, article) if kind == "html" else line_blocks(rec)
    if kind == "html":
        _mark_visible_meta(rec, blocks)
    counts: dict[str, Any] = {"blocks": len(blocks)}
    for verdict in VERDICTS:
        picked = [b for b in blocks if b["verdict"] == verdict]
        counts[verdict] = len(picked)
        counts[verdict + "_chars"] = sum(len(b["text"]) for b in picked)
    rules: dict[str, int] = {}
    for b in blocks:
        if b["verdict"] != "body":
            rules[b["rule"]] = rules.get(b["rule"], 0) + 1
    counts["by_rule"] = dict(sorted(rules.items(), key=lambda kv: -kv[1]))
    passes = [{
        **{k: v for k, v in p.items() if k != "drops"},
        "dropped": [{"element": at, **d} for at, d in sorted(p["drops"].items())],
    } for p in rec.passes]
    return {
        "format": "decruft-inspect",
        "version": VERSION,
        "decruft": __version__,
        "input": {"location": location, "kind": kind, "bytes": size},
        "error": error,
        "timings": {"extract_seconds": round(seconds, 6),
                    "passes": {p["name"]: p.get("seconds", 0.0) for p in rec.passes}},
        "counts": counts,
        "blocks": blocks,
        "cascade": {"page_chars": rec.page_chars, "chosen": rec.chosen, "passes": passes},
        "metadata": rec.meta,
        # The page type and confidence, with the signals behind each (null when the page
        # was refused before they were judged).
        "assessment": rec.assessment,
        "notes": rec.notes,
        "article": to_envelope(article) if article is not None else None,
    }


def _mark_visible_meta(rec: Recorder, blocks: list[dict[str, Any]]) -> None:
    """A dropped short block that is the chosen byline or dateline's source is moved to
    metadata (the byline and date readers look at the whole page, not the winner)."""
    authors = rec.meta.get("authors") or {}
    names = [word_key(c["value"]) for c in authors.get("candidates", ())
             if c.get("chosen") and c["source"] == "visible"]
    published = rec.meta.get("published") or {}
    shown = [word_key(c["value"]) for c in published.get("candidates", ())
             if c.get("chosen") and c["source"] == "visible"]
    for b in blocks:
        if b["verdict"] != "dropped" or len(b["text"]) > _BYLINE_MAX_CHARS:
            continue
        key = word_key(b["text"])
        if any(n and n in key for n in names):
            b.update(verdict="metadata", rule="visible_byline", field="authors")
        elif any(s and s in key for s in shown):
            b.update(verdict="metadata", rule="visible_date", field="published")
