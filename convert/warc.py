"""Reading the pages of a web archive (WARC, gzipped or not; WET text dumps) as a stream.

:class:`WarcReader` yields one :class:`Record` per page: HTML ``response`` (and ``resource``)
records go to the HTML parser with the record's URL and HTTP charset, WET ``conversion``
records (Common Crawl's extracted text) to the text parser. Every other record — requests,
metadata, warcinfo, revisits, redirects and errors, images and scripts — is skipped and
counted by reason in :attr:`WarcReader.skipped`.

An archive that cannot be read to its end (a record it ends inside, a corrupt gzip member,
a header line of junk) raises :class:`InputError` naming the record and its byte offset,
after the pages before the damage; so does an archive that holds no page at all: a batch
user must not take a run that lost pages for a complete one.

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
        """The page records, in order. Raises :class:`InputError` — after yielding every
        page before the defect — for an archive that cannot be read to its end (the message
        names the record and its byte offset) and for one that holds no page at all."""
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
            gzipped = stream is not fh
            _check_magic(stream)
            records = ArchiveIterator(stream)
            # warcio writes a three-line warning, with the archive's bytes, on stderr for
            # each record its Content-Length misplaces; they are counted in summary() instead
            records.INC_RECORD = ""
            _bound_header_lines(records)
            _tolerate_missing_uri(records)
            index = 0
            #: the record read last and where it starts, checked for truncation once the
            #: next one is asked for (warcio has then read it to its end)
            last: tuple[object, int] | None = None

            def where(number: int, offset: int) -> str:
                of = " of the decompressed data" if gzipped else ""
                return f"record {number} (byte {offset}{of})"

            # A page is handed on only once the next record has been read: in a gzipped
            # archive the check of a member's CRC comes with the read past its end, and a
            # member whose data decoded to garbage must not pass for a page.
            pending: Record | None = None
            while True:
                error: InputError | None = None
                keep_pending = True
                try:
                    rec = next(records, None)
                    if last is not None:
                        _check_whole(*last)
                    page = None if rec is None else self._page(rec, index)
                except _Truncated as exc:
                    start = last[1] if last else 0
                    error = InputError(f"the archive ends inside {where(index, start)}: {exc}; "
                                       "nothing after it can be read")
                except _Malformed as exc:
                    error = InputError(f"{where(index + 1, records.offset)}: {exc}")
                except ArchiveLoadFailed as exc:
                    error = InputError(f"{where(index + 1, records.offset)} is not a WARC "
                                       f"record: {str(exc).strip()[:200]}")
                except (OSError, EOFError, zlib.error) as exc:
                    # the data of the record read last may be what is broken: its page
                    # is dropped
                    keep_pending = False
                    what = "gzip data" if gzipped else "data"
                    at = where(index, last[1]) if last else where(1, 0)
                    error = InputError(f"broken {what} in or just after {at}: {exc}")
                except (ValueError, AttributeError, LookupError, TypeError, OverflowError,
                        ArithmeticError):
                    # warcio's own failures on records it did not expect: the exception's
                    # class name would tell the user nothing, the record's place does
                    error = InputError(f"{where(index + 1, records.offset)} has headers the "
                                       "WARC reader cannot make sense of")
                self.misframed = records.err_count
                if pending is not None and (error is None or keep_pending):
                    self.pages += 1
                    yield pending
                pending = None
                if error is not None:
                    raise error
                if rec is None:
                    break
                last = (rec, records.offset)
                index += 1
                pending = page
        if not self.pages:
            # an archive of requests, images or junk converted nothing: exit 0 with no
            # output would pass it for a successful run
            raise InputError("no pages in the archive" + (
                f" ({index} record{'s' if index != 1 else ''} read, none an HTML page or "
                "WET text)" if index else ""))

    def _page(self, rec: object, index: int) -> Record | None:
        """The page a warcio record holds, or None (counted in :attr:`skipped` by reason):
        2xx HTML responses and resources go to ``html``, WET conversions to ``text``."""
        rec_type = rec.rec_type  # type: ignore[attr-defined]
        url = rec.rec_headers.get_header("WARC-Target-URI") or ""  # type: ignore[attr-defined]
        if not rec_type:
            return self._skip("no WARC-Type")
        if not url and rec_type in ("response", "resource", "conversion"):
            return self._skip("no target URI")
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
        body = rec.content_stream().read(self.max_record_bytes + 1)  # type: ignore[attr-defined]
        if len(body) > self.max_record_bytes:
            return self._skip("larger than the input limit")
        if getattr(rec.raw_stream, "limit", 0) > 0:  # type: ignore[attr-defined]
            # the archive ended inside the record (a download cut short, or a Content-Length
            # far too large): its page is a fragment, and converting it would pass part of a
            # page for the whole; the archive fails on it (see _check_whole)
            return None
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


#: A record's header lines (WARC and HTTP) longer than this fail the archive: no crawler
#: writes one, and warcio reads a line by re-joining its buffer, so a 20 MB line of junk
#: took 38 s to refuse.
MAX_HEADER_LINE = 1024 * 1024


class _Malformed(Exception):
    """A record that cannot be read, in words (the archive fails on it)."""


class _Truncated(Exception):
    """The archive ended inside a record."""


def _bound_header_lines(records: object) -> None:
    """Make the iterator's reader refuse a header line longer than :data:`MAX_HEADER_LINE`.
    warcio reads header lines with ``readline()`` (unbounded) or ``readline(limit)`` with
    the record's Content-Length (20 digits of it overflowed an index: OverflowError)."""
    reader = records.reader  # type: ignore[attr-defined]
    readline = reader.readline
    cap = MAX_HEADER_LINE + 1

    def bounded(length: int | None = None) -> bytes:
        if length is not None and 0 <= length <= cap:
            return readline(length)
        # warcio's readline(n) may stop short of n without a newline (it counts what it
        # has joined, not what is left): piece the line together up to the cap
        parts: list[bytes] = []
        size = 0
        while True:
            piece = readline(cap - size)
            if not piece:
                break
            parts.append(piece)
            size += len(piece)
            if piece.endswith(b"\n"):
                break
            if size >= cap:
                raise _Malformed(f"a header line longer than {MAX_HEADER_LINE} bytes "
                                 "(not a WARC record, or a wrong Content-Length before it)")
        return b"".join(parts)

    reader.readline = bounded


