"""decruft-hn-reader: read a Hacker News item page (a story and its comment thread).

An input reader plugin. Generic extraction would keep the story's text and lose the thread, or
keep the thread as one undifferentiated run of paragraphs; this reader knows the page's markup
and builds the :class:`~convert.Article` itself:

- metadata: the story title, its submitter, the submission time, the site name, the item URL,
  and in ``meta.extra`` the points, the comment count and the linked story URL;
- body: a link to the story, the post's own text (Ask HN, Show HN), then the comments as
  nested ``Div(role="comment")`` blocks, each starting with an author/time line.

It claims an input under ``--from auto`` when its URL is ``news.ycombinator.com/item?...`` or
when the bytes contain HN's item table (``class="fatitem"``); ``--from hn`` forces it.
"""

from __future__ import annotations

import re
from typing import Any, Iterable
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from convert import PLUGIN_API_VERSION, Article, DecruftError, Meta, ReadContext, Source, hookimpl
from convert.article import (Block, Code, CodeBlock, Div, Emphasis, Heading, Inline, Link,
                             Paragraph, Strong, Text)
from convert.formats import ReaderRegistry
from convert.html import safe_link_url

if PLUGIN_API_VERSION.split(".")[0] != "1":
    raise ImportError(f"decruft-hn-reader needs plugin API 1.x, not {PLUGIN_API_VERSION}")

HOST = "news.ycombinator.com"
SITE = f"https://{HOST}/"
#: How far into the bytes the content sniffer looks for HN's item table.
SNIFF_BYTES = 256 * 1024
_SPACES = re.compile(r"\s+")


# --------------------------------------------------------------------------- claiming inputs

def sniff(data: bytes, context: ReadContext) -> bool:
    """Claim ``news.ycombinator.com/item`` URLs, and pages that carry HN's item table."""
    if context.location:
        parts = urlsplit(context.location)
        if parts.hostname == HOST:
            return parts.path == "/item"
    head = data[:SNIFF_BYTES]
    return b'class="fatitem"' in head and b'class="athing' in head


# --------------------------------------------------------------------------- inlines

def _squash(text: str) -> str:
    return _SPACES.sub(" ", text)


def inlines(nodes: Iterable[LexborNode], base: str) -> list[Inline]:
    """The inline nodes for a run of HN markup (text, ``<a>``, ``<i>``, ``<code>``, ...)."""
    out: list[Inline] = []
    for node in nodes:
        tag = node.tag
        if tag == "-text":
            text = _squash(node.text(deep=False) or "")
            if text:
                out.append(Text(text))
        elif tag == "a" and node.attributes.get("href"):
            # The AST promises links never carry script URLs: keep only the text of those.
            url = safe_link_url(urljoin(base, node.attributes["href"] or ""))
            children = inlines(_children(node), base)
            if url is None:
                out.extend(children)
            else:
                out.append(Link(tuple(children) or (Text(url),), url))
        elif tag in ("i", "em"):
            out.append(Emphasis(tuple(inlines(_children(node), base))))
        elif tag in ("b", "strong"):
            out.append(Strong(tuple(inlines(_children(node), base))))
        elif tag == "code":
            out.append(Code(node.text(deep=True)))
        else:  # <font>, <u>, <span>: presentational, keep their content
            out.extend(inlines(_children(node), base))
    return out


def _children(node: LexborNode) -> Iterable[LexborNode]:
    return node.iter(include_text=True)


def _strip(children: list[Inline]) -> tuple[Inline, ...]:
    """Trim the whitespace at both ends of a run of inlines."""
    if children and isinstance(children[0], Text):
        children[0] = Text(children[0].text.lstrip())
    if children and isinstance(children[-1], Text):
        children[-1] = Text(children[-1].text.rstrip())
    return tuple(n for n in children if not (isinstance(n, Text) and not n.text))


# --------------------------------------------------------------------------- blocks

def text_blocks(node: LexborNode, base: str) -> list[Block]:
    """Blocks of an HN text (``toptext`` or ``commtext``).

    HN writes the first paragraph bare and opens every later one with ``<p>``; code is
    ``<pre><code>``. So: runs of inline content between ``<p>`` and ``<pre>`` are paragraphs.
    """
    blocks: list[Block] = []
    run: list[Inline] = []

    def flush() -> None:
        children = _strip(run)
        if children:
            blocks.append(Paragraph(children))
        run.clear()

    for child in _children(node):
        if child.tag == "p":
            flush()
            blocks.extend(text_blocks(child, base))
        elif child.tag == "pre":
            flush()
            blocks.append(CodeBlock(child.text(deep=True).rstrip("\n")))
        elif child.tag == "div" and "reply" in (child.attributes.get("class") or ""):
            continue
        else:
            run.extend(inlines([child], base))
    flush()
    return blocks


