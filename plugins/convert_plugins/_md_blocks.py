"""Block-level helpers of the ``md`` writer: GFM pipe tables and the AST preparation that
turns block content of table cells into one line (a GFM cell cannot hold blocks).

A table's rows are not in the XHTML the writer turns into one tree: :class:`TableRenderer`
leaves a placeholder, and :func:`gfm_table` reads the rows from the article a batch at a time
(:meth:`TableRenderer.row_batches`), so a page's tree never holds more than a batch of cells
(a 1000 x 1000 table was 1.4 GB of bs4 tags). Every row's XHTML ends in a line break, a text
node that isolates it from the next one: what a cell converts to cannot depend on the batch.
"""

from __future__ import annotations

import collections
import dataclasses
from typing import Any, Iterable, Iterator, Sequence

from convert import Article
from convert.html import HTMLRenderer, leaf_blocks
from convert.article import Code, Inline, LineBreak, Paragraph, Table, TableRow, Text


def children(el: Any, names: Sequence[str]) -> list[Any]:
    """``el.find_all(names, recursive=False)`` without bs4's general matcher: the child tags
    with one of these names, in order (strings are the tree's only ``str`` nodes)."""
    return [c for c in el.contents if not isinstance(c, str) and c.name in names]


#: The XHTML characters of a batch of table rows made into one tree (a corpus table is one
#: batch; a batch of this size is a tree of a few MB).
BATCH_CHARS = 256 * 1024


