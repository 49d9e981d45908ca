"""Listing and collection pages: the list itself, one AST list item per card.

A category grid, a search result page or a news river repeats one card per item: the same
element side by side, each holding a link (the item's page) and a little text (its title,
summary, price). The run of such cards holding the most text, outside menus, facets, sort
bars and pagination (:mod:`.repeats`), is the page; every card becomes a :class:`ListItem`
holding its blocks (title and link, summary), so the filters and "more like this" carousels
around the grid stay out.

Around the grid, the page's heading, its introduction and its other sections of cards are the
listing too (:func:`region`, :func:`take`): each grid there becomes a list of its own and the
rest is built as usual, without the furniture between them. How a card is built is
:mod:`.cards`'.

Measured and not adopted (issue #18, 2026-12-07; full HTML benchmark, every set):

* the listing profile on pages read as articles or of no sure type (its grid of at least 8
  cards must outweigh the prose), since the classifier's commonest out-of-fold miss is a
  listing read as an article: out-of-fold on wcxb tune pages collection +0.010, listing
  -0.001, but dragnet tune 0.944 -> 0.938 and check 0.925 -> 0.917 (a reader-comment or
  blogroll grid outweighing a short article);
* the profile of the classifier's type from probability 0.35 (``MIN_PROBABILITY``, the type
  threshold of ``assess``) instead of 0.5: out-of-fold on wcxb tune pages 8 pages up, 2 down
  (forum +0.010, listing +0.004); check forum 0.817 -> 0.838 but listing 0.716 -> 0.708 and
  trafilatura-eval 0.950 -> 0.948 (one page each);
* a collection page without a grid to take read as a service page (all its sections):
  tune collection 0.666 -> 0.691 (7 pages up, 6 down), check collection 0.773 -> 0.727;
* (r-list7) the cascade's prose weighed only outside the cards, whatever share of it the cards
  hold (``listing_own_prose`` without :data:`OWN_PROSE_SHARE`): collection tune 0.678 -> 0.665
  (a category guide below a grid of long product cards losing to the grid);
* (r-list7) two runs of cards under one parent both kept in the region, and the parent's other
  children built with them: listing tune +0.001, collection tune -0.002, 16 of 22 changed tune
  pages down (a sidebar of "Recent appointments", "Loading..." placeholders beside the grid);
* (r-list9) the listing profile on a page of no sure profile type (article, other, below
  ``MIN_PROBABILITY``) whose grid is a run of at least 10 ``<article>`` cards, a blog or news
  river (on tune no article holds such a run; the listings the out-of-fold classifier reads as
  articles hold 15 to 51): out-of-fold tune listing 0.751 -> 0.759, collection 0.686 -> 0.696
  (5 pages up, none down; every other tune page unchanged), check listing 0.731 -> 0.734 but
  trafilatura-eval check 0.950 -> 0.948 (one page): an article with a river of 10 teasers;
* (r-list9) a short line (at most 6 words) that 80 % (or 50 %) of a grid's cards repeat word
  for word ("ABOUT THIS HOME", a category label) left out like ``card_calls``' calls to
  action: tune listing 0.782 -> 0.777, collection 0.695 -> 0.676 (7 pages down, 7 up by
  less): the golds keep a card template's labels;
* (r-list11) an unnamed link menu in the region (3 links or more, 90 % of its words in links,
  at most 3 words a link: a facet column) left out like named furniture: 6 tune pages, listing
  and collection tune +0.001, check unchanged, below noise; at 60 % of its words, listing tune
  0.786 -> 0.777 (a listing's link-dense section headers).
"""

from __future__ import annotations

import re
from dataclasses import replace

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Heading, Link, List, ListItem, Paragraph, Quote
from convert.extract.ablation import rule
from convert.safety import kept_url
from convert.textutil import block_texts, inline_text

from ...peek import holds_link
from ..dom import within
from ..measure import text_len
from ...lazyre import lazy
from . import cards, facets, held, service
from .desktop import desktop_hidden, is_hidden_on_desktop as is_hidden
from .repeats import Group, _lead_class, groups, in_chrome, prose_words, words

