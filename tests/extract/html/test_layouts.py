"""Common page layouts, probed by hand-made pages with realistic chrome (header, nav, cookie
banner, share bar, footer): the whole article stays, the chrome goes, and its structure is
kept. Each layout that once failed names the defect in its test."""

from __future__ import annotations

import pytest

from convert.article import Div, Figure, Heading, List, Quote, Table
from convert.extract.html import parse_html
from convert.textutil import article_text


_CHROME_TOP = ("<header><a href='/'>The Daily Town</a><nav><ul><li><a href='/'>Home</a></li>"
               "<li><a href='/news'>News</a></li><li><a href='/about'>About us</a></li></ul></nav>"
               "</header><div class='cookie-banner'>We use cookies to improve your experience "
               "on our site. <button>Accept all</button></div>")
_SHARE = ("<div class='share-bar'><span>Share this:</span> <a href='https://facebook.com/s'>"
          "Facebook</a> <a href='mailto:?'>Email</a></div>")
_FOOTER = ("<footer><a href='/privacy'>Privacy policy</a><p>Copyright 2024 The Daily Town. "
           "All rights reserved.</p></footer>")
_CHROME_WORDS = ("Accept all", "Share this", "All rights reserved", "About us")


def _para(i: int) -> str:
    return (f"<p>Paragraph {i}: residents near the harbour described how the changes had "
            f"affected their daily routines, and officials promised a full review of the plans "
            f"(marker{i}).</p>")


def _paras(first: int, last: int) -> str:
    return "".join(_para(i) for i in range(first, last))


def _page(body: str, title: str = "Harbour plans face review") -> bytes:
    return (f"<html><head><title>{title} | The Daily Town</title></head><body>{_CHROME_TOP}"
            f"{body}{_FOOTER}</body></html>").encode()


def _blocks(blocks, kind):
    for block in blocks:
        if isinstance(block, kind):
            yield block
        if isinstance(block, (Div, Quote)):
            yield from _blocks(block.blocks, kind)


_NEWSLETTER = ("<div class='newsletter-signup'><h3>Get our morning briefing</h3><p>Sign up for "
               "our free newsletter and get the top stories in your inbox.</p><form><input "
               "type='email'><button>Subscribe</button></form></div>")
