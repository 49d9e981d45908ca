"""Parts of a page whose names and dates belong to someone other than the page's author: the
customers' reviews of a product. A shop's review widget prints each reviewer's name in an
element classed ``author`` (``jdgm-rev__author``) or marked ``itemprop="author"``, and the day
of the review in a ``<time>``: read as the page's byline and dateline, a product page was
"by" its first reviewer (rule ``review_zones``)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from convert.extract.lazyre import lazy

__all__ = ["REVIEW_ZONES", "in_reviews"]

REVIEW_ZONES = rule("review_zones", "a name or a date inside customers' reviews (a block "
                    "classed as the reviews, a review item or list, or marked "
                    "itemprop='review') is the reviewer's, not the page's byline or dateline")

#: class/id words of the customers' reviews: the reviews (plural: the block of them, not a
#: critic's review, which is the page's article), one review's item or details, a list of them.
_REVIEWS = lazy(r"(?<![a-z])(?:reviews|review-?(?:items?|list|details)|"
                r"customer-?reviews?)(?![a-z])", re.IGNORECASE)
#: How far up a name's or a date's review block is looked for.
REVIEW_DEPTH = 6


def in_reviews(node: LexborNode | None) -> bool:
    """Whether ``node`` sits in customers' reviews (:data:`_REVIEWS`, ``itemprop="review"``),
    looked for up to :data:`REVIEW_DEPTH` levels and not beyond an ``<article>``, ``<main>``
    or ``<body>``; a block so named that holds an ``<h1>`` is the page's own (a magazine's
    "reviews" section around a critic's review), not the customers'."""
    if not REVIEW_ZONES:
        return False
    for _ in range(REVIEW_DEPTH):
        if node is None or node.tag in ("body", "html", "main", "article"):
            return False
        attrs = node.attributes
        if attrs.get("itemprop") == "review":
            return True
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if words.strip() and _REVIEWS.search(words):
            # (a block holding the page's headline is the page: a critic's review section)
            return node.css_first("h1") is None
        node = node.parent
    return False
