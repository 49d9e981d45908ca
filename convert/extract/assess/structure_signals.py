"""Signals of a page's structure: repeated cards, repeated dated entries, prose, code, links.

A listing or a category grid is a run of look-alike cards (a linked heading or a linked
picture each, at the same place in the same wrapper); a forum thread is a run of dated posts;
an article or a documentation page is long paragraphs, the latter with code; a landing page
is short paragraphs under many headings. Each is counted with a few C-level queries on the
untouched parse and short Python loops over the matched elements only (headings, paragraphs,
``<time>``, preformatted blocks): never a walk over the whole tree.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..peek import holds_link

__all__ = ["structure_signals"]

#: Elements at most this many are read per query (a page of 20 000 links costs no more).
MAX_NODES = 600
#: A run of at least this many look-alike elements is a repeated structure.
MIN_RUN = 3
#: At most this many ``nav`` / ``aside`` elements are measured.
MAX_MENUS = 40
#: How many ancestors make an element's place (its "signature").
SIGNATURE_DEPTH = 3
#: A paragraph of at least this many characters is long prose.
LONG_PARAGRAPH = 150
#: A paragraph of at least this many characters counts in a run of prose.
PROSE = 80


def _log(n: float) -> float:
    return math.log1p(n)


def _signature(node: LexborNode) -> tuple:
    """The element's tag and class and those of its nearest ancestors: look-alike cards
    share it, whatever their text."""
    sig = []
    for _ in range(SIGNATURE_DEPTH + 1):
        if node is None:
            break
        sig.append((node.tag, node.attributes.get("class")))
        node = node.parent
    return tuple(sig)


def _runs(nodes: Iterable[LexborNode]) -> tuple[int, int]:
    """(groups, members): how many signatures repeat at least :data:`MIN_RUN` times, and
    how many elements those groups hold."""
    counts = Counter(_signature(n) for n in nodes)
    runs = [n for n in counts.values() if n >= MIN_RUN]
    return len(runs), sum(runs)


def _linked(heading: LexborNode) -> bool:
    """Whether a heading is a link or holds one (a card's title)."""
    if holds_link(heading):
        return True
    parent = heading.parent
    for _ in range(2):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


#: The elements :func:`structure_signals` reads, by tag: the kind of list each goes in.
_KINDS = {"h2": "head", "h3": "head", "h4": "head", "h5": "head", "time": "time", "p": "p",
          "pre": "pre", "nav": "menu", "aside": "menu", "script": "unseen", "style": "unseen",
          "noscript": "unseen", "template": "unseen", "a": "link", "img": "linked_img"}
#: (``unseen``: the elements whose text the page's visible text leaves out, for
#: :func:`.html_signals.page_text_chars`; ``link``: the links, ``linked_img``: the pictures
#: inside a link. Every kind's elements have tags no other kind's have, so each element the
#: one walk finds goes to the kind of its tag.)
_QUERIES = {"head": "h2, h3, h4, h5", "time": "time", "p": "p", "pre": "pre",
            "menu": "nav, aside", "unseen": "script, style, noscript, template",
            "link": "a[href]", "linked_img": "a img"}
_SELECTOR = ", ".join(_QUERIES.values())


def elements(body: LexborNode) -> dict[str, list[LexborNode]]:
    """The body's headings, ``<time>``, paragraphs, ``<pre>``, menus, never-shown elements
    (scripts, styles), links and linked pictures, each kind in document order
    (``body.css(_QUERIES[kind])``): one selector walk of the page instead of one per kind."""
    found: dict[str, list[LexborNode]] = {kind: [] for kind in _QUERIES}
    for el in body.css(_SELECTOR):
        kind = _KINDS.get(el.tag)
        if kind is None:  # (a name the type selector matched otherwise: one query per kind)
            return {kind: body.css(query) for kind, query in _QUERIES.items()}
        found[kind].append(el)
    return found


def structure_signals(tree: LexborHTMLParser, page_chars: int,
                      found: dict[str, list[LexborNode]] | None = None) -> dict[str, float]:
    """``card:*``, ``entry:*``, ``para:*``, ``code:*`` and ``link:*`` signals of the page
    (``page_chars``: its visible text, for shares; ``found``: :func:`elements` of its body,
    when the caller has them)."""
    out: dict[str, float] = {}
    body = tree.body
    if body is None:
        return out
    if found is None:
        found = elements(body)
    headings = found["head"][:MAX_NODES]
    linked = [h for h in headings if _linked(h)]
    if headings:
        out["head:count"] = _log(len(headings))
        out["head:linked_share"] = len(linked) / len(headings)
    if linked:
        out["head:linked"] = _log(len(linked))
        groups, members = _runs(linked)
        if groups:
            out["card:groups"] = _log(groups)
            out["card:items"] = _log(members)
    pictures = [img.parent for img in found["linked_img"][:MAX_NODES] if img.parent is not None]
    if pictures:
        groups, members = _runs(pictures)
        if groups:
            out["card:pictures"] = _log(members)
    times = found["time"][:MAX_NODES]
    if times:
        groups, members = _runs(times)
        if groups:
            out["entry:dated"] = _log(members)

    paragraphs = found["p"][:MAX_NODES]
    lengths = [len(p.text(deep=True).strip()) for p in paragraphs]
    long = [n for n in lengths if n >= LONG_PARAGRAPH]
    # The longest run of prose paragraphs side by side (one parent): an article's body is
    # one, a landing page's sections and a listing's summaries are many short ones.
    runs: Counter[int] = Counter()
    chars: Counter[int] = Counter()
    for p, n in zip(paragraphs, lengths):
        if n >= PROSE and p.parent is not None:
            key = p.parent.mem_id
            runs[key] += 1
            chars[key] += n
    if runs:
        best = max(runs, key=chars.__getitem__)
        out["para:run"] = _log(runs[best])
        out["para:run_share"] = runs[best] / sum(runs.values())
        if page_chars:
            out["para:run_text"] = min(chars[best] / page_chars, 1.0)
    if long:
        out["para:long"] = _log(len(long))
        out["para:long_chars"] = _log(sum(long))
    if lengths:
        out["para:short_share"] = sum(1 for n in lengths if 0 < n < 60) / len(lengths)
    if headings:
        out["para:per_heading"] = _log(len(long) / len(headings))

    if page_chars:
        code = sum(len(n.text(deep=True)) for n in found["pre"][:MAX_NODES])
        if code:
            out["code:share"] = min(code / page_chars, 1.0)
        anchors = found["link"]
        if anchors:
            linked_chars = sum(len(a.text(deep=True).strip()) for a in anchors[:MAX_NODES * 4])
            out["link:share"] = min(linked_chars / page_chars, 1.0)
    # The biggest navigation block: documentation has a sidebar of hundreds of links.
    menus = [len(n.css("a[href]")) for n in found["menu"][:MAX_MENUS]]
    if menus and max(menus):
        out["nav:links"] = _log(max(menus))
    # (``a[href^="#"]``, read off the links found already instead of another walk of the
    # page: "#" has no case, so the selector's attribute rules answer as startswith does)
    in_page = sum(1 for a in found["link"] if (a.attrs.get("href") or "").startswith("#"))
    if in_page:
        out["link:in_page"] = _log(in_page)
    if tree.css_first('link[rel="next"], a[rel="next"]') is not None:
        out["rel:next"] = 1.0
    if body.css_first('input[type="search"], form[role="search"]') is not None:
        out["form:search"] = 1.0
    return out
