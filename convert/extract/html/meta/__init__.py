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

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract import record
from convert.textutil import squash
from convert.extract.ablation import rule
from convert.extract.dates import is_valid_day, iso_date
from ..dom import node_text, word_key
from .byline import twitter_label_author, visible_byline
from .dateline import elsewhere, last_change_date, page_date, shown_publication
from .declared import (
    first_value,
    is_organisation,
    is_person,
    json_ld,
    ld_objects,
    ld_names,
    ld_text,
    ld_types,
    meta_tags,
)
from .items import event_days, item_title
from .elements import page_elements
from .offer import offer
from .keys import CREATOR_KEYS, LIST_KEYS, META_KEYS, SURNAME_FIRST_KEYS
from .names import clean_authors
from .standfirst import standfirst
from .heading import (
    HEADER_LINK,
    KICKER_IN_HEADING,
    has_leading_label,
    heading_text,
    screen_reader_only,
)
from .posthead import POST_HEADINGS, post_heading
from .title import (
    _TITLE_SEPARATORS,
    choose_title,
    is_site,
    site_suffixed,
    visible_headline,
)
from ...lazyre import lazy

log = logging.getLogger("convert.extract")

PUBLISH_NAMED_KEY = rule("publish_named_key", "a <meta> no table lists whose name says "
                         "'published date' ('w-published-date') declares the publication")
PREFIX_DATE_KEY = rule("prefix_date_key", "a <meta> named '<prefix>.date' no table lists "
                       "('ms.date' of a docs CMS, as 'dc.date' and 'sailthru.date' are) declares "
                       "the publication")
#: A namespaced "date" key: the CMS's or analytics tag's own prefix, then ".date".
_PREFIX_DATE = lazy(r"[a-z][a-z0-9_-]*\.date$")
DOMAIN_AUTHOR = rule("domain_author", "an author written as a domain name ('CBSNews.com') is "
                     "the publisher: the visible byline names the writer")
_DOMAIN = lazy(r"[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|co|io|news|info|de|fr|uk)",
               re.IGNORECASE)
OUTLET_AFTER_WRITER = rule(
    "outlet_after_writer", "a news outlet or agency listed with the writers ('Mary Murray, "
    "NBC News', 'Collins Mtika, Nyasa Times') is where they write, not an author")
#: A publication's or agency's name: its last word is a press word, or it is an agency.
_OUTLET = lazy(r"(?:\b(?:News|Times|Post|Press|Herald|Journal|Tribune|Gazette|Chronicle|"
               r"Telegraph|Magazine|Daily|Wire|Network|Media)|^(?:Reuters|AFP|AP|Bloomberg))$")
DECLARED_ADDRESS_DATE = rule(
    "declared_address_date", "a page read from a file is dated by the address it declares "
    "(<link rel=canonical>, og:url: '/2012/10/29/post-name/') as by the one it was fetched from")
DECLARED_ADDRESS_HOST = rule(
    "declared_address_host", "a page read from a file knows its site's host from the address "
    "it declares (<link rel=canonical>, og:url), as a fetched page does from its URL: "
    "'Skepchick Quickies 10.29 - Skepchick' on skepchick.org ends in the site's name")
PERSONS_OVER_ORGANISATIONS = rule(
    "persons_over_organisations", "a JSON-LD author list naming Persons names its writers: an "
    "Organization listed among them is the publication or a desk, not an author")
CREATOR_PERSON = rule("creator_person", "with no JSON-LD author, a 'creator' declared as a "
                      "Person is the author (schema.org's broader property, as journals use it)")
SCHOLARLY_NAME_LISTS = rule(
    "scholarly_name_lists", "a scholarly author tag may list 'Surname, Given' names apart by "
    "semicolons ('Roy, A.; Smith, J.'), and Dublin Core creators write them so too "
    "('Roy, Aniruddha'): each turned, never split at its comma")
UPDATE_STAMP_MODIFIED = rule(
    "update_stamp_modified", "a page that shows only a date labelled an update ('Last updated "
    "12 February 2024') and declares none was modified then (and that date stays its "
    "published one: the only date it gives)")
