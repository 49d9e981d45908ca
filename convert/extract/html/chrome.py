"""Blocks named as boilerplate: an element whose class or id names a related-posts box, a
share bar, a comment section, a newsletter or an author box. Inside the winner the cleaning
drops them whatever their score (:func:`chrome_blocks`); the siblings pass leaves them out and
the cascade asks whether its winner sits in one (:func:`named_chrome`, :func:`in_named_chrome`)."""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from . import patterns as P
from .dom import inside
from .prune import GATED_STORY
from .measure import Candidate, label, text_len
from .thresholds import CLEAN_MAX_SHARE, GATED_PROSE_CHARS, MAX_NAME_PARTS
from ..lazyre import lazy

__all__ = ["CHROME_BLOCKS", "RECENT_LISTS", "chrome_blocks", "named_chrome", "in_named_chrome"]

CHROME_BLOCKS = rule("chrome_blocks", "blocks named as boilerplate inside the winner are dropped")
RECENT_LISTS = rule("recent_lists", "a block named as a 'recent posts' box is named boilerplate")
MORE_LISTS = rule("more_lists", "a block named as a 'more stories' box (more-episodes, "
                  "more-posts) is named boilerplate")
DATA_CELLS = rule("data_cells", "a table's data cell (a <td>/<th> beside other cells, holding no "
                  "block) is never named boilerplate: a 'comments' column is data")
_BLOCKS = "p, div, ul, ol, dl, table, section, article, aside, form, h1, h2, h3, h4, h5, h6"


def chrome_blocks(root: LexborNode, root_len: int, candidates: dict[int, Candidate]
                  ) -> list[LexborNode]:
    """Blocks inside the winner named as boilerplate by one of their class/id tokens (related
    posts, share bars, comment sections, newsletter and author boxes): dropped whatever their
    score, since their teasers and bios read as prose. The pruning passes miss them when
    another token reads as content (``jp-relatedposts``, ``post-author``)."""
    out: list[LexborNode] = []
    best: LexborNode | None = None
    if not CHROME_BLOCKS:
        return out
    for node in root.css("[class],[id]"):
        if node.mem_id == root.mem_id or not named_chrome(node):
            continue
        if out and (node.mem_id == out[-1].mem_id or inside(node, out[-1])):
            continue
        if DATA_CELLS and node.tag in ("td", "th") and _data_cell(node):
            # A metadata table's "Comments:" row (a paper's "22 pages, 9 figures"), a sheet's
            # "Share" column: the cell's name says which column it is, not that it is chrome;
            # dropping it garbles the row. (A layout table's cell holds blocks.)
            continue
        if GATED_STORY and P.GATE.search(label(node)) and sum(
                text_len(p) for p in node.css("p")) >= GATED_PROSE_CHARS:
            # The story behind the paywall, not its notice.
            continue
        if text_len(node) > CLEAN_MAX_SHARE * root_len:
            # A long list of related-post summaries can outweigh a short article: what must
            # not go at once is the article's best-scoring block (a misnamed wrapper holds it).
            if best is None:
                best = _best_block(root, candidates)
            if best is not None and inside(best, node):
                continue
        out.append(node)
    return out


def _data_cell(cell: LexborNode) -> bool:
    """Whether a ``<td>``/``<th>`` is a data cell: its row holds another cell, and it holds no
    block (paragraphs, lists, a nested table) as a layout table's cells do."""
    row = cell.parent
    if row is None or row.tag != "tr":
        return False
    cells = sum(1 for c in row.iter() if c.tag in ("td", "th"))
    return cells > 1 and cell.css_first(_BLOCKS) is None


def named_chrome(node: LexborNode) -> bool:
    """Whether the element's class/id names a boilerplate block (see :func:`_chrome_label`)."""
    attrs = node.attributes
    return _chrome_label(attrs.get("class") or "", attrs.get("id") or "")


def in_named_chrome(node: LexborNode) -> bool:
    """Whether the element or one of its ancestors is a named boilerplate block (a carousel
    of related pages can outscore a short article in the strict pass)."""
    while node is not None and node.tag not in ("body", "html"):
        if named_chrome(node):
            return True
        node = node.parent
    return False


def _best_block(root: LexborNode, candidates: dict[int, Candidate]) -> LexborNode | None:
    """The best-scoring scored block inside ``root`` (paragraph points, not link-scaled)."""
    best, top = None, 0.0
    for cand in candidates.values():
        if cand.score > top and cand.node.mem_id != root.mem_id and inside(cand.node, root):
            best, top = cand.node, cand.score
    return best


@lru_cache(maxsize=4096)
def _chrome_label(cls: str, ident: str) -> bool:
    """Some class/id token names boilerplate and no other token names content. An id of
    many words is a heading's anchor (``sharing-with-a-single-developer``), not a name."""
    tokens = cls.split()
    if ident and len(_ID_PARTS.split(ident)) <= MAX_NAME_PARTS:
        tokens.append(ident)
    chrome = [t for t in tokens if _chrome_token(t)]
    return bool(chrome) and not any(P.POSITIVE.search(t) for t in tokens if t not in chrome)


@lru_cache(maxsize=4096)
def _chrome_token(token: str) -> bool:
    """A boilerplate word at the head of the token (``comments``, ``jp-relatedposts``,
    ``entry-author-info``), not deep in a component's path (``course-testimonials-comments``).
    (Cached: tokens repeat across class strings, each string cached in :func:`_chrome_label`.)"""
    match = P.CHROME_TOKEN.search(token) or (P.RECENT_LIST.search(token) if RECENT_LISTS
                                             else None) or (
        P.MORE_LIST.search(token) if MORE_LISTS else None)
    return match is not None and len(_ID_PARTS.findall(token, 0, match.start())) <= 1


_ID_PARTS = lazy(r"[-_]+")
