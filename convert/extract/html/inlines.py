"""Inline runs: whitespace, merging and trimming texts, formatting wrappers."""

from __future__ import annotations

import re

from convert.article import (Code, Emphasis, Image, Inline, LineBreak, Strikeout, Strong, Subscript,
                       Superscript, Text)
from convert.extract.ablation import rule
from convert.textutil import clean_text
from . import patterns as P
from ..lazyre import lazy

ABUTTING_SPANS = rule("abutting_spans", "two sibling inline elements with no space between, the "
                      "second opening a capitalised word ('<span>Help center</span><span>Let "
                      "customers'), are laid out apart: they read apart")
EDGE_SPACES = rule("edge_spaces", "a space at the edge of a link or formatting wrapper moves out "
                   "of it: 'One<a> media</a>' reads 'One media', not 'Onemedia'")

BLANK_WRAPPERS = rule("blank_wrappers", "a link or formatting wrapper holding only white space "
                      "reads as that space: 'recent<a> </a>rulings' reads 'recent rulings'")

# A run of white space reads as one space; zero-width spaces (U+200B) inside the run go with
# it. A zero-width space between two letters is kept, never widened: Thai, Khmer, Lao and
# Burmese mark word boundaries with it. A lone plain space is left out of the pattern:
# ``WS.sub(" ", text)`` gives the same string, without a replacement per word.
WS = lazy("[ \u200b]*[\t\n\r\f\v][ \t\n\r\f\v\u200b]*|\u200b+ [ \u200b]*| [ \u200b]+")


#: :data:`WS` on a text without zero-width spaces: a run of ASCII white space other than one
#: plain space. (WS can match an empty start, so its scan tries every position; this one
#: starts only at white space, and replaces the same runs: the whole run, from its start.)
_ASCII_WS = lazy("[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")


def spaced(text: str) -> str:
    """``WS.sub(" ", text)``, without the regex scan when it cannot change the text: every
    match holds two spaces in a row or a character that is not printable (tab, line break,
    zero-width space)."""
    if "  " not in text and text.isprintable():
        return text
    if not text.strip(" \t\n\r\x0b\x0c"):
        # White space alone (most such texts: the indentation between tags) is one run of
        # it, which the pattern turns into one space (the lone plain space left the line
        # above): without the regex call.
        return " "
    if "\u200b" in text:
        return WS.sub(" ", text)
    return _ASCII_WS.sub(" ", text)


def clean_spaced(text: str) -> str:
    """``clean_text(spaced(text))``, the builder's reading of every text node: a text that is
    printable and holds no two spaces in a row is left as it is by both (one test for the two;
    most texts are such)."""
    if "  " not in text and text.isprintable():
        return text
    return clean_text(spaced(text))


# Space, and zero-width space, at the ends of a paragraph or line shows nothing.
_LEADING = lazy(r"^[\s\u200b]+")
_TRAILING = lazy(r"[\s\u200b]+$")


def _strip(text: str) -> str:
    text = text.strip()
    if "\u200b" in text:  # rare: only then the slower pattern
        text = _TRAILING.sub("", _LEADING.sub("", text))
    return text


def normalize_inlines(items: list[Inline]) -> tuple[Inline, ...]:
    """Merge adjacent texts, collapse spaces, trim around the run and around line breaks."""
    if len(items) == 1 and isinstance(items[0], Text):  # the common case, short-cut
        item = items[0]
        text = _strip(item.text)
        if not text:
            return ()
        # (a text with nothing to strip is kept as it is: a node made again costs more)
        return (item,) if text is item.text and type(item) is Text else (Text(text),)
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            if merged and isinstance(merged[-1], Text):
                left, right = merged[-1].text, item.text
                if left.endswith(" ") and right.startswith(" "):  # a space hoisted by wrap()
                    right = right[1:]
                merged[-1] = Text(left + right)
                continue
        merged.append(item)
    out: list[Inline] = []
    for i, item in enumerate(merged):
        if isinstance(item, Text):
            text = item.text
            if i == 0 or isinstance(merged[i - 1], LineBreak):
                text = _LEADING.sub("", text) if "\u200b" in text else text.lstrip()
            if i == len(merged) - 1 or isinstance(merged[i + 1], LineBreak):
                text = _TRAILING.sub("", text) if "\u200b" in text else text.rstrip()
            if text:
                out.append(Text(text))
        else:
            out.append(item)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    while out and isinstance(out[0], LineBreak):
        out.pop(0)
    return tuple(out)


def has_text(items: tuple[Inline, ...]) -> bool:
    """Whether the inlines show anything: non-blank text or code, or an image."""
    for item in items:
        if isinstance(item, (Text, Code)):
            text = item.text
            if "\u200b" in text:
                text = text.replace("\u200b", "")
            if text and not text.isspace():  # (``text.strip()`` without the copy)
                return True
        elif isinstance(item, Image):
            return True
        elif not isinstance(item, LineBreak) and has_text(item.children):  # type: ignore
            return True
    return False


def run_has_text(run: list[Inline]) -> bool:
    """Whether a run under construction holds non-blank text."""
    return any(isinstance(i, Text) and i.text.replace("\u200b", "").strip() for i in run)


