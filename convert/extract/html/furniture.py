"""Line-level furniture left inside the built body, judged after the AST is built.

The cascade picks the article's container; inside it, pages still print lines that are not
the article's running text and that no class name gives away. Each rule here judges a built
block by its own words (and its neighbours'), never by the page's markup:

- *gallery counters* ("Image 2 of 5", "Slide 3 of 12") leave the body;
- *caption twins*: a gallery that prints each caption twice, in full and cut short with
  "… more", keeps the full one; a paragraph repeating the caption of the figure beside it goes;
- *credit lines* on their own ("Photo: Jane Doe", "(Copyright: Getty Images)",
  "KIMIHIRO HOSHINO/AFP/Getty Images") join the figure beside them as its credit (the ``txt``
  format leaves credits out, the others show them under the picture), or leave the body when
  no figure is beside them;
- *post navigation*: a blog's "« Older post | Main | Newer post »" or "← Previous: …" line;
- *rights lines*: a site's "© 1999-2012 Site, Inc. All Rights Reserved." notice;
- *promo lines*: "Follow us on Twitter", "Twitter: @name", newsletter pitches, the question
  over a post's share buttons ("Did you enjoy this article?"), "Write to the
  reporter at …", the wire's "All rights reserved. This material may not be published …",
  a blog's "This entry was posted on … and is filed under …";
- *post footers*: a blog theme's footer under the post, however long its category list
  ("This entry was posted in X. Bookmark the permalink.", "… You can follow any responses to
  this entry through the RSS 2.0 feed …");
- *toolbars*: a list or line made only of a story's tool labels ("Text Size", "Print",
  "Email", "Reprints", "Comments (0)", "Permalink");
- *header datelines*: the date line (with or without the author) at the top of the body, when
  it gives the day the metadata already holds (``Meta.published``/``Meta.modified``): every
  format shows the date and byline from the metadata.

Every rule is declared with :func:`convert.extract.ablation.rule`, so the benchmark can switch
it off; a dropped block is told to the recorder (``decruft inspect``) under the rule's name.
The lines' patterns (the rules' vocabulary) are in :mod:`.furniture_patterns`.
"""

from __future__ import annotations

from collections.abc import Sequence

from convert.article import (Block, Div, Emphasis, Figure, Heading, List, ListItem, Paragraph, Quote,
                             Rule, Strong)
from convert.extract import record
from convert.extract.ablation import rule
from convert.extract.dates import text_date
from convert.textutil import block_texts, inline_text
from .dom import word_key
from .hints import hits
from .inlines import holds_code
from .furniture_patterns import (CLOCK, CREDIT_LINE, CREDIT_MAX_CHARS, DATELINE_FILLER,
                                 DATELINE_MAX_CHARS, GALLERY_COUNTER, HEADER_BLOCKS, LOGIN_PROMPT,
                                 LOGIN_PROMPT_MAX_WORDS, POST_FOOTER_LINE, POST_FOOTER_MAX_WORDS,
                                 POST_NAV_LINE, POST_NAV_MAX_CHARS, PROMO_HINTS, PROMO_LINE,
                                 copyright_notice, local_filler, may_be_post_nav, may_be_rights,
                                 PROMO_MAX_WORDS, RIGHTS_LINE, RIGHTS_MAX_CHARS, TAXONOMY_LINE,
                                 TAXONOMY_MAX_CHARS, TEASER_END, TEASER_MAX_WORDS, TOOL_LABELS,
                                 TOOL_MAX_CHARS, TOOL_NAV_ONLY, TRUNCATED_END)

__all__ = ["tidy_furniture"]

GALLERY_COUNTERS = rule("gallery_counters", "gallery counters ('Image 2 of 5') leave the body")
CAPTION_TWINS = rule("caption_twins", "a caption printed twice (in full and cut short with "
                     "'... more', or as a paragraph beside its figure) keeps one copy")
CREDIT_LINES = rule("credit_lines", "a photo credit line on its own joins the figure beside it, "
                    "or leaves the body")
