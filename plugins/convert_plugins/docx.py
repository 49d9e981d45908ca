"""The ``docx`` format: a Word document through python-docx, with the styles Word users expect.

Title, Subtitle, Byline, Heading 1–6, List Bullet / List Number (real numbering that restarts
per list, nested by level), Quote, Source Code, Caption under figures, Table Grid tables with a
repeated header row and merged cells, real ``w:hyperlink`` links in the Hyperlink style, images
embedded when their bytes are at hand (``data:`` URIs, files next to a saved page, http(s) when
the network is allowed: :func:`convert.images.loader_for`), and core properties from the
metadata.

The body is appended as raw elements (see :mod:`._docx_xml`), which keeps rendering linear; the
zip is rewritten with fixed dates so that the same article always gives the same bytes.
"""

from __future__ import annotations

import io
from typing import Any, Iterable, Sequence

from convert import Article, hookimpl
from convert.errors import MissingDependency
from convert.formats import FormatRegistry, RenderOptions
from convert.html import (MAX_BLOCK_DEPTH, article_direction, byline, flat_text, image_alt,
                          language_tag, leaf_blocks, safe_image_url, safe_link_url)
from convert.images import ImageLoader, loader_for
from convert.textutil import clean_text

from ._common import build_date, parse_date, reproducible_zip

#: Images are scaled down to this width (EMU; 6 inches fits A4 and Letter margins).
MAX_IMAGE_WIDTH = 6 * 914400
#: Word cannot show more columns than this.
MAX_COLUMNS = 63
#: Core property values are truncated to this many characters.
MAX_PROPERTY = 1000
#: python-docx refuses core properties (title, subject, ...) longer than this.
MAX_CORE_PROPERTY = 255
HYPERLINK_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
#: What python-docx can place in a document (others are converted to PNG when Pillow is there).
ACCEPT_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff"})