__all__ = ["find", "build", "take", "region", "LISTING_PROFILE", "LISTING_REGION"]

LISTING_PROFILE = rule("listing_profile", "on a listing or collection page the run of repeated "
                       "cards (each a link and its text) is the page, one list item per card")
LISTING_REGION = rule("listing_region", "a listing's page heading, introduction and the other "
                      "sections of cards around its grid are kept with it (each grid a list), "
                      "without the menus, facets, sort bars and pagination among them")

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
#: when it holds at least this share of the grid's words, and the cascade MIN_GUIDE_WORDS in
#: all (a line above a grid only introduces it, ``SHORT_INTROS``): the page's own text (a
#: category's guide, a list page's introduction) is then the content, as golds take it.
PROSE_SHARE = 0.3
MIN_GUIDE_WORDS = 25


MAIN_ARTICLES = rule("main_articles", "a run of <article> elements right under <main> (a blog "
                     "archive's posts, each a title link and an excerpt) can be the grid: "
                     "<main>'s other children are the page's regions, an <article> is an item")

LIST_WRAPPERS = rule("list_wrappers", "a block named for a list's controls (pagination, "
                     "filters, facets, sort) or a <form>, holding mostly one run of cards, is "
                     "the list's wrapper: its run can be the grid")

LAYOUT_ABOVE_MAIN = rule("layout_above_main", "the class/id of an element holding the page's "
                         "<main> is page layout, not furniture: a grid in <main> under a "
                         "'flex-wrap-footer' page wrapper is still found")

CARD_REPEATS = cards.CARD_REPEATS

CARD_NOT_DIALOG = rule("card_not_dialog", "the text of a dialog (role=dialog, <dialog>) inside "
                       "an item does not make it a card: a run of a page's modal windows is no grid")

LISTING_SCRIPTED = rule("listing_scripted", "a listing page without a grid on the screen "
                        "reads the grid under an element its inline style hides (a store's "
                        "results, shown by a script once the page has loaded)")


def _unstyled_hidden(node: LexborNode) -> bool:
    """:func:`.desktop.is_hidden_on_desktop` without the element's inline style (see
    :data:`LISTING_SCRIPTED`)."""
    attrs = node.attributes
    return bool(attrs) and desktop_hidden({k: v for k, v in attrs.items() if k != "style"})


_DIALOGS = "dialog, [role=dialog], [role=alertdialog]"


def _is_card(item: LexborNode, length: int) -> bool:
    if length < CARD_MIN_CHARS:
        return False
    if CARD_NOT_DIALOG:
        hidden = sum(text_len(d) for d in item.css(_DIALOGS))
        if hidden and length - hidden < CARD_MIN_CHARS:
            return False
    return item.tag == "a" and bool(item.attrs.get("href")) or holds_link(item)


def _grids(root: LexborNode, hidden=is_hidden) -> list[tuple[float, Group]]:  # noqa: ANN001
    """Every run of cards under ``root`` that reads as a grid, with its score (card text,
    each card capped), its items narrowed to the cards; ``hidden`` tells which elements are
    hidden (see :data:`LISTING_SCRIPTED`)."""
    out = []
    for group in groups(root, MIN_CARDS, feedback=True, wrappers=LIST_WRAPPERS,
                        main=LAYOUT_ABOVE_MAIN, hidden=hidden):
        tag = group.signature[0]
        if tag not in CARD_TAGS or group.parent.tag in REGION_PARENTS \
                and not (MAIN_ARTICLES and tag == "article" and group.parent.tag == "main"):
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
        group.items = [item for item, _ in cards]
        group.lengths = [n for _, n in cards]
        out.append((score, group))
    return out


def find(body: LexborNode) -> Group | None:
    """The page's grid of cards, or ``None`` when no run of cards is clearly there."""
    return _best(_grids(body))


def _best(grids: list[tuple[float, Group]]) -> Group | None:
    best: tuple[float, Group] | None = None
    for score, group in grids:
        if best is None or score > best[0]:
            best = (score, group)
    return best[1] if best else None


