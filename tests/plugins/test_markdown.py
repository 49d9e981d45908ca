"""The ``md`` format: rendered back with markdown-it-py, its visible text must equal the text of
the article (as our XHTML shows it), and nothing active may come out of hostile input."""

from __future__ import annotations

import os
import re

import pytest
import yaml
from markdown_it import MarkdownIt

import convert
from convert import jsonio
from convert.html import article_html
from mdcheck import NAMES, fold, load, scripts_as_markdown, visible

MD = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def md_html(article, **opts) -> str:
    text = convert.render(article, "md", **opts).decode("utf-8")
    return MD.render(text)


@pytest.mark.parametrize("name", NAMES)
def test_rendered_markdown_shows_exactly_the_article_text(name):
    article = load(name)
    expected, _ = visible(scripts_as_markdown(article_html(article)))
    shown, _ = visible(md_html(article))
    # Block content inside table cells is flattened, list items in cells get a bullet.
    assert fold(shown.replace("•", "")) == fold(expected.replace("•", ""))


@pytest.mark.parametrize("name", NAMES)
def test_no_active_content_from_any_fixture(name):
    out = convert.render(load(name), "md").decode("utf-8")
    _, tags = visible(MD.render(out))
    names = {t for t, _ in tags}
    assert not names & {"script", "style", "iframe", "object", "embed", "b", "div", "em_"}
    for tag, attrs in tags:
        for key in ("href", "src"):
            value = (attrs.get(key) or "").lower()
            assert not value.startswith(("javascript:", "vbscript:", "data:text"))
            if value.startswith("data:"):
                assert re.match(r"data:image/(png|gif|jpeg|webp)", value)
        assert tag in {"p", "a", "img", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s",
                       "code", "pre", "ul", "ol", "li", "blockquote", "br", "hr", "table",
                       "thead", "tbody", "tr", "th", "td"}, tag
    assert "\x00" not in out and "\ud800" not in out


@pytest.mark.parametrize("name", NAMES)
def test_markdown_is_deterministic(name):
    article = load(name)
    assert (convert.render(article, "md", front_matter=True)
            == convert.render(article, "md", front_matter=True))


def test_structure_of_the_rich_fixture():
    out = convert.render(load("rich"), "md").decode()
    assert out.startswith("# A rich article\n")
    assert "\n## A section\n" in out and "\n#### Deeper heading\n" in out
    # A list starting at 3 cannot interrupt a paragraph, so it gets a blank line before it.
    assert "\n- one\n- two\n\n  3. nested a\n  4. nested b\n" in out
    assert "\n1. first\n2. second\n" in out and "\n1. again first\n" in out
    assert "\n> quoted\n>\n> > quoted twice\n" in out
    assert "\n````python\ndef f(x):\n" in out  # fence longer than the ``` inside
    assert "| Name | Value | Note |\n| --- | --- | --- |\n| a \\| pipe | 1 | x |" in out
    assert "| two<br>paragraphs | z |" in out
    assert "`a\\|b`" in out
    assert "[a link](https://example.org/ \"t\")" in out
    assert "[a relative one](https://example.org/about)" in out
    assert "](data:image/png;base64," in out
    assert "The caption with *emphasis*\\\nCredit: Agency" in out
    assert out.endswith("Last paragraph.\n")
    html = MD.render(out)
    assert "<td>two<br>paragraphs</td>" in html
    assert '<img src="https://example.org/remote.jpg" alt="remote"' in html


def test_hostile_text_stays_text():
    out = convert.render(load("hostile"), "md").decode()
    html = MD.render(out)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is text" in html
    assert "javascript" not in html.lower().replace("javascript link", "")
    assert "vbscript:" not in html.lower()
    assert "<h1># Heading with hash</h1>" not in html
    for literal in ("* not a bullet", "1. not a list", "# not a heading", "&gt; not a quote",
                    "=== not setext", "[brackets](http://evil.example/)",
                    "&lt;!-- comment --&gt;", "pipes | in | text", "&amp;amp; &amp;lt;",
                    "*stars* and **double** and _underscores_ and __dunder__ and snake_case_name"):
        assert f"<p>{literal}" in html, literal
    assert "and [ref]: http://evil</p>" in html
    assert "snake_case_name" in out  # no needless escapes inside words
    assert '<a href="mailto:someone@example.org">mail</a>' in html
    # The output holds no anchor of the page: an in-page link is its text (see _md_render).
    assert "fragment" in html and 'href="#section"' not in html


