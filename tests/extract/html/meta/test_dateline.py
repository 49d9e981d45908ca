"""convert.extract.html.meta.dateline: the declared publication date corrected by the dateline
the page shows (rules added for issue #13, part 8; synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract

_BODY = ("<h1>A guide to choosing hiking boots</h1><p class='byline'>By Ann Lee</p>"
         "<p class='dateline'>Updated December 18, 2025</p>"
         "<p>Boots are the one piece of gear that decides whether a long day on the trail ends "
         "in comfort or in blisters, so it pays to choose them with some care and patience.</p>")


def _published(head: str, body: str = _BODY) -> str | None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract(LexborHTMLParser(page), None)["published"]


def _ld(published: str) -> str:
    return ('<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "Article", "datePublished": "{published}"}}</script>')


def test_later_dateline_beats_a_date_only_json_ld_declares():
    # The page re-dates itself when refreshed; only an SEO plugin's JSON-LD keeps the day the
    # page was first saved.
    assert _published(_ld("2024-02-01T15:46:14+00:00"))[:10] == "2025-12-18"


def test_date_the_cms_declares_in_opengraph_stands():
    head = _ld("2024-02-01T15:46:14+00:00") + (
        '<meta property="article:published_time" content="2024-02-01T15:46:14+00:00">')
    assert _published(head)[:10] == "2024-02-01"


def test_earlier_dateline_does_not_replace_a_json_ld_date():
    body = _BODY.replace("December 18, 2025", "January 5, 2023")
    assert _published(_ld("2024-02-01T15:46:14+00:00"), body)[:10] == "2024-02-01"