_LAYOUTS = {
    # The newsletter box splits the body: both halves are the article.
    "newsletter in the middle": (
        "<article><h1>Harbour plans face review</h1><div class='article-body'>" + _paras(0, 5)
        + _NEWSLETTER + _paras(5, 10) + "</div></article>", ["marker0)", "marker9)"],
        ["Sign up for"], []),
    "body split in two around a newsletter box": (
        "<main><article><h1>Harbour plans face review</h1><div class='article-body'>"
        + _paras(0, 5) + "</div>" + _NEWSLETTER + "<div class='article-body'>" + _paras(5, 10)
        + "</div></article></main>", ["marker0)", "marker9)"], ["Sign up for"], []),
    "WordPress post, widget sidebar, comment form": (
        "<div id='content'><main id='main'><article class='post'><h1 class='entry-title'>"
        "Growing tomatoes</h1><div class='entry-content'>" + _paras(0, 8) + "<h2>Watering</h2>"
        + _para(8) + "</div>" + _SHARE + "</article><div id='respond' class='comment-respond'>"
        "<h3>Leave a Reply</h3><form><p>Your email address will not be published. Required "
        "fields are marked *</p><textarea></textarea></form></div></main><aside "
        "class='widget-area'><section class='widget'><h2>Recent Posts</h2><ul>"
        + "".join(f"<li><a href='/p{i}'>Recent post number {i} about gardening</a></li>"
                  for i in range(6)) + "</ul></section></aside></div>",
        ["marker0)", "marker8)", "Watering"], ["Recent post", "Leave a Reply", "Required"],
        [(Heading, 1)]),
    "news story, ad slots, most-read rail": (
        "<main><article class='story'><h1>Harbour plans face review</h1>" + _SHARE
        + "<div class='story-body'>" + _paras(0, 3) + "<div class='ad-slot'><span>Advertisement"
        "</span></div>" + _paras(3, 6) + "</div></article><aside class='rail'><h2>Most read</h2>"
        "<ol>" + "".join(f"<li><a href='/s{i}'>Most read story {i} about the weather</a></li>"
                         for i in range(5)) + "</ol></aside></main>",
        ["marker0)", "marker5)"], ["Advertisement", "Most read story"], []),
    "recipe: ingredients, steps, nutrition table": (
        "<main><article><h1>Lemon drizzle cake</h1><p>The cake my grandmother baked every "
        "Sunday, moist and sharp, with a crackling sugar crust (intro).</p><h2>Ingredients</h2>"
        "<ul><li>225g unsalted butter</li><li>4 eggs</li><li>225g self-raising flour</li></ul>"
        "<h2>Method</h2><ol><li>Heat the oven to 180C and line a loaf tin.</li><li>Beat the "
        "butter and sugar until pale, then add the eggs.</li></ol><table><tr><th>Calories</th>"
        "<td>399</td></tr><tr><th>Fat</th><td>21g</td></tr></table></article>" + _SHARE
        + "</main>", ["intro)", "unsalted butter", "Heat the oven", "399"], [],
        [(List, 2), (Table, 1)]),
    "live blog of timestamped entries": (
        "<main><h1>Election night live</h1><div class='live-blog'>" + "".join(
            f"<article class='live-post'><time>{10 + i // 3}:{i * 7 % 60:02d}</time><p>Live "
            f"entry {i}: counting continues in the northern districts with turnout higher "
            f"than last time (live{i}).</p></article>" for i in range(20)) + "</div></main>",
        ["live0)", "live19)"], [], []),
    "photo essay: figures with captions": (
        "<main><article><h1>Dawn at the pier</h1><p>A year with the last fishing crews of the "
        "town, through the winter (intro).</p>" + "".join(
            f"<figure><img src='/p{i}.jpg' alt='photo {i}' width='800' height='600'><figcaption>"
            f"Caption {i}: fishermen unload the catch at dawn (cap{i}).</figcaption></figure>"
            for i in range(6)) + "</article>" + _SHARE + "</main>",
        ["intro)", "cap0)", "cap5)"], [], [(Figure, 6)]),
    "docs page: nav tree, on-this-page nav": (
        "<div class='docs'><nav class='sidebar-nav'><ul>" + "".join(
            f"<li><a href='/docs/{i}'>Guide chapter {i}</a></li>" for i in range(20))
        + "</ul></nav><main><h1>Configuring the server</h1><p>The server reads its settings "
        "from a TOML file at startup; any option can be overridden (doc1).</p><h2>Options</h2>"
        "<table><tr><th>Option</th><th>Default</th></tr><tr><td>port</td><td>8080</td></tr>"
        "</table><pre><code>pip install townserver</code></pre></main><nav class='toc'><h4>On "
        "this page</h4><ul><li><a href='#o'>Options</a></li></ul></nav></div>",
        ["doc1)", "8080", "pip install townserver"], ["Guide chapter", "On this page"],
        [(Table, 1)]),
    "long bulleted list": (
        "<article><h1>Twenty tax tips</h1><p>These are the tips our readers found most useful "
        "this year (lead).</p><ul>" + "".join(
            f"<li>Tip {i}: keep receipts for every purchase above fifty pounds (tip{i}).</li>"
            for i in range(20)) + "</ul></article>",
        ["lead)", "tip0)", "tip19)"], [], [(List, 1)]),
    "main story and teaser cards": (
        "<main><section class='more'>" + "".join(
            f"<article class='card'><h3><a href='/t{i}'>Teaser headline {i}</a></h3><p>Teaser "
            f"summary {i} of another story that readers may want to read.</p></article>"
            for i in range(5)) + "</section><article><h1>Harbour plans face review</h1>"
        + _paras(0, 6) + "</article></main>",
        ["marker0)", "marker5)"], ["Teaser"], []),
    "role=main beside a link column": (
        "<div class='side'><ul>" + "".join(f"<li><a href='/x{i}'>Section link {i}</a></li>"
                                           for i in range(10))
        + "</ul></div><div role='main'><h1>Harbour plans face review</h1>" + _paras(0, 6)
        + _SHARE + "</div>", ["marker0)", "marker5)"], ["Section link"], []),
    "Q&A: question and several answers": (
        "<div id='content'><div id='question'><h1>How do I always close a file?</h1><p>"
        "Sometimes an exception leaves my files open; what is the idiomatic way to close them "
        "(qbody)?</p></div>" + "".join(
            f"<div class='answer'><p>Answer {i}: use a context manager, so that the file is "
            f"closed even when an exception is raised inside the block, and you never have to "
            f"remember to call close yourself (ans{i}).</p><pre><code>with open(path) as f: "
            f"pass</code></pre></div>" for i in range(3)) + "</div>",
        ["qbody)", "ans0)", "ans2)"], [], []),
}


