"""Article metadata from the page's own declarations, most trusted first.

Sources, in order of trust: JSON-LD (``Article`` and kin, ``@graph`` flattened), OpenGraph and
``article:*``, ``<meta name>`` (Dublin Core, Parsely, citation, sailthru), microdata
``itemprop``, ``<time datetime>``, the URL's ``/YYYY/MM/DD/``, then visible bylines and
datelines. The headline is the article's ``<h1>`` when a declared title merely adds the site
name to it, so ``Meta.title`` never carries " | Site".
"""

from __future__ import annotations

import html
import json
import logging
import re
from typing import Any, Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..textutil import clean_text, squash
from .dates import iso_date, is_valid_day, text_date
from .standfirst import _key, standfirst

log = logging.getLogger("convert.extract")

_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "report", "scholarlyarticle",
                  "techarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "review",
                  "socialmediaposting", "liveblogposting", "posting", "discussionforumposting",
                  "medicalwebpage", "howto", "recipe", "product", "qapage", "question", "event",
                  "creativework", "webpage", "itempage", "aboutpage", "collectionpage", "faqpage")
#: Types before this index in _ARTICLE_TYPES are articles proper (their declarations merge).
_ARTICLE_FAMILY = _ARTICLE_TYPES.index("medicalwebpage")
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—/·•»:]|::)\s+")
_BY = re.compile(r"^\s*(?:by|von|par|por|di|de|door|av|przez|written by|posted by|words by|"
                 r"story by|reporting by|authors?|autor(?:in)?|auteur|text|contributors?|"
                 r"escrito por|écrit par|geschrieben von)\s*[:\-]?\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|&|\||·|⋅|•|/)\s*", re.IGNORECASE)
_AUTHOR_JUNK = re.compile(r"\d|@|https?:|www\.|\b(?:updated|published|posted|min read|"
                          r"minutes?|hours?|ago|share|follow|email|twitter|staff|editor|"
                          r"reporter|correspondent|contributor|photo|am|pm|written|posted|by|author|autor|"
                          r"auteur|admin|administrator|anonymous|unknown|guest)\b", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|$)|"
                       r"/((?:19|20)\d{2})-([01]\d)-([0-3]\d)(?:[/_-]|$)")

# --------------------------------------------------------------------------- JSON-LD

