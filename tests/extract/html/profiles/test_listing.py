"""The listing/collection profile: a grid of cards becomes one AST list, one item per card,
without the facets, sort bar, pagination and "also viewed" carousel around it; a page whose
own prose outweighs the grid keeps the generic extraction."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import Heading, Link, List, Paragraph, Text
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


def _story(i: int) -> str:
    # The shape of a news river's card (phoronix.com's home page, wcxb-dev-extra 3030, a tune
    # page): a linked title, the time and topic, and a summary of two sentences.
    return (f"<article style='clear: both;'><header><a href='/news/{i}'>Linux 7.{i} adds a "
            f"minor performance optimization</a></header><div class='details'>{i} Hours Ago - "
            f"<a href='/linux/kernel'>Linux Kernel</a></div><p>The event poll code for "
            f"efficient multiplexing of file descriptors has a new optimization merged today, "
            f"number {i} of the week. It saves a few cycles on every wakeup of the loop.</p>"
            f"</article>")


_RIVER = ("<html><body><main><div id='main'>" + "".join(_story(i) for i in range(8))
          + "</div></main></body></html>")


def _river_blocks():
    grid = listing.find(LexborHTMLParser(_RIVER).body)
    assert grid is not None
    return listing.build(grid, Builder(None))


def _summaries(extra: str = "") -> list[Paragraph]:
    """What the cascade reads on the river: the cards' summaries as running text."""
    tree = LexborHTMLParser(_RIVER)
    found = [Paragraph((Text(p.text(deep=True)),)) for p in tree.css("article p")]
    return found + ([Paragraph((Text(extra),))] if extra else [])


def test_the_grids_own_summaries_are_no_prose_of_the_page():
    grid = _river_blocks()
    assert listing.preferred(grid, _summaries())
    # A category guide of the page's own, outside the cards, still outweighs the grid.
    guide = "The guide to the kernel's event loop walks through every option. " * 30
    assert not listing.preferred(grid, _summaries(guide))


def test_own_prose_ablated(monkeypatch):
    monkeypatch.setattr(listing, "LISTING_OWN_PROSE", False)
    assert not listing.preferred(_river_blocks(), _summaries())

def test_extract_runs_only_for_a_listing_type(monkeypatch):
    tree = LexborHTMLParser(_page())
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("collection", 0.9, {}))
    found = profiles.extract(tree, {}, Builder(None), [])
    assert found is not None and found.name == "collection"
    # The page heading leads, then the grid as one list (see the region tests below).
    assert isinstance(found.blocks[0], Heading)
    assert [type(b) for b in found.blocks].count(List) == 1
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



# ------------------------------------------------------------------ the listing's region

def _river(section: str, n: int, start: int = 0) -> str:
    return (f"<section class='topic'><h2>{section}</h2><p>Stories about {section.lower()}, "
            f"picked by the editors every morning.</p><div class='river'>" + "".join(
                f"<article class='story'><h3><a href='/s/{i}'>Story number {i} about the "
                f"harbour</a></h3><p>What happened to the harbour wall on day {i}.</p></article>"
                for i in range(start, start + n)) + "</div></section>")


def _topic_page() -> str:
    return ("<html><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            "<main><div class='intro'><h1>Harbour news</h1><p>Everything about the town's "
            "harbour: its wall, its boats and its people.</p></div>"
            "<div class='filters'><a href='?sort=new'>Newest first</a> "
            "<a href='?type=video'>Videos only</a></div>"
            + _river("Latest", 3) + _river("All stories", 8, 10)
            + "<ul class='pagination'><li><a href='?p=2'>Next page of stories</a></li></ul>"
            "</main><footer>Copyright the harbour paper</footer></body></html>")


