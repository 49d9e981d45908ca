"""A listing reads responsive classes at a desktop width: the desktop grid of a utility-class
page ('hidden md:grid') is the listing, its phone twin ('md:hidden') is not."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.profiles import desktop, listing
from convert.extract.html.profiles.desktop import _desktop, desktop_hidden


def test_tailwind_classes_at_a_desktop_width():
    assert _desktop("hidden md:grid grid-cols-4") is False
    assert _desktop("hidden lg:flex") is False
    assert _desktop("flex md:hidden") is True
    assert _desktop("hidden md:block xl:hidden") is True       # shown on tablets only
    assert _desktop("hidden 2xl:block") is None                 # wider than the desktop read
    assert _desktop("hidden") is None and _desktop("grid gap-4") is None


def test_bootstrap_classes_at_a_desktop_width():
    assert _desktop("d-none d-lg-block") is False
    assert _desktop("d-block d-md-none") is True
    assert _desktop("d-none") is None


def test_other_ways_of_hiding_still_hide():
    assert desktop_hidden({"class": "hidden md:block", "style": "display:none"})
    assert desktop_hidden({"class": "hidden md:block", "aria-hidden": "true"})
    assert not desktop_hidden({"class": "hidden md:block"})
    assert desktop_hidden({"class": "hidden"})


def _card(i: int, long: bool) -> str:
    summary = f"<p>Replace a worn battery of phone model {i} in twenty minutes.</p>" if long else ""
    return (f"<article class='card'><a href='/p/{i}'><h3>Replacement battery for the phone model {i}, tested</h3></a>{summary}"
            f"<span>${30 + i}.99</span></article>")


def _page() -> str:
    # The shape of a parts category (ifixit.com/Parts/iPhone, wcxb-dev 0652): one search form
    # wraps the desktop grid ('hidden md:grid', title and price) and its phone twin
    # ('md:hidden', with a summary per card, so longer).
    return ("<html><body><main><h1>iPhone Parts</h1><form id='search'>"
            "<div class='grid hidden md:grid'>" + "".join(_card(i, False) for i in range(10))
            + "</div><div class='flex flex-col md:hidden'>"
            + "".join(_card(i, True) for i in range(10)) + "</div></form></main></body></html>")


def test_the_desktop_grid_is_the_listing():
    grid = listing.find(LexborHTMLParser(_page()).body)
    assert grid is not None
    assert "md:grid" in grid.parent.attributes["class"]


def test_ablated_the_phone_twin_is_the_listing(monkeypatch):
    monkeypatch.setattr(desktop, "LISTING_DESKTOP_VIEW", False)
    grid = listing.find(LexborHTMLParser(_page()).body)
    assert grid is not None
    assert "md:hidden" in grid.parent.attributes["class"]


def test_rule_is_declared():
    from convert.extract.ablation import RULES
    assert "listing_desktop_view" in RULES
