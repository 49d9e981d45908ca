"""The HTML pipeline: bytes → text → metadata + main content → :class:`Article`.

Steps (each in its own module):

1. :mod:`convert.extract.decode` turns bytes into text (BOM, HTTP charset, ``<meta charset>``, detection);
2. :mod:`.meta` reads the page's declarations on an untouched parse;
3. :mod:`.content` finds the main content (prune → score → pick → merge siblings → clean),
   relaxing its rules when a pass keeps too little;
4. :mod:`.builder` builds AST blocks from the winning nodes;
5. :mod:`.profiles`: on a forum, listing, collection, product, service or documentation page
   (the page-type classifier's verdict), that type's profile may replace them;
6. :mod:`.tidy`: drop the headline repeated in the body, duplicated paragraphs and boilerplate
   lines; here, the standfirst and the byline that the metadata holds.

``logging.getLogger("convert.extract")`` at DEBUG explains the content decision.
"""

from __future__ import annotations

import logging
import re

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article, Block, Figure, Heading, Image, Meta, Paragraph, Source, Text
from convert.errors import InputError
from convert.textutil import clean_text, inline_text, squash
from . import content as content_mod, meta as metadata_mod, profiles
from convert.extract import record
from convert.extract.ablation import rule
from convert.extract.bylines import BYLINE_START
from convert.extract.assess import assess
from convert.extract.assess.html_signals import cascade_signals, html_signals
from convert.extract.assess.structure_signals import elements as structure_elements
from convert.extract.decode import decode
from .builder import Builder
from . import dom
from .dom import parse, release_heap, utf8_markup, word_key
from .furniture import tidy_furniture
from .mailsig import without_signatures
from .qacards import without_card_lines
from .tidy import dropped, headings_under_title, tidy_blocks
from .tails import cut_related_tail, drop_author_box, drop_teaser_cards, drop_trailing_notes
from .guard import cap_attributes, cap_nesting
from .meta.elements import page_elements
from .streamed import reveal_streamed
from .disclosures import DISCLOSURES, open_disclosures
from .thresholds import BYLINE_MAX_CHARS, MIN_PROSE_WORDS, SUBTITLE_LOOKAHEAD
from convert.safety import kept_url
from convert.extract.lazyre import lazy

__all__ = ["parse_html"]

log = logging.getLogger("convert.extract")

_WORDS = lazy(r"\w+")
#: The id a streaming render's hidden segment has (``id="S:1a"``), in the markup's bytes.
_STREAMED_MARK = lazy(rb"id=[\"']S:")

HEADLINE_INSERT = rule("headline_insert", "the page's headline is put above a body that lacks it")
DROP_SUBTITLE = rule("drop_subtitle", "the standfirst (Meta.subtitle) leaves the body")
DROP_BYLINE = rule("drop_byline", "the byline line naming an author leaves the body")
MIN_PROSE = rule("min_prose", "a body of a few words, mostly links, is no article")
STREAMED_PAGES = rule("streamed_pages", "on every page the hidden segments a streaming server "
                      "render sends late (React's <div hidden id=\"S:1a\">) are put in their "
                      "placeholders before anything reads the page")



