"""Dumps of pages with no prose to speak of (:func:`convert.extract.text.pipeline.parse_text`'s
``text-thin-page`` fallback): what lies under the headline is the page."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.textutil import article_text

from .test_pipeline import DUMPS

#: A shop's category page (wcxb-dev-extra tune page 0654, see
#: fixtures/dumps/README.md): subcategories, offers and filters under the headline.
SHOP = DUMPS / "category-no-prose.txt"
SUBCATEGORIES = ["Nintendo Switch 2", "PlayStation 5", "Shop favorite franchises", "Super Mario",
                 "Browse by video game genre", "RPG/Role playing", "T for Teen"]


def test_a_page_without_prose_keeps_what_lies_under_its_headline(monkeypatch):
    from convert.extract.text import pipeline
    text = article_text(parse_text(SHOP.read_bytes()))
    assert all(s in text for s in SUBCATEGORIES)
    # (the menu above the headline, the footer's form and the placeholders stay out)
    assert "Registry & Wish List" not in text and "Email address" not in text
    assert "Loading..." not in text and "Privacy policy" not in text
    monkeypatch.setattr(pipeline, "THIN_PAGE", False)
    # (without the rule the page is the one sentence the classifier kept: the newsletter pitch)
    off = article_text(parse_text(SHOP.read_bytes()))
    assert off == "Get top deals, latest trends, and more."


def test_a_page_with_prose_is_not_thin():
    from .test_pipeline import PARA, PARA2
    dump = f"Home\nNews\nLibrary plans\n{PARA}\n\n{PARA2}\n\nMore news\nContact us\n"
    assert article_text(parse_text(dump)) == f"{PARA}\n\n{PARA2}"
