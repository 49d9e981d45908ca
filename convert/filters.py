"""External filters in any language, like pandoc's JSON filters.

``--filter PROGRAM`` runs PROGRAM with the article's decruft JSON on stdin and reads the
transformed article JSON from its stdout; the result is validated like any JSON input. A
filter that fails, times out or prints something that is not a decruft article is an error
naming the program.

The article is handed over in a temporary file, not a pipe: a filter that exits without
reading all of its input must fail only its page, and writing into a pipe nobody reads would
raise SIGPIPE, which the command line leaves at its default action (killing decruft).

What a filter prints is read up to the input limit (its article is an input like any other):
a filter that prints without end must fail its page, not take all the memory there is. It
runs in a process group of its own, killed whole when it times out or prints too much, so
that a shell script's children (``sleep``, ``cat``) do not outlive it holding its pipes.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from typing import IO

from .article import Article
from .errors import DecruftError, InputError

#: Seconds a filter may run (override with DECRUFT_FILTER_TIMEOUT).
TIMEOUT = float(os.environ.get("DECRUFT_FILTER_TIMEOUT", "60"))
#: Bytes of a filter's standard error kept for the message (its last line is shown).
STDERR_TAIL = 64 * 1024
#: Seconds to wait, once the filter has exited, for its pipes to close: a child it left in
#: the background may hold them open.
_EXIT_GRACE = 2.0


class FilterError(DecruftError):
    """An external filter failed."""


def is_program(name: str) -> bool:
    """Whether ``--filter name`` means an external program rather than a registered transform."""
    return os.sep in name or (os.altsep is not None and os.altsep in name) or \
        shutil.which(name) is not None or " " in name.strip()


def run_external(program: str, article: Article) -> Article:
    from .jsonio import dump_bytes, loads

    argv = shlex.split(program)
    if os.path.exists(argv[0]) and not os.access(argv[0], os.X_OK):
        raise FilterError(f"filter {program!r}: not executable")
    try:
        with tempfile.TemporaryFile() as stdin:
            stdin.write(dump_bytes(article, indent=None))
            stdin.seek(0)
            returncode, stdout, stderr = _run(argv, stdin, program)
    except FileNotFoundError:
        raise FilterError(f"filter {program!r}: program not found") from None
    except OSError as exc:
        raise FilterError(f"filter {program!r}: {exc.strerror or exc}") from None
    if returncode != 0:
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        tail = f": {detail[-1][:200]}" if detail else ""
        if returncode < 0:
            raise FilterError(f"filter {program!r} was killed by signal {-returncode}{tail}")
        raise FilterError(f"filter {program!r} exited with status {returncode}{tail}")
    if not stdout.strip():
        raise FilterError(f"filter {program!r} printed nothing (it must print the article JSON)")
    try:
        return loads(stdout)
    except InputError as exc:
        raise FilterError(f"filter {program!r} returned an invalid article: {exc}") from None


class _Drain:
    """Reads one pipe in a thread: all of it up to ``limit`` bytes (``over`` is set past
    that, and ``on_over`` called), or, with ``tail``, only its last ``limit`` bytes."""

    def __init__(self, pipe: IO[bytes], limit: int, *, tail: bool = False,
                 on_over=None) -> None:  # type: ignore[no-untyped-def]
        self.pipe, self.limit, self.tail, self.on_over = pipe, limit, tail, on_over
        self.chunks: list[bytes] = []
        self.size = 0
        self.over = False
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        with self.pipe:
            while chunk := self.pipe.read1(65536):  # type: ignore[attr-defined]
                self.chunks.append(chunk)
                self.size += len(chunk)
                if self.size <= self.limit:
                    continue
                if self.tail:
                    data = b"".join(self.chunks)[-self.limit:]
                    self.chunks, self.size = [data], len(data)
                    continue
                self.over = True
                if self.on_over is not None:
                    self.on_over()
                return

    def data(self) -> bytes:
        return b"".join(self.chunks)


def _spawn(argv: list[str], stdin: IO[bytes], posix: bool) -> subprocess.Popen[bytes]:
    """Start the filter in a session of its own, Ctrl-C and the ``--timeout`` alarm held off
    until its process is known: one arriving while ``Popen`` waits for the exec, after the
    child exists but before its pid is returned, would leave it running with nobody to kill
    it (its own group gets no signal from the terminal). A held signal is delivered as soon as
    the filter is started, and :func:`_run`'s handler then kills it."""
    def start() -> subprocess.Popen[bytes]:
        return subprocess.Popen(argv, stdin=stdin, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=posix)

    if threading.current_thread() is not threading.main_thread():
        return start()  # (signals are handled in the main thread only)
    signums = [s for s in (signal.SIGINT, getattr(signal, "SIGALRM", None))
               if s is not None and signal.getsignal(s) is not None]
    held: list[int] = []
    previous = {s: signal.signal(s, lambda signum, _frame: held.append(signum)) for s in signums}
    proc = None
    try:
        proc = start()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        if held:  # delivered now, to the handler it was meant for (a failed start included)
            try:
                signal.raise_signal(held[0])
            except BaseException:
                if proc is not None:
                    _kill(proc, posix)
                    proc.wait()
                raise
    return proc


def _kill(proc: subprocess.Popen[bytes], posix: bool) -> None:
    """Kill the filter and every process of its group."""
    try:
        if posix:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except OSError:
        pass  # gone already


def _run(argv: list[str], stdin: IO[bytes], program: str) -> tuple[int, bytes, bytes]:
    """Run the filter: its exit status, its output and the tail of its standard error."""
    from .api import MAX_INPUT_BYTES

    posix = os.name == "posix"
    proc = _spawn(argv, stdin, posix)

    def kill() -> None:
        _kill(proc, posix)

    drains: list[_Drain] = []
    try:
        # (inside the try: a Ctrl-C while the reader threads start must kill the filter too)
        out = _Drain(proc.stdout, MAX_INPUT_BYTES, on_over=kill)  # type: ignore[arg-type]
        drains.append(out)
        err = _Drain(proc.stderr, STDERR_TAIL, tail=True)  # type: ignore[arg-type]
        drains.append(err)
        deadline = time.monotonic() + TIMEOUT
        try:
            proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            kill()
            raise FilterError(f"filter {program!r}: no answer within {TIMEOUT:g} s") from None
        for drain in drains:
            drain.thread.join(max(0.0, min(_EXIT_GRACE, deadline - time.monotonic())))
        if out.thread.is_alive() or err.thread.is_alive():
            kill()  # a child left in the background holds the pipes: the filter is done
    except BaseException:
        kill()  # Ctrl-C or a --timeout alarm: its own group gets no signal from the terminal
        raise
    finally:
        proc.wait()
        for drain in drains:
            drain.thread.join(5)
    if out.over:
        raise FilterError(f"filter {program!r} printed more than the input limit of "
                          f"{MAX_INPUT_BYTES} bytes")
    return proc.returncode, out.data(), err.data()