def parse_html(data: bytes | str, *, location: str | None = None, base_url: str | None = None,
               http_charset: str | None = None) -> Article:
    """Extract the article of an HTML page.

    ``location`` is the file path or URL the page came from (recorded in ``Meta.source``; used
    as the base URL when it is a URL); ``base_url`` overrides it for resolving links; the
    page's own ``<base href>`` is honoured on top. Raises :class:`InputError` when the page
    holds no article text.
    """
    if isinstance(data, bytes):
        if not data.strip():
            raise InputError("empty page")
        text, encoding = decode(data, markup=True, http_charset=http_charset)
    else:
        text, encoding = data, None
    if not text.strip():
        raise InputError("empty page")
    decoded = text
    # (A NUL in UTF-8 text is a NUL byte and nothing else: the bytes are searched by memchr,
    # where a search of the text, often two bytes a character, is several times slower.)
    if b"\x00" in data if encoding == "utf-8" else "\x00" in text:
        text = text.replace("\x00", "")
    text = cap_attributes(cap_nesting(text))
    rec = record.current()
    if rec is not None:
        rec.kind = "html"

    page_url = base_url or (location if location and location.lower().startswith(
        ("http://", "https://")) else None)
    # The page is parsed once: the cascade's passes work on copies of this tree.
    markup = utf8_markup(data, decoded, text, encoding)
    head_tree = parse(markup)
    revealed = False
    # (the markup's UTF-8 bytes hold the ASCII marker wherever the text does; the byte
    # pattern finds it faster than two substring searches of the text)
    if STREAMED_PAGES and _STREAMED_MARK.search(markup) and head_tree.body is not None \
            and reveal_streamed(head_tree.body):
        # The page as its reader sees it once the stream's script ran: an article rendered so
        # has its later sections in these segments, at the end of the body and hidden. (The
        # cascade reads the markup and this tree both: they must agree.)
        text = head_tree.html or text
        revealed = True
    if DISCLOSURES and (b"aria-controls" in markup or b"data-bs-target" in markup
                        or b"data-target" in markup) and head_tree.body is not None \
            and open_disclosures(head_tree.body):
        text, revealed = head_tree.html or text, True  # (as a streamed page's, the same way)
    # (the elements the metadata and <base href> are read from, found in one walk)
    elements = page_elements(head_tree)
    base = _base_url(head_tree, page_url, elements["base"])
    # (the body's elements the page-type signals read, found in one walk: the metadata
    # reads its headings from them too)
    body_elements = structure_elements(head_tree.body) if head_tree.body is not None else None
    fields = metadata_mod.extract(head_tree, page_url, elements,
                                  body_elements["head"] if body_elements is not None else None)
    signals = html_signals(text, head_tree, page_url or fields.get("url"), fields.get("title"),
                           fields, elements["meta"], body_elements)
    del elements, body_elements

    # Each tree is freed once nothing reads it (a huge page's two trees and blocks are its
    # peak): the page's after the cascade, the winner's once its blocks are built (the
    # verdict's measures taken; no loop variable left holding a node), unless a profile reads it.
    # A huge page's parse (of the text as it is: a page whose stream was revealed is not)
    # is not kept beside another tree at all: the cascade's first pass works on it, and a
    # profile reads a new parse, made once the winner's tree is freed (a parse costs less
    # than the memory of a second tree of millions of nodes; on small pages it would not).
    profiling = profiles.reads_page(signals)
    rebuild = len(markup) >= dom.RELEASE_MIN_BYTES and not revealed
    # (a page typed otherwise whose markup shows posts: its parse is kept for the thread)
    threads = not profiling and not rebuild and profiles.may_hold_thread(signals, text)
    keep = (profiling or threads) and not rebuild
    tree, found = content_mod.find_content(text, head_tree, keep_page=keep, consume_page=rebuild)
    if not keep:
        del head_tree
        release_heap(len(markup))
    builder = Builder(base)
    blocks: list[Block] = [] if found is None else [
        block for node in found.nodes for block in builder.blocks_of(node, 0)]
    cascade = cascade_signals(found, fields) if found is not None else None
    if not profiles.reads_winner(signals):
        del tree
        found = None
        release_heap(len(markup))
    # A page of a known non-article type whose structure is clearly there (a thread's posts,
    # a grid of cards) is extracted by its type's profile, which sees what the cascade found.
    profiled = None
    if profiling:
        page = head_tree if keep else content_mod.page_for_readers(text)
        if keep:
            del head_tree
        profiled = profiles.extract(page, signals, builder, blocks, text, found)
        del page
        release_heap(len(markup))
    elif threads:
        profiled = profiles.untyped_thread(head_tree, builder, blocks)
        del head_tree
    generic, generic_cascade = blocks, cascade
    if profiled is not None:
        found = content_mod.profiled_content(profiled.nodes, profiled.notes)
        cascade, blocks = cascade_signals(found, fields), profiled.blocks
    if cascade is None:
        raise InputError("no article content found")
    blocks = tidy_blocks(blocks, fields.get("title"), fields.get("blog_name"),
                   fields.get("title_heading"))
    if profiled is not None and generic_cascade is not None and _too_little(blocks):
        # A profile never turns a page into no article (a product profile removing the
        # priced cards that were the page's content): the cascade's content stays.
        profiled, cascade = None, generic_cascade
        blocks = tidy_blocks(generic, fields.get("title"), fields.get("blog_name"),
                       fields.get("title_heading"))
    if _clean(fields.get("title")):
        blocks = headings_under_title(blocks)
    headline = _clean(fields.get("headline"))
    if HEADLINE_INSERT and headline and not _in_first_blocks(blocks, headline):
        # The title is a declared rewording and the page's own headline sits outside the
        # winning block: keep the words a reader sees at the top of the article.
        blocks.insert(0, Heading(level=1, children=(Text(headline),)))
    subtitle = _clean(fields.get("subtitle"))
    if subtitle and DROP_SUBTITLE:
        blocks = _drop_subtitle(blocks, subtitle)
    if DROP_BYLINE:
        blocks = _drop_byline(blocks, fields.get("authors") or ())
    # Captions' twins, credits, gallery counters, promo lines, the header's dateline; unless
    # that leaves too little to be an article (then the page is what it has).
    tidied = tidy_furniture(blocks, authors=fields.get("authors") or (),
                            days=(fields.get("published"), fields.get("modified")),
                            article=profiled is None)
    # (a list archive's message, a post from a mailing list: the "-- " signature goes)
    tidied = without_card_lines(without_signatures(tidied))
    if profiled is None:
        # A "More from X" box under the story (on a listing, a landing or a documentation
        # page such a box is what the page holds).
        counts: dict = {}  # (each leaf's words, counted once for both)
        cut = drop_trailing_notes(drop_teaser_cards(drop_author_box(
            cut_related_tail(tidied, counts), counts), counts), counts)
        if cut is not tidied and profiles.page_type("html", signals)[0] in (None, "article"):
            tidied = cut
    if tidied is not blocks and not _too_little(tidied):
        blocks = tidied
    if _too_little(blocks):
        # Menus, link lists and footers are not an article, however the cascade relaxed.
        raise InputError("no article content found")

    # A lead figure found in the article stays a Figure block in the body (in reading order,
    # caption and credit bound); Meta.lead_image is the declared picture (og:image) only
    # when the body does not already show it, so no renderer prints it twice.
    lead = None
    if fields.get("lead_image"):
        src = kept_url(fields["lead_image"], base, image=True)
        if src and not _shown_in_body(src, blocks):
            lead = Figure(Image(src=src))
    verdict = assess("html", signals, blocks, cascade)
    canonical = fields.get("url")
    canonical = kept_url(canonical, base) if canonical else None
    meta = Meta(
        title=_clean(fields.get("title")),
        subtitle=subtitle,
        authors=tuple(fields.get("authors") or ()),
        published=fields.get("published"),
        modified=fields.get("modified"),
        language=fields.get("language"),
        site_name=_clean(fields.get("site_name")),
        section=_clean(fields.get("section")),
        tags=tuple(_clean(t) for t in fields.get("tags") or () if _clean(t)),
        url=canonical if canonical and canonical.startswith(("http:", "https:")) else None,
        description=_clean(fields.get("description")),
        lead_image=lead,
        source=Source(location=location, kind="html", encoding=encoding),
        page_type=verdict.page_type, page_type_probability=verdict.page_type_probability,
        confidence=verdict.confidence,
        price=fields.get("price"), price_currency=fields.get("price_currency"),
        availability=fields.get("availability"),
    )
    return Article(meta=meta, blocks=tuple(blocks))