@pytest.mark.parametrize("name", list(_LAYOUTS))
def test_common_layout_keeps_the_whole_article_and_drops_the_chrome(name):
    body, kept, dropped, structure = _LAYOUTS[name]
    article = parse_html(_page(body))
    text = article_text(article)
    assert all(marker in text for marker in kept)
    assert not any(word in text for word in (*dropped, *_CHROME_WORDS))
    for kind, count in structure:
        assert len(list(_blocks(article.blocks, kind))) >= count


@pytest.mark.parametrize("cell", [
    "<h2>Our trip</h2>" + "<br><br>".join(
        f"Day {i}: we drove along the coast and stopped at small villages (trip{i})."
        for i in range(6)),
    "<h2>Our trip</h2>" + "".join(
        f"<p>Day {i}: we drove along the coast and stopped at small villages (trip{i}).</p>"
        for i in range(6))])
def test_old_layout_table_keeps_the_text_cell_not_the_menu_cell(cell):
    # Old sites lay the page out in a table: the menu in one cell, the text (often bare text
    # between <br>s, so the *row* collects its score) in the next; the row is not the article.
    html = ("<html><head><title>Our trip</title></head><body><table><tr><td colspan='2'>Smith "
            "Family Homepage</td></tr><tr><td width='150'><a href='/'>Home</a><br><a "
            "href='/photos'>Photos</a><br><a href='/guestbook'>Guestbook</a><br><a "
            "href='/ring'>Webring</a></td><td>" + cell + "</td></tr></table></body></html>")
    text = article_text(parse_html(html.encode()))
    assert "trip0)" in text and "trip5)" in text
    assert "Guestbook" not in text


def test_data_table_row_is_not_narrowed_to_one_cell():
    row = ("<tr><td>{0}</td><td>The plan for district {0} adds two bus lanes and a new "
           "cycle path along the river, finished by spring (row{0}).</td>"
           "<td>Residents of district {0} were consulted twice and mostly agreed.</td></tr>")
    html = ("<html><body><h1>District plans</h1><table>" + "".join(row.format(i) for i in range(3))
            + "</table></body></html>")
    text = article_text(parse_html(html.encode()))
    assert "row0)" in text and "mostly agreed" in text


def test_recipe_plugin_button_row_is_dropped():
    story = "".join(f"<p>Every summer we baked at my aunt's farm with lemons from the tree by "
                    f"the kitchen door (story{i}).</p>" for i in range(6))
    html = _page("<main><article><h1>Lemon drizzle cake</h1><div class='entry-content'><a "
                 "href='#recipe'>Jump to Recipe</a> <a href='/pin'>Pin Recipe</a>" + story
                 + "<div class='wprm-recipe'><h2>Lemon drizzle cake</h2><ul><li>225g butter</li>"
                 "<li>4 eggs</li></ul><a href='/print'>Print</a> <a href='#c'>Rate this Recipe"
                 "</a></div></div></article></main>", "Lemon drizzle cake")
    text = article_text(parse_html(html))
    assert "story0)" in text and "story5)" in text and "225g butter" in text
    assert "Jump to Recipe" not in text and "Rate this" not in text


