"""Pruning before scoring: never-content elements, hidden elements and (by level) chrome.

This loop visits every element of every pass (a thousand or more on a typical page), so it
reads each element's attributes once, keeps the cheap tests first and measures text (the
costly part) only for the elements that are about to go.
"""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.extract import record
from convert.extract.ablation import rule
from . import patterns as P
from ..peek import holds_tag
from .dom import (MATH_AS_CODE, MATH_SCRIPT_AS_CODE, hidden_by, math_as_code,
                  math_script_as_code, word_key)
from .fastmatch import in_words
from .feedback import feedback_widgets
from .notes import LINKED_NOTES, QUOTE_ATTRIBUTION, holds_target, in_quote, note_targets
from .measure import LOOSE, RELAXED, text_len, text_len_of
from ..lazyre import lazy
from .thresholds import GATED_PROSE_CHARS, WRAPPER_SHARE

PRUNE_HIDDEN = rule("prune_hidden", "hidden elements are pruned before scoring")
ARTICLE_FURNITURE = rule("article_furniture", "a <nav>/<footer> inside <article> is pruned "
                         "in the loose pass too")
_ARTICLE_FURNITURE_TAGS = frozenset({"nav", "footer"})
WIKI_TAGLINE = rule("wiki_tagline", "MediaWiki's #siteSub ('From Wikipedia, the free "
                    "encyclopedia'), which its skins show in print only, is pruned in every pass")
PRUNE_CHROME_TAGS = rule("prune_chrome_tags", "nav/footer/aside, chrome roles and a header "
                         "outside the article are pruned (strict pass)")
PRUNE_CHROME_WORDS = rule("prune_chrome_words", "elements whose class/id reads as chrome are "
                          "pruned (strict pass)")
QUOTED_EMBEDS = rule("quoted_embeds", "a <blockquote> (an embedded tweet or post quoted in "
                     "a story) is never pruned for its class/id words")
GATED_STORY = rule("gated_story", "a block named as a paywall that holds paragraphs of prose "
                   "is the rest of the story, kept")
COMMENT_TAIL = rule("comment_tail", "a 'Comments' heading inside the winner ends the article "
                    "(the heading is kept by the pruning to mark where)")
HEADING_ANCHORS = rule("heading_anchors", "an id spelling its heading's text (an anchor) "
                       "does not name the element as chrome")
COMMENTS_MARKER_WRAPPER = rule("comments_marker_wrapper", "a chrome-named wrapper holding "
                                "only the 'Comments' heading, or a block named as the "
                                "comments' title, is kept as the comment tail's marker")
CODE_SPANS = rule("code_spans", "an element inside <pre>/<code> (a syntax highlighter's "
                  "span: hljs-comment, token comment, hljs-meta) is never pruned for its "
                  "class/id words")
HEADER_NAMED_HEADINGS = rule("header_named_headings", "a heading (<h1>-<h6>) whose class/id "
                              "reads as chrome only through 'header' is a section's heading "
                              "(recipe cards' 'Ingredients'), not the page's header")
LOCAL_CHROME_WORDS = rule("local_chrome_words", "class/id words of share bars, subscription "
                          "and 'read also' boxes in French, Spanish, Italian, Portuguese and "
                          "German (partage, compartir, condividi, teilen, abonnement...) read "
                          "as chrome like their English kin")
ENTRY_HEADERS = rule("entry_headers", "the header (named as such, read as chrome only through "
                     "'header', holding a <time>) of an <article> among sibling <article>s, "
                     "a live blog's update, holds the update's timestamp and heading: kept")
HEADING_PERMALINKS = rule("heading_permalinks", "a heading (<h1>-<h6>) whose only links are "
                          "its own permalink (Docusaurus' <h2 class='anchor "
                          "anchorWithStickyNavbar_x' id='x'>Title<a class='hash-link' "
                          "href='#x'>) is a heading of the text, whatever its class/id says")
ADMONITION_ASIDES = rule("admonition_asides", "an <aside> or a role=alert <div> named as an "
                         "admonition (class or "
                         "aria-label 'note', 'tip', 'caution', 'warning', 'danger', "
                         "'important', 'callout', 'admonition') and mostly not links is a box "
                         "of the text, not a sidebar")
