"""The related-links box, the author's box and the boxes of teaser cards in a built body.

A news or blog page sets its "More from X" / "You might also like" / "Recent Stories:" box
right under the story, often inside the same wrapper and with no class name that gives it
away (or one the relaxed passes keep). Its label is a short line of the same vocabulary the
text-dump parser reads as a related-links heading (:data:`convert.extract.text.openers.RELATED_START`
and kin); in the body's second half, with less text after it than half the text before it,
the label and everything after it are the box, not the story (rule ``related_tail``). A label
with more text after it (a story's own "See also" section halfway through), or with a
paragraph of prose after it (a "See also" note the story ends with), stays.

An author's box below the story ("About the author" / "About Jane Doe", the name again, then
"Jane Doe is a scientist who ..."; or "About the Author: Jane Doe is ..." on one line) leaves
the body as the text-dump parser's ``text-author-bio`` drops it, with its patterns and limits
(rule ``author_box_lines``): only below two paragraphs of prose, a bio of at most 120 words.

A box of teaser cards wherever it sits in the body ("More from PostPolitics" halfway down the
story's wrapper, a strip of linked headlines under it) leaves too (rule ``teaser_cards``): at
least :data:`CARD_MIN` cards in a row, each a heading that is one link to another page (a link
to an anchor of the page itself is a section heading's) with one to :data:`CARD_LINES` short
lines under it (summary, byline, time), with a related-links label right above them. Never
when the cards are half the body or leave it under :data:`MIN_WORDS_BEFORE` words: then they
are the page (a roundup, a listicle).

The last few blocks of the story may be the site's notes about the page rather than the story
(rule ``trailing_notes``): an affiliate-link disclosure ("This post may contain affiliate
links ...", "If you buy through my links, I may receive a small commission", "As an Amazon
Associate I earn from qualifying purchases") or a "Last updated on <day>" / "Last reviewed
<month year>" line. Both are about the page, not its subject: the disclosure is a legal
boilerplate the site sets under every post, the line a date the metadata holds. Only among the
body's last :data:`TRAIL_BLOCKS` blocks, below :data:`MIN_WORDS_BEFORE` words of text: the
same disclosure at the top of a post is a convention the human golds split on (kept on about
half the pages that show it), at the bottom they leave it out.
"""

from __future__ import annotations

from collections.abc import Sequence
import re

from convert.article import Block, Div, Figure, Heading, List, Paragraph, Quote
from convert.extract import record
from convert.extract.ablation import rule
from convert.extract.html.furniture_patterns import DATELINE_FILLER
from convert.extract.lazyre import lazy
from convert.extract.text.openers import LINK_BOX_HEADING, RELATED_OPENER, RELATED_START
from convert.extract.text.rules import ABOUT_AUTHOR, ABOUT_AUTHOR_INLINE, ABOUT_NAME, BIO_START
from convert.extract.text.runs import (ABOUT_LABEL_WORDS, ABOUT_NAME_WORDS, ABOUT_WINDOW,
                                       ABOVE_PROSE_LINES, ABOVE_PROSE_WORDS, BIO_MAX_WORDS)
from convert.textutil import block_texts, inline_text

__all__ = ["cut_related_tail", "drop_author_box", "drop_teaser_cards", "drop_trailing_notes"]

RELATED_TAIL = rule("related_tail", "a related-links label ('More from X', 'You might also "
                    "like', 'Recent Stories:') in the body's second half ends it when less text "
                    "follows than half the text before it")

RELATED_LIST_ITEMS = rule("related_list_items", "under a related-links label, a list is "
                          "weighed by its longest item, not its total (a box of headlines in one "
                          "<ul> is no paragraph of prose)")

AUTHOR_BOX_LINES = rule("author_box_lines", "an author's box below the story ('About the author', "
                        "the name, a bio of at most 120 words) leaves the body")

TEASER_CARDS = rule("teaser_cards", "three or more teaser cards in a row (a heading that is one "
                    "link, then at most three short lines: summary, byline, time) leave an "
                    "article's body")

TRAILING_NOTES = rule("trailing_notes", "an affiliate-link disclosure or a 'Last updated on "
                      "<day>' line among the last blocks of an article's body leaves it")