def build(group: Group, builder) -> list[Block]:  # noqa: ANN001
    """One :class:`List` of the cards, each card's blocks an item (its title linked)."""
    cardwise = cards.card_builder(builder)
    built = []
    for item in group.items:
        blocks = cardwise.blocks_of(item, 0)
        if CARD_REPEATS:
            blocks = cards.without_repeats(blocks)
        blocks = cards.without_furniture_lines(blocks)
        built.append(blocks)
    if cards.CARD_CALLS:
        built = cards.without_calls(built)
    items = [ListItem(tuple(_linked(blocks, item, builder.base)))
             for blocks, item in zip(built, group.items) if blocks]
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


#: ...unless most of that prose is the grid's own card text: the cascade's paragraphs outside
#: the cards are under this share of its prose (see :data:`LISTING_OWN_PROSE`).
OWN_PROSE_SHARE = 0.5

LISTING_OWN_PROSE = rule("listing_own_prose", "when a listing's cards hold most of the "
                         "cascade's prose (a news river's summaries, read as running text), "
                         "only its paragraphs outside the cards are weighed against the grid")
SHORT_INTROS = rule("listing_short_intros", "a cascade's content of a line or two (under "
                    "MIN_GUIDE_WORDS) never outweighs a grid: a collection's one-line "
                    "introduction, taken alone, left the page with no content")


def preferred(grid: list[Block], generic: list[Block]) -> bool:
    """Whether the grid's blocks should replace the generic cascade's (see
    :data:`PROSE_SHARE` and :data:`LISTING_OWN_PROSE`)."""
    prose = prose_words(generic)
    if prose < PROSE_SHARE * words(grid) or SHORT_INTROS and words(generic) < MIN_GUIDE_WORDS:
        return True
    if not LISTING_OWN_PROSE:
        return False
    own = prose_words(_outside(generic, {_line(t) for t in block_texts(grid)}))
    return own < OWN_PROSE_SHARE * prose and own < PROSE_SHARE * words(grid)


def _line(text: str) -> str:
    return " ".join(text.split()).casefold()


def _outside(blocks: list[Block], lines: set[str]) -> list[Block]:
    """The blocks without the paragraphs whose text is one of the grid's ``lines`` (inside
    sections and quotes too)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            if _line(inline_text(block.children)) in lines:
                continue
        elif isinstance(block, (Div, Quote)):
            block = replace(block, blocks=tuple(_outside(list(block.blocks), lines)))
        out.append(block)
    return out


# ---------------------------------------------------------------------------------- region
#
# The grid is rarely the whole list page: its heading and introduction sit above it, and a
# recipe index or a news topic shows several sections of cards ("Top rated", "Chicken
# recipes", "All recipes"), each a heading, a line of text and a grid. The region is the
# lowest element holding both the page heading and the grid; inside it every grid becomes a
# list and the rest is built as usual, without the furniture listed below.

#: Tags whose subtree inside the region is furniture, unless it holds a grid.
_REGION_SKIP = frozenset({"nav", "aside", "footer", "menu", "form", "dialog", "button",
                          "select", "template"})

#: class/id words of the furniture around and between a listing's grids: the facets, sort bars
#: and pagination the page's list is read without, its menus and other items' carousels.
#: (A header is not one: the page's heading often lives in one.)
LISTING_TWINS = rule("listing_twins", "in a listing's region a short run of the main grid's "
                     "own cards (same element and class) is a grid of its own, built as a list")

REGION_CHROME = lazy(
    r"(?<![a-z])(?:nav|navbar|navigation|menu|megamenu|breadcrumbs?|crumbs|footer|sidebar|"
    r"filters?|facets?|refine|sort(?:ing|by)?|pagination|pager|paging|related|recommend\w*|"
    r"also-?(?:bought|viewed|like)|upsell|cross-?sell|recently-?viewed|dropdown|modal|popup|"
    r"cookie|consent|newsletter|share|social|toc)(?![a-z])",
    re.IGNORECASE)


_FURNITURE_ROLES = frozenset({"navigation", "menu", "menubar", "search", "dialog"})


def _named_furniture(node: LexborNode) -> bool:
    """Whether an element inside the region is furniture (see :data:`REGION_CHROME`)."""
    if node.tag in _REGION_SKIP:
        return True
    attrs = node.attributes
    if not attrs:
        return False
    if attrs.get("role") in _FURNITURE_ROLES or is_hidden(node):
        return True
    label = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
    return bool(label.strip()) and bool(REGION_CHROME.search(label))


def _heading(body: LexborNode) -> LexborNode | None:
    """The page's first ``<h1>`` outside menus, sidebars and footers."""
    for h1 in body.css("h1"):
        node, ok = h1, True
        while node is not None and node.tag not in ("body", "html"):
            if node.tag in ("nav", "aside", "footer", "menu") or is_hidden(node):
                ok = False
                break
            node = node.parent
        if ok and h1.text(deep=True, strip=True):
            return h1
    return None


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    while node is not None:
        out.append(node)
        node = node.parent
    return out


