"""Batch and start-up benchmark: ``-j 1`` vs ``-j 2`` on the same pages, and start-up cost.

    python -m tests.bench.batch [CORPUS_DIR] [--pages 200] [--format md]

Takes the first N ``.html`` pages of CORPUS_DIR (default ``../shared/corpus/wcxb-dev``; the
command exits cleanly with a message when it is absent), converts them with
``decruft convert --files-from - -d TMP -j J`` for J = 1 and 2, and prints wall time, the CPU
time of the children and the speed-up. Then it prints the start-up table: ``python -c pass``,
``decruft --version``, ``--help`` and a one-page ``decruft convert`` to txt and md: wall time
and CPU time (user + sys of the child, the number that does not depend on what else the
machine runs), best of 5 after a warm-up run that writes the bytecode cache, and the total of ``python -X importtime``. ``--startup-only`` skips
the batch part. The commands run the ``decruft`` console script next to the interpreter when it
is installed (as users run it), else ``python -m convert``.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = REPO / ".." / "shared" / "corpus" / "wcxb-dev"
_SCRIPT = Path(sys.executable).with_name("decruft")
DECRUFT = [str(_SCRIPT)] if _SCRIPT.is_file() else [sys.executable, "-m", "convert"]


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def batch(pages: list[Path], fmt: str, jobs: int) -> tuple[float, float, int]:
    out = Path(tempfile.mkdtemp(prefix="decruft-bench-"))
    try:
        listing = "".join(f"{p}\0" for p in pages).encode()
        cpu0, t0 = _children_cpu(), time.perf_counter()
        proc = subprocess.run([*DECRUFT, "convert", "--files-from", "-", "-0", "-d", str(out),
                               "-t", fmt, "-j", str(jobs), "-q"], input=listing,
                              capture_output=True)
        wall, cpu = time.perf_counter() - t0, _children_cpu() - cpu0
        return wall, cpu, len(list(out.iterdir())) if proc.returncode in (0, 1) else -1
    finally:
        shutil.rmtree(out, ignore_errors=True)


#: Start-up is measured as users meet it, with the bytecode cache written: an environment
#: that sets PYTHONDONTWRITEBYTECODE (some CI images and containers do) makes every run
#: compile ~80 modules from source, which doubles a one-page conversion's CPU time.
_CACHED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def best_times(argv: list[str], runs: int = 5) -> tuple[float, float]:
    """Best wall time and best CPU time (user + sys of the child) over ``runs`` runs, in s,
    after one warm-up run that writes the ``.pyc`` files."""
    subprocess.run(argv, capture_output=True, env=_CACHED_ENV)
    wall = cpu = float("inf")
    for _ in range(runs):
        cpu0, t0 = _children_cpu(), time.perf_counter()
        subprocess.run(argv, capture_output=True, env=_CACHED_ENV)
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, _children_cpu() - cpu0)
    return wall, cpu


def import_total(argv: list[str]) -> float:
    """Sum of the top-level cumulative import times reported by ``-X importtime`` (ms)."""
    if argv[0] != sys.executable:  # the console script: run it by the interpreter
        argv = [sys.executable, *argv]
    proc = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True,
                          text=True, env=_CACHED_ENV)
    total = 0
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \| (\s*)\S", line)
        if m and not m.group(2):  # top-level imports only (nested ones are indented)
            total += int(m.group(1))
    return total / 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--format", default="md")
    ap.add_argument("--startup-only", action="store_true", help="Only the start-up table.")
    a = ap.parse_args(argv)
    if not a.startup_only:
        if not a.corpus.is_dir():
            print(f"corpus folder {a.corpus} not found: nothing to benchmark", file=sys.stderr)
            return 0
        batch_table(a)
    startup_table()
    return 0


def batch_table(a: argparse.Namespace) -> None:
    pages = sorted(a.corpus.glob("*.html"))[: a.pages]
    print(f"## batch: {len(pages)} pages of {a.corpus.name} -> {a.format}, "
          f"{os.cpu_count()} CPUs\n")
    print("| jobs | wall s | CPU s (children) | outputs | wall vs -j 1 |")
    print("|---|---|---|---|---|")
    base = None
    for jobs in (1, 2):
        wall, cpu, n = batch(pages, a.format, jobs)
        base = base or wall
        print(f"| {jobs} | {wall:.2f} | {cpu:.2f} | {n} | {wall / base:.2f}x |")


def startup_table() -> None:
    example = REPO / "examples" / "field-notes.html"
    rows = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("decruft --version", [*DECRUFT, "--version"]),
            ("decruft --help", [*DECRUFT, "--help"]),
            ("decruft convert page -t txt", [*DECRUFT, "convert", str(example), "-t", "txt"]),
            ("decruft convert page -t md", [*DECRUFT, "convert", str(example), "-t", "md"])]
    print("\n## start-up (best of 5; CPU = user + sys; -X importtime total of top-level "
          "imports)\n")
    print("| command | wall ms | CPU ms | imports ms |")
    print("|---|---|---|---|")
    for label, cmd in rows:
        wall, cpu = best_times(cmd)
        print(f"| {label} | {wall * 1000:.0f} | {cpu * 1000:.0f} | {import_total(cmd):.0f} |")


if __name__ == "__main__":
    sys.exit(main())
