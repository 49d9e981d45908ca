"""A product page's own text, beside what the cascade found: the blocks the page marks as the
product's description or specifications (:func:`with_described`), the description it
declares in its JSON-LD (:func:`with_declared`), and a block written twice read once
(:func:`without_repeats`). The product profile (:mod:`.product`) uses them after the cascade
ran on the page opened up; their rules live there.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert.article import Block, Paragraph, Text
from convert.textutil import block_texts, clean_text

from convert.extract.ablation import rule

from ..dom import inside
from ..measure import text_len
from ..meta.declared import ld_objects, ld_types
from ...lazyre import lazy

__all__ = ["DESCRIBED", "described", "with_described", "declared_description", "with_declared",
           "without_repeats", "SPEC_TABLES", "spec_tables", "with_spec_tables",
           "SELF_LINKS", "without_self_links"]

SPEC_TABLES = rule("spec_tables", "on a product page the specification tables outside the "
                   "content found (a table of name/value rows, a definition list or a grid "
                   "of one-term lists, outside page chrome) join it, in document order")

SELF_LINKS = rule("self_links", "on a product page a short link to the page's own address "
                  "that is all of its block ('View full details', the quick-view popup's link "
                  "to the full page) is removed: it leads nowhere from the page itself")
#: A self link of at most this many words is a label ("View full details", "See details").
SELF_LINK_MAX_WORDS = 5


#: class/id words of the product's own text: its description, details and specifications.
DESCRIBED = lazy(r"(?<![a-z])(?:(?:product|item|listing|pdp)-?(?:long-?)?(?:description|details?|"
                  r"overview|specs|specifications?|features)|description|"
                  r"specifications?)(?![a-z])", re.IGNORECASE)
#: ...unless they describe something else: a cookie category, a menu, a dialog.
_NOT_DESCRIBED = lazy(r"cookie|privacy|gdpr|consent|modal|dialog|popup|menu|drawer|newsletter|"
                      r"header|footer|seller|shipping|delivery|returns?", re.IGNORECASE)
_AROUND = frozenset({"nav", "header", "footer", "aside", "menu", "dialog"})
#: A described block holds at least this many visible characters (a label is no description).
DESCRIBED_MIN_CHARS = 150


def described(root: LexborNode) -> list[LexborNode]:
    """The outermost blocks under ``root`` marked as the product's description or
    specifications (``itemprop="description"`` or named so, :data:`DESCRIBED`), outside page
    chrome and dialogs, in document order."""
    out: list[LexborNode] = []
    for node in root.css("[class], [id], [itemprop]"):
        if out and (node.mem_id == out[-1].mem_id or inside(node, out[-1])):
            continue
        attrs = node.attributes
        words = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).replace("_", "-")
        if attrs.get("itemprop") != "description" and not DESCRIBED.search(words):
            continue
        if node.tag in ("meta", "body", "html") or _NOT_DESCRIBED.search(words):
            continue
        if text_len(node) < DESCRIBED_MIN_CHARS or _in_furniture(node):
            continue
        out.append(node)
    return out


def _in_furniture(node: LexborNode) -> bool:
    node = node.parent
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _AROUND:
            return True
        attrs = node.attributes
        words = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        if words.strip() and _NOT_DESCRIBED.search(words):
            return True
        node = node.parent
    return False


def with_described(nodes: list[LexborNode]) -> list[LexborNode]:
    """The winner's ``nodes`` with the product's described blocks of the page they are in
    (:func:`described`): one holding the winner replaces it, the others outside it are added,
    all in document order."""
    root = nodes[0]
    while root.parent is not None and root.tag != "body":
        root = root.parent
    anchors = described(root)
    if not anchors:
        return nodes
    out = list(nodes)
    for anchor in anchors:
        if any(n.mem_id == anchor.mem_id or inside(anchor, n) for n in out):
            continue
        out = [n for n in out if not inside(n, anchor)] + [anchor]
    order = {n.mem_id: i for i, n in enumerate(root.traverse())}
    return sorted(out, key=lambda n: order.get(n.mem_id, 0))


#: A specification table has this many name/value rows...
SPEC_MIN_ROWS = 3
#: ...which hold this share of its text at least (not a layout table, not a page section).
SPEC_MIN_SHARE = 0.6


def _spec_rows(node: LexborNode) -> tuple[int, int]:
    """The name/value rows of a table or of the definition lists under ``node``: how many,
    and how many characters they hold."""
    if node.tag == "table":
        rows = [tr for tr in node.css("tr")
                if len([c for c in tr.iter() if c.tag in ("td", "th")]) == 2]
    else:
        rows = node.css("dt, dd")
    return (len(rows) if node.tag == "table" else len(node.css("dt")),
            sum(text_len(r) for r in rows))


def _spec_table(node: LexborNode) -> LexborNode | None:
    """The specification table ``node`` is part of: the table itself, or for a ``<dl>`` the
    nearest element holding :data:`SPEC_MIN_ROWS` terms (a shop writes each name/value row
    as a list of its own); ``None`` when its rows are too few or hold too little of it
    (:data:`SPEC_MIN_SHARE`)."""
    group = node
    if node.tag == "dl":
        while len(group.css("dt")) < SPEC_MIN_ROWS and group.parent is not None \
                and group.parent.tag not in ("body", "html"):
            group = group.parent
    rows, chars = _spec_rows(group)
    if rows < SPEC_MIN_ROWS or chars < SPEC_MIN_SHARE * text_len(group):
        return None
    return group


def spec_tables(root: LexborNode) -> list[LexborNode]:
    """The outermost specification tables under ``root`` (:func:`_spec_table`) outside page
    chrome, in document order."""
    out: list[LexborNode] = []
    for node in root.css("table, dl"):
        if out and (node.mem_id == out[-1].mem_id or inside(node, out[-1])):
            continue
        table = _spec_table(node)
        if table is None or out and (table.mem_id == out[-1].mem_id or inside(table, out[-1])):
            continue
        if not _in_furniture(table):
            out.append(table)
    return out


def with_spec_tables(nodes: list[LexborNode]) -> list[LexborNode]:
    """The content's ``nodes`` with the page's specification tables outside them
    (:func:`spec_tables`), in document order: the table a shop puts in a tab or a column
    of its own beside the description the cascade found ("Item specifics")."""
    root = nodes[0]
    while root.parent is not None and root.tag != "body":
        root = root.parent
    tables = [t for t in spec_tables(root)
              if not any(t.mem_id == n.mem_id or inside(t, n) or inside(n, t) for n in nodes)]
    if not tables:
        return nodes
    order = {n.mem_id: i for i, n in enumerate(root.traverse())}
    return sorted(list(nodes) + tables, key=lambda n: order.get(n.mem_id, 0))


#: A declared description this long (characters) is a description, not a tagline...
DECLARED_MIN_CHARS = 150
#: ...and the content found lacks it when fewer than this share of its word triples are in it.
DECLARED_MAX_SEEN = 0.5

_LD_SCRIPT = lazy(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)
_TAG = lazy(r"<[^>]+>")


def declared_description(html: str) -> str | None:
    """The product's description as the page declares it: a JSON-LD ``Product``'s
    ``description`` (the longest), clean text (markup in it read as text), or ``None``. (Not
    the description ``<meta>``: a search snippet, often the shop's boilerplate, "Find many
    great new & used options ...".)"""
    found: list[str] = []
    scripts = _LD_SCRIPT.findall(html)
    if scripts:
        for obj in ld_objects(LexborHTMLParser("".join(scripts))):
            value = obj.get("description")
            if "product" in ld_types(obj) and isinstance(value, str):
                found.append(value)
    if not found:
        return None
    text = clean_text(" ".join(_TAG.sub(" ", unescape(max(found, key=len))).split()))
    return text or None


def _triples(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def with_declared(blocks: list[Block], html: str) -> list[Block]:
    """``blocks`` with the page's declared description (:func:`declared_description`) put
    first when it is long (:data:`DECLARED_MIN_CHARS`) and mostly missing from them
    (:data:`DECLARED_MAX_SEEN`): a shop that renders its description with a script, or in a
    block the cascade leaves, still declares it for search engines."""
    text = declared_description(html)
    if text is None or len(text) < DECLARED_MIN_CHARS:
        return blocks
    wanted = _triples(text)
    seen = _triples(" ".join(block_texts(blocks)))
    if not wanted or len(wanted & seen) >= DECLARED_MAX_SEEN * len(wanted):
        return blocks
    return [Paragraph((Text(text),))] + blocks


#: A repeated block this long (characters) is a copy, not a label read twice ("Size", "Add").
REPEAT_MIN_CHARS = 40


def without_repeats(blocks: list[Block]) -> list[Block]:
    """``blocks`` without the ones whose text an earlier one has word for word: a product
    page repeats its description or specification table for another layout, a sticky bar or
    a tab's print view, and the parse reads every copy."""
    seen: set[str] = set()
    out: list[Block] = []
    for block in blocks:
        text = " ".join(" ".join(block_texts([block])).split())
        if len(text) >= REPEAT_MIN_CHARS:
            if text in seen:
                continue
            seen.add(text)
        out.append(block)
    return out


def without_self_links(tree: LexborHTMLParser) -> bool:
    """Remove the short links (:data:`SELF_LINK_MAX_WORDS`, no heading or image inside) to
    the page's own address — its canonical URL's (else ``og:url``'s) path, with no query or
    fragment — that are all the text of their parent: a shop theme's product block is also
    the quick-view popup of a product card, whose "View full details" links to this page.
    A link inside prose (:func:`_alone`), and a page declaring no address of its own, are
    left. Whether there was any."""
    declared = tree.css_first('link[rel="canonical"][href]')
    href = declared.attributes.get("href") if declared is not None else None
    if not href:
        declared = tree.css_first('meta[property="og:url"][content]')
        href = declared.attributes.get("content") if declared is not None else None
    own = urlsplit(href or "").path.rstrip("/")
    body = tree.body
    if not own or body is None:
        return False
    doomed = []
    for link in body.css("a[href]"):
        target = urlsplit(link.attributes.get("href") or "")
        if target.query or target.fragment or target.path.rstrip("/") != own:
            continue
        text = " ".join(link.text(separator=" ").split())
        if not text or len(text.split()) > SELF_LINK_MAX_WORDS or link.css_first(
                "h1, h2, h3, h4, h5, h6, img"):
            continue
        if _alone(link):
            doomed.append(link)
    for link in doomed:
        link.decompose()
    return bool(doomed)


#: Inline elements: a link beside one of them holding text is part of a line of prose.
_INLINE = frozenset({"a", "span", "b", "strong", "em", "i", "u", "small", "code", "mark",
                     "abbr", "label", "sup", "sub", "time", "q", "cite"})


def _alone(link: LexborNode) -> bool:
    """Whether ``link`` is a block of its own: no text and no inline element holding text
    right before or after it among its siblings."""
    for step in ("prev", "next"):
        node = getattr(link, step)
        while node is not None:
            tag = node.tag or "-"
            if tag == "-text":
                if (node.text_content or "").strip():
                    return False
            elif tag in _INLINE:
                if node.text(deep=True).strip():
                    return False
            elif not tag.startswith("-"):
                break  # (a block: the line ends here)
            node = getattr(node, step)
    return True
