"""Conditional cleaning inside the winner (Readability's ``_cleanConditionally``): drop image
walls and form debris, never most of the article at once; and blocks whose class/id
names them as boilerplate (related posts, share bars, comments, newsletter and author boxes:
found by :mod:`.chrome`)."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract import record
from convert.extract.ablation import rule
from . import patterns as P
from .chrome import chrome_blocks
from .shortblocks import box_title, headed_block, labels_prose, signature_line, text_line
from .tables import ARIA_TABLE_ROLES, ARIA_TABLES
from .dom import children, has_descendant, inside, subtree_sizes
from .prune import COMMENT_TAIL, COMMENTS_MARKER_WRAPPER, ENTRY_HEADERS, entry_header
from .notes import LINKED_NOTES, QUOTE_ATTRIBUTION, holds_target, in_quote, note_targets
from .measure import (LOOSE, Candidate, class_weight, commas, label, link_density, note_links,
                      text_len, text_len_of)
from .thresholds import (
    CLASS_WEIGHT, CLEAN_MAX_SHARE, COMMENT_TAIL_MIN_CHARS, CONTENT_COMMAS, DEBRIS_MAX_CHARS,
    FORM_MAX_CHARS, IMAGE_WALL_MAX_CHARS, IMAGE_WALL_PARAGRAPHS,
    ITEMS_MAX_LOSS, KEEP_SCORE_SHARE, LINK_DENSITY_LIMIT,
    CLEAN_SIZED, CLEAN_WORK_CHARS, CLEAN_WORK_ELEMENTS, LOW_WEIGHT_DENSITY, MAX_CLEANED,
    MAX_COMMENT_HEADINGS, MAX_TRAILING_LINKS, MIN_REPEATED, PARAGRAPHS_PER_FORM,
    PROSE_INSIDE_CHARS, SCORED_LIST_DENSITY,
    TRAILING_LINK_CHARS, TRAILING_LINK_DENSITY,
    WEAK_LABEL_DENSITY, WEAK_LABEL_PROSE, WEIGHTED_MAX_CHARS, WEIGHT_DENSITY_DIVIDER,
)


CLEAN_CONDITIONALLY = rule("clean_conditionally", "Readability's conditional cleaning inside "
                           "the winner")
TRAILING_LINKS = rule("trailing_links", "one-link paragraphs after the last prose are dropped")
SPARE_ITEMS = rule("spare_items", "repeated items are kept when cleaning would take most of "
                   "the winner")
KEEP_STRONG = rule("keep_strong", "a block scoring nearly as well as the winner is never cleaned")
CLEAN_MAX_HALF = rule("clean_max_half", "cleaning never removes a block holding half the winner")
WEAK_LABEL = rule("weak_label", "prose outweighs a layout-only chrome word (widget, hidden)")
NEGATIVE_SCORE = rule("negative_score", "a block whose class weight and score are negative "
                      "is dropped")
CONTENT_COMMAS_RULE = rule("content_commas", "a block with many commas is prose, kept")
PROSE_INSIDE = rule("prose_inside", "a block with real paragraphs inside is kept")
IMAGE_WALLS = rule("image_walls", "an image wall inside the winner is dropped")
FORM_DEBRIS = rule("form_debris", "a block of bare forms is dropped")
SHORT_DEBRIS = rule("short_debris", "a very short block without picture or heading is dropped")
DEBRIS_LABELS = rule("debris_labels", "a very short block right above a paragraph of prose is "
                     "that paragraph's label (a Q&A's 'Q.', a countdown's rank), not debris")
TEXT_LINES = rule("text_lines", "a very short block among sibling blocks of its tag that hold "
                  "prose (a text set in <div>s, one a paragraph) is a line of that text (a "
                  "subhead, a signature line), not debris")
BOX_TITLES = rule("box_titles", "a very short block right above a code block (its file "
                  "name) or first in an admonition box above its text ('Warning') is the "
                  "box's title, not debris")
HEADED_BLOCKS = rule("headed_blocks", "a block that is mostly one heading whose words are "
                     "mostly not links (an API reference's 'impl<T> Debug for Queue<T>', its "
                     "types linked, beside its 'source' link) is a section's heading, not a "
                     "link list")
SIGNATURE_LINES = rule("signature_lines", "a very short block right under a heading that "
                       "reads as code (an API member's signature under its name, 'public void "
                       "acquire()') is the member's declaration, not debris")
LINK_DENSITY = rule("link_density", "Readability's link-density test drops link-heavy blocks")
HEADING_PARTS = rule("heading_parts", "a block inside a heading (its text in a <div>, beside "
                     "an anchor icon) is the heading's, never cleaned on its own")
CODE_INSIDE = rule("code_inside", "a block inside a <pre> (a line of a code block an editor "
                   "or highlighter renders as one element per line) is never cleaned on its "
                   "own: its shortness and its lack of prose say nothing about it")

_CLEAN_TAGS = ("div", "section", "ul", "ol", "table", "form", "aside", "header", "footer", "nav",
               "dl", "figure")


def clean(nodes: list[LexborNode], level: int, candidates: dict[int, Candidate]) -> int:
    """Readability's conditional cleaning: drop link lists, image walls and form debris.
    Returns the characters of named boilerplate blocks dropped (see
    :func:`.chrome.chrome_blocks`)."""
    doomed: list[LexborNode] = []
    chrome = 0
    seen = 0
    # (the visible characters and the elements of the containers judged: hostile nesting)
    work = elements = 0
    # A block scoring nearly as well as the winner is content whatever its shape.
    keep = KEEP_SCORE_SHARE * max((candidates[n.mem_id].score for n in nodes
                                   if n.mem_id in candidates), default=0.0)
    for root in nodes:
        root_len = text_len(root)
        blocks = chrome_blocks(root, root_len, candidates)
        chrome += sum(text_len(n) for n in blocks)
        doomed.extend(blocks)
        if TRAILING_LINKS:
            doomed.extend(_trailing_links(root))
        if COMMENT_TAIL:
            doomed.extend(_comment_tail(root, root_len))
        dropped: list[LexborNode] = []
        marks: set[str] | None = None  # ids the winner's note marks point to, read on need
        # (the <pre> blocks are looked up once per winner: most have none)
        code = CODE_INSIDE and root.css_first("pre") is not None
        containers = root.css(",".join(_CLEAN_TAGS)) if CLEAN_CONDITIONALLY else []
        # (each judged container is read whole: where there are many, what they hold
        # together is counted, so that nesting cannot make the cleaning quadratic)
        sizes = subtree_sizes(root) if len(containers) > CLEAN_SIZED else None
        for node in containers:
            if node.mem_id == root.mem_id:
                continue
            if code and _in_pre(node, root):
                continue
            seen += 1
            if seen > MAX_CLEANED or work > CLEAN_WORK_CHARS or elements > CLEAN_WORK_ELEMENTS:
                break
            if _is_wrapper(node):
                continue
            cand = candidates.get(node.mem_id)
            if KEEP_STRONG and cand is not None and keep > 0 and cand.score >= keep:
                continue
            if _should_drop(node, level, cand.score if cand is not None else 0.0, root_len) \
                    and not (HEADING_PARTS and _in_heading(node, root)) \
                    and not (ARIA_TABLES and _in_aria_table(node, root)):
                # The footnotes the text's marks point to, and a quote's attribution, are the
                # text's own apparatus however short or negatively named (see .notes).
                if LINKED_NOTES:
                    if marks is None:
                        marks = note_targets(root)
                    if holds_target(node, marks):
                        continue
                if QUOTE_ATTRIBUTION and node.tag == "footer" and in_quote(node):
                    continue
                dropped.append(node)
            work += text_len(node)  # (remembered from _should_drop's measure: no second read)
            if sizes is not None:
                elements += sizes.get(node.mem_id, 1)
        doomed.extend(_spare_items(root, root_len, dropped, level) if SPARE_ITEMS else dropped)
    rec = record.current()
    if rec is not None:
        from .explain import record_cleaning
        record_cleaning(rec, doomed, candidates)
    for node in doomed:
        try:
            node.decompose()
        except Exception:
            pass
    return chrome


def _trailing_links(root: LexborNode) -> list[LexborNode]:
    """Paragraphs that are one link, after the article's last paragraph of prose: pointers to
    other articles ("Read here another exciting post ...")."""
    out: list[LexborNode] = []
    for para in reversed(root.css("p")):
        length = text_len(para)
        if not length:
            continue
        if length > TRAILING_LINK_CHARS or link_density(para, length) < TRAILING_LINK_DENSITY:
            break
        out.append(para)
    return out if len(out) <= MAX_TRAILING_LINKS else []


_HEADING_SELECTOR = ",".join(sorted(P.HEADING_TAGS))
#: Blocks named as a title, which a comment system uses for its "Comments (5)" line.
_TITLED = ",div[id*=title],div[class*=title],div[id*=heading],div[class*=heading]"


def _comment_tail(root: LexborNode, root_len: int) -> list[LexborNode]:
    """Blogs set the reader comments as plain siblings of the post's paragraphs, under a
    heading ("Comments", "14 Responses") with nothing in their class names
    to say so (Movable Type, TypePad): from the first such heading on, the rest of the winner
    is the thread. Kept when less than :data:`.thresholds.COMMENT_TAIL_MIN_CHARS` of the
    winner precede it (the thread is the page), and when more such headings than a thread's
    and its form's stand in the winner (a Q&A page heads each answer's comments: the answers
    are the page)."""
    selector = _HEADING_SELECTOR + (_TITLED if COMMENTS_MARKER_WRAPPER else "")
    found = [heading for heading in root.css(selector)
             if P.comments_heading(heading.text(deep=True))]
    # (A titled block around a heading and the heading are one marker.)
    found = [h for i, h in enumerate(found) if not (i and inside(h, found[i - 1]))]
    for heading in found[:1] if len(found) <= MAX_COMMENT_HEADINGS else ():
        cut = heading
        # A wrapper holding only the heading (``div.commentform > h2``) goes with it.
        size = text_len(heading)
        while cut.parent is not None and cut.parent.mem_id != root.mem_id \
                and text_len(cut.parent) == size:
            cut = cut.parent
        tail: list[LexborNode] = []
        node = cut
        while node is not None and node.mem_id != root.mem_id:
            sib = node if node is cut else node.next
            while sib is not None:
                if sib.tag and not sib.tag.startswith("-"):
                    tail.append(sib)
                sib = sib.next
            node = node.parent
        if root_len - sum(text_len(n) for n in tail) < COMMENT_TAIL_MIN_CHARS:
            return []
        return tail
    return []


def _spare_items(root: LexborNode, root_len: int, dropped: list[LexborNode], level: int
                 ) -> list[LexborNode]:
    """Cleaning judges each block alone, and a product card or a listing row alone reads as
    a link list: on a collection page it would remove the collection. When the drops add up
    to most of the winner, keep the repeated items among them (a list of related links inside
    an article is small beside the article and is still removed)."""
    if not dropped or not root_len or level >= LOOSE:
        # (The loose pass keeps the chrome tags, and a mega menu's columns repeat too.)
        return dropped
    ids = {n.mem_id for n in dropped}
    top = [n for n in dropped if not any(a.mem_id in ids for a in _ancestors_to(n, root))]
    if sum(text_len(n) for n in top) <= ITEMS_MAX_LOSS * root_len:
        return dropped
    spared = {n.mem_id for n in top if _repeated(n, root)}
    return [n for n in dropped if n.mem_id not in spared
            and not any(a.mem_id in spared for a in _ancestors_to(n, root))]


def _ancestors_to(node: LexborNode, root: LexborNode):
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        yield parent
        parent = parent.parent


def _repeated(node: LexborNode, root: LexborNode) -> bool:
    """Whether ``node`` or an ancestor below ``root`` is one of several like siblings."""
    for item in (node, *_ancestors_to(node, root)):
        parent = item.parent
        if parent is None:
            return False
        key = (item.tag, item.attributes.get("class"))
        like = sum(1 for kid in children(parent)
                   if kid.tag == key[0] and kid.attributes.get("class") == key[1])
        if like >= MIN_REPEATED:
            return True
    return False


def _in_heading(node: LexborNode, root: LexborNode) -> bool:
    """Whether a heading below ``root`` encloses the element (asked only of the blocks about
    to be dropped)."""
    up = node.parent
    while up is not None and up.mem_id != root.mem_id:
        if up.tag in P.HEADING_TAGS:
            return True
        up = up.parent
    return False


def _in_aria_table(node: LexborNode, root: LexborNode) -> bool:
    """Whether the element is a part of a table drawn with ``<div role="table">`` and cells
    marked as such below ``root`` (asked only of the blocks about to be dropped): a cell's
    "string" is a table's datum, as short as a <td>'s, never debris."""
    up = node
    while up is not None and up.mem_id != root.mem_id:
        if (up.attributes.get("role") or "").lower() in ARIA_TABLE_ROLES:
            # (rows of cells marked so: a table the builder builds as one)
            return up.css_first(_CELL_SELECTOR) is not None
        up = up.parent
    return False


_CELL_SELECTOR = "[role=cell], [role=gridcell], [role=columnheader], [role=rowheader]"


def _in_pre(node: LexborNode, root: LexborNode) -> bool:
    """Whether a ``<pre>`` below ``root`` encloses the element."""
    up = node.parent
    while up is not None and up.mem_id != root.mem_id:
        if up.tag == "pre":
            return True
        up = up.parent
    return False


def _is_wrapper(node: LexborNode) -> bool:
    """A container whose only content is one element: judged through that element."""
    only = None
    # (every child node, the nameless ones reading as "-": a chain of ``.next`` rather than
    # ``iter()``, whose generator, left early, costs more to close than the walk)
    kid = node.child
    while kid is not None:
        tag = kid.tag
        if tag == "-text":
            if (kid.text_content or "").strip():
                return False
        elif not (tag or "-").startswith("-"):
            if only is not None:
                return False
            only = kid
        kid = kid.next
    return only is not None and only.tag in _CLEAN_TAGS


def _prose(node: LexborNode) -> int:
    """Characters of paragraph text outside links."""
    paras = node.css("p")
    if not paras:
        return 0
    total = sum(text_len(para) for para in paras)
    # Each paragraph's link characters, from one walk for the links of all of them (not a
    # walk per paragraph): a link counts once for every paragraph it sits in (a <p> can hold
    # a table holding another), as each paragraph's own walk would find it. (Integers: the
    # order they are summed in does not matter.)
    ids = {para.mem_id for para in paras}
    top = node.mem_id
    # (paragraphs among an element and its ancestors up to ``node``, remembered for the
    # elements passed: the next link stops where its path meets one already walked)
    around: dict[int, int] = {}
    for link in node.css("a"):
        if link.mem_id == top:
            continue  # (the element itself: no paragraph of it is around it)
        path: list[int] = []
        count = 0
        up = link.parent
        while up is not None:
            key = up.mem_id
            known = around.get(key)
            if known is not None:
                count = known
                break
            path.append(key)
            if key == top:
                break
            up = up.parent
        for key in reversed(path):
            if key in ids:
                count += 1
            around[key] = count
        if count:
            total -= count * text_len(link)
    return total



_NOT_SIGNUP = "img, picture, table, ul, ol, dl"


def _weak_label(node: LexborNode) -> bool:
    """Whether the class/id reads as chrome only through layout words ("widget", "hidden")."""
    words = label(node)
    return bool(words) and not P.NEGATIVE.search(P.WEAK_NEGATIVE.sub(" ", words))


def _parts(node: LexborNode) -> tuple[int, int, list[LexborNode]]:
    """How many ``<p>`` and ``<img>`` the element holds, and its ``<form>`` elements: one
    selector walk instead of three (the same elements as ``node.css`` of each tag). The same
    walk finds its links, whose characters :func:`.measure.link_density` reads next
    (:func:`_should_drop` asks for both): it need not walk the element again."""
    counts = {"p": 0, "img": 0}
    forms: list[LexborNode] = []
    anchors: list[LexborNode] = []
    for el in node.css("p, img, form, a"):
        tag = el.tag
        if tag == "a":
            anchors.append(el)
        elif tag == "form":
            forms.append(el)
        elif tag in counts:
            counts[tag] += 1
        else:  # (a name the type selector matched otherwise: ask each tag on its own)
            return len(node.css("p")), len(node.css("img")), node.css("form")
    note_links(node, anchors)
    return counts["p"], counts["img"], forms


def _should_drop(node: LexborNode, level: int, points: float, root_len: int) -> bool:
    """Readability's ``_cleanConditionally`` test for one container inside the winner: drop it
    when its class/id and score say chrome (strict and relaxed passes), or when its shape reads
    as an empty list, an image wall, form debris or a too-short fragment. Never drops a
    block holding most of the winner, prose with many commas, a captioned image, or a block
    with real paragraphs. ``points`` is the block's content score (0 when unscored)."""
    tag = node.tag or "-"
    text = node.text(deep=True)
    if CLEAN_MAX_HALF and text_len_of(node, text) > CLEAN_MAX_SHARE * root_len:
        # Never silently lose most of the article to one cleaning decision.
        return False
    weight = class_weight(node)
    text = " ".join(text.split())
    length = len(text)
    if WEAK_LABEL and weight < 0 and _weak_label(node) and _prose(node) >= WEAK_LABEL_PROSE and link_density(
            node) < WEAK_LABEL_DENSITY:
        return False
    if NEGATIVE_SCORE and weight + points < 0 and level < LOOSE and not (
            tag in ("ul", "ol", "dl") and weight >= 0 and link_density(node) < SCORED_LIST_DENSITY):
        # (A list's negative score is its tag weight against few short items, not evidence
        # of chrome: lists are judged by their links below.)
        return True
    if CONTENT_COMMAS_RULE and commas(text) >= CONTENT_COMMAS:
        return False
    if tag == "figure" and node.css_first("img") is not None:
        return False
    p, img, forms = _parts(node)
    # (Pruning strips the form controls themselves, so Readability's count of <input>s
    # reads the emptied <form>s that held them: a signup or search box keeps its bare form.
    # A shop's product card or spec sheet has one too, beside a picture, a table or a list:
    # not a signup box.)
    inputs = sum(1 for form in forms if text_len(form) < FORM_MAX_CHARS)
    if tag in ("ul", "ol"):
        # A list is dropped only when empty. (Dropping the link-dense ones as navigation, the
        # "link_lists" rule until 2026-12, lowered the tune split of every set and the check
        # split of two: inside the winner such a list is mostly the story's own references,
        # sources or steps; the teaser boxes go by their own rules, see teaser_ends.)
        return length < 1 and img == 0
    if PROSE_INSIDE and p and _prose(node) >= PROSE_INSIDE_CHARS:
        # Real paragraphs inside: link-heavy parts (a list of references) are judged alone.
        return False
    if tag == "table":
        # (Nor a table: "link tables" were dropped by density, which changed next to nothing.)
        return False
    if IMAGE_WALLS and img > 1 and p / img < IMAGE_WALL_PARAGRAPHS and length < IMAGE_WALL_MAX_CHARS:
        return True
    if FORM_DEBRIS and inputs > p / PARAGRAPHS_PER_FORM and inputs > 0 and not has_descendant(node, _NOT_SIGNUP):
        return True
    if SHORT_DEBRIS and length < DEBRIS_MAX_CHARS and img == 0 and not has_descendant(node, "pre, code, table, h1, h2, h3, h4, h5, h6") \
            and not (DEBRIS_LABELS and labels_prose(node)) \
            and not (TEXT_LINES and text_line(node)) \
            and not (BOX_TITLES and box_title(node)) \
            and not (SIGNATURE_LINES and signature_line(node)) \
            and not (ENTRY_HEADERS and entry_header(node, tag, label(node))):
        # (a live blog update's header: its timestamp alone is short, and the update's own)
        return True
    if not LINK_DENSITY:
        return False
    density = link_density(node)
    if HEADED_BLOCKS and density > LINK_DENSITY_LIMIT - 0.3 and headed_block(node, length):
        return False
    if weight < CLASS_WEIGHT and density > LOW_WEIGHT_DENSITY and length < WEIGHTED_MAX_CHARS and (
            density > LINK_DENSITY_LIMIT - weight / WEIGHT_DENSITY_DIVIDER):
        return True
    if weight >= CLASS_WEIGHT and density > LINK_DENSITY_LIMIT:
        return True
    return False