def test_front_matter_is_valid_yaml_with_the_metadata():
    out = convert.render(load("rich"), "md", front_matter=True).decode()
    assert out.startswith("---\n")
    head, body = out[4:].split("\n---\n", 1)
    data = yaml.safe_load(head)
    assert data["title"] == "A rich article"
    assert data["authors"] == ["Ada L", "Bo M"]
    assert str(data["date"]).startswith("2024-05-01")
    assert data["url"] == "https://example.org/news/rich"
    assert data["site"] == "Example News" and data["lang"] == "en"
    assert data["tags"] == ["ast", "rendering"] and data["section"] == "Tests"
    assert list(data)[:3] == ["title", "subtitle", "authors"]
    assert body.lstrip().startswith("# A rich article")


def test_front_matter_quotes_hostile_values():
    out = convert.render(load("hostile"), "md", front_matter=True).decode()
    data = yaml.safe_load(out[4:].split("\n---\n", 1)[0])
    assert data["tags"] == ["yes", "no", "1.0", "#tag"]  # strings, not booleans or numbers
    assert data["description"] == "key: value # comment"
    assert "\x00" not in data["title"] and "<script>" in data["title"]
    assert str(data["date"]) == "2023-07-27"


def test_no_front_matter_without_metadata():
    out = convert.render(load("bare"), "md", front_matter=True).decode()
    assert out == "Only a paragraph, no title, no date, no language.\n"


def test_bundle_separates_articles_with_rules():
    arts = [load("rich"), load("bare"), load("minimal")]
    out = convert.render_bundle(arts, "md", title="Digest").decode()
    assert out.startswith("# Digest\n\n---\n\n## A rich article\n")
    assert out.count("\n---\n") >= 3
    assert "\n### A section\n" in out  # headings shifted under the book title
    assert convert.render_bundle(arts, "md").decode().startswith("# A rich article\n")


def test_deep_nesting_keeps_the_text():
    out = convert.render(load("nested"), "md").decode()
    assert "deepest text" in out and "deep inline" in out


# --------------------------------------------------------------------------- property test

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from convert.article import (Article, Code, Emphasis, Heading, LineBreak, Link, List,  # noqa: E402
                             ListItem, Meta, Paragraph, Quote, Strong, Table, TableCell,
                             TableRow, Text)

_ALPHABET = st.sampled_from(list("ab 1.*_-+#>[]()!`|\\<&;~=:\"'/\t\n") + ["&amp;", "1. ", "- ",
                                                                         "# ", "```", "<b>"])
_TEXT = st.lists(_ALPHABET, min_size=1, max_size=12).map("".join).filter(lambda s: s.strip())
_INLINE = st.recursive(
    # (Code spans starting or ending with whitespace lose it in CommonMark: not tested here.)
    _TEXT.map(Text) | _TEXT.map(str.strip).filter(bool).map(Code) | st.just(LineBreak()),
    lambda kids: st.one_of(
        st.lists(kids, min_size=1, max_size=3).map(lambda c: Emphasis(tuple(c))),
        st.lists(kids, min_size=1, max_size=3).map(lambda c: Strong(tuple(c))),
        st.lists(kids, min_size=1, max_size=3).map(
            lambda c: Link(tuple(c), "https://example.org/x?a=1&b=(2)"))),
    max_leaves=6)
_PARA = st.lists(_INLINE, min_size=1, max_size=5).map(lambda c: Paragraph(tuple(c)))
_CELL = _PARA.map(lambda p: TableCell((p,)))
_BLOCK = st.one_of(
    _PARA,
    st.builds(Heading, st.integers(1, 6), st.lists(_INLINE, min_size=1, max_size=3).map(tuple)),
    st.lists(_PARA, min_size=1, max_size=3).map(lambda ps: Quote(tuple(ps))),
    st.lists(_PARA.map(lambda p: ListItem((p,))), min_size=1, max_size=3).map(
        lambda items: List(tuple(items))),
    st.lists(st.lists(_CELL, min_size=1, max_size=3).map(lambda c: TableRow(tuple(c))),
             min_size=1, max_size=3).map(lambda rows: Table(head=(), body=tuple(rows))),
)


# DECRUFT_HYPOTHESIS_EXAMPLES=3000 for a longer search.
@settings(max_examples=int(os.environ.get("DECRUFT_HYPOTHESIS_EXAMPLES", 150)), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_BLOCK, min_size=1, max_size=4))
def test_any_text_survives_markdown_exactly(blocks):
    article = Article(Meta(), tuple(blocks))
    expected, _ = visible(article_html(article))
    shown, _ = visible(md_html(article))
    assert fold(shown) == fold(expected)