TITLE_SUFFIX_SITE = rule(
    "title_suffix_site", "a site name known only from JSON-LD's publisher is the company behind "
    "the site ('Wikimedia Foundation, Inc.'): the name the <title> ends with, after the headline "
    "and a separator ('Tarte Tatin - Wikipedia'), is the site's own")
#: A site's name is a few words ("Wikipedia", "The New York Times"); a longer tail is a
#: section's or a tagline's.
SITE_SUFFIX_MAX_WORDS = 4
#: A company's registered name ("Wikimedia Foundation, Inc.", "Example Media Ltd") or an
#: address (an unresolved "@id"): what a publisher is called, not what its site is.
_LEGAL_NAME = lazy(r"(?:\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|GmbH|AG|S\.?A|S\.?L|SAS|B\.?V|N\.?V|"
                   r"plc|PLC|Corp|Corporation|Foundation|Co)\.?|^https?://\S+)$")
PUBLISHER_IN_AUTHORS = rule("publisher_in_authors", "the site's name listed after the "
                            "writers ('A and B, The Daily Paper') is no author")

_URL_DATE = lazy(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|$)|"
                 r"/((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?:[/_-]|$)")
#: Tags longer than this are sentences, not tags; at most :data:`MAX_TAGS` are kept.
MAX_TAG_CHARS = 80
MAX_TAGS = 30
#: How many ``<h1>`` the title and headline are chosen among.
MAX_H1S = 5


