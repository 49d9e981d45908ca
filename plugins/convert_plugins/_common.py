"""Helpers shared by the binary writers (DOCX, EPUB): dates, embedded images, reproducible zips."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import os
import re
import zipfile
from typing import Iterable
from urllib.parse import unquote_to_bytes

from convert.article import Article

#: Embedded images larger than this are skipped (a page can carry a 100 MB data: URI).
MAX_IMAGE_BYTES = 16 * 1024 * 1024
#: The zip format cannot store dates before 1980.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)

_DATA_URI = re.compile(r"data:([\w.+-]+/[\w.+-]+)?((?:;[\w.+-]+=[^;,]*)*)(;base64)?,(.*)",
                       re.I | re.S)


def parse_date(value: str | None) -> dt.datetime | None:
    """An ISO 8601 date or datetime as an aware UTC datetime (naive values are taken as UTC)."""
    if not value:
        return None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            parsed = dt.datetime.fromisoformat(value + "T00:00:00")
        else:
            parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        m = re.match(r"\d{4}-\d{2}-\d{2}", value)
        if not m:
            return None
        return parse_date(m.group(0))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.astimezone(dt.timezone.utc)


def source_date_epoch() -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` (reproducible-builds.org) as a UTC datetime, if set and valid."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw.isdigit():
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


def article_date(articles: Iterable[Article], *, modified: bool = True) -> dt.datetime | None:
    """The latest modified (else published) date among the articles."""
    dates = []
    for a in articles:
        d = (parse_date(a.meta.modified) if modified else None) or parse_date(a.meta.published)
        if d is not None:
            dates.append(d)
    return max(dates) if dates else None


def build_date(articles: Iterable[Article]) -> dt.datetime:
    """The timestamp written into a file's own metadata (zip entries, ``dcterms:modified``):
    ``SOURCE_DATE_EPOCH`` when set, else the articles' date, else 1980-01-01. Never "now",
    so that the same input gives the same bytes."""
    when = source_date_epoch() or article_date(articles) or ZIP_EPOCH
    return max(when, ZIP_EPOCH)


def sniff_image(data: bytes) -> str | None:
    """The media type of image bytes from their signature (never from a declared type)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}


def decode_data_image(src: str) -> tuple[str, bytes] | None:
    """``(media_type, bytes)`` of a ``data:`` image URI whose bytes really are a PNG, JPEG, GIF
    or WebP image; ``None`` for anything else (other types, bad base64, too large)."""
    if not src[:5].lower() == "data:" or len(src) > MAX_IMAGE_BYTES * 4 // 3 + 256:
        return None
    m = _DATA_URI.match(src)
    if not m:
        return None
    payload = m.group(4)
    try:
        if m.group(3):
            data = base64.b64decode(re.sub(r"\s+", "", unquote_to_bytes(payload).decode("ascii")),
                                    validate=True)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    kind = sniff_image(data)
    if kind is None or len(data) > MAX_IMAGE_BYTES:
        return None
    return kind, data


def image_size(data: bytes) -> tuple[int, int] | None:
    """Pixel width and height from a PNG, GIF, JPEG or WebP header (no decoding)."""
    kind = sniff_image(data)
    try:
        if kind == "image/png" and len(data) >= 24:
            return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        if kind == "image/gif" and len(data) >= 10:
            return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
        if kind == "image/webp" and len(data) >= 30:
            chunk = data[12:16]
            if chunk == b"VP8X":
                return (int.from_bytes(data[24:27], "little") + 1,
                        int.from_bytes(data[27:30], "little") + 1)
            if chunk == b"VP8L":
                bits = int.from_bytes(data[21:25], "little")
                return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
            if chunk == b"VP8 ":
                return (int.from_bytes(data[26:28], "little") & 0x3FFF,
                        int.from_bytes(data[28:30], "little") & 0x3FFF)
        if kind == "image/jpeg":
            i = 2
            while i + 9 < len(data):
                if data[i] != 0xFF:
                    i += 1
                    continue
                marker = data[i + 1]
                length = int.from_bytes(data[i + 2:i + 4], "big")
                if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                              0xCE, 0xCF):
                    return (int.from_bytes(data[i + 7:i + 9], "big"),
                            int.from_bytes(data[i + 5:i + 7], "big"))
                i += 2 + length
    except (IndexError, ValueError):
        return None
    return None


def reproducible_zip(data: bytes, when: dt.datetime, *, first: str | None = None) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes, so identical content gives
    identical bytes. ``first`` (the EPUB ``mimetype``) is written first and stored
    uncompressed; every other entry keeps its order and is deflated."""
    stamp = max(when, ZIP_EPOCH).astimezone(dt.timezone.utc).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        if first is not None and first in names:
            names.remove(first)
            names.insert(0, first)
        seen = set()
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o644 << 16
            stored = name == first
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(name), compresslevel=None if stored else 6)
    return out.getvalue()
