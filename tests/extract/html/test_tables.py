"""Tables as blocks (:mod:`convert.extract.html.tables`): a code block beside its gutter of
line numbers is the code block alone (rule code_gutters); data tables stay tables."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import CodeBlock, Table
from convert.extract.html import tables
from convert.extract.html.builder import Builder

# synthetic, in the style of Pygments' highlighttable (Sphinx :linenos:, MkDocs linenums)
_PYGMENTS = ('<div class="highlight-python notranslate"><table class="highlighttable"><tr>'
             '<td class="linenos"><div class="linenodiv"><pre><span class="normal">1</span>\n'
             '<span class="normal">2</span></pre></div></td><td class="code"><div class='
             '"highlight"><pre><span class="kn">import</span> os\nprint(os.getcwd())\n</pre>'
             '</div></td></tr></table></div>')
# and of a line-number plugin's table, one row per line, its numbers drawn by CSS
_ROWS = ('<table class="js-file-line-container"><tr><td class="blob-num" data-line-number="1">'
         '</td><td class="blob-code">const a = 1;</td></tr><tr><td class="blob-num" '
         'data-line-number="2"></td><td class="blob-code">console.log(a);</td></tr></table>')
# tables of numbers beside words that are no code: status codes, numbered steps
_STATUS = ('<table class="response-codes"><tr><td>200</td><td>The request succeeded.</td></tr>'
           '<tr><td>404</td><td>No such resource.</td></tr></table>')
_STEPS = '<table><tr><td>1</td><td>Install it.</td></tr><tr><td>2</td><td>Run it.</td></tr></table>'


def _blocks(html: str):
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    return Builder(None).table(tree.css_first("table"), 0)


def test_a_code_table_is_its_code():
    assert _blocks(_PYGMENTS) == [CodeBlock("import os\nprint(os.getcwd())", "python")]
    assert _blocks(_ROWS) == [CodeBlock("const a = 1;\nconsole.log(a);", None)]


def test_tables_of_numbers_stay_tables():
    assert all(isinstance(b, Table) for b in _blocks(_STATUS) + _blocks(_STEPS))


def test_code_gutters_off_keeps_the_numbers(monkeypatch):
    monkeypatch.setattr(tables, "CODE_GUTTERS", False)
    assert not any(isinstance(b, CodeBlock) for b in _blocks(_PYGMENTS))


# synthetic, in the style of GitBook's tables: <div role="table"> rows and cells
_ARIA = ('<div role="table" class="table"><div role="rowgroup"><div role="row"><div role="columnheader">'
         'Field</div><div role="columnheader">Type</div></div></div><div role="rowgroup"><div '
         'role="row"><div role="cell"><p><code>event</code></p></div><div role="cell"><p>string</p>'
         '</div></div></div></div>')


def test_an_aria_table_is_a_table():
    from convert.article import Code, Paragraph, Text
    tree = LexborHTMLParser(f"<html><body>{_ARIA}</body></html>")
    [table] = Builder(None).block(tree.css_first("[role=table]"), 0)
    assert isinstance(table, Table) and len(table.head) == 1 and len(table.body) == 1
    assert table.body[0].cells[1].blocks == (Paragraph((Text("string"),)),)
    assert table.body[0].cells[0].blocks == (Paragraph((Code("event"),)),)


def test_aria_tables_off_reads_it_as_blocks(monkeypatch):
    from convert.extract.html import builder
    monkeypatch.setattr(builder, "ARIA_TABLES", False)
    tree = LexborHTMLParser(f"<html><body>{_ARIA}</body></html>")
    assert not any(isinstance(b, Table) for b in Builder(None).block(tree.css_first("[role=table]"), 0))
