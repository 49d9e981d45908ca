"""Fetching a page (or an image) over http(s) with urllib3, within limits.

Every failure is an :class:`~convert.errors.InputError` with a one-line message naming its
class: the host cannot be resolved, TLS failed, the server answered 4xx/5xx, the transfer
timed out, the body is too large, or it is not a page. Only ``http`` and ``https`` URLs are
fetched, on every hop of a redirect chain too.

urllib3 is imported on first use, so importing this module (and ``decruft --help``) does not
pay for it. Environment proxy variables are not read: urllib3 does not look at them.
"""

from __future__ import annotations

import codecs
import os
import re
import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .errors import InputError
from . import regexcache

#: Seconds to wait for a connection, and for the whole transfer of one response.
CONNECT_TIMEOUT = float(os.environ.get("DECRUFT_CONNECT_TIMEOUT", 10))
READ_TIMEOUT = float(os.environ.get("DECRUFT_READ_TIMEOUT", 30))
#: Redirects followed before giving up (browsers allow 20; real pages need one or two).
MAX_REDIRECTS = 10
#: Largest page body accepted, after content decoding (gzip/br responses count decoded).
MAX_PAGE_BYTES = int(os.environ.get("DECRUFT_MAX_FETCH_BYTES", 32 * 1024 * 1024))

#: Content types fetched as pages; a response without a Content-Type is accepted too.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml",
              "text/xml", "application/json")
USER_AGENT = f"decruft/{__version__} (+https://pypi.org/project/decruft/)"
_ACCEPT_PAGE = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
_CHUNK = 64 * 1024
_SCHEME = regexcache.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")


@dataclass(frozen=True)
class Fetched:
    """A response body and what the transfer says about it."""

    data: bytes
    #: The URL after redirects: the page's address and the base for its relative links.
    url: str
    #: The charset named by the Content-Type header, if it names one Python knows.
    charset: str | None
    #: The media type of the Content-Type header, lower case, without parameters.
    media_type: str | None


def is_url(location: str | None) -> bool:
    """True when an input operand is a URL (``scheme://...``) rather than a path.

    Any scheme counts, so that ``ftp://`` or ``file://`` inputs are refused by :func:`fetch`
    with a clear message instead of being looked up as odd file names.
    """
    return location is not None and "://" in location and bool(_SCHEME.match(location))


