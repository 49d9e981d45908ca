"""A batch survives its pages: a page that hangs, eats memory or kills its worker process fails
alone, and the batch finishes with the right summary and exit code.

The hostile pages are read by a throwaway reader plugin, installed as pip leaves one; each
page's text says what the reader does with it.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cliutil import run_cli
from test_plugins import install_plugin

HOSTILE_READER = """
    import ctypes, os, signal, time
    from convert import hookimpl, Article, Meta
    from convert.article import Paragraph, Source, Text

    def parse(data, ctx):
        verb, _, arg = data.decode().strip().partition(" ")
        if verb == "sleep":
            time.sleep(float(arg))
        elif verb == "alloc":  # megabytes, touched so they are really there
            block = bytearray(int(arg) << 20)
            block[::4096] = b"x" * len(block[::4096])
        elif verb in ("wait", "stubborn"):  # says it started, then hangs
            open(arg, "w").close()
            while True:
                try:
                    time.sleep(600)
                except KeyboardInterrupt:  # a plugin that swallows Ctrl-C
                    if verb == "wait":
                        raise
        elif verb == "big":  # an article of about N kilobytes
            return Article(Meta(title=verb, source=Source(ctx.location, "hostile")),
                           (Paragraph((Text("word " * (int(arg) * 205)),)),))
        elif verb == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif verb == "segv":
            ctypes.string_at(0)
        return Article(Meta(title=verb, source=Source(ctx.location, "hostile")),
                       (Paragraph((Text(f"{verb} {arg}".strip()),)),))

    @hookimpl
    def register_readers(registry):
        registry.add("hostile", parse, extensions=["hostile"])
