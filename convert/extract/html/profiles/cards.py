"""How a listing's card is built: what of it the screen shows.

A card of a news river often links its title twice: the heading's link, and a twin around the
picture or the summary, hidden from screen readers (``aria-hidden``, ``tabindex=-1``) because
it repeats the heading's. The twin's text is on the screen all the same (the card's summary,
which the listing's golds and readers keep), so inside a card an ``aria-hidden`` link is shown,
as text: its link is the title's (:data:`CARD_LINK_TWINS`).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule

from ..builder import Builder
from ..dom import hidden_by, is_hidden

__all__ = ["card_builder", "CARD_LINK_TWINS"]

CARD_LINK_TWINS = rule("card_link_twins", "a card's link hidden from screen readers only "
                       "(aria-hidden: the mouse twin of its title link, often around the "
                       "summary) is shown, as text")


def _card_hidden(node: LexborNode) -> bool:
    """:func:`..dom.is_hidden`, but a link's ``aria-hidden`` alone does not hide it."""
    if node.tag == "a":
        attrs = node.attributes
        if attrs and attrs.get("aria-hidden") == "true":
            return hidden_by({k: v for k, v in attrs.items() if k != "aria-hidden"})
    return is_hidden(node)


class _CardBuilder(Builder):
    hidden = staticmethod(_card_hidden)

    def inline(self, node: LexborNode, depth: int):  # noqa: ANN201
        # The twin's text is shown as text: its link repeats the title's.
        if node.tag == "a" and node.attributes.get("aria-hidden") == "true":
            return self.inline_children(node, depth)
        return super().inline(node, depth)


def card_builder(builder: Builder) -> Builder:
    """The builder for a grid's cards (see :data:`CARD_LINK_TWINS`)."""
    return _CardBuilder(builder.base) if CARD_LINK_TWINS else builder
