"""The listing/collection profile: a grid of cards becomes one AST list, one item per card,
without the facets, sort bar, pagination and "also viewed" carousel around it; a page whose
own prose outweighs the grid keeps the generic extraction."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Link, List, Paragraph, Text
from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import listing
from convert.textutil import article_text, block_texts
from convert.article import Article, Meta


def _card(i: int) -> str:
    return (f"<li class='product-card card-{i}'><a href='/p/{i}'><img src='/i/{i}.jpg' alt=''>"
            f"<h3>Trail bottle model {i}</h3></a><p class='fit'>Wide mouth, 32 fl. oz.</p>"
            f"<span class='price'>${10 + i}.95</span><button>Add to cart</button></li>")


_FACETS = ("<aside class='filters'><ul>" + "".join(
    f"<li class='facet'><a href='?brand={b}'>Brand {b} (12 items)</a></li>" for b in "ABCDE")
    + "</ul></aside>")
_SORT = "<div class='sort-bar'><a href='?sort=price'>Price</a> <a href='?sort=new'>Newest</a></div>"
_PAGER = ("<ul class='pagination'>" + "".join(
    f"<li class='page'><a href='?page={i}'>Page {i} of results</a></li>" for i in range(1, 6))
    + "</ul>")
_ALSO = ("<div class='also-viewed'><ul>" + "".join(
    f"<li class='rec'><a href='/r/{i}'>Recently viewed lantern number {i}</a> $5</li>"
    for i in range(6)) + "</ul></div>")


def _page(cards: int = 8, intro: str = "") -> str:
    return (f"<html><body><nav><a href='/'>Home</a></nav><main><h1>Water bottles</h1>{intro}"
            f"{_FACETS}{_SORT}<ul class='grid'>{''.join(_card(i) for i in range(cards))}</ul>"
            f"{_PAGER}{_ALSO}</main><footer>Copyright</footer></body></html>")


def _text(blocks) -> str:
    return article_text(Article(Meta(), tuple(blocks)))


def test_grid_is_found_without_facets_sort_bar_pagination_or_carousel():
    grid = listing.find(LexborHTMLParser(_page()).body)
    assert grid is not None
    assert len(grid.items) == 8
    blocks = listing.build(grid, Builder("https://shop.example/"))
    assert len(blocks) == 1 and isinstance(blocks[0], List)
    assert len(blocks[0].items) == 8
    text = _text(blocks)
    for i in range(8):
        assert f"Trail bottle model {i}" in text and f"${10 + i}.95" in text
    for chrome in ("Brand A", "Newest", "Page 2", "Recently viewed", "Add to cart"):
        assert chrome not in text


def test_each_item_keeps_its_link():
    grid = listing.find(LexborHTMLParser(_page()).body)
    item = listing.build(grid, Builder("https://shop.example/"))[0].items[0]

    def links(blocks):
        for b in blocks:
            for child in getattr(b, "children", ()):
                if isinstance(child, Link):
                    yield child.url
    assert "https://shop.example/p/0" in list(links(item.blocks))


def test_too_few_cards_is_no_grid():
    assert listing.find(LexborHTMLParser(_page(cards=3)).body) is None


def test_a_run_of_paragraphs_is_no_grid():
    prose = "".join(f"<p>Paragraph {i} about the harbour, with <a href='/x{i}'>a link</a> and "
                    f"enough words to read as prose.</p>" for i in range(8))
    assert listing.find(LexborHTMLParser(f"<html><body><div>{prose}</div></body></html>").body) is None


def test_prose_outweighing_the_grid_keeps_the_generic_blocks():
    grid = listing.build(listing.find(LexborHTMLParser(_page()).body), Builder(None))
    short = [Paragraph((Text("A short introduction to bottles."),))]
    long = [Paragraph((Text("word " * 400),))]
    assert listing.preferred(grid, short)
    assert not listing.preferred(grid, long)


def test_extract_runs_only_for_a_listing_type(monkeypatch):
    tree = LexborHTMLParser(_page())
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("collection", 0.9, {}))
    found = profiles.extract(tree, {}, Builder(None), [])
    assert found is not None and found.name == "collection"
    assert isinstance(found.blocks[0], List)
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("article", 0.9, {}))
    assert profiles.extract(tree, {}, Builder(None), []) is None
    # An unsure classifier keeps the generic extraction.
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("collection", 0.4, {}))
    assert profiles.extract(tree, {}, Builder(None), []) is None


def test_ablated_profile_keeps_the_generic_extraction(monkeypatch):
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("listing", 0.9, {}))
    monkeypatch.setattr(listing, "LISTING_PROFILE", False)
    assert profiles.extract(LexborHTMLParser(_page()), {}, Builder(None), []) is None


def test_rule_is_declared():
    from convert.extract.ablation import RULES
    assert "listing_profile" in RULES and "forum_profile" in RULES
    assert list(block_texts([])) == []