def test_region_keeps_heading_intro_and_every_section_of_cards():
    body = LexborHTMLParser(_topic_page()).body
    taken = listing.take(body, Builder("https://news.example/"), [])
    assert taken is not None
    blocks, node, note = taken
    assert node.tag == "main"
    text = _text(blocks)
    assert text.startswith("Harbour news")
    assert "Everything about the town's harbour" in text
    for section in ("Latest", "All stories", "picked by the editors"):
        assert section in text
    # The three "Latest" cards are the main grid's kind: a list of their own.
    lists = [b for b in blocks if isinstance(b, List)]
    assert [len(b.items) for b in lists] == [3, 8]
    for chrome in ("Newest first", "Videos only", "Next page", "Home", "Copyright"):
        assert chrome not in text


def test_region_ablated_keeps_the_grid_alone(monkeypatch):
    monkeypatch.setattr(listing, "LISTING_REGION", False)
    blocks, node, _ = listing.take(LexborHTMLParser(_topic_page()).body, Builder(None), [])
    assert node.attrs.get("class") == "river" and len(blocks) == 1
    assert "Harbour news" not in _text(blocks)


def test_no_region_without_a_page_heading():
    page = _topic_page().replace("<h1>Harbour news</h1>", "")
    grid = listing.find(LexborHTMLParser(page).body)
    assert listing.region(LexborHTMLParser(page).body, grid) is None


def test_a_heading_in_the_site_header_makes_no_region():
    page = _topic_page().replace("<h1>Harbour news</h1>", "").replace(
        "<header>", "<header><h1>The Harbour Paper</h1>")
    body = LexborHTMLParser(page).body
    assert listing.region(body, listing.find(body)) is None


def test_the_prose_rule_still_keeps_a_guide_page_generic():
    long = [Paragraph((Text("word " * 2000),))]
    assert listing.take(LexborHTMLParser(_topic_page()).body, Builder(None), long) is None


def test_a_run_of_modal_windows_is_no_grid():
    # The shape of scholar.google.com's profile page (wcxb-dev-extra 2917): the page parks its
    # dialogs side by side, each a wrapper around a role=dialog window with a close link.
    dialogs = "".join(
        f"<div class='gs_md_wnw'><div role='dialog'><a href='#close'>Close</a><h2>Window {i}"
        f"</h2><p>Settings of window {i}: new articles by this author, citations and co-authors "
        f"to follow.</p></div></div>"
        for i in range(6))
    page = (f"<html><body><div class='gs_md_s'>{dialogs}</div><main><h1>Profile</h1>"
            "<p>Professor of things.</p></main>"
            "</body></html>")
    assert listing.find(LexborHTMLParser(page).body) is None
    assert listing.find(LexborHTMLParser(page.replace("role='dialog'", "")).body) is not None


# ------------------------------------------------------------------------ wrappers and layout

def _products(wrapper: str, n: int = 8) -> str:
    # The shape of a shop's category page (wcxb-dev-extra 0633, 2913): the results and their
    # filters and pager share one wrapper named for them.
    cards_ = "".join(f"<article class='product-card'><a href='/p/{i}'>Seamless training "
                     f"shirt number {i}</a><p>slim fit, black, sweat-wicking</p>"
                     f"<p>${20 + i}</p></article>" for i in range(n))
    return (f"<html><body><main><h1>Training shirts</h1><div class='{wrapper}'>"
            f"<div class='filter-group'><a href='?size=s'>S</a> <a href='?size=m'>M</a></div>"
            f"<div class='product-grid'>{cards_}</div><a href='?page=2'>Next</a></div>"
            f"</main></body></html>")


def test_a_wrapper_named_for_the_list_controls_holds_the_grid():
    grid = listing.find(LexborHTMLParser(_products("filtering-and-pagination")).body)
    assert grid is not None and len(grid.items) == 8
    # A search form around the results is the same wrapper.
    form = _products("x").replace("<div class='x'>", "<form action='/s'>").replace(
        "</a></div></main>", "</a></form></main>")
    assert listing.find(LexborHTMLParser(form).body) is not None


def test_furniture_wrappers_still_hide_their_runs():
    # A carousel of other products is furniture whatever it holds...
    assert listing.find(LexborHTMLParser(_products("related-carousel")).body) is None
    # ...and a pager block holding little of the run is the pager, not the list's wrapper.
    colours = "<a href='?c'>Colour</a>" * 200
    page = _products("pagination").replace(
        "<div class='filter-group'>", "<div class='filter-group'>" + colours)
    assert listing.find(LexborHTMLParser(page).body) is None


