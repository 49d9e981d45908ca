"""Dates found in the page itself when none is declared: ``<time datetime>``, date-classed
elements, and the first short text holding a date after the headline.

Read by :mod:`convert.extract.html.meta` after the declared dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.textutil import squash
from convert.extract.ablation import rule
from convert.extract.dates import iso_date, text_date
from convert.extract.lazyre import lazy
from ..dom import following, within
from .placement import CITATION_DATES, elsewhere
from .readers import reader_block

TIME_TEXT = rule(
    "time_text", "a <time> with no datetime attribute gives its day in its text, in page "
    "order with the others (the article's own comes before a sidebar's)")
HEADLINE_NO_DATELINE = rule(
    "headline_no_dateline", "the headline's own numbers (\"2024.4.4 -> 2024.5.0\") are no "
    "dateline")
SPACED_LABELS = rule(
    "spaced_labels", "a dateline's label is read from its block's text with the elements' "
    "texts apart: a page written without whitespace between tags glued 'By Jo Park' to "
    "'Updated: March 3' ('ParkUpdated'), and the label was no word")
ZONE_READERS = rule(
    "zone_readers", "a date in the headline's own block is still not the page's when it sits "
    "in a customer's review or a reader's comment (a product page's reviews under its name, "
    "inside the block the <h1> heads)")
PUBLISHED_OF_TWO = rule(
    "published_of_two", "a text giving two days, one labelled updated and one published "
    "('Updated: Mar 5, 2024 · Published: Oct 1, 2021'), dates the page by the published one, "
    "in whichever order they stand")
#: A labelled day is written within this many characters after its label.
PUBLISHED_DAY_CHARS = 40
UPDATE_AFTER_PUBLISHED = rule(
    "update_after_published", "a dateline labelled \"updated\" gives way to one nearby that "
    "is not (\"Originally published\")")

#: The label of a citation's access date (Wikipedia's "Retrieved", APA's "Accessed", German
#: "Abgerufen", French "Consulté", Spanish "Consultado"): the day someone read the source.
_ACCESSED = lazy(r"\b(?:retrieved|accessed|abgerufen|consult[ée]|consultado)\b",
                 re.IGNORECASE)
_UPDATED = lazy(r"\b(?:updated|modified|edited|revised|aktualisiert|actualizado|"
                r"mis à jour)\b", re.IGNORECASE)
_PUBLISHED = lazy(r"\b(?:published|posted|originally|veröffentlicht|publié|publicado)\b",
                  re.IGNORECASE)
SLASH_NEEDS_LABEL = rule(
    "slash_needs_label", "a numeric day ('3/24/2026') in the text after the headline is read "
    "only when labelled a dateline ('Posted', 'Published', 'Updated'); a <time>, a "
    "date-classed element and the headline's block need no label")
SHOWN_OVER_SCHEMA = rule(
    "shown_over_schema", "a later dateline under the headline beats a publication date that "
    "only JSON-LD declares")
LAST_CHANGE_STAMPS = rule(
    "last_change_stamps", "a date labelled the page's last change ('This page was last edited "
    "on 4 June 2024', 'Last modified: ...') is its modification date, never its publication "
    "(a bare 'Last updated' dateline, a page's only date, is read with the datelines: "
    "update_stamp_modified makes it the modification too)")
#: The label of a page's last change: "last" makes it so (an earlier version existed).
_LAST_CHANGE = lazy(r"\blast\s+(?:edited|modified|updated|changed|revised)\b|\bzuletzt\s+"
                    r"(?:bearbeitet|geändert|aktualisiert)\b|\bdernière\s+(?:modification|"
                    r"mise à jour)\b|\búltima\s+(?:modificación|actualización|edición)\b",
                    re.IGNORECASE)
#: Of those, the labels of an edit stamp (a wiki's or a CMS's footer) rather than a news
#: dateline's "Last updated", which a page showing no other date gives as its only one.
_LAST_EDIT = lazy(r"\blast\s+(?:edited|modified|changed)\b|\bzuletzt\s+(?:bearbeitet|geändert)"
                  r"\b|\bdernière\s+modification\b|\búltima\s+(?:modificación|edición)\b",
                  re.IGNORECASE)
#: After a dateline labelled "updated", this many further date texts are read for one that
#: is not.
UPDATE_LOOKAHEAD = 4
#: How far up a date text's ``<h1>`` is looked for (the headline's own numbers).
HEADLINE_DEPTH = 4
#: A date's parent holding fewer characters than this is its label's context ("Last
#: updated: <time>")...
UPDATE_PARENT_CHARS = 120
#: ...and this many characters at the end of the previous sibling are read too.
UPDATE_PREV_CHARS = 40


def _access_date(node: LexborNode | None, text: str) -> bool:
    """Whether a date text is a citation's access date ("Retrieved 4 June 2021"), from its own
    words or the end of its previous sibling's (``<span>Retrieved</span> <span>date``)."""
    if not CITATION_DATES:
        return False
    if _ACCESSED.search(text):
        return True
    prev = node.prev if node is not None else None
    return prev is not None and bool(_ACCESSED.search(
        (prev.text(deep=True) or "")[-UPDATE_PREV_CHARS:]))


