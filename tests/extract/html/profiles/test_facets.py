"""A listing's unnamed facet lists (``listing_facets``).

Synthetic pages shaped as the tune pages the rule was made for: an event board whose continent
filters sit in an unnamed layout column, each a link and a count badge ("Asia 187"), a shop's
checkbox filters, beside the grid of cards; and the lists with numbers that are content: a
list of prize winners with their counts written in the text, a list of games whose names end
in a number, a grid of category cards each showing its product count.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract import ablation
from convert.extract.html.builder import Builder
from convert.extract.html.profiles import facets, listing
from convert.textutil import block_texts

_REGIONS = [("Asia", 187), ("Africa", 29), ("Europe", 792), ("North America", 394),
            ("Oceania", 38)]
_BRANDS = [("Canon", 12), ("Fujifilm", 7), ("Sony", 31), ("Nikon", 9)]


def _card(i: int) -> str:
    return (f"<div class='event'><h2><a href='/e/{i}'>Data conference number {i}</a></h2>"
            f"<p>Two days of talks about databases and pipelines, in city {i}.</p></div>")


def _page(side: str) -> str:
    return ("<html><body><main><h1>Tech conferences in the Americas</h1>"
            "<div class='columns'><div class='column one-third'>" + side + "</div>"
            "<div class='column'><div class='events'>"
            + "".join(_card(i) for i in range(8)) + "</div></div></div>"
            "</main></body></html>")


def _badges() -> str:
    return "".join(f"<div class='topic'><a href='/{n[:2]}/tech'>{n}</a> <span class='tag'>{c}"
                   f"</span></div>" for n, c in _REGIONS)


def _checkboxes() -> str:
    return ("<ul class='col'>" + "".join(
        f"<li><label><input type='checkbox' name='brand' value='{n}'> {n} "
        f"<span>({c})</span></label></li>" for n, c in _BRANDS) + "</ul>")


def _text(page: str) -> str:
    taken = listing.take(LexborHTMLParser(page).body, Builder(None), [])
    assert taken is not None
    return "\n".join(block_texts(taken[0]))


def test_a_column_of_links_with_count_badges_is_left_out():
    text = _text(_page(_badges()))
    assert "Tech conferences in the Americas" in text
    assert "Data conference number 7" in text
    for name, count in _REGIONS:
        assert name not in text and str(count) not in text


def test_checkbox_filters_are_left_out():
    text = _text(_page(_checkboxes()))
    assert "Data conference number 0" in text
    for name, _ in _BRANDS:
        assert name not in text


def test_facets_ablated(monkeypatch):
    monkeypatch.setattr(facets, "LISTING_FACETS", False)
    text = _text(_page(_badges() + _checkboxes()))
    assert "Asia" in text and "792" in text and "Sony" in text


def test_counts_written_in_the_text_stay():
    # (a count in running text is no counter of its own: the list is content)
    winners = ("<h2>Winners of two prizes</h2><ul>" + "".join(
        f"<li><a href='/w/{i}'>{n}</a> (2)</li>" for i, n in enumerate(
            ["Marie Curie", "Linus Pauling", "Frederick Sanger", "John Bardeen"])) + "</ul>")
    text = _text(_page(winners))
    assert "Marie Curie (2)" in text and "John Bardeen (2)" in text


def test_numbers_in_a_links_name_stay():
    games = ("<h2>Most played</h2><ul>" + "".join(
        f"<li><a href='/g/{i}'>{n} <b>{v}</b></a></li>" for i, (n, v) in enumerate(
            [("Battlefield", 6), ("Overwatch", 2), ("Borderlands", 4)])) + "</ul>")
    text = _text(_page(games))
    assert "Battlefield 6" in text and "Borderlands 4" in text


def test_a_grid_of_category_cards_with_counts_stays():
    # (each card's own count is the card's: the grid is the list, not a facet)
    cats = "".join(f"<li class='cat'><a href='/c/{n}'><img src='/{n}.png' alt=''>"
                   f"<h2>{n} accessories <mark class='count'>({c})</mark></h2></a>"
                   f"<p>Chargers, cables and cases for {n}, shipped the next day.</p></li>"
                   for n, c in _REGIONS + _BRANDS)
    page = ("<html><body><main><h1>Electronics</h1><ul class='products'>" + cats
            + "</ul></main></body></html>")
    root = LexborHTMLParser(page).body
    assert listing.find(root) is not None
    text = _text(page)
    assert "Asia accessories (187)" in text and "Nikon accessories (9)" in text


def test_facet_runs_names_the_parent_of_the_items():
    root = LexborHTMLParser(_page(_badges())).body
    found = facets.facet_runs(root)
    column = root.css_first("div.one-third")
    assert found == {column.mem_id}


def test_rule_is_declared():
    assert "listing_facets" in ablation.RULES


# ------------------------------------------------------------------ sort bars

def _sorted_page() -> str:
    return _page("<p>Sort: Best Match</p><div class='row'><p>Sort by</p></div>"
                 "<p>Sort the cards by the date of the talk to plan your year.</p>")


def test_a_sort_controls_label_is_left_out():
    text = _text(_sorted_page())
    assert "Sort: Best Match" not in text and "Sort by" not in text
    # (a sentence about sorting is text, not a control's label)
    assert "Sort the cards by the date of the talk to plan your year." in text
    assert "Data conference number 3" in text


def test_sort_lines_ablated(monkeypatch):
    monkeypatch.setattr(facets, "LISTING_SORT_LINES", False)
    text = _text(_sorted_page())
    assert "Sort: Best Match" in text and "Sort by" in text


def test_sort_line_shapes():
    for label in ("Sort: Best Match", "Sort by", "Sort by|", "Order by: Newest", "SORT BY Price"):
        assert facets.SORT_LINE.fullmatch(label), label
    for text in ("Sorted by date, the oldest first", "Sort by: Price low to high, then by name",
                 "Best Match", "Resort: the best match."):
        assert not facets.SORT_LINE.fullmatch(text), text


def test_sort_rule_is_declared():
    assert "listing_sort_lines" in ablation.RULES


# ------------------------------------------------------ result counters, alert buttons

def _counted_page() -> str:
    return _page("<div class='bar'><p>Showing 1–8 of 248 results</p></div><p>248 results</p>"
                 "<p>Page 2 of 9</p><p><a href='/alerts'>Save this search</a></p>"
                 "<p>We found 248 results for you, sorted by the date of the talk.</p>")


def test_a_result_counter_and_an_alert_button_are_left_out():
    text = _text(_counted_page())
    for line in ("Showing 1–8 of 248 results", "248 results\n", "Page 2 of 9",
                 "Save this search"):
        assert line not in text + "\n", line
    # (a sentence holding a count is text)
    assert "We found 248 results for you, sorted by the date of the talk." in text
    assert "Data conference number 3" in text


def test_result_counts_and_alert_calls_ablated(monkeypatch):
    monkeypatch.setattr(facets, "LISTING_RESULT_COUNTS", False)
    monkeypatch.setattr(facets, "LISTING_ALERT_CALLS", False)
    text = _text(_counted_page())
    assert "Showing 1–8 of 248 results" in text and "Page 2 of 9" in text
    assert "Save this search" in text


def test_result_count_and_alert_shapes():
    for line in ("Showing 1–20 of 248 results", "248 results", "Page 2 of 9", "(154 products)",
                 "1-30 of 154 products", "Displaying 21 to 40 of 1,204", "12 jobs found"):
        assert facets.RESULT_COUNT.fullmatch(line), line
    for line in ("248", "Results", "Top 10 results of the year", "Page 2"):
        assert not facets.RESULT_COUNT.fullmatch(line), line
    for line in ("Save this search", "Create job alert", "Get email alerts", "Set up an alert"):
        assert facets.ALERT_CALL.fullmatch(line), line
    for line in ("Save", "Search", "Save 20% on this search engine course"):
        assert not facets.ALERT_CALL.fullmatch(line), line


def test_count_rules_are_declared():
    assert {"listing_result_counts", "listing_alert_calls"} <= set(ablation.RULES)
