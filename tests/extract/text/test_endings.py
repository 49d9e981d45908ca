"""Where the article's run ends in a dump (:mod:`convert.extract.text.endings`): a comments,
reviews, post-navigation, link-box or related-links heading below the article."""

from __future__ import annotations

import pytest

from convert.extract.text import endings, parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3

COMMENT = ("I have been reading this blog for years and I think this is one of the best posts "
           "you have written, because it says what many of us have been thinking for a while.")
REVIEW = ("I like the scent of it and my wife loves the scent too, overall I am very happy with "
          "the product and this was my second order from the shop this year.")


@pytest.mark.parametrize("heading", ["Customer Reviews", "Reviews (76)", "Write a review",
                                     "Based on 4567 reviews", "Kundenbewertungen"])
def test_a_customer_reviews_heading_ends_the_content(heading):
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{heading}\n\nJ.G.\n\n{REVIEW}\n\n{REVIEW[::-1]}\n"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "happy with" not in text


def test_a_reviews_label_on_every_item_is_no_heading():
    # ("Reviews" printed on every card of a list is a label, not the start of the reviews)
    items = "".join(f"{p}\nReviews\n" for p in (PARA, PARA2, PARA3))
    text = article_text(parse_text(items))
    assert PARA3 in text


POST = ("I went from banking to a strategy firm last year, and the hours are about the same but "
        "the work is more varied, so for me the move was worth it in the end.")


def test_replies_with_quote_buttons_under_a_comments_count_are_a_forums_content():
    # (a forum thread: "22 Comments" counts the replies, each with Reply / Quote / Report)
    replies = "".join(f"Member{n}\n2y\n{POST}\nReply\nQuote\nReport\n" for n in range(4))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nShare\n22 Comments\n{replies}"
    text = article_text(parse_text(dump))
    assert PARA3 in text and "worth it in the end" in text


def test_blog_comments_without_quote_buttons_still_end_the_article():
    replies = "".join(f"Member{n}\n2y\n{POST}\nReply\n" for n in range(4))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nShare\n22 Comments\n{replies}"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "worth it in the end" not in text


@pytest.mark.parametrize("nav", ["Previous post: The library opens its doors",
                                 "Newer Post Older Post Home", "« Older Entries", "Next Article",
                                 "This entry was posted in Local News by Jane Doe.",
                                 "100 of 253 comments loaded", "About these ads"])
def test_a_post_navigation_below_the_post_ends_it(nav):
    # (shaped on dragnet tune pages: the comments below the navigation are longer than the post
    # and carry no reply buttons nor "says:" headers that would mark them as a thread)
    comments = "".join(f"Reader {i}\n{COMMENT}\n" for i in range(6))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{nav}\n\n{comments}"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "reading this blog" not in text


def test_a_post_navigation_above_the_post_is_no_end():
    dump = f"Previous Article\n\nNext Article\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert PARA in text and text.endswith(PARA3)


@pytest.mark.parametrize("heading", ["Recent Posts", "Recent Comments", "Top Headlines",
                                     "Most Popular Stories", "Latest Articles:", "Topics:",
                                     "Filed under:"])
def test_a_link_box_heading_below_the_post_ends_it(heading):
    teasers = "".join(f"{t}\n" for t in (
        "The new bridge will open to traffic in the summer, the city says",
        "Schools to get more money for books and computers next year",
        "Why the market square is full of tents again this weekend"))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{heading}\n\n{teasers}"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "bridge" not in text


def test_a_sentence_about_recent_posts_is_no_heading():
    from convert.extract.text.openers import LINK_BOX_HEADING
    assert not LINK_BOX_HEADING.match("Recent posts on this blog have covered the library")
    assert LINK_BOX_HEADING.match("Recent Posts")
    # (a bare "Tags" without its colon is also a listing's filter: not a box heading)
    assert not LINK_BOX_HEADING.match("Tags") and LINK_BOX_HEADING.match("Tags:")


def test_a_long_related_box_ends_the_article_when_no_prose_follows_it():
    # (shaped on dragnet tune pages: the box's headlines are longer than half the article,
    # but they are headlines, not text that follows the box)
    teasers = "".join(f"{t}\n" for t in (
        "What we know so far about the plan to close the old school on the hill",
        "Why it is that the people in the town are not happy with the new bus times",
        "How the council wants to pay for the work that is to be done on the roads",
        "What it will mean for you if the price of water goes up again in the spring",
        "Why so many of the shops in the old town have had to close their doors this year",
        "How you can have your say on the plans for the park before the end of the month"))
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nRelated Posts\n{teasers}"
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "bus times" not in text


def test_a_related_box_inside_the_article_stays_when_prose_follows_it():
    dump = (f"{PARA}\n\n{PARA2}\n\nRelated Posts\nThe new bridge will open in the summer\n\n"
            f"{PARA3}\n\n{COMMENT}\n")
    text = article_text(parse_text(dump))
    assert PARA3 in text


#: Synthetic, in the style of a web API's tutorial: a section headed by the interface's name,
#: "Response", a word that also heads reader comments, opening its first sentence.
API_TUTORIAL = ("Fetch, part two\n" + "\n".join([
    "The Request interface defines a request to fetch a resource over the network, and it can "
    "be built from a plain URL or from another request that it copies.",
    "A request built from another one takes its method, its headers and its body, unless the "
    "options passed to the constructor change some of them.",
    "The simplest request is of course a URL alone, as you may do to get a resource with all "
    "the defaults that the browser chooses.",
    "The mode of a request decides whether a request to another origin is allowed, and whether "
    "the script may read the answer that comes back from it.",
    "The credentials of a request decide whether cookies of the other origin are sent with it, "
    "which matters for pages that call an interface of another site.",
    "Response",
    "Response instances are returned by calls to fetch(). They can also be created by a script, "
    "but this is only useful in a service worker that answers requests itself.",
    "Future improvements",
    "The ability to abort a running fetch will come later, with streams.",
    "2 comments", "Jane wrote on March 11th, 2015 at 02:57:", "How do you abort a fetch?",
    "Reply"]) + "\n")


def test_a_label_that_opens_its_sections_first_sentence_heads_a_section(monkeypatch):
    text = article_text(parse_text(API_TUTORIAL))
    assert "Response instances are returned" in text and "abort a running fetch" in text
    assert "How do you abort" not in text
    monkeypatch.setattr(endings, "LABEL_OPENS_SECTION", False)
    assert "Response instances are returned" not in article_text(parse_text(API_TUTORIAL))
