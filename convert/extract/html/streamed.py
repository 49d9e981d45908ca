"""The late segments of a streamed server render, put where the page's script puts them.

React's streaming render (and GitBook, Next.js app pages) sends the parts of a page that were
slow to render at the end of the body, each a hidden ``<div hidden id="S:2e">`` with a script
moving it into the ``<template id="P:2e">`` (or ``B:2e``) placeholder it replaces. A parse
runs no script: without this the article's later sections, a product's specifications or a
guide's code blocks sit hidden after everything else. The pipeline does it once per page,
before anything reads the tree (rule ``streamed_pages``).
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from convert.extract.lazyre import lazy

from .dom import inside

__all__ = ["reveal_streamed"]

#: The id of a late segment of a streamed server render and of its placeholder: React sends
#: ``<div hidden id="S:2e">`` at the end of the body with a script moving it to the
#: ``<template id="P:2e">`` (or ``B:2e``) it replaces.
_SEGMENT = lazy(r"S:([0-9a-z]+)")


def reveal_streamed(body: LexborNode) -> bool:
    """Put every hidden streamed segment in its placeholder, shown (in place when it has
    none): a page rendered so keeps its product details in them, and without the script a
    parse sees them hidden at the end. Whether there was any."""
    segments = [node for node in body.css('div[hidden][id^="S:"]')
                if _SEGMENT.fullmatch(node.attributes.get("id") or "")]
    if not segments:
        return False
    slots = {node.attributes.get("id"): node for node in body.css('template[id]')}
    # Last first: a segment may hold the placeholder of a later one, and moves with it.
    for segment in reversed(segments):
        key = segment.attributes["id"][2:]
        name = "P:" + key if "P:" + key in slots else "B:" + key
        slot = slots.get(name)
        if slot is not None and not inside(slot, segment):
            slot.insert_before(segment)  # inserts a copy
            moved = slot.prev
            # The placeholders inside the segment are the copy's now: the nodes found before
            # are freed with the original, and so is the one filled (a placeholder fills once).
            del slots[name]
            for node in segment.css("template[id]"):
                ident = node.attributes.get("id")
                if ident in slots and slots[ident].mem_id == node.mem_id:
                    del slots[ident]
            for node in moved.css("template[id]"):
                slots[node.attributes.get("id")] = node
            segment.decompose()
            slot.decompose()
            segment = moved
        if segment is not None and segment.tag == "div":
            del segment.attrs["hidden"]
    return True
