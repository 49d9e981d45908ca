"""Product pages: the product's own description and specifications, not what surrounds it.

On a product page the blocks that outweigh the description are the shop's, repeated on every
product: customer reviews and ratings, questions and answers, "customers also bought",
"similar items", "recently viewed" carousels. The generic cascade, looking for the most prose,
often picks the reviews. The product profile reads the page's markup as a reader sees it
opened up (:func:`product_markup`):

* the boxes asking for an email address (a newsletter sign-up, a back-in-stock alert) go
  with their title and pitch (:mod:`.signups`);
* the blocks named for reviews, Q&A or other products go (class/id words,
  :data:`NOT_THE_PRODUCT`), and so do the runs of priced cards linking to other products
  however they are named (:func:`without_product_cards`) and the sections headed as other
  products ("Complete the look", "More from ...", :func:`without_other_product_sections`);
* of a block written twice, for the phone and the desktop layout, one copy goes
  (:func:`.twins.without_twins`);
* the collapsed panels of tabs and accordions, where shops keep the description and the
  specifications, are shown (:func:`show_collapsed`), and so are the panels a disclosure
  button opens or that sit hidden under their heading, whatever they are named, and the
  titles written in those buttons stay as headings (:mod:`.disclosures`); the wrappers
  inside specification cells are unwrapped (:func:`unwrap_cells`);

then runs the cascade again: what is left with the most text is the description, its feature
list and specification tables. The blocks the page marks as the product's description or
specifications join what the cascade found (:func:`.described.with_described`); a block
repeated word for word is read once (:func:`.described.without_repeats`), and the description
the page declares in its JSON-LD is added when the content lacks it
(:func:`.described.with_declared`).

Measured and not adopted (r-list9, issue #18, 2026-12-07; wcxb tune pages):

* the product profile on any page declaring one product's offer (the ``price`` metadata,
  :mod:`..meta.offer`) whatever its type: all 40 tune product pages declaring one are already
  read as product out-of-fold, and the five product pages the out-of-fold classifier
  misreads (collection, listing, other, service; three lose 0.45-0.68 each) declare none
  (an Amazon, AliExpress or Wayfair page, a shop's "collections" URL, a Product without
  offers), while two tune service pages declaring a price would have taken the profile:
  nothing to gain;
* blocks named ``legal``/``disclaimer`` removed: product tune 0.711 -> 0.717, but all three
  pages moved are one shop's (two up, one down -0.19): no general rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.article import Block, Heading, Link, List, Paragraph, Text
from convert.textutil import block_texts

from convert.extract.ablation import rule

from .. import patterns as P
from ..dom import hidden_by, inside
from . import badges, described, disclosures, pickers, signups, twins
from .described import DESCRIBED
from .twins import squeezed, without_twins
from ...lazyre import LazyPattern, lazy

__all__ = ["product_markup", "without_shop_blocks", "without_product_cards", "show_collapsed",
           "show_panels",
           "NOT_THE_PRODUCT",
           "PRODUCT_PROFILE", "SHOP_BLOCK_GUARD", "DESCRIPTION_ANCHOR", "OTHER_PRODUCT_CARDS",
           "COLLAPSED_PANELS", "CELL_WRAPPERS",
           "OTHER_PRODUCT_HEADINGS", "unwrap_cells",
           "without_other_product_sections", "DECLARED_DESCRIPTION",
           "REVIEW_HEADINGS", "without_review_sections", "without_headed_sections",
           "REPEATED_BLOCKS",
           "TOOLTIPS", "without_tooltips", "PREFIXED_HIDDEN", "without_prefixed_hidden",
           "LINK_LISTS", "without_link_lists"]

PRODUCT_PROFILE = rule("product_profile", "on a product page the reviews, Q&A and 'also "
                       "bought'/similar-item carousels are removed before the content is found")
SHOP_BLOCK_GUARD = rule("shop_block_guard", "a block named for reviews or other products "
                        "that holds the page's <h1> (the product's wrapper, the body) stays")
DESCRIPTION_ANCHOR = rule("description_anchor", "on a product page the blocks marked as the "
                          "product's description or specifications are kept with the content "
                          "found (added beside it, or widened to when they hold it)")
OTHER_PRODUCT_CARDS = rule("other_product_cards", "on a product page a run of repeated cards "
                           "each linking to a priced item (other products) is removed")
COLLAPSED_PANELS = rule("collapsed_panels", "on a product page the collapsed panels of tabs "
                        "and accordions (description, specifications, details) are shown")
CELL_WRAPPERS = rule("cell_wrappers", "on a product page the <div> wrappers inside table and "
                     "definition-list cells are unwrapped, so cleaning keeps a "
                     "specification's names")
OTHER_PRODUCT_HEADINGS = rule("other_product_headings", "on a product page a section whose "
                              "heading reads as other products ('Complete the look', 'More "
                              "from ...', 'Customers also bought', 'More brands') is removed")
DECLARED_DESCRIPTION = rule("declared_description", "on a product page the description the "
                            "page declares (a JSON-LD Product's description) is added as "
                            "a paragraph when it is long and the content found lacks it")
REPEATED_BLOCKS = rule("repeated_blocks", "on a product page a block (paragraph, list, table) "
                       "whose text an earlier block of the content already has is dropped")
TOOLTIPS = rule("tooltips", "on a product page the tooltips (a role=tooltip, a <tool-tip>, "
                "a tooltip's or infotip's content/overlay) are removed: help on buying, not "
                "the product")
PREFIXED_HIDDEN = rule("prefixed_hidden", "on a product page an element hidden by a class "
                       "under a short namespace prefix ('a-hidden', 'aok-hidden') or "
                       "named for its style ('wt-display-none') is removed, as a bare "
                       "'hidden' is: error messages, sign-in prompts, teaser captions")
REVIEW_HEADINGS = rule("review_headings", "on a product page a section whose heading reads, "
                       "whole, as the customers' reviews or questions ('Customer reviews', "
                       "'Customers say', 'Reviews summary', 'Questions & Answers') is removed, "
                       "however its blocks are named")
LINK_LISTS = rule("product_link_lists", "on a product page a list of at least three items, each "
                  "nothing but one short link (jump links to the page's tabs, a shop's "
                  "category links), is dropped with a heading that titles only it")
TEST_IDS = rule("test_ids", "on a product page a block's data-testid names it like its "
                "class and id: a 'product-cross-sell' or 'reviews' test id is a shop block")

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


def product_markup(html: str) -> str | None:
    """The page's markup as the product profile reads it (streamed segments in place, shop
    blocks and other products' cards removed, collapsed panels shown), or ``None`` when none
    of that changes anything."""
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return None
    removed = without_shop_blocks(body)
    if described.SELF_LINKS and described.without_self_links(tree):
        removed = True
    # (before the panels are read: a conditionally hidden panel is a panel like the others)
    if disclosures.CONDITIONAL_HIDDEN and disclosures.without_conditions(body):
        removed = True
    if PREFIXED_HIDDEN and without_prefixed_hidden(body):
        removed = True
    if signups.EMAIL_BOXES and signups.without_email_boxes(body):
        removed = True
    if pickers.VARIANT_PICKERS and pickers.without_pickers(body):
        removed = True
    if OTHER_PRODUCT_CARDS and without_product_cards(body):
        removed = True
    shown = COLLAPSED_PANELS and show_collapsed(body)
    if disclosures.CONTROLLED_PANELS and disclosures.show_controlled(body):
        shown = True
    if disclosures.HEADED_PANELS and disclosures.show_headed(body):
        shown = True
    if disclosures.LINKED_PANELS and disclosures.show_linked(body):
        shown = True
    if disclosures.PANEL_LABELS and disclosures.with_panel_labels(body):
        shown = True
    unwrapped = CELL_WRAPPERS and unwrap_cells(body)
    if twins.RESPONSIVE_TWINS and without_twins(body):  # (the flag read where it lives)
        removed = True
    if OTHER_PRODUCT_HEADINGS and without_other_product_sections(body):
        removed = True
    if REVIEW_HEADINGS and without_review_sections(body):
        removed = True
    if TOOLTIPS and without_tooltips(body):
        removed = True
    if badges.PRICE_BADGES and badges.without_price_badges(body):
        removed = True
    return tree.html if removed or shown or unwrapped else None


#: A hiding class word under a design system's short namespace (``a-hidden``, ``u-hidden``,
#: ``aok-hidden``, ``jdgm-hidden``), or one that spells the style out (``display-none``,
#: ``wt-display-none``): :data:`.patterns.HIDDEN_CLASS` reads only the bare words. Not
#: ``is-hidden``, a state a script toggles, which closes the panels :func:`show_collapsed`
#: opens; nor a breakpoint's (``xs-hide md-block``, ``mob-hide``), the copy for another
#: screen (:mod:`.twins`).
_PREFIXED_HIDDEN = lazy(r"(?:^|\s)(?!(?:is|xs|sm|md|lg|xl|xxl|mob|desk|tab)-)"
                        r"(?:[a-z]{1,4}-)?(?:(?<=-)hidden|(?<=-)hide|display-none)(?:\s|$)",
                        re.IGNORECASE)


def without_prefixed_hidden(body: LexborNode) -> bool:
    """Remove the elements a namespaced class hides (:data:`_PREFIXED_HIDDEN`): a shop's
    framework parks its error messages ("There was an error retrieving your Wish Lists"),
    sign-in prompts and screen-reader teasers there, and the panels a reader opens are named
    as panels (:func:`show_collapsed`), not so. Whether there were any."""
    doomed = [n for n in body.css("[class]")
              if _PREFIXED_HIDDEN.search(n.attributes.get("class") or "")]
    doomed = [n for n in doomed if not any(inside(n, d) for d in doomed)]
    for node in doomed:
        node.decompose()
    return bool(doomed)


#: The class word of a tooltip's own box (``infotip__overlay``, ``tooltip-content``); the bare
#: word "tooltip" also names the trigger, which holds a label of the page.
_TOOLTIP_BOX = lazy(r"(?<![a-z])(?:tool-?tip|info-?tip)s?-+(?:content|body|overlay|bubble|"
                    r"popup|popover|text|inner)(?![a-z])", re.IGNORECASE)


def without_tooltips(body: LexborNode) -> bool:
    """Remove the tooltips: the elements of role ``tooltip``, the ``<tool-tip>`` elements and
    the boxes classed as a tooltip's content (:data:`_TOOLTIP_BOX`). What a shop writes there
    explains shipping, returns, fees and protection plans, which a reader opens on hover; the
    tune pages' gold never holds it. Whether there were any."""
    doomed = [n for n in body.css("[role='tooltip'], tool-tip, [class]")
              if n.tag == "tool-tip" or n.attributes.get("role") == "tooltip"
              or _TOOLTIP_BOX.search((n.attributes.get("class") or "").replace("_", "-"))]
    doomed = [n for n in doomed if not any(inside(n, d) for d in doomed)]
    for node in doomed:
        node.decompose()
    return bool(doomed)