def _in_headline(node: LexborNode | None) -> bool:
    if not HEADLINE_NO_DATELINE:
        return False
    for _ in range(HEADLINE_DEPTH):
        if node is None:
            return False
        if node.tag == "h1":
            return True
        node = node.parent
    return False


def _labelled_update(node: LexborNode | None, text: str) -> bool:
    """Whether a date text reads as an update stamp ("Last updated: <time>"), from its own
    words or its parent's."""
    if not UPDATE_AFTER_PUBLISHED:
        return False
    context = _label_context(node, text)
    return bool(_UPDATED.search(context)) and not _PUBLISHED.search(context)


def _last_change(node: LexborNode | None, text: str) -> bool:
    """Whether a date text is labelled the page's last change ("last edited on")."""
    return bool(_LAST_CHANGE.search(_label_context(node, text)))


def last_change_date(tree: LexborHTMLParser) -> str | None:
    """The date a page shows as its last change ("This page was last edited on 4 June
    2024"): in a ``<time>``, a date-classed element or a short text after the headline."""
    if not LAST_CHANGE_STAMPS:
        return None
    for found in (_time_only(tree), _classed_dates(tree),
                  _visible_dates(tree, DATELINE_BUDGET, False)):
        for node, text, date in found:
            if _last_change(node, text):
                return date
    return None


def _labelled_dateline(node: LexborNode | None, text: str) -> bool:
    """Whether a date text is labelled a dateline ("Posted 3/14/2024", "Updated: <span>..."),
    from its own words or its parent's."""
    context = _label_context(node, text)
    return bool(_PUBLISHED.search(context) or _UPDATED.search(context))


def _label_context(node: LexborNode | None, text: str) -> str:
    """A date text with the words around it that may label it: its parent's text when short,
    and the end of its previous sibling's."""
    context = text
    if node is not None and node.parent is not None:
        around = node.parent.text(deep=True) or ""
        if len(around) < UPDATE_PARENT_CHARS:
            context = squash(node.parent.text(deep=True, separator=" ")) if (
                SPACED_LABELS) else around
        prev = node.prev
        if prev is not None:
            before = squash(prev.text(deep=True, separator=" ") or "") if SPACED_LABELS else (
                prev.text(deep=True) or "")
            context = before[-UPDATE_PREV_CHARS:] + " " + context
    return context


def _published_day(text: str) -> str | None:
    """The day written right after a text's "Published"/"Posted" label."""
    m = _PUBLISHED.search(text)
    return text_date(text[m.end():m.end() + PUBLISHED_DAY_CHARS]) if m else None


def _first_date(found: Iterable[tuple[LexborNode | None, str, str]],
                updates: list[str] | None = None) -> str | None:
    """The first of the ``(node, text, date)`` found, unless it is labelled an update and one
    of the next few is not (the page shows "Originally published" too). A date returned only
    because no unlabelled one followed is added to ``updates`` when given."""
    update, left = None, UPDATE_LOOKAHEAD
    for node, text, date in found:
        if LAST_CHANGE_STAMPS and _LAST_EDIT.search(_label_context(node, text)):
            continue  # (the modification: :func:`last_change_date`)
        if not _labelled_update(node, text):
            if PUBLISHED_OF_TWO and _UPDATED.search(text):
                # "Updated: Mar 5, 2024 · Published: Oct 1, 2021": one text, two days; the
                # one its label calls the publication is the page's.
                date = _published_day(text) or date
            return date
        update = update or date
        left -= 1
        if left < 0:
            break
    if update and updates is not None:
        updates.append(update)
    return update


