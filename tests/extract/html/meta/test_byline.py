"""convert.extract.html.meta.byline: the visible byline of a page, and the names it gives
(rules added for issue #13, part 8)."""

from __future__ import annotations

from convert.extract.html.meta.names import clean_authors


def _byline(body: str) -> list[str]:
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.meta.byline import visible_byline
    return visible_byline(LexborHTMLParser(f"<html><body>{body}</body></html>"))


def test_dateline_line_going_on_with_the_byline_names_the_author():
    body = ("<h1>Five ways to keep basil alive</h1><p>Feb 6, 2025 By Dana Whitfield</p>"
            "<p>Basil wants warmth, light and a pot that drains.</p>")
    assert _byline(body) == ["Dana Whitfield"]
    body = body.replace("Feb 6, 2025 By", "Updated Sep 5, 2024 · by")
    assert _byline(body) == ["Dana Whitfield"]


def test_a_sentence_with_by_after_a_date_is_no_byline():
    body = "<p>In March 2024 sales were driven by Northern Outlets and their partners.</p>"
    assert _byline(body) == []


def test_author_boxs_all_articles_link_names_the_author_when_nothing_else_does():
    body = ("<h1>Cloud costs in 2025</h1><p>Spending on cloud computing keeps rising.</p>"
            "<div><img alt=''><a href='/blog/authors/jc'>All articles by Jo Carreira</a></div>")
    assert _byline(body) == ["Jo Carreira"]


def test_a_menus_posts_by_link_is_no_byline():
    body = ("<nav class='menu'><a href='/x'>Posts by Region</a></nav>"
            "<p>Spending on cloud computing keeps rising.</p>")
    assert _byline(body) == []


def test_author_boxs_all_articles_button_names_the_author():
    body = ("<p>Spending on cloud computing keeps rising.</p>"
            "<div><button aria-label='x'><span>All articles by Eli Rabe</span></button></div>")
    assert _byline(body) == ["Eli Rabe"]


def test_another_roles_credit_after_the_writers_name_is_no_author():
    # the byline of readability's google-sre-book-1 test page (a tune page): "Written by Rob
    # Ewaschuk<br>Edited by Betsy Beyer" right under the <h1>
    body = ("<h1>Monitoring Distributed Systems</h1><p class='byline author'>Written by Rob "
            "Ewaschuk<br>Edited by Betsy Beyer</p><p>Google's SRE teams have some basic "
            "principles and best practices for building successful monitoring.</p>")
    assert _byline(body) == ["Rob Ewaschuk"]
    assert clean_authors(["By Jane Doe, medically reviewed by John Roe, MD"]) == ["Jane Doe"]
    assert clean_authors(["Jane Doe; Photos by Ann Lee"]) == ["Jane Doe"]


def test_the_name_ends_where_its_dateline_begins():
    # dragnet-R717 and dragnet-295 (tune pages): "by Barry van Wyk on November 9, 2012",
    # "by randfish on November 7, 2010" under the headline
    assert clean_authors(["Barry van Wyk on November 9, 2012"]) == ["Barry van Wyk"]
    body = ("<h2>The irony of the economy</h2><p>by randfish on November 7, 2010</p>"
            "<p>There can be little doubt that the unemployment rate is high.</p>")
    assert _byline(body) == ["randfish"]


def test_on_without_a_date_stays_in_the_name_and_by_the_way_is_no_byline():
    assert clean_authors(["Jane on the Road"]) == ["Jane on the Road"]
    assert _byline("<p>by the way, it rained on Monday</p>") == []


def test_a_post_footers_posted_by_name_at_time_names_the_author(monkeypatch):
    # The post footer of Blogger and Movable Type templates, as on wcxb-dev 0452 (a tune
    # page): "Posted by David at December 16, 2025 11:15 AM" under the post.
    body = ("<h2>Vibe coding and the loss of understanding</h2><p>As AI edges humans out of "
            "the business of thinking, we need to be wary.</p><span class='posted'>Posted by "
            "David at December 16, 2025 11:15 AM<br></span>")
    assert _byline(body) == ["David"]
    assert clean_authors(["Posted by Jane Roe at 9:05 PM"]) == ["Jane Roe"]
    # "at" followed by no date or time is part of the name (a workplace, a place).
    assert clean_authors(["Jane Doe at Reuters"]) == ["Jane Doe at Reuters"]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "BY_AT_TIME", False)
    assert _byline(body) == []


