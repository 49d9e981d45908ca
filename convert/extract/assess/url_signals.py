"""Signals of the page's URL shape: its path words, a date, an id, a slug, a query."""

from __future__ import annotations

import math
import re
from urllib.parse import urlsplit

from . import vocab as V
from ... import regexcache

__all__ = ["url_signals"]

_WORD_SPLIT = regexcache.compile(r"[/\-_.+]+")
_DATE = regexcache.compile(r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)")
_YEAR = regexcache.compile(r"/(?:19|20)\d\d/")


def url_signals(url: str | None) -> dict[str, float]:
    """``url:*`` signals of an http(s) URL; none for another location or no URL."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return {}
    try:
        parts = urlsplit(url)
    except ValueError:
        return {}
    path = parts.path.lower()
    for word in re.split(r"[.\-]", (parts.hostname or "")):
        if word in V.HOST_WORDS:
            out_host = "host:" + word
            break
    else:
        out_host = None
    out: dict[str, float] = {"url:known": 1.0}
    if out_host:
        out[out_host] = 1.0
    segments = [s for s in path.split("/") if s]
    if not segments:
        out["url:root"] = 1.0
    out["url:depth"] = float(min(len(segments), 6))
    for word in _WORD_SPLIT.split(path):
        if word in V.URL_WORDS:
            out["url:" + word] = 1.0
    if _DATE.search(path):
        out["url:date"] = 1.0
    elif _YEAR.search(path):
        out["url:year"] = 1.0
    if any(s.isdigit() and len(s) >= 3 for s in segments) or re.search(r"\d{5,}", path):
        out["url:id"] = 1.0
    if segments:
        last = segments[-1]
        out["url:slug"] = math.log1p(last.count("-") + last.count("_"))
        if last.endswith((".html", ".htm", ".php", ".aspx", ".asp")):
            out["url:file"] = 1.0
    if path.endswith("/"):
        out["url:slash"] = 1.0
    if parts.query:
        out["url:query"] = 1.0
    return out