PROMO_LINES = rule("promo_lines", "follow-us, social handle, newsletter, reporter-contact and "
                   "wire-copyright taglines leave the body")
TEASER_ENDS = rule("teaser_ends", "a paragraph cut short and ending in a link ('... Read more', "
                   "'... View Full Size') is a teaser or a truncated caption, not the article")
TAXONOMY_LINES = rule("taxonomy_lines", "a post's tag or category line ('Tags: a, b', "
                      "'Tagged as: ...', 'Filed under: ...') leaves the body")
LINK_RUNS = rule("link_runs", "a run of lines that are each one link (a headline, archive or "
                 "'recent posts' list set as paragraphs or <br> lines) leaves an article's body")
LINK_RUN_LINES = rule("link_run_lines", "the <br> lines of a paragraph that lie in a run of link "
                      "lines leave it, its prose lines stay")
POST_NAV_LINES = rule("post_nav_lines", "a blog's previous/next line ('« Older post | Main | "
                      "Newer post »', '← Previous: ...') leaves the body")
RIGHTS_LINES = rule("rights_lines", "a short line reserving all rights (a site's copyright "
                    "notice) leaves the body")
COPYRIGHT_NOTICES = rule("copyright_notices", "a short line or heading opening with a copyright "
                         "notice ('© 2026 X Ltd. All trademarks ...') is a rights line")
POST_FOOTER_LINES = rule("post_footer_lines", "a blog theme's post footer ('This entry was posted "
                         "on ... and is filed under ...', '... Bookmark the permalink.') leaves "
                         "the body, however long its category list")
LOGIN_PROMPTS = rule("login_prompts", "a prompt to log in before commenting ('You must be logged "
                     "in to post a comment', 'Already have an account? Log in') leaves the body")
WRAPPED_LINES = rule("wrapped_lines", "the <br> lines of a paragraph set in one emphasis "
                     "wrapper (<p><em>link<br>link<br>...</em></p>) are its lines for the "
                     "link-run rules")
TOOL_LABELS_RULE = rule("tool_labels", "a list or line made only of an article's tool labels "
                        "('Print', 'Email', 'Text Size', 'Reprints', 'Comments (0)', "
                        "'Permalink') is the story's toolbar and leaves the body")
HEADER_DATELINE = rule("header_dateline", "a dateline (or byline and date) at the top of the "
                       "body giving the metadata's day leaves the body")
HEADER_BYLINE = rule("header_byline", "a line at the top of the body naming only the "
                     "metadata's authors leaves the body")

#: A run of lines that are each a link is a list of other pages from this many lines on (a
#: story's own "see also" pair or trio stays). Lists are left alone: a story's reading list or
#: references are set as one.
LINK_RUN_MIN = 5
#: A line is "one link" when links hold this share of its characters.
LINK_LINE_SHARE = 0.9

# --------------------------------------------------------------------------- rules

def tidy_furniture(blocks: Sequence[Block], *, authors: Sequence[str] = (),
                   days: Sequence[str | None] = (), article: bool = True) -> list[Block]:
    """The body without its furniture lines (see the module's docstring). ``authors`` and
    ``days`` (ISO dates, published and modified) are the metadata a header line may repeat;
    ``article`` is false for a body a page-type profile built (a listing is links)."""
    out = _sequence(list(blocks))
    if LINK_RUNS and article:
        out = _drop_link_runs(out)
    if HEADER_DATELINE or HEADER_BYLINE:
        out = _drop_header_lines(out, authors, {d[:10] for d in days if d})
    if not any(block_texts(out, captions=False)):
        # A body that is all such lines (a sign-up page, a photo with its credit) is what the
        # page has: these rules tidy an article, they never empty it.
        return list(blocks)
    return out


