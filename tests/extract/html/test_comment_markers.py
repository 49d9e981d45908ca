"""The heading that opens a blog's reader comments survives the chrome pruning, so the comment
tail can cut the thread under it (issue #13, class "comments"): the heading sits in a wrapper
named as comment furniture (``div.commentform > h2``), is a block named as the comments' title
(``div#written_comments_title``: "Comments (5)"), or counts its repliers ("45 users responded
in ..."). Synthetic pages in the shape of old Movable Type / Joomla / WordPress themes."""

from __future__ import annotations

import pytest

from convert.extract.html import parse_html
from convert.textutil import article_text
from storypages import story

_STORY = story(4)


def _thread(n: int = 12) -> str:
    return "".join(
        f"<div class='commentbody'><p>Reader {i} thinks the dredging is overdue, and says so "
        f"at length, with commas, asides, and a story about the old ferry.</p><p "
        f"class='posted'>Posted by: reader{i} at May {i + 1}, 2012</p></div>" for i in range(n))


@pytest.mark.parametrize("marker", [
    "<div class='commentform'><h2 id='comments'>Comments</h2></div>",
    "<div class='contentheading' id='written_comments_title'>Comments <span>(12)</span></div>",
    "<div id='comment_tpl'><h2>12 users responded in \"Harbour works begin\"</h2></div>",
])
def test_thread_under_a_named_comments_marker_is_cut(marker):
    html = ("<html><head><title>Harbour works</title></head><body><div class='content'>"
            "<h1>Harbour works begin on the eastern basin</h1>" + _STORY + marker + _thread()
            + "</div></body></html>")
    text = article_text(parse_html(html))
    assert "Paragraph 0 of the story" in text and "Paragraph 3 of the story" in text
    assert "Reader" not in text and "Posted by" not in text


def test_named_wrapper_with_more_than_the_heading_still_goes():
    # A comment form's wrapper holding its fields is furniture, not a marker: pruned as before,
    # and the post's paragraphs stay.
    html = ("<html><head><title>Harbour works</title></head><body><div class='content'>"
            "<h1>Harbour works begin on the eastern basin</h1>" + _STORY
            + "<div class='commentform'><h3>Comments</h3><form><label>Name</label><input>"
            "<textarea></textarea><p>Your email address will not be published. Required fields "
            "are marked, and comments are moderated before they appear.</p></form></div>"
            "</div></body></html>")
    text = article_text(parse_html(html))
    assert "Paragraph 3 of the story" in text and "email address" not in text


def test_the_comments_heading_test_is_the_pattern_on_the_squashed_text():
    # (comments_heading turns down a text by its first letter before it squashes and
    # matches: it must agree with the pattern on headings, near misses and random texts)
    import random
    from convert.extract.html import patterns as P
    texts = ["Comments", " 14 Responses ", "Leave a Reply", "Kommentare (3)", "\u212aommentare",
             "reader comments:", "Add your comment", "Post a comment", "5 people commented on",
             "- Comments -", "Sport Council budget report", "", "   ", "bComments"]
    rng = random.Random(14)
    alphabet = "CcRrLlPpAaKkBbSs0123 \n\t-:()»\u212a"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
              for _ in range(3000)]
    texts += [rng.choice(["", " ", "\n", "- "]) + w + rng.choice(["", "s", " (2)", ":"])
              for w in ("comment", "Comment", "responses to x", "leave a comment", "reacties",
                        "commenti", "comentarios", "commentaires", "Bonjour")
              for _ in range(5)]
    for text in texts:
        assert P.comments_heading(text) == (
            P.COMMENTS_HEADING.match(" ".join(text.split())) is not None), repr(text)