#: A heading that reads as the shop's other products (how shops title their carousels, their
#: class names being hashed): "Complete the look", "More from Bershka", "Better together",
#: "Customers also bought", "You may also like", "More brands", "People who viewed this item
#: also viewed", "Explore related items", "Seller's other items"; also after a possessive
#: ("Your recently viewed items") and as a shop's picks ("Featured Products", "Best Sellers",
#: "Most Popular Accessories & Related Items").
_OTHERS_TITLE = lazy(
    r"(?:(?:your|my|our) )?(?:"
    r"(?:most )?popular (?:accessories|products|items)|featured products|best ?sellers\b|"
    r"(?:complete|shop|get) the (?:look|set|outfit)|(?:you|customers?|people|shoppers|others)"
    r"(?: who \w+(?: this(?: item| product)?)?)? (?:may|might|also|will) |"
    r"also (?:bought|viewed|liked?)\b|(?:(?:explore|discover|browse|see|view) (?:more )?)?"
    r"(?:similar (?:items|products|styles)|related (?:items|products))|"
    r"(?:\w+'s )?other (?:items|products)\b|recommend(?:ed|ations)\b|"
    r"variations of|more (?:from|by) |more brands|(?:top|popular|featured) brands|"
    r"shop by brand|better together|(?:frequently|often) (?:bought|viewed)|recently viewed|"
    r"sponsored|pairs? (?:well )?with|goes (?:well )?with|style it with|wear it with)",
    re.IGNORECASE)
