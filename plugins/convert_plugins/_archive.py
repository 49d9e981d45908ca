"""What the saved-page archive readers (MHTML, Safari ``.webarchive``) share: the extraction of
the archive's page, and its images taken from the archive itself.

An archive holds the page and its resources, so its images need no network and no file next
to it: every image of the article whose URL (or ``cid:`` reference) names an image part of
the archive gets that part's bytes as a ``data:`` URI in the AST. DOCX and EPUB then embed
them, Markdown and JSON carry them, and the article stays complete after a JSON round trip.
Only parts whose bytes are an image in a format every writer shows (PNG, JPEG, GIF, WebP;
others are converted to PNG when Pillow is installed) are used, within the per-image,
per-document count and total-size limits of :mod:`convert.images`. An image the archive
does not hold keeps its URL; a part whose bytes are no image is ignored.

The archive's own URLs never lead to a read of a local file: a ``file:`` location is only a
name for bytes inside the archive, and the page's URL is taken only when it is http(s).
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any, Callable, Mapping
from urllib.parse import urldefrag, urljoin, urlsplit

from convert.article import Article, Figure, Image
from convert.errors import InputError
from convert.formats import ReadContext
from convert.images import (MAX_IMAGE_BYTES, MAX_IMAGES, MAX_TOTAL_IMAGE_BYTES, ImageData,
                            sniff_image_type, to_png, within_pixel_limit)

#: Archives with more parts (resources) than this are refused before their parts are read.
MAX_PARTS = int(os.environ.get("DECRUFT_MAX_ARCHIVE_PARTS", 5000))
#: Media types every writer shows as they are; other images are converted to PNG.
SHOWN_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


@dataclass(frozen=True)
class Part:
    """One resource of an archive: its bytes are decoded only when an image asks for them."""

    load: Callable[[], bytes | None]
    media_type: str = ""


def http_url(url: str | None, base: str | None = None) -> str | None:
    """``url`` made absolute against ``base``, if the result is http(s); else None."""
    if not url:
        return None
    url = url.strip()
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return url if urlsplit(url).scheme.lower() in ("http", "https") else None


def resource_key(url: str | None, base: str | None = None) -> str | None:
    """The key a resource is found under: absolute where possible, without a fragment."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if base and not url.lower().startswith("cid:"):
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    return urldefrag(url)[0] or None


def check_page(data: bytes | None, what: str) -> bytes:
    """The page's bytes, or a clear error when the part that claims to be the page is not
    text (an image, or binary data)."""
    if not data or not data.strip():
        raise InputError(f"{what}: the page is empty")
    head = data[:8192]
    kind = sniff_image_type(head)
    if kind is not None and kind != "image/svg+xml":
        raise InputError(f"{what}: the page part holds {kind} data, not HTML")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data  # UTF-16 text is full of NULs
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if controls > max(8, len(head) // 20):
        raise InputError(f"{what}: the page part holds binary data, not HTML")
    return data


def extract_page(html: bytes, *, charset: str | None, page_url: str | None,
                 ctx: ReadContext, kind: str, embed: Embedder) -> Article:
    """Extract the archive's page and give its images the archive's bytes."""
    from convert.extract.html import parse_html

    article = parse_html(html, location=ctx.location, base_url=ctx.base_url or page_url,
                         http_charset=charset)
    meta = article.meta
    source = meta.source and dataclasses.replace(meta.source, kind=kind)
    meta = dataclasses.replace(meta, source=source, url=meta.url or page_url)
    article = dataclasses.replace(article, meta=meta)
    return embed_images(article, embed)


class Embedder:
    """Maps an image source (a URL or ``cid:`` reference) to a ``data:`` URI of the
    archive's bytes, within the image count and total-size limits of one document."""

    def __init__(self, parts: Mapping[str, Part], base: str | None) -> None:
        self.parts, self.base = parts, base
        self.done: dict[str, str | None] = {}
        self.total = 0

    def __call__(self, src: str) -> str | None:
        if src in self.done:
            return self.done[src]
        found = None
        part = self.parts.get(resource_key(src, self.base) or "")
        if part is not None and len(self.done) < MAX_IMAGES:
            image = image_of(part)
            if image is not None and self.total + len(image.data) <= MAX_TOTAL_IMAGE_BYTES:
                self.total += len(image.data)
                found = image.data_uri()
        self.done[src] = found
        return found


def image_of(part: Part) -> ImageData | None:
    """The part's bytes as an image every writer shows, or None."""
    try:
        data = part.load()
    except (ValueError, TypeError, LookupError):
        return None
    if not data or len(data) > MAX_IMAGE_BYTES:
        return None
    media_type = sniff_image_type(data)
    if media_type is None or media_type == "image/svg+xml":
        return None  # SVG can carry script; writers refuse it
    image = ImageData(data, media_type)
    if media_type not in SHOWN_TYPES:
        return to_png(image)
    return image if within_pixel_limit(image) else None


def embed_images(article: Article, data_uri: Callable[[str], str | None]) -> Article:
    """The article with every image whose source ``data_uri`` maps replaced by that URI."""

    def walk(node: Any) -> Any:
        if isinstance(node, Image):
            uri = data_uri(node.src)
            return dataclasses.replace(node, src=uri) if uri else node
        if isinstance(node, tuple):
            new = tuple(walk(x) for x in node)
            return new if any(a is not b for a, b in zip(new, node)) else node
        if not dataclasses.is_dataclass(node) or isinstance(node, type):
            return node
        changes = {}
        for f in dataclasses.fields(node):
            if f.name in ("blocks", "children", "items", "cells", "head", "body", "image",
                          "caption", "credit"):
                value = getattr(node, f.name)
                new = walk(value)
                if new is not value:
                    changes[f.name] = new
        return dataclasses.replace(node, **changes) if changes else node

    blocks = walk(article.blocks)
    lead = article.meta.lead_image
    new_lead = walk(lead) if isinstance(lead, Figure) else lead
    meta = article.meta if new_lead is lead else dataclasses.replace(article.meta,
                                                                      lead_image=new_lead)
    if blocks is article.blocks and meta is article.meta:
        return article
    return dataclasses.replace(article, blocks=blocks, meta=meta)
