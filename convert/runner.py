"""What ``decruft convert`` does, apart from parsing its arguments.

Decides the output mode (stdout stream, one file, one file per input, or a bundle), runs the
jobs through :mod:`convert.batch`, writes results atomically, shows progress and returns the
exit code.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from . import plugins
from .batch import Job, Result, Settings, archive_jobs, expand_inputs, read_list, run
from .errors import DecruftError
from .fetch import is_url, url_stem
from .formats import Format, RenderOptions
from .outputs import NamePlanner, OutputError, input_stem
from .sinks import BundleSink, DirSink, FileSink, Sink, StdoutSink, StreamFileSink

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
MAX_STDIN_BYTES = 256 * 1024 * 1024


class UsageError(DecruftError):
    """The command line asks for something impossible (exit 2)."""


@dataclass
class Request:
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
    fail_fast: bool = False
    quiet: bool = False
    debug: bool = False
    min_confidence: float | None = None


def _err(message: str) -> None:
    sys.stderr.write(f"decruft: {message}\n")


def execute(req: Request) -> int:
    """Run a convert request; returns the process exit code."""
    try:
        return _execute(req)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except DecruftError as exc:
        _err(str(exc))
        return EXIT_FAILED


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    if len(data) > MAX_STDIN_BYTES:
        raise DecruftError(f"<stdin>: larger than {MAX_STDIN_BYTES} bytes")
    return data


def _jobs(req: Request) -> list[Job]:
    paths: list[str] = []
    if req.files_from is not None:
        if req.files_from == "-":
            if "-" in req.inputs:
                raise UsageError("standard input cannot be both --files-from and an input")
            listing = _read_stdin()
        else:
            try:
                listing = Path(req.files_from).read_bytes()
            except OSError as exc:
                raise UsageError(f"{req.files_from}: {exc.strerror}") from None
        paths.extend(read_list(listing, null=req.null))
    paths.extend(expand_inputs(req.inputs, recursive=req.recursive))
    if not paths and req.files_from is None:
        paths = ["-"]
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    jobs = []
    for p in paths:
        if p == "-":
            if sys.stdin.isatty():
                raise UsageError("no input given and standard input is a terminal "
                                 "(try: decruft convert PAGE.html)")
            jobs.append(Job(None, _read_stdin()))
        else:
            jobs.append(Job(p))
    return jobs


def _pick_format(req: Request) -> Format:
    registry = plugins.formats()
    for msg in plugins.load_failures():
        _err(f"warning: {msg}")
    if req.to:
        if req.to not in registry:
            by_ext = registry.for_extension(req.to)
            if by_ext is None:
                raise UsageError(f"unknown format {req.to!r} (see 'decruft formats')")
            return by_ext
        return registry.get(req.to)
    if req.output is not None and str(req.output) != "-":
        ext = "".join(req.output.suffixes[-1:])
        spec = registry.for_extension(ext) if ext else None
        if spec is None:
            raise UsageError(f"cannot tell the format from {str(req.output)!r}: use -t FORMAT")
        return spec
    return registry.get("md")


def _execute(req: Request) -> int:
    if req.output is not None and req.output_dir is not None:
        raise UsageError("use either -o or -d, not both")
    spec = _pick_format(req)
    jobs = _jobs(req)
    if not jobs:
        raise UsageError("no input files (the list was empty)")
    # A web archive holds any number of pages: it counts as many inputs.
    archives = [j for j in jobs if j.data is None and _is_archive(j.location)]
    many = len(jobs) > 1 or bool(archives)
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
                            embed_images=req.embed_images, extra=extra)
    sink = _sink(req, spec, options, bundle=bundle, to_stdout=to_stdout)
    settings = Settings(kind=req.kind, fmt=spec.name, filters=req.filters, options=options,
                        base_url=req.base_url,
                        keep_article=sink.wants_article or req.name_from == "title",
                        render=not sink.wants_article, debug=req.debug,
                        min_confidence=req.min_confidence)
    progress = _Progress(None if archives else len(jobs), enabled=many and not req.quiet)
    readers: list[Any] = []
    workers = req.jobs if archives else min(req.jobs, len(jobs))
    try:
        converted, failed = _drain(run(_expand(jobs, readers), settings, workers=workers),
                                   sink, progress, fail_fast=req.fail_fast)
    except BaseException:  # Ctrl-C, a dying worker pool: leave no partial output behind
        sink.close(commit=False)
        raise
    try:
        sink.close(commit=not (req.fail_fast and failed))
    except DecruftError as exc:
        _err(str(exc))
        failed, converted = failed + converted, 0
    if many and not req.quiet:
        for reader in readers:
            if reader.summary():
                _err(f"{reader.path}: {reader.summary()}")
        _err(f"{converted} converted, {failed} failed")
    return EXIT_FAILED if failed else EXIT_OK


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
                progress.print(f"decruft: {result.job.label}: {exc}")
                if fail_fast:
                    break
    return converted, failed


def _sink(req: Request, spec: Format, options: RenderOptions, *, bundle: bool,
          to_stdout: bool) -> Sink:
    if req.output_dir is not None:
        return DirSink(NamePlanner(req.output_dir, spec.extensions[0]),
                       lambda planner, result: _output_name(planner, result, req),
                       no_clobber=req.no_clobber)
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


def _is_archive(location: str | None) -> bool:
    from .warc import is_archive

    return not is_url(location) and is_archive(location)


def _expand(jobs: list[Job], readers: list[Any]) -> Iterator[Job]:
    """The jobs, with each web archive replaced by its pages, read lazily."""
    for job in jobs:
        if job.data is None and _is_archive(job.location):
            yield from archive_jobs(job.location or "", on_done=readers.append)
        else:
            yield job


def _output_name(planner: NamePlanner, result: Result, req: Request) -> Path:
    stem = ""
    if req.name_from == "title" and result.article is not None:
        stem = result.article.meta.title or ""
    if not stem:
        location = result.job.location
        if is_url(location):
            stem = url_stem(location or "")
        else:
            stem = input_stem(location) if location else "stdin"
    return planner.name(stem)


def _check_not_input(req: Request, jobs: list[Job]) -> None:
    """Refuse to write over an input: the input is never modified."""
    if req.output is None or str(req.output) == "-":
        return
    try:
        out = req.output.resolve()
    except OSError:
        return
    for job in jobs:
        if job.location and os.path.exists(job.location) and \
                Path(job.location).resolve() == out:
            raise UsageError(f"{req.output}: is also an input; refusing to overwrite it")


class _Progress:
    """A rich progress bar on stderr, only when stderr is a terminal and there are several
    inputs; messages printed through it do not tear the bar."""

    def __init__(self, total: int | None, *, enabled: bool) -> None:
        self.total = total
        self.bar: Any = None
        self._print: Callable[[str], None] = _print_err
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("converting", total=total)
            self._print = lambda msg: self.bar.console.print(msg, markup=False, highlight=False)

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

    def print(self, message: str) -> None:
        self._print(message)


def _print_err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