_HEADINGS = "h1, h2, h3, h4, h5, h6"


#: A heading that is, whole, the title of the customers' reviews or questions, as shops whose
#: class names are hashed or neutral title them: "Customer Reviews", "Customers say" and
#: "Reviews summary" (a summary of the reviews written for the shop), "Ratings & Reviews",
#: "Rating snapshot", "Reviews for this item (76)", "Top reviews from other countries",
#: "Questions & Answers", "Write a Review". Not a bare "Reviews": on a shop of games or books
#: it titles the critics' quotes, which the golds keep. On the wcxb tune product pages the
#: golds leave out the section under such a heading on every page that has one (14 sections,
#: 11 pages, 9 sites).
_REVIEWS_TITLE = lazy(
    r"(?:(?:(?:customer|product|guest|member|verified) )?(?:reviews?|ratings?)"
    r"(?: (?:&|and) (?:reviews?|ratings?))? (?:summary|snapshot|overview)|"
    r"(?:customer|product|guest|member|verified) (?:reviews?|ratings?)"
    r"(?: (?:&|and) (?:reviews?|ratings?))?|"
    r"(?:ratings?|reviews?) (?:&|and) (?:reviews?|ratings?)|customers say|"
    r"what (?:our )?customers (?:are saying|say)|reviews? for this (?:item|product|shop)|"
    r"top reviews(?: from .{1,40})?|write an? review|(?:customer )?questions? (?:&|and) answers?|"
    r"customer questions(?: (?:&|and) answers?)?)"
    r"(?: ?\(\d[\d,.]*\)| \d[\d,.]*)?", re.IGNORECASE)


