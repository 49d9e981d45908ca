"""The built-in input readers, registered like any plugin's: ``html``, ``text`` and ``json``.

The parsers are imported inside each reader so that reading JSON never loads the HTML
extractor, and ``decruft --help`` loads neither.
"""

from __future__ import annotations

from .article import Article
from .formats import ReadContext, ReaderRegistry
from .hookspecs import hookimpl

#: The name this module is registered under as a plugin (:data:`convert.plugins.CORE_PLUGINS`
#: are named after their module): its readers expect a page and get no binary input.
PLUGIN_NAME = __name__.rsplit(".", 1)[-1]


def _html(data: bytes, ctx: ReadContext) -> Article:
    from .extract.html import parse_html

    return parse_html(data, location=ctx.location, base_url=ctx.base_url,
                      http_charset=ctx.http_charset)


def _text(data: bytes, ctx: ReadContext) -> Article:
    from .extract.text import parse_text

    return parse_text(data, location=ctx.location)


def _json(data: bytes, ctx: ReadContext) -> Article:
    from .jsonio import loads
    from .safety import scrub

    # Anyone can write decruft JSON: it gets the guarantees a page reader gives (no controls,
    # no script URLs) before any writer sees it.
    return scrub(loads(data, location=ctx.location))


@hookimpl
def register_readers(registry: ReaderRegistry) -> None:
    """Register the built-in readers: html, text and json."""
    registry.add("html", _html, description="an HTML page: the article is extracted")
    registry.add("text", _text, description="a plain-text dump of a whole page")
    registry.add("json", _json, description="a decruft JSON article (as written by -t json)")
