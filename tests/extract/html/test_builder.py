"""The block and inline builder (:mod:`convert.extract.html.builder`): what a browser shows of
an inline quotation (``<q>``) and the spaces of inline code. Synthetic pages."""

from __future__ import annotations

import convert
from convert.article import Code, Paragraph
from convert.extract.html import builder
from convert.textutil import article_text

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
    monkeypatch.setattr(builder, "Q_MARKS", False)
    text = article_text(convert.parse(_page("Choose <q>Render whitespace</q> now."), kind="html"))
    assert "Choose Render whitespace now." in text


_CODE = "It failed with <code>missing separator.  Stop.</code> and <code>make\n    -n</code>."


def test_spaces_inside_inline_code_are_kept_and_line_breaks_read_as_one_space():
    assert _codes(_page(_CODE)) == ["missing separator.  Stop.", "make -n"]


def test_code_spaces_off_folds_them(monkeypatch):
    monkeypatch.setattr(builder, "CODE_SPACES", False)
    assert _codes(_page(_CODE))[0] == "missing separator. Stop."

