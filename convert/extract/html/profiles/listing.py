"""Listing and collection pages: the list itself, one AST list item per card.

A category grid, a search result page or a news river repeats one card per item: the same
element side by side, each holding a link (the item's page) and a little text (its title,
summary, price). The run of such cards holding the most text, outside menus, facets, sort
bars and pagination (:mod:`.repeats`), is the page; every card becomes a :class:`ListItem`
holding its blocks (title and link, summary), so the filters and "more like this" carousels
around the grid stay out.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.article import Block, Heading, Link, List, ListItem, Paragraph
from convert.extract.ablation import rule
from convert.safety import kept_url

from .repeats import Group, groups, prose_words, words

__all__ = ["find", "build", "LISTING_PROFILE"]

LISTING_PROFILE = rule("listing_profile", "on a listing or collection page the run of repeated "
                       "cards (each a link and its text) is the page, one list item per card")

#: A card holds at least this many visible characters (a bare icon link is no card)...
CARD_MIN_CHARS = 15
#: ...and the grid's typical card at most this many (a run of page sections is no grid).
CARD_MAX_MEDIAN = 2500
#: Cards count for at most this many characters each when runs are compared, so one long
#: wrapper of the page's regions does not outweigh a grid of thirty products.
CARD_CAP = 1500
#: A run is a grid when it has this many cards, making up this share of its items...
MIN_CARDS = 4
MIN_CARD_SHARE = 0.6
#: ...and holds this many characters of card text in all.
MIN_GRID_CHARS = 400


#: Elements that make cards. Paragraph runs are prose, table rows are tables (the builder
#: keeps a table whole), spans are inline.
CARD_TAGS = frozenset({"li", "article", "div", "section", "a", "dl"})
#: Parents whose children are the page's regions, not a grid's cards.
REGION_PARENTS = frozenset({"body", "html", "main", "form"})
#: The generic cascade's prose (words outside links in its paragraphs) wins over the grid
#: when it holds at least this share of the grid's words: the page's own text (a category's
#: guide, a list page's introduction) is then the content, as readers and golds take it.
PROSE_SHARE = 0.3


def _is_card(item: LexborNode, length: int) -> bool:
    if length < CARD_MIN_CHARS:
        return False
    return item.tag == "a" and bool(item.attrs.get("href")) or item.css_first("a[href]") is not None


def find(body: LexborNode) -> Group | None:
    """The page's grid of cards, or ``None`` when no run of cards is clearly there."""
    best: tuple[float, Group] | None = None
    for group in groups(body, MIN_CARDS, feedback=True):
        if group.signature[0] not in CARD_TAGS or group.parent.tag in REGION_PARENTS:
            continue
        lengths = group.lengths
        cards = [(item, n) for item, n in zip(group.items, lengths) if _is_card(item, n)]
        if len(cards) < MIN_CARDS or len(cards) < MIN_CARD_SHARE * len(group.items):
            continue
        from statistics import median  # (here: it imports fractions, decimal, random)
        if median(n for _, n in cards) > CARD_MAX_MEDIAN:
            continue
        score = sum(min(n, CARD_CAP) for _, n in cards)
        if score < MIN_GRID_CHARS:
            continue
        if best is None or score > best[0]:
            group.items = [item for item, _ in cards]
            group.lengths = [n for _, n in cards]
            best = (score, group)
    return best[1] if best else None


def build(group: Group, builder) -> list[Block]:  # noqa: ANN001
    """One :class:`List` of the cards, each card's blocks an item (its title linked)."""
    items = []
    for item in group.items:
        blocks = builder.blocks_of(item, 0)
        if blocks:
            items.append(ListItem(tuple(_linked(blocks, item, builder.base))))
    return [List(tuple(items))] if items else []


def _linked(blocks: list[Block], item: LexborNode, base: str | None) -> list[Block]:
    """The card's blocks with its title linked to the item's page: a link wrapping the whole
    card (image and heading) is block content, which the builder flattens to its text."""
    if any(_has_link(b) for b in blocks):
        return blocks
    anchor = item if item.tag == "a" else item.css_first("a[href]")
    url = kept_url(anchor.attrs.get("href"), base) if anchor is not None else None
    if not url:
        return blocks
    for i, block in enumerate(blocks):
        if isinstance(block, (Heading, Paragraph)):
            linked = Link(block.children, url)
            title = Heading(block.level, (linked,)) if isinstance(block, Heading) else Paragraph((linked,))
            return blocks[:i] + [title] + blocks[i + 1:]
    return blocks


def _has_link(block: Block) -> bool:
    return any(isinstance(c, Link) for c in getattr(block, "children", ()))


def preferred(grid: list[Block], generic: list[Block]) -> bool:
    """Whether the grid's blocks should replace the generic cascade's (see
    :data:`PROSE_SHARE`)."""
    return prose_words(generic) < PROSE_SHARE * words(grid)
