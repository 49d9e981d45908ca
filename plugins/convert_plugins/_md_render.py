"""The XHTML the ``md`` writer converts: :class:`convert.html.HTMLRenderer` with the choices
Markdown needs and XHTML does not.

* **Superscripts and subscripts.** CommonMark has no syntax for them, and the md output holds
  no raw HTML (a ``<sup>`` would be raw HTML, and markdownify's default drops the mark:
  ``x2`` for x², ``H2O`` for H₂O). Written as pandoc's plain writers write them when raw
  HTML is off: in Unicode superscript/subscript forms when every character has one (``x²``,
  ``H₂O``, ``SO₄²⁻``, see :func:`convert.textutil.script_form`), else ``^(n+1)`` and
  ``_(i,j)``; a mark already in brackets (``[1]``, ``(a)``) or of symbols alone (``®``,
  ``™``, ``*``, ``†``) is written as it is, and so is a script inside a marked one. pandoc's
  Markdown ``^2^`` / ``~2~`` is not used: ``~2~`` is strikethrough in GFM.
* **In-page links.** The output holds none of the page's anchors (the AST keeps no ids), so a
  ``#fragment`` link (a note mark's ``#cite_note-3``, a "back to top") would point nowhere: it
  becomes its text. Links to other pages, absolute or relative, are kept.
"""

from __future__ import annotations

from typing import Any

from convert.html import flat_text
from convert.textutil import script_form

from ._md_blocks import TableRenderer

#: The brackets a mark may already be wrapped in, first and last character.
_DELIMITED = {("[", "]"), ("(", ")")}


def _no_fragment(url: str) -> str | None:
    return None if url.startswith("#") else url


class MarkdownRenderer(TableRenderer):
    """The ``md`` writer's renderer (tables as placeholders, see :class:`TableRenderer`)."""

    def __init__(self, **options: Any) -> None:
        options.setdefault("link_url", _no_fragment)
        super().__init__(**options)
        #: ``superscript`` or ``subscript`` while the inside of one is written in Unicode
        #: forms, ``marked`` inside a ``^(...)`` or ``_(...)``.
        self._script: str | None = None

    def render_text(self, node: Any) -> str:
        if self._script is None or self._script == "marked":
            return super().render_text(node)
        return super().render_text(type(node)(script_form(node.text, self._script) or node.text))

    def _script_mark(self, node: Any, caret: str) -> str:
        text = flat_text(node.children)
        if self._script is None and script_form(text, node.type) is not None:
            self._script = node.type
            try:
                return self.inlines(node.children)
            finally:
                self._script = None
        mark = text.strip()
        if not mark or self._script is not None or (mark[0], mark[-1]) in _DELIMITED or \
                not any(ch.isalnum() for ch in mark):
            # Nothing to tell apart from the text around it: a mark in brackets, symbols
            # alone (®, ™, *, †: marks by their shape), a script inside a marked one.
            return self.inlines(node.children)
        self._script = "marked"  # scripts inside it are written plain
        try:
            return f"{caret}({self.inlines(node.children)})"
        finally:
            self._script = None

    def render_superscript(self, node: Any) -> str:
        return self._script_mark(node, "^")

    def render_subscript(self, node: Any) -> str:
        return self._script_mark(node, "_")
