"""AST invariants: immutability, the closed node set, the block/inline split, cheap import."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import typing

import pytest

from convert import article as ast
from convert.textutil import article_text, clean_text


def test_nodes_are_frozen(rich_article):
    with pytest.raises(dataclasses.FrozenInstanceError):
        rich_article.meta.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        rich_article.blocks[0].level = 1  # type: ignore[misc]


def test_type_tags_are_unique_and_closed():
    tags = [c.type for c in (*ast.INLINE_TYPES, *ast.BLOCK_TYPES)]
    assert len(tags) == len(set(tags))
    assert set(typing.get_args(ast.Inline)) == set(ast.INLINE_TYPES)
    assert set(typing.get_args(ast.Block)) == set(ast.BLOCK_TYPES)


def test_block_inline_split_in_annotations():
    """A field named children holds inlines; a field named blocks holds blocks."""
    for cls in (*ast.INLINE_TYPES, *ast.BLOCK_TYPES, ast.ListItem, ast.TableCell):
        hints = typing.get_type_hints(cls, vars(ast))
        if "children" in hints:
            assert hints["children"] == tuple[ast.Inline, ...], cls
        if "blocks" in hints:
            assert hints["blocks"] == tuple[ast.Block, ...], cls


def test_every_node_type_in_fixture(rich_article):
    seen = set()

    def walk(node):
        if dataclasses.is_dataclass(node):
            seen.add(node.type)
            for f in dataclasses.fields(node):
                walk(getattr(node, f.name))
        elif isinstance(node, tuple):
            for n in node:
                walk(n)

    walk(rich_article)
    assert {c.type for c in (*ast.INLINE_TYPES, *ast.BLOCK_TYPES)} <= seen


def test_article_text_is_plain(rich_article):
    text = article_text(rich_article)
    assert "Plain, emph strong gone x2 H2O code() a link" in text
    assert "nested" in text and "h1\th2" in text and "Cap Credit" in text
    assert "<" not in text and "*" not in text


def test_clean_text_drops_xml_illegal_characters():
    assert clean_text("a\x00b\x0bc\ud800d\ufffee\tf\n") == "abcde\tf\n"


def test_import_is_cheap():
    """`import convert` must not pull in parsers, writers or the CLI framework."""
    code = ("import sys, convert; heavy = [m for m in ('selectolax', 'docx', 'ebooklib', "
            "'markdownify', 'lxml', 'typer', 'rich', 'convert.extract') if m in sys.modules]; "
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_inline_text_survives_deep_nesting():
    from convert.article import Emphasis, LineBreak, Text
    from convert.textutil import inline_text

    node = Text("deep")
    for _ in range(5000):  # far past Python's default recursion limit
        node = Emphasis((node,))
    assert inline_text((node, LineBreak(), Text("x"))) == "deep\nx"
    assert inline_text((node, LineBreak(), Text("x")), line_break=" ") == "deep x"


def test_clean_text_drops_invisible_controls():
    assert clean_text("a\x7fb\x80c\x85d\x9fe\ufefff") == "abcdef"
    # Format characters with a job stay: ZWSP, ZWNJ/ZWJ, bidi marks, soft hyphen, word joiner.
    kept = "ก\u200bข \u200c\u200d \u200e\u200f \u00ad \u2060"
    assert clean_text(kept) == kept
