"""Converting a folder of pages or a set of web archives on a Dask cluster.

:func:`convert_on_dask` spreads the work of ``decruft convert -d`` over the workers of a
``dask.distributed`` cluster with ``dask.bag``: pages go in partitions of ``partition_size``,
each web archive is one partition (its records are streamed inside the worker). Workers write
the outputs themselves, so the output folder must be on storage they all see (a shared file
system on a real cluster). Outputs are byte for byte what the CLI writes for the same inputs.

Two layouts:

* ``"files"``: one file per page, named as ``decruft convert -d`` names them; the pages of an
  archive go in a subfolder named after the archive.
* ``"jsonl"``: one JSON Lines file per partition (``part-00000.jsonl``, ...), pages in input
  order; the form for corpora and for feeding other engines.

Dask is an optional dependency (``pip install decruft[dask]``) and is imported only here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from .batch import Result, Settings, convert_one
from .errors import DecruftError
from .formats import RenderOptions
from .inputs import DEFAULT_EXTENSIONS, Job, archive_jobs, plan
from .outputs import AtomicStream, NamePlanner, OutputError, input_stem, location_stem, \
    write_atomic

#: Pages per partition: big enough to amortise the task overhead (~1 ms), small enough to
#: balance work between workers.
PARTITION_SIZE = 50


@dataclass(frozen=True)
class Summary:
    """What a cluster run did."""

    converted: int = 0
    failed: int = 0
    #: Archive records that were not pages.
    skipped: int = 0
    #: One ``"input: reason"`` line per failure, in input order.
    errors: tuple[str, ...] = ()
    #: The files written, in input order.
    outputs: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Task:
    """One partition's work (sent to a worker: must pickle)."""

    index: int
    #: Page locations and, for the files layout, their output paths.
    pages: tuple[tuple[str, str], ...] = ()
    archive: str | None = None
    #: Where the outputs go: a folder (files layout) or a file (jsonl layout).
    target: str = ""
    settings: Settings = field(default_factory=Settings)
    ext: str = ""
    layout: str = "files"


def convert_on_dask(inputs: Iterable[str], output_dir: str | os.PathLike[str], *,
                    fmt: str = "jsonl", layout: str = "files", client: Any = None,
                    kind: str = "auto", filters: Sequence[str] = (),
                    options: RenderOptions | None = None,
                    partition_size: int = PARTITION_SIZE,
                    extensions: Sequence[str] = DEFAULT_EXTENSIONS) -> Summary:
    """Convert pages, folders of pages (walked recursively) and WARC files on Dask.

    :param inputs: page files, folders, http(s) URLs (fetched by the workers) and
        ``.warc``/``.warc.gz``/``.wet.gz`` archives.
    :param output_dir: created if missing; must be visible to every worker.
    :param fmt: an output format name (as ``decruft convert -t``); the ``jsonl`` layout
        needs a format whose outputs concatenate (``jsonl``).
    :param layout: ``"files"`` (one output per page) or ``"jsonl"`` (a file per partition).
    :param client: a ``distributed.Client``; default: the current client, else dask's default
        scheduler.
    :returns: a :class:`Summary`; failures of single pages do not raise.
    """
    import dask.bag as db

    from . import plugins

    spec = plugins.formats().get(fmt)
    if layout not in ("files", "jsonl"):
        raise DecruftError(f"unknown layout {layout!r} (files or jsonl)")
    if layout == "jsonl" and not spec.concat:
        raise DecruftError(f"the jsonl layout needs a format that concatenates, not {fmt!r}")
    out = Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(kind=kind, fmt=spec.name, filters=tuple(filters),
                        options=options or RenderOptions())
    jobs = plan(list(inputs), recursive=True, extensions=extensions).jobs
    tasks = _partition(jobs, out, settings, spec.extensions[0], layout, partition_size)
    if not tasks:
        return Summary()
    bag = db.from_sequence(tasks, npartitions=len(tasks)).map(_run_task)
    parts = bag.compute() if client is None else client.compute(bag).result()
    ordered = [summary for _, summary in sorted(parts, key=lambda p: p[0])]
    return Summary(converted=sum(s.converted for s in ordered),
                   failed=sum(s.failed for s in ordered),
                   skipped=sum(s.skipped for s in ordered),
                   errors=tuple(e for s in ordered for e in s.errors),
                   outputs=tuple(o for s in ordered for o in s.outputs))


