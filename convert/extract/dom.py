"""selectolax (lexbor) nodes to article AST blocks and inlines.

The builder recurses along the tree but never deeper than :data:`.patterns.MAX_DEPTH`; below
that it switches to an iterative walk that keeps every text and the paragraph breaks but drops
formatting, so a page nested 100 000 levels deep neither crashes nor loses its words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from ..article import (Block, Code, CodeBlock, Emphasis, Figure, Heading, Image, Inline,
                       LineBreak, Link, List, ListItem, Paragraph, Quote, Rule, Strikeout, Strong,
                       Subscript, Superscript, Table, TableCell, TableRow, Text)
from ..textutil import clean_text
from . import patterns as P

# Runs of these characters read as one space. A lone plain space is left out of the pattern:
# ``_WS.sub(" ", text)`` gives the same string, without a replacement per word.
_WS = re.compile(r"[ \t\n\r\f\v\u200b]{2,}|[\t\n\r\f\v\u200b]")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")


def children(node: LexborNode) -> Iterator[LexborNode]:
    """Child nodes, skipping node kinds selectolax gives no tag name (processing instructions)."""
    child = node.child
    while child is not None:
        if child.tag is not None:
            yield child
        child = child.next


def is_hidden(node: LexborNode) -> bool:
    """Hidden by the ``hidden`` attribute, ``aria-hidden``, an inline style or a hiding class."""
    attrs = node.attributes
    return bool(attrs) and hidden_by(attrs)


def hidden_by(attrs: dict[str, str | None]) -> bool:
    """:func:`is_hidden` on an element's attributes (for loops that read them anyway)."""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    if style and "none" in style or style and "hidden" in style:
        if P.HIDDEN_STYLE.search(style):
            return True
    cls = attrs.get("class")
    return bool(cls) and _hiding_class(cls)


@lru_cache(maxsize=4096)
def _hiding_class(cls: str) -> bool:
    return bool(P.HIDDEN_CLASS.search(cls))


def safe_url(raw: str | None, base: str | None, *, image: bool = False) -> str | None:
    """An absolute, non-script URL, or ``None``. Browsers ignore tabs/newlines inside URLs, so
    ``java\\tscript:`` is checked as ``javascript:``."""
    if not raw:
        return None
    url = raw.strip()
    squeezed = _URL_JUNK.sub("", url)
    head = squeezed[:12].lower()
    if head.startswith("data:"):
        return squeezed if image and P.SAFE_DATA_IMAGE.match(squeezed) else None
    if ":" in head.split("/", 1)[0] and not head.startswith(("http:", "https:")):
        scheme = head.split(":", 1)[0]
        if scheme not in P.SAFE_SCHEMES:
            return None
        return clean_text(url)
    if url.startswith("#") and not base:
        return clean_text(url)
    if base:
        try:
            url = urljoin(base, url)
        except ValueError:
            return None
    if not url:
        return None
    return clean_text(url)


def image_src(node: LexborNode, base: str | None) -> str | None:
    """The best source of an ``<img>``: lazy-load attributes, then ``src``, then ``srcset``."""
    attrs = node.attributes
    for name in P.IMAGE_SRC_ATTRS:
        value = attrs.get(name)
        if not value:
            continue
        if "srcset" in name:
            value = _best_srcset(value)
        elif P.PLACEHOLDER_IMAGE.search(value[:200]) and not P.SAFE_DATA_IMAGE.match(value):
            continue
        if value and not (name == "src" and value.startswith("data:") and len(value) < 200):
            url = safe_url(value, base, image=True)
            if url:
                return url
    for name in ("srcset", "data-srcset"):
        value = attrs.get(name)
        if value:
            url = safe_url(_best_srcset(value), base, image=True)
            if url:
                return url
    src = attrs.get("src")
    return safe_url(src, base, image=True) if src else None


