"""Getting the bytes of an article's images, for writers that embed them (DOCX, EPUB, data URIs).

Sources, in the order tried:

* ``data:image/...`` URIs in the page;
* files next to a saved page, including the ``NAME_files/`` folder a browser's "Save page as…
  complete" writes — only for pages read from a local file;
* http(s), only when the caller allows the network (pages fetched from a URL, or
  ``--fetch-images`` for local pages).

Security: a page can never make decruft read a local file outside the page's own folder (and
its subfolders): ``file:///etc/passwd``, ``../../x`` and symlinks that lead out are refused,
and only files whose bytes are an image are ever returned. Pages read from standard input or
from a URL read no local file at all.

The media type comes from the bytes, never from the name or a server's header. Formats the
writer cannot show are converted to PNG with Pillow when it is installed, else dropped.
"""

from __future__ import annotations

import base64
import binascii
import io
import logging
import os
import stat
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from .article import Article
from .errors import DecruftError
from .formats import RenderOptions

log = logging.getLogger(__name__)

#: Largest single image accepted, from any source.
MAX_IMAGE_BYTES = int(os.environ.get("DECRUFT_MAX_IMAGE_BYTES", 10 * 1024 * 1024))
#: Images embedded in one document at most, and their total size.
MAX_IMAGES = int(os.environ.get("DECRUFT_MAX_IMAGES", 200))
MAX_TOTAL_IMAGE_BYTES = int(os.environ.get("DECRUFT_MAX_TOTAL_IMAGE_BYTES", 64 * 1024 * 1024))
#: Seconds allowed for fetching one image.
IMAGE_TIMEOUT = 15.0
#: Pillow refuses to decode more pixels than this (a decompression bomb).
MAX_PIXELS = 64 * 1024 * 1024

#: What every reader shows: the default for ``accept``. EPUB 3 adds image/webp and
#: image/svg+xml; python-docx takes png, jpeg, gif, bmp and tiff.
COMMON_TYPES = frozenset({"image/png", "image/jpeg", "image/gif"})

_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif",
               "image/webp": "webp", "image/svg+xml": "svg", "image/bmp": "bmp",
               "image/tiff": "tif", "image/avif": "avif", "image/heic": "heic",
               "image/x-icon": "ico"}


