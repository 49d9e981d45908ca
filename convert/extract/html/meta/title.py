"""The headline: the article's visible ``<h1>`` when the declared titles speak of it, else a
declared title trimmed of the site name, so ``Meta.title`` never carries " | Site".

Used by :mod:`convert.extract.html.meta` for ``Meta.title`` and the visible headline; the
headings' own text is read by :mod:`.heading`, a blog post's heading under the blog's name by
:mod:`.posthead`.
"""

from __future__ import annotations

import re

from convert.extract.ablation import rule
from ..dom import word_key
from ...lazyre import lazy

GENERIC_TITLE = rule("generic_title", "a bare 'Home' names no page: the site's name does")
H1_HEADS_TITLE = rule(
    "h1_heads_title", "a lone <h1> that opens a declared 'Page — Section — Site' title is the "
    "headline, however short ('Quickstart — Flask Documentation')")
SITE_TAGLINE_TITLE = rule(
    "site_tagline_title", "on a page below the start page, a <title> that is only 'Site - "
    "tagline' yields to the lone <h1>")
DASHED_SITE = rule(
    "dashed_site", "with the site unknown and no <h1>, a short tail after a dash ('Long "
    "headline here – My website') is the site's name")
#: A tail of at most this many words after a dash (and a longer head) is the site's name.
DASHED_SITE_MAX_WORDS = 3
PIPE_HEAD = rule("pipe_head", "with the site unknown and no <h1> to go by, a 'Page | Site' "
                 "title is read up to its last pipe")
#: The last " | " of a title.
_LAST_PIPE = lazy(r"\s\|\s(?!.*\s\|\s)")
NAMED_SITE_COLON = rule(
    "named_site_colon", "with the site's name declared, a lone <h1> opening a 'Name: "
    "description' title is the subject, not a blog's name")

SITE_SUFFIXED_HEADLINE = rule(
    "site_suffixed_headline", "an <h1> that is the title with the site's name after it "
    "('Headline – Site') is the title's own headline: no rewording kept above the body, and "
    "dropped from the body as the title is")

ENTRY_TITLE_H1 = rule(
    "entry_title_h1", "an <h1> classed as the post's title (hAtom 'entry-title', 'post-title') "
    "is the headline of a 'Blog » Post' title, not the site's name shown as a heading")

_TITLE_SEPARATORS = lazy(r"\s+(?:[|\-–—/·•»«:]|::)\s+")

#: Page words that name no page of their own (the site's start page).
_GENERIC = frozenset({"home", "homepage", "home page", "start", "startseite", "accueil",
                      "inicio", "index"})


def _generic(text: str) -> bool:
    return GENERIC_TITLE and word_key(text) in _GENERIC


def _without_generic(title: str) -> str:
    """"Home - The GitHub Blog" → "The GitHub Blog"."""
    if not GENERIC_TITLE:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    kept = [p for p in parts if not _generic(p)]
    return "" if not kept else title if len(kept) == len(parts) else " - ".join(kept)


def choose_title(declared: list[str], h1s: list[str], page_title: str,
                 site_name: str | None, host: str | None = None,
                 unseen: frozenset[str] = frozenset(), start: bool | None = None,
                 entries: frozenset[str] = frozenset(), home: bool | None = None) -> str | None:
    """The headline: a declared title, trimmed of the site name, or the matching ``<h1>``
    (of the ``unseen`` ones, screen-reader-only, only one the declared titles speak of).
    ``start``: the page's URL is the site's start page (None: not known); ``entries``: the
    ``<h1>`` texts classed as the post's title (hAtom ``entry-title``, ``post-title``);
    ``home``: the page's URL or declared address is the site's start page."""
    title = None
    if not start and SITE_TAGLINE_TITLE and not any(declared):
        title = _h1_under_site_title(h1s, page_title, site_name, host, unseen)
    title = title or _choose(declared, h1s, page_title, site_name, host, unseen, entries, home)
    if not title and GENERIC_TITLE:
        # Every title names the site only (a start page): the site's name is the page's.
        title = site_name or next((t for t in (*declared, page_title)
                                   if t and _without_generic(t)), None)
        title = _without_generic(title) if title else title
    if title and title in h1s:
        title = _cut_tagline(title, site_name, host)
    if title:
        title = _agreed_head(title, [t for t in declared if t] + [page_title], site_name, host)
    return _drop_trailing_site(title, site_name, host) if title else title


