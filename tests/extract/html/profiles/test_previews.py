"""A post's collapsed preview in front of the whole post: the full copy only."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Paragraph, Text
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import forum, previews
from convert.textutil import block_texts

# Shaped after a Quora answer (wcxb-dev-extra 0569, a tune page): the answer's box shows the
# first lines at a fixed height (the last one cut mid-sentence), and the whole answer follows
# in a box the page shows when "(more)" is clicked (class ``qu-display--none``).
_ANSWER = ["Thanks for the A2A.", "No, it was far worse.",
           "It was insanely brutal. It traumatized two generations. It targeted civilians on "
           "a totally unprecedented scale.",
           "You are not edgy. You are not funny. You are not even a pathetic attempt at being "
           "a troll."]


def _answer(author: str, when: str) -> str:
    preview = "".join(f"<p class='q-text'>{t}</p>" for t in _ANSWER[:2]) \
        + f"<p class='q-text'>{_ANSWER[2][:40]}</p>"
    full = "".join(f"<p class='q-text'>{t}</p>" for t in _ANSWER)
    return (f"<div class='answer'><div class='header'><a class='author' href='/profile/{author}'>"
            f"{author}</a><span class='date'>{when}</span></div>"
            f"<div class='content'><div class='q-box' style='max-height: 300px'>{preview}</div>"
            f"<div class='q-box qu-display--none'>{full}</div></div></div>")


def _lines(*texts: str) -> list:
    return [Paragraph((Text(t),)) for t in texts]


def test_a_preview_in_front_of_the_whole_post_goes(monkeypatch):
    page = ("<html><body><div class='answers'>" + _answer("Mats Andersson", "Updated 7mo")
            + _answer("Ben Michael", "Updated 2y") + "</div></body></html>")
    thread = forum.find(LexborHTMLParser(page).body)
    assert thread is not None and len(thread.items) == 2
    for post in forum.build(thread, Builder(None)):
        assert list(block_texts(post.blocks))[2:] == _ANSWER
    monkeypatch.setattr(previews, "POST_PREVIEWS", False)
    for post in forum.build(thread, Builder(None)):
        assert list(block_texts(post.blocks))[2:] == _ANSWER[:2] + [_ANSWER[2][:40]] + _ANSWER


def test_a_preview_cut_with_an_ellipsis_goes():
    blocks = _lines("First line of the answer here.", "And the second one, cut short…",
                    "First line of the answer here.", "And the second one, cut short of "
                    "nothing at all.", "A third line.")
    assert list(block_texts(previews.without_preview(blocks))) == list(block_texts(blocks[2:]))


def test_a_repeated_greeting_or_a_later_repeat_is_no_preview():
    # Too few words to be a preview; and a post whose repeat does not follow right after.
    blocks = _lines("Hi all", "Hi all", "The rest of the post, which says something else.")
    assert previews.without_preview(blocks) == blocks
    blocks = _lines("The opening line of the post, long enough to count.", "A middle line.",
                    "Another line.", "The opening line of the post, long enough to count.")
    assert previews.without_preview(blocks) == blocks
