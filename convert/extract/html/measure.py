"""Measurements shared by the content finder: text length, link density, class/id weight,
and the scored :class:`Candidate` they are recorded on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

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


def text_len(node: LexborNode) -> int:
    """Visible characters of an element's text (whitespace excluded)."""
    return visible_chars(node.text(deep=True))


#: Deletes the whitespace :func:`visible_chars` does not count.
_NO_SPACES = str.maketrans("", "", " \n\t\r")


def visible_chars(text: str) -> int:
    """Characters other than whitespace (cheap: no split or regex over a 20 MB text)."""
    # Called for every link of every measured element: most texts are short and one line.
    size = len(text)
    if 1024 < size < 1 << 20 and text.isascii():
        return len(text.translate(_NO_SPACES))  # one pass (translate is slow off ASCII)
    size -= text.count(" ")
    if "\n" in text or "\t" in text or "\r" in text:
        size -= text.count("\n") + text.count("\t") + text.count("\r")
    return size


def link_density(node: LexborNode, length: int | None = None) -> float:
    """Share of the element's visible characters that are link text (fragment links count
    for :data:`.thresholds.FRAGMENT_LINK_WEIGHT`), at most 1. ``length`` saves measuring the
    element again."""
    total = text_len(node) if length is None else length
    if not total:
        return 0.0
    links = 0
    for a in node.css("a"):
        # (attrs.get looks one attribute up; .attributes would build a dict of them all.)
        href = a.attrs.get("href") or ""
        weight = FRAGMENT_LINK_WEIGHT if href.startswith("#") else 1.0
        links += weight * visible_chars(a.text(deep=True))
    return min(1.0, links / total)


@dataclass
class Candidate:
    """An element that received paragraph points: its score, then (once measured) its text
    length and link density (the score is scaled by ``1 - density`` when measured)."""

    node: LexborNode
    score: float
    length: int = 0
    density: float = 0.0
