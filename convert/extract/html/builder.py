"""selectolax (lexbor) nodes to article AST blocks and inlines.

The builder recurses along the tree but never deeper than :data:`.thresholds.MAX_BUILD_DEPTH`; below
that it switches to an iterative walk that keeps every text and the paragraph breaks but drops
formatting, so a page nested 100 000 levels deep neither crashes nor loses its words. Tables
and figures are built in :mod:`.tables`.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from convert.article import (Block, Code, CodeBlock, Figure, Heading, Image, Inline, LineBreak, Link,
                       List, ListItem, Paragraph, Quote, Rule, Strong, Text)
from convert.textutil import clean_text
from . import patterns as P
from .codelines import pre_text
from .dom import bounded_int, children, contains_block, is_hidden
from .inlines import (
    WRAPPERS, WS, abutting, clean_spaced, has_text, normalize_inlines, run_has_text,
    strip_heading_tools, text_in, unwrap_self_link, wrap,
)
from convert.extract.ablation import rule
from ..lazyre import lazy
from .tables import ARIA_TABLE_ROLES, ARIA_TABLES, aria_table_blocks, figure_blocks, table_blocks
from convert.safety import kept_url
from .urls import make_image
from .thresholds import MAX_BUILD_DEPTH, MAX_LIST_START


class Builder:
    """Builds AST blocks from a cleaned selectolax subtree."""

    #: Whether an element is hidden (and left out); a profile may read it differently.
    hidden = staticmethod(is_hidden)

    def __init__(self, base_url: str | None) -> None:
        self.base = base_url

    # ------------------------------------------------------------------ blocks

    def blocks(self, node: LexborNode, depth: int = 0) -> list[Block]:
        """The blocks of a container element's children."""
        out: list[Block] = []
        if depth > MAX_BUILD_DEPTH:
            out.extend(self.flat(node))
            return out
        run: list[Inline] = []
        # (iter() also yields the nameless nodes children() leaves out: they read as "-".)
        for child in node.iter(include_text=True):
            tag = child.tag or "-"
            if tag == "-text":
                text = child.text_content
                if text:
                    run.append(Text(clean_spaced(text)))
                continue
            if tag in P.DROP_TAGS or tag.startswith("-") or self.hidden(child):
                continue
            if tag in P.BLOCK_TAGS or tag == "img" and not run_has_text(run):
                self._flush(run, out)
                run = []
                out.extend(self.block(child, depth + 1))
            elif contains_block(child):
                self._flush(run, out)
                run = []
                if tag == "a" and BLOCK_LINKS:
                    out.extend(self.linked_blocks(child, depth + 1))
                else:
                    out.extend(self.blocks(child, depth + 1))
            else:
                inlines = self.inline(child, depth + 1, True)
                if inlines and run and abutting(run, inlines, child):
                    run.append(Text(" "))
                run.extend(inlines)
        self._flush(run, out)
        if CODE_LABELS and len(out) > 1:
            out = _without_code_labels(out)
        if HEADING_TOOL_LINES and len(out) > 1:
            out = _without_heading_tool_lines(out)
        return out

    def _flush(self, run: list[Inline], out: list[Block]) -> None:
        if not run:
            return
        items = normalize_inlines(run)
        if not has_text(items):
            return
        if len(items) == 1 and isinstance(items[0], Image):
            out.append(Figure(image=items[0]))
        else:
            out.append(Paragraph(items))

    def block(self, node: LexborNode, depth: int) -> list[Block]:
        """The blocks one block-level element stands for."""
        tag = node.tag or "-"
        if tag in P.HEADING_TAGS:
            items = unwrap_self_link(strip_heading_tools(
                normalize_inlines(self.inline_children(node, depth))))
            return [Heading(int(tag[1]), items)] if has_text(items) else []
        if tag == "p":
            return self.blocks(node, depth)
        if tag in ("ul", "ol", "menu"):
            return self.list(node, depth)
        if tag == "dl":
            return self.definition_list(node, depth)
        if tag == "blockquote":
            inner = self.blocks(node, depth)
            cite = kept_url(node.attributes.get("cite"), self.base)
            return [Quote(tuple(inner), cite)] if inner else []
        if tag in ("pre", "xmp", "listing", "plaintext"):
            return self.pre(node)
        if tag == "table":
            return self.table(node, depth)
        if ARIA_TABLES and tag == "div" and (node.attributes.get("role") or "").lower() in \
                ARIA_TABLE_ROLES:
            table = aria_table_blocks(self, node, depth)
            if table is not None:
                return table
        if tag == "figure":
            return self.figure(node, depth)
        if tag == "img":
            image = make_image(node, self.base)
            return [Figure(image=image)] if image else []
        if tag == "hr":
            return [Rule()]
        if tag == "picture":
            img = node.css_first("img")
            image = make_image(img, self.base) if img is not None else None
            return [Figure(image=image)] if image else []
        return self.blocks(node, depth)

    def linked_blocks(self, node: LexborNode, depth: int) -> list[Block]:
        """The blocks of a link wrapping block elements (a card's ``<a><h2>Title</h2></a>``,
        ``<a><div class="title">...</div></a>``), the link kept on the first heading, else on
        the one paragraph, when the blocks are only headings, paragraphs and figures and hold
        no link of their own (rule ``block_links``)."""
        blocks = self.blocks(node, depth)
        url = kept_url(node.attributes.get("href"), self.base)
        if not url or not blocks or not all(
                isinstance(b, (Heading, Paragraph, Figure)) for b in blocks) or any(
                isinstance(b, (Heading, Paragraph)) and _holds_link(b.children) for b in blocks):
            return blocks
        at = next((i for i, b in enumerate(blocks) if isinstance(b, Heading)), None)
        if at is None:
            paragraphs = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph)]
            if len(paragraphs) != 1:
                return blocks
            at = paragraphs[0]
        target = blocks[at]
        title = node.attributes.get("title")
        title = clean_text(title) if title else None
        linked = tuple(wrap(lambda inner: Link(inner, url, title), list(target.children)))
        blocks[at] = (Heading(target.level, linked) if isinstance(target, Heading)
                      else Paragraph(linked))
        return blocks

    def list(self, node: LexborNode, depth: int) -> list[Block]:
        """A ``<ul>``/``<ol>``/``<menu>`` as a :class:`List` (a nested list directly inside joins
        the item before it; other children become items of their own)."""
        items: list[ListItem] = []
        for child in children(node):
            if child.tag == "li":
                blocks = self.blocks(child, depth + 1)
                if blocks:
                    items.append(ListItem(tuple(blocks)))
            elif child.tag in ("ul", "ol"):
                nested = self.list(child, depth + 1)
                if nested and items:
                    items[-1] = ListItem(items[-1].blocks + tuple(nested))
                elif nested:
                    items.append(ListItem(tuple(nested)))
            elif child.tag == "-text" or (child.tag or "-").startswith("-") or child.tag in P.DROP_TAGS:
                continue
            else:
                blocks = self.blocks_of(child, depth + 1)
                if blocks:
                    items.append(ListItem(tuple(blocks)))
        if not items:
            return []
        ordered = node.tag == "ol"
        start = bounded_int(node.attributes.get("start"), 1, MAX_LIST_START) if ordered else 1
        return [List(tuple(items), ordered=ordered, start=start)]

    def blocks_of(self, node: LexborNode, depth: int) -> list[Block]:
        """Blocks for an element whatever its kind (block, or inline wrapped as a paragraph)."""
        if node.tag in P.BLOCK_TAGS:
            return self.block(node, depth)
        if INLINE_ROOTS and node.tag != "a" and contains_block(node):
            # (a winner that is a custom element, <turbo-frame>, holding the page's blocks)
            return self.blocks(node, depth)
        out: list[Block] = []
        self._flush(self.inline(node, depth), out)
        return out

    def definition_list(self, node: LexborNode, depth: int) -> list[Block]:
        """A ``<dl>`` as paragraphs: each term in bold, each definition as its blocks."""
        out: list[Block] = []
        for child in children(node):
            if child.tag == "dt":
                items = unwrap_self_link(strip_heading_tools(
                    normalize_inlines(self.inline_children(child, depth))))
                if has_text(items):
                    out.append(Paragraph((Strong(items),)))
            elif child.tag == "dd" or child.tag == "div":
                out.extend(self.blocks(child, depth + 1))
        return out

    def pre(self, node: LexborNode) -> list[Block]:
        """A ``<pre>`` as a :class:`CodeBlock`, its language read from a ``language-*`` class or a
        ``data-lang`` attribute of the element or its ``<code>``."""
        text = clean_text(pre_text(node))
        if not text.strip():
            return []
        text = text.strip("\n").rstrip()
        language = None
        for el in (node, node.css_first("code")):
            if el is None:
                continue
            cls = el.attributes.get("class") or ""
            m = P.CODE_LANGUAGE.search(cls)
            if m:
                language = m.group(1).lower()
                break
            lang = el.attributes.get("data-lang") or el.attributes.get("data-language")
            if lang:
                language = lang.strip().lower()
                break
        if language is None and WRAPPER_LANGUAGE:
            language = _wrapper_language(node)
        return [CodeBlock(text, language)]

    def table(self, node: LexborNode, depth: int) -> list[Block]:
        """A ``<table>`` as blocks (see :func:`.tables.table_blocks`)."""
        return table_blocks(self, node, depth)

    def figure(self, node: LexborNode, depth: int) -> list[Block]:
        """A ``<figure>`` as blocks (see :func:`.tables.figure_blocks`)."""
        return figure_blocks(self, node, depth)

    # ------------------------------------------------------------------ inlines

    def inline_children(self, node: LexborNode, depth: int) -> list[Inline]:
        """The inlines of an element's children (its plain text past the depth limit)."""
        out: list[Inline] = []
        if depth > MAX_BUILD_DEPTH:
            return [Text(clean_spaced(node.text(deep=True)))]
        for child in node.iter(include_text=True):  # nameless nodes: inline() gives []
            inlines = self.inline(child, depth + 1)
            if inlines and out and abutting(out, inlines, child):
                out.append(Text(" "))
            out.extend(inlines)
        return out

    def inline(self, node: LexborNode, depth: int, shown: bool = False) -> list[Inline]:
        """The inlines one inline-level node stands for: text, line break, image, code, link or a
        formatting wrapper; a block element met inline reads as its inlines between spaces.
        ``shown``: the caller found the node not :meth:`hidden` already (not asked again)."""
        tag = node.tag or "-"
        if tag == "-text":
            text = node.text_content
            return [Text(clean_spaced(text))] if text else []
        if tag in P.DROP_TAGS or tag.startswith("-"):
            return []
        attrs = node.attributes  # (read once: each read builds a dict)
        if attrs and not shown and self.hidden(node):
            return []
        if tag == "br":
            return [LineBreak()]
        if tag == "img":
            image = make_image(node, self.base)
            return [image] if image else []
        if tag in P.CODE_TAGS:
            raw = node.text(deep=True)
            text = clean_text(_code_lines_joined(raw)) if CODE_SPACES else clean_spaced(raw)
            return [Code(text)] if text.strip() else []
        kids = self.inline_children(node, depth)
        if tag == "a":
            url = kept_url(attrs.get("href"), self.base)
            if url and kids:
                title = attrs.get("title")
                title = clean_text(title) if title else None
                return wrap(lambda inner: Link(inner, url, title), kids)
            return kids
        if tag == "q" and Q_MARKS and text_in(kids):
            return _quoted(node, kids)
        wrapper = WRAPPERS.get(tag)
        if wrapper is not None and text_in(kids):
            return wrap(wrapper, kids)
        if tag in P.BLOCK_TAGS:
            return [Text(" "), *kids, Text(" ")]
        return kids

    # ------------------------------------------------------------------ deep fallback

    def flat(self, node: LexborNode) -> list[Block]:
        """Iterative walk for subtrees nested past :data:`.thresholds.MAX_BUILD_DEPTH`: text and breaks only."""
        out: list[Block] = []
        run: list[str] = []

        def flush() -> None:
            """Close the current paragraph of the flat walk."""
            text = WS.sub(" ", "".join(run)).strip()
            run.clear()
            if text:
                out.append(Paragraph((Text(clean_text(text)),)))

        stack: list[tuple[LexborNode, bool]] = [(node, False)]
        while stack:
            current, leaving = stack.pop()
            tag = current.tag or "-"
            if leaving:
                if tag in P.BLOCK_TAGS:
                    flush()
                continue
            if tag == "-text":
                run.append(current.text_content or "")
                continue
            if tag in P.DROP_TAGS or tag.startswith("-") or self.hidden(current):
                continue
            if tag == "br" or tag in P.BLOCK_TAGS:
                flush()
            stack.append((current, True))
            kids = list(children(current))
            for kid in reversed(kids):
                stack.append((kid, False))
        flush()
        return out


