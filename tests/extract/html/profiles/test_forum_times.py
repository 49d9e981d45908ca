"""The forum profile's post header times (``postparts.time_line``, rule
``forum_relative_times``): a time that only counts back from the fetch leaves the header, a
dated one stays, and a message that merely reads like one is kept. Split from
``test_forum.py``, whose page builder it shares."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.builder import Builder
from convert.extract.html.profiles import forum, postparts
from convert.textutil import block_texts

from .test_forum import _post


def _thread(posts):
    """The thread ``forum.find`` sees on a page of these (author, time, message) posts."""
    html = ("<html><body><div class='thread-body'>"
            + "".join(_post(i, *p) for i, p in enumerate(posts)) + "</div></body></html>")
    thread = forum.find(LexborHTMLParser(html).body)
    assert thread is not None and len(thread.items) == len(posts)
    return thread


def _lines(thread):
    """Each post section's lines, as the forum profile builds them."""
    return [list(block_texts(b.blocks)) for b in forum.build(thread, Builder(None))]


def test_a_relative_time_line_is_left_out_but_still_marks_the_post(monkeypatch):
    # "17 hours ago" counts back from the day the page was fetched: the post keeps its
    # author and message, its time line goes; a dated time in the same thread stays.
    posts = [("ann", "17 hours ago", "I grew the follicles in a dish, as the paper describes."),
             ("bob", "Yesterday at 4:25 AM", "Mice first, people much later, if at all."),
             ("cid", "Jul 10, 2022", "The missing cell type is the interesting part here."),
             ("dee", "posted 6 years ago", "Nothing new under the sun, they said that in 2019.")]
    thread = _thread(posts)
    lines = _lines(thread)
    assert lines == [["ann", posts[0][2]], ["bob", posts[1][2]],
                     ["cid", "Jul 10, 2022", posts[2][2]], ["dee", posts[3][2]]]
    monkeypatch.setattr(postparts, "RELATIVE_TIMES", False)
    lines = _lines(thread)
    assert [p[:2] for p in lines] == [[a, w] for a, w, _ in posts]


def test_a_post_whose_whole_message_reads_as_a_relative_time_keeps_it():
    # forum_relative_times leaves out the post's time line only: a reply that is nothing but
    # "Yesterday at 4:25" (an answer to "when did it leave?") is the post's message
    posts = [("ann", "Jul 1, 2022", "When did the ferry leave on Sunday, does anyone know?"),
             ("bob", "Jul 2, 2022", "Yesterday at 4:25"),
             ("cid", "Jul 3, 2022", "It left at 4:25 last week, but the timetable changes.")]
    thread = _thread(posts)
    lines = _lines(thread)
    assert lines[1] == ["bob", "Jul 2, 2022", "Yesterday at 4:25"]
