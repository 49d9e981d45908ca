"""Registries that plugins fill: output formats, input readers and AST transforms.

Plugins receive these objects in the ``register_*`` hooks (see :mod:`convert.hookspecs`) and
call ``add``. A name can be registered once: a second plugin claiming ``md`` is an error naming
both plugins, never a silent override.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence

from .article import Article
from .errors import FormatError

__all__ = ["RenderOptions", "Format", "Reader", "ReadContext", "Transform", "FormatRegistry",
           "ReaderRegistry", "TransformRegistry"]


@dataclass(frozen=True)
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


#: Renders one article to bytes.
Renderer = Callable[[Article, RenderOptions], bytes]
#: Renders several articles into one document (an EPUB with a chapter per article, ...).
BundleRenderer = Callable[[Sequence[Article], RenderOptions], bytes]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class ReadContext:
    """What a reader knows about the input besides its bytes."""

    #: File path or URL of the input; ``None`` for standard input.
    location: str | None = None
    #: Base URL for relative links, when it differs from ``location``.
    base_url: str | None = None
    #: Charset from an HTTP ``Content-Type`` header, if the bytes came over HTTP.
    http_charset: str | None = None


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class Transform:
    """An AST transform (the equivalent of a pandoc filter)."""

    name: str
    apply: Callable[[Article], Article]
    description: str = ""
    #: Applied to every article after parsing, not only when named with ``--filter``.
    auto: bool = False
    plugin: str = ""


class _Registry:
    _kind = "item"

    def __init__(self) -> None:
        self._items: dict[str, Any] = {}
        #: Set by the plugin manager while a plugin's hook runs, so entries know their origin.
        self.current_plugin = ""

    def _put(self, name: str, item: Any) -> None:
        if not name or not isinstance(name, str):
            raise FormatError(f"plugin {self.current_plugin!r} registered a {self._kind} "
                              "without a name")
        if name in self._items:
            raise FormatError(f"{self._kind} {name!r} registered twice: by "
                              f"{self._items[name].plugin!r} and by {self.current_plugin!r}")
        self._items[name] = item

    def __iter__(self) -> Iterator[Any]:
        return iter(self._items.values())

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __len__(self) -> int:
        return len(self._items)

    def names(self) -> list[str]:
        return list(self._items)

    def _get(self, name: str, unknown: str) -> Any:
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
        """Register an output format; raises :class:`FormatError` if the name is taken."""
        fmt = Format(name=name, render=render, extensions=tuple(e.lstrip(".") for e in extensions),
                     binary=binary, bundle=bundle, media_type=media_type,
                     description=description, concat=concat, plugin=self.current_plugin)
        self._put(name, fmt)
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
            description: str = "") -> Reader:
        """Register an input reader; raises :class:`FormatError` if the name is taken."""
        reader = Reader(name=name, parse=parse, sniff=sniff, priority=priority,
                        description=description, plugin=self.current_plugin)
        self._put(name, reader)
        return reader

    def get(self, name: str) -> Reader:
        return self._get(name, "unknown input kind {name!r} (known: auto, {known})")

    def sniffers(self) -> list[Reader]:
        return sorted((r for r in self._items.values() if r.sniff is not None),
                      key=lambda r: -r.priority)


class TransformRegistry(_Registry):
    """AST transforms by name. Passed to ``register_transforms``."""

    _kind = "transform"

    def add(self, name: str, apply: Callable[[Article], Article], *, description: str = "",
            auto: bool = False) -> Transform:
        """Register a transform; ``auto=True`` applies it to every article."""
        tr = Transform(name=name, apply=apply, description=description, auto=auto,
                       plugin=self.current_plugin)
        self._put(name, tr)
        return tr

    def get(self, name: str) -> Transform:
        return self._get(name, "unknown filter {name!r} (registered: {known})")