def _sequence(blocks: list[Block], in_item: bool = False) -> list[Block]:
    """One run of sibling blocks, tidied (containers inside first); ``in_item``: the blocks of
    a list item (a tool label there is judged with its list's other items)."""
    out: list[Block] = []
    # ids of the paragraphs kept below as credit lines (judged again by the pair rules, once
    # their next neighbour is known)
    credits: set[int] = set()
    # id(paragraph or heading) -> its text, for the rules below and the pair rules
    texts = {id(b): inline_text(b.children).strip() for b in blocks
             if isinstance(b, (Paragraph, Heading))}
    # (which of them hold a promo line's hint, by id: one scan of them all per hint, on a run
    # long enough to pay for it; with no run looked up (None), each line is scanned on its own)
    promos = [(key, text) for key, text in texts.items()
              if 0 < len(text) <= PROMO_MAX_WORDS * 12] if PROMO_LINES else []
    hinted = {promos[i][0] for i in hits([text for _, text in promos], (PROMO_HINTS,))[0]} \
        if len(promos) >= _BATCH_MIN else None
    for block in blocks:
        if isinstance(block, (Div, Quote)):
            inner = _sequence(list(block.blocks), in_item)
            if _same(inner, block.blocks):
                out.append(block)  # unchanged: no new node
            elif inner:
                out.append(Div(tuple(inner), block.role) if isinstance(block, Div)
                           else Quote(tuple(inner), block.cite))
            continue
        if isinstance(block, List):
            if TOOL_LABELS_RULE and _tool_list(block):
                _dropped(block, "tool_labels")
                continue
            items = []
            changed = False
            for item in block.items:
                inner = _sequence(list(item.blocks), True)
                if _same(inner, item.blocks):
                    items.append(item)
                else:
                    changed = True
                    if inner:
                        items.append(ListItem(tuple(inner)))
            if not changed:
                out.append(block)
            elif items:
                out.append(List(tuple(items), block.ordered, block.start))
            continue
        if isinstance(block, (Paragraph, Heading)):
            text = texts[id(block)]
            if TEASER_ENDS and ("..." in text or "…" in text) and (
                    len(text.split()) <= TEASER_MAX_WORDS and TEASER_END.search(text)):
                _dropped(block, "teaser_ends")
                continue
            # (the length bounds of _tool_line and _is_credit asked here first: most lines
            # fail them, without a call)
            if TOOL_LABELS_RULE and not in_item and 0 < len(text) <= TOOL_MAX_CHARS and \
                    _tool_line(text) and not TOOL_NAV_ONLY.match(text) and not holds_code(block.children):
                _dropped(block, "tool_labels")
                continue
            if GALLERY_COUNTERS and len(text) < 40 and GALLERY_COUNTER.match(text):
                _dropped(block, "gallery_counters")
                continue
            if TAXONOMY_LINES and isinstance(block, Paragraph) and len(text) <= \
                    TAXONOMY_MAX_CHARS and ":" in text and TAXONOMY_LINE.match(text):
                # (every tag line has its label's colon: a line without one is not matched)
                _dropped(block, "taxonomy_lines")
                continue
            if POST_NAV_LINES and isinstance(block, Paragraph) and len(text) <= \
                    POST_NAV_MAX_CHARS and may_be_post_nav(text) and POST_NAV_LINE.search(text):
                _dropped(block, "post_nav_lines")
                continue
            if RIGHTS_LINES and len(text) <= RIGHTS_MAX_CHARS and (
                    (COPYRIGHT_NOTICES and copyright_notice(text)) or (isinstance(
                        block, Paragraph) and may_be_rights(text) and RIGHTS_LINE.search(text))):
                _dropped(block, "rights_lines")
                continue
            # (a line left out of the run is one _is_promo refuses before its hints; one of
            # the run not hinted is no promo line, decided without a call)
            if PROMO_LINES and (hinted is None or id(block) in hinted) and _is_promo(
                    text, True if hinted is not None else None):
                _dropped(block, "promo_lines")
                continue
            # (the three substring scans first: they cost less than splitting a long text)
            if LOGIN_PROMPTS and ("log" in text or "Log" in text or "LOG" in text) and len(
                    text.split()) <= LOGIN_PROMPT_MAX_WORDS and LOGIN_PROMPT.match(text):
                _dropped(block, "login_prompts")
                continue
            if POST_FOOTER_LINES and isinstance(block, Paragraph) and "this" in \
                    text[:12].lower() and len(text.split()) <= POST_FOOTER_MAX_WORDS and \
                    POST_FOOTER_LINE.match(text):
                _dropped(block, "post_footer_lines")
                continue
            if CREDIT_LINES and isinstance(block, Paragraph) and 0 < len(text) <= \
                    CREDIT_MAX_CHARS and _is_credit(text):
                # Bound to the picture right before it when it has no credit yet; the figure
                # right after it is bound below.
                if out and isinstance(out[-1], Figure) and not out[-1].credit:
                    fig = out[-1]
                    out[-1] = Figure(fig.image, fig.caption, block.children)
                else:
                    out.append(block)  # judged again once its next neighbour is known
                    credits.add(id(block))
                continue
        out.append(block)
    return _pairs(out, texts, credits)


