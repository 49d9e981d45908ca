"""The worker processes of a batch (convert/workers.py): a worker killed for its page's
timeout takes its external filter's processes with it."""

from __future__ import annotations

import os
import sys
import time

import pytest

from cliutil import run_cli

PAGE = b"<html><body><article><h1>Hi</h1><p>" + b"Some words of the article. " * 20 + \
    b"</p></article></body></html>"


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_page_timeout_kills_its_filter_and_the_filters_children(tmp_path, jobs):
    # the filter (its own process group) and its 'sleep' outlived the killed worker for ever
    page = tmp_path / "page.html"
    page.write_bytes(PAGE)
    pids = tmp_path / "pids"
    script = tmp_path / "hang.sh"
    script.write_text(f"#!/bin/sh\nsleep 1000 &\necho $$ $! > {pids}\nwait\n")
    script.chmod(0o755)
    start = time.monotonic()
    out = run_cli("convert", str(page), "-t", "md", "-j", jobs, "--timeout", "2", "-d",
                  str(tmp_path / "out"), "--filter", str(script))
    assert out.returncode == 1 and b"timed out after 2 s" in out.stderr, out.stderr
    assert time.monotonic() - start < 30
    time.sleep(0.3)
    left = [pid for pid in map(int, pids.read_text().split()) if _alive(pid)]
    for pid in left:  # do not leave them behind if the test fails
        os.kill(pid, 9)
    assert left == []
