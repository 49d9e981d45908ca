"""Measurements shared by the content finder: text length, link density, class/id weight,
and the scored :class:`Candidate` they are recorded on."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from selectolax.lexbor import LexborNode

from . import patterns as P
from .fastmatch import in_words
from .thresholds import CLASS_WEIGHT, FRAGMENT_LINK_WEIGHT

#: Cascade levels (see :mod:`.content`): each relaxes the pruning rules of the one before.
STRICT, RELAXED, LOOSE = 0, 1, 2
LEVELS = (STRICT, RELAXED, LOOSE)
PASS_NAMES = ("strict", "relaxed", "loose")


def label(node: LexborNode) -> str:
    """The class and id of an element, space-joined ("" without either)."""
    attrs = node.attributes
    cls = attrs.get("class")
    ident = attrs.get("id")
    if cls and ident:
        return cls + " " + ident
    return cls or ident or ""


def class_weight(node: LexborNode) -> int:
    """Plus :data:`.thresholds.CLASS_WEIGHT` for content words in class/id, minus it for chrome
    words (Readability's weighting)."""
    text = label(node)
    return _label_weight(text) if text else 0


@lru_cache(maxsize=4096)
def _label_weight(label: str) -> int:
    weight = 0
    if in_words(P.NEGATIVE, label):
        weight -= CLASS_WEIGHT
    if in_words(P.POSITIVE, label):
        weight += CLASS_WEIGHT
    return weight


def describe(node: LexborNode) -> str:
    """A short CSS-like name of an element for the debug log (``div#main.post.entry``)."""
    attrs = node.attributes
    out = node.tag
    if attrs.get("id"):
        out += "#" + attrs["id"]
    if attrs.get("class"):
        out += "." + ".".join(attrs["class"].split()[:3])
    return out


class _Measures:
    """Lengths (:func:`text_len`) and link characters (:func:`link_density`) of the elements
    of one tree, by memory id. Holds the tree's root, so that no other tree's element can
    take the memory id of one of its elements while they are remembered."""

    __slots__ = ("lengths", "links", "root")

    def __init__(self, root: LexborNode) -> None:
        self.lengths: dict[int, int] = {}
        self.links: dict[int, float] = {}
        self.root = root


#: The measures of the tree being read in this thread or task (see :func:`measuring`).
_MEASURES: ContextVar[_Measures | None] = ContextVar("decruft_measures", default=None)


@contextmanager
def measuring(root: LexborNode) -> Iterator[None]:
    """Within the block, :func:`text_len` and :func:`link_density` measure each element of
    ``root``'s tree once (the cascade measures the same candidates, their links and their
    ancestors over and over). The tree must not change inside the block. (Per thread and
    task: parses running side by side do not see each other's measures.)"""
    token = _MEASURES.set(_Measures(root))
    try:
        yield
    finally:
        _MEASURES.reset(token)


def text_len(node: LexborNode) -> int:
    """Visible characters of an element's text (whitespace excluded)."""
    measures = _MEASURES.get()
    if measures is None:
        return visible_chars(node.text(deep=True))
    lengths = measures.lengths
    key = node.mem_id
    length = lengths.get(key)
    if length is None:
        length = lengths[key] = visible_chars(node.text(deep=True))
    return length


#: Child nodes :func:`summed_len` adds up at most; an element with more is read whole.
SUM_CHILDREN = 64


def summed_len(node: LexborNode) -> int:
    """:func:`text_len` of an element some of whose children may have been measured already
    (a candidate above other candidates, the next ancestor up): their remembered lengths are
    added to those of the other children instead of reading the whole subtree again. (Visible
    characters add up: an element's text is its child nodes' texts, one after the other.)"""
    measures = _MEASURES.get()
    if measures is None:
        return visible_chars(node.text(deep=True))
    lengths = measures.lengths
    key = node.mem_id
    length = lengths.get(key)
    if length is not None:
        return length
    kids: list[LexborNode] = []
    known = False
    for kid in node.iter(include_text=True):
        if len(kids) == SUM_CHILDREN:
            known = False
            break
        kids.append(kid)
        if not known and kid.mem_id in lengths:
            known = True
    if known:
        length = 0
        for kid in kids:
            size = lengths.get(kid.mem_id)
            length += visible_chars(kid.text(deep=True)) if size is None else size
    else:
        length = visible_chars(node.text(deep=True))
    lengths[key] = length
    return length


def text_len_of(node: LexborNode, text: str) -> int:
    """:func:`text_len` of an element whose text (``node.text(deep=True)``) the caller has
    read already: not read again, and remembered for the next :func:`text_len`."""
    measures = _MEASURES.get()
    if measures is None:
        return visible_chars(text)
    lengths = measures.lengths
    length = lengths.get(node.mem_id)
    if length is None:
        length = lengths[node.mem_id] = visible_chars(text)
    return length


def visible_chars(text: str) -> int:
    """Characters other than whitespace (cheap: no split or regex over a 20 MB text)."""
    # Called for every link of every measured element: most texts are short and one line.
    # (A count per character, each only when the character is there: ``in`` stops at the
    # first one and scans for an absent one much faster than a count; faster than a
    # translate() deleting them, even on ASCII.)
    size = len(text) - text.count(" ")
    if "\n" in text:
        size -= text.count("\n")
    if "\t" in text:
        size -= text.count("\t")
    if "\r" in text:
        size -= text.count("\r")
    return size


def commas(text: str) -> int:
    """How many commas the text holds (Latin, fullwidth, ideographic, Arabic): the matches of
    :data:`.patterns.COMMA`, counted without building a list of them."""
    # (The other commas are looked for only in non-ASCII text, and counted only when there:
    # ``in`` scans for an absent character faster than a count.)
    n = text.count(",")
    if not text.isascii():
        if "\uff0c" in text:
            n += text.count("\uff0c")
        if "\u3001" in text:
            n += text.count("\u3001")
        if "\u060c" in text:
            n += text.count("\u060c")
    return n


def link_density(node: LexborNode, length: int | None = None) -> float:
    """Share of the element's visible characters that are link text (fragment links count
    for :data:`.thresholds.FRAGMENT_LINK_WEIGHT`), at most 1. ``length`` saves measuring the
    element again."""
    total = text_len(node) if length is None else length
    if not total:
        return 0.0
    measures = _MEASURES.get()
    memo = measures.links if measures is not None else None
    links = memo.get(node.mem_id) if memo is not None else None
    if links is None:
        links = _link_chars(node.css("a"))
        if memo is not None:
            memo[node.mem_id] = links
    return min(1.0, links / total)


def _link_chars(anchors: list[LexborNode]) -> float:
    """The link characters :func:`link_density` counts for these ``<a>`` elements (all those
    of an element, in document order: the float sum is the same only in the same order)."""
    links = 0
    for a in anchors:
        # (attrs.get looks one attribute up; .attributes would build a dict of them all.)
        href = a.attrs.get("href") or ""
        weight = FRAGMENT_LINK_WEIGHT if href.startswith("#") else 1.0
        links += weight * text_len(a)
    return links


def note_links(node: LexborNode, anchors: list[LexborNode]) -> None:
    """Remember the link characters of an element for :func:`link_density`, from its ``<a>``
    elements (``node.css("a")``, in document order) found by a selector walk the caller made
    anyway: the walk is not made again. Nothing is remembered outside :func:`measuring`."""
    measures = _MEASURES.get()
    if measures is not None and node.mem_id not in measures.links:
        measures.links[node.mem_id] = _link_chars(anchors)


@dataclass
class Candidate:
    """An element that received paragraph points: its score, then (once measured) its text
    length and link density (the score is scaled by ``1 - density`` when measured)."""

    node: LexborNode
    score: float
    length: int = 0
    density: float = 0.0