def _partition(jobs: list[Job], out: Path, settings: Settings, ext: str, layout: str,
               partition_size: int) -> list[_Task]:
    """Partitions in input order; names are planned here, once, as the CLI plans them."""
    planner = NamePlanner(out, ext)
    planner.reserve_inputs([job.location for job in jobs])  # an input is never an output
    archive_names = NamePlanner(out, "jsonl")
    tasks: list[_Task] = []
    batch: list[tuple[str, str]] = []

    def flush() -> None:
        if batch:
            n = len(tasks)
            target = str(out / f"part-{n:05d}.jsonl") if layout == "jsonl" else str(out)
            tasks.append(_Task(n, pages=tuple(batch), target=target, settings=settings,
                               ext=ext, layout=layout))
            batch.clear()

    for job in jobs:
        loc = job.location or ""
        if job.is_archive:
            flush()
            n = len(tasks)
            stem = archive_names.name(input_stem(input_stem(loc))).stem  # x.warc.gz → x
            target = (str(out / f"part-{n:05d}.jsonl") if layout == "jsonl"
                      else str(out / stem))
            tasks.append(_Task(n, archive=loc, target=target, settings=settings, ext=ext,
                               layout=layout))
            continue
        batch.append((loc, str(planner.name(location_stem(loc))) if layout == "files" else ""))
        if len(batch) >= partition_size:
            flush()
    flush()
    return tasks


def _run_task(task: _Task) -> tuple[int, Summary]:
    """Runs in a worker: convert one partition and write its outputs."""
    skipped: list[int] = []
    if task.archive is not None:
        def on_done(reader: Any) -> None:
            skipped.append(sum(reader.skipped.values()))

        results: Iterator[tuple[Result, str]] = _archive_results(task, on_done)
    else:
        results = ((convert_one(Job(loc), task.settings), name) for loc, name in task.pages)
    if task.layout == "jsonl":
        summary = _write_jsonl(task.target, results)
    else:
        summary = _write_files(results)
    return task.index, replace(summary, skipped=sum(skipped))


def _archive_results(task: _Task, on_done: Any) -> Iterator[tuple[Result, str]]:
    """Runs in a worker: convert an archive's pages, naming each output after its URL."""
    folder = Path(task.target)
    planner = NamePlanner(folder, task.ext)
    if task.layout == "files":
        folder.mkdir(parents=True, exist_ok=True)
    for job in archive_jobs(task.archive or "", on_done=on_done):
        result = convert_one(job, task.settings)
        name = ""
        if task.layout == "files" and result.ok and job.location:
            name = str(planner.name(location_stem(job.location)))
        yield result, name


def _write_files(results: Iterator[tuple[Result, str]]) -> Summary:
    """Write each converted page to its planned path; failures become summary lines."""
    converted, errors, outputs = 0, [], []
    for result, name in results:
        if not result.ok:
            errors.append(f"{result.job.label}: {result.error}")
            continue
        try:
            write_atomic(Path(name), result.data or b"")
        except OutputError as exc:
            errors.append(f"{result.job.label}: {exc}")
            continue
        converted += 1
        outputs.append(name)
    return Summary(converted, len(errors), 0, tuple(errors), tuple(outputs))


def _write_jsonl(target: str, results: Iterator[tuple[Result, str]]) -> Summary:
    """Stream the partition's lines into a temporary file, put in place at the end (only when
    a page converted)."""
    path = Path(target)
    stream = AtomicStream(path)
    converted, errors = 0, []
    try:
        for result, _ in results:
            if not result.ok:
                errors.append(f"{result.job.label}: {result.error}")
                continue
            stream.write(result.data or b"")
            converted += 1
    except BaseException:
        stream.abort()
        raise
    if converted:
        stream.commit()
    else:
        stream.abort()
    outputs = (str(path),) if converted else ()
    return Summary(converted, len(errors), 0, tuple(errors), outputs)
