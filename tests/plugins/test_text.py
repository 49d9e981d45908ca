"""The ``txt`` format: the body as plain text, figure captions left out unless asked for."""

from __future__ import annotations

import convert
from convert.formats import RenderOptions

PAGE = b"""<html><head><title>Harbour works</title></head><body><article>
<h1>Harbour works begin</h1>
<p>The harbour authority started dredging the eastern basin on Monday, a project that has
been delayed for three years by disputes over funding and the disposal of the silt.</p>
<figure><img src="https://example.org/dredger.jpg">
<figcaption>The dredger at work in the eastern basin. Photo: Jane Smith</figcaption></figure>
<p>Work is expected to take eight months, during which the ferry will use the western quay,
and fishing boats will moor at the temporary pontoon beside the lifeboat station.</p>
</article></body></html>"""


def test_txt_leaves_captions_out_by_default_and_keeps_them_on_request():
    article = convert.parse(PAGE, kind="html")
    plain = convert.render(article, "txt").decode()
    kept = convert.render(article, "txt", RenderOptions(extra={"captions": "keep"})).decode()
    assert "dredging the eastern basin" in plain and "western quay" in plain
    assert "The dredger at work" not in plain
    assert "The dredger at work in the eastern basin" in kept
    # The caption stays where its figure stands, between the two paragraphs.
    assert kept.index("dredging") < kept.index("The dredger") < kept.index("western quay")
    # Markdown shows the figure with its caption as before.
    assert "The dredger at work" in convert.render(article, "md").decode()


def test_table_rows_stay_one_line_each_with_cells_in_their_columns():
    """A table is a line per row with tab-separated cells: a line break or list inside a
    cell must not split the row, and spanned cells leave empty cells so that every value
    stays in its column (the rows paste into a spreadsheet as the table was)."""
    from convert.article import (Article, LineBreak, List, ListItem, Meta, Paragraph, Table,
                                 TableCell, TableRow, Text)

    def cell(*inlines, **spans):
        return TableCell((Paragraph(tuple(Text(x) if isinstance(x, str) else x
                                          for x in inlines)),), **spans)

    table = Table(
        (TableRow((cell("Route", rowspan=2, header=True), cell("Single", colspan=2, header=True),
                   cell("Pass", header=True))),
         TableRow((cell("Walk-up", header=True), cell("Advance", header=True)))),
        (TableRow((cell("Paris"), cell("86.00", LineBreak(), "(96.00 at peak)"),
                   cell("29.00"), cell("35.20", rowspan=2))),
         TableRow((cell("Madrid"), cell("59.40"), cell("18.00"))),
         TableRow((cell("Berlin"), cell("79.90", colspan=2), cell("41.00"))),
         TableRow((cell("Rome"), TableCell((List((ListItem((Paragraph((Text("a"),)),)),
                                                  ListItem((Paragraph((Text("b"),)),)))),)),
                   cell("c"))),))
    text = convert.render(Article(Meta(), (table,)), "txt").decode()
    assert text.split("\n\n") == [
        "Route\tSingle\t\tPass",
        "\tWalk-up\tAdvance",
        "Paris\t86.00 (96.00 at peak)\t29.00\t35.20",
        "Madrid\t59.40\t18.00\t",  # its last column is Paris's pass price, spanning down
        "Berlin\t79.90\t\t41.00",
        "Rome\ta b\tc\n",  # a row the page left short stays short
    ]


# Synthetic, in the style of a science explainer and a wiki article's note marks.
SCRIPTS = b"""<html><head><title>Notes on water</title></head><body><article>
<h1>Notes on water</h1>
<p>Water is H<sub>2</sub>O and the square of x is x<sup>2</sup>; sulphate is
SO<sub>4</sub><sup>2&#8722;</sup>. The series runs to x<sup>n+1</sup>, measured on the
1<sup>st</sup> of May.<sup><a href="#cite_note-1">[1]</a></sup> Diffraction confirmed the
angle later.<sup><a href="#ref-2">2</a></sup></p>
</article></body></html>"""


def test_txt_writes_scripts_in_unicode_forms_where_every_character_has_one():
    text = convert.render(convert.parse(SCRIPTS, kind="html"), "txt").decode()
    assert "H₂O" in text and "x²" in text and "SO₄²⁻" in text
    assert "later.²" in text  # a note mark no longer runs into the word
    # No Unicode form for a letter or a bracket: plain, as before.
    assert "xn+1" in text and "1st of May" in text and ".[1]" in text


def test_article_text_stays_plain_for_the_benchmarks():
    from convert.textutil import article_text

    text = article_text(convert.parse(SCRIPTS, kind="html"))
    assert "H2O" in text and "x2" in text and "²" not in text
