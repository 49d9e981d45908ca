"""Every format gives the same bytes whatever the clock says, with ``SOURCE_DATE_EPOCH`` unset.

Rendering twice in one process only catches randomness; a writer that stamps the current time
passes that whenever both renders fall in the same second (or the same 2-second zip tick).
Here each render runs in its own process with the clock set (tests/plugins/frozen_clock.py)
to two instants days and an odd number of seconds apart, so every clock field differs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convert.errors import MissingDependency

from mdcheck import FIXTURES

HERE = Path(__file__).resolve().parent
# 2023-11-14 22:13:20 UTC and 3 days, 5 hours and 7 seconds later: another zip tick, second,
# minute, hour and day.
CLOCKS = (1_700_000_000, 1_700_000_000 + 3 * 86400 + 5 * 3600 + 7)
FORMATS = ("md", "json", "jsonl", "txt", "pandoc", "docx", "epub", "pdf")


def _render(fmt: str, fixture: str, clock: int) -> bytes:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    proc = subprocess.run([sys.executable, str(HERE / "frozen_clock.py"), str(clock), fmt,
                           str(FIXTURES / f"{fixture}.json")],
                          capture_output=True, env=env, timeout=180)
    if proc.returncode != 0 and MissingDependency.__name__.encode() in proc.stderr:
        pytest.skip(f"{fmt}: library not installed")
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_bytes_under_two_clocks(fmt):
    # "bare" has no dates of its own, so nothing but the fallback could stamp its files.
    for fixture in ("bare", "rich"):
        first, second = (_render(fmt, fixture, clock) for clock in CLOCKS)
        assert first and first == second, (fmt, fixture)


def test_the_clock_is_really_set():
    """The check above can fail: a process under each clock sees that clock."""
    seen = [_render("clock", "bare", clock).decode().split() for clock in CLOCKS]
    assert [int(s[0]) // 60 for s in seen] == [c // 60 for c in CLOCKS]
    assert seen[0][1][:10] != seen[1][1][:10] and seen[0][2] != seen[1][2]
