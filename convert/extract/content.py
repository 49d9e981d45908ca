"""Finding the main content: prune, score, pick, merge siblings, clean.

The cascade (run by :func:`find_content`, each pass on a fresh parse):

1. **strict**: drop never-content elements, hidden elements, chrome tags (nav, footer, aside)
   and elements whose class/id/role reads as chrome (unless it also reads as content);
2. **relaxed**: keep class/id chrome words (sites misname their content wrappers);
3. **loose**: keep chrome tags too.

A pass is accepted when its content is long enough in absolute terms and against the page's
own visible text; otherwise the next pass runs and the longest result wins (Readability's
flag-relaxing retry). Scoring is Readability's: every paragraph-like block gives
``1 + commas + min(len/100, 3)`` to its ancestors (parent full, grandparent half, then
``1/(3·level)``), candidates start from a tag and class/id weight and end scaled by
``1 - link density``. Siblings of the winner that score well, or read as prose, join it.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P
from .dom import children, has_descendant, is_hidden

_BLOCK_SELECTOR = ",".join(sorted(P.BLOCK_TAGS - {"body", "html"}))

log = logging.getLogger("convert.extract")

STRICT, RELAXED, LOOSE = 0, 1, 2
LEVELS = (STRICT, RELAXED, LOOSE)
_PASS_NAMES = ("strict", "relaxed", "loose")

_TAG_WEIGHT = {
    "div": 5, "article": 10, "main": 10, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}
_PARAGRAPH_TAGS = frozenset({"p", "pre", "td", "blockquote", "dd", "li"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "span", "font", "center",
                             "td", "li", "dd", "header", "body"})


def _label(node: LexborNode) -> str:
    attrs = node.attributes
    return " ".join(v for v in (attrs.get("class"), attrs.get("id")) if v)


def class_weight(node: LexborNode) -> int:
    """+25 for content words in class/id, -25 for chrome words (Readability's weighting)."""
    label = _label(node)
    return _label_weight(label) if label else 0


@lru_cache(maxsize=4096)
def _label_weight(label: str) -> int:
    weight = 0
    if P.NEGATIVE.search(label):
        weight -= 25
    if P.POSITIVE.search(label):
        weight += 25
    return weight


def _describe(node: LexborNode) -> str:
    attrs = node.attributes
    out = node.tag
    if attrs.get("id"):
        out += "#" + attrs["id"]
    if attrs.get("class"):
        out += "." + ".".join(attrs["class"].split()[:3])
    return out


def text_len(node: LexborNode) -> int:
    return visible_chars(node.text(deep=True))


def visible_chars(text: str) -> int:
    """Characters other than whitespace (cheap: no split or regex over a 20 MB text)."""
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def link_density(node: LexborNode, length: int | None = None) -> float:
    total = text_len(node) if length is None else length
    if not total:
        return 0.0
    links = 0
    for a in node.css("a"):
        href = a.attributes.get("href") or ""
        weight = 0.3 if href.startswith("#") else 1.0
        links += weight * visible_chars(a.text(deep=True))
    return min(1.0, links / total)


# --------------------------------------------------------------------------- pruning

def prune(tree: LexborHTMLParser, level: int) -> None:
    """Remove never-content elements, hidden ones and (by pass level) page chrome."""
    tree.strip_tags(list(P.DROP_TAGS - {"-comment", "head", "title", "meta", "link", "base"}))
    body = tree.body
    if body is None:
        return
    doomed: list[LexborNode] = []
    body_len = text_len(body) or 1
    for node in body.traverse():
        tag = node.tag or "-"
        if tag == "-comment":
            doomed.append(node)
            continue
        if tag.startswith("-") or tag in ("body", "html"):
            continue
        if is_hidden(node):
            # Streaming-rendered pages (React's <div hidden id="S:0">, a body faded in with
            # visibility:hidden) hide the article until a script reveals it: a "hidden"
            # element holding most of the page's text is the page.
            if P.STREAMED_ID.match(node.attributes.get("id") or ""):
                continue
            if node.child is None or text_len(node) < 0.5 * body_len:
                doomed.append(node)
            continue
        if level >= LOOSE:
            continue
        role = (node.attributes.get("role") or "").lower()
        if tag in P.CHROME_TAGS or role in P.CHROME_ROLES or (
                tag == "header" and _outside_article(node)):
            doomed.append(node)
            continue
        if level >= RELAXED or tag in ("a", "article", "main", "table", "tbody", "tr", "td",
                                       "th", "p", "code", "pre", "figure", "img"):
            continue
        label = _label(node)
        if label and _unlikely(label):
            # A wrapper misnamed "...-sidebar-layout" can hold the whole article: keep it
            # (a list cannot be that wrapper).
            if tag in ("ul", "ol", "dl") or text_len(node) < 0.5 * body_len:
                doomed.append(node)
    for node in doomed:
        try:
            node.decompose()
        except Exception:  # already removed with an ancestor
            pass


@lru_cache(maxsize=4096)
def _unlikely(label: str) -> bool:
    return bool(P.UNLIKELY.search(label)) and not P.POSITIVE.search(label)


def _outside_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in ("article", "main"):
            return False
        parent = parent.parent
    return True


# --------------------------------------------------------------------------- scoring

@dataclass
class Candidate:
    node: LexborNode
    score: float
    depth: int = 0
    length: int = 0
    density: float = 0.0


@dataclass
class Content:
    """The winning nodes (in document order) and what the decision was based on."""

    nodes: list[LexborNode]
    length: int
    level: int
    notes: list[str] = field(default_factory=list)
    score: float = 0.0


def _paragraph_nodes(body: LexborNode) -> list[tuple[LexborNode, str]]:
    """Paragraph-like elements: <p>, <pre>, cells, and containers with no block children."""
    out: list[tuple[LexborNode, str]] = []
    for node in body.traverse():
        tag = node.tag or "-"
        if tag in _PARAGRAPH_TAGS or tag in _CONTAINER_TAGS:
            if tag not in ("p", "pre"):
                has_block = False
                has_text = False
                for kid in children(node):
                    ktag = kid.tag or "-"
                    if ktag in P.BLOCK_TAGS:
                        has_block = True
                        break
                    if ktag == "-text" and not has_text and (kid.text_content or "").strip():
                        has_text = True
                if has_block:
                    continue
                if tag == "span" and not has_text:
                    continue
            text = node.text(deep=True)
            if len(text) >= P.MIN_PARAGRAPH_CHARS:
                out.append((node, text))
    return out


def score(body: LexborNode) -> dict[int, Candidate]:
    candidates: dict[int, Candidate] = {}
    for node, text in _paragraph_nodes(body):
        text = " ".join(text.split())
        if len(text) < P.MIN_PARAGRAPH_CHARS:
            continue
        points = 1 + len(P.COMMA.findall(text)) + min(len(text) / 100, 3)
        ancestor = node.parent
        level = 0
        while ancestor is not None and level < P.SCORE_ANCESTORS:
            if ancestor.tag in ("html", "#document", "-document") or (ancestor.tag or "-").startswith("-"):
                break
            key = ancestor.mem_id
            cand = candidates.get(key)
            if cand is None:
                cand = Candidate(ancestor, _TAG_WEIGHT.get(ancestor.tag, 0) + class_weight(ancestor))
                candidates[key] = cand
            divider = 1 if level == 0 else (2 if level == 1 else level * 3)
            cand.score += points / divider
            ancestor = ancestor.parent
            level += 1
    return candidates


def _pick(body: LexborNode, candidates: dict[int, Candidate]) -> tuple[Candidate, list[str]]:
    notes: list[str] = []
    ranked = sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:12]
    for cand in ranked:
        cand.length = text_len(cand.node)
        cand.density = link_density(cand.node, cand.length)
        cand.score *= 1 - cand.density
    ranked.sort(key=lambda c: c.score, reverse=True)
    for cand in ranked[:8]:
        notes.append(f"candidate {_describe(cand.node)} score {cand.score:.1f} "
                     f"chars {cand.length} link density {cand.density:.2f}")
    top = ranked[0]

    # Several strong candidates under one ancestor: the article is split in blocks.
    strong = [c for c in ranked[1:6] if c.score >= 0.75 * top.score]
    moved = False
    if len(strong) >= P.MIN_SHARED_CANDIDATES:
        top_ancestors = _ancestors(top.node)
        for anc in top_ancestors:
            if anc.tag == "body":
                break
            shared = sum(1 for c in strong if _is_inside(c.node, anc))
            if shared >= P.MIN_SHARED_CANDIDATES:
                notes.append(f"moved up to {_describe(anc)}: holds {shared + 1} strong candidates")
                cand = candidates.get(anc.mem_id) or Candidate(anc, top.score)
                top = cand
                moved = True
                break
    if not moved:
        grouped = _same_class_ancestor(top, candidates)
        if grouped is not None:
            notes.append(f"moved up to {_describe(grouped.node)}: holds the winner's "
                         f"same-class parts")
            top = grouped

    # An enclosing <article> scoring nearly as well is the article the winner is part of.
    for anc in _ancestors(top.node):
        if anc.tag in ("body", "html"):
            break
        if anc.tag == "article":
            cand = candidates.get(anc.mem_id)
            if cand is not None and cand.score >= ARTICLE_SHARE * top.score:
                notes.append(f"moved up to the enclosing {_describe(anc)} "
                             f"(score {cand.score:.1f})")
                top = cand
            break

    # Climb while the parent scores better (the winner was one part of the article).
    last = top.score
    threshold = top.score / 3
    parent = top.node.parent
    while parent is not None and parent.tag != "body":
        pc = candidates.get(parent.mem_id)
        if pc is None:
            parent = parent.parent
            continue
        if pc.score < threshold:
            break
        if pc.score > last:
            notes.append(f"moved up to parent {_describe(parent)} (score {pc.score:.1f})")
            top = pc
            break
        last = pc.score
        parent = parent.parent
    # A lone child stands for its parent.
    node = top.node
    while node.parent is not None and node.parent.tag != "body" and _only_child(node):
        node = node.parent
    if node is not top.node:
        top = candidates.get(node.mem_id) or Candidate(node, top.score)
    return top, notes


