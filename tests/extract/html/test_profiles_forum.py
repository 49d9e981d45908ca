"""The forum profile: every post of a thread in order, each a ``post`` section with its author
and time lines before its message, not only the first or longest post."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Div, Paragraph, Text
from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import forum
from convert.textutil import block_texts

_POSTS = [
    ("felixen", "Jul 9, 2022", "After disabling Messages in iCloud it still takes 16 GB. How come?"),
    ("spikeymike", "Jul 9, 2022", "Did you click on Messages and choose Disable and delete?"),
    ("felixen", "Jul 10, 2022", "Doh, I had not seen that button. That must be it, thanks a lot."),
    ("cynics", "Jul 10, 2022", "Keep in mind you need to turn it off on all your devices too."),
]


def _post(i: int, author: str, when: str, text: str) -> str:
    return (f"<article class='message post-{i}'><div class='message-user'>"
            f"<a class='username' href='/members/{author}.{i}/'>{author}</a>"
            f"<span class='user-title'>Member</span><span>Joined 2009</span></div>"
            f"<div class='message-main'><time datetime='2022-07-0{i}'>{when}</time>"
            f"<div class='message-body'><p>{text}</p></div>"
            f"<div class='actions'><a href='/r/{i}'>Reply</a> <a href='/q/{i}'>Quote</a></div>"
            f"</div></article>")


def _page() -> str:
    posts = "".join(_post(i, *p) for i, p in enumerate(_POSTS))
    sidebar = ("<aside><ul>" + "".join(f"<li class='thread'><a href='/t/{i}'>Other thread {i}</a>"
                                       f"<time>Jan {i}</time></li>" for i in range(5)) + "</ul></aside>")
    return (f"<html><body><nav><a href='/'>Forums</a></nav><h1>Messages in iCloud</h1>"
            f"<div class='thread-body'>{posts}</div>{sidebar}</body></html>")


def test_every_post_in_order_with_author_and_time():
    thread = forum.find(LexborHTMLParser(_page()).body)
    assert thread is not None and len(thread.items) == len(_POSTS)
    blocks = forum.build(thread, Builder(None))
    assert all(isinstance(b, Div) and b.role == "post" for b in blocks)
    assert len(blocks) == len(_POSTS)
    for block, (author, when, text) in zip(blocks, _POSTS):
        lines = list(block_texts(block.blocks))
        assert lines[:3] == [author, when, text]
        # The user card and the action links are no part of the post.
        assert "Joined 2009" not in lines and "Reply" not in " ".join(lines)


def test_unmarked_repeats_are_no_thread():
    rows = "".join(f"<div class='row'><p>Plain paragraph number {i} with some words in it to "
                   f"make it long enough.</p></div>" for i in range(5))
    assert forum.find(LexborHTMLParser(f"<html><body><div>{rows}</div></body></html>").body) is None


def test_outer_blocks_give_way_to_the_posts_inside():
    # Two page blocks, each with a time and an author inside, hold the posts: the posts win.
    posts = "".join(_post(i, *p) for i, p in enumerate(_POSTS))
    html = (f"<html><body><div class='wrap'><div class='block'>{posts}</div>"
            f"<div class='block'>{_post(9, 'ann', 'Jul 12, 2022', 'A later answer on page two.')}"
            f"</div></div></body></html>")
    thread = forum.find(LexborHTMLParser(html).body)
    assert thread is not None and thread.signature == ("article", "message")


def test_thread_replaces_the_cascade_only_when_it_finds_more():
    blocks = forum.build(forum.find(LexborHTMLParser(_page()).body), Builder(None))
    first_post = [Paragraph((Text(_POSTS[0][2]),))]
    assert forum.preferred(blocks, first_post)
    assert not forum.preferred(blocks, blocks)


def test_extract_uses_the_forum_profile(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("forum", 0.95, {}))
    found = profiles.extract(LexborHTMLParser(_page()), {}, Builder(None), [])
    assert found is not None and found.name == "forum" and len(found.blocks) == len(_POSTS)
