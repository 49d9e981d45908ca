"""Tables (data or layout) and figures (picture, caption, credit) as AST blocks."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Protocol

from selectolax.lexbor import LexborNode

from convert.article import Block, CodeBlock, Figure, Image, Inline, Table, TableCell, TableRow
from convert.extract.ablation import rule
from convert.safety import MAX_SPAN
from . import patterns as P
from .dom import bounded_int, children, has_descendant, is_hidden
from .inlines import normalize_inlines
from .urls import make_image
from .thresholds import LAYOUT_PROBE_ROWS, LAYOUT_TABLE_CHARS
from ..lazyre import lazy

ARIA_TABLES = rule("aria_tables", "a table drawn with <div role=table> rows and cells "
                   "(GitBook's, a grid component's) is a table, its cells never cleaned as debris")
#: The roles of a table drawn with ARIA, which cleaning leaves whole.
ARIA_TABLE_ROLES = frozenset({"table", "grid", "treegrid"})
_ROW_ROLES = frozenset({"row"})
_CELL_ROLES = frozenset({"cell", "gridcell", "columnheader", "rowheader"})

CODE_GUTTERS = rule("code_gutters", "a table that is a code block beside its line-number "
                    "gutter (Pygments' highlighttable, Hugo's lntable, Rouge's, highlight.js' "
                    "line numbers) is the code block alone")



class Builder(Protocol):
    """What building a table or a figure needs of :class:`.builder.Builder` (named here so
    the two modules do not import each other)."""

    base: str | None

    def blocks(self, node: LexborNode, depth: int = 0) -> list[Block]: ...

    def inline_children(self, node: LexborNode, depth: int) -> list[Inline]: ...

    def pre(self, node: LexborNode) -> list[Block]: ...


def table_blocks(builder: Builder, node: LexborNode, depth: int) -> list[Block]:
    """A ``<table>`` as a :class:`Table` (header rows from ``<thead>`` or leading all-``<th>``
    rows, spans clamped), or, for a layout table, as the blocks of its cells in order."""
    rows: list[tuple[LexborNode, bool]] = []
    for section in children(node):
        tag = section.tag or "-"
        if tag == "tr":
            rows.append((section, False))
        elif tag in ("thead", "tbody", "tfoot"):
            for tr in children(section):
                if tr.tag == "tr":
                    rows.append((tr, tag == "thead"))
    if CODE_GUTTERS:
        code = _gutter_code(builder, node, rows)
        if code is not None:
            return code
    if _is_layout_table(node, rows):
        out: list[Block] = []
        for tr, _ in rows:
            for cell in children(tr):
                if cell.tag in ("td", "th"):
                    out.extend(builder.blocks(cell, depth + 1))
        return out
    head: list[TableRow] = []
    body: list[TableRow] = []
    for tr, in_head in rows:
        cells = []
        for cell in children(tr):
            if cell.tag not in ("td", "th"):
                continue
            attrs = cell.attributes
            cells.append(TableCell(tuple(builder.blocks(cell, depth + 1)), header=cell.tag == "th",
                                   colspan=bounded_int(attrs.get("colspan"), 1, MAX_SPAN),
                                   rowspan=bounded_int(attrs.get("rowspan"), 1, MAX_SPAN)))
        if not cells:
            continue
        if in_head or (not body and all(c.header for c in cells)):
            head.append(TableRow(tuple(cells)))
        else:
            body.append(TableRow(tuple(cells)))
    if not head and not body:
        return []
    caption_node = node.css_first("caption")
    caption = normalize_inlines(builder.inline_children(caption_node, depth)) if caption_node else ()
    return [Table(tuple(head), tuple(body), caption)]


#: A gutter cell's text: line numbers and white space only.
_GUTTER_TEXT = lazy(r"[\d\s]*")
#: class words naming a code table or its cells (``highlighttable``, ``lntable``,
#: ``rouge-table``, ``hljs-ln``, ``blob-code``, ``code``, ``gutter``, ``linenos``, ``lnt``).
_CODE_TABLE_CLASS = lazy(r"code|highlight|hljs|lntable|lntd|rouge|gutter|line-?n(?:o|um)|blob",
                         re.IGNORECASE)


def _gutter_code(builder: Builder, node: LexborNode, rows: list) -> list[Block] | None:
    """A highlighter's table of line numbers beside code as the code block alone, or ``None``
    when ``node`` is not one.

    Pygments (Sphinx, MkDocs), Hugo's Chroma, Rouge (Jekyll) and highlight.js' line-number
    plugin print numbered code as a table: one row holding a gutter cell (the numbers in a
    ``<pre>``) and a code cell (the code's ``<pre>``), or one row per line (a number cell,
    often empty and drawn by CSS, and a cell of code). The numbers are the viewer's, not the
    code: a reader copying the code takes the code cell alone. A table is one when each row
    holds one cell of code and otherwise only cells of digits, at least one gutter cell, and
    it says it is code (a ``<pre>`` in the code cell of its one row; else class words of
    code on the table or its cells, no header cells, and numbers counting the lines); a
    table of status codes ("200 | OK", "404 | Not found") counts nothing."""
    if not rows:
        return None
    codes: list[LexborNode] = []
    gutter = False
    numbers: list[int] = []
    named = bool(_CODE_TABLE_CLASS.search(node.attributes.get("class") or ""))
    for tr, _ in rows:
        code = None
        for cell in children(tr):
            if cell.tag not in ("td", "th"):
                continue
            text = cell.text(deep=True) or ""
            named = named or bool(_CODE_TABLE_CLASS.search(cell.attributes.get("class") or ""))
            if _GUTTER_TEXT.fullmatch(text) and (text.strip() or not has_descendant(
                    cell, "pre, code")):
                gutter = True
                if text.strip():
                    numbers.extend(int(n) for n in text.split())
                continue
            if code is not None:
                return None
            code = cell
        if code is not None:
            codes.append(code)
    if not gutter or not codes:
        return None
    if len(rows) == 1:
        pre = codes[0].css_first("pre")
        if pre is None or len(codes[0].css("pre")) > 1:
            return None
        blocks = builder.pre(pre)
    elif named and not has_descendant(node, "th") and _counting(numbers):
        text = "\n".join((c.text(deep=True) or "").rstrip("\n") for c in codes).strip("\n")
        blocks = [CodeBlock(text.rstrip())] if text.strip() else []
    else:
        return None
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, CodeBlock) and block.language is None:
            block = replace(block, language=_table_language(node, codes[0]))
        out.append(block)
    return out


def aria_table_blocks(builder: Builder, node: LexborNode, depth: int) -> list[Block] | None:
    """A ``<div role="table">`` as a :class:`Table`: its ``role=row`` elements in order, each
    row's ``role=cell`` / ``columnheader`` / ``rowheader`` elements its cells (a row of column
    headers a header row); ``None`` when it holds no such row of two cells."""
    head: list[TableRow] = []
    body: list[TableRow] = []
    for row in node.css("[role=row]"):
        cells: list[TableCell] = []
        headers = True
        for cell in row.css("[role]"):
            role = (cell.attributes.get("role") or "").lower()
            if role not in _CELL_ROLES:
                continue
            owner = _owner(cell, _CELL_ROLES | _ROW_ROLES)
            if owner is None or owner.mem_id != row.mem_id:
                continue
            headers = headers and role == "columnheader"
            cells.append(TableCell(tuple(builder.blocks(cell, depth + 1)),
                                   header=role in ("columnheader", "rowheader")))
        if not cells:
            continue
        (head if headers and not body else body).append(TableRow(tuple(cells)))
    if not body or max(len(r.cells) for r in head + body) < 2:
        return None
    return [Table(tuple(head), tuple(body), ())]


def _owner(node: LexborNode, roles: frozenset[str]) -> LexborNode | None:
    """The nearest ancestor of ``node`` with one of ``roles``."""
    up = node.parent
    while up is not None:
        if (up.attributes.get("role") or "").lower() in roles:
            return up
        up = up.parent
    return None


def _counting(numbers: list[int]) -> bool:
    """Whether the gutter's numbers (none: drawn by CSS) count lines, one up each row."""
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _table_language(node: LexborNode, code: LexborNode) -> str | None:
    """The language a code table's code or its wrappers name (``language-bash``,
    ``highlight-python``, ``<code data-lang="go">``)."""
    from .builder import _NO_LANGUAGE, _WRAPPER_LANGUAGE
    el = code.css_first("code")
    if el is not None:
        lang = el.attributes.get("data-lang") or el.attributes.get("data-language")
        if lang:
            return lang.strip().lower()
    wrapper = node
    for _ in range(4):
        if wrapper is None or wrapper.tag in ("body", "html"):
            return None
        m = _WRAPPER_LANGUAGE.search(wrapper.attributes.get("class") or "")
        if m:
            return None if m.group(1).lower() in _NO_LANGUAGE else m.group(1).lower()
        wrapper = wrapper.parent
    return None


