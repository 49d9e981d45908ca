"""Conditional cleaning inside the winner (:mod:`convert.extract.html.cleaning`)."""

from __future__ import annotations

import convert
from convert.article import Heading
from convert.textutil import inline_text


def _page() -> bytes:
    # Shaped after a GitBook page (wcxb-dev 0498): each heading's text in a <div> beside a
    # <div> holding the section's anchor icon, both short blocks the cleaning would drop.
    para = ("<p>This is a book on the functional paradigm in general, written for working "
            "programmers, with exercises, examples and a support library to play with.</p>")

    def heading(ident: str, text: str) -> str:
        return (f"<h3 id='{ident}' class='heading flex'><div class='hash grid'><a "
                f"href='#{ident}' aria-label='Direct link to heading'></a></div>"
                f"<div class='flex-1 leading-snug'>{text}</div></h3>")

    return (f"<html><head><title>Guide</title></head><body><main><div class='page'>"
            f"<h1>Mostly adequate guide</h1>{para * 3}{heading('about', 'About this book')}"
            f"{para * 3}{heading('play', 'Play Around with Code')}{para * 3}</div></main>"
            f"</body></html>").encode()


def test_heading_text_in_a_div_is_kept():
    article = convert.parse(_page(), kind="html")
    headings = [inline_text(b.children) for b in article.blocks if isinstance(b, Heading)]
    assert "About this book" in headings and "Play Around with Code" in headings


def _code_page() -> bytes:
    # Shaped after react.dev (wcxb-dev 0674) and the Stripe API reference (wcxb-dev 0680): an
    # editor renders the code block one <div> per line, and the short lines ("} else {",
    # "let content;") read as debris to the conditional cleaning.
    para = ("<p>In React, there is no special syntax for writing conditions. Instead, you will "
            "use the same techniques as you use when writing regular JavaScript code.</p>")
    lines = ["let content;", "if (isLoggedIn) {", "  content = <AdminPanel />;", "} else {",
             "  content = <LoginForm />;", "}", "return (", "  <div>", "    {content}",
             "  </div>", ");"]
    code = "".join(f"<div class='cm-line'>{line.replace('<', '&lt;')}</div>" for line in lines)
    return (f"<html><head><title>Conditional rendering</title></head><body><main>"
            f"<article><h1>Conditional rendering</h1>{para * 3}"
            f"<div class='sandpack'><pre class='sp-code'><code>{code}</code></pre></div>"
            f"{para * 2}</article></main></body></html>").encode()


def _code_text(article) -> str:  # noqa: ANN001
    from convert.article import CodeBlock
    return "\n".join(b.text for b in article.blocks if isinstance(b, CodeBlock))


def test_lines_of_a_code_block_are_not_cleaned():
    code = _code_text(convert.parse(_code_page(), kind="html"))
    for line in ("let content;", "} else {", "content = <LoginForm />;", "{content}"):
        assert line in code


def test_lines_of_a_code_block_are_cleaned_without_the_rule(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "CODE_INSIDE", False)
    # (the short lines are plain text, which rule debris_labels may keep: off too, so that
    # the short-block test reads them as debris)
    monkeypatch.setattr(cleaning, "DEBRIS_LABELS", False)
    code = _code_text(convert.parse(_code_page(), kind="html"))
    assert "} else {" not in code


def _references_page() -> bytes:
    # Shaped after the Redis documentation (wcxb-dev 2865): each data type's section ends in a
    # list of links to its overview and its command reference, all links and short.
    def section(name: str) -> str:
        return (f"<h2>{name}</h2><p>Redis {name.lower()} are a data type for storing values "
                f"under a key, with commands to add, read, count and remove them, each in "
                f"constant or logarithmic time, as the reference for each one says.</p>"
                f"<p>For more information, see</p><ul>"
                f"<li><a href='/docs/{name.lower()}/'>Overview of Redis {name.lower()}</a></li>"
                f"<li><a href='/commands/?group={name.lower()}'>Redis {name.lower()} command "
                f"reference</a></li></ul>")
    body = "".join(section(n) for n in ("Strings", "Lists", "Sets", "Hashes"))
    return (f"<html><head><title>Redis data types</title></head><body><main><article>"
            f"<h1>Redis data types</h1>{body}</article></main></body></html>").encode()


