"""The page's own declarations: JSON-LD (``@graph`` flattened, the most article-like object
chosen, duplicates of the same article merged) and ``<meta>`` tags by name/property/itemprop.

Values come back unescaped and squashed, never interpreted (that is
:mod:`convert.extract.html.meta`'s, field by field).
"""

from __future__ import annotations

import json
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract.ablation import rule
from convert.textutil import clean_text, squash
from .elements import QUERIES
from .items import event_type, question_fields
from .readers import reader_block, reader_review_objects

EPISODE_TYPES = rule("episode_types", "a podcast's or a show's episode (schema.org "
                     "PodcastEpisode, Episode) declares its page's title, author and date "
                     "as an article does")
#: schema.org's episodes: a podcast episode's page is its show notes and transcript.
_EPISODES = ("podcastepisode", "episode", "radioepisode", "tvepisode") if EPISODE_TYPES else ()
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "report", "scholarlyarticle",
                  "techarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "review",
                  "socialmediaposting", "liveblogposting", "posting", "discussionforumposting",
                  "medicalwebpage", "howto", "recipe", "product", "qapage", "question", "event",
                  *_EPISODES,
                  "creativework", "webpage", "itempage", "aboutpage", "collectionpage", "faqpage")
#: Types before this index in _ARTICLE_TYPES are articles proper (their declarations merge).
_ARTICLE_FAMILY = _ARTICLE_TYPES.index("medicalwebpage")

# --------------------------------------------------------------------------- JSON-LD

def _json_loads(text: str) -> Any:
    """The JSON of a JSON-LD script, or ``None`` when it is not JSON. Arrays or objects nested
    past the interpreter's recursion limit (a thousand ``[``) make ``json.loads`` raise
    ``RecursionError``, not ``ValueError``: such a script is no declaration either, and the
    page is read without it (it failed whole, "plugin 'readers' failed")."""
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = text.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    text = text.removeprefix("<![CDATA[").removesuffix("]]>").strip()
    try:
        return json.loads(text)
    except RecursionError:
        return None
    except ValueError:
        try:
            return json.loads(re.sub(r"[\x00-\x1f]", " ", text))
        except (ValueError, RecursionError):
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


def ld_types(obj: dict) -> list[str]:
    """A JSON-LD object's ``@type`` names, lower-cased."""
    t = obj.get("@type")
    if isinstance(t, str):
        return [t.lower()]
    if isinstance(t, list):
        return [x.lower() for x in t if isinstance(x, str)]
    return []


def ld_objects(tree: LexborHTMLParser, scripts: list[LexborNode] | None = None) -> list[dict]:
    """Every JSON-LD object of the page (``@graph``, ``mainEntity`` and item lists
    flattened), in page order. ``scripts``: the page's JSON-LD scripts, when the caller found
    them (:func:`.elements.page_elements`)."""
    objects: list[dict] = []
    if scripts is None:
        scripts = tree.css(QUERIES["script"])
    for script in scripts:
        data = _json_loads(script.text(deep=True) or "")
        if data is not None:
            _flatten(data, objects)
    return objects


def json_ld(objects: list[dict]) -> dict:
    """The most article-like of the page's JSON-LD objects (:func:`ld_objects`; empty dict if
    none)."""
    ranked: list[tuple[int, int, dict]] = []
    readers = reader_review_objects(objects, ld_types)
    for i, obj in enumerate(objects):
        if id(obj) in readers:
            continue  # (a customer's review: its author and date are not the page's)
        # (an event's kinds, "MusicEvent", "Festival", rank as an event)
        kinds = ["event" if event_type(t) else t for t in ld_types(obj)]
        ranks = [_ARTICLE_TYPES.index(t) for t in kinds if t in _ARTICLE_TYPES]
        if ranks:
            ranked.append((min(ranks), i, obj))
    if not ranked:
        return {}
    ranked.sort(key=lambda r: (r[0], r[1]))
    best = _resolve_authors(question_fields(ranked[0][2], ld_types(ranked[0][2])), objects)
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


def _resolve_authors(obj: dict, objects: list[dict]) -> dict:
    """``author`` given as ``{"@id": ...}`` references (Yoast's ``@graph``) replaced by the
    Person objects they point to."""
    author = obj.get("author")
    refs = author if isinstance(author, list) else [author]
    if not any(isinstance(a, dict) and "@id" in a and "name" not in a for a in refs):
        return obj
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    resolved = [by_id.get(a.get("@id"), a) if isinstance(a, dict) and "name" not in a else a
                for a in refs]
    return {**obj, "author": resolved}


def is_organisation(value: Any) -> bool:
    """Whether a JSON-LD ``author`` is an organisation only (no Person among it)."""
    items = value if isinstance(value, list) else [value]
    types = [t for item in items if isinstance(item, dict) for t in ld_types(item)]
    return bool(types) and "person" not in types and any(
        t in ("organization", "newsmediaorganization", "corporation") for t in types)


def is_person(value: Any) -> bool:
    """Whether a JSON-LD ``author`` declares a Person (a one-person blog named after its author
    keeps that author even though the site bears the same name)."""
    items = value if isinstance(value, list) else [value]
    return any("person" in ld_types(item) for item in items if isinstance(item, dict))


def ld_names(value: Any) -> list[str]:
    """Person names in a JSON-LD value: strings, ``name`` (or given + family name), lists."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        if isinstance(value.get("@list"), list):
            return ld_names(value["@list"])  # (a JSON-LD ordered list: {"@list": [...]})
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
            out.extend(ld_names(item))
        return out
    return []


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as one clean string: the first item of a list, the ``name``/``url``/
    ``@id`` of an object; ``None`` when empty."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("url") or value.get("@id")
    if isinstance(value, str):
        value = squash(clean_text(unescape(value)))
        return value or None
    return None


def unescape(value: str) -> str:
    # JSON-LD and meta values are often HTML-escaped twice by CMS templates ("&#8211;").
    """HTML entities decoded (values are often escaped twice by CMS templates)."""
    if "&" not in value:
        return value
    import html  # (here: its entity table costs every run that has no entity to decode)
    return html.unescape(value)


# --------------------------------------------------------------------------- meta tags

def meta_tags(tree: LexborHTMLParser, nodes: list[LexborNode] | None = None
              ) -> dict[str, list[str]]:
    """``<meta>`` values by lower-cased name/property/itemprop, in page order. ``nodes``: the
    page's ``<meta>`` elements, when the caller found them."""
    out: dict[str, list[str]] = {}
    for node in tree.css(QUERIES["meta"]) if nodes is None else nodes:
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        content = squash(clean_text(unescape(content)))
        if not content:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name and key == "itemprop" and reader_block(node):
                continue  # (a customer's review's or a reader's comment's own author, date)
            if name:
                for part in name.lower().split():
                    out.setdefault(part, []).append(content)
    return out


def first_value(meta: dict[str, list[str]], *names: str) -> str | None:
    """The first value of the first of ``names`` the page declares."""
    for name in names:
        values = meta.get(name)
        if values:
            return values[0]
    return None