def _h1_under_site_title(h1s: list[str], page_title: str, site_name: str | None,
                         host: str | None, unseen: frozenset[str]) -> str | None:
    """The lone ``<h1>`` of a page inside a site whose only title is the site's own
    ("Reddit - The heart of the internet" on every thread): a "Site - tagline" title that
    shares no word with a headline names no page. The first part is the site by its name or
    host, or (neither known) by being a brand's one or two words."""
    if len(set(h1s)) != 1 or h1s[0] in unseen:
        return None
    h1 = h1s[0]
    parts = _TITLE_SEPARATORS.split(page_title)
    if len(parts) != 2 or not (is_site(parts[0], site_name, host, trailing=True) if (
            site_name or host) else len(parts[0].split()) <= BRAND_MAX_WORDS) or len(
            h1.split()) < TAGLINE_H1_MIN_WORDS or not _headline_like(h1, site_name, host):
        return None
    return None if _content_words(page_title) & _content_words(h1) else h1


#: An ``<h1>`` of this many words is a headline, not a slogan or a section name.
TAGLINE_H1_MIN_WORDS = 3
#: With neither the site's name nor its host known, a title's first part of at most this
#: many words may be the brand ("Reddit - ..."); a longer one is a headline.
BRAND_MAX_WORDS = 2


def visible_headline(title: str | None, declared: list[str], h1s: list[str], page_title: str,
                     site_name: str | None, host: str | None = None, home: bool | None = None
                     ) -> str | None:
    """The page's one visible headline when the chosen ``title`` is other wording (a declared
    title rewritten for search engines or social cards): the ``<h1>`` a reader sees, which
    the body must then keep. None when the page has no single headline-like ``<h1>`` of two
    words or more, or when the title holds it."""
    if not title or len(set(h1s)) != 1:
        return None
    h1 = h1s[0]
    candidates = [t for t in declared if t] + ([page_title] if page_title else [])
    if (len(h1.split()) < HEADLINE_MIN_WORDS or not _headline_like(h1, site_name, host)
            or _site_part(h1, candidates, site_name, host, home) or is_site(h1, site_name, host)):
        return None
    key, title_key = word_key(h1), word_key(title)
    return None if not key or key in title_key or site_suffixed(h1, title, site_name,
                                                                  host) else h1


def site_suffixed(h1: str, title: str, site_name: str | None, host: str | None) -> bool:
    """Whether the ``<h1>`` is the title with the site's name after it ("Headline – Artlyst"):
    the title's own headline, no rewording for the body to keep."""
    return SITE_SUFFIXED_HEADLINE and h1 != title and word_key(
        _drop_trailing_site(h1, site_name, host)) == word_key(title)


def _agreed_head(title: str, candidates: list[str], site_name: str | None,
                 host: str | None) -> str:
    """The part the declared titles agree on, when they part ways right after it: og:title
    "CBD Relax Berries - (30ct) 300mg" and the <title> "CBD Relax Berries - CBD Gummies -
    300mg | Green Roads" name the headline first and a variant or tagline each their own way."""
    splits = [_TITLE_SEPARATORS.split(c) for c in dict.fromkeys(candidates) if c]
    multi = [parts for parts in splits if len(parts) > 1]
    if len(multi) < 2 or len({word_key(parts[0]) for parts in multi}) != 1:
        return title
    head = multi[0][0]
    if len({word_key(parts[1]) for parts in multi}) < 2 or len(
            head.split()) < HEADLINE_MIN_WORDS or is_site(head, site_name, host, trailing=True):
        # ("Acme Corp - Pricing" names no headline)
        return title
    rest = title[len(head):]
    return head if title.startswith(head) and _TITLE_SEPARATORS.match(rest) else title


def _cut_tagline(h1: str, site_name: str | None, host: str | None) -> str:
    """An ``<h1>`` written "Headline | Top 19 Companies": a pipe is no sentence's punctuation,
    so what follows it is a tagline or keywords for search engines, not the headline."""
    parts = [p for p in h1.split(" | ") if p.strip()]
    if len(parts) < 2:
        return h1
    if is_site(parts[0], site_name, host):
        parts = parts[1:]  # "Site | Headline"
    return parts[0] if word_key(parts[0]) else h1