def without_other_product_sections(body: LexborNode) -> bool:
    """Remove the sections headed as other products (:data:`_OTHERS_TITLE`, at the start of
    an ``<h2>``..``<h6>``); see :func:`without_headed_sections`. Whether there was any."""
    return without_headed_sections(body, _OTHERS_TITLE.match)


def without_review_sections(body: LexborNode) -> bool:
    """Remove the sections headed, whole, as the customers' reviews or questions
    (:data:`_REVIEWS_TITLE`): :func:`without_shop_blocks` finds those named so, these are
    the ones named otherwise. Whether there was any."""
    return without_headed_sections(body, _reviews_title)


def _reviews_title(text: str) -> bool:
    return bool(_REVIEWS_TITLE.fullmatch(text.rstrip(" :")))


def without_headed_sections(body: LexborNode, titled: Callable[[str], object]) -> bool:
    """Remove the sections whose ``<h2>``..``<h6>`` heading's text ``titled`` accepts: the
    heading's outermost wrapper holding no other heading and nothing marked as the product's
    description; a heading with no wrapper of its own goes with its following siblings up
    to the next heading. Whether there was any."""
    doomed: list[LexborNode] = []
    for heading in body.css("h2, h3, h4, h5, h6"):
        text = squeezed(heading.text(separator=" "))
        if not text or len(text) > 80 or not titled(text):
            continue
        if any(inside(heading, d) for d in doomed):
            continue
        section = heading
        while section.parent is not None and section.parent.tag not in ("body", "html"):
            parent = section.parent
            if len(parent.css(_HEADINGS)) > 1 or parent.css_first('[itemprop="description"]'):
                break
            if any(DESCRIBED.search(((n.attributes.get("class") or "") + " " + (
                    n.attributes.get("id") or "")).replace("_", "-"))
                   for n in parent.css("[class], [id]")):
                break
            section = parent
        if section.mem_id != heading.mem_id:
            doomed.append(section)
            continue
        doomed.append(heading)
        node = heading.next
        while node is not None:
            if node.tag and node.tag[0] != "-" and node.tag != "-text":
                if node.tag in ("h1", "h2", "h3", "h4", "h5", "h6") or node.css_first(_HEADINGS):
                    break
                doomed.append(node)
            node = node.next
    for node in doomed:
        node.decompose()
    return bool(doomed)


