"""How a listing's card is built: what of it the screen shows.

A card of a news river often links its title twice: the heading's link, and a twin around the
picture or the summary, hidden from screen readers (``aria-hidden``, ``tabindex=-1``) because
it repeats the heading's. The twin's text is on the screen all the same (the card's summary,
which the listing's golds and readers keep), so inside a card an ``aria-hidden`` link is shown,
as text: its link is the title's (:data:`CARD_LINK_TWINS`).

A card built twice, once per screen size (the phone's layout and the desktop's, one of them
shown by the stylesheet), repeats its lines: then a line the card already showed is dropped
(:data:`CARD_REPEATS`).

Measured and deleted (issue #18, r-list8, 2026-12-07; listing and collection pages of wcxb-dev
+ wcxb-dev-extra): ``card_aria_shown``, inline text of a card hidden from screen readers only
(``aria-hidden`` spans: a struck-out price, a rating, a review count) shown like an
``aria-hidden`` link. On tune pages it split by site, 7 pages up (amazon.com +0.20 and +0.24,
samsclub.com, apple.com, headphones.com) and 7 down (rei.com's "(28)" beside its spoken
"28 reviews with an average rating of 4.9", skullcandy.com): collection +0.013, listing
+0.002; on the check split it cost listing 0.007 and collection 0.002, a fit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import re
from dataclasses import replace

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Heading, Paragraph
from convert.extract.ablation import rule
from convert.textutil import inline_text

from ..builder import Builder
from .desktop import desktop_hidden as hidden_by, is_hidden_on_desktop as is_hidden
from . import badges
from .service import collapsed_panel
from .... import regexcache

__all__ = ["card_builder", "without_repeats", "without_furniture_lines", "without_calls",
           "CARD_LINK_TWINS", "CARD_REPEATS", "CARD_TITLE_TWINS", "CARD_CALLS", "CARD_COUNTERS",
           "CARD_READ_TIMES", "CARD_TALLIES", "CARD_CONTROLS"]

CARD_LINK_TWINS = rule("card_link_twins", "a card's link hidden from screen readers only "
                       "(aria-hidden: the mouse twin of its title link, often around the "
                       "summary) is shown, as text")


CARD_CONTROLS = rule("card_controls", "a card's controls are left out of it: a link drawn as a "
                     "button ('Apply now', class btn/button/cta) and the label of a form field "
                     "('Add to Compare', 'Size', 'Qty:')")

#: class words of a link drawn as a button.
_BUTTON_CLASS = regexcache.compile(r"(?<![\w-])(?:btn|button|cta)(?:-[\w-]+)?(?![\w-])",
                                   re.IGNORECASE)


def _control(node: LexborNode) -> bool:
    """Whether the element is one of a card's controls (see :data:`CARD_CONTROLS`)."""
    tag = node.tag
    if tag == "a":
        cls = node.attributes.get("class")
        return bool(cls) and bool(_BUTTON_CLASS.search(cls))
    # (a label's field is gone from the tree the profiles read: its <input> and <select>
    # are dropped tags, so the label of a size picker or a "Compare" box is all that is left)
    return tag == "label"


CARD_PANELS = rule("card_panels", "a card's collapsed accordion or FAQ panel is shown (a "
                   "section of accordions read as a grid: its answers are the page's)")


CARD_FURNITURE = rule("card_furniture", "a block inside a card named for a newsletter sign-up "
                      "whose form (its own or its parent's) asks for an e-mail address (a "
                      "grid's 'item' that is the blog's newsletter box) is left out of the card")

#: class/id words of a sign-up box. The name alone is not enough: a Shopify product card is a
#: "subscription-eligible" wrapper of the whole card (holding its add-to-cart form); the box
#: (or its parent) holds a form asking for an e-mail address.
_FURNITURE = regexcache.compile(
    r"(?<![a-z])(?:newsletter|subscribe|subscription|sign-?up)(?![a-z])", re.IGNORECASE)
#: The sign-up form asks for an e-mail address (its fields are gone from the tree the
#: profiles read: their labels are what is left).
_EMAIL = regexcache.compile(r"(?<![a-z])e-?mail|courriel", re.IGNORECASE)


def _card_furniture(node: LexborNode) -> bool:
    attrs = node.attributes
    if not attrs:
        return False
    label = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not (label.strip() and _FURNITURE.search(label)):
        return False
    # (the box's text and its form are often siblings: the form is then the parent's)
    return any(n is not None and any(_EMAIL.search(f.text(deep=True)) for f in n.css("form"))
               for n in (node, node.parent))