INLINE_ROOTS = rule("inline_roots", "an element built whole that is not a block element but "
                    "holds blocks (a custom element such as <turbo-frame> around a page's "
                    "content, chosen as the winner) is built block by block as it is when met "
                    "as a child, not flattened into one paragraph")
BLOCK_LINKS = rule("block_links", "a link wrapping block elements (a listing card's "
                   "<a><h2>Title</h2></a>) stays a link, on the title it wraps: the heading, "
                   "else the one paragraph")


CODE_LABELS = rule("code_labels", "a line beside a code block that only names the block's "
                   "language ('ts' over ```ts) or is its copy button's label ('Copy', "
                   "'Copied!') is the code box's chrome, not text")
#: A copy button's label, as printed beside a code block.
_COPY_LABEL = lazy(r"copy(?: code| to clipboard)?|copied!?", re.IGNORECASE)


def _without_code_labels(out: list[Block]) -> list[Block]:
    """The blocks of one container without the paragraphs right beside a code block that name
    its language or are its copy button's label: a code box's toolbar (VitePress' ``<span
    class="lang">ts</span>``, a "Copy" button's text), which a reader sees as chrome."""
    from convert.textutil import inline_text
    if not any(isinstance(b, CodeBlock) for b in out):
        return out
    keep: list[Block] = []
    for i, block in enumerate(out):
        if isinstance(block, Paragraph) and len(block.children) <= 2:
            text = inline_text(block.children).strip()
            if 0 < len(text) <= 20:
                near = [b for b in (out[i - 1] if i else None, out[i + 1] if i + 1 < len(out)
                                    else None) if isinstance(b, CodeBlock)]
                if near and (_COPY_LABEL.fullmatch(text) or any(
                        b.language and b.language == text.lower() for b in near)):
                    continue
        keep.append(block)
    return keep


