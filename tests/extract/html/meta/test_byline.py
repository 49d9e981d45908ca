"""convert.extract.html.meta.byline: raw author strings cleaned into names (rules added for
issue #13, part 8)."""

from __future__ import annotations

from convert.extract.html.meta.byline import clean_authors


def test_a_desks_staff_byline_is_kept_like_a_team():
    assert clean_authors(["EcoCult Staff"]) == ["EcoCult Staff"]
    assert clean_authors(["By The Daily Ledger Staff"]) == ["The Daily Ledger Staff"]


def test_staff_as_a_job_word_is_still_no_name():
    assert clean_authors(["staff"]) == []
    assert clean_authors(["Staff Writer"]) == []


def _byline(body: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.meta.byline import visible_byline
    return visible_byline(LexborHTMLParser(f"<html><body>{body}</body></html>"))


def test_dateline_line_going_on_with_the_byline_names_the_author():
    body = ("<h1>Five ways to keep basil alive</h1><p>Feb 6, 2025 By Dana Whitfield</p>"
            "<p>Basil wants warmth, light and a pot that drains.</p>")
    assert _byline(body) == ["Dana Whitfield"]
    body = body.replace("Feb 6, 2025 By", "Updated Sep 5, 2024 · by")
    assert _byline(body) == ["Dana Whitfield"]


def test_a_sentence_with_by_after_a_date_is_no_byline():
    body = "<p>In March 2024 sales were driven by Northern Outlets and their partners.</p>"
    assert _byline(body) == []


def test_author_boxs_all_articles_link_names_the_author_when_nothing_else_does():
    body = ("<h1>Cloud costs in 2025</h1><p>Spending on cloud computing keeps rising.</p>"
            "<div><img alt=''><a href='/blog/authors/jc'>All articles by Jo Carreira</a></div>")
    assert _byline(body) == ["Jo Carreira"]


def test_a_menus_posts_by_link_is_no_byline():
    body = ("<nav class='menu'><a href='/x'>Posts by Region</a></nav>"
            "<p>Spending on cloud computing keeps rising.</p>")
    assert _byline(body) == []


def test_author_boxs_all_articles_button_names_the_author():
    body = ("<p>Spending on cloud computing keeps rising.</p>"
            "<div><button aria-label='x'><span>All articles by Eli Rabe</span></button></div>")
    assert _byline(body) == ["Eli Rabe"]
