"""The ``decruft`` command line: a thin shell over :mod:`convert.runner` and :mod:`convert.api`.

Exit codes: 0 everything converted, 1 at least one input failed, 2 usage error,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM). Diagnostics go to stderr only, one line per problem (``--debug`` adds
tracebacks and the extractor's explanation).
"""

import errno
import json
import logging
import os
import signal
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__, regexcache
from .errors import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_TERMINATED, EXIT_USAGE, DecruftError, \
    Terminated, report

app = typer.Typer(
    name="decruft",
    help="Turn a noisy web page (HTML or a whole-page text dump) into a clean document.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

def _usage(message: str) -> typer.Exit:
    report(message)
    return typer.Exit(EXIT_USAGE)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"decruft {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn a noisy web page (HTML or a whole-page text dump) into a clean document."""


class NameFrom(str, Enum):
    """What ``--name-from`` names ``-d`` outputs after."""

    input = "input"
    title = "title"


@app.command()
def convert(
    inputs: Annotated[Optional[list[str]], typer.Argument(
        help="Pages to convert: files, http(s) URLs, WARC archives (.warc, .warc.gz); "
        "'-' or nothing reads standard input.",
        show_default=False)] = None,
    to: Annotated[Optional[str], typer.Option(
        "-t", "--to", help="Output format (see 'decruft formats'); default: from -o's "
        "extension, else md.", show_default=False)] = None,
    output: Annotated[Optional[str], typer.Option(
        "-o", "--output", help="Output file ('-' = stdout). Several inputs with -o make one "
        "bundled document.", show_default=False, metavar="<path>")] = None,
    output_dir: Annotated[Optional[Path], typer.Option(
        "-d", "--output-dir", help="Write one file per input into this folder.",
        show_default=False)] = None,
    from_: Annotated[str, typer.Option(
        "-f", "--from", help="Input kind: auto, html, text, json, or a plugin reader.")] = "auto",
    filters: Annotated[Optional[list[str]], typer.Option(
        "--filter", help="Apply a registered transform by name, or run an external filter "
        "program (article JSON on stdin and stdout). Repeatable.", show_default=False)] = None,
    front_matter: Annotated[bool, typer.Option(
        "--front-matter", help="Markdown: start with YAML front matter.")] = False,
    bundle: Annotated[bool, typer.Option(
        "--bundle", help="Combine all inputs into one document (implied by several inputs "
        "with -o).")] = False,
    title: Annotated[Optional[str], typer.Option(
        "--title", help="Title of a bundled document.", show_default=False)] = None,
    no_images: Annotated[bool, typer.Option("--no-images", help="Leave images out.")] = False,
    fetch_images: Annotated[Optional[bool], typer.Option(
        "--fetch-images/--no-fetch-images", help="Download images over http(s) (default: "
        "only for pages fetched from a URL).", show_default=False)] = None,
    embed_images: Annotated[bool, typer.Option(
        "--embed-images", help="Markdown/HTML: inline images as data: URIs.")] = False,
    option: Annotated[Optional[list[str]], typer.Option(
        "-O", "--option", help="Format option KEY=VALUE for plugins. Repeatable.",
        show_default=False)] = None,
    base_url: Annotated[Optional[str], typer.Option(
        "--base-url", help="Base URL for relative links of local pages.",
        show_default=False)] = None,
    recursive: Annotated[bool, typer.Option(
        "-r", "--recursive", help="Convert the pages inside directory operands.")] = False,
    files_from: Annotated[Optional[str], typer.Option(
        "--files-from", help="Read input paths from FILE ('-' = stdin), one per line.",
        show_default=False)] = None,
    null: Annotated[bool, typer.Option(
        "-0", "--null", help="--files-from list is NUL-separated (find -print0).")] = False,
    name_from: Annotated[NameFrom, typer.Option(
        "--name-from", help="Name -d outputs after the input file or the article title.")]
        = NameFrom.input,
    jobs: Annotated[int, typer.Option(
        "-j", "--jobs", min=1, max=256, help="Convert in this many processes.")] = 1,
    no_clobber: Annotated[bool, typer.Option(
        "-n", "--no-clobber", help="Never overwrite an existing output file.")] = False,
    timeout: Annotated[Optional[float], typer.Option(
        "--timeout", min=0, metavar="SECONDS", help="Give up on a page after this long "
        "(it is reported as failed and the batch goes on); 0 = no limit. Default: 30 for "
        "several inputs, none for one.", show_default=False)] = None,
    max_memory: Annotated[Optional[str], typer.Option(
        "--max-memory", metavar="SIZE", help="Limit each conversion process's memory "
        "(address space), e.g. 2G or 800M; a page that needs more fails.",
        show_default=False)] = None,
    skip_existing: Annotated[bool, typer.Option(
        "--skip-existing", help="Leave out pages whose output is already there, to rerun a "
        "batch that stopped: with -d, pages whose file exists; with -o FILE.jsonl, pages "
        "already in FILE (implies --append).")] = False,
    append: Annotated[bool, typer.Option(
        "--append", help="-o FILE.jsonl: add to FILE instead of replacing it.")] = False,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", help="Stop at the first input that fails.")] = False,
    quiet: Annotated[bool, typer.Option(
        "-q", "--quiet", help="No progress bar and no summary line.")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="Log the extractor's decisions and show tracebacks on stderr.")]
        = False,
    min_confidence: Annotated[Optional[float], typer.Option(
        "--min-confidence", min=0.0, max=1.0, help="Fail a page whose extraction confidence "
        "(0-1) is below this.", show_default=False)] = None,
) -> None:
    """Convert pages to md, docx, epub, json, jsonl, txt or a plugin's format."""
    from .runner import Request, execute

    if debug:
        logging.basicConfig(level=logging.DEBUG, format="decruft: %(name)s: %(message)s",
                            stream=sys.stderr)
    extra: dict[str, str] = {}
    for item in option or ():
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise _usage(f"-O expects KEY=VALUE, got {item!r}")
        extra[key] = value
    try:
        memory = parse_size(max_memory) if max_memory else 0
    except (ValueError, OverflowError):
        raise _usage(f"--max-memory expects a size like 800M or 2G, got {max_memory!r}")
    request = Request(
        inputs=list(inputs or ()), to=to, output=_output_file(output), output_dir=output_dir,
        kind=from_,
        filters=tuple(filters or ()), front_matter=front_matter, bundle=bundle, title=title,
        images=not no_images, fetch_images=fetch_images, embed_images=embed_images,
        extra=extra, base_url=base_url, recursive=recursive,
        files_from=files_from, null=null, name_from=name_from.value, jobs=jobs,
        no_clobber=no_clobber, timeout=timeout, max_memory=memory,
        skip_existing=skip_existing, append=append, fail_fast=fail_fast,
        quiet=quiet, debug=debug, min_confidence=min_confidence)
    try:
        code = execute(request)
    except KeyboardInterrupt as exc:  # typer would turn it into a silent exit 130
        code = _interrupted(exc)
    raise typer.Exit(code)


