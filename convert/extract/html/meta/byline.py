"""Authors: the visible byline of a page.

The visible byline is read by :mod:`convert.extract.html.meta` after the declared authors
(JSON-LD, ``<meta>``); the "By ..." wording is :mod:`convert.extract.bylines`'s, and the
cleaning of what it says into names :mod:`.names`'s.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.textutil import squash
from convert.extract.bylines import BYLINE_LABEL
from convert.extract.dates import text_date
from .declared import first_value
from .keys import LABELLED_KEYS
from .names import AUTHOR_MAX_CHARS, AUTHOR_MIN_CHARS, clean_authors
from .bylinetext import (
    BYLINE_TEXT_MAX,
    _byline_text,
    _in_comments_or_menu,
    _shown_text,
)
from convert.extract.ablation import rule
from convert.extract.lazyre import lazy

AUTHOR_BOX_NAME = rule("author_box_name", "an author box holding a bio is read for its "
                       "first short line, the name ('Lauren Vetter' over 'Lauren is a ...')")
AUTHOR_LIST = rule("author_list", "a byline listing each author in an element of their own "
                   "gives them all, not only the first")


COMPONENT_BYLINE = rule(
    "component_byline", "an element a page's components name 'byline' (<div data-component="
    "\"byline-block\">), as a test id or a class does, holds the byline")
_BYLINE_SELECTOR = (
    '[rel="author"], [itemprop="author"], [class*="byline"], [class*="author-name"], '
    '[class*="author"] [class*="name"], .author, [class*="Byline"], [data-testid*="byline"], '
    'address.author, [class*="autor"], [class*="Author"]' + (
        ', [data-component*="byline"]' if COMPONENT_BYLINE else ''))


_ANY_AUTHOR_CLASS = '[class*="author"], [class*="Author"]'
_AUTHORIZED = lazy(r"authoriz", re.IGNORECASE)


#: The byline selector's parts, most specific first (a page's "author name" element beats a
#: wrapper that also holds the source or the date).
_BYLINE_PRIORITY = (
    '[rel="author"], [itemprop="author"]',
    ('[class*="author-name"], [class*="authorname"], [class*="AuthorName"], '
     '[class*="author_name"], [class*="author__name"]'),
    _BYLINE_SELECTOR,
    # Any element classed for the author ("post-hero__author", "the-author"), the last of the
    # class-based readings (author boxes and bios match it too).
    _ANY_AUTHOR_CLASS,
    # Last: a link to an author page ("/author/jane-doe") with no byline markup around it.
    'a[href*="/author/"], a[href*="/authors/"]',
)
#: After the "By ..." lines: a forum's post header names its poster ("bigusername",
#: "PostUser-name", "username"), the first post's being the thread's author. ("sername" and
#: "ser-name" cover username, bigusername, UserName, user-name and PostUser-name in two scans.)
_POSTER = '[class*="sername"], [class*="ser-name"]'
#: Elements read per byline selector (the byline sits near the top; later matches are
#: comment authors and author boxes).
BYLINE_NODES = 20
#: Links read inside a byline element (a name, maybe a date or a section link).
BYLINE_LINKS = 3


def visible_byline(tree: LexborHTMLParser) -> list[str]:
    """Authors named on the page: a forum's thread starter, then the byline elements from the
    most specific selector to the broadest, then a "By ..." line of text, then a forum
    poster's name."""
    if tree.css_first(_ANY_BYLINE_MARKUP) is None:
        # (the same answer as the steps below give a page with no byline markup)
        return _byline_text(tree) or _posts_by(tree)
    names = _thread_starter(tree)
    if names:
        return names
    for selector in _BYLINE_PRIORITY:
        # The broad class match reads names written in the element only: its links may be
        # an author box's buttons ("Get in touch").
        names = _byline_nodes(tree.css(selector)[:BYLINE_NODES],
                              links=selector != _ANY_AUTHOR_CLASS)
        if names:
            return names
    return _byline_text(tree) or _byline_nodes(tree.css(_POSTER)[:BYLINE_NODES]) or (
        _posts_by(tree))


POSTS_BY_LINK = rule("posts_by_link", "with no byline found, an author box's 'All articles by "
                     "Jane Doe' link or button names the author")
_POSTS_BY = lazy(r"^(?:(?:view|see|read)\s+)?(?:all|more)?\s*(?:posts|articles|stories)\s+by\s+"
                 r"(\S.{1,60})$", re.IGNORECASE)
#: Links read for an author box's "All articles by ..." (the article's own box comes first).
POSTS_BY_LINKS = 400


def _posts_by(tree: LexborHTMLParser) -> list[str]:
    """The name in an author box's link (or button) to the writer's other articles."""
    if not POSTS_BY_LINK:
        return []
    for link in tree.css("a, button")[:POSTS_BY_LINKS]:
        text = squash(link.text(deep=True, separator=" ") or "")
        m = _POSTS_BY.match(text) if len(text) <= BYLINE_TEXT_MAX else None
        if m and not _in_comments_or_menu(link):
            names = clean_authors([m.group(1)])
            if names:
                return names
    return []


