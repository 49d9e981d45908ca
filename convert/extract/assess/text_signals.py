"""Signals of what kind of page a plain-text dump is: its URL and its lines only."""

from __future__ import annotations

import math
from typing import Any, Sequence

from .url_signals import url_signals
from ... import regexcache

__all__ = ["dump_signals"]

#: Line-level cues, lower case; each counts the lines that hold it.
_CUES = {
    "cart": regexcache.compile(r"add to (?:cart|bag|basket)|buy now|in stock|out of stock|"
                       r"\bsku\b|free shipping|quantity"),
    "thread": regexcache.compile(r"\breply\b|\breplies\b|\bquote\b|\bjoined\b|\bposts?:|"
                         r"\bposted\b|\bmember\b|\blikes?\b|#\d+$"),
    "more": regexcache.compile(r"load more|show more|next page|\bresults\b|sort by|filter|"
                       r"\bpage \d+ of\b|read more"),
    "docs": regexcache.compile(r"table of contents|on this page|edit this page|\bapi\b|"
                       r"\bparameters?\b|\breturns?\b|\bexample\b|install"),
    "service": regexcache.compile(r"contact us|get in touch|our services|get started|"
                          r"book (?:a|an|now)|free (?:quote|consultation|trial)|pricing"),
}
_PRICE = regexcache.compile(r"[$€£]\s?\d|\d[.,]\d\d\s?(?:€|eur|usd|zł|kr)")
_CODE = regexcache.compile(
    r"[{};]\s*$|^\s*(?:def|class|import|return|function|const|var|let)\b|=>|\(\)")
_DATE = regexcache.compile(r"\b(?:19|20)\d\d\b")


def dump_signals(units: Sequence[Any], url: str | None) -> dict[str, float]:
    """Signals of a dump's units (:class:`convert.extract.text.lines.Line`: ``text``,
    ``words`` and the ``keep`` verdict are read)."""
    out: dict[str, float] = {}
    n = len(units)
    if not n:
        return out
    words = sum(u.words for u in units) or 1
    kept = sum(u.words for u in units if u.keep)
    out["dump:lines"] = math.log1p(n)
    out["dump:words"] = math.log1p(words)
    out["dump:kept"] = kept / words
    out["dump:short"] = sum(1 for u in units if u.words <= 4) / n
    out["dump:long"] = sum(1 for u in units if u.words >= 25) / n
    cues = dict.fromkeys(_CUES, 0)
    prices = code = dates = 0
    for u in units:
        text = u.text
        low = text.lower()
        for name, cue in _CUES.items():
            if cue.search(low):
                cues[name] += 1
        if _PRICE.search(low):
            prices += 1
        if _CODE.search(text):
            code += 1
        if _DATE.search(text):
            dates += 1
    for name, count in cues.items():
        if count:
            out["say:" + name] = math.log1p(count)
    out["dump:price"] = math.log1p(prices)
    out["dump:code"] = math.log1p(code)
    out["dump:dates"] = math.log1p(dates)
    out.update(url_signals(url))
    return out
