"""Repeated sibling structures: the cards of a grid, the rows of a listing, the posts of a thread.

A page built from a template repeats the same element (same tag, same leading class word)
side by side, once per item. :func:`groups` finds every such run of three or more siblings in
one walk over the tree (grouping each element under its parent by its signature), outside page
chrome (``nav``, ``header``, ``footer``, ``aside``, and blocks named for menus, filters,
pagination or related items); the profiles judge which run is the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Paragraph, Quote
from convert.textutil import block_texts

from .. import patterns as P
from ..dom import is_hidden, under_any
from ..measure import text_len
from ...lazyre import lazy

__all__ = ["Group", "groups", "in_chrome", "own_text_len", "visible_len", "prose_words", "words"]

#: Tags whose subtree is never an item of the page's own list.
_SKIP = P.DROP_TAGS | {"head", "form", "nav", "footer", "aside", "menu", "header"}

#: class/id words of page furniture that repeats (menus, facets, pagination, carousels of
#: other items, reviews): a run of items inside such a block is not the page's list.
CHROME_WORDS = lazy(
    r"(?<![a-z])(?:nav|navbar|navigation|menu|megamenu|breadcrumbs?|crumbs|footer|header|"
    r"masthead|sidebar|filters?|facets?|refine|sort(?:ing|by)?|pagination|pager|paging|"
    r"related|recommend\w*|also-?(?:bought|viewed|like)|upsell|cross-?sell|recently-?viewed|"
    r"similar|carousel|slider|swiper|slick|tabs?|dropdown|modal|popup|cookie|consent|"
    r"newsletter|share|social|toc|table-of-contents)(?![a-z])",
    re.IGNORECASE)


@dataclass
class Group:
    """Three or more sibling elements sharing a signature, under ``parent``."""

    parent: LexborNode
    items: list[LexborNode]
    signature: tuple[str, str]
    #: Visible characters of each item (filled by :func:`measure`).
    lengths: list[int] = field(default_factory=list)
    #: A forum thread's template of replies nested in a post, when its posts hold them
    #: (:func:`.forum.find`): a post's own parts are not looked for inside them.
    replies: tuple[str, str] | None = None

    @property
    def chars(self) -> int:
        return sum(self.lengths)


@lru_cache(maxsize=4096)
def _lead_class(cls: str) -> str:
    """The first class word with digits removed (``post-123`` and ``post-456`` are alike)."""
    first = cls.split(None, 1)[0] if cls.strip() else ""
    return re.sub(r"\d+", "", first)


#: Reader comments and reviews: furniture around a grid, but the content of a thread.
FEEDBACK_WORDS = lazy(r"comment|review|repl(?:y|ies)|disqus|rating", re.IGNORECASE)


@lru_cache(maxsize=4096)
def chrome_label(text: str, feedback: bool = False) -> bool:
    """Whether a class/id string names repeated furniture (see :data:`CHROME_WORDS`), or
    with ``feedback`` also comments and reviews."""
    return bool(CHROME_WORDS.search(text) or feedback and FEEDBACK_WORDS.search(text))


#: The words of a list's own controls (its pager, facets and sort bar). A page often wraps the
#: results in one block with them ("filtering-and-pagination", "facets-container", a search
#: <form>): such a block holding mostly one run of cards is the list's wrapper, not furniture
#: (see :func:`in_chrome`'s ``holds``).
CONTROL_WORDS = lazy(
    r"^(?:filters?|facets?|refine|sort(?:ing|by)?|pagination|pager|paging)$", re.IGNORECASE)
#: The run holds at least this share of the wrapper's characters.
WRAPPER_SHARE = 0.5


def _list_wrapper(node: LexborNode, label: str, holds: int, hidden=is_hidden) -> bool:  # noqa: ANN001
    """Whether a chrome-looking element is the wrapper of a run of ``holds`` characters: a
    <form>, or a class/id whose every furniture word is one of the list's controls (see
    :data:`CONTROL_WORDS`), holding mostly that run (:data:`WRAPPER_SHARE`) of what it shows
    (read by ``hidden``, when it is not the usual reading: a listing's desktop view leaves
    out the phone's twin of the grid)."""
    if node.tag != "form":
        found = CHROME_WORDS.findall(label)
        if not found or FEEDBACK_WORDS.search(label) \
                or not all(CONTROL_WORDS.match(w) for w in found):
            return False
    if holds >= WRAPPER_SHARE * text_len(node):
        return True
    # (what the desktop shows is less: counted only when the whole does not settle it)
    return hidden is not is_hidden and holds >= WRAPPER_SHARE * shown_len(node, hidden)


def shown_len(node: LexborNode, hidden) -> int:  # noqa: ANN001
    """Characters of the element outside its descendants ``hidden`` hides."""
    total = text_len(node)
    # (in document order, outermost first: a hidden element's descendants are gone with it)
    gone: set[int] = set()
    for inner in node.css("[class]"):
        if gone and under_any(inner, gone, node):
            continue
        if hidden(inner):
            gone.add(inner.mem_id)
            total -= text_len(inner)
    return max(total, 0)


def in_chrome(node: LexborNode, stop: LexborNode | None = None, feedback: bool = False,
              holds: int = 0, main: bool = False, hidden=is_hidden) -> bool:  # noqa: ANN001
    """Whether the element or an ancestor (up to ``stop`` or the body) is page chrome: a chrome
    tag, a chrome role, or a class/id naming furniture (comments and reviews too with
    ``feedback``); or hidden. With ``holds`` (the characters of a run of items under
    ``node``), a wrapper of the run named for the list's controls is not chrome
    (:func:`_list_wrapper`). With ``main``, the class/id of an element holding the page's
    ``<main>`` is layout, not furniture (a sticky-footer page wrapper "flex-wrap-footer").
    ``hidden`` tells whether an element is hidden (a listing reads it at a desktop width)."""
    stop_id = stop.mem_id if stop is not None else None
    in_main = False
    while node is not None and node.tag not in ("body", "html"):
        if stop_id is not None and node.mem_id == stop_id:
            return False
        attrs = node.attributes
        words = (attrs.get("class") or "") + " " + (attrs.get("id") or "") if attrs else ""
        if node.tag in _SKIP and not (holds and node.tag == "form"
                                      and _list_wrapper(node, words, holds, hidden)):
            return True
        if attrs:
            if attrs.get("role") in P.CHROME_ROLES or hidden(node):
                return True
            if words.strip() and not in_main and chrome_label(words, feedback) \
                    and not (holds and _list_wrapper(node, words, holds, hidden)):
                return True
        if main and (node.tag == "main" or attrs and attrs.get("role") == "main"):
            in_main = True
        node = node.parent
    return False


def groups(root: LexborNode, min_items: int = 3, feedback: bool = False,
           wrappers: bool = False, main: bool = False,
           hidden=is_hidden) -> list[Group]:  # noqa: ANN001
    """Every run of at least ``min_items`` same-signature siblings under ``root`` (not in
    chrome, see :func:`in_chrome`; with ``wrappers``, a run the wrapper of its list's controls
    holds still counts; with ``main``, the labels of the elements around ``<main>`` are
    layout; ``hidden`` as :func:`in_chrome`'s), each measured, in document order of their
    parents."""
    runs: dict[tuple[int, str, str], list[LexborNode]] = {}
    parents: dict[int, LexborNode] = {}
    for node in root.traverse():
        tag = node.tag
        if tag is None or tag.startswith("-") or tag in _SKIP:
            continue
        parent = node.parent
        if parent is None:
            continue
        cls = node.attrs.get("class") or ""
        key = (parent.mem_id, tag, _lead_class(cls) if cls else "")
        run = runs.get(key)
        if run is None:
            runs[key] = [node]
            parents[parent.mem_id] = parent
        else:
            run.append(node)
    out: list[Group] = []
    for (pid, tag, cls), items in runs.items():
        if len(items) < min_items:
            continue
        parent = parents[pid]
        if in_chrome(parent, feedback=feedback, main=main, hidden=hidden):
            if not wrappers:
                continue
            lengths = [text_len(item) for item in items]
            if in_chrome(parent, feedback=feedback, holds=sum(lengths), main=main,
                         hidden=hidden):
                continue
            out.append(Group(parent, items, (tag, cls), lengths))
            continue
        group = Group(parent, items, (tag, cls))
        group.lengths = [text_len(item) for item in items]
        out.append(group)
    return out


def own_text_len(node: LexborNode) -> int:
    """Visible characters of the element outside its links."""
    total = text_len(node)
    for a in node.css("a"):
        total -= text_len(a)
    return max(total, 0)


_INVISIBLE = "script, style, noscript, template"


def visible_len(node: LexborNode, length: int | None = None) -> int:
    """Visible characters of the element, without the text of its scripts and styles
    (``length`` is its :func:`text_len` when known)."""
    total = text_len(node) if length is None else length
    for hidden in node.css(_INVISIBLE):
        total -= text_len(hidden)
    return max(total, 0)


_WORD = lazy(r"\w+")


def words(blocks: list[Block]) -> int:
    """Words of the blocks' text."""
    return sum(len(_WORD.findall(t)) for t in block_texts(blocks))


def prose_words(blocks: list[Block]) -> int:
    """Words outside links in the paragraphs of the blocks (inside sections and quotes too,
    not in lists or tables): the running text a page holds."""
    total = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            total += sum(len(_WORD.findall(c.text)) for c in block.children if c.type == "text")
        elif isinstance(block, (Div, Quote)):
            total += prose_words(list(block.blocks))
    return total
