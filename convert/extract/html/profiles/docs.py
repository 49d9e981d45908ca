"""Documentation pages: the page's own body with its code blocks and tables, without the
sidebar navigation and the on-page table of contents.

A documentation page splits its body into many headed sections (a module's functions, an
API's endpoints), each with code blocks and tables that score little as prose, so the
generic cascade can keep one section. The documentation profile widens the strict winner as
the service profile does (the sidebar navigation is already pruned, and it is links) and then
drops the on-page table of contents: a list whose items are all links to anchors of the page.
"""

from __future__ import annotations

from convert.article import Block, Div, Link, List
from convert.extract.ablation import rule

__all__ = ["without_toc", "DOCS_PROFILE"]

DOCS_PROFILE = rule("docs_profile", "on a documentation page the strict winner widens to the "
                    "page's whole body, without its on-page table of contents")

#: A list is a table of contents when it has at least this many items...
TOC_MIN_ITEMS = 3


def without_toc(blocks: list[Block]) -> list[Block]:
    """The blocks without lists (also nested in sections) whose every item is a link to an
    anchor of the page (``#section``)."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, List) and _is_toc(block):
            continue
        if isinstance(block, Div):
            inner = without_toc(list(block.blocks))
            if inner:
                out.append(Div(tuple(inner), block.role))
            continue
        out.append(block)
    return out


def _is_toc(block: List) -> bool:
    if len(block.items) < TOC_MIN_ITEMS:
        return False
    for item in block.items:
        first = item.blocks[0] if item.blocks else None
        children = getattr(first, "children", ())
        links = [c for c in children if isinstance(c, Link)]
        if not links or not all(_anchor(link.url) for link in links):
            return False
    return True


def _anchor(url: str) -> bool:
    return url.startswith("#") or "#" in url.rsplit("/", 1)[-1]
