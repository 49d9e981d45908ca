"""Figures of the article left outside the winning container: a lead figure above the body,
captioned figures beside it."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.ablation import rule
from .dom import children, has_descendant
from .measure import link_density, text_len
from .thresholds import (
    FIGURES_PER_SIBLING, FIGURE_MAX_DENSITY, FIGURE_SCOPE_LEVELS, MAX_LEAD_FIGURES,
)

LEAD_FIGURES = rule("lead_figures", "lead figures above the winner are added to it")
SIDE_FIGURES = rule("side_figures", "captioned figures beside the winner are added to it")


def with_figures(nodes: list[LexborNode]) -> tuple[list[LexborNode], int]:
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
        if not started and LEAD_FIGURES:
            out.extend(f for f in _figures_in(sib) if _lead_figure(f))
        elif started and SIDE_FIGURES:
            pending.extend(f for f in _figures_in(sib, direct=True) if _lead_figure(f))
    out.extend(f for f in pending if _captioned(f))
    # Chosen nodes outside the first one's parent (none today) keep their place at the end.
    placed = {n.mem_id for n in out}
    out.extend(n for n in nodes if n.mem_id not in placed)
    lead: list[LexborNode] = []
    node = parent
    if node.tag not in ("article", "main") and LEAD_FIGURES:
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
    out = lead[:MAX_LEAD_FIGURES] + out
    return out, len(out) - len(nodes)


def _figures_in(node: LexborNode, direct: bool = False) -> list[LexborNode]:
    if node.tag == "figure":
        return [node]
    if direct:
        return []
    return [f for f in node.css("figure")[:FIGURES_PER_SIBLING] if f.parent is None or f.parent.tag != "figure"]


def _lead_figure(fig: LexborNode) -> bool:
    """An image figure that is not a teaser card (no heading, not mostly link text)."""
    if fig.css_first("img") is None or has_descendant(fig, "h1, h2, h3, h4, h5, h6"):
        return False
    length = text_len(fig)
    return not length or link_density(fig, length) < FIGURE_MAX_DENSITY


def _captioned(fig: LexborNode) -> bool:
    return _lead_figure(fig) and fig.css_first("figcaption") is not None
