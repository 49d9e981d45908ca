"""convert.extract.html.meta.readers: a customer's review or a reader's comment names its own
writer and day, never the page's author and publication date (synthetic pages)."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract, readers

_TEXT = ("<p>The Trail Runner 3 is a light running shoe with a wide toe box and a firm heel, "
         "made for long runs on dry forest paths and gravel roads.</p>")


def _fields(head: str, body: str) -> dict:
    html = (f"<html><head><title>Trail Runner 3 | Shoe Shop</title>{head}</head><body><main>"
            f"<h1>Trail Runner 3</h1>{_TEXT}{body}</main></body></html>")
    return extract(LexborHTMLParser(html), None)


def _ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


_REVIEW_LIST = ("<section class='product-reviews'><article class='product-review'>"
                "<p>Great shoe, fits well.</p><footer class='product-review__byline'>"
                "By Kim Reader on <time datetime='2025-03-01'>March 1, 2025</time></footer>"
                "</article></section>")


def test_a_customers_review_names_no_author_and_no_date(monkeypatch):
    fields = _fields("", _REVIEW_LIST)
    assert fields["authors"] == [] and fields["published"] is None
    monkeypatch.setattr(readers, "READER_REVIEWS", False)
    fields = _fields("", _REVIEW_LIST)
    assert fields["authors"] == ["Kim Reader"] and fields["published"] == "2025-03-01"


def _microdata(reviews: tuple[tuple[int, str], ...]) -> str:
    return ("<div itemscope itemtype='https://schema.org/Product'><div class='ratings'>"
            + "".join(f"<div itemprop='review' itemscope itemtype='https://schema.org/Review'>"
                      f"<meta itemprop='datePublished' content='2025-0{i}-01'>"
                      f"<span itemprop='author'>{name}</span>"
                      f"<p itemprop='reviewBody'>Fits well.</p></div>" for i, name in reviews)
            + "</div></div>")


_MICRODATA = _microdata(((3, "Kim Reader"), (2, "Lou Buyer")))


def test_review_microdata_of_a_product_names_no_author_and_no_date(monkeypatch):
    # (the <meta itemprop="datePublished"> of each review is no declaration of the page's)
    fields = _fields("", _MICRODATA)
    assert fields["authors"] == [] and fields["published"] is None
    monkeypatch.setattr(readers, "READER_REVIEWS", False)
    assert _fields("", _MICRODATA)["published"] == "2025-03-01"


def test_comment_microdata_is_a_readers():
    body = ("<p class='byline'>By Ann Writer</p><div itemprop='comment' itemscope "
            "itemtype='https://schema.org/Comment'><time datetime='2025-03-01'>1 March</time>"
            "<p>Nice piece.</p></div>")
    fields = _fields("", body)
    assert fields["authors"] == ["Ann Writer"] and fields["published"] is None


def test_an_editors_review_holding_the_headline_is_the_page():
    # The review block wraps the page's <h1>: the editor's review, the page itself.
    html = ("<html><head><title>Trail Runner 3 review</title></head><body>"
            "<article class='customer-review'><h1>Trail Runner 3 review</h1>"
            "<p class='byline'>By Ann Critic</p><time datetime='2025-04-01'>1 April 2025</time>"
            f"{_TEXT}</article></body></html>")
    fields = extract(LexborHTMLParser(html), None)
    assert fields["authors"] == ["Ann Critic"] and fields["published"] == "2025-04-01"
    # a single Review given as a product's review is not taken for a reader's either
    assert _fields("", _microdata(((3, "Ann Critic"),)))["published"] == "2025-03-01"


_PRODUCT = {"@context": "https://schema.org", "@type": "Product", "@id": "#product",
            "name": "Trail Runner 3"}
_REVIEW = {"@context": "https://schema.org", "@type": "Review", "@id": "#r1",
           "author": {"@type": "Person", "name": "Kim Reader"}, "datePublished": "2025-03-01"}


def test_a_json_ld_review_of_the_pages_product_is_a_customers(monkeypatch):
    listed = _ld({"@context": "https://schema.org", "@graph": [
        {**_PRODUCT, "review": [{"@id": "#r1"}]}, _REVIEW]})
    reviewing = _ld(_PRODUCT) + _ld({**_REVIEW, "itemReviewed": {"@type": "Product",
                                                                  "name": "Trail Runner 3"}})
    several = _ld(_REVIEW) + _ld({**_REVIEW, "@id": "#r2", "author": "Lou Buyer"})
    for head in (listed, reviewing, several):
        fields = _fields(head, "")
        assert fields["authors"] == [] and fields["published"] is None, head
    monkeypatch.setattr(readers, "READER_REVIEW_LD", False)
    assert _fields(listed, "")["authors"] == ["Kim Reader"]


def test_an_editors_json_ld_review_is_the_pages():
    head = _ld({**_REVIEW, "author": {"@type": "Person", "name": "Ann Critic"},
                "itemReviewed": {"@type": "Product", "name": "Trail Runner 3"}})
    fields = _fields(head, "")
    assert fields["authors"] == ["Ann Critic"] and fields["published"] == "2025-03-01"


def test_reader_words():
    for value in ("product-reviews__list", "customer-review js-review", "review-card",
                  "userReview", "testimonials", "comments-area", "commentlist"):
        assert readers._reader_words(value), value
    for value in ("review", "review-meta", "reviewer", "preview-card", "article-body",
                  "has-comments", "comments-open", "comments-link", "commentary"):
        assert not readers._reader_words(value), value


_COMMENTS = ("<section id='comments'><article id='comment-1' class='comment'><header><span "
             "class='author vcard'>By Kim Reader</span> <time datetime='2025-03-01'>March 1, "
             "2025</time></header><p>Nice.</p></article></section>")


def test_a_comment_written_as_an_article_of_its_own_is_a_readers(monkeypatch):
    # (the comment's own <article> stopped the older walk up to a "comments" block)
    fields = _fields("", _COMMENTS)
    assert fields["authors"] == [] and fields["published"] is None
    listed = ("<ol class='commentlist'><li><article><footer><p class='byline'>By Kim Reader</p>"
              "<time datetime='2025-03-01'>March 1, 2025</time></footer></article></li></ol>")
    assert _fields("", listed)["authors"] == []
    # a Comment item is a reader's, a property of the page's item or not
    item = ("<div itemscope itemtype='https://schema.org/Comment'><p class='byline'>By Kim "
            "Reader</p><time datetime='2025-03-01'>March 1, 2025</time></div>")
    assert _fields("", item)["published"] is None
    # a page's layout flag is no comment block
    flagged = ("<div class='post has-comments'><p class='byline'>By Ann Writer</p>"
               "<time datetime='2025-04-01'>April 1, 2025</time></div>")
    assert _fields("", flagged)["published"] == "2025-04-01"
    monkeypatch.setattr(readers, "READER_COMMENTS", False)
    fields = _fields("", _COMMENTS)
    assert fields["authors"] == ["Kim Reader"] and fields["published"] == "2025-03-01"
