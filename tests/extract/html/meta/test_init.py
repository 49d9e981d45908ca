"""convert.extract.html.meta (the field-by-field choice in ``extract``): rules added for
issue #13, part 8; synthetic pages."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract


def _fields(head: str, body: str = "<p>Some text.</p>") -> dict:
    return extract(LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>"),
                   None)


def test_meta_named_for_the_publication_date_is_read():
    # A CMS's own key, in no table: its name says what it holds.
    head = '<meta name="w-published-date" content="2025-05-27T06:03:43.274Z">'
    assert _fields(head)["published"][:10] == "2025-05-27"
    head = '<meta name="cxenseparse:publishtime" content="2022-11-09T11:01:10-05:00">'
    assert _fields(head)["published"] == "2022-11-09T11:01:10-05:00"


def test_meta_named_for_a_publish_time_without_a_day_is_no_date():
    assert _fields('<meta name="publish_time" content="21:28">')["published"] is None


def test_listed_keys_come_before_a_key_read_by_its_name():
    head = ('<meta name="w-published-date" content="2020-01-01">'
            '<meta property="article:published_time" content="2021-02-03T04:05:06Z">')
    assert _fields(head)["published"][:10] == "2021-02-03"


def test_cxense_author_tag_is_read():
    # Cxense's analytics tags (as Parse.ly's and Sailthru's) name the article's author.
    head = '<meta property="cXenseParse:author" content="Harriet Rowe">'
    assert _fields(head)["authors"] == ["Harriet Rowe"]


def test_an_author_written_as_a_domain_is_the_publisher():
    # dragnet-50 (a tune page): <meta name="author" content="CBSNews.com"> over a visible
    # "By / Brian Montopoli" byline.
    head = '<meta name="author" content="CBSNews.com">'
    body = ("<h1>Fracking boon could boost Obama in Ohio</h1><dl class='storyBlogByline'>"
            "<dt>By</dt><dd> Brian Montopoli </dd></dl><p>Some text.</p>")
    assert _fields(head, body)["authors"] == ["Brian Montopoli"]


def test_a_domain_author_stays_when_the_page_names_nobody():
    assert _fields('<meta name="author" content="CBSNews.com">')["authors"] == ["CBSNews.com"]


def test_a_news_outlet_listed_after_the_writer_is_no_author():
    # dragnet-108 and dragnet-T148 (tune pages): "Mary Murray, NBC News", "Collins Mtika,
    # Nyasa Times" in the visible byline
    body = "<h1>Kenyans pay by phone</h1><p class='byline'>By Mary Murray, NBC News</p>"
    assert _fields("", body)["authors"] == ["Mary Murray"]
    # an outlet named alone stays: it is all the byline says
    assert _fields("", "<p class='byline'>By NBC News</p>")["authors"] == ["NBC News"]


def test_meta_named_prefix_dot_date_is_read(monkeypatch):
    # A docs CMS's own "<prefix>.date" key, as "dc.date" and "sailthru.date" are (wcxb-dev-extra
    # 4409, a tune page, declares "ms.date" and nothing else for the publication).
    head = '<meta name="ms.date" content="2025-03-06T00:00:00Z">'
    assert _fields(head)["published"][:10] == "2025-03-06"
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "PREFIX_DATE_KEY", False)
    assert _fields(head)["published"] is None


def test_a_page_read_from_a_file_is_dated_by_its_declared_address(monkeypatch):
    # dragnet-R178 (a tune page, read from a file): no date declared or shown, but the
    # canonical address "http://gearpatrol.com/2012/10/29/mob-knowing-beef-cattle-breeds/".
    head = '<link rel="canonical" href="http://gearpatrol.com/2012/10/29/mob-beef-breeds/">'
    assert _fields(head)["published"] == "2012-10-29"
    assert _fields('<meta property="og:url" content="https://x.org/2020/13/03/p/">'
                   )["published"] is None  # (no such month)
    # the address the page was fetched from comes first
    tree = LexborHTMLParser(f"<html><head>{head}</head><body><p>Text.</p></body></html>")
    assert extract(tree, "https://gearpatrol.com/2012/11/02/moved/")["published"] == "2012-11-02"
    # a date the page shows or declares comes before either address
    assert _fields(head + '<meta property="article:published_time" content="2012-10-28">'
                   )["published"] == "2012-10-28"
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "DECLARED_ADDRESS_DATE", False)
    assert _fields(head)["published"] is None


def test_a_page_read_from_a_file_knows_its_site_by_its_declared_address(monkeypatch):
    # No site name declared, and the <h1> repeats the whole "Page - Site" title: a dash is no
    # pipe, so it reads as one title, until the canonical address names the host the trailing
    # part spells (wcxb-dev 0225, dragnet-R112: tune pages read from a file).
    head = ('<title>Lakeside Plumbers Costs &amp; Prices - Fixwell Cost Report</title>'
            '<link rel="canonical" href="https://www.fixwell.com/costs/lakeside-plumbers/">')
    h1 = "<h1>Lakeside Plumbers Costs &amp; Prices - Fixwell Cost Report</h1><p>Some text.</p>"
    assert _fields(head, h1)["title"] == "Lakeside Plumbers Costs & Prices"
    # the <h1> is that title with the site's name after it, no other wording to keep in the body
    assert _fields(head, h1)["headline"] is None
    # og:url declares it as well
    og = head.replace('<link rel="canonical"', '<meta property="og:url"').replace(
        'href=', 'content=')
    assert _fields(og, h1)["title"] == "Lakeside Plumbers Costs & Prices"
    # a start page's title is about the site: its name stays
    start = head.replace("/costs/lakeside-plumbers/", "/")
    assert _fields(start, h1)["title"] == "Lakeside Plumbers Costs & Prices - Fixwell Cost Report"
    # a declared site name comes first (the host is asked only when the page names no site)
    named = head + '<meta property="og:site_name" content="Plumbing Prices">'
    assert _fields(named, h1)["title"] == "Lakeside Plumbers Costs & Prices - Fixwell Cost Report"
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "DECLARED_ADDRESS_HOST", False)
    assert _fields(head, h1)["title"] == "Lakeside Plumbers Costs & Prices - Fixwell Cost Report"


_LAST_UPDATED = ('<h1>Configuration</h1><p>Some text.</p><footer><span>Last updated on <b><time '
                 'datetime="2024-11-18T10:12:45.000Z" itemprop="dateModified">Nov 18, 2024</time>'
                 '</b></span></footer>')


def test_a_time_marked_date_modified_declares_the_modification():
    # (rule time_modified) microdata on a <time> holds its value in datetime, not content.
    assert _fields("<title>Configuration</title>", _LAST_UPDATED)["modified"][:10] == "2024-11-18"


def test_time_modified_off(monkeypatch):
    import convert.extract.html.meta as meta
    monkeypatch.setattr(meta, "TIME_MODIFIED", False)
    assert _fields("<title>Configuration</title>", _LAST_UPDATED)["modified"] is None


_WP_META = ('<h1>Restoring a Sewing Machine</h1><div class="entry-meta"><time class="entry-date '
            'published" datetime="2024-04-09T14:20:33+00:00">April 9, 2024</time><time '
            'class="updated" datetime="2024-04-11T09:02:10+00:00">April 11, 2024</time></div>'
            '<p>Some text.</p>')


def test_a_time_classed_updated_declares_the_modification(monkeypatch):
    # (rule updated_class) hAtom's "updated" beside "entry-date published" is the modification;
    # one also classed "published" is a post never changed.
    fields = _fields("<title>Restoring a Sewing Machine</title>", _WP_META)
    assert fields["modified"][:10] == "2024-04-11" and fields["published"][:10] == "2024-04-09"
    both = _WP_META.replace('"entry-date published"', '"entry-date published updated"').replace(
        '<time class="updated" datetime="2024-04-11T09:02:10+00:00">April 11, 2024</time>', "")
    assert _fields("<title>Restoring a Sewing Machine</title>", both)["modified"] is None
    import convert.extract.html.meta as meta
    monkeypatch.setattr(meta, "UPDATED_CLASS", False)
    assert _fields("<title>Restoring a Sewing Machine</title>", _WP_META)["modified"] is None


def test_an_organisation_listed_among_person_authors_is_no_author(monkeypatch):
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "author": ['
            '{"@type": "Person", "name": "Ann Writer"}, {"@type": "Organization", '
            '"name": "City Desk"}, {"@type": "Person", "name": "Bo Lindqvist"}]}</script>')
    assert _fields(head)["authors"] == ["Ann Writer", "Bo Lindqvist"]
    # an organisation alone is all the declaration says (the visible byline is asked then)
    alone = head.replace('{"@type": "Person", "name": "Ann Writer"}, ', "").replace(
        ', {"@type": "Person", "name": "Bo Lindqvist"}', "")
    assert _fields(alone)["authors"] == ["City Desk"]
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "PERSONS_OVER_ORGANISATIONS", False)
    assert _fields(head)["authors"] == ["Ann Writer", "City Desk", "Bo Lindqvist"]


def test_scholarly_names_listed_in_one_tag_and_dublin_core_creators_are_turned(monkeypatch):
    assert _fields("<meta name='citation_author' content='Roy, A.; Smith, J.'>")["authors"] == [
        "A. Roy", "J. Smith"]
    head = "<meta name='citation_author' content='Roy, Aniruddha; Smith, Jane; Okafor, Chidi'>"
    assert _fields(head)["authors"] == ["Aniruddha Roy", "Jane Smith", "Chidi Okafor"]
    creators = ("<meta name='DC.creator' content='Roy, Aniruddha'>"
                "<meta name='DC.creator' content='Smith, J. A.'>")
    assert _fields(creators)["authors"] == ["Aniruddha Roy", "J. A. Smith"]
    # (two full names after one another are two authors, not a surname and a given name)
    assert _fields("<meta name='dc.creator' content='Ann Writer, Bo Lindqvist'>")["authors"] == [
        "Ann Writer", "Bo Lindqvist"]
    assert "CNN Jane Doe" not in _fields("<meta name='dc.creator' content='Jane Doe, CNN'>")[
        "authors"]
    assert _fields("<meta name='dc.creator' content='van der Berg, Anna'>")["authors"] == [
        "Anna van der Berg"]
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "SCHOLARLY_NAME_LISTS", False)
    assert _fields(creators)["authors"] != ["Aniruddha Roy", "J. A. Smith"]


def test_a_creator_declared_as_a_person_is_the_author(monkeypatch):
    head = ('<script type="application/ld+json">{"@type": "ScholarlyArticle", "creator": '
            '[{"@type": "Person", "name": "Ann Writer"}]}</script>')
    assert _fields(head)["authors"] == ["Ann Writer"]
    # (an organisation as the creator is the publisher's stamp, not read)
    assert _fields(head.replace('"Person"', '"Organization"'))["authors"] == []
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "CREATOR_PERSON", False)
    assert _fields(head)["authors"] == []


def test_the_title_suffix_names_the_site_over_a_publishers_legal_name(monkeypatch):
    # synthetic, in the style of a MediaWiki encyclopedia page: JSON-LD names the foundation
    # as publisher, nothing declares the site's name but the <title>'s suffix.
    head = ('<title>Tarte Tatin - Encyclopedia</title><script type="application/ld+json">'
            '{"@context":"https://schema.org","@type":"Article","name":"Tarte Tatin",'
            '"publisher":{"@type":"Organization","name":"Encyclopedia Foundation, Inc."}}'
            '</script>')
    body = "<h1>Tarte Tatin</h1><p>An upside-down apple tart.</p>"
    assert _fields(head, body)["site_name"] == "Encyclopedia"
    # a declared site name stands; a publisher's trading name stands
    assert _fields(head + '<meta property="og:site_name" content="Encyclo">', body
                   )["site_name"] == "Encyclo"
    assert _fields(head.replace("Encyclopedia Foundation, Inc.", "Tart Weekly"), body
                   )["site_name"] == "Tart Weekly"
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "TITLE_SUFFIX_SITE", False)
    assert _fields(head, body)["site_name"] == "Encyclopedia Foundation, Inc."


def test_a_pages_only_date_labelled_an_update_is_its_modification(monkeypatch):
    # synthetic, in the style of a government help page and a news article: the one date
    # shown is labelled an update; when the page was first published it does not say.
    body = ("<article><h1>How to renew a passport</h1><p class='meta'>Last updated 12 "
            "February 2024</p><p>Some text.</p></article>")
    fields = _fields("", body)
    assert fields["published"] == fields["modified"] == "2024-02-12"
    body2 = ("<article><h1>Storm closes the bridge</h1><div class='byline'>By Jo Park</div>"
             "<p>Updated: March 3, 2024</p><p>Some text.</p></article>")
    assert (_fields("", body2)["published"], _fields("", body2)["modified"]) == (
        "2024-03-03", "2024-03-03")
    # a dateline not labelled an update is the publication; a labelled original wins
    assert _fields("", body.replace("Last updated ", "Posted "))["published"] == "2024-02-12"
    both = body.replace("<p class='meta'>", "<p class='meta'>Published 1 May 2023</p><p>")
    assert (_fields("", both)["published"], _fields("", both)["modified"]) == ("2023-05-01", None)
    from convert.extract.html import meta
    monkeypatch.setattr(meta, "UPDATE_STAMP_MODIFIED", False)
    assert (_fields("", body)["published"], _fields("", body)["modified"]) == ("2024-02-12", None)
