"""Every candidate value of every metadata field, for ``decruft inspect`` (recording only).

:func:`record_candidates` lists what each source of the page declares or shows for a field
(JSON-LD, OpenGraph, other ``<meta>``, ``<title>``, ``<h1>``, the visible byline and dateline,
the URL) with the readers :func:`.extract` uses, and the value :func:`.extract` chose, with the
order of trust that made it win. It runs only when a recorder is set.
"""

from __future__ import annotations

import re
from typing import Any

from convert.extract.dates import iso_date
from ..dom import node_text, word_key
from .byline import twitter_label_author, visible_byline
from .dateline import header_date, time_element, visible_date
from .declared import ld_names, ld_text
from .keys import LIST_KEYS, META_KEYS

#: Field → (the function of :mod:`convert.extract.html.meta` that decides, how it decides).
#: A candidate's value is recorded up to this many characters (a JSON-LD body, not a field).
VALUE_CHARS = 500

RULES: dict[str, tuple[str, str]] = {
    "title": ("choose_title", "the declared title (JSON-LD headline, then <meta>) unless it "
              "only adds the site name to an <h1>, then <h1>, then <title>; site name cut"),
    "headline": ("visible_headline", "the page's own <h1> when the title is a declared "
                 "rewording of it"),
    "subtitle": ("standfirst", "a visible paragraph under the headline that a declared "
                 "description matches"),
    "description": ("description", "<meta> description keys, then JSON-LD description"),
    "authors": ("authors", "JSON-LD author, then <meta> author keys, then Twitter label, "
                "then the visible byline (also when the declared author is the publisher)"),
    "published": ("dates", "JSON-LD datePublished, then <meta> (corrected by the shown "
                  "date), else <time>, header dateline, visible date, then the URL's date"),
    "modified": ("dates", "JSON-LD dateModified, then <meta>"),
    "site_name": ("site_name", "<meta> og:site_name keys, then JSON-LD publisher"),
    "language": ("language", "<html lang>, then <meta> language keys, then JSON-LD "
                 "inLanguage"),
    "section": ("section", "<meta> section keys, then JSON-LD articleSection"),
    "tags": ("tags", "article:tag, then keywords <meta>, then JSON-LD keywords"),
    "url": ("canonical", "<link rel=canonical>, then og:url, then the page's URL"),
    "lead_image": ("lead_image", "<meta> og:image keys, then JSON-LD image"),
}

_LD_KEYS = {"title": "headline", "headline": "headline", "description": "description",
            "subtitle": "description", "published": "datePublished",
            "modified": "dateModified", "site_name": "publisher", "language": "inLanguage",
            "section": "articleSection", "tags": "keywords", "lead_image": "image"}


def _source(key: str) -> str:
    return "opengraph" if key.startswith(("og:", "article:")) else "meta"


def record_candidates(rec: Any, tree: Any, ld: dict, meta: dict[str, list[str]],
                      h1s: list[str], page_title: str, out: dict[str, Any],
                      url: str | None) -> None:
    """Write every field's candidates and chosen value to ``rec.meta``."""
    for field, (rule, why) in RULES.items():
        cands: list[dict[str, Any]] = []

        def add(source: str, key: str, value: Any) -> None:
            if value:
                cands.append({"source": source, "key": key, "value": str(value)[:VALUE_CHARS]})

        ld_key = _LD_KEYS.get(field)
        if ld and field == "authors":
            for name in ld_names(ld.get("author")):
                add("json-ld", "author", name)
        elif ld and ld_key:
            value = ld.get(ld_key)
            if isinstance(value, dict):
                value = value.get("url") or value.get("name")
            add("json-ld", ld_key, ", ".join(v for v in value if isinstance(v, str))
                if isinstance(value, list) else ld_text(value))
        row = META_KEYS.get("standfirst" if field == "subtitle" else
                            "title" if field == "headline" else field, ())
        for key in (*((LIST_KEYS[field],) if field in LIST_KEYS else ()), *row):
            for value in meta.get(key, []):
                add(_source(key), key, value)
        if field in ("title", "headline"):
            add("title", "<title>", page_title)
            for h1 in h1s:
                add("h1", "<h1>", h1)
        elif field == "authors":
            for name in twitter_label_author(meta):
                add("meta", "twitter:label", name)
            for name in visible_byline(tree):
                add("visible", "byline", name)
        elif field == "published":
            add("visible", "<time datetime>", time_element(tree))
            add("visible", "header dateline", header_date(tree))
            add("visible", "visible date", visible_date(tree))
            if url:
                m = re.search(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|$)", url)
                if m:
                    add("url", "/YYYY/MM/DD/", "-".join(m.groups()))
        elif field == "language":
            html = tree.css_first("html")
            if html is not None:
                add("html", "<html lang>", html.attributes.get("lang")
                    or html.attributes.get("xml:lang"))
        elif field == "url":
            link = tree.css_first('link[rel="canonical"]')
            add("link", '<link rel="canonical">',
                link.attributes.get("href") if link is not None else None)
            add("url", "page URL", url)
        elif field == "subtitle" and out.get("subtitle"):
            add("visible", "standfirst paragraph", out["subtitle"])
        chosen = out.get(field)
        if isinstance(chosen, list):
            chosen = ", ".join(chosen)
        won = _winner(cands, chosen, field)
        rec.meta[field] = {"value": chosen or None, "rule": rule, "order": why,
                           "chosen_from": won, "candidates": cands}
    if node_text(tree.css_first("title")) != page_title:  # pragma: no cover - sanity
        rec.notes.append("title changed while recording")


def _winner(cands: list[dict[str, Any]], chosen: Any, field: str) -> dict[str, Any] | None:
    """The first candidate the chosen value came from: equal once normalised, or (titles,
    dates) contained in it; marks it ``chosen``."""
    if not chosen:
        return None
    want = word_key(str(chosen))
    day = iso_date(str(chosen)) if field in ("published", "modified") else None
    for exact in (True, False):
        for cand in cands:
            have = word_key(cand["value"])
            if have == want or not exact and want and (want in have or have and have in want) \
                    or day and iso_date(cand["value"]) == day:
                cand["chosen"] = True
                return {"source": cand["source"], "key": cand["key"]}
    return None
