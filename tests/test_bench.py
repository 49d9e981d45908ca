"""Smoke tests of the extraction benchmark on tiny corpora made here (the shared corpus is not
needed, except to check the committed split lists; the scorer is: ``../shared/bench/score.py``
or ``$DECRUFT_SCORE_PY``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench import ablation, run, split

FIXTURES = Path(__file__).parent / "fixtures" / "html"
CORPUS = run.DEFAULT_CORPUS


def _needs_scorer():
    if not run.SCORE_PY.exists():
        pytest.skip(f"scorer not found: {run.SCORE_PY}")


def _bench(*args) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "tests.bench.run", *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=run.REPO)
    assert proc.returncode == 0, proc.stderr
    return proc


def _rows(text: str, title: str) -> dict[tuple[str, str], list[str]]:
    """The rows of the table printed under ``title``, by (set, tool)."""
    block = text.split(f"\n{title}\n", 1)[1].split("\n\n", 1)[0]
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in block.splitlines()[2:]]
    return {(c[0], c[1]): c for c in cells}


def _page(folder: Path, fixture: str, pid: str, **gold) -> None:
    folder.mkdir(exist_ok=True)
    html = (FIXTURES / f"{fixture}.html").read_text(encoding="utf-8")
    (folder / f"{pid}.html").write_text(html, encoding="utf-8")
    (folder / f"{pid}.json").write_text(json.dumps({"id": pid, **gold}), encoding="utf-8")


def test_benchmark_prints_one_table_with_metadata(tmp_path):
    _needs_scorer()
    for name in ("meta_jsonld", "structure"):
        _page(tmp_path, name, name, gold_text="a gold text that the page does not hold",
              title="No such title")
    proc = _bench(tmp_path, "--peers", "none", "--split", "all")
    rows = [line for line in proc.stdout.splitlines() if line.startswith(f"| {tmp_path.name}")]
    assert len(rows) == 1 and "| decruft " in rows[0]
    cells = [c.strip() for c in rows[0].strip("|").split("|")]
    assert cells[2] == "2"                      # pages
    assert float(cells[7]) < 0.5                # F1 against a gold the pages do not hold
    assert cells[11] == "0.000"                 # title exact: "No such title" is never right
    assert "\nheadline score by split" not in proc.stdout   # one split asked for, one table


def test_splits_and_unweighted_mean_over_sets(tmp_path):
    """A folder named like a corpus set takes that set's committed split: readability's
    ``001`` is a check page, ``002`` a tune page. The mean row weights each set once."""
    _needs_scorer()
    check = split.load_check("readability")
    assert "001" in check and "002" not in check
    bad = {"gold_text": "a gold text that the page does not hold"}
    _page(tmp_path / "readability", "meta_jsonld", "001", **bad)
    _page(tmp_path / "readability", "structure", "002", **bad)
    # A snippet-only set whose one page keeps its lead sentence: snippet F1 1.0.
    _page(tmp_path / "snips", "structure", "s1", must_contain=["the most rewarding plant for a small balcony"])
    out = tmp_path / "pages.jsonl"
    proc = _bench(tmp_path / "readability", tmp_path / "snips", "--peers", "none",
                  "--save", out).stdout
    tune, check_rows = _rows(proc, "split: tune"), _rows(proc, "split: check (sealed check pages)")
    full = _rows(proc, "split: all")
    assert tune[("readability", "decruft")][2] == "1"
    assert check_rows[("readability", "decruft")][2] == "1"
    assert full[("readability", "decruft")][2] == "2"
    assert ("snips", "decruft") not in check_rows     # no list for it: all its pages are tune
    assert full[("snips", "decruft")][4] == "1.000"
    low = float(full[("readability", "decruft")][4])
    mean = full[("mean", "decruft")]
    assert mean[2] == "2 sets" and low < 0.5
    assert float(mean[4]) == pytest.approx((low + 1.0) / 2, abs=0.001)
    assert "headline score by split" in proc
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {(r["set"], r["id"], r["split"]) for r in recs} == {
        ("readability", "001", "check"), ("readability", "002", "tune"), ("snips", "s1", "tune")}
    assert all(r["tool"] == "decruft" and r["text"] for r in recs)


def test_split_is_seeded_stratified_and_committed(tmp_path):
    for i in range(40):
        kind = "article" if i < 30 else "forum"
        (tmp_path / f"p{i:02d}.json").write_text(json.dumps({"id": f"p{i:02d}", "page_type": kind}))
    ids, total, stratified = split.make_split("x", tmp_path)
    assert (total, stratified) == (40, True)
    assert sum(i < "p30" for i in ids) == 9 and sum(i >= "p30" for i in ids) == 3
    assert split.make_split("x", tmp_path)[0] == ids           # same seed, same pages
    assert split.make_split("y", tmp_path)[0] != ids           # each set shuffled on its own
    if not CORPUS.is_dir():
        pytest.skip("shared corpus absent: committed lists not checked")
    for name in split.SETS:
        assert split.make_split(name, CORPUS / name)[0] == sorted(split.load_check(name)), name


def test_ablation_reaches_decruft_only_and_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv(ablation.ENV, "inherited")
    assert ablation.ENV not in run.worker_env("decruft")
    assert run.worker_env("decruft", "a,b")[ablation.ENV] == "a,b"
    assert ablation.ENV not in run.worker_env("trafilatura", "a,b")
    _needs_scorer()
    _page(tmp_path / "set", "structure", "s1", must_contain=["the most rewarding plant for a small balcony"])
    rules = tmp_path / "rules.txt"
    rules.write_text("# one ablation a line\nno_such_rule\n", encoding="utf-8")
    proc = _bench(tmp_path / "set", "--ablation-report", rules).stdout
    assert "| no_such_rule | +0.0000 | +0.0000 | 0 |" in proc
    assert "changed no page" in proc and "no_such_rule" in proc.split("changed no page")[1]


def test_per_type_is_pooled_over_the_typed_sets(tmp_path):
    """Issue #18's targets are per page type over wcxb-dev + wcxb-dev-extra together: with two
    typed sets, ``--per-type`` adds a table pooled page by page over both."""
    _needs_scorer()
    import convert
    from convert.textutil import article_text
    # The gold is the page's own text (what is tested is the pooling, not the extraction).
    text = article_text(convert.parse(FIXTURES / "structure.html"), captions=False)
    _page(tmp_path / "one", "structure", "a1", gold_text=text, page_type="article")
    _page(tmp_path / "two", "structure", "b1", gold_text=text, page_type="article")
    _page(tmp_path / "two", "meta_jsonld", "b2", gold_text="nothing this page holds at all",
          page_type="product")
    proc = _bench(tmp_path / "one", tmp_path / "two", "--peers", "none", "--split", "all",
                  "--per-type").stdout
    title = "shingle F1 by page type, sets pooled (one + two), split: all"
    assert title in proc
    block = proc.split(title, 1)[1].split("\n\n", 1)[0]
    rows = {c[0]: c for c in ([x.strip() for x in line.strip("|").split("|")]
                              for line in block.strip().splitlines()[2:])}
    assert rows["article"][1] == "2" and rows["product"][1] == "1" and rows["all"][1] == "3"
    assert float(rows["product"][2]) < 0.2 and float(rows["article"][2]) > 0.9


def _worker_text(folder: Path, oracle: str | None) -> str:
    env = run.worker_env("decruft", oracle=oracle)
    proc = subprocess.run([sys.executable, "-m", "tests.bench.worker", "decruft", "html",
                           str(folder)], input='["p1"]', capture_output=True, text=True,
                          env=env, cwd=run.REPO, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)["results"]["p1"]["text"]


def test_oracle_type_gives_decruft_the_gold_page_type(tmp_path, monkeypatch):
    """``--oracle-type``: the extraction reads the gold ``page_type`` instead of the
    classifier's verdict (what a type error costs is the difference), for decruft only and
    never inherited. A declared article with a short story over a grid of thirty cards is an
    article to the classifier (the story is the body); read as a listing, the grid is."""
    from tests.bench.worker import ORACLE_ENV
    monkeypatch.setenv(ORACLE_ENV, "1")
    assert ORACLE_ENV not in run.worker_env("decruft")
    assert ORACLE_ENV not in run.worker_env("trafilatura", oracle="1")
    story = ("The committee met on Tuesday to discuss the harbour plan, and after a long "
             "debate the members agreed to publish the full report next month. ") * 2
    grid = "".join(f"<li class='card'><h3><a href='/item/{i}'>Harbour item number {i}</a>"
                   f"</h3><p class='teaser'>A short summary of item {i}.</p></li>"
                   for i in range(30))
    (tmp_path / "p1.html").write_text(
        "<!doctype html><html lang='en'><head><title>Harbour plan</title>"
        "<meta property='og:type' content='article'></head><body><article><h1>Harbour plan"
        f"</h1><p>{story}</p></article><ul class='grid'>{grid}</ul></body></html>",
        encoding="utf-8")
    (tmp_path / "p1.json").write_text(json.dumps({"id": "p1", "page_type": "listing"}),
                                      encoding="utf-8")
    learned = _worker_text(tmp_path, oracle=None)
    oracle = _worker_text(tmp_path, oracle="1")
    assert "committee met" in learned and "Harbour item number 29" not in learned
    assert "Harbour item number 29" in oracle and "A short summary of item 0." in oracle
    # A file of verdicts (out-of-fold predictions): a listing below the profile's threshold
    # keeps the cascade, a sure one takes the grid.
    table = tmp_path / "types.json"
    table.write_text(json.dumps({f"{tmp_path.name}/p1": ["listing", 0.4]}), encoding="utf-8")
    assert _worker_text(tmp_path, oracle=str(table)) == learned
    table.write_text(json.dumps({f"{tmp_path.name}/p1": ["listing", 0.9]}), encoding="utf-8")
    assert _worker_text(tmp_path, oracle=str(table)) == oracle


def test_meta_ablation_counts_each_rules_pages_per_split(tmp_path):
    """``meta_ablation`` parses each page only as far as its metadata, once with every rule on
    and once per rule off, and counts the pages each field gains or loses per split."""
    from tests.bench import meta_ablation
    _needs_scorer()
    assert {"dashed_site", "declared_address_date", "unambiguous_slash_day"} <= set(
        meta_ablation.metadata_rules())
    page = ("<html><head><title>{title}</title>{head}</head><body><p>{text}</p></body></html>")
    folder = tmp_path / "set"
    folder.mkdir()
    # a headline with a short dash tail and no <h1>: dashed_site trims the tail
    (folder / "p1.html").write_text(page.format(
        title="Long headline of the page here – My website", head="",
        text="Some words of the article."), encoding="utf-8")
    (folder / "p1.json").write_text(json.dumps({"id": "p1", "title":
                                                "Long headline of the page here"}))
    # no metadata gold (as dragnet): the title and the date are judged by the gold's first lines
    (folder / "p2.html").write_text(page.format(
        title="A post", head='<link rel="canonical" href="https://x.org/2012/10/29/a-post/">',
        text="Some words."), encoding="utf-8")
    (folder / "p2.json").write_text(json.dumps({"id": "p2", "gold_text":
                                                "A post\nOctober 29, 2012\nSome words."}))
    base = meta_ablation._run(None, ["set"], tmp_path)
    assert base["set/p1"]["ok"] == {"title": True}
    assert base["set/p2"]["ok"] == {"title": True, "date": True}
    off = meta_ablation._run("dashed_site,declared_address_date", ["set"], tmp_path)
    checks = {"set": set()}
    assert meta_ablation.changes(base, off, checks) == {
        ("tune", "title"): -1, ("tune", "date"): -1, ("tune", "changed"): 2}
    assert meta_ablation.changes(base, off, {"set": {"p1", "p2"}}) == {
        ("check", "title"): -1, ("check", "date"): -1, ("check", "changed"): 2}


def test_text_census_counts_gold_dropped_by_rule_and_other_words_kept_by_place(tmp_path):
    """``text_census`` parses each tune dump with the recorder on and judges its lines against
    the gold: gold lines dropped count for the rule that dropped them, lines kept that the gold
    leaves out for where they lie around the gold kept."""
    from tests.bench import text_census
    from tests.extract.text.test_pipeline import PARA, PARA2, PARA3
    from tests.bench.metrics import load_score
    _needs_scorer()
    score = load_score()
    folder = tmp_path / "census-set"       # (no committed split list: every page is tune)
    folder.mkdir()
    tail = ("Readers also enjoyed the story of the bridge that was rebuilt after the flood and "
            "the long story of the school that opened its new hall to the whole town.")
    (folder / "p1.txt").write_text(f"Home\nNews\nSport\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{tail}\n",
                                   encoding="utf-8")
    # (the gold keeps a menu word as its first line: a whole gold line, dropped as furniture)
    (folder / "p1.json").write_text(json.dumps({"id": "p1", "page_type": "article",
                                                "gold_text": f"Sport\n{PARA}\n{PARA2}\n{PARA3}"}))
    c = text_census.census(folder, score)
    assert c["types"]["article"]["pages"] == 1
    assert sum(c["dropped"].values()) == 1 and c["dropped_pages"]
    assert c["kept"] == {("article", "tail"): len(tail.split())}
    table = text_census.report(c, score, top=3)
    assert table.splitlines()[2].startswith("| article | 1 |") and "tail" in table


def test_repeated_out_of_fold_judges_each_typed_tune_page_once_per_repeat():
    pytest.importorskip("sklearn")
    from tests.bench import train_assess as T
    # Synthetic pages: each type has its own signal, so any fold's model is right; the
    # extra articles (readability) take part in the fits but are never judged.
    pages = [{"set": "wcxb-dev", "id": f"{t}{i}", "label": t, "weight": 1.0,
              "page": {"sig:" + t: 1.0, "noise": float(i % 3)}}
             for t in ("article", "forum", "product") for i in range(10)]
    pages += [{"set": "readability", "id": f"r{i}", "label": "article", "weight": 0.25,
               "page": {"sig:article": 1.0}} for i in range(5)]
    mean, sd, matrix = T.repeated_oof(pages, 1.0, repeats=3, folds=5)
    assert (mean, sd) == (1.0, 0.0)
    assert matrix == {(t, t): 30 for t in ("article", "forum", "product")}
    # A signal that says nothing of the type: the repeats disagree, and it shows.
    for n, r in enumerate(pages):
        r["page"] = {"noise": float(n * 7 % 11)}
    mean, sd, _ = T.repeated_oof(pages, 1.0, repeats=3, folds=5)
    assert mean < 0.7
    assert T.repeated_oof(pages, 1.0, repeats=3, folds=5)[:2] == (mean, sd)


def test_meta_census_groups_tune_misses_by_cause_and_counts_the_other_way(tmp_path):
    """``meta_census`` judges each tune miss against the page's own candidates: a declared
    wording against our ``<h1>``, typography only, a list of names written another way, a
    name shown but not found, a declared modification against our publication, a time zone's
    day, a failed page; check pages are never read; right pages in the same position count
    as the gold deciding the other way."""
    from tests.bench import meta_census
    folder = tmp_path / "set"
    folder.mkdir()
    pages = {
        "p1": ("<title>Headline wording | Site</title>", "<h1>Another wording</h1>",
               {"title": "Headline wording"}, {"title": "Another wording"}, {"title": False}),
        "p2": ("<title>It’s here</title>", "", {"title": "It's here"}, {"title": "It’s here"},
               {"title": False}),
        "p3": ("<title>Gone</title>", "", {"title": "Gone", "date": "2020-01-01"}, {},
               {}),
        "p4": ('<meta property="article:published_time" content="2024-01-02T10:00:00Z">'
               '<meta property="article:modified_time" content="2024-03-04T10:00:00Z">', "",
               {"date": "2024-03-04"}, {"date": "2024-01-02T10:00:00+00:00"}, {"date": False}),
        "p5": ("", '<time datetime="2026-02-22T19:57:30-05:00">February 22, 2026</time>',
               {"date": "2026-02-23"}, {"date": "2026-02-22"}, {"date": False}),
        "p6": ("<title>Short | Site</title>", "<h1>The page's own words</h1>",
               {"title": "The page's own words"}, {"title": "The page's own words"},
               {"title": True}),
        "p7": ("<title>Sealed | Site</title>", "<h1>Other</h1>", {"title": "Sealed"},
               {"title": "Other"}, {"title": False}),
        "p8": ("", "<p>By Ann Lee, Bo Chan, Cy Diaz</p>", {"byline": "Ann Lee, Bo Chan, Cy Diaz"},
               {"byline": "Ann Lee, Bo Chan, and Cy Diaz"}, {"byline": False}),
        "p9": ("", "<p>Written by Dee Fox</p>", {"author": "Dee Fox"}, {}, {"byline": False}),
    }
    lines = []
    for pid, (head, body, gold, ours, ok) in pages.items():
        (folder / f"{pid}.html").write_text(
            f"<html><head>{head}</head><body>{body}<p>Text.</p></body></html>", encoding="utf-8")
        (folder / f"{pid}.json").write_text(json.dumps({"id": pid, **gold}), encoding="utf-8")
        lines.append(json.dumps({"set": "set", "kind": "html", "tool": "decruft", "id": pid,
                                 "split": "check" if pid == "p7" else "tune", "meta_ok": ok,
                                 "error": "InputError: no article content found"
                                 if pid == "p3" else None, **ours}))
    run_file = tmp_path / "run.jsonl"
    run_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = meta_census.census(run_file, tmp_path)
    causes = {field: {cause: [page for page, _site in pages] for cause, pages in c.items()}
              for field, c in found.items()}
    assert causes["title"] == {"gold: a declared title, we: an <h1>": ["set/p1"],
                               "case or typography only": ["set/p2"], "no output": ["set/p3"]}
    assert causes["date"] == {"no output": ["set/p3"], "modified vs published": ["set/p4"],
                              "time zone": ["set/p5"]}
    assert causes["byline"] == {"a list written another way": ["set/p8"],
                                "none found though the page shows it": ["set/p9"]}
    assert causes["right"] == {"gold: a declared title, we: an <h1>": ["set/p6"]}


def test_recall_census_counts_missed_gold_blocks_by_rule_and_class(tmp_path):
    """``recall_census`` re-extracts each low-recall tune page of a saved run with the recorder
    on and counts the gold blocks the output misses: by the rule that dropped them and by
    class (the headline the metadata takes; a reader comment below the story)."""
    from convert import api
    from convert.textutil import article_text
    from tests.bench import recall_census
    from tests.extract.text.test_pipeline import PARA, PARA2, PARA3
    folder = tmp_path / "census-set"       # (no committed split list: every page is tune)
    folder.mkdir()
    comment = ("I went to the meeting too and I think the library plan is the best news the "
               "town has had in years, whatever the cost turns out to be.")
    html = (f"<html><head><title>Library plan approved</title></head><body><article>"
            f"<h1>Library plan approved</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
            f"</article><div id='comments' class='comments'><h3>Comments</h3>"
            f"<div class='comment'><p>{comment}</p></div></div></body></html>")
    (folder / "p1.html").write_text(html, encoding="utf-8")
    gold = f"Library plan approved\n{PARA}\n{PARA2}\n{PARA3}\n{comment}"
    (folder / "p1.json").write_text(json.dumps({"id": "p1", "gold_text": gold}))
    text = article_text(api.parse(html.encode()), captions=False)
    assert comment not in text and "Library plan approved" not in text
    saved = tmp_path / "run.jsonl"
    saved.write_text(json.dumps({"set": "census-set", "kind": "html", "tool": "decruft",
                                 "id": "p1", "split": "tune", "r": 0.7, "text": text,
                                 "title": "Library plan approved"}) + "\n")
    c = recall_census.census(saved, folder, max_recall=0.9)
    assert c["low"] == 1
    classes = c["classes"]
    assert classes["header line (headline/dateline/byline)"]["words"] == 3
    assert classes["below the story"]["words"] == len(comment.split())
    # the shares of a page sum to its recall loss: the gold shingles the output lacks
    g, o = (recall_census._shingles(recall_census._WORD.findall(t)) for t in (gold, text))
    lost = sum((g - o).values()) / sum(g.values())
    assert sum(row["share"] for row in c["rules"].values()) == pytest.approx(lost)
    table = recall_census.report(c)
    assert "below the story" in table and "== p1" in table


def test_precision_census_counts_extra_blocks_by_shape(tmp_path):
    """``precision_census`` re-extracts each tune article page of a saved run with the recorder
    on and sorts the kept blocks by shape: the extra ones (under half their shingles in the
    gold) of the low-precision pages by class, and every kept block by class with how many
    the gold keeps."""
    from convert import api
    from convert.textutil import article_text
    from tests.bench import precision_census
    from tests.extract.text.test_pipeline import PARA, PARA2, PARA3
    folder = tmp_path / "census-set"       # (no committed split list: every page is tune)
    folder.mkdir()
    note = ("The views expressed in this column are the writer's own and do not reflect "
            "those of the town council or its library board.")
    html = (f"<html><head><title>Library plan approved</title></head><body><article>"
            f"<h1>Library plan approved</h1><p>{PARA}</p><p>{PARA2}</p><p>{PARA3}</p>"
            f"<p>{note}</p></article></body></html>")
    (folder / "p1.html").write_text(html, encoding="utf-8")
    gold = f"{PARA}\n{PARA2}\n{PARA3}"
    (folder / "p1.json").write_text(json.dumps({"id": "p1", "gold_text": gold}))
    text = article_text(api.parse(html.encode()), captions=False)
    assert note in text
    saved = tmp_path / "run.jsonl"
    saved.write_text(json.dumps({"set": "census-set", "kind": "html", "tool": "decruft",
                                 "id": "p1", "split": "tune", "p": 0.8, "text": text,
                                 "page_type": "article"}) + "\n")
    c = precision_census.census(saved, [folder], max_precision=0.95)
    assert c["sets"]["census-set"][:2] == (1, 1)
    assert c["extra"]["disclaimer"]["words"] == len(precision_census._WORD.findall(note))
    assert c["keeps"]["disclaimer"]["gold"] == 0
    kept = c["keeps"]["other inside"]["gold"] + c["keeps"]["other above"]["gold"]
    assert kept == 3                       # the story's paragraphs are gold
    # the shares of a page are the output shingles the gold lacks that an extra block holds:
    # all of the page's precision loss but the three shingles across the block's edge
    g, o = (precision_census._shingles(precision_census._WORD.findall(t.lower()))
            for t in (gold, text))
    lost = sum((o - g).values()) / sum(o.values())
    words = len(precision_census._WORD.findall(text))
    assert sum(row["share"] for row in c["extra"].values()) == pytest.approx(lost - 3 / (words - 3))
    table = precision_census.report(c, "disclaimer")
    assert "disclaimer" in table and "census-set:p1" in table
