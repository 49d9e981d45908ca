"""The post's title on a blog page whose ``<h1>`` is the blog's name: the ``<h2>``/``<h3>``
that the ``<title>`` or a declared title holds beside the site part ("Seth's Blog: Post").

Used by :mod:`convert.extract.html.meta` before :func:`.title.choose_title`; split from
:mod:`.title` (the site-name and word helpers it reads live there).
"""

from __future__ import annotations

from convert.extract.ablation import rule
from ..dom import word_key
from .title import HEADLINE_MIN_WORDS, _WORD, _word_set, is_site

BLOG_POST_HEADING = rule(
    "blog_post_heading", "a <title> made of a lower heading ('The false choice of "
    "mediocrity', an <h2>/<h3>) and a short site part ('Seth's Blog: ...') names that post, "
    "when the <h1> is not it (the blog's name, or none)")
UNCLASSED_POST_HEADING = rule(
    "unclassed_post_heading", "on a page with no <h1> and no declared title, an <h2>/<h3> "
    "that the <title> holds beside a shorter site part is the title ('Post - Slashdot')")
#: The site part left beside the heading has at most this many words.
POST_SITE_MAX_WORDS = 6
SITE_PART_WORDS = rule(
    "site_part_words", "the site part beside a post's heading is counted in words, not in "
    "the separators between them ('Blog Name » Blog Archive »' is four words)")
H1_IS_SITE_PART = rule(
    "h1_is_site_part", "an <h1> that is exactly the rest of the title beside a post's heading "
    "is the blog's name, even when it shares a word with the post ('Inside Google Desktop: "
    "Google Desktop Update')")
CLASSED_POST_HEADING = rule(
    "classed_post_heading", "a heading classed as the post's title that the <title> sets off "
    "by a separator beside a short site part names the post, whatever the <h1> is (a "
    "section's name over a Blogger post)")
#: A heading's class naming the post's or entry's title ("post-title", "entry-title"), as
#: ``subheads`` marks it (1: a bare "title", 0: none).
POST_TITLE_CLASSED = 2
#: Lower headings (``<h2>``, ``<h3>``) read for the post's title.
POST_HEADINGS = 12


def post_heading(titles: list[str], h1s: list[str], subheads: list[tuple[str, int]],
                 site_name: str | None, host: str | None, has_h1: bool,
                 h1_logo: bool = False, declared: bool = True) -> str | None:
    """The post's title on a blog page whose ``<h1>`` is the blog's name: the ``<h2>``/``<h3>``
    that a declared or ``<title>`` title holds as one of its parts, beside the site part the
    ``<h1>`` shows ("Seth's Blog: The false choice of mediocrity" under the ``<h1>`` "Seth's
    Blog", "Post « Rand's Blog"). On a page with no ``<h1>`` at all, only a heading classed as
    the post's title ("post-title", Blogger's) is read so, and one classed "post-title" or
    "entry-title" whatever the ``<h1>`` is. ``subheads``: (text, classed as a title:
    :data:`POST_TITLE_CLASSED`, 1 for a bare "title", 0) of the page's ``<h2>``/``<h3>``
    that are not a link to the start page; ``h1_logo``:
    the ``<h1>`` is a link to the site's start or section page (then "davidbau.com Vibe
    Coding", with no separator after the site's name, is read too); ``declared``: the page
    declares a title of its own (og:title, JSON-LD); without one and without an ``<h1>``, an
    unclassed heading counts too when the site part beside it is shorter ("Post - Slashdot")."""
    if not BLOG_POST_HEADING or len(set(h1s)) > 1 or has_h1 and not h1s:
        return None
    h1 = h1s[0] if h1s else None
    h1_words = _word_set(h1) if h1 else set()
    for head, titled in dict.fromkeys(subheads):
        words = _word_set(head)
        # (unclassed, with no <h1>: only where the page declares no title, and only a heading
        # longer than the site part beside it)
        loose = h1 is None and not titled
        if len(words) < HEADLINE_MIN_WORDS or is_site(head, site_name, host) or loose and (
                declared or not UNCLASSED_POST_HEADING):
            continue
        # (the <h1> is this headline, or a version of it: the usual choice stands; unless a
        # title shows the <h1> as its site part beside this heading)
        version = h1 and len(h1_words & words) * 2 >= len(h1_words)
        for title in titles:
            at = title.find(head)
            if at < 0 or title == head:
                continue
            before, after = title[:at].rstrip(), title[at + len(head):].lstrip()
            rest = (before + " " + after).strip(" |»«:-–—·•/")
            size = len(_WORD.findall(rest)) if SITE_PART_WORDS else len(rest.split())
            if not rest or size > POST_SITE_MAX_WORDS or _word_set(rest) <= words or (
                    loose and len(_word_set(rest)) >= len(words)):
                continue
            is_h1 = h1 and word_key(rest) == word_key(h1)
            if version and not (H1_IS_SITE_PART and is_h1):
                continue
            # the site part is the <h1>'s (or, with no <h1> or under a heading classed as the
            # post's title, any part set off by a separator)
            if h1 and not (is_h1 or len(_word_set(rest) & h1_words) * 2 >= len(h1_words)) and not (
                    CLASSED_POST_HEADING and titled == POST_TITLE_CLASSED):
                continue
            edged = (not before or before[-1] in _EDGE_CHARS) and (
                not after or after[0] in _EDGE_CHARS)
            if edged or h1_logo and word_key(rest) == word_key(h1):
                return head
    return None


_EDGE_CHARS = frozenset("|»«:-–—·•/")
