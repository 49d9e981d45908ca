"""External --filter programs (convert/filters.py): a filter that misbehaves fails its page in
bounded time and memory, with one line naming it, and leaves no process behind."""

from __future__ import annotations

import os
import sys
import time

import pytest

from convert import filters, parse
from convert.filters import FilterError, run_external

pytestmark = pytest.mark.skipif(os.name != "posix", reason="shell-script filters")

PAGE = b"<html><body><article><h1>Hi</h1><p>" + b"Some words of the article. " * 20 + \
    b"</p></article></body></html>"


def _script(tmp_path, name: str, body: str) -> str:
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(0o755)
    return str(path)


def test_a_filter_that_prints_without_end_fails_at_the_input_limit(tmp_path, monkeypatch):
    # cat /dev/zero: the whole output was kept in memory (23 GB before it was killed)
    monkeypatch.setattr("convert.api.MAX_INPUT_BYTES", 1 << 20)
    prog = _script(tmp_path, "zero.sh", "cat /dev/zero")
    start = time.monotonic()
    with pytest.raises(FilterError, match="printed more than the input limit of 1048576 bytes"):
        run_external(prog, parse(PAGE))
    assert time.monotonic() - start < 10


def test_only_the_tail_of_standard_error_is_kept(tmp_path):
    prog = _script(tmp_path, "noisy.sh",
                   "cat >/dev/null; head -c 5000000 /dev/zero | tr '\\0' x >&2; "
                   "echo >&2; echo 'the last line' >&2; exit 3")
    with pytest.raises(FilterError, match="exited with status 3: the last line$"):
        run_external(prog, parse(PAGE))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:  # a zombie is gone for our purpose
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:  # reaped between the two looks
        return False


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_a_timed_out_filter_leaves_no_child_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(filters, "TIMEOUT", 1.0)
    pidfile = tmp_path / "pid"
    prog = _script(tmp_path, "hang.sh", f"sleep 1000 & echo $! > {pidfile}; wait")
    with pytest.raises(FilterError, match="no answer within 1 s"):
        run_external(prog, parse(PAGE))
    time.sleep(0.2)
    assert not _alive(int(pidfile.read_text()))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_a_background_child_holding_the_pipe_does_not_hold_the_page(tmp_path, monkeypatch):
    # the filter answered and exited; its child kept stdout open: the page waited 60 s
    monkeypatch.setattr(filters, "TIMEOUT", 30.0)
    pidfile = tmp_path / "pid"
    prog = _script(tmp_path, "bg.sh", f"sleep 1000 & echo $! > {pidfile}; cat")
    start = time.monotonic()
    article = run_external(prog, parse(PAGE))
    assert time.monotonic() - start < 10
    assert article.meta.title == "Hi"
    time.sleep(0.2)
    assert not _alive(int(pidfile.read_text()))


def test_a_good_filter_still_works(tmp_path):
    script = tmp_path / "title.py"
    script.write_text("import json, sys\nd = json.load(sys.stdin)\nd['meta']['title'] = 'X'\n"
                      "sys.stderr.write('note\\n')\njson.dump(d, sys.stdout)\n")
    assert run_external(f"{sys.executable} {script}", parse(PAGE)).meta.title == "X"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_ctrl_c_stops_the_filter_too(tmp_path):
    # the filter's own process group gets no SIGINT from the terminal: decruft waited on it
    import signal
    import subprocess

    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    pidfile = tmp_path / "pid"
    prog = _script(tmp_path, "hang.sh", f"echo $$ > {pidfile}; exec sleep 1000")
    proc = subprocess.Popen([sys.executable, "-m", "convert", "convert", str(page), "-t", "md",
                             "--filter", prog], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    for _ in range(100):
        if pidfile.exists() and pidfile.read_text().strip():
            break
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    try:
        assert proc.wait(timeout=10) == 130
    finally:
        proc.kill()
        filter_pid = int(pidfile.read_text())
        # The filter gets SIGTERM as decruft exits; on a loaded machine it may take a moment
        # to be reaped, so wait up to 5 s before calling it a survivor.
        for _ in range(50):
            if not _alive(filter_pid):
                break
            time.sleep(0.1)
        if _alive(filter_pid):
            os.kill(filter_pid, signal.SIGKILL)
            pytest.fail("the filter outlived decruft")


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_ctrl_c_while_the_filter_starts_kills_it(tmp_path, monkeypatch):
    # Ctrl-C landing inside Popen, after the child exists but before its pid is known to
    # decruft (the window a loaded machine widens): held off, then delivered, and the filter
    # killed rather than left running in its own session.
    import signal
    import subprocess
    import threading

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("a signal reaches the main thread only")
    real = subprocess.Popen
    started = []

    def popen_hit_by_ctrl_c(*args, **kwargs):
        proc = real(["sleep", "1000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                    start_new_session=True)
        started.append(proc)
        os.kill(os.getpid(), signal.SIGINT)  # arrives before Popen returns
        return proc

    monkeypatch.setattr(filters.subprocess, "Popen", popen_hit_by_ctrl_c)
    # Python's own Ctrl-C handler, whatever an earlier test of the run left installed
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            filters._run(["ignored"], None, "ignored")
        assert started and started[0].poll() is not None  # killed and reaped
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
