"""convert.extract.assess.structure_signals: what the page-type signals read off the body's
structure (synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.assess import structure_signals as S


def test_a_heading_holds_a_link_as_the_selector_reads_it():
    # (the look at a heading's few elements answers as ``css_first("a[href]")`` does; the
    # selector is asked for what the look cannot tell)
    tree = LexborHTMLParser(
        "<html><body>"
        "<h2 id='card'><a href='/story'>A card's title</a></h2>"
        "<h2 id='bare'><a href>Empty href</a></h2>"
        "<h2 id='plain'>No link <em>at all</em></h2>"
        "<h2 id='anchor'><a name='x'>Anchor only</a></h2>"
        "<h2 id='svg'><svg><a xlink:href='#q'><text>svg link</text></a></svg></h2>"
        "<h2 id='late'>" + "<span>w</span>" * (S.HEADING_PEEK + 2) + "<a href='/x'>late</a></h2>"
        "<h2 id='big'>" + "<span>w</span>" * (S.HEADING_PEEK + 2) + "</h2>"
        "</body></html>")
    expected = {"card": True, "bare": True, "plain": False, "anchor": False, "svg": True,
                "late": True, "big": False}
    for ident, linked in expected.items():
        heading = tree.css_first(f"#{ident}")
        assert (heading.css_first("a[href]") is not None) is linked, ident
        assert S._holds_link(heading) is linked, ident


def test_a_heading_inside_a_link_is_linked():
    tree = LexborHTMLParser("<html><body><a href='/s'><div><h3>Title</h3></div></a>"
                            "<div><h3>Lone title</h3></div></body></html>")
    first, second = tree.css("h3")
    assert S._linked(first) and not S._linked(second)