def _json_loads(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    text = text.removeprefix("<![CDATA[").removesuffix("]]>").strip()
    try:
        return json.loads(text)
    except ValueError:
        try:
            return json.loads(re.sub(r"[\x00-\x1f]", " ", text))
        except ValueError:
            return None


def _flatten(data: Any, out: list[dict], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            _flatten(item, out, depth + 1)
    elif isinstance(data, dict):
        out.append(data)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            if isinstance(data.get(key), (list, dict)):
                _flatten(data[key], out, depth + 1)


def _types(obj: dict) -> list[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return [t.lower()]
    if isinstance(t, list):
        return [x.lower() for x in t if isinstance(x, str)]
    return []


def json_ld(tree: LexborHTMLParser) -> dict:
    """The most article-like JSON-LD object of the page (empty dict if none)."""
    objects: list[dict] = []
    for script in tree.css('script[type="application/ld+json"]'):
        data = _json_loads(script.text(deep=True) or "")
        if data is not None:
            _flatten(data, objects)
    ranked: list[tuple[int, int, dict]] = []
    for i, obj in enumerate(objects):
        ranks = [_ARTICLE_TYPES.index(t) for t in _types(obj) if t in _ARTICLE_TYPES]
        if ranks:
            ranked.append((min(ranks), i, obj))
    if not ranked:
        return {}
    ranked.sort(key=lambda r: (r[0], r[1]))
    best = ranked[0][2]
    family = [obj for rank, _, obj in ranked[1:] if rank < _ARTICLE_FAMILY and obj is not best]
    if not family or ranked[0][0] >= _ARTICLE_FAMILY:
        return best
    # The same article declared twice (a plugin's Article and the theme's BlogPosting): fields
    # missing from the best-typed declaration are taken from the others, best first.
    merged = dict(best)
    for obj in family:
        for key, value in obj.items():
            merged.setdefault(key, value)
    return merged


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            return [name]
        if isinstance(name, list):
            return [n for n in name if isinstance(n, str)]
        given, family = value.get("givenName"), value.get("familyName")
        if isinstance(given, str) and isinstance(family, str):
            return [f"{given} {family}"]
        return []
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_names(item))
        return out
    return []


def _str(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("url") or value.get("@id")
    if isinstance(value, str):
        value = squash(clean_text(_unescape(value)))
        return value or None
    return None


def _unescape(value: str) -> str:
    # JSON-LD and meta values are often HTML-escaped twice by CMS templates ("&#8211;").
    return html.unescape(value) if "&" in value else value


# --------------------------------------------------------------------------- meta tags

def meta_tags(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """``<meta>`` values by lower-cased name/property/itemprop, in page order."""
    out: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        content = squash(clean_text(_unescape(content)))
        if not content:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                for part in name.lower().split():
                    out.setdefault(part, []).append(content)
    return out


def _first(meta: dict[str, list[str]], *names: str) -> str | None:
    for name in names:
        values = meta.get(name)
        if values:
            return values[0]
    return None


# --------------------------------------------------------------------------- authors

def clean_authors(values: Iterable[str]) -> list[str]:
    """Names from raw author strings: no "By", no dates, no roles, no URLs, no duplicates."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in values:
        raw = squash(clean_text(_unescape(raw)))
        if not raw or raw.startswith(("http:", "https:", "/")):
            continue
        raw = _BY.sub("", raw)
        raw = re.split(r"\s+(?:[|–—•·⋅]|-\s)\s*|\s+(?:on|am|le|el|il)\s+\d", raw)[0]
        parts = _AUTHOR_SPLIT.split(raw)
        if any(len(part) < 3 for part in parts):
            # "Mac & i", "J. & J.": an ampersand inside one name, not between names.
            parts = [raw]
        for name in parts:
            name = _BY.sub("", name).strip(" .:-–—()[]\"'")
            if not name or len(name) > 60 or len(name.split()) > 6 or _AUTHOR_JUNK.search(name):
                continue
            if name.isupper() and len(name) > 3:
                name = name.title()
            key = name.casefold()
            if key not in seen:
                seen.add(key)
                out.append(name)
    return out


_BYLINE_SELECTOR = (
    '[rel="author"], [itemprop="author"], [class*="byline"], [class*="author-name"], '
    '[class*="author"] [class*="name"], .author, [class*="Byline"], [data-testid*="byline"], '
    'address.author, [class*="autor"], [class*="Author"]')


#: The byline selector's parts, most specific first (a page's "author name" element beats a
#: wrapper that also holds the source or the date).
_BYLINE_PRIORITY = (
    '[rel="author"], [itemprop="author"]',
    '[class*="author-name"], [class*="authorname"], [class*="AuthorName"], '
    '[class*="author_name"]',
    _BYLINE_SELECTOR,
    # Last: a link to an author page ("/author/jane-doe") with no byline markup around it.
    'a[href*="/author/"], a[href*="/authors/"]',
)


def visible_byline(tree: LexborHTMLParser) -> list[str]:
    for selector in _BYLINE_PRIORITY:
        names = _byline_nodes(tree.css(selector)[:20])
        if names:
            return names
    return _byline_text(tree)


def _byline_nodes(nodes: list[LexborNode]) -> list[str]:
    for node in nodes:
        name_node = node.css_first('[itemprop="name"]')
        if name_node is not None:
            text = name_node.attributes.get("content") or name_node.text(deep=True)
        else:
            text = node.attributes.get("content") or node.text(deep=True, separator=" ")
        text = squash(text or "")
        if not text:
            continue
        names = clean_authors([text]) if len(text) <= 120 else []
        if not names:
            # A byline block that also holds a date or a role: its author link.
            for link in node.css("a")[:3]:
                link_text = squash(link.text(deep=True) or "")
                if 3 <= len(link_text) <= 60:
                    names = clean_authors([link_text])
                    if names:
                        break
        if names:
            return names
    return []


_BYLINE_TEXT = re.compile(r"^\s*(?:by|written by|posted by|words by|von|par|por|door|av)\s*:?\s+"
                          r"(\S.{1,60})$",
                          re.IGNORECASE)


def _byline_text(tree: LexborHTMLParser) -> list[str]:
    """A visible "By Jane Doe" line (a short text block starting with a byline word)."""
    body = tree.body
    if body is None:
        return []
    for node in body.css("p, span, div, li, address, em, strong, small, h3, h4, h5, h6")[:3000]:
        if node.child is None or node.tag == "div" and node.child.next is not None and (
                _has_block_child(node)):
            continue
        text = squash(node.text(deep=True, separator=" "))
        if len(text) > 70:
            continue
        m = _BYLINE_TEXT.match(text)
        if m and m.group(1)[:1].isupper():
            names = clean_authors([m.group(1)])
            if names:
                return names
    return []


_BLOCK_CHILD = frozenset({"div", "p", "ul", "ol", "li", "section", "article", "header",
                          "footer", "table", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "form"})


def _has_block_child(node: LexborNode) -> bool:
    kid = node.child
    while kid is not None:
        if kid.tag in _BLOCK_CHILD:
            return True
        kid = kid.next
    return False


_WRITTEN_BY = re.compile(r"^(?:written by|author|authors|by|autor|auteur|escrito por|"
                         r"geschrieben von|écrit par)$", re.IGNORECASE)


def _twitter_label_author(meta: dict[str, list[str]]) -> list[str]:
    """Yoast's ``twitter:label1`` "Written by" / ``twitter:data1`` "Jane Doe" pair."""
    for i in range(1, 5):
        label = _first(meta, f"twitter:label{i}")
        if label and _WRITTEN_BY.match(label.strip()):
            return clean_authors(meta.get(f"twitter:data{i}", [])[:1])
    return []


# --------------------------------------------------------------------------- title

def _node_text(node: LexborNode | None) -> str:
    return squash(clean_text(node.text(deep=True, separator=" "))) if node is not None else ""


def choose_title(declared: list[str], h1s: list[str], page_title: str,
                 site_name: str | None, host: str | None = None) -> str | None:
    """The headline: a declared title, trimmed of the site name, or the matching ``<h1>``."""
    candidates = [t for t in declared if t] + ([page_title] if page_title else [])
    distinct = list(dict.fromkeys(h1s))
    if len(distinct) == 1 and _headline_like(distinct[0], site_name, host) and _echoes(
            distinct[0], candidates):
        # One visible headline: the page's own wording beats a title rewritten for search
        # engines or social cards.
        return distinct[0]
    for h1 in h1s:
        if h1 and any(h1 != c and h1 in c and len(h1) >= 0.3 * len(c) for c in candidates):
            return h1
    # The visible headline is the article's own wording; a declared title sharing most of its
    # words is the same headline rewritten for search engines or social cards.
    best, best_overlap = None, 0.0
    for h1 in h1s:
        h1_words = _word_set(h1)
        for title in candidates:
            words = _word_set(title)
            if h1_words and words:
                overlap = len(h1_words & words) / len(h1_words | words)
                if overlap > best_overlap:
                    best, best_overlap = h1, overlap
    if best is not None and best_overlap >= H1_TITLE_OVERLAP:
        return best
    for title in candidates:
        trimmed = _strip_site(title, site_name)
        if trimmed:
            return trimmed
    return h1s[0] if h1s else None


#: A lone ``<h1>`` longer than this is a block of text, not a headline.
H1_MAX_CHARS = 200


def _headline_like(h1: str, site_name: str | None, host: str | None) -> bool:
    """A lone ``<h1>`` that is a headline, not the site's logo text."""
    if not (2 <= len(h1) <= H1_MAX_CHARS):
        return False
    key = _key(h1)
    if not key:
        return False
    if site_name and key == _key(site_name):
        return False
    if host:
        squashed = key.replace(" ", "")
        labels = [l for l in host.lower().removeprefix("www.").split(".") if l]
        if squashed in (host.lower().removeprefix("www.").replace(".", ""), *labels[:1]):
            return False
    return True


#: Share of a lone ``<h1>``'s words that the declared titles must repeat for it to be taken
#: as the headline (a blog's name or a template's placeholder shares none).
H1_ECHO_SHARE = 0.5


def _echoes(h1: str, candidates: list[str]) -> bool:
    """Whether the declared titles speak of the same thing as the ``<h1>`` (and do not merely
    carry it as their site-name part, "Blog Name: Post title")."""
    if not candidates:
        return True
    words = _word_set(h1)
    if not words:
        return False
    key = _key(h1)
    for title in candidates:
        parts = _TITLE_SEPARATORS.split(title) + re.split(r":\s+", title)
        if len(parts) > 1 and any(_key(p) == key for p in parts) and key != _key(
                max(parts, key=len)):
            return False
    seen = set().union(*(_word_set(t) for t in candidates))
    return len(words & seen) >= H1_ECHO_SHARE * len(words)


#: Word overlap (Jaccard) above which an ``<h1>`` is taken as the declared title's headline.
H1_TITLE_OVERLAP = 0.5
_WORD = re.compile(r"\w+")
#: A heading's permalink anchor rendered as a symbol ("Title ¶", Sphinx's "Title \uf0c1").
_HEADER_LINK = re.compile(r"\s*[¶§🔗\ue000-\uf8ff]+$")


def _word_set(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _strip_site(title: str, site_name: str | None) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = (site_name or "").casefold()
    if site:
        kept = [p for p in parts if p.casefold() not in site and site not in p.casefold()]
        if kept and len(kept) < len(parts):
            return " - ".join(kept) if len(kept) > 1 else kept[0]
    if _TITLE_SEPARATORS.search(title) and re.search(r"\s[|·•»]\s", title):
        # "Headline | Site": the longest part is the headline.
        return max(parts, key=len)
    return title


# --------------------------------------------------------------------------- standfirst

def extract(tree: LexborHTMLParser, url: str | None) -> dict[str, Any]:
    """Metadata fields for :class:`convert.article.Meta` (strings, lists, no Figure)."""
    ld = json_ld(tree)
    meta = meta_tags(tree)
    out: dict[str, Any] = {}

    site_name = _str(ld.get("publisher")) if ld else None
    site_name = _first(meta, "og:site_name", "application-name", "twitter:site:name") or site_name
    out["site_name"] = site_name

    h1s = [t for t in (_HEADER_LINK.sub("", _node_text(n)) for n in tree.css("h1")[:5]) if t]
    title_node = tree.css_first("title")
    page_title = _node_text(title_node)
    declared = [_str(ld.get("headline")) or "" if ld else "",
                _first(meta, "og:title", "twitter:title", "dc.title", "dcterms.title",
                       "citation_title", "title", "headline", "sailthru.title",
                       "parsely-title") or ""]
    host = None
    if url:
        m = re.match(r"https?://([^/:?#]+)", url, re.IGNORECASE)
        host = m.group(1) if m else None
    out["title"] = choose_title(declared, h1s, page_title, site_name, host)

    out["description"] = (_first(meta, "description", "og:description", "twitter:description",
                                 "dc.description")
                          or (_str(ld.get("description")) if ld else None))
    out["subtitle"] = standfirst(tree, out["title"], [
        d for d in (_first(meta, "og:description"), _first(meta, "description"),
                    _first(meta, "twitter:description"),
                    _str(ld.get("description")) if ld else None) if d])

    authors = clean_authors(_names(ld.get("author")) if ld else [])
    if not authors:
        authors = clean_authors(meta.get("author", []) + meta.get("article:author", [])
                                + meta.get("parsely-author", []) + meta.get("dc.creator", [])
                                + meta.get("sailthru.author", []) + meta.get("citation_author", [])
                                + meta.get("byl", []))
    if not authors:
        authors = _twitter_label_author(meta)
    if not authors:
        authors = visible_byline(tree)
    out["authors"] = authors

    published = iso_date(_str(ld.get("datePublished")) if ld else None) or iso_date(_first(
        meta, "article:published_time", "datepublished", "og:published_time",
        "article:published", "publishdate", "publish-date", "pubdate", "date", "dc.date",
        "dc.date.issued", "dcterms.created", "dcterms.date", "citation_publication_date",
        "citation_date", "sailthru.date", "parsely-pub-date", "article.published",
        "published_time", "datecreated", "release_date", "published", "created",
        "article:published", "date.published", "datepublished"))
    if not published:
        published = _time_element(tree) or _visible_date(tree)
    if not published and url:
        m = _URL_DATE.search(url)
        if m:
            y, mo, d = [g for g in m.groups() if g is not None]
            if is_valid_day(int(y), int(mo), int(d)):
                published = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
    out["published"] = published
    out["modified"] = iso_date(_str(ld.get("dateModified")) if ld else None) or iso_date(_first(
        meta, "article:modified_time", "datemodified", "og:updated_time", "dcterms.modified",
        "last-modified", "dc.date.modified"))

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


def _time_element(tree: LexborHTMLParser) -> str | None:
    for node in tree.css("time[datetime], [itemprop=datePublished]")[:10]:
        value = node.attributes.get("datetime") or node.attributes.get("content") or node.text()
        date = iso_date(value)
        if date:
            return date
    for node in tree.css('[class*="date"], [class*="time"], [class*="Date"], [class*="meta"]')[:30]:
        text = squash(node.text(deep=True, separator=" "))
        if len(text) < 80:
            date = text_date(text)
            if date:
                return date
    return None


_NOT_TEXT = frozenset({"script", "style", "noscript", "template", "textarea", "option", "title"})


def _visible_date(tree: LexborHTMLParser) -> str | None:
    """A dateline: the first short text holding a date after the headline (or page top)."""
    body = tree.body
    if body is None:
        return None
    has_h1 = tree.css_first("h1") is not None
    after_h1 = not has_h1
    budget = 250
    for node in body.traverse(include_text=True):
        tag = node.tag or "-"
        if tag == "h1":
            after_h1 = True
            continue
        if tag != "-text" or not after_h1:
            continue
        parent = node.parent
        if parent is not None and parent.tag in _NOT_TEXT:
            continue
        text = node.text_content or ""
        if not text.strip():
            continue
        budget -= 1
        if budget < 0:
            break
        if len(text) <= 100:
            date = text_date(text)
            if date:
                return date
    return None


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