def _tolerate_missing_uri(records: object) -> None:
    """A response or request without WARC-Target-URI made warcio raise AttributeError
    (it reads the URI's scheme to decide whether HTTP headers follow), failing the rest of
    the archive; such a record is read without HTTP headers and skipped as 'no target URI'."""
    loader = records.loader  # type: ignore[attr-defined]
    load = loader.load_http_headers

    def load_http_headers(rec_type: object, uri: object, stream: object, length: object
                          ) -> object:
        if uri is None:
            return None
        return load(rec_type, uri, stream, length)

    loader.load_http_headers = load_http_headers


def _check_whole(rec: object, start: int) -> None:
    """Raise :class:`_Truncated` if the archive ended before ``rec``'s Content-Length: a
    download cut short, or a length far too large (99 GB), which swallowed every record
    after it — either way the rest of the archive is lost, and the run must say so."""
    raw = rec.raw_stream  # type: ignore[attr-defined]
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        claimed = getattr(raw, "_orig_limit", None)
        got = claimed - missing if claimed is not None else None
        raise _Truncated(f"its Content-Length is {claimed} bytes but only {got} follow "
                         "(a download cut short, or a wrong Content-Length)")


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
    the archive, so an archive cut short ended quietly after its last whole record.

    A sized read returns what one step of decompression gives (``read1``) rather than
    filling the whole request: warcio asks for 16 KiB at a time, and a full read decoded on
    into the following gzip members, so a corrupt member failed the archive before the
    pages just ahead of it (already decompressed, in the same read) were yielded."""

    def read(self, size: int | None = -1) -> bytes:
        try:
            if size is None or size < 0:
                return super().read(size)
            return self.read1(size)
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