_PERSON_LINK = lazy(r"author|user|member|profile|people|staff|team|about", re.IGNORECASE)


def _only_other_link(node: LexborNode, text: str) -> bool:
    """Whether the element's text is one link to somewhere other than a person's page (an
    author box's "Get in touch" button)."""
    for link in node.css("a")[:BYLINE_LINKS]:
        if squash(link.text(deep=True) or "") == text:
            return not _PERSON_LINK.search(link.attributes.get("href") or "")
    return False


_STARTER_LABELS = ("thread starter", "started by", "topic starter")
#: (one cheap probe for the labels' shared stem; the label's exact text is checked after)
_STARTER_SELECTOR = 'span:lexbor-contains("starte" i), dt:lexbor-contains("starte" i)'
#: Every element any of :data:`_STARTER_SELECTOR`, :data:`_BYLINE_PRIORITY` and :data:`_POSTER`
#: matches matches one of these (each part is one of theirs or a substring test their
#: values hold: "uthor" is in "author", "Author", "AuthorName"; "yline" in "byline" and
#: "Byline"; "/author" in "/author/" and "/authors/"), so on a page where none matches, all
#: their walks find nothing: one walk stands for seven.
_ANY_BYLINE_MARKUP = (
    _STARTER_SELECTOR + ', [rel="author"], [itemprop="author"], [class*="uthor"], '
    '[class*="yline"], .author, [data-testid*="byline"], [class*="autor"], '
    'a[href*="/author"], ' + _POSTER + (
        ', [data-component*="byline"]' if COMPONENT_BYLINE else ''))
#: Labels read for "Thread starter" (it sits in the thread's header).
STARTER_LABELS_READ = 5
#: A thread starter's name (a handle) is this many characters long.
STARTER_NAME_MIN = 2
STARTER_NAME_MAX = 40


def _thread_starter(tree: LexborHTMLParser) -> list[str]:
    """A forum thread's author, labelled "Thread starter" (the first post's author; the
    posters' own author markup lists everyone who replied, sometimes a pinned answer first)."""
    for label in tree.css(_STARTER_SELECTOR)[:STARTER_LABELS_READ]:
        if squash(label.text(deep=True) or "").casefold().rstrip(" :") not in _STARTER_LABELS:
            continue
        sib = label.next
        while sib is not None and (sib.tag or "-").startswith("-"):
            sib = sib.next
        name = squash(sib.text(deep=True) or "") if sib is not None else ""
        if STARTER_NAME_MIN <= len(name) <= STARTER_NAME_MAX:
            names = clean_authors([name])
            if names:
                return names
    return []


#: A byline element's whole text is read as names only up to this many characters (a longer
#: one also holds a bio or a date: its author link is read instead).
BYLINE_BLOCK_MAX = 120


def _byline_nodes(nodes: list[LexborNode], links: bool = True) -> list[str]:
    for node in nodes:
        if node.tag in ("body", "html", "main") or _in_comments_or_menu(node) or _AUTHORIZED.search(
                node.attributes.get("class") or ""):
            continue
        if node.css_first("input, label, textarea") is not None:
            continue  # a form's field ("username" of a login or a honeypot), not a byline
        name_node = node.css_first('[itemprop="name"]')
        if name_node is not None:
            text = name_node.attributes.get("content") or name_node.text(deep=True)
        else:
            text = node.attributes.get("content") or _shown_text(node)
        text = squash(text or "")
        if not text or not links and _only_other_link(node, text) or _only_taxonomy_link(
                node, text):
            continue
        names = clean_authors([text]) if len(text) <= BYLINE_BLOCK_MAX else (
            _box_name(node) if not links and AUTHOR_BOX_NAME else [])
        if not names and links:
            # A byline block that also holds a date or a role: its author link.
            for link in node.css("a")[:BYLINE_LINKS]:
                if _TAXONOMY_LINK.search(link.attributes.get("href") or ""):
                    continue  # a tag or category, not a person
                link_text = squash(_shown_text(link, "") or "")
                if AUTHOR_MIN_CHARS <= len(link_text) <= AUTHOR_MAX_CHARS:
                    names = clean_authors([link_text])
                    if names:
                        break
        if not names and links and BYLINE_NAME_LINE and len(text) <= BYLINE_BLOCK_MAX:
            # "<div><div>Anna Berg</div><div>Local democracy reporter</div></div>": a byline
            # block set in lines, the name on one and the role on the next; read as one
            # text, the role's word made it no name.
            lines = [ln for ln in (squash(t) for t in _shown_text(node, "\n").split("\n"))
                     if ln][:NAME_LINES]
            # (a block holding a date is a dateline with a section's name, "Personal finance
            # | January 27, 2025"; a name's words are capitalised)
            names = next((n for n in (clean_authors([ln]) for ln in lines) if n), []) if len(
                lines) > 1 and not any(text_date(ln) for ln in lines) else []
            if not all(w[:1].isupper() for n in names for w in n.split() if len(w) > 3):
                names = []
        if names:
            if AUTHOR_LIST and links and len(text) <= AUTHOR_MAX_CHARS:
                names = _listed_with(node, nodes, names)
            return names
    return []