def extract(tree: LexborHTMLParser, url: str | None,
            found: dict[str, list[LexborNode]] | None = None,
            headings: list[LexborNode] | None = None) -> dict[str, Any]:
    """Metadata fields for :class:`convert.article.Meta` (strings, lists, no Figure).

    Each field is taken from the most trusted source that declares it: for most, the
    JSON-LD article object, then the ``<meta>`` keys of its row in :data:`.keys.META_KEYS`
    (for the site name, description, section and lead image the ``<meta>`` keys come first,
    and the language is ``<html lang>`` before either), then what the page shows (the
    visible byline, the dateline, the URL's date). ``found``: the page's
    :func:`.elements.page_elements`, when the caller found them; ``headings``: the body's
    ``<h2>``-``<h5>`` elements in page order (``body.css("h2, h3, h4, h5")``), when the
    caller found them."""
    if found is None:
        found = page_elements(tree)
    objects = ld_objects(tree, found["script"])
    ld = json_ld(objects)
    meta = meta_tags(tree, found["meta"])
    out: dict[str, Any] = {}

    def declared(field: str) -> str | None:
        """The first ``<meta>`` value of the field's row in :data:`.keys.META_KEYS`."""
        return first_value(meta, *META_KEYS[field])

    site_name = ld_text(ld.get("publisher")) if ld else None
    publisher_only = bool(site_name) and not declared("site_name")
    site_name = declared("site_name") or site_name
    out["site_name"] = site_name

    h1_nodes = found["h1"][:MAX_H1S]
    h1s = [t for t in (HEADER_LINK.sub("", heading_text(n)) for n in h1_nodes) if t]
    # (a screen-reader-only <h1> names the page when the declarations echo it, but is no
    # visible headline to fall back on)
    unseen = frozenset(HEADER_LINK.sub("", heading_text(n)) for n in h1_nodes
                       if screen_reader_only(n))
    page_title = node_text(tree.css_first("title"))
    titles = [ld_text(ld.get("headline") or item_title(ld, objects, ld_types)) or "" if ld else "",
              declared("title") or ""]
    canonical = found["link"][0] if found["link"] else None  # (link[rel="canonical"])
    address = (canonical.attributes.get("href") if canonical is not None else None) or declared(
        "url")
    host, start = None, None
    if url:
        host, start = _host(url)
    elif address and DECLARED_ADDRESS_HOST and not site_name:
        # A page read from a file knows its site by the address it declares, as a fetched
        # page does by its URL; below the start page only (a start page's title is about the
        # site: "Hugging Face – The AI community building the future." keeps its name).
        declared_host, declared_start = _host(address)
        host = None if declared_start else declared_host
    # (a blog's post title in an <h2>/<h3> under the blog's name: it is the headline too)
    whole_titles = [t for t in (*titles, page_title) if t]
    subheads = _subheads(tree, whole_titles, headings) if len(set(h1s)) <= 1 and (
        h1s or not h1_nodes) else []
    post = post_heading(whole_titles, h1s, subheads, site_name,
                        host, bool(h1_nodes), len(h1_nodes) == 1 and _logo_link(h1_nodes[0]),
                        any(titles))
    # (an <h1> classed as the post's title, hAtom's "entry-title", is never the site's name)
    entries = frozenset(HEADER_LINK.sub("", heading_text(n)) for n in h1_nodes
                        if _ENTRY_TITLE_CLASS.search(n.attributes.get("class") or ""))
    # (the page is its site's start page, by the URL it was fetched from or declares)
    home = start if url else _host(address)[1] if address else None
    out["title"] = post or choose_title(titles, h1s, page_title, site_name, host, unseen,
                                        start, entries, home)
    if TITLE_SUFFIX_SITE and publisher_only and out["title"] and _LEGAL_NAME.search(site_name):
        out["site_name"] = _title_suffix(page_title, out["title"]) or site_name
    # (the blog's name in that page's <h1>: the body drops it as it drops the title)
    out["blog_name"] = h1s[0] if post and h1s else None
    # (an <h1> "Headline – Site" of the title "Headline": the body drops it as the title)
    out["title_heading"] = next((h for h in h1s if site_suffixed(
        h, out["title"], site_name, host)), None) if out["title"] else None
    if out["title"] and not out["title_heading"] and KICKER_IN_HEADING:
        # (an <h1> "<kicker> Headline" read as "Headline": the body drops it whole)
        out["title_heading"] = next((whole for whole, read in (
            (squash(n.text(deep=True, separator=" ")), heading_text(n)) for n in h1_nodes
            if has_leading_label(n)) if read == out["title"] and whole != read), None)
    out["headline"] = None if post else visible_headline(out["title"], titles, h1s, page_title,
                                                          site_name, host, home)

    ld_description = ld_text(ld.get("description")) if ld else None
    out["description"] = declared("description") or ld_description
    out["subtitle"] = standfirst(tree, out["title"], [
        d for d in (*(first_value(meta, key) for key in META_KEYS["standfirst"]),
                    ld_description) if d], [*titles, page_title], site_name, found["h1"])
    out["authors"] = _authors(tree, ld, meta, site_name, host)
    out["published"], out["modified"] = _dates(
        tree, ld, meta, url or (address if DECLARED_ADDRESS_DATE else None), found["time"],
        objects)

    html = tree.css_first("html")
    lang = html.attributes.get("lang") or html.attributes.get("xml:lang") if html else None
    if not lang:
        lang = declared("language")
        if not lang and ld:
            lang = ld_text(ld.get("inLanguage"))
    out["language"] = _bcp47(lang)

    out["section"] = declared("section") or (
        ld_text(ld.get("articleSection")) if ld else None)
    tags = meta.get(LIST_KEYS["tags"], [])
    if not tags:
        raw = declared("tags")
        if not raw and ld and ld.get("keywords"):
            kw = ld["keywords"]
            raw = ", ".join(k for k in kw if isinstance(k, str)) if isinstance(kw, list) \
                else ld_text(kw)
        tags = [t.strip() for t in (raw or "").split(",")]
    out["tags"] = list(dict.fromkeys(t for t in tags if t and len(t) < MAX_TAG_CHARS))[:MAX_TAGS]

    out["url"] = address or url
    image = declared("lead_image")
    if not image and ld:
        image = ld_text(ld.get("image")) if not isinstance(ld.get("image"), dict) else ld_text(
            ld["image"].get("url"))
    out["lead_image"] = image
    out.update(offer(tree, objects, meta))
    rec = record.current()
    if rec is not None:
        from .candidates import record_candidates
        record_candidates(rec, tree, ld, meta, h1s, page_title, out, url)
    return out


