"""An element built without some of its descendants: the walk the forum profile (a post
without its signature and reactions) and the service profile (a page's ``<main>`` without its
navigation and forms) share.

Only the elements that hold something to leave out are opened and built child by child; every
other child is built whole by the builder, as the cascade would. The walk uses a stack, so
markup nested thousands of levels deep is no recursion.
"""

from __future__ import annotations

from typing import Callable

from selectolax.lexbor import LexborNode

from convert.article import Block, Paragraph, Text
from convert.textutil import clean_text, squash

__all__ = ["LEAVE", "holders", "blocks_without"]

#: What a judge returns for a child to leave out.
LEAVE: list[Block] = []


def holders(root: LexborNode, selector: str, marked: Callable[[LexborNode], bool], *,
            root_marked: bool = False) -> set[int]:
    """The ``mem_id`` of the elements of ``root`` (``root`` included) that hold, below them,
    an element of ``selector`` that is ``marked``: the elements to open. One search of
    ``root``, each ancestor marked once. A marked ``root`` itself opens it only when
    ``root_marked`` (else it is not looked at)."""
    held: set[int] = set()
    root_id = root.mem_id
    for node in root.css(selector):  # (the root itself among them when it matches)
        if node.mem_id == root_id and not root_marked or not marked(node):
            continue
        up = node if node.mem_id == root_id else node.parent
        while up is not None and up.mem_id not in held:
            held.add(up.mem_id)
            if up.mem_id == root_id:
                break
            up = up.parent
    return held


def blocks_without(root: LexborNode, builder, held: set[int],  # noqa: ANN001
                   judge: Callable[[LexborNode], list[Block] | None]) -> list[Block]:
    """The blocks of ``root`` built child by child: a text child is a paragraph; an element
    child is what ``judge`` returns for it — :data:`LEAVE` to leave it out, the blocks to put
    for it, or ``None`` for the default: opened in turn when it is in ``held`` (see
    :func:`holders`), else built whole."""
    out: list[Block] = []
    stack = [root.child]
    while stack:
        child = stack.pop()
        if child is None:
            continue
        stack.append(child.next)
        tag = child.tag
        if tag == "-text":
            text = squash(clean_text(child.text_content or ""))
            if text:
                out.append(Paragraph((Text(text),)))
        elif tag and not tag.startswith("-"):
            verdict = judge(child)
            if verdict is LEAVE:
                continue
            if verdict is not None:
                out.extend(verdict)
            elif child.mem_id in held:
                stack.append(child.child)  # its children before its next sibling
            else:
                out.extend(builder.blocks_of(child, 0))
    return out
