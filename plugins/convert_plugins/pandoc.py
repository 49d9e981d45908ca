"""The ``pandoc`` format: the article as pandoc's JSON AST, for every format pandoc writes.

``decruft convert page.html -t pandoc | pandoc -f json -o article.odt`` gives ODT, LaTeX, RTF,
AsciiDoc, Org, man… from an extracted article. Nodes map one to one onto pandoc's
(``Text.Pandoc.Definition``), with the URLs :mod:`convert.html` lets through (no script
URLs; relative ones made absolute against the article's URL): emphasis, strong, strikeout, super/subscript, code, links,
images, line breaks; headings, paragraphs, bullet and ordered lists (with their start
number), block quotes, code blocks (language as the class), tables (header rows, spans, a
caption), rules and divs (the role as the class). Text is split into ``Str``/``Space`` as
pandoc's own readers do, so pandoc wraps and justifies it like any other document.

The metadata block holds ``title``, ``subtitle``, ``author`` (a list), ``date``, ``lang``,
``url``, ``description``, ``keywords`` and ``site`` — the variables pandoc's templates use.

API versions: pandoc refuses JSON whose ``pandoc-api-version`` differs from its own in the
first two numbers. ``-O pandoc_api=1.23`` (pandoc 3.x) maps figures to pandoc's ``Figure``
block; ``-O pandoc_api=1.22`` (pandoc 2.10-2.19) writes them as pandoc 2 reads figures: a
paragraph holding only the image, its title starting with ``fig:`` and the caption as its
description. The default, ``auto``, asks the ``pandoc`` on the ``PATH`` for its version
(once per process) and uses 1.23 when there is none.

Nesting is bounded as in :mod:`convert.html`: containers past ``MAX_BLOCK_DEPTH`` become
their leaf blocks, inline markup past ``MAX_INLINE_DEPTH`` its plain text.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
from typing import Any, Sequence

from convert import Article, hookimpl, regexcache
from convert.errors import FormatError
from convert.formats import FormatRegistry, RenderOptions
from convert.html import (MAX_BLOCK_DEPTH, MAX_INLINE_DEPTH, MAX_SPAN, flat_text, language_tag,
                          leaf_blocks, safe_image_url, safe_link_url)
from convert.textutil import clean_text

#: The full ``pandoc-api-version`` written for each supported major version.
API_VERSIONS = {"1.22": [1, 22, 2, 1], "1.23": [1, 23, 1]}
DEFAULT_API = "1.23"
_NO_ATTR: list[Any] = ["", [], []]
_VERSION_LINE = regexcache.compile(r"pandoc-types (\d+)\.(\d+)")


def _node(t: str, c: Any = None) -> dict[str, Any]:
    return {"t": t} if c is None else {"t": t, "c": c}


@functools.lru_cache(maxsize=1)
def installed_api() -> str | None:
    """The major API version (``1.22``) of the ``pandoc`` on the PATH, or None."""
    exe = shutil.which("pandoc")
    if exe is None:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    m = _VERSION_LINE.search(out)
    return f"{m.group(1)}.{m.group(2)}" if m else None


def api_version(options: RenderOptions) -> str:
    """The API version to write: ``-O pandoc_api=``, else the installed pandoc's, else 1.23."""
    asked = str(options.extra.get("pandoc_api", "auto")).strip()
    if asked == "auto":
        found = installed_api()
        return found if found in API_VERSIONS else DEFAULT_API
    if asked not in API_VERSIONS:
        raise FormatError(f"pandoc_api must be auto or one of {', '.join(API_VERSIONS)}, "
                          f"not {asked!r}")
    return asked


