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

# Keep `import convert` (and so `decruft --version`) cheap: the AST and the hook marker are
# small; everything else is imported on first use.
from .article import Article, Meta, Source  # noqa: E402
from .errors import DecruftError  # noqa: E402
from .hookspecs import PLUGIN_API_VERSION, hookimpl  # noqa: E402

if TYPE_CHECKING:
    from .api import apply_filters, detect_kind, parse, render, render_bundle
    from .formats import ReadContext, RenderOptions

__all__ = ["Article", "Meta", "Source", "DecruftError", "PLUGIN_API_VERSION", "hookimpl",
           "parse", "render", "render_bundle", "apply_filters", "detect_kind",
           "RenderOptions", "ReadContext", "__version__"]

_LAZY = {"parse": "api", "render": "api", "render_bundle": "api", "apply_filters": "api",
         "detect_kind": "api", "RenderOptions": "formats", "ReadContext": "formats"}


def __getattr__(name: str) -> Any:
    """Import the heavier parts of the public API on first use."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'convert' has no attribute {name!r}")
