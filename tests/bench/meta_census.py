"""The tune pages' title, byline and date misses of a saved run, grouped by cause, with the number of
distinct sites behind each cause (issue #13, item 8: fix a class only when it recurs across
sites).

    python -m tests.bench.meta_census RUN.jsonl [--list] [--corpus DIR]

``RUN.jsonl`` is a ``run.py --save`` file. Only *tune* pages are read or listed (check pages
are sealed). A page whose extraction failed counts as a miss with no metadata at all, as the
benchmark scores it. A cause is decided from the page's own candidates (``<title>``,
og:title, twitter:title, JSON-LD headline, the ``<h1>`` texts; the declared dates), read here
with a plain parse so that the census does not depend on the rules it judges. Titles are
compared as the shared scorer does (whitespace normalised, case and typography kept); "folded"
below means case-folded with typographic quotes, dashes and ellipses made plain.

Title causes, first that applies: ``no output`` (extraction failed); ``case or typography
only``; ``we keep a part the gold drops`` (the gold starts or ends ours: a site, label,
tagline or number part); ``we drop a part the gold keeps`` (ours starts or ends the gold's);
``gold: a declared title, we: an <h1>`` (another wording; the site's name kept or not) and
``gold: an <h1>, we: a declared title``; ``gold: a declared title, we: another`` (a
declared title we did not read as the headline); ``gold: found nowhere on the page``.

Byline causes (judged leniently, as the scorer does): ``no output``; ``a list written another
way`` (the same names: "A, B, C" against "A, B, and C", "A & B"); ``none found though the
page shows it``; ``another name chosen`` (the gold's name is in the page's text); ``gold's
name not on the page`` (with or without a name of ours).

Date causes: ``no output``; ``gold is no day`` (a month: the scorer cannot match it);
``gold day not on the page`` (no declared or shown date is that day); ``modified vs
published`` (the gold is the declared modification and ours the publication, or the
reverse); ``time zone`` (one declared instant whose local and UTC days differ: the gold takes
one, we the other); ``none found though the page shows it``; ``another date chosen`` (the
gold's day is on the page, ours is another: a card's, a comment's, a schedule's).

The measured record is in tests/bench/ablation-report.md ("Metadata census, r-meta11").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import datetime, timezone
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-",
                       "…": "...", "？": "?", "″": '"'})
#: The separators that set a site, section or tagline part off a title.
_PARTS = re.compile(r"\s+[|\-–—·•»:/]\s+|\s*[|_]\s*")
_ISO = re.compile(r"((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ](\d\d:\d\d(?::\d\d)?)(?:\.\d+)?"
                  r"(Z|[+-]\d\d:?\d\d)?)?")
#: Declared keys of the modification day (the others read as the publication).
_MODIFIED = re.compile(r"modified|updated", re.IGNORECASE)


def _ws(text: str | None) -> str:
    return " ".join((text or "").split())


def folded(text: str | None) -> str:
    """Case-folded, typography made plain, punctuation runs as one space."""
    return " ".join(re.sub(r"[^\w.?'\"-]+", " ", _ws(text).translate(_FOLD).casefold()).split())


def _cut_parts(title: str) -> set[str]:
    """Every head and tail of ``title`` at a separator ("A | B | C": "A", "A | B", "B | C",
    "C")."""
    out = set()
    for m in _PARTS.finditer(title):
        out.update({title[:m.start()].strip(), title[m.end():].strip()})
    return {p for p in out if p}


def page_candidates(html: str) -> dict:
    """The page's title candidates, its declared dates (key, value) and host."""
    tree = LexborHTMLParser(html)
    head = tree.css_first("title")
    out: dict = {"declared": [], "h1": [], "dates": [], "host": None}
    if head is not None and _ws(head.text()):
        out["declared"].append(_ws(head.text()))
    for node in tree.css("meta"):
        key = (node.attributes.get("property") or node.attributes.get("name")
               or node.attributes.get("itemprop") or "").lower()
        value = _ws(node.attributes.get("content"))
        if key in ("og:title", "twitter:title") and value:
            out["declared"].append(value)
        elif key == "og:url" and value and not out["host"]:
            out["host"] = _host(value)
        elif value and re.search(r"date|time|published|modified|updated", key):
            out["dates"].append((key, value))
    for m in re.finditer(r'"headline"\s*:\s*"((?:[^"\\]|\\.)*)"', html):
        try:
            out["declared"].append(_ws(json.loads(f'"{m.group(1)}"')))
        except ValueError:
            pass
    for m in re.finditer(r'"(date\w*|uploadDate)"\s*:\s*"([^"]+)"', html):
        out["dates"].append((m.group(1), m.group(2)))
    for node in tree.css("time[datetime]"):
        out["dates"].append(("time", node.attributes.get("datetime") or ""))
    link = tree.css_first('link[rel="canonical"]')
    if link is not None and link.attributes.get("href"):
        out["host"] = _host(link.attributes["href"]) or out["host"]
    out["h1"] = [t for t in (_ws(n.text()) for n in tree.css("h1")) if t]
    body = tree.body
    out["text"] = _ws(body.text(separator=" ")) if body is not None else ""
    # (a day in any markup: a custom element's timestamp attribute, a script's data)
    out["marked"] = {m.group(1) for m in _ISO.finditer(html)}
    return out


