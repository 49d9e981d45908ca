"""Render an article with the clock set to a given time: ``python frozen_clock.py EPOCH FMT
ARTICLE.json`` writes the output bytes to standard output (FMT ``clock`` prints the time seen).

The clock is set before decruft is imported, for ``time`` and ``datetime`` alike, so a writer
that stamps "now" anywhere (zip entry times, document dates, font subsets) gives different
bytes for two different clocks: determinism tests run this twice with clocks days and an odd
number of seconds apart instead of sleeping and hoping to cross a tick.
"""

from __future__ import annotations

import datetime as _dt
import sys
import time as _time

FAKE = float(sys.argv[1])
_start = _time.monotonic()


def _now() -> float:
    return FAKE + (_time.monotonic() - _start)


_real_localtime, _real_gmtime, _real_ctime = _time.localtime, _time.gmtime, _time.ctime
_time.time = _now
_time.time_ns = lambda: int(_now() * 1e9)
_time.localtime = lambda secs=None: _real_localtime(_now() if secs is None else secs)
_time.gmtime = lambda secs=None: _real_gmtime(_now() if secs is None else secs)
_time.ctime = lambda secs=None: _real_ctime(_now() if secs is None else secs)


class _FrozenDateTime(_dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_now(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_now())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_now())


class _FrozenDate(_dt.date):
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_now())


_dt.datetime = _FrozenDateTime  # type: ignore[misc]
_dt.date = _FrozenDate  # type: ignore[misc]

import zipfile  # noqa: E402
from pathlib import Path  # noqa: E402

import convert  # noqa: E402  (after the clock is set)

if sys.argv[2] == "clock":  # what the writers would see as "now"
    print(int(_time.time()), _dt.datetime.now().isoformat(), _time.localtime().tm_mday,
          zipfile.ZipInfo("x").date_time == (1980, 1, 1, 0, 0, 0))
else:
    article = convert.parse(Path(sys.argv[3]), kind="json")
    sys.stdout.buffer.write(convert.render(article, sys.argv[2]))