#: An enclosing ``<article>`` scoring at least this share of the winner's score replaces it
#: (Readability's share for "strong" candidates).
ARTICLE_SHARE = 0.75

#: Parts of the winner's class scoring at least this share of its score are parts of the same
#: article (sections of a page builder, posts of a thread).
SAME_CLASS_SHARE = 0.25
#: An ancestor takes over when it holds at least this many such parts besides the winner.
MIN_SAME_CLASS = 2


def _same_class_ancestor(top: Candidate, candidates: dict[int, Candidate]) -> Candidate | None:
    """The article split in blocks that share the winner's class (``RichText``, ``post``):
    the nearest ancestor holding all of them (or None)."""
    cls = top.node.attributes.get("class")
    if not cls or top.node.tag == "body":
        return None
    parts = [c for c in candidates.values()
             if c is not top and c.node.attributes.get("class") == cls
             and c.score >= SAME_CLASS_SHARE * top.score]
    if len(parts) < MIN_SAME_CLASS:
        return None
    for c in parts:
        if not c.length:
            c.length = text_len(c.node)
            c.density = link_density(c.node, c.length)
            c.score *= 1 - c.density
    parts = [c for c in parts if c.score >= SAME_CLASS_SHARE * top.score]
    if len(parts) < MIN_SAME_CLASS:
        return None
    for anc in _ancestors(top.node):
        if anc.tag in ("body", "html"):
            return None
        if all(_is_inside(c.node, anc) for c in parts):
            return candidates.get(anc.mem_id) or Candidate(anc, top.score)
    return None


