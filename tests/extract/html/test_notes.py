"""A text's own apparatus named or shaped as chrome (:mod:`convert.extract.html.notes`): a
quotation's ``<footer><cite>`` attribution and the footnotes the text's marks point to.
Synthetic pages: a blog post with three footnote marks and a quoted line."""

from __future__ import annotations

import convert
from convert.extract.html import cleaning, notes, prune
from convert.extract.html.dom import parse
from convert.textutil import article_text

_PROSE = ("The river council met on Tuesday to settle the budget for the new bridge, the "
          "school roof and the flood wall, which the village had asked about for a year. ")


def _post(note_class: str = "footnotes") -> bytes:
    marks = "".join(f"<p>{_PROSE * 2}Point {i}.<sup><a href='#fn{i}' id='fnref{i}'>{i}</a>"
                    f"</sup></p>" for i in (1, 2, 3))
    items = "".join(f"<li id='fn{i}'><p>Note number {i} on the bridge. <a href='#fnref{i}'>"
                    f"↩</a></p></li>" for i in (1, 2, 3))
    return (f"<html><head><title>Bridge notes</title></head><body><main>"
            f"<h1>Bridge notes</h1>{marks}"
            f"<blockquote><p>A bridge is a promise made in stone.</p>"
            f"<footer>— <cite><a href='/ann'>Ann Smith</a>, engineer</cite></footer></blockquote>"
            f"<p>{_PROSE * 3}</p>"
            f"<section class='{note_class}'><ol>{items}</ol></section></main>"
            f"<footer><p>Copyright the village. <a href='/about'>About</a></p></footer>"
            f"</body></html>").encode()


def _text(page: bytes) -> str:
    return article_text(convert.parse(page, kind="html"))


def test_linked_footnotes_and_a_quotes_attribution_are_kept():
    text = _text(_post())
    assert all(f"Note number {i}" in text for i in (1, 2, 3))
    assert "Ann Smith" in text
    assert "Copyright the village" not in text  # the page's own footer still goes


def test_footnotes_without_the_rule_are_dropped(monkeypatch):
    monkeypatch.setattr(prune, "LINKED_NOTES", False)
    monkeypatch.setattr(cleaning, "LINKED_NOTES", False)
    assert "Note number" not in _text(_post())


def test_quote_attribution_without_the_rule_is_dropped(monkeypatch):
    monkeypatch.setattr(prune, "QUOTE_ATTRIBUTION", False)
    monkeypatch.setattr(cleaning, "QUOTE_ATTRIBUTION", False)
    assert "Ann Smith" not in _text(_post())


def test_a_footer_outside_a_quote_is_not_an_attribution():
    tree = parse("<html><body><blockquote><footer id='a'>x</footer></blockquote>"
                 "<article><footer id='b'>y</footer></article></body></html>")
    assert notes.in_quote(tree.css_first("#a")) and not notes.in_quote(tree.css_first("#b"))


def test_only_targets_of_marks_outside_the_block_count():
    tree = parse("<html><body><p>Text<sup><a href='#n1'>1</a></sup></p>"
                 "<div id='notes'><p id='n1'>One</p></div>"
                 "<div id='self'><p>See<sup><a href='#s1'>a</a></sup></p><p id='s1'>x</p></div>"
                 "<div id='none'><p id='other'>y</p></div></body></html>")
    targets = notes.note_targets(tree)
    assert targets == {"n1", "s1"}
    assert notes.holds_target(tree.css_first("#notes"), targets)
    assert not notes.holds_target(tree.css_first("#self"), targets)  # its own cross-reference
    assert not notes.holds_target(tree.css_first("#none"), targets)
