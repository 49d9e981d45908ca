"""One benchmark worker: runs ONE tool over a list of pages and prints JSON results.

Run by :mod:`.run` in its own subprocess so that peak RSS and CPU belong to that tool alone::

    python -m tests.bench.worker TOOL KIND CORPUS_DIR < ids.json > results.json

TOOL is ``decruft``, ``trafilatura``, ``readability`` or ``raw`` (the page's naive text dump);
KIND is ``html`` (feed ``<id>.html``) or ``text`` (feed ``<id>.txt``). CPU time is
``time.process_time`` around each page's extraction (imports excluded, metadata included).

With ``DECRUFT_BENCH_ORACLE_TYPE=1`` (``run --oracle-type``) decruft's HTML extraction reads
each page's gold ``page_type`` (its ``<id>.json``) as the classifier's verdict, with
probability 1, wherever it picks a profile by the type; pages without one keep the classifier.
With ``DECRUFT_BENCH_ORACLE_TYPE=FILE.json`` (``run --oracle-type FILE.json``) it reads the
type and probability that file gives the page instead (``{"<set>/<id>": [type, p]}``, e.g.
out-of-fold predictions of ``train_assess --oof-types``), the classifier for a page it lacks.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sys
import time
from pathlib import Path
from typing import Callable

#: The environment variable that gives decruft the gold page type (see the module's doc).
ORACLE_ENV = "DECRUFT_BENCH_ORACLE_TYPE"

#: A page that takes longer than this is recorded as empty (trafilatura can hang, #704).
PAGE_TIMEOUT_S = 60


def _decruft(kind: str) -> Callable[[bytes, str], dict]:
    import convert
    from convert.textutil import article_text

    parse = getattr(convert, "parse", None)
    if parse is None:
        if kind == "html":
            from convert.extract.html.pipeline import parse_html as direct
        else:
            from convert.extract.text.pipeline import parse_text as direct  # written by a colleague

        def parse(data, kind=kind, location=None):  # noqa: ANN001
            return direct(data, location=location)

    given = os.environ.get(ORACLE_ENV)
    oracle = _oracle_type() if given else None
    table = json.loads(Path(given).read_text(encoding="utf-8")) if given not in (None, "", "1") \
        else None

    def run(data: bytes, location: str) -> dict:
        if oracle is not None:
            page = Path(location)
            if table is None:
                gold = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
                oracle[0] = (gold["page_type"], 1.0) if gold.get("page_type") else None
            else:
                forced = table.get(f"{page.parent.name}/{page.stem}")
                oracle[0] = tuple(forced) if forced else None
        article = parse(data, kind=kind, location=location)
        meta = article.meta
        # The body as the txt format writes it by default: figure captions and credits left out.
        text = article_text(article, captions=False)
        if meta.subtitle:
            # The standfirst is shown under the headline (Meta.subtitle, not a body block):
            # it is part of the article a reader sees, as the peers' text has it.
            text = meta.subtitle + "\n\n" + text
        return {"text": text, "title": meta.title,
                "byline": _byline(meta.authors),
                # The article's date as a reader sees it: published, else last modified.
                "date": meta.published or meta.modified}
    return run


def _oracle_type() -> list:
    """Make the HTML profiles read the (type, probability) held in the returned one-item
    list (when it is set) instead of the classifier's: the extraction's every question about
    the page type goes through ``profiles.page_type``."""
    from convert.extract.html import profiles
    learned = profiles.page_type
    forced: list = [None]

    def page_type(kind: str, signals):  # noqa: ANN001, ANN202
        if kind != "html" or forced[0] is None:
            return learned(kind, signals)
        found, probability = forced[0]
        return found, probability, {found: probability}
    profiles.page_type = page_type
    return forced


def _byline(authors) -> str | None:  # noqa: ANN001
    """Authors as a byline reads: "A", "A and B", "A, B, and C"."""
    names = list(authors)
    if len(names) <= 2:
        return " and ".join(names) or None
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _trafilatura(kind: str) -> Callable[[bytes, str], dict]:
    import trafilatura

    def run(data: bytes, location: str) -> dict:
        doc = trafilatura.bare_extraction(data.decode("utf-8", "replace"), include_comments=False,
                                          with_metadata=True)
        if doc is None:
            return {"text": ""}
        return {"text": doc.text or "", "title": doc.title, "byline": doc.author,
                "date": doc.date}
    return run


def _readability(kind: str) -> Callable[[bytes, str], dict]:
    import lxml.html
    from readability import Document

    def run(data: bytes, location: str) -> dict:
        doc = Document(data.decode("utf-8", "replace"))
        summary = doc.summary(html_partial=True)
        root = lxml.html.fromstring(summary) if summary.strip() else None
        text = "\n".join(t.strip() for t in root.itertext()) if root is not None else ""
        return {"text": text, "title": doc.short_title(), "byline": None, "date": None}
    return run


def _raw(kind: str) -> Callable[[bytes, str], dict]:
    def run(data: bytes, location: str) -> dict:
        return {"text": data.decode("utf-8", "replace")}
    return run


TOOLS = {"decruft": _decruft, "trafilatura": _trafilatura, "readability": _readability,
         "raw": _raw}


def _peak_rss_kb() -> int:
    """This worker's peak resident set in KiB. On Linux ``ru_maxrss`` survives ``execve``: a
    worker forked from the benchmark's parent reports the parent's size when that was larger
    (every tool of a set showed the same figure late in a run). ``VmHWM`` belongs to the
    worker's own address space."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class _Timeout(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001
    raise _Timeout()


def main(argv: list[str]) -> int:
    tool, kind, corpus = argv[0], argv[1], Path(argv[2])
    ids = json.load(sys.stdin)
    run = TOOLS[tool](kind)
    suffix = ".html" if kind == "html" and tool != "raw" else ".txt"
    signal.signal(signal.SIGALRM, _alarm)
    results: dict[str, dict] = {}
    cpu_total = 0.0
    wall_start = time.perf_counter()
    for page_id in ids:
        path = corpus / f"{page_id}{suffix}"
        data = path.read_bytes()
        signal.alarm(PAGE_TIMEOUT_S)
        t0 = time.process_time()
        try:
            out = run(data, str(path))
            error = None
        except Exception as exc:  # a failure is an empty prediction, and is reported
            out, error = {"text": ""}, f"{type(exc).__name__}: {exc}"[:200]
        finally:
            signal.alarm(0)
        cpu = time.process_time() - t0
        cpu_total += cpu
        out["cpu"] = cpu
        if error:
            out["error"] = error
        results[page_id] = out
    wall = time.perf_counter() - wall_start
    rss_kb = _peak_rss_kb()
    json.dump({"tool": tool, "results": results, "cpu_total": cpu_total, "wall": wall,
               "rss_mb": rss_kb / 1024}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
