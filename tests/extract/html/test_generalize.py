"""Failure classes of unseen pages (issue #13), each probed by a small hand-made page: a short
story on a busy page, link lists inside or beside the article."""

from __future__ import annotations

from convert.extract.html import parse_html
from convert.textutil import article_text

_STORY = ("<p>The harbour authority started dredging the eastern basin on Monday, a project "
          "delayed for three years by disputes over funding and the disposal of the silt.</p>"
          "<p>Work is expected to take eight months, during which the ferry will use the "
          "western quay, and fishing boats will moor beside the lifeboat station.</p>")


def _module(i: int) -> str:
    return (f"<div class='module'><h2>Elsewhere {i}</h2><p>Module {i}: a summary of another "
            f"post, with its own commas, clauses, asides, and enough words to score as prose "
            f"in the page's wrapper, the way an old blog's sidebar modules do.</p>"
            f"<p>Another paragraph of module {i}, again long enough to count, with commas, "
            f"more commas, and still more words to weigh.</p></div>")


def test_short_story_under_its_headline_is_not_traded_for_the_busy_page():
    # The story holds a small share of the page: relaxing the pruning brings the sidebar back,
    # and its modules lift the shared wrapper over the story.
    html = ("<html><head><title>Harbour works begin on the eastern basin - Port Blog</title>"
            "</head><body><div id='page'><h1>Port Blog</h1><div id='main'><div class='entry'>"
            "<h3>Harbour works begin on the eastern basin</h3><div class='entry-body'>"
            + _STORY + "</div></div></div><div id='sidebar-left'>"
            + "".join(_module(i) for i in range(3)) + "</div><div id='sidebar-right'>"
            + "".join(_module(i) for i in range(3, 6)) + "</div></div></body></html>")
    text = article_text(parse_html(html))
    assert "dredging the eastern basin" in text and "lifeboat station" in text
    assert "Module" not in text


def test_short_blog_post_is_not_traded_for_its_comment_thread():
    # An older blog theme: no <article>, the post marked by the hentry microformat; the
    # thread below is ten times longer than the post.
    comments = "".join(
        f"<li class='comment'>Reader {i} says the photograph is lovely, the print is "
        f"perfect, the dress looks vintage, and the styling is just right, thank you. "
        f"September {i + 1}, 2012 | Permalink</li>" for i in range(20))
    html = ("<html><head><title>Look of the day - The Garment District Street Style Journal</title></head><body><div id='content'>"
            "<div class='post hentry'><h2>Look of the day</h2><div class='entry-content'>"
            + _STORY + "</div></div><div id='comments'><ol>" + comments
            + "</ol></div></div></body></html>")
    text = article_text(parse_html(html))
    assert "dredging the eastern basin" in text
    assert "Reader" not in text
