"""Registries that plugins fill: output formats, input readers and AST transforms.

Plugins receive these objects in the ``register_*`` hooks (see :mod:`convert.hookspecs`) and
call ``add``. A name can be registered once: a second plugin claiming ``md`` is an error naming
both plugins, never a silent override. ``add`` does not raise for a taken name (the plugin's
other entries still register): the clash is recorded in ``problems``, which the plugin manager
reports. A name claimed by a built-in plugin stays the built-in's; a name two third-party
plugins claim is refused when used, since there is no telling which one the user meant.
A file extension claimed twice is a warning naming both; the first claim keeps it.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Callable, Iterator, Mapping, Sequence

from .article import Article
from .errors import FormatError
from .nodeclass import NodeFactory

__all__ = ["RenderOptions", "Format", "Reader", "ReadContext", "Transform", "FormatRegistry",
           "ReaderRegistry", "TransformRegistry"]

# Frozen dataclasses (with a __dict__, as dataclass(frozen=True) makes them), made the cheap
# way of convert.nodeclass; _frozen.finish() below gives them their __init__.
_frozen = NodeFactory(slots=False)


@_frozen
class RenderOptions:
    """Options every writer receives. Writers ignore what does not apply to them."""

    #: Markdown: start with a YAML front-matter block of the metadata.
    front_matter: bool = False
    #: Bundles: the book/document title (default: derived from the articles).
    title: str | None = None
    #: Include images (DOCX/EPUB embed the ones whose bytes are available).
    images: bool = True
    #: Markdown/HTML: inline available images as ``data:`` URIs.
    embed_images: bool = False
    #: Plugin-specific options (``-O key=value`` on the command line).
    extra: Mapping[str, Any] = field(default_factory=dict)
    #: The output is shown on a terminal (standard output is one): a text format may favour
    #: reading over size there (``json`` is indented on a terminal, compact elsewhere).
    terminal: bool = False


#: Renders one article to bytes.
Renderer = Callable[[Article, RenderOptions], bytes]
#: Renders several articles into one document (an EPUB with a chapter per article, ...).
BundleRenderer = Callable[[Sequence[Article], RenderOptions], bytes]


@_frozen
class Format:
    """An output format, as registered by a plugin."""

    name: str
    render: Renderer
    #: File extensions without the dot; the first is used for output names.
    extensions: tuple[str, ...]
    #: Binary formats refuse to write to a terminal.
    binary: bool = False
    bundle: BundleRenderer | None = None
    media_type: str = "application/octet-stream"
    description: str = ""
    #: Outputs of several articles can simply be concatenated (JSON Lines): the CLI then
    #: streams them to stdout in input order instead of waiting to bundle them.
    concat: bool = False
    #: Name of the plugin that registered the format (filled in by the registry).
    plugin: str = ""


@_frozen
class ReadContext:
    """What a reader knows about the input besides its bytes."""

    #: File path or URL of the input; ``None`` for standard input.
    location: str | None = None
    #: Base URL for relative links, when it differs from ``location``.
    base_url: str | None = None
    #: Charset from an HTTP ``Content-Type`` header, if the bytes came over HTTP.
    http_charset: str | None = None


@_frozen
class Reader:
    """An input reader: turns bytes into an :class:`Article`."""

    name: str
    parse: Callable[[bytes, ReadContext], Article]
    #: Returns True when the reader claims an input under ``--from auto``. Readers with a
    #: sniffer are asked in order of ``priority`` (highest first) before the built-in sniffing.
    sniff: Callable[[bytes, ReadContext], bool] | None = None
    priority: int = 0
    description: str = ""
    plugin: str = ""
    #: File extensions (without the dot) of the files this reader reads: ``-r DIR`` picks them
    #: up, and under ``--from auto`` a file so named goes to this reader when no sniffer
    #: claimed it first.
    extensions: tuple[str, ...] = ()


@_frozen
class Transform:
    """An AST transform (the equivalent of a pandoc filter)."""

    name: str
    apply: Callable[[Article], Article]
    description: str = ""
    #: Applied to every article after parsing, not only when named with ``--filter``.
    auto: bool = False
    plugin: str = ""
    #: ``apply(article, options)`` receives the ``-O KEY=VALUE`` options as a mapping.
    takes_options: bool = False


_frozen.finish()
del _frozen


class _Registry:
    _kind = "item"

    def __init__(self) -> None:
        self._items: dict[str, Any] = {}
        #: Set by the plugin manager while a plugin's hook runs, so entries know their origin.
        self.current_plugin = ""
        #: Plugins whose names win a clash (the built-ins; set by the plugin manager).
        self.protected: frozenset[str] = frozenset()
        #: Clashes and other registration problems, one line each (the manager reports them).
        self.problems: list[str] = []
        #: Names claimed by two third-party plugins: name -> (first plugin, second plugin).
        self._contested: dict[str, tuple[str, str]] = {}

    def _put(self, name: str, item: Any) -> bool:
        """Store ``item``; a clash is recorded in ``problems`` and the item is dropped."""
        if not name or not isinstance(name, str):
            raise FormatError(f"plugin {self.current_plugin!r} registered a {self._kind} "
                              "without a name")
        if name in self._items:
            first = self._items[name].plugin
            msg = (f"{self._kind} {name!r} registered twice: by {first!r} and by "
                   f"{self.current_plugin!r}")
            if first in self.protected:
                self.problems.append(f"{msg}; the built-in one is kept")
            else:
                self._contested[name] = (first, self.current_plugin)
                self.problems.append(f"{msg}; using it is an error until one of them is "
                                     "uninstalled or blocked (DECRUFT_BLOCK_PLUGINS)")
            return False
        self._items[name] = item
        return True

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items.values())

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> list[str]:
        return list(self._items)

    def _claim_extensions(self, item: Any) -> None:
        """Warn about extensions another entry already claims (the first claim keeps them)."""
        for ext in item.extensions:
            for other in self._items.values():
                if other is not item and ext in other.extensions:
                    self.problems.append(
                        f"extension '.{ext}' claimed by {self._kind} {other.name!r} (plugin "
                        f"{other.plugin!r}) and by {self._kind} {item.name!r} (plugin "
                        f"{item.plugin!r}); '.{ext}' means {other.name!r}")
                    break

    def _get(self, name: str, unknown: str) -> Any:
        if name in self._contested:
            first, second = self._contested[name]
            raise FormatError(f"{self._kind} {name!r} is registered by two plugins, {first!r} "
                              f"and {second!r}: block one with DECRUFT_BLOCK_PLUGINS")
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise FormatError(unknown.format(name=name, known=known)) from None


class FormatRegistry(_Registry):
    """Output formats by name. Passed to ``register_formats``."""

    _kind = "format"

    def add(self, name: str, render: Renderer, *, extensions: Sequence[str],
            binary: bool = False, bundle: BundleRenderer | None = None,
            media_type: str = "application/octet-stream", description: str = "",
            concat: bool = False) -> Format:
        """Register an output format. A taken name or extension is reported (naming both
        plugins), never a silent override."""
        fmt = Format(name=name, render=render, extensions=_extensions(extensions),
                     binary=binary, bundle=bundle, media_type=media_type,
                     description=description, concat=concat, plugin=self.current_plugin)
        if self._put(name, fmt):
            self._claim_extensions(fmt)
        return fmt

    def get(self, name: str) -> Format:
        return self._get(name, "unknown format {name!r} (known: {known})")

    def for_extension(self, ext: str) -> Format | None:
        """The format whose extensions include ``ext`` (with or without the dot)."""
        ext = ext.lower().lstrip(".")
        for fmt in self._items.values():
            if ext in fmt.extensions:
                return fmt
        return None


class ReaderRegistry(_Registry):
    """Input readers by name. Passed to ``register_readers``."""

    _kind = "reader"

    def add(self, name: str, parse: Callable[[bytes, ReadContext], Article], *,
            sniff: Callable[[bytes, ReadContext], bool] | None = None, priority: int = 0,
            description: str = "", extensions: Sequence[str] = ()) -> Reader:
        """Register an input reader. A taken name is reported (naming both plugins), never a
        silent override."""
        reader = Reader(name=name, parse=parse, sniff=sniff, priority=priority,
                        description=description, plugin=self.current_plugin,
                        extensions=_extensions(extensions))
        if self._put(name, reader):
            self._claim_extensions(reader)
        return reader

    def get(self, name: str) -> Reader:
        return self._get(name, "unknown input kind {name!r} (known: auto, {known})")

    def sniffers(self) -> list[Reader]:
        return sorted((r for r in self._items.values() if r.sniff is not None),
                      key=lambda r: -r.priority)

    def extensions(self) -> tuple[str, ...]:
        """Every extension a reader declared, with the dot (for directory walks)."""
        return tuple(dict.fromkeys(f".{e}" for r in self._items.values() for e in r.extensions))

    def for_location(self, location: str | None) -> Reader | None:
        """The first reader whose declared extensions end ``location`` (case-insensitive)."""
        name = (location or "").lower()
        for reader in self._items.values():
            if any(name.endswith(f".{e}") for e in reader.extensions):
                return reader
        return None


class TransformRegistry(_Registry):
    """AST transforms by name. Passed to ``register_transforms``."""

    _kind = "transform"

    def add(self, name: str, apply: Callable[..., Article], *, description: str = "",
            auto: bool = False, takes_options: bool = False) -> Transform:
        """Register a transform; ``auto=True`` applies it to every article;
        ``takes_options=True`` calls ``apply(article, options)`` with the ``-O`` options."""
        tr = Transform(name=name, apply=apply, description=description, auto=auto,
                       plugin=self.current_plugin, takes_options=takes_options)
        self._put(name, tr)
        return tr

    def get(self, name: str) -> Transform:
        return self._get(name, "unknown filter {name!r} (registered: {known})")


def _extensions(extensions: Sequence[str]) -> tuple[str, ...]:
    if isinstance(extensions, str):  # extensions="org" would otherwise claim .o, .r and .g
        extensions = (extensions,)
    return tuple(e.lower().lstrip(".") for e in extensions)