def _title_suffix(page_title: str, title: str) -> str | None:
    """The site's name a ``<title>`` "Headline | Site" ends with, when the rest is the title."""
    seps = list(_TITLE_SEPARATORS.finditer(page_title))
    if not seps:
        return None
    head, tail = page_title[:seps[-1].start()], page_title[seps[-1].end():].strip()
    if not tail or len(tail.split()) > SITE_SUFFIX_MAX_WORDS or word_key(head) != word_key(title):
        return None
    return tail


def _host(url: str) -> tuple[str | None, bool]:
    """The host of an address and whether the address is the site's start page."""
    m = re.match(r"https?://([^/:?#]+)(?::\d+)?(/[^?#]*)?", url.strip(), re.IGNORECASE)
    return (m.group(1) if m else None), not (m and (m.group(2) or "/").strip("/"))


#: A heading classed as the post's own title (hAtom's "entry-title", Blogger's "post-title";
#: a bare "title" is as often the blog's name, and UIkit's "article-title" any heading).
_ENTRY_TITLE_CLASS = lazy(r"(?:post|entry)[-_]?title", re.IGNORECASE)
#: A heading classed as a post's title (Blogger's "post-title", WordPress's "entry-title",
#: a bare "title").
_POST_TITLE_CLASS = lazy(r"(?:post|entry|article)[-_]?title|(?:^|\s)title(?:\s|$)",
                         re.IGNORECASE)


def _subheads(tree: LexborHTMLParser, titles: list[str],
              headings: list[LexborNode] | None = None) -> list[tuple[str, int]]:
    """The page's first ``<h2>``/``<h3>`` texts that a title may hold, each with whether it is
    classed as a post's title: 2 for a post's or entry's title class, 1 for a bare "title",
    0 for none (a site logo's heading left out). ``headings``: see :func:`extract` (the parser
    puts every heading in the body: its ``<h2>`` and ``<h3>`` are the page's, and no walk of
    the page is made for them)."""
    joined = " ".join(squash(t) for t in titles)
    out = []
    nodes = tree.css("h2, h3") if headings is None else [
        h for h in headings if h.tag == "h2" or h.tag == "h3"]
    for node in nodes[:POST_HEADINGS]:
        # (a cheap test first: the heading's words end as they end inside a title; a label
        # badge heading_text drops comes first, so the end is what both share)
        tail = squash(node.text(deep=True, separator=" ") or "")[-SUBHEAD_TAIL:]
        if not tail or tail not in joined or _home_link(node):
            continue
        text = heading_text(node)
        if text:
            classes = node.attributes.get("class") or ""
            out.append((text, 2 if _ENTRY_TITLE_CLASS.search(classes) else int(bool(
                _POST_TITLE_CLASS.search(classes)))))
    return out


#: Characters at a heading's end looked for in the titles before the heading is read closely.
SUBHEAD_TAIL = 12


def _home_link(heading) -> bool:  # noqa: ANN001
    """Whether a heading is the site's logo: a link to the start page ("/"), or marked as
    the site's title."""
    link = heading.css_first("a")
    if link is not None and (link.attributes.get("href") or "").strip() == "/":
        return True
    return "site-title" in (heading.attributes.get("id") or "") + " " + (
        heading.attributes.get("class") or "")


def _logo_link(heading) -> bool:  # noqa: ANN001
    """Whether a heading's text is one link to a site's start or section page (an address
    whose path has at most one part: "/", "https://example.com/", "/blog")."""
    link = heading.css_first("a")
    if link is None or squash(link.text(deep=True) or "") != squash(heading.text(deep=True) or ""):
        return False
    path = re.sub(r"^(?:https?:)?//[^/]+", "", (link.attributes.get("href") or "").strip())
    return "/" not in path.strip("/") and "." not in path and "?" not in path


