"""Safe URLs for links and images, and the best source of an ``<img>``."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from convert.article import Image
from convert.textutil import clean_text
from . import patterns as P
from .dom import bounded_int
from .inlines import WS

_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")


def safe_url(raw: str | None, base: str | None, *, image: bool = False) -> str | None:
    """An absolute, non-script URL, or ``None``. Browsers ignore tabs/newlines inside URLs, so
    ``java\\tscript:`` is checked as ``javascript:``."""
    if not raw:
        return None
    url = raw.strip()
    squeezed = _URL_JUNK.sub("", url)
    head = squeezed[:12].lower()
    if head.startswith("data:"):
        return squeezed if image and P.SAFE_DATA_IMAGE.match(squeezed) else None
    if ":" in head.split("/", 1)[0] and not head.startswith(("http:", "https:")):
        scheme = head.split(":", 1)[0]
        if scheme not in P.SAFE_SCHEMES:
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


def image_src(node: LexborNode, base: str | None) -> str | None:
    """The best source of an ``<img>``: lazy-load attributes, then ``src``, then ``srcset``."""
    attrs = node.attributes
    for name in P.IMAGE_SRC_ATTRS:
        value = attrs.get(name)
        if not value:
            continue
        if "srcset" in name:
            value = _best_srcset(value)
        elif P.PLACEHOLDER_IMAGE.search(value[:200]) and not P.SAFE_DATA_IMAGE.match(value):
            continue
        if value and not (name == "src" and value.startswith("data:") and len(value) < 200):
            url = safe_url(value, base, image=True)
            if url:
                return url
    for name in ("srcset", "data-srcset"):
        value = attrs.get(name)
        if value:
            url = safe_url(_best_srcset(value), base, image=True)
            if url:
                return url
    src = attrs.get("src")
    return safe_url(src, base, image=True) if src else None


def _best_srcset(srcset: str) -> str | None:
    best, best_w = None, -1.0
    for part in srcset.split(","):
        bits = part.strip().split()
        if not bits:
            continue
        w = 1.0
        if len(bits) > 1:
            try:
                w = float(bits[1][:-1])
            except ValueError:
                w = 1.0
        if w > best_w:
            best, best_w = bits[0], w
    return best


def make_image(node: LexborNode, base: str | None) -> Image | None:
    src = image_src(node, base)
    if not src:
        return None
    attrs = node.attributes
    return Image(src=src, alt=clean_text(WS.sub(" ", attrs.get("alt") or "").strip()),
                 title=clean_text(attrs["title"]) if attrs.get("title") else None,
                 width=bounded_int(attrs.get("width"), 0, 100000) or None,
                 height=bounded_int(attrs.get("height"), 0, 100000) or None)