def _card_hidden(node: LexborNode) -> bool:
    """:func:`..dom.is_hidden`, but a link's ``aria-hidden`` alone does not hide it; and a
    card's controls (:data:`CARD_CONTROLS`) and furniture (:data:`CARD_FURNITURE`) are
    hidden."""
    if CARD_CONTROLS and node.tag in ("a", "label") and _control(node):
        return True
    if CARD_FURNITURE and _card_furniture(node):
        return True
    if badges.CARD_BADGES and badges.is_badge(node):
        return True
    if node.tag == "a":
        attrs = node.attributes
        if attrs and attrs.get("aria-hidden") == "true":
            return hidden_by({k: v for k, v in attrs.items() if k != "aria-hidden"})
    if not is_hidden(node):
        return False
    return not (CARD_PANELS and collapsed_panel(node))


class _CardBuilder(Builder):
    hidden = staticmethod(_card_hidden)

    def inline(self, node: LexborNode, depth: int, shown: bool = False):  # noqa: ANN201
        # The twin's text is shown as text: its link repeats the title's.
        if node.tag == "a" and node.attributes.get("aria-hidden") == "true":
            return self.inline_children(node, depth)
        return super().inline(node, depth, shown)


def card_builder(builder: Builder) -> Builder:
    """The builder for a grid's cards (see :data:`CARD_LINK_TWINS`)."""
    return _CardBuilder(builder.base) if CARD_LINK_TWINS else builder


CARD_REPEATS = rule("card_repeats", "a card's heading or paragraph repeating a line the card "
                    "already showed is dropped (one card laid out twice, for phone and desktop)")


#: A card is laid out twice when at least this many of its lines repeat: one title shown twice
#: (an image link's label, then the heading) is no second layout, and which of the two to
#: keep is not clear.
MIN_REPEATED_LINES = 2


def _key(block: Block) -> str:
    return " ".join(inline_text(block.children).split()).casefold()  # type: ignore[union-attr]


def _lines(blocks) -> list[str]:  # noqa: ANN001
    out = []
    for block in blocks:
        if isinstance(block, (Heading, Paragraph)):
            out.append(_key(block))
        elif isinstance(block, Div):
            out.extend(_lines(block.blocks))
    return [k for k in out if k]


CARD_TITLE_TWINS = rule("card_title_twins", "a card showing one line twice (its title as an "
                        "image link's label, then again as its heading) shows it once: the "
                        "copies above the heading (else above the last copy) go")


def without_repeats(blocks: list[Block]) -> list[Block]:
    """The card's blocks without the headings and paragraphs whose text the card showed
    already (inside its sections too), when the card is laid out twice
    (:data:`MIN_REPEATED_LINES`; see :data:`CARD_REPEATS`); a single line shown twice is
    shown once (:data:`CARD_TITLE_TWINS`)."""
    lines = _lines(blocks)
    repeats = len(lines) - len(set(lines))
    if repeats < MIN_REPEATED_LINES:
        return _title_twin(blocks, lines) if repeats and CARD_TITLE_TWINS else blocks
    seen: set[str] = set()

    def shown(block: Block) -> bool:
        if not isinstance(block, (Heading, Paragraph)):
            return False
        key = _key(block)
        if key in seen:
            return True
        if key:
            seen.add(key)
        return False

    return _dropping(blocks, shown)


def _title_twin(blocks: list[Block], lines: list[str]) -> list[Block]:
    """The card's blocks with the one line it shows twice (see :data:`CARD_TITLE_TWINS`)
    shown once where the card's text shows it: the copies before its heading (else before its
    last copy) go."""
    twin = next(k for k in lines if lines.count(k) > 1)
    copies = [b for b in _flat(blocks) if isinstance(b, (Heading, Paragraph)) and _key(b) == twin]
    # The first copy is the label of the card's image link, above its text: the copies
    # before the card's title (its heading, else the last copy) go. A copy after the heading
    # is a line of the card's text (its name again by its price) and stays.
    at = next((n for n, b in enumerate(copies) if isinstance(b, Heading)), len(copies) - 1)
    gone = {id(b) for b in copies[:at]}
    if not gone:
        return blocks

    return _dropping(blocks, lambda block: id(block) in gone)


def _flat(blocks):  # noqa: ANN001, ANN202
    for block in blocks:
        yield block
        if isinstance(block, Div):
            yield from _flat(block.blocks)


def _dropping(blocks: Sequence[Block], drop: Callable[[Block], bool]) -> list[Block]:
    """``blocks`` without those ``drop`` says go (asked in reading order), inside sections
    too; a section left empty goes with them, one that lost a block (at any depth) is
    rebuilt, the others are kept as they are."""
    out: list[Block] = []
    for block in blocks:
        if drop(block):
            continue
        if isinstance(block, Div):
            inner = _dropping(block.blocks, drop)
            if not inner:
                continue
            if len(inner) != len(block.blocks) or any(
                    a is not b for a, b in zip(inner, block.blocks)):
                block = replace(block, blocks=tuple(inner))
        out.append(block)
    return out


