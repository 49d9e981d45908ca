"""The ``json`` format (the AST, versioned) and ``jsonl`` (one compact article per line)."""

from __future__ import annotations

from typing import Sequence

from convert import Article, hookimpl
from convert.formats import FormatRegistry, RenderOptions
from convert.jsonio import dump_bytes


def render_json(article: Article, options: RenderOptions) -> bytes:
    return dump_bytes(article, indent=2) + b"\n"


def render_jsonl(article: Article, options: RenderOptions) -> bytes:
    return dump_bytes(article, indent=None) + b"\n"


def bundle_jsonl(articles: Sequence[Article], options: RenderOptions) -> bytes:
    return b"".join(render_jsonl(a, options) for a in articles)


@hookimpl
def register_formats(registry: FormatRegistry) -> None:
    registry.add("json", render_json, extensions=["json"], media_type="application/json",
                 description="the article AST as versioned JSON (docs/article.schema.json)")
    registry.add("jsonl", render_jsonl, extensions=["jsonl", "ndjson"], bundle=bundle_jsonl,
                 concat=True, media_type="application/jsonl",
                 description="one compact JSON article per line, for batch pipelines")
