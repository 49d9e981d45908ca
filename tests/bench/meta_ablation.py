"""Metadata rule ablation, fast: each named rule of the metadata switched off in turn, every
page parsed only as far as its metadata.

    python -m tests.bench.meta_ablation [--rules R1,R2] [--sets readability,wcxb-dev,...]

The rules are those declared in ``convert/extract/html/meta/`` and ``convert/extract/dates.py``.
A page's title, byline and date are what the benchmark's worker reports (``Meta.title``, the
authors joined as a byline reads, published else modified), taken from ``parse_html`` at the
point where the metadata is done: the content cascade is skipped, so a run over the three
metadata sets plus dragnet takes well under a minute where ``run.py --ablate`` takes several.
(A page the cascade would reject as empty keeps its metadata here; the benchmark scores it as
no metadata: the harness's numbers differ from ``run.py``'s by those pages, the same for every
rule.) Pages whose gold has a title, byline or date are scored with the shared scorer; dragnet
(no metadata gold) by the proxy of :mod:`.meta_misses` (the title is one of the gold text's
first lines, the date its first dateline).

For each rule it prints the pages gained (+) or lost (-) per field when the rule is switched
off, on the tune and the check split (the check pages counted, never listed), and how many
outputs changed at all: a rule whose gains are all on tune pages and whose outputs change on
no check or dragnet page is evidence from one page only (issue #13: "a rule that helps tune
and does nothing on check").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from . import split as splits
from .meta_misses import DATE_LINE_CHARS, DATE_LINES, TITLE_LINES, _key
from .metrics import gold_meta, load_score

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"
SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet")
FIELDS = ("title", "byline", "date")
_RULE = re.compile(r'rule\(\s*"([a-z_0-9]+)"')


def metadata_rules() -> list[str]:
    """The rule names the metadata modules declare, in file order."""
    files = sorted((REPO / "convert" / "extract" / "html" / "meta").glob("*.py"))
    files.append(REPO / "convert" / "extract" / "dates.py")
    names = [m.group(1) for f in files for m in _RULE.finditer(f.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(names))


def _byline(authors) -> str | None:  # noqa: ANN001
    # (as tests/bench/worker.py joins them)
    names = list(authors)
    if len(names) <= 2:
        return " and ".join(names) or None
    return ", ".join(names[:-1]) + ", and " + names[-1]


def page_metadata(corpus: Path, sets: list[str]) -> dict[str, dict]:
    """set/id → {"pred": title/byline/date, "ok": field → verdict} (this process's rules)."""
    from convert.extract.html import pipeline

    class _Done(Exception):
        pass

    found = pipeline.metadata_mod.extract

    def stop_after(*args, **kwargs):  # noqa: ANN002, ANN003
        raise _Done(found(*args, **kwargs))

    pipeline.metadata_mod.extract = stop_after
    score = load_score()
    out: dict[str, dict] = {}
    for set_name in sets:
        for path in sorted((corpus / set_name).glob("*.html")):
            gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
            try:
                pipeline.parse_html(path.read_bytes(), location=str(path))
                fields: dict = {}
            except _Done as done:
                fields = done.args[0]
            except Exception:  # noqa: BLE001  (a page that fails has no metadata)
                fields = {}
            pred = {"title": pipeline._clean(fields.get("title")),
                    "byline": _byline(fields.get("authors") or ()),
                    "date": fields.get("published") or fields.get("modified")}
            out[f"{set_name}/{path.stem}"] = {"pred": pred, "ok": _verdicts(score, gold, pred)}
    return out


def _verdicts(score, gold: dict, pred: dict) -> dict[str, bool]:  # noqa: ANN001
    if "title" not in gold:
        # (a set with no metadata gold, dragnet: the headline and dateline are the gold
        # text's first lines)
        from convert.extract.dates import text_date
        lines = [ln.strip() for ln in (gold.get("gold_text") or "").split("\n") if ln.strip()]
        ok = {"title": bool(pred["title"]) and any(
            _key(pred["title"]) == _key(ln) for ln in lines[:TITLE_LINES])}
        shown = next((d for d in (text_date(ln) for ln in lines[:DATE_LINES]
                                  if len(ln) < DATE_LINE_CHARS) if d), None)
        if shown:
            ok["date"] = (pred["date"] or "")[:10] == shown
        return ok
    gm = gold_meta(gold)
    tests = {"title": score.title_exact, "byline": score.byline_lenient,
             "date": score.date_same_day}
    return {k: test(gm[k], pred[k]) for k, test in tests.items()
            if score.norm_ws(str(gm[k]) if gm[k] else "")}


def _run(ablate: str | None, sets: list[str], corpus: Path) -> dict[str, dict]:
    """One harness run in its own process (rules are read once, at import)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(REPO / "plugins")]))
    env.pop("DECRUFT_ABLATE", None)
    if ablate:
        env["DECRUFT_ABLATE"] = ablate
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        subprocess.run([sys.executable, "-m", "tests.bench.meta_ablation", "--worker", tmp.name,
                        "--corpus", str(corpus), "--sets", ",".join(sets)],
                       cwd=REPO, env=env, check=True)
        return json.loads(Path(tmp.name).read_text(encoding="utf-8"))


def changes(base: dict, off: dict, checks: dict[str, set[str]]) -> dict[tuple[str, str], int]:
    """(split, field) → pages gained minus pages lost with the rule off; (split, "changed") →
    outputs changed. Splits: tune, check, and dragnet's as "dtune", "dcheck"."""
    out: dict[tuple[str, str], int] = {}
    for key, page in base.items():
        set_name, page_id = key.split("/", 1)
        split = ("d" if set_name == "dragnet" else "") + (
            "check" if page_id in checks[set_name] else "tune")
        for field in FIELDS:
            if page["pred"][field] != off[key]["pred"][field]:
                out[split, "changed"] = out.get((split, "changed"), 0) + 1
            before, after = page["ok"].get(field), off[key]["ok"].get(field)
            if before is not None and before != after:
                out[split, field] = out.get((split, field), 0) + (1 if after else -1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules", help="comma-separated rule names (default: every metadata rule)")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--worker", metavar="OUT", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    sets = [s for s in a.sets.split(",") if s]
    if a.worker:
        Path(a.worker).write_text(json.dumps(page_metadata(a.corpus, sets)), encoding="utf-8")
        return 0
    rules = a.rules.split(",") if a.rules else metadata_rules()
    checks = {s: splits.load_check(s) or set() for s in sets}
    base = _run(None, sets, a.corpus)
    print("pages gained (+) or lost (-) with the rule OFF: title/byline/date, then outputs "
          "changed; dragnet: title/date by the headline proxy")
    print("| rule | tune | check | dragnet tune | dragnet check |\n|---|---|---|---|---|")
    for name in rules:
        c = changes(base, _run(name, sets, a.corpus), checks)

        def cell(split: str, fields=FIELDS) -> str:  # noqa: ANN001
            return "/".join(f"{c.get((split, f), 0):+d}" for f in fields) + (
                f" ({c.get((split, 'changed'), 0)})")
        print(f"| {name} | {cell('tune')} | {cell('check')} | {cell('dtune', ('title', 'date'))}"
              f" | {cell('dcheck', ('title', 'date'))} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
