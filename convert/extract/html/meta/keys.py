"""The ``<meta>`` keys read for each metadata field, best first: one table.

Keys are the lower-cased ``name``/``property``/``itemprop``/``http-equiv`` of a ``<meta>``
(see :func:`.declared.meta_tags`). For each field, :func:`convert.extract.html.meta.extract`
takes the first key of its row the page declares (JSON-LD, when present, is asked before or
after the row as the field's comment in ``extract`` says). Where the keys come from:

- ``og:*``, ``article:*``: OpenGraph (ogp.me) and its article namespace;
- ``twitter:*``: Twitter/X cards;
- ``dc.*``, ``dc:*``, ``dcterms.*``, ``dcterms:*``: Dublin Core, both spellings seen in pages;
- ``citation_*``: Highwire Press tags read by Google Scholar (journals, repositories);
- ``parsely-*``, ``sailthru.*``, ``cxenseparse:*``: the Parse.ly, Sailthru and Cxense
  analytics tags news CMSs emit;
- ``byl``: the New York Times' byline tag;
- the bare words (``description``, ``author``, ``keywords``, ``date``, ``pubdate``, ...):
  HTML's standard names and the common unprefixed variants CMS templates write.
"""

from __future__ import annotations

__all__ = ["META_KEYS", "SURNAME_FIRST_KEYS", "CREATOR_KEYS", "LIST_KEYS", "LABELLED_KEYS"]

#: Field → the ``<meta>`` keys that declare it, best first.
META_KEYS: dict[str, tuple[str, ...]] = {
    "site_name": ("og:site_name", "application-name", "twitter:site:name"),
    "title": ("dc:title", "dcterms:title", "og:title", "twitter:title", "dc.title",
              "dcterms.title", "citation_title", "title", "headline", "sailthru.title",
              "parsely-title"),
    "description": ("description", "og:description", "twitter:description", "dc.description"),
    # The standfirst is compared with each description on its own, in this order.
    "standfirst": ("og:description", "description", "twitter:description"),
    # Every value of every key, in this order (a page may list several authors).
    "authors": ("dc:creator", "dcterms:creator", "author", "article:author", "parsely-author",
                "dc.creator", "sailthru.author", "cxenseparse:author", "citation_author", "byl"),
    "published": ("article:published_time", "datepublished", "og:published_time",
                  "article:published", "publishdate", "publish-date", "pubdate", "date",
                  "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
                  "citation_publication_date", "citation_date", "sailthru.date",
                  "parsely-pub-date", "article.published", "published_time", "datecreated",
                  "release_date", "published", "created", "date.published"),
    "modified": ("article:modified_time", "datemodified", "og:updated_time", "dcterms.modified",
                 "last-modified", "dc.date.modified"),
    # After ``<html lang>``.
    "language": ("og:locale", "content-language", "dc.language", "language"),
    "section": ("article:section", "parsely-section", "section"),
    # A comma-separated list, when no ``article:tag`` (see :data:`LIST_KEYS`) is declared.
    "tags": ("news_keywords", "keywords"),
    # After ``<link rel="canonical">``.
    "url": ("og:url",),
    "lead_image": ("og:image", "og:image:url", "twitter:image", "twitter:image:src"),
}

#: Field → the key whose every value is one item of a list field (one tag per ``<meta>``).
LIST_KEYS: dict[str, str] = {"tags": "article:tag"}

#: Author keys written "Surname, Given" (one author per tag, so the comma is not a list;
#: several in one tag are set apart by semicolons: "Roy, A.; Smith, J.").
SURNAME_FIRST_KEYS = frozenset({"citation_author"})
#: Dublin Core's creator keys, which library and journal systems write "Surname, Given" too
#: (read so when what follows the comma is a given name only: one word or initials).
CREATOR_KEYS = frozenset({"dc:creator", "dcterms:creator", "dc.creator", "dcterms.creator"})

#: (label key, value key) pairs where a label ("Written by") says what the value is: Yoast's
#: Twitter card extras, read for the author.
LABELLED_KEYS = tuple((f"twitter:label{i}", f"twitter:data{i}") for i in range(1, 5))
