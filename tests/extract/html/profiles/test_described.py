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
