"""Helpers shared by the binary writers (DOCX, EPUB): dates and reproducible zips (images come
from :mod:`convert.images`)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import Iterable

from convert.article import Article

#: The zip format cannot store dates before 1980.
ZIP_EPOCH = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


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