#: A teaser card's heading: links hold this share of its characters...
CARD_LINK_SHARE = 0.9
#: ...it has at most this many words...
CARD_HEADING_WORDS = 15
#: ...and at most this many lines of at most this many words each follow it.
CARD_LINES = 3
CARD_LINE_WORDS = 40
#: Cards in a row that make a box.
CARD_MIN = 3

#: A label has at most this many words...
LABEL_MAX_WORDS = 8
#: ...and ends the body only below this many words of text...
MIN_WORDS_BEFORE = 100
#: ...when the text after it is under this share of the text before it (the text-dump
#: parser's ``RELATED_TAIL_SHARE``).
TAIL_SHARE = 0.5

#: ...and none of the blocks after it is longer than this many words: a box holds headlines
#: and one-line summaries, a story's own "See also" section paragraphs of prose. A list is
#: judged by its longest item, not its total (rule ``related_list_items``): six headlines in one
#: ``<ul>`` are six items of a box, not a paragraph of prose.
ITEM_MAX_WORDS = 50

#: Labels the text-dump vocabulary lacks: "More world stories from NBC News:", "Posted on
#: this day, other years:".
_MORE_LABEL = lazy(r"^more (?:\w+ ){0,2}(?:stories|news|articles|posts|videos)\b|"
                   r"\bon this day\b.*\byears?\b", re.IGNORECASE)
#: A story's own "See also" section (a documentation page's, a feature's closing notes) is
#: part of it: never a label here.
_SEE_ALSO = lazy(r"^see also\b", re.IGNORECASE)
#: A sentence ("More on that below.") is not a label.
_SENTENCE_END = lazy(r"[.!?]$")


def _label(text: str) -> bool:
    return len(text.split()) <= LABEL_MAX_WORDS and not _SENTENCE_END.search(text) \
        and not _SEE_ALSO.search(text) and bool(
        RELATED_START.search(text) or RELATED_OPENER.search(text)
        or LINK_BOX_HEADING.search(text) or _MORE_LABEL.search(text))


def cut_related_tail(blocks: Sequence[Block], counts: dict | None = None) -> Sequence[Block]:
    """``blocks`` without a related-links box at their end (see the module's docstring);
    ``blocks`` itself when there is none. ``counts``: see :func:`_leaves`."""
    if not RELATED_TAIL:
        return blocks
    leaves: list[tuple[Block, int]] = []
    _leaves(blocks, leaves, counts)
    total = sum(words for _, words in leaves)
    before = 0
    for i, (block, words) in enumerate(leaves):
        if before >= MIN_WORDS_BEFORE and isinstance(block, (Paragraph, Heading)) \
                and words <= LABEL_MAX_WORDS and _label(inline_text(block.children).strip()):
            if total - before - words < TAIL_SHARE * before and all(
                    _item_words(b, w) <= ITEM_MAX_WORDS for b, w in leaves[i + 1:]):
                return _without(blocks, {id(b) for b, _ in leaves[i:]}, "related_tail")
        before += words
    return blocks


#: The blocks at the body's end looked at for a trailing note.
TRAIL_BLOCKS = 3
#: A disclosure is short (a paragraph of prose about affiliate marketing is the story).
DISCLOSURE_MAX_WORDS = 80
#: An affiliate disclosure: the page's links earn the site money ("contains affiliate links",
#: "we may earn a small commission", "earn from qualifying purchases", "at no extra cost to
#: you", "affiliate links are used in the post").
_DISCLOSURE = lazy(
    r"\b(?:contains?|uses?|includes?) (?:some )?affiliate links?\b|"
    r"\baffiliate links? (?:are|is) used\b|\bcommissionable links?\b|"
    r"\b(?:i|we) (?:may |might |can |could |will |do )?(?:earn|receive|get|make) (?:a |an )?"
    r"(?:small |tiny |\(very\) small |very small )?(?:amount of |percentage of the sale |share of "
    r"the sale )?(?:commissions?|compensation|kick ?back)\b|"
    r"\bamazon associate\b|\bearn(?:s)? from qualifying purchases\b|"
    r"\bat no (?:extra|additional) (?:cost|charge) to you\b", re.IGNORECASE)
#: The label of a page's maintenance date: "Last updated on", "Last reviewed", "Updated:".
_UPDATED = lazy(r"^\W*(?:last\s+)?(?:updated|reviewed|modified|medically reviewed|fact[- ]checked)"
                r"\b(?:\s+(?:on|at))?\s*:?", re.IGNORECASE)
