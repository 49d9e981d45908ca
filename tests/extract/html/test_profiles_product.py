"""The product profile: the description and specification table stay, customer reviews and
"customers also bought" go, even when the reviews hold more prose than the description."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import product
from convert.textutil import block_texts

_DESCRIPTION = ("<div class='product-description'><h2>About this pack</h2>"
                "<p>Keep your day's gear within easy reach in the Trail 25 pack. It is designed "
                "to fit a wide range of body types, and it has pockets galore for quick access "
                "to all your essentials, from snacks to a rain shell.</p>"
                "<table class='specs'><tr><th>Capacity</th><td>25 liters</td></tr>"
                "<tr><th>Weight</th><td>1 lb. 13 oz.</td></tr></table></div>")


def _review(i: int) -> str:
    return (f"<div class='review'><p>Review {i}: I took this pack on a three mile hike and did "
            f"not need to readjust it once, the shoulder straps are wide, comfortable, and the "
            f"compartments are well thought out, although I would like brighter colours, "
            f"honestly, for finding it in the woods.</p></div>")


_ALSO = ("<div class='also-bought'><h2>Customers also bought</h2><ul>" + "".join(
    f"<li><a href='/p/{i}'>Water bottle {i}, 32 fl. oz., insulated, with a wide mouth</a></li>"
    for i in range(5)) + "</ul></div>")


def _page() -> str:
    reviews = "".join(_review(i) for i in range(6))
    return (f"<html><body><nav><a href='/'>Shop</a></nav><main><h1>Trail 25 Pack</h1>"
            f"<span class='price'>$99.95</span>{_DESCRIPTION}{_ALSO}"
            f"<section id='reviews'>{reviews}</section></main></body></html>")


def test_shop_blocks_are_removed_and_the_description_kept():
    markup = product.without_shop_blocks(_page())
    assert markup is not None
    tree = LexborHTMLParser(markup)
    text = tree.body.text()
    assert "pockets galore" in text and "25 liters" in text
    assert "Review 3" not in text and "Customers also bought" not in text


def test_a_page_naming_no_shop_blocks_is_left_alone():
    assert product.without_shop_blocks(f"<html><body>{_DESCRIPTION}</body></html>") is None


def test_extract_finds_the_description_not_the_reviews(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    html = _page()
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    assert found is not None and found.name == "product"
    text = " ".join(block_texts(found.blocks))
    assert "pockets galore" in text and "25 liters" in text
    assert "Review" not in text and "Water bottle" not in text


def test_ablated_profile_keeps_the_generic_extraction(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    monkeypatch.setattr(product, "PRODUCT_PROFILE", False)
    html = _page()
    assert profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html) is None
