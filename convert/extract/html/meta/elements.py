"""The elements of a page that the metadata readers (and the pipeline's ``<base href>``) look
up in the whole document: JSON-LD scripts, ``<meta>``, ``<h1>``, ``<base href>``, the
canonical link and ``<time datetime>``, found in one selector walk of the page instead of one
walk each (each walk visits every element of the page, the cost of a walk hardly depends on
how many selectors it tries)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["QUERIES", "page_elements"]

#: The selector of each kind of element, by the tag its elements have: every kind has a tag
#: of its own, so each element the one walk finds goes to the kind of its tag.
QUERIES = {"script": 'script[type="application/ld+json"]', "meta": "meta", "h1": "h1",
           "base": "base[href]", "link": 'link[rel="canonical"]', "time": "time[datetime]"}
_SELECTOR = ", ".join(QUERIES.values())


def page_elements(tree: LexborHTMLParser) -> dict[str, list[LexborNode]]:
    """Each kind's elements, in document order: ``tree.css(QUERIES[kind])`` for every kind."""
    found: dict[str, list[LexborNode]] = {kind: [] for kind in QUERIES}
    for el in tree.css(_SELECTOR):
        kind = found.get(el.tag)
        if kind is None:  # (a name the type selector matched otherwise: one query per kind)
            return {kind: tree.css(query) for kind, query in QUERIES.items()}
        kind.append(el)
    return found
