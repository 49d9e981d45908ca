"""Running plugin code at the boundary: a failure becomes one line naming the plugin, and
what a plugin hands back is checked (or normalised) before decruft uses it.

Readers, transforms and writers are called only through :func:`run_reader`,
:func:`run_transform` and :func:`run_render` (re-exported by :mod:`convert.plugins`).
"""

from __future__ import annotations

import dataclasses
import logging
from types import MappingProxyType
from typing import Any, Callable, Mapping

from .article import Article
from .errors import DecruftError, PluginError
from .formats import Format, ReadContext, Reader, RenderOptions, Transform

log = logging.getLogger("convert.plugins")


def is_builtin(plugin: str) -> bool:
    """Whether ``plugin`` (a registered plugin name) is one of decruft's own."""
    from .plugins import is_builtin as builtin

    return builtin(plugin)


def guarded(plugin: str, what: str, func: Callable[..., Any], *args: Any) -> Any:
    """Run plugin code; an unexpected exception becomes a :class:`PluginError` naming it."""
    try:
        return func(*args)
    except DecruftError:
        raise
    except Exception as exc:
        # The page fails with one line; --debug (logging at DEBUG) also shows where.
        log.debug("plugin %r failed in %s", plugin, what, exc_info=True)
        raise PluginError(f"plugin {plugin!r} failed in {what}: "
                          f"{type(exc).__name__}: {exc}") from exc


def run_reader(reader: Reader, data: bytes, ctx: ReadContext) -> Article:
    """``reader.parse`` with its failure and its result checked (see :func:`check_article`)."""
    what = f"reader {reader.name!r}"
    return check_article(guarded(reader.plugin, what, reader.parse, data, ctx),
                         reader.plugin, what)


def run_transform(tr: Transform, article: Article,
                  options: Mapping[str, Any] | None = None) -> Article:
    """``tr.apply``, given the ``-O`` options if it takes them, with its result checked."""
    what = f"filter {tr.name!r}"
    args: tuple[Any, ...] = (article,)
    if tr.takes_options:
        args = (article, MappingProxyType(dict(options or {})))
    return check_article(guarded(tr.plugin, what, tr.apply, *args), tr.plugin, what)


def run_render(fmt: Format, article: Article, options: RenderOptions) -> bytes:
    """``fmt.render``; anything but bytes is refused, naming the plugin (decruft does not
    guess the encoding of a ``str``)."""
    return check_bytes(guarded(fmt.plugin, f"render of {fmt.name!r}", fmt.render, article,
                               options), fmt.plugin, f"render of {fmt.name!r}")


def check_bytes(out: Any, plugin: str, what: str) -> bytes:
    if isinstance(out, (bytes, bytearray, memoryview)):
        return bytes(out)
    hint = " (encode the text, e.g. as UTF-8)" if isinstance(out, str) else ""
    raise PluginError(f"plugin {plugin!r}: {what} returned {type(out).__name__}, "
                      f"not bytes{hint}")


def check_article(result: Any, plugin: str, what: str) -> Article:
    """A plugin's article as decruft can use it, or a :class:`PluginError` naming the plugin.

    Lists where the AST has tuples are normalised to tuples (an easy slip that works in some
    writers and breaks others). Anything else that would not survive a JSON round trip (a
    wrong node type, a list in ``meta.extra``, a missing field) is refused. Built-in plugins
    are trusted, so the built-in readers pay nothing for this.
    """
    if not isinstance(result, Article):
        raise PluginError(f"plugin {plugin!r}: {what} returned {type(result).__name__}, "
                          "not an Article")
    if is_builtin(plugin):
        return result
    from .jsonio import from_envelope, to_envelope

    article = _as_tuples(result)
    try:
        from_envelope(to_envelope(article))
    except Exception as exc:  # whatever the malformed tree raises, it is the plugin's
        detail = str(exc).removeprefix("invalid decruft JSON at ")
        raise PluginError(f"plugin {plugin!r}: {what} returned an invalid article: "
                          f"{detail}") from None
    return article


def _as_tuples(node: Any) -> Any:
    """``node`` with every list inside it (at any depth) turned into a tuple."""
    if isinstance(node, (list, tuple)):
        items = tuple(_as_tuples(n) for n in node)
        same = isinstance(node, tuple) and all(a is b for a, b in zip(items, node))
        return node if same else items
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        changes = {}
        for f in dataclasses.fields(node):
            value = getattr(node, f.name)
            new = _as_tuples(value)
            if new is not value:
                changes[f.name] = new
        return dataclasses.replace(node, **changes) if changes else node
    return node
