"""A listing card's lines: the item's title, summary, price and rating stay; its byline with
date and counters, its reading time, a line repeating an earlier one and the template's link
lines ("Read more") go; an aria-hidden twin link around the summary is shown."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Article, List, Meta
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import cards, listing
from convert.textutil import article_text


def _text(blocks) -> str:
    return article_text(Article(Meta(), tuple(blocks)))


def _story(i: int) -> str:
    # The shape of a news river card (appleinsider.com/topic/…, wcxb-dev-extra 1310): the
    # summary is a mouse-only twin of the title link, the byline an author link, a time and a
    # comment count.
    return (f"<article class='river-article'><a href='/a/{i}' aria-hidden='true' tabindex='-1'>"
            f"<img src='/i/{i}.jpg' alt=''></a><header><h2><a href='/a/{i}'>Headphones story "
            f"{i} of the week</a></h2><p class='river-desc'><a href='/a/{i}' aria-hidden='true' "
            f"tabindex='-1'>What the headphones of story {i} changed for listeners.</a></p>"
            f"<div class='river-aux'><a href='/editor/x' class='river-author'>Marko Zivkovic</a>"
            f" <time datetime='2025-10-21'>1 month ago</time> <a href='/d/{i}' class='badge "
            f"comment'>{i}</a></div><div>{i + 2} min read</div><p><a href='/a/{i}'>Read more</a>"
            f"</p></header></article>")


def _river(n: int = 6) -> str:
    return ("<html><body><main><section class='news'>" + "".join(_story(i) for i in range(n))
            + "</section></main></body></html>")


def _built(page: str):
    grid = listing.find(LexborHTMLParser(page).body)
    assert grid is not None
    blocks = listing.build(grid, Builder("https://news.example/"))
    assert len(blocks) == 1 and isinstance(blocks[0], List)
    return blocks[0]


def test_card_keeps_title_and_summary_drops_byline_reading_time_and_read_more():
    river = _built(_river())
    first = _text(river.items[0].blocks)
    assert "Headphones story 0 of the week" in first
    assert "What the headphones of story 0 changed for listeners." in first
    for furniture in ("Marko Zivkovic", "1 month ago", "min read", "Read more"):
        assert furniture not in first


def test_ablated_rules_keep_the_card_lines(monkeypatch):
    monkeypatch.setattr(cards, "CARD_META", False)
    monkeypatch.setattr(cards, "CARD_TEMPLATE_LINKS", False)
    monkeypatch.setattr(cards, "CARD_LINK_TWINS", False)
    first = _text(_built(_river()).items[0].blocks)
    assert "Marko Zivkovic" in first and "Read more" in first
    assert "changed for listeners" not in first


def test_a_date_alone_is_the_items():
    # An events list: the date line is what the item is about.
    page = ("<html><body><main><ul class='events'>" + "".join(
        f"<li class='event'><a href='/e/{i}'>Harbour concert number {i}</a><p><time>Mar {i + 1}"
        f"</time></p><p>Brass band on the quay, free entry for everyone.</p></li>" for i in range(8))
        + "</ul></main></body></html>")
    first = _text(_built(page).items[0].blocks)
    assert "Mar 1" in first


def test_prices_and_item_numbers_stay():
    page = ("<html><body><main><ol class='best'>" + "".join(
        f"<li class='book'><span>#{i + 1}</span><a href='/b/{i}'>Book title number {i}</a>"
        f"<p class='author'>Jane Author</p><p>Hardcover, 320 pages</p><p>${i + 5}.99</p></li>"
        for i in range(8))
        + "</ol></main></body></html>")
    first = _text(_built(page).items[0].blocks)
    assert "#1" in first and "$5.99" in first and "Book title number 0" in first


def test_template_link_needs_half_the_cards():
    blocks = [[_para_link(f"Item {i}"), _para_link("Read more")] for i in range(4)]
    blocks[0].append(_para_link("Only here"))
    kept = cards.without_template_links(blocks)
    texts = [_text(b) for b in kept]
    assert all("Read more" not in t for t in texts)
    assert "Only here" in texts[0]
    # Too few cards to tell a template.
    assert cards.without_template_links(blocks[:2]) == blocks[:2]


def _para_link(text: str):
    from convert.article import Link, Paragraph, Text
    return Paragraph((Link((Text(text),), "https://x.example/"),))


def test_rules_are_declared():
    from convert.extract.ablation import RULES
    for name in ("card_meta", "card_template_links", "card_link_twins", "listing_region",
                 "listing_twins"):
        assert name in RULES