class _Writer:
    """Walks articles and appends WordprocessingML to one document body."""

    def __init__(self, document: Any, language: str | None, options: RenderOptions) -> None:
        from . import _docx_xml as X

        self.X = X
        self.doc = document
        self.options = options
        self.styles = X.ensure_styles(document, language)
        self.numbering = X.Numbering(document)
        self.doc_body = document.element.body
        self.sect = self.doc_body.sectPr
        if self.sect is not None:
            self.doc_body.remove(self.sect)
        self.body = self.doc_body
        self.rels = document.part.rels
        self.links: dict[str, str] = {}
        self.images: dict[tuple[int, str], tuple[str, Any] | None] = {}
        self.load: ImageLoader | None = None
        self.article_no = 0
        self.shape_id = 0
        self.base_url: str | None = None
        self.heading_offset = 0

    def finish(self) -> None:
        if self.sect is not None:
            self.doc_body.append(self.sect)

    # ------------------------------------------------------------------ helpers

    def style(self, name: str) -> str:
        return self.styles[name]

    def para(self, style: str | None = None, **kw: Any) -> Any:
        return self.X.paragraph(self.style(style) if style else None, parent=self.body, **kw)

    def link_rid(self, url: str) -> str | None:
        safe = safe_link_url(url, self.base_url)
        if not safe or safe.startswith("#"):
            return None
        if ":" not in safe.split("/", 1)[0]:  # still relative: nothing to point at
            return None
        rid = self.links.get(safe)
        if rid is None:
            rid = f"rIdLink{len(self.links) + 1}"
            self.rels.add_relationship(HYPERLINK_REL, safe, rid, is_external=True)
            self.links[safe] = rid
        return rid

    def picture(self, parent: Any, image: Any) -> bool:
        """Append an inline picture run for an AST image, if its bytes are available."""
        if not self.options.images or image is None or self.load is None:
            return False
        # The same safe, absolute source the HTML writers see (file:, javascript: are refused).
        src = safe_image_url(image.src, self.base_url) or ""
        key = (self.article_no, src)  # one loader per article: relative sources differ
        if key not in self.images:
            self.images[key] = None
            found = self.load(src) if src else None
            if found is not None:
                try:  # python-docx deduplicates identical bytes into one part
                    self.images[key] = self.doc.part.get_or_add_image(io.BytesIO(found.data))
                except Exception:  # an image python-docx cannot parse is skipped, not fatal
                    self.images[key] = None
        entry = self.images[key]
        if entry is None:
            return False
        from docx.oxml.shape import CT_Inline

        rid, img = entry
        cx, cy = img.width, img.height
        if cx <= 0 or cy <= 0:
            return False
        if cx > MAX_IMAGE_WIDTH:
            cx, cy = MAX_IMAGE_WIDTH, int(cy * MAX_IMAGE_WIDTH / cx)
        self.shape_id += 1
        inline = CT_Inline.new_pic_inline(self.shape_id, rid, img.filename, cx, max(1, cy))
        inline.docPr.set("descr", clean_text(image.alt or "")[:MAX_PROPERTY])
        self.X.el("w:drawing", self.X.el("w:r", parent)).append(inline)
        return True

    # ------------------------------------------------------------------ inlines

    def inlines(self, parent: Any, nodes: Iterable[Any], fmt: frozenset[str] = frozenset(),
                char_style: str | None = None, in_link: bool = False, depth: int = 0) -> None:
        for node in nodes:
            t = node.type
            if t == "text":
                text = clean_text(node.text)
                if text:
                    self.X.run(parent, text, fmt, char_style)
            elif t == "code":
                text = clean_text(node.text)
                if text:
                    self.X.run(parent, text, fmt, self.style("Verbatim Char"))
            elif t == "line_break":
                self.X.el("w:br", self.X.el("w:r", parent))
            elif t == "image":
                self.picture(parent, node)
            elif depth > 50:  # absurd nesting: keep the text
                self.X.run(parent, clean_text(flat_text(node.children)), fmt, char_style)
            elif t == "link":
                rid = None if in_link else self.link_rid(node.url)
                if rid is None:
                    self.inlines(parent, node.children, fmt, char_style, in_link, depth + 1)
                else:
                    link = self.X.el("w:hyperlink", parent)
                    link.set(self.X.qn("r:id"), rid)
                    if node.title:
                        link.set(self.X.qn("w:tooltip"), clean_text(node.title)[:255])
                    self.inlines(link, node.children, fmt, self.style("Hyperlink"), True,
                                 depth + 1)
                    if not len(link):  # only images, none embedded: the alt text is the link
                        alt = image_alt(node.children)
                        if alt:
                            self.X.run(link, alt, fmt, self.style("Hyperlink"))
                        else:  # an empty w:hyperlink shows nothing and cannot be clicked
                            parent.remove(link)
            else:
                flag = {"emphasis": "i", "strong": "b", "strikeout": "strike",
                        "superscript": "sup", "subscript": "sub"}.get(t)
                children = getattr(node, "children", ())
                self.inlines(parent, children, fmt | {flag} if flag else fmt, char_style,
                             in_link, depth + 1)

    # ------------------------------------------------------------------ blocks

    def blocks(self, blocks: Iterable[Any], ctx: dict[str, Any]) -> None:
        depth = ctx.get("depth", 0) + 1
        if depth > MAX_BLOCK_DEPTH:  # absurd nesting: keep the text, lose the indentation
            blocks = leaf_blocks(blocks)
        ctx = {**ctx, "depth": depth}
        for block in blocks:
            method = getattr(self, "block_" + block.type, None)
            if method is not None:
                method(block, ctx)

    def block_paragraph(self, node: Any, ctx: dict[str, Any]) -> None:
        p = self.para(ctx.get("style"), num=ctx.pop("num", None), indent=ctx.get("indent"))
        self.inlines(p, node.children, ctx.get("fmt", frozenset()))

    def block_heading(self, node: Any, ctx: dict[str, Any]) -> None:
        if ctx.get("in_cell"):
            return self.block_paragraph(node, {**ctx, "fmt": frozenset({"b"})})
        level = max(1, min(6, int(node.level) - self.heading_offset))
        p = self.para(f"Heading {level}")
        self.inlines(p, node.children)

    def block_list(self, node: Any, ctx: dict[str, Any]) -> None:
        level = min(8, ctx.get("level", -1) + 1)
        num_id = self.numbering.new_list(node.ordered, level, max(0, min(32767, node.start)))
        style = "List Number" if node.ordered else "List Bullet"
        inner = {**ctx, "level": level, "style": "List Continue",
                 "indent": self.X.INDENT * (level + 1)}
        for item in node.items:
            numbered = False
            for block in item.blocks:
                if not numbered and block.type in ("paragraph", "heading"):
                    self.block_paragraph(block, {**ctx, "level": level, "style": style,
                                                 "num": (num_id, level), "indent": None})
                    numbered = True
                    continue
                if not numbered:  # the item starts with a table, code...: bullet line first
                    self.para(style, num=(num_id, level))
                    numbered = True
                method = getattr(self, "block_" + block.type, None)
                if method is not None:
                    method(block, inner)
            if not numbered:
                self.para(style, num=(num_id, level))

    def block_quote(self, node: Any, ctx: dict[str, Any]) -> None:
        depth = ctx.get("quote", 0) + 1
        inner = {**ctx, "quote": depth, "style": "Quote",
                 "indent": (ctx.get("indent") or 0) + (720 if depth > 1 else 0) or None}
        self.blocks(node.blocks, inner)

    def block_div(self, node: Any, ctx: dict[str, Any]) -> None:
        self.blocks(node.blocks, ctx)

    def block_code_block(self, node: Any, ctx: dict[str, Any]) -> None:
        p = self.para("Source Code", indent=ctx.get("indent"))
        text = clean_text(node.text).rstrip("\n")
        if text:
            self.X.run(p, text, frozenset())

    def block_rule(self, node: Any, ctx: dict[str, Any]) -> None:
        p = self.para(None, center=True)
        self.X.run(p, "* * *", frozenset())

    def block_figure(self, node: Any, ctx: dict[str, Any]) -> None:
        p = self.X.paragraph(self.style("Figure"), parent=self.body, keep_next=True)
        if not self.picture(p, node.image):
            self.body.remove(p)
        if node.caption or node.credit:
            cap = self.para("Caption")
            self.inlines(cap, node.caption)
            if node.credit:
                if node.caption:
                    self.X.run(cap, " ", frozenset())
                self.inlines(cap, node.credit, frozenset({"i"}))

    def block_table(self, node: Any, ctx: dict[str, Any]) -> None:
        from ._docx_table import build_table

        if node.caption:
            cap = self.para("Caption", keep_next=True)
            self.inlines(cap, node.caption)
        if build_table(self, node) is not None:
            self.para(None)  # Word merges adjacent tables; a paragraph keeps them apart

    # ------------------------------------------------------------------ articles

    def article(self, article: Article, *, first: bool, title_style: str = "Title") -> None:
        meta = article.meta
        self.base_url = meta.url
        self.article_no += 1
        if self.options.images:
            self.load = loader_for(article, self.options, accept=ACCEPT_IMAGES)
        levels = [b.level for b in leaf_blocks(article.blocks) if b.type == "heading"]
        # The page's top heading level becomes Heading 1 (Heading 2 under a bundle title).
        shift = 0 if title_style == "Title" else 1
        self.heading_offset = (min(levels) - 1 - shift) if levels else 0
        start = len(self.body)
        if meta.title and meta.title.strip():
            style = title_style if title_style == "Title" else "Heading 1"
            p = self.para(style, page_break=not first)
            self.X.run(p, clean_text(meta.title.strip()), frozenset())
        elif not first:
            self.X.page_break_run(self.para(None))
        if meta.subtitle and meta.subtitle.strip():
            self.X.run(self.para("Subtitle"), clean_text(meta.subtitle.strip()), frozenset())
        line = byline(meta)
        if line:
            self.X.run(self.para("Byline"), line, frozenset())
        if meta.lead_image is not None:
            self.block_figure(meta.lead_image, {})
        self.blocks(article.blocks, {})
        self.X.mark_direction(self.body[start:], article_direction(article),
                              frozenset({self.style("Source Code")}))