def _best_srcset(srcset: str) -> str | None:
    best, best_w = None, -1.0
    for part in srcset.split(","):
        bits = part.strip().split()
        if not bits:
            continue
        w = 1.0
        if len(bits) > 1:
            try:
                w = float(bits[1][:-1])
            except ValueError:
                w = 1.0
        if w > best_w:
            best, best_w = bits[0], w
    return best


def _int(value: str | None, default: int, cap: int) -> int:
    try:
        n = int((value or "").strip().rstrip("px"))
    except ValueError:
        return default
    return max(1, min(n, cap)) if n > 0 else default


def _make_image(node: LexborNode, base: str | None) -> Image | None:
    src = image_src(node, base)
    if not src:
        return None
    attrs = node.attributes
    return Image(src=src, alt=clean_text(_WS.sub(" ", attrs.get("alt") or "").strip()),
                 title=clean_text(attrs["title"]) if attrs.get("title") else None,
                 width=_int(attrs.get("width"), 0, 100000) or None,
                 height=_int(attrs.get("height"), 0, 100000) or None)


def normalize_inlines(items: list[Inline]) -> tuple[Inline, ...]:
    """Merge adjacent texts, collapse spaces, trim around the run and around line breaks."""
    if len(items) == 1 and isinstance(items[0], Text):  # the common case, short-cut
        text = items[0].text.strip()
        return (Text(text),) if text else ()
    merged: list[Inline] = []
    for item in items:
        if isinstance(item, Text):
            if merged and isinstance(merged[-1], Text):
                merged[-1] = Text(merged[-1].text + item.text)
                continue
        merged.append(item)
    out: list[Inline] = []
    for i, item in enumerate(merged):
        if isinstance(item, Text):
            text = item.text
            if i == 0 or isinstance(merged[i - 1], LineBreak):
                text = text.lstrip()
            if i == len(merged) - 1 or isinstance(merged[i + 1], LineBreak):
                text = text.rstrip()
            if text:
                out.append(Text(text))
        else:
            out.append(item)
    while out and isinstance(out[-1], LineBreak):
        out.pop()
    while out and isinstance(out[0], LineBreak):
        out.pop(0)
    return tuple(out)


def _has_text(items: tuple[Inline, ...]) -> bool:
    for item in items:
        if isinstance(item, (Text, Code)):
            if item.text.strip():
                return True
        elif isinstance(item, Image):
            return True
        elif not isinstance(item, LineBreak) and _has_text(item.children):  # type: ignore
            return True
    return False