def _text(article) -> str:  # noqa: ANN001
    from convert.textutil import article_text
    return article_text(article)


def test_lists_of_references_inside_the_winner_are_kept_on_every_kind_of_page(monkeypatch):
    # A short list of links inside the article is its references (sources, commands, further
    # reading), on a documentation page and on an article alike: dropping such lists as
    # navigation (the deleted "link_lists" rule) lowered every set's tune split.
    from convert.extract.html import profiles
    for kind in ("documentation", "article"):
        monkeypatch.setattr(profiles, "page_type", lambda k, signals: (kind, 0.9, {}))
        text = _text(convert.parse(_references_page(), kind="html"))
        assert "Overview of Redis lists" in text and "Redis hashes command reference" in text


def test_an_empty_list_inside_the_winner_is_dropped():
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.cleaning import _should_drop
    tree = LexborHTMLParser("<div><ul><li></li><li> </li></ul><ul><li><a href='/a'>A link"
                            "</a></li></ul><p>text</p></div>")
    empty, links = tree.css("ul")
    assert _should_drop(empty, 0, 0.0, 1000)
    assert not _should_drop(links, 0, 0.0, 1000)


def test_parts_walk_gives_link_density_the_links_it_would_find():
    # _should_drop reads an element's parts, then its link density: the one selector walk of
    # _parts remembers the links, and the density read from them is the one measured anew
    # (fragment links weighted, the float summed in document order).
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.cleaning import _parts
    from convert.extract.html.measure import link_density, measuring

    html = ("<body><div id=box><p>Intro with <a href='/a'>a link</a>, and more words.</p>"
            "<ul><li><a href='#top'>Back to top</a></li><li><a href='/b'>Next</a> item</li>"
            "</ul><form><a href='/c'>Sign in</a></form><img src=x.png></div></body>")
    box = LexborHTMLParser(html).css_first("#box")
    fresh = link_density(box)
    with measuring(box):
        assert _parts(box)[:2] == (1, 1)
        assert link_density(box) == fresh
    assert 0 < fresh < 1


# A Q&A column's labels, in the shape of dragnet-R845 (tune page; a New York Times blog, 2012:
# <div class="q left">Q.</div><p>question</p><div class="a left">A.</div><p>answer</p>),
# and a countdown's ranks. Short lines of plain text are the story's (rule debris_labels); a
# short link line is still debris.
def _qa_page() -> bytes:
    answer = ("<p>Add-ons and extensions can bring all sorts of new features to your browser "
              "window, like weather radar, soccer scores and playback controls for your music "
              "software. Too many of them, or ones that conflict, can slow the browser.</p>")
    return (f"<html><head><title>Q&amp;A: Removing an add-on</title></head><body><div "
            f"class='entry-content'><h1>Q&amp;A: Removing an add-on</h1><div class='q left'>Q."
            f"</div><p>How do you get rid of an add-on that I think is slowing down my browsing, "
            f"and how do I uninstall it now?</p><div class='a left'>A.</div>{answer * 3}"
            f"<div class='more'><a href='/video'>Play Video</a></div>{answer}"
            f"</div></body></html>").encode()


def _lines(article) -> list[str]:  # noqa: ANN001
    from convert.textutil import article_text
    return article_text(article).split("\n")


def test_short_plain_labels_stay():
    lines = _lines(convert.parse(_qa_page(), kind="html"))
    assert "Q." in lines and "A." in lines
    assert "Play Video" not in lines


def test_short_plain_labels_are_debris_without_the_rule(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "DEBRIS_LABELS", False)
    lines = _lines(convert.parse(_qa_page(), kind="html"))
    assert "Q." not in lines and "A." not in lines