def _too_little(blocks: list[Block]) -> bool:
    """Whether a body is too little to be an article: no words, or a few words, mostly links."""
    prose, linked = _word_counts(blocks)
    return not prose and not linked or MIN_PROSE and prose < MIN_PROSE_WORDS and linked > prose


def _in_first_blocks(blocks: list[Block], text: str) -> bool:
    key = word_key(text)
    return any(isinstance(b, (Paragraph, Heading)) and word_key(inline_text(b.children)) == key
               for b in blocks[:SUBTITLE_LOOKAHEAD])


def _drop_subtitle(blocks: list[Block], subtitle: str) -> list[Block]:
    """Remove the standfirst (now ``Meta.subtitle``) from the start of the body."""
    key = word_key(subtitle)
    for i, block in enumerate(blocks[:SUBTITLE_LOOKAHEAD]):
        if isinstance(block, (Paragraph, Heading)) and word_key(inline_text(block.children)) == key:
            dropped(block, "drop_subtitle", "subtitle")
            return blocks[:i] + blocks[i + 1:]
    return blocks


def _drop_byline(blocks: list[Block], authors) -> list[Block]:  # noqa: ANN001
    """Remove the byline line ("By Jane Doe · 18 April 2024", now ``Meta.authors``) from the
    start of the body when it names one of the authors."""
    names = [word_key(a) for a in authors if a]
    if not names:
        return blocks
    for i, block in enumerate(blocks[:SUBTITLE_LOOKAHEAD]):
        if not isinstance(block, Paragraph):
            continue
        text = inline_text(block.children).strip()
        if len(text) < BYLINE_MAX_CHARS and BYLINE_START.match(text) and any(
                n in word_key(text) for n in names):
            dropped(block, "drop_byline", "authors")
            return blocks[:i] + blocks[i + 1:]
    return blocks


