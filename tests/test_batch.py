"""A batch survives its pages: a page that hangs, eats memory or kills its worker process fails
alone, and the batch finishes with the right summary and exit code.

The hostile pages are read by a throwaway reader plugin, installed as pip leaves one; each
page's text says what the reader does with it.
"""

from __future__ import annotations

import sys
import time

import pytest

from cliutil import run_cli
from test_plugins import install_plugin

HOSTILE_READER = """
    import ctypes, os, signal, time
    from convert import hookimpl, Article, Meta
    from convert.article import Paragraph, Text

    def parse(data, ctx):
        verb, _, arg = data.decode().strip().partition(" ")
        if verb == "sleep":
            time.sleep(float(arg))
        elif verb == "alloc":  # megabytes, touched so they are really there
            block = bytearray(int(arg) << 20)
            block[::4096] = b"x" * len(block[::4096])
        elif verb == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif verb == "segv":
            ctypes.string_at(0)
        return Article(Meta(title=verb), (Paragraph((Text(f"{verb} {arg}".strip()),)),))

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
