"""The library API the CLI is a thin shell over: parse bytes into an Article, render it."""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any, Mapping, Sequence

from .article import Article
from .errors import FormatError, InputError, PluginError
from .formats import ReadContext, Reader, RenderOptions
from . import plugins
from .readers import PLUGIN_NAME as BUILTIN_READERS

#: Inputs larger than this are refused before parsing (override with DECRUFT_MAX_INPUT_BYTES).
MAX_INPUT_BYTES = int(os.environ.get("DECRUFT_MAX_INPUT_BYTES", 64 * 1024 * 1024))


def detect_kind(data: bytes, context: ReadContext | None = None) -> str:
    """The reader name ``--from auto`` picks for these bytes: a plugin reader that claims them
    (by its sniffer, else by a file extension it declared), else ``html``, ``text`` or
    ``json`` by content (the built-in kinds never by file name)."""
    claimant = _claimant(data, context or ReadContext())
    if claimant is not None:
        return claimant.name
    from .extract.sniff import sniff_kind

    return sniff_kind(data)


def _claimant(data: bytes, ctx: ReadContext) -> Reader | None:
    """The first reader, by priority, whose sniffer claims the bytes, else the reader that
    declared the file's extension, or None."""
    registry = plugins.readers()
    for reader in registry.sniffers():
        try:
            claimed = plugins.guarded(reader.plugin, f"sniff of reader {reader.name!r}",
                                      reader.sniff, data, ctx)  # type: ignore[arg-type]
        except PluginError as exc:
            # A broken sniffer must not fail pages it would never have claimed.
            plugins.warn_once(str(exc))
            continue
        if claimed:
            return reader
    return registry.for_location(ctx.location)


def _pick_reader(data: bytes, kind: str, ctx: ReadContext) -> Reader:
    """Readers first: the reader named by ``kind``, else one whose sniffer claims the bytes,
    gets them as they are, so a plugin can read a binary format (PDF, DOCX, MHTML). Only
    decruft's own readers, which expect a page, are guarded by the binary refusal."""
    registry = plugins.readers()
    if kind == "auto":
        claimant = _claimant(data, ctx)
        # By name, so that a name two plugins registered is refused here as well.
        reader = registry.get(claimant.name) if claimant is not None else None
    else:
        reader = registry.get(kind)
    if reader is None or reader.plugin == BUILTIN_READERS:
        _refuse_binary(data)
    if reader is None:
        from .extract.sniff import sniff_kind

        reader = registry.get(sniff_kind(data))
    return reader


def read_input(path: Path) -> bytes:
    """The bytes of the file at ``path``, at most :data:`MAX_INPUT_BYTES` and one more (which
    :func:`parse` refuses): a device or a pipe has no size to check first (``/dev/zero``,
    ``<(curl ...)``), and reading it whole could take all the memory there is.

    :raises InputError: a folder, a file over the limit, or one that cannot be read.
    """
    try:
        if path.is_dir():
            raise InputError("is a directory")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"larger than the input limit of {MAX_INPUT_BYTES} bytes")
        with open(path, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def parse(source: bytes | str | os.PathLike[str], *, kind: str = "auto",
          location: str | None = None, base_url: str | None = None,
          http_charset: str | None = None, filters: Sequence[str] = (),
          filter_options: Mapping[str, Any] | None = None) -> Article:
    """Parse a page into an :class:`Article`.

    :param source: the page's bytes, its text, or a path to read.
    :param kind: ``auto`` (sniff the content), ``html``, ``text``, ``json`` or a plugin
        reader's name.
    :param location: the file path or URL the bytes came from (recorded as the source and
        used as the base for relative links when it is a URL).
    :param filters: names of registered transforms to apply after parsing, in order.
    :param filter_options: the ``-O`` options, for transforms that take options.
    :raises DecruftError: for any expected failure, with a one-line message (a plugin's
        failure is a :class:`PluginError` naming the plugin).
    """
    _check_optional_str(location=location, base_url=base_url, http_charset=http_charset)
    if isinstance(filters, str):
        filters = (filters,)  # one name, not its letters
    if isinstance(source, os.PathLike):
        path = Path(source)
        location = location or str(path)
        data = read_input(path)
    elif isinstance(source, str):
        data = source.encode("utf-8", "replace")  # a lone surrogate raised
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    else:
        # bytes(5) is five NUL bytes, bytes(10**11) a 100 GB allocation, bytes([60]) '<'
        raise TypeError(f"parse() takes the page's bytes, its text or a path (os.PathLike), "
                        f"not {type(source).__name__}")
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"larger than the input limit of {MAX_INPUT_BYTES} bytes")
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    if not data.strip():
        raise InputError("empty input")
    ctx = ReadContext(location=location, base_url=base_url, http_charset=http_charset)
    reader = _pick_reader(data, kind, ctx)
    # A parse allocates hundreds of thousands of objects and frees them by reference count;
    # the cyclic collector, triggered every few hundred allocations, finds nothing to free
    # yet rescans the growing heap (measured: 2-3 % of the instructions of a 5 MB page, 5-7 %
    # of the CPU of a 50k-paragraph one). It is paused for the parse and runs as usual
    # afterwards. If it was off, it stays off; with threads, one thread's parse may run
    # another's with it on (only slower, never wrong).
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        article = plugins.run_reader(reader, data, ctx)
    finally:
        if paused:
            gc.enable()
    return apply_filters(article, filters, filter_options)


def _check_optional_str(**values: object) -> None:
    for name, value in values.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")


