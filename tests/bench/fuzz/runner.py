"""The fuzzer's processes and command line: cases go to worker processes in chunks, a hang or
a dead worker is reported and the chunk resumed after it; one line a finding, a summary.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import select
import subprocess
import sys
import time
from pathlib import Path

from .cases import BUILTIN, Case, Seed, plan
from .checks import run_case

# The help is the package's docstring: what the fuzzer does, mutates and reports.
_DOC = sys.modules[__package__].__doc__

def worker(args) -> int:
    """Read case descriptions (JSON lines) on stdin, print ``B i`` then ``R json`` for each."""
    if args.mem_mb:
        limit = args.mem_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    run_case(BUILTIN["builtin-article"][1])  # the imports, before the first case's clock
    print("READY", flush=True)
    for line in sys.stdin:
        spec = json.loads(line)
        case = Case(spec["index"], Seed(**spec["seed"]), spec["mutation"], spec["rng_seed"])
        print(f"B {case.index}", flush=True)
        data = case.data()
        t0 = time.perf_counter()
        result = run_case(data)
        result.update(index=case.index, seconds=round(time.perf_counter() - t0, 2),
                      size=len(data))
        if result["status"] in ("exception", "leak"):
            save(Path(args.out), case, data)
        print("R " + json.dumps(result), flush=True)
    return 0


def save(out: Path, case: Case, data: bytes | None = None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"case-{case.index}.bin"
    path.write_bytes(case.data() if data is None else data)
    return path


def _spec(case: Case) -> str:
    return json.dumps({"index": case.index, "mutation": case.mutation, "rng_seed": case.rng_seed,
                       "seed": {"name": case.seed.name, "kind": case.seed.kind,
                                "path": case.seed.path}})


def _start(args) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "tests.bench.fuzz", "--worker", "--out", args.out,
           "--mem-mb", str(args.mem_mb)]
    return subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0,
                            start_new_session=True)


def _lines(proc: subprocess.Popen, timeout: float):
    """The worker's output lines as they come; ``None`` once ``timeout`` seconds pass with no
    line (read from the file descriptor itself: a buffered reader would hold lines that
    ``select`` cannot see)."""
    fd = proc.stdout.fileno()
    buf = b""
    while True:
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line.decode("utf-8")
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            yield None
            continue
        piece = os.read(fd, 1 << 16)
        if not piece:
            return
        buf += piece


def run_chunk(args, cases: list[Case], emit) -> None:
    """Run ``cases`` in one worker; a hang or a death is reported and the rest resumed."""
    pending = list(cases)
    while pending:
        proc = _start(args)
        by_index = {c.index: c for c in pending}
        proc.stdin.write("".join(_spec(c) + "\n" for c in pending).encode("utf-8"))
        proc.stdin.close()
        current: Case | None = None
        done: set[int] = set()
        stopped = "died"
        started = False
        waited = 0.0
        tick = min(5.0, args.timeout)
        for line in _lines(proc, tick):
            if line is None:  # no news for a tick
                waited += tick
                if waited >= (args.timeout if started else 120.0):
                    stopped = "hang"
                    break
                continue
            waited = 0.0
            if line == "READY":
                started = True
            elif line.startswith("B "):
                current = by_index[int(line[2:])]
            elif line.startswith("R "):
                result = json.loads(line[2:])
                done.add(result["index"])
                emit(by_index[result["index"]], result)
                current = None
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, 9)
            except ProcessLookupError:
                pass
        proc.wait()
        proc.stdout.close()
        if current is not None:
            path = save(Path(args.out), current)
            detail = (f"over {args.timeout:g} s" if stopped == "hang"
                      else f"worker died (exit {proc.returncode})")
            emit(current, {"status": "hang" if stopped == "hang" else "exception",
                           "detail": detail, "index": current.index, "saved": str(path)})
            done.add(current.index)
        elif not done:
            emit(pending[0], {"status": "exception", "index": pending[0].index,
                              "detail": f"worker failed before its first case "
                                        f"(exit {proc.returncode})"})
            return
        pending = [c for c in pending if c.index not in done]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.bench.fuzz", description=_DOC,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--cases", type=int, default=500)
    ap.add_argument("--corpus", type=Path, default=None,
                    help="the shared corpus folder (tune pages only are read)")
    ap.add_argument("--per-set", type=int, default=12, help="tune pages drawn from each set")
    ap.add_argument("--mutation", action="append", help="only these mutations (repeatable)")
    ap.add_argument("--only", type=int, action="append", help="only these case numbers")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=50, help="cases per worker process")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds a case may take")
    ap.add_argument("--mem-mb", type=int, default=4000, help="a worker's address-space cap")
    ap.add_argument("--out", default="/tmp/decruft-fuzz", help="where failing inputs go")
    ap.add_argument("--save", type=Path, help="every case's result, one JSON a line")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return worker(args)

    cases = plan(args.seed, args.cases, args.corpus, args.per_set, args.mutation)
    if args.only:
        cases = [c for c in cases if c.index in set(args.only)]
    chunks = [cases[i:i + args.chunk] for i in range(0, len(cases), args.chunk)]
    counts: dict[str, int] = {}
    findings: list[str] = []
    log = args.save.open("w") if args.save else None
    t0 = time.monotonic()

    def emit(case: Case, result: dict) -> None:
        status = result["status"]
        counts[status] = counts.get(status, 0) + 1
        if log:
            log.write(json.dumps({"case": case.index, "page": case.seed.name,
                                  "mutation": case.mutation, **result}) + "\n")
            log.flush()
        if status in ("exception", "hang", "leak"):
            line = f"case {case.index} {case.seed.name} {case.mutation}: {status}: " \
                   f"{result.get('detail', '')}"
            findings.append(line)
            print(line, flush=True)
            if result.get("trace"):
                print("    " + result["trace"].rstrip().replace("\n", "\n    "), flush=True)

    if args.jobs <= 1:
        for chunk in chunks:
            run_chunk(args, chunk, emit)
    else:
        import threading

        lock = threading.Lock()
        queue = list(chunks)

        def locked_emit(case, result):
            with lock:
                emit(case, result)

        def loop():
            while True:
                with lock:
                    if not queue:
                        return
                    chunk = queue.pop(0)
                run_chunk(args, chunk, locked_emit)

        threads = [threading.Thread(target=loop) for _ in range(args.jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    if log:
        log.close()
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    print(f"{len(cases)} cases in {time.monotonic() - t0:.0f} s: {summary}; "
          f"{len(findings)} findings (inputs in {args.out})")
    return 1 if findings else 0