def shown_publication(tree: LexborHTMLParser, declared: str, modified: str | None,
                      schema_only: bool = False, times: list[LexborNode] | None = None) -> str:
    """The declared publication date, corrected by what the page shows:

    - when the declared publication and modification fall on one day (a CMS re-save or a
      migration stamps both), or the modification comes before the publication (a migration
      stamped them out of order), a dateline under the headline showing an earlier day is the
      original publication;
    - when only JSON-LD declares the publication (``schema_only``: an SEO plugin's stamp of
      when the page was first saved, no ``article:published_time`` of the CMS), a
      dateline under the headline showing a later day is the date the page gives itself (a
      guide re-dated each time it is refreshed: "Updated Dec 18, 2025");
    - the same instant written in UTC by the CMS and with the publisher's offset in a
      ``<time datetime>`` is the publisher's day ("19 Dec 03:05 UTC" is "18 Dec 19:05 -08:00").

    ``times``: the page's ``<time datetime>`` elements, when the caller found them.
    """
    earlier = modified and modified[:10] <= declared[:10]
    if earlier or schema_only and SHOWN_OVER_SCHEMA:
        shown = visible_date(tree, DATELINE_NEAR, before_prose=True)
        if shown and earlier and shown < declared[:10]:
            return shown
        if shown and schema_only and SHOWN_OVER_SCHEMA and shown[:10] > declared[:10]:
            return shown
    local = _first_time_datetime(tree, times)
    if local and local != declared and _same_instant(local, declared):
        return local
    return declared


#: ``<time datetime>`` elements read for the publisher's own offset.
OFFSET_TIMES = 5


def _first_time_datetime(tree: LexborHTMLParser, times: list[LexborNode] | None = None
                         ) -> str | None:
    """The first of the first ``<time datetime>`` (``times``: the page's, when the caller found
    them) written with an offset other than UTC."""
    for node in (tree.css("time[datetime]") if times is None else times)[:OFFSET_TIMES]:
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
    return _first_date(_time_dates(tree))


HEADER_OVER_CLASSED = rule(
    "header_over_classed", "with no <time> for the article, the dateline in the headline's "
    "own block beats a date-classed element elsewhere (a 'posts-date' card of the related "
    "posts below)")


def page_date(tree: LexborHTMLParser, updates: list[str] | None = None) -> str | None:
    """The date a page without a declared one shows: its ``<time>``, then the dateline in the
    headline's block, then a date-classed element, then the first dateline after the
    headline. (Without ``HEADER_OVER_CLASSED`` the classed elements are read with the
    ``<time>`` elements, before the headline's block.) ``updates``: see :func:`_first_date`."""
    if not HEADER_OVER_CLASSED:
        return time_element(tree) or header_date(tree) or visible_date(tree)
    return (_first_date(_time_only(tree), updates) or header_date(tree, updates)
            or _first_date(_classed_dates(tree), updates) or _first_date(
                _visible_dates(tree, DATELINE_BUDGET, False), updates))


#: ``<time datetime>`` / ``datePublished`` elements read for a date (the first ones are the
#: article's; later ones list other stories).
TIME_ELEMENTS = 10
#: Date-, time-, meta- or byline-classed elements read for a date text...
DATE_CLASSED = 30
#: ...shorter than this many characters (a longer one is a paragraph mentioning a date).
DATE_CLASSED_CHARS = 80


#: The ``<time>`` elements read in page order: with TIME_TEXT, also those that give the
#: day in their text only ("<time> July 24, 2012 7:26 AM PDT</time>").
_TIME_SELECTOR = "time, [itemprop=datePublished]" if TIME_TEXT else (
    "time[datetime], [itemprop=datePublished]")


def _time_dates(tree: LexborHTMLParser) -> Iterator[tuple[LexborNode | None, str, str]]:
    yield from _time_only(tree)
    yield from _classed_dates(tree)


def _time_only(tree: LexborHTMLParser) -> Iterator[tuple[LexborNode | None, str, str]]:
    for node in tree.css(_TIME_SELECTOR)[:TIME_ELEMENTS]:
        value = node.attributes.get("datetime") or node.attributes.get("content")
        if value or node.tag != "time":
            date = iso_date(value or node.text())
        else:
            # (the day only: "7:26 AM PDT" written for readers is no offset to trust)
            text = node.text()
            date = text_date(text) if len(text) < DATE_CLASSED_CHARS else None
        if date and not elsewhere(node):
            yield (node, node.text(deep=True) or "", date) if node.tag == "time" else (
                None, "", date)