def test_an_author_s_label_over_a_list_names_each_item(monkeypatch):
    # A report's metadata panel, as on wcxb-dev 4519 (a tune page): an "Author(s)" heading
    # over a list of links, one author each.
    body = ("<div><h6>Date</h6><p>November 2003</p></div><div><h6>Author(s)</h6><ul>"
            "<li><a href='/library/?_author=John%20A.%20Alic'>John A. Alic</a></li>"
            "<li><a href='/library/?_author=David%20C.%20Mowery'>David C. Mowery</a></li>"
            "<li><a href='/library/?_author=Edward%20S.%20Rubin'>Edward S. Rubin</a></li>"
            "</ul></div><p>The report looks at how the government supports energy research.</p>")
    assert _byline(body) == ["John A. Alic", "David C. Mowery", "Edward S. Rubin"]
    from convert.extract.html.meta import bylinetext
    monkeypatch.setattr(bylinetext, "LABELLED_AUTHOR_LIST", False)
    assert _byline(body) == []


def test_poster_markup_is_read_after_the_text_lines_and_only_when_there():
    # (a forum poster's name is read once the text lines found no "By ..." line)
    body = ("<h1>Router drops the connection</h1><div class='post'><span class='username'>"
            "Kim Ostrander</span><p>Since the update my router drops every hour.</p></div>")
    assert _byline(body) == ["Kim Ostrander"]
    assert _byline(body.replace("username", "handle")) == []


def test_byline_words_in_any_case_and_labels_of_every_length_are_read():
    # (the cheap tests before the byline patterns: a byline word opens the line, a label has
    # one of the labels' lengths)
    assert _byline("<p>WRITTEN BY Dana Whitfield</p><p>Basil wants warmth.</p>") == [
        "Dana Whitfield"]
    assert _byline("<p>Contributors: Dana Whitfield</p><p>Basil wants warmth.</p>") == [
        "Dana Whitfield"]
    assert _byline("<div><span>Author:</span><span>Dana Whitfield</span></div>"
                   "<p>Basil wants warmth.</p>") == ["Dana Whitfield"]
    assert _byline("<div><span>Geschrieben von</span><span>Dana Whitfield</span></div>"
                   "<p>Basil wants warmth.</p>") == ["Dana Whitfield"]


def test_the_one_walk_prefilter_finds_every_page_any_byline_selector_matches():
    # (when it finds nothing, visible_byline skips the seven walks: each must find nothing too)
    from selectolax.lexbor import LexborHTMLParser

    from convert.extract.html.meta import byline as B
    samples = [
        "<span>Thread Starter</span><b>jo</b>", "<dl><dt>Topic starter</dt><dd>jo</dd></dl>",
        "<a rel='author' href='/jo'>Jo</a>", "<span itemprop='author'>Jo</span>",
        "<div class='post-byline'>By Jo</div>", "<div class='Byline'>By Jo</div>",
        "<div class='author-name'>Jo</div>", "<div class='c-AuthorName'>Jo</div>",
        "<div class='post_author__name'>Jo</div>", "<div class='x author'>Jo</div>",
        "<div class='meta-author'><span class='c-name'>Jo</span></div>",
        "<address class='author'>Jo</address>", "<p data-testid='story-byline'>Jo</p>",
        "<span class='autor'>Jo</span>", "<a href='/authors/jo/'>Jo</a>",
        "<a href='/author/jo'>Jo</a>", "<span class='bigusername'>jo</span>",
        "<span class='PostUser-name'>jo</span>",
    ]
    selectors = (B._STARTER_SELECTOR, *B._BYLINE_PRIORITY, B._POSTER)
    for sample in samples:
        tree = LexborHTMLParser(f"<html><body><p>Text.</p>{sample}</body></html>")
        assert any(tree.css(s) for s in selectors), sample
        assert tree.css_first(B._ANY_BYLINE_MARKUP) is not None, sample
    plain = LexborHTMLParser("<html><body><div class='post'><p>By Jo Carreira</p></div>"
                             "<a href='/about'>About</a></body></html>")
    assert tree.css_first(B._ANY_BYLINE_MARKUP) is not None
    assert plain.css_first(B._ANY_BYLINE_MARKUP) is None
    assert not any(plain.css(s) for s in selectors)
    # the prefilter's answer is the full search's: the "By ..." line of text
    assert B.visible_byline(plain) == ["Jo Carreira"]