def _output_file(output: str | None) -> Path | None:
    """``-o``'s path. Taken as a string, not a ``Path``: ``Path("out/")`` is ``Path("out")``,
    so ``-o out/`` (a folder meant, not there yet) wrote a *file* named ``out`` (and replaced
    one of that name) without a word, and ``-o ''`` was the current folder."""
    if output is None or output == "-":
        return None if output is None else Path(output)
    if not output:
        raise _usage("-o: an empty output path")
    if output.endswith(tuple(s for s in (os.sep, os.altsep) if s)) and not os.path.isdir(output):
        raise _usage(f"{output}: -o names a file, and this is a folder name (ending in "
                     f"{output[-1]!r}): to write one file per input into a folder, use -d")
    return Path(output)


def parse_size(text: str) -> int:
    """Bytes from ``800M``, ``2G``, ``1.5GiB``, ``65536`` (binary units; ``ValueError`` if not
    a positive size)."""
    units = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}
    number = text.strip().lower().removesuffix("ib").removesuffix("b")
    unit = number[-1:] if number[-1:] in units else ""
    value = float(number[: len(number) - len(unit)])
    if not value > 0 or value != value:
        raise ValueError(text)
    return int(value * units[unit])


@app.command()
def formats(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the output formats, their file extensions and the plugin providing each."""
    from . import plugins

    specs = sorted(plugins.formats(), key=lambda f: f.name)
    if as_json:
        rows = [{"name": f.name, "extensions": list(f.extensions), "binary": f.binary,
                 "bundle": f.bundle is not None, "media_type": f.media_type,
                 "plugin": f.plugin, "description": f.description} for f in specs]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    else:
        rows = [(f.name, ",".join(f".{e}" for e in f.extensions), f.plugin, f.description)
                for f in specs]
        widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
        for row in rows:
            sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(row, widths)) +
                             f"  {row[3]}\n")
    _report_plugin_failures()


@app.command("plugins")
def plugins_command(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """List the loaded plugins, their versions and the hooks they implement."""
    from . import plugins

    infos = plugins.plugin_infos()
    if as_json:
        rows = [{"name": i.name, "module": i.module, "distribution": i.distribution,
                 "version": i.version, "hooks": list(i.hooks), "builtin": i.builtin,
                 "provides": [{"kind": k, "name": n, "description": d}
                              for k, n, d in plugins.contributions(i.name)]}
                for i in infos]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
    else:
        rows = [(i.name, f"{i.distribution} {i.version}" if i.distribution else
                 "decruft (core)", ", ".join(i.hooks)) for i in infos]
        w1 = max((len(r[0]) for r in rows), default=0)
        w2 = max((len(r[1]) for r in rows), default=0)
        for name, origin, hooks in rows:
            sys.stdout.write(f"{name:<{w1}}  {origin:<{w2}}  {hooks}\n")
            for kind, item, description in plugins.contributions(name):
                sys.stdout.write(f"    {kind:<9}  {item}" +
                                 (f"  {description}" if description else "") + "\n")
    _report_plugin_failures()


@app.command()
def schema() -> None:
    """Print the JSON Schema of decruft's article JSON."""
    from .jsonio import schema_text

    sys.stdout.write(schema_text())


def _report_plugin_failures() -> None:
    from . import plugins

    for msg in plugins.load_failures():
        report(f"warning: {msg}")


from .inspect.command import inspect_command  # noqa: E402

app.command("inspect")(inspect_command)


def _add_plugin_commands() -> None:
    from . import plugins
    from .plugin_commands import guard_new_commands

    for impl in plugins.hook_impls("register_commands"):
        with guard_new_commands(app, impl.plugin_name, report):
            exc = plugins.call_one("register_commands", impl, cli=app)
        if exc is not None:  # a broken plugin command must not break the others
            report(f"warning: plugin {impl.plugin_name!r} failed in register_commands: {exc}")


def _stop(signum: int, frame: object) -> None:
    """Ctrl-C or SIGTERM: unwind (outputs not finished are thrown away, workers killed). A
    second one ends the process at once: the signal's default action is back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def _interrupted(exc: KeyboardInterrupt) -> int:
    """Report Ctrl-C or SIGTERM; the exit code."""
    if isinstance(exc, Terminated):
        report("terminated")
        return EXIT_TERMINATED
    report("interrupted")
    return EXIT_INTERRUPTED


def _os_error_line(exc: OSError) -> str:
    """What an operating-system error that no command caught says: the file it names, else,
    for a failed write (every file decruft writes is named), standard output, which is then
    pointed at ``/dev/null`` so the flush at exit does not fail and print again."""
    reason = exc.strerror or str(exc)
    if exc.filename:
        return f"{exc.filename}: {reason}"
    if exc.errno not in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF):
        return reason
    from .sinks import detach_stdout

    detach_stdout()
    return f"<stdout>: {reason}"


def main(argv: Optional[list[str]] = None) -> None:
    """Console-script entry point."""
    # Die quietly like a C tool when stdout is a closed pipe (`decruft ... | head`); outputs
    # to files are never pipes, so no file is left half-written by this.
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    args = sys.argv[1:] if argv is None else argv
    try:
        signal.signal(signal.SIGINT, _stop)
        signal.signal(signal.SIGTERM, _stop)
        if not (args[:1] == ["--version"]):
            _add_plugin_commands()
        try:
            app(args=args, prog_name="decruft", standalone_mode=True)
        finally:
            # the patterns this run compiled, for the next run (as Python writes .pyc files)
            regexcache.save()
            # now, where a failure is reported as one line, not at exit as "Exception ignored"
            sys.stdout.flush()
    except KeyboardInterrupt as exc:
        sys.exit(_interrupted(exc))
    except OSError as exc:  # `decruft formats > /dev/full`: one line, no traceback
        if "--debug" in args:
            raise
        report(_os_error_line(exc))
        sys.exit(EXIT_FAILED)
    except DecruftError as exc:  # pragma: no cover - commands catch their own
        report(str(exc))
        sys.exit(EXIT_FAILED)


if __name__ == "__main__":  # pragma: no cover
    main()
