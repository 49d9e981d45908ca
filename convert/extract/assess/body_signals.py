"""Signals of the extraction itself: how much text the body holds, and of what shape."""

from __future__ import annotations

import math
from typing import Iterable

from convert.article import Block

__all__ = ["body_signals"]


def body_signals(blocks: Iterable[Block], page_chars: int) -> dict[str, float]:
    """``body:*`` signals of the extracted blocks; ``page_chars`` is the page's visible text
    (0 when unknown), for the share of it the body kept."""
    counts = {"paragraph": 0, "heading": 0, "item": 0, "table": 0, "code": 0, "figure": 0,
              "quote": 0}
    chars = [0, 0]  # outside, inside links
    stack: list = [(b, 0) for b in blocks]
    top = len(stack)
    while stack:
        node, linked = stack.pop()
        t = node.type
        if t == "text" or t == "code_block" or t == "code":
            chars[linked] += len(node.text)
            if t == "code_block":
                counts["code"] += 1
            continue
        if t == "paragraph" or t == "heading":
            # (the common block, read without the generic walk's attribute probes; most hold
            # one text)
            counts[t] += 1
            kids = node.children
            if len(kids) == 1 and kids[0].type == "text":
                chars[linked] += len(kids[0].text)
            else:
                stack.extend((c, linked) for c in kids)
            continue
        if t == "link":
            stack.extend((c, 1) for c in node.children)
        elif t == "list":
            counts["item"] += len(node.items)
            stack.extend((i, linked) for i in node.items)
        elif t == "table":
            counts["table"] += 1
            for row in (*node.head, *node.body):
                for cell in row.cells:
                    stack.extend((c, linked) for c in cell.blocks)
        elif t == "figure":
            counts["figure"] += 1
            stack.extend((c, linked) for c in (*node.caption, *node.credit))
        else:
            if t in counts:
                counts[t] += 1
            if hasattr(node, "blocks"):
                stack.extend((c, linked) for c in node.blocks)
            elif hasattr(node, "children"):
                stack.extend((c, linked) for c in node.children)
    total = chars[0] + chars[1]
    out = {"body:" + k: math.log1p(v) for k, v in counts.items() if v}
    out["body:blocks"] = math.log1p(top)
    out["body:chars"] = math.log1p(total)
    out["body:links"] = chars[1] / total if total else 0.0
    if page_chars:
        out["body:share"] = min(total / page_chars, 1.5)
    if counts["paragraph"]:
        out["body:para_len"] = math.log1p(total / counts["paragraph"])
    return out