def _drop_link_runs(blocks: list[Block]) -> list[Block]:
    """Drop the paragraphs and headings that lie wholly in a run of at least
    :data:`LINK_RUN_MIN` consecutive link lines, in reading order across containers (each
    teaser in its own wrapper) and across ``<br>`` lines of one paragraph."""
    lines: list[tuple[int, bool] | None] = []  # (id(block), is a link line); None breaks
    _link_lines(blocks, lines)
    if sum(1 for line in lines if line is not None and line[1]) < LINK_RUN_MIN:
        return blocks  # (too few link lines for any run: the common case, decided at once)
    in_run: dict[int, list[bool]] = {}
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j] is not None and lines[j][1]:
            j += 1
        long_run = j - i >= LINK_RUN_MIN
        for k in range(i, max(j, i + 1)):
            if k < len(lines) and lines[k] is not None:
                in_run.setdefault(lines[k][0], []).append(long_run and k < j)
        i = max(j, i + 1)
    doomed = {key for key, flags in in_run.items() if all(flags)}
    # A <br> paragraph holding prose and then a run of link lines (a "posts roundup" set as
    # one paragraph): the run's lines leave it, the prose stays.
    cut = {key: {k for k, flag in enumerate(flags) if flag} for key, flags in in_run.items()
           if LINK_RUN_LINES and key not in doomed and any(flags)}
    return _without(blocks, doomed, cut) if doomed or cut else blocks


def _cut_lines(block: Paragraph, cut: set[int]) -> Paragraph | None:
    """The paragraph without its ``<br>`` lines numbered in ``cut`` (lines counted as
    :func:`_link_lines` counts them: those holding text)."""
    kids, wrapper = _opened(block)
    kept: list = []
    segment: list = []
    index = 0
    for child in (*kids, None):
        if child is None or child.type == "line_break":
            if inline_text(segment).strip():
                if index not in cut:
                    kept.extend(segment)
                    if child is not None:
                        kept.append(child)
                index += 1
            elif child is not None and (not kept or kept[-1].type != "line_break"):
                kept.extend(segment)
                kept.append(child)
            segment = []
        else:
            segment.append(child)
    while kept and kept[-1].type == "line_break":
        kept.pop()
    while kept and kept[0].type == "line_break":
        kept.pop(0)
    if kept and wrapper is not None:
        kept = [wrapper(tuple(kept))]
    return Paragraph(tuple(kept)) if kept else None


def _opened(block: Paragraph | Heading) -> tuple[tuple, type | None]:
    """The inline children whose line breaks make the block's lines, and the wrapper to set
    them back in: a paragraph wholly in one ``<em>``/``<strong>`` holding its ``<br>``s (a
    blog's "Related Posts" lines in ``<em><font>``) is read inside that wrapper."""
    kids = block.children
    if WRAPPED_LINES and len(kids) == 1 and isinstance(kids[0], (Emphasis, Strong)) and any(
            c.type == "line_break" for c in kids[0].children):
        return kids[0].children, type(kids[0])
    return kids, None