class Builder:
    """Builds AST blocks from a cleaned selectolax subtree."""

    def __init__(self, base_url: str | None) -> None:
        self.base = base_url

    # ------------------------------------------------------------------ blocks

    def blocks(self, node: LexborNode, depth: int = 0) -> list[Block]:
        """The blocks of a container element's children."""
        out: list[Block] = []
        if depth > P.MAX_DEPTH:
            out.extend(self.flat(node))
            return out
        run: list[Inline] = []
        # (iter() also yields the nameless nodes children() leaves out: they read as "-".)
        for child in node.iter(include_text=True):
            tag = child.tag or "-"
            if tag == "-text":
                text = child.text_content
                if text:
                    run.append(Text(clean_text(_WS.sub(" ", text))))
                continue
            if tag in P.DROP_TAGS or tag.startswith("-") or is_hidden(child):
                continue
            if tag in P.BLOCK_TAGS or tag == "img" and not run_has_text(run):
                self._flush(run, out)
                run = []
                out.extend(self.block(child, depth + 1))
            elif _contains_block(child):
                self._flush(run, out)
                run = []
                out.extend(self.blocks(child, depth + 1))
            else:
                run.extend(self.inline(child, depth + 1))
        self._flush(run, out)
        return out

    def _flush(self, run: list[Inline], out: list[Block]) -> None:
        if not run:
            return
        items = normalize_inlines(run)
        if not _has_text(items):
            return
        if len(items) == 1 and isinstance(items[0], Image):
            out.append(Figure(image=items[0]))
        else:
            out.append(Paragraph(items))

    def block(self, node: LexborNode, depth: int) -> list[Block]:
        """The blocks one block-level element stands for."""
        tag = node.tag or "-"
        if tag in P.HEADING_TAGS:
            items = normalize_inlines(self.inline_children(node, depth))
            return [Heading(int(tag[1]), items)] if _has_text(items) else []
        if tag == "p":
            return self.blocks(node, depth)
        if tag in ("ul", "ol", "menu"):
            return self.list(node, depth)
        if tag == "dl":
            return self.definition_list(node, depth)
        if tag == "blockquote":
            inner = self.blocks(node, depth)
            cite = safe_url(node.attributes.get("cite"), self.base)
            return [Quote(tuple(inner), cite)] if inner else []
        if tag in ("pre", "xmp", "listing", "plaintext"):
            return self.pre(node)
        if tag == "table":
            return self.table(node, depth)
        if tag == "figure":
            return self.figure(node, depth)
        if tag == "img":
            image = _make_image(node, self.base)
            return [Figure(image=image)] if image else []
        if tag == "hr":
            return [Rule()]
        if tag == "picture":
            img = node.css_first("img")
            image = _make_image(img, self.base) if img is not None else None
            return [Figure(image=image)] if image else []
        return self.blocks(node, depth)

    def list(self, node: LexborNode, depth: int) -> list[Block]:
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
        start = _int(node.attributes.get("start"), 1, 10**9) if ordered else 1
        return [List(tuple(items), ordered=ordered, start=start)]

    def blocks_of(self, node: LexborNode, depth: int) -> list[Block]:
        """Blocks for an element whatever its kind (block, or inline wrapped as a paragraph)."""
        if node.tag in P.BLOCK_TAGS:
            return self.block(node, depth)
        out: list[Block] = []
        self._flush(self.inline(node, depth), out)
        return out

    def definition_list(self, node: LexborNode, depth: int) -> list[Block]:
        out: list[Block] = []
        for child in children(node):
            if child.tag == "dt":
                items = normalize_inlines(self.inline_children(child, depth))
                if _has_text(items):
                    out.append(Paragraph((Strong(items),)))
            elif child.tag == "dd" or child.tag == "div":
                out.extend(self.blocks(child, depth + 1))
        return out

    def pre(self, node: LexborNode) -> list[Block]:
        text = clean_text(node.text(deep=True))
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
        return [CodeBlock(text, language)]

    def table(self, node: LexborNode, depth: int) -> list[Block]:
        rows: list[tuple[LexborNode, bool]] = []
        for section in children(node):
            tag = section.tag or "-"
            if tag == "tr":
                rows.append((section, False))
            elif tag in ("thead", "tbody", "tfoot"):
                for tr in children(section):
                    if tr.tag == "tr":
                        rows.append((tr, tag == "thead"))
        if _is_layout_table(node, rows):
            out: list[Block] = []
            for tr, _ in rows:
                for cell in children(tr):
                    if cell.tag in ("td", "th"):
                        out.extend(self.blocks(cell, depth + 1))
            return out
        head: list[TableRow] = []
        body: list[TableRow] = []
        for tr, in_head in rows:
            cells = []
            for cell in children(tr):
                if cell.tag not in ("td", "th"):
                    continue
                attrs = cell.attributes
                cells.append(TableCell(tuple(self.blocks(cell, depth + 1)), header=cell.tag == "th",
                                       colspan=_int(attrs.get("colspan"), 1, P.MAX_SPAN),
                                       rowspan=_int(attrs.get("rowspan"), 1, P.MAX_SPAN)))
            if not cells:
                continue
            if in_head or (not body and all(c.header for c in cells)):
                head.append(TableRow(tuple(cells)))
            else:
                body.append(TableRow(tuple(cells)))
        if not head and not body:
            return []
        caption_node = node.css_first("caption")
        caption = normalize_inlines(self.inline_children(caption_node, depth)) if caption_node else ()
        return [Table(tuple(head), tuple(body), caption)]

    def figure(self, node: LexborNode, depth: int) -> list[Block]:
        img = node.css_first("img")
        if img is None and _has_body_besides_caption(node):
            # A <figure> wrapping a quote, code or table (with its attribution as caption):
            # the content is the blocks, not a picture's caption.
            return self.blocks(node, depth)
        image = _make_image(img, self.base) if img is not None else None
        caption_node = node.css_first("figcaption")
        caption: tuple[Inline, ...] = ()
        credit: tuple[Inline, ...] = ()
        if caption_node is not None:
            for el in caption_node.css("*"):
                if el.mem_id == caption_node.mem_id:
                    continue
                cls = (el.attributes.get("class") or "") + " " + (el.attributes.get("id") or "")
                if P.CREDIT_CLASS.search(cls):
                    credit = normalize_inlines(self.inline_children(el, depth))
                    el.decompose()
                    break
            if not credit:
                # An unnamed last element reading "Photo: ...", "© ...": the credit.
                last = _last_element(caption_node)
                if last is not None and last.tag not in ("a", "br") and P.CREDIT_TEXT.match(
                        last.text(deep=True) or ""):
                    credit = normalize_inlines(self.inline_children(last, depth))
                    last.decompose()
            caption = normalize_inlines(self.inline_children(caption_node, depth))
        if image is None and not caption:
            # A <figure> used as a plain wrapper (quotes, code, tables).
            return self.blocks(node, depth)
        return [Figure(image, caption, credit)]

    # ------------------------------------------------------------------ inlines

    def inline_children(self, node: LexborNode, depth: int) -> list[Inline]:
        out: list[Inline] = []
        if depth > P.MAX_DEPTH:
            return [Text(clean_text(_WS.sub(" ", node.text(deep=True))))]
        for child in node.iter(include_text=True):  # nameless nodes: inline() gives []
            out.extend(self.inline(child, depth + 1))
        return out

    def inline(self, node: LexborNode, depth: int) -> list[Inline]:
        tag = node.tag or "-"
        if tag == "-text":
            text = node.text_content
            return [Text(clean_text(_WS.sub(" ", text)))] if text else []
        if tag in P.DROP_TAGS or tag.startswith("-") or is_hidden(node):
            return []
        if tag == "br":
            return [LineBreak()]
        if tag == "img":
            image = _make_image(node, self.base)
            return [image] if image else []
        if tag in P.CODE_TAGS:
            text = clean_text(_WS.sub(" ", node.text(deep=True)))
            return [Code(text)] if text.strip() else []
        kids = self.inline_children(node, depth)
        if tag == "a":
            url = safe_url(node.attributes.get("href"), self.base)
            if url and kids:
                title = node.attributes.get("title")
                return [Link(tuple(_trim(kids)), url, clean_text(title) if title else None)]
            return kids
        wrapper = _WRAPPERS.get(tag)
        if wrapper is not None and _text_in(kids):
            return [wrapper(tuple(_trim(kids)))]
        if tag in P.BLOCK_TAGS:
            return [Text(" "), *kids, Text(" ")]
        return kids

    # ------------------------------------------------------------------ deep fallback

    def flat(self, node: LexborNode) -> list[Block]:
        """Iterative walk for subtrees nested past :data:`MAX_DEPTH`: text and breaks only."""
        out: list[Block] = []
        run: list[str] = []

        def flush() -> None:
            text = _WS.sub(" ", "".join(run)).strip()
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
            if tag in P.DROP_TAGS or tag.startswith("-") or is_hidden(current):
                continue
            if tag == "br" or tag in P.BLOCK_TAGS:
                flush()
            stack.append((current, True))
            kids = list(children(current))
            for kid in reversed(kids):
                stack.append((kid, False))
        flush()
        return out