def _host(url: str) -> str | None:
    m = re.match(r"[a-z]+://([^/:?#]+)", url.strip(), re.IGNORECASE)
    return m.group(1).lower().removeprefix("www.") if m else None


def title_cause(gold: str, ours: str | None, failed: bool, cands: dict) -> str:
    gold, ours = _ws(gold), _ws(ours)
    if failed or not ours:
        return "no output"
    if folded(gold) == folded(ours):
        return "case or typography only"
    g, o = folded(gold), folded(ours)
    if o.startswith(g) or o.endswith(g):
        return "we keep a part the gold drops"
    if g.startswith(o) or g.endswith(o):
        return "we drop a part the gold keeps"
    declared = set(cands["declared"]) | {p for d in cands["declared"] for p in _cut_parts(d)}
    if gold in declared:
        return ("gold: a declared title, we: an <h1>" if ours in cands["h1"]
                else "gold: a declared title, we: another")
    if gold in cands["h1"]:
        return "gold: an <h1>, we: a declared title"
    return "gold: found nowhere on the page"


def right_position(ours: str | None, cands: dict) -> str | None:
    """The cause a *right* title would have had, had the gold taken the other candidate: the
    pages the gold decides the other way, for weighing a cause against them."""
    ours = _ws(ours)
    if not ours:
        return None
    if folded(ours) != ours.casefold() and any(
            c != ours and folded(c) == folded(ours) for c in cands["declared"] + cands["h1"]):
        return None
    if any(ch in ours for ch in "’‘“”—–…？″"):
        return "case or typography only"
    parts = {p for d in cands["declared"] for p in _cut_parts(d)}
    declared = set(cands["declared"]) | parts
    if ours in parts and ours not in cands["declared"]:
        return "we drop a part the gold keeps"
    if _cut_parts(ours) and (ours in cands["declared"] or ours in cands["h1"]):
        return "we keep a part the gold drops"
    if ours in cands["h1"] and ours not in declared and cands["declared"]:
        return "gold: a declared title, we: an <h1>"
    others = [h for h in cands["h1"] if folded(h) != folded(ours)]
    if ours in declared and len(set(cands["h1"])) == 1 and others:
        return "gold: an <h1>, we: a declared title"
    return None


def _days(value: str) -> tuple[str | None, str | None]:
    """(the day as written, the UTC day when the value is an instant with an offset)."""
    m = _ISO.search(value)
    if not m:
        return None, None
    day = m.group(1)
    if m.group(2) and m.group(3):
        zone = m.group(3).replace("Z", "+00:00")
        zone = zone if ":" in zone else zone[:3] + ":" + zone[3:]
        try:
            at = datetime.fromisoformat(f"{day}T{m.group(2)}{zone}")
            return day, at.astimezone(timezone.utc).date().isoformat()
        except ValueError:
            pass
    return day, None