def _ancestors(node: LexborNode) -> list[LexborNode]:
    out = []
    parent = node.parent
    while parent is not None and parent.tag not in ("html", "-document"):
        out.append(parent)
        parent = parent.parent
    return out


def _is_inside(node: LexborNode, ancestor: LexborNode) -> bool:
    target = ancestor.mem_id
    parent = node.parent
    while parent is not None:
        if parent.mem_id == target:
            return True
        parent = parent.parent
    return False


def _only_child(node: LexborNode) -> bool:
    count = 0
    for kid in children(node.parent):
        if kid.tag == "-text":
            if (kid.text_content or "").strip():
                return False
            continue
        if (kid.tag or "-").startswith("-"):
            continue
        count += 1
    return count == 1


def _siblings(top: Candidate, candidates: dict[int, Candidate]) -> list[LexborNode]:
    parent = top.node.parent
    if parent is None:
        return [top.node]
    threshold = max(10.0, top.score * P.SIBLING_SHARE)
    top_class = top.node.attributes.get("class")
    out: list[LexborNode] = []
    for sib in children(parent):
        if sib.mem_id == top.node.mem_id:
            out.append(sib)
            continue
        if (sib.tag or "-").startswith("-"):
            continue
        cand = candidates.get(sib.mem_id)
        bonus = top.score * 0.2 if top_class and sib.attributes.get("class") == top_class else 0
        if cand is not None:
            if not cand.length:
                cand.length = text_len(sib)
                cand.density = link_density(sib, cand.length)
                cand.score *= 1 - cand.density
            if cand.score + bonus >= threshold:
                out.append(sib)
                continue
        if sib.tag == "p" or (sib.tag in ("div", "section") and not has_descendant(
                sib, _BLOCK_SELECTOR)):
            length = text_len(sib)
            density = link_density(sib, length)
            text = sib.text(deep=True).strip()
            if length > 80 and density < 0.25:
                out.append(sib)
            elif 0 < length <= 80 and density == 0 and text[-1:] in ".!?。":
                out.append(sib)
    return out


