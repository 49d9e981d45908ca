"""The ``mhtml`` reader: pages saved as "Webpage, single file" (``.mhtml``, ``.mht``).

An MHTML archive (RFC 2557) is a MIME ``multipart/related`` message: the page, then its
resources, each part with a ``Content-Location`` (its URL) and often a ``Content-ID``. It is
read with the standard library's :mod:`email` parser and claimed by its bytes (a
``MIME-Version`` header and a ``multipart/related`` type in the header block), whatever the
file is called.

The page is the part the ``start`` parameter names, else the first ``text/html`` part, else
the first part; it is decoded from quoted-printable or base64 with its own charset and goes
through the HTML extractor with its ``Content-Location`` (or the archive's
``Snapshot-Content-Location``) as the page URL, when that is http(s). Images come from the
archive's parts, by URL and by ``cid:`` reference (see :mod:`convert_plugins._archive`).

Limits: the input size limit of :func:`convert.parse` holds for the whole archive; more than
``MAX_PARTS`` parts is refused before any part is read. A page part that is binary, an
archive without parts or a broken MIME structure are one-line errors; a broken image part
is skipped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from convert import Article, hookimpl, regexcache
from convert.errors import InputError
from convert.formats import ReadContext, ReaderRegistry

if TYPE_CHECKING:
    from email.message import Message

from ._archive import (MAX_PARTS, Embedder, Part, check_page, extract_page, http_url,
                       resource_key)

#: Bytes searched for the archive's header block when sniffing.
SNIFF_BYTES = 8192
_HEADER_END = regexcache.compile(rb"\r?\n\r?\n")
_CID = regexcache.compile(rb"""cid:([^\s"'<>()\\]+)""", re.IGNORECASE)


def sniff_mhtml(data: bytes, ctx: ReadContext) -> bool:
    """True for a MIME message of type ``multipart/related`` (what browsers save)."""
    head = data[:SNIFF_BYTES].lstrip()
    end = _HEADER_END.search(head)
    headers = (head[:end.start()] if end else head).lower()
    return (b"mime-version:" in headers
            and re.search(rb"content-type:\s*multipart/related", headers) is not None)


def read_mhtml(data: bytes, ctx: ReadContext) -> Article:
    # Imported here: the email package costs every command ~5 ms of start-up, and this
    # plugin loads with every command because its reader sniffs every input.
    from email import policy
    from email.parser import BytesHeaderParser, BytesParser

    what = "MHTML archive"
    outer = BytesHeaderParser(policy=policy.compat32).parsebytes(data[:SNIFF_BYTES])
    boundary = outer.get_boundary()
    if not outer.get_content_type().startswith("multipart/") or not boundary:
        raise InputError(f"{what}: not a multipart MIME message")
    if data.count(b"\n--" + boundary.encode("latin-1", "replace")) > MAX_PARTS + 1:
        raise InputError(f"{what}: more than {MAX_PARTS} parts")
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
        parts = list(_leaf_parts(message))
    except (RecursionError, LookupError, ValueError, TypeError) as exc:
        raise InputError(f"{what}: broken MIME structure ({type(exc).__name__})") from None
    if not parts:
        raise InputError(f"{what}: no parts")
    root = _root(message, parts)
    charset = _charset(root)
    page_url = http_url(root.get("Content-Location")) or \
        http_url(message.get("Snapshot-Content-Location"))
    resources: dict[str, Part] = {}
    for part in parts:
        if part is root:
            continue
        load = _loader(part)
        for key in (resource_key(part.get("Content-Location"), page_url),
                    _cid_key(part.get("Content-ID"))):
            if key and key not in resources:
                resources[key] = Part(load, part.get_content_type())
    html = check_page(_payload(root), what)
    embed = Embedder(resources, page_url)
    html = _CID.sub(lambda m: _cid_url(m, embed), html)
    return extract_page(html, charset=charset, page_url=page_url, ctx=ctx, kind="mhtml",
                        embed=embed)


def _leaf_parts(message: Message) -> Iterator[Message]:
    """The non-multipart parts, depth first, without recursion; at most MAX_PARTS."""
    stack = [iter([message])]
    count = 0
    while stack:
        part = next(stack[-1], None)
        if part is None:
            stack.pop()
            continue
        payload = part.get_payload()
        if part.is_multipart() and isinstance(payload, list):
            stack.append(iter(payload))
            continue
        count += 1
        if count > MAX_PARTS:
            raise InputError(f"MHTML archive: more than {MAX_PARTS} parts")
        yield part


def _root(message: Message, parts: list[Message]) -> Message:
    start = _cid_key(message.get_param("start"))  # type: ignore[arg-type]
    if start:
        for part in parts:
            if _cid_key(part.get("Content-ID")) == start:
                return part
    for part in parts:
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            return part
    return parts[0]


def _payload(part: Message) -> bytes | None:
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, LookupError):
        return None
    return data if isinstance(data, bytes) else None


def _loader(part: Message):  # type: ignore[no-untyped-def]
    return lambda: _payload(part)


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except (LookupError, ValueError):
        return None


def _cid_key(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    cid = value.strip().strip("<>").strip()
    return f"cid:{cid}" if cid else None


def _cid_url(m: re.Match[bytes], embed: Embedder) -> bytes:
    """A ``cid:`` reference in the page: the extractor keeps only http(s) and ``data:``
    sources, so the image's bytes go in right away (other references stay as they are)."""
    from urllib.parse import unquote

    uri = embed(f"cid:{unquote(m.group(1).decode('latin-1'))}")
    return uri.encode("ascii") if uri else m.group(0)


@hookimpl
def register_readers(registry: ReaderRegistry) -> None:
    registry.add("mhtml", read_mhtml, sniff=sniff_mhtml, priority=10,
                 description="a page saved as MHTML (.mhtml/.mht, \"Webpage, single file\")")
