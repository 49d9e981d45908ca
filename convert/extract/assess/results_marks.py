"""Marks of a page of results: a search's results, a job board, a series' episode list.

The learned page-type model (:mod:`.linear` over :mod:`.html_signals`) was fitted on a corpus
that holds few of these pages, and it reads a list of results whose cards carry summaries (a
blog's search page, a podcast's episodes) as an article, a job board of bare links as an
article or a landing page (issue #18). Yet such a page usually says what it is, in words a
reader never mistakes:

* it declares itself a ``SearchResultsPage`` (JSON-LD or microdata: WordPress' SEO plugins
  print it on every search page);
* it declares three or more things of a kind a page normally holds one of — job postings,
  podcast episodes, events, recipes, courses, real-estate listings: a page holding several is
  their list (a single posting or recipe declares one), unless it declares itself a story
  (an article's sidebar widget of upcoming events declares them too);
* its main heading (or its ``<title>``) reads as a results heading ("Search results for:
  heat pump", "You searched for ...", "248 results for ...", "12 jobs found", a library
  catalogue's "Your search returned 5 results.", "No results found for ..."), or echoes the
  query written in its search box;
* it heads a run of three or more look-alike linked items as a job board does ("Current
  openings", "Open positions", "Job openings");
* it declares a podcast series (not an episode) and shows a run of three or more linked
  headings: the episode list.

Each mark is a signal named ``results:*``; the model has no weight for them (it is not
retrained on them), :func:`convert.extract.assess.page_type` reads them after the model
(rule ``results_pages``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Mapping

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ... import regexcache

__all__ = ["results_marks", "LIST_KINDS"]

#: schema.org types of which a page normally declares one: three or more are a list of them.
LIST_KINDS = ("JobPosting", "PodcastEpisode", "Event", "Recipe", "Course",
              "RealEstateListing")
#: Declared types that make a page one story (``ld:*`` signals): its sidebar's widget of
#: upcoming events or its recipe cards are a part of it, not its list.
STORY_TYPES = ("article", "newsarticle", "blogposting", "report", "scholarlyarticle",
               "opinionnewsarticle", "analysisnewsarticle", "liveblogposting",
               "reviewnewsarticle", "techarticle", "review", "discussionforumposting")
#: How many declarations of one such kind make a list.
MIN_DECLARED = 3
#: How many look-alike linked items make a run under a job board's heading.
MIN_ITEMS = 3
#: A heading longer than this many characters is no results heading (a story's headline).
MAX_HEADING = 120

_KINDS = "|".join(LIST_KINDS)
_DECLARED_KIND = regexcache.compile(
    r'(?:"@type"\s*:\s*\[?\s*"|itemtype="https?://schema\.org/)(' + _KINDS + r')"')
#: (a count or "search results" ends the heading, or a query follows: "12 results from the
#: election" is a headline)
_THEN = r"(?:\s+(?:for|found|matching)\b|\s*[:(“\"«]|\s*$)"
_RESULTS_HEADING = regexcache.compile(
    r"^(?:search results?" + _THEN + r"|results for\b|you searched for\b|showing results\b|"
    r"(?:your\s+)?search\s+(?:returned|found)\s+(?:\d|no\b)|no\s+(?:results|matches)\s+"
    r"(?:found|for)\b|we\s+found\s+\d[\d,.]*\+?\s+(?:results?|matches|jobs?|items)\b|"
    r"(?:showing\s+)?(?:\d[\d,.]*\s*[-–]\s*)?\d[\d,.]*\+?\s+(?:of\s+(?:over\s+|about\s+)?"
    r"\d[\d,.]*\+?\s+)?(?:search\s+)?(?:results?|matches|hits)" + _THEN + r"|"
    r"\d[\d,.]*\+?\s+(?:jobs?|vacancies|positions|openings|listings|properties|homes)"
    r"\s+(?:found|for|matching)\b)", re.I)
_JOBS_HEADING = regexcache.compile(
    r"^(?:current|open|job|all)\s+(?:openings|positions|roles|vacancies|jobs|"
    r"opportunities)\b", re.I)
#: The search box's field: a search input, or a query field of a search form.
_SEARCH_FIELDS = ('input[type="search"]', 'form[role="search"] input[type="text"]',
                  'input[name="q"]', 'input[name="s"]', 'input[name="query"]')
_SPACES = regexcache.compile(r"\s+")


def _heading(tree: LexborHTMLParser) -> str:
    """The page's main heading: its first ``<h1>``'s text, whitespace folded."""
    body = tree.body
    h1 = body.css_first("h1") if body is not None else None
    if h1 is None:
        return ""
    return _SPACES.sub(" ", h1.text(deep=True)).strip()


def _query(tree: LexborHTMLParser) -> str:
    """The query written in the page's search box (its ``value``), if any."""
    for selector in _SEARCH_FIELDS:
        field = tree.css_first(selector)
        if field is None:
            continue
        value = _SPACES.sub(" ", field.attributes.get("value") or "").strip()
        if len(value) >= 2:
            return value
    return ""