def region(body: LexborNode, grid: Group) -> LexborNode | None:
    """The lowest element holding the page heading and the grid, or ``None`` (no heading, or
    only the body holds both: the page's own regions are then not one listing)."""
    h1 = _heading(body)
    if h1 is None:
        return None
    above = {n.mem_id for n in _ancestors(h1)}
    for node in _ancestors(grid.parent):
        if node.mem_id in above:
            return None if node.tag in ("body", "html") else node
    return None


def _region_grids(root: LexborNode, grid: Group,
                  grids: list[tuple[float, Group]] | None = None) -> list[Group]:
    """The grids of the region: the chosen one, and every other one not nested in or around
    a grid already taken (larger ones first). ``grids`` are the page's (:func:`_grids` of the
    body), when known."""
    inside = _grids(root) if grids is None else [
        (score, g) for score, g in grids if within(g.parent, root)]
    taken = [grid]
    for _, other in sorted(inside + _twins(root, grid), key=lambda sg: -sg[0]):
        if any(within(other.parent, g.parent) or within(g.parent, other.parent) for g in taken):
            continue
        taken.append(other)
    return taken


#: A section of the region holding at least this many cards of the main grid's kind (its
#: signature) is a grid too: a "Latest" block of three cards above the river.
MIN_TWIN_CARDS = 2


def _twins(root: LexborNode, grid: Group) -> list[tuple[float, Group]]:
    """Short runs of the main grid's own cards elsewhere in the region (see
    :data:`MIN_TWIN_CARDS`), with their scores."""
    if not LISTING_TWINS:
        return []
    tag, cls = grid.signature
    runs: dict[int, tuple[LexborNode, list[LexborNode]]] = {}
    for node in root.css(tag):
        name = node.attributes.get("class") or ""
        parent = node.parent
        if (_lead_class(name) if name else "") != cls or parent is None \
                or parent.mem_id == grid.parent.mem_id:
            continue
        runs.setdefault(parent.mem_id, (parent, []))[1].append(node)
    out = []
    for parent, items in runs.values():
        if len(items) < MIN_TWIN_CARDS or in_chrome(parent, feedback=True, hidden=is_hidden):
            continue
        cards = [(item, n) for item in items if _is_card(item, n := text_len(item))]
        if len(cards) < MIN_TWIN_CARDS:
            continue
        twin = Group(parent, [item for item, _ in cards], grid.signature, [n for _, n in cards])
        out.append((sum(min(n, CARD_CAP) for _, n in cards), twin))
    return out


LISTING_PANELS = rule("listing_panels", "in a listing's region the collapsed accordion, tab and "
                      "FAQ panels are shown (a category's buying guide, its FAQ answers), as on "
                      "a service page")


def _panel(node: LexborNode) -> bool:
    """Whether a hidden element of the region is a collapsed panel a reader opens (see
    :data:`LISTING_PANELS` and :func:`.service.collapsed_panel`)."""
    return LISTING_PANELS and service.collapsed_panel(node)


