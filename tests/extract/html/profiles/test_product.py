"""The product profile: the description and specification table stay, customer reviews and
"customers also bought" go, even when the reviews hold more prose than the description."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import convert

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
    markup = product.product_markup(_page())
    assert markup is not None
    tree = LexborHTMLParser(markup)
    text = tree.body.text()
    assert "pockets galore" in text and "25 liters" in text
    assert "Review 3" not in text and "Customers also bought" not in text


def test_a_page_naming_no_shop_blocks_is_left_alone():
    assert product.product_markup(f"<html><body>{_DESCRIPTION}</body></html>") is None


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


def _body(markup: str):
    return LexborHTMLParser(markup).body


def test_a_body_or_wrapper_named_for_reviews_is_not_removed():
    # WooCommerce themes name the body "single-product-reviews-..." (wcxb-dev 0600, tune):
    # removing it lost the whole page.
    html = (f"<html><body class='single-product single-product-reviews-below'>"
            f"<div class='product-with-reviews'><h1>Trail 25 Pack</h1>{_DESCRIPTION}</div>"
            f"<section id='reviews'>{_review(1)}</section></body></html>")
    text = _body(product.product_markup(html)).text()
    assert "Trail 25 Pack" in text and "pockets galore" in text and "Review 1" not in text


def test_collapsed_tab_and_accordion_panels_are_shown_but_not_dialogs():
    html = ("<html><body><h1>Camera</h1>"
            "<div role='tabpanel' hidden><p>Specifications: 24.3 MP sensor</p></div>"
            "<div class='accordion__panel' style='display:none'><p>Care: wipe clean</p></div>"
            "<div class='tab-content is-hidden'><p>Warranty: two years</p></div>"
            "<div class='data-[state=open]:animate-accordion-down overflow-hidden' "
            "role='region'><p>Kit contents: strap, charger</p></div>"
            "<div class='modal' hidden><p>Sign up for our newsletter</p></div>"
            "<div class='gallery overflow-hidden'><p>Slide</p></div></body></html>")
    body = _body(product.product_markup(html))
    from convert.extract.html.dom import hidden_by
    shown = {p.text(): not any(hidden_by(a.attributes) or "overflow-hidden" in (
        a.attributes.get("class") or "") for a in _ancestors(p)) for p in body.css("p")}
    assert shown == {"Specifications: 24.3 MP sensor": True, "Care: wipe clean": True,
                     "Warranty: two years": True, "Kit contents: strap, charger": True,
                     "Sign up for our newsletter": False, "Slide": False}


def _ancestors(node):
    while node is not None and node.tag != "body":
        yield node
        node = node.parent


def _card(i: int, price: str = "$12.99") -> str:
    return (f"<div class='tile'><a href='/p/{i}'><img src='{i}.jpg'>Jacket {i}</a>"
            f"<span>{price}</span></div>")


def test_unnamed_runs_of_priced_product_cards_are_removed():
    # "Complete the look", "How about these?": no class names them, their cards do.
    cards = "".join(_card(i) for i in range(5))
    sizes = "".join(f"<li><button>Size {s}</button> <span>€49.99</span></li>" for s in "SMLX")
    html = (f"<html><body><h1>Faux leather jacket</h1><ul class='sizes'>{sizes}</ul>"
            f"{_DESCRIPTION}<h2>How about these?</h2><div class='grid'>{cards}</div>"
            f"</body></html>")
    text = _body(product.product_markup(html)).text()
    assert "Jacket 3" not in text
    assert "Size M" in text and "pockets galore" in text


def test_a_run_of_linked_cards_without_prices_stays():
    cards = "".join(f"<div class='tile'><a href='/g/{i}'>Photo {i}</a></div>" for i in range(5))
    assert product.product_markup(f"<html><body><div>{cards}</div></body></html>") is None


def test_specification_names_wrapped_in_divs_survive_cleaning(monkeypatch):
    # A design system's description list wraps every name in a <div> (wcxb-dev 0620, tune):
    # the cascade's cleaning dropped each short <div>, leaving the values without names.
    rows = "".join(f"<dt class='k'><div class='box'>{name}</div></dt><dd class='v'>{value}</dd>"
                   for name, value in (("Seat Cushion Thickness", "4 in"), ("Frame Material",
                                       "Manufactured Wood"), ("Weight Capacity", "275 lb."),
                                       ("Upholstery Material", "Vinyl")))
    html = ("<html><body><nav><a href='/'>Shop</a></nav><main><h1>Vinyl Executive Chair</h1>"
            "<p>A high-back executive chair with hand-applied brass nail trim, a padded seat and "
            "fixed wooden arms, for long days at the desk.</p><h2>Specifications</h2>"
            f"<dl class='specs'>{rows}</dl></main></body></html>")
    body = _body(product.product_markup(html))
    assert body.css_first("dt div") is None and "Seat Cushion Thickness" in body.text()
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    text = " ".join(block_texts(found.blocks))
    assert "Seat Cushion Thickness" in text and "Manufactured Wood" in text



def test_a_section_headed_as_other_products_is_removed():
    # Shops hash their class names (the pattern of a Zalando page, wcxb-dev-extra 0625 tune):
    # only the heading says the carousel is other products.
    html = ("<html><body><h1>Faux leather jacket</h1><div class='x1'><p>A faux leather jacket "
            "with a turn-down collar.</p></div><div class='x2'><div class='x3'><h2><div>"
            "Complete the look</div><div>Outfit inspiration</div></h2><ul><li><a href='/a'>"
            "Jeans</a></li></ul></div></div><h2>More Brands</h2><ul><li><a href='/b'>adidas"
            "</a></li></ul><h2>Material &amp; care</h2><p>100% polyester</p></body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text()
    assert "turn-down collar" in text and "100% polyester" in text
    assert "Outfit" not in text and "Jeans" not in text and "adidas" not in text


def test_a_block_named_for_other_products_by_its_test_id_is_removed():
    # Hashed class names, a test id that says what the block is (the pattern of wcxb-dev
    # 0621 tune): "Frequently Bought Together" goes, the description stays.
    html = ("<html><body><h1>Pro Tech Toolkit</h1><div class='css-a1'><p>64 precision bits "
            "for phones and laptops.</p></div><div data-testid='product-cross-sell' "
            "class='css-wpvvtu'><p>Frequently Bought Together</p><p>Anti-static wrist strap"
            "</p></div></body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text()
    assert "precision bits" in text and "wrist strap" not in text


def test_product_cards_removal_does_not_walk_up_from_every_later_element(monkeypatch):
    # After a run is removed, the elements after it were each checked against it by a walk
    # to the root: quadratic in a deep page (4000 levels took 1.7 s).
    from convert.extract.html.profiles import product as module
    cards = "<div class='x'>" + "".join(
        f"<div class='c'><a href='/p{i}'>Thing {i}</a> $9.99</div>" for i in range(4)) + "</div>"
    n = 2000
    html = "<body>" + cards + "<div>" * n + "<p>Deep text</p>" + "</div>" * n + "</body>"
    tree = LexborHTMLParser(html)
    calls = []
    inside = module.inside
    monkeypatch.setattr(module, "inside", lambda *a: calls.append(1) or inside(*a))
    assert product.without_product_cards(tree.body)
    assert tree.body.css_first(".x") is None and "Deep text" in tree.body.text()
    assert len(calls) < n


def test_a_product_profile_leaving_nothing_keeps_the_cascade(monkeypatch):
    # A page read as a product whose content is a run of priced cards: the profile removes
    # them as other products and keeps only the title, which the tidying then drops. The
    # page converted before the profile; it must not fail because of it.
    monkeypatch.setattr(profiles, "page_type", lambda *a: ("product", 1.0, None))
    cards = "".join(
        f"<li class='card'><a href='/r/{i}'><h3>Item {i} title words here</h3></a>"
        f"<p>Short description of item {i}, long enough to read.</p><span>${10 + i}.00</span></li>"
        for i in range(8))
    html = f"<html><body><div class=wrap><h1>Recipes</h1><ul class=grid>{cards}</ul></div></body></html>"
    article = convert.parse(html.encode())
    assert "Item 7 title words here" in convert.render(article, "txt").decode()


def test_sections_headed_as_viewed_related_or_the_sellers_other_items_are_removed():
    # The headings of an eBay item page (wcxb-dev 2991 tune), its class names hashed: "People
    # who viewed this item also viewed", "Explore related items", "Seller's other items".
    cards = "<ul><li><a href='/i/1'>Kupplungssatz VALEO 827163 für IVECO DAILY</a></li></ul>"
    html = ("<html><body><h1>LuK 628318200 Kupplungssatz</h1><div class='x1'><p>EUR 355.58</p>"
            f"</div><div class='a'><h2>People who viewed this item also viewed</h2>{cards}</div>"
            f"<div class='b'><h2>Explore related items</h2>{cards}</div>"
            f"<div class='c'><h2>Seller's other items</h2>{cards}</div>"
            "<div class='d'><h2>About this item</h2><p>Item number: 404928375058</p></div>"
            "</body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text()
    assert "EUR 355.58" in text and "404928375058" in text and "About this item" in text
    assert "VALEO" not in text and "viewed" not in text and "Explore" not in text


def test_sections_headed_as_the_shops_picks_are_removed(monkeypatch):
    # The headings of iFixit ("Featured Products", wcxb-dev-extra 2982 tune), Newegg ("Best
    # Sellers", 2890 tune), Sweetwater ("Most Popular Accessories & Related Items", 2893 tune)
    # and B&H ("YOUR RECENTLY VIEWED ITEMS", wcxb-dev 3039 tune) product pages.
    cards = "<ul><li><a href='/i/1'>Pro Tech Toolkit</a> $74.99</li></ul>"
    html = ("<html><body><h1>Jimmy</h1><div class='x1'><p>Flexible steel blade.</p></div>"
            f"<div class='a'><h2>Featured Products</h2>{cards}</div>"
            f"<div class='b'><h3>Best Sellers</h3>{cards}</div>"
            f"<div class='c'><h2>Most Popular Accessories &amp; Related Items</h2>{cards}</div>"
            f"<div class='d'><h2>YOUR RECENTLY VIEWED ITEMS</h2>{cards}</div>"
            "<div class='e'><h2>Popular with professionals</h2><p>Used in repair shops.</p>"
            "</div></body></html>")
    text = LexborHTMLParser(product.product_markup(html)).body.text()
    assert "Flexible steel blade" in text and "Used in repair shops" in text
    assert "Toolkit" not in text and "Featured" not in text and "VIEWED" not in text
    monkeypatch.setattr(product, "OTHER_PRODUCT_HEADINGS", False)
    markup = product.product_markup(html)
    assert markup is None or "Toolkit" in LexborHTMLParser(markup).body.text()


def test_tooltips_are_removed_but_their_triggers_stay():
    # The patterns of an eBay item page (wcxb-dev-extra 2888 tune: a role=tooltip
    # ``infotip__overlay``) and a shop's <tool-tip> element (wcxb-dev 2990 tune).
    html = ("<html><body><h1>1958 Ford P-350 brochure</h1><p>US $18.00</p><div class='tooltip'>"
            "<span>Shipping: US $15.47</span><span class='infotip__overlay' role='tooltip'>"
            "<span>Import fees may apply on delivery. Customs may apply import fees when your "
            "item arrives.</span></span></div><p>Condition: Used<tool-tip>Used: an item that "
            "has been used previously.</tool-tip></p><div class='tooltip-content'>Save on "
            "combined shipping</div></body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text()
    assert "Shipping: US $15.47" in text and "Condition: Used" in text
    assert "Import fees" not in text and "used previously" not in text
    assert "combined shipping" not in text


def test_an_element_hidden_by_a_namespaced_class_is_removed():
    # The pattern of an Amazon product page (wcxb-dev-extra 3058 tune): its framework hides
    # with ``a-hidden``, an error message and a screen-reader teaser among them.
    html = ("<html><body><h1>AirPods Pro</h1><div class='a-section a-hidden' "
            "id='atwl-dd-error-holder'><span>There was an error retrieving your Wish Lists."
            "</span></div><div class='a-teaser-describedby-collapsed a-hidden'>Brief content "
            "visible, double tap to read full content.</div><p class='a-spacing-base'>Brand: "
            "Apple</p><p class='data-hidden-count'>Item weight: 0.1 Pounds</p></body></html>")
    markup = product.product_markup(html)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text()
    assert "Brand: Apple" in text and "Item weight" in text
    assert "Wish Lists" not in text and "double tap" not in text


def test_longer_namespaces_and_display_none_hide_too(monkeypatch):
    # The patterns of an Etsy listing (wcxb-dev-extra 0616, 0617 tune: ``wt-display-none``
    # hides its shipping-form error and captcha alerts) and an Amazon page (3058 tune:
    # ``aok-hidden``); a breakpoint's copy (``mob-hide``) and a state (``is-hidden``) stay.
    html = ("<html><body><h1>Ceramic mug</h1><p>Wheel thrown stoneware, 350 ml.</p>"
            "<div class='wt-alert wt-display-none'><p>There was a problem calculating your "
            "shipping. Please try again.</p></div><span class='aok-hidden'>Sign in to "
            "continue</span><div class='display-none'>Captcha failed to load.</div>"
            "<div class='mob-hide'>Dishwasher safe.</div><div class='panel is-hidden'>"
            "Glazed inside.</div></body></html>")
    text = LexborHTMLParser(product.product_markup(html)).body.text()
    assert "Wheel thrown" in text and "Dishwasher safe" in text and "Glazed inside" in text
    assert "problem calculating" not in text and "Sign in" not in text
    assert "Captcha" not in text
    monkeypatch.setattr(product, "PREFIXED_HIDDEN", False)
    markup = product.product_markup(html)
    assert markup is None or "problem calculating" in LexborHTMLParser(markup).body.text()


def test_a_list_of_short_links_is_dropped_with_its_own_heading():
    # The pattern of a Zalando product page (wcxb-dev-extra 0625 tune): under the
    # specifications, "More Inspiration" and a column of category links.
    from convert.article import Heading, Link, List, ListItem, Paragraph, Text

    def item(words: str, link: bool = True) -> ListItem:
        inline = Link((Text(words),), "/c") if link else Text(words)
        return ListItem((Paragraph((inline,)),))
    specs = List(tuple(item(t, link=False) for t in ("Outer fabric: 100% polyester",
                                                     "Collar: turn-down", "Fastening: zip")))
    links = List(tuple(item(t) for t in ("Backpacks", "Bomber Jackets", "Dirndl Dresses")))
    chosen = List(tuple(item(t) for t in ("Backpacks", "A long link that reads as a sentence "
                                                       "about the jacket", "Dresses")))
    heading = Heading(2, (Text("More Inspiration"),))
    blocks = [Heading(1, (Text("Faux leather jacket"),)), specs, heading, links]
    assert product.without_link_lists(blocks) == blocks[:2]
    assert product.without_link_lists([specs, chosen]) == [specs, chosen]
    assert product.without_link_lists([links, specs]) == [specs]


def test_sections_headed_as_the_customers_reviews_are_removed(monkeypatch):
    # The headings of a Wayfair page ("Customers say", "Customer Reviews", hashed class names,
    # wcxb-dev 0620 tune) and a Walmart page ("Reviews summary" in an accordion, wcxb-dev 0615
    # tune); a bare "Reviews" titling critics' quotes (a Steam page, wcxb-dev 3075 tune) stays.
    html = ("<html><body><h1>Vinyl Executive Chair</h1><div class='_6o3a1'><p>A padded seat "
            "on a swivel base.</p></div>"
            "<div class='_6o3a2'><div class='_6o3a3'><h2>Customers say</h2><div class='_6o3a4'>"
            "<div>Customers praise this product's comfort and ease of assembly.</div></div>"
            "</div><div class='_6o3a5'><h2>Customer Reviews</h2></div></div>"
            "<section class='expand-collapse-section'><div role='button'><h2><span>Reviews "
            "summary</span></h2></div><p>Pros: handles frozen ingredients.</p></section>"
            "<div class='_6o3a6'><h2>Reviews</h2><p>“The champion of Battle Royales.” 9/10 "
            "– GameSpot</p></div></body></html>")
    text = LexborHTMLParser(product.product_markup(html)).body.text()
    assert "padded seat" in text and "champion of Battle Royales" in text
    assert "praise" not in text and "Customer Reviews" not in text
    assert "frozen ingredients" not in text
    monkeypatch.setattr(product, "REVIEW_HEADINGS", False)
    markup = product.product_markup(html)
    assert markup is None or "praise" in LexborHTMLParser(markup).body.text()


def test_a_review_title_is_the_whole_heading():
    assert product._reviews_title("Reviews for this item (76)")
    assert product._reviews_title("Questions & Answers")
    assert product._reviews_title("Rating snapshot")
    # (a heading naming the product after the words, or a bare "Reviews", is not one)
    assert not product._reviews_title("Customer Reviews of the EVGA 12G-P4-3992-KR")
    assert not product._reviews_title("Reviews")
    assert not product._reviews_title("Review Type")
