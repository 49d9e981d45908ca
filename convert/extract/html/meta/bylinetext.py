"""Authors: the byline read as text ("By Jane Doe" lines, "Author(s)" labels), and the text
helpers the byline elements' reading shares (split out of :mod:`.byline`)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.textutil import squash
from convert.extract.bylines import BYLINE_LABEL, BYLINE_TEXT, LABEL_WORDS
from convert.extract.dates import text_date
from . import names as author_names
from .names import AUTHOR_MAX_CHARS, AUTHOR_MIN_CHARS, before_on_date, clean_authors
from .readers import reader_block
from ..dom import has_child_tag
from convert.extract.ablation import rule
from convert.extract.lazyre import lazy

BY_LINK_NAME = rule("by_link_name", "a 'By <a>Jane Doe</a> View in digital edition' line "
                    "names the linked person")
BYLINE_LEADS_META = rule(
    "byline_leads_meta", "a long post-meta line that opens with a byline ('By Anna Berg · "
    "Updated: ... · Published: ... · This post may contain affiliate links') names the author "
    "in its first part")
_META_SEP = lazy(r"\s+[·•|—–]\s+")
SR_ONLY_BYLINE = rule("sr_only_byline", "a byline element's screen-reader-only text (an "
                      "icon link's 'Post', 'Author:') is no part of the name it shows")
_SR_CLASSES = ('[class*="sr-only"], [class*="screen-reader"], [class*="visually-hidden"], '
               '[class*="visuallyhidden"]')


def _shown_text(node: LexborNode, separator: str = " ") -> str:
    """The element's text (words set apart) without what only screen readers read: a forum's
    "<a><span class=sr-only>Post</span></a><span>by</span> <a>tinkerer42</a>" shows
    "by tinkerer42", and read whole it names "Post" the author."""
    hidden = node.css(_SR_CLASSES) if SR_ONLY_BYLINE else []
    if not hidden:
        return node.text(deep=True, separator=separator)
    skip = {h.mem_id for h in hidden}
    parts = []
    for text in node.traverse(include_text=True):
        if text.tag != "-text":
            continue
        up = text.parent
        while up is not None and up.mem_id != node.mem_id and up.mem_id not in skip:
            up = up.parent
        if up is None or up.mem_id == node.mem_id:
            parts.append(text.text_content or "")
    return separator.join(parts)


LABELLED_AUTHOR_LIST = rule("labelled_author_list", "an 'Author(s)' or 'Authors' label over a "
                            "list (<ul>, <ol>) names each item as an author")
#: The labels of an author list ("Author(s)" of a library's or a report's metadata panel).
_LIST_LABEL = lazy(r"^(?:authors?|author\(s\)|contributors?)$", re.IGNORECASE)
#: The lengths of the texts :data:`BYLINE_LABEL` and :data:`_LIST_LABEL` can match: a case-blind
#: match takes one character for each of the word's, so a text of another length (nearly
#: every text :func:`_byline_text` reads: squashed, it holds no line break for ``$`` to stop
#: before) is no label, known without the two regex calls.
_LABEL_LENGTHS = frozenset(len(w) for w in (*LABEL_WORDS, "author", "authors", "author(s)",
                                            "contributor", "contributors"))
#: Items of a labelled list read as authors (a paper's list of writers; more is a directory).
LIST_AUTHORS_MAX = 12
#: Text blocks read for a "By ..." line (a bound on long pages; the byline is near the top).
BYLINE_TEXT_BLOCKS = 3000
#: ...whose texts, read whole, hold at most this many characters together: a list nested a
#: thousand deep holds the rest of the page in each item (the corpus's most is 1.45 M).
BYLINE_TEXT_WORK = 16_000_000
#: A block's raw text (whitespace unsquashed) longer than this cannot squash to a byline...
BYLINE_RAW_MAX = 400
#: ...which is at most this many characters ("By Jane Doe and John Roe, Staff Writers").
BYLINE_TEXT_MAX = 70


def _byline_text(tree: LexborHTMLParser) -> list[str]:
    """A visible "By Jane Doe" line (a short text block starting with a byline word)."""
    body = tree.body
    if body is None:
        return []
    work = 0
    for node in body.css("p, span, div, li, address, em, strong, small, h2, h3, h4, h5, h6"
                         )[:BYLINE_TEXT_BLOCKS]:
        if node.child is None or node.tag == "div" and node.child.next is not None and (
                _has_block_child(node)):
            continue
        raw = node.text(deep=True, separator=" ")
        work += len(raw)
        if work > BYLINE_TEXT_WORK:
            break
        if len(raw) > BYLINE_RAW_MAX or not raw.strip():
            # (whitespace is squashed only on texts that can be short enough)
            continue
        text = squash(raw)
        if len(text) > BYLINE_TEXT_MAX and BYLINE_LEADS_META and text[:1] in _BYLINE_FIRST:
            # "By Anna Berg · Updated: Mar 5, 2024 · Published: ... · This post may contain
            # affiliate links": a post's meta line led by its byline; the byline is its first
            # part.
            text = _META_SEP.split(text, 1)[0]
        if len(text) > BYLINE_TEXT_MAX:
            continue
        label = text.rstrip(" :")
        if len(label) in _LABEL_LENGTHS and (BYLINE_LABEL.match(label) or LABELLED_AUTHOR_LIST
                                             and _LIST_LABEL.match(label)):
            # A "Written by" label with the name in the next element.
            sib = node.next
            while sib is not None and (sib.tag or "-").startswith("-"):
                sib = sib.next
            if LABELLED_AUTHOR_LIST and sib is not None and sib.tag in ("ul", "ol"):
                # "Author(s)" over a list: each item is one author (their text run together
                # would read as one long name).
                names = clean_authors([squash(item.text(deep=True, separator=" "))
                                       for item in sib.css("li")[:LIST_AUTHORS_MAX]])
                if names and not _in_comments_or_menu(node):
                    return names
                continue
            if not BYLINE_LABEL.match(label):
                continue
            name = squash(sib.text(deep=True, separator=" ")) if sib is not None else ""
            if AUTHOR_MIN_CHARS <= len(name) <= AUTHOR_MAX_CHARS and not _in_comments_or_menu(
                    node):
                names = clean_authors([name])
                if names:
                    return names
            continue
        # (a squashed text starts with its first word: :data:`BYLINE_TEXT` needs it to be one
        # of the byline words, whose first letters are few)
        m = text[:1] in _BYLINE_FIRST and BYLINE_TEXT.match(text) or _after_dateline(text) or (
            MORE_BYLINE_WORDS and text[:1] in _MORE_FIRST and _MORE_BYLINE.match(text))
        # (a lower-case handle is a name when its dateline follows: "by randfish on
        # November 7, 2010"; else "by the way" is no byline)
        if m and (_capital(m.group(1)[:1]) or author_names.BY_ON_DATE and before_on_date(
                m.group(1)) != m.group(1)) and not _in_comments_or_menu(node):
            names = clean_authors([m.group(1)])
            if not names and BY_LINK_NAME:
                # "By <a>A. J. Neal</a> View In Digital Edition": the name is the link
                # right after the byline word.
                link = node.css_first("a")
                link_text = squash(link.text(deep=True) or "") if link is not None else ""
                if link_text and m.group(1).startswith(link_text):
                    names = clean_authors([link_text])
            if not names and BYLINE_FIRST_LINE and node.css_first("br") is not None:
                # "By Anna Berg<br>Staff Writer": the name's line, without the role's
                first = squash(_shown_text(node, "\n").strip().split("\n")[0])
                m = BYLINE_TEXT.match(first) if first != text else None
                names = clean_authors([m.group(1)]) if m else []
            if names:
                return names
    return []


def _capital(char: str) -> bool:
    """Whether a name's first letter is a capital, or a letter of a script without case."""
    return char.isupper() or char.isalpha() and char.lower() == char.upper()