def build_region(root: LexborNode, grids: list[Group], builder,  # noqa: ANN001
                 built: dict[int, list[Block]] | None = None) -> list[Block]:
    """The region's blocks in document order: each grid a list (``built`` holds the blocks of
    grids already built, by their parent's ``mem_id``), the rest built as usual, furniture
    without a grid left out."""
    by_parent = {g.parent.mem_id: g for g in grids}
    # Elements holding a grid or furniture are walked child by child; any other is built whole.
    walked: set[int] = set()

    def mark(node: LexborNode) -> None:
        above = node.parent  # (up to the first marked: each element is marked once)
        while above is not None and above.mem_id not in walked:
            walked.add(above.mem_id)
            if above.mem_id == root.mem_id:
                return
            above = above.parent

    facet_ids = facets.facet_runs(root)  # (unnamed facet lists are furniture too)

    def _furniture(node: LexborNode) -> bool:
        return node.mem_id in facet_ids or _named_furniture(node)

    for g in grids:
        mark(g.parent)
    for node in root.traverse():
        # (a collapsed panel is hidden: furniture to mark, opened below)
        if node is not root and node.tag and not node.tag.startswith("-") and _furniture(node):
            mark(node)

    # (a walk with a stack: a region nested thousands of levels deep is no recursion)
    out: list[Block] = []
    stack = [root]
    while stack:
        node = stack.pop()
        group = by_parent.get(node.mem_id)
        if group is not None:
            done = built.get(node.mem_id) if built else None
            out.extend(done if done is not None else build(group, builder))
        elif node is not root and node.tag and not node.tag.startswith("-") and _panel(node) \
                and not any(within(g.parent, node) for g in grids):
            out.extend(builder.blocks(node, 0))  # (its content: the panel itself is hidden)
        elif node.mem_id in walked:
            if node.mem_id == root.mem_id or not _furniture(node) \
                    or any(within(g.parent, node) for g in grids):
                stack.extend(reversed(list(node.iter())))  # in document order
        elif node.tag and not node.tag.startswith("-") and not _furniture(node):
            out.extend(builder.blocks_of(node, 0))
    return facets.without_sort_lines(out)


def take(body: LexborNode, builder, generic: list[Block], kind: str = "listing"):  # noqa: ANN001
    """The listing's blocks, the element they came from and a note, or ``None`` (no grid, or
    the page's own prose outweighs it: see :func:`preferred`, and on a ``listing`` page
    :data:`REGION_HOLDS_PROSE`; or the cascade's content holds it and more:
    :func:`.held.holds`)."""
    grids = _grids(body)
    grid = _best(grids)
    if grid is None and LISTING_SCRIPTED:
        grids = _grids(body, hidden=_unstyled_hidden)
        grid = _best(grids)
    if grid is None:
        return None
    blocks = build(grid, builder)
    if not blocks:
        return None
    chosen = preferred(blocks, generic)
    # (a collection's golds and readers take its buying guide without the product grid)
    if not chosen and not (REGION_HOLDS_PROSE and kind == "listing"):
        return None
    taken = None
    root = region(body, grid) if LISTING_REGION else None
    if root is not None:
        kept = _region_grids(root, grid, grids)
        wide = build_region(root, kept, builder, {grid.parent.mem_id: blocks})
        if wide and (chosen or _holds_prose(wide, generic)):
            taken = wide, root, (f"{len(kept)} grids and their headings under <{root.tag}>, "
                                 f"{len(grid.items)} cards in the main grid")
    if taken is None and chosen:
        taken = blocks, grid.parent, f"{len(grid.items)} cards under <{grid.parent.tag}>"
    # (the cascade's content holding the listing and more: see held.LISTING_GENERIC_HOLDS)
    return None if taken is None or held.holds(taken[0], generic) else taken


REGION_HOLDS_PROSE = rule("region_holds_prose", "a listing page (not a collection) whose "
                          "prose outweighs its grid is still taken whole when its region "
                          "(heading, introduction, grids) holds that prose: the cascade's "
                          "paragraphs and the cards both")

#: The region holds the cascade's prose when this share of its words is in the region's lines.
HELD_SHARE = 0.9


def _holds_prose(region_blocks: list[Block], generic: list[Block]) -> bool:
    """Whether the region's blocks hold the cascade's prose (see :data:`REGION_HOLDS_PROSE`)."""
    total = prose_words(generic)
    if not total:
        return False
    outside = prose_words(_outside(generic, {_line(t) for t in block_texts(region_blocks)}))
    return outside <= (1 - HELD_SHARE) * total