_SR_BYLINE = ("<p class='author'><a class='unread' href='/p/1' title='Post'><i class='icon'></i>"
              "<span class='sr-only'>Post</span></a><span>by <strong><a href='/member/5' "
              "class='username'>tinkerer42</a></strong> &raquo; </span><time "
              "datetime='2024-05-02T08:41:17+00:00'>Thu May 02, 2024 8:41 am</time></p>")


def test_screen_reader_text_in_a_byline_is_no_name():
    # (rule sr_only_byline) a forum post's icon link carries "Post" for screen readers only.
    assert _byline(_SR_BYLINE) == ["tinkerer42"]


def test_sr_only_byline_off_names_the_icon_link(monkeypatch):
    from convert.extract.html.meta import bylinetext
    monkeypatch.setattr(bylinetext, "SR_ONLY_BYLINE", False)
    assert _byline(_SR_BYLINE) == ["Post"]


_LINES = ("<h1>Pier extension approved</h1><div class='byline'><div><div>Anna Berg</div>"
          "<div>Local democracy reporter</div></div></div><p>The council voted on Tuesday.</p>")


def test_a_byline_set_in_lines_names_the_person_of_its_first_line(monkeypatch):
    # (rule byline_name_line) synthetic, in the style of a public broadcaster's contributor
    # block: the name on one line, the job title on the next, no "By".
    assert _byline(_LINES) == ["Anna Berg"]
    # a section's name over a date is no person: the block is a dateline
    assert _byline("<div class='byline'><span>Personal finance</span><span>January 27, 2025"
                   "</span></div>") == []
    from convert.extract.html.meta import byline
    monkeypatch.setattr(byline, "BYLINE_NAME_LINE", False)
    assert _byline(_LINES) == []


def test_an_element_its_component_names_byline_holds_the_byline():
    # (rule component_byline) synthetic: the block named by a data-component attribute only;
    # the selectors are built at import, so the rule is switched off in a fresh process.
    import os
    import subprocess
    import sys
    body = _LINES.replace("class='byline'", "data-component='byline-block'")
    assert _byline(body) == ["Anna Berg"]
    code = ("from tests.extract.html.meta.test_byline import _byline, _LINES; "
            f"print(_byline({body!r}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "DECRUFT_ABLATE": "component_byline"})
    assert out.stdout.strip() == "[]", out.stderr


_META_LINE = ("<h1>Easy Tarte Tatin</h1><div class='entry-meta'>By <a href='/about/'>Anna Berg</a>"
              " · Updated: Mar 5, 2024 · Published: Oct 1, 2021 · This post may contain "
              "affiliate links.</div><p>Apples, butter, sugar and pastry.</p>")


def test_a_long_meta_line_led_by_the_byline_names_the_author(monkeypatch):
    # (rule byline_leads_meta) synthetic, in the style of a recipe blog's post meta line.
    assert _byline(_META_LINE) == ["Anna Berg"]
    from convert.extract.html.meta import bylinetext
    monkeypatch.setattr(bylinetext, "BYLINE_LEADS_META", False)
    assert _byline(_META_LINE) == []


def test_a_by_line_broken_after_the_name_names_the_person(monkeypatch):
    # (rule byline_first_line) synthetic, a small paper's unclassed byline paragraph.
    body = "<h1>Pier extension approved</h1><p>By Anna Berg<br>Staff Writer</p><p>Text.</p>"
    assert _byline(body) == ["Anna Berg"]
    from convert.extract.html.meta import bylinetext
    monkeypatch.setattr(bylinetext, "BYLINE_FIRST_LINE", False)
    assert _byline(body) == []


def test_story_by_and_other_scripts_author_labels_open_a_byline(monkeypatch):
    # (rule more_byline_words) synthetic lines of an English magazine, a Russian and a Chinese
    # news site; a caseless script's name needs no capital.
    assert _byline("<h1>Pier</h1><p>Story by Anna Berg</p>") == ["Anna Berg"]
    assert _byline("<h1>Пирс</h1><p>Автор: Анна Берг</p>") == ["Анна Берг"]
    assert _byline("<h1>码头</h1><p>作者：张三丰</p>") == ["张三丰"]
    from convert.extract.html.meta import bylinetext
    monkeypatch.setattr(bylinetext, "MORE_BYLINE_WORDS", False)
    assert _byline("<h1>Pier</h1><p>Story by Anna Berg</p>") == []
