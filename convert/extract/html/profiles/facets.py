"""A listing's facets found by their shape, not their names: short items with counters.

A store's or an event board's filters ("Asia 187", "Power Banks (158)", a checkbox per brand)
sit beside the grid, often in a layout column named for nothing (``column is-one-third``), so
:data:`.listing.REGION_CHROME`'s names miss them and the listing's region keeps them. The
golds of the listing and collection pages leave them out (issue #18: the list itself, without
filters, facets, sort bars and pagination).

What marks them is their shape: a run of sibling items, each a link or a form field with a
label of a few words, most of which carry a *counter* — an element of their own holding only a
number ("187", "(158)", "[12]") — or a checkbox or radio button. A counter in an element of its
own is what a facet template renders; a count written in running text ("Marie Curie (2)", "the
2 winners") is not one, and a number that is part of a link's text ("Battlefield 6") is the
item's name. A run inside a grid is the grid's (its cards' own counts): the region keeps it.

Census (tune listing, collection and product pages of wcxb-dev + wcxb-dev-extra, r-int11
4e7e7ad; lines of our output shaped as facets, judged against the gold): runs of three or more
lines ending in a count on 14 pages of 14 sites, true facets on three, and a fourth the line
shape missed — dev.events' continent column (7 lines, none in the gold), iFixit's part
categories (10 lines, "Adhesives132", none in the gold), a
WooCommerce sidebar's category counts repeating the category grid (kept in the cascade's
output, not the listing's: the rule does not reach it), a training site's programme menu with
the count inside each link (none in the gold; left, as a number in a link is a name) — the
rest dates, card lines and prose the gold keeps. Sort bars ("Sort: Best Match", 7 rei.com
pages, 3 words each), "Filter Type:" labels (one page) and pagination (none kept) are next to
nothing; a brand facet without counts (bhphotovideo.com, 4 links) has no shape to tell it from
a list of links.

Sort bars (:data:`LISTING_SORT_LINES`): lines that are only a sort control's label in our
tune listing and collection output, 15 on 8 pages of 2 sites ("Sort: Best Match", "Sort by|"),
none in the gold; on the other types such lines are text the gold keeps (a manual's "ORDER BY
Clause", a forum's "sort by priority"), hence only in the listing's region. Result counts
("1–30 of 154 products", "(154 products)") are in the gold on 7 of 17 lines; r-list13 (issue
#18) leaves them out all the same, with the saved-search buttons (:data:`LISTING_RESULT_COUNTS`,
:data:`LISTING_ALERT_CALLS`): a counter counts the list, no reader takes it for an item. On the
wcxb tune pages it moves 10 listing and collection pages: one shop's 7 pages split 4 up
(+0.001 to +0.003) and 3 down (-0.003, -0.003, -0.004; its gold keeps "(154 products)" on
some), and three other sites' counters ("1,072 results", "436 homes", "22 products") go up
with the page's other changes.

Measured (full HTML benchmark, every set, against r-int11 4e7e7ad): ``listing_facets`` moves two
tune pages, both up (dev.events +0.011, iFixit +0.010), no check page; ``listing_sort_lines``
eight tune pages up (+0.001 to +0.004) and three wcxb-dev check collection pages up (+0.001 to
+0.002); every set and type otherwise unchanged at three decimals (tune collection 0.695 ->
0.696).
"""

from __future__ import annotations

import re
from dataclasses import replace

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Paragraph
from convert.extract.ablation import rule
from convert.textutil import inline_text
from ...lazyre import lazy

__all__ = ["LISTING_FACETS", "LISTING_SORT_LINES", "LISTING_RESULT_COUNTS", "LISTING_ALERT_CALLS",
           "facet_runs", "without_sort_lines"]

LISTING_FACETS = rule("listing_facets", "in a listing's region a run of short items (links or "
                      "form fields), most carrying a counter of their own ('Asia 187', 'Radios "
                      "(4)') or a checkbox, is a facet list left out, whatever it is named")

#: A counter: an element whose whole text is one number, bare or in brackets.
COUNTER = lazy(r"[(\[]?\s*\d[\d,.\s]{0,9}\s*[)\]]?")
#: The elements a counter is rendered in (a count badge, a <mark>, a <small>).
_COUNTER_TAGS = "span, mark, small, em, b, i, strong, sup, sub, div, label"
#: A facet item's text is a label and its count: at most this many words...
ITEM_MAX_WORDS = 8
#: ...a run has this many items with a counter or a checkbox...
MIN_ITEMS = 3
#: ...making up this share of the run's items.
MIN_SHARE = 0.6
#: A counter's item is at most this many levels above it.
MAX_CLIMB = 3


def _holds_control(node: LexborNode) -> bool:
    if node.tag == "a" and node.attributes.get("href") or node.tag == "input":
        return True
    return node.css_first("a[href], input, button") is not None


def _elements(node: LexborNode) -> list[LexborNode]:
    return [c for c in node.iter() if c.tag and not c.tag.startswith("-")
            and c.tag not in ("script", "style", "template")]


def _in_link(node: LexborNode, root_id: int) -> bool:
    """Whether ``node`` is inside a link: a number in a link's text is the item's name
    ("Battlefield <b>6</b>"), or a card's own count, not a facet's counter."""
    node = node.parent
    while node is not None and node.mem_id != root_id:
        if node.tag == "a":
            return True
        node = node.parent
    return False


