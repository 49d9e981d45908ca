"""Inline runs: whitespace, merging and trimming texts, formatting wrappers."""

from __future__ import annotations

from convert.article import (Code, Emphasis, Image, Inline, LineBreak, Strikeout, Strong, Subscript,
                       Superscript, Text)
from . import patterns as P
from ..lazyre import lazy

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
    if "\u200b" in text:
        return WS.sub(" ", text)
    return _ASCII_WS.sub(" ", text)


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
        text = _strip(items[0].text)
        return (Text(text),) if text else ()
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + item.text)
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


def trim(items: list[Inline]) -> list[Inline]:
    """Move leading/trailing spaces out of a wrapper is not possible here; strip them instead."""
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
