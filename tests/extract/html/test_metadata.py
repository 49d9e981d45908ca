"""HTML extractor metadata: each source (JSON-LD, OpenGraph, microdata, visible text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.extract.html import parse_html
from convert.extract.dates import iso_date
from convert.extract.html.meta import clean_authors


FIXTURES = Path(__file__).parents[2] / "fixtures" / "html"


def _meta(name: str, **kwargs):
    path = FIXTURES / name
    return parse_html(path.read_bytes(), location=str(path), **kwargs).meta


def test_json_ld_graph():
    meta = _meta("meta_jsonld.html")
    assert meta.title == "Stadtrat beschließt neuen Radweg & mehr Parkplätze"
    assert meta.authors == ("Maria Schmidt", "Jonas Weber")
    assert meta.published == "2024-03-05T09:30:00+01:00"
    assert meta.modified == "2024-03-06T12:00:00+01:00"
    assert meta.section == "Lokales"
    assert meta.tags == ("Verkehr", "Stadtrat")
    assert meta.site_name == "Lokalzeitung Nord"
    assert meta.language == "de-DE"
    assert meta.url == "https://zeitung.example/lokales/radweg-beschlossen"
    assert meta.description == "Der Radweg entlang der Hauptstraße kommt 2025."
    assert meta.lead_image is not None
    assert meta.lead_image.image.src == "https://zeitung.example/img/radweg.jpg"
    assert meta.source.kind == "html" and meta.source.encoding == "utf-8"


def test_opengraph_and_article_tags():
    meta = _meta("meta_opengraph.html", base_url="https://cosmos.example/olbers")
    assert meta.title == "Why the Night Sky Is Dark"  # not "... | Cosmos Weekly"
    assert meta.site_name == "Cosmos Weekly"
    assert meta.authors == ("Priya Natarajan",)  # no "By"
    assert meta.published == "2023-07-27T06:09:00+03:00"
    assert meta.modified == "2023-07-28"
    assert meta.language == "en-GB"
    assert meta.section == "Astronomy"
    assert meta.tags == ("paradox", "cosmology")
    assert meta.lead_image.image.src == "https://cosmos.example/images/night-sky.jpg"


def test_microdata_and_time_element():
    meta = _meta("meta_microdata.html")
    assert meta.title == "Recette : la vraie tarte Tatin"
    assert meta.authors == ("Claire Dubois",)
    assert meta.published == "2022-11-02"
    assert meta.language == "fr"
    assert meta.tags == ("dessert", "pommes", "tarte")
    assert meta.description == "La tarte Tatin, pas à pas."


def test_visible_byline_dateline_and_title_suffix():
    meta = _meta("meta_visible.html")
    assert meta.title == "Notes from the field"
    assert meta.authors == ("Tom Baker",)
    assert meta.published == "2021-03-03"


def test_date_from_url_when_nothing_else():
    html = "<html><body><article><p>" + "Words of a dated article, with commas. " * 5 + "</p></article></body></html>"
    meta = parse_html(html, location="https://news.example/2019/04/07/story.html").meta
    assert meta.published == "2019-04-07"
    assert meta.source.location == "https://news.example/2019/04/07/story.html"


@pytest.mark.parametrize("raw, expected", [
    ("2023-07-27", "2023-07-27"),
    ("2023-07-27T06:09:00Z", "2023-07-27T06:09:00+00:00"),
    ("2023-07-27T06:09:00.123+0300", "2023-07-27T06:09:00+03:00"),
    ("2023-07-27 06:09", "2023-07-27T06:09:00"),
    ("Thu, 27 Jul 2023 06:09:00 +0200", "2023-07-27T06:09:00+02:00"),
    ("July 27, 2023", "2023-07-27"),
    ("27. Juli 2023", "2023-07-27"),
    ("27.07.2023", "2023-07-27"),
    ("not a date", None),
    ("1850-01-01", None),
])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    (["By Jane Doe and John Smith"], ["Jane Doe", "John Smith"]),
    (["Jane Doe | March 3, 2021"], ["Jane Doe"]),
    (["https://example.com/author/jane"], []),
    (["Von Max Mustermann, Erika Musterfrau"], ["Max Mustermann", "Erika Musterfrau"]),
    (["Mac & i"], ["Mac & i"]),
    (["JANE DOE", "Jane Doe"], ["Jane Doe"]),
])
def test_clean_authors(raw, expected):
    assert clean_authors(raw) == expected


# --------------------------------------------------------------------------- issue #3 misses


def _page(head: str = "", body: str = "") -> bytes:
    para = ("<p>The committee met on Tuesday to discuss the new budget, which includes funding "
            "for schools, roads and the public library, and agreed to publish its report.</p>")
    return f"<html><head>{head}</head><body>{body}<article>{para}</article></body></html>".encode()


def test_json_ld_wrapped_in_cdata():
    from convert.extract.html import parse_html
    head = ('<script type="application/ld+json">\n  <![CDATA[\n  {"@context": "https://schema.org",'
            ' "@type": "Article", "datePublished": "2001-10-29T01:59:14Z"}\n  ]]>\n</script>')
    assert parse_html(_page(head)).meta.published.startswith("2001-10-29")


def test_json_ld_article_declared_twice_is_merged():
    from convert.extract.html import parse_html
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "A"}</script>'
            '<script type="application/ld+json">{"@type": "Article", "headline": "A", '
            '"datePublished": "2025-12-19T09:28:15Z"}</script>')
    assert parse_html(_page(head)).meta.published.startswith("2025-12-19")


def test_yoast_twitter_label_written_by():
    from convert.extract.html import parse_html
    head = ('<meta name="twitter:label1" content="Written by">'
            '<meta name="twitter:data1" content="Nawaz Dhandala">'
            '<meta name="twitter:label2" content="Est. reading time">'
            '<meta name="twitter:data2" content="5 minutes">')
    assert parse_html(_page(head)).meta.authors == ("Nawaz Dhandala",)


@pytest.mark.parametrize("body, expected", [
    ("<p>by: <!-- -->Ziyi Xu<!-- -->, Dec 17, 2025</p>", ("Ziyi Xu",)),
    ("<div>By <a href='/author/jane'>Jane Roe</a> ⋅ Senior Analyst</div>", ("Jane Roe",)),
    ("<h3>Written by Cassidy Horton</h3>", ("Cassidy Horton",)),
])
def test_visible_byline_variants(body, expected):
    from convert.extract.html import parse_html
    assert parse_html(_page(body=body)).meta.authors == expected


def test_author_name_element_beats_a_wrapper_with_the_source():
    from convert.extract.html import parse_html
    body = ("<div class='author-box'><div class='sourcename'>Tech Insider</div>"
            "<span class='authorname-txt'>Alex Perry</span></div>")
    assert parse_html(_page(body=body)).meta.authors == ("Alex Perry",)


def test_byline_block_with_a_date_gives_its_author_link():
    from convert.extract.html import parse_html
    body = ("<div class='author'><a href='/author/ben'>Ben Silverman</a> "
            "<span>Updated 2 hours ago</span></div>")
    assert parse_html(_page(body=body)).meta.authors == ("Ben Silverman",)


def test_author_page_link_without_byline_markup():
    from convert.extract.html import parse_html
    body = ("<div class='column'><a href='/authors/upwork-staff' class='black-text'>"
            "The Upwork Team</a></div>")
    assert parse_html(_page(body=body)).meta.authors == ("The Upwork Team",)


@pytest.mark.parametrize("raw, expected", [
    ("by Jon Foster - 2025-09-13", "2025-09-13"),
    ("Updated: 2025-09-13", "2025-09-13"),
    ("2019-2020-2021", None),
    ("order 2025-09-1312", None),
])
def test_text_date_dashed(raw, expected):
    from convert.extract.dates import text_date
    assert text_date(raw) == expected


def test_json_ld_article_and_blogposting_of_one_page_merge():
    from convert.extract.html import parse_html
    head = ('<script type="application/ld+json">{"@type": "BlogPosting", "headline": "A", '
            '"datePublished": "2025-12-19T09:28:15Z"}</script>'
            '<script type="application/ld+json">{"@type": "Article", "headline": "A"}</script>')
    assert parse_html(_page(head)).meta.published.startswith("2025-12-19")


def _title(head: str, body: str = "", url: str | None = None) -> str | None:
    return parse_html(_page(head, body), location=url).meta.title


def test_dublin_core_colon_form_is_read_first():
    head = ('<meta property="dc:title" content="Preferred title">'
            '<meta property="og:title" content="A title">'
            '<meta property="dc:creator" content="Creator Name"><meta name="author" content="X">')
    meta = parse_html(_page(head)).meta
    assert meta.title == "Preferred title" and meta.authors[0] == "Creator Name"


def _authors(head: str, body: str = "") -> tuple[str, ...]:
    return parse_html(_page(head, body)).meta.authors


def test_json_ld_author_by_id_reference_is_resolved():
    head = ('<script type="application/ld+json">{"@graph": [{"@type": "Article", "headline": "H",'
            ' "author": [{"@id": "#p1"}]}, {"@type": "Person", "@id": "#p1", '
            '"name": "Nirmita Panchal"}]}</script><meta name="author" content="kffnirmitap">')
    assert _authors(head) == ("Nirmita Panchal",)


def test_organisation_author_gives_way_to_visible_byline():
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "H", '
            '"author": {"@type": "Organization", "name": "Levitate Media"}}</script>')
    body = '<div class="t-blogpost-author-name">Liza Burke</div>'
    assert _authors(head, body) == ("Liza Burke",)
    # The site's own name in <meta name=author> likewise.
    head = ('<meta name="author" content="One Tree Planted">'
            '<meta property="og:site_name" content="One Tree Planted">')
    assert _authors(head, "<p class='meta'><span>by Meaghan Weeden</span></p>") == (
        "Meaghan Weeden",)
    # ...and stays when no person is shown.
    assert _authors(head) == ("One Tree Planted",)


def test_comment_author_and_menu_label_are_not_the_byline():
    body = ("<nav><div class='dropdown-menu'><p>BY USE CASE</p></div></nav>"
            "<div class='wp-block-comment-author-name'>Whowho</div>"
            "<p>By Preetam Jinka</p>")
    assert _authors("", body) == ("Preetam Jinka",)


def test_credentials_after_a_name_are_not_authors():
    assert clean_authors(["Genevieve Carlton, Ph.D."]) == ["Genevieve Carlton"]
    assert clean_authors(["Mayank Gupta, CEO of CaseBasix"]) == ["Mayank Gupta"]
    assert clean_authors(["Shelby Loos, DVM"]) == ["Shelby Loos"]
    assert clean_authors(["JWU"]) == ["JWU"]


def test_byline_from_written_by_label_and_its_next_element():
    body = ('<div><div class="caption">Written by</div>'
            '<div class="big-name">Jack Shepherd</div></div>')
    assert _authors("", body) == ("Jack Shepherd",)


def test_byline_from_any_author_classed_element():
    body = '<span class="wp-block-post-hero__author">Lisa Pham</span>'
    assert _authors("", body) == ("Lisa Pham",)


def test_person_author_named_like_the_site_is_kept():
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "H", '
            '"author": {"@type": "Person", "name": "Haki Benita"}}</script>'
            '<meta property="og:site_name" content="Haki Benita">')
    assert _authors(head, "<div class='author-note'>period</div>") == ("Haki Benita",)


def test_dateline_earlier_than_a_resave_stamp_is_the_publication():
    # Declared published == modified (a CMS re-save): the dateline under the headline wins.
    head = ('<meta property="article:published_time" content="2025-06-24T10:00:00+00:00">'
            '<meta property="article:modified_time" content="2025-06-24T10:00:00+00:00">')
    body = "<h1>How much to charge</h1><div>Shauna Mitchell</div><div>August 25, 2024</div>"
    meta = parse_html(_page(head, body)).meta
    assert meta.published == "2024-08-25" and meta.modified.startswith("2025-06-24")
    # A later modification date keeps the declared publication.
    head = head.replace('modified_time" content="2025-06-24', 'modified_time" content="2025-07-01')
    assert parse_html(_page(head, body)).meta.published.startswith("2025-06-24")


def test_publisher_offset_of_the_same_instant_is_kept():
    head = '<meta property="article:published_time" content="2025-12-19T03:05:00Z">'
    body = '<h1>Headline</h1><time datetime="2025-12-18T19:05:00-08:00">Dec 18</time>'
    assert parse_html(_page(head, body)).meta.published == "2025-12-18T19:05:00-08:00"


def test_date_in_the_headline_block_above_the_h1():
    body = ('<div class="hero"><div class="cat"><div>Published</div><div>October 14, 2025</div>'
            '</div><h1>Top eLearning companies</h1></div>')
    assert parse_html(_page("", body)).meta.published == "2025-10-14"
    body = "<hgroup><time>Published on June 04, 2025</time><h1>Podcast gear</h1></hgroup>"
    assert parse_html(_page("", body)).meta.published == "2025-06-04"


def test_forum_handle_with_digits_is_an_author():
    head = ('<script type="application/ld+json">{"@type": "DiscussionForumPosting", '
            '"headline": "H", "author": {"@type": "Person", "name": "Pippin06"}}</script>')
    assert _authors(head) == ("Pippin06",)
    assert clean_authors(["May 2024"]) == [] and clean_authors(["Joe Wee Monday"]) == []


def test_authorized_dealer_and_page_wide_classes_are_not_bylines():
    body = ('<a class="authorized-dealer-link" href="/dealers">Authorized Dealer</a>'
            '<div class="author-box"><a href="/contact">Get in touch</a></div>')
    assert _authors("", body) == ()
    page = (b"<html><body class='hide-article-author'><nav><a href='/shop'>Shop</a></nav>"
            b"<article><p>" + b"Words of the article body go here. " * 8 + b"</p></article>"
            b"</body></html>")
    assert parse_html(page).meta.authors == ()


def test_citation_author_last_first_is_one_author():
    head = ('<meta name="citation_author" content="Roy, Aniruddha">'
            '<meta name="citation_author" content="Patel, Jyoti">')
    assert _authors(head) == ("Aniruddha Roy", "Jyoti Patel")


def test_contributors_label_line_is_a_byline():
    body = "<div class='tags'><div><strong>Contributors:</strong> Janet Loughrey</div></div>"
    assert _authors("", body) == ("Janet Loughrey",)


def test_forum_thread_starter_label_names_the_author():
    body = ('<ul><li><span class="u-srOnly">Thread starter</span> '
            '<a href="/members/ridwan123.1/" class="username">ridwan123</a></li></ul>'
            '<section itemprop="author"><span itemprop="name">Lutfij</span></section>')
    assert _authors("", body) == ("ridwan123",)


def test_dateline_before_the_name_and_on_behalf_of_are_dropped():
    body = ("<div class='publish-date-author'>Dec. 19, 2025 &middot; Niko Matsakis\n"
            "  on behalf of Vision Doc group</div>")
    assert _authors("", body) == ("Niko Matsakis",)


def test_forum_post_username_is_the_author_but_a_form_field_is_not():
    body = ('<div class="username_17"><label for="username">If you are a human, ignore this '
            'field</label><input type="text" name="username"></div>'
            '<div class="PostUser"><h3 class="PostUser-name">antonjw</h3></div>'
            '<div class="PostUser"><h3 class="PostUser-name">toby</h3></div>')
    assert _authors("", body) == ("antonjw",)


def test_tag_link_in_a_byline_block_is_not_an_author():
    body = ('<span class="byline__tag"><a href="/blog/tag/personal-finance">Personal finance</a>'
            '</span><p>By <a href="/team/jane">Jane Roe</a></p>')
    assert _authors("", body) == ("Jane Roe",)


def test_date_in_an_unclassed_span_of_the_byline_block():
    body = ('<div class="blog-post__byline"><span>Jane Roe</span><span class="small">'
            'January 27, 2025</span></div><h1>Tax season is here</h1>'
            '<div class="card"><span class="byline__date">January 31, 2025</span></div>')
    assert parse_html(_page("", body)).meta.published == "2025-01-27"


def test_dateline_corrects_a_publication_declared_after_its_modification():
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "Fitness",'
            ' "datePublished": "Jun 12, 2025", "dateModified": "Jun 10, 2025"}</script>')
    body = ("<h1>Fitness</h1><p>November 2, 2022</p><p>" + "Words of the protocol. " * 20
            + "</p>")
    assert parse_html(_page(head, body)).meta.published == "2022-11-02"


@pytest.mark.parametrize("raw, expected", [
    (["Nicole Forbes, Master Horticulturalist & Garden Educator"], ["Nicole Forbes"]),
    (["Ann Lee, VMD, DACVB; Tom Fry, Senior Editor; Debra Horwitz, DVM"],
     ["Ann Lee", "Tom Fry", "Debra Horwitz"]),
])
def test_job_title_runs_to_the_next_semicolon(raw, expected):
    assert clean_authors(raw) == expected


@pytest.mark.parametrize("raw", [["View more posts"], ["All articles"], ["See all stories"]])
def test_author_box_link_text_is_no_byline(raw):
    assert clean_authors(raw) == []
    assert clean_authors(raw + ["Jane Doe"]) == ["Jane Doe"]


def test_publisher_after_the_writers_is_no_author():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H", '
            '"author": "Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal"}</script>'
            '<meta property="og:site_name" content="Memphis Commercial Appeal">')
    assert _authors(head) == ("Manoj Jain", "Jagpreet Chhatwal")
    # The site's name alone stays (no person to prefer).
    head = ('<meta name="author" content="Commercial Appeal">'
            '<meta property="og:site_name" content="Memphis Commercial Appeal">')
    assert _authors(head) == ("Commercial Appeal",)


def test_credits_string_is_no_author_list():
    head = ('<meta name="author" content="content: MarketingSherpa, design: Scott McDaniel, '
            'code: Steve Beger, MECLABS">')
    body = "<div class='article'><span class='author'><a href='/x'>Daniel Burstein</a></span></div>"
    assert _authors(head, body) == ("Daniel Burstein",)
    # One "Label: Name" is a byline's label, not a credits line.
    assert _authors('<meta name="author" content="Author: Jane Doe">') == ("Jane Doe",)


def test_author_box_with_a_bio_gives_its_name_line():
    bio = ("Lauren Vetter is a growth-focused marketing professional specializing in healthcare "
           "technology and B2B SaaS, connecting providers with the tools that support them.")
    body = ("<div class='blog_author-box'><div class='blog_author-text'>"
            f"<div class='text-size-small'>Lauren Vetter</div><div class='rich'><p>{bio}</p>"
            "</div></div></div>")
    assert _authors("", body) == ("Lauren Vetter",)
    # A one-word label above the bio ("Spotlight") is not read as the name.
    body = f"<div class='author-wrapper'><h4>Spotlight</h4><p>{bio}</p></div>"
    assert _authors("", body) == ()


def test_by_line_with_a_linked_name_and_more_after_it():
    body = ("<p>By <a href='/contributor/a_j_neal'>A. J. Neal</a> &nbsp; "
            "<a class='btn' href='/edition'>View In Digital Edition</a></p>")
    assert _authors("", body) == ("A. J. Neal",)


def test_post_classed_by_its_authors_slug_is_no_author_box():
    # WordPress/TypePad class a whole post "entry-author-<slug>": its first text is the
    # post's title, not a name.
    text = ("Today we launched something huge and serious in a responsibly sober way, after "
            "months of work by a small team who would rather not be named here at all.")
    body = (f"<div class='entry-author-russell_davies entry'><h3>Good Couple Days</h3>"
            f"<p>{text}</p></div>")
    assert _authors("", body) == ()
    # A box's "About Jane Doe" heading is not read as a byline either.
    body = f"<div class='author-box'><h4>About Jane Doe</h4><p>{text}</p></div>"
    assert _authors("", body) == ()


def test_byline_listing_each_author_in_its_own_element_gives_them_all():
    body = ("<div class='post_author-list'>"
            "<div class='item'><a class='post_author-text' href='/people/corti'>"
            "<div class='post_author-name'>Jane Doe</div><div class='role'>Research</div></a></div>"
            "<div class='item'><a class='post_author-text' href='/people/joakim'>"
            "<div class='post_author-name'>Joakim Edin</div><div class='role'>R&amp;D</div></a>"
            "</div></div>")
    assert _authors("", body) == ("Jane Doe", "Joakim Edin")
    # Name elements of other stories' cards (far apart, in a long region) are not added.
    filler = "<p>" + "A related story about something else entirely. " * 8 + "</p>"
    body = ("<div class='cards'><div class='card'><div class='meta'><div class='post_author-name'>"
            f"Jane Doe</div></div>{filler}</div><div class='card'><div class='meta'>"
            f"<div class='post_author-name'>John Roe</div></div>{filler}</div></div>")
    assert _authors("", body) == ("Jane Doe",)
