"""Signals of where a page's links go and what they say.

A page's links tell its kind as much as its text: a thread links each post's author to a
profile (``/members/…``, ``/u/…``), a news front page links dozens of headlines to dated
article URLs, a category grid links each card to a product page and pages on to page 2,
documentation links chapter after chapter of the same manual. Each link's ``href`` is read
once, against one alternation of literal-led patterns; the link texts are those
:func:`.structure_signals.structure_signals` measured already.
"""

from __future__ import annotations

import math
from typing import Sequence

from ... import regexcache

__all__ = ["link_signals"]

#: At most this many links are read (a page of 20 000 links costs no more).
MAX_LINKS = 2400
#: A link text at least this long reads as a headline or a post title, not a menu entry.
HEADLINE = 30

#: What a link's target says of the page linking to it: the kind whose pattern matches first
#: (leftmost) in its ``href`` (lower case), one alternation searched once per link.
_KINDS = (
    ("user", r"/(?:users?|u|members?|profiles?|people|memberlist)(?:/|\.php|$)|"
             r"member\.php|showuser|/user-|/profile\b"),
    ("post", r"#(?:post|comment|reply|p|msg|answer)[-_]?\d|showpost|/posts?/\d|[?&]p=\d|"
             r"reply|quote"),
    ("product", r"/(?:products?|p|dp|item|itm|pdp|sku|gp/product)/"),
    ("cart", r"cart|basket|checkout|wishlist"),
    ("page", r"[?&](?:page|pg|start|offset)=\d|/page/\d"),
    ("category", r"/(?:category|categories|tags?|topics?|collections?|c|browse)/"),
    ("dated", r"/(?:19|20)\d\d/\d\d?/|/(?:19|20)\d\d-\d\d-\d\d"),
    ("docs", r"/(?:docs?|api|reference|manual|guides?|tutorials?)/"),
)
_HREF = regexcache.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in _KINDS))


def _log(n: float) -> float:
    return math.log1p(n)


def link_signals(hrefs: Sequence[str], texts: Sequence[int], page_chars: int) -> dict[str, float]:
    """``href:*`` signals of a page's links (``hrefs``: their ``href`` values in document
    order; ``texts``: the length of each link's text, for as many links as were measured;
    ``page_chars``: the page's visible text)."""
    out: dict[str, float] = {}
    counts: dict[str, int] = {}
    for href in hrefs[:MAX_LINKS]:
        if not href:
            continue
        m = _HREF.search(href.lower())
        if m is not None:
            counts[m.lastgroup] = counts.get(m.lastgroup, 0) + 1
    for name, n in counts.items():
        out["href:" + name] = _log(n)
    headlines = [n for n in texts if n >= HEADLINE]
    if headlines:
        out["href:headlines"] = _log(len(headlines))
        if page_chars:
            out["href:headline_text"] = min(sum(headlines) / page_chars, 1.0)
    return out
