"""The lines of a listing's card that are the item, and those that are the card's furniture.

A card of a news river or a post feed carries, besides the item's title and summary, its
byline, its date ("Mar 7", "2 hours ago"), its reading time and its counters (comments,
reactions: a bare "84"), and often the title twice (the image's link and the heading). A
reader of the list reads the items; the listing's golds and readers keep the title, the
summary and what describes the item (price, rating, size) and leave the rest, so a card's
lines that are only byline, date, reading time or counters, and a line repeating an earlier
one of the same card, are dropped (:data:`CARD_META`).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.article import Block, Heading, Link, Paragraph
from convert.extract.ablation import rule
from convert.textutil import inline_text

from ..builder import Builder
from ..dom import hidden_by, is_hidden

from ...lazyre import lazy

__all__ = ["tidy", "without_template_links", "card_builder", "CARD_META",
           "CARD_TEMPLATE_LINKS", "CARD_LINK_TWINS"]

CARD_META = rule("card_meta", "a listing card's lines that are only its byline, date, reading "
                 "time or counters, or repeat an earlier line of the card, are dropped")

CARD_TEMPLATE_LINKS = rule("card_template_links", "a link line repeated word for word in half "
                           "the cards of a grid ('Read more', 'Quick view') is the card "
                           "template's, not an item's, and is dropped")

#: A line is the template's when it is in at least this share of the grid's cards...
TEMPLATE_SHARE = 0.5
#: ...and in at least this many.
TEMPLATE_MIN_CARDS = 3

CARD_LINK_TWINS = rule("card_link_twins", "a card's link hidden from screen readers only "
                       "(aria-hidden: the mouse twin of its title link, often around the "
                       "summary) is shown, as the screen shows it")

#: Elements naming a card's byline (its author, comment and reaction counts) and its date.
_BYLINE_SELECTOR = ("[rel~=author], [itemprop=author], [class*=author], [class*=byline], "
                    "[class*=avatar], [class*=comment], [class*=reaction]")
_DATE_SELECTOR = "time, [itemprop=datePublished], [class*=date]"

#: What is left of a meta line once its byline and date texts are gone: numbers (counters),
#: a reading time, relative or short dates, and the glue words between them.
_LEFTOVER = lazy(
    r"(?:\d[\d.,]*\s*[kKmM]?\+?|min(?:ute)?s?|read|ago|just|now|"
    r"(?:an?|\d+)\s+(?:second|minute|hour|day|week|month|year)s?|"
    r"second|minute|hour|day|week|month|year|s|by|for|on|in|and|updated|posted|published|"
    r"comments?|repl(?:y|ies)|likes?|views?|shares?|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"january|february|march|april|june|july|august|september|october|november|december|"
    r"[\s\W_])*",
    re.IGNORECASE)
#: Words in a line, to tell a line with words from a line of glue alone.
_WORD = lazy(r"\w+")


def _texts(card: LexborNode, selector: str) -> list[str]:
    """The texts of the card's elements ``selector`` names, longest first (a name inside a
    longer byline goes after it)."""
    texts = {" ".join(n.text(deep=True, separator=" ", strip=True).split())
             for n in card.css(selector)}
    return sorted((t for t in texts if t and len(t) <= 80), key=len, reverse=True)


def _without(line: str, texts: list[str]) -> str:
    for text in texts:
        line = line.replace(text, " ")
    return line


def _is_meta(text: str, bylines: list[str], dates: list[str]) -> bool:
    """Whether a line is only the card's byline (with its date, reading time and counters),
    or only a reading time. A date alone stays: on an events or a changelog list it is the
    item's."""
    line = " ".join(text.split())
    if _READ_TIME.fullmatch(line):
        return True
    rest = _without(line, bylines)
    if rest == line:
        return False
    rest = _without(rest, dates)
    return not _MONEY.search(text) and bool(_LEFTOVER.fullmatch(rest))


#: A reading time ("7 min read").
_READ_TIME = lazy(r"\s*\d+\s*min(?:ute)?s?\.?\s+read\s*", re.IGNORECASE)


#: A price or a discount is the item's, whatever else the line holds.
_MONEY = lazy(r"[$€£¥₹%]")


def tidy(blocks: list[Block], card: LexborNode) -> list[Block]:
    """The card's blocks without its meta lines and repeated lines (see :data:`CARD_META`).
    A card left with nothing keeps its blocks."""
    if not CARD_META:
        return blocks
    bylines = _texts(card, _BYLINE_SELECTOR)
    dates = _texts(card, _DATE_SELECTOR) if bylines else []
    seen: set[str] = set()
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            text = inline_text(block.children).strip()
            key = " ".join(_WORD.findall(text.lower()))
            if key and key in seen:
                continue
            if text and bylines and _is_meta(text, bylines, dates) or _READ_TIME.fullmatch(text):
                continue
            if key:
                seen.add(key)
        out.append(block)
    return out if out else blocks


def _link_line(block: Block) -> str | None:
    """The text of a paragraph that is one link and nothing else, else ``None``."""
    if not isinstance(block, Paragraph):
        return None
    parts = [c for c in block.children if not (c.type == "text" and not c.text.strip())]
    if len(parts) != 1 or not isinstance(parts[0], Link):
        return None
    return " ".join(inline_text(parts[0].children).split()).lower() or None


def without_template_links(cards: list[list[Block]]) -> list[list[Block]]:
    """The cards without the link lines the card template repeats (see
    :data:`CARD_TEMPLATE_LINKS`); a card left with nothing keeps its blocks."""
    if not CARD_TEMPLATE_LINKS or len(cards) < TEMPLATE_MIN_CARDS:
        return cards
    counts: dict[str, int] = {}
    for blocks in cards:
        for line in {_link_line(b) for b in blocks} - {None}:
            counts[line] = counts.get(line, 0) + 1
    floor = max(TEMPLATE_MIN_CARDS, TEMPLATE_SHARE * len(cards))
    template = {line for line, n in counts.items() if n >= floor}
    if not template:
        return cards
    out = []
    for blocks in cards:
        kept = [b for b in blocks if _link_line(b) not in template]
        out.append(kept or blocks)
    return out


def _card_hidden(node: LexborNode) -> bool:
    """:func:`..dom.is_hidden`, but a link's ``aria-hidden`` alone does not hide it."""
    if node.tag == "a":
        attrs = node.attributes
        if attrs and attrs.get("aria-hidden") == "true":
            return hidden_by({k: v for k, v in attrs.items() if k != "aria-hidden"})
    return is_hidden(node)


class _CardBuilder(Builder):
    hidden = staticmethod(_card_hidden)

    def inline(self, node: LexborNode, depth: int):  # noqa: ANN201
        # The twin's text is shown as text: its link repeats the title's.
        if node.tag == "a" and node.attributes.get("aria-hidden") == "true":
            return self.inline_children(node, depth)
        return super().inline(node, depth)


def card_builder(builder: Builder) -> Builder:
    """The builder for a grid's cards (see :data:`CARD_LINK_TWINS`)."""
    return _CardBuilder(builder.base) if CARD_LINK_TWINS else builder
