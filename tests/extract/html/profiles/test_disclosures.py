"""The product profile's disclosures: the panels a reader opens with a button are shown (the
one an ``aria-controls`` names, the one right under its heading), and the titles of the
description's panels, written in buttons, stay as headings. The markup is cut down from tune
pages of the wcxb sets, named at each test (only their structure and a few words kept)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import disclosures, product
from convert.textutil import block_texts

_STORY = ("<p>Keep your day's gear within easy reach in the Trail 25 pack. It is designed to fit "
          "a wide range of body types, and it has pockets galore for quick access to all your "
          "essentials, from snacks to a rain shell, and a sleeve for a water reservoir.</p>")

# wcxb-dev-extra 0590 (beardbrand.com, tune): the ingredients behind a "View all ingredients"
# toggle, a <span role="button" aria-expanded aria-controls> and a panel named "toggle__content".
_TOGGLE = ("<div class='ingredients-toggle'><toggle-tab class='toggle'>"
           "<span role='button' class='toggle__title' tabindex='0' aria-expanded='false' "
           "aria-controls='toggle-7f30'><strong>VIEW ALL INGREDIENTS</strong></span>"
           "<div id='toggle-7f30' class='toggle__content' style='display: none;'>"
           "<p>Norse Winter Beard Oil Ingredients</p><p>Simmondsia Chinensis (Jojoba) Seed Oil, "
           "Crambe Abyssinica (Abyssinian) Seed Oil, Orbignya Oleifera (Babassu) Seed Oil</p>"
           "</div></toggle-tab></div>")

# wcxb-dev 0600 (goshopia.com, tune): the description's second half behind "Read More".
_READ_MORE = ("<button type='button' class='read-link' aria-expanded='false' "
              "aria-controls='readrmwr-69a9'><span>Read More</span></button>"
              "<div class='read_div' id='readrmwr-69a9' aria-hidden='true' style='display: none;'>"
              "<h4>What we love about the Iris dress</h4><p>It is cut from hemp, breathes in the "
              "heat and softens with every wash, a dress for every season of the year.</p></div>")


def _body(markup: str):
    return LexborHTMLParser(markup).body


def test_a_panel_a_disclosure_controls_is_shown():
    body = _body(f"<html><body>{_TOGGLE}{_READ_MORE}</body></html>")
    assert disclosures.show_controlled(body)
    ingredients = body.css_first("#toggle-7f30")
    rest = body.css_first("#readrmwr-69a9")
    for panel in (ingredients, rest):
        assert "style" not in panel.attributes and "aria-hidden" not in panel.attributes


def test_a_menu_or_a_popup_a_button_controls_stays_hidden():
    html = ("<html><body><button aria-expanded='false' aria-controls='sizes'>Size: L</button>"
            "<ul id='sizes' role='listbox' style='display:none'><li>S</li><li>M</li></ul>"
            "<button aria-expanded='false' aria-haspopup='true' aria-controls='cart'>Cart</button>"
            "<div id='cart' hidden><p>Your cart is empty. Continue shopping.</p></div>"
            "</body></html>")
    body = _body(html)
    assert not disclosures.show_controlled(body)
    assert "style" in body.css_first("#sizes").attributes
    assert "hidden" in body.css_first("#cart").attributes


# wcxb-dev 0609 (lesraffineurs.com, tune): the FAQ's answers hidden under their questions.
_FAQ = ("<div class='toggle-prod openit'><div class='bordered asking'>"
        "<h3>Peut-on utiliser ce diffuseur à l'extérieur ?</h3>"
        "<div class='content' style='display: none;'><p>Oui, ce diffuseur d'huiles essentielles "
        "s'utilise aussi bien dans un salon cosy que sur une terrasse ou un balcon.</p></div>"
        "</div></div>")


def test_a_hidden_block_right_under_its_heading_is_shown():
    body = _body(f"<html><body>{_FAQ}</body></html>")
    assert disclosures.show_headed(body)
    assert "style" not in body.css_first("div.content").attributes


def test_a_hidden_label_under_a_heading_stays_hidden():
    body = _body("<html><body><h3>Size</h3><div style='display:none'>Select</div></body></html>")
    assert not disclosures.show_headed(body)


# wcxb-dev-extra 0617 (etsy.com, tune): "Item details" is a <h2> inside the panel's <button>;
# wcxb-dev-extra 2982 (ifixit.com, tune): "Specifications" is a <button> inside a <h3>.
_ETSY = ("<div id='product_details'><button class='wt-content-toggle--btn' "
         "aria-controls='details_toggle'><span><h2>Item details</h2></span></button>"
         "<div id='details_toggle' aria-hidden='false'><p>Materials: Ceramic</p>"
         "<p>Capacity: 350 milliliters</p></div></div>")
_IFIXIT = ("<h3 data-state='open'><button type='button' aria-controls='radix-c' "
           "aria-expanded='true'>Specifications</button></h3>"
           "<div id='radix-c' role='region'><p>Blade: 301 stainless steel, 0.1 mm thick</p></div>")
# A row of tabs above their panels (role="tab", aria-controls).
_TABS = ("<ul role='tablist'><li role='tab' aria-controls='tab-desc'>Description</li>"
         "<li role='tab' aria-controls='tab-ship'>Shipping &amp; returns</li></ul>"
         "<div id='tab-desc' role='tabpanel'><p>Hand thrown stoneware, glazed and fired twice, "
         "safe in the dishwasher.</p></div>"
         "<div id='tab-ship' role='tabpanel'><p>Returns and exchanges accepted within 14 days "
         "of delivery.</p></div>")


# wcxb-dev-extra 0628 (rei.com, tune): the specification table names its accordion's title
# (a <span> in a <div> the script makes a button) with aria-labelledby.
_LABELLED = ("<h2><div class='js-cdr-accordion-button'><span id='tech-specs-label'>Technical Specs"
             "</span></div></h2><p>The pack in numbers.</p><table aria-labelledby='tech-specs-label'>"
             "<tr><th>Weight</th><td>2 lbs. 2 oz.</td></tr><tr><th>Capacity</th><td>25 liters"
             "</td></tr><tr><th>Frame</th><td>Aluminium stay, removable</td></tr></table>")


def test_a_panel_labelled_by_its_title_gets_it_as_a_heading():
    body = _body(f"<html><body>{_LABELLED}</body></html>")
    assert disclosures.with_panel_labels(body)
    table = body.css_first("table")
    assert table.prev.tag == "h3" and table.prev.text() == "Technical Specs"
    # A panel holding its own title is left alone.
    body = _body("<html><body><section aria-labelledby='t'><h2 id='t'>Details</h2><p>"
                 + "Hand thrown stoneware. " * 3 + "</p></section></body></html>")
    assert not disclosures.with_panel_labels(body)


def test_the_titles_of_the_description_panels_stay_as_headings():
    body = _body(f"<html><body>{_ETSY}{_IFIXIT}{_TABS}</body></html>")
    assert disclosures.with_panel_labels(body)
    assert body.css("button") == []  # (unwrapped: the cascade drops every <button>)
    assert [h.text(strip=True) for h in body.css("h2, h3")] == [
        "Item details", "Specifications", "Description"]
    assert body.css_first("#tab-desc").child.tag == "h3"
    # The shop's own panel keeps no title of its own: the golds leave it out.
    assert body.css_first("#tab-ship").child.tag == "p"


def _extract(monkeypatch, html: str) -> str:  # noqa: ANN001
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    assert found is not None
    return "\n".join(block_texts(found.blocks))


def _page(inner: str) -> str:
    return (f"<html><body><main><h1>Beard Oil</h1>{_STORY}{inner}"
            f"<section id='reviews'><p>Great oil, I use it every day.</p></section>"
            f"</main></body></html>")


def test_the_rules_on_and_off_in_the_product_profile(monkeypatch):
    html = _page(_TOGGLE + _READ_MORE + _FAQ + _ETSY)
    text = _extract(monkeypatch, html)
    assert "Simmondsia Chinensis" in text and "breathes in the heat" in text
    assert "Oui, ce diffuseur" in text and "Item details" in text
    for flag in ("CONTROLLED_PANELS", "HEADED_PANELS", "PANEL_LABELS"):
        monkeypatch.setattr(disclosures, flag, False)
    monkeypatch.setattr(product, "COLLAPSED_PANELS", False)
    text = _extract(monkeypatch, html)
    assert "Simmondsia Chinensis" not in text and "breathes in the heat" not in text
    assert "Oui, ce diffuseur" not in text and "Item details" not in text
    assert "pockets galore" in text


# Synthetic, in a Shopify theme's markup: the product's accordions are classed
# "quick-add-hidden" (hidden only in the quick-view popup of a product card).
_QUICK_ADD = ("<div class='product__accordion accordion quick-add-hidden'><details id='Details-1'>"
              "<summary><h2 class='accordion__title'>Materials and care</h2></summary>"
              "<div class='accordion__content rte' id='ProductAccordion-1'><p>Hand wash cold or "
              "machine wash on a wool cycle. Lay flat to dry; do not tumble dry or bleach.</p>"
              "</div></details></div>")


def test_a_conditionally_hidden_panel_loses_its_condition():
    body = _body(f"<div>{_QUICK_ADD}<div class='price no-js-hidden'>$120.00</div>"
                 f"<div class='hidden'>x</div></div>")
    assert disclosures.without_conditions(body)
    assert body.css_first(".accordion").attributes["class"] == "product__accordion accordion"
    # only the panels: a price shown with script, and a bare hidden class, keep their classes
    assert body.css_first(".price").attributes["class"] == "price no-js-hidden"
    assert body.css_first(".hidden") is not None
    assert not disclosures.without_conditions(_body("<div class='fx-hidden accordion'>x</div>"))


def test_conditional_hidden_in_the_product_profile(monkeypatch):
    html = _page(_QUICK_ADD)
    assert "Hand wash cold" in _extract(monkeypatch, html)
    monkeypatch.setattr(disclosures, "CONDITIONAL_HIDDEN", False)
    assert "Hand wash cold" not in _extract(monkeypatch, html)


# Synthetic, in Magento's tab markup: each title is a link to its panel's fragment, each panel
# names its title with aria-labelledby; the panels after the first are display:none.
_LINKED = ("<div class='product data items'>"
           "<div class='data item title' id='tab-label-additional'><a class='data switch' "
           "href='#additional' id='tab-label-additional-title'>More Information</a></div>"
           "<div class='data item content' id='additional' aria-labelledby="
           "'tab-label-additional-title' style='display: none;'><table><tr><th>Style</th>"
           "<td>Hard Shell</td></tr><tr><th>Material</th><td>Recycled nylon, polyurethane "
           "membrane</td></tr><tr><th>Weight</th><td>390 g</td></tr></table></div></div>")


def test_a_panel_its_linked_title_opens_is_shown():
    body = _body(_LINKED)
    assert disclosures.show_linked(body)
    assert "style" not in body.css_first("#additional").attributes
    # a panel naming a label that does not open it (no link, no aria-controls) stays hidden
    body = _body(_LINKED.replace("href='#additional'", "href='/more'"))
    assert not disclosures.show_linked(body)


def test_linked_panels_in_the_product_profile(monkeypatch):
    html = _page(_LINKED)
    assert "Hard Shell" in _extract(monkeypatch, html)
    monkeypatch.setattr(disclosures, "LINKED_PANELS", False)
    assert "Hard Shell" not in _extract(monkeypatch, html)


# Synthetic, in the style of Shopify's Dawn theme: the buy box holds the product's own
# description classed "product__description rte quick-add-hidden" between the variant picker
# and the accordions; the cascade, which chooses its winner with it hidden, dropped it.
_DAWN = ("<div class='product__info-wrapper grid__item'><section class='product__info-container'>"
         "<div class='product__title'><h1>Merino Crew Sock</h1></div>"
         "<div class='price'><span class='price-item'>£18.00 GBP</span></div>"
         "<div class='product__tax caption rte'>Tax included. <a href='/policies/shipping'>"
         "Shipping</a> calculated at checkout.</div>"
         "<fieldset class='product-form__input'><legend>Size</legend><label>M (UK 6-8)</label>"
         "</fieldset><button class='product-form__submit button'>Add to cart</button>"
         "<div class='product__description rte quick-add-hidden'><p>Our everyday sock, "
         "knitted from merino wool and recycled nylon for strength at the heel and toe; the "
         "cushioned sole softens long days on your feet.</p><p>Flat toe seams and a ribbed "
         "arch that holds the sock in place.</p></div>" + _QUICK_ADD
         + "<div class='product__accordion accordion quick-add-hidden'><details id='Details-2'>"
         "<summary><h2 class='accordion__title'>Shipping and returns</h2></summary><div "
         "class='accordion__content rte'><p>Free delivery over £50. Returns within 30 days, "
         "unworn.</p></div></details></div></section></div>")


def test_a_conditionally_hidden_description_joins_the_content(monkeypatch):
    html = f"<html><body><main>{_DAWN}</main><footer>© Shop</footer></body></html>"
    text = _extract(monkeypatch, html)
    assert "Our everyday sock" in text and "ribbed arch" in text
    # where the page shows it: after the variant picker, before the accordion
    assert text.index("M (UK 6-8)") < text.index("Our everyday sock") < text.index("Hand wash")
    assert text.count("Our everyday sock") == 1
    monkeypatch.setattr(disclosures, "DESCRIBED_SHOWN", False)
    assert "Our everyday sock" not in _extract(monkeypatch, html)


def test_hidden_described_takes_only_conditionally_hidden_descriptions():
    from convert.extract.html.profiles import described
    found = disclosures.hidden_described(_DAWN, described.described)
    assert [n.attributes["class"] for n in found] == ["product__description rte"]
    shown = _DAWN.replace(" quick-add-hidden'><p>Our", "'><p>Our")
    assert disclosures.hidden_described(shown, described.described) == []
