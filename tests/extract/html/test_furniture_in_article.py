"""Site furniture nested inside ``<article>`` (a ``<nav>`` of section links, a ``<footer>`` of
tags, share buttons and copyright) is not article text, even though the article holds it."""

from __future__ import annotations

import pytest

import convert
from convert.textutil import article_text

P1 = "First paragraph of the article, long enough to be body text on any reasonable page."
P2 = "Second paragraph of the article, which is also long enough to count as body text."

NAVS = ["<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a> "
        "NAVLEAK</nav>",
        "<nav aria-label='breadcrumb'><ol><li><a href='/'>Home</a></li><li>NAVLEAK</li></ol></nav>"]
FOOTERS = ["<footer>FOOTLEAK Copyright 2024 Example Corp. All rights reserved.</footer>",
           "<footer><p>Posted in <a href='/c/news'>News</a>. Tags: <a href='/t/a'>a</a>, "
           "<a href='/t/b'>b</a>. FOOTLEAK</p><a href='/share'>Share</a></footer>"]


def _text(inner: str, where: str) -> str:
    body = {"top": f"{inner}<p>{P1}</p><p>{P2}</p>", "middle": f"<p>{P1}</p>{inner}<p>{P2}</p>",
            "end": f"<p>{P1}</p><p>{P2}</p>{inner}"}[where]
    page = f"<html><body><article><h1>Title</h1>{body}</article></body></html>"
    return article_text(convert.parse(page.encode("utf-8"), kind="html"))


@pytest.mark.parametrize("where", ["top", "middle", "end"])
@pytest.mark.parametrize("nav", NAVS)
def test_nav_inside_article_is_dropped(nav, where):
    text = _text(nav, where)
    assert P1 in text and P2 in text
    assert "NAVLEAK" not in text


@pytest.mark.parametrize("where", ["end"])
@pytest.mark.parametrize("footer", FOOTERS)
def test_footer_inside_article_is_dropped(footer, where):
    text = _text(footer, where)
    assert P1 in text and P2 in text
    assert "FOOTLEAK" not in text