"""


@pytest.fixture
def hostile(tmp_path):
    """A folder of pages for the hostile reader, and the environment that installs it."""
    site = tmp_path / "site"
    install_plugin(site, "throwaway-hostile", {"throwaway_hostile": HOSTILE_READER},
                   {"hostile": "throwaway_hostile"})
    pages = tmp_path / "pages"
    pages.mkdir()

    def make(**named: str) -> list[str]:
        paths = []
        for name, text in named.items():
            path = pages / f"{name}.hostile"
            path.write_text(text)
            paths.append(str(path))
        return paths

    make.env = {"PYTHONPATH": str(site)}  # type: ignore[attr-defined]
    make.tmp = tmp_path  # type: ignore[attr-defined]
    return make


def _errors(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def test_a_page_past_its_time_limit_is_killed_and_the_batch_goes_on(hostile):
    paths = hostile(a="fine", slow="sleep 600", b="fine")
    out = hostile.tmp / "out"
    started = time.monotonic()
    proc = run_cli("convert", *paths, "-d", str(out), "-t", "txt", "--timeout", "1.5",
                   env=hostile.env)
    assert time.monotonic() - started < 60
    assert proc.returncode == 1
    assert _errors(proc) == [f"decruft: {paths[1]}: timed out after 1.5 s",
                             "decruft: 2 converted, 1 failed"]
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]


def test_one_page_with_an_explicit_time_limit_is_killed_too(hostile):
    [slow] = hostile(slow="sleep 600")
    proc = run_cli("convert", slow, "-t", "txt", "--timeout", "1", env=hostile.env)
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert _errors(proc) == [f"decruft: {slow}: timed out after 1 s"]


def test_a_page_over_the_memory_limit_fails_alone(hostile):
    paths = hostile(a="fine", huge="alloc 1500", b="fine")
    out = hostile.tmp / "out"
    proc = run_cli("convert", *paths, "-d", str(out), "-t", "txt", "--max-memory", "400M",
                   "-j", "2", env=hostile.env)
    assert proc.returncode == 1
    assert _errors(proc) == [f"decruft: {paths[1]}: out of memory (over the --max-memory "
                             "limit of 400 MiB)", "decruft: 2 converted, 1 failed"]
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "b.txt"]
    # Without the limit the same page converts: the limit is what failed it.
    proc = run_cli("convert", paths[1], "-t", "txt", env=hostile.env)
    assert (proc.returncode, proc.stdout) == (0, b"alloc 1500\n"), proc.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("verb, signal_name", [("kill", "SIGKILL"), ("segv", "SIGSEGV")])
def test_a_worker_that_dies_fails_only_its_page(hostile, jobs, verb, signal_name):
    paths = hostile(p1="fine", p2="fine", dies=verb, p3="fine", p4="fine", p5="fine")
    out = hostile.tmp / "out"
    proc = run_cli("convert", *paths, "-d", str(out), "-t", "txt", "-j", jobs,
                   env=hostile.env)
    assert proc.returncode == 1
    assert _errors(proc) == [f"decruft: {paths[2]}: worker process died (killed by "
                             f"{signal_name})", "decruft: 5 converted, 1 failed"]
    assert sorted(p.name for p in out.iterdir()) == ["p1.txt", "p2.txt", "p3.txt", "p4.txt",
                                                     "p5.txt"]


def test_pool_yields_in_order_through_deaths_and_timeouts(hostile, monkeypatch):
    """In-process: the pool rebuilds workers and keeps input order."""
    from convert import plugins
    from convert.batch import Settings, run
    from convert.inputs import Job

    monkeypatch.syspath_prepend(hostile.env["PYTHONPATH"])
    plugins.reset()
    try:
        verbs = ["fine", "kill", "fine", "sleep 600", "fine", "kill", "fine", "fine"]
        jobs = [Job(f"page{i}.hostile", v.encode(), kind="hostile") for i, v in enumerate(verbs)]
        results = list(run(iter(jobs), Settings(fmt="txt"), workers=2, timeout=1))
    finally:
        plugins.reset()
        sys.modules.pop("throwaway_hostile", None)
    assert [r.job.location for r in results] == [j.location for j in jobs]
    assert [r.error for r in results] == [
        None, "worker process died (killed by SIGKILL)", None, "timed out after 1 s", None,
        "worker process died (killed by SIGKILL)", None, None]
    assert results[0].data == b"fine\n"


# --------------------------------------------------------------------------- signals

def _start(hostile, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "convert", "convert", *args],
                            env={**os.environ, **hostile.env}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def _wait_for(marker: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the slow page never started"
        time.sleep(0.05)


def _descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        try:
            kids = Path(f"/proc/{todo.pop()}/task").glob("*/children")
            for kid in (int(k) for f in kids for k in f.read_text().split()):
                found.add(kid)
                todo.append(kid)
        except OSError:
            pass
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.parametrize("sig, code, word", [(signal.SIGINT, 130, "interrupted"),
                                             (signal.SIGTERM, 143, "terminated")])
@pytest.mark.parametrize("mode", ["-o", "-d"])
def test_a_signal_mid_batch_leaves_no_partial_output(hostile, sig, code, word, mode):
    marker = hostile.tmp / "started"
    paths = hostile(a="fine", b="fine", slow=f"wait {marker}", c="fine")
    out = hostile.tmp / "out"
    out.mkdir()
    target = [str(out / "all.jsonl")] if mode == "-o" else [str(out)]
    # One worker: a is written before the slow page starts (b may or may not be).
    proc = _start(hostile, *paths, mode, *target, "-t", "jsonl", "-j", "1")
    _wait_for(marker, proc)
    workers = _descendants(proc.pid)
    assert workers, "the batch runs in worker processes"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert err.decode().splitlines()[-1] == f"decruft: {word}"
    # -o: the stream is thrown away. -d: pages finished before the signal stay, each whole
    # (b may have been being written when the signal came: then it is not there at all); no
    # temporary file is left.
    left = sorted(p.name for p in out.iterdir())
    if mode == "-o":
        assert left == []
    else:
        assert left in (["a.jsonl"], ["a.jsonl", "b.jsonl"])
    for name in left:
        assert (out / name).read_bytes().endswith(b"}\n")
    deadline = time.monotonic() + 10
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(workers), "worker processes outlived the batch"


def test_a_second_ctrl_c_ends_at_once(hostile):
    marker = hostile.tmp / "started"
    [page] = hostile(stubborn=f"stubborn {marker}")
    proc = _start(hostile, page, "-t", "txt")
    _wait_for(marker, proc)
    proc.send_signal(signal.SIGINT)  # swallowed by the page's reader
    time.sleep(0.5)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGINT


def test_runner_throws_the_stream_away_when_the_pool_dies(tmp_path, monkeypatch):
    """The runner's clean-up path: the results stop with an exception mid-batch (a pool that
    cannot go on, Ctrl-C) after some pages were streamed into -o all.jsonl."""
    from convert import runner
    from convert.batch import Result

    pages = []
    for name in "abc":
        page = tmp_path / f"{name}.json"
        page.write_bytes((Path(__file__).parent / "fixtures/articles/minimal.json").read_bytes())
        pages.append(str(page))
    closed = []

    def dying_run(jobs, settings, **kwargs):
        try:
            for i, job in enumerate(jobs):
                if i == 2:
                    raise RuntimeError("worker pool broken")
                yield Result(job, data=b'{"page": %d}\n' % i)
        finally:
            closed.append(True)

    monkeypatch.setattr(runner, "run", dying_run)
    target = tmp_path / "out" / "all.jsonl"
    target.parent.mkdir()
    with pytest.raises(RuntimeError, match="worker pool broken"):
        runner.execute(runner.Request(inputs=pages, to="jsonl", output=target, quiet=True))
    assert list(target.parent.iterdir()) == [] and closed == [True]
    # The same run with a Ctrl-C instead, and an older file in place: it is left as it was.
    target.write_bytes(b"older\n")

    def interrupted_run(jobs, settings, **kwargs):
        for i, job in enumerate(jobs):
            if i == 1:
                raise KeyboardInterrupt
            yield Result(job, data=b"{}\n")

    monkeypatch.setattr(runner, "run", interrupted_run)
    with pytest.raises(KeyboardInterrupt):
        runner.execute(runner.Request(inputs=pages, to="jsonl", output=target, quiet=True))
    assert [p.name for p in target.parent.iterdir()] == ["all.jsonl"]
    assert target.read_bytes() == b"older\n"


# --------------------------------------------------------------------------- full disk

@pytest.fixture
def small_fs(tmp_path):
    """A 2 MiB tmpfs, when this user can mount one (root, outside a locked-down container)."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the file system of ``folder`` until about ``leave`` bytes are free."""
    stat = os.statvfs(folder)
    (folder / "ballast").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - leave))


