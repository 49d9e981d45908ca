"""Badges: the short status stickers a shop or a listing pins on an item ("Sale", "Sold out",
"New", "Added today").

A theme renders them as an element of their own named for what it is (``badge``,
``price__badge-sale``, ``propertyCard-tag``, ``ribbon``, ``sticker``); several are in the
markup at once and the stylesheet shows the one the item's state calls for (a Shopify theme
prints both "Sale" and "Sold out" in every price block). Built as text they become a line of
their own ("Sale Sold out") or glue to the next link's text ("[photo](/p/1)Added today"). They
state what the page says elsewhere (the price, the availability the offer declares), so a
reader of the list or of the product's description does without them.

Only a short element (:data:`MAX_WORDS`) holding no link, no heading and no image is one: a
"tags" list of links, a labelled block of text, a badge holding the item's title stay.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from ...lazyre import lazy
from ..dom import inside

__all__ = ["CARD_BADGES", "PRICE_BADGES", "is_badge", "without_price_badges"]

CARD_BADGES = rule("card_badges", "a card's badge (a short element classed badge, ribbon, "
                   "sticker or tag, a few words: 'Sale', 'Sold out', 'Added today') is left out of "
                   "the card: the item's state, not its title or summary")
PRICE_BADGES = rule("price_badges", "on a product page a badge inside the price block "
                    "('Sale', 'Sold out', every state's badge printed, the stylesheet showing "
                    "one) is left out: the price and availability are the offer's")

#: class words of a badge (a word of its own, or after a BEM/hyphen separator).
BADGE_CLASS = lazy(r"(?<![a-z])(?<!price-)(?<!price_)(?:badge|ribbon|sticker|tag)s?(?![a-z])",
                   re.IGNORECASE)
#: A badge's text is words, no digits (a price, a count, a date are the item's).
_WORDS = lazy(r"[^\W\d_](?:[^\d]*[^\W\d_])?")
#: A badge says at most this many words.
MAX_WORDS = 3
#: class words of a price block.
PRICE_CLASS = lazy(r"(?<![a-z])price(?![a-z])", re.IGNORECASE)
#: A price badge is at most this many levels below its price block.
MAX_CLIMB = 4


def is_badge(node: LexborNode) -> bool:
    """Whether the element is a badge (see the module's docstring)."""
    if node.tag in ("a", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "img", "body"):
        return False
    attrs = node.attributes
    cls = attrs.get("class") if attrs else None
    if not cls or not BADGE_CLASS.search(cls):
        return False
    text = node.text(deep=True, separator=" ", strip=True)
    # (words: a "price-tag" holds a price, a tag's "#" prefix is part of its link's name)
    if len(text.split()) > MAX_WORDS or not _WORDS.fullmatch(text):
        return False
    return node.css_first("a, h1, h2, h3, h4, h5, h6, img") is None


def _in_price(node: LexborNode) -> bool:
    above = node.parent
    for _ in range(MAX_CLIMB):
        if above is None or above.tag in ("body", "html"):
            return False
        cls = above.attributes.get("class") if above.attributes else None
        if cls and PRICE_CLASS.search(cls.replace("_", "-")):
            return True
        above = above.parent
    return False


def without_price_badges(body: LexborNode) -> bool:
    """Remove the badges inside a price block (see :data:`PRICE_BADGES`). Whether there were
    any."""
    doomed = [n for n in body.css("[class]") if is_badge(n) and _in_price(n)]
    doomed = [n for n in doomed if not any(inside(n, d) for d in doomed if d is not n)]
    for node in doomed:
        node.decompose()
    return bool(doomed)