class PandocWriter:
    """Converts the AST to pandoc's JSON (as Python values) for one API version."""

    def __init__(self, api: str, base: str | None = None) -> None:
        self.figures = api != "1.22"
        #: The article's URL: relative links and images are made absolute against it.
        self.base = base

    # ---------------------------------------------------------------- inlines
    def text(self, text: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        # Split on the whitespace pandoc's readers break words at; a no-break space stays
        # inside a word, as in pandoc's own Str.
        for i, word in enumerate(re.split(r"[ \t\n\r]+", clean_text(text))):
            if i:
                out.append(_node("Space"))
            if word:
                out.append(_node("Str", word))
        return out

    def inlines(self, nodes: Sequence[Any], depth: int = 0) -> list[dict[str, Any]]:
        if depth > MAX_INLINE_DEPTH:
            return _tidy(self.text(flat_text(nodes)))
        out: list[dict[str, Any]] = []
        for node in nodes:
            out.extend(self.inline(node, depth))
        return _tidy(out)

    def inline(self, node: Any, depth: int) -> list[dict[str, Any]]:
        t = node.type
        if t == "text":
            return self.text(node.text)
        if t == "code":
            return [_node("Code", [_NO_ATTR, clean_text(node.text)])]
        if t == "line_break":
            return [_node("LineBreak")]
        if t == "image":
            return [self.image(node)] if self.src(node) else []
        kids = self.inlines(node.children, depth + 1)
        if t == "link":
            url = safe_link_url(node.url, self.base)
            if url is None or url.startswith("#"):
                # (an in-page link: the document keeps none of the page's anchors)
                return kids
            return [_node("Link", [_NO_ATTR, kids, [url, clean_text(node.title or "")]])]
        name = {"emphasis": "Emph", "strong": "Strong", "strikeout": "Strikeout",
                "superscript": "Superscript", "subscript": "Subscript"}.get(t)
        return [_node(name, kids)] if name else kids

    def src(self, node: Any) -> str | None:
        return safe_image_url(node.src, self.base)

    def image(self, node: Any, *, title: str | None = None,
              alt: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        kv = [[k, str(v)] for k, v in (("width", node.width), ("height", node.height)) if v]
        description = alt if alt is not None else self.text(node.alt or "")
        return _node("Image", [["", [], kv], _tidy(description),
                               [self.src(node) or "",
                                title if title is not None else clean_text(node.title or "")]])

    # ---------------------------------------------------------------- blocks
    def blocks(self, nodes: Sequence[Any], depth: int = 0) -> list[dict[str, Any]]:
        if depth > MAX_BLOCK_DEPTH:
            nodes = list(leaf_blocks(nodes))
        out: list[dict[str, Any]] = []
        for node in nodes:
            out.extend(self.block(node, min(depth, MAX_BLOCK_DEPTH)))
        return out

    def block(self, node: Any, depth: int) -> list[dict[str, Any]]:
        t = node.type
        if t == "paragraph":
            kids = self.inlines(node.children)
            return [_node("Para", kids)] if kids else []
        if t == "heading":
            level = min(max(int(node.level), 1), 6)
            return [_node("Header", [level, _NO_ATTR, self.inlines(node.children)])]
        if t == "code_block":
            classes = [clean_text(node.language)] if node.language else []
            return [_node("CodeBlock", [["", classes, []], clean_text(node.text)])]
        if t == "rule":
            return [_node("HorizontalRule")]
        if t == "list":
            items = [self.blocks(item.blocks, depth + 1) for item in node.items]
            if node.ordered:
                attrs = [int(node.start), _node("Decimal"), _node("Period")]
                return [_node("OrderedList", [attrs, items])]
            return [_node("BulletList", items)]
        if t == "quote":
            return [_node("BlockQuote", self.blocks(node.blocks, depth + 1))]
        if t == "div":
            classes = [clean_text(node.role)] if node.role else []
            return [_node("Div", [["", classes, []], self.blocks(node.blocks, depth + 1)])]
        if t == "table":
            return [self.table(node, depth)]
        if t == "figure":
            return self.figure(node)
        return []

    def figure(self, node: Any) -> list[dict[str, Any]]:
        caption = self.inlines(node.caption)
        credit = self.inlines(node.credit)
        if caption and credit:
            caption = caption + [_node("Space")] + credit
        else:
            caption = caption or credit
        if node.image is None or not self.src(node.image):
            return [_node("Para", caption)] if caption else []
        if self.figures:
            body = [_node("Plain", [self.image(node.image)])]
            cap = [None, [_node("Plain", caption)] if caption else []]
            return [_node("Figure", [_NO_ATTR, cap, body])]
        # pandoc 2: an image alone in a paragraph whose title starts with "fig:" is a figure
        # and its description is the caption.
        title = "fig:" + clean_text(node.image.title or "")
        alt = caption or self.text(node.image.alt or "")
        return [_node("Para", [self.image(node.image, title=title, alt=alt)])]

    def table(self, node: Any, depth: int) -> dict[str, Any]:
        width = max((sum(_span(c.colspan) for c in row.cells)
                     for row in (*node.head, *node.body)), default=0)
        colspecs = [[_node("AlignDefault"), _node("ColWidthDefault")] for _ in range(width)]
        caption = self.inlines(node.caption)
        cap = [None, [_node("Plain", caption)] if caption else []]
        head = [_NO_ATTR, [self.row(r, depth) for r in node.head]]
        body = [[_NO_ATTR, 0, [], [self.row(r, depth) for r in node.body]]]
        return _node("Table", [_NO_ATTR, cap, colspecs, head, body, [_NO_ATTR, []]])

    def row(self, row: Any, depth: int) -> list[Any]:
        cells = [[_NO_ATTR, _node("AlignDefault"), _span(c.rowspan), _span(c.colspan),
                  self.blocks(c.blocks, depth + 1)] for c in row.cells]
        return [_NO_ATTR, cells]

    # ---------------------------------------------------------------- document
    def meta(self, article: Article) -> dict[str, Any]:
        m = article.meta
        out: dict[str, Any] = {}

        def put(key: str, value: str | None) -> None:
            value = " ".join(clean_text(value or "").split())
            if value:
                out[key] = _node("MetaInlines", self.text(value))

        put("title", m.title)
        put("subtitle", m.subtitle)
        authors = [a for a in (" ".join(clean_text(x).split()) for x in m.authors) if a]
        if authors:
            out["author"] = _node("MetaList", [_node("MetaInlines", self.text(a))
                                               for a in authors])
        put("date", m.published)
        lang = language_tag(m.language)
        if lang:
            out["lang"] = _node("MetaString", lang)
        if m.url:
            out["url"] = _node("MetaString", clean_text(m.url))
        put("description", m.description)
        put("site", m.site_name)
        tags = [t for t in (" ".join(clean_text(x).split()) for x in m.tags) if t]
        if tags:
            out["keywords"] = _node("MetaList", [_node("MetaInlines", self.text(t))
                                                 for t in tags])
        return out


def _span(n: Any) -> int:
    return min(max(int(n or 1), 1), MAX_SPAN)


def _tidy(inlines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge runs of spaces and drop spaces at the ends, as pandoc's readers leave them."""
    out: list[dict[str, Any]] = []
    for node in inlines:
        if node["t"] == "Space" and (not out or out[-1]["t"] in ("Space", "LineBreak")):
            continue
        if node["t"] == "LineBreak" and out and out[-1]["t"] == "Space":
            out.pop()
        out.append(node)
    while out and out[-1]["t"] == "Space":
        out.pop()
    return out


def document(article: Article, api: str = DEFAULT_API) -> dict[str, Any]:
    """The pandoc document of ``article`` as Python values, for API version ``api``."""
    if api not in API_VERSIONS:
        raise FormatError(f"unsupported pandoc API version {api!r}")
    writer = PandocWriter(api, article.meta.url)
    return {"pandoc-api-version": API_VERSIONS[api], "meta": writer.meta(article),
            "blocks": writer.blocks(article.blocks)}


def render_pandoc(article: Article, options: RenderOptions) -> bytes:
    doc = document(article, api_version(options))
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("pandoc", render_pandoc, extensions=["pandoc.json"],
                 media_type="application/json",
                 description="pandoc's JSON AST: pipe to `pandoc -f json` for ODT, LaTeX, RTF…")
