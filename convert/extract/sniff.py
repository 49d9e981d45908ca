"""Decide from the bytes alone whether an input is an HTML page, a text dump or decruft JSON.

``--from auto`` must not trust file names (``page.txt`` is often HTML, stdin has no name), so
the decision looks only at the start of the content: BOMs and UTF-16 are undone, leading
whitespace, comments and an XML declaration are skipped, and then

- ``{`` with ``"schema": "decruft.article"`` near the start is a decruft JSON document;
- a doctype or one of the tags a page starts with (``<html``, ``<head``, ``<body``, ``<meta``,
  ...) is HTML, as is input that starts with a tag and is largely markup, or text with stray
  lines before an ``<html>``/``<body>`` tag;
- anything else is a plain-text dump.
"""

from __future__ import annotations

import re

from .decode import unicode_encoding
from .lazyre import lazy

#: How much of the input is looked at.
SNIFF_BYTES = 65536

_SKIP = lazy(r"\A(?:\s+|<!--.*?-->|<\?xml[^>]*\?>)*", re.DOTALL)
_DOCTYPE = lazy(r"<!doctype\s+html", re.IGNORECASE)
_PAGE_START = lazy(
    r"<(?:html|head|body|meta|title|link|script|style|div|p|table|article|section|header|nav|"
    r"main|h[1-6]|span|a|ul|ol|br|img|form|iframe|center|font|frameset|base|noscript)[\s>/]",
    re.IGNORECASE)
_TAG = lazy(r"</?[a-zA-Z][a-zA-Z0-9-]{0,20}(?:\s[^<>]{0,400})?/?>")
_SCHEMA = lazy(r'"schema"\s*:\s*"decruft\.article"')


def _text_head(data: bytes) -> str:
    """The start of the input as text, good enough to look at its markup."""
    head = data[:SNIFF_BYTES]
    found = unicode_encoding(head)
    if found:
        name, skip = found
        return head[skip:].decode(name, "replace")
    # Any ASCII-compatible encoding will do: only markup and JSON punctuation are looked at.
    return head.decode("utf-8", "replace")


def sniff_kind(data: bytes) -> str:
    """``"html"``, ``"text"`` or ``"json"`` for the given input bytes."""
    text = _text_head(data)
    start = _SKIP.match(text)
    rest = text[start.end():] if start else text
    if rest.startswith("{") and _SCHEMA.search(rest[:4096]):
        return "json"
    if _DOCTYPE.match(rest) or _PAGE_START.match(rest):
        return "html"
    # A fragment or a page with text before its first tag: count the markup.
    window = rest[:8192]
    tags = _TAG.findall(window)
    names = {t.strip("</>").split()[0].lower() for t in tags if t.strip("</>").split()}
    # Text dumps of programming articles quote markup, but they start with text; a fragment
    # of HTML starts with a tag.
    if rest.startswith("<") and len(tags) >= 5 and len(names) >= 2 \
            and sum(len(t) for t in tags) > 0.2 * len(window):
        return "html"
    # A page with a stray line or two (a header a tool left) before its <html> tag.
    if re.search(r"<(?:!doctype\s+html|html|body)[\s>]", rest[:512], re.IGNORECASE) and len(tags) >= 3:
        return "html"
    return "text"
