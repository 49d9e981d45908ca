"""Reading the pages of a web archive (WARC, gzipped or not; WET text dumps) as a stream.

:class:`WarcReader` yields one :class:`Record` per page: HTML ``response`` (and ``resource``)
records go to the HTML parser with the record's URL and HTTP charset, WET ``conversion``
records (Common Crawl's extracted text) to the text parser. Every other record — requests,
metadata, warcinfo, revisits, redirects and errors, images and scripts — is skipped and
counted by reason in :attr:`WarcReader.skipped`.

Records are read one at a time (warcio's ``ArchiveIterator``), so memory stays flat however
large the archive. warcio is an optional dependency: ``pip install decruft[warc]``.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Iterator

from .errors import InputError

#: File names read as web archives (Common Crawl's WET files end in .warc.wet.gz).
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
#: Page records larger than this are skipped (the parser's own input limit).
MAX_RECORD_BYTES = int(os.environ.get("DECRUFT_MAX_INPUT_BYTES", 64 * 1024 * 1024))

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_archive(location: str | None) -> bool:
    """True for a path whose name says it is a WARC or WET file."""
    return location is not None and location.lower().endswith(ARCHIVE_SUFFIXES)


@dataclass(frozen=True)
class Record:
    """One page from an archive."""

    #: ``WARC-Target-URI``: the page's address and the base for its links.
    url: str
    body: bytes
    #: The reader to use: ``html`` for responses, ``text`` for WET conversion records.
    kind: str
    #: The charset of the HTTP Content-Type header, if any.
    http_charset: str | None = None
    #: Position of the record among all the archive's records (0-based).
    index: int = 0


@dataclass
class WarcReader:
    """Iterates the page records of one archive; :attr:`skipped` counts the rest by reason."""

    path: str
    max_record_bytes: int = MAX_RECORD_BYTES
    skipped: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    #: Records whose Content-Length did not end where the next record starts (warcio
    #: resynchronises on the next record; the page it read may be cut or run on).
    misframed: int = 0

    def __iter__(self) -> Iterator[Record]:
        _quiet_warcio()
        try:
            from warcio.archiveiterator import ArchiveIterator
            from warcio.exceptions import ArchiveLoadFailed
        except ImportError:
            raise InputError("reading WARC files needs warcio: install decruft[warc]") from None
        try:
            fh: IO[bytes] = open(self.path, "rb")
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
        with fh:
            stream = _decompressed(fh)
            _check_magic(stream)
            records = ArchiveIterator(stream)
            # warcio writes a three-line warning, with the archive's bytes, on stderr for
            # each record its Content-Length misplaces; they are counted in summary() instead
            records.INC_RECORD = ""
            index = 0
            while True:
                try:
                    rec = next(records, None)
                    page = None if rec is None else self._page(rec, index)
                except ArchiveLoadFailed as exc:
                    raise InputError(
                        f"not a readable WARC file: {str(exc).strip()[:200]}") from None
                except (OSError, EOFError, ValueError, zlib.error) as exc:
                    raise InputError(f"broken WARC data: {exc}") from None
                except (AttributeError, LookupError, TypeError, OverflowError,
                        ArithmeticError) as exc:
                    # warcio's own failures on records it did not expect (a response
                    # without a WARC-Target-URI, a Content-Length past any index)
                    raise InputError(f"broken WARC data ({type(exc).__name__})") from None
                self.misframed = records.err_count
                if rec is None:
                    return
                index += 1
                if page is not None:
                    self.pages += 1
                    yield page

    def _page(self, rec: object, index: int) -> Record | None:
        """The page a warcio record holds, or None (counted in :attr:`skipped` by reason):
        2xx HTML responses and resources go to ``html``, WET conversions to ``text``."""
        rec_type = rec.rec_type  # type: ignore[attr-defined]
        url = rec.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
        if rec_type == "response":
            http = rec.http_headers  # type: ignore[attr-defined]
            if http is None:
                return self._skip("response without HTTP headers")
            status = http.get_statuscode() or ""
            if not status.startswith("2"):
                return self._skip(f"HTTP status {status[:1]}xx" if status else "no HTTP status")
            content_type = http.get_header("Content-Type")
            kind = "html"
        elif rec_type == "resource":
            content_type = rec.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
            kind = "html"
        elif rec_type == "conversion":
            content_type = rec.rec_headers.get_header("Content-Type")  # type: ignore[attr-defined]
            kind = "text"
        else:
            return self._skip(f"{rec_type} record")
        media_type, charset = _media_type(content_type)
        if kind == "html" and media_type not in _HTML_TYPES:
            return self._skip(f"not HTML ({media_type or 'no type'})")
        if kind == "text" and media_type not in ("text/plain", None):
            return self._skip(f"not text ({media_type})")
        if not url:
            return self._skip("no target URI")
        body = rec.content_stream().read(self.max_record_bytes + 1)  # type: ignore[attr-defined]
        if len(body) > self.max_record_bytes:
            return self._skip("larger than the input limit")
        if getattr(rec.raw_stream, "limit", 0) > 0:  # type: ignore[attr-defined]
            # the archive ended inside the record (a download cut short): its page is a
            # fragment, and converting it would pass part of a page for the whole
            return self._skip("truncated")
        if not body.strip():
            return self._skip("empty body")
        return Record(url=url, body=body, kind=kind, http_charset=charset, index=index)

    def _skip(self, reason: str) -> None:
        self.skipped[reason] += 1
        return None

    def summary(self) -> str:
        """``"3 records skipped (request record: 2, not HTML (image/png): 1)"`` or ``""``."""
        total = sum(self.skipped.values())
        parts = []
        if total:
            reasons = ", ".join(f"{why}: {n}" for why, n in self.skipped.most_common())
            parts.append(f"{total} record{'s' if total != 1 else ''} skipped ({reasons})")
        if self.misframed:
            one = self.misframed == 1
            parts.append(f"{self.misframed} record{'' if one else 's'} not ending where "
                         f"{'its' if one else 'their'} Content-Length said")
        return "; ".join(parts)


def _quiet_warcio() -> None:
    """warcio logs some repairs ('Replacing spaces in invalid WARC-Target-URI: ...') with
    no handler configured, so Python's last-resort handler printed the archive's raw URL,
    escape sequences and all, on stderr. A NullHandler keeps them for an application that
    configures logging (as a library should) and off the terminal otherwise."""
    import logging

    logger = logging.getLogger("warcio")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())


def _decompressed(fh: IO[bytes]) -> IO[bytes]:
    """A gzipped archive as its decompressed stream. warcio reads only archives gzipped
    record by record (each record its own gzip member, as crawlers write them) and refused
    one gzipped whole ('gzip -c crawl.warc > crawl.warc.gz') after its first record; decruft
    never seeks to a record, so it reads both through one decompressing stream (a gzip
    bomb's record is still cut at the record limit, the rest skipped as it streams by)."""
    head = fh.read(2)
    fh.seek(0)
    return _Gunzip(fileobj=fh, mode="rb") if head == b"\x1f\x8b" else fh


class _Gunzip(gzip.GzipFile):
    """A gzip stream whose truncation is an OSError: warcio takes an EOFError for the end of
    the archive, so an archive cut short ended quietly after its last whole record."""

    def read(self, size: int | None = -1) -> bytes:
        try:
            return super().read(size)
        except EOFError:
            raise OSError("truncated gzip data") from None


def _check_magic(fh: IO[bytes]) -> None:
    """Refuse what is not a WARC: warcio would read any text as a lenient old ARC file."""
    try:
        head = fh.read(8)
        fh.seek(0)
    except (OSError, EOFError, zlib.error):
        head = b""  # gzip data that does not decompress
    if not head.startswith(b"WARC/"):
        raise InputError("not a WARC file (it does not start with a WARC/1.x record)")


def _media_type(value: str | None) -> tuple[str | None, str | None]:
    from .fetch import parse_content_type

    return parse_content_type(value)