#: ...and such a line is short.
UPDATED_MAX_WORDS = 10


def _trailing_note(text: str, words: int) -> bool:
    if words <= UPDATED_MAX_WORDS:
        label = _UPDATED.match(text)
        if label and any(c.isdigit() for c in text) and \
                not DATELINE_FILLER.sub(" ", text[label.end():]).split():
            return True
    return words <= DISCLOSURE_MAX_WORDS and bool(_DISCLOSURE.search(text))


def drop_trailing_notes(blocks: Sequence[Block], counts: dict | None = None) -> Sequence[Block]:
    """``blocks`` without the site's notes among their last blocks (see the module's
    docstring); ``blocks`` itself when there are none. ``counts``: see :func:`_leaves`."""
    if not TRAILING_NOTES:
        return blocks
    leaves: list[tuple[Block, int]] = []
    _leaves(blocks, leaves, counts)
    doomed: set[int] = set()
    before = sum(words for _, words in leaves[:-TRAIL_BLOCKS])
    for block, words in leaves[-TRAIL_BLOCKS:]:
        if before >= MIN_WORDS_BEFORE and isinstance(block, Paragraph) and \
                _trailing_note(inline_text(block.children).strip(), words):
            doomed.add(id(block))
        before += words
    return _without(blocks, doomed, "trailing_notes") if doomed else blocks


def _item_words(block: Block, words: int) -> int:
    """The words of ``block``'s longest item when it is a list, else its ``words``."""
    if RELATED_LIST_ITEMS and isinstance(block, List) and block.items:
        return max(sum(len(t.split()) for t in block_texts(item.blocks, captions=False))
                   for item in block.items)
    return words


#: A paragraph of prose ends a sentence.
_SENTENCE_CLOSE = lazy(r"[.!?][\"'”’)]*$")


def _closes_sentence(text: str) -> bool:
    """``_SENTENCE_CLOSE.search(text)`` for a stripped text (no line break at its end, where
    ``$`` would also stop): its last character but closing quotes and brackets ends a
    sentence. (The search tries every position of a long paragraph; this looks at its end.)"""
    return text.rstrip("\"'”’)")[-1:] in (".", "!", "?")


def drop_author_box(blocks: Sequence[Block], counts: dict | None = None) -> Sequence[Block]:
    """``blocks`` without an author's box below the story (see the module's docstring);
    ``blocks`` itself when there is none. ``counts``: see :func:`_leaves`."""
    if not AUTHOR_BOX_LINES:
        return blocks
    leaves: list[tuple[Block, int]] = []
    _leaves(blocks, leaves, counts)
    texts = [inline_text(b.children).strip() if isinstance(b, (Paragraph, Heading)) else None
             for b, _ in leaves]
    doomed: set[int] = set()
    prose = 0  # paragraphs of prose above: an author's box sits below an article
    for i, ((block, words), text) in enumerate(zip(leaves, texts)):
        above = prose
        if text and words >= ABOVE_PROSE_WORDS and _closes_sentence(text):
            prose += 1
        if text is None or above < ABOVE_PROSE_LINES:
            continue
        # (the pattern starts "about", case-blind, where "a" is only a or A: most lines fail
        # that first letter, decided without the regex)
        if text[:1] in "aA" and ABOUT_AUTHOR_INLINE.match(text):
            if words <= BIO_MAX_WORDS:
                doomed.add(id(block))
            continue
        if words > ABOUT_LABEL_WORDS:
            continue
        label = text.title() if text.isupper() else text  # "ABOUT JANE DOE"
        named = ABOUT_NAME.match(label)
        if not (named or ABOUT_AUTHOR.match(label)):
            continue
        first = named.group("name").split()[0] if named else None
        short: list[Block] = []
        for (next_block, next_words), next_text in zip(leaves[i + 1:i + 1 + ABOUT_WINDOW],
                                                       texts[i + 1:i + 1 + ABOUT_WINDOW]):
            if next_text is not None and next_words < ABOUT_NAME_WORDS or isinstance(
                    next_block, Figure):
                short.append(next_block)  # the name again, the avatar
                continue
            if next_text and next_words <= BIO_MAX_WORDS and (
                    next_text.startswith(first) if first else BIO_START.match(next_text)):
                doomed.update(id(b) for b in (block, *short, next_block))
            break
    return _without(blocks, doomed, "author_box_lines") if doomed else blocks


