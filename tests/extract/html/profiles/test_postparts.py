"""One forum post's parts (:mod:`convert.extract.html.profiles.postparts`): its author, its
time stamp, its message's blocks without the lines and quotations the software adds."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.builder import Builder
from convert.extract.html.profiles import postparts
from convert.textutil import block_texts


def test_stamps():
    for text in ("28/11/2025 at 7:07 pm", "Aug 5, 2023", "Tuesday at 4:27 AM", "3 hours ago",
                 "Posted on 12 March 2021", "17 Apr 2024, 10:39", "2024-04-17"):
        assert postparts.stamp(text), text
    for text in ("I bought it 3 days ago and I love it", "Version 2.1.3", "Price 12.50",
                 "Hello world 2021", ""):
        assert not postparts.stamp(text), text


def test_relative_times():
    for text in ("17 hours ago", "an hour ago", "posted 6 years ago", "Tuesday at 10:07 AM",
                 "Yesterday at 4:25 AM", "today 9:47 pm", " 5 days  ago "):
        assert postparts.relative(text), text
    for text in ("Jul 5, 2024", "January 3, 2025, 7:14pm", "28/11/2025 at 7:07 pm",
                 "3 hours ago by ann", "I bought it 3 days ago", "Updated 7mo", ""):
        assert not postparts.relative(text), text


def test_the_author_is_the_innermost_name_not_the_user_card():
    # The card matches both the class and the itemprop selector: it must not end the search
    # before the name inside it.
    card = ("<section class='message-user' itemprop='author'><div class='details'>"
            "<a class='username' href='/members/ann.1/'>ann</a>"
            "<h5 class='userTitle'>Super User</h5></div></section>")
    item = LexborHTMLParser(f"<html><body><article class='message'>{card}<p>Hello</p>"
                            f"</article></body></html>").css_first("article")
    assert postparts.author_of(item).text().strip() == "ann"


def test_post_blocks_of_deeply_nested_markup_neither_recurse_nor_rewalk(monkeypatch):
    # A message nested past the recursion limit, a signature at the bottom: the walk child
    # by child must not recurse once per level, nor search each level's subtree again.
    n = 1500
    html = ("<body><div class='message'><p>First line of the post.</p>" + "<div class='x'>" * n
            + "<div class='signature'>My signature</div><p>The deep paragraph of text.</p>"
            + "</div>" * n + "</div></body>")
    message = LexborHTMLParser(html).body.css_first(".message")
    calls = []
    furniture = postparts.furniture
    monkeypatch.setattr(postparts, "furniture", lambda node: calls.append(1) or furniture(node))
    text = " ".join(block_texts(postparts.post_blocks(message, Builder(None))))
    assert "First line of the post." in text and "The deep paragraph of text." in text
    assert "My signature" not in text
    assert len(calls) < 10 * n


def test_a_post_line_is_matched_whole():
    assert postparts._POST_LINE.fullmatch("Edited October 30, 2025 by El Patron (see edit history)")
    assert postparts._POST_LINE.fullmatch("Reactions: CountMike")
    # a poster's own sentence that starts alike is text
    assert not postparts._POST_LINE.fullmatch("Edited the config by hand and it works now. Thanks!")
    assert not postparts._POST_LINE.fullmatch("Posts: see the pinned guide first")


def test_a_hidden_time_is_not_the_post_s_time(monkeypatch):
    # Shaped after a Tapatalk post header (wcxb-dev-extra 0560, a tune page): the date shown
    # in a span named for the time, a machine stamp in a hidden <time> beside it.
    item = LexborHTMLParser(
        "<html><body><div class='post'><p class='author'><span class='posttime'>"
        "<span class='timespan'>Aug 08, 2006</span></span><a href='#p1'>#1</a>"
        "<time class='hide' datetime='2006-08-08T22:13+00:00'>2006-08-08T22:13+00:00</time>"
        "</p><div class='content'>Text</div></div></body></html>").css_first("div.post")
    assert postparts.time_of(item).text().strip() == "Aug 08, 2006"
    monkeypatch.setattr(postparts, "VISIBLE_TIME", False)
    assert postparts.time_of(item).text().strip() == "2006-08-08T22:13+00:00"


def test_citations():
    def cited(html: str) -> bool:
        return postparts.cited(LexborHTMLParser(f"<html><body>{html}</body></html>")
                            .css_first("blockquote"))
    assert cited("<blockquote><div class='ipsQuote_citation'>On 10/29/2025 at 2:07 PM, ann "
                 "said:</div><p>x</p></blockquote>")
    assert cited("<blockquote>\n<p>bob wrote:</p><p>quoted</p></blockquote>")
    assert cited("<blockquote><cite>carl</cite><p>quoted</p></blockquote>")
    # A quotation of a book or a speech opens with its own words: it stays.
    assert not cited("<blockquote><p>We choose to go to the Moon in this decade and do the "
                     "other things, not because they are easy.</p></blockquote>")
    assert not cited("<blockquote></blockquote>")


def test_a_card_line_is_matched_whole():
    assert postparts._CARD_LINE.fullmatch("# 12") and postparts._CARD_LINE.fullmatch("Thread Starter")
    assert not postparts._CARD_LINE.fullmatch("#1 reason I left: the location: it was too far")


def test_a_link_preview_card_is_no_part_of_the_post(monkeypatch):
    # Shaped after a XenForo post (wcxb-dev 4312, a tune page): the poster's link, then the
    # card the forum fetched for it (the linked page's title, summary and site) in a
    # bbCodeBlock--unfurl. A Discourse inline-onebox is the link in the sentence: it stays.
    html = ("<html><body><article class='message-body'><div class='bbWrapper'>"
            "This might help you, see <a class='inline-onebox' href='https://example.org/r'>"
            "the XTX review</a> first.<div class='bbCodeBlock bbCodeBlock--unfurl js-unfurl'>"
            "<div class='contentRow'><div class='contentRow-main'><h3 class='contentRow-header "
            "js-unfurl-title'><a href='https://example.org/r'>Radeon RX 7900 XTX Review</a>"
            "</h3><div class='contentRow-snippet'>The card comes with user-replaceable fans "
            "that pop out without any tools.</div><div class='contentRow-minor'>"
            "www.example.org</div></div></div></div></div></article></body></html>")
    message = LexborHTMLParser(html).css_first("article")
    text = " ".join(block_texts(postparts.post_blocks(message, Builder(None))))
    assert "This might help you, see the XTX review first." in text
    assert "user-replaceable fans" not in text and "www.example.org" not in text
    monkeypatch.setattr(postparts, "LINK_PREVIEWS", False)
    text = " ".join(block_texts(postparts.post_blocks(message, Builder(None))))
    assert "user-replaceable fans" in text


def test_a_user_box_showing_the_time_is_not_the_author(monkeypatch):
    # Synthetic, in the style of a Stack Exchange answer's signature box: "answered <time>"
    # in a box named 'user-action-time', then the user card (name, reputation, badges).
    card = ("<div class='user-info'><div class='user-action-time'>answered <span "
            "class='relativetime'>Mar 3, 2021 at 10:02</span></div><div class='user-details'>"
            "<a href='/users/20/bakerpete'>bakerpete</a><span class='d-none'>bakerpete</span>"
            "<div class='-flair'><span class='reputation-score'>12.3k</span><span>3 gold "
            "badges</span><span>21 silver badges</span></div></div></div>")
    item = LexborHTMLParser(f"<html><body><div class='answer'><div class='s-prose'><p>Pour "
                            f"it off and feed it.</p></div>{card}</div></body></html>"
                            ).css_first("div.answer")
    author = postparts.author_of(item)
    assert "answered" not in author.text()
    assert list(block_texts(postparts.author_line(author))) == ["bakerpete"]
    monkeypatch.setattr(postparts, "TIME_NOT_AUTHOR", False)
    assert "answered" in postparts.author_of(item).text()


def test_an_author_line_keeps_words_beside_the_name():
    # a name and a title are no counters: the line stays whole
    item = LexborHTMLParser("<html><body><div class='post'><span class='author'><a href="
                            "'/members/ann.1/'>ann</a> Moderator</span></div></body></html>"
                            ).css_first("span.author")
    assert list(block_texts(postparts.author_line(item))) == ["ann Moderator"]


def test_a_web_address_is_no_author(monkeypatch):
    # A post with no name shown (a guest's) links a video channel in its text: the link's
    # path looks like a profile's, its text is a URL.
    item = LexborHTMLParser("<html><body><div class='post'><div class='content'>See <a "
                            "href='https://video.example.com/user/aquatasy'>https://video."
                            "example.com/user/aquatasy</a> for more.</div></div></body></html>"
                            ).css_first("div.post")
    assert postparts.author_of(item) is None
    monkeypatch.setattr(postparts, "URL_NOT_AUTHOR", False)
    assert postparts.author_of(item) is not None
