"""HTML extractor: regressions of issue #3's known defects (chrome-only pages, lead figures,
standfirst)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.article import Div, Figure, Heading, List, Paragraph, Quote, Table
from convert.errors import InputError
from convert.extract.html import parse_html
from convert.textutil import article_text, inline_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "html"
EXAMPLES = Path(__file__).parents[2] / "examples"
BODY_P = ("<p>The committee met on Tuesday to discuss the new budget, which includes funding for "
          "schools, roads and the public library, and agreed to publish its report.</p>")


# --------------------------------------------------------------------------- not an article

@pytest.mark.parametrize("body", [
    "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<div class='cookie'>We use cookies. Accept</div>",
    "<div><a href='/a'>Sport</a> <a href='/b'>Weather</a> <a href='/c'>Culture</a></div>"
    "<p>This website uses cookies to give you the best experience. Cookie settings</p>",
    "<ul><li><a href='/1'>First story</a></li><li><a href='/2'>Second story</a></li></ul>"
    "<p>By using this site you agree to our cookie policy.</p>",
])
def test_links_and_consent_notice_are_not_an_article(body):
    page = f"<html><head><title>Budget report</title></head><body>{body}</body></html>"
    with pytest.raises(InputError, match="no article content found"):
        parse_html(page.encode())


def test_consent_line_is_dropped_from_an_article():
    page = ("<html><body><div class='cookie'>We use cookies to improve your experience. "
            f"Accept all cookies</div><article>{BODY_P}</article></body></html>")
    article = parse_html(page.encode())
    text = " ".join(inline_text(b.children) for b in article.blocks if isinstance(b, Paragraph))
    assert "cookies" not in text and "committee" in text


def test_article_about_cookies_is_kept():
    page = ("<html><body><article><p>Cookies are small biscuits that people accept gladly, "
            "and this bakery sells forty kinds of them every morning to the whole street.</p>"
            "</article></body></html>")
    article = parse_html(page.encode())
    assert "biscuits" in inline_text(article.blocks[0].children)


# --------------------------------------------------------------------------- figures

def _figures(article):
    return [b for b in article.blocks if isinstance(b, Figure)]


def test_field_notes_lead_figure_is_a_figure_block_with_caption_and_credit():
    path = EXAMPLES / "field-notes.html"
    article = parse_html(path.read_bytes(), location=str(path))
    figures = _figures(article)
    assert len(figures) == 1
    lead = figures[0]
    assert article.blocks[0] is lead, "the lead figure opens the body"
    assert lead.image.src.endswith("rooftop-hives.jpg")
    assert lead.image.alt == "Three white beehives on a flat roof"
    assert inline_text(lead.caption).strip() == (
        "Hives on the roof of a community centre in east London.")
    assert inline_text(lead.credit).strip() == "Photo: Sam Reyes"
    assert article.meta.lead_image is None  # no og:image; the figure is not duplicated


def test_lead_figure_before_the_headline_and_inline_figure():
    path = FIXTURES / "lead_figure.html"
    article = parse_html(path.read_bytes(), location="https://rail.example/night-trains")
    figures = _figures(article)
    assert [f.image.src for f in figures] == ["https://rail.example/img/sleeper.jpg",
                                              "https://rail.example/img/corridor.jpg"]
    assert article.blocks[0] is figures[0]
    assert inline_text(figures[0].caption).strip() == "A sleeper carriage at Zurich station."
    assert inline_text(figures[0].credit).strip() == "Photo: Lena Brandt / Rail Weekly"
    assert inline_text(figures[1].credit).strip() == "© Rail Weekly"
    # og:image is the same picture (a size variant): shown once, in the body.
    assert article.meta.lead_image is None


def test_declared_lead_image_kept_when_the_body_has_no_figure():
    page = ("<html><head><meta property='og:image' content='https://x.example/a.jpg'></head>"
            f"<body><article>{BODY_P}</article></body></html>")
    article = parse_html(page.encode())
    assert article.meta.lead_image.image.src == "https://x.example/a.jpg"


def test_teaser_cards_beside_the_body_are_not_figures():
    page = ("<html><body><article><div class='body'>" + BODY_P * 3 + "</div>"
            "<figure><a href='/other'><img src='/t.jpg'></a><figcaption><a href='/other'>"
            "Another story entirely</a></figcaption></figure></article></body></html>")
    article = parse_html(page.encode())
    assert not _figures(article)


# --------------------------------------------------------------------------- standfirst

def test_field_notes_standfirst_is_the_subtitle_and_not_a_paragraph():
    path = EXAMPLES / "field-notes.html"
    article = parse_html(path.read_bytes(), location=str(path))
    dek = "City beekeepers are using cheap sensors to learn what their colonies need."
    assert article.meta.subtitle == dek
    texts = [inline_text(b.children).strip() for b in article.blocks if isinstance(b, Paragraph)]
    assert dek not in texts


def test_h2_after_h1_in_header_is_the_subtitle():
    path = FIXTURES / "lead_figure.html"
    article = parse_html(path.read_bytes())
    assert article.meta.subtitle == ("Operators are betting that travellers will trade speed "
                                     "for a bed.")


@pytest.mark.parametrize("head, body, expected", [
    ("", "<h1>Budget report</h1><p class='dek'>The council finds its money, at last.</p>"
     + BODY_P, "The council finds its money, at last."),
    ("<meta property='og:description' content='A short summary the page never shows.'>",
     "<h1>Budget report</h1>" + BODY_P + BODY_P, None),
    # The description repeats the body's first paragraph: that is the lede, not a standfirst.
    ("<meta property='og:description' content='The committee met on Tuesday to discuss the new "
     "budget, which includes funding for schools, roads and the public library, and agreed to "
     "publish its report.'>", "<h1>Budget report</h1>" + BODY_P + BODY_P, None),
    ("", "<h1>Budget report</h1>" + BODY_P + BODY_P, None),
    # A reading-time / date line or a picture's caption right under the headline is not one.
    ("", "<header><h1>Budget report</h1><p>Blog 7 min read May 06, 2025</p></header>" + BODY_P,
     None),
    ("<meta property='og:description' content='The mayor at the town hall on Monday.'>",
     "<header><h1>Budget report</h1><div><figure><img src='/a.jpg'><figcaption>The mayor at "
     "the town hall on Monday.</figcaption></figure></div></header>" + BODY_P, None),
])
def test_standfirst_sources(head, body, expected):
    page = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    article = parse_html(page.encode())
    assert article.meta.subtitle == expected
    if expected:
        assert all(inline_text(b.children).strip() != expected for b in article.blocks
                   if isinstance(b, Paragraph))


# --------------------------------------------------------------------------- content

LONG = ("Readers wrote in about the new classes, the teachers and the studio, and most of them "
        "said the same thing, that the teaching was patient, precise and kind, week after week. ")


def test_figure_wrapping_a_quote_keeps_the_quote():
    quotes = "".join(f"<figure><blockquote><span>“</span>{LONG} {i}<span>”</span></blockquote>"
                     f"<figcaption>— Reader {i}</figcaption></figure>" for i in range(3))
    article = parse_html(f"<html><body><main><h2>Reviews</h2>{quotes}</main></body></html>".encode())
    text = " ".join(" ".join(inline_text(x.children) for x in b.blocks)
                    for b in article.blocks if b.type == "quote")
    assert text.count("patient, precise and kind") == 3


def test_sections_sharing_the_winners_class_are_one_article():
    count = iter(range(100))

    def part(n):
        return ("<div class='rich-text'>" + "".join(f"<p>{next(count)}: {LONG}</p>"
                                                    for _ in range(n)) + "</div>")
    sections = "".join(f"<section><div class='wrap'>{part(n)}</div></section>"
                       for n in (6, 2, 2, 2))
    page = f"<html><body><nav><a href='/'>Home</a></nav><div id='page'>{sections}</div></body></html>"
    article = parse_html(page.encode())
    paragraphs = [b for b in article.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 12


def test_enclosing_article_scoring_nearly_as_well_wins():
    count = iter(range(100))

    def section(n, sid):
        return (f"<section id='{sid}'><h2>Part {sid}</h2>"
                + "".join(f"<p>{next(count)}: {LONG}</p>" for _ in range(n)) + "</section>")
    body = (f"<article class='post'><div>{section(3, 'a')}</div><div><div>{section(6, 'b')}</div>"
            f"</div><div>{section(2, 'c')}</div></article>")
    article = parse_html(f"<html><body>{body}<footer>© x</footer></body></html>".encode())
    paragraphs = [b for b in article.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 11


def test_strong_image_sections_survive_cleaning():
    cards = "".join(
        f"<div class='story-section'><div class='story-body'><img src='/a{i}.jpg'>"
        f"<img src='/b{i}.jpg'><span>Corner {i}: the old cabinet from the fifties is the "
        f"highlight of the living room, with plants, lamps and books.</span></div></div>"
        for i in range(5))
    article = parse_html(f"<html><body><div class='story-container'>{cards}</div></body></html>"
                         .encode())
    text = " ".join(inline_text(b.children) for b in article.blocks if isinstance(b, Paragraph))
    assert all(f"Corner {i}:" in text for i in range(5)), text


def test_relaxed_pass_beats_a_strict_fallback_to_the_body():
    count = iter(range(100))
    cards = "".join(f"<div><p><a href='/s{i}'>Story {i}</a> tells how the skate park opened "
                    f"and who came</p></div>" for i in range(9))
    copy = "".join(f"<p>{next(count)}: {LONG}</p>" for _ in range(5))
    page = (f"<html><body><div class='share-layout'><h1>Skate park</h1>"
            f"<div class='article-copy'>{copy}</div></div>{cards}"
            f"<footer>{'Imprint, contact and the legal notes of the publisher. ' * 60}</footer>"
            "</body></html>")
    article = parse_html(page.encode())
    text = " ".join(inline_text(b.children) for b in article.blocks if isinstance(b, Paragraph))
    assert "4: Readers wrote" in text


def test_short_item_list_inside_the_article_is_kept():
    body = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    lst = ("<p><strong>Sequential scan</strong></p><ul><li>A brute-force retrieval from disk</li>"
           "<li>Scans the whole table</li><li>Fast for small tables</li></ul>")
    article = parse_html(f"<html><body><div class='body'>{body}{lst}{body}</div></body></html>"
                         .encode())
    assert any(b.type == "list" for b in article.blocks)


def test_prose_in_an_overflow_hidden_block_survives_conditional_cleaning():
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract import cleaning, measure
    faq = "".join(f"<p>Answer {i}: {LONG}</p>" for i in range(2))
    tree = LexborHTMLParser(f"<div class='faq overflow-hidden'>{faq}</div>"
                            f"<div class='sidebar'>{faq}</div>")
    assert not cleaning._should_drop(tree.css_first("div.faq"), measure.STRICT, 0.0, 10000)
    assert cleaning._should_drop(tree.css_first("div.sidebar"), measure.STRICT, 0.0, 10000)


# --------------------------------------------------------------------------- named boilerplate

def _body_text(article):
    from convert.textutil import article_text
    return article_text(article)


def test_related_posts_and_share_bar_inside_the_entry_are_dropped():
    # WordPress/Jetpack: "jp-relatedposts" and "post-author" read as content through "post".
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    related = ("<div id='jp-relatedposts' class='jp-relatedposts'><h3>Related</h3>"
               + "".join(f"<div class='jp-relatedposts-post'><h4><a href='/r{i}'>Other story "
                         f"{i}</a></h4><p>An excerpt of another story, with its own commas, "
                         f"long enough to score as prose on its own.</p></div>" for i in range(3))
               + "</div>")
    page = (f"<html><body><article class='post'><div class='entry-content'>{copy}"
            f"<div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3></div>{related}"
            f"<div class='post-author'><p>Jane writes about parks, pools and playgrounds for "
            f"the city desk, and has done so since 2009.</p></div><div class='tnp-subscription'>"
            f"<p>Get the week's stories, the events and our picks in your inbox every "
            f"Friday.</p></div></div></article></body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "3: Readers wrote" in text
    assert "Other story" not in text and "Share this" not in text and "Jane writes" not in text
    assert "inbox" not in text


def test_section_named_like_chrome_by_its_heading_anchor_is_kept():
    # Docs give sections the slug of their heading as id ("sharing-with-a-single-developer").
    parts = "".join(f"<div class='section' id='sharing-with-the-team-part-{i}'><h2>Part {i}</h2>"
                    f"<p>{i}: {LONG}</p></div>" for i in range(4))
    text = _body_text(parse_html(f"<html><body><div class='body'>{parts}</div></body></html>"
                                 .encode()))
    assert all(f"{i}: Readers wrote" in text for i in range(4))


def test_strict_winner_inside_related_pages_gives_way_to_the_article():
    cards = "".join(f"<div class='card'><p>Guide {i}: how to set up a desk, a chair and a lamp, "
                    f"in five short steps.</p></div>" for i in range(6))
    steps = "".join(f"<div class='step'><span>Step {i}</span><span>{LONG}</span></div>"
                    for i in range(4))
    page = (f"<html><body><main class='main-content'><div>{steps}</div>"
            f"<section class='related-pages'><div class='carousel'>{cards}</div></section></main>"
            "</body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "Readers wrote" in text and "Guide 1" not in text


def test_long_related_posts_list_after_a_short_article_is_dropped():
    # The teasers outweigh the article, but the article's best block is not inside them.
    copy = f"<div class='entry-content'><p>1: {LONG}</p><p>2: {LONG}</p></div>"
    teasers = "".join(f"<div class='card'><h4><a href='/r{i}'>Other story {i}</a></h4><p>"
                      f"{LONG}</p></div>" for i in range(4))
    page = (f"<html><body><div class='wrapper post'>{copy}<div class='section related-posts'>"
            f"<h2>Related posts</h2>{teasers}</div></div></body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "2: Readers wrote" in text and "Other story" not in text


LEAD = ("Thousands of commuters pass the old station every day: from next spring they will see "
        "the new tower rising behind the platforms.")


def test_lead_wrapper_above_the_body_joins_the_winner():
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    page = (f"<html><body><div class='news'><div class='teaser-text'><p>{LEAD}</p></div>"
            f"<div class='media'><img src='/tower.jpg'></div>"
            f"<div class='news-text-wrap'>{copy}</div></div></body></html>")
    text = _body_text(parse_html(page.encode()))
    assert text.startswith("Thousands of commuters") and "3: Readers wrote" in text


@pytest.mark.parametrize("lead", [
    f"<section class='widget widget_text above-content'><p>{LEAD}</p></section>",
    f"<div class='intro'><p>{LEAD}</p></div><div class='crumbs-line'>Home / News</div>",
])
def test_promo_or_distant_block_above_the_body_is_not_a_lead(lead):
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(4))
    page = (f"<html><body><div class='news'>{lead}<div class='news-text-wrap'>{copy}</div>"
            "</div></body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "Thousands of commuters" not in text and "3: Readers wrote" in text


@pytest.mark.parametrize("line", ["Das könnte Sie auch interessieren:", "Ähnliche Beiträge",
                                  "LE PUEDE INTERESAR: La ficha del expresidente"])
def test_related_teaser_labels_are_dropped(line):
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(3))
    page = f"<html><body><article>{copy}<p>{line}</p></article></body></html>"
    text = _body_text(parse_html(page.encode()))
    assert line not in text and "2: Readers wrote" in text


@pytest.mark.parametrize("tag", ["aside", "header"])
def test_loose_pass_must_find_more_than_the_sidebar_it_keeps(tag):
    # A short post on a page of widgets: the loose pass keeps the <aside> (or a <header>
    # outside the article), longer than the post, but that is not more of the article.
    widgets = "".join(f"<div class='box'><p>Widget {i}: our magazine, founded in 1990, "
                      f"covered the night sky, telescopes, and star charts for readers.</p></div>"
                      for i in range(30))
    page = (f"<html><body><div class='wrapper'><div class='main'><h1>Pleiades</h1>"
            f"<p>1: {LONG}</p><p>2: {LONG}</p></div><{tag}>{widgets}</{tag}></div>"
            "</body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "2: Readers wrote" in text and "Widget" not in text


def test_trailing_link_paragraph_pointing_elsewhere_is_dropped():
    copy = "".join(f"<p>{i}: {LONG}</p>" for i in range(3))
    page = (f"<html><body><article>{copy}<p><a href='/other'>Read here another exciting "
            f"post …</a></p></article></body></html>")
    text = _body_text(parse_html(page.encode()))
    assert "2: Readers wrote" in text and "another exciting" not in text


def test_link_paragraphs_inside_the_article_are_kept():
    copy = "".join(f"<p>{i}: {LONG}</p><p><a href='/s{i}'>Source {i}</a></p>" for i in range(3))
    text = _body_text(parse_html(f"<html><body><article>{copy}<p>The end of the story, as "
                                 f"told by the teachers.</p></article></body></html>".encode()))
    assert all(f"Source {i}" in text for i in range(3))


@pytest.mark.parametrize("section", [
    "<section id='comments' class='comments'>", "<div id='disqus_thread'>",
    "<div id='comments' class='comments-area'>", "<div class='responses'>"])
@pytest.mark.parametrize("headline_inside", [True, False])
def test_long_comment_section_never_replaces_the_article(section, headline_inside):
    # A blog post of ten paragraphs under 150 reader comments: the comments are most of the
    # page, so the strict pass's article looks short and the cascade relaxes; the relaxed
    # pass's bigger region is only the comments (kept out by default), never a gain.
    para = ("<p>The council voted on Tuesday to extend the library's opening hours (change {}), "
            "a decision welcomed by students and parents, who had argued for it for years.</p>")
    comment = ("<div class='comment'><span class='author'>user{0}</span><p>Reader {0} thinks "
               "this is a great idea, and frankly it should have happened years ago, given "
               "how crowded the reading rooms get in the evenings of exam season.</p></div>")
    body = "".join(para.format(i) for i in range(10))
    head = "<h1>Library hours extended</h1>"
    post = (f"<div class='post'>{head}<div class='entry-content'>{body}</div></div>"
            if headline_inside else
            f"<div class='title-wrap'>{head}</div><div class='entry-content'>{body}</div>")
    tag = section[1:].split()[0].rstrip(">")
    html = ("<html><head><title>Library hours extended | Town News</title></head><body>"
            "<div class='nav'><a href='/'>Home</a> <a href='/news'>News</a></div><div id='page'>"
            + post + section + "<h2>Comments</h2>"
            + "".join(comment.format(i) for i in range(150)) + f"</{tag}></div>"
            "<div class='footer'>(c) Town News</div></body></html>")
    text = article_text(parse_html(html.encode()))
    assert "change 0)" in text and "change 9)" in text
    assert "great idea" not in text


# --------------------------------------------------------------------------- common layouts
# Hand-made pages of common layouts the dev sets may under-represent, each under the same
# chrome (masthead + menu, cookie banner, share bar, footer): the article's text must all be
# there, the chrome gone, and the structure (lists, tables, figures, headings) kept.

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
