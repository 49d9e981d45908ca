"""Product pages: the product's own description and specifications, not what surrounds it.

On a product page the blocks that outweigh the description are the shop's, repeated on every
product: customer reviews and ratings, questions and answers, "customers also bought",
"similar items", "recently viewed" carousels. The generic cascade, looking for the most prose,
often picks the reviews. The product profile removes the blocks named for those (class/id
words, :data:`NOT_THE_PRODUCT`) from the page and runs the cascade again: what is left with
the most text is the description, its feature list and specification tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser

from convert.extract.ablation import rule

from ..dom import inside
from ...lazyre import lazy

__all__ = ["without_shop_blocks", "PRODUCT_PROFILE", "NOT_THE_PRODUCT"]

PRODUCT_PROFILE = rule("product_profile", "on a product page the reviews, Q&A and 'also "
                       "bought'/similar-item carousels are removed before the content is found")

#: class/id words of the blocks around a product that are not the product: feedback from
#: customers and other products of the shop.
NOT_THE_PRODUCT = lazy(
    r"(?<![a-z])(?:reviews?|ratings?|testimonials?|comments?|questions?|q-?and-?a|qna|"
    r"related|recommend\w*|also-?(?:bought|viewed|like)|similar|recently-?viewed|upsell|"
    r"up-?sells|cross-?sells?|frequently-?bought|bought-?together|you-?may-?(?:also-?)?like|"
    r"carousel|sponsored)(?![a-z])",
    re.IGNORECASE)

#: Blocks named so are kept however they are named otherwise: the product's own text.
_OWN = lazy(r"(?<![a-z])(?:description|details|specifications?|specs|features|"
            r"overview)(?![a-z])", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _not_the_product(words: str) -> bool:
    return bool(NOT_THE_PRODUCT.search(words)) and not _OWN.search(words)


def without_shop_blocks(html: str) -> str | None:
    """The page's markup without the blocks named as reviews, Q&A or other products, or
    ``None`` when it names none."""
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return None
    doomed = []
    for node in body.css("[class], [id]"):
        attrs = node.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if _not_the_product(words) and not (doomed and inside(node, doomed[-1])):
            doomed.append(node)
    if not doomed:
        return None
    for node in doomed:
        node.decompose()
    return tree.html