HEADING_TOOL_LINES = rule("heading_tool_lines", "a line of only a heading's tools (its "
                          "'source' link, its '§' permalink, an 'Edit' link) right beside the "
                          "heading, set outside it (rustdoc), leaves like the tools inside one")
_SOURCE_WORD = lazy(r"\[?(?:source|src|view source)\]?", re.IGNORECASE)


def _without_heading_tool_lines(out: list[Block]) -> list[Block]:
    """The blocks without the paragraphs of tool links (see :data:`HEADING_TOOL_LINES`) right
    before or after a heading."""
    from convert.textutil import inline_text
    from .inlines import tool_link
    if not any(isinstance(b, Heading) for b in out):
        return out
    keep: list[Block] = []
    for i, block in enumerate(out):
        if isinstance(block, Paragraph) and any(
                isinstance(b, Heading) for b in (out[i - 1] if i else None,
                                                 out[i + 1] if i + 1 < len(out) else None)):
            links = [c for c in block.children if isinstance(c, Link)]
            rest = [c for c in block.children if not isinstance(c, Link)]
            if links and not inline_text(tuple(rest)).strip(" \xa0·|[]()") and all(
                    tool_link(c) or _SOURCE_WORD.fullmatch(inline_text(c.children).strip())
                    for c in links):
                continue
        keep.append(block)
    return keep