class TableRenderer(HTMLRenderer):
    """:class:`HTMLRenderer` that writes a table with rows as a placeholder holding only its
    caption, ``<table data-md-rows="k">``; :meth:`row_batches` gives the rows later."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.tables: list[tuple[Table, int]] = []

    def render_table(self, node: Any) -> str:
        if not node.head and not node.body:
            return super().render_table(node)
        caption = self.inlines(node.caption)
        caption = f"<caption>{caption}</caption>\n" if caption.strip() else ""
        self.tables.append((node, self._depth))
        return f'<table data-md-rows="{len(self.tables) - 1}">\n{caption}</table>\n'

    def row_batches(self, k: int) -> Iterator[tuple[bool, Any]]:
        """The rows of the ``k``-th placeholder's table as ``(in thead, <tr> tag)``, the tags
        of one batch at a time (the XHTML and tree ``render_table`` would have made)."""
        from ._md_tree import soup  # imports bs4: only when Markdown is written

        node, depth = self.tables[k]
        for name, rows in (("thead", node.head), ("tbody", node.body)):
            batch: list[str] = []
            size = 0
            for i, row in enumerate(rows):
                saved, self._depth = self._depth, depth
                try:
                    html = self.render_table_row(flat_row(row))
                finally:
                    self._depth = saved
                batch.append(html)
                size += len(html)
                if size >= BATCH_CHARS or i == len(rows) - 1:
                    root = soup(f"<{name}>\n{''.join(batch)}</{name}>\n")
                    batch, size = [], 0
                    for tr in children(root.contents[0], ("tr",)):
                        yield name == "thead", tr


def gfm_table(conv: Any, table: Any, parent_tags: set[str],
              rows_in: Iterable[tuple[bool, Any]]) -> str:
    """A GFM pipe table: header row (empty when the page had none), rows padded to the same
    width, spans expanded into empty cells, a caption paragraph above. ``table`` is a
    :class:`TableRenderer` placeholder (the caption), ``rows_in`` its rows as
    ``(in thead, <tr> tag)``."""
    tags = set(parent_tags) | {"table", "td", "_inline"}
    caption_el = next(iter(children(table, ("caption",))), None)
    caption = _inner(conv, caption_el, set(parent_tags) | {"table"}) if caption_el else ""
    # Spans become empty cells. The width is the largest number of real (or rowspan-covered)
    # cells in a row, so a colspan bomb cannot blow a one-cell table up to 1000 columns.
    # Each row's cells are converted as the row is read: only their Markdown is kept.
    rows: list[list[tuple[str, int, int]]] = []
    head_rows = 0
    first_all_th = False  # whether the first row's cells are all <th>
    cells_in = 0
    for in_head, tr in rows_in:
        cells = children(tr, ("td", "th"))
        if not rows:
            first_all_th = all(c.name == "th" for c in cells)
        head_rows += in_head
        rows.append([(_inner(conv, cell, tags).replace("\n", " "), _span(cell.get("colspan")),
                      _span(cell.get("rowspan"))) for cell in cells])
        cells_in += len(cells)
    # Row spans of wide cells stack: 200 rows of one cell spanning 1000 columns and 1000 rows
    # pushed each row 1000 columns past the one above, a 200 x 200,000 grid (121 MB of
    # Markdown from 80 KB, 40 s). A table whose spans would lay it out in more cells than
    # GRID_BUDGET (or GRID_FACTOR times its own cells) is written without its spans: every
    # cell kept, only the alignment lost. No real table comes near the bound.
    budget = max(GRID_BUDGET, GRID_FACTOR * cells_in)
    grid = _layout(rows, budget, spans=True) or _layout(rows, budget, spans=False) or []
    rows.clear()
    width = max((sum(c is not None for c in r) for r in grid), default=0) or 1

    def fmt(cells: list[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    lines: list[str] = []
    for r in grid:
        extra = len(r) - width
        if extra > 0:  # drop colspan fillers from the right until the row fits
            for i in range(len(r) - 1, -1, -1):
                if extra and r[i] is None:
                    del r[i]
                    extra -= 1
        lines.append(fmt([c or "" for c in r[:width]] + [""] * (width - len(r))))
        r.clear()  # the cells' text is in the line now
    if head_rows or first_all_th:
        header, body = lines[0], lines[1:]
    else:
        header, body = fmt([""] * width), lines
    out = [header, "| " + " | ".join(["---"] * width) + " |"]
    out.extend(body)
    table_md = "\n".join(out)
    return f"\n\n{caption}\n\n{table_md}\n\n" if caption else f"\n\n{table_md}\n\n"


#: The most cells a pipe table's spans may lay it out in (see :func:`gfm_table`): this many,
#: or this factor times the table's own cells, whichever is more.
GRID_BUDGET = 100_000
GRID_FACTOR = 50


def _layout(rows: list[list[tuple[str, int, int]]], budget: int,
            spans: bool) -> list[list[str | None]] | None:
    """The rows' cells on a grid, spans expanded into empty cells (``None`` marks a colspan
    filler, ``""`` a cell a rowspan above covers); ``None`` when the grid would hold more than
    ``budget`` cells. Without ``spans`` each cell takes one place."""
    grid: list[list[str | None]] = []
    pending: dict[int, int] = {}  # column -> rows still covered by a rowspan above
    used = 0
    for cells in rows:
        line: list[str | None] = []
        queue = collections.deque(cells)
        far = max(pending, default=-1)  # the last column pending holds (no key goes in a row)
        while queue or far >= len(line):
            col = len(line)
            if used + col > budget:
                return None
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                line.append("")
                continue
            if not queue:
                break
            text, colspan, rowspan = queue.popleft()
            if not spans:
                colspan = rowspan = 1
            line.extend([text] + [None] * (colspan - 1))
            if rowspan > 1:
                for k in range(colspan):
                    pending[col + k] = rowspan - 1
                far = max(far, col + colspan - 1)
        if used + len(line) > budget:
            return None
        pending = {c: n for c, n in pending.items() if n > 0}
        used += len(line)
        grid.append(line)
    return grid


def _inner(conv: Any, el: Any, tags: set[str]) -> str:
    """Markdown of an element's children, without the element's own conversion."""
    return "".join(conv.process_element(c, tags | {el.name}) for c in el.children).strip()


def _span(value: Any) -> int:
    try:
        return max(1, min(1000, int(value)))
    except (TypeError, ValueError):
        return 1


# --------------------------------------------------------------------------- AST preparation

def _cell_inlines(blocks: Sequence[Any], depth: int = 0) -> tuple[Inline, ...]:
    """Block content of a table cell as one run of inlines (a GFM cell holds one line): blocks
    joined by line breaks, list items prefixed with their marker, code blocks as code spans."""
    out: list[Inline] = []
    if depth > 8:  # deeper containers give up their markers, never their text
        blocks = list(leaf_blocks(blocks))

    def add(inlines: Sequence[Inline]) -> None:
        if out and inlines:
            out.append(LineBreak())
        out.extend(inlines)

    for block in blocks:
        t = block.type
        if t in ("paragraph", "heading"):
            add(block.children)
        elif t == "code_block":
            for line in block.text.strip("\n").split("\n"):
                add((Code(line),) if line.strip() else ())
        elif t == "list":
            for n, item in enumerate(block.items, start=block.start):
                inner = _cell_inlines(item.blocks, depth + 1)
                add((Text(f"{n}. " if block.ordered else "• "), *inner))
        elif t in ("quote", "div"):
            add(_cell_inlines(block.blocks, depth + 1))
        elif t == "table":
            for row in (*block.head, *block.body):
                add(tuple(x for i, c in enumerate(row.cells) for x in
                          ((Text(" / "),) if i else ()) + _cell_inlines(c.blocks, depth + 1)))
        elif t == "figure":
            add(tuple(x for x in ((block.image,) if block.image else ()) + block.caption
                      + ((Text(" "),) if block.caption and block.credit else ()) + block.credit))
    return tuple(out)


def _flatten_cells(block: Any, depth: int = 0) -> Any:
    """Rewrite tables (also nested ones) so that every cell holds a single paragraph. Below
    the renderer's nesting limit the HTML writer flattens containers anyway."""
    t = block.type
    if depth > 40:
        return block
    if t == "table":
        return Table(head=tuple(map(flat_row, block.head)), body=tuple(map(flat_row, block.body)),
                     caption=block.caption)
    if t == "list":
        return dataclasses.replace(block, items=tuple(
            dataclasses.replace(i, blocks=tuple(_flatten_cells(b, depth + 1) for b in i.blocks))
            for i in block.items))
    if t in ("quote", "div"):
        return dataclasses.replace(block, blocks=tuple(_flatten_cells(b, depth + 1)
                                                       for b in block.blocks))
    return block


def flat_row(row: TableRow) -> TableRow:
    """The row with every cell holding a single paragraph (a row already so stays equal)."""
    return TableRow(tuple(dataclasses.replace(c, blocks=(Paragraph(_cell_inlines(c.blocks)),))
                          for c in row.cells))


def prepare(article: Article) -> Article:
    """The article with every table cell holding a single paragraph, but for the tables at its
    top level: :class:`TableRenderer` renders every table (none at the top level is deeper
    than its nesting limit) and flattens each row as it renders it, so that a huge table is
    not copied whole."""
    return dataclasses.replace(article, blocks=tuple(
        b if b.type == "table" else _flatten_cells(b) for b in article.blocks))