# A letter pasted from a word processor, in the shape of dragnet-R548 (tune page; a blog post,
# 2012: every line a <div class="MsoNormal">, the subhead and the signature lines short).
# Short <div>s among <div>s of prose are lines of that text (rule text_lines); short blocks
# among short blocks (a toolbar's labels) are still debris.
def _letter_page() -> bytes:
    para = ("<div class='MsoNormal'>The cyclist was stripped of his titles after the agency "
            "published its report, and the sponsors left him within a week of its release.</div>")
    return (f"<html><head><title>A letter</title></head><body><div class='post-body'>"
            f"<h1>A letter on doping</h1>{para * 2}<div class='MsoNormal'><b>Why Armstrong?"
            f"</b></div>{para * 3}<div class='MsoNormal'>Dr John McGowan</div>"
            f"<div class='MsoNormal'>Academic Director,</div>"
            f"<div class='tools'><div class='t'>Print page</div><div class='t'>Text size</div>"
            f"<div class='t'>Send to friend</div></div>"
            f"</div></body></html>").encode()


def test_short_lines_of_a_text_in_divs_stay():
    lines = _lines(convert.parse(_letter_page(), kind="html"))
    assert "Why Armstrong?" in lines and "Dr John McGowan" in lines
    assert "Print page" not in lines and "Send to friend" not in lines


def test_short_lines_of_a_text_in_divs_are_debris_without_the_rule(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "TEXT_LINES", False)
    lines = _lines(convert.parse(_letter_page(), kind="html"))
    assert "Why Armstrong?" not in lines and "Dr John McGowan" not in lines


def test_prose_counts_paragraph_text_outside_links_with_one_walk_for_the_links():
    # (synthetic: a link counts against every paragraph around it, as a walk per paragraph
    # finds it; quirks mode lets a <p> hold a table holding another <p>)
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.cleaning import _prose
    from convert.extract.html.measure import text_len

    def per_paragraph(node):  # the definition: each paragraph's text less its links'
        return sum(text_len(p) - sum(text_len(a) for a in p.css("a")) for p in node.css("p"))

    tree = LexborHTMLParser(
        "<html><body><div id='d'><p>Plain words <a href='/x'>linked</a> more.</p>"
        "<p>Outer <table><tr><td><p>inner <a href='/y'>deep link</a></p></td></tr></table>"
        "</p><a href='/z'>loose link</a><p><a href='/w'>all link</a></p></div>"
        "<p id='solo'>Solo <a href='/v'>a</a></p><a id='a' href='/u'><p>in a link</p></a>"
        "</body></html>")
    for selector in ("#d", "#solo", "#a", "body", "td"):
        node = tree.css_first(selector)
        assert _prose(node) == per_paragraph(node), selector
    assert _prose(tree.css_first("#solo")) == len("Solo")
    assert _prose(tree.css_first("#d table")) == per_paragraph(tree.css_first("#d table")) > 0


def _crowded(junk_at: int) -> str:
    # A story with many short link boxes inside it: the conditional cleaning drops each.
    para = ("<p>The committee met on Tuesday to discuss the new budget, which includes funding "
            "for schools, roads and the public library, and agreed to publish its report.</p>")
    boxes = "".join(f"<div class='box'><a href='/x{i}'>Link number {i} here</a></div>"
                    for i in range(junk_at))
    return (f"<html><body><article><h1>Budget</h1>{para * 6}{boxes}{para * 2}"
            f"<div class='box'><a href='/last'>The last link box</a></div></article></body></html>")


def test_cleaning_stops_judging_when_the_containers_hold_too_much(monkeypatch):
    from convert.extract.html import cleaning
    page = _crowded(12)
    assert "The last link box" not in inline_text_of(page)
    # (a budget of a few elements, counted where the winner holds more than 5 containers:
    # the boxes after it are no longer judged, so the last one stays)
    monkeypatch.setattr(cleaning, "CLEAN_SIZED", 5)
    monkeypatch.setattr(cleaning, "CLEAN_WORK_ELEMENTS", 10)
    assert "The last link box" in inline_text_of(page)
    monkeypatch.setattr(cleaning, "CLEAN_WORK_ELEMENTS", 10_000)
    assert "The last link box" not in inline_text_of(page)


def inline_text_of(page: str) -> str:
    article = convert.parse(page.encode(), kind="html")
    return "\n".join(inline_text(b.children) for b in article.blocks if hasattr(b, "children"))


