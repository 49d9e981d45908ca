"""HTML extractor: every block and inline kind reaches the AST, and nothing that is not content."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.article import (CodeBlock, Emphasis, Figure, Heading, LineBreak, Link, List, Paragraph,
                             Quote, Strong, Table)
from convert.extract.html import parse_html
from convert.textutil import article_text, inline_text

FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"


@pytest.fixture(scope="module")
def article():
    path = FIXTURES / "structure.html"
    return parse_html(path.read_bytes(), location=str(path))


def _walk(blocks):
    """Every block, depth first (lists, quotes, cells and divs opened)."""
    stack = list(reversed(blocks))
    while stack:
        block = stack.pop()
        yield block
        inner = []
        if block.type == "list":
            for item in block.items:
                inner.extend(item.blocks)
        elif block.type in ("quote", "div"):
            inner.extend(block.blocks)
        elif block.type == "table":
            for row in (*block.head, *block.body):
                for cell in row.cells:
                    inner.extend(cell.blocks)
        stack.extend(reversed(inner))


def _inlines(children):
    stack = list(children)
    while stack:
        node = stack.pop()
        yield node
        stack.extend(getattr(node, "children", ()))


def _of(article, kind):
    return [b for b in _walk(article.blocks) if isinstance(b, kind)]


def test_headline_is_metadata_not_a_body_heading(article):
    assert article.meta.title == "Growing Tomatoes on a Balcony"
    headings = _of(article, Heading)
    assert [(h.level, inline_text(h.children)) for h in headings] == [(2, "Choosing a variety")]


def test_paragraph_keeps_emphasis_links_and_line_break(article):
    para = next(p for p in _of(article, Paragraph) if "variety guide" in inline_text(p.children))
    kinds = [type(n) for n in para.children]
    assert Emphasis in kinds and Strong in kinds and LineBreak in kinds
    link = next(n for n in para.children if isinstance(n, Link))
    # Resolved against <base href>, title kept.
    assert link.url == "https://garden.example/articles/guide/varieties.html"
    assert link.title == "Variety guide"


def test_javascript_link_keeps_text_but_not_url(article):
    text = article_text(article)
    assert "climbs forever" in text
    urls = [n.url for b in _of(article, Paragraph) for n in _inlines(b.children) if n.type == "link"]
    assert urls and not any(u.lower().startswith("javascript") for u in urls)


def test_nested_and_ordered_lists(article):
    lists = [b for b in article.blocks if isinstance(b, List)]
    unordered, ordered = lists
    assert not unordered.ordered and len(unordered.items) == 2
    nested = [b for b in unordered.items[0].blocks if isinstance(b, List)]
    assert len(nested) == 1 and len(nested[0].items) == 2
    assert ordered.ordered and ordered.start == 3 and len(ordered.items) == 2


def test_quote_with_cite(article):
    (quote,) = _of(article, Quote)
    assert quote.cite == "https://example.org/grandma"
    assert "never let you go hungry" in inline_text(quote.blocks[0].children)


def test_code_block_verbatim_with_language(article):
    (code,) = _of(article, CodeBlock)
    assert code.language == "python"
    assert code.text == "def water(plant):\n    plant.moisture += 1"


def test_table_header_spans_and_caption(article):
    (table,) = _of(article, Table)
    assert inline_text(table.caption) == "Harvest by month"
    assert len(table.head) == 1 and all(c.header for c in table.head[0].cells)
    assert [c.colspan for c in table.head[0].cells] == [1, 2]
    assert table.body[0].cells[0].rowspan == 2
    assert len(table.body) == 2


def test_figure_binds_image_caption_and_credit(article):
    (figure,) = _of(article, Figure)
    assert figure.image is not None
    # data-src beats the placeholder data: URI in src.
    assert figure.image.src == "https://garden.example/articles/img/tomato-small.jpg"
    assert figure.image.alt == "Ripe tomatoes on the vine"
    assert inline_text(figure.caption) == "Ripe tomatoes in late July."
    assert inline_text(figure.credit) == "Photo: Ana Gomez"


@pytest.mark.parametrize("marker", ["STYLE-LEAK", "SCRIPT-LEAK", "HIDDEN-LEAK", "ARIA-LEAK",
                                    "STYLE-HIDDEN-LEAK", "TEMPLATE-LEAK", "IFRAME-LEAK",
                                    "FORM-LEAK", "NOSCRIPT-LEAK"])
def test_never_content_elements_do_not_leak(article, marker):
    assert marker not in article_text(article)


@pytest.mark.parametrize("chrome", ["About us", "cookies", "Related posts", "Growing basil",
                                    "All rights reserved"])
def test_page_chrome_is_dropped(article, chrome):
    assert chrome not in article_text(article)


def test_body_text_in_order(article):
    text = article_text(article)
    assert text.index("most rewarding plant") < text.index("Choosing a variety") < text.index(
        "Harvest when the fruit")


def test_no_duplicated_paragraphs():
    # (A neutral line: a newsletter pitch would leave the body as a promo line anyway.)
    para = "<p>Water the seedlings twice a week in the first month.</p>"
    body = "<p>" + "A real paragraph of the article, with enough words to count. " * 3 + "</p>"
    html = f"<html><body><article>{body}{para}{para}</article></body></html>"
    texts = [inline_text(p.children) for p in parse_html(html).blocks if isinstance(p, Paragraph)]
    assert texts.count("Water the seedlings twice a week in the first month.") == 1


def test_links_without_base_stay_relative_and_unsafe_schemes_are_dropped():
    html = ("<html><body><article><p>Read <a href='/docs/a.html'>the docs</a>, "
            "<a href=' JaVa&#x09;ScRiPt:alert(1)'>this</a>, <a href='vbscript:x'>that</a> and "
            "<a href='data:text/html,evil'>more</a> and <a href='mailto:a@b.example'>mail us</a>"
            " for a long enough paragraph of article text.</p></article></body></html>")
    art = parse_html(html, location="/tmp/page.html")
    urls = [n.url for n in _inlines(art.blocks[0].children) if n.type == "link"]
    assert sorted(urls) == ["/docs/a.html", "mailto:a@b.example"]
    art = parse_html(html, base_url="https://site.example/x/")
    urls = [n.url for n in _inlines(art.blocks[0].children) if n.type == "link"]
    assert "https://site.example/docs/a.html" in urls


def test_xml_illegal_characters_are_stripped():
    html = ("<html><body><article><p>Bell\x07 and form\x0c feed and vertical\x0b tab are gone "
            "from this paragraph of text.</p></article></body></html>")
    text = article_text(parse_html(html))
    assert "Bell and form feed and vertical tab" in text
    assert not any(ch in text for ch in "\x07\x0b\x0c")


def test_landing_page_of_headed_blocks_is_kept_whole():
    # A service page: hero, then sections under their own headings, each a short block; one
    # block (the FAQ answer, with its commas) outscores the rest but is not the page.
    short = ("<p>{} makes your team faster and your data safer every day.</p>"
             "<p>Our experts stay with you from the first workshop to the launch.</p>")
    sections = "".join(
        f"<section><div class='row'><h2>{name}</h2>{short.format(name)}</div></section>"
        for name in ("Analytics", "Governance", "Migration", "Support", "Training"))
    faq = ("<section><div class='faq'><h2>Questions</h2><div class='answer'><p>"
           + "We plan, build, test, migrate, document, and support, in that order. " * 3
           + "</p></div></div></section>")
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav><main>"
            f"<h1>Data services</h1>{sections}{faq}</main></body></html>")
    text = article_text(parse_html(html))
    assert "We plan, build" in text
    assert "Analytics makes your team faster" in text
    assert "Training makes your team faster" in text
    assert "About" not in text


def test_collection_cards_survive_cleaning():
    # A shop category: each card alone reads as a link list (its title is a link), but the
    # repeated cards are the page.
    cards = "".join(
        f"<div class='card'><a href='/p/{i}'>Waterproof hiking boot, model {i}, for women</a>"
        f"<span class='price'>${100 + i}.00, free returns</span></div>" for i in range(8))
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav><main>"
            f"<h1>Hiking boots</h1><div class='grid'>{cards}</div></main></body></html>")
    text = article_text(parse_html(html))
    assert "Waterproof hiking boot, model 0, for women" in text
    assert "$107.00" in text
    assert "Shop" not in text


def test_weaker_relaxed_winner_does_not_replace_the_article(monkeypatch):
    # A relaxed pass that climbs to a page-wide wrapper holds the strict pass's article and
    # more, but scores far lower: the article stays.
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html import content as content_mod

    article = "<p>" + "The council voted on the budget, the schools and the roads. " * 6 + "</p>"
    html = (f"<html><body><div id='wrap'><div id='art'>{article}</div><div id='more'>"
            + "<p>Weather and traffic for today, in brief, for the whole region.</p>" * 30
            + "</div></div></body></html>")

    def fake_pass(tree: LexborHTMLParser, level: int, **_):
        node = tree.css_first("#art" if level == 0 else "#wrap")
        length = len("".join(node.text().split()))
        return content_mod.Content([node], length, level, [], 30.0 if level == 0 else 5.0)

    monkeypatch.setattr(content_mod, "extract_pass", fake_pass)
    _, found = content_mod.find_content(html)
    assert found.level == 0


def test_small_side_block_gives_way_to_a_much_longer_region(monkeypatch):
    # A forum page whose thread sits in "comment" containers: the strict pass removes them and
    # wins with the sidebar's rules; the loose pass finds the thread, a different region.
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html import content as content_mod

    rules = "<ol>" + "<li>Link to the published research, not a summary of it.</li>" * 8 + "</ol>"
    reply = "<p>I had the same result after two weeks, and the fix was the driver update.</p>"
    html = (f"<html><body><div id='side'>{rules}</div><div id='thread'>{reply * 60}</div>"
            "</body></html>")

    def fake_pass(tree: LexborHTMLParser, level: int, **_):
        node = tree.css_first("#side" if level == 0 else "#thread")
        length = len("".join(node.text().split()))
        return content_mod.Content([node], length, level, [], 10.0)

    monkeypatch.setattr(content_mod, "extract_pass", fake_pass)
    _, found = content_mod.find_content(html)
    assert found.nodes[0].attributes.get("id") == "thread"


def test_spaced_is_the_whitespace_substitution():
    # ``spaced`` skips the regex only where it could not change the text.
    from convert.extract.html.inlines import WS, spaced

    for text in ["one two", "one  two", "one\ttwo", "a\n\n b", "zero\u200bwidth",
                 "x \u200b y", "nbsp\u00a0kept", "", " ", "  ", "end \n"]:
        assert spaced(text) == WS.sub(" ", text), repr(text)


_WRAPPED_CODE = (
    "<html><body><article><h1>Install</h1><p>" + "Install the tool and run it over your tree. " * 8
    + "</p><div class='language-python highlight'><pre><code>import os\nprint(os.sep)</code></pre>"
    "</div><div class='highlight-default notranslate'><div class='highlight'><pre>make all</pre>"
    "</div></div><div class='highlight highlight-source-shell notranslate'><pre>pip install x"
    "</pre></div><p>" + "Then read the report it writes beside each file. " * 8
    + "</p></article></body></html>")


def _code_languages(html: str) -> list:
    art = parse_html(html.encode())
    return [b.language for b in _walk(art.blocks) if isinstance(b, CodeBlock)]


def test_code_language_named_on_the_pres_wrapper():
    # (rule wrapper_language) MkDocs 'language-python' on the <div>, GitHub
    # 'highlight-source-shell'; Sphinx's 'highlight-default' names none, nor a bare 'highlight'.
    assert _code_languages(_WRAPPED_CODE) == ["python", None, "shell"]


def test_wrapper_language_off(monkeypatch):
    from convert.extract.html import builder
    monkeypatch.setattr(builder, "WRAPPER_LANGUAGE", False)
    assert _code_languages(_WRAPPED_CODE) == [None, None, None]


def test_a_legend_is_a_line_of_its_own():
    # A product's option group: the <legend> over its choices is its own line, not glued to
    # the first choice ("ColorNavy").
    prose = "<p>" + "Our best-selling crew neck is knitted from extra-fine Merino wool. " * 6 + "</p>"
    html = ("<html><body><article><h1>Merino Crew Sweater</h1>" + prose
            + "<fieldset><legend>Color</legend><label>Navy</label> <label>Oatmeal</label>"
            "</fieldset>" + prose + "</article></body></html>")
    text = article_text(parse_html(html.encode()))
    assert "ColorNavy" not in text
    assert "Color" in text and "Navy Oatmeal" in text


# Synthetic, in the style of a travel blog's before/after pair (WordPress gallery block: the
# lazy-loading plugin repeats each picture in <noscript>, a stats pixel inside the figure, a
# dark-mode twin hidden by its class).
GALLERY = b"""<html><head><title>Valley walk</title></head><body><article><h1>Valley walk</h1>
<p>We walked up the valley in the early morning, before the mist had lifted from the river,
and came back the same way an hour later to see how much the light had changed the view.</p>
<figure class="wp-block-gallery">
<img src="https://blog.example/valley-dawn.jpg" alt="The valley at dawn">
<noscript><img src="https://blog.example/valley-dawn.jpg" alt="The valley at dawn"></noscript>
<img src="https://blog.example/valley-later.jpg" alt="The valley an hour later">
<img class="hidden dark:block" src="https://blog.example/valley-later-dark.jpg" alt="The valley an hour later">
<div class="dark-image"><img src="https://blog.example/valley-later-night.jpg" alt="The valley an hour later"></div>
<img src="https://stats.example/pixel.gif" width="1" height="1" alt="">
<figcaption>The same view an hour apart. <small>Photo: Kim Lee</small></figcaption></figure>
<p>The path is steep in places, but well marked, and there is a bench at the top where you can
sit and watch the mist burn off the water while the sun climbs above the ridge.</p>
</article></body></html>"""


def test_figure_with_several_pictures_keeps_each_and_its_caption_once():
    article = parse_html(GALLERY)
    figures = _of(article, Figure)
    assert [f.image.src for f in figures] == ["https://blog.example/valley-dawn.jpg",
                                              "https://blog.example/valley-later.jpg"]
    assert [inline_text(f.caption) for f in figures] == ["", "The same view an hour apart."]
    assert inline_text(figures[1].credit) == "Photo: Kim Lee"


# Synthetic, in the style of a documentation site's themed diagram (Next.js image pair: the
# dark-theme twin first, each in a wrapper its stylesheet shows for one theme only).
THEMED = GALLERY.replace(b'<figure class="wp-block-gallery">', b"""<figure>
<div class="dark-image"><img src="https://docs.example/tree.dark.png" alt="A tree of three components"></div>
<div class="light-image"><img src="https://docs.example/tree.png" alt="A tree of three components"></div>
<figcaption>The component tree.</figcaption></figure><figure class="wp-block-gallery">""")


def test_a_figure_shows_the_default_picture_of_a_dark_theme_pair():
    figures = _of(parse_html(THEMED), Figure)
    assert figures[0].image.src == "https://docs.example/tree.png"
    assert inline_text(figures[0].caption) == "The component tree."
    assert figures[1].image.src == "https://blog.example/valley-dawn.jpg"
