"""``decruft inspect``: the verdicts and rule names come from the extractor, the JSON follows
its schema, a hostile page stays inert in the report, and a real browser loads the report
without errors or requests."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from selectolax.lexbor import LexborHTMLParser

import convert
from convert.extract.assess import PAGE_TYPES
from convert.extract.record import Recorder, recording
from convert.inspect import inspect_bytes, inspect_page
from convert.inspect.page import report_html
from cliutil import run_cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
VERDICTS = FIXTURES / "inspect" / "verdicts.html"
SCHEMA = json.loads((ROOT / "docs" / "inspect.schema.json").read_text())


def verdicts(report: dict) -> dict[str, tuple[str, str]]:
    """First words of each block → (verdict, rule)."""
    return {" ".join(b["text"].split()[:4]): (b["verdict"], b["rule"]) for b in report["blocks"]}


def test_every_verdict_class_with_the_rule_that_decided():
    got = verdicts(inspect_page(str(VERDICTS)))
    assert got["Home News Timetables"] == ("dropped", "prune_chrome_tags")
    assert got["A hidden promotional banner"] == ("dropped", "prune_hidden")
    assert got["Most read this week:"] == ("dropped", "prune_chrome_words")
    assert got["Night Trains Return to"] == ("metadata", "headline_repeat")
    assert got["By Ilse Brandt ·"] == ("metadata", "drop_byline")
    assert got["A refurbished sleeper carriage"] == ("figure", "figure")
    assert got["After a decade without"] == ("body", "winner")
    assert got["Advertisement"] == ("dropped", "boilerplate_lines")
    assert got["Timetable · Fares ·"] == ("dropped", "clean_conditionally")
    assert got["Why the mountain railways"] == ("dropped", "chrome_blocks")
    assert got["Read the full timetable"] == ("dropped", "trailing_links")
    assert got["© 2024 Rail Weekly."] == ("dropped", "prune_chrome_tags")


def test_rule_names_are_the_ablation_names_where_switchable():
    from convert.extract.ablation import RULES
    report = inspect_page(str(VERDICTS))
    # Names the cleaning and pruning steps declare (when the ablation switches are in) are
    # the same the report uses; the others are the deciding function's name.
    own = {"winner", "figure", "builder", "outside_winner", "clean_conditionally",
           "headline_repeat", "drop_byline", "drop_subtitle", "boilerplate_lines", "read_also_lines",
           "consent_lines", "duplicate_paragraphs", "visible_byline", "visible_date",
           "prune_hidden", "prune_chrome_tags", "prune_chrome_words", "chrome_blocks",
           "trailing_links"}
    assert {b["rule"] for b in report["blocks"]} <= own | set(RULES)


def test_the_cascade_and_the_candidates_are_recorded():
    casc = inspect_page(str(VERDICTS))["cascade"]
    assert casc["chosen"] == "strict"
    first = casc["passes"][0]
    assert first["name"] == "strict" and first["replaces"] and first["enough"]
    assert "cascade stops" in first["reason"]
    assert first["candidates"][0]["score"] >= first["candidates"][-1]["score"]
    assert any(c["tag"] == "article" for c in first["candidates"])


@pytest.mark.parametrize("fixture, field, source", [
    ("meta_jsonld.html", "title", "json-ld"),
    ("meta_jsonld.html", "authors", "json-ld"),
    ("meta_opengraph.html", "site_name", "opengraph"),
    ("meta_opengraph.html", "tags", "opengraph"),
    ("meta_microdata.html", "description", "meta"),
    ("meta_visible.html", "authors", "visible"),
    ("meta_visible.html", "title", "h1"),
    ("meta_visible.html", "published", "visible"),
    ("meta_jsonld.html", "language", "html"),
])
def test_each_metadata_source_is_listed_and_the_winner_named(fixture, field, source):
    report = inspect_page(str(FIXTURES / "html" / fixture))
    info = report["metadata"][field]
    assert info["value"]
    assert info["chosen_from"]["source"] == source, info
    assert sum(1 for c in info["candidates"] if c.get("chosen")) == 1


def test_title_candidates_include_title_and_h1():
    info = inspect_page(str(VERDICTS))["metadata"]["title"]
    sources = {c["source"] for c in info["candidates"]}
    assert {"json-ld", "opengraph", "title", "h1"} <= sources
    assert info["chosen_from"] == {"source": "json-ld", "key": "headline"}


@pytest.mark.parametrize("page", [VERDICTS, ROOT / "examples" / "field-notes.html",
                                  ROOT / "examples" / "seed-rt-article.txt"])
def test_json_validates_against_its_schema(page):
    report = inspect_page(str(page))
    jsonschema.validate(json.loads(json.dumps(report)), SCHEMA)


#: A hand-made innerText-like dump: a menu, headline, byline, dateline, three paragraphs,
#: a cookie line and a copyright line.
FERRY_DUMP = """Home
News
Sport
Harbour Ferry Returns After Two Years

