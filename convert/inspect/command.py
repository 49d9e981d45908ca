"""The ``decruft inspect`` command (registered by :mod:`convert.cli`)."""

from __future__ import annotations

import json
import sys
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
    from convert.errors import DecruftError
    from convert.fetch import is_url, url_stem
    from . import inspect_page
    from .page import assessment_summary, report_html
    try:
        report = inspect_page(page)
    except DecruftError as exc:
        sys.stderr.write(f"decruft: {page}: {exc}\n")
        raise typer.Exit(1)
    text = (json.dumps(report, ensure_ascii=False, indent=1) + "\n" if as_json
            else report_html(report))
    if output is None:
        stem = url_stem(page) if is_url(page) else Path(page).name
        output = Path(f"{stem}.inspect.{'json' if as_json else 'html'}")
    if str(output) == "-":
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        judged = assessment_summary(report)
        sys.stderr.write(f"decruft: wrote {output}" + (f" ({judged})" if judged else "") + "\n")
    if report.get("error"):
        raise typer.Exit(1)
