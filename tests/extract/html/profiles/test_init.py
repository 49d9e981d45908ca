"""convert.extract.html.profiles: which profile reads a page. A thread the classifier types
as another kind of page is read as a thread when the cascade found the same posts
(rule forum_untyped_threads). Synthetic threads (tests/threadpages.py)."""

from __future__ import annotations

import convert
from convert.article import Div
from convert.extract.html import profiles
from convert.textutil import block_texts
from threadpages import THREAD_POSTS, phpbb_posts, xenforo_post


def _phpbb_page() -> str:
    # prosilver: a user card per post, a "Quote" button, "by name » time", a signature
    return ("<html><body><h1>Messages in iCloud</h1><div id='page-body'>"
            + phpbb_posts(signature="Baking since 1998") + "</div></body></html>")


def _sections(html: str) -> list[list[str]]:
    article = convert.parse(html.encode(), kind="html")
    return [list(block_texts(b.blocks)) for b in article.blocks if isinstance(b, Div)
            and b.role == "post"]


def test_a_thread_typed_otherwise_is_read_as_the_thread_when_it_is_the_content(monkeypatch):
    # The classifier reads the page as an article (forum software its training pages never
    # showed): the cascade found the posts, cards and buttons and all; the thread reads the
    # same posts, a section each with its author and time.
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("article", 0.9, {}))
    sections = _sections(_phpbb_page())
    assert [s[:3] for s in sections] == [[a, w, t] for a, w, t in THREAD_POSTS]
    assert not any("Registered User" in line or "Quote" == line for s in sections for line in s)
    # An article with a comment thread under it keeps the article: the comments are not what
    # the cascade found.
    story = "".join(f"<p>Paragraph {i} of the story, long enough to be read as running text by "
                    f"the cascade of the extractor, about a phone's storage.</p>" for i in range(8))
    comments = "".join(xenforo_post(i, *p) for i, p in enumerate(THREAD_POSTS))
    html = (f"<html><body><article><h1>Storage</h1>{story}</article><section class='comments'>"
            f"{comments}</section></body></html>")
    assert _sections(html) == []
    monkeypatch.setattr(profiles, "UNTYPED_THREADS", False)
    assert _sections(_phpbb_page()) == []