@dataclass(frozen=True)
class ImageData:
    """An image's bytes and the media type sniffed from them."""

    data: bytes
    media_type: str

    @property
    def extension(self) -> str:
        """A file extension for the media type, without the dot."""
        return _EXTENSIONS.get(self.media_type, "bin")

    def data_uri(self) -> str:
        """The image as a ``data:`` URI (base64)."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def sniff_image_type(data: bytes) -> str | None:
    """The media type of image bytes from their signature, or None if they are no image."""
    head = data[:32]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"BM") and len(data) > 26:
        return "image/bmp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "image/tiff"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "image/avif"
        if brand in (b"heic", b"heix", b"mif1", b"msf1"):
            return "image/heic"
    if head.startswith(b"\x00\x00\x01\x00"):
        return "image/x-icon"
    text = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith((b"<?xml", b"<!--", b"<!doctype svg"))
                                    and b"<svg" in text):
        return "image/svg+xml"
    return None


def resolve_image(src: str, *, page_location: str | None, allow_network: bool = False,
                  accept: Collection[str] = COMMON_TYPES,
                  max_bytes: int = MAX_IMAGE_BYTES, page_url: str | None = None
                  ) -> ImageData | None:
    """The bytes of the image ``src`` of a page read from ``page_location``, or None.

    :param src: an image source as in the AST (absolute URL, ``data:`` URI, or a path
        relative to a local page).
    :param page_location: ``article.meta.source.location``: the page's file path or URL
        (None for standard input: then only ``data:`` URIs resolve).
    :param allow_network: fetch http(s) images.
    :param accept: media types the writer can embed; others are converted to PNG with Pillow
        if it is installed, else the image is dropped.
    :param page_url: the page's own URL (``article.meta.url``), if known: a saved page's
        relative ``src`` made absolute against it is looked for in the page's folder first.
    Never raises for a bad image: an image that cannot be had is simply None.
    """
    try:
        image = _load(src.strip(), page_location, allow_network, max_bytes, page_url)
    except (DecruftError, OSError, ValueError) as exc:
        log.debug("image %.200s: %s", src, exc)
        return None
    if image is None:
        return None
    return _acceptable(image, accept)


def _load(src: str, page: str | None, allow_network: bool, max_bytes: int,
          page_url: str | None = None) -> ImageData | None:
    if not src:
        return None
    parts = urlsplit(src)
    scheme = parts.scheme.lower()
    if scheme == "data":
        return _from_data_uri(src, max_bytes)
    local = _page_folder(page)
    if local is not None:
        folder, stem = local
        for candidate in _local_candidates(src, scheme, folder, stem, page_url):
            found = _read_inside(candidate, folder, max_bytes)
            if found is not None:
                return found
    if scheme in ("http", "https") and allow_network:
        from .fetch import fetch

        if _reaches_inward(parts.hostname, page):
            log.debug("image %s: a web page may not reach a private address", src)
            return None

        got = fetch(src, timeout=IMAGE_TIMEOUT, max_bytes=max_bytes,
                    accept="image/avif,image/webp,image/png,image/*;q=0.8")
        return _typed(got.data)
    return None


def _reaches_inward(host: str | None, page: str | None) -> bool:
    """True when a page from a public host points at a loopback or private address (an
    image "from" the reader's own network: a request the page's author should not get to
    make). Local pages with ``--fetch-images``, and pages on private hosts, may."""
    if not host or not page or "://" not in page:
        return False
    return _is_private(host) and not _is_private(urlsplit(page).hostname or "")


def _is_private(host: str) -> bool:
    import ipaddress
    import socket

    host = host.strip("[]")
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        if host.lower() == "localhost" or host.lower().endswith(".localhost"):
            return True
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return False  # unresolvable: the fetch fails on its own
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    return any(not a.is_global for a in addresses)


def _from_data_uri(src: str, max_bytes: int) -> ImageData | None:
    header, sep, payload = src[5:].partition(",")
    if not sep or len(payload) > max_bytes * 4 // 3 + 4:
        return None
    if header.lower().endswith(";base64"):
        try:
            data = base64.b64decode("".join(payload.split()), validate=True)
        except (binascii.Error, ValueError):
            return None
    else:
        data = unquote_to_bytes(payload)
    return _typed(data) if len(data) <= max_bytes else None


def _page_folder(page: str | None) -> tuple[Path, str] | None:
    """The real folder of a local page and the page's stem, or None if it is not a file."""
    if not page or "://" in page:
        return None
    path = Path(page)
    try:
        folder = path.parent.resolve(strict=True)
    except OSError:
        return None
    name = path.name
    for suffix in (".gz",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return folder, Path(name).stem


def _local_candidates(src: str, scheme: str, folder: Path, stem: str,
                      page_url: str | None = None) -> list[Path]:
    """Where a saved page's image may be, in order; containment is checked by the caller."""
    parts = urlsplit(src)
    out: list[Path] = []
    if scheme == "":
        rel = unquote(parts.path)
        if rel and not rel.startswith(("/", "\\")):
            out.append(folder / rel)
    elif scheme in ("http", "https") and page_url:
        # A relative src made absolute against the page's URL (its canonical link): the
        # part below the page's own URL folder is a path next to the saved page.
        page = urlsplit(page_url)
        base = page.path.rsplit("/", 1)[0] + "/"
        if (page.scheme.lower() == scheme and page.netloc.lower() == parts.netloc.lower()
                and parts.path.startswith(base)):
            rel = unquote(parts.path[len(base):])
            if rel and not rel.startswith(("/", "\\")):
                out.append(folder / rel)
    elif scheme == "file" and parts.netloc in ("", "localhost"):
        out.append(Path(unquote(parts.path)))
    # Browsers save a complete page's resources flat in NAME_files/, and the extractor may
    # have made their src absolute against the page's original URL (or --base-url).
    base = unquote(parts.path.rsplit("/", 1)[-1])
    if base and base not in (".", ".."):
        out.append(folder / f"{stem}_files" / base)
    return out


def _read_inside(candidate: Path, folder: Path, max_bytes: int) -> ImageData | None:
    """Read ``candidate`` only if its real path (symlinks resolved) lies inside ``folder``."""
    try:
        real = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if real != folder and folder not in real.parents:
        log.debug("image %s is outside the page's folder: refused", candidate)
        return None
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
            return None
        with open(real, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError:
        return None
    return _typed(data) if len(data) <= max_bytes else None


def _typed(data: bytes) -> ImageData | None:
    media_type = sniff_image_type(data)
    return ImageData(data, media_type) if media_type else None


def pixel_size(image: ImageData) -> tuple[int, int] | None:
    """The width and height a PNG, GIF, JPEG or WebP declares in its header, or None."""
    data, kind = image.data, image.media_type
    try:
        if kind == "image/png" and data[12:16] == b"IHDR":
            return struct.unpack(">II", data[16:24])  # type: ignore[return-value]
        if kind == "image/gif":
            return struct.unpack("<HH", data[6:10])  # type: ignore[return-value]
        if kind == "image/webp":
            return _webp_size(data)
        if kind == "image/jpeg":
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        return (int.from_bytes(data[24:27], "little") + 1,
                int.from_bytes(data[27:30], "little") + 1)
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", data[26:30])
        return w & 0x3FFF, h & 0x3FFF
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in the first start-of-frame segment (markers walked, at most 1,000)."""
    i = 2
    for _ in range(1000):
        while data[i:i + 1] == b"\xff":
            i += 1
        if i + 3 > len(data):
            return None
        marker = data[i]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            h, w = struct.unpack(">HH", data[i + 4:i + 8])
            return w, h
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 1
            continue
        i += 1 + struct.unpack(">H", data[i + 1:i + 3])[0]
    return None


def within_pixel_limit(image: ImageData) -> bool:
    """False for an image that declares more than MAX_PIXELS: a few kilobytes of PNG can
    say 100,000 x 100,000, and a reader that opens the document decodes 40 GB for it."""
    size = pixel_size(image)
    return size is None or size[0] * size[1] <= MAX_PIXELS


def _acceptable(image: ImageData, accept: Collection[str]) -> ImageData | None:
    if image.media_type in accept:
        return image if within_pixel_limit(image) else None
    if image.media_type == "image/svg+xml" or "image/png" not in accept:
        return None  # Pillow cannot rasterise SVG
    return to_png(image)


def to_png(image: ImageData) -> ImageData | None:
    """Convert an image to PNG with Pillow (first frame), or None without Pillow or on error."""
    try:
        from PIL import Image as PILImage
    except ImportError:
        return None
    PILImage.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(image.data)) as im:
                im.seek(0)
                if im.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    im = im.convert("RGBA")
                out = io.BytesIO()
                im.save(out, format="PNG")
    except Exception as exc:  # any decoder failure just drops the image
        log.debug("cannot convert %s image: %s", image.media_type, exc)
        return None
    return ImageData(out.getvalue(), "image/png")


@dataclass
class ImageLoader:
    """Resolves the images of one document, within count and total-size limits.

    Writers make one per rendered document with :func:`loader_for` and call it with each
    ``Image.src``; the same ``src`` twice returns the cached result.
    """

    page_location: str | None
    allow_network: bool = False
    page_url: str | None = None
    accept: Collection[str] = COMMON_TYPES
    max_images: int = MAX_IMAGES
    max_total_bytes: int = MAX_TOTAL_IMAGE_BYTES
    _cache: dict[str, ImageData | None] = field(default_factory=dict, init=False, repr=False)
    _total: int = field(default=0, init=False, repr=False)

    def __call__(self, src: str) -> ImageData | None:
        if src in self._cache:
            return self._cache[src]
        found = None
        if len(self._cache) < self.max_images:
            found = resolve_image(src, page_location=self.page_location,
                                  allow_network=self.allow_network, accept=self.accept,
                                  page_url=self.page_url)
            if found is not None and self._total + len(found.data) > self.max_total_bytes:
                found = None
        self._cache[src] = found
        if found is not None:
            self._total += len(found.data)
        return found


def loader_for(article: Article, options: RenderOptions,
               accept: Collection[str] = COMMON_TYPES) -> ImageLoader:
    """The image loader a writer should use for ``article`` rendered with ``options``.

    The network is used when ``options.extra["fetch_images"]`` is true; the batch runner sets
    it for pages fetched from a URL, and ``--fetch-images`` sets it for every page.
    """
    source = article.meta.source
    return ImageLoader(page_location=source.location if source else None,
                       allow_network=_truthy(options.extra.get("fetch_images")),
                       accept=accept, page_url=article.meta.url)


def _truthy(value: object) -> bool:
    if isinstance(value, str):  # from -O fetch_images=yes
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)
