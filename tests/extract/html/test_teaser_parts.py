"""A blog's front page shows the latest post in full and the next ones as teasers that share
its class (``div.entry-content``), each followed by a "Continue Reading »" link: the teasers are
other posts, not parts of the article split in blocks (issue #13, class "teaser lists merged";
rule ``same_class_teasers``). Synthetic page in the shape of a WordPress theme."""

from __future__ import annotations

from convert.extract.html import parse_html
from convert.textutil import article_text

_POST = "".join(
    f"<p>Paragraph {i} of the post: the harbour authority said the dredging of the eastern "
    f"basin would stay within the budget agreed last spring, and that the quay would reopen "
    f"in May, weather permitting, with the ferry back on its old berth.</p>" for i in range(5))


def _teaser(i: int, more: str) -> str:
    return (f"<div class='hentry post'><h2 class='entry-title'><a href='/post/{i}'>Older post "
            f"{i}</a></h2><div class='entry-content'><p>Teaser {i}: the opening lines of an "
            f"older post, about the town's budget, its schools, its roads, and its plans for "
            f"the summer festival, cut short here.</p>{more}</div>"
            f"<p class='more-link-container'><a href='/post/{i}' class='more-link'>Continue "
            f"Reading &raquo;</a></p></div>")


def _page(more: str = "") -> str:
    return ("<html><head><title>Harbour works - Port Blog</title></head><body><div id='wrap'>"
            "<div class='hentry post'><h1 class='entry-title'>Harbour works begin</h1>"
            "<div class='entry-content'>" + _POST + "</div></div>"
            + "".join(_teaser(i, more) for i in range(4)) + "</div></body></html>")


def test_teasers_sharing_the_posts_class_stay_out():
    text = article_text(parse_html(_page()))
    assert "Paragraph 0 of the post" in text and "Paragraph 4 of the post" in text
    assert "Teaser" not in text and "Continue Reading" not in text