def _link_lines(blocks: Sequence[Block], out: list) -> None:
    for block in blocks:
        if isinstance(block, (Div, Quote)):
            _link_lines(block.blocks, out)
        elif isinstance(block, (Paragraph, Heading)):
            kids = block.children
            if len(kids) == 1 and kids[0].type == "text":
                # (the common line: one text, no link, so never a link line; nothing to open)
                if kids[0].text.strip():
                    out.append((id(block), False))
                continue
            kids, _ = _opened(block)
            segment: list = []
            for child in (*kids, None):
                if child is None or child.type == "line_break":
                    text = inline_text(segment).strip()
                    if text:
                        linked = sum(len(inline_text(c.children).strip())
                                     for c in segment if c.type == "link")
                        out.append((id(block), linked >= LINK_LINE_SHARE * len(text)))
                    segment = []
                else:
                    segment.append(child)
        elif not isinstance(block, (Figure, Rule)):
            out.append(None)  # a list, table or code block ends a run


def _without(blocks: Sequence[Block], doomed: set[int],
             cut: dict[int, set[int]] | None = None) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if id(block) in doomed:
            _dropped(block, "link_runs")
        elif cut and id(block) in cut and isinstance(block, Paragraph):
            kept = _cut_lines(block, cut[id(block)])
            if kept is None:
                _dropped(block, "link_run_lines")
            else:
                out.append(kept)
        elif isinstance(block, (Div, Quote)):
            inner = _without(block.blocks, doomed, cut)
            if _same(inner, block.blocks):
                out.append(block)
            elif inner:
                out.append(Div(tuple(inner), block.role) if isinstance(block, Div)
                           else Quote(tuple(inner), block.cite))
        else:
            out.append(block)
    return out


def _same(new: list[Block], old: Sequence[Block]) -> bool:
    return len(new) == len(old) and all(a is b for a, b in zip(new, old))


def _pairs(blocks: list[Block], texts: dict[int, str], credits: set[int]) -> list[Block]:
    """Rules that judge a block against its neighbours: caption twins, a credit line before
    its figure, a credit line with no figure beside it. ``blocks`` are :func:`_sequence`'s,
    ``texts`` their texts and ``credits`` the ids of those it kept as credit lines (each
    paragraph there was judged: its verdict is not asked again)."""
    out: list[Block] = []
    n = len(blocks)
    skip: set[int] = set()
    for i, block in enumerate(blocks):
        if i in skip:
            continue
        if isinstance(block, Paragraph):
            text = texts[id(block)]
            # (a twin is cut short or beside a figure: most paragraphs are neither, decided
            # without a call)
            if CAPTION_TWINS and ("..." in text or "…" in text or i and isinstance(
                    blocks[i - 1], Figure) or i + 1 < n and isinstance(blocks[i + 1], Figure)) \
                    and _is_twin(text, blocks, i):
                _dropped(block, "caption_twins")
                continue
            if CREDIT_LINES and id(block) in credits:
                nxt = blocks[i + 1] if i + 1 < n else None
                if isinstance(nxt, Figure) and not nxt.credit:
                    out.append(Figure(nxt.image, nxt.caption, block.children))
                    skip.add(i + 1)
                else:
                    _dropped(block, "credit_lines")
                continue
        elif isinstance(block, Figure) and CAPTION_TWINS and block.caption:
            text = inline_text(block.caption).strip()
            if _is_twin(text, blocks, i):
                # The cut-short twin of a neighbour's caption: the picture stays, uncaptioned.
                _dropped(Paragraph(block.caption), "caption_twins")
                block = Figure(block.image, (), block.credit)
        out.append(block)
    return out


def _text_of(block: Block) -> str:
    if isinstance(block, (Paragraph, Heading)):
        return inline_text(block.children).strip()
    if isinstance(block, Figure):
        return inline_text(block.caption).strip()
    return ""