WRAPPER_KEPT = rule("wrapper_kept", "a hidden or chrome-named element holding half the body's "
                    "text is the page's wrapper, kept")

#: Never-content elements a pass strips; the head stays for the page-level readers.
PASS_DROP = ",".join(sorted(P.DROP_TAGS - {"-comment", "head", "title", "meta", "link", "base"}))

#: Elements the strict pass never drops for their class/id words alone.
_HEADING_SELECTOR = ",".join(sorted(P.HEADING_TAGS))
#: What may stand between a heading and the element carrying its anchor id.
_ANCHOR_INLINE = frozenset({"span", "a", "b", "strong", "em", "i", "code"})
_ID_WORDS = lazy(r"[-_.:]+")
#: "header"/"heading" in a class/id: on an <hN> it names what the element is...
_HEADER_WORD = lazy(r"header|heading", re.IGNORECASE)
#: ...unless the heading is named as a date's (Blogger's ``date-header``): a dateline over the
#: post, the page's date and not a section of its text.
_DATE_WORD = lazy(r"date", re.IGNORECASE)
#: Longer than any comments heading ("Responses to <the post's title>" included).
COMMENTS_MARKER_CHARS = 200

_WORDS_EXEMPT = frozenset({"a", "article", "main", "table", "tbody", "tr", "td", "th", "p",
                           "code", "pre", "figure", "img"})


def strip(tree: LexborHTMLParser, selector: str) -> None:
    """Remove every element matching ``selector`` with its subtree: one selector walk
    (``strip_tags`` walks the tree once per tag name)."""
    for node in tree.css(selector):
        if node.tag == "math" and MATH_AS_CODE and math_as_code(tree, node):
            continue
        if node.tag == "script" and MATH_SCRIPT_AS_CODE and math_script_as_code(tree, node):
            continue
        node.decompose(recursive=False)


