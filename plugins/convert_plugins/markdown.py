"""The ``md`` format: CommonMark + GFM tables, written by markdownify from our own XHTML.

The pipeline is AST → :mod:`convert.html` (safe, semantic XHTML) → :class:`ArticleConverter`,
a markdownify subclass. markdownify never sees the page's HTML, and the subclass owns what
markdownify leaves to the caller: escaping (text that *shows* ``<script>`` or ``*`` stays
text), URL quoting, fences longer than any backtick run, GFM tables with outer pipes, ``\\|``
and ``<br>`` in cells, figures as image + caption + credit lines. The proof is in the tests:
markdown-it-py renders our Markdown to the same visible text as the XHTML.

Images keep their URL; with ``--embed-images`` (``RenderOptions.embed_images``) those whose bytes
are at hand (see :func:`convert.images.loader_for`) are inlined as ``data:`` URIs, the others
keep their URL. ``--no-images`` leaves them out.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, Sequence

from convert import Article, hookimpl
from convert.formats import FormatRegistry, RenderOptions
from convert.images import loader_for
from convert import regexcache
from convert.textutil import clean_text

from ._md_blocks import TableRenderer, children, gfm_table, prepare
from ._md_front import front_matter
from ._md_render import MarkdownRenderer
from ._md_inline import (MARK_TAGS, MARKED_LINE_START, after_code, after_mark, edge_char, edges,
                         ends_block, flanks, opens_wrapper, starts_line,
                         unescaped)
from ._md_stream import block as _block, convert_article, is_pre as _is_pre

# Characters that are Markdown syntax anywhere in a line. `_` is handled apart: inside a word
# it is never emphasis, and escaping it there makes snake_case unreadable.
_SPECIAL = regexcache.compile(r"([\\`*\[\]<>|~])")
_UNDERSCORE = regexcache.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_ENTITY = regexcache.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Syntax only at the start of a line: headings, quotes, bullets, setext/thematic rules, numbers.
# A number is an ordered-list marker only when its "." or ")" is followed by a space or ends
# the line (CommonMark): "1.4K followers" or "11.45 GMT" starting a line are plain text.
_LINE_START = regexcache.compile(r"^(\s*)([#>+=\-]|\d{1,9}(?=[.)](?:[ \t]|$)))", re.M)
#: Containers nested deeper are flattened: markdown-it-py stops parsing at 20 levels, and a
#: list costs two (list + item).
MAX_DEPTH = 8
_BACKTICKS = regexcache.compile(r"`+")
_DEFINITION_LABEL = regexcache.compile(r"(?<!\\)\]:")
_EDGE_BREAKS = regexcache.compile(r"^(?:\s*\\\n)+|(?:\\\n\s*)+$")
#: What ``--embed-images`` inlines (what browsers and Markdown previews show; SVG data is
#: refused by convert.html: it can carry script). Others become PNG when Pillow is installed.
EMBED_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})


# A text none of the rules below can change (most runs of prose): no character they escape,
# no line break, no "!" at the end, no line-start syntax at the start.
_MAY_NEED_ESCAPE = regexcache.compile(r"[\\`*\[\]<>|~_&\n]")


def _escaped_end(text: str) -> bool:
    """Whether the last character of (escaped) ``text`` is backslash-escaped: a literal
    ``\\*`` there cannot merge with a closing ``**`` ("**\\*\\*stars\\*\\***" is bold)."""
    body = text[:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 1


def escape_markdown(text: str, line_start: bool = True) -> str:
    """Backslash-escape what CommonMark/GFM would read as syntax in running text; with
    ``line_start`` false the text is known not to start a line, so "1." or "-" at its start
    is plain text ("**large** 20.23 km" needs no "20\\.23")."""
    if not _MAY_NEED_ESCAPE.search(text) and not text.endswith("!"):
        if not line_start:
            return text
        lead = text.lstrip()[:1]
        if not (lead in "#>+=-" or lead.isdigit() or lead.isdecimal()):
            return text
    return _escape_all(text, line_start)


def _escape_all(text: str, line_start: bool = True) -> str:
    """:func:`escape_markdown` without its shortcut for text that needs no escaping."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _ENTITY.sub(r"\\&", text)
    if text.endswith("!"):  # a link may follow: "![" would make it an image
        text = text[:-1] + "\\!"
    if not line_start:
        return text
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2) + "\\" if m.group(2)[0].isdigit()
                                                   else "\\" + m.group(2)), text)


