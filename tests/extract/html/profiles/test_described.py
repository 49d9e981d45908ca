"""A product page's own text (:mod:`convert.extract.html.profiles.described`): the blocks it
marks as its description, the description it declares, a block read twice."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.profiles import described
from convert.textutil import block_texts


def _body(markup: str):  # noqa: ANN202
    return LexborHTMLParser(markup).body


def test_described_blocks_join_the_winner_in_document_order():
    html = ("<html><body><main><h1>Trail 25 Pack</h1><div id='winner'><p>"
            + "Keep your gear within reach. " * 8 + "</p></div>"
            "<div class='product-specifications'><table><tr><th>Capacity</th><td>25 liters"
            "</td></tr><tr><th>Weight</th><td>1 lb. 13 oz.</td></tr><tr><th>Frame</th><td>"
            "Aluminium stay, removable, with a ventilated back panel and hip belt pockets"
            "</td></tr></table><p>Fits torsos from 15 to 21 inches, with an adjustable harness.</p></div></main>"
            "<div class='cookie-description'><p>" + "Strictly necessary cookies. " * 8
            + "</p></div></body></html>")
    body = _body(html)
    winner = body.css_first("#winner")
    nodes = described.with_described([winner])
    assert [n.attributes.get("id") or n.attributes.get("class") for n in nodes] == [
        "winner", "product-specifications"]


def test_a_described_block_holding_the_winner_replaces_it():
    html = ("<html><body><div id='product-details'><ul><li>5760 CUDA cores</li>"
            "<li>12GB GDDR5</li></ul><div id='winner'><p>" + "A gaming monster. " * 10
            + "</p></div></div></body></html>")
    body = _body(html)
    nodes = described.with_described([body.css_first("#winner")])
    assert [n.attributes.get("id") for n in nodes] == ["product-details"]


_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
       '"Product", "name": "Quarter socks", "description": "These Quarters are engineered for '
       'comfort and designed to stand out. Higher than an ankle sock, lower than a calf sock, '
       'just right for a million different shoes, styles, looks, activities, and lazy '
       'Sundays."}</script>')


def test_the_declared_description_is_added_when_the_page_lacks_it():
    # The pattern of a shop rendering its description with a script (wcxb-dev-extra 0582
    # tune): the JSON-LD Product still declares it.
    html = f"<html><head>{_LD}</head><body><h1>Quarter socks</h1></body></html>"
    assert described.declared_description(html).startswith("These Quarters are engineered")
    blocks = described.with_declared([], html)
    assert "lazy Sundays" in " ".join(block_texts(blocks))


def test_the_declared_description_is_not_added_twice():
    html = f"<html><head>{_LD}</head><body></body></html>"
    shown = described.with_declared([], html)
    assert described.with_declared(shown, html) == shown
    assert described.declared_description("<p>no declarations</p>") is None


def test_a_short_declared_description_is_not_added():
    html = ('<script type="application/ld+json">{"@type": "Product", "description": '
            '"Warm socks."}</script>')
    assert described.declared_description(html) == "Warm socks."
    assert described.with_declared([], html) == []


def test_a_block_repeated_word_for_word_is_read_once():
    from convert.article import Paragraph, Text
    para = Paragraph((Text("Great customer service, easy returns, and thousands of messages."),))
    label = Paragraph((Text("Size"),))
    blocks = [para, label, Paragraph((Text("Handmade in Dublin."),)), para, label]
    assert described.without_repeats(blocks) == blocks[:3] + [label]


# wcxb-dev-extra 2888 (ebay.com, tune): "Item specifics" is a grid of one-term lists
# (<dl class="ux-labels-values">, one name and its value each) in a tab beside the buy box.
_SPECIFICS = ("<div class='x-about-this-item'><h2>Item specifics</h2><div class='rows'>"
              + "".join(f"<div class='col'><dl class='ux-labels-values'><dt><span>{name}</span>"
                        f"</dt><dd><span>{value}</span></dd></dl></div>"
                        for name, value in (("Condition", "Used: An item that has been used "
                                             "previously"), ("Country of Origin", "United States"),
                                            ("Year", "1958"), ("Brand", "Ford")))
              + "</div></div>")


def _spec_page(footer: str = "") -> str:
    return ("<html><body><main><h1>1958 Ford P-350 sales brochure</h1><div id='winner'><p>"
            + "Original eight page dealer brochure, folded once, no tears. " * 4 + "</p></div>"
            + _SPECIFICS + "</main>" + footer + "</body></html>")


def test_a_specification_grid_outside_the_content_joins_it(monkeypatch):
    body = _body(_spec_page())
    nodes = described.with_spec_tables([body.css_first("#winner")])
    assert [n.attributes.get("id") or n.attributes.get("class") for n in nodes] == [
        "winner", "rows"]
    # ablated: the content as found
    monkeypatch.setattr(described, "SPEC_TABLES", False)
    from convert.extract.html import profiles
    from convert.extract.html.builder import Builder
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("product", 0.9, {}))
    html = _spec_page().replace("<main>", "<main><div class='reviews'><p>ok</p></div>")
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    assert found is None or "Country of Origin" not in " ".join(block_texts(found.blocks))
    monkeypatch.setattr(described, "SPEC_TABLES", True)
    found = profiles.extract(LexborHTMLParser(html), {}, Builder(None), [], html)
    assert "Country of Origin" in " ".join(block_texts(found.blocks))


def test_a_layout_table_or_a_footer_grid_is_no_specification():
    layout = ("<table><tr><td>Home</td><td>Shop</td><td>Cart</td></tr>"
              "<tr><td colspan='3'><p>" + "A long story of the shop. " * 10 + "</p></td></tr></table>")
    footer = "<footer>" + _SPECIFICS + "</footer>"
    body = _body("<html><body><div id='winner'><p>Text.</p></div>" + layout + footer
                 + "</body></html>")
    assert described.spec_tables(body) == []


def _self_linked(head: str) -> LexborHTMLParser:
    return LexborHTMLParser(
        f"<html><head>{head}</head><body><section class='product__info'>"
        "<h1>Merino Crew</h1><div class='product__description'><p>Knitted from fine merino, "
        "see <a href='/products/merino-crew'>the Crew</a> in oat.</p></div>"
        "<share-button>Share</share-button>"
        "<a href='/products/merino-crew' class='link product__view-details'>View full details</a>"
        "<div><a href='/products/merino-crew#reviews'>Reviews</a></div>"
        "</section></body></html>")


_CANONICAL = "<link rel='canonical' href='https://shop.example/products/merino-crew'>"


def test_a_lone_short_link_to_the_page_itself_goes():
    tree = _self_linked(_CANONICAL)
    assert described.without_self_links(tree)
    text = tree.body.text()
    assert "View full details" not in text
    # a link in prose stays, and so does one to a fragment of the page
    assert "the Crew" in text and "Reviews" in text
    # og:url declares the address too; without any the page's own address is unknown
    tree = _self_linked("<meta property='og:url' content='https://shop.example/products/merino-crew/'>")
    assert described.without_self_links(tree)
    assert not described.without_self_links(_self_linked(""))


def test_self_links_in_the_product_profile(monkeypatch):
    from convert.extract.html.profiles import product
    html = _self_linked(_CANONICAL).html.replace(
        "</section>", "<section id='reviews'><p>Great, warm and soft.</p></section></section>")
    assert "View full details" not in LexborHTMLParser(product.product_markup(html)).body.text()
    monkeypatch.setattr(described, "SELF_LINKS", False)
    assert "View full details" in LexborHTMLParser(product.product_markup(html)).body.text()
