"""convert.extract.html.meta.zones: a reviewer's name and the day of a customer's review are
not the page's byline and dateline (rule review_zones). Synthetic pages in the markup of two
common review widgets (a Shopify review app's, Magento's microdata list)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import convert
from convert.extract.html.meta import zones
from convert.extract.html.meta.byline import visible_byline

_PRODUCT = ("<main><h1>Merino Crew Sweater</h1><p>Knitted from fine merino wool, the Crew is a "
            "warm everyday sweater that keeps its shape wash after wash.</p></main>")

# A review app's widget: the reviewer's name classed "author", no itemprop.
_WIDGET = ("<div class='jdgm-rev-widg'><h2>Customer Reviews</h2><div class='jdgm-rev-widg__reviews'>"
           "<div class='jdgm-rev'><div class='jdgm-rev__header'><span class='jdgm-rev__author'>"
           "Dana Kowalski</span></div><p>Warm and soft, wore it every day.</p></div></div></div>")

# Magento's review list: microdata, the author marked itemprop=author, the day a <time>.
_LIST = ("<div class='block review-list' id='customer-reviews'><ol class='items review-items'>"
         "<li class='item review-item' itemprop='review' itemscope itemtype='http://schema.org/Review'>"
         "<div class='review-content'>Dry all day in the rain.</div><div class='review-details'>"
         "<p class='review-author'>Review by <strong itemprop='author'>Harriet Lowe</strong></p>"
         "<p class='review-date'>Posted on <time itemprop='datePublished' datetime='2025-10-04'>"
         "10/4/25</time></p></div></li></ol></div>")


def _page(*parts: str) -> str:
    return "<html><body>" + "".join(parts) + "</body></html>"


def test_a_reviewers_name_is_no_byline():
    for widget in (_WIDGET, _LIST):
        assert visible_byline(LexborHTMLParser(_page(_PRODUCT, widget))) == [], widget


def test_a_reviews_day_is_no_page_date():
    article = convert.parse(_page(_PRODUCT, _LIST))
    assert article.meta.published is None
    assert "Harriet Lowe" not in article.meta.authors


def test_a_critics_review_in_a_reviews_section_keeps_its_byline():
    # A magazine's "reviews" section around the page's own review (it holds the <h1>).
    html = _page("<div class='reviews-section'><h1>A quiet, devastating debut</h1>"
                 "<p class='byline'>By <span class='author'>Peter Marsh</span></p>"
                 "<p>The film opens on a kitchen table and never quite leaves it.</p></div>")
    assert visible_byline(LexborHTMLParser(html)) == ["Peter Marsh"]


def test_review_zones_off_reads_the_reviewer_again(monkeypatch):
    monkeypatch.setattr(zones, "REVIEW_ZONES", False)
    assert visible_byline(LexborHTMLParser(_page(_PRODUCT, _LIST))) == ["Harriet Lowe"]
