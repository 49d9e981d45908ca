"""Where converted articles go: stdout, one file, one file per input, a stream, or a bundle.

The runner picks one sink per command and hands it every successful result in input order;
``close(commit)`` finishes the output (renders a bundle, renames a streamed file into place)
or throws it away.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable

from .batch import Result
from .errors import DecruftError
from .formats import Format, RenderOptions
from .outputs import AtomicStream, NamePlanner, OutputError, write_atomic


class Sink:
    """Where the converted results of one command go (one subclass per output mode)."""

    #: The sink needs parsed articles (bundles), not rendered bytes.
    wants_article = False
    #: Every result goes to one output, so a failure to write names that output alone (the
    #: input's name adds nothing).
    one_output = True
    #: The output failed for good (a stream that could not be written): stop the run.
    broken = False

    def put(self, result: Result) -> None:
        """Take one successful result, in input order."""
        raise NotImplementedError

    @property
    def holds_output(self) -> bool:
        """True when something taken is not yet out (it goes only on a committing close)."""
        return False

    def close(self, commit: bool) -> None:
        """Finish the output (``commit``) or throw away what is not yet in place."""


class StdoutSink(Sink):
    """Each rendered article straight to stdout, in input order (text formats, JSON Lines)."""

    def put(self, result: Result) -> None:
        """Write the rendered article to stdout now."""
        try:
            write_stdout(result.data or b"")
        except OutputError:
            self.broken = True  # what follows cannot be written either: stop the run
            raise


def write_stdout(data: bytes) -> None:
    """Write ``data`` to standard output now; a failure (``> /dev/full``, a closed or
    read-only descriptor) is an :class:`OutputError` naming ``<stdout>``, not a traceback.
    (A closed pipe raises SIGPIPE, which ends decruft the usual Unix way.)"""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except (OSError, ValueError) as exc:
        detach_stdout()
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise OutputError(f"<stdout>: {reason}") from None


def detach_stdout() -> None:
    """Point standard output at ``/dev/null`` after a write to it failed: what is still
    buffered is then dropped, where the flush at exit would fail (and print) again."""
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
    except (OSError, ValueError):
        pass


class FileSink(Sink):
    """One input, one output file (``-o``)."""

    def __init__(self, path: Path, *, no_clobber: bool) -> None:
        self.path, self.no_clobber = path, no_clobber

    def put(self, result: Result) -> None:
        """Write the rendered article to the file."""
        write_atomic(self.path, result.data or b"", no_clobber=self.no_clobber)


class DirSink(Sink):
    """One file per input in a folder (``-d``), named by ``name_of(result)``."""

    one_output = False

    def __init__(self, planner: NamePlanner, name_of: Callable[[NamePlanner, Result], Path], *,
                 no_clobber: bool) -> None:
        self.planner, self.name_of, self.no_clobber = planner, name_of, no_clobber

    def put(self, result: Result) -> None:
        """Write the rendered article to its own file in the folder."""
        path = result.output or self.name_of(self.planner, result)
        write_atomic(path, result.data or b"", no_clobber=self.no_clobber)


class StreamFileSink(Sink):
    """Many articles concatenated into one file (JSON Lines), streamed so memory stays flat
    however many pages an archive holds; the file appears only when the run ends."""

    def __init__(self, path: Path, *, no_clobber: bool) -> None:
        self.stream = AtomicStream(path, no_clobber=no_clobber)
        self.count = 0

    def put(self, result: Result) -> None:
        """Append the rendered article to the temporary file."""
        try:
            self.stream.write(result.data or b"")
        except OutputError:
            self.broken = True  # the temporary file is gone: nothing more can be added
            raise
        self.count += 1

    @property
    def holds_output(self) -> bool:
        """True when articles are waiting in the temporary file."""
        return self.count > 0

    def close(self, commit: bool) -> None:
        """Put the file in place if anything was written (and ``commit``), else drop it."""
        if commit and self.count and not self.broken:
            self.stream.commit()
        else:
            self.stream.abort()


class AppendSink(Sink):
    """Articles added to the end of an existing JSON Lines file (``--append``), each line as it
    converts, so a run that stops keeps what it finished and a rerun goes on from there.

    A line is written with one ``write`` on a file opened for appending; a write that fails
    (a full disk) is cut off again, so the file only ever ends with a whole line. What a
    SIGKILL or a power cut can still tear — the last line — :func:`sources_in` cuts off when
    the next run opens the file. The file is synced when the run ends, however it ends: its
    lines are finished work, not a draft to throw away.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise OutputError(f"{path}: {exc.strerror or exc}") from None

    def put(self, result: Result) -> None:
        """Append the article's line now."""
        if self.broken:
            raise OutputError(f"{self.path}: not written after the error above")
        line = result.data or b""
        if not line.endswith(b"\n"):
            line += b"\n"
        size = os.fstat(self.fd).st_size
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(self.fd, view):]
        except OSError as exc:
            self.broken = True
            try:
                os.ftruncate(self.fd, size)
            except OSError:
                pass
            raise OutputError(f"{self.path}: {exc.strerror or exc}") from None

    def close(self, commit: bool) -> None:
        """Sync and close the file (kept either way: its lines are whole)."""
        try:
            os.fsync(self.fd)
        except OSError as exc:
            raise OutputError(f"{self.path}: {exc.strerror or exc}") from None
        finally:
            os.close(self.fd)


def sources_in(path: Path) -> tuple[set[str], int]:
    """The source locations of the articles in the JSON Lines file ``path``, and how many
    bytes of an unfinished last line were cut off its end (a run killed mid-write)."""
    import json

    sources: set[str] = set()
    try:
        fh = open(path, "r+b")
    except FileNotFoundError:
        return sources, 0
    except OSError as exc:
        raise OutputError(f"{path}: {exc.strerror or exc}") from None
    with fh:
        end = 0
        for line in fh:
            if not line.endswith(b"\n"):
                break
            end += len(line)
            try:
                location = json.loads(line)["meta"]["source"]["location"]
            except (ValueError, KeyError, TypeError):
                continue
            if isinstance(location, str):
                sources.add(location)
        torn = fh.seek(0, os.SEEK_END) - end
        if torn:
            fh.truncate(end)
    return sources, torn


class BundleSink(Sink):
    """Several articles rendered into one document (an EPUB with a chapter per article)."""

    wants_article = True

    def __init__(self, spec: Format, options: RenderOptions, path: Path | None, *,
                 no_clobber: bool) -> None:
        self.spec, self.options, self.path, self.no_clobber = spec, options, path, no_clobber
        self.articles: list[Any] = []

    def put(self, result: Result) -> None:
        """Keep the parsed article for the bundle."""
        self.articles.append(result.article)

    @property
    def holds_output(self) -> bool:
        """True when articles are waiting for the bundle."""
        return bool(self.articles)

    def close(self, commit: bool) -> None:
        """Render the bundle and write it (to stdout or atomically to the file)."""
        if not (commit and self.articles):
            return
        from .api import render_bundle

        try:
            data = render_bundle(self.articles, self.spec.name, self.options)
        except DecruftError as exc:
            raise OutputError(f"{self.path or '<stdout>'}: {exc}") from None
        if self.path is None:
            write_stdout(data)
        else:
            write_atomic(self.path, data, no_clobber=self.no_clobber)