By Maria Lopez
12 March 2024

The harbour ferry between the old town and the island made its first crossing in two years on Tuesday morning, carrying more than a hundred passengers who had waited on the pier since dawn.

The operator said that the repaired engines had passed every inspection, and that the timetable would return to its summer schedule by the end of April, with crossings every half hour.

Residents of the island, who had relied on a slow bus route around the bay, welcomed the return of the service and said it would cut their daily journey to work by almost an hour.

We use cookies to improve your experience. Accept all cookies
© 2024 Coast Times. All rights reserved.
"""


def test_text_dump_lines_have_a_class_and_the_deciding_rule():
    report = inspect_bytes(FERRY_DUMP.encode(), kind="text")
    jsonschema.validate(json.loads(json.dumps(report)), SCHEMA)
    assert not report["notes"]
    lines = {b["text"][:24]: (b["verdict"], b["class"], b["rule"]) for b in report["blocks"]}
    # every line of the dump is there, in order
    assert [b["element"] for b in report["blocks"]] == list(range(11))
    assert lines["We use cookies to improv"] == ("dropped", "furniture", "cookie")
    assert lines["© 2024 Coast Times. All "] == ("dropped", "furniture", "copyright")
    assert lines["By Maria Lopez"] == ("metadata", "byline", "byline")
    assert lines["12 March 2024"] == ("metadata", "dateline", "date")
    assert lines["Harbour Ferry Returns Af"] == ("metadata", "title", "title")
    assert lines["The harbour ferry betwee"] == ("body", "article", "body")
    assert lines["Home"] == ("dropped", "furniture", "button")
    # the report's body is the article's body
    body = [b["text"] for b in report["blocks"] if b["verdict"] == "body"]
    assert len(body) == 3 and all(t in json.dumps(report["article"]) for t in body)


def test_seed_dump_records_every_line_with_a_furniture_rule_name():
    from convert.extract.text.furniture import RULES
    report = inspect_page(str(ROOT / "examples" / "seed-rt-article.txt"))
    blocks = report["blocks"]
    assert len(blocks) == 45 and all(b.get("class") and b["rule"] for b in blocks)
    own = {"body", "title", "standfirst", "comments", "related", "far-from-body",
           "outside-records", "short", "bad-density", "near-good"}
    assert {b["rule"] for b in blocks} <= own | {r.name for r in RULES} | {r.reason for r in RULES}
    assert report["counts"]["body"] == 8 and report["counts"]["by_rule"]["repeated"] == 14


def test_schema_rejects_a_wrong_verdict():
    report = json.loads(json.dumps(inspect_page(str(VERDICTS))))
    report["blocks"][0]["verdict"] = "kept"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(report, SCHEMA)


@pytest.mark.parametrize("page", [VERDICTS, FIXTURES / "html" / "structure.html",
                                  ROOT / "examples" / "seed-rt-article.txt"])
def test_recording_does_not_change_the_article(page):
    data = page.read_bytes()
    plain = convert.render(convert.parse(data, location=str(page)), "json")
    with recording(Recorder()):
        recorded = convert.render(convert.parse(data, location=str(page)), "json")
    assert recorded == plain


def test_a_refused_page_still_gets_a_report():
    report = inspect_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                           kind="html")
    assert report["error"] and report["article"] is None
    assert report["blocks"][0]["verdict"] == "dropped"
    assert "<nav" not in report_html(report).split("</style>", 1)[1].replace("&lt;nav", "")


# --------------------------------------------------------------------------- page type, confidence

def test_the_page_type_and_confidence_are_shown_with_the_signals_behind_them():
    from convert.extract.assess import _models
    data = VERDICTS.read_bytes()
    meta = convert.parse(data, location=str(VERDICTS)).meta
    a = inspect_page(str(VERDICTS))["assessment"]
    # the same verdict the article's metadata carries
    assert (a["kind"], a["page_type"]) == ("html", meta.page_type)
    assert a["page_type_probability"] == meta.page_type_probability
    assert a["confidence"] == meta.confidence
    assert abs(sum(a["type_probabilities"].values()) - 1) < 0.01
    # each signal row is weight × (value - training mean), strongest first
    for rows, model, label in ((a["type_signals"], _models()["pagetype_html"], a["page_type"]),
                               (a["confidence_signals"], _models()["confidence_html"], None)):
        assert rows and [abs(r["effect"]) for r in rows] == sorted(
            (abs(r["effect"]) for r in rows), reverse=True)
        for r in rows:
            mean = model.get("means", {}).get(r["signal"], 0.0)
            assert r["effect"] == pytest.approx(r["weight"] * (r["value"] - mean), abs=0.01)
    # the page declares an article (JSON-LD, og:type, a dated byline): that shows
    assert a["page_type"] == "article"
    assert any(r["signal"].startswith(("ld:", "og:", "decl:")) and r["effect"] > 0
               for r in a["type_signals"])


def test_the_html_report_and_the_cli_show_the_page_type(tmp_path):
    report = inspect_page(str(VERDICTS))
    a = report["assessment"]
    html = report_html(report)
    assert "Page type and confidence" in html
    line = f"page type {a['page_type']} ({a['page_type_probability']:.2f}), confidence " \
           f"{a['confidence']:.2f}"
    assert line in html
    assert all(r["signal"] in html for r in a["type_signals"] + a["confidence_signals"])
    res = run_cli("inspect", str(VERDICTS), "-o", str(tmp_path / "r.html"))
    assert res.returncode == 0 and line in res.stderr.decode()


def test_a_text_dump_is_judged_too_and_a_refused_page_is_not():
    a = inspect_bytes(FERRY_DUMP.encode(), kind="text")["assessment"]
    assert a["kind"] == "text" and a["page_type"] in PAGE_TYPES and a["type_signals"]
    refused = inspect_bytes(b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
                            kind="html")
    assert refused["assessment"] is None
    jsonschema.validate(json.loads(json.dumps(refused)), SCHEMA)
    assert "Page type and confidence" not in report_html(refused)


# --------------------------------------------------------------------------- hostile pages

def _live_parts(html: str) -> list[str]:
    """Everything in the report that a browser would run, load or follow."""
    tree = LexborHTMLParser(html)
    found = [n.tag for n in tree.css("script, iframe, link, object, embed, img, frame, "
                                      "video, audio, source, form, base, a")]
    for node in tree.css("*"):
        for name, value in node.attributes.items():
            if name.startswith("on") or name in ("src", "href", "action", "srcset", "style",
                                                 "formaction", "data", "background"):
                found.append(f"{node.tag}[{name}={value}]")
    styles = tree.css("style")
    if len(styles) != 1 or "url(" in styles[0].text() or "@import" in styles[0].text():
        found.append("extra or loading style")
    return found


def test_hostile_page_report_has_nothing_live():
    from test_hostile import LEAKY
    report = inspect_bytes(LEAKY.encode("utf-8"), kind="html", location="https://evil.example/x")
    html = report_html(report)
    assert _live_parts(html) == []
    tree = LexborHTMLParser(html)
    csp = tree.css_first('meta[http-equiv="Content-Security-Policy"]').attributes["content"]
    assert "default-src 'none'" in csp and "script-src 'none'" in csp
    # The page's markup is shown as text, escaped; the article's text is there.
    assert "committee met on Tuesday" in tree.body.text()
    assert "<script>alert" not in html and "javascript:" not in html.lower()


def test_live_part_detector_finds_live_parts():
    assert _live_parts("<style>p{}</style><a href='x'>x</a><p onclick='y'>z</p>") == [
        "a", "a[href=x]", "p[onclick=y]"]


def test_cli_writes_html_and_json(tmp_path):
    out = tmp_path / "r.html"
    assert run_cli("inspect", str(VERDICTS), "-o", str(out)).returncode == 0
    assert "decruft inspect" in out.read_text()
    res = run_cli("inspect", str(VERDICTS), "--json", "-o", "-")
    assert res.returncode == 0
    assert json.loads(res.stdout)["format"] == "decruft-inspect"


def test_cli_never_writes_over_the_page_and_writes_whole_files(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(VERDICTS.read_bytes())
    link = tmp_path / "link.html"
    link.symlink_to(page)
    for target in (page, link):
        res = run_cli("inspect", str(page), "-o", str(target))
        assert res.returncode == 2 and page.read_bytes() == VERDICTS.read_bytes(), res.stderr
        assert res.stderr.decode() == f"decruft: {target}: is the page itself; refusing to " \
                                      "overwrite it\n"
    res = run_cli("inspect", str(page), "-o", str(tmp_path / "no" / "r.html"))
    assert res.returncode == 1 and len(res.stderr.splitlines()) == 1, res.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "page.html"]
    res = run_cli("inspect", str(tmp_path / "missing.html"))
    assert res.returncode == 1
    assert res.stderr.decode() == f"decruft: {tmp_path / 'missing.html'}: No such file or " \
                                  "directory\n"



# --------------------------------------------------------------------------- a real browser

browser = pytest.importorskip("browser")
needs_chromium = pytest.mark.skipif(browser.chromium() is None, reason="chromium not installed")


@needs_chromium
@pytest.mark.parametrize("page", [ROOT / "examples" / "field-notes.html",
                                  ROOT / "examples" / "seed-rt-article.txt", "hostile"])
def test_report_opens_in_chromium_without_errors_or_requests(tmp_path, page):
    if page == "hostile":
        from test_hostile import LEAKY
        report = inspect_bytes(LEAKY.encode("utf-8"), kind="html", location="https://evil.example/")
    else:
        report = inspect_page(str(page))
    path = tmp_path / "report.html"
    path.write_text(report_html(report), encoding="utf-8")
    shot = tmp_path / "report.png"
    found = browser.open_report(path, shot)
    assert found["console_errors"] == []
    assert found["requests"] == []
    assert found["dom_chars"] > 1000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_chromium
def test_browser_check_sees_errors_and_requests(tmp_path):
    path = tmp_path / "bad.html"
    path.write_text("<html><head><link rel=stylesheet href='http://example.invalid/x.css'>"
                    "</head><body><script>console.error('boom')</script></body></html>")
    found = browser.open_report(path)
    assert "boom" in found["console_errors"]
    assert found["requests"] == ["http://example.invalid/x.css"]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.wet.gz"])
def test_inspect_of_a_web_archive_is_a_usage_error(tmp_path, name):
    # the archive's bytes were extracted as one page and a report written on them (rc 0)
    archive = tmp_path / name
    archive.write_bytes(b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
    out = run_cli("inspect", str(archive), cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.decode() == (f"decruft: {archive}: a web archive holds many pages; "
                                   "inspect explains one page (a saved page, a text dump or "
                                   "a URL)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
