"""The product profile's email boxes (:mod:`convert.extract.html.profiles.signups`): a
newsletter sign-up or a back-in-stock alert goes with its title, pitch and messages; the
product's own blocks stay."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.profiles import product, signups


# The pattern of an Allbirds product page (wcxb-dev-extra 0580 tune): a back-in-stock box
# with its pitch and the messages its script shows, beside the product's description.
_PAGE = ("<html><body><main><h1>Men's Wool Runner</h1><div class='pdp'>"
         "<p>A true original, our Wool Runner combines soft Merino wool with a cushioned "
         "midsole for all-day comfort: a sneaker for trips to the store, dinner with friends "
         "or a walk, that is machine washable, odor minimizing and made from natural "
         "materials wherever we can, with a lower carbon footprint than the sneakers it "
         "replaces on your shelf.</p>"
         "<div class='notify'><h3>Notify me when back in stock</h3><p>Once limited edition "
         "colors sell out, they are gone for good.</p><form><input type='email' "
         "name='notifyEmail'><button>Get Notified</button></form>"
         "<div v-if='isNotifyModalSuccess'><h3>It's Official</h3></div>"
         "<div v-if='isNotifyModalError'><h3>Oops! Something went wrong.</h3></div></div>"
         "<div class='footer-signup'><h4>Deals, drops and trends</h4><label>Your email "
         "address<input type='text' placeholder='Email'></label></div>"
         "</div></main></body></html>")


def _text(html: str) -> str:
    markup = product.product_markup(html)
    return LexborHTMLParser(markup if markup is not None else html).body.text()


def test_email_boxes_go_with_their_title_pitch_and_messages():
    text = _text(_PAGE)
    assert "Wool Runner" in text and "Merino wool" in text
    assert "Notify me" not in text and "gone for good" not in text
    assert "It's Official" not in text and "Oops" not in text
    assert "Deals, drops" not in text


def test_a_box_never_grows_to_the_products_name_or_description():
    # A sign-up right beside the <h1>, in the same small wrapper: only the form goes.
    html = ("<html><body><div class='buy'><h1>Mug</h1><p>Stoneware, 350 ml.</p><form>"
            "<input type='email'><button>Alert me</button></form></div></body></html>")
    text = _text(html)
    assert "Mug" in text and "Stoneware" in text and "Alert me" not in text


def test_other_fields_are_not_email_boxes():
    html = ("<html><body><h1>Mug</h1><div class='qty'><p>Quantity</p><input type='number'>"
            "</div><div class='search'><input type='search' name='q'></div></body></html>")
    assert "Quantity" in _text(html)


def test_ablated_email_boxes_stay(monkeypatch):
    monkeypatch.setattr(signups, "EMAIL_BOXES", False)
    assert "Notify me" in _text(_PAGE)