def _core_properties(document: Any, articles: Sequence[Article], title: str | None) -> None:
    cp = document.core_properties
    first = articles[0].meta if articles else None

    def s(value: str | None) -> str:
        return clean_text(value or "").strip()[:MAX_CORE_PROPERTY]

    authors: list[str] = []
    for a in articles:
        authors.extend(x for x in (s(n) for n in a.meta.authors) if x and x not in authors)
    tags: list[str] = []
    for a in articles:
        tags.extend(x for x in (s(t) for t in a.meta.tags) if x and x not in tags)
    cp.title = s(title or (first.title if first else "")) or ""
    cp.author = s("; ".join(authors))
    cp.keywords = s(", ".join(tags))
    cp.last_modified_by = "decruft"
    cp.revision = 1
    if len(articles) == 1 and first is not None:
        cp.subject = s(first.description or first.subtitle)
        cp.category = s(first.section)
        cp.language = language_tag(first.language) or ""
        cp.identifier = s(first.url)
        cp.comments = s(first.url)  # never a local path: it would leak into shared files
    # The article's own dates; without them the build date (SOURCE_DATE_EPOCH or 1980), never
    # "now", so that the bytes are reproducible.
    fixed = build_date(articles)
    published = [d for d in (parse_date(a.meta.published) for a in articles) if d]
    modified = [d for d in (parse_date(a.meta.modified) for a in articles) if d]
    cp.created = min(published) if published else fixed
    cp.modified = max(modified + published, default=fixed)


