"""What ``decruft convert`` does, apart from parsing its arguments.

Plans the jobs (:mod:`convert.inputs`), decides the output mode (stdout stream, one file, one
file per input, or a bundle), runs the jobs through :mod:`convert.batch`, hands the results to
a sink (:mod:`convert.sinks`, which writes atomically), shows progress and returns the exit
code.
"""

from __future__ import annotations

import sys
import time
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterator

from . import plugins
from .batch import Result, Settings, run
from .errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, DecruftError, UsageError, printable, \
    report
from .formats import Format, RenderOptions
from .inputs import DEFAULT_EXTENSIONS, Job, plan
from .outputs import (NamePlanner, OutputError, location_stem, replaced_input, safe_stem,
                      writes_in_place)
from .sinks import AppendSink, BundleSink, DirSink, FileSink, Sink, StdoutSink, StreamFileSink, \
    sources_in


@dataclass
class Request:
    """One ``decruft convert`` command line, parsed (see :func:`convert.cli.convert`)."""

    inputs: list[str]
    to: str | None = None
    output: Path | None = None
    output_dir: Path | None = None
    kind: str = "auto"
    filters: tuple[str, ...] = ()
    front_matter: bool = False
    bundle: bool = False
    title: str | None = None
    images: bool = True
    embed_images: bool = False
    #: Fetch images over the network: None = only for pages fetched from a URL.
    fetch_images: bool | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    base_url: str | None = None
    recursive: bool = False
    files_from: str | None = None
    null: bool = False
    name_from: str = "input"
    jobs: int = 1
    no_clobber: bool = False
    #: Seconds one page may take: None = :data:`BATCH_TIMEOUT` for several inputs and no
    #: limit for one; 0 = no limit.
    timeout: float | None = None
    #: Bytes of address space per worker process (0 = no limit).
    max_memory: int = 0
    #: Leave out pages whose output is already there (a rerun of a batch that stopped).
    skip_existing: bool = False
    #: Add to the ``-o`` JSON Lines file instead of replacing it.
    append: bool = False
    fail_fast: bool = False
    quiet: bool = False
    debug: bool = False
    min_confidence: float | None = None


#: The time limit of one page in a batch unless ``--timeout`` says otherwise. A page that is
#: fine takes well under a second; one that takes this long is stuck, and a crawl must go on.
BATCH_TIMEOUT = 30.0


def execute(req: Request) -> int:
    """Run a convert request; returns the process exit code."""
    try:
        return _execute(req)
    except UsageError as exc:
        report(str(exc))
        return EXIT_USAGE
    except DecruftError as exc:
        report(str(exc))
        return EXIT_FAILED


def _pick_format(req: Request) -> Format:
    """The output format: ``-t`` (a name or an extension), else -o's extension, else md."""
    registry = plugins.formats()
    for msg in plugins.load_failures():
        report(f"warning: {msg}")
    if req.to:
        if req.to not in registry:
            by_ext = registry.for_extension(req.to)
            if by_ext is None:
                raise UsageError(f"unknown format {req.to!r} (see 'decruft formats')")
            return by_ext
        return registry.get(req.to)
    # A device without an extension (-o /dev/null) is like stdout: md unless -t says otherwise.
    named = req.output is not None and str(req.output) != "-" and not (
        not req.output.suffix and writes_in_place(req.output))
    if named:
        assert req.output is not None
        ext = "".join(req.output.suffixes[-1:])
        spec = registry.for_extension(ext) if ext else None
        if spec is None:
            raise UsageError(f"cannot tell the format from {str(req.output)!r}: use -t FORMAT")
        return spec
    return registry.get("md")


