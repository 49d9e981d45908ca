"""The ``json`` format (the AST, versioned) and ``jsonl`` (one compact article per line)."""

from __future__ import annotations

from typing import Sequence

from convert import Article, hookimpl
from convert.errors import FormatError
from convert.formats import FormatRegistry, RenderOptions
from convert.jsonio import dump_bytes

#: Indentation on a terminal, where the JSON is read by a person.
TERMINAL_INDENT = 2


def render_json(article: Article, options: RenderOptions) -> bytes:
    """Compact JSON (one line, like a ``jsonl`` line), indented on a terminal; ``-O indent=N``
    indents by ``N`` spaces anywhere, ``-O indent=none`` is compact anywhere. Compact is the
    default for files and pipes because indentation multiplies the size of big tables."""
    return dump_bytes(article, indent=_indent(options)) + b"\n"


def _indent(options: RenderOptions) -> int | None:
    asked = options.extra.get("indent")
    if asked is None:
        return TERMINAL_INDENT if options.terminal else None
    text = str(asked).strip().lower()
    if text in ("none", "no", "false", "compact", ""):
        return None
    if not text.isdigit() or int(text) > 16:
        raise FormatError(f"indent must be a number of spaces (0-16) or none, not {asked!r}")
    return int(text)


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