def _drop_trailing_site(title: str, site_name: str | None, host: str | None) -> str:
    """An ``<h1>`` written "Headline – Artlyst" loses the site's name as a declared title
    does."""
    while True:
        seps = list(_TITLE_SEPARATORS.finditer(title))
        if not seps or not is_site(title[seps[-1].end():], site_name, host, trailing=True):
            return title
        title = title[:seps[-1].start()]


def _choose(declared: list[str], h1s: list[str], page_title: str,
            site_name: str | None, host: str | None, unseen: frozenset[str] = frozenset(),
            entries: frozenset[str] = frozenset(), home: bool | None = None) -> str | None:
    """The title among the declared ones, the ``<h1>`` texts and the ``<title>``: a declared
    title that the headline repeats (without the site name) wins; else the headline-like
    ``<h1>`` the declarations echo; else the declared or page title with the site name cut."""
    no_h1 = not h1s
    candidates = [t for t in declared if t] + ([page_title] if page_title else [])
    # A trailing "[Site]" ("... My Hero Academia [Archive of Our Own]", "[LWN.net]") names the
    # site as " | Site" does (and a logo <h1> "Archive of Our Own beta" echoing it is no
    # headline).
    candidates = [_BRACKETED_SITE.sub("", c) for c in candidates]
    candidates = [t for t in (_without_generic(c) for c in candidates) if t]
    h1s = [h for h in h1s if not _generic(h)]
    if site_name and _TITLE_SEPARATORS.search(site_name) and any(
            word_key(site_name) == word_key(c) for c in candidates):
        # og:site_name filled with the whole "Headline | Section | Site" title names no site.
        site_name = None
    # A declared title that is only the site's name ("Bombas", "| Nuts & Volts Magazine")
    # names no article.
    candidates = [c for c in candidates if not _only_site(c, site_name, host)]
    # A headline cut to fit a length limit (JSON-LD's 110 characters) is the start of a
    # longer declared title: the full one is read instead.
    candidates = [c for c in candidates if len(c) < HEADLINE_LIMIT or not any(
        len(d) > len(c) + CUT_SLACK and d.startswith(c.rstrip(" .…")) for d in candidates)]
    # An <h1> holding the site's logo text, or repeating the site part of the declared title
    # ("What is Ownership? - The Rust Programming Language"), is not the headline.
    lone = len(set(h1s)) == 1
    # The site's name as the page shows it, when an <h1> repeats the title's site part.
    # (an <h1> classed as the post's title is the headline of a "Blog » Post" title, never
    # its site part)
    shown = {word_key(h) for h in h1s if _site_part(h, candidates, site_name, host, home) and not (
        ENTRY_TITLE_H1 and h in entries)}
    h1s = [h for h in h1s if _headline_like(h, site_name, host) and word_key(h) not in shown]
    if lone and h1s and (candidates or h1s[0] not in unseen) and _echoes(h1s[0], candidates,
                                                                          site_name):
        # One visible headline: the page's own wording beats a title rewritten for search
        # engines or social cards.
        return h1s[0]
    for h1 in h1s:
        if h1 and any(h1 != c and h1 in c and len(h1) >= H1_IN_TITLE_SHARE * len(c)
                      for c in candidates):
            return h1
    # The visible headline is the article's own wording; a declared title sharing most of its
    # words is the same headline rewritten for search engines or social cards.
    best, best_overlap = None, 0.0
    # (also measured on the titles trimmed of the site's name: an <h1> that is the site's logo
    # text shares only the site part with "SHIP | City of Southfield")
    trimmed = [_strip_site(c, site_name, host, shown) for c in candidates]
    for h1 in h1s:
        h1_words = _word_set(h1)
        for title in candidates + [t for t in trimmed if t not in candidates]:
            words = _word_set(title)
            if h1_words and words:
                overlap = len(h1_words & words) / len(h1_words | words)
                if overlap > best_overlap:
                    best, best_overlap = h1, overlap
    if best is not None and best_overlap >= H1_TITLE_OVERLAP:
        return best
    for title in candidates:
        trimmed = _strip_site(title, site_name, host, shown, h1s, final=no_h1)
        if trimmed:
            return trimmed
    return next((h for h in h1s if h not in unseen), None)


