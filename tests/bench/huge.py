"""Hostile huge pages for memory and time (issue #14's leftovers): ``python -m tests.bench.huge``.

``python -m tests.bench.huge OUTDIR`` writes, deterministically (no randomness at all):

* ``one-text-node.html``: a body that is a single ~30 MB text node (no element around it);
* ``table-1000x1000.html``: one table of 1000 rows of 1000 short cells (~14 MB);
* ``million-paragraphs.html``: one ``<article>`` of 1,000,000 short ``<p>`` (~25 MB);
* ``nested-divs.html``: 1,400 nested ``<div>`` with a byline-looking line at the bottom.

``python -m tests.bench.huge OUTDIR --measure`` converts each page (writing it first if it is
missing) with ``decruft convert PAGE -t FORMAT -o OUT`` under ``/usr/bin/time -v``, one process
at a time, and prints a table: page, format, wall s, CPU s (user + system), peak RSS MB and
peak RSS as a multiple of the input size. Formats: md, txt, json (docx and epub too for the
table page); ``--formats`` and ``--pages`` narrow it. Run it with the Python and PYTHONPATH of
the tree to measure (the ``decruft`` script next to ``sys.executable`` is used).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

_WORDS = ("river", "council", "budget", "report", "water", "school", "bridge", "market",
          "season", "museum", "history", "village", "weather", "energy", "project", "people")
_HEAD = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{}</title>'
         '</head><body>')
_TAIL = "</body></html>"


def _words(n: int, start: int = 0) -> str:
    """``n`` words, a full stop after every twelfth (deterministic)."""
    out = []
    for i in range(start, start + n):
        w = _WORDS[(i * 7 + i // 16) % len(_WORDS)]
        out.append(w + "." if i % 12 == 11 else w)
    return " ".join(out)


def one_text_node(size: int = 30_000_000) -> str:
    """A body holding one text node of ``size`` characters."""
    chunk = _words(1200) + " "
    text = (chunk * (size // len(chunk) + 1))[:size]
    return _HEAD.format("One text node") + text + _TAIL


def big_table(rows: int = 1000, cols: int = 1000) -> str:
    """One table of ``rows`` x ``cols`` short cells, the first row a header of ``<th>``."""
    head = "<tr>" + "".join(f"<th>c{c}</th>" for c in range(cols)) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{r}.{c}</td>" for c in range(cols)) + "</tr>"
                   for r in range(1, rows))
    return (_HEAD.format("A large table") + "<h1>A large table</h1><table><thead>" + head
            + "</thead><tbody>" + body + "</tbody></table>" + _TAIL)


def million_paragraphs(count: int = 1_000_000) -> str:
    """One article of ``count`` paragraphs of a few words each."""
    paras = "".join(f"<p>{_words(2 + i % 3, i)}</p>" for i in range(count))
    return (_HEAD.format("Many paragraphs") + "<article><h1>Many paragraphs</h1>" + paras
            + "</article>" + _TAIL)


def nested_divs(depth: int = 1400) -> str:
    """``depth`` nested divs, a paragraph at every tenth level, a byline line at the bottom."""
    parts = []
    for i in range(depth):
        parts.append(f'<div class="level-{i % 7}">')
        if i % 10 == 0:
            parts.append(f"<p>{_words(30, i)}</p>")
    parts.append('<p class="byline">By Jane Doe, 18 April 2024</p>')
    return (_HEAD.format("Nested divs") + "".join(parts) + "</div>" * depth + _TAIL)


PAGES = {"one-text-node.html": one_text_node, "table-1000x1000.html": big_table,
         "million-paragraphs.html": million_paragraphs, "nested-divs.html": nested_divs}
FORMATS = ("md", "txt", "json")
#: The formats measured on top of FORMATS for a page (whose table is their hard case).
EXTRA_FORMATS = {"table-1000x1000.html": ("docx", "epub")}


def write(outdir: Path, names: list[str] | None = None) -> list[Path]:
    outdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, make in PAGES.items():
        if names and name not in names:
            continue
        path = outdir / name
        if not path.exists():
            path.write_bytes(make().encode("utf-8"))
        paths.append(path)
    return paths


def _time_v(stderr: str, field: str) -> str:
    m = re.search(rf"^\s*{re.escape(field)}: (.*)$", stderr, re.M)
    return m.group(1).strip() if m else ""


def _wall(text: str) -> float:
    # "h:mm:ss" or "m:ss.ss"
    secs = 0.0
    for part in text.split(":"):
        secs = secs * 60 + float(part)
    return secs


def measure(page: Path, fmt: str) -> dict[str, object]:
    """One conversion in its own process: wall and CPU seconds, peak RSS."""
    decruft = Path(sys.executable).with_name("decruft")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"out.{fmt}"
        proc = subprocess.run(["/usr/bin/time", "-v", str(decruft), "convert", str(page),
                               "-t", fmt, "-o", str(out)],
                              capture_output=True, text=True, env=os.environ.copy())
        size = out.stat().st_size if out.exists() else 0
    err = proc.stderr
    rss_mb = int(_time_v(err, "Maximum resident set size (kbytes)") or 0) / 1024
    cpu = (float(_time_v(err, "User time (seconds)") or 0)
           + float(_time_v(err, "System time (seconds)") or 0))
    wall = _wall(_time_v(err, "Elapsed (wall clock) time (h:mm:ss or m:ss)") or "0")
    return {"page": page.name, "format": fmt, "wall": wall, "cpu": cpu, "rss": rss_mb,
            "x_input": rss_mb * 1024 * 1024 / page.stat().st_size, "out": size,
            "rc": proc.returncode}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--measure", action="store_true", help="convert each page and print the table")
    ap.add_argument("--pages", help="comma-separated page file names (default: all)")
    ap.add_argument("--formats", help=f"comma-separated formats (default: {','.join(FORMATS)} "
                                      "and the page's extra ones)")
    args = ap.parse_args(argv)
    names = args.pages.split(",") if args.pages else None
    paths = write(args.outdir, names)
    if not args.measure:
        for p in paths:
            print(f"{p.name}: {p.stat().st_size / 1e6:.2f} MB")
        return
    print("| page | MB in | format | wall s | CPU s | peak RSS MB | RSS / input | rc |")
    print("|---|---|---|---|---|---|---|---|")
    for p in paths:
        fmts = args.formats.split(",") if args.formats else FORMATS + EXTRA_FORMATS.get(p.name, ())
        for fmt in fmts:
            r = measure(p, fmt)
            print(f"| {r['page']} | {p.stat().st_size / 1e6:.1f} | {fmt} | {r['wall']:.1f} | "
                  f"{r['cpu']:.1f} | {r['rss']:.0f} | {r['x_input']:.1f} | {r['rc']} |",
                  flush=True)


if __name__ == "__main__":
    main()