# --------------------------------------------------------------------------- figures

#: How many levels above the winner a lead figure is looked for (inside the article element).
FIGURE_SCOPE_LEVELS = 3


def _with_figures(nodes: list[LexborNode]) -> tuple[list[LexborNode], int]:
    """The winner's nodes plus the figures of the article they left out, in page order: a lead
    ``<figure>`` above the body (before or after the headline, in the article's header) and
    captioned figures beside it. Looked for among the siblings of the winner and, for a lead
    figure, of its ancestors up to the enclosing ``<article>``/``<main>`` (at most
    :data:`FIGURE_SCOPE_LEVELS` levels). Returns the nodes and how many figures were added."""
    first = nodes[0]
    parent = first.parent
    if parent is None:
        return nodes, 0
    chosen = {n.mem_id for n in nodes}
    out: list[LexborNode] = []
    pending: list[LexborNode] = []
    started = False
    for sib in children(parent):
        if sib.mem_id in chosen:
            out.extend(pending)
            pending = []
            out.append(sib)
            started = True
            continue
        if (sib.tag or "-").startswith("-"):
            continue
        if not started:
            out.extend(f for f in _figures_in(sib) if _lead_figure(f))
        else:
            pending.extend(f for f in _figures_in(sib, direct=True) if _lead_figure(f))
    out.extend(f for f in pending if _captioned(f))
    # Chosen nodes outside the first one's parent (none today) keep their place at the end.
    placed = {n.mem_id for n in out}
    out.extend(n for n in nodes if n.mem_id not in placed)
    lead: list[LexborNode] = []
    node = parent
    if node.tag not in ("article", "main"):
        for _ in range(FIGURE_SCOPE_LEVELS - 1):
            up = node.parent
            if up is None or up.tag in ("body", "html"):
                break
            found: list[LexborNode] = []
            for sib in children(up):
                if sib.mem_id == node.mem_id:
                    break
                if not (sib.tag or "-").startswith("-"):
                    found.extend(f for f in _figures_in(sib) if _lead_figure(f))
            lead = found + lead
            if up.tag in ("article", "main"):
                break
            node = up
    out = lead[:2] + out
    return out, len(out) - len(nodes)


def _figures_in(node: LexborNode, direct: bool = False) -> list[LexborNode]:
    if node.tag == "figure":
        return [node]
    if direct:
        return []
    return [f for f in node.css("figure")[:3] if f.parent is None or f.parent.tag != "figure"]


def _lead_figure(fig: LexborNode) -> bool:
    """An image figure that is not a teaser card (no heading, not mostly link text)."""
    if fig.css_first("img") is None or has_descendant(fig, "h1, h2, h3, h4, h5, h6"):
        return False
    length = text_len(fig)
    return not length or link_density(fig, length) < 0.5


def _captioned(fig: LexborNode) -> bool:
    return _lead_figure(fig) and fig.css_first("figcaption") is not None


# --------------------------------------------------------------------------- cleaning

_CLEAN_TAGS = ("div", "section", "ul", "ol", "table", "form", "aside", "header", "footer", "nav",
               "dl", "figure")
#: Upper bound on containers examined by conditional cleaning (keeps deep pages linear).
_MAX_CLEAN = 4000


def clean(nodes: list[LexborNode], level: int, candidates: dict[int, Candidate]) -> None:
    """Readability's conditional cleaning: drop link lists, image walls and form debris."""
    doomed: list[LexborNode] = []
    seen = 0
    # A block scoring nearly as well as the winner is content whatever its shape.
    keep = KEEP_SCORE_SHARE * max((candidates[n.mem_id].score for n in nodes
                                   if n.mem_id in candidates), default=0.0)
    for root in nodes:
        root_len = text_len(root)
        for node in root.css(",".join(_CLEAN_TAGS)):
            if node.mem_id == root.mem_id:
                continue
            seen += 1
            if seen > _MAX_CLEAN:
                break
            if _is_wrapper(node):
                continue
            cand = candidates.get(node.mem_id)
            if cand is not None and keep > 0 and cand.score >= keep:
                continue
            if _should_drop(node, level, cand.score if cand is not None else 0.0, root_len):
                doomed.append(node)
    for node in doomed:
        try:
            node.decompose()
        except Exception:
            pass