BYLINE_NAME_LINE = rule(
    "byline_name_line", "a byline block set in lines, a name on one and a job title on the "
    "next ('Anna Berg' / 'Local democracy reporter'), names the person of its first line "
    "that reads as a name")
#: Lines of such a block read for the name.
NAME_LINES = 3


#: Levels up to the container that lists several authors' name elements...
AUTHOR_LIST_DEPTH = 3
#: ...which holds fewer characters than this (a byline, not a page region of cards).
AUTHOR_LIST_CHARS = 300


def _listed_with(first: LexborNode, nodes: list[LexborNode], names: list[str]) -> list[str]:
    """``names`` and those of the elements made like ``first`` (tag and class) that share a
    short container with it: a byline listing each author in an element of their own."""
    ancestors: dict[int, LexborNode] = {}
    node = first.parent
    for _ in range(AUTHOR_LIST_DEPTH):
        if node is None or node.tag in ("body", "html"):
            break
        ancestors[node.mem_id] = node
        node = node.parent
    out = list(names)
    for other in nodes:
        if other.mem_id == first.mem_id or other.tag != first.tag or other.attributes.get(
                "class") != first.attributes.get("class"):
            continue
        up = other.parent
        for _ in range(AUTHOR_LIST_DEPTH):
            if up is None or up.mem_id in ancestors:
                break
            up = up.parent
        if up is None or up.mem_id not in ancestors or len(
                up.text(deep=True) or "") >= AUTHOR_LIST_CHARS:
            continue
        text = squash(other.attributes.get("content") or other.text(deep=True, separator=" "))
        if len(text) <= AUTHOR_MAX_CHARS:
            out.extend(n for n in clean_authors([text]) if n.casefold() not in {
                o.casefold() for o in out})
    return out


#: A name in an author box has this many words at least (a lone word there is a label:
#: "Spotlight").
BOX_NAME_WORDS = 2
#: An author box (name and a short bio) holds at most this many characters.
BOX_MAX_CHARS = 1000
#: A class naming an author box ("author-box", "blog_author-wrapper"), not a post classed
#: by its author's slug ("entry-author-jane_doe").
_BOX_CLASS = lazy(r"author(?:[-_]?(?:box|bio|info|wrap(?:per)?|text|card|details|profile|"
                  r"block|container|content))?$", re.IGNORECASE)
#: A box's heading "About Becky" introduces the bio; it is not written as a byline.
_ABOUT = lazy(r"about\b", re.IGNORECASE)


def _box_name(box: LexborNode) -> list[str]:
    """The name an author box opens with: its first text (a heading or a name line above the
    bio), when it reads as a person's full name."""
    if not any(_BOX_CLASS.search(tok) for tok in (box.attributes.get("class") or "").split()
               ) or len(box.text(deep=True) or "") > BOX_MAX_CHARS:
        return []  # a whole post ("entry-author-jane"), not a box about its author
    for kid in box.traverse(include_text=True):
        if kid.tag != "-text" or not (kid.text_content or "").strip():
            continue
        parent = kid.parent
        if parent is None or parent.tag in ("script", "style"):
            continue
        text = squash(parent.text(deep=True, separator=" ") or "")
        if AUTHOR_MIN_CHARS <= len(text) <= AUTHOR_MAX_CHARS and not _ABOUT.match(text):
            names = clean_authors([text])
            if len(names) == 1 and len(names[0].split()) >= BOX_NAME_WORDS:
                return names
        return []
    return []


def _only_taxonomy_link(node: LexborNode, text: str) -> bool:
    """Whether the element's text is one link to a tag or category ("byline__tag" holding
    "Personal finance"): a topic, not a person."""
    for link in node.css("a")[:BYLINE_LINKS]:
        if squash(link.text(deep=True) or "") == text:
            return bool(_TAXONOMY_LINK.search(link.attributes.get("href") or ""))
    return False


_TAXONOMY_LINK = lazy(r"/(?:tags?|category|categories|topics?|section)/", re.IGNORECASE)
def twitter_label_author(meta: dict[str, list[str]]) -> list[str]:
    """Yoast's ``twitter:label1`` "Written by" / ``twitter:data1`` "Jane Doe" pair."""
    for label_key, value_key in LABELLED_KEYS:
        label = first_value(meta, label_key)
        if label and BYLINE_LABEL.match(label.strip()):
            return clean_authors(meta.get(value_key, [])[:1])
    return []