def _only_site(title: str, site_name: str | None, host: str | None) -> bool:
    parts = [p for p in _TITLE_SEPARATORS.split(title.strip(" |·•»")) if p]
    return not parts or all(is_site(p, site_name, host) for p in parts)


def is_site(text: str, site_name: str | None, host: str | None, trailing: bool = False) -> bool:
    """Whether ``text`` is the site's name: equal to the declared site name or made of its
    words ("Minecraft News" for "Minecraft Update News"), or spelling the host. The trailing
    part of a title ("Headline - Doom9's Forum") also counts when it holds the host's
    registered name."""
    key = word_key(text)
    if not key:
        return False
    if site_name:
        site_key = word_key(site_name)
        if key == site_key or set(key.split()) <= set(site_key.split()):
            return True
    if host:
        squashed = key.replace(" ", "")
        if squashed == host.lower().removeprefix("www.").replace(".", ""):
            return True
        label = _host_label(host)
        if trailing and len(label) >= HOST_LABEL_MIN and label in squashed and len(
                key.split()) <= SITE_PART_MAX_WORDS:
            return True
    return False


def _host_label(host: str) -> str:
    """The registered name of a host: "doom9" for forum.doom9.org, "bbc" for www.bbc.co.uk."""
    labels = [lab for lab in host.lower().split(".") if lab]
    if len(labels) >= 2:
        labels.pop()  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return re.sub(r"[^a-z0-9]", "", labels[-1]) if labels else ""


_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


def _site_part(h1: str, candidates: list[str], site_name: str | None, host: str | None,
               home: bool | None = None) -> bool:
    """Whether the ``<h1>`` is the trailing part of a declared "Headline - Site" title (the
    site's name shown as the page's top heading). Not when the title's first part is the
    site ("Leadfeeder | State of SEO in 2026"), nor a one-word label (a forum thread's prefix:
    "Question - Want to know...", with the label shown as a badge in the ``<h1>``)."""
    key = word_key(h1)
    for title in candidates:
        parts = _TITLE_SEPARATORS.split(title)
        if len(parts) > 1 and key and any(word_key(p) == key for p in parts[1:]) and word_key(
                parts[0]) != key and not is_site(parts[0], site_name, host, trailing=True) and (
                len(word_key(parts[0]).split()) > 1) and not (
                LONG_H1_NO_SITE and not home and _outweighs(key, parts[0])):
            return True
    return False


LONG_H1_NO_SITE = rule(
    "long_h1_no_site", "an <h1> of more words than a site's name has, twice the words of the "
    "title part before it, is the headline of a 'Site | Headline' title, not the site's "
    "name shown as a heading ('Harbour News | Pier extension approved after decade of "
    "debate'); not on a site's start page, whose <h1> is its slogan ('Hugging Face - The AI "
    "community building the future.')")
#: A site's name is a few words ("The Rust Programming Language"); a heading longer than this
#: is a headline.
SITE_MAX_WORDS = 4


def _outweighs(h1_key: str, first: str) -> bool:
    words = len(h1_key.split())
    return words > SITE_MAX_WORDS and words >= 2 * len(word_key(first).split())


#: Search engines' headline limit (schema.org Article ``headline``: 110 characters); SEO
#: plugins cut longer headlines near it.
HEADLINE_LIMIT = 100
#: A lone ``<h1>`` longer than this is a block of text, not a headline...
H1_MAX_CHARS = 200
#: ...and one shorter than this a mark or an initial.
H1_MIN_CHARS = 2
#: A headline has this many words at least: a one-word ``<h1>`` or title head is a label,
#: a section or the site's name.
HEADLINE_MIN_WORDS = 2
#: A declared title is a headline cut at :data:`HEADLINE_LIMIT` when another one runs more
#: than this many characters past it (not a mere trailing "..." or period).
CUT_SLACK = 3
#: An ``<h1>`` found inside a declared title and making up this share of it is the headline
#: the title wraps with extras.
H1_IN_TITLE_SHARE = 0.3
#: A host's registered name this long or longer ("doom9", not "bbc") is looked for inside a
#: title's trailing part...
HOST_LABEL_MIN = 4
#: ...of at most this many words ("Doom9's Forum"; a longer part is a headline).
SITE_PART_MAX_WORDS = 4


def _headline_like(h1: str, site_name: str | None, host: str | None) -> bool:
    """An ``<h1>`` that is a headline, not the site's logo text."""
    if not (H1_MIN_CHARS <= len(h1) <= H1_MAX_CHARS):
        return False
    return bool(word_key(h1)) and not is_site(h1, site_name, host)