def run_has_text(run: list[Inline]) -> bool:
    return any(isinstance(i, Text) and i.text.strip() for i in run)


def _text_in(items: list[Inline]) -> bool:
    return _has_text(tuple(items))


def _trim(items: list[Inline]) -> list[Inline]:
    """Move leading/trailing spaces out of a wrapper is not possible here; strip them instead."""
    if items and isinstance(items[0], Text) and items[0].text.startswith(" "):
        items = [Text(items[0].text.lstrip()), *items[1:]]
    if items and isinstance(items[-1], Text) and items[-1].text.endswith(" "):
        items = [*items[:-1], Text(items[-1].text.rstrip())]
    return [i for i in items if not (isinstance(i, Text) and not i.text)]


_WRAPPERS = {}
for _t in P.EMPHASIS_TAGS:
    _WRAPPERS[_t] = Emphasis
for _t in P.STRONG_TAGS:
    _WRAPPERS[_t] = Strong
for _t in P.STRIKE_TAGS:
    _WRAPPERS[_t] = Strikeout
_WRAPPERS["sup"] = Superscript
_WRAPPERS["sub"] = Subscript
_WRAPPERS["u"] = Emphasis
_WRAPPERS["mark"] = Strong

_BLOCK_NAMES = P.BLOCK_TAGS - {"body", "html"}
_BLOCK_SELECTOR = ",".join(sorted(_BLOCK_NAMES))


