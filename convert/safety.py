"""What may pass from a hostile page to a reader's screen: URL schemes, image sources, spans.

One policy, two uses, named apart because they answer different questions:

- **kept** (the readers, :mod:`convert.extract.html`): which URLs an extracted link or image
  may *record* in the AST. Anything that names a real place is kept (``ftp:``, ``tel:``,
  ``irc:`` ... and ``data:image/avif``), because the AST is data: a JSON consumer may want a
  phone link. Script schemes (``javascript:``, ``vbscript:``, ``data:text/html``) never are.
- **live** (the writers, :mod:`convert.html` and the docx plugin): which URLs a writer makes
  *clickable or loadable* in a browser, an e-reader or a Markdown viewer. Only ``http``,
  ``https`` and ``mailto`` links and ``http(s)`` or ``data:image/{png,gif,jpeg,webp}`` images
  (never SVG, which can carry script); a kept URL outside this set is written as plain text.

:data:`MAX_SPAN` bounds table spans on both sides: a ``colspan`` of 2**53 is a memory bomb
for any table model downstream.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any
from urllib.parse import quote, urljoin

from .textutil import clean_text
from . import regexcache

__all__ = ["KEPT_SCHEMES", "KEPT_DATA_IMAGE", "LIVE_LINK_SCHEMES", "LIVE_IMAGE_SCHEMES",
           "LIVE_DATA_IMAGE", "MAX_SPAN", "kept_url", "safe_link_url", "safe_image_url",
           "url_scheme", "scrub"]

#: Larger colspan/rowspan values are clamped, when extracted and when written.
MAX_SPAN = 1000

# --------------------------------------------------------------------------- kept (readers)

#: Schemes an extracted link may keep (besides relative URLs and ``#fragments``).
KEPT_SCHEMES = frozenset({"http", "https", "mailto", "ftp", "tel", "news", "irc", "xmpp"})
#: ``data:`` images an extracted image may keep.
KEPT_DATA_IMAGE = regexcache.compile(r"^data:image/(?:png|gif|jpe?g|webp|avif);", re.IGNORECASE)
# Browsers ignore control characters and spaces inside a URL, so ``java\tscript:`` is checked
# as ``javascript:``.
_KEPT_JUNK = regexcache.compile(r"[\x00-\x20\x7f]+")


def kept_url(raw: str | None, base: str | None, *, image: bool = False) -> str | None:
    """The URL an extracted link (or, with ``image``, an image) records: made absolute against
    ``base``, or ``None`` when its scheme is not in :data:`KEPT_SCHEMES` (``data:`` only for
    images matching :data:`KEPT_DATA_IMAGE`). Browsers ignore tabs/newlines inside URLs, so
    ``java\\tscript:`` is checked as ``javascript:``."""
    if not raw:
        return None
    url = raw.strip()
    # (Every junk character is a space or not printable: most URLs hold none, and are known
    # to by one C scan instead of a substitution.)
    squeezed = url if " " not in url and url.isprintable() else _KEPT_JUNK.sub("", url)
    head = squeezed[:12].lower()
    if head.startswith("data:"):
        return squeezed if image and KEPT_DATA_IMAGE.match(squeezed) else None
    if ":" in head.split("/", 1)[0] and not head.startswith(("http:", "https:")):
        scheme = head.split(":", 1)[0]
        if scheme not in KEPT_SCHEMES:
            return None
        return clean_text(url)
    if url.startswith("#") and not base:
        return clean_text(url)
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    if not url:
        return None
    return clean_text(url)


# --------------------------------------------------------------------------- live (writers)

#: Schemes a written link may point to (besides relative URLs and ``#fragments``).
LIVE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
#: Schemes a written image may load from (besides relative URLs and :data:`LIVE_DATA_IMAGE`).
LIVE_IMAGE_SCHEMES = frozenset({"http", "https"})
#: ``data:`` images a writer shows inline.
LIVE_DATA_IMAGE = regexcache.compile(r"data:image/(png|gif|jpeg|jpg|webp)[;,]", re.I)
_SCHEME = regexcache.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers ignore these inside a scheme (``java\tscript:``), so they are removed before checking.
_URL_JUNK = regexcache.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_BAD_PERCENT = regexcache.compile(r"%(?![0-9A-Fa-f]{2})")
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"


def _normalise_url(url: str) -> str:
    url = _URL_JUNK.sub("", clean_text(url or "").strip()) if url else ""
    # IRIs and stray characters become a valid URI: e-readers and epubcheck reject the rest.
    return quote(_BAD_PERCENT.sub("%25", url), safe=_URL_SAFE)


def url_scheme(url: str) -> str | None:
    """The URL's scheme, lower-cased (``None`` for a relative URL)."""
    m = _SCHEME.match(url)
    return m.group(1).lower() if m else None


