"""convert.extract.assess.structure_signals: what the page-type signals read off the body's
structure (synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.assess import structure_signals as S


def test_a_heading_inside_a_link_is_linked():
    tree = LexborHTMLParser("<html><body><a href='/s'><div><h3>Title</h3></div></a>"
                            "<div><h3>Lone title</h3></div></body></html>")
    first, second = tree.css("h3")
    assert S._linked(first) and not S._linked(second)
