"""convert.extract.html.builder: a link wrapping block elements keeps its link on the title it
wraps (rule block_links). Synthetic listing cards."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Heading, Link, Paragraph
from convert.extract.html import builder as builder_module
from convert.extract.html.builder import Builder


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