def _check_articles(articles: Sequence[Article], what: str) -> list[Article]:
    """The articles as a list, or a TypeError naming the caller's mistake (a plugin given
    None failed inside and was blamed for it)."""
    if isinstance(articles, (str, bytes, Article)) or not hasattr(articles, "__iter__"):
        raise TypeError(f"{what}() takes a sequence of Article objects, "
                        f"not {type(articles).__name__}")
    items = list(articles)
    for item in items:
        if not isinstance(item, Article):
            raise TypeError(f"{what}() takes Article objects (from convert.parse), "
                            f"not {type(item).__name__}")
    return items


def _gunzip(data: bytes) -> bytes:
    """Decompress a gzip input, refusing more than MAX_INPUT_BYTES (a gzip bomb)."""
    import zlib

    # Every member, as gunzip does: 'cat a.gz b.gz' (or a gzip written in pieces) is one
    # stream, and reading only the first member dropped the rest without a word. The input
    # goes in by chunks: zlib copies what follows a member's end into unused_data, which
    # for the whole rest of the input made 300,000 tiny members quadratic.
    chunk = 1 << 16
    view = memoryview(data)
    parts: list[bytes] = []
    size = pos = 0
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while True:
        piece = view[pos:pos + chunk]
        pos += len(piece)
        try:
            part = d.decompress(piece, MAX_INPUT_BYTES + 1 - size)
        except zlib.error as exc:
            raise InputError(f"broken gzip data: {exc}") from None
        parts.append(part)
        size += len(part)
        if size > MAX_INPUT_BYTES or d.unconsumed_tail:
            raise InputError(
                f"decompresses to more than the input limit of {MAX_INPUT_BYTES} bytes")
        if d.eof:
            pos -= len(d.unused_data)
            if data[pos:pos + 2] != b"\x1f\x8b":  # trailing bytes gunzip ignores (padding)
                return b"".join(parts)
            d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif pos >= len(data):
            raise InputError("truncated gzip data")


# Signatures of common non-page files: a clear "this is a PNG" beats extracting garbage.
_MAGIC = ((b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a zip archive"),
          (b"PK\x05\x06", "a zip archive"), (b"\x7fELF", "an executable"),
          (b"BZh", "bzip2 data"), (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf", "a 7z archive"),
          (b"Rar!", "a RAR archive"), (b"OggS", "Ogg media"), (b"ID3", "an MP3 file"),
          (b"\x00\x00\x01\x00", "an icon"), (b"wOFF", "a web font"), (b"wOF2", "a web font"),
          (b"\xd0\xcf\x11\xe0", "an OLE document (old Office)"), (b"MZ", "an executable"))
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))


def _refuse_binary(data: bytes) -> None:
    """Refuse inputs that are plainly not text (images, archives, executables, ...)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            if magic == b"MZ" and len(data) > 64 and b"PE\x00\x00" not in data[:1024]:
                continue  # a text page can start with "MZ"
            raise InputError(f"not a page: looks like {what}")
    head = data[:8192]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:3] == b"\xef\xbb\xbf":
        return
    from .extract.decode import decode

    text, encoding = decode(head, markup=True)
    if encoding.startswith(("utf-16", "utf-32")):
        head = text.encode("utf-8", "replace")
    # (one pass deleting them all, not a count per control byte)
    controls = len(head) - len(head.translate(None, _CONTROL))
    if controls > max(8, len(head) // 20):
        raise InputError("not a page: binary data")


def apply_filters(article: Article, names: Sequence[str] = (),
                  options: Mapping[str, Any] | None = None) -> Article:
    """Apply the automatic transforms, then the named ones, in order (``options``: the
    ``-O`` options, for transforms registered with ``takes_options=True``)."""
    if not isinstance(article, Article):
        raise TypeError(f"apply_filters() takes an Article, not {type(article).__name__}")
    if isinstance(names, str):
        names = (names,)
    registry = plugins.transforms()
    for tr in [t for t in registry if t.auto]:
        article = plugins.run_transform(tr, article, options)
    if names:  # external filter programs need subprocess, tempfile, shlex: only then
        from .filters import is_program, run_external
    for name in names:
        if name not in registry and is_program(name):
            article = run_external(name, article)
        else:
            article = plugins.run_transform(registry.get(name), article, options)
    return article


def _options(options: RenderOptions | None, kwargs: dict[str, Any]) -> RenderOptions:
    if options is not None and kwargs:
        raise TypeError("pass either options= or keyword options, not both")
    return options or RenderOptions(**kwargs)


def render(article: Article, fmt: str, options: RenderOptions | None = None,
           **kwargs: Any) -> bytes:
    """Render one article to the named format; returns the file's bytes."""
    if not isinstance(article, Article):
        raise TypeError(f"render() takes an Article (from convert.parse), "
                        f"not {type(article).__name__}")
    return plugins.run_render(plugins.formats().get(fmt), article, _options(options, kwargs))


def render_bundle(articles: Sequence[Article], fmt: str, options: RenderOptions | None = None,
                  **kwargs: Any) -> bytes:
    """Render several articles into one document (a book with a chapter per article)."""
    articles = _check_articles(articles, "render_bundle")
    spec = plugins.formats().get(fmt)
    if spec.bundle is None:
        raise FormatError(f"format {fmt!r} cannot bundle several articles into one file")
    out = plugins.guarded(spec.plugin, f"bundle of {fmt!r}", spec.bundle, list(articles),
                          _options(options, kwargs))
    return plugins.check_bytes(out, spec.plugin, f"bundle of {fmt!r}")
