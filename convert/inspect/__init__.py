"""``decruft inspect``: why every block of a page was kept or dropped.

:func:`inspect_page` runs the extractor on a page with a recorder set
(:mod:`convert.extract.record`) and turns what it recorded into the report's data
(:mod:`.report`, JSON Schema ``docs/inspect.schema.json``); :mod:`.page` writes that data as
one self-contained HTML file. The command is registered in :mod:`convert.cli` from
:mod:`.command`.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from convert.errors import DecruftError
from convert.extract.record import Recorder, recording

__all__ = ["inspect_page", "inspect_bytes"]


def inspect_bytes(data: bytes, *, location: str | None = None, kind: str = "auto",
                  base_url: str | None = None, http_charset: str | None = None
                  ) -> dict[str, Any]:
    """The inspect report of a page's bytes. A page the extractor refuses still gets a
    report (``error`` says why; ``article`` is null)."""
    from convert import api
    from .report import build
    rec = Recorder()
    article = None
    error = None
    started = time.perf_counter()
    with recording(rec):
        try:
            article = api.parse(data, kind=kind, location=location, base_url=base_url,
                                http_charset=http_charset)
        except DecruftError as exc:
            error = str(exc)
    seconds = time.perf_counter() - started
    source = article.meta.source if article is not None else None
    found = rec.kind or (source.kind if source is not None and source.kind else
                         kind if kind != "auto" else "unknown")
    if found == "text" and not rec.lines:
        rec.notes.append("the text-dump pipeline does not record its per-line decisions yet: "
                         "only the resulting article is shown")
    return build(rec, article, location=location, kind=found, size=len(data),
                 seconds=seconds, error=error)


def inspect_page(source: str) -> dict[str, Any]:
    """The inspect report of a file path or an http(s) URL."""
    from convert.fetch import fetch_page, is_url
    if is_url(source):
        page = fetch_page(source)
        return inspect_bytes(page.data, location=page.url, http_charset=page.charset)
    from convert.api import read_input
    from convert.errors import InputError
    path = Path(source)
    try:
        data = read_input(path)  # bounded: /dev/zero is refused, not read until memory ends
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from None
    return inspect_bytes(data, location=str(path))
