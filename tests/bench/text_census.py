"""Where the text-dump parser loses on a set's tune pages: a census by gold page type and rule.

    python -m tests.bench.text_census CORPUS_DIR [--top 5]

Every *tune* page's ``<id>.txt`` is parsed with the extraction recorder on (what ``decruft
inspect`` shows); each line of the dump is then judged against the page's gold text: a line is
*gold* when its words are a whole line of the gold, or (30 characters or more) run inside it.
Three tables (check pages are never read: they are sealed):

- per gold ``page_type``: pages, the set's shingle F1 on them, recall and precision lost
  (sums of ``1 - R`` and ``1 - P`` over the pages, in pages' worth: what the headline score
  loses to each side), gold words dropped and other words kept;
- gold words dropped, by the rule that dropped the line (only where no copy of the line was
  kept: a line printed twice whose first copy is kept loses nothing), with the pages that
  lose most;
- other words kept, by page type and by where they lie: above the first gold line kept
  (``head``), between gold lines (``inside``) or below the last (``tail``).

The line test is a heuristic (a gold that rewraps or merges lines reads as lost), so the
tables point at classes to look at with ``decruft inspect``, not at scores.

Measured record (issue #13, r-text9 at main f6aeed4, wcxb-dev-extra tune, 264 scored pages, text
F1 0.769; 11 forum pages score 0 whatever the parser does: 9 dumps are empty files, 2 hold only
a menu). Lost per type (recall / precision, pages' worth): forum 13.4 / 7.9, collection 12.5 /
12.9, product 9.0 / 13.4, listing 8.7 / 11.5, service 5.8 / 8.1, article 2.2 / 8.0,
documentation 2.2 / 2.9. Gold words dropped: ``bad-density`` 5,427 on 66 pages, ``short`` 4,487
on 125, ``repeated`` 4,188 on 85 (mostly above the body: a page's sections printed once per tab
or menu), ``far-from-body`` 3,294 on 36, ``headline-list`` 975 on 18; the big losers are
multi-section pages (a tutoring firm's packages printed once per tab, a module reference's
function table, a training plan's repeated rows under its article), one site each. Other words
kept: 93,000, most at the tail of product pages (13,752: golds that take a part of a long
product page) and articles (10,655: a scholarly article's reference list, which wcxb golds leave
out and readability's and CleanEval's keep), inside articles (10,415) and documentation (8,630).
No class recurs across sites that a rule could take without the other sets paying. The
record-region lead (a menu word repeated per item beating the real grid of records: "Create
events", "Accessories", a brand in a mega-menu) is real, and was measured by cutting a label's
occurrences at gaps of more than three times their median spacing: the menu words lose as meant,
but their wide regions were what gave those listing pages their recall (the grids' own regions
are too small against the prose found to replace it): -0.003 on the tune split. Keeping once a
card's title printed three times in a row inside records: +0.0000 tune, -0.0005 check.
Thresholds swept on the tune split of the sets with gold text (readability, wcxb-dev,
wcxb-dev-extra, dragnet, dumps): ``FAR_KEEP_WORDS`` 25 (from 40) dragnet +0.0013, the others
unchanged; ``FAR_KEEP_SHARE`` 0.15, ``SECOND_RUN_SHARE`` 0.2, ``SECOND_RUN_MIN`` 25,
``RECORD_SHARE`` 3 or 4 and ``RECORD_DOMINANT`` 6 gain nowhere more than 0.0006 and lose up to
0.003 (readability, wcxb-dev, dragnet, wcxb-dev-extra); ``FAR_KEEP_WORDS`` 20 costs
wcxb-dev-extra 0.005. Keeping every further run of text that scores the second run's share of
the main one (not only the best one above and below it, for the sections of a service page): 4
pages move, all on wcxb-dev, -0.0006 (the sections' far lines are single paragraphs between
headings, each its own run, under ``SECOND_RUN_MIN``).

Measured record (issue #13, r-text11 at main fd63c84, by page type). Text F1 against the HTML
path on the same wcxb-dev-extra tune pages: forum 0.657 / 0.859 (9 dumps empty), collection
0.561 / 0.707, product 0.601 / 0.726, listing 0.695 / 0.751, article 0.925 / 0.955,
documentation 0.928 / 0.959, service 0.787 / 0.804. The text path's own page type, read before
the region step (``page_type("text", dump_signals(...))``, probability 0.5 or more), names 23 of
54 wcxb tune product pages (7 false: 6 collection, 1 article) and 25 of 56 collections. Gated on
it, the region's knobs move almost nothing: for product pages ``FAR_KEEP_WORDS`` 100,
``FAR_KEEP_SHARE`` 0.5 move no page, ``REGION_GAP`` 3 three (+0.0002), ``RUN_OPEN_FACTOR`` /
``RUN_RULE_FACTOR`` 1.0 and ``INSIDE_SHORT_WORDS`` 3 or 5 -0.0002 to +0.0001; for service pages
``SECOND_RUN_SHARE`` 0.15 -0.0003; for collection and listing pages ``RECORD_SHARE`` 2.5
-0.0006 (wcxb-dev-extra tune): a product page's extra words lie inside its main run (shipping
and seller blocks, carousels, reviews the golds keep on some sites and drop on others, see
``product-census.md``), not in far runs a threshold could cut. Restoring the first copy of a
block printed twice (3+ lines in the same order) as prose would bring back 739 gold words and
12,957 others on wcxb-dev-extra tune: not tried further. The headline (``title`` line) is no
anchor on product pages ("Gift cards", "30-day return policy", "Free To Play" are taken for it
on a third of them). What landed is a class of lines across sites: a sign-up form's messages,
printed for every state of the form ("Thank you for signing up!", "Check your inbox for your
welcome email", "Already have an account? Log in": ``text-signup-notice``), which with a form's
consent notice, a software's notice and a blog's archive months opens the footer as the
copyright line does (``text-footer-openers``; found by summing, per furniture rule, the words
kept below its first line in the second half of the page, gold and not: those four keep no gold
below them on the tune pages; a follow-us bar keeps some and stands between an article's
paragraphs, so it is left out). 16 tune pages move (REI's category pages, Etsy, a market
study, a forum, dragnet's newsletter box), none down: wcxb-dev-extra text 0.771 / 0.779 /
0.773 -> 0.772 / 0.779 / 0.775 (tune / check / all), wcxb-dev 0.829 / 0.845 / 0.834 -> 0.830 /
0.848 / 0.835, dragnet 0.898 / 0.902 / 0.899 -> 0.899 / 0.902 / 0.900, the others unchanged.

Measured record (issue #13, r-text12 at main 1e29d7b). More lines that open the footer
(``text-footer-openers``), each printed once below the text on pages of many sites: the footer's
or the sidebar's landmark name printed as a line ("Footer", "Footer navigation", "Primary
Sidebar": ``text-landmark-label``), a page-feedback question ("Was this page helpful?":
``text-feedback-prompt``), the page's note of its last change in the page's second half ("Last
updated on ...", "This page was last edited on ...": ``text-modified-note``; not a forum post's
"Last edited: ..."), a credit to the site's maker printed once and not a card's lead-in
("Powered by WordPress": ``text-site-credit``), "Back to top" (``text-back-to-top``) and
WordPress's "Like Loading..." (``software-notice``). Found by counting, over every set's tune
dumps, the gold and other words below the first such line in the second half of the page
("Footer": 16 gold words below against 4,131 others; a change note 1,488 / 18,330, 4 forum
pages' "Last edited:" holding most of the gold). Text headline F1 (tune / check, one run each):
wcxb-dev-extra 0.7725 -> 0.7746 / 0.7790 -> 0.7799 (all 0.775 -> 0.776), wcxb-dev 0.8301 ->
0.8304 / 0.8476 -> 0.8479, readability 0.9082 -> 0.9096 / 0.9661 unchanged, dragnet, dumps and
trafilatura-eval unchanged; 17 tune pages move, none down. Measured on the tune output and not
taken (a cut of the output simulated and scored, no parser change): a trailing run of three or
more lines of up to three or five words (dumps -0.023 to -0.043, readability -0.015 to
-0.022: their golds keep lists there); a leading run of four or eight such lines (dumps -0.031
to -0.071, readability -0.006 to -0.015); the
text below a shipping / returns heading (wcxb-dev-extra -0.0009), a customer-reviews heading
(-0.0007), "You may also like" and kin (-0.0003), an author box's heading (0), a FAQ heading
(-0.005 / -0.004), a scholarly article's back matter, References, Acknowledgments, Conflicts
of Interest (+0.0003 wcxb-dev-extra, +0.0001 wcxb-dev, a Wikipedia page of readability and a
wcxb-dev page's acknowledgements lose: the golds disagree). "Subscribe to our newsletter",
policy links, "Quick links" / "Contact us" headings as footer openers: 300 to 26,000 gold words
below them on the tune dumps, not tried. Lines holding a link's accessible note "(opens in a
new window)" that the parser keeps: 1,300 words on 4 wcxb-dev-extra pages, mostly long teaser
lines, not tried.

Measured record (issue #13, r-text13 at main 999a09b). Written whole-page dumps of kinds the
corpus lacks (French, German and Spanish news, a live blog, a recipe, a XenForo thread, a docs
page, a shop's product page; kept in the session's notes, not the corpus) showed what the
tune census cannot: a share bar in another language ("Partager sur Facebook", "Auf X teilen",
"Copiar enlace": printed above and below the story, the first copy rejoined the run as a
repeated line inside it and, scoring as a headline printed twice, beat the headline:
``text-share-bar``), skip links ("Zum Inhalt springen", taken for the page's <title>:
``text-skip-link``, ``text-first-line-not-button``), reading times (``text-reading-time``),
the site's name printed again in the footer taken for a repeated headline
(``text-title-repeat-not-footer``), a sentence-case headline swallowed by the run
(``text-headline-above-meta``), a headline set apart from its story by its header's lines
(``text-title-distance-skips-furniture``), a docs page's code read as a broken get_text dump
(``text-fragmentation-skips-code``), "On this page" as the headline
(``text-title-not-widget-label``), bylines ("By A, B and C", "Par X (Munich, envoyée
spéciale)": ``text-byline-name-list``, ``text-byline-bracket-note``), datelines with the day of
the change (``text-dateline-two-dates``), affiliate disclosures (``text-affiliate-disclosure``),
teaser labels with words ("Lire aussi notre décryptage : ...": ``text-teaser-label-words``),
recipe, docs and paywall buttons (``ui-label``). Text headline F1 (tune / check, one run each,
against main): wcxb-dev-extra 0.775 / 0.780 -> 0.775 / 0.779 (mean page 0.7410 -> 0.7418 /
0.7422 -> 0.7415), wcxb-dev 0.830 / 0.848 -> 0.831 / 0.848, readability, dragnet,
trafilatura-eval and dumps unchanged at three decimals; titles (tune / check) wcxb-dev 0.272
-> 0.311 / 0.173 -> 0.187, wcxb-dev-extra 0.196 -> 0.221 / 0.197 -> 0.239, dumps 0.408 ->
0.437 / 0.276 -> 0.310, readability 0.222 -> 0.211 / 0.162 -> 0.189. Still open on those
dumps: a live blog's key points (short bullets above the first entry) fall outside the run and
its headline is not found; a thread's title lies too far above its first post (XenForo's
thread header and user card) to be taken; a bare author name under the standfirst ("María
José Fuentes") stays in the body; a JSON block's lines are joined into one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tests.bench.metrics import load_score
from tests.bench.split import load_check, select

#: A line of at least this many characters counts as gold when it runs inside the gold text
#: (shorter ones must be a whole gold line: "Home" is inside every gold).
SUBSTRING_MIN_CHARS = 30
_WORD = re.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def page_lines(path: Path) -> list[dict]:
    """The recorder's lines of one dump (text, class, rule, scores), ``[]`` when the parser
    raised before classing them."""
    from convert.extract import record
    from convert.extract.text.pipeline import parse_text
    rec = record.Recorder()
    with record.recording(rec):
        try:
            parse_text(path.read_bytes(), location=str(path))
        except Exception:  # noqa: BLE001 - an empty or article-less dump still has its lines
            pass
    return rec.lines


def judge(lines: list[dict], gold: str) -> list[tuple[dict, bool, bool]]:
    """Each line with (kept, gold)."""
    whole = _norm(gold)
    gold_lines = {_norm(g) for g in gold.splitlines()}
    out = []
    for line in lines:
        key = _norm(line["text"])
        in_gold = bool(key) and (key in gold_lines or (
            len(key) >= SUBSTRING_MIN_CHARS and key in whole))
        out.append((line, line["rule"] == "body", in_gold))
    return out


def census(folder: Path, score) -> dict:
    """The three tables' counts over the tune pages of ``folder``."""
    ids = sorted(p.stem for p in folder.glob("*.json"))
    types: dict[str, dict] = defaultdict(lambda: {"pages": 0, "counts": [], "lost_r": 0.0,
                                                   "lost_p": 0.0, "dropped": 0, "kept": 0})
    dropped: Counter = Counter()
    dropped_pages: dict[str, Counter] = defaultdict(Counter)
    kept: Counter = Counter()
    kept_pages: dict[tuple, Counter] = defaultdict(Counter)
    for pid in select(ids, load_check(folder.name), "tune"):
        gold = json.loads((folder / f"{pid}.json").read_text(encoding="utf-8"))
        dump = folder / f"{pid}.txt"
        if not gold.get("gold_text") or not dump.exists():
            continue
        ptype = gold.get("page_type") or "-"
        judged = judge(page_lines(dump), gold["gold_text"])
        body = "\n".join(line["text"] for line, keep, _ in judged if keep)
        counts = score.page_counts(gold["gold_text"], body)
        agg = score.aggregate([counts])
        row = types[ptype]
        row["pages"] += 1
        row["counts"].append(counts)
        row["lost_r"] += 1 - agg["recall"]
        row["lost_p"] += 1 - agg["precision"] if body.strip() else 0.0
        kept_keys = {_norm(line["text"]) for line, keep, _ in judged if keep}
        golds = [i for i, (_, keep, good) in enumerate(judged) if keep and good]
        for i, (line, keep, good) in enumerate(judged):
            words = len(_WORD.findall(line["text"]))
            if good and not keep and _norm(line["text"]) not in kept_keys:
                row["dropped"] += words
                dropped[line["rule"]] += words
                dropped_pages[line["rule"]][pid] += words
            elif keep and not good and golds:
                row["kept"] += words
                where = "head" if i < golds[0] else "tail" if i > golds[-1] else "inside"
                kept[(ptype, where)] += words
                kept_pages[(ptype, where)][pid] += words
    return {"types": types, "dropped": dropped, "dropped_pages": dropped_pages,
            "kept": kept, "kept_pages": kept_pages}