def test_prose_block_after_the_article_element_is_not_joined():
    # A site's "about us" / legal text right after </article> scores like prose, but an
    # <article> is the whole story: its trailing siblings are the page's, not the story's.
    about = ("<div class='site-info'><h4>About The Daily Town</h4><p>The Daily Town has served "
             "the harbour district since 1887 with independent local news, sport and culture, "
             "published every morning except Sundays.</p><p>Registered in England No. 1234567. "
             "Registered office: 1 Quay Street, Harbourtown.</p></div>")
    lead = ("<figure><img src='/lead.jpg' width='900' height='500' alt='the docks'><figcaption>"
            "The old docks at low tide (leadcap).</figcaption></figure>")
    html = _page(lead + "<article><h1>Harbour plans face review</h1>" + _paras(0, 3)
                 + "</article>" + about)
    text = article_text(parse_html(html))
    assert "marker0)" in text and "marker2)" in text
    assert "leadcap)" in text  # a lead figure before the <article> still joins
    assert "since 1887" not in text and "Registered office" not in text


def test_unnamed_signup_box_between_paragraphs_is_dropped():
    # A newsletter box with no telling class: a heading, a line of pitch and a form. Pruning
    # strips the form's controls, so the box is judged by its emptied <form> (Readability's
    # "more inputs than a third of the paragraphs" rule).
    box = ("<div><h3>Like what you read?</h3><p>Get the best of The Daily Town delivered to "
           "your inbox every Friday morning.</p><form action='/signup'><input type='email'>"
           "<button>Sign me up</button></form></div>")
    html = _page("<article><h1>Harbour plans face review</h1><div class='article-content'>"
                 + _paras(0, 3) + box + _paras(3, 6) + "</div></article>")
    text = article_text(parse_html(html))
    assert "marker0)" in text and "marker5)" in text
    assert "Like what you read" not in text and "your inbox" not in text


def test_product_card_with_a_form_is_not_taken_for_a_signup_box():
    # A shop's card (picture, spec list, add-to-cart form) has a bare form too: it stays.
    card = ("<div><img src='/kettle.jpg' width='400' height='400' alt='kettle'><ul><li>1.7 "
            "litres</li><li>3000 W</li></ul><form action='/cart/add'><button>Add</button></form>"
            "</div>")
    html = _page("<article><h1>Kettle review</h1><div class='article-content'>" + _paras(0, 3)
                 + card + _paras(3, 6) + "</div></article>", "Kettle review")
    text = article_text(parse_html(html))
    assert "3000 W" in text and "marker5)" in text


def test_more_from_teasers_beside_a_short_story_are_dropped():
    # A two-paragraph story in <article>, then ten "more from" teasers with summaries in the
    # same <main>: the teasers' points tip <main> over the story; the headed <article>
    # scoring nearly as well is the story.
    more = ("<section class='more-from'><h2>More from News</h2>" + "".join(
        f"<div class='item'><h3><a href='/m{i}'>More headline {i}</a></h3><p>More summary {i}: "
        f"another long summary of a different news story published this week in the same "
        f"section of the site.</p></div>" for i in range(10)) + "</section>")
    html = _page("<main><article><h1>Harbour closed for repairs</h1><p>The harbour will close "
                 "for two weeks from Monday while engineers repair the lock gates (h1).</p><p>"
                 "Boat owners have been asked to move their vessels to the marina (h2).</p>"
                 "</article>" + more + "</main>", "Harbour closed")
    text = article_text(parse_html(html))
    assert "(h1)" in text and "(h2)" in text
    assert "More summary" not in text and "More headline" not in text


@pytest.mark.parametrize("footer_class", ["post-footer", "entry-footer"])
def test_post_footer_line_is_dropped(footer_class):
    # Blogger's "post-footer" / WordPress's "entry-footer" ("Posted by Ann at 10:31",
    # comment count, categories): "post"/"entry" cancel the "foot" of the name, so the line
    # stayed under the text.
    text_br = "<br><br>".join(
        f"Entry {i}: we walked along the harbour wall and watched the boats come in (br{i})."
        for i in range(6))
    html = _page(f"<div class='post hentry'><h3 class='post-title'>Harbour walk</h3><div "
                 f"class='post-body entry-content'>{text_br}</div><div class='{footer_class}'>"
                 f"Posted by Ann at 10:31 <a href='/c'>3 comments</a></div></div>",
                 "Harbour walk")
    text = article_text(parse_html(html))
    assert "br0)" in text and "br5)" in text
    assert "Posted by Ann" not in text
