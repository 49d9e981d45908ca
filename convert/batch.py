"""Running many conversions: in order, in parallel processes, one failure costing one page.

The CLI turns its arguments into :class:`Job` objects and :class:`Settings`; :func:`run`
yields one :class:`Result` per job, in input order, whatever the number of worker processes.
Writing the results is the caller's business (so naming stays deterministic).
"""

from __future__ import annotations

import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .article import Article
from .errors import DecruftError, InputError
from .formats import RenderOptions

#: File extensions a recursive directory walk picks up by default.
DEFAULT_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".html.gz", ".htm.gz")


@dataclass(frozen=True)
class Job:
    """One input: a path or URL, or bytes read from standard input (``location`` None)."""

    location: str | None
    data: bytes | None = None

    @property
    def label(self) -> str:
        return self.location if self.location is not None else "<stdin>"


@dataclass(frozen=True)
class Settings:
    """What to do with every job (must pickle: it is sent to worker processes)."""

    kind: str = "auto"
    fmt: str = "md"
    filters: tuple[str, ...] = ()
    options: RenderOptions = RenderOptions()
    base_url: str | None = None
    #: Return the parsed article instead of rendering (for bundles and title-based names).
    keep_article: bool = False
    render: bool = True
    debug: bool = False


@dataclass(frozen=True)
class Result:
    job: Job
    data: bytes | None = None
    article: Article | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def convert_one(job: Job, settings: Settings) -> Result:
    """Parse and render one job; every failure becomes ``Result.error`` (one line)."""
    from . import api

    try:
        source: bytes | Path = job.data if job.data is not None else Path(job.location or "")
        article = api.parse(source, kind=settings.kind, location=job.location,
                            base_url=settings.base_url, filters=settings.filters)
        data = api.render(article, settings.fmt, settings.options) if settings.render else None
        return Result(job, data=data, article=article if settings.keep_article else None)
    except DecruftError as exc:
        return Result(job, error=str(exc))
    except MemoryError:
        return Result(job, error="out of memory")
    except RecursionError:
        return Result(job, error="input nested too deeply")
    except Exception as exc:  # a bug: still only this page fails
        msg = f"internal error: {type(exc).__name__}: {exc}"
        if settings.debug:
            msg += "\n" + traceback.format_exc()
        return Result(job, error=msg)


def _convert_indexed(args: tuple[Job, Settings]) -> Result:
    return convert_one(*args)


def run(jobs: Sequence[Job], settings: Settings, workers: int = 1) -> Iterator[Result]:
    """Convert every job; yields results in input order."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield convert_one(job, settings)
        return
    # Small chunks keep the order-preserving map streaming; pages vary a lot in cost.
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            yield from pool.map(_convert_indexed, ((j, settings) for j in jobs), chunksize=4)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def expand_inputs(paths: Iterable[str], *, recursive: bool = False,
                  extensions: Sequence[str] = DEFAULT_EXTENSIONS) -> Iterator[str]:
    """Expand directory operands (with ``recursive``) into the files they hold, sorted."""
    for p in paths:
        if recursive and os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith("."):
                        continue
                    if name.lower().endswith(tuple(extensions)):
                        found.append(os.path.join(root, name))
            yield from sorted(found)
        else:
            yield p


def read_list(data: bytes, *, null: bool) -> list[str]:
    """Paths from a ``--files-from`` list: one per line, or NUL-separated with ``null``."""
    sep = b"\0" if null else b"\n"
    out = []
    for raw in data.split(sep):
        raw = raw.rstrip(b"\r") if not null else raw
        if raw.strip():
            out.append(os.fsdecode(raw))
    return out


def check_readable(location: str) -> None:
    if os.path.isdir(location):
        raise InputError("is a directory (use -r to convert the files in it)")