def unwrap_cells(body: LexborNode) -> bool:
    """Unwrap the block wrappers inside the cells of tables and definition lists (a
    ``<dt><div>Seat height</div></dt>``): the cascade's cleaning judges a ``<div>`` as a block
    of its own and drops a short one, leaving a specification's values without their names.
    Whether there were any."""
    wrappers = body.css("dt div, dd div, th div, td div, dt section, dd section")
    for node in reversed(wrappers):  # innermost first
        node.unwrap()
    return bool(wrappers)


#: A class word that clips an element's overflow (``overflow-hidden``, ``md:overflow-y-hidden``):
#: an accordion panel's animation frame, though the cascade reads "hidden" in it as chrome.
_OVERFLOW = lazy(r"(?:^|\s)(?:[\w-]+:)*overflow-(?:[xy]-)?hidden(?=\s|$)", re.IGNORECASE)

#: class/id words of the panels of tabs and accordions: a product page keeps its description
#: and specifications in them, all but one collapsed until a reader opens them.
_PANEL = lazy(r"(?<![a-z])(?:panel|tab-?panel|tab-?pane|tab-?content|tabs?-?body|collapse|"
              r"collapsible|collapsed|accordion[\w-]*|expandable|expander)(?![a-z])",
              re.IGNORECASE)
_PANEL_ROLES = frozenset({"region", "tabpanel"})


def show_collapsed(body: LexborNode) -> bool:
    """Show every panel of a tab set or accordion (a ``tabpanel``/``region`` role, or named
    so; see :data:`_PANEL`) that is hidden or clips its overflow (:data:`_OVERFLOW`); whether
    there was any."""
    return show_panels(body, _PANEL, _PANEL_ROLES, clipping=True)


def show_panels(body: LexborNode, names: LazyPattern, roles: frozenset[str],
                clipping: bool = False) -> bool:
    """Show every hidden element with one of the ``roles`` or a class/id ``names`` matches
    (with ``clipping``, also one that clips its overflow, see :data:`_OVERFLOW`): its hiding
    attributes and classes go. Whether there was any."""
    shown = False
    seen = set()
    for node in body.css("[hidden], [aria-hidden], [style], [class]"):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        attrs = node.attributes
        cls = attrs.get("class") or ""
        clipped = clipping and "overflow-" in cls and _OVERFLOW.search(cls)
        if not clipped and not hidden_by(attrs):
            continue
        role = (attrs.get("role") or "").lower()
        words = (cls + " " + (attrs.get("id") or "")).replace("_", "-")
        if role not in roles and not names.search(words):
            continue
        if clipped:
            node.attrs["class"] = cls = _OVERFLOW.sub(" ", cls).strip()
        show_node(node)
        shown = True
    return shown


def show_node(node: LexborNode) -> None:
    """Take off an element's hiding attributes (``hidden``, ``aria-hidden``, ``style``) and
    its hiding class words."""
    attrs = node.attributes
    for name in ("hidden", "aria-hidden", "style"):
        if name in attrs:
            del node.attrs[name]
    cls = attrs.get("class") or ""
    if cls:
        node.attrs["class"] = P.HIDDEN_CLASS.sub(" ", cls).strip()


def without_shop_blocks(body: LexborNode) -> bool:
    """Remove the blocks named as reviews, Q&A or other products from the page; whether
    there were any."""
    doomed = []
    for node in body.css("[class], [id], [data-testid]" if TEST_IDS else "[class], [id]"):
        if node.tag in ("body", "html") or doomed and (
                node.mem_id == doomed[-1].mem_id or inside(node, doomed[-1])):
            continue
        attrs = node.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if TEST_IDS and "data-testid" in attrs:
            # (A page of hashed class names names its blocks for its tests:
            # ``data-testid="product-cross-sell"``.)
            words += " " + (attrs.get("data-testid") or "").replace("_", "-")
        # (A wrapper holding the product's name is the product's, however it is named:
        # ``<body class="single-product-reviews-...">``.)
        if _not_the_product(words) and not (SHOP_BLOCK_GUARD and node.css_first("h1")):
            doomed.append(node)
    for node in doomed:
        node.decompose()
    return bool(doomed)


