"""The per-page instruction count of ``convert.parse`` against a selectolax parse (issue #14).

Wall time on a shared machine is noise; callgrind's instruction count is not. Run each mode
under callgrind and subtract the ``none`` run (imports, reading the pages, warm-up)::

    for m in none selectolax decruft; do
      PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=cg.$m \\
        python -m tests.bench.instructions $m
    done
    # per page: (Ir(decruft) - Ir(none)) / pages; ratio: that over (Ir(selectolax) - Ir(none))

The pages are the first ``N`` (20) ``.html`` pages, sorted by name, of each set; before the
measured loop every mode parses the next three pages of each set with decruft, so imports,
lazily compiled patterns and first-use caches are not counted as per-page cost.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet", "trafilatura-eval")
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def _pages(folder: Path, start: int, stop: int) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".html")[start:stop]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("mode", choices=("none", "selectolax", "decruft"))
    ap.add_argument("-n", type=int, default=20, help="pages per set")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("sets", nargs="*", default=list(SETS))
    args = ap.parse_args(argv)
    missing = [s for s in args.sets if not (args.corpus / s).is_dir()]
    if missing:
        print(f"corpus sets {', '.join(missing)} not found under {args.corpus}: "
              "nothing to measure", file=sys.stderr)
        return
    pages = [(p, p.read_bytes()) for s in args.sets
             for p in _pages(args.corpus / s, 0, args.n)]

    import convert
    from convert.errors import DecruftError
    from selectolax.lexbor import LexborHTMLParser

    for s in args.sets:
        for p in _pages(args.corpus / s, args.n, args.n + 3):
            try:
                convert.parse(p.read_bytes(), location=str(p))
            except DecruftError:
                pass
    LexborHTMLParser(b"<p>warm</p>")
    if args.mode == "decruft":
        for p, data in pages:
            try:
                convert.parse(data, location=str(p))
            except DecruftError:
                pass
    elif args.mode == "selectolax":
        for _, data in pages:
            LexborHTMLParser(data)


if __name__ == "__main__":
    main()