def _image_key(src: str) -> str:
    """An image URL without query, fragment and size suffix ("-1280", "_640x480")."""
    path = src.split("?", 1)[0].split("#", 1)[0].rsplit("/", 1)[-1]
    stem = path.rsplit(".", 1)[0]
    return re.sub(r"(?:[-_]\d{2,4}(?:x\d{2,4})?|@\dx)+$", "", stem).casefold()


def _shown_in_body(src: str, blocks: list[Block]) -> bool:
    key = _image_key(src)
    if not key:
        return False
    for block in blocks:
        if isinstance(block, Figure) and block.image is not None and block.image.src and (
                _image_key(block.image.src) == key):
            return True
    return False


def _word_counts(blocks: tuple[Block, ...] | list[Block]) -> tuple[int, int]:
    """Words of the body outside and inside links (stops once the outside ones suffice)."""
    count = 0
    linked = 0
    stack: list = [(b, False) for b in blocks]
    while stack and count < MIN_PROSE_WORDS:
        node, in_link = stack.pop()
        t = node.type
        if t == "image" or t == "line_break":
            continue
        if t == "link":
            stack.extend((c, True) for c in node.children)
            continue
        if t in ("text", "code", "code_block"):
            words = len(_WORDS.findall(node.text))
            if in_link:
                linked += words
            else:
                count += words
            continue
        if t == "list":
            stack.extend((i, in_link) for i in node.items)
        elif t == "table":
            for row in (*node.head, *node.body):
                for cell in row.cells:
                    stack.extend((c, in_link) for c in cell.blocks)
        elif t == "figure":
            stack.extend((c, in_link) for c in node.caption)
        elif hasattr(node, "blocks"):
            stack.extend((c, in_link) for c in node.blocks)
        elif hasattr(node, "children"):
            stack.extend((c, in_link) for c in node.children)
    return count, linked


def _clean(value: str | None) -> str | None:
    if not value:
        return None
    value = squash(clean_text(value))
    return value or None


def _base_url(tree: LexborHTMLParser, page_url: str | None,
              bases: list | None = None) -> str | None:
    """The page's ``<base href>`` (the first; ``bases``: the page's ``base[href]`` elements,
    when the caller found them) resolved against ``page_url``, else ``page_url``."""
    if bases is None:
        node = tree.css_first("base[href]")
    else:
        node = bases[0] if bases else None
    if node is not None:
        href = kept_url(node.attributes.get("href"), page_url)
        if href and href.startswith(("http:", "https:")):
            return href
    return page_url