def text_in(items: list[Inline]) -> bool:
    """:func:`has_text` of a list."""
    return has_text(tuple(items))


def wrap(make, items: list[Inline]) -> list[Inline]:
    """``make(trimmed items)`` with the spaces that began or ended ``items`` moved outside it:
    the space of ``One<a> media</a>`` separates two words whether or not the link survives.
    A wrapper of white space alone is that space (``recent</a><a> </a><a>rulings``)."""
    inner = trim(items)
    if not inner and BLANK_WRAPPERS and any(isinstance(i, Text) and i.text.isspace()
                                            for i in items):
        return [Text(" ")]
    if not EDGE_SPACES or not inner:
        return [make(tuple(inner))]
    first, last = items[0], items[-1]
    out: list[Inline] = []
    if isinstance(first, Text) and first.text[:1].isspace():
        out.append(Text(" "))
    out.append(make(tuple(inner)))
    if isinstance(last, Text) and last.text[-1:].isspace():
        out.append(Text(" "))
    return out


def _edge_char(items: list[Inline] | tuple[Inline, ...], last: bool) -> str:
    """The first (or ``last``) character the inlines show; "" when an image, a line break or
    nothing stands at that edge."""
    for item in (reversed(items) if last else items):
        if isinstance(item, (Text, Code)):
            if item.text:
                return item.text[-1] if last else item.text[0]
            continue
        children = getattr(item, "children", None)
        if children is None:  # a line break or an image: no words meet there
            return ""
        char = _edge_char(children, last)
        if char:
            return char
    return ""


#: Elements whose text reads on as part of a word when set side by side (the formatting
#: wrappers mark a part of a sentence; a <span> or a link is as often a laid-out box).
_BOX_TAGS = frozenset({"span", "a", "label", "time", "small", "abbr", "cite", "font"})


def abutting(before: list[Inline], after: list[Inline], node) -> bool:  # noqa: ANN001
    """Whether the inlines of the element ``node`` (``after``) follow ``before`` with no space
    where a layout box must have set them apart: a ``<span>``/link/label element right after
    an element (no text node between) ending in a letter, digit or closing punctuation, and
    its text opens with a capital letter ("Help center" + "Let customers serve themselves",
    "Moisture-wicking" + "Sports bra"). Inside one word an element does not open with a
    capital after a lower-case letter, save in names split for styling, which are rare."""
    if not ABUTTING_SPANS or (node.tag or "-") not in _BOX_TAGS:
        return False
    prev = node.prev
    if prev is None or (prev.tag or "-").startswith("-") or (prev.tag or "-") not in _BOX_TAGS:
        return False  # a text node (or nothing) between, or after a wrapper: as written
    first = _edge_char(after, last=False)
    if not first or not (first.isupper() or first.isalnum() and _twins(prev, node)):
        return False
    last = _edge_char(before, last=True)
    if not first.isupper() and last.isalpha() and first.islower():
        return False  # a word split for styling ('Co' + 'rnell'): as written
    if last == "." and DOTTED_NAMES and _QUALIFIER.match(prev.text(deep=True)):
        return False  # an API signature's 'requests.' + 'Session': one qualified name
    return bool(last) and (last.isalnum() or last in ".!?:;,)]”\"'’") and not last.isspace()


DOTTED_NAMES = rule("dotted_names", "a span that is a lower-case dotted qualifier ('requests.', "
                    "'os.path.') followed by a capitalised span reads on as one qualified name "
                    "(an API signature's 'requests.Session'), not apart")
#: A module path ending in its dot: no space, opens lower case ('U.S.', 'Inc.', 'Done.' do not).
_QUALIFIER = lazy(r"^[a-z_][\w]*(?:\.[A-Za-z_]\w*)*\.$")


TWIN_SPANS = rule("twin_spans", "two abutting sibling inline elements of one tag and one class "
                  "list, each showing two characters or more, are the items of a row "
                  "('<span class=item>2026</span><span class=item>1h 54m</span>'): they read "
                  "apart, whatever letter the second opens with")

#: Each twin shows at least this many characters: a word split into one span per letter (an
#: animated heading) reads as one word.
TWIN_MIN_CHARS = 2


def _twins(prev, node) -> bool:  # noqa: ANN001
    """Whether ``node`` repeats its previous sibling ``prev``'s tag and class list (see
    :data:`TWIN_SPANS`)."""
    if not TWIN_SPANS or prev.tag != node.tag:
        return False
    cls = node.attributes.get("class")
    if not cls or not cls.strip() or prev.attributes.get("class") != cls:
        return False
    return len(prev.text(deep=True, strip=True)) >= TWIN_MIN_CHARS \
        and len(node.text(deep=True, strip=True)) >= TWIN_MIN_CHARS


def trim(items: list[Inline]) -> list[Inline]:
    """Strip the spaces at both ends of a wrapper's items (:func:`wrap` moves them outside)."""
    if items and isinstance(items[0], Text) and items[0].text.startswith(" "):
        items = [Text(items[0].text.lstrip()), *items[1:]]
    if items and isinstance(items[-1], Text) and items[-1].text.endswith(" "):
        items = [*items[:-1], Text(items[-1].text.rstrip())]
    return [i for i in items if not (isinstance(i, Text) and not i.text)]