def test_images_can_be_left_out():
    out = convert.render(load("rich"), "md", images=False).decode()
    assert "![" not in out and "Lead caption" in out and "A remote image" in out


def test_bundle_front_matter_names_the_book():
    out = convert.render_bundle([load("bare"), load("minimal")], "md", title="Book: two",
                                front_matter=True).decode()
    assert out.startswith("---\ntitle: 'Book: two'\n---\n\n# Book: two\n")


def test_round_trip_through_json_gives_identical_markdown():
    for name in NAMES:
        if name == "hostile":  # the json writer cannot encode lone surrogates
            continue
        article = load(name)
        again = jsonio.loads(convert.render(article, "json"))
        assert convert.render(again, "md", front_matter=True) == convert.render(
            article, "md", front_matter=True)


def test_output_is_utf8_lf_single_trailing_newline():
    from convert.article import CodeBlock

    art = Article(Meta(title="T"), (CodeBlock("a\r\nb\rc\n\n\n"), Paragraph((Text("x\r\ny"),))))
    out = convert.render(art, "md")
    assert b"\r" not in out and not out.startswith(b"\xef\xbb\xbf")
    assert out.endswith(b"y\n") and not out.endswith(b"\n\n")
    assert b"```\na\nb\nc\n```" in out


@pytest.mark.slow
def test_long_lists_and_long_articles_stay_linear():
    import time

    from convert.article import List, ListItem

    def timed(n):
        items = tuple(ListItem((Paragraph((Text(f"item {i}"),)),)) for i in range(n))
        art = Article(Meta(), (List(items, ordered=True),) + tuple(
            Paragraph((Text(f"p {i} "), Strong((Text("b"),)))) for i in range(n)))
        start = time.perf_counter()
        out = convert.render(art, "md")
        return time.perf_counter() - start, out

    small, _ = timed(1000)
    big, out = timed(10_000)
    assert out.count(b"\n10000. item 9999\n") == 1
    assert big < 60 and big < 10 * small * 4 + 1, (small, big)


def test_link_whose_code_text_ends_a_label_is_not_a_definition():
    # Found by Hypothesis: "[`]:`](url)" at a paragraph start is a link reference definition.
    from convert.article import Code, Link, Paragraph, Text

    article = Article(Meta(), (Paragraph((Text("a"),)), Paragraph((Link(
        (Code("]:"),), "https://example.org/x?a=1&b=(2)"),)),))
    assert fold(visible(md_html(article))[0]) == fold(visible(article_html(article))[0])


@pytest.mark.parametrize("name", NAMES)
def test_no_line_holds_only_spaces_outside_code(name):
    """A header followed by a figure once left a line holding one space."""
    import dataclasses

    from convert.article import Figure, Image, Text

    article = load(name)
    lead = Figure(Image("https://example.org/p.jpg", alt="p"), caption=(Text("cap"),))
    article = dataclasses.replace(article, blocks=(lead, *article.blocks))
    out = convert.render(article, "md").decode("utf-8")
    outside_code = re.sub(r"(?ms)^(`{3,}).*?^\1", "", out)
    assert not re.search(r"(?m)^[ \t\u00a0]+$", outside_code)


# --------------------------------------------------------------------------- fast paths

@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 9.)#>+=-!_&;*\\`[]<>|~\n\t\u00a0\u0663\u2003")),
               max_size=10))
def test_escape_shortcut_changes_nothing(text):
    from convert_plugins.markdown import _escape_all, escape_markdown

    assert escape_markdown(text) == _escape_all(text)
    assert escape_markdown(text, line_start=False) == _escape_all(text, line_start=False)


def test_line_start_syntax_is_escaped_only_at_a_line_start():
    # After bold or a link in the same paragraph, and in a table cell (inline content in
    # GFM), "1." and "-" are plain text: "20\\.23" there is noise in every numeric table.
    para = Paragraph((Strong((Text("Area"),)), Text(" 20.23 km, "),
                      Link((Text("rate"),), "https://example.org/"), Text(" - 1.5 %"),
                      LineBreak(), Text("1. after a line break"), LineBreak(), Text("- dash")))
    table = Table(head=(), body=(TableRow((TableCell((Paragraph((Text("1.5"),)),)),
                                           TableCell((Paragraph((Text("- 3"),)),)))),))
    lead = Paragraph((Text("2. at the start"),))
    out = convert.render(Article(Meta(), (para, table, lead)), "md").decode()
    assert "**Area** 20.23 km, [rate](https://example.org/) - 1.5 %" in out
    assert "| 1.5 | - 3 |" in out
    assert "\\\n1\\. after a line break\\\n\\- dash" in out
    assert "2\\. at the start" in out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<ol" not in html and "<li>" not in html