def _has_body_besides_caption(node: LexborNode) -> bool:
    """Whether a figure holds text outside its ``<figcaption>``."""
    for kid in children(node):
        tag = kid.tag or "-"
        if tag == "figcaption" or tag.startswith("-") and tag != "-text":
            continue
        if (kid.text(deep=True) or "").strip():
            return True
    return False


def _last_element(node: LexborNode) -> LexborNode | None:
    """The last child element when nothing but blank text follows it."""
    kid = node.last_child
    while kid is not None:
        tag = kid.tag or "-"
        if tag == "-text":
            if (kid.text_content or "").strip():
                return None
        elif not tag.startswith("-"):
            return kid
        kid = kid.prev
    return None


#: Descendants :func:`_contains_block` looks at itself before asking the selector engine.
_BLOCK_PEEK = 12


def _contains_block(node: LexborNode) -> bool:
    """Whether an inline element wraps block content (``<a><div>..</div></a>``)."""
    kid = node.child
    if kid is None:
        return False
    # Most inline elements hold a few text nodes and inline tags: walking them here is much
    # cheaper than setting up a selector search (this runs for every inline element).
    stack = [kid]
    seen = 0
    while stack:
        current = stack.pop()
        while current is not None:
            seen += 1
            if seen > _BLOCK_PEEK:
                return node.css_first(_BLOCK_SELECTOR) is not None
            tag = current.tag
            if tag in _BLOCK_NAMES:
                return True
            child = current.child
            if child is not None:
                stack.append(child)
            current = current.next
    return False


def has_descendant(node: LexborNode, selector: str) -> bool:
    """Whether an element below ``node`` matches (selectolax's ``css`` also matches the node)."""
    for kid in children(node):
        if not (kid.tag or "-").startswith("-") and kid.css_first(selector) is not None:
            return True
    return False


def _is_layout_table(node: LexborNode, rows: list) -> bool:
    """Tables used for page layout: presentation role, nested tables, or one wide column."""
    if (node.attributes.get("role") or "").lower() in ("presentation", "none"):
        return True
    if has_descendant(node, "table"):
        return True
    widths = []
    for tr, _ in rows[:50]:
        widths.append(sum(1 for c in children(tr) if c.tag in ("td", "th")))
    if widths and max(widths) <= 1:
        return True
    return has_descendant(node, "p, h1, h2, h3, blockquote") and len(node.text(deep=True)) > 1500
