"""decruft: turn a noisy web page into a clean document.

The public API::

    import convert
    article = convert.parse(Path("page.html"))          # -> convert.Article
    data = convert.render(article, "md", front_matter=True)   # -> bytes
    book = convert.render_bundle([a, b], "epub", title="Digest")

Plugins implement the hooks in :mod:`convert.hookspecs` with :data:`hookimpl`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# `import convert` imports nothing else, so `decruft --version` costs only the interpreter's
# start: every public name is imported on first use (the AST and the hook marker need
# dataclasses and pluggy, ~10 ms).
if TYPE_CHECKING:
    from .api import apply_filters, detect_kind, parse, render, render_bundle
    from .article import Article, Meta, Source
    from .errors import DecruftError
    from .formats import ReadContext, RenderOptions
    from .hookspecs import PLUGIN_API_VERSION, hookimpl

__all__ = ["Article", "Meta", "Source", "DecruftError", "PLUGIN_API_VERSION", "hookimpl",
           "parse", "render", "render_bundle", "apply_filters", "detect_kind",
           "RenderOptions", "ReadContext", "__version__"]

_LAZY = {"Article": "article", "Meta": "article", "Source": "article",
         "DecruftError": "errors", "PLUGIN_API_VERSION": "hookspecs", "hookimpl": "hookspecs",
         "parse": "api", "render": "api", "render_bundle": "api", "apply_filters": "api",
         "detect_kind": "api", "RenderOptions": "formats", "ReadContext": "formats"}


def __getattr__(name: str) -> Any:
    """Import the heavier parts of the public API on first use."""
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value
    raise AttributeError(f"module 'convert' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
