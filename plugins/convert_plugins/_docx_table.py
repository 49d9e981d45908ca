"""Tables for the ``docx`` writer: a Table Grid ``w:tbl`` with a repeated header row, column
spans as ``w:gridSpan`` and row spans as ``w:vMerge`` chains, clamped to what Word can show."""

from __future__ import annotations

import dataclasses
from typing import Any

from convert.html import MAX_SPAN

#: Total table width in twentieths of a point (6.25 inches).
TABLE_WIDTH = 9000


def _span(value: Any) -> int:
    try:
        return max(1, min(MAX_SPAN, int(value)))
    except (TypeError, ValueError):
        return 1


def build_table(writer: Any, node: Any) -> Any | None:
    """Append the ``w:tbl`` for an AST table to the writer's body and return it (``None``
    when the table has no rows)."""
    from .docx import MAX_COLUMNS

    X = writer.X
    rows = [(True, r) for r in node.head] + [(False, r) for r in node.body]
    if not rows:
        return None
    # Place cells on a grid: (row, col) -> (cell or None for a vMerge continuation, colspan).
    nrows = len(rows)
    taken: list[set[int]] = [set() for _ in range(nrows)]
    placed: list[dict[int, tuple[Any, int, bool]]] = [{} for _ in range(nrows)]
    for r, (_head, row) in enumerate(rows):
        col = 0
        overflow: list[Any] = []
        for cell in row.cells:
            while col in taken[r]:
                col += 1
            if col >= MAX_COLUMNS:
                overflow.extend(cell.blocks)
                continue
            cs = min(_span(cell.colspan), MAX_COLUMNS - col)
            rs = min(_span(cell.rowspan), nrows - r)
            placed[r][col] = (cell, cs, rs > 1)
            for k in range(rs):
                taken[r + k].update(range(col, col + cs))
                if k:
                    placed[r + k][col] = (None, cs, True)
            col += cs
        real = [c for c, (cell, _cs, _m) in placed[r].items() if cell is not None]
        if overflow and real:  # cells past Word's last column join the row's last cell
            cell, cs, merged = placed[r][max(real)]
            placed[r][max(real)] = (dataclasses.replace(cell, blocks=cell.blocks + tuple(
                overflow)), cs, merged)
    ncols = max((max(t) + 1 for t in taken if t), default=1)
    width = str(max(1, TABLE_WIDTH // ncols))

    tbl = X.el("w:tbl", writer.body)
    pr = X.el("w:tblPr", tbl)
    X.el("w:tblStyle", pr, val=writer.style("Table Grid"))
    X.el("w:tblW", pr, w="0", type="auto")
    X.el("w:tblLook", pr, val="04A0", firstRow="1", lastRow="0", firstColumn="0",
         lastColumn="0", noHBand="0", noVBand="1")
    grid = X.el("w:tblGrid", tbl)
    for _ in range(ncols):
        X.el("w:gridCol", grid, w=width)

    first_is_header = not node.head and all(c.header for c in rows[0][1].cells)
    saved_body = writer.body
    try:
        for r, (head, row) in enumerate(rows):
            tr = X.el("w:tr", tbl)
            if head or (r == 0 and first_is_header):
                X.el("w:tblHeader", X.el("w:trPr", tr))
            col = 0
            while col < ncols:
                cell, cs, merged = placed[r].get(col, (None, 1, False))
                tc = X.el("w:tc", tr)
                tcpr = X.el("w:tcPr", tc)
                X.el("w:tcW", tcpr, w=str(int(width) * cs), type="dxa")
                if cs > 1:
                    X.el("w:gridSpan", tcpr, val=str(cs))
                if merged:
                    if cell is not None:
                        X.el("w:vMerge", tcpr, val="restart")
                    else:
                        X.el("w:vMerge", tcpr)
                if cell is not None:
                    writer.body = tc
                    fmt = frozenset({"b"}) if cell.header or head else frozenset()
                    writer.blocks(cell.blocks, {"in_cell": True, "fmt": fmt})
                if tc[-1].tag != X.qn("w:p"):  # a cell must end with a paragraph
                    X.paragraph(parent=tc)
                col += cs
    finally:
        writer.body = saved_body
    return tbl
