"""Cheap answers to "does this element hold a ...?" for small elements.

``node.css_first(q) is not None`` costs a selector parse and search each call; for an element
of a dozen nodes a look at them is several times cheaper. Shared by the HTML passes
(:mod:`.html.cleaning`, :mod:`.html.prune`, the listing profile) and the page signals of :mod:`.assess`, which cannot import
the html package (it imports them).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode


#: Elements :func:`holds_tag` looks at itself before asking the selector engine.
PEEK = 12


def holds_tag(node: LexborNode, tag: str) -> bool:
    """``node.css_first(tag) is not None`` for a plain tag name (the node itself counts): a
    small element's few elements are looked at here (a selector search costs several times
    more, most of it parsing the selector); a bigger one is asked of the selector."""
    seen = 0
    for el in node.traverse():
        if el.tag == tag:
            return True
        seen += 1
        if seen > PEEK:
            return node.css_first(tag) is not None
    return False


def holds_link(node: LexborNode) -> bool:
    """``node.css_first("a[href]") is not None`` (the node itself counts), answered for a
    small element by a look at its few elements (a selector search costs several times more):
    no ``<a>`` in it holds none, an ``<a>`` with an ``href`` is one. The selector is asked
    otherwise (a big element, or an ``<a>`` without ``href``: an SVG link's ``xlink:href``
    matches ``[href]`` too)."""
    seen = 0
    for el in node.traverse():
        if el.tag == "a":
            if "href" in el.attrs:
                return True
            break
        seen += 1
        if seen > PEEK:
            break
    else:
        return False
    return node.css_first("a[href]") is not None
