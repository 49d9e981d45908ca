"""Cheap signals of what kind of page an HTML page is, and how much text it shows.

Everything here reads the raw markup with a handful of literal-prefixed regular expressions
and the untouched parse with a few C-level queries: no walk over the tree in Python, so the
cost stays a small share of an extraction. The signals are a sparse ``{name: value}`` mapping
(log counts, flags) that :mod:`.pagetype` and :mod:`.confidence` weigh.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any, Mapping

from selectolax.lexbor import LexborHTMLParser

from . import vocab as V
from .results_marks import results_marks
from .structure_signals import elements, structure_signals
from .url_signals import url_signals
from ... import regexcache

__all__ = ["html_signals", "cascade_signals", "page_text_chars"]

_TAG = regexcache.compile(r"<([a-z][a-z0-9]{0,9})")
_CLASS = regexcache.compile(r'class="([^"]*)"')
_LD_TYPE = regexcache.compile(r'"@type"\s*:\s*(\[[^\]]{0,300}\]|"[^"]{1,60}")')
_ITEMTYPE = regexcache.compile(r'itemtype="https?://schema\.org/([A-Za-z]{2,40})"')
_QUOTED = regexcache.compile(r'"([^"]+)"')
_DOLLARS = regexcache.compile(r"\$ ?\d")
_WORD = regexcache.compile(r"\w+")
_SPLIT = str.maketrans("-_", "  ")

#: Only this much markup is read for class words and phrases: a page's kind shows early, and
#: a 20 MB page must not cost more than a normal one.
SCAN_CHARS = 400_000
#: Metadata fields whose presence is a signal (an article declares its date and authors).
DECLARED = ("published", "authors", "description", "section", "tags")


def _log(n: float) -> float:
    return math.log1p(n)


def html_signals(markup: str, tree: LexborHTMLParser, url: str | None,
                 title: str | None = None,
                 fields: Mapping[str, Any] | None = None,
                 metas: list | None = None, found: dict | None = None) -> dict[str, float]:
    """The page-level signals of ``markup`` (``tree`` is its untouched parse; ``title`` the
    page's title and ``fields`` the metadata as the metadata extractor found them; ``metas``
    the page's ``<meta>`` elements, and ``found`` :func:`.structure_signals.elements` of its
    body, when the caller found them)."""
    out: dict[str, float] = {}
    for name in DECLARED:
        if fields and fields.get(name):
            out["decl:" + name] = 1.0
    if title:
        for word in _WORD.findall(title.lower()):
            if word in V.TITLE_WORDS:
                out["title:" + word] = 1.0
    head = markup[:SCAN_CHARS]
    # (``.get``: a Counter's ``[]`` of a missing key calls ``__missing__``, a Python method)
    tags = Counter(_TAG.findall(head)).get
    for tag in V.TAGS:
        n = tags(tag)
        if n:
            out["tag:" + tag] = _log(n)

    for m in _LD_TYPE.finditer(markup):
        for name in _QUOTED.findall(m.group(1)):
            name = name.rsplit("/", 1)[-1].lower()
            if name in V.SCHEMA_TYPES:
                out["ld:" + name] = 1.0
    for name in _ITEMTYPE.findall(head):
        if name.lower() in V.SCHEMA_TYPES:
            out["ld:" + name.lower()] = 1.0
    if metas is None:
        og = tree.css_first('meta[property="og:type"]')
    else:
        # (the selector compares ``property`` case-sensitively, as == does: the HTML rules
        # that fold the case of some attributes' values do not list it)
        og = next((m for m in metas if m.attrs.get("property") == "og:type"), None)
    if og is not None:
        value = (og.attributes.get("content") or "").strip().lower()
        kind = value.split(".", 1)[0].split(":", 1)[0]
        out["og:" + (kind if kind in ("article", "product", "website", "profile", "video",
                                      "book", "music", "place", "business") else "other")] = 1.0

    classes = _CLASS.findall(head)
    words = Counter(" ".join(classes).lower().translate(_SPLIT).split()).get
    for word in V.CLASS_WORDS:
        n = words(word)
        if n:
            out["cls:" + word] = _log(n)

    # Repeated structures: the same class value on many elements (cards, posts, rows).
    repeats = Counter(classes)
    many = [n for value, n in repeats.items() if n >= 5 and value]
    if many:
        out["repeat:kinds"] = _log(len(many))
        out["repeat:max"] = _log(max(many))
    # Currency signs (a literal search each: a character class would scan the page slowly;
    # each counted only when there: ``in`` scans for an absent one much faster than a count).
    prices = len(_DOLLARS.findall(head)) if "$" in head else 0
    if "€" in head:
        prices += head.count("€")
    if "£" in head:
        prices += head.count("£")
    if prices:
        out["price"] = _log(prices)
    # (both declarations hold ``price"``: most pages have neither, and are read once)
    declared = head.count('itemprop="price"') + head.count('"price":') if 'price"' in head else 0
    if declared:
        out["price:declared"] = _log(declared)

    out["page:markup"] = _log(len(markup))
    # (one selector walk finds what both read)
    if found is None:
        found = elements(tree.body) if tree.body is not None else None
    text = page_text_chars(tree, found["unseen"] if found is not None else None)
    out["page:text"] = _log(text)
    out.update(structure_signals(tree, text, found))
    out.update(url_signals(url))
    # (marks the model has no weight for: :func:`convert.extract.assess.page_type` reads them)
    out.update(results_marks(markup, tree, out,
                             found["link"] if found is not None else None))
    return out


def page_text_chars(tree: LexborHTMLParser, unseen: list | None = None) -> int:
    """Visible characters of the page's body (script and style text left out; ``unseen``:
    the body's script, style, noscript and template elements, when the caller has them)."""
    # (imported here: the html package imports this module from its pipeline)
    from convert.extract.html.measure import visible_chars

    body = tree.body
    if body is None:
        return 0
    total = visible_chars(body.text(deep=True))
    if unseen is None:
        unseen = body.css("script, style, noscript, template")
    for node in unseen:
        total -= visible_chars(node.text(deep=True))
    return max(total, 0)


def cascade_signals(found: Any, fields: Mapping[str, Any]) -> dict[str, float]:
    """How the content cascade's winner won (``found`` is its :class:`Content`) and which
    metadata the page declared."""
    out = {"cascade:level": float(found.level), "cascade:score": _log(max(found.score, 0.0))}
    if found.in_chrome:
        out["cascade:in_chrome"] = 1.0
    if found.comments:
        out["cascade:comments"] = _log(found.comments)
    if found.chrome:
        out["cascade:chrome"] = _log(found.chrome)
    if found.nodes and found.nodes[0].tag == "body":
        out["cascade:body"] = 1.0
    out["cascade:nodes"] = _log(len(found.nodes))
    for name in ("title", "authors", "published", "description", "site_name"):
        if fields.get(name):
            out["meta:" + name] = 1.0
    return out