def _execute(req: Request) -> int:
    """Plan, check the command line against the plan, convert, report; the exit code."""
    if req.output is not None and req.output_dir is not None:
        raise UsageError("use either -o or -d, not both")
    spec = _pick_format(req)
    # A plugin reader's declared extensions join the folder walk (-r DIR finds its files).
    work = plan(req.inputs, recursive=req.recursive, files_from=req.files_from, null=req.null,
                extensions=DEFAULT_EXTENSIONS + plugins.readers().extensions(), stdin=True)
    jobs = work.jobs
    if not jobs:
        raise UsageError("no input files (no pages found in the folders given)" if req.inputs
                         else "no input files (the list was empty)")
    # A web archive holds any number of pages: it counts as many inputs.
    archives = work.has_archives
    many = len(jobs) > 1 or archives
    to_stdout = req.output_dir is None and (req.output is None or str(req.output) == "-")
    bundle = req.bundle or (many and req.output_dir is None and not to_stdout)
    if req.output_dir is None and not bundle and many and not spec.concat:
        if spec.bundle is None:
            raise UsageError(f"several inputs: use -d DIR, or a format that bundles "
                             f"(format {spec.name!r} cannot)")
        bundle = True
    if bundle and spec.bundle is None:
        raise UsageError(f"format {spec.name!r} cannot bundle several articles into one file")
    if to_stdout and spec.binary and sys.stdout.isatty():
        raise UsageError(f"{spec.name} is a binary format: give -o FILE or redirect stdout")
    _check_not_input(req, jobs)
    # One JSON Lines file that pages stream into (one page too, when resuming into it).
    stream = spec.concat and req.output is not None and not to_stdout and (
        bundle or req.append or req.skip_existing)
    append = req.append or (req.skip_existing and stream)
    _check_resume(req, append=append, stream=stream, bundle=bundle, to_stdout=to_stdout)
    if req.skip_existing and req.output is not None and not bundle and not stream and \
            (req.output.exists() and not writes_in_place(req.output)):
        if not req.quiet:
            report(f"{req.output}: exists; skipped (--skip-existing)")
        return EXIT_OK
    if req.output_dir is not None:
        try:
            req.output_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{req.output_dir}: cannot create output folder: "
                             f"{exc.strerror}") from None

    extra = dict(req.extra)
    if req.fetch_images is not None:
        extra["fetch_images"] = req.fetch_images
    options = RenderOptions(front_matter=req.front_matter, title=req.title, images=req.images,
                            embed_images=req.embed_images, extra=extra,
                            terminal=to_stdout and sys.stdout.isatty())
    sink = _sink(req, spec, options, bundle=bundle, to_stdout=to_stdout, append=append)
    settings = Settings(kind=req.kind, fmt=spec.name, filters=req.filters, options=options,
                        base_url=req.base_url,
                        keep_article=sink.wants_article or req.name_from == "title",
                        render=not sink.wants_article, debug=req.debug,
                        min_confidence=req.min_confidence)
    progress = _Progress(None if archives else len(jobs), enabled=many and not req.quiet)
    workers = req.jobs if archives else min(req.jobs, len(jobs))
    timeout = req.timeout if req.timeout is not None else BATCH_TIMEOUT if many else 0
    skipped = _Count()
    pages = work.pages()
    if isinstance(sink, AppendSink) and req.skip_existing:
        assert req.output is not None
        done, torn = sources_in(req.output)
        if torn:
            report(f"{req.output}: cut off an unfinished last line ({torn} bytes) before "
                   "appending")
        pages = skipped.leave_out(pages, lambda job: job.location in done)
    names: deque[Path] = deque()
    if isinstance(sink, DirSink):
        sink.planner.reserve_inputs([job.location for job in jobs])
    if isinstance(sink, DirSink) and req.name_from == "input":
        pages = _name_ahead(pages, sink.planner, names, skipped if req.skip_existing else None)
    running = run(pages, settings, workers=workers, timeout=timeout,
                  max_memory=req.max_memory)
    results: Iterator[Result] = running
    if isinstance(sink, DirSink) and req.name_from == "input":
        results = (replace(result, output=names.popleft()) for result in running)
    try:
        converted, failed = _drain(results, sink, progress, fail_fast=req.fail_fast)
    except BaseException:  # Ctrl-C, a dying worker pool: leave no partial output behind
        sink.close(commit=False)
        raise
    finally:
        running.close()  # stops the worker processes, also after --fail-fast
    commit = not (req.fail_fast and failed)
    if not commit and sink.holds_output:
        report(f"{req.output or '<stdout>'}: not written (--fail-fast stopped the run)")
    try:
        sink.close(commit=commit)
    except DecruftError as exc:
        report(str(exc))
        failed, converted = failed + converted, 0
    if (many or skipped.n) and not req.quiet:
        for reader in work.readers:
            if reader.summary():
                report(f"{reader.path}: {reader.summary()}")
        report(f"{converted} converted, {failed} failed" +
               (f", {skipped.n} skipped (already done)" if skipped.n else ""))
    return EXIT_FAILED if failed else EXIT_OK


def _check_resume(req: Request, *, append: bool, stream: bool, bundle: bool,
                  to_stdout: bool) -> None:
    """Refuse --append and --skip-existing where they mean nothing."""
    if append and not stream:
        raise UsageError("--append adds to a JSON Lines file: use it with -o FILE.jsonl "
                         "(or -t jsonl -o FILE)")
    if not req.skip_existing:
        return
    if to_stdout:
        raise UsageError("--skip-existing needs outputs to look at: use -d DIR or -o FILE")
    if bundle and not stream:
        raise UsageError("--skip-existing cannot resume a bundle (it is written whole)")
    if req.output_dir is not None and req.name_from == "title":
        raise UsageError("--skip-existing needs outputs named after their inputs (a title is "
                         "known only after converting): drop --name-from title")