def figure_blocks(builder: Builder, node: LexborNode, depth: int) -> list[Block]:
    """A ``<figure>`` as a :class:`Figure`: its image, its caption and the credit inside the
    caption (a credit-classed element, or a last element reading "Photo: ..."); a figure that
    wraps a quote, code or table is built as those blocks."""
    img = node.css_first("img")
    if img is not None and _twin(node, img):
        # The first picture is a hidden or dark-theme twin: the one the page shows by
        # default, if the figure has one, stands for it.
        img = next((i for i in node.css("img") if not _twin(node, i)), img)
    if img is None and _has_body_besides_caption(node):
        # A <figure> wrapping a quote, code or table (with its attribution as caption):
        # the content is the blocks, not a picture's caption.
        return builder.blocks(node, depth)
    image = make_image(img, builder.base) if img is not None else None
    more = _more_images(builder, node, img, image) if img is not None else []
    caption_node = node.css_first("figcaption")
    caption: tuple[Inline, ...] = ()
    credit: tuple[Inline, ...] = ()
    if caption_node is not None:
        for el in caption_node.css("*"):
            if el.mem_id == caption_node.mem_id:
                continue
            cls = (el.attributes.get("class") or "") + " " + (el.attributes.get("id") or "")
            if P.CREDIT_CLASS.search(cls):
                credit = normalize_inlines(builder.inline_children(el, depth))
                el.decompose()
                break
        if not credit:
            # An unnamed last element reading "Photo: ...", "© ...": the credit.
            last = _last_element(caption_node)
            if last is not None and last.tag not in ("a", "br") and P.CREDIT_TEXT.match(
                    last.text(deep=True) or ""):
                credit = normalize_inlines(builder.inline_children(last, depth))
                last.decompose()
        caption = normalize_inlines(builder.inline_children(caption_node, depth))
    if image is None and not caption:
        # A <figure> used as a plain wrapper (quotes, code, tables).
        return builder.blocks(node, depth)
    if more:
        # One caption under several pictures (a before/after pair, a small gallery): every
        # picture is kept, each a figure, and the caption and credit go with the last, under
        # which the page shows them.
        pictures = [image, *more] if image is not None else more
        return [*(Figure(p) for p in pictures[:-1]), Figure(pictures[-1], caption, credit)]
    return [Figure(image, caption, credit)]


