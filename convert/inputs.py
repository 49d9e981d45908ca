"""Planning the work: what the user names becomes :class:`Job` objects, in input order.

Operands are files, folders (walked with ``recursive``), http(s) URLs (fetched later, by the
worker that converts them), web archives (one job until :meth:`Plan.pages` opens them, then one
job per page record, read lazily) and ``-`` for standard input; ``--files-from`` lists more
paths, one per line or NUL-separated. The command line (:mod:`convert.runner`) and the Dask API
(:mod:`convert.dask`) both plan here; :mod:`convert.batch` only runs the jobs.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from .errors import DecruftError, UsageError
from .fetch import is_url
from .warc import WarcReader, is_archive

#: File extensions a recursive directory walk picks up by default.
DEFAULT_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".html.gz", ".htm.gz",
                      ".warc", ".warc.gz", ".wet.gz")
#: Standard input larger than this is refused.
MAX_STDIN_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Job:
    """One input: a path or URL, or bytes read from standard input (``location`` None).

    A job with ``data`` and a URL ``location`` (a page from a web archive) is not fetched:
    the URL is its source and the base of its links.
    """

    location: str | None
    data: bytes | None = None
    #: The charset of the HTTP Content-Type header the bytes came with.
    http_charset: str | None = None
    #: The reader for this job, overriding ``Settings.kind`` (archives know their records).
    kind: str | None = None
    #: The archive this page came from, for messages.
    origin: str | None = None
    #: Set when the job failed before conversion (an unreadable archive): reported as is.
    error: str | None = None

    @property
    def label(self) -> str:
        """How messages name the input: its location (``<stdin>``), after its archive's."""
        name = self.location if self.location is not None else "<stdin>"
        return f"{self.origin}: {name}" if self.origin else name

    @property
    def is_archive(self) -> bool:
        """True for a local web archive (named ``.warc``, ``.wet``, ...) not yet opened."""
        return self.data is None and not is_url(self.location) and is_archive(self.location)


@dataclass
class Plan:
    """The jobs of one request, in input order; each web archive is one job here."""

    jobs: list[Job]
    #: The readers of the archives :meth:`pages` has read to the end (their ``summary()``
    #: tells which records were not pages).
    readers: list[WarcReader] = field(default_factory=list)

    @property
    def has_archives(self) -> bool:
        """True when an input is a web archive, which holds any number of pages."""
        return any(job.is_archive for job in self.jobs)

    def pages(self) -> Iterator[Job]:
        """Every job, each web archive replaced by its pages, read as they are consumed."""
        for job in self.jobs:
            if job.is_archive:
                yield from archive_jobs(job.location or "", on_done=self.readers.append)
            else:
                yield job


def plan(inputs: Sequence[str], *, recursive: bool = False, files_from: str | None = None,
         null: bool = False, extensions: Sequence[str] = DEFAULT_EXTENSIONS,
         stdin: bool = False) -> Plan:
    """The jobs that ``decruft convert`` operands name, in order.

    :param inputs: paths, folders, http(s) URLs, web archives; ``-`` is standard input.
    :param recursive: replace folders by the files with ``extensions`` inside them, sorted.
    :param files_from: a file listing more paths, read before ``inputs`` (``-`` = standard
        input); one path per line, or NUL-separated with ``null``.
    :param stdin: standard input is available, as on the command line: ``-`` (and no
        operand at all) reads it. Without it (the library's case) ``-`` is a file name like
        any other and no operands mean no jobs.
    :raises UsageError: standard input asked for twice or a terminal, unreadable list file.
    :raises DecruftError: standard input larger than :data:`MAX_STDIN_BYTES`.
    """
    paths: list[str] = []
    if files_from is not None:
        if stdin and files_from == "-":
            if "-" in inputs:
                raise UsageError("standard input cannot be both --files-from and an input")
            listing = _read_stdin()
        else:
            try:
                with open(files_from, "rb") as fh:  # bounded: --files-from /dev/zero
                    listing = fh.read(MAX_STDIN_BYTES + 1)
            except OSError as exc:
                raise UsageError(f"{files_from}: {exc.strerror}") from None
            if len(listing) > MAX_STDIN_BYTES:
                raise UsageError(f"{files_from}: larger than {MAX_STDIN_BYTES} bytes")
        paths.extend(read_list(listing, null=null))
    paths.extend(expand_inputs(inputs, recursive=recursive, extensions=extensions))
    if not stdin:
        return Plan([Job(p) for p in paths])
    # Only no operand at all reads standard input: a folder with no pages in it (-r) is no
    # jobs, not a reason to read (in a loop, swallow) whatever standard input holds.
    if not inputs and files_from is None:
        paths = ["-"]
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    jobs = []
    for p in paths:
        if p == "-":
            if sys.stdin.isatty():
                raise UsageError("no input given and standard input is a terminal "
                                 "(try: decruft convert PAGE.html)")
            jobs.append(Job(None, _read_stdin()))
        else:
            jobs.append(Job(p))
    return Plan(jobs)


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise DecruftError(f"<stdin>: larger than {MAX_STDIN_BYTES} bytes")
    return data


def expand_inputs(paths: Iterable[str], *, recursive: bool = False,
                  extensions: Sequence[str] = DEFAULT_EXTENSIONS) -> Iterator[str]:
    """Expand directory operands (with ``recursive``) into the files they hold, sorted;
    hidden files and folders are left out."""
    for p in paths:
        if recursive and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith("."):
                        continue
                    if name.lower().endswith(tuple(extensions)):
                        path = os.path.join(root, name)
                        # a FIFO, socket or device named like a page is no page: reading
                        # it would block the batch (or never end)
                        if os.path.isfile(path):
                            found.append(path)
            yield from sorted(found)
        else:
            yield p


def read_list(data: bytes, *, null: bool) -> list[str]:
    """Paths from a ``--files-from`` list: one per line, or NUL-separated with ``null``."""
    sep = b"\0" if null else b"\n"
    out = []
    for raw in data.split(sep):
        raw = raw.rstrip(b"\r") if not null else raw
        if raw.strip():
            out.append(os.fsdecode(raw))
    return out


def archive_jobs(path: str, *, on_done: Callable[[WarcReader], None] | None = None
                 ) -> Iterator[Job]:
    """One job per page record of the WARC/WET file ``path``, read as they are consumed.

    ``on_done`` receives the :class:`convert.warc.WarcReader` when the archive is exhausted
    (its ``skipped`` counts records that were not pages). An archive that cannot be read
    (any more) ends in one job carrying the error.
    """
    reader = WarcReader(path)
    try:
        for rec in reader:
            yield Job(rec.url, rec.body, http_charset=rec.http_charset, kind=rec.kind,
                      origin=path)
    except DecruftError as exc:  # the archive is unreadable from here on: one failure
        yield Job(path, error=str(exc))
    if on_done is not None:
        on_done(reader)
