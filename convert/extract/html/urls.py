"""The best source of an ``<img>`` (lazy-load attributes, ``srcset``) as an AST :class:`Image`.

Which URLs are kept at all is :func:`convert.safety.kept_url`'s decision.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.article import Image
from convert.safety import KEPT_DATA_IMAGE, kept_url
from convert.textutil import clean_text
from . import patterns as P
from .dom import bounded_int
from .inlines import WS
from .thresholds import MAX_IMAGE_SIDE, PLACEHOLDER_PROBE_CHARS


def image_src(node: LexborNode, base: str | None) -> str | None:
    """The best source of an ``<img>``: lazy-load attributes, then ``src``, then ``srcset``."""
    attrs = node.attributes
    for name in P.IMAGE_SRC_ATTRS:
        value = attrs.get(name)
        if not value:
            continue
        if "srcset" in name:
            value = _best_srcset(value)
        elif P.PLACEHOLDER_IMAGE.search(value[:PLACEHOLDER_PROBE_CHARS]) and not KEPT_DATA_IMAGE.match(value):
            continue
        if value and not (name == "src" and value.startswith("data:")
                          and len(value) < PLACEHOLDER_PROBE_CHARS):
            url = kept_url(value, base, image=True)
            if url:
                return url
    for name in ("srcset", "data-srcset"):
        value = attrs.get(name)
        if value:
            url = kept_url(_best_srcset(value), base, image=True)
            if url:
                return url
    src = attrs.get("src")
    return kept_url(src, base, image=True) if src else None


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
    """The AST image of an ``<img>`` (best source, alt, title, bounded size), or ``None``
    when it has no source worth keeping."""
    src = image_src(node, base)
    if not src:
        return None
    attrs = node.attributes
    return Image(src=src, alt=clean_text(WS.sub(" ", attrs.get("alt") or "").strip()),
                 title=clean_text(attrs["title"]) if attrs.get("title") else None,
                 width=bounded_int(attrs.get("width"), 0, MAX_IMAGE_SIDE) or None,
                 height=bounded_int(attrs.get("height"), 0, MAX_IMAGE_SIDE) or None)
