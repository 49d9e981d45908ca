"""The forum thread weighed against the cascade's content (:mod:`convert.extract.html.profiles.weighing`):
a line the cascade holds twice counts once, the posts' signatures are no part of what the thread
must cover, and a thread covering the cascade about as long as it replaces it. Split from
test_forum.py."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Div, Paragraph, Text
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import forum, weighing
from convert.textutil import block_texts
from threadpages import THREAD_POSTS, phpbb_posts

_POSTS = THREAD_POSTS


def _signed_page() -> str:
    # Shaped after a GameFAQs board (wcxb-dev 0574, a tune page): each post carries a
    # signature of running text, which the thread leaves out and the cascade keeps.
    def post(i: int, author: str, when: str, text: str) -> str:
        return (f"<tr><td class='msg'><div class='msg_infobox'><span class='user'>{author}</span>"
                f"<span class='post_time'>{when}</span></div><div class='msg_body'>"
                f"<div class='msg_text'>{text}</div><div class='signature'>Signature of "
                f"{author}: currently playing a long list of games on three consoles</div>"
                f"</div></td></tr>")
    rows = "".join(post(i, *p) for i, p in enumerate(_POSTS))
    return f"<html><body><table><tbody>{rows}</tbody></table></body></html>"


def test_the_posts_signatures_are_not_what_the_thread_must_cover(monkeypatch):
    thread = forum.find(LexborHTMLParser(_signed_page()).body)
    blocks = forum.build(thread, Builder(None))
    assert "Signature" not in " ".join(block_texts(blocks))
    # The cascade kept three posts with their signatures, no author or time lines; the
    # thread holds them and two posts more, but not their signatures.
    cascade = []
    for author, _, text in _POSTS[1:]:  # (three authors: no signature repeats)
        cascade += [Paragraph((Text(text),)), Paragraph((Text(
            f"Signature of {author}: currently playing a long list of games on three consoles"),))]
    extra = Div((Paragraph((Text(" ".join(f"x{j}" for j in range(20))),)),), "post")
    furniture = weighing.furniture_shingles(thread)
    assert weighing.preferred(blocks + [extra], cascade, furniture)
    assert not weighing.preferred(blocks + [extra], cascade)
    monkeypatch.setattr(weighing, "SHED_FURNITURE", False)
    assert weighing.furniture_shingles(thread) == set()


def test_a_covering_thread_about_as_long_as_the_cascade_replaces_it(monkeypatch):
    def text(i: int) -> str:
        return " ".join(f"w{i}x{j}" for j in range(30))
    # The thread: the cascade's six posts, each with an author and a time line (a few words
    # more than the cascade, not 40).
    thread = [Div((Paragraph((Text(f"user{i}"),)), Paragraph((Text(f"Jul {i}"),)),
                   Paragraph((Text(text(i)),))), "post") for i in range(6)]
    cascade = [Paragraph((Text(text(i)),)) for i in range(6)]
    assert weighing.preferred(thread, cascade)
    # (the same posts: forum_same_posts alone would take it too)
    monkeypatch.setattr(weighing, "SAME_POSTS", False)
    assert weighing.preferred(thread, cascade)
    monkeypatch.setattr(weighing, "EVEN_THREAD", False)
    assert not weighing.preferred(thread, cascade)


def _card_page() -> str:
    # a user card beside each post (rank, post count), a "Quote" button, "by name » time"
    return "<html><body>" + phpbb_posts() + "</body></html>"


def test_a_thread_of_the_cascades_own_posts_replaces_it(monkeypatch):
    thread = forum.find(LexborHTMLParser(_card_page()).body)
    blocks = forum.build(thread, Builder(None))
    assert [list(block_texts(b.blocks))[:2] for b in blocks] == [[a, w] for a, w, _ in _POSTS]
    # The cascade read the same posts, with the user cards and buttons between them: the
    # thread is no longer (the authors and times for the cards), but it is the same posts.
    generic = [Paragraph((Text(line),)) for i, (author, when, text) in enumerate(_POSTS)
               for line in (author, "Registered User", f"Posts: 12{i}", "Quote",
                            f"by {author} » {when}", text)]
    assert weighing.preferred(blocks, generic, weighing.furniture_shingles(thread))
    monkeypatch.setattr(weighing, "SAME_POSTS", False)
    assert not weighing.preferred(blocks, generic, weighing.furniture_shingles(thread))
