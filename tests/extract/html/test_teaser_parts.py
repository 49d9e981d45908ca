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


# A press room's release page: the release, and beside it (a sibling of the winner, not
# named as boilerplate) the list of the latest releases, each a headline, a summary long
# enough to score like prose and a "Read more..." link (rule ``teaser_siblings``; shape of
# a corporate press room, issue #13 "teaser lists merged").

def _release_item(i: int) -> str:
    return (f"<li><h3>Company news {i}: a new product line comes to stores</h3><p>The "
            f"company said on Monday that its new line, made in three plants, shipped to "
            f"retailers, clubs and its own shops, and would sell at a lower price than the "
            f"last one, for the holidays. <a href='/news/{i}'>Read more...</a></p>"
            f"<span>2012-11-0{i}</span></li>")


def _press_page(read_more_in_story: bool = False) -> str:
    extra = " <a href='/faq'>Read more</a>" if read_more_in_story else ""
    story = "".join(
        f"<p>Release paragraph {i}: the new console goes on sale in New York at midnight, "
        f"with a launch event, games, guests and a line that, the company said, could reach "
        f"around the block, as it did for the last one.{extra if i == 0 else ''}</p>"
        for i in range(5))
    return ("<html><head><title>Launch event - Press room</title></head><body>"
            "<div id='container'><div id='mainPrimary'><h1>Launch event</h1>" + story
            + "</div><div id='secondaryContentContainer'><h3>Latest releases</h3><ul>"
            + "".join(_release_item(i) for i in range(1, 6)) + "</ul></div></div>"
            "</body></html>")


def test_sibling_list_of_read_more_teasers_stays_out():
    text = article_text(parse_html(_press_page()))
    assert "Release paragraph 0" in text and "Release paragraph 4" in text
    assert "Company news" not in text and "Read more" not in text


def test_one_read_more_link_in_the_story_is_no_teaser_list():
    text = article_text(parse_html(_press_page(read_more_in_story=True)))
    assert "Release paragraph 0" in text and "Release paragraph 4" in text


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
