"""Conditional cleaning inside the winner (:mod:`convert.extract.html.cleaning`)."""

from __future__ import annotations

import convert
from convert.article import Heading
from convert.textutil import inline_text


def _page() -> bytes:
    # Shaped after a GitBook page (wcxb-dev 0498): each heading's text in a <div> beside a
    # <div> holding the section's anchor icon, both short blocks the cleaning would drop.
    para = ("<p>This is a book on the functional paradigm in general, written for working "
            "programmers, with exercises, examples and a support library to play with.</p>")

    def heading(ident: str, text: str) -> str:
        return (f"<h3 id='{ident}' class='heading flex'><div class='hash grid'><a "
                f"href='#{ident}' aria-label='Direct link to heading'></a></div>"
                f"<div class='flex-1 leading-snug'>{text}</div></h3>")

    return (f"<html><head><title>Guide</title></head><body><main><div class='page'>"
            f"<h1>Mostly adequate guide</h1>{para * 3}{heading('about', 'About this book')}"
            f"{para * 3}{heading('play', 'Play Around with Code')}{para * 3}</div></main>"
            f"</body></html>").encode()


def test_heading_text_in_a_div_is_kept():
    article = convert.parse(_page(), kind="html")
    headings = [inline_text(b.children) for b in article.blocks if isinstance(b, Heading)]
    assert "About this book" in headings and "Play Around with Code" in headings


def test_parts_walk_gives_link_density_the_links_it_would_find():
    # _should_drop reads an element's parts, then its link density: the one selector walk of
    # _parts remembers the links, and the density read from them is the one measured anew
    # (fragment links weighted, the float summed in document order).
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.cleaning import _parts
    from convert.extract.html.measure import link_density, measuring

    html = ("<body><div id=box><p>Intro with <a href='/a'>a link</a>, and more words.</p>"
            "<ul><li><a href='#top'>Back to top</a></li><li><a href='/b'>Next</a> item</li>"
            "</ul><form><a href='/c'>Sign in</a></form><img src=x.png></div></body>")
    box = LexborHTMLParser(html).css_first("#box")
    fresh = link_density(box)
    with measuring(box):
        assert _parts(box)[:3] == (1, 1, 2)
        assert link_density(box) == fresh
    assert 0 < fresh < 1
