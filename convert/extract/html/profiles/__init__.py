"""Per-type extraction profiles: what the main content is on pages that are not articles.

The generic cascade (:mod:`..content`) looks for one block of prose. A forum thread, a
category grid, a product page, a documentation page or a landing page is built differently,
so once the page type is known (the learned classifier of :mod:`convert.extract.assess`, from
page-level signals only) the profile of that type looks for its own structure on the
untouched parse:

* ``forum`` (:mod:`.forum`): every post in order, a section per post with author and time;
* ``listing`` and ``collection`` (:mod:`.listing`): the grid or list of cards;
* ``product`` (:mod:`.product`): the product's description and specification tables;
* ``documentation`` (:mod:`.docs`): the page's own body, without sidebar nav and on-page TOC;
* ``service`` (:mod:`.service`): every content section of the page.

A profile takes over only when its structure is clearly there and the classifier is sure
enough of the type (:data:`MIN_PROBABILITY`; a thread, :data:`FORUM_LIKELIEST`, whenever forum
is the type); otherwise it returns ``None`` and the generic cascade runs as before. Each profile
is a named rule (``DECRUFT_ABLATE=forum_profile`` ...).
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Any, Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.article import Block
from convert.extract.ablation import rule
from convert.extract.assess import OTHER_BELOW, page_type

# (each profile's modules are imported when a page of its type needs them: an article, the
# common case, pays for none of them; see load_all)

__all__ = ["Profiled", "page_type", "extract", "reads_page", "reads_winner", "is_type",
           "load_all", "may_hold_thread", "untyped_thread", "MIN_PROBABILITY"]

log = logging.getLogger("convert.extract")

#: A profile runs only when the classifier gives its type at least this probability: a
#: misread article keeps the generic cascade.
MIN_PROBABILITY = 0.5

FORUM_LIKELIEST = rule("forum_likeliest", "the forum profile runs whenever forum is the page's "
                       "type (from OTHER_BELOW), not only from MIN_PROBABILITY: it needs a "
                       "thread of posts of its own, which no article has")


UNTYPED_THREADS = rule("forum_untyped_threads", "on a page no profile took (the classifier "
                       "read it as an article or other), a thread whose posts are what the "
                       "cascade found (each holds nearly all the other's running text) is "
                       "read as the thread, a section per post: forum software the "
                       "classifier's training pages never showed is still a thread")

#: What marks a post in raw markup (a <time>, an element named for its author or user), counted
#: as plain substrings (a regular expression over the whole markup costs more than the walk it
#: saves); a page showing fewer than :data:`MIN_THREAD_MARKS` is not searched for a thread it
#: was not typed for.
_THREAD_MARKS = ("<time", "author", "user")
MIN_THREAD_MARKS = 3
#: A thread found so has at least this many posts, of a template named by its class.
MIN_UNTYPED_POSTS = 3
#: ...and the cascade's content that many lines of at most this many characters showing a
#: time stamp (the posts' headers).
MAX_STAMP_LINE = 80


def may_hold_thread(signals: Mapping[str, float], html: str) -> bool:
    """Whether :func:`untyped_thread` may find a thread on the page: no profile runs for its
    type and its markup shows :data:`MIN_THREAD_MARKS` post marks (a cheap test before the
    page's parse is kept for it)."""
    if not UNTYPED_THREADS or reads_page(signals):
        return False
    return sum(html.count(mark) for mark in _THREAD_MARKS) >= MIN_THREAD_MARKS


def untyped_thread(tree: LexborHTMLParser, builder, generic: list[Block]) -> Profiled | None:  # noqa: ANN001
    """The thread of a page typed otherwise, when its posts are what the cascade found (see
    :data:`UNTYPED_THREADS`), else ``None``."""
    from . import forum, postparts, weighing
    from convert.textutil import block_texts
    body = tree.body
    if not (UNTYPED_THREADS and forum.FORUM_PROFILE) or body is None or not generic:
        return None
    # (the cascade read the posts' time lines too, "by ann » March 3, 2024", when it holds
    # the thread: without them the page's walk for a thread is not worth its cost)
    stamps = sum(1 for text in block_texts(generic)
                 if len(text) <= MAX_STAMP_LINE and postparts.stamp(text))
    if stamps < MIN_UNTYPED_POSTS:
        return None
    thread = forum.find(body)
    # (a run of unnamed blocks or two of them is an article's parts as often as a thread's)
    if thread is None or len(thread.items) < MIN_UNTYPED_POSTS or not thread.signature[1]:
        return None
    # (no lead from the cascade: the thread must be what it found, not a part of it)
    blocks = forum.opening(body, thread, builder) + forum.build(thread, builder)
    if not blocks or not weighing.same_posts(blocks, generic,
                                             weighing.furniture_shingles(thread)):
        return None
    return Profiled("forum", blocks, [thread.parent], [
        f"forum profile (untyped): {len(blocks)} posts under <{thread.parent.tag}>"])


def _needs(kind: str) -> float:
    """The probability the profile of ``kind`` needs. (The tune pages' out-of-fold verdicts,
    ``train_assess --oof-types``, name forum below 0.5 only for threads, which lost most of
    their posts to the cascade: issue #18.)"""
    return OTHER_BELOW if kind == "forum" and FORUM_LIKELIEST else MIN_PROBABILITY


@dataclass
class Profiled:
    """What a profile found: the blocks of the page and the elements they came from."""

    name: str
    blocks: list[Block]
    nodes: list[LexborNode]
    notes: list[str] = field(default_factory=list)


def load_all() -> None:
    """Import every profile's modules (their rules declare themselves on import: what
    :data:`convert.extract.ablation.RULES` lists)."""
    for name in ("described", "docs", "forum", "listing", "product", "service", "weighing"):
        importlib.import_module(f"{__name__}.{name}")


def _widened(found) -> LexborNode | None:  # noqa: ANN001
    """The strict winner widened to all the page's sections (:func:`.service.widen`)."""
    from . import service
    if found.level != 0 or found.nodes[0].tag == "body":
        return None
    return service.widen(found.nodes)


def is_type(signals: Mapping[str, float], kind: str) -> bool:
    """Whether the classifier gives the page type ``kind`` with :data:`MIN_PROBABILITY`: what
    the profile of that type needs to run."""
    found, probability, _ = page_type("html", signals)
    return found == kind and (probability or 0.0) >= _needs(kind)


def reads_page(signals: Mapping[str, float]) -> bool:
    """Whether :func:`extract` will read the page's parse for these signals (a profile runs
    for the page's type): when not, the caller may free the parse once the cascade is done."""
    kind, probability, _ = page_type("html", signals)
    return kind is not None and (probability or 0.0) >= _needs(kind) and kind in _PROFILES


#: The types whose profile reads the cascade's winner (``found``); the others get ``None``.
_READS_WINNER = frozenset({"product", "service", "documentation"})


def reads_winner(signals: Mapping[str, float]) -> bool:
    """Whether :func:`extract` will read the cascade's winner for these signals: when not,
    the caller may free the winner's tree once its blocks are built."""
    return reads_page(signals) and page_type("html", signals)[0] in _READS_WINNER


def extract(tree: LexborHTMLParser, signals: Mapping[str, float], builder,  # noqa: ANN001
            generic: list[Block], html: str = "", found=None) -> Profiled | None:  # noqa: ANN001
    """The content of the page by the profile of its type, or ``None`` (keep the generic
    cascade's ``generic`` blocks, built from its winner ``found``, a ``Content``). ``tree``
    is a parse of the page (scripts and styles may be gone) and ``html`` its markup; both are
    only read."""
    kind, probability, _ = page_type("html", signals)
    probability = probability or 0.0
    if kind is None or probability < _needs(kind):
        return None
    body = tree.body
    run = _PROFILES.get(kind)
    if body is None or run is None:
        return None
    taken = run(kind, _Page(body, builder, generic, html,
                            found if kind in _READS_WINNER else None))
    if taken is None:
        return None
    blocks, nodes, notes = taken
    log.debug(notes[0])
    return Profiled(kind, blocks, nodes, notes)


@dataclass(frozen=True)
class _Page:
    """What a profile reads: the parsed ``body``, the ``builder``, the cascade's ``generic``
    blocks and winner ``found`` (a ``Content``; ``None`` for the types outside
    :data:`_READS_WINNER`, whose tree the pipeline has freed), and the page's ``html``."""

    body: LexborNode
    builder: Any
    generic: list[Block]
    html: str
    found: Any


#: A profile's take: its blocks, the nodes they came from, its notes (the first says why).
_Taken = tuple[list[Block], list[LexborNode], list[str]]


def _listing(kind: str, page: _Page) -> _Taken | None:
    """Listing and collection: the run of repeated cards as one list."""
    from . import listing
    if not listing.LISTING_PROFILE:
        return None
    taken = listing.take(page.body, page.builder, page.generic, kind)
    if taken is None:
        return None
    blocks, node, note = taken
    return blocks, [node], [f"{kind} profile: {note}"]


def _product(kind: str, page: _Page) -> _Taken | None:
    """Product: the content found again without reviews and other products (with hidden
    panels and streamed segments shown), and with the blocks marked as its description."""
    from . import described, disclosures, product
    if not (product.PRODUCT_PROFILE and page.html):
        return None
    markup = product.product_markup(page.html)
    notes = ["product profile: content found without reviews and other products"]
    if markup is not None:
        from ..content import find_content
        _, found = find_content(markup)
    else:
        # Nothing to remove or show: the cascade's own winner, still widened to the
        # description it may have missed.
        found, notes = page.found, ["product profile: the cascade's content"]
    if found is None or not found.nodes:
        return None
    nodes = described.with_described(found.nodes) if product.DESCRIPTION_ANCHOR else found.nodes
    if described.SPEC_TABLES:
        nodes = described.with_spec_tables(nodes)
    widened = [n.mem_id for n in nodes] != [n.mem_id for n in found.nodes]
    if markup is None and not widened:
        return None
    blocks = [b for node in nodes for b in page.builder.blocks_of(node, 0)]
    if not blocks:
        return None
    if disclosures.DESCRIBED_SHOWN and product.DESCRIPTION_ANCHOR:
        shown = _shown_described(page, blocks)
        if shown:
            blocks = shown
            notes.append("product profile: its conditionally hidden description added")
    if product.REPEATED_BLOCKS:
        blocks = described.without_repeats(blocks)
    if product.LINK_LISTS:
        blocks = product.without_link_lists(blocks) or blocks
    if product.DECLARED_DESCRIPTION:
        declared = described.with_declared(blocks, page.html)
        if len(declared) != len(blocks):
            blocks = declared
            notes.append("product profile: the declared description added")
    if widened:
        notes.append(f"product profile: {len(nodes)} blocks with the product's description")
    return blocks, nodes, notes + found.notes


def _shown_described(page: _Page, blocks: list[Block]) -> list[Block] | None:
    """``blocks`` with the blocks of the product's described blocks hidden only by a
    conditional class whose text they lack (see :data:`.disclosures.DESCRIBED_SHOWN`), each
    before the first block whose text the page shows after it; ``None`` when there are none.
    (The cascade must still choose with them hidden: shown to it, a description moved the
    winner up to the buy box around it, wcxb-dev tune 2990 -0.047.)"""
    from convert.textutil import block_texts
    from . import described, disclosures
    nodes = disclosures.hidden_described(page.html, described.described)
    if not nodes:
        return None
    have = " ".join(block_texts(blocks))
    out = list(blocks)
    added = False
    for node in nodes:
        built = page.builder.blocks_of(node, 0)
        texts = [t for t in block_texts(built) if t.strip()]
        if not texts or any(t in have for t in texts):
            continue
        # (where the page shows it: its body's text, the description's first line in it)
        at = len(out)
        shown = _document_text(node)
        mark = shown.find(" ".join(texts[0].split()))
        if mark >= 0:
            for i, block in enumerate(out):
                first = next(iter(block_texts([block])), "")
                where = shown.find(" ".join(first.split())) if first.strip() else -1
                if where > mark:
                    at = i
                    break
        out[at:at] = built
        added = True
    return out if added else None


def _document_text(node) -> str:  # noqa: ANN001
    """The text of the whole document ``node`` is in, whitespace folded."""
    while node.parent is not None:
        node = node.parent
    return " ".join(node.text(deep=True, separator=" ").split())


def _service(kind: str, page: _Page) -> _Taken | None:
    """Service/landing: the page's <main>, else the strict winner widened to all the page's
    sections."""
    from . import service
    from .repeats import words
    if not service.SERVICE_PROFILE or page.found is None:
        return None
    taken = _service_sections(page)
    main = service.page_main(page.body)
    if main is not None:
        blocks = service.main_blocks(main, page.builder)
        if words(blocks) >= service.MAIN_FACTOR * words(taken[0] if taken else page.generic):
            return blocks, [main], ["service profile: the page's <main>"]
    return taken


def _service_sections(page: _Page) -> _Taken | None:
    region = _widened(page.found)
    if region is None:
        return None
    blocks = page.builder.blocks_of(region, 0)
    if not blocks:
        return None
    return blocks, [region], [
        f"service profile: widened to <{region.tag}> (all the page's sections)"]


def _documentation(kind: str, page: _Page) -> _Taken | None:
    """Documentation: widened like a service page, without the on-page contents."""
    from . import docs
    if not docs.DOCS_PROFILE or page.found is None:
        return None
    found = page.found
    markup = docs.docs_markup(page.html)
    if markup is not None:  # tab panels shown, the introduction's header unwrapped
        from ..content import find_content
        found = find_content(markup)[1] or found
    # Only a widened body is cleared of its table of contents: a contents list the
    # cascade kept on its own is part of the page it chose (a synopsis, a summary).
    region = _widened(found) or (docs.titled(found.nodes) if found.level == 0 else None)
    if region is None:
        if found is page.found:
            return None
        # The page opened up holds more than the cascade found, never less.
        blocks = [b for node in found.nodes for b in page.builder.blocks_of(node, 0)]
        if docs.chars(blocks) <= docs.chars(page.generic):
            return None
        return blocks, found.nodes, ["documentation profile: content found on the page "
                                     "opened up"] + found.notes
    blocks = docs.without_toc(page.builder.blocks_of(region, 0))
    if not blocks:
        return None
    return blocks, [region], [
        f"documentation profile: widened to <{region.tag}>, on-page contents dropped"]


def _forum(kind: str, page: _Page) -> _Taken | None:
    """Forum: every post of the thread, a section each."""
    from . import forum, weighing
    if not forum.FORUM_PROFILE:
        return None
    thread = forum.find(page.body)
    if thread is None:
        return None
    blocks = weighing.with_lead(forum.opening(page.body, thread, page.builder)
                                + forum.build(thread, page.builder), page.generic,
                                forum.main_shingles(thread))
    if not blocks or not weighing.preferred(blocks, page.generic,
                                            weighing.furniture_shingles(thread)):
        return None
    return blocks, [thread.parent], [
        f"forum profile: {len(blocks)} posts under <{thread.parent.tag}>"]


#: The profile of each page type (``article`` and ``other`` keep the cascade's result).
_PROFILES = {"listing": _listing, "collection": _listing, "product": _product,
             "service": _service, "documentation": _documentation, "forum": _forum}
