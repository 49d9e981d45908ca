"""A comment tree (old Reddit's ``div.thing``: each comment holds its replies): every comment
is a post of its own, its parts never read from its nested replies (``forum_own_parts``), and
the comments' header lines are no part of what the thread must cover when it is weighed against
the cascade (``forum_post_headers``). Split from test_forum.py, which holds the flat threads."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.builder import Builder
from convert.extract.html.profiles import forum, postparts, weighing
from convert.textutil import block_texts

_POSTS = [
    ("felixen", "Jul 9, 2022", "After disabling Messages in iCloud it still takes 16 GB. How come?"),
    ("spikeymike", "Jul 9, 2022", "Did you click on Messages and choose Disable and delete?"),
    ("felixen", "Jul 10, 2022", "Doh, I had not seen that button. That must be it, thanks a lot."),
]

# Shaped after an old Reddit comment page (wcxb-dev 0562, a tune page): every comment is a
# ``div.thing`` holding its tagline (author, score, time, replies count), its text in
# ``div.md`` and, in ``div.child``, the ``div.thing`` of each reply: a comment holds its replies.
_REDDIT = [
    ("Ragnar_Dragonfyre", 188, "17 hours ago", "Might this also be a potential cure for tinnitus "
     "if we can trigger new cilia to grow in the inner ear?", [
         ("BaronVonBearenstein", 139, "15 hours ago", "oh god I dream of a day where there is "
          "silence and not that endless ringing in both of my ears", []),
         ("floris0302", 18, "16 hours ago", "I'm pretty sure (might be wrong though) those are "
          "very different types of cells, but something like that could probably work", [
              ("surlier", 18, "13 hours ago", "You are correct. There are not actual hairs in "
               "the inner ear, but hair cells, completely distinct in form and function", []),
          ]),
     ]),
    ("Pen_Vast", 60, "14 hours ago", "I will wear mouse hair if that is what it takes, and I "
     "would not even complain about it to anybody at all", [
         ("shareddit", 5, "11 hours ago", "We are all just mice in the end, running through "
          "the same maze every single day of our lives", []),
     ]),
    ("Murandus", 120, "17 hours ago", "Once again mice got even more hair. See you in ten "
     "years for the cure, as every year since the first study", [
         ("Bonex1326", 35, "17 hours ago", "I wanna see all these mice with their long lush "
          "locks and the cure for cancer through their veins", []),
         ("apiso", 10, "15 hours ago", "I love it when people weigh in on science threads to "
          "be lazily cynical about every result. Great work", []),
     ]),
]


def _reddit_thing(author: str, score: int, when: str, text: str, replies: list) -> str:
    children = "".join(_reddit_thing(*r) for r in replies)
    return (f"<div class=' thing id-t1_{author.lower()} noncollapsed comment'>"
            f"<p class='parent'></p><div class='midcol unvoted'></div>"
            f"<div class='entry unvoted'><p class='tagline'>"
            f"<a href='javascript:void(0)' class='expand'>[–]</a>"
            f"<a href='https://old.reddit.com/user/{author}' class='author may-blank'>{author}</a>"
            f"<span class='score unvoted'>{score} points</span> "
            f"<time datetime='2026-03-04T19:34:47+00:00' class='live-timestamp'>{when}</time>"
            f" <a href='javascript:void(0)' class='numchildren'>({len(replies)} children)</a></p>"
            f"<form action='#' class='usertext warn-on-unload'><div class='usertext-body "
            f"may-blank-within md-container'><div class='md'><p>{text}</p></div></div></form>"
            f"<ul class='flat-list buttons'><li class='first'><a href='/p'>permalink</a></li>"
            f"<li class='reply-button'><a href='#'>reply</a></li></ul></div>"
            f"<div class='child'><div class='sitetable listing'>{children}</div></div></div>")


def _reddit_page() -> str:
    things = "".join(_reddit_thing(*t) for t in _REDDIT)
    return ("<html><body><div class='content'><div class='commentarea'>"
            f"<div class='sitetable nestedlisting'>{things}</div></div></div></body></html>")


def _flat(comments: list) -> list:
    out = []
    for author, _, when, text, replies in comments:
        out.append((author, when, text))
        out.extend(_flat(replies))
    return out


def test_a_comment_tree_is_every_comment_with_its_own_parts(monkeypatch):
    # (Old Reddit's times count back from the fetch, "17 hours ago": forum_relative_times
    # leaves their lines out; off here, where whose time a line is is the question.)
    monkeypatch.setattr(postparts, "RELATIVE_TIMES", False)
    body = LexborHTMLParser(_reddit_page()).body
    thread = forum.find(body)
    assert thread is not None and thread.replies == ("div", "thing")
    posts = forum.build(thread, Builder(None))
    # Every comment, nested or not, in page order: its author, its time, its own text only.
    assert [list(block_texts(p.blocks)) for p in posts] == [list(c) for c in _flat(_REDDIT)]
    monkeypatch.setattr(postparts, "OWN_PARTS", False)
    thread = forum.find(body)
    built = [list(block_texts(p.blocks)) for p in forum.build(thread, Builder(None))]
    # Without the rule a comment's message is looked for in its replies too: the longest
    # one's text is put under the comment's name.
    assert built[0][:2] == ["Ragnar_Dragonfyre", "17 hours ago"]
    assert built[0][2] == _REDDIT[0][4][1][3]  # (floris0302's reply)


def test_a_class_on_every_box_names_no_nested_replies():
    # Utility-class markup (Quora's 'q-box' on every <div>): the run's class is on far more
    # elements than it has items, so nothing is a reply nested in a post.
    posts = "".join(f"<div class='q-box'><div class='q-box'><a class='author' href='/u/{a}'>{a}"
                    f"</a></div><div class='q-box'><div class='q-box'><time>Jan {i}, 2024</time>"
                    f"</div><div class='q-box'><p>{t} and some more words to make it long.</p>"
                    f"</div></div></div>" for i, (a, _, t) in enumerate(_POSTS))
    body = LexborHTMLParser(f"<html><body><div class='q-box'>{posts}</div></body></html>").body
    thread = forum.find(body)
    assert thread is not None and thread.replies is None
    assert [list(block_texts(p.blocks))[0] for p in forum.build(thread, Builder(None))] \
        == [a for a, _, _ in _POSTS]


def test_the_posts_headers_need_no_covering(monkeypatch):
    # The cascade's run holds each comment's tagline ('[–]Ragnar_Dragonfyre 188 points 17
    # hours ago (2 children)'): a line of running text the thread, which keeps the name and the
    # time, does not hold. It is the posts' header, no part of what the thread must cover.
    body = LexborHTMLParser(_reddit_page()).body
    thread = forum.find(body)
    cascade = Builder(None).blocks_of(body.css_first("div.nestedlisting"), 0)
    taglines = [t for t in block_texts(cascade) if t.endswith("children)")]
    assert len(taglines) == len(_flat(_REDDIT))
    kept = list(block_texts(weighing._shed(cascade, weighing.furniture_shingles(thread))))
    assert not any(t in kept for t in taglines)
    assert all(text in kept for _, _, text in _flat(_REDDIT))
    monkeypatch.setattr(weighing, "POST_HEADERS", False)
    kept = list(block_texts(weighing._shed(cascade, weighing.furniture_shingles(thread))))
    assert all(t in kept for t in taglines)