def drop_teaser_cards(blocks: Sequence[Block], counts: dict | None = None) -> Sequence[Block]:
    """``blocks`` without their boxes of teaser cards (see the module's docstring);
    ``blocks`` itself when there is none. ``counts``: see :func:`_leaves`."""
    if not TEASER_CARDS:
        return blocks
    leaves: list[tuple[Block, int]] = []
    _leaves(blocks, leaves, counts)
    heads = [isinstance(b, Heading) and 0 < words <= CARD_HEADING_WORDS and _linked(b)
             for b, words in leaves]
    if sum(heads) < CARD_MIN:
        return blocks  # (the common case, decided at once)
    doomed: list[int] = []
    i = 0
    while i < len(leaves):
        start, cards = i, 0
        while i < len(leaves) and heads[i]:
            j, lines = i + 1, 0
            while j < len(leaves) and lines < CARD_LINES and not isinstance(leaves[j][0], Heading) \
                    and leaves[j][1] <= CARD_LINE_WORDS:
                lines += leaves[j][1] > 0
                j += 1
            if not lines:
                break  # a headline alone is no card (a listing's company name over its title)
            cards += 1
            i = j
        if cards >= CARD_MIN:
            label = start - 1
            if label >= 0 and isinstance(leaves[label][0], (Paragraph, Heading)) and _label(
                    inline_text(leaves[label][0].children).strip()):
                start = label
            doomed.extend(range(start, i))
        i = max(i, start + 1)
    if not doomed:
        return blocks
    cut = sum(leaves[k][1] for k in doomed)
    total = sum(words for _, words in leaves)
    if total - cut < MIN_WORDS_BEFORE or cut >= total - cut:
        return blocks  # the cards are the page (a listicle, a roundup)
    return _without(blocks, {id(leaves[k][0]) for k in doomed}, "teaser_cards")


def _linked(block: Heading) -> bool:
    """Whether links to other pages hold :data:`CARD_LINK_SHARE` of the heading's characters."""
    linked = total = 0
    stack = [(child, False) for child in block.children]
    while stack:
        node, inside = stack.pop()
        kind = node.type
        if kind == "text" or kind == "code":
            size = len(node.text.strip())  # type: ignore[union-attr]
            total += size
            linked += size if inside else 0
        else:
            kids = getattr(node, "children", None)
            if kids:
                # (a link to a place on the page itself, "#cognitive-benefits", is a section
                # heading's anchor, not another story)
                away = kind == "link" and not node.url.startswith("#")  # type: ignore[union-attr]
                stack.extend((child, inside or away) for child in kids)
    return total > 0 and linked >= CARD_LINK_SHARE * total


def _leaves(blocks: Sequence[Block], out: list[tuple[Block, int]],
            counts: dict[int, tuple[Block, int]] | None = None) -> None:
    """The body's blocks in reading order with their word counts, containers opened.
    ``counts`` (``id(block)`` -> ``(block, words)``, the block held so its id stays its own)
    keeps the counts for the next caller: the pipeline asks about the same blocks in each of
    its passes (related tail, author's box, teaser cards)."""
    for block in blocks:
        if isinstance(block, (Div, Quote)):
            _leaves(block.blocks, out, counts)
            continue
        known = counts.get(id(block)) if counts is not None else None
        if known is None:
            kind = block.type
            # (a paragraph's or heading's one text, counted without block_texts' generator:
            # asked for every paragraph; a blank text has no words either way)
            known = (block, len(inline_text(block.children).split()) if kind == "paragraph"  # type: ignore[union-attr]
                     or kind == "heading" else
                     sum(len(t.split()) for t in block_texts([block], captions=False)))
            if counts is not None:
                counts[id(block)] = known
        out.append(known)


def _without(blocks: Sequence[Block], doomed: set[int], name: str) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if id(block) in doomed:
            rec = record.current()
            if rec is not None:
                rec.drop_block(" ".join(block_texts([block])), name, None)
        elif isinstance(block, (Div, Quote)):
            inner = _without(block.blocks, doomed, name)
            if inner:
                out.append(Div(tuple(inner), block.role) if isinstance(block, Div)
                           else Quote(tuple(inner), block.cite))
        else:
            out.append(block)
    return out