def url_stem(url: str) -> str:
    """``https://example.com/news/story.html?x=1`` → ``example.com/news/story`` (made safe by
    the planner): host and path, so pages of one site named ``index.html`` stay apart."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if "." in last:
        path = path[: len(path) - len(last)] + last.rsplit(".", 1)[0]
    return f"{parts.hostname or ''}{path}" or "page"


def fetch_page(url: str, *, timeout: float = READ_TIMEOUT,
               max_bytes: int = MAX_PAGE_BYTES) -> Fetched:
    """Fetch a page; refuses bodies that are not HTML, XML, JSON or plain text."""
    got = fetch(url, timeout=timeout, max_bytes=max_bytes, accept=_ACCEPT_PAGE)
    if got.media_type and got.media_type not in PAGE_TYPES:
        raise InputError(f"not a page: the server sent {got.media_type}")
    return got


def fetch(url: str, *, timeout: float = READ_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES,
          max_redirects: int = MAX_REDIRECTS, accept: str = "*/*") -> Fetched:
    """GET ``url``, following redirects; returns the body (at most ``max_bytes``).

    ``timeout`` bounds the whole transfer of each response, not only the wait between two
    packets, so a server trickling a byte a second cannot hold a worker forever.
    """
    seen: set[str] = set()
    for _ in range(max_redirects + 1):
        _check_scheme(url)
        seen.add(url)
        resp = _request(url, timeout=timeout, accept=accept)
        done = False
        try:
            if resp.status in (301, 302, 303, 307, 308):
                location = resp.headers.get("Location")
                if not location:
                    raise InputError(f"HTTP {resp.status} redirect without a Location")
                target = urljoin(url, location.strip())
                if target in seen:
                    raise InputError(f"redirect loop at {target}")
                url = target
                continue
            if resp.status >= 400:
                raise InputError(f"HTTP {resp.status} {resp.reason or ''}".rstrip())
            data = _read_body(resp, url, timeout=timeout, max_bytes=max_bytes)
            done = True
            media_type, charset = parse_content_type(resp.headers.get("Content-Type"))
            return Fetched(data=data, url=url, charset=charset, media_type=media_type)
        finally:
            _release(resp, read=done)
    raise InputError(f"more than {max_redirects} redirects")


def _check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise InputError(f"only http and https URLs can be fetched, not {scheme or 'this'}:")
    if not urlsplit(url).hostname:
        raise InputError("URL without a host name")


_pool: Any = None
_pool_lock = threading.Lock()


def _pool_manager() -> Any:
    """One connection pool per process: a batch worker reuses connections to a host."""
    global _pool
    with _pool_lock:
        if _pool is None:
            import urllib3

            _pool = urllib3.PoolManager(num_pools=20, maxsize=4, retries=False,
                                        headers={"User-Agent": USER_AGENT})
        return _pool


def _request(url: str, *, timeout: float, accept: str) -> Any:
    import urllib3
    from urllib3 import exceptions as e

    host = urlsplit(url).hostname
    try:
        return _pool_manager().request(
            "GET", url, headers={"Accept": accept}, redirect=False, retries=False,
            preload_content=False, decode_content=True,
            timeout=urllib3.Timeout(connect=min(CONNECT_TIMEOUT, timeout), read=timeout))
    except e.NameResolutionError:
        raise InputError(f"cannot resolve host {host}") from None
    except e.SSLError as exc:
        raise InputError(f"TLS error with {host}: {_reason(exc)}") from None
    except e.NewConnectionError as exc:  # before ConnectTimeoutError: urllib3 subclasses it
        raise InputError(f"cannot connect to {host}: {_reason(exc)}") from None
    except e.ConnectTimeoutError:
        raise InputError(f"timed out connecting to {host}") from None
    except e.ReadTimeoutError:
        raise InputError(f"timed out after {timeout:g} s waiting for {host}") from None
    except e.LocationValueError as exc:
        raise InputError(f"invalid URL: {exc}") from None
    except (e.ProtocolError, e.HTTPError) as exc:
        raise InputError(f"connection to {host} failed: {_reason(exc)}") from None


def _release(resp: Any, *, read: bool) -> None:
    """Give the connection back for reuse, unless an unread body of unknown size is left."""
    length = resp.headers.get("Content-Length", "")
    if not read and not (length.isdigit() and int(length) <= _CHUNK):
        resp.close()  # a redirect's or error's large body: not worth reading
    try:
        resp.drain_conn()
    except Exception:  # the connection is dropped instead
        resp.close()
    resp.release_conn()


def _read_body(resp: Any, url: str, *, timeout: float, max_bytes: int) -> bytes:
    from urllib3 import exceptions as e

    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise InputError(f"larger than the fetch limit of {max_bytes} bytes "
                         f"(Content-Length {length})")
    deadline = time.monotonic() + timeout
    parts: list[bytes] = []
    size = 0
    try:
        # read1 returns what has arrived, so the deadline is checked while a server trickles.
        while chunk := resp.read1(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > max_bytes:
                raise InputError(f"larger than the fetch limit of {max_bytes} bytes")
            if time.monotonic() > deadline:
                raise InputError(f"timed out after {timeout:g} s reading "
                                 f"{urlsplit(url).hostname}")
            parts.append(chunk)
    except (e.ReadTimeoutError, TimeoutError):
        raise InputError(f"timed out after {timeout:g} s reading "
                         f"{urlsplit(url).hostname}") from None
    except e.DecodeError as exc:
        raise InputError(f"cannot decode the response: {_reason(exc)}") from None
    except (e.ProtocolError, e.HTTPError) as exc:
        raise InputError(f"connection broken while reading: {_reason(exc)}") from None
    return b"".join(parts)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """The media type (lower case) and the charset (if Python knows it) of a Content-Type."""
    if not value:
        return None, None
    head, *params = value.split(";")
    media_type = head.strip().lower() if "/" in head else None
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset":
            charset = val.strip().strip("'\"").strip() or None
    if charset:
        try:
            # rot13 and base64 are codecs too, but not text encodings.
            if not getattr(codecs.lookup(charset), "_is_text_encoding", True):
                charset = None
        except LookupError:
            charset = None  # an unknown label says nothing; let the page's own say
    return media_type, charset


def _reason(exc: BaseException) -> str:
    """The innermost useful line of an urllib3 error (they wrap the OS or SSL error)."""
    inner: BaseException | None = exc
    seen = 0
    while inner is not None and seen < 10:
        seen += 1
        if isinstance(inner, OSError) and inner.strerror:
            return inner.strerror
        nxt = getattr(inner, "reason", None)
        if not isinstance(nxt, BaseException):
            nxt = inner.__cause__ or inner.__context__
        if nxt is None:
            break
        inner = nxt
    text = str(inner or exc).splitlines()[0] if str(inner or exc) else type(exc).__name__
    return re.sub(r"^\S+\(host=[^)]*\): ", "", text)[:200]
