"""Metadata misses of a saved run, and a metadata check on pages with no metadata gold.

    python -m tests.bench.meta_misses RUN.jsonl [--field title|byline|date] [--tool decruft]
    python -m tests.bench.meta_misses --headlines CORPUS_DIR [--split tune]

The first form lists, from ``run.py --save RUN.jsonl``, every *tune* page whose title is not
exact, whose byline does not match leniently or whose date is not the same day, gold beside
ours, to be grouped by class (issue #13, item 8). Check pages are never listed: they are
sealed.

The second form runs decruft's metadata over a set whose gold is the human-corrected text with
the headline and dateline kept as its first lines (``dragnet``: no title or date in the gold
JSON) and counts how often the title is one of the text's first lines and the date the first
dateline there. It is a proxy, not a score: a page whose gold text starts with the body counts
as a title miss whatever decruft says. It shows whether a title rule generalizes to pages
nobody tuned the metadata on (news and blog pages of 2012).

Measured record (issue #13, item 8; r-meta7 on r-int6, tune pages of readability + wcxb-dev +
wcxb-dev-extra). Dates, 19 misses of 322: 10 publication dates the page does not show
anywhere (one gold is a month, "2003-11"); 4 updated vs published (3 golds take the shown
update where 12 tune pages take the publication; readability's takes JSON-LD's publication
where the page shows only the update); 3 time zones (a UTC day vs the publisher's day, both
ways); 1 gold date from a sidebar's recent-posts card; 1 date only in a custom element's
timestamp attribute. Titles, 138 misses of 721 (after the rules of r-meta7): 52 gold took
the declared title where we took the ``<h1>`` (8 of them readability, whose gold reads
og:title verbatim) and 9 the other way; 12 readability golds keep the site's name; 12 we keep
a trailing part (tagline, variant, "Part 1") and 11 a leading part (forum category, section
number, "New") the gold drops, while 12 golds keep a site or label part we strip; 10 golds
fold typography (straight quotes, "--", "...") that no candidate on the page has; 4 letter
case (the gold takes the other candidate's case, both ways); 16 other wording. The dragnet
proxy: title a first line 365/419 at r-int6, 371/419 after; date 251/254 both.

r-meta8 (786c3c0, same sets): the 19 tune date misses and the title classes are unchanged (no
class recurs across sites that a rule could take without turning a page the other way: where
the ``<h1>`` and the declared title differ on wcxb tune pages, the gold takes the ``<h1>`` 73
times, the declared title 38, another wording 10, and no page type or length splits them
cleanly). Bylines, 25 misses of 338: 9 names the page does not hold (forum user names, authors
shown only in an image); 4 lists the gold writes another way ("A, B, C" or "A & B" against
our "A, B, and C"; the golds use both); 8 a publisher, team or brand name against a person (or
the reverse) or no name at all ("Last Updated: ...", an e-mail address, a test page's
``dc:creator`` property); 4 a name on the page we do not read (an avatar link's title beside
the dateline, a brand in the body). Per-rule effects, tune and check: ``meta_ablation.py`` and
tests/bench/ablation-report.md.

r-meta10 (on f6aeed4, same sets; tune title 0.800, date 0.929). Titles, 137 tune misses listed
(and 7 pages whose extraction fails, "no article content found", count as misses with no
metadata at all). readability, 20: 12 golds keep the site's or writer's name (og:title
verbatim: "| eHow", "- Wikipedia", "_腾讯网", "| Eleanor Ainge Roy"), 7 take the declared
wording where we take the ``<h1>``, 1 a portal's own title. wcxb-dev + wcxb-dev-extra, 117:
27 golds take the declared title where we take an ``<h1>`` worded otherwise and 8 the
reverse (where the two differ on all tune pages the gold takes the ``<h1>`` about twice as
often: r-meta8's count); 16 case or typography only: 7 golds fold typography that no
candidate on the page has (’ to ', … to ..., ？ to ?), 8 take the declared title's case or
punctuation where we take the ``<h1>``'s while 15 other tune pages in that same position take
the ``<h1>``'s, 1 keeps a permalink glyph; 11 golds keep a site, brand or label part we strip
(a start page's "Brand | tagline", "Functions - JavaScript | MDN", forum prefixes "Question -
", "Info - ") and 10 a longer declared wording around our shorter ``<h1>``; we keep a part the
gold drops on 25: 5 the site's name where the page declares none ("- ProMatcher Cost Report",
"– The Bush Company USA", "- Rust"), 9 a trailing tagline or variant ("- Part 1", "- black",
"(77141 books)"), 11 a leading label or number ("Payment issues - ", "3.1 ", "15 - ",
"AlignMerge - "; other golds keep them: "5. Data Structures", "Question - "); 8 golds are the
site's own name (start pages, a listing's home), 7 a wording found nowhere on the page. Of the
32 tune pages whose declared address is the start page, the gold is the declared title with
its brand on 14, the brand alone on 7, the ``<h1>`` on 6, the tagline without the brand on 5:
no rule. Dates, 19 tune misses listed: 10
publication dates the page does not show (we give the update or the only date it shows); 4
updated vs published (wcxb-dev 0056 shows only the dateModified day, unlabelled; 0171 a
"datemodified" element; wcxb-dev-extra 0203 declares both in JSON-LD and shows none; the gold
takes the modification on these three, readability's spiceworks the publication under a shown
"Updated"): of the 20 tune pages that declare both and show the modification's day, the gold
takes the modification 7 times and the publication 13, labelled "Updated" or not, so no rule
tells them apart; 3 time zones or instants (a UTC day against the shown local day, a forum's
stamp with no zone, two JSON-LD objects a day apart); 1 an ambiguous ``<time
datetime="02-12-2025">`` left unread; 1 a custom element's timestamp attribute. No date class
recurs across sites. Rules measured: ``declared_address_host`` landed (a page read from a file
that declares no site name knows its host from the address it declares: tune titles +2,
wcxb-dev 0225 "... - ProMatcher Cost Report" and 4553 "SHIP | City of Southfield"; check
unchanged; dragnet proxy +1 tune, +1 check); its first form, the host asked also where a site
name is declared, lost readability pixnet and a wcxb-dev check title, and on start pages
stripped "Hugging Face" off its own title. ``heading_button`` (a ``<button>`` inside a heading
is a control: docs.rs's "Crate tokio Copy item path") won wcxb-dev-extra 4397 and lost a
wcxb-dev-extra check title: not kept.

r-meta11 (on fd63c84, same sets): the misses grouped by cause, with the sites behind each cause
and the right pages the gold decides the other way, are ``meta_census``'s; its record is in
tests/bench/ablation-report.md ("Metadata census, r-meta11").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from . import split as splits

#: The title is looked for among the gold text's first lines, the date among these.
TITLE_LINES = 10
DATE_LINES = 15
#: A dateline is a short line.
DATE_LINE_CHARS = 150


def misses(run: Path, field: str, tool: str, corpus: Path) -> list[str]:
    """The tune pages of ``run`` whose ``field`` verdict is false, gold beside ours."""
    out = []
    for line in run.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec["tool"] != tool or rec["split"] != "tune" or rec["kind"] != "html":
            continue
        if (rec.get("meta_ok") or {}).get(field) is not False:
            continue
        gold = json.loads((corpus / rec["set"] / f"{rec['id']}.json").read_text(encoding="utf-8"))
        value = gold.get(field) if field != "byline" else gold.get("byline") or gold.get("author")
        out.append(f"{rec['set']}/{rec['id']}\t{rec.get('page_type')}\n"
                   f"    gold {value!r}\n    ours {rec.get(field)!r}")
    return out


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def headlines(folder: Path, split_name: str) -> tuple[int, int, int, int, list[str]]:
    """(titles found, pages, dates matching, pages with a dateline, the tune pages whose title
    is not a first line) over the ``split_name`` pages of ``folder``."""
    import convert
    from convert.errors import DecruftError
    from convert.extract.dates import text_date

    ids = sorted(p.stem for p in folder.glob("*.html"))
    ids = splits.select(ids, splits.load_check(folder.name), split_name)
    found = pages = dated = datelines = 0
    missed = []
    for page_id in ids:
        gold = json.loads((folder / f"{page_id}.json").read_text(encoding="utf-8"))
        lines = [ln.strip() for ln in (gold.get("gold_text") or "").split("\n") if ln.strip()]
        try:
            meta = convert.parse(folder / f"{page_id}.html").meta
        except DecruftError:
            continue
        pages += 1
        title = meta.title or ""
        if title and any(_key(title) == _key(ln) for ln in lines[:TITLE_LINES]):
            found += 1
        elif split_name == "tune":
            missed.append(f"{page_id}\t{title!r}\n    gold {lines[:1]!r}")
        shown = next((d for d in (text_date(ln) for ln in lines[:DATE_LINES]
                                  if len(ln) < DATE_LINE_CHARS) if d), None)
        if shown:
            datelines += 1
            dated += (meta.published or meta.modified or "")[:10] == shown
    return found, pages, dated, datelines, missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run", nargs="?", type=Path, help="a run.py --save file")
    ap.add_argument("--field", default="title", choices=("title", "byline", "date"))
    ap.add_argument("--tool", default="decruft")
    ap.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parents[2] / ".."
                    / "shared" / "corpus")
    ap.add_argument("--headlines", type=Path, metavar="CORPUS_DIR",
                    help="a set whose gold text keeps the headline and dateline (dragnet)")
    ap.add_argument("--split", default="tune", choices=splits.SPLIT_NAMES)
    a = ap.parse_args(argv)
    if a.headlines:
        found, pages, dated, datelines, missed = headlines(a.headlines, a.split)
        print("\n".join(missed))
        print(f"{a.headlines.name} {a.split}: title is a first line {found}/{pages}"
              f" = {found / max(pages, 1):.3f}; date is the first dateline {dated}/{datelines}"
              f" = {dated / max(datelines, 1):.3f}")
        return 0
    if a.run is None:
        ap.error("give a run file or --headlines CORPUS_DIR")
    lines = misses(a.run, a.field, a.tool, a.corpus)
    print("\n".join(lines))
    print(f"{len(lines)} tune pages miss the {a.field}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
