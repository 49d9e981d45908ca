"""Article metadata from the page's own declarations, most trusted first.

Sources, in order of trust: JSON-LD (``Article`` and kin, ``@graph`` flattened), OpenGraph and
``article:*``, ``<meta name>`` (Dublin Core, Parsely, citation, sailthru), microdata
``itemprop``, ``<time datetime>``, the URL's ``/YYYY/MM/DD/``, then visible bylines and
datelines. The headline is the article's ``<h1>`` when a declared title merely adds the site
name to it, so ``Meta.title`` never carries " | Site".
"""

from __future__ import annotations

import logging
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .byline import _twitter_label_author, clean_authors, visible_byline
from .dateline import _time_element, _visible_date, header_date, shown_publication
from convert.extract.dates import is_valid_day, iso_date
from .declared import (
    _first,
    _names,
    _str,
    is_organisation,
    is_person,
    json_ld,
    meta_tags,
)
from .standfirst import standfirst
from .title import (
    _HEADER_LINK, _node_text, choose_title, heading_text, is_site, visible_headline,
)

log = logging.getLogger("convert.extract")

_URL_DATE = re.compile(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|$)|"
                       r"/((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?:[/_-]|$)")


def extract(tree: LexborHTMLParser, url: str | None) -> dict[str, Any]:
    """Metadata fields for :class:`convert.article.Meta` (strings, lists, no Figure)."""
    ld = json_ld(tree)
    meta = meta_tags(tree)
    out: dict[str, Any] = {}

    site_name = _str(ld.get("publisher")) if ld else None
    site_name = _first(meta, "og:site_name", "application-name", "twitter:site:name") or site_name
    out["site_name"] = site_name

    h1s = [t for t in (_HEADER_LINK.sub("", heading_text(n)) for n in tree.css("h1")[:5]) if t]
    title_node = tree.css_first("title")
    page_title = _node_text(title_node)
    declared = [_str(ld.get("headline")) or "" if ld else "",
                _first(meta, "dc:title", "dcterms:title", "og:title", "twitter:title", "dc.title",
                       "dcterms.title",
                       "citation_title", "title", "headline", "sailthru.title",
                       "parsely-title") or ""]
    host = None
    if url:
        m = re.match(r"https?://([^/:?#]+)", url, re.IGNORECASE)
        host = m.group(1) if m else None
    out["title"] = choose_title(declared, h1s, page_title, site_name, host)
    out["headline"] = visible_headline(out["title"], declared, h1s, page_title, site_name, host)

    out["description"] = (_first(meta, "description", "og:description", "twitter:description",
                                 "dc.description")
                          or (_str(ld.get("description")) if ld else None))
    out["subtitle"] = standfirst(tree, out["title"], [
        d for d in (_first(meta, "og:description"), _first(meta, "description"),
                    _first(meta, "twitter:description"),
                    _str(ld.get("description")) if ld else None) if d])

    ld_author = ld.get("author") if ld else None
    authors = clean_authors(_names(ld_author))
    if not authors:
        authors = clean_authors(meta.get("dc:creator", []) + meta.get("dcterms:creator", [])
                                + meta.get("author", []) + meta.get("article:author", [])
                                + meta.get("parsely-author", []) + meta.get("dc.creator", [])
                                + meta.get("sailthru.author", [])
                                + [_first_last(a) for a in meta.get("citation_author", [])]
                                + meta.get("byl", []))
    if not authors:
        authors = _twitter_label_author(meta)
    if not authors:
        authors = visible_byline(tree)
    elif is_organisation(ld_author) or not is_person(ld_author) and all(
            is_site(a, site_name, host) for a in authors):
        # The publisher declared as the author ("GlossGenius", "One Tree Planted"): a person
        # named in the visible byline is the article's author.
        authors = visible_byline(tree) or authors
    out["authors"] = authors

    published = iso_date(_str(ld.get("datePublished")) if ld else None) or iso_date(_first(
        meta, "article:published_time", "datepublished", "og:published_time",
        "article:published", "publishdate", "publish-date", "pubdate", "date", "dc.date",
        "dc.date.issued", "dcterms.created", "dcterms.date", "citation_publication_date",
        "citation_date", "sailthru.date", "parsely-pub-date", "article.published",
        "published_time", "datecreated", "release_date", "published", "created",
        "article:published", "date.published", "datepublished"))
    modified = iso_date(_str(ld.get("dateModified")) if ld else None) or iso_date(_first(
        meta, "article:modified_time", "datemodified", "og:updated_time", "dcterms.modified",
        "last-modified", "dc.date.modified"))
    if published:
        published = shown_publication(tree, published, modified)
    else:
        published = _time_element(tree) or header_date(tree) or _visible_date(tree)
    if not published and url:
        m = _URL_DATE.search(url)
        if m:
            y, mo, d = [g for g in m.groups() if g is not None]
            if is_valid_day(int(y), int(mo), int(d)):
                published = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    out["published"] = published
    out["modified"] = modified

    html = tree.css_first("html")
    lang = html.attributes.get("lang") or html.attributes.get("xml:lang") if html else None
    if not lang:
        lang = _first(meta, "og:locale", "content-language", "dc.language", "language")
        if not lang and ld:
            lang = _str(ld.get("inLanguage"))
    out["language"] = _bcp47(lang)

    out["section"] = _first(meta, "article:section", "parsely-section", "section") or (
        _str(ld.get("articleSection")) if ld else None)
    tags = meta.get("article:tag", [])
    if not tags:
        raw = _first(meta, "news_keywords", "keywords")
        if not raw and ld and ld.get("keywords"):
            kw = ld["keywords"]
            raw = ", ".join(k for k in kw if isinstance(k, str)) if isinstance(kw, list) else _str(kw)
        tags = [t.strip() for t in (raw or "").split(",")]
    out["tags"] = list(dict.fromkeys(t for t in tags if t and len(t) < 80))[:30]

    canonical = tree.css_first('link[rel="canonical"]')
    out["url"] = ((canonical.attributes.get("href") if canonical is not None else None)
                  or _first(meta, "og:url") or url)
    image = _first(meta, "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    if not image and ld:
        image = _str(ld.get("image")) if not isinstance(ld.get("image"), dict) else _str(
            ld["image"].get("url"))
    out["lead_image"] = image
    out["article_body"] = _str(ld.get("articleBody")) if ld else None
    return out



def _first_last(name: str) -> str:
    """Scholarly ``citation_author`` as a byline reads it: "Roy, Aniruddha" → "Aniruddha Roy"
    (one author per tag, so its comma is not a list)."""
    m = re.fullmatch(r"\s*([^,]+?),\s*([^,]+?)\s*", name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def _bcp47(lang: str | None) -> str | None:
    if not lang:
        return None
    lang = lang.strip().replace("_", "-")
    if not re.fullmatch(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*", lang):
        return None
    parts = lang.split("-")
    parts[0] = parts[0].lower()
    if len(parts) > 1 and len(parts[1]) == 2:
        parts[1] = parts[1].upper()
    return "-".join(parts)
