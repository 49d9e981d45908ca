"""A heading element's text as it reads: inline markup joined as written, a leading label
badge dropped, entities escaped twice decoded, a permalink symbol at its end; and whether it
is drawn for screen readers only.

Used by :mod:`convert.extract.html.meta` for the ``<h1>`` and post headings that
:mod:`.title` chooses among.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.textutil import clean_text, squash
from convert.extract.ablation import rule
from ...lazyre import lazy
from ..dom import under_any

HIDDEN_HEADING_TEXT = rule(
    "hidden_heading_text", "words inside a heading drawn for screen readers only ('Collection: "
    "' before a shop's collection name) are not part of the headline a reader sees")
HEADING_BUTTONS = rule(
    "heading_buttons", "a <button> inside a heading (an API page's 'Copy item path', a "
    "'Copy link' beside a title) is a control, not words of the headline; a heading that is "
    "nothing but its button keeps the button's words")
SR_ONLY_H1 = rule("sr_only_h1", "a screen-reader-only <h1> is no visible headline to fall "
                  "back on")

#: Elements that break a heading's words apart (the rest are inline and join as written).
_SPACED = frozenset({"br", "p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
                     "img", "svg", "hr"})
_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "title"})
#: A badge before a forum thread's title ("[Question] Want to know..."), arXiv's "Title:".
_LABEL_CLASS = lazy(r"^(?:label|descriptor|prefix|badge)$")
KICKER_IN_HEADING = rule(
    "kicker_in_heading", "a kicker set inside the <h1> before the headline (<span class="
    "\"kicker\">Exclusive</span>, an 'eyebrow', German 'Dachzeile') is a label over the "
    "headline, not its first words")
#: A class naming a kicker, as a whole token or its last part ("article__kicker").
_KICKER_CLASS = lazy(r"(?:^|[-_])(?:kicker|eyebrow|overline|topline|dachzeile|surtitre)$",
                     re.IGNORECASE)
_ENTITY = lazy(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.IGNORECASE)
#: A heading's permalink anchor rendered as a symbol ("Title ¶", Sphinx's "Title \uf0c1"), or
#: as a zero-width space that an icon font or CSS draws over (VitePress' and Docusaurus'
#: "Title <a class=header-anchor>\u200b</a>").
HEADER_LINK = lazy(r"[\s\u200b-\u200d\u2060\ufeff]*[¶§🔗\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]+$"
                   r"|\s+#$")


def heading_text(node: LexborNode) -> str:
    """A heading's text as it reads: inline markup joined as written ("Metroid</a>, One" stays
    "Metroid, One"), line breaks and blocks as spaces, a leading label badge dropped, words
    drawn for screen readers only left out ("<span class=visually-hidden>Collection: </span>
    Sennheiser", unless they are all the heading says), and entities escaped twice by the
    template ("SQL &amp;#x26; AI") decoded."""
    skip = _leading_label(node)
    parts: list[str] = []
    hidden: set[int] = set()
    unseen: list[str] = []
    controls: set[int] = set()
    pressed: list[str] = []
    for kid in node.traverse(include_text=True):
        tag = kid.tag
        if tag == "-text":
            parent = kid.parent
            if parent is not None and (parent.tag in _NOT_TEXT or parent.mem_id == skip):
                continue
            if hidden and under_any(kid, hidden, node):
                unseen.append(kid.text_content or "")
                continue
            if controls and under_any(kid, controls, node):
                pressed.append(kid.text_content or "")
                continue
            parts.append(kid.text_content or "")
        elif tag == "button" and HEADING_BUTTONS and kid.mem_id != node.mem_id:
            # (a button's label is what it does, "Copy item path", not the title's words)
            controls.add(kid.mem_id)
        elif tag in _SPACED and kid.mem_id != node.mem_id:
            parts.append(" ")
        elif HIDDEN_HEADING_TEXT and kid.mem_id != node.mem_id and _SR_ONLY.search(
                kid.attributes.get("class") or ""):
            hidden.add(kid.mem_id)
    if pressed and not "".join(parts).strip():
        parts = pressed  # (an accordion's heading is its button: its words are the title)
    if unseen and not "".join(parts).strip():
        parts = unseen  # (a heading for screen readers only: its words are all it has)
    text = squash(clean_text("".join(parts)))
    if not text:
        return ""
    if not _ENTITY.search(text):
        return text
    import html  # (here: its entity table costs every run that has no entity to decode)
    return html.unescape(text)


def _has_element_child(node: LexborNode) -> bool:
    kid = node.child
    while kid is not None:
        if not (kid.tag or "-").startswith("-"):
            return True
        kid = kid.next
    return False


def has_leading_label(node: LexborNode) -> bool:
    """Whether a heading opens with a label badge or a kicker that its text leaves out."""
    return _leading_label(node) is not None


def _leading_label(node: LexborNode) -> int | None:
    """The ``mem_id`` of a badge element opening the heading, when text follows it."""
    first = node.child
    while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
        first = first.next
    if first is None or first.tag not in ("span", "em", "strong", "small", "b"):
        return None
    classes = (first.attributes.get("class") or "").split()
    if not any(_LABEL_CLASS.match(c) or KICKER_IN_HEADING and _KICKER_CLASS.search(c)
               for c in classes) or _has_element_child(first):
        return None
    rest = (node.text(deep=True) or "").replace(first.text(deep=True) or "", "", 1)
    return first.mem_id if rest.strip(" \u00a0:") else None


_SR_ONLY = lazy(r"sr-only|screen-?reader|visually-?hidden|visuallyhidden|a11y-hidden",
                re.IGNORECASE)


def screen_reader_only(node: LexborNode) -> bool:
    """Whether an element is drawn for screen readers only (``sr-only``, ``visually-hidden``)."""
    return SR_ONLY_H1 and bool(_SR_ONLY.search(node.attributes.get("class") or ""))
