"""The documentation profile: the page's whole body with its code blocks and tables, without
the sidebar navigation and the on-page table of contents."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import CodeBlock, Link, List, ListItem, Paragraph, Table, Text
from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.content import Content
from convert.extract.html.measure import STRICT, text_len
from convert.extract.html.profiles import docs
from convert.extract.html.prune import prune
from convert.textutil import block_texts


def _toc(urls) -> List:
    return List(tuple(ListItem((Paragraph((Link((Text(f"Part {i}"),), u),)),))
                      for i, u in enumerate(urls)))


def test_on_page_toc_is_dropped_and_other_lists_kept():
    toc = _toc(["#intro", "#usage", "https://docs.example/page#api"])
    nav = _toc(["/guide", "/reference", "/faq"])
    prose = List((ListItem((Paragraph((Text("first step"),)),)),) * 3)
    assert docs.without_toc([toc, nav, prose]) == [nav, prose]


def _section(i: int) -> str:
    return (f"<section id='s{i}'><h2>function_{i}</h2><p>Returns the {i}th item.</p>"
            f"<pre><code class='language-python'>value = function_{i}(items)\nprint(value)"
            f"</code></pre><table><tr><th>Argument</th><th>Meaning</th></tr>"
            f"<tr><td>items</td><td>an iterable</td></tr></table></section>")


def _page() -> bytes:
    long = ("<section id='intro'><h2>Introduction</h2>" + "<p>This module implements a number "
            "of iterator building blocks, inspired by constructs from functional languages, "
            "each recast in a form suitable for Python, fast and memory efficient.</p>" * 4
            + "</section>")
    toc = "<ul class='contents'>" + "".join(
        f"<li><a href='#s{i}'>function_{i}</a></li>" for i in range(5)) + "</ul>"
    sidebar = "<nav class='sidebar'><ul>" + "".join(
        f"<li><a href='/lib/m{i}.html'>Module {i}</a></li>" for i in range(8)) + "</ul></nav>"
    return (f"<html><head><title>itertools</title></head><body>{sidebar}<div class='body'>"
            f"<h1>itertools</h1>{toc}{long}{''.join(_section(i) for i in range(5))}</div>"
            f"</body></html>").encode()


def test_whole_body_with_code_and_tables(monkeypatch):
    # The strict pass's tree (chrome pruned) with the cascade's winner being one section.
    tree = LexborHTMLParser(_page().decode())
    prune(tree, STRICT)
    winner = tree.css_first("section#intro")
    found = Content([winner], text_len(winner), STRICT)
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("documentation", 0.9, {}))
    out = profiles.extract(tree, {}, Builder(None), [], "", found)
    assert out is not None and out.name == "documentation"
    codes = [b for b in out.blocks if isinstance(b, CodeBlock)]
    tables = [b for b in out.blocks if isinstance(b, Table)]
    assert len(codes) == 5 and len(tables) == 5
    text = " ".join(block_texts(out.blocks))
    assert "Module 3" not in text
    # The on-page contents list is gone, the section headings stay.
    assert not any(isinstance(b, List) for b in out.blocks)
    assert "function_4" in text


def test_an_unsure_classifier_keeps_the_cascade(monkeypatch):
    tree = LexborHTMLParser(_page().decode())
    winner = tree.css_first("section#intro")
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("documentation", 0.3, {}))
    found = Content([winner], text_len(winner), STRICT)
    assert profiles.extract(tree, {}, Builder(None), [], "", found) is None


# The page opened up (docs.docs_markup): tab panels shown, the introduction's header unwrapped.

def _tabs_page() -> str:
    # Shaped after a Twilio quickstart (wcxb-dev 0681): the same step for each language in
    # tabs, all but the first panel hidden.
    steps = {"Python": "pip install flask twilio", "Node.js": "npm install twilio",
             "PHP": "composer require twilio/sdk"}
    tabs = "<div role='tablist'>" + "".join(
        f"<button role='tab'>{name}</button>" for name in steps) + "</div>"
    shut = " hidden style='display:none'"
    panels = "".join(
        f"<div role='tabpanel' id='p{i}'{'' if i == 0 else shut}>"
        f"<p>Install the {name} helper library with its package manager.</p>"
        f"<pre><code>{cmd}</code></pre></div>" for i, (name, cmd) in enumerate(steps.items()))
    prose = "<p>Send your first text message with a few lines of code and a phone number.</p>" * 6
    return (f"<html><body><main><article><h1>SMS quickstart</h1>{prose}<h2>Install</h2>{tabs}"
            f"{panels}{prose}</article></main></body></html>")


def test_hidden_tab_panels_are_shown():
    markup = docs.docs_markup(_tabs_page())
    assert markup is not None
    tree = LexborHTMLParser(markup)
    panels = tree.css("[role=tabpanel]")
    assert len(panels) == 3
    assert not any("hidden" in p.attributes or "style" in p.attributes for p in panels)


def test_documentation_page_keeps_every_tab(monkeypatch):
    import convert
    from convert.extract.html import profiles as profiles_mod
    monkeypatch.setattr(profiles_mod, "page_type",
                        lambda kind, signals: ("documentation", 0.9, {}))
    text = " ".join(block_texts(convert.parse(_tabs_page().encode(), kind="html").blocks))
    for cmd in ("pip install flask twilio", "npm install twilio", "composer require"):
        assert cmd in text


def test_accordions_and_other_hidden_blocks_stay_hidden():
    page = ("<html><body><main><h1>Guide</h1><div class='accordion' hidden><p>menu</p></div>"
            "<div style='display:none'><p>popup</p></div></main></body></html>")
    assert docs.docs_markup(page) is None


_INTRO = ("<p><strong>Promises</strong> are the foundation of asynchronous programming in "
          "modern JavaScript. A promise is an object returned by an asynchronous function, "
          "which represents the current state of the operation.</p><p>In the previous "
          "article, we talked about the use of callbacks to implement asynchronous "
          "functions.</p>")


def _header_page(intro: str) -> str:
    # Shaped after MDN's learning pages (wcxb-dev-extra 2856): the title and the introduction
    # in a block named "layout__header", the sections in "layout__body".
    return (f"<html><body><header class='page-header'><nav><a href='/'>Home</a></nav></header>"
            f"<main><div class='layout__header'><h1>How to use promises</h1>{intro}</div>"
            f"<div class='layout__body'><section><h2>Using fetch</h2><p>Body.</p></section>"
            f"</div></main></body></html>")


def test_intro_header_is_unwrapped():
    markup = docs.docs_markup(_header_page(_INTRO))
    assert markup is not None
    tree = LexborHTMLParser(markup)
    assert tree.css_first(".layout__header") is None
    h1 = tree.css_first("h1")
    assert h1.parent.tag == "main"
    # The site's header, which holds no title and no prose, stays as it is.
    assert tree.css_first("header.page-header") is not None


def test_title_block_without_prose_stays():
    assert docs.docs_markup(_header_page("<p>A short summary.</p>")) is None


def test_documentation_body_widens_to_the_unwrapped_introduction(monkeypatch):
    from convert.extract.html import profiles as profiles_mod
    monkeypatch.setattr(profiles_mod, "page_type",
                        lambda kind, signals: ("documentation", 0.9, {}))
    sections = "".join(
        f"<section><h2>Part {i}</h2>" + "<p>Flexbox lays out a set of block or inline "
        "elements in one dimension, along a main axis and a cross axis, with items that "
        "grow and shrink to fill the space.</p>" * 8 + "</section>" for i in range(8))
    page = (f"<html><body><header class='page-header'><nav><a href='/'>Home</a></nav></header>"
            f"<main><div class='layout__header'><h1>Flexbox</h1>{_INTRO}</div>"
            f"<aside><nav><ul><li><a href='#a'>A</a></li><li><a href='#b'>B</a></li></ul></nav>"
            f"</aside><div class='layout__body'>{sections}</div></main></body></html>")
    import convert
    text = " ".join(block_texts(convert.parse(page.encode(), kind="html").blocks))
    assert "foundation of asynchronous programming" in text and "Part 7" in text


def test_titled_region_holds_the_marked_title():
    page = ("<html><body><main><div class='layout__header'><h1>Flexbox</h1>" + _INTRO +
            "</div><div class='layout__body'><section><h2>Part</h2><p>Body text.</p>"
            "</section></div></main></body></html>")
    tree = LexborHTMLParser(docs.docs_markup(page))
    prune(tree, STRICT)
    body = tree.css_first("div.layout__body")
    region = docs.titled([body])
    assert region is not None and region.tag == "main"
    # Without an unwrapped introduction nothing is widened to the title.
    plain = LexborHTMLParser(page.replace("layout__header", "intro"))
    prune(plain, STRICT)
    assert docs.titled([plain.css_first("div.layout__body")]) is None


def test_dropdown_menus_go_and_prose_dropdowns_stay():
    # Shaped after git-scm.com's reference pages (wcxb-dev-extra 0689): language and version
    # pickers in the content column; Sphinx-design's ``sd-dropdown`` is a section of prose.
    page = ("<html><body><div id='content'><a class='dropdown-trigger' href='#'>English ▾</a>"
            "<div class='dropdown-panel'><ol><li><a href='/es'>Español</a></li>"
            "<li><a href='/fr'>Français</a></li></ol></div>"
            "<div class='dropdown-panel'><ol><li><a href='/2.53'>2.53.0</a> 2026-02-02</li>"
            "<li>2.51.1 → 2.51.2 no changes</li></ol></div>"
            "<details class='sd-dropdown'><summary>Note</summary><p>The commit records the "
            "current contents of the index in a new commit.</p></details>"
            "<h1>git-commit</h1><p>Record changes to the repository.</p></div></body></html>")
    tree = LexborHTMLParser(docs.docs_markup(page))
    text = tree.body.text()
    assert "Español" not in text and "no changes" not in text and "English" not in text
    assert "current contents of the index" in text and "Record changes" in text


def test_sections_named_after_their_heading_are_not_chrome():
    # Shaped after Django's topic guides (wcxb-dev 2999): Sphinx names each section after its
    # heading, "s-widgets", "s-looping-over-hidden-and-visible-fields", words the pruning
    # reads as chrome.
    page = ("<html><body><main><h1>Working with forms</h1>"
            "<section id='s-widgets'><h2>Widgets<a class='headerlink' href='#widgets'>¶</a>"
            "</h2><p>Each form field has a corresponding Widget class.</p></section>"
            "<section id='looping-over-hidden-and-visible-fields'><h3>Looping over hidden and "
            "visible fields</h3><p>Django provides two methods on a form.</p></section>"
            "<div id='comments'><h2>Comments</h2><p>Great post!</p></div>"
            "<div id='sidebar-menu'><h2>Contents</h2></div></main></body></html>")
    tree = LexborHTMLParser(docs.docs_markup(page))
    sections = tree.css("section")
    assert [s.attributes.get("id") for s in sections] == [None, None]
    # The readers' comments and a block not named after its heading keep their names.
    assert tree.css_first("#comments") is not None
    assert tree.css_first("#sidebar-menu") is not None
    prune(tree, STRICT)
    text = tree.body.text()
    assert "Each form field" in text and "two methods" in text and "Great post" not in text


def test_headings_named_as_chrome_are_kept():
    # Docusaurus (wcxb-dev-extra 4843) names every heading "anchor anchorWithStickyNavbar_…",
    # which the pruning reads as a navbar.
    page = ("<html><body><main><article><h1>Guide</h1>"
            "<h2 class='anchor anchorWithStickyNavbar_LWe7' id='meta-attributes'>Meta "
            "attributes</h2><p>Set the page's description and keywords.</p>"
            "<h2 class='title' id='footer-notes'>Footer notes</h2><p>Short.</p>"
            "</article></main></body></html>")
    tree = LexborHTMLParser(docs.docs_markup(page))
    first, second = tree.css("h2")
    assert "class" not in first.attributes and first.attributes["id"] == "meta-attributes"
    assert "id" not in second.attributes and second.attributes["class"] == "title"
    prune(tree, STRICT)
    assert [h.text() for h in tree.css("h2")] == ["Meta attributes", "Footer notes"]
