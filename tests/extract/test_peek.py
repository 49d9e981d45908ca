"""convert.extract.peek: the cheap "does it hold ...?" answers agree with the selector's
(synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract import peek


def test_holds_link_answers_as_the_selector_reads_a_heading():
    # (the look at a heading's few elements answers as ``css_first("a[href]")`` does; the
    # selector is asked for what the look cannot tell)
    tree = LexborHTMLParser(
        "<html><body>"
        "<h2 id='card'><a href='/story'>A card's title</a></h2>"
        "<h2 id='bare'><a href>Empty href</a></h2>"
        "<h2 id='plain'>No link <em>at all</em></h2>"
        "<h2 id='anchor'><a name='x'>Anchor only</a></h2>"
        "<h2 id='svg'><svg><a xlink:href='#q'><text>svg link</text></a></svg></h2>"
        "<h2 id='late'>" + "<span>w</span>" * (peek.PEEK + 2) + "<a href='/x'>late</a></h2>"
        "<h2 id='big'>" + "<span>w</span>" * (peek.PEEK + 2) + "</h2>"
        "</body></html>")
    expected = {"card": True, "bare": True, "plain": False, "anchor": False, "svg": True,
                "late": True, "big": False}
    for ident, linked in expected.items():
        heading = tree.css_first(f"#{ident}")
        assert (heading.css_first("a[href]") is not None) is linked, ident
        assert peek.holds_link(heading) is linked, ident


def test_holds_tag_answers_as_the_selector_does():
    # (synthetic: small elements are looked at in Python, big ones asked of the selector)

    tree = LexborHTMLParser(
        "<html><body><p id='linked'>Words <a>a link</a></p><p id='plain'>Words only</p>"
        "<a id='self' href='/x'>itself</a><svg id='svg'><a><text>svg</text></a></svg>"
        "<div id='late'>" + "<span>w</span>" * 20 + "<a href='/y'>late</a></div>"
        "<div id='big'>" + "<span>w</span>" * 20 + "</div></body></html>")
    for ident in ("linked", "plain", "self", "svg", "late", "big"):
        node = tree.css_first(f"#{ident}")
        for tag in ("a", "span", "img"):
            assert peek.holds_tag(node, tag) is (node.css_first(tag) is not None), (ident, tag)
    assert peek.holds_tag(tree.css_first("#late"), "a")
    assert not peek.holds_tag(tree.css_first("#plain"), "a")


def test_holds_link_answers_as_the_selector_does():

    tree = LexborHTMLParser(
        "<html><body><li id='card'><a href='/s'>Story</a></li><li id='bare'><a href>x</a></li>"
        "<li id='anchor'><a name='n'>x</a></li><li id='plain'>x</li>"
        "<li id='svg'><svg><a xlink:href='#q'><text>x</text></a></svg></li>"
        "<a id='self' href='/x'>itself</a>"
        "<li id='late'>" + "<span>w</span>" * 20 + "<a href='/y'>late</a></li></body></html>")
    for ident in ("card", "bare", "anchor", "plain", "svg", "self", "late"):
        node = tree.css_first(f"#{ident}")
        assert peek.holds_link(node) is (node.css_first("a[href]") is not None), ident
    assert peek.holds_link(tree.css_first("#svg")) and not peek.holds_link(tree.css_first("#anchor"))