def _live_page() -> bytes:
    # A live blog: each update an <article> in a run of them, its time (and heading, when it
    # has one) in <header class="block-header">; the page's own header outside them.
    para = ("<p>Rail operators have told passengers not to travel west of the city for the "
            "rest of the day, after a tree fell on the line and a sea wall was damaged.</p>")

    def update(time: str, heading: str = "") -> str:
        head = f"<h2 class='block-title'>{heading}</h2>" if heading else ""
        return (f"<article class='block'><header class='block-header'><time class='block-time' "
                f"datetime='2026-11-14T{time}:00Z'>{time} GMT</time>{head}</header>"
                f"<div class='block-elements'>{para}{para}</div></article>")

    # (and a run of review cards, whose headers hold no <time>: not updates)
    card = ("<article class='card'><div class='card-header'>Great!</div>"
            "<p>Five stars.</p></article>")
    return (f"<html><head><title>Storm live</title></head><body><header class='site-header'>"
            f"Courier News Sport</header><main><h1>Storm live</h1><div class='live-blog'>"
            f"{update('11:47', 'Trains stopped')}{update('10:31')}{update('09:15', 'Ferries')}"
            f"</div><div class='reviews'>{card}{card}</div></main></body></html>").encode()


def _live_text() -> str:
    from convert.textutil import block_texts
    return "\n".join(block_texts(convert.parse(_live_page(), kind="html").blocks))


def test_a_live_blog_updates_header_is_kept():
    # The update's header is named as a header and nothing else of the chrome, inside an
    # <article> among sibling <article>s (rule entry_headers): its time, alone a short block
    # the cleaning would drop, and its heading are the update's.
    text = _live_text()
    assert all(f"{t} GMT" in text for t in ("11:47", "10:31", "09:15"))
    assert "Trains stopped" in text and "Ferries" in text
    assert "Courier News" not in text and "Great!" not in text


def test_entry_headers_off_drops_the_updates_times(monkeypatch):
    from convert.extract.html import cleaning, prune
    monkeypatch.setattr(prune, "ENTRY_HEADERS", False)
    monkeypatch.setattr(cleaning, "ENTRY_HEADERS", False)
    text = _live_text()
    assert "11:47 GMT" not in text and "Trains stopped" not in text


# synthetic, in the style of Docusaurus: a code block's file name over it, an admonition's
# title over its text; a short line over a plain <div> of prose is debris still.
def _box_page() -> bytes:
    para = ("<p>Harbor reads its settings from a file in the working directory, then from the "
            "environment, and the command line wins over both of them in every case.</p>")
    return ("<html><head><title>Configuration</title></head><body><div class='markdown'>"
            f"<h1>Configuration</h1>{para * 3}<div class='codeBlockContainer'><div class="
            "'codeBlockTitle'>harbor.toml</div><div class='codeBlockContent'><pre><code>[broker]"
            "\nurl = 1</code></pre></div></div><div class='admonition alert alert--warning'>"
            "<div class='admonitionHeading'>warning</div><div class='admonitionContent'><p>Do "
            "not commit a password.</p></div></div><div class='callout'><div>\U0001f33f</div>"
            "<div><p>Drink water.</p></div></div><div class='box'><div>Sponsored</div><div>"
            f"<p>Buy our hosting.</p></div></div>{para * 2}</div></body></html>").encode()


def test_a_boxs_title_stays():
    lines = _lines(convert.parse(_box_page(), kind="html"))
    assert "harbor.toml" in lines and "warning" in lines
    assert "Sponsored" not in lines and "\U0001f33f" not in lines


def test_box_titles_off_drops_them(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "BOX_TITLES", False)
    lines = _lines(convert.parse(_box_page(), kind="html"))
    assert "harbor.toml" not in lines and "warning" not in lines