def _signature(node: LexborNode) -> tuple:
    sig = []
    for _ in range(3):
        if node is None:
            break
        sig.append((node.tag, node.attributes.get("class")))
        node = node.parent
    return tuple(sig)


def _link_run(links: list[LexborNode]) -> int:
    """The longest run of look-alike items holding a link (the link's parent, by its tag
    and class and those of its two nearest ancestors), menus left out."""
    counts: Counter[tuple] = Counter()
    for a in links:
        parent = a.parent
        if parent is None or parent.tag in ("nav", "li", "header", "footer"):
            continue  # (a menu's items; a list item is a card as often as a menu entry)
        counts[_signature(parent)] += 1
    return max(counts.values(), default=0)


def results_marks(markup: str, tree: LexborHTMLParser,
                  signals: Mapping[str, float],
                  links: list[LexborNode] | None = None) -> dict[str, float]:
    """The ``results:*`` marks of a page (``markup``, its untouched parse ``tree``, the
    ``signals`` found so far, its body's ``links`` when the caller has
    them)."""
    out: dict[str, float] = {}
    if signals.get("ld:searchresultspage"):
        out["results:declared"] = 1.0
    # (the pattern's scan of the whole markup cost 2 ms a page; a kind's name and its closing
    # quote, which every match holds, are first looked for as plain substrings)
    kinds = Counter(_DECLARED_KIND.findall(markup)) if ('"@type"' in markup or
                                                        "itemtype=" in markup) and any(
        kind + '"' in markup for kind in LIST_KINDS) else Counter()
    if kinds and max(kinds.values()) >= MIN_DECLARED \
            and not any(signals.get("ld:" + name) for name in STORY_TYPES):
        out["results:entities"] = math.log1p(max(kinds.values()))
    heading = _heading(tree)
    shown = tree.css_first("title")
    shown = _SPACES.sub(" ", shown.text(deep=True)).strip() if shown is not None else ""
    for text in (heading, shown):
        if text and len(text) <= MAX_HEADING and _RESULTS_HEADING.match(text):
            out["results:heading"] = 1.0
            break
    if heading and len(heading) <= MAX_HEADING:
        query = _query(tree)
        if query and query.casefold() in heading.casefold():
            out["results:query"] = 1.0
        if _JOBS_HEADING.match(heading):
            if links is None and tree.body is not None:
                links = tree.body.css("a[href]")
            if _link_run((links or [])[:2400]) >= MIN_ITEMS:
                out["results:jobs"] = 1.0
    # (a series' own page; an episode's page declares its episode)
    if 'PodcastSeries"' in markup and 'PodcastEpisode"' not in markup \
            and signals.get("card:items", 0.0) >= math.log1p(MIN_ITEMS):
        out["results:episodes"] = 1.0
    return out
