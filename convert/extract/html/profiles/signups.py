"""Product pages: the boxes asking for an email address, read as no part of the product.

A shop puts a newsletter sign-up ("Deals, drops and trends — Straight to your inbox"), a
back-in-stock alert ("Notify me when back in stock") or an offer's sign-in inside the column
that holds the product, with its title, its pitch and the messages its script shows after
the reply ("It's Official", "Oops! Something went wrong", "Captcha failed to load"); the
tune pages' gold never keeps them. The product profile (:func:`.product.product_markup`)
removes each such box (:func:`without_email_boxes`) before it looks for the content.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..dom import inside
from ..measure import text_len
from .described import described

__all__ = ["EMAIL_BOXES", "without_email_boxes"]

EMAIL_BOXES = rule("email_boxes", "on a product page a form field asking for an email "
                   "address (a newsletter sign-up, a back-in-stock alert) is removed with "
                   "the box around it that holds nothing else: its title, pitch and messages")

#: The box around an email field grows while it holds at most this many visible characters
#: (a title, a pitch, a consent line and the script's messages), never to a block that holds
#: the page's <h1>, the product's marked description or a paragraph of its own...
EMAIL_BOX_MAX_CHARS = 700
#: ...this long (characters): a pitch is a sentence or two, a description more.
EMAIL_BOX_PROSE_CHARS = 250


def _asks_email(field: LexborNode) -> bool:
    attrs = field.attributes
    kind = (attrs.get("type") or "text").lower()
    if kind == "email":
        return True
    if kind != "text":
        return False
    words = " ".join(filter(None, (attrs.get("name"), attrs.get("id"), attrs.get("autocomplete"),
                                   attrs.get("placeholder")))).lower()
    return "email" in words or "e-mail" in words


def _holds_product(node: LexborNode, box: LexborNode) -> bool:
    """Whether ``node`` holds, outside ``box``, the page's <h1>, a block marked as the
    product's description or a paragraph of prose (:data:`EMAIL_BOX_PROSE_CHARS`)."""
    if node.css_first("h1, [itemprop='description']") is not None or described(node):
        return True
    return any(text_len(p) >= EMAIL_BOX_PROSE_CHARS and not inside(p, box)
               for p in node.css("p, li, dd, td"))


def without_email_boxes(body: LexborNode) -> bool:
    """Remove the field asking for an email address (:func:`_asks_email`) with its form and
    the smallest box around them that holds nothing else (:data:`EMAIL_BOX_MAX_CHARS`).
    Whether there were any."""
    doomed: list[LexborNode] = []
    for field in body.css("input"):
        if not _asks_email(field) or any(inside(field, d) for d in doomed):
            continue
        box = field
        while box.parent is not None and box.parent.tag not in ("body", "html"):
            parent = box.parent
            if text_len(parent) > EMAIL_BOX_MAX_CHARS or _holds_product(parent, box):
                break
            box = parent
        doomed = [d for d in doomed if not inside(d, box)] + [box]
    for node in doomed:
        node.decompose()
    return bool(doomed)
