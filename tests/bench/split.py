"""The sealed split: 30 % of each corpus set are *check* pages, the rest *tune* pages.

Tune on, look at and debug the tune pages only; a change lands when it does not lower the check
split of any set by more than noise (issue #13). The split is committed as one id list per set,
``tests/bench/splits/<set>.check.txt`` (one id a line, ``#`` comments); a page of the set that
the list does not name is a tune page. The text dumps ``<id>.txt`` of a set follow its split.

The lists were made once by this script, with a fixed seed, and are never remade (that would
unseal pages somebody has tuned on)::

    python -m tests.bench.split [CORPUS_BASE] [--force]

For each set, the pages are grouped into strata (``page_type`` where the gold has it — wcxb-dev,
wcxb-dev-extra —, the dump's ``source`` in ``dumps/MANIFEST.jsonl``, else one stratum), each
stratum's ids are sorted and shuffled with ``random.Random(f"{SEED}/{set}/{stratum}")``, and the
first ``round(0.3 * n)`` become check pages. An existing list is kept unless ``--force``.
Pages added to a set later count as tune pages until a list names them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

SPLITS = Path(__file__).resolve().parent / "splits"
SEED = 13
CHECK_FRACTION = 0.3
#: Every folder of the shared corpus; ``dumps`` has text dumps only.
SETS = ("readability", "wcxb-dev", "wcxb-dev-extra", "dragnet", "trafilatura-eval", "dumps")
SPLIT_NAMES = ("tune", "check", "all")


def split_path(set_name: str) -> Path:
    return SPLITS / f"{set_name}.check.txt"


def load_check(set_name: str) -> set[str] | None:
    """The check ids of a set, or ``None`` when no list is committed for it."""
    path = split_path(set_name)
    if not path.exists():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def select(ids: list[str], check: set[str] | None, split: str) -> list[str]:
    """The ids of ``split`` (tune, check or all); without a list every page is a tune page."""
    if split == "all":
        return list(ids)
    check = check or set()
    return [i for i in ids if (i in check) == (split == "check")]


def strata(folder: Path) -> dict[str, list[str]]:
    """The set's page ids grouped by the stratum the split is balanced over."""
    groups: dict[str, list[str]] = {}
    manifest = folder / "MANIFEST.jsonl"
    sources = {}
    if manifest.exists():
        for line in manifest.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                sources[rec["id"]] = rec.get("source") or ""
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("MANIFEST"):
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(gold, dict) or "id" not in gold:
            continue
        key = gold.get("page_type") or sources.get(gold["id"]) or ""
        groups.setdefault(key, []).append(gold["id"])
    return groups


def make_split(set_name: str, folder: Path) -> tuple[list[str], int, bool]:
    """The check ids of one set, the number of pages, and whether it was stratified."""
    groups = strata(folder)
    check: list[str] = []
    for key in sorted(groups):
        ids = sorted(groups[key])
        random.Random(f"{SEED}/{set_name}/{key}").shuffle(ids)
        check.extend(ids[:round(CHECK_FRACTION * len(ids))])
    return sorted(check), sum(len(v) for v in groups.values()), len(groups) > 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", nargs="?", type=Path,
                    default=Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus")
    ap.add_argument("--force", action="store_true", help="remake lists that exist (unseals!)")
    a = ap.parse_args(argv)
    SPLITS.mkdir(exist_ok=True)
    for name in SETS:
        folder, out = a.base / name, split_path(name)
        if not folder.is_dir():
            print(f"{name}: no folder at {folder}", file=sys.stderr)
            continue
        if out.exists() and not a.force:
            print(f"{name}: kept {out.name} (sealed; --force remakes it)")
            continue
        check, total, stratified = make_split(name, folder)
        key = "source (MANIFEST.jsonl)" if (folder / "MANIFEST.jsonl").exists() else "page_type"
        how = f"stratified by {key}" if stratified else "one stratum"
        out.write_text(
            f"# check split of {name}: {len(check)} of {total} pages, seed {SEED}, {how}\n"
            "# made by `python -m tests.bench.split`; sealed: do not look at, debug or tune on"
            " these pages\n" + "".join(f"{i}\n" for i in check), encoding="utf-8")
        print(f"{name}: {len(check)} of {total} pages -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
