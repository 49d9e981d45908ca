"""The ``decruft inspect`` command (registered by :mod:`convert.cli`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer


def inspect_command(
    page: Annotated[str, typer.Argument(help="A page: a file (HTML, text dump, JSON article) "
                                        "or an http(s) URL.", show_default=False)],
    output: Annotated[Optional[Path], typer.Option(
        "-o", "--output", help="Write the report here (default: PAGE's name + "
        ".inspect.html, or .inspect.json with --json; '-' = stdout).",
        show_default=False)] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Write the decisions as versioned JSON (docs/inspect.schema.json) "
        "instead of the HTML report.")] = False,
) -> None:
    """Show why every block of PAGE was kept or dropped: one self-contained HTML report
    (or JSON with --json) of the extractor's own decisions."""
    from convert.errors import EXIT_USAGE, DecruftError, report as say
    from convert.fetch import is_url, url_stem
    from convert.outputs import replaced_input, write_atomic
    from convert.sinks import write_stdout
    from . import inspect_page
    from .page import assessment_summary, report_html
    from convert.warc import is_archive
    if not is_url(page) and is_archive(page):
        # its bytes went to the extractor as one page: a report on the archive's text
        say(f"{page}: a web archive holds many pages; inspect explains one page (a saved "
            "page, a text dump or a URL)")
        raise typer.Exit(EXIT_USAGE)
    if output is not None and str(output) != "-" and not is_url(page) and \
            replaced_input(output, [page]) is not None:
        say(f"{output}: is the page itself; refusing to overwrite it")
        raise typer.Exit(EXIT_USAGE)
    try:
        report = inspect_page(page)
    except DecruftError as exc:
        message = str(exc)  # a file's own errors name it already
        if not message.startswith(f"{page}: "):
            message = f"{page}: {message}"
        say(message)
        raise typer.Exit(1)
    text = (json.dumps(report, ensure_ascii=False, indent=1) + "\n" if as_json
            else report_html(report))
    if output is None:
        stem = url_stem(page) if is_url(page) else Path(page).name
        output = Path(f"{stem}.inspect.{'json' if as_json else 'html'}")
    try:
        if str(output) == "-":
            write_stdout(text.encode("utf-8"))
        else:
            # as convert writes: whole or not at all, replacing a symlink, not following it
            write_atomic(output, text.encode("utf-8"))
    except DecruftError as exc:
        say(str(exc))
        raise typer.Exit(1)
    if str(output) != "-":
        judged = assessment_summary(report)
        say(f"wrote {output}" + (f" ({judged})" if judged else ""))
    if report.get("error"):
        raise typer.Exit(1)