def _authors(tree: LexborHTMLParser, ld: dict, meta: dict[str, list[str]],
             site_name: str | None, host: str | None) -> list[str]:
    """The article's authors: JSON-LD, then ``<meta>``, then Yoast's Twitter label, then the
    visible byline (also asked when the declared author is only the publisher)."""
    ld_author = ld.get("author") if ld else None
    if not ld_author and ld and CREATOR_PERSON and is_person(ld.get("creator")):
        ld_author = ld["creator"]  # (schema.org's broader "creator", naming a Person)
    if PERSONS_OVER_ORGANISATIONS and isinstance(ld_author, list) and is_person(ld_author):
        # [Person, Organization, Person]: the people wrote it; the organisation listed with
        # them is the publication or its desk.
        ld_author = [a for a in ld_author if not is_organisation(a)]
    authors = clean_authors(ld_names(ld_author))
    if not authors:
        authors = clean_authors([name for key in META_KEYS["authors"]
                                 for value in meta.get(key, [])
                                 for name in _meta_names(key, value)])
    if not authors:
        authors = twitter_label_author(meta)
    if not authors:
        authors = visible_byline(tree)
    elif is_organisation(ld_author) or not is_person(ld_author) and all(
            is_site(a, site_name, host) or DOMAIN_AUTHOR and _DOMAIN.fullmatch(a)
            for a in authors):
        # The publisher declared as the author ("GlossGenius", "One Tree Planted"): a person
        # named in the visible byline is the article's author.
        authors = visible_byline(tree) or authors
    if PUBLISHER_IN_AUTHORS and len(authors) > 1:
        # "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal": the paper after its
        # writers is where they wrote, not another author.
        people = [a for a in authors if not _names_publisher(a, site_name, host) and not (
            OUTLET_AFTER_WRITER and _OUTLET.search(a))]
        authors = people or authors
    return authors


def _names_publisher(name: str, site_name: str | None, host: str | None) -> bool:
    """Whether an author name is the site's (its words, less a leading "The", among the
    site name's: "The Commercial Appeal" of "Memphis Commercial Appeal")."""
    return is_site(name, site_name, host) or is_site(
        re.sub(r"^the\s+", "", name, flags=re.IGNORECASE), site_name, host)


def _dates(tree: LexborHTMLParser, ld: dict, meta: dict[str, list[str]], url: str | None,
           times: list[LexborNode] | None = None, objects: list[dict] = ()
           ) -> tuple[str | None, str | None]:
    """The publication and modification dates: declared (JSON-LD, then ``<meta>``), the
    publication corrected by what the page shows; else the page's ``<time>``, dateline or
    visible date (not on the day of an event the page declares: ``objects``, its JSON-LD),
    else the URL's ``/YYYY/MM/DD/``."""
    published = iso_date(ld_text(ld.get("datePublished")) if ld else None) or iso_date(
        first_value(meta, *META_KEYS["published"])) or _publish_named(meta)
    modified = iso_date(ld_text(ld.get("dateModified")) if ld else None) or iso_date(
        first_value(meta, *META_KEYS["modified"])) or _time_modified(tree)
    if published:
        # (JSON-LD's datePublished alone: no OpenGraph, Dublin Core, CMS <meta> or microdata
        # declares the publication)
        schema_only = bool(ld and ld.get("datePublished")) and not any(
            meta.get(key) for key in META_KEYS["published"]) and not _publish_named(meta)
        shown = shown_publication(tree, published, modified, schema_only, times)
        if shown == published or shown[:10] not in event_days(tree, objects, ld_types):
            published = shown  # (an event's day shown under its name corrects nothing)
    else:
        updates: list[str] = []
        published = page_date(tree, updates)
        if published and published in updates and UPDATE_STAMP_MODIFIED:
            # The page shows one date and labels it an update ("Last updated 12 February
            # 2024", "Updated: March 3, 2024"): it says when the page last changed. When it was
            # first published the page does not tell; the stamp stays the published date too,
            # as the only date a reader, a citation or a sorted batch has for the page (and
            # what the human golds mark on such pages).
            modified = modified or published
        if not published and not modified:
            # (a page showing no date but its "last edited on" line, which page_date passes
            # over: a wiki's article; read only then, as it walks the page again)
            modified = last_change_date(tree)
        if published and published[:10] in event_days(tree, objects, ld_types):
            published = None  # (the event's own day, shown on its page: not a publication)
    if not published and url:
        m = _URL_DATE.search(url)
        if m:
            y, mo, d = [g for g in m.groups() if g is not None]
            if is_valid_day(int(y), int(mo), int(d)):
                published = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    return published, modified