def _holds_link(items) -> bool:  # noqa: ANN001
    """Whether inlines (or the inlines inside them) hold a link."""
    for item in items:
        if isinstance(item, Link) or _holds_link(getattr(item, "children", ()) or ()):
            return True
    return False


CODE_SPACES = rule("code_spaces", "spaces inside inline code are the code's own ('missing "
                   "separator.  Stop.'): kept, only the source's line breaks read as a space")
#: Line breaks of the page's source inside inline code.
_CODE_BREAK = lazy(r"[\r\n]+")


def _code_lines_joined(raw: str) -> str:
    r"""Inline code's source lines joined by one space, the indentation around each break
    dropped: what ``[ \t]*[\r\n]+[ \t]*`` replaced by a space would give, in linear time (that
    pattern retries every space of a long run that ends in no break: quadratic)."""
    parts = _CODE_BREAK.split(raw)
    if len(parts) == 1:
        return raw
    last = len(parts) - 1
    return " ".join(part.rstrip(" \t") if i == 0 else part.lstrip(" \t") if i == last
                    else part.strip(" \t") for i, part in enumerate(parts))


Q_MARKS = rule("q_marks", "an inline quotation (<q>) shows the quotation marks a browser adds "
               "around it: “ ” (‘ ’ inside another <q>)")
