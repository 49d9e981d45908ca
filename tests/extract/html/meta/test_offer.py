"""convert.extract.html.meta.offer: a product page's declared price, currency and availability
(issue #18); synthetic pages in the shapes shops publish (JSON-LD, OpenGraph, microdata)."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

import convert
from convert.extract.html.meta import extract
from convert.extract.html.meta.offer import availability_name, price_text

PROSE = "<p>" + "A sturdy two-person tent with a waterproof fly and aluminium poles. " * 6 + "</p>"


def _fields(head: str = "", body: str = PROSE) -> dict:
    return extract(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"),
                   None)


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _offer(fields: dict) -> tuple:
    return fields["price"], fields["price_currency"], fields["availability"]


def test_json_ld_product_offer():
    head = _ld({"@context": "https://schema.org", "@type": "Product", "name": "Tent",
                "offers": {"@type": "Offer", "price": "249.00", "priceCurrency": "eur",
                           "availability": "https://schema.org/InStock"}})
    assert _offer(_fields(head)) == ("249.00", "EUR", "InStock")


def test_json_ld_numbers_lists_aggregate_offers_and_graphs():
    head = _ld({"@graph": [{"@type": "WebPage"}, {
        "@type": ["Product"], "name": "Tent",
        "offers": [{"@type": "Offer", "price": 19.5, "priceCurrency": "USD",
                    "availability": "http://schema.org/OutOfStock"}]}]})
    assert _offer(_fields(head)) == ("19.5", "USD", "OutOfStock")
    head = _ld({"@type": "Product", "name": "Tent", "offers": {
        "@type": "AggregateOffer", "lowPrice": 99, "highPrice": 150, "priceCurrency": "GBP"}})
    assert _offer(_fields(head)) == ("99", "GBP", None)


def test_opengraph_product_price():
    head = ('<meta property="product:price:amount" content="59,99">'
            '<meta property="product:price:currency" content="EUR">'
            '<meta property="product:availability" content="in stock">')
    assert _offer(_fields(head)) == ("59,99", "EUR", "InStock")


def test_microdata_price():
    body = PROSE + ('<div itemscope itemtype="https://schema.org/Offer">'
                    '<span itemprop="price" content="12.00">$12</span>'
                    '<meta itemprop="priceCurrency" content="USD">'
                    '<link itemprop="availability" href="https://schema.org/PreOrder"></div>')
    assert _offer(_fields(body=body)) == ("12.00", "USD", "PreOrder")


def test_a_listing_of_products_declares_no_single_price():
    items = [{"@type": "ListItem", "position": i, "item": {
        "@type": "Product", "name": f"Tent {i}", "offers": {"@type": "Offer", "price": 10 * i,
                                                            "priceCurrency": "USD"}}}
             for i in (1, 2, 3)]
    assert _offer(_fields(_ld({"@type": "ItemList", "itemListElement": items}))) == (
        None, None, None)
    cards = "".join(f'<div itemscope><span itemprop="price" content="{p}">{p}</span></div>'
                    for p in ("10", "20"))
    assert _offer(_fields(body=PROSE + cards)) == (None, None, None)


def test_an_article_without_offers_has_none():
    head = _ld({"@type": "NewsArticle", "headline": "Tents", "datePublished": "2024-05-01"})
    assert _offer(_fields(head)) == (None, None, None)


@pytest.mark.parametrize("value", ["Free", "call us", "", "1e9", True, None, {"x": 1}, "$12"])
def test_a_price_that_is_no_number_is_not_taken(value):
    assert price_text(value) is None
    head = _ld({"@type": "Product", "name": "Tent",
                "offers": {"@type": "Offer", "price": value, "priceCurrency": "USD"}})
    assert _offer(_fields(head)) == (None, None, None)


def test_availability_names():
    assert availability_name("https://schema.org/InStock") == "InStock"
    assert availability_name("InStock") == "InStock"
    assert availability_name("oos") == "OutOfStock"
    assert availability_name("javascript:alert(1)") is None


def test_the_offer_reaches_the_article_json_and_front_matter(tmp_path):
    page = tmp_path / "tent.html"
    page.write_text("<html><head><title>Tent</title>" + _ld(
        {"@type": "Product", "name": "Tent", "offers": {
            "@type": "Offer", "price": "249.00", "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock"}}) +
        f"</head><body><main><h1>Tent</h1>{PROSE}{PROSE}</main></body></html>")
    article = convert.parse(page)
    doc = json.loads(convert.render(article, "json"))
    assert doc["version"] == "1.2"
    assert (doc["meta"]["price"], doc["meta"]["price_currency"],
            doc["meta"]["availability"]) == ("249.00", "EUR", "InStock")
    md = convert.render(article, "md", front_matter=True).decode()
    assert "price: '249.00'" in md and "currency: EUR" in md


def test_the_rule_can_be_switched_off(monkeypatch):
    import importlib

    module = importlib.import_module("convert.extract.html.meta.offer")

    head = _ld({"@type": "Product", "name": "Tent",
                "offers": {"@type": "Offer", "price": "5", "priceCurrency": "USD"}})
    monkeypatch.setattr(module, "OFFERS", False)
    assert _offer(_fields(head)) == (None, None, None)


def test_a_list_of_price_specifications_gives_the_price_not_the_list_price():
    # WooCommerce's shape (wcxb-dev 0601 tune): the sale price and the struck-through list
    # price as a list of UnitPriceSpecification, no "price" on the offer itself.
    head = _ld({"@type": "Product", "name": "Bird feeder", "offers": [{
        "@type": "Offer", "availability": "https://schema.org/OutOfStock",
        "priceSpecification": [
            {"@type": "UnitPriceSpecification", "price": "149.00", "priceCurrency": "EUR"},
            {"@type": "UnitPriceSpecification", "price": "249.00", "priceCurrency": "EUR",
             "priceType": "https://schema.org/ListPrice"}]}]})
    assert _offer(_fields(head)) == ("149.00", "EUR", "OutOfStock")


def _group(*prices) -> str:
    return _ld({"@type": "ProductGroup", "name": "Trail 25 pack", "hasVariant": [
        {"@type": "Product", "sku": f"sku-{i}", "offers": {
            "@type": "Offer", "price": p, "priceCurrency": "USD",
            "availability": "https://schema.org/InStock"}} for i, p in enumerate(prices)]})


def test_a_product_group_whose_variants_agree_declares_their_price():
    # The shape of REI and Helly Hansen pages (wcxb-dev-extra 0628, wcxb-dev 0606 tune): the
    # offers are on the variants (sizes, colours) of a ProductGroup.
    assert _offer(_fields(_group(99.95, 99.95, 99.95))) == ("99.95", "USD", "InStock")
    # Variants at different prices (Nike's sale sizes, 0624 tune): which one is shown is not
    # declared.
    assert _offer(_fields(_group(116.97, 137.97))) == (None, None, None)


def test_the_variant_offers_rule_can_be_switched_off(monkeypatch):
    import importlib
    offer = importlib.import_module("convert.extract.html.meta.offer")
    monkeypatch.setattr(offer, "VARIANT_OFFERS", False)
    assert _offer(_fields(_group(99.95, 99.95))) == (None, None, None)


def test_opengraph_price_takes_the_microdata_availability(monkeypatch):
    # Magento's shape: OpenGraph tags give price and currency, the microdata offer the stock.
    head = ('<meta property="product:price:amount" content="149.00">'
            '<meta property="product:price:currency" content="EUR">')
    body = (PROSE + '<span itemprop="offers" itemscope itemtype="http://schema.org/Offer">'
            '<meta itemprop="price" content="149"><link itemprop="availability" '
            'href="http://schema.org/InStock"></span>')
    assert _offer(_fields(head, body)) == ("149.00", "EUR", "InStock")
    # another price in the microdata: its stock is another offer's
    assert _offer(_fields(head, body.replace('content="149"', 'content="99"')))[2] is None
    import sys
    monkeypatch.setattr(sys.modules["convert.extract.html.meta.offer"],
                        "MICRODATA_AVAILABILITY", False)
    assert _offer(_fields(head, body))[2] is None
