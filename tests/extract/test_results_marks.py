"""Pages that say they are a list of results are listings (rule ``results_pages``, issue #18).

Fixtures: synthetic, in the style of a WordPress theme's search page (Yoast's
``SearchResultsPage`` graph), a Greenhouse job board, a podcast site's episode list, a job
site declaring its postings in JSON-LD; and an article with a WordPress events widget (which
declares its upcoming events too) that must stay an article.
"""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

import convert
from convert.extract import assess
from convert.extract.ablation import RULES
from convert.extract.assess.html_signals import html_signals
from convert.extract.assess.results_marks import results_marks

_SUMMARY = ("We measured it over three winters in a draughty farmhouse, and the numbers "
            "surprised us: here is what we found and what it cost to run&hellip;")


def _page(body: str, *, head: str = "", title: str = "Page") -> str:
    return (f"<!doctype html><html lang='en'><head><title>{title}</title>{head}</head><body>"
            "<header><a href='/'>Home</a> <a href='/about'>About</a></header>"
            f"{body}<footer>© Example</footer></body></html>")


def _ld(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _posts(n: int = 4) -> str:
    return "".join(
        f"<article class='post type-post hentry'><header class='entry-header'><h2 "
        f"class='entry-title'><a href='/2024/0{i + 1}/post-{i}/'>Heat pump story {i}</a></h2>"
        f"<div class='entry-meta'>Posted on <time datetime='2024-0{i + 1}-02'>2 Jan</time> by "
        f"<a href='/author/ruth/'>Ruth</a></div></header><div class='entry-summary'><p>"
        f"{_SUMMARY}</p></div></article>" for i in range(n))


SEARCH = _page(
    "<form role='search' class='search-form' action='/'><input type='search' name='s' "
    "value='heat pump'><input type='submit' value='Search'></form><main id='main'>"
    "<header class='page-header'><h1 class='page-title'>Search Results for: <span>heat pump"
    "</span></h1></header>" + _posts() + "</main>",
    head=_ld({"@context": "https://schema.org", "@graph": [
        {"@type": ["CollectionPage", "SearchResultsPage"], "name": "You searched for heat pump"},
        {"@type": "WebSite", "name": "The Green Home"}]}),
    title="You searched for heat pump - The Green Home")

#: The same page without its declaration: the heading alone says it.
SEARCH_UNDECLARED = SEARCH.replace('"SearchResultsPage"', '"WebPage"').replace(
    "You searched for heat pump - The Green Home", "The Green Home")

#: No heading of results: the query in the search box, echoed in the heading.
SEARCH_ECHO = _page(
    "<form role='search'><input type='text' name='q' value='night trains'></form><main>"
    "<h1>“night trains”</h1>" + _posts() + "</main>", title="The Green Home")

JOBS = _page(
    "<div id='app_body'><div id='header'><h1>Current openings at Northwind Labs</h1></div>"
    + "".join(f"<section class='level-0'><h3>{dep}</h3>" + "".join(
        f"<div class='opening'><a href='/northwind/jobs/{dep}{i}'>{dep} role {i}</a><br>"
        f"<span class='location'>Berlin, Germany</span></div>" for i in range(3))
        + "</section>" for dep in ("Engineering", "Sales")) + "</div>",
    title="Jobs at Northwind Labs")

EPISODES = _page(
    "<main><h1>All episodes</h1><div class='episode-list'>" + "".join(
        f"<div class='episode-item'><span class='episode-number'>Episode {40 + i}</span> "
        f"<time datetime='2024-04-0{i + 1}'>April {i + 1}, 2024</time><h2 class='episode-title'>"
        f"<a href='/episodes/{40 + i}'>Travelling slowly, part {i}</a></h2><p>{_SUMMARY}</p>"
        f"<audio controls src='/audio/{40 + i}.mp3'></audio></div>" for i in range(4))
    + "</div></main>",
    head=_ld({"@context": "https://schema.org", "@type": "PodcastSeries", "name": "Slow Roads"}),
    title="Episodes | Slow Roads")


def _posting(i: int) -> dict:
    return {"@type": "JobPosting", "title": f"Nurse {i}", "datePosted": "2024-05-01",
            "hiringOrganization": {"@type": "Organization", "name": "Clinic"}}


JOB_LIST = _page(
    "<main><h1>Nursing jobs in Leeds</h1>" + "".join(
        f"<div class='job-card'><h2><a href='/job/{i}'>Nurse {i}</a></h2><p>{_SUMMARY}</p></div>"
        for i in range(4)) + "</main>",
    head=_ld({"@context": "https://schema.org", "@type": "ItemList",
              "itemListElement": [_posting(i) for i in range(4)]}),
    title="Nursing jobs in Leeds")

#: An article whose sidebar widget declares its upcoming events: still an article.
STORY_WITH_EVENTS = _page(
    "<article class='post hentry'><h1>How we smoke trout at home</h1>"
    + "<p>The brine matters more than the wood, and we learned that the hard way. " * 30
    + "</p></article><aside class='widget'><h2>Upcoming events</h2><ul>" + "".join(
        f"<li><a href='/events/{i}'>Market day {i}</a></li>" for i in range(5)) + "</ul></aside>",
    head=_ld({"@context": "https://schema.org", "@type": "Article", "headline": "Trout"})
    + "".join(_ld({"@context": "https://schema.org", "@type": "Event", "name": f"Market {i}",
                   "startDate": "2024-06-0{i}"}) for i in range(1, 6)),
    title="How we smoke trout at home")

#: A story whose headline merely starts with a number: no results heading.
STORY_NUMBERED = _page(
    "<article><h1>12 results from the council election that matter</h1>"
    + "<p>The count ran late into the night, and the turnout was the lowest in years. " * 20
    + "</p></article>", title="12 results from the council election that matter")


def _marks(html: str) -> dict[str, float]:
    tree = LexborHTMLParser(html)
    return {k: v for k, v in html_signals(html, tree, None).items()
            if k.startswith("results:")}


def _type(html: str) -> str | None:
    return convert.parse(html.encode(), kind="html").meta.page_type


@pytest.mark.parametrize("html, mark", [
    (SEARCH, "results:declared"), (SEARCH_UNDECLARED, "results:heading"),
    (SEARCH_ECHO, "results:query"), (JOBS, "results:jobs"), (EPISODES, "results:episodes"),
    (JOB_LIST, "results:entities")])
def test_each_mark_is_found(html, mark):
    assert mark in _marks(html)


@pytest.mark.parametrize("html", [SEARCH, SEARCH_UNDECLARED, SEARCH_ECHO, JOBS, EPISODES,
                                  JOB_LIST])
def test_a_page_of_results_is_a_listing(html):
    assert _type(html) == "listing"


def test_the_search_page_is_read_as_its_list_of_results():
    md = convert.render(convert.parse(SEARCH.encode(), kind="html"), "md").decode()
    # Every result, each with its linked title and summary, as one list.
    for i in range(4):
        assert f"- ## [Heat pump story {i}](/2024/0{i + 1}/post-{i}/)" in md
    assert md.count("We measured it over three winters") == 4


@pytest.mark.parametrize("html", [STORY_WITH_EVENTS, STORY_NUMBERED])
def test_a_story_is_not_a_page_of_results(html):
    assert not _marks(html)
    assert _type(html) != "listing"


def test_model_verdict_stands_without_marks():
    tree = LexborHTMLParser(STORY_NUMBERED)
    signals = html_signals(STORY_NUMBERED, tree, None)
    assert assess.page_type("html", signals)[0] == "article"


def test_ablated(monkeypatch):
    monkeypatch.setattr(assess, "RESULTS_PAGES", False)
    monkeypatch.setattr(assess, "_LAST_TYPE", ((), None))
    assert _type(SEARCH) == "article"  # the model alone reads its summaries as a story


@pytest.mark.parametrize("heading", [
    "Search Results for: heat pump", "248 results for “boots”", "Showing 1–20 of 248 results",
    "1-48 of over 2,000 results for \"shoes\"", "12 jobs found", "You searched for heat pump",
    "Your search returned 5 results.", "No results found for “zzq”", "We found 31 jobs"])
def test_results_headings(heading):
    html = _page(f"<main><h1>{heading}</h1><p>{_SUMMARY}</p></main>", title="Site")
    assert "results:heading" in _marks(html)


@pytest.mark.parametrize("heading", [
    "12 results from the council election that matter", "Search results show a decline",
    "Results of the survey are in, and they surprised us"])
def test_headlines_are_no_results_headings(heading):
    html = _page(f"<main><h1>{heading}</h1><p>{_SUMMARY}</p></main>", title="Site")
    assert "results:heading" not in _marks(html)


def test_marks_need_a_body():
    assert results_marks("<html></html>", LexborHTMLParser("<html></html>"), {}) == {}


def test_rule_is_declared():
    assert "results_pages" in RULES


def test_inspect_names_the_rule_that_typed_the_page():
    import jsonschema
    from pathlib import Path

    from convert.inspect import inspect_bytes
    from convert.inspect.page import assessment_summary, report_html

    report = inspect_bytes(SEARCH.encode())
    a = report["assessment"]
    assert a["page_type"] == "listing"
    # the model's own probabilities rank another type first: the report says what typed it
    assert max(a["type_probabilities"], key=a["type_probabilities"].get) != "listing"
    assert a["type_rule"]["rule"] == "results_pages"
    assert "results:declared" in a["type_rule"]["signals"]
    assert "by results_pages" in assessment_summary(report)
    assert "results_pages" in report_html(report)
    schema = json.loads((Path(__file__).parents[2] / "docs" / "inspect.schema.json").read_text())
    jsonschema.validate(json.loads(json.dumps(report)), schema)
    # a page the model types itself carries no rule
    assert "type_rule" not in inspect_bytes(STORY_NUMBERED.encode())["assessment"]