def safe_link_url(url: str | None, base: str | None = None) -> str | None:
    """The URL if a link may point there (http, https, mailto, relative, ``#fragment``), made
    absolute against ``base`` when that is an http(s) URL; else ``None``."""
    if not url:
        return None
    url = _normalise_url(url)
    if not url:
        return None
    scheme = url_scheme(url)
    if scheme is None:
        if base and url_scheme(base) in ("http", "https") and not url.startswith("#"):
            url = _normalise_url(urljoin(base, url))
            scheme = url_scheme(url)
            if scheme is None:
                return url
        else:
            return url
    return url if scheme in LIVE_LINK_SCHEMES else None


def safe_image_url(src: str | None, base: str | None = None) -> str | None:
    """The image source if it is safe to show (http(s), relative, ``data:image/`` png, gif,
    jpeg or webp); else ``None``. SVG data is refused: it can carry script."""
    if not src:
        return None
    if src[:5].lower() == "data:":
        src = re.sub(r"\s+", "", clean_text(src))  # line-wrapped base64
        return src if LIVE_DATA_IMAGE.match(src) else None
    url = _normalise_url(src)
    if not url:
        return None
    scheme = url_scheme(url)
    if scheme is None:
        if base and url_scheme(base) in ("http", "https"):
            url = _normalise_url(urljoin(base, url))
            return url if url_scheme(url) in LIVE_IMAGE_SCHEMES else None
        return url
    return url if scheme in LIVE_IMAGE_SCHEMES else None


# --------------------------------------------------------------------------- scrub (JSON input)

def scrub(article: Any) -> Any:
    """``article`` as the HTML and text readers would have built it: every string without
    control characters (:func:`~convert.textutil.clean_text`) and every URL one that
    :func:`kept_url` keeps. A link to a script URL becomes its text, an image from one is
    dropped, a quote's ``cite`` or the canonical ``url`` becomes ``None``.

    For articles that did not come through a page reader: a decruft JSON document, which
    anyone can write, reaches the JSON and JSON Lines writers unchanged otherwise, and the
    AST promises its consumers neither controls nor script URLs. A clean article comes back
    as the same object.
    """
    return _scrub(article)


def _scrub(node: Any) -> Any:
    """The scrubbed value; a tuple where a link or image is replaced by 0 or more inlines."""
    if isinstance(node, str):
        return clean_text(node)
    if isinstance(node, tuple):
        out: list[Any] = []
        for item in node:
            new = _scrub(item)
            if isinstance(new, tuple) and not isinstance(item, tuple):
                out.extend(new)  # a link's children in its place, or nothing for an image
            else:
                out.append(new)
        return node if len(out) == len(node) and all(a is b for a, b in zip(out, node)) \
            else tuple(out)
    if isinstance(node, dict):
        new_map = {k: _scrub(v) for k, v in node.items()}
        return node if all(new_map[k] is node[k] for k in node) else new_map
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return node
    changes = {}
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        if f.name in ("url", "src", "cite") and node.type != "source" and value is not None:
            new = kept_url(value, None, image=node.type == "image")
            if new is None and node.type == "link":
                return _scrub(node.children)
            if new is None and node.type == "image":
                return ()
        else:
            new = _scrub(value)
            if isinstance(new, tuple) and not isinstance(value, tuple):
                new = None  # a figure's (or lead image's) image that was dropped
        if new is not value and new != value:
            changes[f.name] = new
    return dataclasses.replace(node, **changes) if changes else node
