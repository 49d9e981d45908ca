"""Product pages: a block written twice, for the phone and the desktop layout, read once.

Shops write the description twice, each copy shown at one screen size only by a class word
(``hidden-md-up``, ``showOnMobile``); a parse without the stylesheet reads both. The product
profile (:func:`.product.product_markup`) removes the copies for phones first, then the later
ones (:func:`without_twins`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..dom import inside
from ...lazyre import lazy

__all__ = ["RESPONSIVE_TWINS", "squeezed", "without_twins"]

RESPONSIVE_TWINS = rule("responsive_twins", "on a product page a block shown at one screen "
                        "size only (hidden-md-up, showOnMobile) whose text the page holds "
                        "again (its twin for the other screen size) is removed, so the "
                        "description is read once")

#: A class word showing or hiding a block at one screen size only: a visibility word and a
#: breakpoint word (``hidden-md-up``, ``hidden-up-md``, ``showOnMobile``, ``hide-sm``,
#: ``visible-xs``, ``mobile-only``, ``d-md-none``), read with camelCase split.
_VISIBILITY = lazy(r"(?:^|-)(?:hidden|hide|show|visible|only|none)(?:-|$)")
_BREAKPOINT = lazy(r"(?:^|-)(?:xs|sm|md|lg|xl|xxl|small|medium|large|mobile|desktop|tablet|"
                   r"phone)(?:-|$)")
#: A twin holds at least this many characters (a label read twice is no duplicate).
TWIN_MIN_CHARS = 40


def _words(word: str) -> set[str]:
    return set(re.sub(r"(?<=[a-z])(?=[A-Z])", "-", word).lower().replace("_", "-").split("-"))


@lru_cache(maxsize=4096)
def _responsive(cls: str) -> bool:
    for word in cls.split():
        word = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", word).lower().replace("_", "-")
        if _VISIBILITY.search(word) and _BREAKPOINT.search(word):
            return True
    return False


_SMALL = frozenset({"xs", "sm", "small", "mobile", "phone", "tablet"})
_LARGE = frozenset({"md", "lg", "xl", "xxl", "medium", "large", "desktop"})


@lru_cache(maxsize=4096)
def _for_phones(cls: str) -> bool:
    """Whether a class word hides a block on large screens (``hidden-md-up``, ``md-hide``) or
    shows it on small ones only (``showOnMobile``, ``visible-xs``): the phone layout's copy."""
    for word in cls.split():
        parts = _words(word)
        if parts & {"hidden", "hide", "none"} and parts & _LARGE and not parts & {"down", "lt"}:
            return True
        if parts & {"show", "visible", "only", "block"} and parts & _SMALL and not parts & {
                "up", "gte"}:
            return True
    return False


def squeezed(text: str) -> str:
    """The text with each run of white space one space (how twins are compared)."""
    return " ".join(text.split())


def without_twins(body: LexborNode) -> bool:
    """Remove the blocks shown at one screen size only (:func:`_responsive`) whose text the
    page holds again elsewhere: a shop writes the description twice, once for the phone
    layout and once for the desktop one, and a parse without the stylesheet reads both. The
    copies for phones (:func:`_for_phones`) go first, then the later ones: the desktop copy,
    else the first in document order, stays. Whether there was any."""
    blocks: list[LexborNode] = []
    for node in body.css("[class]"):
        if blocks and inside(node, blocks[-1]):
            continue
        if _responsive(node.attributes.get("class") or ""):
            blocks.append(node)
    removed = False
    page = None
    # The phone layout's copies go first (the desktop one is where the page's other content
    # is), then the later copies of the rest: the first stays.
    phones = [n for n in blocks if _for_phones(n.attributes.get("class") or "")]
    others = [n for n in blocks if not _for_phones(n.attributes.get("class") or "")]
    for node in phones + others[::-1]:
        text = squeezed(node.text(separator=" "))
        if len(text) < TWIN_MIN_CHARS:
            continue
        if page is None:
            page = squeezed(body.text(separator=" "))
        if page.count(text) < 2:
            continue
        node.decompose()
        page = squeezed(body.text(separator=" "))
        removed = True
    return removed
