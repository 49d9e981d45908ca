"""A Q&A site's user card lines: the time stamps and counters printed around each post.

Q&A software (Stack Exchange and its clones) signs every question and answer with a card:
the action and its time ("asked Mar 4, 2015 at 9:12", "answered Feb 12, 2011 at 1:01",
"edited Jun 20, 2014 at 13:14"), the poster's avatar ("Jane's user avatar") and reputation
with badge counts ("30.5k18 gold badges 90 silver badges 174 bronze badges"), and heads the
question with its counters ("Asked 12 years, 1 month ago", "Modified 3 years ago", "Viewed
2k times"). A page the cascade reads as one run of text keeps them between the posts; on the
wcxb tune pages showing them (3 pages), the gold leaves every such line out. A line that is
exactly one of these leaves the body (``qa_card_lines``); a sentence that merely opens so
stays (the whole line must match).
"""

from __future__ import annotations

import re

from convert.article import Block, Figure, Image, Link, Paragraph
from convert.extract.ablation import rule
from convert.textutil import inline_text
from ..lazyre import lazy
from .blockmap import map_leaves

__all__ = ["without_card_lines", "QA_CARD_LINES"]

QA_CARD_LINES = rule("qa_card_lines", "a Q&A post's card lines ('answered Feb 12, 2011 at "
                     "1:01', 'Asked 12 years, 1 month ago', 'Viewed 2k times', '30.5k 18 gold "
                     "badges 90 silver badges', an image-only line of a user's avatar) leave "
                     "the body: the software's stamps and counters, not the posts")

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_AGE = r"(?:\d+|an?|one)\s+(?:second|minute|hour|day|week|month|year)s?"
#: The whole line (matched lower-cased, spaces squashed).
_CARD_LINE = lazy(
    r"(?:asked|answered|edited|modified|viewed)\s+(?:"
    # a day: "Mar 4, 2015 at 9:12", "Feb 4 at 13:12", "4 Mar 2015"
    r"(?:" + _MONTH + r"\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+" + _MONTH + r"(?:\s+\d{4})?)"
    r"(?:\s+at\s+\d{1,2}:\d{2})?"
    # an age: "12 years, 1 month ago", "today", "yesterday"
    r"|" + _AGE + r"(?:,?\s+" + _AGE + r")?\s+ago|today|yesterday"
    # a count: "Viewed 2k times", "viewed 1,234 times"
    r"|[\d.,]+\s*[km]?\s+times?)"
    # the reputation and badge counts of a user card
    r"|[\d.,]+\s*[km]?\s*(?:\d+\s*(?:gold|silver|bronze)\s+badges?\s*){1,3}",
    re.IGNORECASE)
#: (a longer line is prose)
CARD_LINE_MAX_CHARS = 90
#: An avatar's alt text ("Jane's user avatar", "avatar of jane", "Jane avatar").
_AVATAR_ALT = lazy(r"(?:^|\W)(?:user\s+)?avatar(?:\s+(?:of|for)\s+\S.{0,40})?$", re.IGNORECASE)


def without_card_lines(blocks: list[Block]) -> list[Block]:
    """The blocks without the Q&A card lines in them (see :data:`QA_CARD_LINES`); the same
    list when none is there."""
    return map_leaves(blocks, _cut) if QA_CARD_LINES else blocks


def _cut(block: Block) -> Block | None:
    if isinstance(block, Paragraph):
        return None if _card_line(block) else block
    if isinstance(block, Figure) and block.image is not None and not block.caption \
            and _AVATAR_ALT.search(" ".join((block.image.alt or "").split())):
        return None
    return block


def _card_line(block: Paragraph) -> bool:
    children = block.children
    images = [c for c in children if isinstance(c, Image)] + [
        i for c in children if isinstance(c, Link) for i in c.children if isinstance(i, Image)]
    text = " ".join(inline_text(children).split())
    if images and not text:
        return all(_AVATAR_ALT.search(" ".join((i.alt or "").split())) for i in images)
    return 0 < len(text) <= CARD_LINE_MAX_CHARS and _CARD_LINE.fullmatch(text) is not None
