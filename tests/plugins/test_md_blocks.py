"""The ``md`` writer's GFM tables (``convert_plugins._md_blocks``): the bytes a table becomes,
pinned on small synthetic tables, and the same bytes whatever the batch of rows the writer
reads at a time."""

from __future__ import annotations

import pytest

from convert.article import (Article, Code, Emphasis, LineBreak, List, ListItem, Meta, Paragraph,
                             Table, TableCell, TableRow, Text)
from convert_plugins import _md_blocks
from convert_plugins.markdown import article_markdown


def cell(*inlines, header=False, colspan=1, rowspan=1, blocks=None):
    return TableCell(blocks if blocks is not None else (Paragraph(tuple(
        Text(x) if isinstance(x, str) else x for x in inlines)),),
        header=header, colspan=colspan, rowspan=rowspan)


def md(*rows, head=(), caption=()):
    table = Table(head=tuple(TableRow(tuple(r)) for r in head),
                  body=tuple(TableRow(tuple(r)) for r in rows), caption=tuple(caption))
    return article_markdown(Article(Meta(), (table,)))


def test_pipes_are_escaped_and_newlines_become_breaks_or_spaces():
    assert md([cell("a|b"), cell("x", LineBreak(), "y")], [cell("c\nd"), cell(Code("p|q"))]) == (
        "|  |  |\n| --- | --- |\n| a\\|b | x<br>y |\n| c d | `p\\|q` |")


def test_empty_cells_and_short_rows_are_padded():
    assert md([cell(""), cell("b"), cell("c")], [cell("d")], []) == (
        "|  |  |  |\n| --- | --- | --- |\n|  | b | c |\n| d |  |  |\n|  |  |  |")


def test_spans_become_empty_cells_within_the_real_width():
    assert md([cell("a", colspan=2), cell("b")], [cell("c", rowspan=2), cell("d"), cell("e")],
              [cell("f"), cell("g")]) == (
        "|  |  |  |\n| --- | --- | --- |\n| a |  | b |\n| c | d | e |\n|  | f | g |")
    # A block of 2 x 2 spanned cells, and a rowspan running past the last row.
    assert md([cell("a", colspan=2, rowspan=2), cell("b")], [cell("c")],
              [cell("d"), cell("e", rowspan=9), cell("f")], [cell("g")]) == (
        "|  |  |  |\n| --- | --- | --- |\n| a |  | b |\n|  |  | c |\n| d | e | f |"
        "\n| g |  |  |")
    # A colspan bomb does not widen a one-cell table.
    assert md([cell("x", colspan=1000)]) == "|  |\n| --- |\n| x |"


def test_stacked_row_spans_of_wide_cells_are_not_a_grid_bomb(monkeypatch):
    # Found by tests.bench.fuzz (span-bomb): each row's cell spanning 1000 columns and 1000
    # rows pushed the next row 1000 columns right; 200 such rows were 121 MB of Markdown.
    # Over the budget the table is written without its spans: every cell, in order.
    monkeypatch.setattr(_md_blocks, "GRID_BUDGET", 1000)
    rows = [[cell(f"c{i}", colspan=1000, rowspan=1000), cell(f"x{i}")] for i in range(20)]
    out = md(*rows)
    assert len(out) < 2000
    lines = out.splitlines()
    assert lines[2] == "| c0 | x0 |" and lines[-1] == "| c19 | x19 |" and len(lines) == 22
    # Under the budget, spans are laid out as before.
    assert md([cell("a", colspan=2, rowspan=2), cell("b")], [cell("c")]) == (
        "|  |  |  |\n| --- | --- | --- |\n| a |  | b |\n|  |  | c |")


def test_header_row_from_thead_or_a_first_row_of_th():
    head = [cell("H1", header=True), cell("H2", header=True)]
    assert md([cell("a"), cell("b")], head=[head]) == "| H1 | H2 |\n| --- | --- |\n| a | b |"
    assert md(head, [cell("a"), cell("b")]) == "| H1 | H2 |\n| --- | --- |\n| a | b |"
    # A first row with one <td> is no header: the header row stays empty.
    mixed = [cell("H1", header=True), cell("x")]
    assert md(mixed, [cell("a"), cell("b")]) == (
        "|  |  |\n| --- | --- |\n| H1 | x |\n| a | b |")


def test_caption_above_and_block_content_on_one_line():
    items = List((ListItem((Paragraph((Text("one"),)),)), ListItem((Paragraph((Text("two"),)),))))
    assert md([cell(blocks=(Paragraph((Emphasis((Text("p"),)),)), items))],
              caption=[Text("Cap")]) == "Cap\n\n|  |\n| --- |\n| *p*<br>• one<br>• two |"


@pytest.mark.parametrize("batch", [1, 40, 10**9])
def test_batches_of_rows_do_not_change_the_table(monkeypatch, batch):
    """The rows are read a batch of XHTML characters at a time (one tree per batch): every
    batch size gives the bytes of the one-batch table, emphasis and code next to cell edges
    included (what a cell becomes must not depend on the row before it)."""
    rows = [[cell(Emphasis((Text(f"r{r}"),))), cell(Code("c"), f" {r}|"), cell("x" * (r % 3))]
            for r in range(30)]
    head = [[cell("A", header=True), cell("B", header=True), cell("C", header=True)]]
    monkeypatch.setattr(_md_blocks, "BATCH_CHARS", 10**9)
    whole = md(*rows, head=head)
    monkeypatch.setattr(_md_blocks, "BATCH_CHARS", batch)
    assert md(*rows, head=head) == whole
    assert whole.splitlines()[2:4] == ["| *r0* | `c` 0\\| |  |", "| *r1* | `c` 1\\| | x |"]


def test_placeholder_holds_no_rows():
    """The tree of the page holds the table's caption only; the rows are rendered apart."""
    r = _md_blocks.TableRenderer()
    table = Table(head=(), body=(TableRow((cell("a"),)),), caption=(Text("c"),))
    assert r.block(table) == '<table data-md-rows="0">\n<caption>c</caption>\n</table>\n'
    assert [(h, str(tr)) for h, tr in r.row_batches(0)] == [(False, "<tr><td>a</td></tr>")]


def test_emphasis_in_the_next_cell_keeps_its_delimiters():
    # The previous cell's closing "*" and this cell's opening one are not adjacent (a "|"
    # stands between them): both cells keep their emphasis (the second one was written plain).
    em = Emphasis((Text("aaa"),))
    assert md([cell(em), cell(Emphasis((Text("bbb"),)))]) == (
        "|  |  |\n| --- | --- |\n| *aaa* | *bbb* |")
