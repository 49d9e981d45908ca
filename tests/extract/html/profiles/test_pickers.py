"""The product profile's pickers: the buy box's fieldsets of form fields whose only text is
their labels (rule ``variant_pickers``). Fixtures: synthetic, in the style of Shopify's Dawn
variant radios and a Magento-like quantity box."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.ablation import RULES
from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import pickers
from convert.textutil import block_texts

_SIZES = ("<fieldset class='js product-form__input'><legend class='form__label'>Size</legend>"
          "<input type='radio' id='s-0' name='Size' value='M (UK 6-8)' checked><label "
          "for='s-0'>M (UK 6-8)</label><input type='radio' id='s-1' name='Size' value='L' "
          "class='disabled'><label for='s-1'>L (UK 9-11)<span class='visually-hidden'>Variant "
          "sold out or unavailable</span></label></fieldset>")
_QUANTITY = ("<fieldset class='fieldset'><div class='field qty'><label for='qty'><span>Qty"
             "</span></label><input type='number' id='qty' value='1'></div><button "
             "type='submit'><span>Add to Cart</span></button></fieldset>")
#: A fieldset with text of its own is no picker (a gift note's explanation).
_FORM = ("<fieldset><legend>Gift note</legend><p>We print your message on a card and tuck it "
         "in the box.</p><textarea name='note'></textarea></fieldset>")
_STORY = ("<div class='product__description'><p>Our everyday sock, knitted from merino wool "
          "and recycled nylon for strength at the heel and toe; the cushioned sole softens "
          "long days on your feet, and merino keeps odour down for days.</p></div>")


def _body(markup: str):
    return LexborHTMLParser(f"<html><body>{markup}</body></html>").body


def test_a_picker_is_removed_and_a_form_with_text_stays():
    body = _body(_SIZES + _QUANTITY + _FORM)
    assert pickers.without_pickers(body)
    assert len(body.css("fieldset")) == 1 and "Gift note" in body.text()
    assert not pickers.without_pickers(_body(_FORM))
    # a fieldset with no field is no picker
    assert not pickers.without_pickers(_body("<fieldset><legend>Size</legend></fieldset>"))


def _extract(monkeypatch, html: str) -> str:  # noqa: ANN001
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    assert found is not None
    return "\n".join(block_texts(found.blocks))


def test_the_product_profile_leaves_the_picker_out(monkeypatch):
    html = (f"<html><body><main><h1>Merino Crew Sock</h1>{_SIZES}{_STORY}"
            "<section id='reviews'><p>Lovely socks.</p></section></main></body></html>")
    text = _extract(monkeypatch, html)
    assert "Our everyday sock" in text and "UK 9-11" not in text
    monkeypatch.setattr(pickers, "VARIANT_PICKERS", False)
    assert "UK 9-11" in _extract(monkeypatch, html)


def test_rule_is_declared():
    assert "variant_pickers" in RULES
