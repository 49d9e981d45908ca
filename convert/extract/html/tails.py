"""The related-links box at the end of a built body.

A news or blog page sets its "More from X" / "You might also like" / "Recent Stories:" box
right under the story, often inside the same wrapper and with no class name that gives it
away (or one the relaxed passes keep). Its label is a short line of the same vocabulary the
text-dump parser reads as a related-links heading (:data:`convert.extract.text.rules.RELATED_START`
and kin); in the body's second half, with less text after it than half the text before it,
the label and everything after it are the box, not the story (rule ``related_tail``). A label
with more text after it (a story's own "See also" section halfway through), or with a
paragraph of prose after it (a "See also" note the story ends with), stays.
"""

from __future__ import annotations

from collections.abc import Sequence
import re

from convert.article import Block, Div, Heading, Paragraph, Quote
from convert.extract import record
from convert.extract.ablation import rule
from convert.extract.lazyre import lazy
from convert.extract.text.rules import LINK_BOX_HEADING, RELATED_OPENER, RELATED_START
from convert.textutil import block_texts, inline_text

__all__ = ["cut_related_tail"]

RELATED_TAIL = rule("related_tail", "a related-links label ('More from X', 'You might also "
                    "like', 'Recent Stories:') in the body's second half ends it when less text "
                    "follows than half the text before it")

#: A label has at most this many words...
LABEL_MAX_WORDS = 8
#: ...and ends the body only below this many words of text...
MIN_WORDS_BEFORE = 100
#: ...when the text after it is under this share of the text before it (the text-dump
#: parser's ``RELATED_TAIL_SHARE``).
TAIL_SHARE = 0.5

#: ...and none of the blocks after it is longer than this many words: a box holds headlines
#: and one-line summaries, a story's own "See also" section paragraphs of prose.
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


def cut_related_tail(blocks: Sequence[Block]) -> Sequence[Block]:
    """``blocks`` without a related-links box at their end (see the module's docstring);
    ``blocks`` itself when there is none."""
    if not RELATED_TAIL:
        return blocks
    leaves: list[tuple[Block, int]] = []
    _leaves(blocks, leaves)
    total = sum(words for _, words in leaves)
    before = 0
    for i, (block, words) in enumerate(leaves):
        if before >= MIN_WORDS_BEFORE and isinstance(block, (Paragraph, Heading)) \
                and words <= LABEL_MAX_WORDS and _label(inline_text(block.children).strip()):
            if total - before - words < TAIL_SHARE * before and all(
                    w <= ITEM_MAX_WORDS for _, w in leaves[i + 1:]):
                return _without(blocks, {id(b) for b, _ in leaves[i:]})
        before += words
    return blocks


def _leaves(blocks: Sequence[Block], out: list[tuple[Block, int]]) -> None:
    """The body's blocks in reading order with their word counts, containers opened."""
    for block in blocks:
        if isinstance(block, (Div, Quote)):
            _leaves(block.blocks, out)
        else:
            out.append((block, sum(len(t.split()) for t in block_texts([block], captions=False))))


def _without(blocks: Sequence[Block], doomed: set[int]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if id(block) in doomed:
            rec = record.current()
            if rec is not None:
                rec.drop_block(" ".join(block_texts([block])), "related_tail", None)
        elif isinstance(block, (Div, Quote)):
            inner = _without(block.blocks, doomed)
            if inner:
                out.append(Div(tuple(inner), block.role) if isinstance(block, Div)
                           else Quote(tuple(inner), block.cite))
        else:
            out.append(block)
    return out
