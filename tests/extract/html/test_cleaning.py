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
