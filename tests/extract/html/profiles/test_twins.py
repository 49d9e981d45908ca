"""The product profile's twins (:mod:`convert.extract.html.profiles.twins`): a description
written for the phone and the desktop layout is read once, the phone copy going."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.profiles import product, twins


_COPY = ("<p>Make each cup of tea or coffee feel special with a ceramic mug, wheel thrown, "
         "with a matte textured outside and a clear glazed interior.</p>")


def test_the_mobile_twin_of_the_description_is_removed():
    # A shop writes the description for the desktop and the phone layout (the pattern of a
    # Squarespace product page, wcxb-dev-extra 0610 tune): the parse reads it once.
    html = (f"<html><body><h1>Speckle mug</h1><div class='product-description hidden-md-down'>"
            f"{_COPY}</div><button>Add to cart</button><div class='product-description "
            f"hidden-md-up'>{_COPY}</div></body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    body = LexborHTMLParser(markup).body
    assert body.text().count("Make each cup") == 1
    assert body.css_first(".hidden-md-down") is not None  # the first copy stays


def test_a_block_for_one_screen_size_without_a_twin_stays():
    html = (f"<html><body><h1>Speckle mug</h1><div class='showOnMobile'>{_COPY}</div>"
            f"</body></html>")
    assert product.product_markup(html) is None
    assert twins._responsive("showOnMobile") and twins._responsive("hidden-md-up")
    assert not twins._responsive("product-description hidden")


def test_the_phone_copy_is_the_one_that_goes():
    for cls in ("hidden-md-up", "hidden-up-md", "md-hide", "showOnMobile", "visible-xs"):
        assert twins._for_phones(cls), cls
    for cls in ("hidden-md-down", "hidden-down-md", "xs-hide md-block", "showOnDesktop"):
        assert not twins._for_phones(cls), cls
    # The desktop copy comes second here; the phone copy before it goes.
    html = (f"<html><body><h1>Mug</h1><div class='md-hide'>{_COPY}</div>"
            f"<div class='xs-hide md-block'>{_COPY}</div></body></html>")
    body = LexborHTMLParser(product.product_markup(html)).body
    assert body.css_first(".md-hide") is None and body.css_first(".md-block") is not None
