"""A listing's collapsed panels are shown: the buying guide and FAQ answers of a category page
sit in accordions under its grid, as on a service page."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article, Meta
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import cards, listing
from convert.textutil import article_text


def _text(blocks) -> str:
    return article_text(Article(Meta(), tuple(blocks)))


def _product(i: int) -> str:
    return (f"<li class='tile'><a href='/p/{i}'><h3>Trail backpack model {i}, 48 liters</h3>"
            f"</a><p>Ventilated back panel, rain cover included.</p><span>${100 + i}.95</span>"
            f"</li>")


def _panel(i: int, link: bool) -> str:
    more = f" <a href='/guide/{i}'>Read the guide</a>" if link else ""
    # The shape of a category's buying guide (rei.com/c/…, wcxb-dev 2952): each question a
    # button, its answer a panel closed by aria-hidden until the reader opens it.
    return (f"<div class='accordion'><h3><button>What pack for trip {i}?</button></h3>"
            f"<div class='accordion__container' style='max-height:0px'>"
            f"<div class='accordion__content accordion--closed' aria-hidden='true'>"
            f"<p>For trip {i} a pack of {30 + i} liters holds the gear of a weekend in the hills, tent and stove included.{more}</p>"
            f"</div></div></div>")


def _page(link: bool) -> str:
    return ("<html><body><main><div class='page'><h1>Backpacking packs</h1>"
            "<ul class='results'>" + "".join(_product(i) for i in range(8)) + "</ul>"
            "<section class='guide'><h2>Buying guide</h2><div class='accordion-group'>"
            + "".join(_panel(i, link) for i in range(5)) + "</div></section>"
            "</div></main></body></html>")


def _taken(link: bool) -> str:
    taken = listing.take(LexborHTMLParser(_page(link)).body, Builder(None), [])
    assert taken is not None
    return _text(taken[0])


def test_the_answers_of_the_region_are_shown():
    text = _taken(link=False)
    assert "Trail backpack model 3, 48 liters" in text
    assert "What pack for trip 2?" not in text  # a button: the control, not the answer
    assert "For trip 2 a pack of 32 liters" in text


def test_region_panels_ablated(monkeypatch):
    monkeypatch.setattr(listing, "LISTING_PANELS", False)
    assert "For trip 2 a pack" not in _taken(link=False)


def test_the_answers_of_accordions_read_as_cards_are_shown():
    # With a link in each answer the accordions are a grid of cards of their own.
    text = _taken(link=True)
    assert "For trip 2 a pack of 32 liters" in text


def test_card_panels_ablated(monkeypatch):
    monkeypatch.setattr(cards, "CARD_PANELS", False)
    assert "For trip 2 a pack" not in _taken(link=True)


def test_rules_are_declared():
    from convert.extract.ablation import RULES
    assert "listing_panels" in RULES and "card_panels" in RULES