def date_cause(gold: str, ours: str | None, failed: bool, cands: dict) -> str:
    from convert.extract.dates import text_date
    if failed:
        return "no output"
    day = (_ISO.search(str(gold)) or [None])[0]
    if not day:
        return "gold is no day"
    day = day[:10]
    mine = (ours or "")[:10]
    declared = [(k, *_days(v)) for k, v in cands["dates"]]
    for _key, local, utc in declared:
        if utc and local != utc and {day, mine} == {local, utc}:
            return "time zone"
    modified = {local for k, local, _ in declared if local and _MODIFIED.search(k)}
    published = {local for k, local, _ in declared if local and not _MODIFIED.search(k)}
    if mine and ((day in modified and mine in published) or (
            day in published and mine in modified)):
        return "modified vs published"
    shown = day in cands["marked"] or day in {
        d for d in (text_date(chunk) for chunk in _chunks(cands["text"])) if d}
    if not shown:
        return "gold day not on the page"
    return "another date chosen" if mine else "none found though the page shows it"


_NAMES = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b)\s*", re.IGNORECASE)


def byline_cause(gold: str, ours: str | None, failed: bool, cands: dict) -> str:
    if failed:
        return "no output"
    names = lambda text: {folded(n) for n in _NAMES.split(text or "") if n.strip()}  # noqa: E731
    if ours and names(gold) == names(ours):
        return "a list written another way"
    shown = folded(re.sub(r"^(?:by|von|par|por|di)\s+", "", _ws(gold), flags=re.IGNORECASE))
    on_page = bool(shown) and shown in folded(cands["text"])
    if not ours:
        return "none found though the page shows it" if on_page else "gold's name not on the page"
    return "another name chosen" if on_page else "gold's name not on the page, we: another"


def _chunks(text: str, size: int = 60) -> list[str]:
    """Overlapping windows of the page's text, short enough for one date each."""
    words = text.split()
    return [" ".join(words[i:i + size]) for i in range(0, len(words), size // 2)]


def census(run: Path, corpus: Path, tool: str = "decruft") -> dict[str, dict[str, list]]:
    """field → cause → [(set/id, site)] over the tune pages whose field misses."""
    out: dict[str, dict[str, list]] = {f: defaultdict(list) for f in (*_JUDGES, "right")}
    for line in run.read_text(encoding="utf-8").split("\n"):  # (not splitlines: U+2028)
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["tool"] != tool or rec["split"] != "tune" or rec["kind"] != "html":
            continue
        folder = corpus / rec["set"]
        gold = json.loads((folder / f"{rec['id']}.json").read_text(encoding="utf-8"))
        failed = bool(rec.get("error"))
        verdicts = rec.get("meta_ok") or {}
        gold["byline"] = gold.get("byline") or gold.get("author")
        todo = [f for f in _JUDGES if _ws(str(gold.get(f) or "")) and (
            verdicts.get(f) is False or failed)]
        right = verdicts.get("title") is True
        if not todo and not right:
            continue
        html = (folder / f"{rec['id']}.html").read_text(encoding="utf-8", errors="replace")
        cands = page_candidates(html)
        site = cands["host"] or f"{rec['set']}/{rec['id']}"
        position = right_position(rec.get("title"), cands) if right else None
        if position:
            out["right"][position].append((f"{rec['set']}/{rec['id']}", site))
        for field in todo:
            cause = _JUDGES[field](gold[field], rec.get(field), failed, cands)
            out[field][cause].append((f"{rec['set']}/{rec['id']}", site))
    return out


_JUDGES = {"title": title_cause, "byline": byline_cause, "date": date_cause}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", type=Path, help="a run.py --save file")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--tool", default="decruft")
    ap.add_argument("--list", action="store_true", help="the pages of each cause")
    a = ap.parse_args(argv)
    found = census(a.run, a.corpus, a.tool)
    right = found.pop("right")
    for field, causes in found.items():
        total = sum(len(v) for v in causes.values())
        print(f"\n{field}: {total} tune misses (right: tune pages in the same position the "
              f"gold decides the other way)\n| cause | pages | sites | right |\n|---|---|---|---|")
        for cause, pages in sorted(causes.items(), key=lambda kv: -len(kv[1])):
            other = len(right.get(cause, ())) if field == "title" else "-"
            print(f"| {cause} | {len(pages)} | {len({s for _, s in pages})} | {other} |")
            if a.list:
                print("    " + " ".join(p for p, _ in pages))
    return 0


if __name__ == "__main__":
    sys.exit(main())