def _drop_template_extras(document: Any) -> None:
    """python-docx's template carries a thumbnail of some other document, and a Word 2010
    ``stylesWithEffects`` copy of the styles that Word rebuilds itself: leave both out."""
    for rels, suffix in ((document.part.package.rels, "/metadata/thumbnail"),
                         (document.part.rels, "/stylesWithEffects")):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(suffix):
                del rels[rid]


def _render(articles: Sequence[Article], options: RenderOptions, title: str | None) -> bytes:
    try:
        import docx
    except ImportError:
        raise MissingDependency("python-docx", "docx") from None
    document = docx.Document()
    language = next((t for t in (language_tag(a.meta.language) for a in articles) if t), None)
    writer = _Writer(document, language, options)
    bundle = title is not None
    if bundle:
        p = writer.para("Title")
        writer.X.run(p, clean_text(title), frozenset())
    for article in articles:
        # In a bundle every article starts on a new page, after the book's title.
        writer.article(article, first=not bundle, title_style="Heading 1" if bundle else "Title")
    writer.finish()
    _core_properties(document, articles, title)
    _drop_template_extras(document)
    out = io.BytesIO()
    document.save(out)
    return reproducible_zip(out.getvalue(), build_date(articles))


def render_docx(article: Article, options: RenderOptions) -> bytes:
    return _render([article], options, None)


def bundle_docx(articles: Sequence[Article], options: RenderOptions) -> bytes:
    title = (options.title or "").strip() or _default_title(articles)
    return _render(list(articles), options, title)


def _default_title(articles: Sequence[Article]) -> str:
    titles = [a.meta.title.strip() for a in articles if a.meta.title and a.meta.title.strip()]
    if not titles:
        return f"{len(articles)} articles"
    if len(articles) == 1:
        return titles[0]
    return f"{titles[0]} and {len(articles) - 1} more"


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("docx", render_docx, extensions=["docx"], binary=True, bundle=bundle_docx,
                 media_type="application/vnd.openxmlformats-officedocument."
                            "wordprocessingml.document",
                 description="Word document (python-docx): styles, lists, tables, links, images")