def test_list_wrappers_ablated(monkeypatch):
    monkeypatch.setattr(listing, "LIST_WRAPPERS", False)
    assert listing.find(LexborHTMLParser(_products("filtering-and-pagination")).body) is None


def test_labels_around_main_are_layout():
    # A sticky-footer page wrapper (arxiv.org's "flex-wrap-footer", wcxb-dev-extra 2916)
    # holds the whole page, <main> included: its name is layout.
    page = _products("results").replace("<main>", "<div class='flex-wrap-footer'><main>").replace(
        "</main>", "</main></div>")
    assert listing.find(LexborHTMLParser(page).body) is not None
    inside = page.replace("<div class='results'>", "<div class='results'><div class='footer'>") \
        .replace("</a></div></main>", "</a></div></div></main>")
    assert listing.find(LexborHTMLParser(inside).body) is None


def test_region_of_deeply_nested_markup_is_built_without_recursing_per_level():
    # Furniture at the bottom of a chain nested past the recursion limit: the region's walk
    # child by child must not recurse once per level.
    n = 1500
    chain = ("<div>" * n + "<nav><a href='/'>Home</a></nav><p>The deep paragraph of text.</p>"
             + "</div>" * n)
    html = _page().replace("</ul><ul class='pagination'>", "</ul>" + chain + "<ul class='pagination'>")
    blocks, node, _ = listing.take(LexborHTMLParser(html).body, Builder(None), [])
    assert node.tag == "main"
    text = _text(blocks)
    assert "Water bottles" in text and "The deep paragraph of text." in text
    assert "Trail bottle model 7" in text and "Home" not in text


# ------------------------------------------------------------ a region holding the prose

def _recipe(i: int) -> str:
    # The shape of a recipe blog's category archive (confessionsofafitfoodie.com, wcxb-dev-extra
    # 4632, a tune page): an <article> per post right under <main>, each only its title link.
    return (f"<article class='post-{2590 + i} post type-post entry'><header "
            f"class='entry-header'><h2 class='entry-title'><a href='/r/{i}'>Sticky air fryer "
            f"chicken thighs with honey, take {i}</a></h2></header></article>")


_INTRO = ("Healthy air fryer recipes for busy weeknights: every one of them is tested in our "
          "kitchen, takes under thirty minutes and needs no more than a spoon of oil. Browse "
          "the chicken, fish, vegetable and snack recipes below.")


def _archive() -> str:
    return ("<html><body><div class='site-container'><header class='archive-description'>"
            f"<h1>Healthy air fryer recipes</h1><p>{_INTRO}</p></header><main class='content'>"
            + "".join(_recipe(i) for i in range(12)) + "</main></div></body></html>")


def _taken(kind: str):
    generic = [Paragraph((Text(_INTRO),))]  # (what the cascade finds: the introduction)
    return listing.take(LexborHTMLParser(_archive()).body, Builder(None), generic, kind)


def test_a_region_holding_the_prose_is_taken_on_a_listing_page():
    taken = _taken("listing")
    assert taken is not None
    text = _text(taken[0])
    assert _INTRO in text and "Sticky air fryer chicken thighs with honey, take 7" in text
    # (a collection's guide is read without its product grid)
    assert _taken("collection") is None


def test_region_holds_prose_ablated(monkeypatch):
    monkeypatch.setattr(listing, "REGION_HOLDS_PROSE", False)
    assert _taken("listing") is None


def test_main_articles_ablated(monkeypatch):
    assert listing.find(LexborHTMLParser(_archive()).body) is not None
    monkeypatch.setattr(listing, "MAIN_ARTICLES", False)
    assert listing.find(LexborHTMLParser(_archive()).body) is None


# ------------------------------------------------------------ a grid shown by a script