def test_a_full_disk_fails_page_by_page_leaving_no_partial_file(hostile, small_fs):
    out = small_fs / "out"
    out.mkdir()
    _fill(small_fs, 200 << 10)
    paths = hostile(**{f"p{i}": "big 60" for i in range(8)})
    proc = run_cli("convert", *paths, "-d", str(out), "-t", "txt", env=hostile.env)
    assert proc.returncode == 1
    lines = _errors(proc)
    written = sorted(p.name for p in out.iterdir())
    failed = [line for line in lines[:-1]]
    assert 1 <= len(written) < 8 and len(failed) == 8 - len(written), (lines, written)
    for line in failed:
        assert re.fullmatch(r"decruft: \S+/p\d\.hostile: \S+/p\d\.txt: No space left on "
                            r"device", line), line
    assert lines[-1] == f"decruft: {len(written)} converted, {len(failed)} failed"
    expected = run_cli("convert", paths[0], "-t", "txt", env=hostile.env).stdout
    assert len(expected) > 60_000
    for name in written:  # whole files only: no zero-byte or truncated file, no temp file
        assert (out / name).read_bytes() == expected, name


def test_a_stream_onto_a_full_disk_stops_with_one_line(hostile, small_fs):
    _fill(small_fs, 200 << 10)
    paths = hostile(**{f"p{i}": "big 60" for i in range(8)})
    target = small_fs / "all.jsonl"
    proc = run_cli("convert", *paths, "-o", str(target), env=hostile.env)
    assert proc.returncode == 1
    lines = _errors(proc)
    assert lines[0] == f"decruft: {target}: No space left on device"
    assert re.fullmatch(r"decruft: 0 converted, \d failed", lines[-1]) and len(lines) == 2
    assert sorted(p.name for p in small_fs.iterdir()) == ["ballast"]


# --------------------------------------------------------------------------- resuming

def test_skip_existing_reruns_only_what_is_missing_with_the_same_names(hostile):
    one, two = hostile.tmp / "pages" / "one", hostile.tmp / "pages" / "two"
    one.mkdir(), two.mkdir()
    (one / "index.hostile").write_text("fine")
    (two / "index.hostile").write_text("kill")  # fails in the first run
    (two / "last.hostile").write_text("fine")
    out = hostile.tmp / "out"
    args = ["-r", str(hostile.tmp / "pages"), "-d", str(out), "-t", "txt"]
    first = run_cli("convert", *args, env=hostile.env)
    assert first.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["index.txt", "last.txt"]
    (out / "index.txt").write_text("kept as it was")
    (two / "index.hostile").write_text("fine now")
    again = run_cli("convert", *args, "--skip-existing", env=hostile.env)
    assert again.returncode == 0, again.stderr
    assert _errors(again) == ["decruft: 1 converted, 0 failed, 2 skipped (already done)"]
    # The page that failed keeps the name it had in the input order: index-2, not index.
    assert sorted(p.name for p in out.iterdir()) == ["index-2.txt", "index.txt", "last.txt"]
    assert (out / "index.txt").read_text() == "kept as it was"
    assert (out / "index-2.txt").read_text() == "fine now\n"


