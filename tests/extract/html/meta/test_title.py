"""convert.extract.html.meta.title: the headline chosen among the declared titles, the <h1>
and the <title> — first through the metadata reader alone, then through the whole page parse
(the article's headline, not the ``<title>`` with " | Site"; synthetic pages)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from convert.article import Heading
from convert.extract.html import parse_html
from convert.extract.html.meta import extract
from convert.textutil import inline_text

from ..test_metadata import _page, _title as _parsed_title


def _title(head: str, body: str = "", url: str | None = None) -> str | None:
    page = f"<html><head>{head}</head><body>{body}<p>Some text.</p></body></html>"
    return extract(LexborHTMLParser(page), url)["title"]


def test_h1_opening_a_name_description_title_is_the_subject_when_the_site_is_named():
    # A category page: the <h1> names it, the declared title adds a description after a colon
    # and the shop's name after a pipe.
    head = ('<title>Trail Shoes: Running, Hiking &amp; Approach | Acme Outfitters</title>'
            '<meta property="og:site_name" content="Acme">')
    assert _title(head, "<h1>Trail Shoes</h1>") == "Trail Shoes"


def test_h1_opening_a_colon_title_is_a_blogs_name_when_the_site_is_unknown():
    # With no site name declared, "Blog Name: Post title" keeps the post's title.
    head = "<title>Quiet Circuits: Flashing a tiny FPGA from a browser</title>"
    assert _title(head, "<h1>Quiet Circuits</h1>") == (
        "Quiet Circuits: Flashing a tiny FPGA from a browser")


def test_page_pipe_site_title_is_read_up_to_its_last_pipe():
    # No <h1>, no site name declared: the site's name closes the title, however long it is.
    head = "<title>Ladders - Overview | Office of Workplace Safety and Health Standards</title>"
    assert _title(head) == "Ladders - Overview"


def test_pipe_title_whose_head_is_the_declared_site_keeps_the_page_part():
    head = ('<title>Acme Labs | Measuring the Speed of Light at Home</title>'
            '<meta property="og:site_name" content="Acme Labs">')
    assert _title(head) == "Measuring the Speed of Light at Home"


# --- through the whole page parse (parse_html)

@pytest.mark.parametrize("head, h1, expected", [
    # One visible headline sharing the declared title's subject: the page's own wording.
    ("<title>Health And Nutrition Trends For 2026 | Site</title>",
     "Top 10 Health and Nutrition Trends to Watch", "Top 10 Health and Nutrition Trends to Watch"),
    # A template placeholder or the blog's name is not the headline.
    ("<title>Basic tag cleaning test</title>", "Lorem", "Basic tag cleaning test"),
    ("<title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title>",
     "Silicon Exposed", "Silicon Exposed: Open Verilog flow for GreenPak4 devices"),
    # A documentation permalink symbol is not part of the title.
    ("<title>Working with forms | Docs</title>", "Working with forms<a class='headerlink'>¶</a>",
     "Working with forms"),
    # ... nor is one a zero-width space stands for (synthetic, in the style of VitePress)
    ("<title>Routing | Lumen Router</title>", "Routing <a class='header-anchor' "
     "href='#routing'>\u200b</a>", "Routing"),
])
def test_title_from_a_lone_headline(head, h1, expected):
    from convert.extract.html import parse_html
    assert parse_html(_page(head, f"<h1>{h1}</h1>")).meta.title == expected


def test_title_skips_h1_that_is_the_site_name():
    # A blog's logo <h1> first, the post's own <h1> after it.
    head = ('<title>Budget Trips: Travel Insurance Explained</title>'
            '<meta property="og:site_name" content="Budget Trips">'
            '<meta property="og:title" content="Travel Insurance Explained">')
    body = "<h1>Budget Trips</h1><h1>Travel Insurance Explained</h1>"
    assert _parsed_title(head, body) == "Travel Insurance Explained"


def test_title_h1_repeating_the_site_part_of_the_title_is_not_the_headline():
    head = "<title>What is Ownership? - The Rust Programming Language</title>"
    assert _parsed_title(head, "<h1>The Rust Programming Language</h1>") == "What is Ownership?"
    # ...but an <h1> repeating the title's first part is the headline.
    head = "<title>Charges | Stripe API Reference</title>"
    assert _parsed_title(head, "<h1>Charges</h1><h1>The Charge object</h1>",
                  url="https://docs.stripe.com/api/charges") == "Charges"


def test_title_declared_as_site_name_only_is_ignored():
    head = ('<title>All Men\'s Socks</title><meta name="twitter:title" content="Bombas">'
            '<meta property="og:site_name" content="Bombas">')
    assert _parsed_title(head) == "All Men's Socks"
    head = ('<title>| Nuts &amp; Volts Magazine</title>'
            '<meta property="og:site_name" content="Nuts and Volts Magazine">')
    assert _parsed_title(head, "<h1>Electronic Gadgets</h1>") == "Electronic Gadgets"


def test_title_trailing_part_naming_the_host_is_the_site():
    head = "<title>Wrong refresh rate on RX7800 - Doom9's Forum</title>"
    assert _parsed_title(head, url="https://forum.doom9.org/showthread.php?t=1") == (
        "Wrong refresh rate on RX7800")


def test_title_site_name_holding_the_whole_title_is_ignored():
    head = ('<meta property="og:title" content="resource block | Terraform | HashiCorp">'
            '<meta property="og:site_name" content="resource block | Terraform | HashiCorp">')
    assert _parsed_title(head, "<h1>resource block</h1>") == "resource block"


def test_h1_carrying_the_site_name_loses_it():
    # (synthetic: the test once quoted a page that is now in the sealed check split)
    head = '<meta property="og:site_name" content="Gallery Weekly">'
    body = "<h1>Editors’ Picks: Ten Print Shows Worth the Trip – Gallery Weekly</h1>"
    assert _parsed_title(head, body) == "Editors’ Picks: Ten Print Shows Worth the Trip"
    body = "<h1>Marietta Electricians Costs - ProMatcher Cost Report</h1>"
    assert _parsed_title("", body, url="https://electricians.promatcher.com/cost/x.aspx") == (
        "Marietta Electricians Costs")


def test_json_ld_headline_cut_at_the_length_limit_gives_way_to_the_full_title():
    full = ("Fix It Friday: Struggling With How To Arrange Your Living Room? We Help 4 Readers "
            "Find Solutions (Including One Universal Trick)")
    head = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "'
            + full[:107] + '"}</script>'
            f'<meta property="og:title" content="{full} - Emily Henderson">'
            '<meta property="og:site_name" content="Emily Henderson">')
    assert _parsed_title(head) == full


def test_h1_tagline_after_a_pipe_is_not_the_headline():
    head = '<title>Best Movers in NYC 2025 | Top 19 Companies | Supermove</title>'
    assert _parsed_title(head, "<h1>Best Movers in NYC 2025 | Top 19 Companies</h1>") == (
        "Best Movers in NYC 2025")


def test_site_logo_h1_loses_to_the_h1_matching_the_trimmed_title():
    head = "<title>SHIP | City of Southfield</title>"
    body = "<h1>The City of Southfield, Michigan</h1><main><h1>SHIP</h1></main>"
    assert _parsed_title(head, body, url="https://www.cityofsouthfield.com/ship") == "SHIP"


def test_trailing_bracketed_site_name_is_dropped_and_its_logo_h1_is_no_headline():
    head = ("<title>Conversations with a Cryptid - Chapter 1 | Hero Academia "
            "[Archive of Our Own]</title>")
    assert _parsed_title(head, "<h1>Archive of Our Own beta</h1>") == "Conversations with a Cryptid"
    assert _parsed_title("<title>Weekly Edition for March 26, 2015 [LWN.net]</title>") == (
        "Weekly Edition for March 26, 2015")


def test_declared_titles_parting_ways_after_the_headline_keep_the_agreed_part():
    head = ('<meta property="og:title" content="CBD Relax Berries - (30ct) 300mg">'
            "<title>CBD Relax Berries - CBD Gummies - 300mg | Green Roads</title>")
    assert _parsed_title(head, "<h1>CBD Relax Berries - (30ct) 300mg</h1>") == "CBD Relax Berries"
    # Titles differing only by the site's name agree on everything before it.
    head = ('<meta property="og:title" content="Minecraft 1.8 - The Bountiful Update">'
            "<title>Minecraft 1.8 - The Bountiful Update - Minecraft</title>")
    assert _parsed_title(head) == "Minecraft 1.8 - The Bountiful Update"


def test_declared_titles_agreeing_only_on_the_site_name_keep_the_headline():
    head = ('<meta property="og:title" content="Acme Corp - Pricing">'
            "<title>Acme Corp - Pricing plans for teams</title>")
    assert _parsed_title(head, url="https://www.acmecorp.com/pricing") == "Acme Corp - Pricing"


def test_unknown_site_part_of_the_title_is_not_taken_for_the_headline():
    # No og:site_name, no URL: of "Photo essay | The Daily Town" the part the page's <h1>
    # speaks of is the headline's, not the longer one (the site's name).
    html = ("<html><head><title>Photo essay | The Daily Town</title></head><body>"
            "<nav><a href='/'>Home</a></nav><article><h1>Dawn at the pier: a photo essay</h1><p>"
            + "The fishermen arrive before the light, and the gulls arrive before them. " * 8
            + "</p></article></body></html>")
    assert parse_html(html.encode()).meta.title == "Photo essay"


@pytest.mark.parametrize("head", [
    "<title>Photo essay | The Daily Town</title><meta property='og:site_name' content='The Daily Town'>",
    "<title>Town council news | The Daily Town</title>"])
def test_visible_headline_outside_the_body_is_kept_when_the_title_is_other_wording(head):
    # The title comes from a declared rewording; the page's one <h1> sits above the winning
    # block: the reader's headline must not vanish from both the title and the body.
    para = "<p>" + "The fishermen arrive before the light, and the gulls follow them. " * 4 + "</p>"
    html = (f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav><div class='hero'>"
            f"<h1>Dawn at the pier: a photo essay</h1></div><div class='story'>{para * 4}</div>"
            "</body></html>")
    article = parse_html(html.encode())
    assert article.meta.title != "Dawn at the pier: a photo essay"
    first = article.blocks[0]
    assert isinstance(first, Heading) and inline_text(first.children) == (
        "Dawn at the pier: a photo essay")


def test_headline_is_not_repeated_when_the_title_is_the_headline():
    para = "<p>" + "The fishermen arrive before the light, and the gulls follow them. " * 4 + "</p>"
    html = ("<html><head><title>Dawn at the pier | The Daily Town</title></head><body>"
            f"<div class='hero'><h1>Dawn at the pier</h1></div><div class='story'>{para * 4}</div>"
            "</body></html>")
    article = parse_html(html.encode())
    assert article.meta.title == "Dawn at the pier"
    assert not isinstance(article.blocks[0], Heading)


@pytest.mark.parametrize("head, body, expected", [
    # A heading's permalink anchor drawn as "#" (VitePress, Docusaurus) is no part of it.
    ("<title>Composition API | Vue.js</title>",
     "<h1>Composition API <a class='header-anchor' href='#composition-api'>#</a></h1>",
     "Composition API"),
    # A screen-reader-only <h1> ("Posts") is no visible headline: the page is the site's.
    ('<title>DEV Community</title><meta property="og:site_name" content="DEV Community">'
     '<meta property="og:title" content="DEV Community">',
     "<h1 class='screen-reader-only'>Posts</h1>", "DEV Community"),
    # A bare "Home" names no page: the site's name does.
    ('<title>Home - The GitHub Blog</title><meta property="og:title" content="Home">'
     '<meta property="og:site_name" content="The GitHub Blog">', "", "The GitHub Blog"),
    ('<title>Home | Ohio Artisans</title>', "<h1>Home</h1>", "Ohio Artisans"),
])
def test_title_is_no_page_furniture(head, body, expected):
    assert _parsed_title(head, body) == expected


@pytest.mark.parametrize("head, h1, expected", [
    # Documentation: "Page — Project Documentation (3.1.x)" under the page's own <h1>.
    ("<title>Quickstart — Flask Documentation (3.1.x)</title>", "Quickstart¶", "Quickstart"),
    ("<title>Flexbox - Learn web development | MDN</title>", "Flexbox", "Flexbox"),
    # A collection page: "Chess Sets - Shop Name - tagline".
    ("<title>Chess Sets - The Regency Chess Co USA - Online chess shop</title>", "Chess Sets",
     "Chess Sets"),
])
def test_lone_h1_heading_the_declared_title_is_the_headline(head, h1, expected):
    assert _parsed_title(head, f"<h1>{h1}</h1>") == expected


def test_h1_that_is_a_later_part_of_the_title_is_still_no_headline():
    # (the blog's name after the post's title is not the headline: the rule above reads only
    # a first part)
    head = "<title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title>"
    assert _parsed_title(head, "<h1>Silicon Exposed</h1>") == (
        "Silicon Exposed: Open Verilog flow for GreenPak4 devices")


def test_site_and_tagline_title_yields_to_the_threads_h1():
    # The same "<Site> - tagline" <title> on every thread of the site names no page.
    head = "<title>Forumly - The heart of the internet</title>"
    body = "<h1>Enameled cast iron pan and metal utensils</h1>"
    assert _parsed_title(head, body, url="https://www.forumly.com/r/cooking/comments/1/pan/") == (
        "Enameled cast iron pan and metal utensils")
    # Unknown URL: a title sharing no word with the lone headline is the site's too.
    assert _parsed_title(head, body) == "Enameled cast iron pan and metal utensils"
    # On the site's start page the title names the page.
    assert _parsed_title(head, "<h1>Welcome to the front page</h1>",
                  url="https://www.forumly.com/") == "Forumly - The heart of the internet"
    # A tagline sharing a word with the headline may be the page's own title: not read here.
    head = "<title>Acme - Caring for cast iron</title>"
    assert _parsed_title(head, "<h1>Enameled cast iron pan and metal utensils</h1>") != (
        "Enameled cast iron pan and metal utensils")


def test_short_tail_after_a_dash_is_the_site_when_nothing_else_tells():
    # No site name, no host, no <h1>: "Long headline – My website".
    assert _parsed_title("<title>Lorem ipsum dolor sit amet – My website</title>") == (
        "Lorem ipsum dolor sit amet")
    # A tail with a number ("2025"), or a long one, is part of the headline; a name with a
    # digit ("Doom9's Forum") is still a name.
    assert _parsed_title("<title>Wrong refresh rate on the RX7800 - Doom9's Forum</title>") == (
        "Wrong refresh rate on the RX7800")
    assert _parsed_title("<title>Electricians in Springfield, Costs - 2025 Report</title>") == (
        "Electricians in Springfield, Costs - 2025 Report")
    assert _parsed_title("<title>Why we moved - and what it taught us about ourselves</title>") == (
        "Why we moved - and what it taught us about ourselves")
    # ...and a page's own <h1> is compared instead.
    assert _parsed_title("<title>Lorem ipsum dolor sit amet – My website</title>",
                  "<h1>Something else entirely here</h1>") == (
        "Lorem ipsum dolor sit amet – My website")


# --- blog_post_heading: the post's <h2>/<h3> under an <h1> naming the blog (dragnet-217,
# dragnet-295, dragnet-R540: tune pages, shapes copied)

def test_blog_name_h1_and_post_heading_give_the_posts_title():
    head = "<title>Seth's Blog: The false choice of mediocrity</title>"
    body = ("<h1 id='banner-header'><a href='http://blog.example/'>Seth's Blog</a></h1>"
            "<h2>Riffs on marketing and the ways ideas spread</h2>"
            "<h3 class='entry-header'>The false choice of mediocrity</h3>")
    assert _title(head, body) == "The false choice of mediocrity"
    head = "<title>The irony of the economy in 2010 « Rand's Blog</title>"
    body = ("<h1><a href='http://example.com/blog'>Rand's Blog</a></h1>"
            "<h2><a href='/blog/28/irony' rel='bookmark'>The irony of the economy in 2010</a>"
            "</h2><h2>45 comments</h2>")
    assert _title(head, body) == "The irony of the economy in 2010"


def test_without_an_h1_only_a_post_title_heading_names_the_post():
    head = "<title>Example News Blog: A new way to read the news</title>"
    body = "<h3 class='post-title'>A new way to read the news</h3>"
    assert _title(head, body) == "A new way to read the news"
    # (a shop's section heading, not classed as a post's title, is left to the usual choice)
    from convert.extract.html.meta.posthead import post_heading
    assert post_heading(["Men's Socks | Acme"], [], [("Men's Socks", False)], None, None,
                        False) is None
    assert post_heading(["Men's Socks | Acme"], [], [("Men's Socks", True)], None, None,
                        False) == "Men's Socks"


def test_a_headline_h1_keeps_the_title_and_a_logo_heading_is_no_post():
    head = "<title>Electrical - Overview | Occupational Safety and Health Administration</title>"
    body = ("<h2 class='logo-type'><a href='/'>Occupational Safety and Health Administration"
            "</a></h2><h3>Electrical</h3>")
    assert _title(head, body) != "Occupational Safety and Health Administration"
    head = "<title>Pier extension approved: what it means | Harbour News</title>"
    body = "<h1>Pier extension approved</h1><h2>What it means</h2>"
    assert _title(head, body) == "Pier extension approved"


def test_site_name_opening_the_title_without_a_separator_under_a_logo_h1():
    # wcxb-dev 0452 (a tune page): the <h1> links to the start page
    head = "<title>davidbau.com Vibe Coding</title>"
    body = ("<h1><a href='https://davidbau.com/'>davidbau.com</a></h1>"
            "<h2 class='date'>December 16, 2025</h2><h3 class='title'>Vibe Coding</h3>")
    assert _title(head, body) == "Vibe Coding"


def test_a_products_subtitle_heading_is_no_post_title():
    # wcxb-dev-extra 0624 (a tune page): the <h1> names the product, an <h2> its kind; the
    # title joins them without a separator
    head = ("<title>Nike Pegasus 41 Men's Road Running Shoes. Nike.com</title>"
            "<meta property='og:title' content=\"Nike Pegasus 41 Men's Road Running Shoes\">")
    body = "<h1>Nike Pegasus 41</h1><h2 class='product_subtitle'>Men's Road Running Shoes</h2>"
    assert _title(head, body) != "Men's Road Running Shoes"


def test_without_h1_or_declared_title_a_heading_beside_a_shorter_site_part_is_the_title():
    # dragnet-294 and dragnet-T162 (tune pages)
    head = "<title>First color panorama from Curiosity | Bad Astronomy | Discover Magazine</title>"
    body = "<h3>Recent posts</h3><h2>First color panorama from Curiosity</h2>"
    assert _title(head, body) == "First color panorama from Curiosity"
    # a site-name heading beside a longer headline part is no title (dragnet-R481)
    head = "<title>Who will win the election? « Healthcare Economist</title>"
    assert _title(head, "<h2>Healthcare Economist</h2>") != "Healthcare Economist"
    # a page declaring its own title keeps the usual choice
    head = ("<title>Men's Socks | Acme</title>"
            "<meta property='og:title' content=\"All Men's Socks\">")
    assert _title(head, "<h2>Men's Socks</h2>") == "All Men's Socks"


def test_a_heading_classed_title_names_the_post_under_a_repeated_site_part():
    # dragnet-R7 (a tune page): og:title repeats the <title>, which repeats the site's name
    head = ("<title>High Scalability - High Scalability - Not All Regions are Created Equal"
            "</title><meta property='og:title' content='High Scalability - High Scalability - "
            "Not All Regions are Created Equal'>")
    body = "<h2 class='title'>Not All Regions are Created Equal</h2>"
    assert _title(head, body) == "Not All Regions are Created Equal"


# --- a post's heading under a blog's or a section's <h1> (dragnet-R983, dragnet-T151,
# dragnet-R711, dragnet-R957, dragnet-R896: tune pages, shapes copied; their human gold keeps
# the post's headline as the text's first line)

def test_the_site_part_beside_a_post_heading_is_counted_in_words(monkeypatch):
    # "Blog » Blog Archive » Post": six words and two separators beside the post's heading
    head = ("<title>Marsh Light Photo Notes  » Blog Archive   » Where Does a Gallery Put "
            "Its Prints?</title>")
    body = ("<h1><a href='http://marsh.example/'>Marsh Light Photo Notes</a></h1>"
            "<h2>Where Does a Gallery Put Its Prints?</h2><h3>2 Comments</h3>")
    assert _title(head, body) == "Where Does a Gallery Put Its Prints?"
    from convert.extract.html.meta import posthead
    monkeypatch.setattr(posthead, "SITE_PART_WORDS", False)
    assert _title(head, body) != "Where Does a Gallery Put Its Prints?"


def test_an_h1_that_is_the_rest_of_the_title_is_the_blogs_name(monkeypatch):
    # The blog's name shares a word with the post's title: still the blog's name.
    head = "<title>Inside Tidewater Desktop: Tidewater Desktop Update</title>"
    body = ("<h1>Inside Tidewater Desktop</h1>"
            "<h3 class='post-title'>Tidewater Desktop Update</h3>")
    assert _title(head, body) == "Tidewater Desktop Update"
    from convert.extract.html.meta import posthead
    monkeypatch.setattr(posthead, "H1_IS_SITE_PART", False)
    assert _title(head, body) == "Inside Tidewater Desktop"


def test_a_heading_classed_as_the_posts_title_names_the_post_under_a_section_h1(monkeypatch):
    head = "<title>Harbour Lat Long: Outreach launches in two new countries</title>"
    body = ("<h1>Maps</h1><h3 class='post-title entry-title'>Outreach launches in two new "
            "countries</h3><h2 class='date-header'>Monday, November 5, 2012</h2>")
    assert _title(head, body) == "Outreach launches in two new countries"
    from convert.extract.html.meta import posthead
    monkeypatch.setattr(posthead, "CLASSED_POST_HEADING", False)
    assert _title(head, body) == "Harbour Lat Long: Outreach launches in two new countries"
    # (a bare "title" class is as often a page's own name: not read so)
    monkeypatch.setattr(posthead, "CLASSED_POST_HEADING", True)
    head = "<title>The Studio | Machine Learning at Harbour Tech</title>"
    body = ("<h1>Harbour Institute of Technology</h1><h2 class='one-line'>ML@HT</h2>"
            "<h2 class='title'>The Studio</h2>")
    assert _title(head, body) != "The Studio"


def test_an_entry_title_h1_is_the_headline_of_a_blog_then_post_title(monkeypatch):
    head = "<title>The Art of Wandering » Searching for a Lighthouse in Midtown</title>"
    body = "<h1 class='entry-title'>Searching for a Lighthouse in Midtown</h1>"
    assert _title(head, body) == "Searching for a Lighthouse in Midtown"
    from convert.extract.html.meta import title
    monkeypatch.setattr(title, "ENTRY_TITLE_H1", False)
    assert _title(head, body) == "The Art of Wandering"


def test_an_h1_that_is_the_title_with_the_site_name_after_it_is_the_titles_own(monkeypatch):
    # The <h1> "Headline – Site" gives the title "Headline": it is that title's headline, not a
    # rewording for the body to keep above the story, so the body drops it as it drops a
    # heading repeating the title (wcxb-dev 0225, a tune page: "... - ProMatcher Cost Report").
    from convert.extract.html.meta import title
    from convert.textutil import article_text
    para = ("<p>The harbour's tides follow the moon twice a day, and the pilots who bring the "
            "ferries in read the tables every morning before the first crossing.</p>") * 3
    page = ('<html><head><meta property="og:site_name" content="Harbour Notes"></head><body>'
            '<article><h1>Tides and the moon explained – Harbour Notes</h1>'
            f'{para}</article></body></html>').encode()
    article = parse_html(page)
    assert article.meta.title == "Tides and the moon explained"
    assert "Harbour Notes" not in article_text(article)
    monkeypatch.setattr(title, "SITE_SUFFIXED_HEADLINE", False)
    article = parse_html(page)
    assert article.meta.title == "Tides and the moon explained"
    assert article_text(article).startswith("Tides and the moon explained – Harbour Notes")


@pytest.mark.parametrize("sep", [" | ", " - ", " — ", " :: ", " » ", " · "])
def test_a_long_h1_after_the_sites_name_in_the_title_is_the_headline(monkeypatch, sep):
    # (rule long_h1_no_site) synthetic, in the style of a local paper's CMS that puts its
    # name first: "Harbour News | <headline>", the headline also the page's <h1>.
    headline = "Pier extension approved after decade of debate"
    head = f"<title>Harbour News{sep}{headline}</title>"
    body = f"<header><a href='/'>Harbour News</a></header><h1>{headline}</h1>"
    assert _title(head, body) == headline
    # the site's start page keeps its name: its <h1> is the slogan
    start = "<link rel='canonical' href='https://harbour.example/'>"
    assert _title(head + start, body) == "Harbour News"
    from convert.extract.html.meta import title
    monkeypatch.setattr(title, "LONG_H1_NO_SITE", False)
    assert _title(head, body) == "Harbour News"
