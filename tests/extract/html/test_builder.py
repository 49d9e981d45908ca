"""convert.extract.html.builder: a link wrapping block elements keeps its link on the title it
wraps (rule block_links, synthetic listing cards); what a browser shows of an inline quotation
(``<q>``) and the spaces of inline code (synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import convert
from convert.article import Code, Heading, Link, Paragraph
from convert.extract.html import builder as builder_module
from convert.extract.html.builder import Builder
from convert.textutil import article_text


def _blocks(markup: str):
    return Builder(None).blocks(LexborHTMLParser(f"<div id='x'>{markup}</div>").css_first("#x"))


def test_a_link_around_a_heading_links_the_heading():
    blocks = _blocks("<a href='/homes/1'><h2>12 Orchard Lane</h2></a><p>A bright terrace.</p>")
    heading = blocks[0]
    assert isinstance(heading, Heading) and heading.level == 2
    assert isinstance(heading.children[0], Link) and heading.children[0].url == "/homes/1"


def test_a_link_around_a_title_block_links_its_one_paragraph():
    blocks = _blocks("<a href='/itm/5'><div class='title'><span role='heading'>Olympus OM-1"
                     "</span></div></a>")
    assert isinstance(blocks[0], Paragraph) and isinstance(blocks[0].children[0], Link)


def test_a_card_link_around_several_paragraphs_links_the_heading_only():
    blocks = _blocks("<a href='/e/1'><div><h3>Episode 1</h3><p>First</p><p>Second</p></div></a>")
    assert isinstance(blocks[0].children[0], Link)
    assert not any(isinstance(i, Link) for b in blocks[1:] for i in b.children)
    # no heading and two paragraphs: no place for the link
    blocks = _blocks("<a href='/e/1'><div><p>First</p><p>Second</p></div></a>")
    assert not any(isinstance(i, Link) for b in blocks for i in b.children)


def test_block_links_off_drops_the_link(monkeypatch):
    monkeypatch.setattr(builder_module, "BLOCK_LINKS", False)
    blocks = _blocks("<a href='/homes/1'><h2>12 Orchard Lane</h2></a>")
    assert not any(isinstance(i, Link) for i in blocks[0].children)


_PROSE = ("The editor replaced the tab before each recipe line with four spaces, and make "
          "stopped with an error that mentions neither tabs nor spaces, which cost a day. ")


def _page(inner: str) -> bytes:
    return (f"<html><head><title>Tabs</title></head><body><article><h1>Tabs and make</h1>"
            f"<p>{_PROSE * 2}</p><p>{inner}</p><p>{_PROSE * 2}</p></article></body>"
            f"</html>").encode()


def _codes(page: bytes) -> list[str]:
    article = convert.parse(page, kind="html")
    return [c.text for b in article.blocks if isinstance(b, Paragraph)
            for c in b.children if isinstance(c, Code)]


def test_q_shows_its_quotation_marks():
    text = article_text(convert.parse(_page(
        "Choose <q>Render <q>all</q> whitespace</q> and <q>“Save”</q> in the menu."), kind="html"))
    assert "Choose “Render ‘all’ whitespace” and “Save” in the menu." in text


def test_q_marks_off_shows_the_bare_words(monkeypatch):
    monkeypatch.setattr(builder_module, "Q_MARKS", False)
    text = article_text(convert.parse(_page("Choose <q>Render whitespace</q> now."), kind="html"))
    assert "Choose Render whitespace now." in text


_CODE = "It failed with <code>missing separator.  Stop.</code> and <code>make\n    -n</code>."


def test_spaces_inside_inline_code_are_kept_and_line_breaks_read_as_one_space():
    assert _codes(_page(_CODE)) == ["missing separator.  Stop.", "make -n"]


def test_code_spaces_off_folds_them(monkeypatch):
    monkeypatch.setattr(builder_module, "CODE_SPACES", False)
    assert _codes(_page(_CODE))[0] == "missing separator. Stop."



def test_code_lines_are_joined_as_the_break_pattern_would_join_them():
    # _code_lines_joined stands for re.sub(r"[ \t]*[\r\n]+[ \t]*", " ", raw) in linear time
    # (the pattern is quadratic on a long run of spaces with no break after it: a fuzzed page
    # with such a run in <code> took minutes). Every short mix of the characters that matter:
    import itertools
    import re

    pattern = re.compile(r"[ \t]*[\r\n]+[ \t]*")
    for n in range(7):
        for chars in itertools.product("a \t\r\n", repeat=n):
            raw = "".join(chars)
            assert builder_module._code_lines_joined(raw) == pattern.sub(" ", raw), repr(raw)


# synthetic, in the style of VitePress' code box: a language label and a copy button's text
# beside the code; a label naming another language, and a sentence, stay.
_CODE_BOX = ("<div class='language-ts'><span class='lang'>ts</span><pre><code class='language-ts'>"
             "let a = 1</code></pre><span>Copied!</span></div><p>sh</p><p>Run it once.</p>")


def test_a_code_boxs_language_label_and_copy_label_leave():
    from convert.article import CodeBlock
    texts = [b.text if isinstance(b, CodeBlock) else article_text_of(b) for b in _blocks(_CODE_BOX)]
    assert texts == ["let a = 1", "sh", "Run it once."]


def test_code_labels_off_keeps_them(monkeypatch):
    monkeypatch.setattr(builder_module, "CODE_LABELS", False)
    assert len(_blocks(_CODE_BOX)) == 5


def article_text_of(block) -> str:  # noqa: ANN001
    from convert.textutil import inline_text
    return inline_text(block.children).strip()


def test_a_custom_element_built_whole_keeps_its_blocks(monkeypatch):
    # Synthetic, in the style of a page whose content sits in a web component (GitHub's
    # <turbo-frame>) chosen as the winner: its headings and paragraphs stay apart.
    from selectolax.lexbor import LexborHTMLParser
    from convert.article import Heading, Paragraph
    from convert.extract.html import builder as builder_mod
    html = ("<html><body><turbo-frame id='content'><div><h3>ann commented</h3><div><p>First "
            "paragraph of the comment.</p></div></div><p>Second paragraph.</p></turbo-frame>"
            "</body></html>")
    node = LexborHTMLParser(html).css_first("turbo-frame")
    blocks = builder_mod.Builder(None).blocks_of(node, 0)
    assert [type(b) for b in blocks] == [Heading, Paragraph, Paragraph]
    monkeypatch.setattr(builder_mod, "INLINE_ROOTS", False)
    assert len(builder_mod.Builder(None).blocks_of(node, 0)) == 1