def _sources(path: Path) -> list[str]:
    import json

    return [Path(json.loads(line)["meta"]["source"]["location"]).name
            for line in path.read_bytes().splitlines()]


def test_append_skips_pages_already_in_the_file_and_mends_a_torn_line(hostile):
    paths = hostile(a="fine", b="fine", c="fine")
    target = hostile.tmp / "all.jsonl"
    assert run_cli("convert", *paths[:2], "-o", str(target), env=hostile.env).returncode == 0
    whole = target.read_bytes()
    with open(target, "ab") as fh:
        fh.write(b'{"schema": "decruft.article", "meta": {"tit')  # a run killed mid-line
    proc = run_cli("convert", *paths, "-o", str(target), "--skip-existing", env=hostile.env)
    assert proc.returncode == 0, proc.stderr
    assert _errors(proc) == [
        f"decruft: {target}: cut off an unfinished last line (43 bytes) before appending",
        "decruft: 1 converted, 0 failed, 2 skipped (already done)"]
    assert target.read_bytes().startswith(whole)
    assert _sources(target) == ["a.hostile", "b.hostile", "c.hostile"]
    # --append alone adds without skipping.
    proc = run_cli("convert", paths[0], paths[1], "-o", str(target), "--append",
                   env=hostile.env)
    assert proc.returncode == 0 and _sources(target)[3:] == ["a.hostile", "b.hostile"]


def test_an_appending_run_killed_mid_batch_keeps_whole_lines_and_resumes(hostile):
    marker = hostile.tmp / "started"
    paths = hostile(a="fine", b="fine", slow=f"wait {marker}", c="fine")
    target = hostile.tmp / "all.jsonl"
    proc = _start(hostile, *paths, "-o", str(target), "--append", "-j", "1")
    _wait_for(marker, proc)
    time.sleep(0.3)  # b's line is written as soon as it converted: give the parent the time
    proc.kill()
    proc.communicate(timeout=30)
    assert _sources(target) == ["a.hostile", "b.hostile"]
    assert target.read_bytes().endswith(b"\n")
    Path(paths[2]).write_text("fine")
    again = run_cli("convert", *paths, "-o", str(target), "--skip-existing", env=hostile.env)
    assert again.returncode == 0, again.stderr
    assert _errors(again) == ["decruft: 2 converted, 0 failed, 2 skipped (already done)"]
    assert _sources(target) == ["a.hostile", "b.hostile", "slow.hostile", "c.hostile"]


def test_an_append_that_fills_the_disk_leaves_whole_lines(hostile, small_fs):
    paths = hostile(**{f"p{i}": "big 60" for i in range(8)})
    target = small_fs / "all.jsonl"
    target.write_bytes(b"")
    _fill(small_fs, 200 << 10)
    proc = run_cli("convert", *paths, "-o", str(target), "--append", env=hostile.env)
    assert proc.returncode == 1
    lines = _errors(proc)
    assert lines[0] == f"decruft: {target}: No space left on device"
    kept = _sources(target)  # every line parses
    assert 1 <= len(kept) < 8 and kept == [f"p{i}.hostile" for i in range(len(kept))]
    assert lines[-1] == f"decruft: {len(kept)} converted, 1 failed"
    assert target.read_bytes().endswith(b"\n")


def test_a_worker_that_dies_while_idle_is_replaced_before_its_next_page(hostile, monkeypatch):
    """The parent hands the next page to a worker that has just died (between pages): the
    send fails (with SIGPIPE at its default action, as on the command line, it would kill the
    parent), the worker is replaced and the page converts."""
    from convert import plugins
    from convert.batch import Settings
    from convert.inputs import Job
    from convert.workers import Pool

    monkeypatch.syspath_prepend(hostile.env["PYTHONPATH"])
    plugins.reset()
    pool = Pool(Settings(fmt="txt"), 1)

    def jobs():
        yield Job("first.hostile", b"fine", kind="hostile")
        # Asked for only once the first page is back: the worker is idle. Kill it.
        victim = pool._workers[0].process
        os.kill(victim.pid, signal.SIGKILL)
        while Path(f"/proc/{victim.pid}/stat").read_text().split(") ")[1][0] != "Z":
            time.sleep(0.01)
        yield Job("second.hostile", b"also fine", kind="hostile")

    default = signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    try:
        results = list(pool.run(jobs()))
    finally:
        signal.signal(signal.SIGPIPE, default)
        plugins.reset()
        sys.modules.pop("throwaway_hostile", None)
    assert [(r.job.location, r.error, r.data) for r in results] == [
        ("first.hostile", None, b"fine\n"), ("second.hostile", None, b"also fine\n")]