WRAPPERS = {}
for _t in P.EMPHASIS_TAGS:
    WRAPPERS[_t] = Emphasis
for _t in P.STRONG_TAGS:
    WRAPPERS[_t] = Strong
for _t in P.STRIKE_TAGS:
    WRAPPERS[_t] = Strikeout
WRAPPERS["sup"] = Superscript
WRAPPERS["sub"] = Subscript
WRAPPERS["u"] = Emphasis
WRAPPERS["mark"] = Strong


HEADING_TOOLS = rule("heading_tools", "a heading's own tools leave it: a permalink glyph to its "
                     "anchor ('¶', '#', '🔗') and an '[edit]' / 'Edit on GitHub' link")

#: The text of a permalink to a heading's anchor: a glyph or a word for "link here".
_PERMALINK_TEXT = lazy(r"^\W*(?:[¶§#🔗⚓∞]|link|permalink|anchor|direct link)?\W*$", re.IGNORECASE)
#: The text of a link that edits the section or page.
_EDIT_TEXT = lazy(r"^\W*(?:edit(?: source| section| this (?:page|section)| on github)?)\W*$",
                  re.IGNORECASE)


SOURCE_LINKS = rule("source_links", "an API term's or heading's '[source]' link (to the code "
                    "that defines it) is one of its tools and leaves it")
#: The text of a documentation generator's link to an object's source code, its brackets shown.
_SOURCE_TEXT = lazy(r"^\[(?:source|src|view source)\]$", re.IGNORECASE)


HEADING_TOP_LINKS = rule("heading_top_links", "a heading's 'top' / 'back to top' / '↑' link "
                         "to an anchor of the page (a man page's or FAQ's section heading) is "
                         "one of its tools and leaves it")
#: The text of a link back to the page's top.
_TOP_TEXT = lazy(r"^\W*(?:(?:back\s+)?to\s+)?top\W*$|^[↑⇑▲^]$", re.IGNORECASE)


def strip_heading_tools(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A heading's inlines without the heading's own tools at its start or end: a link to the
    heading's anchor whose text is a glyph ("¶", "#"), and an edit link ("[edit]", "Edit on
    GitHub"), with the brackets around it. A heading that is nothing else stays as it is."""
    if not HEADING_TOOLS or len(items) < 2:
        return items
    out = list(items)
    for last in (True, False):
        edge, inner = (-1, -2) if last else (0, 1)
        while len(out) > 1:
            if _bracket(out[edge]) and _tool_link(out[inner]):
                del out[edge]  # "]" after the tool at the end, "[" before it at the start
            elif _tool_link(out[edge]):
                del out[edge]
                if out and isinstance(out[edge], Text):
                    text = out[edge].text.rstrip(" \xa0[(") if last else out[edge].text.lstrip(" \xa0])")
                    if text:
                        out[edge] = Text(text)
                    else:
                        del out[edge]
            else:
                break
    if len(out) == len(items) or not has_text(tuple(out)):
        return items
    return tuple(out)


HEADING_SELF_LINKS = rule("heading_self_links", "a heading or term that is all one link to an "
                          "anchor on the page (its own permalink) is its text, not a link")


def unwrap_self_link(items: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A heading's (or a definition term's) inlines without the link around all of them when
    that link points at an anchor of this page (``href="#syntax"``): documentation generators
    wrap each heading in its own permalink, which in Markdown reads ``## [Syntax](#syntax)``."""
    from convert.article import Link
    if not HEADING_SELF_LINKS:
        return items
    core = [i for i in items if not (isinstance(i, Text) and not i.text.strip())]
    if len(core) != 1 or not isinstance(core[0], Link) or not core[0].url.startswith("#"):
        return items
    inner = tuple(core[0].children)
    return inner if has_text(inner) else items


def holds_code(items: tuple[Inline, ...]) -> bool:
    """Whether code is among the inlines (at any depth): a line holding code is the page's
    own text, never a toolbar or a boilerplate line (a docs page's "print()", "--edit")."""
    return any(isinstance(c, Code) or holds_code(getattr(c, "children", ())) for c in items)


def _bracket(item: Inline) -> bool:
    return isinstance(item, Text) and not item.text.strip(" []()")


def tool_link(item: Inline) -> bool:
    """Whether the inline is one of a heading's tools: a permalink glyph, an edit, a source
    or a back-to-top link."""
    return _tool_link(item)


def _tool_link(item: Inline) -> bool:
    from convert.article import Link
    from convert.textutil import inline_text
    if not isinstance(item, Link):
        return False
    text = inline_text(item.children).strip()
    if _EDIT_TEXT.match(text) or SOURCE_LINKS and _SOURCE_TEXT.match(text):
        return True
    if HEADING_TOP_LINKS and item.url.startswith("#") and _TOP_TEXT.match(text):
        return True
    return "#" in item.url and len(text) <= 20 and bool(_PERMALINK_TEXT.match(text))