BYLINE_FIRST_LINE = rule(
    "byline_first_line", "a 'By' line broken after the name ('By Anna Berg<br>Staff Writer') "
    "names the person of its first line, the role's words on the next")
MORE_BYLINE_WORDS = rule(
    "more_byline_words", "a line opened by 'Story by', 'Text by', 'Reporting by' or a Cyrillic "
    "or CJK author label ('Автор:', '作者：') is a byline line, as one opened by 'By' is")
_MORE_BYLINE = lazy(r"^\s*(?:(?:story|text|reporting)\s+by\s*:?|(?:автор|作者|记者|記者)\s*[:：])"
                    r"\s*(\S.{1,60})$", re.IGNORECASE)
_MORE_FIRST = frozenset("sStTrRаА作记記")


DATE_THEN_BY = rule("date_then_by", "a dateline line going on with the byline ('Feb 6, 2025 "
                   "By Jane Doe') names the author")
#: The dateline before a byline in one line is at most this many characters.
DATELINE_PREFIX_MAX = 40
_BY_INSIDE = lazy(r"\s(?:by|By|BY)\s")
#: The letters a :data:`BYLINE_TEXT` match of a text without leading white space starts with:
#: the first of its words (by, written by, posted by, words by, von, par, por, door, av,
#: author(s), contributor(s), autor(in/en), auteur(s)), in either case (none of them has
#: another character IGNORECASE matches).
_BYLINE_FIRST = frozenset("abcdpvwABCDPVW")


def _after_dateline(text: str) -> re.Match | None:
    """The byline of a line that opens with the date: "Feb 6, 2025 By Jane Doe", "Updated
    Sep 5, 2024 · by Jane Doe"."""
    if not DATE_THEN_BY:
        return None
    # (``text`` is squashed: its white space is single spaces, so the pattern's match is one
    # of these, found by C substring tests on most lines, which hold none)
    if " by " not in text and " By " not in text and " BY " not in text:
        return None
    m = _BY_INSIDE.search(text)
    if m is None or m.start() > DATELINE_PREFIX_MAX or not text_date(text[:m.start()]):
        return None
    return BYLINE_TEXT.match(text[m.start():].lstrip())


#: Comment authors and menu labels ("BY USE CASE") are not the article's byline.
_NOT_BYLINE_ZONE = lazy(r"comment|dropdown|menu|\bnav", re.IGNORECASE)
#: How far up a byline's comment section or menu is looked for.
BYLINE_ZONE_DEPTH = 6


def _in_comments_or_menu(node: LexborNode) -> bool:
    if reader_block(node):
        return True  # (a customer's review or a reader's comment names its own writer)
    for _ in range(BYLINE_ZONE_DEPTH):
        if node is None or node.tag in ("body", "article", "main"):
            return False
        if node.tag == "nav" or _NOT_BYLINE_ZONE.search(node.attributes.get("class") or ""):
            return True
        node = node.parent
    return False


_BLOCK_CHILD = frozenset({"div", "p", "ul", "ol", "li", "section", "article", "header",
                          "footer", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "form"})


def _has_block_child(node: LexborNode) -> bool:
    return has_child_tag(node, _BLOCK_CHILD)