#: Conditional cleaning keeps an element scoring at least this share of the winner's score
#: (Readability's share for a "strong" candidate).
KEEP_SCORE_SHARE = 0.75

#: Conditional cleaning never removes an element holding more than this share of the winner.
CLEAN_MAX_SHARE = 0.5


def _is_wrapper(node: LexborNode) -> bool:
    """A container whose only content is one element: judged through that element."""
    only = None
    for kid in children(node):
        if kid.tag == "-text":
            if (kid.text_content or "").strip():
                return False
        elif not (kid.tag or "-").startswith("-"):
            if only is not None:
                return False
            only = kid
    return only is not None and only.tag in _CLEAN_TAGS


def _prose(node: LexborNode) -> int:
    """Characters of paragraph text outside links."""
    total = 0
    for para in node.css("p"):
        total += text_len(para) - _link_chars(para)
    return total


def _link_chars(node: LexborNode) -> int:
    return sum(visible_chars(a.text(deep=True)) for a in node.css("a"))


#: Characters of paragraph prose that outweigh a layout-ish class word (see WEAK_NEGATIVE).
WEAK_LABEL_PROSE = 200


def _weak_label(node: LexborNode) -> bool:
    """Whether the class/id reads as chrome only through layout words ("widget", "hidden")."""
    label = _label(node)
    return bool(label) and not P.NEGATIVE.search(P.WEAK_NEGATIVE.sub(" ", label))


def _should_drop(node: LexborNode, level: int, points: float, root_len: int) -> bool:
    tag = node.tag or "-"
    text = node.text(deep=True)
    if visible_chars(text) > CLEAN_MAX_SHARE * root_len:
        # Never silently lose most of the article to one cleaning decision.
        return False
    weight = class_weight(node)
    text = " ".join(text.split())
    length = len(text)
    if weight < 0 and _weak_label(node) and _prose(node) >= WEAK_LABEL_PROSE and link_density(
            node) < 0.3:
        return False
    if weight + points < 0 and level < LOOSE and not (
            tag in ("ul", "ol", "dl") and weight >= 0 and link_density(node) < 0.5):
        # (A list's negative score is its tag weight against few short items, not evidence
        # of chrome: lists are judged by their links below.)
        return True
    if len(P.COMMA.findall(text)) >= 10:
        return False
    if tag == "figure" and node.css_first("img") is not None:
        return False
    p = len(node.css("p"))
    img = len(node.css("img"))
    li = len(node.css("li")) - 100
    inputs = len(node.css("input"))
    density = link_density(node)
    if tag in ("ul", "ol"):
        # A list of links is navigation; a list of sentences is content.
        return density > 0.6 and length < 2000 or (length < 1 and img == 0)
    if p and _prose(node) >= 100:
        # Real paragraphs inside: link-heavy parts (a list of references) are judged alone.
        return False
    if tag == "table":
        return density > 0.5 and length < 1000
    if img > 1 and p / img < 0.5 and length < 200:
        return True
    if tag not in ("ul", "ol") and li > p and length < 500:
        return True
    if inputs > p / 3 and inputs > 0:
        return True
    if length < 25 and img == 0 and not has_descendant(node, "pre, code, table, h1, h2, h3, h4, h5, h6"):
        return True
    if weight < 25 and density > 0.2 and length < 1000 and density > 0.5 - weight / 200:
        return True
    if weight >= 25 and density > 0.5:
        return True
    return False


# --------------------------------------------------------------------------- driver

def visible_text_len(tree: LexborHTMLParser) -> int:
    body = tree.body
    return text_len(body) if body is not None else 0


def extract_pass(tree: LexborHTMLParser, level: int) -> Content | None:
    prune(tree, level)
    body = tree.body
    if body is None:
        return None
    candidates = score(body)
    if not candidates:
        length = text_len(body)
        return Content([body], length, level, ["no scored paragraphs: whole body"]) if length else None
    top, notes = _pick(body, candidates)
    nodes = _siblings(top, candidates) if top.node.tag != "body" else [top.node]
    if top.node.tag != "body":
        nodes, added = _with_figures(nodes)
        if added:
            notes.append(f"added {added} figure(s) beside the winner")
    clean(nodes, level, candidates)
    length = sum(text_len(n) for n in nodes)
    notes.append(f"winner {_describe(top.node)} score {top.score:.1f} with "
                 f"{len(nodes) - 1} sibling(s), {length} chars after cleaning")
    return Content(nodes, length, level, notes, top.score)


