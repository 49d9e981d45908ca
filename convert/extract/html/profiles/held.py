"""A listing the generic cascade's content already holds, and more.

The listing profile cuts the page down to its grid (and the grid's region). When the cascade's
content holds every line the profile took and clearly more text besides, the grid is a part of
the page's content, not the page: a landing page's row of product tiles among its other
sections (a shop's home page: its hero, its favourites, its customers' quotes), or a river of
posts the cascade found with the introduction and the sections around it. Cutting then only
loses text the page shows, so the cascade's content stays (:data:`LISTING_GENERIC_HOLDS`).

Measured on the tune listing and collection pages of wcxb-dev + wcxb-dev-extra (issue #18,
r-list11): where the profile's lines are all in the cascade's, the cascade holds either about
as many words (the profile's list is the cascade's content, built as a list: the profile
stays) or half as many again (a landing page, a river with its sections: the cascade wins).
One tune page changes (a news home page's six-story block among its sections, +0.139).

Measured and not adopted (r-list11): the share of the listing's words (not lines) the cascade's
lines hold, at 0.85: it also takes a shop's landing page whose tiles' "5 min read" lines the
cascade split off (+0.347), but a job board's river the cascade holds with its filters and
ads (-0.233) has the higher share: words do not separate them, lines only just.
"""

from __future__ import annotations

from convert.article import Block
from convert.extract.ablation import rule
from convert.textutil import block_texts

from .repeats import words

__all__ = ["holds", "LISTING_GENERIC_HOLDS"]

LISTING_GENERIC_HOLDS = rule("listing_generic_holds", "a listing whose every line the generic "
                             "cascade's content already holds, with clearly more words "
                             "besides (a landing page's row of tiles among its sections), "
                             "keeps the cascade's content: the profile would only cut")

#: The cascade holds the listing when this share of the listing's distinct lines are its lines
#: word for word (nearly all: a line the cascade joined or split differently may be missing)...
MIN_HELD_LINES = 0.95
#: ...and holds this many times the listing's words (as :data:`.weighing.GAIN_FACTOR` asks of a
#: thread replacing the cascade's content, the other way round).
GAIN_FACTOR = 1.3


def _lines(blocks: list[Block]) -> set[str]:
    return {" ".join(t.split()).casefold() for t in block_texts(blocks)} - {""}


def holds(listing: list[Block], generic: list[Block]) -> bool:
    """Whether the cascade's ``generic`` blocks hold the ``listing``'s blocks and more (see
    :data:`LISTING_GENERIC_HOLDS`)."""
    if not LISTING_GENERIC_HOLDS:
        return False
    own = _lines(listing)
    if not own or words(generic) < GAIN_FACTOR * words(listing):
        return False
    return len(own & _lines(generic)) >= MIN_HELD_LINES * len(own)
