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


# A blog post and, beside it, a "Recently Cataloged" box named ``recent_posts``: other posts'
# titles and excerpts, whose "posts" reads as content (rule ``recent_lists``).

def _recent_page(name: str) -> str:
    excerpts = "".join(
        f"<h3><a href='/p/{i}'>Another post {i}</a></h3><div class='excerpt'>An excerpt of "
        f"another post, about work, rent, friends and the city, long enough to read as a "
        f"paragraph of prose, with commas, clauses, and a full stop.</div>" for i in range(4))
    story = "".join(
        f"<p>Post paragraph {i}: the storm reached the island at night, and by the morning "
        f"the students had moved, with their books, laptops and blankets, to the gym.</p>"
        for i in range(6))
    return ("<html><head><title>The storm - A blog</title></head><body><div id='page'>"
            "<div class='entry'><h1>The storm</h1>" + story + "</div>"
            f"<div class='{name}'><h2>Recently Cataloged</h2>{excerpts}</div>"
            "</div></body></html>")


def test_recent_posts_box_beside_the_post_stays_out():
    text = article_text(parse_html(_recent_page("recent_posts grid_12")))
    assert "Post paragraph 0" in text and "Post paragraph 5" in text
    assert "Another post" not in text and "An excerpt of another post" not in text
