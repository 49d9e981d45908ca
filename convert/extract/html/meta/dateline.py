"""Dates found in the page itself when none is declared: ``<time datetime>``, date-classed
elements, and the first short text holding a date after the headline.

Read by :mod:`convert.extract.html.meta` after the declared dates.
"""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from convert.textutil import squash
from convert.extract.dates import iso_date, text_date


def shown_publication(tree: LexborHTMLParser, declared: str, modified: str | None) -> str:
    """The declared publication date, corrected by what the page shows:

    - when the declared publication and modification fall on one day (a CMS re-save or a
      migration stamps both), or the modification comes before the publication (a migration
      stamped them out of order), a dateline under the headline showing an earlier day is the
      original publication;
    - the same instant written in UTC by the CMS and with the publisher's offset in a
      ``<time datetime>`` is the publisher's day ("19 Dec 03:05 UTC" is "18 Dec 19:05 -08:00").
    """
    if modified and modified[:10] <= declared[:10]:
        shown = visible_date(tree, DATELINE_NEAR, before_prose=True)
        if shown and shown < declared[:10]:
            return shown
    local = _first_time_datetime(tree)
    if local and local != declared and _same_instant(local, declared):
        return local
    return declared


def _first_time_datetime(tree: LexborHTMLParser) -> str | None:
    for node in tree.css("time[datetime]")[:5]:
        date = iso_date(node.attributes.get("datetime"))
        if date and len(date) > 19 and not date.endswith("+00:00"):
            return date
    return None


def _same_instant(a: str, b: str) -> bool:
    try:
        x, y = datetime.fromisoformat(a), datetime.fromisoformat(b)
    except ValueError:
        return False
    if (x.tzinfo is None) != (y.tzinfo is None):
        return False
    return x == y


def time_element(tree: LexborHTMLParser) -> str | None:
    """The date of the page's first ``<time datetime>`` outside comments (``None`` if none)."""
    for node in tree.css("time[datetime], [itemprop=datePublished]")[:10]:
        value = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
        date = iso_date(value)
        if date:
            return date
    # (a byline block, "By Isabel Haas · January 27, 2025", carries the date unclassed)
    for node in tree.css('time, [class*="date"], [class*="time"], [class*="Date"], [class*="meta"], '
                         '[class*="byline"]')[:30]:
        text = squash(node.text(deep=True, separator=" "))
        if len(text) < 80:
            date = text_date(text)
            if date:
                return date
    return None


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option", "title"})


#: A dateline correcting a declared date sits among this many text nodes after the headline.
DATELINE_NEAR = 20
#: Paragraph texts this long are the article body: a dateline comes before the second.
PROSE_CHARS = 200


def visible_date(tree: LexborHTMLParser, budget: int = 250, before_prose: bool = False
                  ) -> str | None:
    """A dateline: the first short text holding a date after the headline (or page top);
    with ``before_prose``, only above the article's first paragraph."""
    body = tree.body
    if body is None:
        return None
    has_h1 = tree.css_first("h1") is not None
    after_h1 = not has_h1
    prose = 0
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
        if before_prose and parent is not None and parent.tag == "p" and len(text) > PROSE_CHARS:
            prose += 1
            if prose > 1:  # (the first may be the standfirst)
                break
        if len(text) <= 100:
            date = text_date(text)
            if date:
                return date
    return None


#: The headline's block (its parent or grandparent) holds fewer characters than this.
HEADER_CHARS = 1200


def header_date(tree: LexborHTMLParser) -> str | None:
    """A date in the headline's own block, above or below it ("Published / October 14, 2025"
    over the ``<h1>``)."""
    h1 = tree.css_first("h1")
    if h1 is None:
        return None
    zone = None
    node = h1.parent
    for _ in range(3):
        if node is None or node.tag in ("body", "html", "main", "article"):
            break
        if len(node.text(deep=True)) > HEADER_CHARS:
            break
        zone = node
        node = node.parent
    if zone is None:
        return None
    for text_node in zone.traverse(include_text=True):
        if text_node.tag != "-text":
            continue
        parent = text_node.parent
        if parent is not None and parent.tag in _NOT_TEXT:
            continue
        text = text_node.text_content or ""
        if 6 <= len(text) <= 100:
            date = text_date(text)
            if date:
                return date
    return None
