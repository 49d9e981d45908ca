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
        dropped: list[LexborNode] = []
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
                dropped.append(node)
        doomed.extend(_spare_items(root, root_len, dropped, level))
    for node in doomed:
        try:
            node.decompose()
        except Exception:
            pass


#: When cleaning would take more than this share of a winner's text...
ITEMS_MAX_LOSS = 0.5
#: ...the elements repeated at least this many times side by side (same tag and class: the
#: cards of a product grid, the rows of a listing) are kept.
MIN_REPEATED = 3


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
