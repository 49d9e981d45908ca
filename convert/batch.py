"""Running many conversions: in order, in parallel processes, one failure costing one page.

:mod:`convert.inputs` plans the :class:`~convert.inputs.Job` objects; :func:`run` yields one
:class:`Result` per job, in input order, whatever the number of worker processes, keeping
only a bounded window of jobs in flight (an archive's pages arrive as a lazy stream). Writing
the results is the caller's business (so naming stays deterministic).

A job whose location is an http(s) URL is fetched inside the worker, so ``-j`` fetches
concurrently. Worker processes, time and memory limits: :mod:`convert.workers`.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from .article import Article
from .errors import DecruftError, InputError
from .fetch import fetch_page, is_url
from .formats import RenderOptions
from .inputs import Job


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
    #: Fail a page whose ``Meta.confidence`` is below this (pages not judged pass).
    min_confidence: float | None = None


@dataclass(frozen=True)
class Result:
    """What became of one job: rendered bytes and/or the article, or a one-line error."""

    job: Job
    data: bytes | None = None
    article: Article | None = None
    error: str | None = None
    #: Where the result goes, when that was decided before converting (``-d`` named after
    #: the inputs).
    output: Path | None = None

    @property
    def ok(self) -> bool:
        """True when the job converted."""
        return self.error is None


#: The error of a page whose conversion ran out of memory.
OUT_OF_MEMORY = "out of memory"


def convert_one(job: Job, settings: Settings) -> Result:
    """Parse and render one job; every failure becomes ``Result.error`` (one line)."""
    from . import api

    if job.error is not None:
        return Result(job, error=job.error)
    try:
        source: bytes | Path
        location, base_url, charset = job.location, settings.base_url, job.http_charset
        options = settings.options
        if job.data is not None:
            source = job.data
            if is_url(location):
                base_url = location
        elif is_url(location):
            got = fetch_page(location or "")
            source, location, base_url, charset = got.data, got.url, got.url, got.charset
            if options.extra.get("fetch_images") is None:
                # A page from the web may take its images from the web too.
                options = replace(options, extra={**options.extra, "fetch_images": True})
        else:
            source = Path(location or "")
        kind = settings.kind if settings.kind != "auto" else (job.kind or "auto")
        article = api.parse(source, kind=kind, location=location,
                            base_url=base_url, http_charset=charset, filters=settings.filters,
                            filter_options=options.extra)
        low = settings.min_confidence
        if low is not None and article.meta.confidence is not None and (
                article.meta.confidence < low):
            raise InputError(f"low confidence ({article.meta.confidence:.2f})")
        data = api.render(article, settings.fmt, options) if settings.render else None
        return Result(job, data=data, article=article if settings.keep_article else None)
    except DecruftError as exc:
        if isinstance(exc.__cause__, MemoryError):  # out of memory in a plugin: not its bug
            return Result(job, error=OUT_OF_MEMORY)
        return Result(job, error=str(exc))
    except MemoryError:
        return Result(job, error=OUT_OF_MEMORY)
    except RecursionError:
        return Result(job, error="input nested too deeply")
    except Exception as exc:  # a bug: still only this page fails
        msg = f"internal error: {type(exc).__name__}: {exc}"
        if settings.debug:
            msg += "\n" + traceback.format_exc()
        return Result(job, error=msg)


def run(jobs: Iterable[Job], settings: Settings, workers: int = 1, *, timeout: float = 0,
        max_memory: int = 0) -> Iterator[Result]:
    """Convert every job; yields results in input order. ``jobs`` is consumed lazily.

    With one worker and no limits the jobs run here, in this process: nothing to start, which
    keeps a one-page command cheap. Otherwise they run in killable worker processes
    (:class:`convert.workers.Pool`): each within ``timeout`` seconds and each worker within
    ``max_memory`` bytes (0 = no limit), and a worker that dies costs only its page.
    """
    if workers <= 1 and not timeout and not max_memory:
        for job in jobs:
            yield convert_one(job, settings)
        return
    # Imported here: multiprocessing costs ~10 ms at start-up and one process needs none of it.
    from .workers import Pool

    yield from Pool(settings, workers, timeout=timeout, max_memory=max_memory).run(iter(jobs))
