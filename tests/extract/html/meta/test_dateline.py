"""convert.extract.html.meta.dateline: the declared publication date corrected by the dateline
the page shows (rules added for issue #13, part 8; synthetic pages)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.dates import iso_date
from convert.extract.html import parse_html
from convert.extract.html.meta import extract

_BODY = ("<h1>A guide to choosing hiking boots</h1><p class='byline'>By Ann Lee</p>"
         "<p class='dateline'>Updated December 18, 2025</p>"
         "<p>Boots are the one piece of gear that decides whether a long day on the trail ends "
         "in comfort or in blisters, so it pays to choose them with some care and patience.</p>")


def _published(head: str, body: str = _BODY) -> str | None:
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract(LexborHTMLParser(page), None)["published"]


def _ld(published: str) -> str:
    return ('<script type="application/ld+json">{"@context": "https://schema.org", '
            f'"@type": "Article", "datePublished": "{published}"}}</script>')


def test_later_dateline_beats_a_date_only_json_ld_declares():
    # The page re-dates itself when refreshed; only an SEO plugin's JSON-LD keeps the day the
    # page was first saved.
    assert _published(_ld("2024-02-01T15:46:14+00:00"))[:10] == "2025-12-18"


def test_date_the_cms_declares_in_opengraph_stands():
    head = _ld("2024-02-01T15:46:14+00:00") + (
        '<meta property="article:published_time" content="2024-02-01T15:46:14+00:00">')
    assert _published(head)[:10] == "2024-02-01"


def test_earlier_dateline_does_not_replace_a_json_ld_date():
    body = _BODY.replace("December 18, 2025", "January 5, 2023")
    assert _published(_ld("2024-02-01T15:46:14+00:00"), body)[:10] == "2024-02-01"


# --- through the whole page parse (parse_html): the article's own date, not a related-post
# card's, a sidebar's or a comment's; the original publication over a later "updated" stamp;
# declared dates in scholarly forms.

_STORY = ("<p>The harbour board voted on Monday to extend the pier by forty metres, after a "
          "year of consultation with fishermen, ferry operators and residents of the old town.</p>"
          "<p>Work is due to start in spring and to last about eighteen months, the board said "
          "in a statement that also promised a new public walkway along the water.</p>")


def _parsed_published(head: str, body: str) -> str | None:
    html = f"<html><head>{head}</head><body>{body}</body></html>".encode()
    return parse_html(html).meta.published


def _dated(head: str, body: str = _BODY) -> str | None:
    """The page's date as a reader sees it: published, else modified (a page's only dateline
    labelled "Last updated" is its modification and its publication: update_stamp_modified)."""
    page = f"<html><head>{head}</head><body>{body}</body></html>"
    fields = extract(LexborHTMLParser(page), None)
    return fields["published"] or fields["modified"]


def test_related_post_card_date_is_not_the_article_date():
    # The article's dateline is unclassed; a related-posts card further down has a date class.
    body = ("<header><div><span>Last updated:</span><div>Dec 12, 2025</div>"
            "</div><h1>Pier extension approved</h1></header>"
            f"<article>{_STORY}</article>"
            "<section class='related-posts'><div class='card'><h3>Ferry fares rise</h3>"
            "<div class='post-date'>December 2, 2025</div></div></section>")
    meta = parse_html(f"<html><body>{body}</body></html>".encode()).meta
    assert (meta.published, meta.modified) == ("2025-12-12", "2025-12-12")


def test_sidebar_and_comment_dates_are_not_the_article_date():
    body = ("<aside class='sidebar'><div class='widget recent'><span class='date'>March 3, 2024"
            "</span></div></aside>"
            f"<h1>Pier extension approved</h1><article>{_STORY}</article>"
            "<div id='comments'><div class='comment'><span class='comment-date'>June 9, 2024"
            "</span><p>Great news for the town!</p></div></div>")
    assert _parsed_published("", body) is None


def test_headline_holding_version_numbers_is_no_dateline():
    # A forum thread titled with two version numbers ("2024.4.4 -> 2024.5.0") declares its
    # date; the headline's numbers are not a shown date correcting it.
    head = ('<meta property="article:published_time" content="2024-05-03T08:45:44+00:00">'
            '<meta itemprop="dateModified" content="2024-05-03T10:13:49Z">')
    body = (f"<h1><a href='/t/1'>2024.4.4 -> 2024.5.0 issue: stuck on start</a></h1>"
            f"<article>{_STORY}</article>")
    assert _parsed_published(head, body)[:10] == "2024-05-03"


def test_originally_published_beats_last_updated():
    body = ("<h1>Pier extension approved</h1>"
            "<p class='byline'>Last updated March 9, 2025</p>"
            "<p class='byline'>Originally published January 14, 2024</p>"
            f"<article>{_STORY}</article>")
    assert _parsed_published("", body) == "2024-01-14"


def test_year_month_day_in_words():
    # Highwire's citation_publication_date as PubMed-style journals write it.
    assert iso_date("2023 Jan 7") == "2023-01-07"
    assert iso_date("2021 Sep 30") == "2021-09-30"
    head = '<meta name="citation_publication_date" content="2023 Jan 7">'
    assert _parsed_published(head, f"<h1>Pier extension approved</h1><article>{_STORY}</article>"
                      ) == "2023-01-07"


def test_a_layout_block_holding_the_headline_is_no_sidebar():
    # dragnet-R39 (a tune page): the article sits in "contentandsidebars", whose class names
    # a sidebar; the post's own "postdate" under the <h1> is its date.
    body = ("<div class='contentandsidebars'><div class='content'><h1>Provoke a response</h1>"
            "<div class='postinfo'><div class='postdate'>Oct 24, 2012</div></div>"
            f"{_STORY * 4}</div>"
            "<div class='sidebar'><span class='date'>March 3, 2012</span></div></div>")
    assert _parsed_published("", body) == "2012-10-24"


def test_a_real_sidebar_beside_the_headline_still_holds_other_dates():
    body = ("<div class='sidebar'><span class='date'>March 3, 2012</span></div>"
            f"<h1>Provoke a response</h1><article>{_STORY}</article>")
    assert _parsed_published("", body) is None


def test_time_without_datetime_gives_its_day_in_page_order():
    # dragnet-501 (a tune page): the dateline is a <time> with text only; a later <time
    # datetime> lists another story.
    body = ("<h1>Apple: Samsung owes us damages</h1><p>by Lance Whitney</p>"
            "<time> July 24, 2012 7:26 AM PDT </time>"
            f"<article>{_STORY}</article>"
            "<ul><li><a href='/x'>Older story</a> <time datetime='2012-01-09'>1/09/12</time>"
            "</li></ul>")
    assert _parsed_published("", body) == "2012-07-24"


def test_a_teaser_links_date_is_that_storys():
    # dragnet-R189 (a tune page): a carousel of linked cards, each with its date, above the
    # article's own "the-time" dateline
    body = ("<ul class='slide-groups'><li><a href='/2012/10/20/other'><img alt=''>"
            "<span class='snipe'><span class='date'>October 20 2012</span></span>"
            "<span>Startup raises a new round for its photo app</span></a></li></ul>"
            "<h1>Facebook suitor loses his lawyer</h1>"
            "<div class='entry-meta'><span class='the-time'>October 30, 2012 3:41 PM</span></div>"
            f"<article>{_STORY}</article>")
    assert _parsed_published("", body) == "2012-10-30"


def test_a_permalink_around_the_date_alone_is_the_articles():
    body = ("<h1>Pier extension approved</h1><p class='posted'><a href='/2024/05/pier' "
            "rel='bookmark'><time>May 4, 2024</time></a></p>" f"<article>{_STORY}</article>")
    assert _parsed_published("", body) == "2024-05-04"


def test_the_headlines_own_dateline_beats_a_related_posts_dated_card(monkeypatch):
    # As on wcxb-dev-extra 0019 (a tune page): "Last updated: Dec 12, 2025" over the <h1>, the
    # related posts' cards below dated in "r-posts-date" elements.
    body = ("<div class='heading-wrap'><div><div>Last updated:</div><div>Dec 12, 2025</div>"
            "</div><h1>The top seven SEO agencies for crypto projects</h1></div>"
            "<p>Crypto projects need search traffic like any other business does, and a "
            "handful of agencies specialise in the field and its particular rules.</p>"
            "<div class='r-posts'><div><div class='r-posts-date'>December 2, 2025"
            "</div><a href='/post/a'>How to rank a token launch page</a></div></div>")
    assert _dated("", body) == "2025-12-12"
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "HEADER_OVER_CLASSED", False)
    assert _dated("", body) == "2025-12-02"


# Numeric days ("3/24/2026") in the text after the headline (slash_needs_label). As on tune pages
# wcxb-dev 0088 (a course's schedule), 0643 ("Sale ends 03/31/2026") and wcxb-dev-extra 4137
# ("Reviewed 17/06/2024" under customer reviews): unlabelled, such a day is not the page's.
_PROSE = ("<p>Our standing desks are built to last, with steel frames, quiet motors and a "
          "warranty that covers every part for ten years of daily use at home or work.</p>")


def test_an_unlabelled_numeric_day_in_the_text_is_no_dateline(monkeypatch):
    body = ("<h1>Standing desks</h1>" + _PROSE + "<p><sub>Sale ends 03/31/2026. While "
            "supplies last.</sub></p><div><span>Reviewed 17/06/2024</span></div>")
    assert _published("", body) is None
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "SLASH_NEEDS_LABEL", False)
    assert _published("", body) == "2026-03-31"


def test_a_labelled_numeric_day_in_the_text_is_the_dateline():
    body = "<h1>Standing desks</h1><div><span>Posted on</span> <span>03/25/2025</span></div>"
    body += _PROSE
    assert _published("", body) == "2025-03-25"
    assert _dated("", "<h1>Standing desks</h1>" + _PROSE + "<p>Last updated 1/27/2026</p>"
                  ) == "2026-01-27"


def test_a_numeric_day_needs_no_label_in_a_date_element_or_the_headlines_block():
    # (readability's tmz-1, a tune page: "2/26/2015 7:11 AM PST BY TMZ STAFF" in an
    # "article-posted-date" element)
    classed = ("<h1>Dress stolen</h1><h5 class='article-posted-date'>2/26/2015 7:11 AM PST BY "
               "TMZ STAFF</h5>" + _PROSE)
    assert _published("", classed) == "2015-02-26"
    header = "<div><h1>What electrical work costs</h1><p>01/23/2026</p></div>" + _PROSE * 6
    assert _published("", header) == "2026-01-23"
    assert _published("", "<h1>Desks</h1><time>3/13/2026</time>" + _PROSE) == "2026-03-13"


def test_the_label_of_a_numeric_day_is_read_only_for_a_text_holding_one(monkeypatch):
    # Reading a label takes the text's parent's text: under a long article's <article>, the
    # whole article's. Short texts without a numeric day (most of them) never ask for it (a
    # page of 50,000 paragraphs read its article's text once per short paragraph).
    from convert.extract.html.meta import dateline
    asked: list[str] = []
    labelled = dateline._labelled_dateline

    def spy(node, text):  # noqa: ANN001, ANN202
        asked.append(text)
        return labelled(node, text)

    monkeypatch.setattr(dateline, "_labelled_dateline", spy)
    body = ("<article><h1>Standing desks</h1>" + "<p>Short line of text.</p>" * 30
            + "<p>Posted 03/25/2025</p>" + _PROSE + "</article>")
    assert _published("", body) == "2025-03-25"
    assert asked == ["Posted 03/25/2025"]


_CITED = ("<h1>The Bessemer process</h1>"
          "<p>The first inexpensive industrial process for steel, patented in the middle of the "
          "nineteenth century and used for a hundred years.<sup><a href='#n1'>1</a></sup></p>"
          "<h2>References</h2><ol class='{cls}'><li id='n1'><a href='https://example.org/s'>"
          "A short history of steel</a>. Retrieved 4 June 2021.</li>"
          "<li>Wagner, Donald (<span>March 3, 2008</span>).</li></ol>")


def test_a_citations_access_date_is_not_the_pages_date():
    # Neither "Retrieved <day>" nor a cited work's date in the references list dates the page
    # (rule citation_dates): the page shows no date of its own.
    assert _published("", _CITED.format(cls="references")) is None
    # (an unnamed list: its access date still is none)
    assert (_published("", _CITED.format(cls="plain")) or "")[:10] != "2021-06-04"


def test_citation_dates_off_reads_the_access_date(monkeypatch):
    from convert.extract.html.meta import dateline, placement
    monkeypatch.setattr(dateline, "CITATION_DATES", False)
    monkeypatch.setattr(placement, "CITATION_DATES", False)
    assert _published("", _CITED.format(cls="references"))[:10] == "2021-06-04"


_WIKI = ("<h1>Lake Vostok</h1><p>Lake Vostok is the largest of the subglacial lakes found under "
         "the ice sheet of the continent, a body of fresh water sealed for millions of years.</p>"
         "<div id='footer'><ul><li>This page was last edited on 1 May 2024, at 14:02.</li>"
         "<li><a href='/privacy'>Privacy policy</a></li></ul></div>")


def test_a_last_edited_line_is_the_modification_not_the_publication(monkeypatch):
    # (rule last_change_stamps) a wiki's footer stamps the last edit, not the first version.
    fields = extract(LexborHTMLParser(f"<html><body>{_WIKI}</body></html>"), None)
    assert fields["published"] is None and fields["modified"][:10] == "2024-05-01"
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "LAST_CHANGE_STAMPS", False)
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "UPDATE_STAMP_MODIFIED", False)
    fields = extract(LexborHTMLParser(f"<html><body>{_WIKI}</body></html>"), None)
    assert fields["published"][:10] == "2024-05-01" and fields["modified"] is None


def test_a_label_glued_to_the_text_before_it_is_still_a_word(monkeypatch):
    # (rule spaced_labels) synthetic, a page minified with no whitespace between its tags: the
    # byline's last word and the dateline's label were one word, "ParkUpdated".
    body = ("<article><h1>Storm closes the bridge</h1><div class='byline'>By Jo Park</div>"
            "<p>Updated: March 3, 2024</p><p>Some text.</p></article>")
    page = f"<html><body>{body}</body></html>"
    fields = extract(LexborHTMLParser(page), None)
    assert (fields["published"], fields["modified"]) == ("2024-03-03", "2024-03-03")
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "SPACED_LABELS", False)
    fields = extract(LexborHTMLParser(page), None)
    assert (fields["published"], fields["modified"]) == ("2024-03-03", None)


def _episode(n: int, day: str, tag: str = "li") -> str:
    return (f"<{tag} class='episode'><h2><a href='/ep/{n}'>{n}: Episode {n}</a></h2>"
            f"<time datetime='{day}'>{day}</time><p>What episode {n} is about, in a few "
            f"words.</p></{tag}>")


def test_a_date_of_one_item_of_a_list_is_not_the_pages(monkeypatch):
    # (rule list_item_dates) synthetic, in the style of a podcast's episode list: each headed
    # item carries its own day; the first episode's is not the page's date.
    body = ("<main><h1>The Slow Garden Podcast</h1><p>A weekly show about small gardens.</p>"
            "<ul>" + _episode(42, "2024-05-14") + _episode(41, "2024-05-07")
            + _episode(40, "2024-04-30") + "</ul></main>")
    assert _dated("", body) is None
    cards = body.replace("<ul>", "<div class='list'>").replace("</ul>", "</div>").replace(
        "<li class='episode'>", "<div class='episode-card'>").replace("</li>", "</div>")
    assert _dated("", cards) is None
    # two items are no list; a post in one of a layout's unclassed columns keeps its date
    assert _dated("", body.replace(_episode(40, "2024-04-30"), "")) == "2024-05-14"
    post = ("<div><div><h2>About</h2><span class='date'>2007</span></div>"
            "<div><h3>Joint statement</h3><p class='date'>Posted on April 2, 2007</p>"
            "<p>Text.</p></div><div><h2>Recent posts</h2><span class='date'>May 1, 2007</span>"
            "</div></div>")
    assert _dated("", post) == "2007-04-02"
    from convert.extract.html.meta import placement
    monkeypatch.setattr(placement, "LIST_ITEM_DATES", False)
    assert _dated("", body) == "2024-05-14"


def test_a_review_in_the_headlines_block_gives_no_date(monkeypatch):
    # (rule zone_readers) synthetic, in the style of a small shop's product page: the reviews
    # sit in the block the product's <h1> heads.
    body = ("<main><div class='product'><h1>Trail Runner 3 Shoe</h1><div class='price'>$120"
            "</div><p>A light shoe for long days on rough trails.</p><div class='reviews'>"
            "<div class='review'><span class='review-author'>Tom W.</span><span "
            "class='review-date'>March 5, 2024</span><p>Great shoe.</p></div></div></div></main>")
    assert _dated("", body) is None
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "ZONE_READERS", False)
    assert _dated("", body) == "2024-03-05"


def test_of_two_days_in_one_text_the_published_one_dates_the_page(monkeypatch):
    # (rule published_of_two) synthetic, in the style of a recipe blog's post meta line.
    body = ("<h1>Easy Tarte Tatin</h1><div class='entry-meta'>By <a href='/about/'>Anna Berg</a>"
            " · Updated: Mar 5, 2024 · Published: Oct 1, 2021 · This post may contain "
            "affiliate links.</div><p>Apples, butter, sugar and pastry.</p>")
    assert _published("", body) == "2021-10-01"
    assert _published("", body.replace("Published:", "Reviewed:")) in (None, "2024-03-05")
    from convert.extract.html.meta import dateline
    monkeypatch.setattr(dateline, "PUBLISHED_OF_TWO", False)
    assert _published("", body) == "2024-03-05"


def test_a_bar_of_linked_dated_stories_above_the_article_gives_no_date(monkeypatch):
    # (rule linked_item_dates) synthetic, in the style of a news site's "Trending" bar: each
    # item a link and a <time>, above the story whose own dateline is plain text.
    items = "".join(f"<li><a href='/s/{i}'>Ferry fares rise again, part {i}</a> <time "
                    f"datetime='2024-01-0{i}T08:00:00Z'>Jan {i}, 2024</time></li>"
                    for i in (2, 3, 4))
    body = (f"<div class='trending'><ul>{items}</ul></div><article><h1>Pier extension "
            "approved</h1><p class='byline'>By Anna Berg</p><p>March 5, 2024</p>"
            "<p>The council voted on Tuesday.</p></article>")
    assert _dated("", body) == "2024-03-05"
    from convert.extract.html.meta import placement
    monkeypatch.setattr(placement, "LINKED_ITEM_DATES", False)
    assert _dated("", body)[:10] == "2024-01-02"
