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

from ..measure import link_density, text_len

__all__ = ["widen", "SERVICE_PROFILE"]

SERVICE_PROFILE = rule("service_profile", "on a service or landing page the strict winner "
                       "widens to its highest nearly link-free ancestor (all the sections)")

#: An ancestor joins the content only while at most this share of its text is links
#: (section lists of a footer-like block are links).
MAX_LINK_DENSITY = 0.3
#: The wider region replaces the winner only when it holds this many times its text.
WIDEN_FACTOR = 1.3


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