#: A class word marking the picture shown in a dark colour theme (``dark-image``,
#: ``dark:block``, ``only-dark``): the twin of a picture the figure already shows.
_DARK_THEME = re.compile(r"(?:^|[\s_-])dark(?:$|[\s_:-])", re.IGNORECASE)


def _dark_twin(el: LexborNode) -> bool:
    cls = el.attributes.get("class")
    return bool(cls) and "dark" in cls.lower() and _DARK_THEME.search(cls) is not None


def _twin(node: LexborNode, img: LexborNode) -> bool:
    """Whether ``img`` (in the figure ``node``) is hidden or shown only in a dark theme, by
    its own attributes or those of an element between it and the figure."""
    el = img
    while el is not None and el.mem_id != node.mem_id:
        if is_hidden(el) or _dark_twin(el):
            return True
        el = el.parent
    return False


def _more_images(builder: Builder, node: LexborNode, first_img: LexborNode,
                 first: Image | None) -> list[Image]:
    """The pictures of a figure besides its first ``<img>``: other images outside its caption
    and outside ``<noscript>`` (the lazy-loading fallback repeats a picture), each source once,
    tracking pixels (a side of 1 or 2), hidden ones and dark-theme twins (the dark version of
    a diagram, shown by a class only in a dark colour theme) left out."""
    seen = {first.src} if first is not None else set()
    out: list[Image] = []
    for img in node.css("img"):
        if img.mem_id == first_img.mem_id:
            continue
        parent, inside = img.parent, _twin(node, img)
        while not inside and parent is not None and parent.mem_id != node.mem_id:
            if parent.tag in ("noscript", "figcaption"):
                inside = True
                break
            parent = parent.parent
        image = None if inside else make_image(img, builder.base)
        if image is None or image.src in seen or any(
                side is not None and side <= 2 for side in (image.width, image.height)):
            continue
        seen.add(image.src)
        out.append(image)
    return out


def _has_body_besides_caption(node: LexborNode) -> bool:
    """Whether a figure holds text outside its ``<figcaption>``."""
    for kid in children(node):
        tag = kid.tag or "-"
        if tag == "figcaption" or tag.startswith("-") and tag != "-text":
            continue
        if (kid.text(deep=True) or "").strip():
            return True
    return False


def _last_element(node: LexborNode) -> LexborNode | None:
    """The last child element when nothing but blank text follows it."""
    kid = node.last_child
    while kid is not None:
        tag = kid.tag or "-"
        if tag == "-text":
            if (kid.text_content or "").strip():
                return None
        elif not tag.startswith("-"):
            return kid
        kid = kid.prev
    return None


#: Descendants :func:`_contains_block` looks at itself before asking the selector engine.


def _is_layout_table(node: LexborNode, rows: list) -> bool:
    """Tables used for page layout: presentation role, nested tables, or one wide column."""
    if (node.attributes.get("role") or "").lower() in ("presentation", "none"):
        return True
    if has_descendant(node, "table"):
        return True
    widths = []
    for tr, _ in rows[:LAYOUT_PROBE_ROWS]:
        widths.append(sum(1 for c in children(tr) if c.tag in ("td", "th")))
    if widths and max(widths) <= 1:
        return True
    return has_descendant(node, "p, h1, h2, h3, blockquote") and len(node.text(deep=True)) > (
        LAYOUT_TABLE_CHARS)