def test_line_start_syntax_opening_a_link_is_plain():
    # A changelog's "[#12592](...)": the text opens after "[", never a Markdown line, so its
    # "#" needs no backslash.
    items = List(ordered=False, items=(ListItem((Paragraph((
        Link((Text("#12592"),), "https://example.org/i/12592"), Text(": fixed a crash"))),)),))
    broken = Paragraph((Link((Text("Steps"), LineBreak(), Text("1. Unpack")), "/steps"),))
    out = convert.render(Article(Meta(), (items, broken)), "md").decode()
    assert "- [#12592](https://example.org/i/12592): fixed a crash" in out
    assert "[Steps\\\n1\\. Unpack](/steps)" in out  # after a line break inside, it starts a line
    html = MarkdownIt("commonmark").render(out)
    assert "<h1" not in html and ">#12592</a>" in html


def test_line_start_syntax_after_an_emphasis_mark_is_plain():
    # "**1. Scope**", "**# 10 rank**": after the opening "**" the text does not start the
    # line; where the marks are left out (around "- ") it does, and keeps its backslash.
    para = Paragraph((Strong((Text("1. Scope"),)), Text(" of the change")))
    tag = Paragraph((Strong((Text("#10 rank"),)),))
    bare = Paragraph((Text("a"), Emphasis((LineBreak(),)), Emphasis((Text("- "),))))
    out = convert.render(Article(Meta(), (para, tag, bare)), "md").decode()
    assert "**1. Scope** of the change" in out and "**#10 rank**" in out
    assert "\n\\-" in out
    html = MarkdownIt("commonmark").render(out)
    assert "<ol" not in html and "<h1" not in html and "<ul" not in html


def test_a_number_is_escaped_only_as_a_list_marker():
    # "1.4K followers" or "11.45 GMT" at a line start cannot open an ordered list (the
    # marker's "." must be followed by a space or end the line): no "1\\.4K" noise.
    lead = Paragraph((Text("1.4K followers"),))
    item = Paragraph((Text("11.45 Trains cancelled"),))
    marker = Paragraph((Text("3) three"),))
    bare = Paragraph((Text("2026."),))
    out = convert.render(Article(Meta(), (lead, item, marker, bare)), "md").decode()
    assert "1.4K followers" in out and "11.45 Trains cancelled" in out
    assert "3\\) three" in out and "2026\\." in out
    html = MarkdownIt("commonmark").render(out)
    assert "<ol" not in html and "<li>" not in html


def test_bold_label_before_a_line_break_stays_bold():
    # The character after the closing "**" is the line end, not the next line's first one.
    para = Paragraph((Strong((Text("Note:"),)), LineBreak(), Text("1 cup of flour")))
    out = convert.render(Article(Meta(), (para,)), "md").decode()
    assert "**Note:**\\\n1 cup of flour" in out


@pytest.mark.parametrize("name", NAMES)
def test_md_tree_is_the_html_parser_tree(name):
    """The tree the md writer builds itself is the one bs4's html.parser builds from the same
    XHTML: same markup, same strings, same document order and sibling links."""
    from bs4 import BeautifulSoup, Tag
    from convert_plugins._md_blocks import prepare
    from convert_plugins._md_tree import soup

    html = article_html(prepare(load(name)))
    ours, theirs = soup(html), BeautifulSoup(html, "html.parser")
    assert str(ours) == str(theirs)

    def walk(root):
        nodes = [root, *root.descendants]
        index = {id(n): i for i, n in enumerate(nodes)}

        def at(n):
            return None if n is None else index[id(n)]

        return [(isinstance(n, str), n.name, str(n) if isinstance(n, str) else dict(n.attrs),
                 at(n.parent), at(n.previous_element), at(n.next_element),
                 at(n.previous_sibling), at(n.next_sibling)) for n in nodes]

    assert walk(ours) == walk(theirs)
    for tag in ours.find_all(True):  # the fast find_parent answers as bs4's own would
        assert tag.find_parent("pre") is Tag.find_parent(tag, "pre")