#: A price as a card shows it: a currency sign or code next to a number.
_PRICE = lazy(r"(?:[$€£¥₹]|(?<![a-z])(?:usd|eur|gbp|chf|cad|aud|sek|nok|dkk|pln|czk|kr|zł|kč)"
              r"(?![a-z]))\s?\d|\d(?:[.,]\d\d)?\s?(?:[$€£¥₹]|(?<![a-z])(?:usd|eur|gbp|chf|"
              r"sek|nok|dkk|pln|czk|kr|zł|kč|ft|lei)(?![a-z]))", re.IGNORECASE)
#: A run of other products has this many cards...
MIN_CARDS = 3
#: ...most of them (this share) each a link and a price...
MIN_PRICED_SHARE = 0.6
#: ...of at most this many characters (a teaser, not a section of the page).
CARD_MAX_CHARS = 400


def without_product_cards(body: LexborNode) -> bool:
    """Remove every run of sibling cards that are other products (each a link to an item
    and its price, see :data:`MIN_PRICED_SHARE`), whatever the block around them is named:
    "customers also bought", "complete the look", "similar items". Whether there was any."""
    doomed = []
    below: set[int] = set()  # (the elements inside a doomed one: skipped without a walk up)
    for parent in body.css("*"):
        if parent.mem_id in below:
            continue
        children = [c for c in parent.iter() if c.tag and c.tag[0] != "-"]
        if len(children) < MIN_CARDS:
            continue
        runs: dict[tuple[str, str], list[LexborNode]] = {}
        for child in children:
            cls = (child.attributes.get("class") or "").split(None, 1)
            runs.setdefault((child.tag, re.sub(r"\d+", "", cls[0]) if cls else ""), []).append(child)
        for items in runs.values():
            if len(items) >= MIN_CARDS and _priced_cards(items):
                doomed.append(parent)
                below.update(n.mem_id for n in parent.traverse())
                break
    for node in doomed:
        node.decompose()
    return bool(doomed)


def _priced_cards(items: list[LexborNode]) -> bool:
    priced = 0
    for item in items:
        text = item.text(separator=" ", strip=True)
        if (len(text) <= CARD_MAX_CHARS and _PRICE.search(text)
                and (item.tag == "a" and item.attributes.get("href")
                     or item.css_first("a[href]") is not None)):
            priced += 1
    return priced >= MIN_PRICED_SHARE * len(items)


#: A list is navigation when it has this many items, each one short link (:func:`_link_item`).
LINK_LIST_MIN_ITEMS = 3
#: The most words of a link that names a place rather than says something.
LINK_LIST_MAX_WORDS = 5


def _link_item(item) -> bool:  # noqa: ANN001
    """Whether a list item is one short link and nothing else."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
        return False
    parts = [c for c in item.blocks[0].children if not (isinstance(c, Text) and not c.text.strip())]
    if len(parts) != 1 or not isinstance(parts[0], Link):
        return False
    words = " ".join(block_texts([item.blocks[0]])).split()
    return 0 < len(words) <= LINK_LIST_MAX_WORDS


def without_link_lists(blocks: list[Block]) -> list[Block]:
    """``blocks`` without the lists of short links (:func:`_link_item`, at least
    :data:`LINK_LIST_MIN_ITEMS`): a product page's row of jump links to its own tabs ("Q&A",
    "Accessories") or its shop's category links ("Backpacks", "Dresses"), which the cascade
    keeps for being inside the product's column. A heading right before such a list, with
    nothing but the list under it, goes too ("More Inspiration")."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if (isinstance(block, List) and len(block.items) >= LINK_LIST_MIN_ITEMS
                and all(_link_item(item) for item in block.items)):
            after = blocks[i + 1] if i + 1 < len(blocks) else None
            if out and isinstance(out[-1], Heading) and (after is None
                                                         or isinstance(after, Heading)):
                out.pop()
            continue
        out.append(block)
    return out
