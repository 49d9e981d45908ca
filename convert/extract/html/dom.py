"""Element helpers shared by the extractor: children, hidden elements, block content, texts.

Turning the winning nodes into AST blocks is :mod:`.builder`'s (with :mod:`.inlines`,
:mod:`.urls` and :mod:`.tables`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from convert.extract.ablation import rule
from convert.textutil import clean_text, squash
from . import patterns as P
from ..lazyre import lazy


def parse(markup: str | bytes) -> LexborHTMLParser:
    """A lexbor parse of the page. Lexbor reads UTF-8 bytes: a ``str`` is encoded here, once
    (selectolax would encode it again on every parse)."""
    return LexborHTMLParser(markup.encode("utf-8") if isinstance(markup, str) else markup)


def copier(tree: LexborHTMLParser, markup: str, prepare=None,  # noqa: ANN001
           consume: bool = False):
    """A function giving fresh copies of ``tree`` (a parse of ``markup`` that ``prepare``, if
    given, has since modified) for passes that modify their tree: clones, which cost about
    half a parse; a new parse, then ``prepare``, where lexbor cannot clone the document (it
    fails on some doctypes, ``<!DOCTYPE html SYSTEM "HTML">``). A clone drops what
    ``<template>`` elements hold and lowercases the tag names of SVG and MathML elements:
    whoever copies a tree that has them must have stripped them first.

    ``consume``: the caller never reads ``tree`` again, so the first copy is ``tree`` itself
    and the later ones new parses (a clone of a tree a pass has modified would not be a
    copy): on a huge page one tree alive instead of two, for a parse per later copy."""

    def copy() -> LexborHTMLParser:
        nonlocal cloneable, unused
        if unused:
            unused = False
            return tree
        if cloneable:
            try:
                return tree.clone()
            except SelectolaxError:
                cloneable = False
        fresh = parse(markup)
        if prepare is not None:
            prepare(fresh)
        return fresh

    cloneable = not consume
    unused = consume
    return copy


#: Markup of at least this many bytes makes a tree worth giving back to the system when freed,
#: and worth parsing again rather than keeping alive while another is (see
#: :func:`.pipeline.parse_html`): below it a tree is a few MB and a parse costs more than it saves.
RELEASE_MIN_BYTES = 4_000_000


def release_heap(markup_bytes: int) -> None:
    """After a page's tree of ``markup_bytes`` of markup is freed: give the freed memory back
    to the system (glibc's ``malloc_trim``), which otherwise keeps it: lexbor's trees live on
    the C heap, where Python's own objects (allocated in separate arenas) never reuse it, so
    the blocks built next would add to the peak as if the tree were still there. Only for
    large pages: on small ones the memory is reused by the next page's parse."""
    global _trim
    if markup_bytes < RELEASE_MIN_BYTES:
        return
    if _trim is None:
        try:
            import ctypes
            _trim = ctypes.CDLL("libc.so.6").malloc_trim
        except (OSError, AttributeError):  # not glibc
            _trim = False
    if _trim:
        _trim(0)


_trim = None


def strip_elements(tree: LexborHTMLParser, names: frozenset[str]) -> None:
    """Remove every element named in ``names`` with its subtree. (A walk here is cheaper than
    a selector of many tag names, or ``strip_tags``, which walks the tree once per name.)"""
    root = tree.root
    if root is None:
        return
    doomed = [node for node in root.traverse() if node.tag in names]
    for node in doomed:
        if node.tag == "math" and MATH_AS_CODE and math_as_code(tree, node):
            continue
        if node.tag == "script" and MATH_SCRIPT_AS_CODE and math_script_as_code(tree, node):
            continue
        node.decompose(recursive=False)


MATH_AS_CODE = rule("math_as_code", "a MathML <math> element (dropped as never-content) "
                    "leaves its TeX source (its x-tex annotation or alttext) as inline code, "
                    "not a hole in the sentence")
MATH_SCRIPT_AS_CODE = rule("math_script_as_code", "a MathJax 2 formula not yet typeset, "
                           "<script type='math/tex'> (kramdown's and many blogs' math), "
                           "dropped with the scripts, leaves its TeX as inline code, as "
                           "math_as_code does for <math>")
#: What MathJax 2 puts before a formula's script once it has typeset it (the script then
#: stands beside its rendering, whose text is already in the page).
_MATHJAX_OUTPUT = lazy(r"mathjax|mjx", re.IGNORECASE)
#: MediaWiki's wrapper around every formula's TeX: "{\\displaystyle d_{k}}".
_DISPLAYSTYLE = lazy(r"^\{\\(?:display|text)style\s*(.*)\}$", re.S)


def math_script_as_code(tree: LexborHTMLParser, node: LexborNode) -> bool:
    """Replace a ``<script type="math/tex">`` (``; mode=display`` too) by a ``<code>``
    holding its TeX; whether it did. A script MathJax has typeset already (its output, an
    element of class ``MathJax...``/``MJX...``, stands just before it) is left to be dropped:
    the formula would read twice."""
    if not (node.attributes.get("type") or "").lower().startswith("math/tex"):
        return False
    tex = " ".join((node.text() or "").split())
    prev = node.prev
    while prev is not None and prev.tag == "-text" and not (prev.text_content or "").strip():
        prev = prev.prev
    if not tex or (prev is not None and _MATHJAX_OUTPUT.search(
            (prev.attributes.get("class") or "") + " " + (prev.attributes.get("id") or ""))):
        return False
    code = tree.create_node("code")
    code.insert_child(tex)
    node.replace_with(code)
    return True


def math_as_code(tree: LexborHTMLParser, node: LexborNode) -> bool:
    """Replace a ``<math>`` element by a ``<code>`` holding its TeX source; whether it had one
    (a formula without a TeX source is dropped as before: its MathML text, "dk" for
    d<sub>k</sub>, would misread)."""
    tex = None
    for note in node.css("annotation"):
        if (note.attributes.get("encoding") or "").lower() in ("application/x-tex", "tex"):
            tex = note.text(deep=True)
            break
    tex = (tex or node.attributes.get("alttext") or "").strip()
    if not tex:
        return False
    m = _DISPLAYSTYLE.match(tex)
    if m:
        tex = m.group(1).strip()
    code = tree.create_node("code")
    code.insert_child(" ".join(tex.split()))
    node.replace_with(code)
    return True


def utf8_markup(data: bytes | str, decoded: str, text: str, encoding: str | None) -> bytes:
    """The page's markup ``text`` as UTF-8 bytes for :func:`parse`: the input bytes themselves
    when they were valid UTF-8 without a BOM (``decoded`` from them as ``encoding``) and the
    guards left the text as decoded, else the text encoded. (A replacement character in the
    text may stand for a broken byte: then the text is encoded, which is always right.)"""
    if (text is decoded and encoding == "utf-8" and isinstance(data, bytes)
            and not data.startswith(b"\xef\xbb\xbf") and "\ufffd" not in text):
        return data
    return text.encode("utf-8")


def children(node: LexborNode) -> Iterator[LexborNode]:
    """Child nodes, skipping node kinds selectolax gives no tag name (processing instructions)."""
    child = node.child
    while child is not None:
        if child.tag is not None:
            yield child
        child = child.next


def has_child_tag(node: LexborNode, tags: frozenset[str]) -> bool:
    """Whether a direct child element of ``node`` is one of ``tags``."""
    child = node.child
    while child is not None:
        if child.tag in tags:
            return True
        child = child.next
    return False


def is_hidden(node: LexborNode) -> bool:
    """Hidden by the ``hidden`` attribute, ``aria-hidden``, an inline style or a hiding class."""
    attrs = node.attributes
    return bool(attrs) and hidden_by(attrs)


def hidden_by(attrs: dict[str, str | None]) -> bool:
    """:func:`is_hidden` on an element's attributes (for loops that read them anyway)."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and "none" in style or style and "hidden" in style:
        if P.HIDDEN_STYLE.search(style):
            return True
    cls = attrs.get("class")
    return bool(cls) and _hiding_class(cls)


@lru_cache(maxsize=4096)
def _hiding_class(cls: str) -> bool:
    # (the pattern has no literal start, so its search tries every position of the value:
    # most class values, ASCII, hold none of its words' stems, found by C substring tests.
    # Only on ASCII does ``lower`` fold as the pattern's IGNORECASE does.)
    if cls.isascii():
        # (every word the pattern names holds one of these stems)
        folded = cls.lower()
        if not ("hid" in folded or "none" in folded or "sr-only" in folded
                or "screen" in folded or "invisible" in folded):
            return False
    return bool(P.HIDDEN_CLASS.search(cls))


def bounded_int(value: str | None, default: int, cap: int) -> int:
    """An attribute's positive integer ("3", "640px") clamped to ``cap``, else ``default``."""
    try:
        n = int((value or "").strip().rstrip("px"))
    except ValueError:
        return default
    return max(1, min(n, cap)) if n > 0 else default


_BLOCK_NAMES = P.BLOCK_TAGS - {"body", "html"}
_BLOCK_SELECTOR = ",".join(sorted(_BLOCK_NAMES))

#: Descendants :func:`contains_block` looks at itself before asking the selector engine.
_BLOCK_PEEK = 12


def contains_block(node: LexborNode) -> bool:
    """Whether an inline element wraps block content (``<a><div>..</div></a>``)."""
    kid = node.child
    if kid is None:
        return False
    # Most inline elements hold a few text nodes and inline tags: walking them here is much
    # cheaper than setting up a selector search (this runs for every inline element).
    stack = [kid]
    seen = 0
    while stack:
        current = stack.pop()
        while current is not None:
            seen += 1
            if seen > _BLOCK_PEEK:
                return node.css_first(_BLOCK_SELECTOR) is not None
            tag = current.tag
            if tag in _BLOCK_NAMES:
                return True
            child = current.child
            if child is not None:
                stack.append(child)
            current = current.next
    return False


def inside(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether ``ancestor`` is a proper ancestor of ``node``."""
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def under_any(node: LexborNode, marked: set[int], top: LexborNode) -> bool:
    """Whether an ancestor of ``node`` below ``top`` is one of the ``marked`` elements (by
    ``mem_id``): an element inside one already dropped or hidden."""
    up = node.parent
    while up is not None and up.mem_id != top.mem_id:
        if up.mem_id in marked:
            return True
        up = up.parent
    return False


def within(node: LexborNode, root: LexborNode) -> bool:
    """Whether ``node`` is ``root`` or below it."""
    return node.mem_id == root.mem_id or inside(node, root)


def following(start: LexborNode, root: LexborNode) -> Iterator[LexborNode]:
    """The nodes from ``start`` (an element or text node below ``root``) to the end of
    ``root``, text nodes included, in document order: ``root.traverse(include_text=True)``
    from ``start`` on, without walking the nodes before it."""
    node = start
    top = root.mem_id
    while True:
        yield from node.traverse(include_text=True)
        after = node.next
        while after is None:
            node = node.parent
            if node is None or node.mem_id == top:
                return
            after = node.next
        node = after


def subtree_sizes(root: LexborNode) -> dict[int, int]:
    """The number of nodes (elements and comments) in each element's subtree below ``root``,
    itself included, by ``mem_id``: one walk, children added to their parents bottom-up."""
    order = list(root.traverse())
    sizes = dict.fromkeys((node.mem_id for node in order), 1)
    top = root.mem_id
    for node in reversed(order):  # (a node after its ancestors in document order)
        key = node.mem_id
        if key == top:
            continue
        parent = node.parent
        if parent is not None and parent.mem_id in sizes:
            sizes[parent.mem_id] += sizes[key]
    return sizes


def has_descendant(node: LexborNode, selector: str) -> bool:
    """Whether an element below ``node`` matches (selectolax's ``css`` also matches the node)."""
    # One search answers unless the node itself matches (the first match, in document order):
    # then each child is asked (a search per child, each parsing the selector again).
    first = node.css_first(selector)
    if first is None:
        return False
    if first.mem_id != node.mem_id:
        return True
    kid = node.child  # (text, comment and nameless nodes skipped)
    while kid is not None:
        if not (kid.tag or "-").startswith("-") and kid.css_first(selector) is not None:
            return True
        kid = kid.next
    return False


def node_text(node: LexborNode | None) -> str:
    """An element's text on one line, words space-separated ("" for ``None``)."""
    return squash(clean_text(node.text(deep=True, separator=" "))) if node is not None else ""


_WORD = lazy(r"\w+")


#: ASCII word characters (``\w``) kept, lower-cased, every other byte a space
#: (:func:`word_key`): ``str.lower`` of ASCII text changes only A-Z, so the table folds the
#: case in the same pass.
_ASCII_WORDS = bytes(ord(chr(c).lower()) if chr(c).isalnum() or c == 95 else 32
                     for c in range(128)) + bytes(32 for _ in range(128, 256))


def word_key(text: str) -> str:
    """The words of a text, case-folded and space-joined: two texts that differ only in case,
    punctuation or spacing share a key."""
    if text.isascii():
        # (the same words as the regex, for ASCII text, in a byte-table pass: ~3x faster)
        return b" ".join(text.encode().translate(_ASCII_WORDS).split()).decode()
    return " ".join(_WORD.findall(text.casefold()))
