"""The ``md`` writer's walk over an article a chunk of blocks at a time.

markdownify converts a tree; a tree of bs4 tags costs about 1.5 KB a node, so a page of a
million paragraphs was 1.4 GB of tree besides its Markdown. :func:`convert_article` gives the
bytes ``convert_soup(soup(article_html(article)))`` gives, from trees of at most about
:data:`CHUNK_CHARS` of XHTML each: the article's blocks are rendered one by one and cut into
chunks only between two paragraphs, where nothing markdownify or our converter computes looks
across (a ``<p>`` converts from its own subtree, and the line break after it is dropped both
in the whole tree and at a chunk's end). The children of ``<article>`` are then converted and
joined exactly as markdownify's ``process_tag`` joins them (its newline collapsing included).
"""

from __future__ import annotations

from typing import Any, Iterator

from convert import Article
from convert.html import HTMLRenderer, language_tag

#: XHTML characters of the article made into one tree at a time (a chunk is cut only between
#: two paragraphs: a chunk may be longer).
CHUNK_CHARS = 256 * 1024

#: The elements markdownify strips whitespace inside of and around (its
#: ``should_remove_whitespace_inside``, whose heading test is ``re.match(r"h(\d+)", name)``).
_BLOCK_NAMES = frozenset({"p", "blockquote", "article", "div", "section", "ol", "ul", "li", "dl",
                          "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th"})


def block(el: Any) -> bool:
    """markdownify's ``should_remove_whitespace_inside`` without a regex call per text node."""
    if el is None:
        return False
    name = el.name
    if not name:
        return False
    return name in _BLOCK_NAMES or (name[0] == "h" and name[1:2].isdecimal())


def is_pre(el: Any) -> bool:
    return el is not None and el.name == "pre"


def _ignorable(el: Any) -> bool:
    """markdownify's ``_can_ignore`` for a child of ``<article>`` (a block: whitespace at its
    edges goes too)."""
    if not isinstance(el, str) or el.strip():
        return False
    prev, nxt = el.previous_sibling, el.next_sibling
    return (not prev or not nxt or block(prev) or is_pre(prev) or block(nxt) or is_pre(nxt))


def _is_paragraph(xhtml: str) -> bool:
    return xhtml.startswith("<p>") and xhtml.endswith("</p>\n")


def chunks(renderer: HTMLRenderer, article: Article) -> Iterator[str]:
    """The inside of :func:`convert.html.article_html`'s ``<article>`` (header and blocks), in
    pieces of about :data:`CHUNK_CHARS`, each cut after a paragraph that a paragraph follows."""
    head = renderer.header(article.meta, level=1 + renderer.heading_shift)
    parts, size, after_p = [head], len(head), False
    # (renderer.blocks() one block at a time: at the top level it never flattens a block)
    render = renderer.block
    for node in article.blocks:
        xhtml = render(node)
        if not xhtml:
            continue
        if size >= CHUNK_CHARS and after_p and xhtml.startswith("<p>"):
            yield "".join(parts)
            parts, size = [], 0
        parts.append(xhtml)
        size += len(xhtml)
        after_p = _is_paragraph(xhtml)
    yield "".join(parts)


def convert_article(conv: Any, renderer: HTMLRenderer, article: Article) -> str:
    """``conv.convert_soup(soup(article_html(article, renderer=renderer)))``, a chunk's tree at
    a time."""
    from markdownify import re_extract_newlines

    from ._md_tree import soup  # imports bs4: only when Markdown is written

    lang = language_tag(article.meta.language)
    lang_attr = f' lang="{lang}" xml:lang="{lang}"' if lang else ""
    tags = {"[document]", "article"}
    strings: list[str] = []
    node = None
    for xhtml in chunks(renderer, article):
        root = soup(f"<article{lang_attr}>\n{xhtml}</article>\n")
        node = root.contents[0]
        # The converter caches list positions by id(): ids of a freed tree's lists are reused.
        conv._li_positions.clear()
        for el in node.contents:
            if not _ignorable(el):
                text = conv.process_element(el, tags)
                if text:
                    strings.append(text)
        del root, xhtml
    # markdownify's process_tag from here: newlines at child boundaries collapse to at most 2.
    joined = [""]
    for child in strings:
        leading, content, trailing = re_extract_newlines.match(child).groups()
        if joined[-1] and leading:
            leading = "\n" * min(2, max(len(joined.pop()), len(leading)))
        joined.extend((leading, content, trailing))
    del strings
    text = conv.get_conv_fn_cached("article")(node, "".join(joined), parent_tags={"[document]"})
    # The document holds the article alone (its line break after is dropped).
    return conv.get_conv_fn_cached("[document]")(None, text, parent_tags=set())
