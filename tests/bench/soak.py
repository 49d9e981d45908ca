"""Soak: one long ``decruft convert`` batch, watched from outside.

    python -m tests.bench.soak --pages 10000 -j 2 [--corpus DIR] [-t md]

Links the corpus pages (``../shared/corpus``, HTML and text dumps), repeated, into a temporary
folder until there are ``--pages`` of them, converts them with ``-d`` in one run, and samples
the process tree from ``/proc`` while it runs. Prints, at every 1,000 pages written: seconds
for the last 1,000, the peak RSS so far and the open file descriptors of every process (the
``decruft`` parent and each worker), then the temporary files left in the output folder. Flat
memory and descriptors and a steady pace are the pass mark; it is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
PAGE_EXTENSIONS = (".html", ".htm", ".txt")


def corpus_pages(root: Path) -> list[Path]:
    """Every page of the corpus (gold files and notes left out), sorted."""
    pages = [p for p in sorted(root.rglob("*")) if p.is_file() and
             p.suffix.lower() in PAGE_EXTENSIONS and "gold" not in p.parts and
             not p.name.startswith((".", "README"))]
    if not pages:
        raise SystemExit(f"no pages under {root}")
    return pages


def lay_out(pages: list[Path], count: int, folder: Path) -> Path:
    """``count`` pages in ``folder`` (hard links where possible); returns the list file."""
    folder.mkdir()
    names = []
    for i in range(count):
        source = pages[i % len(pages)]
        target = folder / f"{i:06d}-{source.name}"
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        names.append(str(target))
    listing = folder.parent / "list.txt"
    listing.write_text("\n".join(names) + "\n")
    return listing


def tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, todo = [pid], [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*/children"):
            try:
                kids = [int(k) for k in task.read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def status(pid: int) -> dict[str, int] | None:
    """Peak and current RSS (KiB) and open descriptors of a live process."""
    try:
        fields = dict(line.split(":", 1) for line in
                      Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None
    if "VmHWM" not in fields:  # a zombie
        return None
    return {"hwm": int(fields["VmHWM"].split()[0]), "rss": int(fields["VmRSS"].split()[0]),
            "fds": fds}


def written(folder: Path) -> int:
    with os.scandir(folder) as entries:
        return sum(1 for e in entries if not e.name.startswith("."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("-t", "--to", default="md")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--every", type=int, default=1000, help="report every N pages")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="decruft-soak-") as tmp:
        listing = lay_out(corpus_pages(args.corpus), args.pages, Path(tmp) / "pages")
        out = Path(tmp) / "out"
        cmd = [sys.executable, "-m", "convert", "convert", "--files-from", str(listing),
               "-d", str(out), "-t", args.to, "-j", str(args.jobs), "-q"]
        print(f"$ decruft {' '.join(cmd[3:])}  ({args.pages} pages)", flush=True)
        started = time.monotonic()
        proc = subprocess.Popen(cmd, stderr=subprocess.PIPE)
        last_mark, last_time = 0, started
        peaks: dict[int, dict[str, int]] = {}
        header = False
        while True:
            done = proc.poll() is not None
            for pid in tree(proc.pid):
                st = status(pid)
                if st is not None:
                    peak = peaks.setdefault(pid, st)
                    peak["hwm"] = max(peak["hwm"], st["hwm"])
                    peak["fds"] = max(peak["fds"], st["fds"])
                    peak["rss"] = st["rss"]
            n = written(out) if out.exists() else 0
            now = time.monotonic()
            if n >= last_mark + args.every or (done and n > last_mark):
                if not header:
                    print(f"{'pages':>7} {'s/1k':>7} {'elapsed':>8}  per process: "
                          "peak RSS MiB / now MiB / max open fds", flush=True)
                    header = True
                live = {pid: st for pid, st in peaks.items() if status(pid) is not None}
                shown = live or peaks
                procs = "  ".join(
                    f"{'parent' if pid == proc.pid else pid}: {st['hwm'] / 1024:.0f}/"
                    f"{st['rss'] / 1024:.0f}/{st['fds']}" for pid, st in shown.items())
                pace = (now - last_time) * 1000 / max(1, n - last_mark)
                print(f"{n:>7} {pace:>7.1f} {now - started:>8.1f}  {procs}", flush=True)
                last_mark, last_time = n, now
            if done:
                break
            time.sleep(0.25)
        err = proc.stderr.read().decode() if proc.stderr else ""
        leftovers = [e.name for e in os.scandir(out) if e.name.startswith(".")]
        print(f"exit {proc.returncode}; {written(out)} files written of {args.pages}; "
              f"{len(peaks)} processes seen; temporary files left: {len(leftovers)}")
        failures = [line for line in err.splitlines() if line]
        print(f"{len(failures)} error lines" + (f", first: {failures[0]}" if failures else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
