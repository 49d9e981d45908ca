"""Dates found in the page itself when none is declared: ``<time datetime>``, date-classed
elements, and the first short text holding a date after the headline.

Split from :mod:`.metadata`.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from ..textutil import squash
from .dates import iso_date, text_date


def _time_element(tree: LexborHTMLParser) -> str | None:
    for node in tree.css("time[datetime], [itemprop=datePublished]")[:10]:
        value = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
        date = iso_date(value)
        if date:
            return date
    for node in tree.css('[class*="date"], [class*="time"], [class*="Date"], [class*="meta"]')[:30]:
        text = squash(node.text(deep=True, separator=" "))
        if len(text) < 80:
            date = text_date(text)
            if date:
                return date
    return None


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option", "title"})


def _visible_date(tree: LexborHTMLParser) -> str | None:
    """A dateline: the first short text holding a date after the headline (or page top)."""
    body = tree.body
    if body is None:
        return None
    has_h1 = tree.css_first("h1") is not None
    after_h1 = not has_h1
    budget = 250
    for node in body.traverse(include_text=True):
        tag = node.tag or "-"
        if tag == "h1":
            after_h1 = True
            continue
        if tag != "-text" or not after_h1:
            continue
        parent = node.parent
        if parent is not None and parent.tag in _NOT_TEXT:
            continue
        text = node.text_content or ""
        if not text.strip():
            continue
        budget -= 1
        if budget < 0:
            break
        if len(text) <= 100:
            date = text_date(text)
            if date:
                return date
    return None
