"""Pruning before scoring: never-content elements, hidden elements and (by level) chrome."""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P
from .dom import is_hidden
from .measure import LOOSE, RELAXED, label, text_len


def prune(tree: LexborHTMLParser, level: int) -> None:
    """Remove never-content elements, hidden ones and (by pass level) page chrome."""
    tree.strip_tags(list(P.DROP_TAGS - {"-comment", "head", "title", "meta", "link", "base"}))
    body = tree.body
    if body is None:
        return
    doomed: list[LexborNode] = []
    body_len = text_len(body) or 1
    for node in body.traverse():
        tag = node.tag or "-"
        if tag == "-comment":
            doomed.append(node)
            continue
        if tag.startswith("-") or tag in ("body", "html"):
            continue
        if is_hidden(node):
            # Streaming-rendered pages (React's <div hidden id="S:0">, a body faded in with
            # visibility:hidden) hide the article until a script reveals it: a "hidden"
            # element holding most of the page's text is the page.
            if P.STREAMED_ID.match(node.attributes.get("id") or ""):
                continue
            if node.child is None or text_len(node) < 0.5 * body_len:
                doomed.append(node)
            continue
        if level >= LOOSE:
            continue
        role = (node.attributes.get("role") or "").lower()
        if tag in P.CHROME_TAGS or role in P.CHROME_ROLES or (
                tag == "header" and _outside_article(node)):
            doomed.append(node)
            continue
        if level >= RELAXED or tag in ("a", "article", "main", "table", "tbody", "tr", "td",
                                       "th", "p", "code", "pre", "figure", "img"):
            continue
        words = label(node)
        if words and _unlikely(words):
            # A wrapper misnamed "...-sidebar-layout" can hold the whole article: keep it
            # (a list cannot be that wrapper).
            if tag in ("ul", "ol", "dl") or text_len(node) < 0.5 * body_len:
                doomed.append(node)
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already removed with an ancestor
            pass


@lru_cache(maxsize=4096)
def _unlikely(label: str) -> bool:
    return bool(P.UNLIKELY.search(label)) and not P.POSITIVE.search(label)


def _outside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return False
        parent = parent.parent
    return True
