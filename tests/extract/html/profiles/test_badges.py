"""Badges (``card_badges``, ``price_badges``): a card's or a price block's short status
stickers ("Added today", "Sale", "Sold out") are left out; a card's tag list of links, its
title and a longer labelled text stay. Synthetic pages: a property search's cards, a shop
theme's price block printing every state's badge."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article, Meta
from convert.extract import ablation
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import badges, listing, product
from convert.textutil import article_text


def _home(i: int) -> str:
    return (f"<div class='homeCard'><div class='homeCard-images'><a href='/h/{i}'>"
            f"<img src='/h{i}.jpg' alt='Photo'></a><span class='homeCard-tag'>Added today</span>"
            f"</div><h2><a href='/h/{i}'>{i} Orchard Lane</a></h2><p>A bright terrace number {i} "
            f"with a garden.</p><div class='homeCard-tags'><a href='/t/garden'>Garden</a></div>"
            f"<p class='label-note'>Chain free, vacant possession, viewing by appointment only "
            f"this month</p></div>")


def _text(page: str) -> str:
    grid = listing.find(LexborHTMLParser(page).body)
    assert grid is not None
    return article_text(Article(Meta(), tuple(listing.build(grid, Builder(None)))))


_HOMES = "<html><body><main><div class='results'>" + "".join(
    _home(i) for i in range(5)) + "</div></main></body></html>"


def test_a_cards_badge_is_left_out():
    text = _text(_HOMES)
    assert "Added today" not in text
    assert "3 Orchard Lane" in text and "A bright terrace number 3 with a garden." in text
    # (a tag list of links and a longer text stay)
    assert "Garden" in text and "Chain free" in text


def test_card_badges_ablated(monkeypatch):
    monkeypatch.setattr(badges, "CARD_BADGES", False)
    assert "Added today" in _text(_HOMES)


_PRODUCT = ("<html><body><main><h1>Merino Crew Sweater</h1><div class='price price--on-sale'>"
            "<div class='price__container'><span class='price-item'>$120.00</span>"
            "<span class='badge price__badge-sale'>Sale</span>"
            "<span class='badge price__badge-sold-out'>Sold out</span></div></div>"
            "<span class='badge'>Bestseller</span>"
            "<p>Knitted from fine merino wool, soft enough to wear against the skin.</p>"
            "</main></body></html>")


def test_a_price_blocks_badges_are_left_out():
    markup = product.product_markup(_PRODUCT)
    assert markup is not None
    text = LexborHTMLParser(markup).body.text(separator=" ")
    assert "Sale" not in text and "Sold out" not in text
    assert "$120.00" in text and "Knitted from fine merino wool" in text
    # (a badge outside the price block is not the offer's)
    assert "Bestseller" in text


def test_price_badges_ablated(monkeypatch):
    monkeypatch.setattr(badges, "PRICE_BADGES", False)
    assert product.product_markup(_PRODUCT) is None


def test_badge_shapes():
    def badge(html: str) -> bool:
        return badges.is_badge(LexborHTMLParser(html).body.child)
    assert badge("<span class='badge'>New</span>")
    assert badge("<div class='card__ribbon'>Last few left</div>")
    assert not badge("<div class='price-tag'>$39.99</div>")
    assert not badge("<span class='tag__prefix'>#</span>")
    assert not badge("<span class='badge'>Our most loved sweater of the whole season</span>")
    assert not badge("<span class='hashtags'>New</span>")
    assert not badge("<div class='tag'><a href='/t'>News</a></div>")
    assert not badge("<span class='badge'></span>")


def test_rules_are_declared():
    assert {"card_badges", "price_badges"} <= set(ablation.RULES)
