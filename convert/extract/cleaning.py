"""Conditional cleaning inside the winner (Readability's ``_cleanConditionally``): drop link
lists, image walls and form debris, never most of the article at once."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from . import patterns as P
from .dom import children, has_descendant
from .measure import LOOSE, class_weight, label, link_density, text_len, visible_chars
from .scoring import Candidate


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
    words = label(node)
    return bool(words) and not P.NEGATIVE.search(P.WEAK_NEGATIVE.sub(" ", words))


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