def _item(mark: LexborNode, root_id: int) -> LexborNode | None:
    """The item a counter or checkbox belongs to: its lowest ancestor (itself for a link)
    holding a link or a form field, within :data:`MAX_CLIMB` levels, then up while it is its
    parent's only element (a label alone in its <li>)."""
    node = mark
    for _ in range(MAX_CLIMB + 1):
        if node is None or node.mem_id == root_id:
            return None
        if node is not mark and _holds_control(node):
            break
        node = node.parent
    else:
        return None
    while node.parent is not None and node.parent.mem_id != root_id \
            and len(_elements(node.parent)) == 1:
        node = node.parent
    return node


def facet_runs(root: LexborNode) -> set[int]:
    """The ``mem_id`` of every element under ``root`` whose children are a facet list (see
    :data:`LISTING_FACETS`)."""
    if not LISTING_FACETS:
        return set()
    # (the children first: an element holding blocks is no counter, and its text is not
    # read — a chain of nested wrappers would make that quadratic)
    marks = [n for n in root.css(_COUNTER_TAGS)
             if not any(c.tag in ("span", "div", "b", "strong") for c in _elements(n))
             and COUNTER.fullmatch(n.text(deep=True, strip=True))
             and not _in_link(n, root.mem_id)]
    marks += root.css("input[type=checkbox], input[type=radio]")
    items: dict[int, tuple[LexborNode, dict[int, LexborNode]]] = {}
    for mark in marks:
        item = _item(mark, root.mem_id)
        if item is None or item.parent is None:
            continue
        items.setdefault(item.parent.mem_id, (item.parent, {}))[1][item.mem_id] = item
    out = set()
    for parent, counted in items.values():
        if len(counted) < MIN_ITEMS or len(counted) < MIN_SHARE * len(_elements(parent)):
            continue
        if all(len(i.text(deep=True, separator=" ", strip=True).split()) <= ITEM_MAX_WORDS
               for i in counted.values()):
            out.add(parent.mem_id)
    return out


LISTING_SORT_LINES = rule("listing_sort_lines", "in a listing's region a paragraph that is only "
                          "a sort control's label ('Sort: Best Match', 'Sort by') is left out: "
                          "the list is read without its sort bar")

#: A sort control's label: "Sort", "Sort by", "Order by", then at most a few words (the order
#: chosen). Only in a listing's region: a manual's "ORDER BY Clause" or a forum's "sort by
#: priority" are their pages' text.
SORT_LINE = lazy(r"(?:sort(?:ed)?(?:\s+by)?|order\s+by)\s*[:|]?(?:\s*[^\s.!?]+){0,3}\s*\|?",
                 re.IGNORECASE)


LISTING_RESULT_COUNTS = rule("listing_result_counts", "in a listing's region a paragraph that "
                             "is only the list's result counter ('Showing 1-20 of 248 "
                             "results', '248 results', 'Page 2 of 9') is left out: it counts "
                             "the list, it is no item of it")

#: A result counter: an optional "Showing"/"Displaying", a range or a number ("1–20 of 248",
#: "248"), and the noun counted, or a page counter ("Page 2 of 9"). Nothing else on the line:
#: a sentence holding a count ("We found 248 results for you, sorted by date") stays.
_NOUN = (r"(?:results?|items?|products?|listings?|properties|homes|jobs?|matches|entries|"
         r"episodes?|articles?|posts?|hits)")
RESULT_COUNT = lazy(
    r"(?:(?:showing|displaying|viewing)\s+(?:results?\s+)?)?"
    r"(?:\d[\d,.]*\s*(?:[-–—]|to)\s*\d[\d,.]*\s+(?:of|out\s+of)\s+)?"
    r"\(?\d[\d,.]*\+?\s+" + _NOUN + r"(?:\s+found)?\)?"
    r"|(?:(?:showing|displaying|viewing)\s+)?(?:results?\s+)?\d[\d,.]*\s*(?:[-–—]|to)\s*"
    r"\d[\d,.]*\s+(?:of|out\s+of)\s+\d[\d,.]*"
    r"|page\s+\d+\s+of\s+\d+",
    re.IGNORECASE)

LISTING_ALERT_CALLS = rule("listing_alert_calls", "in a listing's region a paragraph that is "
                           "only a saved-search or alert button ('Save this search', 'Create "
                           "job alert', 'Get email alerts') is left out: a control, not an item")

#: A saved-search or alert button's label, nothing else on the line.
ALERT_CALL = lazy(
    r"(?:save|create|set\s+up|get|turn\s+on)\s+(?:(?:this|a|an|your|my|new|email|e-mail|"
    r"job|price|search)\s+){0,3}(?:search|alerts?)(?:\s+for\s+this\s+search)?",
    re.IGNORECASE)


def _control_line(text: str) -> bool:
    """Whether a paragraph's text is a sort label, a result counter or an alert button (each
    as its rule is switched on)."""
    return (LISTING_SORT_LINES and bool(SORT_LINE.fullmatch(text))
            or LISTING_RESULT_COUNTS and bool(RESULT_COUNT.fullmatch(text))
            or LISTING_ALERT_CALLS and bool(ALERT_CALL.fullmatch(text)))


def without_sort_lines(blocks: list[Block]) -> list[Block]:
    """The blocks without the paragraphs that are a sort control's label, a result counter or
    a saved-search button (see :data:`LISTING_SORT_LINES`, :data:`LISTING_RESULT_COUNTS`,
    :data:`LISTING_ALERT_CALLS`), inside sections too."""
    if not (LISTING_SORT_LINES or LISTING_RESULT_COUNTS or LISTING_ALERT_CALLS):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if _control_line(" ".join(inline_text(block.children).split())):
                continue
        elif isinstance(block, Div):
            block = replace(block, blocks=tuple(without_sort_lines(list(block.blocks))))
        out.append(block)
    return out
