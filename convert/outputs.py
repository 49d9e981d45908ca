"""Writing outputs safely: atomic replacement, no-clobber, and safe file names.

Every file is written to a temporary file in the target folder and renamed into place, so a
failure, a full disk or Ctrl-C never leaves a partial file, and a symlink at the target is
replaced rather than followed.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path
from typing import Iterable, NoReturn

from .errors import DecruftError
from .fetch import is_url, url_stem
from . import regexcache


class OutputError(DecruftError):
    """An output cannot be written (missing or read-only folder, existing file with -n)."""


class AtomicStream:
    """A file written piece by piece that appears under its name only on :meth:`commit`.

    Streams many articles into one file (JSON Lines from a web archive) without holding them
    in memory, and is how :func:`write_atomic` writes any file: nothing is ever left half
    written. With ``no_clobber`` an existing file (or symlink) at ``path`` is never replaced.

    A target that is not a regular file — a device (``/dev/null``, ``/dev/full``), a FIFO, a
    socket, or a process's file descriptor (``/dev/stdout``) — is opened and written in place:
    replacing it with a renamed file would destroy it (as root, ``/dev/null`` itself). Such a
    target holds no file to clobber, so ``no_clobber`` does not refuse it, and what was
    written to it cannot be taken back by :meth:`abort`.
    """

    def __init__(self, path: Path, *, no_clobber: bool = False) -> None:
        self.path = path
        self.no_clobber = no_clobber
        self._error: str | None = None
        self._tmp: str | None = None
        if writes_in_place(path):
            try:
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY)
            except OSError as exc:
                raise OutputError(f"{path}: {exc.strerror or exc}") from None
            self._fh = os.fdopen(fd, "wb")
            return
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            if folder.exists():
                raise OutputError(f"{path}: {folder} is not a folder")
            raise OutputError(f"{path}: output folder {folder} does not exist")
        if path.is_dir():
            raise OutputError(f"{path}: is a directory")
        if no_clobber and (path.exists() or path.is_symlink()):
            raise OutputError(f"{path}: exists (not overwritten because of --no-clobber)")
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".part",
                                             dir=folder)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write in {folder}: {exc.strerror}") from None
        self._fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        """Append ``data``; on failure the temporary file is removed and every later call
        raises the same :class:`OutputError`."""
        self._check()
        try:
            self._fh.write(data)
        except BaseException as exc:
            self._fail(exc)

    def commit(self) -> None:
        """Put the file in place under its name (with a normal file's permissions)."""
        self._check()
        try:
            self._fh.flush()
            if self._tmp is None:  # written in place: nothing to sync or rename
                self._fh.close()
                return
            os.fsync(self._fh.fileno())
            self._fh.close()
            # mkstemp creates 0600; give the file the permissions a normal write would.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self._tmp, 0o666 & ~umask)
            if self.no_clobber:
                # link() fails if the name exists: an atomic "create only if absent".
                try:
                    os.link(self._tmp, self.path)
                except FileExistsError:
                    raise OutputError(f"{self.path}: exists (not overwritten because of "
                                      "--no-clobber)") from None
                os.unlink(self._tmp)
            else:
                os.replace(self._tmp, self.path)
        except BaseException as exc:
            self._fail(exc)

    def abort(self) -> None:
        """Throw the temporary file away; the target is left as it was."""
        try:
            self._fh.close()
        except (OSError, ValueError):
            pass
        if self._tmp is not None:
            try:
                os.unlink(self._tmp)
            except OSError:
                pass

    def _check(self) -> None:
        if self._error is not None:
            raise OutputError(self._error)

    def _fail(self, exc: BaseException) -> NoReturn:
        self.abort()
        if isinstance(exc, OutputError):
            self._error = str(exc)
            raise exc
        if isinstance(exc, OSError):
            self._error = f"{self.path}: {exc.strerror or exc}"
            raise OutputError(self._error) from None
        self._error = f"{self.path}: not written ({type(exc).__name__})"
        raise exc


def replaced_input(output: Path, locations: Iterable[str | None]) -> str | None:
    """The first of ``locations`` whose existing file writing ``output`` would replace (by its
    own path or through a link), else ``None``: the command refuses, an input is never
    overwritten. The output's path is resolved once; a location that is no link and whose
    name is not the resolved output's cannot lead to it, and is not resolved."""
    try:
        target = output.resolve()
    except OSError:
        return None
    for location in locations:
        if not location:
            continue
        name = os.path.basename(location)
        if name not in ("", ".", "..") and name != target.name and not os.path.islink(location):
            continue
        try:
            if os.path.exists(location) and Path(location).resolve() == target:
                return location
        except OSError:
            continue
    return None


def writes_in_place(path: Path) -> bool:
    """True when ``path`` exists and is not a regular file or a folder (a device, a FIFO, a
    socket), or leads to a process's file descriptor (``/dev/stdout``, ``/proc/self/fd/1``)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        return True
    # /dev/stdout -> /proc/self/fd/1 -> the file the shell redirected to: resolving the whole
    # chain would name that file, so look for /proc/ link by link.
    name = os.path.abspath(path)
    for _ in range(40):
        if os.path.realpath(os.path.dirname(name)).startswith("/proc/"):
            return True
        if not os.path.islink(name):
            return False
        name = os.path.join(os.path.dirname(name), os.readlink(name))
    return False


def write_atomic(path: Path, data: bytes, *, no_clobber: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so a
    failure, a full disk or Ctrl-C never leaves a partial file."""
    stream = AtomicStream(path, no_clobber=no_clobber)
    stream.write(data)
    stream.commit()


# Names Windows refuses whatever the extension (CON.md is as bad as CON).
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
_UNSAFE = regexcache.compile(r"[^\w\-.]+", re.UNICODE)
MAX_STEM = 80

# What no file name may hold: path separators and NUL. Other controls (C0, DEL, C1) and the
# bidirectional overrides are legal on POSIX but make names that print wrongly or disguise
# their extension ("gpj.exe" shown reversed), so they go too. Surrogates U+DC80-U+DCFF stand
# for the undecodable bytes of a POSIX file name and are kept: they write back those bytes.
_NOT_IN_NAME = regexcache.compile(
    "[/\\\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udc7f\udd00-\udfff]")
# Windows also refuses these, and silently drops trailing dots and spaces.
_NOT_ON_WINDOWS = regexcache.compile(r'[<>:"|?*]')
#: Bytes a stem may take: file systems cap a name at 255 bytes, and a collision suffix and
#: the extension still have to fit.
MAX_STEM_BYTES = 200


def _cut_to_bytes(text: str, limit: int) -> str:
    """``text`` shortened to at most ``limit`` bytes (as the file system will write it), on a
    character boundary."""
    text = text[:limit]  # a character takes at least one byte
    while len(text.encode("utf-8", "surrogateescape")) > limit:
        text = text[:-1]
    return text


def file_stem(stem: str, *, fallback: str = "article", windows: bool = os.name == "nt") -> str:
    """The stem of an input made into an output file's stem, keeping it exactly as it is.

    ``Report ABC`` stays ``Report ABC`` (case, spaces and punctuation kept, as pandoc or
    LibreOffice keep them). Only what a file system cannot hold is replaced by ``_``: path
    separators, NUL and other controls, bidirectional overrides; on Windows (``windows``) also
    ``<>:"|?*``, trailing dots and spaces, and the reserved device names (``CON`` → ``_CON``).
    The stem is cut to :data:`MAX_STEM_BYTES` bytes of UTF-8; an empty stem is ``fallback``.
    """
    stem = _cut_to_bytes(_NOT_IN_NAME.sub("_", stem), MAX_STEM_BYTES)
    if windows:
        stem = _NOT_ON_WINDOWS.sub("_", stem).rstrip(" .")
        if stem.split(".")[0].strip().lower() in _RESERVED:
            stem = f"_{stem}"
    return stem if stem not in ("", ".", "..") else fallback


def safe_stem(text: str, *, fallback: str = "article") -> str:
    """A slug from free text (a title, for ``--name-from title``): lower case, words joined by
    ``-``, no separators, controls or dot-names, bounded length."""
    text = unicodedata.normalize("NFKC", text or "")
    text = "".join(ch for ch in text[:4 * MAX_STEM] if unicodedata.category(ch)[0] != "C")
    slug = _UNSAFE.sub("-", text.strip().lower()).strip("-._")
    slug = re.sub(r"-{2,}", "-", slug)
    # Bound the length in UTF-8 bytes too: file systems count bytes, not characters.
    slug = slug[:MAX_STEM]
    while len(slug.encode("utf-8")) > 200:
        slug = slug[:-1]
    slug = slug.rstrip("-._")
    if not slug or slug.split(".")[0] in _RESERVED:
        slug = f"{fallback}-{slug}" if slug else fallback
    return slug


class NamePlanner:
    """Hands out output paths in a folder, never the same one twice in a run."""

    def __init__(self, folder: Path, ext: str) -> None:
        self.folder = folder
        self.ext = ext
        self._taken: set[str] = set()

    def reserve_inputs(self, locations: list[str | None]) -> None:
        """Never hand out the name of an input: ``decruft convert page.txt -t txt -d .`` (or
        ``-r . -d .``) would otherwise replace the page with its own output, and a page's
        output could replace another input before it is read. An input that is a symlink
        keeps its own name and its target's. Depends only on the inputs, so reruns name alike.
        """
        try:
            folder = self.folder.resolve()
        except OSError:
            return
        suffix = f".{self.ext}".casefold()
        for location in locations:
            if not location:
                continue
            path = Path(location)
            # (a name without the output's extension, not a link, can name no output: most
            # runs change the extension, and their inputs cost no path resolved)
            if not path.name.casefold().endswith(suffix) and not os.path.islink(location):
                continue
            if not os.path.lexists(location):
                continue
            try:
                paths = {path.parent.resolve() / path.name, path.resolve()}
            except OSError:
                continue
            for each in paths:
                if each.parent == folder and each.name.casefold().endswith(suffix):
                    self._taken.add(_same_file_key(each.name[: -len(suffix)]))

    def name(self, stem: str) -> Path:
        """A path for ``stem`` (kept as it is, see :func:`file_stem`), numbered ``-2``,
        ``-3``... when already handed out.

        Names that differ only in case or Unicode normalisation count as the same, because
        they are the same file on macOS and Windows.
        """
        stem = file_stem(stem)
        candidate, n = stem, 1
        while _same_file_key(candidate) in self._taken:
            n += 1
            candidate = f"{stem}-{n}"
        self._taken.add(_same_file_key(candidate))
        return self.folder / f"{candidate}.{self.ext}"


def _same_file_key(stem: str) -> str:
    return unicodedata.normalize("NFC", stem).casefold()


def input_stem(location: str) -> str:
    """The stem of an input path: ``a/page.html.gz`` → ``page``."""
    name = Path(location).name
    for suffix in (".gz",):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return Path(name).stem or name


def location_stem(location: str | None) -> str:
    """The stem an output is named after when its input names it: a URL's host and path
    joined by ``-``, a file's name without its extensions, ``stdin`` for standard input."""
    if is_url(location):
        return url_stem(location or "").replace("/", "-")
    return input_stem(location) if location is not None else "stdin"
