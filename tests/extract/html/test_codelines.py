"""The text of a code block whose lines are elements (:mod:`convert.extract.html.codelines`)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import CodeBlock
from convert.extract.html.builder import Builder
from convert.extract.html.codelines import pre_text


def _pre(html: str):
    return LexborHTMLParser(f"<html><body>{html}</body></html>").css_first("pre")


def test_shiki_span_lines_are_lines():
    # Tailwind's install step as Shiki renders it (tailwindcss.com/docs, wcxb-dev 2876).
    pre = _pre('<pre class="shiki"><code><span class="line"><span>npm</span><span> create'
               '</span><span> vite@latest</span><span> my-project</span></span><span '
               'class="line"><span>cd</span><span> my-project</span></span></code></pre>')
    assert pre_text(pre) == "npm create vite@latest my-project\ncd my-project\n"
    assert Builder(None).pre(pre) == [CodeBlock("npm create vite@latest my-project\n"
                                                "cd my-project", None)]


def test_div_lines_and_breaks():
    pre = _pre("<pre><div><span>import</span> os</div><div>print(os.sep)</div>"
               "first<br>second</pre>")
    assert pre_text(pre) == "import os\nprint(os.sep)\nfirst\nsecond"


def test_lines_already_ended_by_newlines_are_not_doubled():
    pre = _pre('<pre><code><span class="token-line">a = 1\n</span>'
               '<span class="token-line">b = 2\n</span></code></pre>')
    assert pre_text(pre) == "a = 1\nb = 2\n"


def test_a_gutter_and_plain_code_keep_their_text():
    plain = _pre("<pre><code>x = 1\ny = 2</code></pre>")
    assert pre_text(plain) == "x = 1\ny = 2"
    gutter = _pre('<pre><span class="line-num">1</span><span>x = 1</span></pre>')
    assert pre_text(gutter) == "1x = 1"


# synthetic, in the style of Sphinx's inline line numbers, Hugo's (Chroma) and Rouge's gutter
_NUMBERED = ('<pre><span class="linenos">1</span>import sys\n'
             '<span class="linenos">2</span>print(sys.argv)\n</pre>',
             '<pre class="chroma"><code class="language-go"><span class="line"><span class="ln">9'
             '</span><span class="cl">package util\n</span></span><span class="line"><span '
             'class="ln">10</span><span class="cl">var x = 2\n</span></span></code></pre>',
             '<pre class="highlight"><code><table class="rouge-table"><tr><td class="gutter gl">'
             '<pre class="lineno">1\n2\n</pre></td><td class="code"><pre>puts 1\nexit 0\n</pre>'
             '</td></tr></table></code></pre>')


def test_line_numbers_are_not_the_code():
    # rule line_numbers: a line-number element holding digits is the viewer's gutter.
    assert [pre_text(_pre(html)).strip() for html in _NUMBERED] == [
        "import sys\nprint(sys.argv)", "package util\nvar x = 2", "puts 1\nexit 0"]


def test_line_numbers_off_keeps_the_digits(monkeypatch):
    from convert.extract.html import codelines
    monkeypatch.setattr(codelines, "LINE_NUMBERS", False)
    assert pre_text(_pre(_NUMBERED[0])).startswith("1import sys")


# synthetic, in the style of VitePress' Shiki output: a newline in the source after each line
_SHIKI_NEWLINES = ('<pre class="shiki vp-code"><code><span class="line"><span>a = 1</span></span>\n'
                   '<span class="line"></span>\n<span class="line"><span>b = 2</span></span>'
                   '</code></pre>')


def test_a_line_ended_by_the_sources_newline_is_not_followed_by_a_blank():
    # rule source_newlines: one newline per line, and the blank line of the source kept.
    assert pre_text(_pre(_SHIKI_NEWLINES)).strip() == "a = 1\n\nb = 2"


def test_source_newlines_off_doubles_them(monkeypatch):
    from convert.extract.html import codelines
    monkeypatch.setattr(codelines, "SOURCE_NEWLINES", False)
    assert pre_text(_pre(_SHIKI_NEWLINES)).strip() == "a = 1\n\n\nb = 2"


def test_a_block_line_among_plain_lines_keeps_the_blank_line_after_it():
    # (a highlighted line set as a block among plain lines, in the style of Gatsby's Prism)
    pre = _pre('<pre><code><span class="highlight-code-line">import os</span>\n'
               'print(os.sep)\n</code></pre>')
    assert pre_text(pre).strip() == "import os\n\nprint(os.sep)"


# synthetic, in the style of a manual page rendered whole in one <pre> (man7.org's layout)
_MAN = ('<pre><h2><a id="NAME" href="#NAME"></a>NAME &nbsp; &nbsp; <a href="#top_of_page">'
        '<span class="top-link">top</span></a></h2>       rsnap - take snapshots\n'
        '<h2><a id="SEE" href="#SEE"></a>SEE ALSO</h2>       <a href="#top">top</a>(1)\n</pre>')


def test_a_manual_pages_top_links_leave_its_headings():
    # rule pre_top_links: the heading's own "top" link goes; a link reading "top" in the text
    # (a command named top) stays.
    assert pre_text(_pre(_MAN)) == "NAME\n       rsnap - take snapshots\nSEE ALSO\n       top(1)\n"


def test_pre_top_links_off_keeps_them(monkeypatch):
    from convert.extract.html import codelines
    monkeypatch.setattr(codelines, "PRE_TOP_LINKS", False)
    assert "NAME \xa0 \xa0 top" in pre_text(_pre(_MAN))