def _destination(url: str) -> str:
    """A link destination: already percent-encoded by convert.html; escape what is left."""
    url = url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace(" ", "%20")
    url = _ENTITY.sub(r"\\&", url)
    return url.replace("(", r"\(").replace(")", r"\)")


def _title(title: str | None) -> str:
    if not title:
        return ""
    title = " ".join(clean_text(title).split()).replace("\\", "\\\\").replace('"', '\\"')
    title = _ENTITY.sub(r"\\&", title)
    return f' "{title}"'


def _cell_context(parent_tags: set[str]) -> bool:
    return "td" in parent_tags or "th" in parent_tags


@functools.lru_cache(maxsize=None)
def _converter_class() -> type:
    from markdownify import ATX, MarkdownConverter

    class ArticleConverter(MarkdownConverter):
        """markdownify, configured for CommonMark/GFM and fed only HTML from convert.html."""

        class Options:
            heading_style = ATX
            bullets = "-"
            newline_style = "backslash"
            escape_asterisks = False
            escape_underscores = False
            escape_misc = False
            autolinks = True
            strip_document = "strip"

        #: The default options, read once: markdownify's constructor builds them with a
        #: ``dir()`` walk over two option classes, a twentieth of a short article's render.
        _defaults: dict[str, Any] | None = None

        def __init__(self, **options: Any) -> None:
            defaults = type(self)._defaults
            if options or defaults is None:
                super().__init__(**options)
                if not options:
                    type(self)._defaults = dict(self.options)
            else:  # what MarkdownConverter.__init__ sets, from the cached options
                self.options = dict(defaults)
                self.convert_fn_cache = {}
            self._li_positions: dict[int, dict[int, int]] = {}
            #: The renderer whose table placeholders this converter reads the rows of.
            self.tables: TableRenderer | None = None

        def process_tag(self, node: Any, parent_tags: set[str] | None = None) -> str:
            # A table is converted from its cells directly (gfm_table): converting its rows
            # first, as markdownify would, only doubles the work.
            if node.name == "table":  # a TableRenderer placeholder: the rows come apart
                rows = self.tables.row_batches(int(node["data-md-rows"]))
                return gfm_table(self, node, parent_tags or set(), rows)
            return super().process_tag(node, parent_tags)

        def process_text(self, el: Any, parent_tags: set[str] | None = None) -> str:
            # markdownify's own process_text folds whitespace with two regex passes over every
            # text; for text they cannot change (no tab, no line break, no double space: most
            # prose) the rest of it is done here without them. Same result, a third faster.
            text = str(el)
            parent_tags = parent_tags if parent_tags is not None else set()
            # (Inside inline code a run of spaces is the code's own, "separator.  Stop.":
            # not folded; the extractor leaves no line break there.)
            if ("pre" in parent_tags or "  " in text and "code" not in parent_tags
                    or "\n" in text or "\t" in text or "\r" in text):
                # (markdownify's process_text calls escape() without the node: lent here)
                self._text_el = el
                try:
                    return super().process_text(el, parent_tags)
                finally:
                    self._text_el = None
            if "_noformat" not in parent_tags:
                text = self.escape(text, parent_tags, el)
            inside = _block(el.parent)
            prev, nxt = el.previous_sibling, el.next_sibling
            if _block(prev) or _is_pre(prev) or (inside and not prev):
                text = text.lstrip(" \t\r\n")
            if _block(nxt) or _is_pre(nxt) or (inside and not nxt):
                text = text.rstrip()
            return text

        _text_el: Any = None

        def escape(self, text: str, parent_tags: set[str], el: Any = None) -> str:
            if not text:
                return ""
            el = el if el is not None else self._text_el
            # A newline inside running text is only a space in HTML; in Markdown a blank line
            # would end the paragraph or the list item.
            text = text.replace("\n", " ")
            # Line-start syntax ("1.", "-", "#") only where the text starts a Markdown line: a
            # table cell is inline content, and text after a link or bold in the same block
            # does not start one.
            # Nor does the text opening a link's brackets: "[#12592]" reads as written.
            if _LINE_START.match(text) and (_cell_context(parent_tags) or el is not None and (
                    opens_wrapper(el) or not starts_line(el))):
                text = escape_markdown(text, line_start=False)
            else:
                text = escape_markdown(text)
            # A final "!" is escaped because a link may follow ("![" starts an image); at the
            # end of a paragraph, item or cell nothing follows, and "Bon appétit\\!" is noise.
            if text.endswith("\\!") and el is not None and ends_block(el):
                text = text[:-2] + "!"
            return text

        def _delimit(self, el: Any, text: str, parent_tags: set[str], mark: str) -> str:
            """``mark``-delimited emphasis, or the bare text when CommonMark would not read the
            delimiters as emphasis there (e.g. ``a*"b"*c``): the text must stay exact."""
            if "_noformat" in parent_tags:
                return text
            prefix, inner, suffix = edges(text)
            if not inner:
                return prefix + suffix
            if (inner[0] == mark[0] or (inner[-1] == mark[0] and not _escaped_end(inner))
                    or (not prefix and after_mark(el, MARK_TAGS[mark[0]]))):
                # Next to another run of the same delimiter: the two runs would merge.
                return prefix + inner + suffix
            before = prefix[-1:] or edge_char(el, last=True)
            after = suffix[:1] or edge_char(el, last=False)
            if flanks(before, inner[0], inner[-1], after):
                # After the opening mark the text no longer starts the line: its line-start
                # escape goes ("**1\\. Scope**" reads "**1. Scope**").
                inner = MARKED_LINE_START.sub(unescaped, inner, count=1)
                return f"{prefix}{mark}{inner}{mark}{suffix}"
            return prefix + inner + suffix

        def convert_em(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return self._delimit(el, text, parent_tags, "*")

        def convert_strong(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return self._delimit(el, text, parent_tags, "**")

        def convert_del(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return self._delimit(el, text, parent_tags, "~~")

        convert_i = convert_em
        convert_b = convert_strong
        convert_s = convert_del

        def convert_br(self, el: Any, text: str, parent_tags: set[str]) -> str:
            if _cell_context(parent_tags):
                return "<br>"
            if "_inline" in parent_tags:
                return " "
            return "\\\n"

        def convert_a(self, el: Any, text: str, parent_tags: set[str]) -> str:
            prefix, text, suffix = edges(text)
            href = el.get("href")
            if not text or not href or _DEFINITION_LABEL.search(text):
                # An unescaped "]:" (only a code span can hold one) would make "[text](url)"
                # at the start of a paragraph a link reference definition: keep the text.
                return prefix + text + suffix
            if (text == escape_markdown(href) and not el.get("title")
                    and re.fullmatch(r"https?://[^\s<>\\]+", href)):
                return f"{prefix}<{href}>{suffix}"
            return f"{prefix}[{text}]({_destination(href)}{_title(el.get('title'))}){suffix}"

        def convert_img(self, el: Any, text: str, parent_tags: set[str]) -> str:
            src = el.get("src") or ""
            if not src:
                return ""
            alt = escape_markdown(" ".join((el.get("alt") or "").split()))
            return f"![{alt}]({_destination(src)}{_title(el.get('title'))})"

        def convert_code(self, el: Any, text: str, parent_tags: set[str]) -> str:
            if "pre" in parent_tags:
                return text
            text = " ".join(text.split("\n"))
            if not text.strip():
                return ""
            if after_code(el):
                # Two adjacent code spans would read as one broken span: plain text instead.
                return escape_markdown(text)
            if _cell_context(parent_tags):
                text = text.replace("|", "\\|")
            run = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
            fence = "`" * (run + 1)
            if run or text[0] == " " and text[-1] == " ":
                text = f" {text} "
            return f"{fence}{text}{fence}"

        def convert_pre(self, el: Any, text: str, parent_tags: set[str]) -> str:
            code = el.find("code")
            lang = ""
            if code is not None:
                for cls in code.get("class") or ():
                    if cls.startswith("language-"):
                        lang = cls[len("language-"):]
            text = text.strip("\n")
            run = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
            fence = "`" * max(3, run + 1)
            return f"\n\n{fence}{lang}\n{text}\n{fence}\n\n"

        def convert_hN(self, n: int, el: Any, text: str, parent_tags: set[str]) -> str:
            # Trailing #s would be read as the heading's optional closing sequence.
            text = re.sub(r"(?:(?<=\s)|^)(#+)$", r"\\\1", text.rstrip())
            return super().convert_hN(n, el, text, parent_tags)

        def convert_li(self, el: Any, text: str, parent_tags: set[str]) -> str:
            # markdownify numbers an item by counting its previous siblings, which makes long
            # ordered lists quadratic; the positions are computed once per list here.
            text = _EDGE_BREAKS.sub("", text or "").strip()
            if not text:
                return "\n"
            parent = el.parent
            if parent is not None and parent.name == "ol":
                positions = self._li_positions.get(id(parent))
                if positions is None:
                    positions = {id(li): i for i, li in enumerate(
                        children(parent, ("li",)))}
                    self._li_positions[id(parent)] = positions
                start = str(parent.get("start") or "1")
                bullet = f"{(int(start) if start.isdigit() else 1) + positions[id(el)]}. "
            else:
                bullet = "- "
            indent = " " * len(bullet)
            lines = text.split("\n")
            body = "\n".join([lines[0]] + [indent + ln if ln else "" for ln in lines[1:]])
            return f"{bullet}{body}\n"

        def convert_ol(self, el: Any, text: str, parent_tags: set[str]) -> str:
            out = self.convert_list(el, text, parent_tags)
            if "li" in parent_tags and el.get("start") not in (None, "1"):
                # Only a list starting at 1 may interrupt a paragraph: keep a blank line.
                out = "\n" + out
            return out

        def convert_figure(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return f"\n\n{text.strip()}\n\n"

        def convert_figcaption(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return "\n\n" + text.strip().replace(" \\\n", "\\\n") + "\n\n"

        def convert_small(self, el: Any, text: str, parent_tags: set[str]) -> str:
            # The credit line under a figure's caption.
            if "credit" in (el.get("class") or ()) and "figcaption" in parent_tags:
                return f"\\\n{text.strip()}" if el.find_previous_sibling() or (
                    el.previous_sibling and str(el.previous_sibling).strip()) else text.strip()
            return text

        def convert_p(self, el: Any, text: str, parent_tags: set[str]) -> str:
            # A hard break at either end of a paragraph would render as a literal backslash.
            text = _EDGE_BREAKS.sub("", text)
            if "subtitle" in (el.get("class") or ()) and text.strip():
                text = f"*{text.strip()}*"
            return super().convert_p(el, text, parent_tags)

        def convert_header(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return f"\n\n{text.strip()}\n\n"

        def convert_caption(self, el: Any, text: str, parent_tags: set[str]) -> str:
            return ""

    return ArticleConverter


# --------------------------------------------------------------------------- rendering

def article_markdown(article: Article, *, heading_shift: int = 0, images: bool = True,
                     image_src: Callable[[str], str | None] | None = None) -> str:
    """The article as Markdown (no front matter, no trailing newline).

    :param image_src: rewrites each (safe) image source, as :class:`convert.html.HTMLRenderer` takes it;
        :func:`image_hook` makes the one for ``--embed-images``.
    """
    article = prepare(article)
    renderer = MarkdownRenderer(base_url=article.meta.url, heading_shift=heading_shift,
                                max_depth=MAX_DEPTH,
                                image_src=image_src if images else _no_image)
    converter = _converter_class()()
    converter.tables = renderer  # tables' rows come from it, a batch at a time
    md = convert_article(converter, renderer, article)  # a tree of a chunk of blocks at a time
    # LF line endings only: a CR from a code block would be a line break to some readers.
    return clean_text(md).replace("\r\n", "\n").replace("\r", "\n").strip("\n")


def _no_image(src: str) -> None:
    return None


def image_hook(article: Article, options: RenderOptions) -> Callable[[str], str | None] | None:
    """The ``image_src`` hook for ``article``: with ``embed_images`` an image whose bytes are at
    hand becomes a ``data:`` URI and the others keep their URL; else None (URLs as they are)."""
    if not options.images or not options.embed_images:
        return None
    load = loader_for(article, options, accept=EMBED_TYPES)

    def embed(src: str) -> str:
        found = load(src)
        return found.data_uri() if found is not None else src

    return embed


def render_markdown(article: Article, options: RenderOptions) -> bytes:
    md = article_markdown(article, images=options.images,
                          image_src=image_hook(article, options))
    head = front_matter(article) if options.front_matter else ""
    return (head + md + "\n").encode("utf-8")


def bundle_markdown(articles: Sequence[Article], options: RenderOptions) -> bytes:
    """Several articles in one file: an optional book title, then the articles separated by
    thematic breaks, each under its own title."""
    parts = []
    shift = 0
    title = " ".join(clean_text(options.title or "").split())
    if title:
        parts.append("# " + escape_markdown(title))
        shift = 1
    parts.extend(article_markdown(a, heading_shift=shift, images=options.images,
                                  image_src=image_hook(a, options))
                 for a in articles)
    head = ""
    if options.front_matter and title:
        import yaml

        head = "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True) + "---\n\n"
    return (head + "\n\n---\n\n".join(p for p in parts if p) + "\n").encode("utf-8")


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("md", render_markdown, extensions=["md", "markdown"], bundle=bundle_markdown,
                 media_type="text/markdown",
                 description="Markdown (CommonMark + GFM tables), optional YAML front matter")
