"""Tidying the built body: lines that are the page's, not the article's, wherever they stand.

Run on the body the builder made (and on a profile's): the headline repeated as the first
heading, the blog's name over a post, the short lines above the post's own headline, a
paragraph repeating the one before, boilerplate lines ("Share this", "Advertisement"),
"Read also: ..." teasers, cookie and consent notices, notices about the reader's browser.
Each is a named rule (:func:`convert.extract.ablation.rule`); a dropped block is told to the
recorder (``decruft inspect``) under the rule's name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from convert.article import Block, Div, Heading, Image, Link, List, Paragraph, Quote, Text
from convert.extract import record
from convert.extract.ablation import rule
from convert.textutil import inline_text
from . import patterns as P
from . import pitches
from .dom import word_key
from .hints import hits
from .inlines import holds_code
from ..lazyre import lazy
from .thresholds import (
    BOILERPLATE_MAX_CHARS, CONSENT_MAX_CHARS, DUPLICATE_MAX_CHARS, LIST_DUPLICATE_MIN_CHARS,
    NOTICE_MAX_CHARS, READ_ALSO_MAX_CHARS, WORD_KEY_MAX_CHARS,
)

__all__ = ["tidy_blocks", "dropped", "inline_text_of", "headings_under_title"]

BLOG_NAME_HEADING = rule("blog_name_heading", "the <h1> naming the blog, above a post whose "
                         "own heading is the title, is the site's name: dropped like the title")
ABOVE_HEADLINE = rule("above_headline", "the short lines above the post's own headline at the "
                      "top of the body (a blog's tagline, a kicker) are the page's header")
#: At most this many lines, each of at most this many words, above the headline.
ABOVE_HEADLINE_MAX_BLOCKS = 3
ABOVE_HEADLINE_MAX_WORDS = 15
HEADLINE_REPEAT = rule("headline_repeat", "a heading repeating the title is dropped")
LABELLED_HEADLINE = rule("labelled_headline", "a heading that is one label word and a colon "
                         "before the title ('Title: X', an archive's field label), as the page's "
                         "<h1>, repeats the title: dropped like it")
#: A heading's leading label: one word and a colon ("Title:", "Titel:"), then the rest.
_HEAD_LABEL = lazy(r"^\s*[^\W\d_]{2,12}\s*:\s*(\S.*)$", re.DOTALL)
END_MARKS = rule("end_marks", "a line that is only a press release's end mark ('###', "
                 "'-30-') tells an editor the release is over: it is no article text")
#: A press release's end mark on a line of its own: "###" or "# # #", "-30-" or "– 30 –".
_END_MARK = lazy(r"^\s*(?:#\s*#\s*#|[-\u2013\u2014]\s*30\s*[-\u2013\u2014])\s*$")
DUPLICATE_PARAGRAPHS = rule("duplicate_paragraphs", "a paragraph or list repeating the block "
                            "before is dropped")
BOILERPLATE_LINES = rule("boilerplate_lines", "short boilerplate lines (Share this, "
                         "Advertisement) are dropped")
STATUS_WORD_HEADINGS = rule(
    "status_word_headings", "a heading that is one of the boilerplate's status words without "
    "their ellipsis ('Loading', a documentation section on loading a file) titles a section: "
    "a script's 'Loading...' placeholder is a line of text, not a heading")
#: The boilerplate lines that are a heading's title when written bare (see
#: :data:`STATUS_WORD_HEADINGS`).
_STATUS_WORD = lazy(r"^(?:loading|wird geladen)$", re.IGNORECASE)
READ_ALSO_LINES = rule("read_also_lines", "'Read also: ...' teaser lines are dropped")
READ_ALSO_LABEL_LINK = rule("read_also_label_link", "a paragraph that is a 'Read also' "
                            "label and one link, set apart by markup, not a colon ('Leggi "
                            "anche <a>...</a>'), is a teaser line: dropped")
CONSENT_LINES = rule("consent_lines", "cookie/consent notices are dropped")
BROWSER_NOTICES = rule("browser_notices", "a notice about the reader's browser or plugins ('best "
                       "viewed in an up-to-date browser', 'Get the Flash Player') scores "
                       "nothing and is dropped")


def inline_text_of(block: Block) -> str:
    """The text of a block, its parts space-joined."""
    from convert.textutil import block_texts
    return " ".join(block_texts([block]))


def _last(seen: dict[str, None]) -> str | None:
    return next(reversed(seen), None) if seen else None


def dropped(block: Block, rule: str, field: str | None = None) -> None:
    """Tell the recorder (if any) that ``rule`` dropped ``block`` (or moved it to the metadata
    ``field``); returns ``None``, the dropped block."""
    rec = record.current()
    if rec is not None:
        rec.drop_block(inline_text_of(block), rule, field)
    return None


def tidy_blocks(blocks: list[Block], title: str | None, blog_name: str | None = None,
          title_heading: str | None = None) -> list[Block]:
    """Drop the headline repeated as the first heading, duplicate paragraphs, and lines that
    are boilerplate wherever they appear ("Share this", "Advertisement"); with ``blog_name``
    (the ``<h1>`` of a blog page whose title is its post's heading), that heading too; with
    ``title_heading`` (the ``<h1>`` "Headline – Site" of the title "Headline"), that one as
    the title."""
    seen: dict[str, None] = {}
    title_key = word_key(title) if title else None
    heading_key = word_key(title_heading) if title_heading else None
    blog_key = word_key(blog_name) if blog_name and BLOG_NAME_HEADING else None
    texts = _Texts()
    texts.read(blocks)
    out: list[Block] = []
    for block in blocks:
        kept = _tidy_block(block, seen, title_key, not out, blog_key, texts, heading_key)
        if kept is not None:
            out.append(kept)
        elif ABOVE_HEADLINE and out and len(out) <= ABOVE_HEADLINE_MAX_BLOCKS and title_key \
                and isinstance(block, Heading) and word_key(inline_text(block.children)) == title_key \
                and all(_header_line(b) for b in out):
            # The post's headline opens the story: the short lines above it are the page's
            # header (a blog's tagline under its name, a kicker, a breadcrumb).
            for b in out:
                dropped(b, "above_headline")
            out = []
    return out


class _Texts:
    """The texts of the paragraphs and headings :func:`_tidy_block` reads (in containers
    too), by ``id``, and which of those short enough for a browser notice hold one of its
    hints, and which of those short enough for a consent notice hold one of its hints (the
    ``id`` of each, few: most texts hold none): found with one fold and join of them all and
    one scan of that per hint (:func:`.hints.hits`)."""

    __slots__ = ("text", "notice", "consent")

    def __init__(self) -> None:
        self.text: dict[int, str] = {}
        self.notice: set[int] = set()
        self.consent: set[int] = set()

    def read(self, blocks: list[Block]) -> None:
        stack = list(blocks)
        while stack:
            block = stack.pop()
            if isinstance(block, (Paragraph, Heading)):
                self.text[id(block)] = inline_text(block.children)
            elif isinstance(block, (Div, Quote)):
                stack.extend(block.blocks)
        if not (BROWSER_NOTICES or CONSENT_LINES):
            return
        limit = max(NOTICE_MAX_CHARS, CONSENT_MAX_CHARS)
        short = [(key, stripped) for key, stripped in (
            (key, text.strip()) for key, text in self.text.items()) if len(stripped) < limit]
        notice, consent = hits([text for _, text in short], (
            P.NOTICE_HINTS if BROWSER_NOTICES else (), P.CONSENT_HINTS if CONSENT_LINES else ()),
            str.lower)
        self.notice = {short[i][0] for i in notice if len(short[i][1]) < NOTICE_MAX_CHARS}
        self.consent = {short[i][0] for i in consent if len(short[i][1]) < CONSENT_MAX_CHARS}


def _header_line(block: Block) -> bool:
    """A short line of the page's header: a paragraph or heading of a few words."""
    return isinstance(block, (Paragraph, Heading)) and \
        len(inline_text(block.children).split()) <= ABOVE_HEADLINE_MAX_WORDS


def _label_and_link(children: tuple) -> bool:
    """Whether the inlines are a "Read also" label (:data:`.patterns.READ_ALSO_LABEL`) and then
    one link, nothing else: a teaser line pointing to another story, whose label its markup
    sets apart (``<strong>Leia também</strong> <a>``, ``<span>Lire aussi</span> <a>``) where
    the lines :data:`.patterns.READ_ALSO` reads put a colon."""
    parts = [c for c in children if not (isinstance(c, Text) and not c.text.strip())]
    if len(parts) < 2 or not isinstance(parts[-1], Link) \
            or any(isinstance(c, (Link, Image)) for c in parts[:-1]):
        return False
    label = inline_text(parts[:-1]).strip()
    return len(label) < 40 and P.READ_ALSO_LABEL.fullmatch(label) is not None


def _tidy_block(block: Block, seen: dict[str, None], title_key: str | None, first: bool,
                blog_key: str | None = None, texts: _Texts | None = None,
                heading_key: str | None = None) -> Block | None:
    """The block as kept by :func:`_tidy` (``None`` when dropped): paragraphs and headings
    that are boilerplate, consent notices, the title again or a copy of the block before are
    dropped; containers are tidied inside; a list repeating the block before is dropped."""
    if isinstance(block, (Paragraph, Heading)):
        text = texts.text.get(id(block)) if texts is not None else None
        if text is None:
            text = inline_text(block.children)
        stripped = text.strip()
        if BOILERPLATE_LINES and len(stripped) < BOILERPLATE_MAX_CHARS and P.BOILERPLATE_TEXT.match(stripped) \
                and not holds_code(block.children) and not (
                    STATUS_WORD_HEADINGS and isinstance(block, Heading)
                    and _STATUS_WORD.match(stripped)):
            return dropped(block, "boilerplate_lines")
        if BOILERPLATE_LINES and len(stripped) < BOILERPLATE_MAX_CHARS \
                and pitches.framed_boilerplate(stripped):
            return dropped(block, "framed_boilerplate")
        # The template's widgets and pitches around a story (see :mod:`.pitches`).
        if pitches.widget_line(stripped):
            return dropped(block, "widget_lines")
        if pitches.pitch_line(stripped):
            return dropped(block, "pitch_lines")
        if pitches.post_meta_footer(stripped):
            return dropped(block, "post_meta_footer")
        if isinstance(block, Paragraph) and len(stripped) < READ_ALSO_MAX_CHARS:
            if pitches.teaser_label_link(block.children):
                return dropped(block, "teaser_label_words")
            if pitches.link_bar(block.children, stripped):
                return dropped(block, "link_bars")
            if pitches.caps_link_teaser(block.children, stripped):
                return dropped(block, "caps_link_teasers")
        if READ_ALSO_LINES and len(stripped) < READ_ALSO_MAX_CHARS and P.may_read_also(stripped) \
                and P.READ_ALSO.match(stripped):
            return dropped(block, "read_also_lines")
        if READ_ALSO_LABEL_LINK and len(stripped) < READ_ALSO_MAX_CHARS \
                and isinstance(block, Paragraph) and _label_and_link(block.children):
            return dropped(block, "read_also_label_link")
        # (with the texts read, one not hinted is no notice, decided without a call)
        if CONSENT_LINES and len(stripped) < CONSENT_MAX_CHARS and (
                texts is None or id(block) in texts.consent) and P.consent_text(
                stripped, True if texts is not None else None):
            # A cookie / consent notice is never article text, wherever it sits.
            return dropped(block, "consent_lines")
        if BROWSER_NOTICES and len(stripped) < NOTICE_MAX_CHARS and (
                texts is None or id(block) in texts.notice) and P.browser_notice(
                stripped, True if texts is not None else None):
            return dropped(block, "browser_notices")
        if END_MARKS and len(stripped) < 12 and isinstance(block, Paragraph) \
                and _END_MARK.match(stripped):
            return dropped(block, "end_marks")
        key = word_key(text) if len(text) < WORD_KEY_MAX_CHARS else text
        if HEADLINE_REPEAT and isinstance(block, Heading) and title_key and (
                key == title_key or key == heading_key):
            return dropped(block, "headline_repeat", "title")
        if LABELLED_HEADLINE and isinstance(block, Heading) and block.level == 1 and title_key \
                and key.endswith(title_key) and key != title_key:
            # "Title:Sparse routing" under the title "Sparse routing": the label says which
            # field the heading is; the rest is the headline again. (Only the page's <h1>: a
            # lower heading "Today: <title>" in the story is the writer's own lead-in.)
            rest = _HEAD_LABEL.match(stripped)
            if rest and word_key(rest.group(1)) in (title_key, heading_key):
                return dropped(block, "labelled_headline", "title")
        if blog_key and isinstance(block, Heading) and key == blog_key:
            return dropped(block, "blog_name_heading")
        # A page may repeat a paragraph on purpose (a refrain, a repeated notice), so only a
        # block repeating the one right before it is a duplicate (responsive twins, copy
        # widgets).
        # (_last inlined: asked for every paragraph)
        if DUPLICATE_PARAGRAPHS and key and len(key) <= DUPLICATE_MAX_CHARS and seen and \
                key == next(reversed(seen)):
            return dropped(block, "duplicate_paragraphs")
        seen[key] = None
        return block
    if isinstance(block, Div):
        inner = [b for b in (_tidy_block(x, seen, title_key, False, blog_key, texts,
                                         heading_key) for x in block.blocks) if b]
        return Div(tuple(inner), block.role) if inner else None
    if isinstance(block, Quote):
        inner = [b for b in (_tidy_block(x, seen, title_key, False, blog_key, texts,
                                         heading_key) for x in block.blocks) if b]
        return Quote(tuple(inner), block.cite) if inner else None
    if isinstance(block, List):
        key = word_key(inline_text_of(block))
        if len(key) > LIST_DUPLICATE_MIN_CHARS:
            if DUPLICATE_PARAGRAPHS and key == _last(seen):
                return dropped(block, "duplicate_paragraphs")
            seen[key] = None
        return block
    return block


HEADINGS_UNDER_TITLE = rule(
    "headings_under_title", "the body's headings sit one level under the title: a page that "
    "writes its sections as <h1>s (a blogging platform's post) had them rendered at the "
    "title's own level, as if each were another article")


def headings_under_title(blocks: list[Block]) -> list[Block]:
    """The body with every heading moved down a level when its top heading is level 1.

    Every renderer prints ``Meta.title`` as the article's level-1 heading; a body heading at
    level 1 would stand beside the title rather than under it. The whole outline moves by one
    (at most to level 6), so the sections keep their order of rank."""
    if not HEADINGS_UNDER_TITLE or not any(_has_top_heading(b) for b in blocks):
        return blocks
    return [_demoted(b) for b in blocks]


def _has_top_heading(block: Block) -> bool:
    if isinstance(block, Heading):
        return block.level <= 1
    if isinstance(block, List):
        return any(_has_top_heading(b) for item in block.items for b in item.blocks)
    inner = getattr(block, "blocks", None)
    return bool(inner) and any(_has_top_heading(b) for b in inner)


def _demoted(block: Block) -> Block:
    if isinstance(block, Heading):
        return replace(block, level=min(6, block.level + 1))
    if isinstance(block, List):
        return replace(block, items=tuple(replace(item, blocks=tuple(
            _demoted(b) for b in item.blocks)) for item in block.items))
    if isinstance(block, (Div, Quote)):
        return replace(block, blocks=tuple(_demoted(b) for b in block.blocks))
    return block
