"""The ``webarchive`` reader: pages Safari saved as "Web Archive" (``.webarchive``).

A web archive is a binary property list: ``WebMainResource`` (the page: ``WebResourceData``,
``WebResourceMIMEType``, ``WebResourceTextEncodingName``, ``WebResourceURL``) and
``WebSubresources`` (images, stylesheets, scripts, each with its URL). It is read with
:mod:`plistlib` and claimed by its bytes (``bplist00`` and the ``WebMainResource`` key near the
end, where a binary plist keeps its strings), whatever the file is called.

The page goes through the HTML extractor with its ``WebResourceURL`` as the page URL (when
that is http(s)) and its text encoding as the charset; images come from the subresources by
URL (see :mod:`convert_plugins._archive`). Limits and failures as for MHTML: more than
``MAX_PARTS`` subresources is refused, a page that is binary or a broken property list is a
one-line error, a broken subresource is skipped. Frames (``WebSubframeArchives``) are ignored.
"""

from __future__ import annotations

from typing import Any

from convert import Article, hookimpl
from convert.errors import InputError
from convert.formats import ReadContext, ReaderRegistry

from ._archive import MAX_PARTS, Embedder, Part, check_page, extract_page, http_url, resource_key

MAGIC = b"bplist00"
_WHAT = "Safari web archive"


def sniff_webarchive(data: bytes, ctx: ReadContext) -> bool:
    """True for a binary property list holding a ``WebMainResource``."""
    return data.startswith(MAGIC) and b"WebMainResource" in data


def read_webarchive(data: bytes, ctx: ReadContext) -> Article:
    import plistlib  # here, not at start-up: it imports the XML parser

    try:
        root = plistlib.loads(data)
    except (plistlib.InvalidFileException, ValueError, TypeError, KeyError, IndexError,
            OverflowError, RecursionError, MemoryError) as exc:
        raise InputError(f"{_WHAT}: broken property list ({type(exc).__name__})") from None
    main = root.get("WebMainResource") if isinstance(root, dict) else None
    if not isinstance(main, dict):
        raise InputError(f"{_WHAT}: no WebMainResource")
    subs = root.get("WebSubresources") or []
    if not isinstance(subs, list):
        raise InputError(f"{_WHAT}: WebSubresources is not a list")
    if len(subs) > MAX_PARTS:
        raise InputError(f"{_WHAT}: more than {MAX_PARTS} parts")
    page_url = http_url(_string(main.get("WebResourceURL")))
    resources: dict[str, Part] = {}
    for sub in subs:
        if not isinstance(sub, dict):
            continue  # a broken subresource is skipped
        key = resource_key(_string(sub.get("WebResourceURL")), page_url)
        body = sub.get("WebResourceData")
        if key and isinstance(body, bytes) and key not in resources:
            resources[key] = Part(lambda body=body: body,
                                  _string(sub.get("WebResourceMIMEType")) or "")
    html = main.get("WebResourceData")
    html = check_page(html if isinstance(html, bytes) else None, _WHAT)
    mime = (_string(main.get("WebResourceMIMEType")) or "text/html").lower()
    if not (mime.startswith("text/") or "xml" in mime):
        raise InputError(f"{_WHAT}: the page is {mime}, not HTML")
    charset = _string(main.get("WebResourceTextEncodingName"))
    return extract_page(html, charset=charset, page_url=page_url, ctx=ctx, kind="webarchive",
                        embed=Embedder(resources, page_url))


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


@hookimpl
def register_readers(registry: ReaderRegistry) -> None:
    registry.add("webarchive", read_webarchive, sniff=sniff_webarchive, priority=10,
                 description="a page Safari saved as a web archive (.webarchive)")
