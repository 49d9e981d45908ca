"""The plugin hooks. These docstrings are the reference documentation of the plugin API.

A plugin is a module (or object) with functions named like the hooks below, decorated with
``convert.hookimpl``, advertised under the ``decruft`` entry-point group::

    [project.entry-points.decruft]
    reader_view = "decruft_reader_view"

Every hook takes keyword arguments; an implementation may accept only the ones it needs.
A name registered by two plugins is reported naming both (a built-in's name stays the
built-in's; a name two third-party plugins claim is refused when used), never a silent
override. What readers and transforms return is checked where it leaves the plugin.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    import typer

    from .formats import FormatRegistry, ReaderRegistry, TransformRegistry

#: Bumped on a breaking change to the hooks, the registries or the AST. Plugins may check
#: ``convert.PLUGIN_API_VERSION`` (a minor bump only adds things: 1.1 added readers'
#: ``extensions`` and transforms' ``takes_options``; 1.2 added ``Meta.price``,
#: ``Meta.price_currency`` and ``Meta.availability``).
PLUGIN_API_VERSION = "1.2"

hookspec = pluggy.HookspecMarker("decruft")
hookimpl = pluggy.HookimplMarker("decruft")


@hookspec
def register_formats(registry: FormatRegistry) -> None:
    """Add output formats.

    :param registry: call ``registry.add(name, render, extensions=[...], binary=...,
        bundle=..., media_type=..., description=...)``. ``render(article, options)`` returns
        the output as ``bytes`` (a ``str`` is refused, naming the plugin: decruft does not
        guess encodings); ``bundle(articles, options)``, if given, renders several
        articles into one document. Import heavy libraries inside ``render``, not at module
        level, so that other formats do not pay for them.

    A name registered twice (by two plugins) is an error that names both; an extension
    claimed by two formats is a warning naming both (the first claim keeps it).
    """


@hookspec
def register_readers(registry: ReaderRegistry) -> None:
    """Add input readers (like a site-specific extractor, or a new input format).

    :param registry: call ``registry.add(name, parse, sniff=..., priority=..., description=...,
        extensions=...)``. ``parse(data: bytes, context: ReadContext) -> Article`` builds the
        article; ``sniff(data, context) -> bool`` claims an input under ``--from auto`` (by URL
        or host in ``context.location``, or by content); a sniffer that raises is reported
        once and its reader skipped. ``extensions`` (without the dot) are the files the reader
        reads: ``-r DIR`` picks them up, and ``--from auto`` gives files so named to the
        reader when no sniffer claimed them. Users pick a reader explicitly with
        ``--from NAME``.
    """


@hookspec
def register_transforms(registry: TransformRegistry) -> None:
    """Add AST transforms, the equivalent of pandoc filters.

    :param registry: call ``registry.add(name, apply, description=..., auto=False,
        takes_options=False)``. ``apply(article) -> Article`` returns a new article (the AST
        is immutable: use ``dataclasses.replace``); with ``takes_options=True`` it is called
        as ``apply(article, options)``, ``options`` being the ``-O KEY=VALUE`` mapping.
        Transforms run after parsing, in the order given with ``--filter NAME``;
        ``auto=True`` transforms run on every article first.
    """


@hookspec
def register_commands(cli: typer.Typer) -> None:
    """Add subcommands to the ``decruft`` command line.

    :param cli: the root :class:`typer.Typer` application; use ``@cli.command()``.

    A command named like an existing one (a core command or another plugin's) is dropped with
    a warning naming the plugin. An exception in a command is one line naming the plugin,
    exit status 1 (``DECRUFT_DEBUG=1`` adds the traceback).
    """
