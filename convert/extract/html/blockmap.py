"""Rewrite a body's leaf blocks in place of their containers: the walk that line-level
cleanups (:mod:`.mailsig`, :mod:`.qacards`) share. Sections (:class:`~convert.article.Div`)
and list items are entered; every other block is a leaf, given to the caller's function."""

from __future__ import annotations

from typing import Callable

from convert.article import Block, Div, List, ListItem

__all__ = ["map_leaves"]


def map_leaves(blocks: list[Block], leaf: Callable[[Block], Block | None]) -> list[Block]:
    """``blocks`` with each leaf replaced by ``leaf(block)`` (``None`` drops it; a section or
    list emptied so goes too); the very same list when nothing changed, so a caller can tell
    by identity."""
    out: list[Block] = []
    changed = False
    for block in blocks:
        new = _one(block, leaf)
        if new is not block:
            changed = True
        if new is not None:
            out.append(new)
    return out if changed else blocks


def _one(block: Block, leaf: Callable[[Block], Block | None]) -> Block | None:
    if isinstance(block, Div):
        old = list(block.blocks)
        inner = map_leaves(old, leaf)
        if inner is old:
            return block
        return Div(tuple(inner), block.role) if inner else None
    if isinstance(block, List):
        items = []
        changed = False
        for item in block.items:
            old = list(item.blocks)
            inner = map_leaves(old, leaf)
            if inner is not old:
                changed = True
            if inner:
                items.append(ListItem(tuple(inner)))
        if not changed:
            return block
        return List(tuple(items), block.ordered, block.start) if items else None
    return leaf(block)
