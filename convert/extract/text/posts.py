"""Forum threads whose software numbers its posts ("#1", "#2", ... each alone on its line,
right under the post's date: XenForo, vBulletin, Discourse's print view).

The density run finds the longest post, often the first; the replies below it are short, their
quotes repeat earlier posts and their headers (poster, rank, join date, counters) break the run,
so they are lost as "far from the body". The post numbers mark where each post starts and the
post's header where it ends: the thread is every post's body, and what lies above the first
post (the forum's tagline, the thread's title, "Thread starter" and "Start date") is not.
"""

from __future__ import annotations

import re

from convert.extract.ablation import rule

from . import meta as M
from .lines import OPEN_REASONS, Line, drop

NUMBERED_POSTS = rule(
    "text-numbered-posts",
    "a thread whose posts are numbered '#1', '#2', ... each under its date keeps every post's "
    "body (not its header: poster, rank, join date, counters; its quotes of earlier posts as "
    "the cascade judged them) "
    "and nothing above the first post")

#: A post number opening its line (alone, or joined to the post's first sentence by a dump
#: that broke no line between them).
_POST_NUMBER = re.compile(r"^#(\d{1,4})(?:\s|$)")
#: At least this many numbered posts (numbers alone on their line), numbered from 1 in
#: order, ...
MIN_POSTS = 3
#: ... at least half of them with a date at most DATE_ABOVE lines above the number (a shop's
#: "#1 Best Seller" ranks have none).
DATE_ABOVE = 2
#: A post's header line (poster, rank, "Well-known member") has at most this many words and is
#: no sentence.
HEADER_WORDS = 3
#: A post's body is kept from the lines that only the classifier set aside, or that repeat
#: another line (a reply's one-word answer, a signature).
BODY_REASONS = (*OPEN_REASONS, "repeated")
#: A quoted post opens with "X said:" and ends with the expander.
_QUOTE_OPEN = re.compile(r"\bsaid:\s*$|\bwrote:\s*$", re.I)
_QUOTE_CLOSE = re.compile(r"^click to expand\.{0,3}$", re.I)


#: A date line (or a counter line read as one) has at most this many words.
DATE_WORDS = 8


def _date_line(u: Line) -> bool:
    return u.kind == "date" or (u.words <= DATE_WORDS and M.parse_date(u.text) is not None)


def _dated(units: list[Line], i: int) -> bool:
    return any(_date_line(u) for u in units[max(0, i - DATE_ABOVE):i])


def post_numbers(units: list[Line]) -> list[int]:
    """Indices of the post-number lines of a numbered thread (empty when there is none)."""
    out: list[int] = []
    for u in units:
        m = _POST_NUMBER.match(u.text.strip())
        if m and int(m.group(1)) == len(out) + 1:
            out.append(u.index)
    # (at least MIN_POSTS numbers alone on their line: a listicle's sections are headed
    # "#1 Rainbow", "#2 Memory"; at least half of them dated: a recent post is dated "Today
    # at 12:34 PM", with no year)
    alone = sum(1 for i in out if not units[i].words)
    if alone < MIN_POSTS or 2 * sum(_dated(units, i) for i in out) < len(out):
        return []
    return out


def numbered_posts(units: list[Line]) -> None:
    """Keep the bodies of a numbered thread's posts (see :data:`NUMBERED_POSTS`)."""
    if not NUMBERED_POSTS or not any(u.keep for u in units):
        return
    starts = post_numbers(units)
    if not starts:
        return
    kept = [u.index for u in units if u.keep]
    # (the thread must be what was found: the run lies among the posts)
    if not starts[0] <= kept[len(kept) // 2]:
        return
    for u in units[:starts[0]]:
        if u.keep:
            drop(u, "above-posts")
    nexts = starts[1:] + [None]
    for s, nxt in zip(starts, nexts):
        if nxt is None:
            e = _footer_start(units, s)
        else:
            e = _header_start(units, s, nxt)
            for u in units[e:nxt]:
                if u.keep:
                    drop(u, "post-header")
        quoted = False
        # (a number joined to the post's first sentence is part of the body)
        for u in units[s if units[s].words else s + 1:e]:
            if _QUOTE_OPEN.search(u.text) and u.words <= HEADER_WORDS + 3:
                quoted = True
            if quoted:
                # (left as the cascade judged it: whether a reply's quote of an earlier post
                # is kept is a convention, and the golds differ)
                quoted = not _QUOTE_CLOSE.match(u.text.strip())
                continue
            if not u.keep and u.reason in BODY_REASONS and u.words:
                u.keep, u.reason = True, ""


def _header_start(units: list[Line], start: int, number: int) -> int:
    """Where the header of the post numbered at ``units[number]`` starts, below the post
    numbered at ``units[start]``: its date, counters and the short lines above them (poster,
    rank, "Joined" / "Messages")."""
    i = number
    while i > start + 1:
        u = units[i - 1]
        if _date_line(u) or u.reason == "clock" or (
                u.words <= HEADER_WORDS and not u.ends_sentence):
            i -= 1
            continue
        break
    return i


def _footer_start(units: list[Line], number: int) -> int:
    """Where the last post, numbered at ``units[number]``, ends: the first line below its
    first sentence that a furniture rule named ("You must log in or register to reply
    here.", "Share:") or that is no sentence and as short as a header's (the poster's name
    over a signature, "Similar threads")."""
    body = False
    for u in units[number + 1:]:
        if not u.keep and u.reason not in BODY_REASONS and u.reason != "ui-label":
            return u.index
        if body and 0 < u.words <= HEADER_WORDS and not u.ends_sentence:
            return u.index
        body = body or u.words > HEADER_WORDS
    return len(units)
