"""The service profile: every headed section of a landing page, not the one with the most
prose; the header, navigation and footer stay out."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import parse_html, profiles
from convert.extract.html.profiles import service
from convert.textutil import article_text

_SECTIONS = [
    ("Bookkeeping for small firms", "We keep your books in order every month, reconcile your "
     "accounts and send you a clear report you can read in five minutes, with the numbers that "
     "matter for your decisions, your bank and your tax adviser, all year round."),
    ("Payroll", "Pay your team on time."),
    ("Tax returns", "We file on time, every time."),
    ("Pricing", "From 90 euros a month."),
]


def _page() -> bytes:
    sections = "".join(f"<section class='block'><div class='inner'><h2>{h}</h2><p>{p}</p>"
                       f"</div></section>" for h, p in _SECTIONS)
    return (f"<html><head><title>Ledger &amp; Co</title></head><body><header><nav>"
            f"<a href='/'>Home</a><a href='/about'>About us</a></nav></header>"
            f"<div class='page'>{sections}</div><footer><a href='/privacy'>Privacy</a>"
            f"<p>Copyright 2024 Ledger &amp; Co.</p></footer></body></html>").encode()


def test_all_sections_are_kept_on_a_service_page(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("service", 0.9, {}))
    text = article_text(parse_html(_page()))
    for heading, para in _SECTIONS:
        assert heading in text and para in text
    assert "About us" not in text and "Copyright" not in text


def test_widen_climbs_to_the_link_free_region_not_past_it():
    html = _page().decode().replace("<div class='page'>", "<div class='page'><div class='all'>")
    # A block of links inside the page wrapper: the wrapper is no longer content.
    html = html.replace("</div><footer>", "</div>" + "".join(
        f"<a href='/x{i}'>A link to another part of the site number {i}</a>" for i in range(30))
        + "</div><footer>")
    tree = LexborHTMLParser(html)
    winner = tree.css_first("section .inner")
    region = service.widen([winner])
    assert region is not None and region.attributes.get("class") == "all"


def test_a_winner_holding_the_page_is_not_widened():
    tree = LexborHTMLParser(_page().decode())
    assert service.widen([tree.css_first("div.page")]) is None