class _Count:
    """Pages left out because their output is already there."""

    def __init__(self) -> None:
        self.n = 0

    def leave_out(self, jobs: Iterator[Job], done: Callable[[Job], bool]) -> Iterator[Job]:
        """``jobs`` without the ones ``done`` says are done, counted."""
        for job in jobs:
            if done(job):
                self.n += 1
            else:
                yield job


def _name_ahead(jobs: Iterator[Job], planner: NamePlanner, names: "deque[Path]",
                skipped: _Count | None) -> Iterator[Job]:
    """Name each job's ``-d`` output before converting it, in input order, so the names (and
    their ``-2`` suffixes) depend only on the inputs: a rerun names every page the same, a
    page that failed keeps its name for the next try, and with ``skipped`` a page whose output
    exists is left out (counted). The names of the jobs yielded go to ``names``, in order."""
    for job in jobs:
        path = planner.name(location_stem(job.location))
        if skipped is not None and (path.exists() or path.is_symlink()):
            skipped.n += 1
            continue
        names.append(path)
        yield job


def _drain(results: Iterator[Result], sink: Sink, progress: "_Progress", *,
           fail_fast: bool) -> tuple[int, int]:
    """Hand every result to the sink; returns (converted, failed)."""
    converted = failed = 0
    with progress:
        for result in results:
            progress.advance()
            try:
                if not result.ok:
                    raise OutputError(result.error or "failed")
                sink.put(result)
                converted += 1
            except OutputError as exc:
                failed += 1
                from_sink = result.ok
                progress.print(str(exc) if from_sink and sink.one_output
                               else f"{result.job.label}: {exc}")
                if fail_fast or sink.broken:
                    break
    if sink.broken and isinstance(sink, StreamFileSink):  # what it held is lost with it
        converted, failed = 0, converted + failed
    return converted, failed


def _sink(req: Request, spec: Format, options: RenderOptions, *, bundle: bool,
          to_stdout: bool, append: bool) -> Sink:
    """Where the results go, for the output mode ``_execute`` decided."""
    if req.output_dir is not None:
        return DirSink(NamePlanner(req.output_dir, spec.extensions[0]),
                       lambda planner, result: _output_name(planner, result, req),
                       no_clobber=req.no_clobber)
    if append:
        assert req.output is not None
        return AppendSink(req.output)
    if bundle and spec.concat and not to_stdout:
        assert req.output is not None
        return StreamFileSink(req.output, no_clobber=req.no_clobber)
    if bundle:
        return BundleSink(spec, options, None if to_stdout else req.output,
                          no_clobber=req.no_clobber)
    if to_stdout:
        return StdoutSink()
    assert req.output is not None
    return FileSink(req.output, no_clobber=req.no_clobber)


def _output_name(planner: NamePlanner, result: Result, req: Request) -> Path:
    """The ``-d`` output path of a result: named after its input (its stem kept as it is) or,
    with ``--name-from title``, a slug of its title."""
    title = result.article.meta.title if req.name_from == "title" and result.article else None
    return planner.name(safe_stem(title) if title else location_stem(result.job.location))


def _check_not_input(req: Request, jobs: list[Job]) -> None:
    """Refuse to write over an input: the input is never modified."""
    if req.output is None or str(req.output) == "-":
        return
    if replaced_input(req.output, (job.location for job in jobs)) is not None:
        raise UsageError(f"{req.output}: is also an input; refusing to overwrite it")


class _Progress:
    """A rich progress bar on stderr, only when stderr is a terminal and there are several
    inputs; messages printed through it do not tear the bar."""

    def __init__(self, total: int | None, *, enabled: bool) -> None:
        self.total = total
        self.bar: Any = None
        self._drawn = 0.0
        self._print: Callable[[str], None] = report
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            # No refresh thread: worker processes are forked, and a fork while another thread
            # holds a lock (stderr's) can deadlock the child. advance() redraws instead.
            self.bar = Progress(console=Console(stderr=True), transient=True,
                                auto_refresh=False)
            self.task = self.bar.add_task("converting", total=total)
            self._print = lambda msg: self.bar.console.print(f"decruft: {printable(msg)}",
                                                             markup=False,
                                                             highlight=False)

    def __enter__(self) -> "_Progress":
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def advance(self) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)
            now = time.monotonic()
            if now - self._drawn >= 0.1:
                self.bar.refresh()
                self._drawn = now

    def print(self, message: str) -> None:
        """Report one line (``decruft: MESSAGE``) without tearing the bar."""
        self._print(message)