def _is_twin(text: str, blocks: list[Block], i: int) -> bool:
    """Whether ``text`` (block ``i``) is a neighbour's caption again: cut short ("… more")
    with the neighbour's caption starting with what is left, or a paragraph repeating the
    caption of the figure next to it."""
    if not text:
        return False
    m = TRUNCATED_END.search(text) if ("..." in text or "…" in text) else None
    if m:
        head = word_key(text[:m.start()])
        if len(head) >= 15:
            near = [blocks[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(blocks)]
            for other in near:
                key = word_key(_text_of(other))
                if len(key) > len(head) and key.startswith(head):
                    return True
    if isinstance(blocks[i], Paragraph):
        key = None
        for j in (i - 1, i + 1):
            if 0 <= j < len(blocks) and isinstance(blocks[j], Figure) and blocks[j].caption:
                key = word_key(text) if key is None else key
                if key and word_key(_text_of(blocks[j])) == key:
                    return True
    return False


def _tool_line(text: str) -> bool:
    return 0 < len(text) <= TOOL_MAX_CHARS and bool(TOOL_LABELS.match(text))


def _tool_list(block: List) -> bool:
    """Whether every item of the list is one line of tool labels (the toolbar: "Increase
    Text Size", "Print", "Email"), not all of them navigation words (a pager)."""
    lines = []
    for item in block.items:
        if len(item.blocks) != 1 or not isinstance(item.blocks[0], Paragraph):
            return False
        lines.append(inline_text(item.blocks[0].children).strip())
    return bool(lines) and all(map(_tool_line, lines)) and not all(map(TOOL_NAV_ONLY.match, lines))


def _is_credit(text: str) -> bool:
    return 0 < len(text) <= CREDIT_MAX_CHARS and bool(CREDIT_LINE.match(text))


#: Lines of one run from which their hints are looked for in one scan (:func:`.hints.hits`).
_BATCH_MIN = 4


def _is_promo(text: str, hinted: bool | None = None) -> bool:
    """Whether ``text`` is a promo line; ``hinted``: whether it holds one of the hints, when
    the caller found out for a run of lines at once (:func:`.hints.hits`)."""
    if not text or len(text) > PROMO_MAX_WORDS * 12:
        return False
    if hinted is None:
        # Every pattern of PROMO_LINE needs one of these (most lines have none: one cheap
        # search).
        folded = text.casefold()
        hinted = any(map(folded.__contains__, PROMO_HINTS))
    if not hinted or len(text.split()) > PROMO_MAX_WORDS:
        return False
    return bool(PROMO_LINE.search(text))


def _drop_header_lines(blocks: list[Block], authors: Sequence[str], days: set[str]) -> list[Block]:
    """Drop the dateline and byline paragraphs among the first :data:`HEADER_BLOCKS` blocks: a
    short line giving a day of the metadata (published or modified), or naming the metadata's
    authors, and nothing else but times, weekdays, "Published", "Updated" and "by"."""
    names = sorted((word_key(a) for a in authors if a and word_key(a)), key=len, reverse=True)
    if not days and not names:
        return blocks
    drop: set[int] = set()
    for i, block in enumerate(blocks[:HEADER_BLOCKS]):
        if not isinstance(block, Paragraph):
            continue
        text = inline_text(block.children).strip()
        if len(text) > DATELINE_MAX_CHARS:
            continue
        day = text_date(text)
        if day is not None and day not in days:
            continue
        rest = " " + word_key(text) + " "
        named = False
        for name in names:
            if " " + name + " " in rest:
                rest = rest.replace(" " + name + " ", " ")
                named = True
        if DATELINE_FILLER.sub(" ", local_filler(rest)).split():
            continue
        if day is not None and HEADER_DATELINE:
            _dropped(block, "header_dateline", "published")
            drop.add(i)
        elif day is None and not named and i - 1 in drop and CLOCK.search(text):
            # The time printed on a line of its own under the dateline ("01:52 PM EDT").
            _dropped(block, "header_dateline", "published")
            drop.add(i)
        elif day is None and named and HEADER_BYLINE:
            _dropped(block, "header_byline", "authors")
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop] if drop else blocks


def _dropped(block: Block, name: str, field: str | None = None) -> None:
    """Tell the recorder (if any) that rule ``name`` dropped ``block`` (or moved it to the
    metadata ``field``)."""
    rec = record.current()
    if rec is not None:
        rec.drop_block(" ".join(block_texts([block])), name, field)
