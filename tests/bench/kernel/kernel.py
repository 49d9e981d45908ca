"""The optional native walk kernel (:mod:`._walk`, built with Cython when a compiler is
there): chosen at import, else None and every caller walks in pure Python. Setting
``DECRUFT_PURE_PYTHON=1`` forces the pure-Python walks (the tests run both ways: the answers
must be the same)."""
# (Parked here as a measured record, see README.md: it lived at
# convert/extract/html/kernel.py at commit b33eb28.)


from __future__ import annotations

import os
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import patterns as P


def _load():  # noqa: ANN202
    if os.environ.get("DECRUFT_PURE_PYTHON"):
        return None
    try:
        from . import _walk
    except ImportError:
        return None
    import selectolax.lexbor as lexbor

    # lexbor's tag ids, read off elements it creates rather than copied from its headers.
    tree = lexbor.LexborHTMLParser(b"<p>x</p>")
    names = P.PARAGRAPH_TAGS | P.CONTAINER_TAGS | P.BLOCK_TAGS | {"a", "p", "pre", "span"}
    ids = {n: _walk.tag_id(tree.create_node(n)) for n in names}
    ids["-text"] = _walk.tag_id(tree.css_first("p").child)
    ok = _walk.setup(lexbor.__file__, ids, [ids[n] for n in P.PARAGRAPH_TAGS | P.CONTAINER_TAGS],
                     [ids[n] for n in P.BLOCK_TAGS])
    return _walk if ok else None


#: The kernel module, or None.
KERNEL = _load()
#: A parse whose create_node() tells lexbor's id of a tag name.
_SAMPLE = LexborHTMLParser(b"")


_PLAIN_TAG = re.compile(r"[a-z][a-z0-9]*")
#: The tag-id table of each query :func:`select` was asked (None: not a plain tag list).
_TABLES: dict[str, bytes | None] = {}


def _table(query: str) -> bytes | None:
    table = _TABLES.get(query, b"")
    if table == b"":
        table = _TABLES[query] = _tag_table(query)
    return table


def _tag_table(query: str) -> bytes | None:
    """The 256-byte table marking the tag ids of a query that lists distinct plain tag names
    (``"p, img, li"``); None for any other query (ids, classes, combinators, repeats)."""
    names = [name.strip() for name in query.split(",")]
    if len(set(names)) != len(names) or not all(_PLAIN_TAG.fullmatch(n) for n in names):
        return None
    marks = bytearray(256)
    for name in names:
        tag = KERNEL.tag_id(_SAMPLE.create_node(name))
        if tag >= 256:  # (a name lexbor does not know: its id is not a static one)
            return None
        marks[tag] = 1
    return bytes(marks)


def select(node: LexborNode | LexborHTMLParser, query: str) -> list[LexborNode]:
    """``node.css(query)``: by the kernel's walk when the query lists plain tag names (no
    selector parse, no selector engine), else by selectolax."""
    if KERNEL is not None:
        table = _table(query)
        if table is not None:
            root = node.root if isinstance(node, LexborHTMLParser) else node
            if root is None:
                return []
            found = KERNEL.tag_select(root, table)
            if found is not None:
                return found
    return node.css(query)


def select_first(node: LexborNode, query: str) -> LexborNode | None:
    """``node.css_first(query)``, as :func:`select` finds it."""
    if KERNEL is not None:
        table = _table(query)
        if table is not None:
            found = KERNEL.tag_select(node, table, True)
            if found is not None:
                return found[0] if found else None
    return node.css_first(query)