def prune(tree: LexborHTMLParser, level: int, stripped: bool = False,
          body_chars: int | None = None) -> None:
    """Remove never-content elements (unless the tree is ``stripped`` of them already),
    hidden ones and (by pass level) page chrome. ``body_chars``: the body's visible
    characters when the caller measured them already (on the tree this one is a copy of)."""
    if not stripped:
        strip(tree, PASS_DROP)
    body = tree.body
    if body is None:
        return
    doomed: list[LexborNode] = []
    for widget in feedback_widgets(body):
        try:
            widget.decompose()
        except Exception:  # (already removed with another widget around it)
            pass
    rec = record.current()
    marks: set[str] | None = None  # ids the text's note marks point to, read on first need
    half = -1.0  # half the body's text length, measured on first need

    def big(node: LexborNode, text: str | None = None) -> bool:
        """Whether the element holds at least :data:`.thresholds.WRAPPER_SHARE` of the body's
        text (``text``: the element's, when read already)."""
        nonlocal half
        if half < 0:
            half = WRAPPER_SHARE * ((text_len(body) if body_chars is None else body_chars) or 1)
        if text is not None and len(text) < half:
            # (visible characters are at most all of them: no count needed; a card among
            # thousands is judged by its length alone)
            return False
        return (text_len(node) if text is None else text_len_of(node, text)) >= half

    loose = level >= LOOSE
    relaxed = level >= RELAXED
    # Below a doomed element nothing needs deciding: the walk goes on from the node after its
    # subtree. Each stretch of the walk is one C-level traverse() from ``segment``; dooming
    # an element with children ends the stretch, and the next starts after that subtree
    # (a page of thousands of pruned cards is not walked node by node inside them).
    segment: LexborNode | None = body
    while segment is not None:
        cut: LexborNode | None = None
        for node in segment.traverse():
            tag = node.tag
            if tag is None or tag[0] == "-":
                if tag == "-comment":
                    doomed.append(node)
                continue
            if tag == "body" or tag == "html":
                continue
            attrs = node.attributes
            if PRUNE_HIDDEN and attrs and hidden_by(attrs):
                # Streaming-rendered pages (React's <div hidden id="S:0">, a body faded in
                # with visibility:hidden) hide the article until a script reveals it: a
                # "hidden" element holding most of the page's text is the page.
                if P.STREAMED_ID.match(attrs.get("id") or ""):
                    continue
                if node.child is None:
                    doomed.append(node)
                elif not WRAPPER_KEPT or not big(node):
                    doomed.append(node)
                    cut = node
                if rec is not None and doomed and doomed[-1] is node:
                    rec.drop(node, "prune_hidden", **{k: attrs[k] for k in (
                        "hidden", "aria-hidden", "style", "class") if k in attrs})
                if cut is not None:
                    break
                continue
            if WIKI_TAGLINE and attrs and attrs.get("id") == "siteSub":
                # (MediaWiki's skins hide it on screen and print it; not the article's text)
                doomed.append(node)
                if rec is not None:
                    rec.drop(node, "wiki_tagline")
                cut = node
                break
            if loose:
                # The loose pass keeps chrome tags to recover articles marked up as asides
                # or footers; a <nav>/<footer> inside the <article> is still the article's
                # furniture (its tags line, share bar, section links), whatever pass found it.
                if ARTICLE_FURNITURE and tag in _ARTICLE_FURNITURE_TAGS and in_article(node) \
                        and not (QUOTE_ATTRIBUTION and tag == "footer" and in_quote(node)):
                    doomed.append(node)
                    if rec is not None:
                        rec.drop(node, "article_furniture", tag=tag)
                    cut = node
                    break
                continue
            role = attrs.get("role") if attrs else None
            # HTML's own use of <footer> in a quotation: "— <cite>Ted Neward</cite>" under the
            # quoted words says who said them; it is part of the quote, not the page's footer.
            if QUOTE_ATTRIBUTION and tag == "footer" and in_quote(node):
                continue
            # Docs engines print a "Note" or "Caution" box in the text as an <aside> (Starlight)
            # or a Bootstrap alert (Docsy's <div class="alert alert-warning" role="alert">)
            # named for its kind: an admonition of the text, not a sidebar or a site notice
            # (named for nothing else, and mostly no links).
            if ADMONITION_ASIDES and (tag == "aside" or tag == "div" and role and role.lower() == "alert") \
                    and _admonition(node, attrs):
                continue
            if PRUNE_CHROME_TAGS and (tag in P.CHROME_TAGS or role and role.lower() in P.CHROME_ROLES
                                      or tag == "header" and outside_article(node)):
                doomed.append(node)
                if rec is not None:
                    rec.drop(node, "prune_chrome_tags", tag=tag, role=role)
                cut = node
                break
            if relaxed or not attrs or tag in _WORDS_EXEMPT or not PRUNE_CHROME_WORDS:
                continue
            cls = attrs.get("class")
            ident = attrs.get("id")
            if cls and ident:
                words = cls + " " + ident
            else:
                words = cls or ident
            if not words or not _unlikely(words):
                continue
            if HEADING_ANCHORS and ident and not (cls and _unlikely(cls)) \
                    and _heading_anchor(node, tag, ident):
                continue
            # A heading that links to itself (its permalink: "#", "¶", an icon) is a section
            # of the text someone may want to link to: docs engines style such headings with
            # whatever classes they like ("anchor anchorWithStickyNavbar" reads as a sticky
            # navbar), but a sidebar's or a widget's title carries no permalink of its own.
            if HEADING_PERMALINKS and tag in P.HEADING_TAGS and own_permalink(node):
                continue
            # Syntax highlighters name their spans by token kind: highlight.js's
            # ``hljs-comment``, Prism's ``token comment`` read as reader comments, yet they are
            # the code's own text (asked only of the elements about to go).
            if CODE_SPANS and _in_code(node):
                continue
            # A heading's "header" class (``recipe-header``, ``section-header``) inside the
            # <article> says what the element is, a section's header of the story: the page's
            # header is a wrapper, and outside the story (a shop's filters, an accordion) such
            # headings title widgets. Other chrome words on it (``sidebar-header``) still count.
            if HEADER_NAMED_HEADINGS and tag in P.HEADING_TAGS and not _DATE_WORD.search(words) \
                    and not _unlikely(_HEADER_WORD.sub(" ", words)) and in_article(node):
                continue
            # A live blog prints each update as an <article> in a run of them, its time and
            # heading in ``<header class="block-header">``: the update's own header, not the
            # page's (one lone <article> is the story, whose header is the page's top).
            if ENTRY_HEADERS and entry_header(node, tag, words):
                continue
            embed, gate, titled = _name_marks(words)
            if QUOTED_EMBEDS and (
                    # (``twitter-tweet``, ``instagram-media``: what the story quotes, not a
                    # share bar; asked only of the elements about to go, as are the tests below.)
                    tag == "blockquote" or embed and holds_tag(node, "blockquote")):
                continue
            if GATED_STORY and gate and _gated_story(node):
                continue
            # A blog's footnotes (``section.footnotes``, ``div#footnotes``) read as page footer
            # by their name, yet the text's marks ("reflex.<sup><a href='#fn1'>1</a></sup>")
            # point into them: notes the article itself links to are part of the article.
            if LINKED_NOTES:
                if marks is None:
                    marks = note_targets(tree)
                if marks and holds_target(node, marks):
                    continue
            # (The element's text, read once for the comments marker and the wrapper test.)
            text = node.text(deep=True)
            if COMMENT_TAIL and _comments_marker(tag, titled, node, text):
                # (A "Comments" heading named ``#comments`` stays: the cleaning cuts the
                # thread under it, whose blocks are often named as content, ``commentbody``.)
                continue
            # A wrapper misnamed "...-sidebar-layout" can hold the whole article: keep it
            # (a list cannot be that wrapper).
            if tag in ("ul", "ol", "dl") or not WRAPPER_KEPT or not big(node, text):
                doomed.append(node)
                if rec is not None:
                    rec.drop(node, "prune_chrome_words", class_id=words)
                cut = node
                break
        # (after the body itself there is nothing: ``_after`` stops at it)
        segment = _after(segment if cut is None else cut, body)
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already removed with an ancestor
            pass