#: A relaxed pass that finds another region wins over an earlier pass that fell back to the
#: whole body when its winner scores this many times as much (the strict rules had removed
#: the article's real container).
RELAXED_SCORE_FACTOR = 2.0

_NOSCRIPT = re.compile(r"<(/?)noscript\b", re.IGNORECASE)


def _unwrap_noscript(html: str, page: LexborHTMLParser) -> tuple[str, bool]:
    """Pages that render with scripts and give crawlers the article inside ``<noscript>``
    (Discourse forums, some SPAs): when the noscript text outweighs the visible text, parse
    it as markup. ``page`` is an untouched parse of ``html``; returns the markup to use and
    whether it changed."""
    raw = [n.text(deep=True) for n in page.css("body noscript")]
    if sum(len(r) for r in raw) < 2000:
        return html, False
    # The parser keeps noscript content as raw markup: count the text it would show.
    noscript = 0
    for markup in raw:
        inner = LexborHTMLParser(markup)
        inner.strip_tags(list(P.DROP_TAGS - {"-comment"}))
        noscript += visible_text_len(inner)
    if noscript < 1000:
        return html, False
    probe = LexborHTMLParser(html)
    probe.strip_tags(list(P.DROP_TAGS - {"-comment"}))
    visible = visible_text_len(probe)
    if noscript <= visible:
        return html, False
    log.debug("noscript holds %d chars against %d visible: parsing it as markup", noscript,
              visible)
    return _NOSCRIPT.sub(lambda m: f"<{m.group(1)}div data-noscript", html), True


def _text_of(content: Content) -> str:
    return " ".join(" ".join(n.text(deep=True).split()) for n in content.nodes)


def _extends(new: Content, old: Content) -> bool:
    """Whether a relaxed pass found *more of the same* article rather than another region:
    most samples of the old text reappear in the new one."""
    old_text = _text_of(old)
    new_text = _text_of(new)
    if len(old_text) < 200:
        return True
    step = max(1, (len(old_text) - 40) // 5)
    samples = [old_text[i:i + 40] for i in range(0, len(old_text) - 40, step)][:5]
    return sum(1 for sample in samples if sample in new_text) >= 0.8 * len(samples)


def find_content(html: str, page: LexborHTMLParser | None = None
                 ) -> tuple[LexborHTMLParser, Content | None]:
    """Run the cascade; return the tree the winning nodes live in and the winner.

    ``page`` is a parse of ``html`` the caller no longer needs (it is modified here): it
    saves a parse for the page-level measurements."""
    if page is None:
        page = LexborHTMLParser(html)
    html, changed = _unwrap_noscript(html, page)
    if changed:
        page = LexborHTMLParser(html)
    page.strip_tags(list(P.DROP_TAGS - {"-comment"}))
    page_len = visible_text_len(page)
    del page
    best: tuple[LexborHTMLParser, Content] | None = None
    for level in LEVELS:
        tree = LexborHTMLParser(html)
        content = extract_pass(tree, level)
        if content is None:
            log.debug("pass %s: nothing found", _PASS_NAMES[level])
            continue
        for note in content.notes:
            log.debug("pass %s: %s", _PASS_NAMES[level], note)
        # A relaxed pass wins only by finding more of the same article (not another region).
        if best is None or content.length > best[1].length * 1.1 and (
                best[1].length < P.MIN_ARTICLE_CHARS or _extends(content, best[1])
                or best[1].nodes[0].tag == "body"
                and content.score >= RELAXED_SCORE_FACTOR * best[1].score):
            best = (tree, content)
        if content.length >= P.MIN_ARTICLE_CHARS and content.length >= P.MIN_ARTICLE_SHARE * min(
                page_len, 20000):
            break
        log.debug("pass %s kept %d of %d visible chars: relaxing", _PASS_NAMES[level],
                  content.length, page_len)
    if best is None:
        return LexborHTMLParser(html), None
    log.debug("chose the %s pass (%d chars)", _PASS_NAMES[best[1].level], best[1].length)
    return best
