"""Which short or link-heavy blocks inside the winner are not debris, for the conditional
cleaning (:mod:`.cleaning`): a paragraph's label, a line of a text set in ``<div>``s, a code
block's or an admonition's title, a section's heading with its tools beside it."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from . import patterns as P
from ..lazyre import lazy
from ..peek import holds_tag
from .dom import has_descendant
from .measure import text_len
from .thresholds import LABELLED_PROSE_CHARS, TEXT_LINE_PARAGRAPHS, TEXT_LINE_WINDOW

__all__ = ["labels_prose", "text_line", "box_title", "headed_block", "signature_line", "HEADED_SHARE",
           "HEADING_LINK_SHARE"]

_HEADING_SELECTOR = ",".join(sorted(P.HEADING_TAGS))


def labels_prose(node: LexborNode) -> bool:
    """Whether the element right after ``node`` is a paragraph of prose (``node`` is its label:
    "Q." over the question, "10" over the tenth entry), ``node`` itself holding no link."""
    if holds_tag(node, "a"):
        return False
    nxt = node.next
    while nxt is not None and nxt.tag in ("-text", "_text", "-comment", "_comment"):
        if (nxt.text_content or "").strip():
            return False
        nxt = nxt.next
    return nxt is not None and nxt.tag == "p" and \
        text_len(nxt) - _link_chars(nxt) >= LABELLED_PROSE_CHARS


#: A block is its heading's when the heading holds this share of its text at least...
HEADED_SHARE = 0.6
#: ... and links hold at most this share of the heading's text (a teaser's heading is all one
#: link).
HEADING_LINK_SHARE = 0.6


def headed_block(node: LexborNode, length: int) -> bool:
    """Whether ``node`` (``length`` characters of text) is mostly one heading that is mostly
    not links: a section's heading with its tools around it, however many of its words link
    to other pages (an API signature's types)."""
    heading = node.css_first(_HEADING_SELECTOR)
    if heading is None or not length:
        return False
    n = len(" ".join((heading.text(deep=True) or "").split()))
    return n >= HEADED_SHARE * length and _link_chars(heading) <= HEADING_LINK_SHARE * n


def box_title(node: LexborNode) -> bool:
    """Whether ``node`` (no link in it) titles the box it opens: the next element is a code
    block or holds one first (Docusaurus' ``codeBlockTitle`` "harbor.toml" over the code),
    or ``node`` opens a box named as an admonition and the next element holds its text
    (Docusaurus' ``admonitionHeading`` "warning" over ``admonitionContent``)."""
    # (an icon, a callout's emoji, is no title)
    if holds_tag(node, "a") or not any(c.isalnum() for c in node.text(deep=True)):
        return False
    nxt = node.next
    while nxt is not None and (nxt.tag or "-").startswith(("-", "_")):
        if (nxt.text_content or "").strip():
            return False
        nxt = nxt.next
    if nxt is None:
        return False
    first = nxt.css_first("pre, p, table, ul, ol, h1, h2, h3, h4, h5, h6")
    if first is not None and first.tag == "pre":
        return True
    if first is None or first.tag != "p" or node.prev is not None and (
            node.prev.tag or "-") not in ("-text", "_text", "-comment", "_comment"):
        return False
    box = node.parent
    return box is not None and bool(_ADMONITION_BOX.search(box.attributes.get("class") or ""))


#: class words of an admonition box (``admonition``, ``alert--warning``, ``callout``).
_ADMONITION_BOX = lazy(r"admonition|callout|alert|(?:^|[\s_-])(?:note|tip|caution|warning|"
                       r"danger|important)(?=$|[\s_-])", re.IGNORECASE)


def text_line(node: LexborNode) -> bool:
    """Whether ``node`` (no link in it) has, among its nearest element siblings, at least
    :data:`TEXT_LINE_PARAGRAPHS` of its own tag that are paragraphs of prose: leaf blocks (no
    block inside) with :data:`LABELLED_PROSE_CHARS` characters outside links. A text pasted
    from a word processor or set line by line in ``<div>``s reads so; a toolbar's, a card's
    or a form's labels sit among short blocks or blocks of other tags."""
    if holds_tag(node, "a"):
        return False
    found = 0
    for step in ("prev", "next"):
        sib, seen = getattr(node, step), 0
        while sib is not None and seen < TEXT_LINE_WINDOW:
            if sib.tag == node.tag:
                seen += 1
                if text_len(sib) - _link_chars(sib) >= LABELLED_PROSE_CHARS and \
                        not has_descendant(sib, _LEAF_BREAKERS):
                    found += 1
                    if found >= TEXT_LINE_PARAGRAPHS:
                        return True
            sib = getattr(sib, step)
    return False


#: A block holding one of these is not a paragraph of text (rule ``text_lines``).
_LEAF_BREAKERS = "div, p, ul, ol, dl, table, section, article, form, h1, h2, h3, h4, h5, h6"


def _link_chars(node: LexborNode) -> int:
    return sum(text_len(a) for a in node.css("a"))


#: A declaration's shape: a name and its parameter list, "acquire()", "get(int index)".
_SIGNATURE = lazy(r"[\w.$<>\[\]]+\s*\([^()]*\)")


def signature_line(node: LexborNode) -> bool:
    """Whether ``node`` (no link in it) sits right under a heading and reads as a call's
    declaration (a name with its parentheses): an API page's member signature under the
    member's name (Javadoc's ``member-signature``), short when the member is."""
    if holds_tag(node, "a") or not _SIGNATURE.search(node.text(deep=True) or ""):
        return False
    prev = node.prev
    while prev is not None and (prev.tag or "-").startswith(("-", "_")):
        if (prev.text_content or "").strip():
            return False
        prev = prev.prev
    return prev is not None and prev.tag in P.HEADING_TAGS
