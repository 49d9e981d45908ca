"""The ``txt`` format: the body as plain text, blocks separated by blank lines, no markup.

This is the form extraction benchmarks and text corpora use, so it holds the body only: no
title line, no metadata, and by default no figure captions or photo credits (a caption is not
running text; human-made news golds leave it out). ``-O captions=keep`` keeps them, each where
its figure stands. A table is a line per row, its cells tab-separated and kept in their
columns (spanned cells leave empty cells), never broken inside a cell. A superscript or
subscript is written in Unicode's superscript/subscript forms when every character of it has
one (``x²``, ``H₂O``, ``SO₄²⁻``, a note mark ``¹²``: digits, ``+ - − = ( )``), else plain
(``1st``, ``[1]``): plain text has no other way to keep x² apart from x2.
"""

from __future__ import annotations

from typing import Sequence

from convert import Article, hookimpl
from convert.formats import FormatRegistry, RenderOptions
from convert.textutil import article_text, clean_text


_KEEP = {"keep", "yes", "true", "1", "on"}


def render_text(article: Article, options: RenderOptions) -> bytes:
    keep = str(options.extra.get("captions", "drop")).strip().lower() in _KEEP
    # A lone surrogate in a hand-made AST cannot be encoded: drop it as every writer does.
    text = clean_text(article_text(article, captions=keep, grid=True, scripts=True))
    return (text + "\n").encode("utf-8") if text else b""


def bundle_text(articles: Sequence[Article], options: RenderOptions) -> bytes:
    # A form feed between articles: plain text, yet still splittable by a script.
    return b"\f\n".join(render_text(a, options) for a in articles)


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("txt", render_text, extensions=["txt", "text"], bundle=bundle_text,
                 media_type="text/plain", description="the body as plain text (no markup)")
