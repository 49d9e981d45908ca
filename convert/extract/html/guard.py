"""Input guards that keep extraction linear on hostile markup.

HTML5 tree construction looks through the stack of open elements for every tag, so a page
nested 100 000 levels deep costs quadratic time in any conformant parser (lexbor included:
20 000 nested ``<div>`` take 1.4 s, 100 000 over a minute). Browsers cap the depth (Blink at
512) by flattening; :func:`cap_nesting` does the same on the markup before parsing: start and
end tags beyond :data:`MAX_NESTING` are dropped, the text between them is kept.

Lexbor also checks each new attribute against the element's others, so one element with
100 000 attributes costs quadratic time (measured: 10k attributes 0.4 s, 40k 4.7 s).
:func:`cap_attributes` keeps the first :data:`MAX_ATTRIBUTES` of such an element.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from ..lazyre import lazy

#: Deeper elements are flattened into their ancestor at this depth (text kept).
MAX_NESTING = int(os.environ.get("DECRUFT_MAX_NESTING", 1500))
#: Pages with fewer tags than this cannot be that deep; they skip the scan.
SCAN_MIN_TAGS = 1500

# Start and end tags by name only: a trailing "/>" does not close a non-void HTML element.
_TAG = lazy(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)")
# Void elements and those whose end tag is implied by a sibling never deepen the tree.
_FLAT = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td",
    "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp", "html", "head", "body", "basefont",
    "bgsound", "frame", "image", "isindex", "nextid", "menuitem", "colgroup", "caption",
})


def cap_nesting(html: str, limit: int = MAX_NESTING) -> str:
    """``html`` with elements nested deeper than ``limit`` unwrapped; unchanged if none are."""
    if html.count("<", 0, 5_000_000) < SCAN_MIN_TAGS and html.count("<") < SCAN_MIN_TAGS:
        return html
    if _shallow(html, limit):
        return html
    depth = 0
    deepest = 0
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _FLAT:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    if deepest <= limit:
        return html
    out: list[str] = []
    pos = 0
    depth = 0
    dropped: dict[str, int] = {}
    for m in _TAG.finditer(html):
        name = m.group(2).lower()
        if name in _FLAT:
            continue
        if m.group(1):
            if dropped.get(name):
                dropped[name] -= 1
                end = html.find(">", m.end())
                out.append(html[pos:m.start()])
                pos = len(html) if end < 0 else end + 1
            else:
                depth = max(0, depth - 1)
        elif depth >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            end = html.find(">", m.end())
            end = len(html) if end < 0 else end + 1
            out.append(html[pos:m.start()])
            out.append(" ")
            pos = end
        else:
            depth += 1
    out.append(html[pos:])
    return "".join(out)


#: Tag names are counted in chunks of about this many characters by :func:`_shallow`.
_CHUNK = 4096
_NAME = lazy(r"<(/?[a-zA-Z][a-zA-Z0-9:-]*)")


@lru_cache(maxsize=1024)
def _step(name: str) -> int:
    """+1 for a start tag that deepens the tree, -1 for its end tag, 0 for the others."""
    if name[0] == "/":
        return 0 if name[1:].lower() in _FLAT else -1
    return 0 if name.lower() in _FLAT else 1


def _shallow(html: str, limit: int) -> bool:
    """Whether the depth :func:`cap_nesting` measures surely stays within ``limit``, from tag
    counts per chunk (counted in C) instead of a Python step per tag.

    Within a chunk of ``s`` deepening start tags and ``e`` matching end tags entered at depth
    ``d``, the depth never exceeds ``d + s`` and ends at most at ``max(d + s - e, s)`` (an end
    tag at depth 0 is ignored). Chunks end before a ``<``, so no tag is cut in two. ``False``
    only means "measure exactly"."""
    depth = 0
    pos = 0
    size = len(html)
    while pos < size:
        end = html.find("<", pos + _CHUNK)
        if end < 0:
            end = size
        starts = ends = 0
        for name, count in Counter(_NAME.findall(html, pos, end)).items():
            step = _step(name)
            if step > 0:
                starts += count
            elif step < 0:
                ends += count
        if depth + starts > limit:
            return False
        depth = max(depth + starts - ends, starts)
        pos = end
    return True


#: Attributes kept per element; real markup stays far below (a few dozen at most).
MAX_ATTRIBUTES = int(os.environ.get("DECRUFT_MAX_ATTRIBUTES", 512))
#: Tags shorter than this cannot hold that many attributes; only longer ones are examined.
_LONG_TAG = lazy(r"<[a-zA-Z][a-zA-Z0-9:-]*\s[^<>]{4096,}>")
_ATTRIBUTE = lazy(r"""\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


#: :func:`_long_tag_starts` looks for stretches free of ``<`` and ``>`` on a grid of this
#: step: a long tag's attributes (at least 4096 characters, none of them ``<`` or ``>``, the
#: length :data:`_LONG_TAG` asks for) cover at least one whole grid cell, as any run of
#: ``2 * step - 1`` characters does.
_GRID = 2048


def _long_tag_starts(html: str) -> list[int]:
    """The positions of the ``<`` that may open a tag :data:`_LONG_TAG` matches, in order: for
    each grid cell holding neither ``<`` nor ``>``, the last ``<`` before it. Every match of
    the pattern starts at one of them (its attributes cover a free cell, and its ``<`` is the
    last one before that cell), and matches never overlap (a match holds no ``<`` but its
    first), so matching at these positions finds what a scan of the whole page finds. A
    typical page has a ``<`` in every cell: a ``find`` per cell (C, and it stops at the first
    one) instead of a regex stepping through every character of every tag."""
    starts: list[int] = []
    size = len(html)
    # The stretch before a free cell is searched back only to where the last search ended,
    # so a long run of free cells (a big JSON script) is not searched again for each.
    scanned = 0
    for cell in range(0, size - _GRID + 1, _GRID):
        end = cell + _GRID
        if html.find("<", cell, end) >= 0 or html.find(">", cell, end) >= 0:
            continue
        found = html.rfind("<", scanned, cell)
        scanned = end  # (the cell holds no "<")
        if found >= 0:
            # (none found: the last "<" is the one listed for the free cell before)
            starts.append(found)
    return starts


def cap_attributes(html: str, limit: int = MAX_ATTRIBUTES) -> str:
    """``html`` with attributes beyond ``limit`` dropped from any one start tag."""
    if len(html) < 4096 * 2:
        return html

    def trim(tag: str) -> str:
        """The start tag with its attributes beyond the cap dropped."""
        name_end = re.match(r"<[a-zA-Z][a-zA-Z0-9:-]*", tag).end()  # type: ignore[union-attr]
        kept, pos = [], name_end
        for _ in range(limit):
            a = _ATTRIBUTE.match(tag, pos, len(tag) - 1)
            if a is None or a.end() == pos:
                break
            kept.append(a.group(0))
            pos = a.end()
        else:
            return tag[:name_end] + "".join(kept) + ">"
        return tag

    # The page is rebuilt only when a tag was cut.
    out: list[str] = []
    pos = 0
    for start in _long_tag_starts(html):
        m = _LONG_TAG.match(html, start)
        if m is None:
            continue
        tag = m.group(0)
        cut = trim(tag)
        if cut is not tag:
            out.append(html[pos:m.start()])
            out.append(cut)
            pos = m.end()
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)
