"""Where inline Markdown syntax may stand: the tree around a text node or an inline element.

The md writer asks these before it writes a delimiter or an escape: whether a text starts a
Markdown line (line-start syntax needs escaping only there), whether a closing run of ``*``
or backticks would touch another, and what character stands on each side of an element (the
CommonMark flanking rules decide whether ``*`` there reads as emphasis).
"""

from __future__ import annotations

import re
from typing import Any

from convert import regexcache

__all__ = ["MARK_TAGS", "MARKED_LINE_START", "after_code", "after_mark", "edge_char", "edges",
           "ends_block", "flanks", "opens_wrapper", "previous_string", "starts_line",
           "unescaped"]


def edges(text: str) -> tuple[str, str, str]:
    r"""``text`` as (leading, inner, trailing): whitespace and hard breaks (a backslash before
    a newline, ``<br>``) at the edges of an inline element go outside its delimiters. What
    ``((?:\s|\\\n|<br>)*)(.*?)((?:\s|\\\n|<br>)*)\Z`` would match (``re.S``), in linear
    time: that pattern retries the trailing run from every position of the inner text,
    quadratic on an element holding long runs of spaces (inline code keeps its spaces)."""
    n = len(text)
    i = 0
    while i < n:
        if text[i].isspace():  # (what \s matches in a str pattern)
            i += 1
        elif text.startswith("\\\n", i):
            i += 2
        elif text.startswith("<br>", i):
            i += 4
        else:
            break
    j = n
    while j > i:
        # "\\\n" before a lone "\n": the backslash could end no other edge token.
        if j - 2 >= i and text[j - 2] == "\\" and text[j - 1] == "\n":
            j -= 2
        elif text[j - 1].isspace():
            j -= 1
        elif j - 4 >= i and text.endswith("<br>", 0, j):
            j -= 4
        else:
            break
    return text[:i], text[i:j], text[j:]


MARK_TAGS = {"*": ("em", "i", "strong", "b"), "~": ("del", "s")}


_INLINE_TAGS = frozenset({"em", "i", "strong", "b", "del", "s", "a", "sup", "sub", "code",
                          "span", "small", "time"})


def _block_of(node: Any) -> Any:
    while node is not None and node.name in _INLINE_TAGS:
        node = node.parent
    return node


#: A line-start escape at the start of a text ("1\\.", "\\#"), which an emphasis mark before
#: it makes needless.
MARKED_LINE_START = regexcache.compile(r"^(\d{1,9})\\([.)])|^\\([#+=\-])")


def unescaped(m: re.Match) -> str:
    return m.group(1) + m.group(2) if m.group(1) else m.group(3)


def ends_block(el: Any) -> bool:
    """Whether nothing but whitespace or a line break follows the text node ``el`` in its
    block (the end of a paragraph, item or cell): then no link can follow it either."""
    node = el
    while node is not None:
        nxt = node.next_sibling
        while nxt is not None:
            if isinstance(nxt, str):
                if nxt.strip():
                    return False
            elif nxt.name != "br":
                return False
            nxt = nxt.next_sibling
        node = node.parent
        if node is None or node.name not in _INLINE_TAGS:
            return True
    return True


def opens_wrapper(el: Any) -> bool:
    """Whether the text node ``el`` is the first thing in a link: it follows the link's "[",
    never a line's start. (Emphasis is not asked: its marks are left out where CommonMark
    would not read them, and the text may then start the line.)"""
    parent = el.parent
    return parent is not None and parent.name == "a" and bool(parent.get("href")) \
        and el.previous_sibling is None


def starts_line(el: Any) -> bool:
    """Whether the text node ``el`` starts a line of the Markdown: nothing but whitespace before
    it in its block, or a line break or an element other than an inline one (an image, a
    previous block: unsure, so yes) before it."""
    node = el.previous_element
    while node is not None:
        if isinstance(node, str):
            if node.strip():
                return _block_of(node.parent) is not _block_of(el.parent)
        elif node.name not in _INLINE_TAGS:
            return True
        node = node.previous_element
    return True


def previous_string(el: Any) -> Any:
    """The text node just before ``el`` in document order (bs4's ``find_previous(string=True)``
    without its general matcher, which costs a tenth of a millisecond per call): strings are
    the tree's only ``str`` nodes."""
    node = el.previous_element
    while node is not None and not isinstance(node, str):
        node = node.previous_element
    return node


def after_code(el: Any) -> bool:
    """Whether the text just before this code element (in the same block) is code too: the
    backtick runs of two touching code spans merge into one broken span."""
    prev = previous_string(el)
    if prev is None or prev.parent is None or prev.parent.name not in ("code", "kbd", "samp"):
        return False
    return _block_of(prev.parent) is _block_of(el)


def after_mark(el: Any, tags: tuple[str, ...]) -> bool:
    """Whether an element with these delimiters ends right before ``el`` (in the same block):
    its closing run and our opening run would merge."""
    prev = previous_string(el)
    if prev is None:
        return False
    ours = set(map(id, el.parents))
    node = prev.parent
    while node is not None and node.name in _INLINE_TAGS and id(node) not in ours:
        if node.name in tags:
            # Only within one block: the previous table cell's closing run does not touch
            # ours (its "|" stands between them), so "| *a* | *b* |" keeps both.
            return _block_of(node) is _block_of(el)
        node = node.parent
    return False


def edge_char(el: Any, *, last: bool) -> str:
    """The text character just before (``last``) or after an inline element, looking through
    enclosing inline elements; '' at a block edge (which counts as whitespace)."""
    node = el
    while node is not None:
        sib = node.previous_sibling if last else node.next_sibling
        while sib is not None:
            name = getattr(sib, "name", None)
            if name == "br":  # written as a line end: the edge of a line, like a block's
                return ""
            if name == "img":  # written "![alt](src)"
                return ")" if last else "!"
            text = sib.get_text() if hasattr(sib, "get_text") else str(sib)
            if text:
                return text[-1] if last else text[0]
            sib = sib.previous_sibling if last else sib.next_sibling
        node = node.parent
        if node is None or node.name not in _INLINE_TAGS:
            return ""
    return ""


def _is_punct(ch: str) -> bool:
    import unicodedata

    return bool(ch) and unicodedata.category(ch)[0] in "PS"


def flanks(before: str, first: str, last: str, after: str) -> bool:
    """Whether delimiters around an inline element read as emphasis in CommonMark: the opener
    must be left-flanking and the closer right-flanking, and neither may be both (a run that
    could open and close pairs with the wrong partner in nested or intraword emphasis).
    https://spec.commonmark.org/0.31.2/#left-flanking-delimiter-run"""
    def space(ch: str) -> bool:
        return not ch or ch.isspace()

    def left(prev: str, nxt: str) -> bool:
        return not space(nxt) and (not _is_punct(nxt) or space(prev) or _is_punct(prev))

    def right(prev: str, nxt: str) -> bool:
        return not space(prev) and (not _is_punct(prev) or space(nxt) or _is_punct(nxt))

    return (left(before, first) and not right(before, first)
            and right(last, after) and not left(last, after))
