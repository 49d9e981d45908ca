"""Render benchmark: milliseconds per article for each output format, and the converters
people use for the same job (pandoc, markitdown) when they are installed, in the same run.

    python -m tests.bench.render [CORPUS_DIR] [--pages 50] [--repeat 3]

Pages: the bundled examples plus the first N ``.html`` pages of CORPUS_DIR (default
``../shared/corpus/readability``; without it only the examples are used). Each page is parsed
once; each format then renders every article ``--repeat`` times and the best CPU time per
article is printed (PDF, two orders of magnitude slower, once). A 200-article bundle is timed
for every bundling format but PDF (about a minute). Formats whose extra is missing are listed
as such. Peers convert the page's HTML (they have no extraction step) in a subprocess each:
``pandoc -f html -t FMT``, ``pandoc -o x.pdf`` (needs a LaTeX engine), ``percollate pdf`` and
``markitdown``; their time includes their start-up, so all are shown with a per-run baseline,
and a peer that fails is reported as failing rather than timed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import convert

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "readability"
FORMATS = ("txt", "json", "md", "pandoc", "docx", "epub", "pdf")
#: Formats timed once per article and without the 200-article bundle: they take ~0.1-0.5 s.
SLOW = ("pdf",)


def cpu_ms(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        func()
        best = min(best, time.process_time() - t0)
    return best * 1000


def peer_ms(argv: list[str], pages: list[Path], stdin: bool = False) -> float | str | None:
    """Mean wall ms per page of a peer command (start-up included); None when it is not
    installed, ``"fails"`` when it fails on a page."""
    if shutil.which(argv[0]) is None:
        return None
    t0 = time.perf_counter()
    for page in pages:
        if stdin:
            proc = subprocess.run(argv, input=page.read_bytes(), capture_output=True)
        else:
            proc = subprocess.run([*argv, str(page)], capture_output=True)
        if proc.returncode != 0:
            return "fails"
    return (time.perf_counter() - t0) * 1000 / len(pages)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    paths = [REPO / "examples" / "field-notes.html", REPO / "examples" / "seed-rt-article.txt"]
    if a.corpus.is_dir():
        paths += sorted(a.corpus.glob("*.html"))[: a.pages]
    articles = []
    for p in paths:
        try:
            articles.append(convert.parse(p))
        except convert.DecruftError:
            pass
    n = len(articles)
    print(f"## render: {n} articles, best of {a.repeat}, CPU ms per article\n")
    print("| format | ms/article | 200-article bundle ms |")
    print("|---|---|---|")
    bundle_of = (articles * (200 // max(n, 1) + 1))[:200]
    for fmt in FORMATS:
        slow = fmt in SLOW
        try:
            per = cpu_ms(lambda: [convert.render(x, fmt) for x in articles],
                         1 if slow else a.repeat) / n
        except convert.DecruftError as exc:  # a missing extra
            print(f"| {fmt} | {exc} | – |")
            continue
        bundle = "–"
        try:
            if not slow:
                bundle = f"{cpu_ms(lambda: convert.render_bundle(bundle_of, fmt), 1):.0f}"
        except convert.DecruftError:
            pass
        print(f"| {fmt} | {per:.2f} | {bundle} |")

    html_pages = [p for p in paths if p.suffix == ".html"][:20]
    print(f"\n## peers on {len(html_pages)} HTML pages (wall ms per page, start-up included)\n")
    print("| command | ms/page |")
    print("|---|---|")
    out = Path(tempfile.mkdtemp(prefix="decruft-bench-"))
    rows = [("python -c pass (start-up baseline)", [sys.executable, "-c", "pass"], False),
            ("decruft convert -t md", [sys.executable, "-m", "convert", "convert", "-t", "md"],
             False),
            ("decruft convert -t docx", [sys.executable, "-m", "convert", "convert", "-t", "docx"],
             False),
            ("pandoc -f html -t markdown", ["pandoc", "-f", "html", "-t", "gfm"], False),
            ("pandoc -f html -t docx", ["pandoc", "-f", "html", "-t", "docx", "-o",
                                        str(out / "x.docx")], False),
            ("decruft convert -t pdf", [sys.executable, "-m", "convert", "convert", "-t", "pdf",
                                        "-o", str(out / "d.pdf")], False),
            ("pandoc -f html -o x.pdf", ["pandoc", "-f", "html", "-o", str(out / "p.pdf")],
             False),
            ("percollate pdf", ["percollate", "pdf", "-o", str(out / "c.pdf")], False),
            ("markitdown", ["markitdown"], False)]
    for label, cmd, stdin in rows:
        ms = peer_ms(cmd, html_pages, stdin)
        shown = ("not installed" if ms is None else ms if isinstance(ms, str)
                 else f"{ms:.0f}")
        print(f"| {label} | {shown} |")
    shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