def report(c: dict, score, top: int) -> str:
    out = ["| type | pages | F1 | recall lost | precision lost | gold words dropped | "
           "other words kept |", "|---|---|---|---|---|---|---|"]
    for ptype, row in sorted(c["types"].items()):
        f1 = score.aggregate(row["counts"])["f1"]
        out.append(f"| {ptype} | {row['pages']} | {f1:.3f} | {row['lost_r']:.1f} | "
                   f"{row['lost_p']:.1f} | {row['dropped']} | {row['kept']} |")
    out += ["", "gold words dropped, by rule (pages; the pages that lose most)"]
    for rule, words in c["dropped"].most_common():
        pages = c["dropped_pages"][rule]
        worst = ", ".join(f"{p} {n}" for p, n in pages.most_common(top))
        out.append(f"  {rule:<22} {words:>6}  ({len(pages)} pages; {worst})")
    out += ["", "other words kept, by page type and place (the pages that keep most)"]
    for (ptype, where), words in c["kept"].most_common():
        worst = ", ".join(f"{p} {n}" for p, n in c["kept_pages"][(ptype, where)].most_common(top))
        out.append(f"  {ptype:<14} {where:<7} {words:>6}  ({worst})")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a corpus set's folder (<id>.txt + <id>.json)")
    ap.add_argument("--top", type=int, default=5, help="pages named per rule or place")
    args = ap.parse_args(argv)
    score = load_score()
    if score is None:
        print("scorer not found (../shared/bench/score.py or $DECRUFT_SCORE_PY)", file=sys.stderr)
        return 2
    print(report(census(args.folder, score), score, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
