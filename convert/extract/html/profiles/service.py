"""Service and landing pages: every content section of the page, not one.

A landing page is a stack of headed sections (the offer, the features, how it works, the
prices, the questions), none outscoring the others, so the generic cascade keeps the one
with the most prose. In the strict pass's tree the page's chrome (navigation, header, footer,
asides, cookie and newsletter blocks) is already gone, so the service profile widens the
winner to its highest ancestor that is still mostly free of links: the page's sections
together.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..dom import children
from ..measure import link_density, text_len

__all__ = ["widen", "sections", "SERVICE_PROFILE"]

SERVICE_PROFILE = rule("service_profile", "on a service or landing page the strict winner "
                       "widens to its highest nearly link-free ancestor (all the sections)")
BODY_SECTIONS = rule("service_body_sections", "on a service page whose sections sit directly "
                     "in the body, the winner's section is joined by the body's other sections "
                     "(text blocks that are not lists of short links)")

#: An ancestor joins the content only while at most this share of its text is links
#: (section lists of a footer-like block are links).
MAX_LINK_DENSITY = 0.3
#: The wider region replaces the winner only when it holds this many times its text.
WIDEN_FACTOR = 1.3
#: A section of the body has at least this many visible characters (less: a loose line, a
#: banner, a button)...
MIN_SECTION_CHARS = 150
#: ...and at most this share of it in short links (see :data:`LONG_LINK_WORDS`).
MAX_SECTION_LINKS = 0.3
#: A link with this many words is a card (a title and its description), not navigation: its
#: text counts as the section's own.
LONG_LINK_WORDS = 8


def widen(nodes: list[LexborNode]) -> LexborNode | None:
    """The highest nearly link-free ancestor of the winner ``nodes`` (in the pruned tree of
    the strict pass) holding clearly more text, or ``None``. Never the ``<body>``: what the
    pruning left directly in it (a site header's address line, a loose banner) belongs to no
    section."""
    if not nodes:
        return None
    length = sum(text_len(n) for n in nodes)
    best: LexborNode | None = None
    best_len = 0
    up = nodes[0].parent
    while up is not None and up.tag not in ("body", "html"):
        n = text_len(up)
        if n and link_density(up, n) <= MAX_LINK_DENSITY:
            best, best_len = up, n
        up = up.parent
    if best is None or best_len < WIDEN_FACTOR * max(length, 1):
        return None
    return best


def _short_link_share(node: LexborNode, length: int) -> float:
    """Share of the element's visible characters in links of fewer than
    :data:`LONG_LINK_WORDS` words."""
    links = 0
    for a in node.css("a"):
        text = a.text(deep=True)
        if len(text.split()) < LONG_LINK_WORDS:
            links += text_len(a)
    return links / length if length else 0.0


def sections(nodes: list[LexborNode]) -> list[LexborNode]:
    """The content sections of a page whose sections are the body's children (in the pruned
    tree of the strict pass, where chrome is gone): the children holding
    :data:`MIN_SECTION_CHARS` or more, mostly not in short links, in page order, when the
    winner ``nodes`` lie in one of them and at least one more is there; else ``[]``."""
    if not BODY_SECTIONS or not nodes:
        return []
    top = nodes[0]
    while top.parent is not None and top.parent.tag not in ("body", "html"):
        top = top.parent
    body = top.parent
    if body is None or body.tag != "body":
        return []
    out: list[LexborNode] = []
    for child in children(body):
        n = text_len(child)
        if n >= MIN_SECTION_CHARS and _short_link_share(child, n) <= MAX_SECTION_LINKS:
            out.append(child)
    if len(out) < 2 or not any(c.mem_id == top.mem_id for c in out):
        return []
    return out
