"""Worker processes that can be killed: a page that hangs, eats memory or crashes its process
costs that page alone.

A page can hang or blow up inside C code (the HTML parser, a regular expression, a plugin's
library), where no signal handler or exception reaches it; the only sure way to stop it is to
kill the process holding it. So :class:`Pool` gives each worker process one job at a time,
over its own pipe, and watches the clock and the process: a job past its deadline gets its
worker killed and is reported ``timed out after N s``; a worker that dies (SIGKILL from the
OOM killer, a segfault) fails the job it held; either way a fresh worker takes its place and
the batch goes on. ``max_memory`` caps each worker's address space (``RLIMIT_AS``), so a huge
page raises :class:`MemoryError` in its worker, not the machine's OOM killer.

Workers are forked: a respawn costs a few milliseconds, with the plugins already loaded. The
parent keeps no other threads while it forks (the progress bar is redrawn from the main
thread), which is what makes forking safe. Workers ignore SIGINT and SIGTERM: a Ctrl-C on the
terminal reaches the whole process group, and the parent, which decides, kills them.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Iterator

from .batch import OUT_OF_MEMORY, Result, Settings, convert_one
from .errors import DecruftError
from .inputs import Job

#: Jobs handed out beyond the oldest unfinished one, per worker: bounds memory when the jobs
#: come from a huge archive while results are yielded in input order.
WINDOW_PER_WORKER = 16
#: Workers that die one after the other without holding a job before the pool gives up.
MAX_IDLE_DEATHS = 5


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (typed loosely: the fork context's class)
    conn: Connection
    index: int | None = None
    job: Job | None = None
    deadline: float | None = None


class Pool:
    """Worker processes converting jobs with ``settings``, each job within ``timeout``
    seconds (0 = no limit) and each worker within ``max_memory`` bytes (0 = no limit)."""

    def __init__(self, settings: Settings, workers: int, *, timeout: float = 0,
                 max_memory: int = 0) -> None:
        self.settings, self.size = settings, max(1, workers)
        self.timeout, self.max_memory = timeout, max_memory
        self._ctx = multiprocessing.get_context("fork")
        self._workers: list[_Worker] = []

    def run(self, jobs: Iterator[Job]) -> Iterator[Result]:
        """Convert every job; yields one result per job, in input order."""
        try:
            yield from self._run(jobs)
        finally:
            self._stop()

    def _run(self, jobs: Iterator[Job]) -> Iterator[Result]:
        self._workers = [self._spawn() for _ in range(self.size)]
        done: dict[int, Result] = {}
        next_in = next_out = idle_deaths = 0
        exhausted = False
        while True:
            for i, worker in enumerate(self._workers):
                if exhausted or next_in >= next_out + WINDOW_PER_WORKER * self.size:
                    break
                if worker.job is not None:
                    continue
                job = next(jobs, None)
                if job is None:
                    exhausted = True
                elif job.error is not None:  # failed before conversion: nothing to run
                    done[next_in] = Result(job, error=job.error)
                    next_in += 1
                else:
                    while not self._give(worker, next_in, job):  # it died while idle
                        idle_deaths = self._idle_death(idle_deaths, worker)
                        worker = self._workers[i] = self._replace(worker)
                    next_in += 1
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in self._workers if w.job is not None]
            if not busy:
                if exhausted:
                    return
                continue
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            wait_for = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = set(wait([w.conn for w in busy] +
                             [w.process.sentinel for w in self._workers], wait_for))
            for i, worker in enumerate(self._workers):
                busy_ready = worker.job is not None and worker.conn in ready
                if not (busy_ready or worker.process.sentinel in ready):
                    if worker.deadline is not None and time.monotonic() >= worker.deadline:
                        assert worker.job is not None and worker.index is not None
                        done[worker.index] = Result(
                            worker.job, error=f"timed out after {self.timeout:g} s")
                        self._workers[i] = self._replace(worker)
                    continue
                result = self._collect(worker)
                if result is not None:
                    assert worker.index is not None
                    done[worker.index] = result
                    worker.index = worker.job = worker.deadline = None
                    idle_deaths = 0
                    continue
                if worker.job is None:  # died between jobs: nothing lost, but not forever
                    idle_deaths = self._idle_death(idle_deaths, worker)
                else:
                    assert worker.index is not None
                    done[worker.index] = Result(worker.job, error=f"worker process died "
                                                f"({_exit_reason(worker.process)})")
                self._workers[i] = self._replace(worker)

    def _idle_death(self, deaths: int, worker: _Worker) -> int:
        """Count a worker that died holding no job; give up when they keep dying."""
        if deaths + 1 > MAX_IDLE_DEATHS:
            raise DecruftError(f"worker processes keep dying ({_exit_reason(worker.process)})")
        return deaths + 1

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(child, self.settings,
                                                          self.max_memory), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def _give(self, worker: _Worker, index: int, job: Job) -> bool:
        """Send ``job`` to the idle ``worker``; False if the worker is gone."""
        # The worker is waiting in recv(), so a large page cannot fill the pipe both ways.
        # SIGPIPE is blocked meanwhile: the command line lets it kill the process (for
        # `decruft ... | head`), and a worker that died idle must not take the parent along.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
        try:
            worker.conn.send((index, job))
        except OSError:  # EPIPE, ECONNRESET
            if hasattr(signal, "sigtimedwait"):
                signal.sigtimedwait({signal.SIGPIPE}, 0)  # consume it while still blocked
            return False
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        worker.index, worker.job = index, job
        worker.deadline = time.monotonic() + self.timeout if self.timeout else None
        return True

    def _collect(self, worker: _Worker) -> Result | None:
        """The result the busy ``worker`` sent, or None when it died without one."""
        if worker.job is None or not worker.conn.poll():
            return None
        try:
            data, article, error = worker.conn.recv()
        except (EOFError, OSError):
            return None
        return Result(worker.job, data=data, article=article, error=error)

    def _replace(self, worker: _Worker) -> _Worker:
        _kill(worker)
        return self._spawn()

    def _stop(self) -> None:
        for worker in self._workers:
            _kill(worker)
        self._workers = []


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        _kill_filters(worker.process.pid)
        worker.process.kill()
    worker.process.join()
    worker.process.close()
    worker.conn.close()


def _kill_filters(pid: int | None) -> None:
    """Kill the process groups of a worker's children: an external --filter runs in a group
    of its own (convert.filters), which a worker killed for its page's timeout left running
    for ever, children and all. Linux only (/proc); elsewhere they run out their own time."""
    if pid is None:
        return
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue  # gone meanwhile
        # (state, ppid, pgrp): a child of the worker that leads its own group is a filter
        if len(fields) > 2 and int(fields[1]) == pid and int(fields[2]) == int(entry):
            try:
                os.killpg(int(entry), signal.SIGKILL)
            except OSError:
                pass


def _exit_reason(process: Any) -> str:
    process.join()
    code = process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"killed by {name}"
    return f"exit status {code}"


def _serve(conn: Connection, settings: Settings, max_memory: int) -> None:
    """A worker's life: convert each job the parent sends until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _die_with_parent()
    if max_memory:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
    while True:
        try:
            _, job = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        result = convert_one(job, settings)
        error = result.error
        if error == OUT_OF_MEMORY and max_memory:
            error = f"{OUT_OF_MEMORY} (over the --max-memory limit of {_size(max_memory)})"
        try:
            conn.send((result.data, result.article, error))
        except MemoryError:
            conn.send((None, None, OUT_OF_MEMORY))


def _die_with_parent() -> None:
    """Linux: be killed when the parent dies (a parent killed by SIGKILL cannot stop a worker
    stuck in a page, and nothing else would)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _size(n: int) -> str:
    """``n`` bytes for a message: ``512 MiB``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:g} {unit}"
    return f"{n} bytes"
