"""convert.extract.html.meta.heading: a heading's text as it reads (inline markup joined as
written, a label badge dropped, entities escaped twice decoded), seen through the title it
gives (synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta.heading import HEADER_LINK, heading_text, screen_reader_only

from ..test_metadata import _title as _parsed_title


def test_title_heading_text_joins_inline_markup_and_drops_label_badge():
    body = "<h1>The Story Of <a href='/m'>Metroid</a>, One Of Gaming's Universes</h1>"
    assert _parsed_title("", body) == "The Story Of Metroid, One Of Gaming's Universes"
    body = ('<h1 class="p-title-value"><span class="label label--primary">Tips</span>'
            '<span class="label-append">&nbsp;</span>Proxmox or Debian for VMs?</h1>')
    assert _parsed_title("", body) == "Proxmox or Debian for VMs?"
    body = '<h1 class="title"><span class="descriptor">Title:</span>AlignMerge</h1>'
    assert _parsed_title("", body) == "AlignMerge"


def test_title_entity_escaped_twice_is_decoded():
    body = "<h1>Data Tools: Python, SQL &amp;#x26; AI</h1>"
    assert _parsed_title("", body) == "Data Tools: Python, SQL & AI"


def test_forum_prefix_label_is_not_the_title():
    head = ('<meta property="og:title" content="Question - Want to know which GPU is faster">'
            '<meta property="og:site_name" content="Hardware Forum">')
    body = ('<h1 class="p-title-value"><span class="label">Question</span>'
            '<span class="label-append"> </span>Want to know which GPU is faster</h1>')
    assert _parsed_title(head, body) == "Want to know which GPU is faster"


def test_heading_text_reads_the_node_and_the_permalink_symbol_is_cut():
    tree = LexborHTMLParser("<h2>Quickstart <a class='headerlink' href='#q'>\u00b6</a></h2>")
    text = heading_text(tree.css_first("h2"))
    assert text == "Quickstart \u00b6" and HEADER_LINK.sub("", text) == "Quickstart"


def test_a_screen_reader_only_heading_is_told_apart():
    tree = LexborHTMLParser("<h1 class='sr-only'>Kitchen Notes</h1><h1>Lemon tart</h1>")
    hidden, shown = tree.css("h1")
    assert screen_reader_only(hidden) and not screen_reader_only(shown)


def test_words_for_screen_readers_only_are_not_the_headline(monkeypatch):
    # wcxb-dev-extra 2897 (a tune page): a shop theme's collection heading says "Collection: "
    # to screen readers only
    node = LexborHTMLParser('<h1 class="collection-hero__title">\n  <span class="visually-hidden">'
                            'Collection: </span>Sennheiser</h1>').css_first("h1")
    assert heading_text(node) == "Sennheiser"
    # (a heading drawn for screen readers only keeps its words: they are all it has)
    node = LexborHTMLParser('<h1><span class="sr-only">Harbour News</span><img src="l.png">'
                            '</h1>').css_first("h1")
    assert heading_text(node) == "Harbour News"
    from convert.extract.html.meta import heading
    monkeypatch.setattr(heading, "HIDDEN_HEADING_TEXT", False)
    node = LexborHTMLParser('<h1><span class="visually-hidden">Collection: </span>Sennheiser'
                            '</h1>').css_first("h1")
    assert heading_text(node) == "Collection: Sennheiser"


def test_a_button_in_the_heading_is_no_part_of_its_text(monkeypatch):
    # An API reference page's item heading carries a "Copy item path" button after the
    # path (rustdoc prints one on every item page): the headline is the path alone.
    html = ("<h1>Struct <a href='index.html'>kit</a>::<wbr><a class='struct' href='#'>Loader</a>"
            "<button id='copy-path' title='Copy item path to clipboard'>Copy item path</button></h1>")
    assert heading_text(LexborHTMLParser(html).css_first("h1")) == "Struct kit::Loader"
    # (an accordion's heading that is nothing but its button keeps the button's words)
    node = LexborHTMLParser("<h2><button aria-expanded='false'><span>Shipping and returns</span>"
                            "</button></h2>").css_first("h2")
    assert heading_text(node) == "Shipping and returns"
    from convert.extract.html.meta import heading
    monkeypatch.setattr(heading, "HEADING_BUTTONS", False)
    assert heading_text(LexborHTMLParser(html).css_first("h1")) == \
        "Struct kit::LoaderCopy item path"


def test_a_kicker_inside_the_h1_is_no_part_of_the_headline(monkeypatch):
    # (rule kicker_in_heading) synthetic, in the style of a news CMS that sets the kicker in
    # the <h1>; the body drops the whole <h1> as it drops the title.
    from convert.extract.html import parse_html
    from convert.textutil import block_texts
    headline = "Pier extension approved after decade of debate"
    page = (f"<html><head><title>{headline} | Harbour News</title></head><body><article>"
            f"<h1><span class='article__kicker'>Exclusive</span> {headline}</h1>"
            + "<p>The council voted on Tuesday to extend the pier by forty metres, ending a "
            "debate that has run for more than a decade in the small harbour town.</p>" * 3
            + "</article></body></html>").encode()
    art = parse_html(page)
    assert art.meta.title == headline
    assert not any(headline in line for line in block_texts(art.blocks))
    from convert.extract.html.meta import heading
    monkeypatch.setattr(heading, "KICKER_IN_HEADING", False)
    assert parse_html(page).meta.title == "Exclusive " + headline