def _scripted(visible_grid: bool = False) -> str:
    # The shape of a store's results page (ebay.com/b/…, wcxb-dev 0658, a tune page): the
    # results sit in a wrapper whose inline style hides it until a script has run.
    hidden = "".join(f"<li class='item-card'><a href='/itm/{i}'>Vintage art print number {i}, "
                     f"8.5x11, brand new</a><span>${20 + i}.00</span></li>" for i in range(12))
    shown = "".join(f"<li class='deal'><a href='/d/{i}'>Daily deal on reading lamp number {i}, "
                    f"brass finish</a><span>${5 + i}.00</span></li>"
                    for i in range(12)) if visible_grid else ""
    return (f"<html><body><main><p>Was: $19.90</p><ul class='deals'>{shown}</ul>"
            f"<div id='results' style='display:none'><ul class='results'>{hidden}</ul></div>"
            "</main></body></html>")


def _scripted_text(page: str):
    taken = listing.take(LexborHTMLParser(page).body, Builder(None), [], "collection")
    return _text(taken[0]) if taken is not None else None


def test_a_grid_shown_by_a_script_is_read_when_no_grid_is_on_the_screen():
    text = _scripted_text(_scripted())
    assert text is not None and "Vintage art print number 7, 8.5x11" in text


def test_a_grid_on_the_screen_is_read_before_a_hidden_one():
    text = _scripted_text(_scripted(visible_grid=True))
    assert "Daily deal on reading lamp number 5" in text and "Vintage art print" not in text


def test_scripted_ablated(monkeypatch):
    monkeypatch.setattr(listing, "LISTING_SCRIPTED", False)
    assert _scripted_text(_scripted()) is None


def test_scripted_rule_is_declared():
    from convert.extract.ablation import RULES
    assert "listing_scripted" in RULES


# Synthetic, in the style of Shopify's Dawn collection page: a one-line introduction under
# the collection's name, then a grid of short cards (name and price). The introduction holds
# more than PROSE_SHARE of the grid's few words, but it is no guide: taken alone (the cascade's
# content) it was dropped as the page's description, and the page had no content at all.
def _short_card(i: int) -> str:
    return (f"<li class='grid__item'><div class='card'><h3 class='card__heading'><a "
            f"href='/products/sock-{i}'>Merino crew sock, colour {i}</a></h3><div class='price'>"
            f"<span class='visually-hidden'>Regular price</span>£{10 + i}.00 GBP"
            f"</div></div></li>")


_ONE_LINE = ("Warm feet and hands for cold days on the hill, knitted in Britain from merino "
             "and alpaca by two family mills in the Midlands.")
_DAWN_COLLECTION = ("<html><body><main><h1>Socks</h1><div class='collection-hero__description'>"
                    f"{_ONE_LINE}</div><ul class='product-grid'>"
                    f"{''.join(_short_card(i) for i in range(10))}</ul></main></body></html>")


def test_a_one_line_introduction_is_no_guide():
    grid = listing.build(listing.find(LexborHTMLParser(_DAWN_COLLECTION).body), Builder(None))
    intro = [Paragraph((Text(_ONE_LINE),))]
    assert listing.preferred(grid, intro)
    # a guide of MIN_GUIDE_WORDS and more still outweighs the same grid
    guide = [Paragraph((Text(_ONE_LINE + " Every pair is made to last for years. " * 2),))]
    assert not listing.preferred(grid, guide)


def test_short_intros_ablated(monkeypatch):
    grid = listing.build(listing.find(LexborHTMLParser(_DAWN_COLLECTION).body), Builder(None))
    monkeypatch.setattr(listing, "SHORT_INTROS", False)
    assert not listing.preferred(grid, [Paragraph((Text(_ONE_LINE),))])


def test_a_collection_with_a_one_line_introduction_is_its_grid():
    import convert
    doc = convert.parse(_DAWN_COLLECTION.replace(
        "<html>", "<html><head><title>Socks</title><meta property='og:type' content='website'>"
        "</head>").encode(), kind="html")
    md = convert.render(doc, "md").decode()
    assert all(f"[Merino crew sock, colour {i}](/products/sock-{i})" in md for i in range(10))
