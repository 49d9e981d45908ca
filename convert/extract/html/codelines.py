"""The text of a ``<pre>`` whose lines are elements, not newlines.

Highlighters and editors render a code block as one element per line (CodeMirror's
``div.cm-line``, Prism's ``div.token-line``, Shiki's and Expressive Code's ``span.line`` /
``div.ec-line``, a ``<div>`` per line) with no newline between them: the browser shows them as
lines because they are blocks (or styled as blocks), while the element's plain text runs them
together ("npm create vite@latest my-projectcd my-project").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from ..lazyre import lazy

__all__ = ["pre_text", "CODE_LINES", "LINE_NUMBERS", "SOURCE_NEWLINES"]

CODE_LINES = rule("code_lines", "in a <pre> each block element or element named as a line "
                  "(span.line, div.cm-line) is a line of its own")

SOURCE_NEWLINES = rule("source_newlines", "in a <pre> whose lines are all elements with "
                       "the source's newlines between them (Shiki's span.line) each line is "
                       "ended by that newline, not by a second one")
LINE_NUMBERS = rule("line_numbers", "in a <pre> an element named as a line number or "
                    "gutter (Sphinx's span.linenos, Hugo's span.ln, Rouge's td.gutter) holding "
                    "only digits is the viewer's, not the code's, and left out")

PRE_TOP_LINKS = rule("pre_top_links", "in a <pre> a heading's 'top' link back to the page's "
                     "top (a manual page rendered whole in one <pre>, each section's heading "
                     "with one) is the heading's tool, not text")

#: Elements that are lines of a code block whatever their class.
_BLOCK_LINES = frozenset({"div", "p", "li", "tr", "dd", "dt", "h1", "h2", "h3", "h4", "h5",
                          "h6", "table", "ul", "ol", "section", "article"})
#: class words of an inline element styled as one line of code (``line``, ``cm-line``,
#: ``ec-line``, ``token-line``, ``highlight-line``, ``gatsby-highlight-code-line``); not a
#: line-number gutter (``line-num``).
_LINE_CLASS = lazy(r"(?:^|\s)(?:[\w]+-)*line(?=\s|$)", re.IGNORECASE)
#: Finds whether a ``<pre>`` has element lines at all (the plain text is right otherwise).
_LINES_SELECTOR = ",".join(sorted(_BLOCK_LINES)) + ",br,span[class*=line],span[class~=ln]," \
    "span[class~=lnt],[class*=lineno],[class~=gutter]"
#: class words of a line's number (``linenos``, ``lineno``, ``ln``, ``lnt``, ``line-number``,
#: ``hljs-ln-n``): printed in the gutter beside the code, never part of it.
_NUMBER_CLASS = lazy(r"(?:^|\s)(?:line-?nos?|ln|lnt|line-?numbers?|hljs-ln-n|gutter)(?=\s|$)",
                     re.IGNORECASE)
_DIGITS = lazy(r"[\d\s]*")


def pre_text(node: LexborNode) -> str:
    """The text of the ``<pre>`` ``node``, a newline ending each line element (and at each
    ``<br>``) not already ended by one."""
    if not CODE_LINES or node.css_first(_LINES_SELECTOR) is None:
        return node.text(deep=True)
    parts: list[str] = []
    # (a heading's tool in a <pre> leaves the white space that set it apart: line ends trimmed)
    if PRE_TOP_LINKS and any(_top_link(a) for a in node.css("h1 a, h2 a, h3 a, h4 a, h5 a, h6 a")):
        _walk(node, parts)
        return "\n".join(line.rstrip(" \xa0\t") for line in "".join(parts).split("\n"))
    _walk(node, parts)
    return "".join(parts)


def _walk(node: LexborNode, parts: list[str]) -> None:
    separated: bool | None = None  # (whether node's texts are only newlines: read on need)
    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if tag == "-text":
            parts.append(child.text_content or "")
            continue
        if tag.startswith("-"):
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if LINE_NUMBERS and _NUMBER_CLASS.search(
                child.attributes.get("class") or "") and _DIGITS.fullmatch(child.text(deep=True) or ""):
            continue
        if PRE_TOP_LINKS and tag == "a" and _top_link(child):
            continue
        line = tag in _BLOCK_LINES or tag == "span" and bool(
            _LINE_CLASS.search(child.attributes.get("class") or ""))
        if line:
            _end_line(parts)
        _walk(child, parts)
        # (Shiki and VitePress set every line in an inline element and the source's own
        # newline after it: that one ends the line, or every line would be followed by a
        # blank one. Where lines of plain text sit between the elements, a highlighted line
        # set as a block, the block ends its line and the newline after it is a blank line.)
        if line and SOURCE_NEWLINES and _newline_follows(child):
            if separated is None:
                separated = _only_newlines(node)
            if separated:
                continue
        if line:
            _end_line(parts)


_TOP = lazy(r"\s*(?:(?:back\s+)?to\s+)?top\s*|\s*[↑⇑▲^]\s*", re.IGNORECASE)


def _top_link(node: LexborNode) -> bool:
    """Whether the link is a heading's link back to an anchor of the page reading "top"."""
    if not (node.attributes.get("href") or "").startswith("#") or not _TOP.fullmatch(
            node.text(deep=True) or ""):
        return False
    up = node.parent
    while up is not None and up.tag != "pre":
        if up.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            return True
        up = up.parent
    return False


def _only_newlines(node: LexborNode) -> bool:
    """Whether every text directly inside ``node`` is white space (its lines are all
    elements, the newlines between them)."""
    for child in node.iter(include_text=True):
        if child.tag == "-text" and (child.text_content or "").strip():
            return False
    return True


def _newline_follows(node: LexborNode) -> bool:
    """Whether the text right after ``node`` opens with a newline."""
    nxt = node.next
    return nxt is not None and nxt.tag == "-text" and (nxt.text_content or "")[:1] in ("\n", "\r")


def _end_line(parts: list[str]) -> None:
    for part in reversed(parts):
        if part:
            if not part.endswith("\n"):
                parts.append("\n")
            return