@pytest.mark.parametrize("name", NAMES)
def test_md_shortcuts_answer_as_bs4_and_markdownify(name):
    """The writer's shortcuts for bs4's general matcher and markdownify's whitespace tests give
    the answers of the functions they stand for, on every node of a real article's tree."""
    from bs4 import Tag
    from markdownify import should_remove_whitespace_inside, should_remove_whitespace_outside
    from convert_plugins._md_blocks import children, prepare
    from convert_plugins._md_tree import soup
    from convert_plugins._md_inline import previous_string as _previous_string
    from convert_plugins.markdown import _block, _is_pre

    root = soup(article_html(prepare(load(name))))
    nodes = [root, *root.descendants]
    for node in [*nodes, None]:
        assert _block(node) == should_remove_whitespace_inside(node)
        assert (_block(node) or _is_pre(node)) == bool(should_remove_whitespace_outside(node))
    for node in nodes[1:]:
        assert _previous_string(node) is node.find_previous(string=True)
        if isinstance(node, Tag):
            for names in (("li",), ("td", "th"), ("thead", "tbody"), ("caption",)):
                assert children(node, names) == node.find_all(list(names), recursive=False)


@pytest.mark.parametrize("name", ["h1", "h6", "h10", "h", "hr", "header", "html", "p", "pre",
                                  "th", "thead", "tfoot", "section", "span", "h\u0663", "h\u00b2"])
def test_block_test_matches_markdownify_for_any_name(name):
    from bs4 import BeautifulSoup
    from markdownify import should_remove_whitespace_inside
    from convert_plugins.markdown import _block

    tag = BeautifulSoup("", "html.parser").new_tag(name)
    assert _block(tag) == should_remove_whitespace_inside(tag)


def test_emphasis_around_text_ending_in_an_escaped_mark_is_kept():
    """<strong>**stars**</strong>: the text's own stars are escaped, so the closing "**" cannot
    merge with them; the bold used to be dropped as if they could."""
    from convert.article import Strikeout

    para = Paragraph((Text("a "), Strong((Text("**literal stars**"),)), Text(" b "),
                      Emphasis((Text("x*"),)), Text(" "), Strikeout((Text("old~"),)), Text(" "),
                      Strong((Text("back\\"),))))
    out = convert.render(Article(Meta(), (para,)), "md").decode()
    html = MarkdownIt("commonmark").enable("strikethrough").render(out)
    assert html == ("<p>a <strong>**literal stars**</strong> b <em>x*</em> <s>old~</s> "
                    "<strong>back\\</strong></p>\n")


def test_inline_code_keeps_its_runs_of_spaces():
    # ("missing separator.  Stop." is make's own message: its two spaces are the code's)
    from convert.article import Article, Code, Meta, Paragraph, Text
    article = Article(Meta(title="t"), (Paragraph((Text("It said "),
                                                   Code("separator.  Stop."), Text("."))),))
    assert "`separator.  Stop.`" in convert.render(article, "md").decode("utf-8")


# Synthetic, in the style of a science explainer and a wiki article's note marks.
SCRIPTS = b"""<html><head><title>Notes on water</title></head><body><article>
<h1>Notes on water</h1>
<p>Water is H<sub>2</sub>O and the square of x is x<sup>2</sup>; sulphate is
SO<sub>4</sub><sup>2&#8722;</sup>. The series runs to x<sup>n+1</sup> over a<sub>i,j</sub>,
measured on the 1<sup>st</sup> of May with a Probe<sup>&#174;</sup> and a Gauge<sup>TM<sup>x</sup></sup>.<sup><a href="#cite_note-1">[1]</a></sup> Diffraction
confirmed it.<sup><a href="#ref-2">2</a></sup> See <a href="#part-two">part two</a> and
<a href="https://example.org/water">the source</a>.</p>
</article></body></html>"""


def test_scripts_in_unicode_forms_else_marked_and_never_raw_html():
    out = convert.render(convert.parse(SCRIPTS, kind="html"), "md").decode()
    assert "H₂O" in out and "x²" in out and "SO₄²⁻" in out
    assert "x^(n+1)" in out and "a\\_(i,j)" in out and "1^(st)" in out
    assert "<sup" not in out and "<sub" not in out
    assert "Probe® and" in out and "Gauge^(TMx)." in out  # symbols alone; nested: plain
    shown, tags = visible(MD.render(out))
    assert "x^(n+1) over a_(i,j)" in shown and "it.² See" in shown
    # In-page links lead nowhere in the output: their text stays; other links stay links.
    assert "[1]" in shown and "part two" in shown
    hrefs = [a.get("href") for t, a in tags if t == "a"]
    assert hrefs == ["https://example.org/water"]
