"""The headline: the article's visible ``<h1>`` when the declared titles speak of it, else a
declared title trimmed of the site name, so ``Meta.title`` never carries " | Site".

Split from :mod:`.metadata`.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..textutil import clean_text, squash
from .standfirst import _key

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—/·•»:]|::)\s+")

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