CARD_COUNTERS = rule("card_counters", "a card's line that is a bare number (its count of reviews, "
                     "likes, comments or colours, its star rating: '6207', '+15', '4.5') is "
                     "the card's furniture, not its title or summary")

#: A bare count or rating: digits with separators, an optional sign and magnitude suffix. A
#: price has a currency, a year or a model name has words around it: they stay.
_COUNTER = regexcache.compile(r"^[+]?\d[\d,.\u202f\u00a0]*[kKmM]?\+?$")


CARD_READ_TIMES = rule("card_read_times", "a card's line that is only its reading time ('7 min "
                       "read', '5 minute read') is the card's furniture, not its summary")

#: A reading time and nothing else. On the wcxb tune pages (every type) whose text holds such
#: a line, the gold leaves it out on every page (22 pages, 22 sites); an article's cleaning
#: drops it already, a card kept it (a blog's river of posts).
_READ_TIME = regexcache.compile(r"^[·•|]?\s*\d+\s*(?:min|mins|minute|minutes)\.?\s+"
                                r"(?:read|to read)$", re.IGNORECASE)


CARD_TALLIES = rule("card_tallies", "a card's line that is a count of its reviews, ratings, "
                    "comments or votes ('24 Reviews', '839 Ratings', '2 comments') is the "
                    "card's furniture, like a bare counter")

#: A count and the noun it counts, nothing else. On the wcxb tune pages of every type whose
#: text holds such lines, the gold leaves them out on 34 of 36 pages (32 sites); among the
#: cards it changes on tune pages, one shop's golds keep its "0 reviews" on 2 pages and
#: leave it out on 5.
_TALLY = regexcache.compile(r"^\(?[+]?\d[\d,.\u202f\u00a0]*[km]?\+?\)?\s*(?:customer |user )?"
                            r"(?:reviews?|ratings?|comments?|replies|reply|votes?|answers?|"
                            r"likes?|views?)$", re.IGNORECASE)


def without_furniture_lines(blocks: list[Block]) -> list[Block]:
    """The card's blocks without its paragraphs that are only a counter, a reading time or a
    tally (:data:`CARD_COUNTERS`, :data:`CARD_READ_TIMES`, :data:`CARD_TALLIES`, each as it is
    switched on), inside its sections too: one walk of the card for the three."""
    shapes = [shape for on, shape in ((CARD_COUNTERS, _COUNTER), (CARD_READ_TIMES, _READ_TIME),
                                      (CARD_TALLIES, _TALLY)) if on]
    if not shapes:
        return blocks

    def furniture(block: Block) -> bool:
        if not isinstance(block, Paragraph):
            return False
        key = _key(block)
        return any(shape.match(key) for shape in shapes)

    return _dropping(blocks, furniture)


CARD_CALLS = rule("card_calls", "a call to action every card of a grid repeats ('View Company "
                  "Profile', 'Read entire review', 'Back to Project', 'Quick Shop') is the "
                  "grid's furniture, not an item's summary")

#: A call to action opens with one of these words and is short...
_CALL = regexcache.compile(
    r"^(?:view|visit|read|back|more|add|compare|calculate|shop|buy|see|learn|apply|get|"
    r"discover|explore|watch|download|book|order|select|choose|skip|show|open|go|continue|"
    r"request|contact|find|check|start|try|sign|join|register|subscribe|close|quick)\b",
    re.IGNORECASE)
CALL_MAX_WORDS = 5
#: ...and the grid repeats it word for word in at least this share of its cards (and three).
CALL_SHARE = 0.5
CALL_MIN_CARDS = 3


def without_calls(cards: list[list[Block]]) -> list[list[Block]]:
    """Each card's blocks without the calls to action most cards repeat (see
    :data:`CARD_CALLS`)."""
    counts: dict[str, int] = {}
    for blocks in cards:
        for key in set(_lines(blocks)):
            if len(key.split()) <= CALL_MAX_WORDS and _CALL.match(key):
                counts[key] = counts.get(key, 0) + 1
    calls = {k for k, n in counts.items()
             if n >= CALL_MIN_CARDS and n >= CALL_SHARE * len(cards)}
    if not calls:
        return cards
    return [_without_lines(blocks, calls) for blocks in cards]


def _without_lines(blocks: list[Block], lines: set[str]) -> list[Block]:
    return _dropping(blocks, lambda block: isinstance(block, (Heading, Paragraph))
                     and _key(block) in lines)