# synthetic, in the style of rustdoc: each impl's heading in a <section> beside its "source"
# link and "§" anchor, its types linked; a teaser card whose heading is one link still goes.
def _api_page() -> bytes:
    doc = ("<div class='docblock'><p>Creates an empty queue that holds at most capacity values, "
           "and panics when the capacity given to it is zero, as the examples show.</p></div>")
    section = ("<section id='impl-Debug' class='impl'><a class='src' href='/src/q.rs#54'>source"
               "</a><a href='#impl-Debug' class='anchor'>\u00a7</a><h3 class='code-h'>impl&lt;T: "
               "<a href='/fmt/Debug.html'>Debug</a>&gt; <a href='/fmt/Debug.html'>Debug</a> for "
               "<a href='q.html'>Queue</a>&lt;T&gt;</h3></section>")
    card = "<div class='card'><h3><a href='/blog/queues'>Why we wrote our own queue</a></h3></div>"
    return ("<html><head><title>Queue</title></head><body><div class='content'><h1>Queue</h1>"
            f"{doc * 3}{section}{doc}{card}{doc}</div></body></html>").encode()


def test_a_block_that_is_its_heading_stays():
    lines = _lines(convert.parse(_api_page(), kind="html"))
    assert "impl<T: Debug> Debug for Queue<T>" in lines
    assert "Why we wrote our own queue" not in lines
    assert "source§" not in lines and "source" not in lines  # (rule heading_tool_lines)


def test_headed_blocks_off_drops_it(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "HEADED_BLOCKS", False)
    lines = _lines(convert.parse(_api_page(), kind="html"))
    assert "impl<T: Debug> Debug for Queue<T>" not in lines


def test_heading_tool_lines_off_keeps_the_tools(monkeypatch):
    from convert.extract.html import builder
    monkeypatch.setattr(builder, "HEADING_TOOL_LINES", False)
    lines = _lines(convert.parse(_api_page(), kind="html"))
    assert "source§" in lines


def _aria_table_page() -> bytes:
    para = ("<p>Each request body is a JSON object with the fields below, and every field is "
            "present in every request that the service sends to the endpoint you gave it.</p>")
    rows = "".join(f"<div role='row'><div role='cell'><p><code>f{i}</code></p></div><div "
                   f"role='cell'><p>string</p></div></div>" for i in range(3))
    return ("<html><head><title>Webhooks</title></head><body><div class='page'><h1>Webhooks"
            f"</h1>{para * 3}<div role='table'>{rows}</div>{para}</div></body></html>").encode()


def test_an_aria_tables_short_cells_are_not_debris():
    # rule aria_tables (synthetic, in the style of GitBook): the cells' "string" stays
    text = "\n".join(_lines(convert.parse(_aria_table_page(), kind="html")))
    assert text.count("string") == 3


def test_aria_tables_off_cleans_the_cells(monkeypatch):
    from convert.extract.html import builder, cleaning
    monkeypatch.setattr(cleaning, "ARIA_TABLES", False)
    monkeypatch.setattr(builder, "ARIA_TABLES", False)
    text = "\n".join(_lines(convert.parse(_aria_table_page(), kind="html")))
    assert text.count("string") == 0


# synthetic, in the style of Javadoc's member details: a short signature under the member's
# name; a short line under a heading that is no declaration ("3 min read") is debris still.
def _members_page() -> bytes:
    block = ("<div class='block'>Waits until the caller may pass, and throws when the waiting "
             "thread is interrupted before the gate lets it through.</div>")
    return ("<html><head><title>RateGate</title></head><body><main><h1>Class RateGate</h1>"
            f"{block * 3}<section class='detail'><h3>acquire</h3><div class='member-signature'>"
            f"<span>public</span> <span>void</span> <span>acquire</span>()</div>{block}</section>"
            f"<section><h3>Queues at scale</h3><div class='meta'>3 min read</div>{block}</section>"
            "</main></body></html>").encode()


def test_a_members_short_signature_stays():
    lines = _lines(convert.parse(_members_page(), kind="html"))
    assert "public void acquire()" in lines and "3 min read" not in lines


def test_signature_lines_off_drops_it(monkeypatch):
    from convert.extract.html import cleaning
    monkeypatch.setattr(cleaning, "SIGNATURE_LINES", False)
    assert "public void acquire()" not in _lines(convert.parse(_members_page(), kind="html"))
