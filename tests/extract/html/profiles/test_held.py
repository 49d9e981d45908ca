"""The listing the cascade's content already holds, and more (``listing_generic_holds``).

Synthetic pages: a shop's landing page whose row of product tiles is one of its sections (the
shape of a shop's home page among the wcxb tune pages: a hero, its favourites, its customers'
quotes), and a category page whose cascade found the grid alone.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Heading, Paragraph, Text
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import held, listing
from convert.textutil import block_texts


def _tile(i: int) -> str:
    return (f"<div class='tile'><a href='/p/{i}'><h3>Foam roller model {i}</h3></a>"
            f"<p>Firm, 30 cm, for the back and the legs, after a run or a day at the desk.</p></div>")


_TILES = "<div class='tiles'>" + "".join(_tile(i) for i in range(8)) + "</div>"
_QUOTES = ["The roller helped my back after every run, I take it on every trip now.",
           "Fast delivery, easy payment, and the customer service answered within an hour.",
           "My physiotherapist recommended it and I felt the difference from the first day."]


def _landing() -> str:
    # (no page heading: the profile takes the grid alone, not a region around it)
    return ("<html><body><main>"
            "<section><h2>Our favourites</h2>" + _TILES + "</section>"
            "<section><h2>What our customers say</h2>"
            + "".join(f"<blockquote><p>{q}</p></blockquote>" for q in _QUOTES)
            + "</section></main></body></html>")


def _grid_blocks():
    grid = listing.find(LexborHTMLParser(_landing()).body)
    assert grid is not None and len(grid.items) == 8
    return listing.build(grid, Builder(None))


def _cascade(extra: list[str]):
    """What the cascade finds: every line of the tiles, then the ``extra`` lines, as headings
    (the page's other sections: no running text to outweigh the grid on its own)."""
    lines = list(block_texts(_grid_blocks()))
    return ([Heading(2, (Text("Our favourites"),))] + [Paragraph((Text(t),)) for t in lines]
            + [Heading(3, (Text(t),)) for t in extra])


def test_a_cascade_holding_the_tiles_and_more_keeps_its_content():
    generic = _cascade(_QUOTES * 2)
    assert held.holds(_grid_blocks(), generic)
    assert listing.take(LexborHTMLParser(_landing()).body, Builder(None), generic,
                        "collection") is None


def test_a_cascade_holding_the_tiles_alone_gives_way_to_the_list():
    # (about as many words: the list is the cascade's content, built as a list)
    generic = _cascade([])
    assert not held.holds(_grid_blocks(), generic)
    assert listing.take(LexborHTMLParser(_landing()).body, Builder(None), generic,
                        "collection") is not None


def test_a_cascade_missing_the_tiles_does_not_hold_them():
    generic = [Paragraph((Text(q * 3),)) for q in _QUOTES]  # (more words, none of the tiles)
    assert not held.holds(_grid_blocks(), generic)


def test_generic_holds_ablated(monkeypatch):
    monkeypatch.setattr(held, "LISTING_GENERIC_HOLDS", False)
    generic = _cascade(_QUOTES * 2)
    assert not held.holds(_grid_blocks(), generic)
    assert listing.take(LexborHTMLParser(_landing()).body, Builder(None), generic,
                        "collection") is not None


def test_rule_is_declared():
    from convert.extract.ablation import RULES
    assert "listing_generic_holds" in RULES