#: Quotation marks a <q>'s text may carry already (written into the source by its author).
_QUOTE_CHARS = "\"'“”‘’„«»‹›「『"


def _quoted(node: LexborNode, kids: list[Inline]) -> list[Inline]:
    """A ``<q>``'s inlines between the marks a browser shows. (English marks for every
    language: the page's language is not known here, and “ ” read as quotation marks in
    every script; a browser's own choice follows the language. A text already holding its
    marks gets no second pair.)"""
    text = "".join(k.text for k in kids if isinstance(k, Text)).strip()
    if text[:1] in _QUOTE_CHARS and text[-1:] in _QUOTE_CHARS:
        return kids
    parent = node.parent
    while parent is not None and parent.tag not in ("q", "body"):
        parent = parent.parent
    opening, closing = ("‘", "’") if parent is not None and parent.tag == "q" else ("“", "”")
    return [Text(opening), *kids, Text(closing)]


WRAPPER_LANGUAGE = rule("wrapper_language", "a code block's language may be named on the one "
                        "or two wrappers around its <pre> ('language-python', 'highlight-"
                        "python', 'highlight-source-shell'), as MkDocs, Sphinx and GitHub print")
#: Only the explicit prefixes: a wrapper's bare 'highlight' or 'lang-en' names no language.
_WRAPPER_LANGUAGE = lazy(r"(?:^|\s)(?:language|highlight(?:-source)?)-([A-Za-z0-9_+#.-]+)",
                         re.IGNORECASE)
#: Sphinx's names for "no language" / "the default lexer".
_NO_LANGUAGE = frozenset({"default", "none"})


def _wrapper_language(node: LexborNode) -> str | None:
    """The language named by the class of the ``<pre>``'s parent or grandparent, when that
    wrapper holds no other ``<pre>`` (see :data:`WRAPPER_LANGUAGE`)."""
    wrapper = node.parent
    for _ in range(2):
        if wrapper is None or wrapper.tag in ("body", "html"):
            return None
        m = _WRAPPER_LANGUAGE.search(wrapper.attributes.get("class") or "")
        if m:
            # (css() counts the <pre> itself; those inside it, a gutter table's, are its own)
            if len(wrapper.css("pre")) - len(node.css("pre")) > 0 \
                    or m.group(1).lower() in _NO_LANGUAGE:
                return None
            return m.group(1).lower()
        wrapper = wrapper.parent
    return None
