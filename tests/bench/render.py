"""Render benchmark: milliseconds per article for each output format, and the converters
people use for the same job (pandoc, markitdown) when they are installed, in the same run.

    python -m tests.bench.render [CORPUS_DIR] [--pages 50] [--repeat 3]

Pages: the bundled examples plus the first N ``.html`` pages of CORPUS_DIR (default
``../shared/corpus/readability``; without it only the examples are used). Each page is parsed
once; each format then renders every article ``--repeat`` times and the best CPU time per
article is printed. A 200-article EPUB/DOCX/Markdown bundle is timed too. Peers convert the
page's HTML (they have no extraction step) in a subprocess each: ``pandoc -f html -t FMT`` and
``markitdown``; their time includes their start-up, so both are shown with a per-run baseline.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

import convert

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "readability"
FORMATS = ("txt", "json", "md", "docx", "epub")


def cpu_ms(func, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        func()
        best = min(best, time.process_time() - t0)
    return best * 1000


def peer_ms(argv: list[str], pages: list[Path], stdin: bool = False) -> float | None:
    """Mean wall ms per page of a peer command (start-up included)."""
    if shutil.which(argv[0]) is None:
        return None
    t0 = time.perf_counter()
    for page in pages:
        if stdin:
            subprocess.run(argv, input=page.read_bytes(), capture_output=True)
        else:
            subprocess.run([*argv, str(page)], capture_output=True)
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
        per = cpu_ms(lambda: [convert.render(x, fmt) for x in articles], a.repeat) / n
        bundle = "–"
        try:
            bundle = f"{cpu_ms(lambda: convert.render_bundle(bundle_of, fmt), 1):.0f}"
        except convert.DecruftError:
            pass
        print(f"| {fmt} | {per:.2f} | {bundle} |")

    html_pages = [p for p in paths if p.suffix == ".html"][:20]
    print(f"\n## peers on {len(html_pages)} HTML pages (wall ms per page, start-up included)\n")
    print("| command | ms/page |")
    print("|---|---|")
    rows = [("python -c pass (start-up baseline)", [sys.executable, "-c", "pass"], False),
            ("decruft convert -t md", [sys.executable, "-m", "convert", "convert", "-t", "md"],
             False),
            ("decruft convert -t docx", [sys.executable, "-m", "convert", "convert", "-t", "docx"],
             False),
            ("pandoc -f html -t markdown", ["pandoc", "-f", "html", "-t", "gfm"], False),
            ("pandoc -f html -t docx", ["pandoc", "-f", "html", "-t", "docx", "-o",
                                        "/dev/null"], False),
            ("markitdown", ["markitdown"], False)]
    for label, cmd, stdin in rows:
        ms = peer_ms(cmd, html_pages, stdin)
        print(f"| {label} | {'not installed' if ms is None else f'{ms:.0f}'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
