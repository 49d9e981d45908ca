"""Where the content of a dump ends (:mod:`convert.extract.text.region`): a customer-reviews
heading, and what a page prints below its footer's copyright line."""

from __future__ import annotations

import pytest

from convert.extract.text import parse_text
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


POLICY = ("Final Sale items cannot be returned or exchanged. Final Sale items include gift cards, "
          "insoles, and items tagged final sale on our website and in our retail stores.")


def test_text_below_the_footers_copyright_line_is_dropped():
    # (a shop's refund policy printed in a closed dialog after the footer)
    dump = (f"Home\nShop\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\nHelp\nStores\nCareers\n"
            f"© 2025 Allbirds, Inc. All Rights Reserved\nRefund policy\nClose\n{POLICY}\n")
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "Final Sale" not in text


def test_a_copyright_line_above_most_of_the_text_leaves_it():
    # (a copyright notice at the top of a short page: the text below is the page's)
    dump = (f"Menu\nNews\n{PARA}\n\nCopyright 2012 The Daily Planet\n\n{PARA2}\n\n{PARA3}\n\n"
            f"{POLICY}\n")
    text = article_text(parse_text(dump))
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


def test_reviews_longer_than_the_description_stay_below_it():
    # (a product page whose reviewers wrote more than its description: the densest run is
    # among the reviews, below their heading and each review's votes)
    desc = ("Keep your day's gear within easy reach in the Trail 25 pack. It is designed to fit a "
            "wide range of body types, and it has pockets galore for quick access to essentials.")
    review = "".join(f"{REVIEW} {REVIEW}\nYes, I recommend this product\n"
                     f"{n + 4} people found this review helpful\n" for n in range(4))
    specs = "".join(f"{k}\n{v}\n" for k, v in (("Best Use", "Hiking"), ("Frame", "Internal"),
                                                ("Weight", "2 lb"), ("Capacity", "25 liters"),
                                                ("Gender", "Unisex"), ("Colour", "Oak"),
                                                ("Fabric", "Nylon"), ("Lining", "Polyester"),
                                                ("Torso", "16-20 in"), ("Hipbelt", "Removable"),
                                                ("Pockets", "Seven"), ("Frame Material", "HDPE")))
    dump = (f"Home\nPacks\nTrail 25 Pack\n{desc}\nTechnical Specs\n{specs}Shop similar\n"
            f"Compare\nSize chart\nReviews\n{review}")
    text = article_text(parse_text(dump))
    assert desc in text and "happy with" not in text


#: A question-and-answer page as innerText prints it (shaped on a Stack Exchange tune page,
#: wcxb-dev-extra 0564): the question, comments under it, the answer count, the answers.
ANSWER = ("You should catch only the errors you expect and know how to recover from, because a "
          "bare handler also hides the mistakes in your own code that you would want to see.")
ANSWER2 = ("If you really must ignore an error, name it in the handler and log it, so that the "
           "next reader of the code knows that it was ignored on purpose and not by accident.")


def _qa_page(count: str) -> str:
    comments = "".join(f"Reader {i}\nI think the question is a good one for the people here.\n"
                       f"Reply\nCopy link\n" for i in range(4))
    return (f"Why is a bare except clause bad practice?\nAsked 12 years ago\n\n{PARA}\n\n"
            f"{PARA2}\n\nShare\nImprove this question\nasked Feb 4, 2014 at 13:02\n"
            f"4 Comments\n{comments}Add a comment\n{count}\n\n{ANSWER}\n\nShare\n"
            f"Improve this answer\nanswered Feb 4, 2014 at 13:27\n\n{ANSWER2}\n\nShare\n"
            "Improve this answer\nanswered Feb 5, 2014 at 10:01\n")


def test_the_answers_of_a_question_and_answer_page_are_its_content():
    text = article_text(parse_text(_qa_page("2 Answers")))
    assert PARA in text and ANSWER in text and ANSWER2 in text


def test_without_an_answer_count_the_comments_heading_ends_the_question(monkeypatch):
    # (the same page with the rule off, and a page that does not count answers: the
    # "4 Comments" heading under the question ends the content as on a blog)
    from convert.extract.text import region
    monkeypatch.setattr(region, "QA_ANSWERS", False)
    text = article_text(parse_text(_qa_page("2 Answers")))
    assert PARA2 in text and ANSWER not in text
    monkeypatch.setattr(region, "QA_ANSWERS", True)
    text = article_text(parse_text(_qa_page("Two more things")))
    assert ANSWER not in text


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
    from convert.extract.text import rules as R
    assert not R.LINK_BOX_HEADING.match("Recent posts on this blog have covered the library")
    assert R.LINK_BOX_HEADING.match("Recent Posts")
    # (a bare "Tags" without its colon is also a listing's filter: not a box heading)
    assert not R.LINK_BOX_HEADING.match("Tags") and R.LINK_BOX_HEADING.match("Tags:")


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