def _comments_marker(tag: str, titled: bool, node: LexborNode, text: str) -> bool:
    """Whether the element is the heading that opens the reader comments ("Comments",
    "14 Responses"), kept so that the cleaning can cut the thread under it: a heading, or
    (:data:`COMMENTS_MARKER_WRAPPER`) a wrapper holding nothing but that heading
    (``div.commentform > h2``) or a block named as the comments' title
    (``div#written_comments_title``: ``titled``, its class/id read so). ``text`` is the
    element's text."""
    heading = tag in P.HEADING_TAGS
    if not heading and not COMMENTS_MARKER_WRAPPER:
        return False
    # (The text test first: a selector search costs more, and most elements fail the text.)
    if len(text) > COMMENTS_MARKER_CHARS or not P.comments_heading(text):
        return False
    return heading or titled or node.css_first(_HEADING_SELECTOR) is not None


def _heading_anchor(node: LexborNode, tag: str, ident: str) -> bool:
    """Whether the id is a heading's anchor spelling the element's own text
    (``<span id="Eich_CEO_promotion_controversy">Eich CEO promotion controversy</span>`` in an
    ``<h3>``, ``<h2 id="social-media">``): words of the page, not the name of a part of it."""
    parent = node
    while parent is not None and parent.tag not in P.HEADING_TAGS:
        if parent.tag not in _ANCHOR_INLINE:
            return False
        parent = parent.parent
    if parent is None:
        return False
    return word_key(node.text(deep=True)) == word_key(_ID_WORDS.sub(" ", ident))


#: class words and labels of an admonition box (``starlight-aside--caution``, ``callout-tip``).
_ADMONITION = lazy(r"(?:^|[\s_-])(?:note|tip|hint|caution|warning|danger|important|attention|"
                   r"callout|admonition)(?=$|[\s_-])", re.IGNORECASE)
#: An admonition box is text: at most this share of its characters are links.
ADMONITION_LINK_SHARE = 0.5


def _admonition(node: LexborNode, attrs) -> bool:  # noqa: ANN001
    """Whether the <aside> is named as an admonition, and by no chrome word but "aside", and
    is not mostly links."""
    words = " ".join(v for v in (attrs.get("class"), attrs.get("aria-label"), attrs.get("id"))
                     if v) if attrs else ""
    if not words or not _ADMONITION.search(words):
        return False
    if _unlikely(_ADMONITION.sub(" ", words).replace("aside", " ")):
        return False
    text = node.text(deep=True)
    n = len(text.strip())
    links = sum(len((a.text(deep=True) or "").strip()) for a in node.css("a"))
    return n > 0 and links <= ADMONITION_LINK_SHARE * n