#: Share of a lone ``<h1>``'s words that the declared titles must repeat for it to be taken
#: as the headline (a blog's name or a template's placeholder shares none).
H1_ECHO_SHARE = 0.5


def _echoes(h1: str, candidates: list[str], site_name: str | None = None) -> bool:
    """Whether the declared titles speak of the same thing as the ``<h1>`` (and do not merely
    carry it as their site-name part, "Blog Name: Post title"). With the site's name known
    (and the ``<h1>`` not it), an ``<h1>`` opening a "Name: description" title is the page's
    subject ("Camping Tents: Large Tents for Family & Car Camping | REI")."""
    if not candidates:
        return True
    words = _word_set(h1)
    if not words:
        return False
    key = word_key(h1)
    for title in candidates:
        if H1_HEADS_TITLE and _heads(key, title):
            return True
        parts = _TITLE_SEPARATORS.split(title)
        if not (site_name and NAMED_SITE_COLON):
            parts += re.split(r":\s+", title)
        if len(parts) > 1 and any(word_key(p) == key for p in parts) and key != word_key(
                max(parts, key=len)):
            return False
    seen = set().union(*(_word_set(t) for t in candidates))
    return len(words & seen) >= H1_ECHO_SHARE * len(words)


def _heads(key: str, title: str) -> bool:
    """Whether the ``<h1>`` (its word key) is the first part of a "Headline — Section — Site"
    title: what follows the separator names where the page lives, not its subject."""
    parts = _TITLE_SEPARATORS.split(title)
    return len(parts) > 1 and bool(key) and word_key(parts[0]) == key


_BRACKETED_SITE = lazy(r"\s+\[[^\[\]]+\]$")
#: Word overlap (Jaccard) above which an ``<h1>`` is taken as the declared title's headline.
H1_TITLE_OVERLAP = 0.5
_WORD = lazy(r"\w+")


#: Words this long carry a title's content (no "the", "of", "a").
CONTENT_WORD_MIN = 4


def _content_words(text: str) -> set[str]:
    """Words of :data:`CONTENT_WORD_MIN` letters or more, case-folded."""
    return {w for w in _word_set(text) if len(w) >= CONTENT_WORD_MIN}


def _word_set(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _strip_site(title: str, site_name: str | None, host: str | None = None,
                shown: set[str] = frozenset(), h1s: list[str] = (),
                final: bool = False) -> str:
    """The title without the site's name. ``final``: the title is all the page has (it shows
    no ``<h1>``), read by the "Page | Site" convention when the site is unknown."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site = (site_name or "").casefold()
    kept = [p for i, p in enumerate(parts) if not (site and (p.casefold() in site or site in p.casefold()))
            and not (i and (is_site(p, site_name, host, trailing=True) or word_key(p) in shown))]
    if kept and len(kept) < len(parts):
        return " - ".join(kept) if len(kept) > 1 else kept[0]
    if _TITLE_SEPARATORS.search(title) and re.search(r"\s[|·•»«]\s", title):
        # "Headline | Site" with the site unknown: the part the page's headings speak of
        # ("Photo essay | The Daily Town" under "Dawn at the pier: a photo essay"), else what
        # comes before the last pipe ("Electrical - Overview | Occupational Safety and Health
        # Administration": the site's name closes the title, however long), else the longest
        # part.
        heading = set().union(*(_content_words(h) for h in h1s)) if h1s else set()
        if final and PIPE_HEAD and not any(_content_words(p) & heading for p in parts):
            head = _LAST_PIPE.split(title)[0].strip()
            if head != title and word_key(head) and not (site and (
                    head.casefold() in site or site in head.casefold())):
                return head
        return max(parts, key=lambda p: (len(_content_words(p) & heading), len(p)))
    if DASHED_SITE and not h1s and len(parts) == 2 and re.search(r"\s[-–—]\s", title) and len(
            parts[1].split()) <= DASHED_SITE_MAX_WORDS < len(parts[0].split()) and not re.search(
            r"\b\d+\b", parts[1]):
        # "Lorem ipsum dolor sit amet – My website" with no headline on the page to compare:
        # a short tail after a long head is the site's name.
        return parts[0]
    return title