def _classed_dates(tree: LexborHTMLParser) -> Iterator[tuple[LexborNode | None, str, str]]:
    # (a byline block, "By Isabel Haas · January 27, 2025", carries the date unclassed)
    for node in tree.css('time, [class*="date"], [class*="time"], [class*="Date"], [class*="meta"], '
                         '[class*="byline"]')[:DATE_CLASSED]:
        text = squash(node.text(deep=True, separator=" "))
        if len(text) < DATE_CLASSED_CHARS:
            date = text_date(text)
            if date and not elsewhere(node) and not _access_date(node, text):
                yield node, text, date


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option", "title"})


#: A dateline correcting a declared date sits among this many text nodes after the headline.
DATELINE_NEAR = 20
#: Paragraph texts this long are the article body: a dateline comes before the second.
PROSE_CHARS = 200
#: Text nodes read after the headline for a dateline when no nearer bound is asked for.
DATELINE_BUDGET = 250
#: A dateline is a short text: at most this many characters...
DATELINE_MAX_CHARS = 100
#: ...and, in the headline's block, at least this many (shorter numbers are no date).
DATELINE_MIN_CHARS = 6


def visible_date(tree: LexborHTMLParser, budget: int = DATELINE_BUDGET, before_prose: bool = False
                  ) -> str | None:
    """A dateline: the first short text holding a date after the headline (or page top);
    with ``before_prose``, only above the article's first paragraph."""
    return _first_date(_visible_dates(tree, budget, before_prose))


def _visible_dates(tree: LexborHTMLParser, budget: int, before_prose: bool
                   ) -> Iterator[tuple[LexborNode | None, str, str]]:
    body = tree.body
    if body is None:
        return
    h1 = tree.css_first("h1")
    after_h1 = h1 is None
    prose = 0
    # Nothing before the first <h1> is read: the walk starts there, not at the top of the
    # body (a page's header and menus can be most of its nodes).
    nodes = (following(h1, body) if h1 is not None and within(h1, body)
             else body.traverse(include_text=True))
    for node in nodes:
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
        if len(text) <= DATELINE_MAX_CHARS:
            # (a numeric "3/24/2026" in running text, unlabelled, is a course's schedule, a
            # sale's end, a list's or a review's day: read only when labelled a dateline; the
            # label is looked for only once there is such a day, as reading it takes the
            # parent's text, which may be the whole article's)
            date = text_date(text, numeric_slash=False) or _labelled_slash_date(parent, text)
            if date and not _in_headline(parent) and not elsewhere(parent) \
                    and not _access_date(parent, text):
                yield parent, text, date


def _labelled_slash_date(parent: LexborNode | None, text: str) -> str | None:
    """The numeric day ("3/24/2026") of a text, when it is labelled a dateline."""
    date = text_date(text)
    if date and (not SLASH_NEEDS_LABEL or _labelled_dateline(parent, text)):
        return date
    return None


#: The headline's block (its parent or grandparent) holds fewer characters than this...
HEADER_CHARS = 1200
#: ...and is at most this many levels above it.
HEADER_LEVELS = 3


def header_date(tree: LexborHTMLParser, updates: list[str] | None = None) -> str | None:
    """A date in the headline's own block, above or below it ("Published / October 14, 2025"
    over the ``<h1>``)."""
    h1 = tree.css_first("h1")
    if h1 is None:
        return None
    zone = None
    node = h1.parent
    for _ in range(HEADER_LEVELS):
        if node is None or node.tag in ("body", "html", "main", "article"):
            break
        if len(node.text(deep=True)) > HEADER_CHARS:
            break
        zone = node
        node = node.parent
    if zone is None:
        return None
    return _first_date(_zone_dates(zone), updates)


def _zone_dates(zone: LexborNode) -> Iterator[tuple[LexborNode | None, str, str]]:
    for text_node in zone.traverse(include_text=True):
        if text_node.tag != "-text":
            continue
        parent = text_node.parent
        if parent is not None and parent.tag in _NOT_TEXT:
            continue
        text = text_node.text_content or ""
        if DATELINE_MIN_CHARS <= len(text) <= DATELINE_MAX_CHARS:
            date = text_date(text)
            if date and not _in_headline(parent) and not _access_date(parent, text) and not (
                    ZONE_READERS and reader_block(parent)):
                yield parent, text, date
