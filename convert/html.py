"""The article AST as semantic, safe XHTML: shared by the Markdown and EPUB writers.

Safe by construction: every text and attribute value is escaped and cleaned of characters XML
cannot hold; links keep only ``http``/``https``/``mailto``/relative/``#`` URLs and images only
``http``/``https``/relative/``data:image/{png,gif,jpeg,webp}`` sources, so ``javascript:``,
``vbscript:`` and ``data:text/html`` never reach a browser, an e-reader or a Markdown renderer.
The output is well-formed XML (an XHTML fragment), never depends on the page's own markup, and
is identical for identical input.

Writers customise it the way mistune's ``BaseRenderer`` is customised: subclass
:class:`HTMLRenderer` and override a ``render_<type>`` method, or pass ``image_src`` /
``link_url`` callables that rewrite (or veto, by returning ``None``) each URL; a node type the
renderer does not know goes to :meth:`HTMLRenderer.render_unknown`.

Nesting is bounded: below :data:`MAX_BLOCK_DEPTH` containers are flattened into their leaf
blocks (text is kept, only the indentation is lost) and below :data:`MAX_INLINE_DEPTH` inline
markup becomes plain text, so neither this module nor a recursive consumer such as markdownify
(which fails at ~330 nested elements) can hit Python's recursion limit.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any, Callable, Iterable, Iterator

from .article import Article, Block, Inline, Meta
# The URL policy and the span bound are shared with the extractor (see :mod:`convert.safety`);
# they stay importable from here, where writers have always found them.
from .safety import MAX_SPAN, safe_image_url, safe_link_url, url_scheme
from .textutil import (clean_text, has_rtl, inline_text, language_direction,
                       text_direction)
from . import regexcache

__all__ = ["HTMLRenderer", "article_html", "html_document", "safe_link_url", "safe_image_url",
           "byline", "language_tag", "flat_text", "leaf_blocks", "MAX_SPAN", "MAX_BLOCK_DEPTH",
           "MAX_INLINE_DEPTH", "XHTML_NS", "article_direction", "image_alt"]

XHTML_NS = "http://www.w3.org/1999/xhtml"
#: Containers (lists, quotes, divs, tables) nested deeper than this are flattened.
MAX_BLOCK_DEPTH = 24
#: Inline markup nested deeper than this is rendered as its plain text.
MAX_INLINE_DEPTH = 12

_LANG = regexcache.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_CLASS = regexcache.compile(r"[^a-z0-9_-]+")


def _text(s: str) -> str:
    return escape(clean_text(s), quote=False)


def _attr(s: str) -> str:
    return escape(clean_text(s), quote=True)


def flat_text(nodes: Iterable[Any]) -> str:
    """Plain text of inlines on one line (used past the nesting limit)."""
    return inline_text(nodes, line_break=" ")


def leaf_blocks(blocks: Iterable[Any]) -> Iterator[Any]:
    """The non-container blocks under ``blocks``, in order, without recursion."""
    stack: list[Iterator[Any]] = [iter(blocks)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        t = node.type
        if t == "list":
            stack.append(iter([b for item in node.items for b in item.blocks]))
        elif t in ("quote", "div", "list_item", "table_cell"):
            stack.append(iter(node.blocks))
        elif t == "table":
            stack.append(iter([b for row in (*node.head, *node.body) for c in row.cells
                               for b in c.blocks]))
        else:
            yield node


def image_alt(nodes: Iterable[Any]) -> str | None:
    """The alt texts of the images among ``nodes`` (at any depth), one space apart, or
    ``None`` when there is no image."""
    alts: list[str] = []
    found = False
    stack: list[Iterator[Any]] = [iter(nodes)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
        elif node.type == "image":
            found = True
            alt = " ".join(clean_text(node.alt or "").split())
            if alt:
                alts.append(alt)
        elif hasattr(node, "children"):
            stack.append(iter(node.children))
    return " ".join(alts) if found else None


def article_direction(article: Article) -> str:
    """``rtl`` or ``ltr``: the direction most of the article's letters (title and body, code
    left out) are written in, else its language's. Text decides first because pages often
    keep an English ``lang`` in the template of an Arabic or Hebrew site."""
    parts = [article.meta.title or ""]
    size = len(parts[0])
    for block in leaf_blocks(article.blocks):
        if size > 20_000:
            break
        if block.type in ("paragraph", "heading"):
            parts.append(flat_text(block.children))
            size += len(parts[-1])
    return (text_direction(" ".join(parts)) or language_direction(article.meta.language)
            or "ltr")


def _clamp_span(n: Any) -> int:
    try:
        return max(1, min(MAX_SPAN, int(n)))
    except (TypeError, ValueError):
        return 1


def byline(meta: Meta) -> str:
    """The plain byline: authors and the published date (``A, B · 2023-07-27``), else the
    modified date (a page that gives only when it was last updated)."""
    parts = [", ".join(clean_text(a).strip() for a in meta.authors if a.strip())]
    if meta.published or meta.modified:
        parts.append(clean_text(meta.published or meta.modified or "")[:10])
    return " · ".join(p for p in parts if p)


class HTMLRenderer:
    """Renders blocks and inlines to XHTML; one ``render_<type>`` method per node type.

    :param image_src: maps a safe image source to the one to emit, or ``None`` to drop the
        image (EPUB embeds the images :func:`convert.images.loader_for` can load as files and
        drops the others; Markdown with ``--embed-images`` inlines them as ``data:`` URIs).
    :param link_url: maps a safe link URL to the one to emit, or ``None`` to keep only the
        link's text.
    :param base_url: relative URLs are resolved against it (the article's canonical URL).
    :param heading_shift: added to every heading level (bundles put the book title on top);
        levels are clamped to 1..6.
    :param max_depth: containers nested deeper are flattened (Markdown renderers have lower
        nesting limits than browsers: markdown-it stops at 20 levels).
    :param bidi: mark the direction of text: :func:`article_html` gives the ``<article>`` its
        ``dir`` (:func:`article_direction`), and a paragraph, heading, list item or table
        written mostly in the other direction gets its own ``dir`` (the AST keeps no ``dir``
        of the page, so the letters decide); code is always ``ltr``. Without it, a reader
        lays Arabic or Hebrew out left to right, punctuation at the wrong end.
    """

    def __init__(self, *, image_src: Callable[[str], str | None] | None = None,
                 link_url: Callable[[str], str | None] | None = None,
                 base_url: str | None = None, heading_shift: int = 0,
                 max_depth: int = MAX_BLOCK_DEPTH, bidi: bool = False) -> None:
        self.image_src = image_src
        self.link_url = link_url
        self.base_url = base_url if base_url and url_scheme(base_url) in ("http", "https") else None
        self.heading_shift = heading_shift
        self.max_depth = max_depth
        self._depth = 0
        self._inline_depth = 0
        self._in_link = False
        self.bidi = bidi
        #: The direction of the enclosing element (set by :func:`article_direction` with ``bidi``).
        self.direction = "ltr"
        #: ``[]`` to collect ``(level, text, id)`` of the body's headings, which then get ids
        #: ``h-1``, ``h-2``... (EPUB's table of contents links to them); ``None``: no ids.
        self.headings: list[tuple[int, str, str]] | None = None

    def _dir(self, text: str) -> str:
        """`` dir="..."`` when ``text`` runs the other way than its surroundings (``bidi``)."""
        if not self.bidi or (self.direction == "ltr" and not has_rtl(text)):
            return ""
        d = text_direction(text)
        return f' dir="{d}"' if d and d != self.direction else ""

    # ------------------------------------------------------------------ dispatch

    def blocks(self, blocks: Iterable[Block]) -> str:
        """XHTML for a sequence of blocks."""
        out = []
        for block in blocks:
            if self._depth >= self.max_depth and block.type in ("list", "quote", "div", "table"):
                out.extend(self.block(leaf) for leaf in leaf_blocks([block]))
            else:
                out.append(self.block(block))
        return "".join(out)

    def block(self, node: Any) -> str:
        method = getattr(self, "render_" + getattr(node, "type", "unknown"), self.render_unknown)
        self._depth += 1
        try:
            return method(node)
        finally:
            self._depth -= 1

    def inlines(self, children: Iterable[Inline]) -> str:
        """XHTML for a run of inlines."""
        if self._inline_depth >= MAX_INLINE_DEPTH:
            return _text(flat_text(children))
        self._inline_depth += 1
        try:
            return "".join(getattr(self, "render_" + getattr(n, "type", "unknown"),
                                   self.render_unknown)(n) for n in children)
        finally:
            self._inline_depth -= 1

    def render_unknown(self, node: Any) -> str:
        """A node type this renderer does not know: keep its text, drop its markup."""
        if hasattr(node, "blocks"):
            return self.blocks(node.blocks)
        if hasattr(node, "children"):
            return self.inlines(node.children)
        text = getattr(node, "text", None)
        return _text(text) if isinstance(text, str) else ""

    # ------------------------------------------------------------------ URLs

    def _link(self, url: str | None) -> str | None:
        safe = safe_link_url(url, self.base_url)
        if safe is not None and self.link_url is not None:
            safe = self.link_url(safe)
        return safe

    def _image(self, src: str | None) -> str | None:
        safe = safe_image_url(src, self.base_url)
        if safe is not None and self.image_src is not None:
            safe = self.image_src(safe)
        return safe

    # ------------------------------------------------------------------ inlines

    def render_text(self, node: Any) -> str:
        return _text(node.text)

    def _wrap(self, tag: str, node: Any) -> str:
        inner = self.inlines(node.children)
        return f"<{tag}>{inner}</{tag}>" if inner else ""

    def render_emphasis(self, node: Any) -> str:
        return self._wrap("em", node)

    def render_strong(self, node: Any) -> str:
        return self._wrap("strong", node)

    def render_strikeout(self, node: Any) -> str:
        return self._wrap("del", node)

    def render_superscript(self, node: Any) -> str:
        return self._wrap("sup", node)

    def render_subscript(self, node: Any) -> str:
        return self._wrap("sub", node)

    def render_code(self, node: Any) -> str:
        return f"<code>{_text(node.text)}</code>" if node.text else ""

    def render_line_break(self, node: Any) -> str:
        return "<br/>"

    def render_link(self, node: Any) -> str:
        url = None if self._in_link else self._link(node.url)
        if url is None:  # nested or unsafe: keep the text, drop the link
            return self.inlines(node.children)
        self._in_link = True
        try:
            inner = self.inlines(node.children)
        finally:
            self._in_link = False
        if not inner.strip() and image_alt(node.children) is not None:
            # Its content was an image this writer dropped (EPUB cannot hold a remote one,
            # --no-images): the image's alt text keeps the link visible and usable, where an
            # empty <a> would leave nothing to click.
            alt = image_alt(node.children)
            if not alt:
                return inner
            inner = _text(alt)
        title = f' title="{_attr(node.title)}"' if node.title else ""
        return f'<a href="{_attr(url)}"{title}>{inner}</a>'

    def render_image(self, node: Any) -> str:
        src = self._image(node.src)
        if src is None:
            return ""
        attrs = [f'src="{_attr(src)}"', f'alt="{_attr(node.alt or "")}"']
        if node.title:
            attrs.append(f'title="{_attr(node.title)}"')
        for name in ("width", "height"):
            value = getattr(node, name)
            if isinstance(value, int) and 0 < value <= 100_000:
                attrs.append(f'{name}="{value}"')
        return f"<img {' '.join(attrs)}/>"

    # ------------------------------------------------------------------ blocks

    def render_heading(self, node: Any) -> str:
        inner = self.inlines(node.children)
        if not inner.strip():
            return ""
        level = max(1, min(6, int(node.level) + self.heading_shift))
        d = self._dir(flat_text(node.children))
        if self.headings is not None:  # an id to link to from a table of contents
            self.headings.append((level, " ".join(clean_text(flat_text(node.children)).split()),
                                  f"h-{len(self.headings) + 1}"))
            d = f' id="{self.headings[-1][2]}"' + d
        return f"<h{level}{d}>{inner}</h{level}>\n"

    def render_paragraph(self, node: Any) -> str:
        inner = self.inlines(node.children)
        if not inner.strip():
            return ""
        return f"<p{self._dir(flat_text(node.children))}>{inner}</p>\n"

    def render_list(self, node: Any) -> str:
        items = []
        for item in node.items:
            blocks = item.blocks
            if blocks and blocks[0].type == "paragraph" and all(
                    b.type == "list" for b in blocks[1:]):
                # A tight item (text, maybe a sub-list): no <p>, as pages and Markdown have it.
                inner = self.inlines(blocks[0].children) + self.blocks(blocks[1:])
            else:
                inner = self.blocks(blocks)
            d = self._dir(flat_text(blocks[0].children)) if (
                self.bidi and blocks and blocks[0].type in ("paragraph", "heading")) else ""
            items.append(f"<li{d}>{inner}</li>\n")
        if not items:
            return ""
        if node.ordered:
            n = max(0, min(999_999_999, int(node.start)))  # CommonMark allows 9 digits
            start = f' start="{n}"' if n != 1 else ""
            return f"<ol{start}>\n{''.join(items)}</ol>\n"
        return f"<ul>\n{''.join(items)}</ul>\n"

    def render_quote(self, node: Any) -> str:
        inner = self.blocks(node.blocks)
        if not inner.strip():
            return ""
        cite = self._link(node.cite) if node.cite else None
        cite_attr = f' cite="{_attr(cite)}"' if cite and not cite.startswith("#") else ""
        return f"<blockquote{cite_attr}>\n{inner}</blockquote>\n"

    def render_code_block(self, node: Any) -> str:
        lang = re.sub(r"[^A-Za-z0-9_+#.-]", "", node.language or "")
        cls = f' class="language-{_attr(lang)}"' if lang else ""
        d = ' dir="ltr"' if self.bidi and self.direction == "rtl" else ""
        return f"<pre{d}><code{cls}>{_text(node.text)}</code></pre>\n"

    def render_rule(self, node: Any) -> str:
        return "<hr/>\n"

    def render_div(self, node: Any) -> str:
        inner = self.blocks(node.blocks)
        if not inner.strip():
            return ""
        role = _CLASS.sub("-", (node.role or "").lower()).strip("-")
        return f'<div class="{role}">\n{inner}</div>\n' if role else f"<div>\n{inner}</div>\n"

    def render_figure(self, node: Any) -> str:
        img = self.render_image(node.image) if node.image is not None else ""
        caption = self.inlines(node.caption)
        credit = self.inlines(node.credit)
        if not (img or caption.strip() or credit.strip()):
            return ""
        parts = []
        if caption.strip():
            parts.append(caption)
        if credit.strip():
            parts.append(f'<small class="credit">{credit}</small>')
        cap = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
        return f"<figure>{img}{cap}</figure>"

    def render_table(self, node: Any) -> str:
        if not node.head and not node.body:
            caption = self.inlines(node.caption)
            return f"<p>{caption}</p>\n" if caption.strip() else ""
        d = ""
        if self.bidi:
            d = self._dir(" ".join(flat_text(b.children) for b in leaf_blocks([node])
                                   if b.type in ("paragraph", "heading")))
        out = [f"<table{d}>\n"]
        caption = self.inlines(node.caption)
        if caption.strip():
            out.append(f"<caption>{caption}</caption>\n")
        for tag, rows in (("thead", node.head), ("tbody", node.body)):
            if rows:
                out.append(f"<{tag}>\n")
                out.extend(self.render_table_row(row) for row in rows)
                out.append(f"</{tag}>\n")
        out.append("</table>\n")
        return "".join(out)

    def render_table_row(self, row: Any) -> str:
        cells = []
        for cell in row.cells:
            tag = "th" if cell.header else "td"
            attrs = ""
            colspan, rowspan = _clamp_span(cell.colspan), _clamp_span(cell.rowspan)
            if colspan > 1:
                attrs += f' colspan="{colspan}"'
            if rowspan > 1:
                attrs += f' rowspan="{rowspan}"'
            blocks = cell.blocks
            if len(blocks) == 1 and blocks[0].type == "paragraph":
                inner = self.inlines(blocks[0].children)
            else:
                self._depth += 1
                try:
                    inner = self.blocks(blocks)
                finally:
                    self._depth -= 1
            cells.append(f"<{tag}{attrs}>{inner}</{tag}>")
        return f"<tr>{''.join(cells) or '<td></td>'}</tr>\n"

    # ------------------------------------------------------------------ document parts

    def header(self, meta: Meta, *, level: int = 1) -> str:
        """The article's title, subtitle, byline and lead image as a ``<header>``."""
        parts = []
        if meta.title and meta.title.strip():
            lv = max(1, min(6, level))
            parts.append(f"<h{lv}>{_text(meta.title.strip())}</h{lv}>\n")
        if meta.subtitle and meta.subtitle.strip():
            parts.append(f'<p class="subtitle">{_text(meta.subtitle.strip())}</p>\n')
        line = byline(meta)
        if line:
            who = _text(", ".join(a.strip() for a in meta.authors if a.strip()))
            when = ""
            if meta.published or meta.modified:
                published = clean_text(meta.published or meta.modified or "")
                when = f'<time datetime="{_attr(published)}">{_text(published[:10])}</time>'
            parts.append(f'<p class="byline">{" · ".join(p for p in (who, when) if p)}</p>\n')
        if meta.lead_image is not None:
            parts.append(self.render_figure(meta.lead_image))
        # No newline after </header>: markdownify keeps whitespace between elements it does
        # not know as blocks (header, figure), which would leave a line holding one space.
        return f"<header>\n{''.join(parts)}</header>" if parts else ""


def article_html(article: Article, *, heading: bool = True, renderer: HTMLRenderer | None = None,
                 heading_shift: int = 0) -> str:
    """An XHTML fragment of one article: an ``<article>`` with a header (title, subtitle,
    byline, lead image) when ``heading`` is true, then the body."""
    r = renderer or HTMLRenderer(base_url=article.meta.url, heading_shift=heading_shift)
    lang = language_tag(article.meta.language)
    lang_attr = f' lang="{lang}" xml:lang="{lang}"' if lang else ""
    if r.bidi:
        r.direction = article_direction(article)
        lang_attr += f' dir="{r.direction}"'
    head = r.header(article.meta, level=1 + r.heading_shift) if heading else ""
    return f"<article{lang_attr}>\n{head}{r.blocks(article.blocks)}</article>\n"


def language_tag(tag: str | None) -> str | None:
    """A well-formed BCP 47 tag (``pt_BR`` becomes ``pt-BR``), or ``None``."""
    tag = clean_text(tag or "").strip().replace("_", "-")
    return tag if tag and _LANG.fullmatch(tag) else None


def html_document(body: str, *, title: str | None = None, lang: str | None = None,
                  stylesheets: Iterable[str] = (), css: str | None = None,
                  epub: bool = False, direction: str | None = None) -> str:
    """A complete XHTML5 document (XML syntax) around a body fragment made by this module;
    ``direction`` (``rtl``/``ltr``) is the root element's ``dir``."""
    lang_tag = language_tag(lang) or "und"
    dir_attr = f' dir="{direction}"' if direction in ("rtl", "ltr") else ""
    ns = ' xmlns:epub="http://www.idpf.org/2007/ops"' if epub else ""
    links = "".join(f'<link rel="stylesheet" type="text/css" href="{_attr(href)}"/>\n'
                    for href in stylesheets)
    style = f"<style>\n{_text(css)}\n</style>\n" if css else ""
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="{XHTML_NS}"{ns} lang="{lang_tag}" xml:lang="{lang_tag}"{dir_attr}>\n'
            f'<head>\n<meta charset="utf-8"/>\n<title>{_text(title or "Untitled")}</title>\n'
            f"{links}{style}</head>\n<body>\n{body}</body>\n</html>\n")