def _first(node: LexborNode, selector: str) -> LexborNode | None:
    return node.css_first(selector)


def _age(node: LexborNode) -> str | None:
    """The ISO timestamp HN puts in ``<span class="age" title="2024-03-05T14:20:11 1709...">``."""
    age = _first(node, "span.age")
    title = age.attributes.get("title") if age is not None else None
    return title.split()[0] if title else None


def comment_blocks(row: LexborNode, base: str) -> tuple[int, list[Block]]:
    """One comment row: its nesting level and its blocks (author line, then the text)."""
    ind = _first(row, "td.ind")
    indent = (ind.attributes.get("indent") or "0") if ind is not None else "0"
    level = int(indent) if indent.isdigit() else 0
    user = _first(row, "a.hnuser")
    when = _age(row)
    head: list[Inline] = [Strong((Text(user.text(deep=True).strip()),))] if user else []
    text = _first(row, ".commtext")
    status = None
    if text is None or not text.text(deep=True).strip():
        comhead = _first(row, "span.comhead")
        found = re.search(r"\[(flagged|dead|deleted)\]", comhead.text() if comhead else "")
        status = found.group(0) if found else "[no text]"
    if when:
        head += [Text(" · " if head else ""), Text(when.replace("T", " "))]
    if status:
        head += [Text(" · " if head else ""), Emphasis((Text(status),))]
    blocks: list[Block] = [Paragraph(_strip(head))] if head else []
    if text is not None and status is None:
        blocks += text_blocks(text, base)
    return level, blocks


def thread(rows: Iterable[LexborNode], base: str) -> list[Block]:
    """The comment rows (flat, each with an indent level) as nested comment divs."""
    root: list[Any] = []
    stack: list[tuple[int, list[Any]]] = [(-1, root)]
    for row in rows:
        level, blocks = comment_blocks(row, base)
        while stack[-1][0] >= level:
            stack.pop()
        replies: list[Any] = []
        stack[-1][1].append((blocks, replies))
        stack.append((level, replies))

    def build(items: list[Any]) -> list[Block]:
        return [Div((*blocks, *build(replies)), role="comment") for blocks, replies in items]

    return build(root)


# --------------------------------------------------------------------------- the reader

def parse(data: bytes, context: ReadContext) -> Article:
    """Build the article of an HN item page."""
    location = context.location
    is_url = bool(location and urlsplit(location).scheme in ("http", "https"))
    base = context.base_url or (location if is_url else SITE)
    tree = LexborHTMLParser(data.decode("utf-8", "replace"))
    item = tree.css_first("table.fatitem tr.athing")
    titleline = tree.css_first("table.fatitem span.titleline > a")
    if item is None or titleline is None:
        raise DecruftError("not a Hacker News story page (no story title found)")
    item_id = item.attributes.get("id") or ""
    title = _squash(titleline.text(deep=True)).strip()
    story_url = urljoin(base, titleline.attributes.get("href") or "")
    fat = tree.css_first("table.fatitem")
    assert fat is not None
    user = _first(fat, "a.hnuser")
    score = _first(fat, "span.score")
    points = int(re.sub(r"\D", "", score.text()) or 0) if score is not None else None
    rows = tree.css("table.comment-tree tr.athing.comtr")

    blocks: list[Block] = []
    if story_url and urlsplit(story_url).path != "/item":  # Ask HN posts link to themselves
        host = urlsplit(story_url).hostname or story_url
        blocks.append(Paragraph((Text("Link: "), Link((Text(host),), story_url))))
    toptext = tree.css_first("table.fatitem div.toptext")
    if toptext is not None:
        blocks += text_blocks(toptext, base)
    if rows:
        blocks.append(Heading(2, (Text(f"Comments ({len(rows)})"),)))
        blocks += thread(rows, base)

    item_url = f"{SITE}item?id={item_id}" if item_id.isdigit() else (location if is_url else None)
    meta = Meta(
        title=title,
        authors=(user.text(deep=True).strip(),) if user is not None else (),
        published=_age(fat),
        language="en",
        site_name="Hacker News",
        url=item_url,
        source=Source(location=location, kind="hn", encoding="utf-8"),
        extra={"hn_points": points, "hn_comments": len(rows), "hn_story_url": story_url},
    )
    return Article(meta=meta, blocks=tuple(blocks))


@hookimpl
def register_readers(registry: ReaderRegistry) -> None:
    registry.add("hn", parse, sniff=sniff, priority=10,
                 description="a Hacker News item page: the story and its comment thread")