TIME_MODIFIED = rule("time_modified", "a <time itemprop=dateModified datetime=...> (a docs "
                     "page's 'Last updated on') declares the modification date")


def _time_modified(tree: LexborHTMLParser) -> str | None:
    """The ``datetime`` of the first ``<time>`` marked as the page's modification date
    (microdata on a ``<time>`` gives its value there, not in ``content``)."""
    if not TIME_MODIFIED:
        return None
    node = tree.css_first('time[itemprop~="dateModified"][datetime]')
    if node is None and UPDATED_CLASS:
        # hAtom's "updated" (WordPress themes: <time class="entry-date published"> then
        # <time class="updated">) is the day the post last changed; a <time> classed both
        # "published" and "updated" is a post never changed, so the publication, and one in a
        # comment or a sidebar is another's.
        node = next((n for n in tree.css("time.updated[datetime]")[:TIME_UPDATED_READ]
                     if "published" not in (n.attributes.get("class") or "").split()
                     and not elsewhere(n)), None)
    return iso_date(node.attributes.get("datetime")) if node is not None else None


UPDATED_CLASS = rule("updated_class", "a <time class=\"updated\" datetime=...> not also "
                     "classed \"published\" (hAtom; WordPress beside 'entry-date published') "
                     "declares the modification date")
#: How many ``<time class="updated">`` are read (the post's comes first).
TIME_UPDATED_READ = 3


#: A ``<meta>`` name no table lists but that says "published date" in a CMS's or an analytics
#: tag's own words ("w-published-date", "cxenseparse:publishtime", "og:publish_date",
#: "published_at", "dcsext.articlefirstpublished").
_PUBLISH_KEY = lazy(r"(?:publish(?:ed)?[-_. ]?(?:date|time|at)|firstpublished)$")


def _publish_named(meta: dict[str, list[str]]) -> str | None:
    """The date of the first ``<meta>`` whose name says it is the publication date."""
    if not PUBLISH_NAMED_KEY:
        return None
    for key, values in meta.items():
        if (_PUBLISH_KEY.search(key) or PREFIX_DATE_KEY and _PREFIX_DATE.match(key)) and (
                not key.startswith("twitter:")):
            date = iso_date(values[0])
            if date:
                return date
    return None


def _meta_names(key: str, value: str) -> list[str]:
    """The names of one author ``<meta>``: a scholarly key's "Surname, Given" turned, each of
    several set apart by semicolons; a Dublin Core creator's too when what follows its one
    comma is a given name (one word or initials): "Roy, Aniruddha" → "Aniruddha Roy"."""
    if key in SURNAME_FIRST_KEYS:
        parts = [p for p in value.split(";") if p.strip()] if SCHOLARLY_NAME_LISTS else [value]
        return [_first_last(p) for p in parts]
    if SCHOLARLY_NAME_LISTS and key in CREATOR_KEYS and _SURNAME_GIVEN.fullmatch(value):
        return [_first_last(value)]
    return [value]


#: "Surname, Given": a one-word surname (after a particle or two: "van der Berg") and a given
#: name written as one ("Roy, Aniruddha") or as initials ("Smith, J. A."); not "Jane Doe, CNN"
#: nor "Reuters, AP".
_SURNAME_GIVEN = lazy(r"\s*(?:(?i:van|von|de|der|den|del|della|di|da|du|le|la)\s+){0,2}"
                      r"[^\W\d_][\w'-]*,\s*(?:[^\W\d_][^\W\d_A-Z]+(?:-[^\W\d_][\w']*)?|"
                      r"(?:[^\W\d_]\.\s*){1,3})\s*")


def _first_last(name: str) -> str:
    """Scholarly ``citation_author`` as a byline reads it: "Roy, Aniruddha" → "Aniruddha Roy"
    (one author per tag, so its comma is not a list)."""
    m = re.fullmatch(r"\s*([^,]+?),\s*([^,]+?)\s*", name)
    return f"{m.group(2)} {m.group(1)}" if m else name


def _bcp47(lang: str | None) -> str | None:
    """A language tag in BCP 47 case ("en_us" → "en-US"), or ``None`` when it is not one."""
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
