"""Documentation pages: the page's own body with its code blocks and tables, without the
sidebar navigation and the on-page table of contents.

A documentation page splits its body into many headed sections (a module's functions, an
API's endpoints), each with code blocks and tables that score little as prose, so the
generic cascade can keep one section. The documentation profile widens the strict winner as
the service profile does (the sidebar navigation is already pruned, and it is links) and then
drops the on-page table of contents: a list whose items are all links to anchors of the page.

Before that the page's markup is opened up as a reader of the documentation sees it
(:func:`docs_markup`), and the cascade runs again on it when that changed anything:

* the hidden panels of tab sets are shown (:data:`DOCS_TAB_PANELS`): a documentation page
  gives the same step for each language or system in tabs (Python, Node.js, Java; Windows,
  macOS, Linux), and all of them are the documentation, not only the one shown first;
* the dropdown menus of links (a version or language picker) are removed
  (:data:`DOCS_DROPDOWNS`): a menu a script opens, never part of the page's text;
* a section whose id is the slug of its own heading loses that id (:data:`DOCS_TOPIC_IDS`):
  it is named for its topic, and a topic may read as chrome ("Widgets", "Looping over hidden
  fields", "Sidebar options");
* a heading's class or id that reads as chrome is dropped (:data:`DOCS_HEADING_NAMES`):
  Docusaurus names every heading ``anchor anchorWithStickyNavbar_...``;
* a block named as the page's header that holds the page's ``<h1>`` and paragraphs of prose
  is unwrapped (:data:`DOCS_INTRO_HEADER`): such a header is the page's introduction (its
  summary and first paragraphs under the title), which the pruning of chrome named
  "header" would drop.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.article import Block, Div, Link, List
from convert.extract.ablation import rule
from convert.textutil import block_texts

from .. import patterns as P
from ..dom import inside
from ..fastmatch import in_words
from ..measure import link_density, text_len
from .service import MAX_LINK_DENSITY
from .product import show_panels
from ...lazyre import lazy

__all__ = ["without_toc", "docs_markup", "chars", "titled", "show_tab_panels", "unwrap_intro_header",
           "DOCS_PROFILE", "DOCS_TAB_PANELS", "DOCS_DROPDOWNS", "DOCS_TOPIC_IDS", "DOCS_HEADING_NAMES",
           "DOCS_INTRO_HEADER"]

DOCS_PROFILE = rule("docs_profile", "on a documentation page the strict winner widens to the "
                    "page's whole body, without its on-page table of contents")

DOCS_TAB_PANELS = rule("docs_tab_panels", "on a documentation page the hidden panels of tab "
                       "sets (the same step for each language or system) are shown")
DOCS_DROPDOWNS = rule("docs_dropdowns", "on a documentation page a block named as a dropdown "
                      "that is mostly links (a version or language picker) is removed")
DOCS_TOPIC_IDS = rule("docs_topic_ids", "on a documentation page a section whose id is the "
                      "slug of its own heading is not judged as chrome by that id")
DOCS_HEADING_NAMES = rule("docs_heading_names", "on a documentation page a heading is not "
                          "judged as chrome by its class or id (Docusaurus' "
                          "anchorWithStickyNavbar)")
DOCS_INTRO_HEADER = rule("docs_intro_header", "on a documentation page a block named as the "
                         "header that holds the page's <h1> and paragraphs of prose (the "
                         "page's introduction) is kept")

#: A list is a table of contents when it has at least this many items...
TOC_MIN_ITEMS = 3


def without_toc(blocks: list[Block]) -> list[Block]:
    """The blocks without lists (also nested in sections) whose every item is a link to an
    anchor of the page (``#section``)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, List) and _is_toc(block):
            continue
        if isinstance(block, Div):
            inner = without_toc(list(block.blocks))
            if inner:
                out.append(Div(tuple(inner), block.role))
            continue
        out.append(block)
    return out


def _is_toc(block: List) -> bool:
    if len(block.items) < TOC_MIN_ITEMS:
        return False
    for item in block.items:
        first = item.blocks[0] if item.blocks else None
        children = getattr(first, "children", ())
        links = [c for c in children if isinstance(c, Link)]
        if not links or not all(_anchor(link.url) for link in links):
            return False
    return True


def _anchor(url: str) -> bool:
    return url.startswith("#") or "#" in url.rsplit("/", 1)[-1]


def docs_markup(html: str) -> str | None:
    """The page's markup as the documentation profile reads it (tab panels shown, the
    introduction's header unwrapped), or ``None`` when that changes nothing."""
    if not html or not (DOCS_TAB_PANELS or DOCS_DROPDOWNS or DOCS_TOPIC_IDS
                        or DOCS_HEADING_NAMES or DOCS_INTRO_HEADER):
        return None
    tree = LexborHTMLParser(html)
    body = tree.body
    if body is None:
        return None
    shown = DOCS_TAB_PANELS and show_tab_panels(body)
    dropped = DOCS_DROPDOWNS and without_dropdowns(body)
    renamed = DOCS_TOPIC_IDS and without_topic_ids(body)
    renamed = DOCS_HEADING_NAMES and plain_headings(body) or renamed
    unwrapped = DOCS_INTRO_HEADER and unwrap_intro_header(body)
    return tree.html if shown or dropped or renamed or unwrapped else None


_HEADINGS = "h1, h2, h3, h4, h5, h6"
_NOT_SLUG = lazy(r"[\W_]+")
#: A heading's slug shorter than this says too little to name a section by.
MIN_SLUG = 4


def _slug(text: str) -> str:
    return _NOT_SLUG.sub("-", text.lower()).strip("-")


def plain_headings(body: LexborNode) -> bool:
    """Drop the class and id of the headings that read as chrome words (the pruning would
    drop the heading for them); whether there were any."""
    renamed = False
    for node in body.css("h1[class], h2[class], h3[class], h4[class], h5[class], h6[class], "
                         "h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"):
        for name in ("class", "id"):
            value = node.attributes.get(name)
            if value and in_words(P.UNLIKELY, value) and not in_words(P.POSITIVE, value):
                del node.attrs[name]
                renamed = True
    return renamed


def without_topic_ids(body: LexborNode) -> bool:
    """Drop the ids of the sections named after their own first heading (Sphinx's
    ``<section id="s-widgets"><h2>Widgets</h2>``), which the pruning would read as chrome
    words; whether there were any."""
    renamed = False
    for node in body.css("section[id], div[id]"):
        ident = _slug(node.attributes.get("id") or "")
        if not ident or P.UNLIKELY.search(ident) is None:
            continue
        heading = node.css_first(_HEADINGS)
        slug = _slug(heading.text(deep=True)) if heading is not None else ""
        # (A "Comments" section named after its heading is the readers' comments still.)
        if len(slug) >= MIN_SLUG and (ident == slug or ident.endswith("-" + slug)) \
                and not P.COMMENTS.search(slug):
            del node.attrs["id"]
            renamed = True
    return renamed


#: class/id words of a dropdown menu and its trigger (``dropdown``, ``dropdown-panel``,
#: ``dropdown-menu``, ``dropdown-trigger``).
_DROPDOWN = lazy(r"(?<![a-z])dropdown(?:-[a-z]+)?(?![a-z])", re.IGNORECASE)
#: class/id words of the menu a dropdown opens, whatever it lists (a version picker's
#: versions with their dates).
_DROPDOWN_MENU = lazy(r"(?<![a-z])dropdown-(?:menu|panel|list)(?![a-z])", re.IGNORECASE)
#: A dropdown is a menu when at least this share of its text is links (a dropdown of prose,
#: Sphinx-design's ``sd-dropdown``, is a collapsed section of the page).
DROPDOWN_LINK_DENSITY = 0.5


def without_dropdowns(body: LexborNode) -> bool:
    """Remove the menus of dropdowns (:data:`_DROPDOWN_MENU`) and the other blocks named as
    dropdowns that are mostly links (their triggers); whether there were any."""
    doomed: list[LexborNode] = []
    for node in body.css("[class*=dropdown i], [id*=dropdown i]"):
        if doomed and inside(node, doomed[-1]):
            continue
        attrs = node.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if not _DROPDOWN.search(words):
            continue
        n = text_len(node)
        if node.tag == "a" or _DROPDOWN_MENU.search(words) or n and link_density(
                node, n) >= DROPDOWN_LINK_DENSITY:
            doomed.append(node)
    for node in doomed:
        node.decompose()
    return bool(doomed)


#: class/id words of a tab set's panel (Bootstrap's ``tab-pane``, ``tabpanel``, ``tab-content``).
_TAB_PANEL = lazy(r"(?<![a-z])(?:tab-?panel|tab-?pane|tabs?-?content|tabs?-?item)(?![a-z])",
                  re.IGNORECASE)
_TAB_ROLES = frozenset({"tabpanel"})


def show_tab_panels(body: LexborNode) -> bool:
    """Show every hidden panel of a tab set (a ``tabpanel`` role, or named as one, see
    :data:`_TAB_PANEL`); whether there was any. Accordions and other collapsed blocks stay as
    they are: on a documentation page they are as often menus as content."""
    return show_panels(body, _TAB_PANEL, _TAB_ROLES)


#: class/id words of a page's header block (``layout__header``, ``page-header``).
_HEADER = lazy(r"(?<![a-z])header(?![a-z])", re.IGNORECASE)
#: A header is the page's introduction when its paragraphs hold at least this many characters
#: (a title block's summary line is shorter; two paragraphs of an introduction are not).
INTRO_PROSE_CHARS = 200
#: The attribute marking the ``<h1>`` of an unwrapped introduction.
INTRO_MARK = "data-decruft-intro"


def unwrap_intro_header(body: LexborNode) -> bool:
    """Unwrap the ``<header>`` or header-named blocks around the page's first ``<h1>`` whose
    paragraphs hold :data:`INTRO_PROSE_CHARS` of prose; whether there was any."""
    h1 = body.css_first("h1")
    if h1 is None:
        return False
    doomed = []
    up = h1.parent
    while up is not None and up.tag not in ("body", "html"):
        attrs = up.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if (up.tag == "header" or _HEADER.search(words)) and _prose(up) >= INTRO_PROSE_CHARS:
            doomed.append(up)
        up = up.parent
    if doomed:
        # The title is marked so that the content can be widened to it (:func:`titled`).
        h1.attrs[INTRO_MARK] = ""
    for node in doomed:  # innermost first: each stays inside the next
        node.unwrap()
    return bool(doomed)


def titled(nodes: list[LexborNode]) -> LexborNode | None:
    """When the introduction's header was unwrapped (its ``<h1>`` marked :data:`INTRO_MARK`)
    and the winner ``nodes`` (in the pruned tree of the strict pass) leave it out: their
    lowest ancestor holding the title that is nearly free of links, never the ``<body>``.
    ``None`` otherwise."""
    if not (DOCS_INTRO_HEADER and nodes):
        return None
    body = nodes[0]
    while body.parent is not None and body.tag != "body":
        body = body.parent
    h1 = body.css_first(f"h1[{INTRO_MARK}]")
    if h1 is None or any(node.mem_id == h1.mem_id or inside(h1, node) for node in nodes):
        return None
    up = nodes[0].parent
    while up is not None and up.tag not in ("body", "html"):
        if inside(h1, up):
            n = text_len(up)
            return up if n and link_density(up, n) <= MAX_LINK_DENSITY else None
        up = up.parent
    return None


def _prose(node: LexborNode) -> int:
    return sum(len(p.text(deep=True).strip()) for p in node.css("p"))


def chars(blocks: list[Block]) -> int:
    """The characters of text of ``blocks``."""
    return sum(len(text) for text in block_texts(blocks))