def own_permalink(heading: LexborNode) -> bool:
    """Whether the heading's links are all links to itself (``href="#x"``, ``x`` the id of
    the heading, of an element inside it or of its parent section), at least one, and the
    heading has text of its own besides (the permalink "#" or "¶" alone is no heading)."""
    links = heading.css("a[href]")
    if not links:
        return False
    ids = {heading.attributes.get("id")}
    ids.update(n.attributes.get("id") for n in heading.css("[id]"))
    parent = heading.parent
    if parent is not None:
        ids.add(parent.attributes.get("id"))
    ids.discard(None)
    ids.discard("")
    if not ids:
        return False
    for link in links:
        # (the fragment alone, or the page's own address before it)
        href = (link.attributes.get("href") or "").strip()
        if "#" not in href or href.rsplit("#", 1)[1] not in ids:
            return False
    return bool(word_key(heading.text(deep=True)))


def _in_code(node: LexborNode) -> bool:
    """Whether ``node`` lies inside a ``<pre>`` or ``<code>`` element. (Not cached: a cache
    keyed by nodes would keep their pages' trees alive.)"""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("pre", "code"):
            return True
        if parent.tag == "body":
            return False
        parent = parent.parent
    return False


def _unlikely(label: str) -> bool:
    # (Sites outside the English web name their share bars and subscription boxes in their
    # own language: ``div.compartir``, ``div.abbonati-box``; the same furniture.)
    return (in_words(P.UNLIKELY, label) or LOCAL_CHROME_WORDS and in_words(P.LOCAL_CHROME, label)) \
        and not in_words(P.POSITIVE, label)


@lru_cache(maxsize=4096)
def _name_marks(words: str) -> tuple[bool, bool, bool]:
    """What a chrome-named element's class/id (``words``) also says: a social-media embed
    (``twitter-tweet``, kept when it holds the quoted post), a paywall (kept when it holds
    the rest of the story) and a title (``written_comments_title``, a comments marker)."""
    return (P.EMBED.search(words) is not None, P.GATE.search(words) is not None,
            P.TITLE_WORDS.search(words) is not None)


def _gated_story(node: LexborNode) -> bool:
    """Whether a block named as a paywall (``paywall``, ``article-paywall``) holds the rest of
    the story: paragraphs of prose, not a "subscribe to read on" box."""
    prose = sum(text_len(p) for p in node.css("p"))
    return prose >= GATED_PROSE_CHARS


def _after(node: LexborNode, root: LexborNode) -> LexborNode | None:
    """The first node a non-text walk of ``root`` meets after ``node``'s subtree; None when
    there is none."""
    root_id = root.mem_id
    while node is not None and node.mem_id != root_id:
        following = node.next
        while following is not None:
            if not following.is_text_node:
                return following
            following = following.next
        node = node.parent
    return None


def entry_header(node: LexborNode, tag: str, words: str) -> bool:
    """Whether the element (a ``<header>`` or ``<div>`` of class/id ``words``) is named as a
    header and as nothing else of the page's chrome, holds a ``<time>`` (the update's
    timestamp: a card's or a section's header has none), and sits inside an ``<article>``
    that is one entry of a run (:func:`_entry_part`): a live blog update's header."""
    return tag in ("header", "div") and _HEADER_WORD.search(words) is not None \
        and not _unlikely(_HEADER_WORD.sub(" ", words)) and holds_tag(node, "time") \
        and _entry_part(node)


def _entry_part(node: LexborNode) -> bool:
    """Whether the nearest ``<article>`` around the element has an ``<article>`` sibling: it
    is one entry of a run (a live blog's updates), not the page's one story."""
    parent = node.parent
    while parent is not None and parent.tag != "article":
        parent = parent.parent
    if parent is None:
        return False
    before = parent.prev
    while before is not None and before.tag in ("-text", "-comment"):
        before = before.prev
    after = parent.next
    while after is not None and after.tag in ("-text", "-comment"):
        after = after.next
    return (before is not None and before.tag == "article") or \
        (after is not None and after.tag == "article")


def in_article(node: LexborNode) -> bool:
    """Whether an ``<article>`` encloses the element."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def outside_article(node: LexborNode) -> bool:
    """Whether no ``<article>`` or ``<main>`` encloses the element."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return False
        parent = parent.parent
    return True
