"""Forum threads: every post in order, each a section with its author and time.

A thread repeats one post template side by side: the same element per post, each holding an
author (a profile link, an element named ``author``/``username``/``poster``), a time (a
``<time>`` element or one named ``date``/``time``) and the message. The run of such posts
holding the most text (:mod:`.repeats`) is the thread; every post becomes a
:class:`~convert.article.Div` (role ``post``) of its author line, its time line and the blocks
of its message, so a thread is not cut to its first or longest post.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.article import Block, Div, Paragraph, Text
from convert.extract.ablation import rule
from convert.textutil import clean_text, squash

from ..dom import inside
from .repeats import Group, groups, visible_len, words
from ...lazyre import lazy

__all__ = ["find", "build", "preferred", "FORUM_PROFILE"]

FORUM_PROFILE = rule("forum_profile", "on a forum page the run of repeated posts (each with an "
                     "author or a time) is the thread, a section per post")

#: Elements that make posts (a run of paragraphs or table cells is no thread).
POST_TAGS = frozenset({"li", "article", "div", "section", "tr", "table"})
#: A thread has at least this many posts...
MIN_POSTS = 2
#: ...most of them (this share) showing an author or a time...
MIN_MARKED_SHARE = 0.6
#: (judged on its first this many posts)...
MARK_SAMPLE = 8
#: ...and its typical post this many visible characters.
MIN_POST_MEDIAN = 40
#: The thread replaces the generic cascade's content only when it holds this many times its
#: words: it found posts the cascade left out (else the cascade's cleaner run stays).
GAIN_FACTOR = 1.3
#: The message element holds at least this share of its post's text (else the post's
#: markup names no message and the whole post is kept).
MIN_MESSAGE_SHARE = 0.2

_AUTHOR = lazy(r"(?<![a-z])(?:author|username|user-?name|poster|postauthor|member-?name|"
               r"byline|nick|handle|screen-?name|user)(?![a-z])", re.IGNORECASE)
_TIME = lazy(r"(?<![a-z])(?:date|time|timestamp|posted|post-?date|datetime|relative-?date|"
             r"post-?time|ago)(?![a-z])", re.IGNORECASE)
_MESSAGE = lazy(r"(?<![a-z])(?:message|content|body|post-?text|text|cooked|bbwrapper|"
                r"post-?body|post-?content|post-?message|entry|md|usertext|comment-?text|"
                r"answer|question)(?![a-z])", re.IGNORECASE)
_PROFILE_HREF = lazy(r"/(?:members?|users?|u|profile|profiles|member\.php|user)[/?.=]",
                     re.IGNORECASE)


def _words(node: LexborNode) -> str:
    attrs = node.attributes
    return ((attrs.get("class") or "") + " " + (attrs.get("id") or "") + " "
            + (attrs.get("itemprop") or "")).replace("_", "-")


def _author(item: LexborNode) -> LexborNode | None:
    """The post's author name: the innermost element named as the author (a user card named
    ``message-user`` holds the name, a title and a join date), else a profile link."""
    found = None
    for node in item.css("[class], [itemprop]"):
        if node.mem_id == item.mem_id:
            continue
        if _AUTHOR.search(_words(node)) and 1 < len(node.text(deep=True).strip()) < 80:
            if found is not None and not inside(node, found):
                break
            found = node
    if found is not None:
        return found
    for a in item.css("a[href]"):
        if _PROFILE_HREF.search(a.attrs.get("href") or "") and 1 < len(a.text().strip()) < 60:
            return a
    return None


def _time(item: LexborNode) -> LexborNode | None:
    node = item.css_first("time")
    if node is not None and node.text(deep=True).strip():
        return node
    for node in item.css("[class]"):
        if _TIME.search(_words(node)) and 3 < len(node.text(deep=True).strip()) < 60:
            return node
    return None


def find(body: LexborNode) -> Group | None:
    """The thread's run of posts, or ``None`` when no run of marked posts is there. A run
    whose items hold a longer run (blocks of the page each holding many posts) gives way to
    it: a post is the innermost repeated unit with an author or a time."""
    found: list[tuple[int, Group]] = []
    for group in groups(body, MIN_POSTS):
        if group.signature[0] not in POST_TAGS:
            continue
        lengths = group.lengths
        from statistics import median  # (here: it imports fractions, decimal, random)
        if median(lengths) < MIN_POST_MEDIAN:
            continue
        # Judged on the first posts: a long run of rows is read once, not searched per row.
        sample = group.items[:MARK_SAMPLE]
        marked = sum(1 for item in sample if _author(item) is not None
                     or _time(item) is not None)
        if marked < MIN_MARKED_SHARE * len(sample):
            continue
        group.lengths = lengths
        found.append((sum(lengths), group))
    best: tuple[int, Group] | None = None
    for score, group in found:
        if any(len(other.items) > len(group.items) and _holds(group, other.parent)
               for _, other in found):
            continue
        if best is None or score > best[0]:
            best = (score, group)
    return best[1] if best else None


def _holds(group: Group, node: LexborNode) -> bool:
    """Whether ``node`` is one of the group's items or inside one."""
    return any(item.mem_id == node.mem_id or inside(node, item) for item in group.items)


def _line(node: LexborNode | None) -> list[Block]:
    if node is None:
        return []
    text = squash(clean_text(node.text(deep=True, separator=" ")))
    return [Paragraph((Text(text),))] if text else []


def _message(item: LexborNode, marks: list[LexborNode]) -> LexborNode:
    """The post's message element: the longest element below the post named as a message
    that holds neither its author nor its time (``marks``), else the post itself."""
    best, size = item, 0
    for node in item.css("[class]"):
        if node.mem_id == item.mem_id or not _MESSAGE.search(_words(node)):
            continue
        if any(m.mem_id == node.mem_id or inside(m, node) for m in marks):
            continue
        n = visible_len(node)
        if n > size:
            best, size = node, n
    return best if size >= MIN_MESSAGE_SHARE * visible_len(item) else item


def build(group: Group, builder) -> list[Block]:  # noqa: ANN001
    """A ``post`` section per post: author line, time line, message blocks."""
    out: list[Block] = []
    for item in group.items:
        author, time = _author(item), _time(item)
        message = _message(item, [m for m in (author, time) if m is not None])
        body = builder.blocks_of(message, 0)
        if not body:
            continue
        head: list[Block] = []
        if message is not item:
            head = _line(author) + _line(time)
        out.append(Div(tuple(head + body), "post"))
    return out


def preferred(thread: list[Block], generic: list[Block]) -> bool:
    """Whether the thread's blocks should replace the generic cascade's (see
    :data:`GAIN_FACTOR`)."""
    return words(thread) >= GAIN_FACTOR * words(generic)
