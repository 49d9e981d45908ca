"""The article's region in a dump (:mod:`convert.extract.text.region`): the run above a
customer-reviews section or a question's comments, and what a page prints below its footer's
copyright line."""

from __future__ import annotations

import pytest

from convert.extract.text import parse_text, region
from convert.textutil import article_text

from .test_endings import REVIEW
from .test_pipeline import PARA, PARA2, PARA3


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


#: A forum post's guide (the shape of a hardware forum's first post in wcxb-dev-extra's tune
#: split): a lead-in ending in a colon, a long list of short items, then the post's last
#: paragraph.
SPECS = ["Memory", "VRAM Size (4GB–24GB)", "Type: GDDR6 / GDDR6X / HBM2",
         "Bus Width & Bandwidth (bit & GB/s)", "Performance Benchmarks",
         "1080p / 1440p / 4K Avg FPS (in top titles)", "Ray Tracing (on/off) performance",
         "DLSS / FSR Support & Gen Version", "Architecture", "CUDA / Stream Processors",
         "Clock Speeds (Base & Boost)", "Lithography (e.g., 5nm / 6nm)", "PCIe Gen Compatibility",
         "Power & Cooling", "TDP / Recommended PSU", "Number of Fans & Heatsink Type",
         "Physical Specs", "Length (in mm/inches)", "Slot Width (2-slot, 2.5-slot, 3-slot)",
         "Required case clearance", "Top Picks", "Budget Pick Notes"]
CLOSING = ("Let me know if you want me to add a specific card to the chart or if you spot any "
           "outdated specs, because I am updating it regularly and every correction helps a lot.")


def test_a_list_under_its_lead_in_keeps_the_run_going(monkeypatch):
    from convert.extract.text import region
    dump = (f"Forums\nWhat's new\nLog in\n{PARA}\n\n{PARA2}\n\nKey comparison categories:\n"
            + "".join(f"{s}\n" for s in SPECS) + f"{CLOSING}\n\nHappy building!\n\n"
            "Share:\nFacebook\nReddit\nTrending threads\n")
    text = article_text(parse_text(dump))
    assert all(s in text for s in SPECS) and CLOSING in text
    assert "Trending threads" not in text and "Log in" not in text
    monkeypatch.setattr(region, "LEAD_IN_LISTS", False)
    # (without the rule the list breaks the run: its tail and the last paragraph are lost)
    off = article_text(parse_text(dump))
    assert PARA2 in off and CLOSING not in off and "Budget Pick Notes" not in off


def test_a_forms_label_opens_no_list():
    # ("Playtime:" over a filter's options is a form's label: nothing kept it)
    from convert.extract.text.region import mark_lead_in_lists
    from .test_furniture import _units
    units = _units(f"{PARA}\n\nPlaytime:\nNo Minimum\nOver 1 hour\nOver 10 hours\n")
    mark_lead_in_lists(units)
    assert not any(u.listed for u in units)


#: A training plan's tables below the article (after wcxb-dev-extra tune page 4115,
#: a running magazine's 24-week plan): an ad label and a teaser, then a heading, a lead-in and
#: one table per plan, each under its own heading; the rows are names and numbers.
PLAN = ("ADVERTISEMENT\nRELATED: Workout of the Week: The Hill-Tempo Sandwich\n"
        "The 24-Week Couch to Marathon Training Plan\n"
        "Follow along with the bite-sized plans below to get through the 24 weeks.\n"
        "Zero to 5K Plan\n"
        "Week\tMonday\tTuesday\tWednesday\tThursday\n"
        "1\tRest\tWalk/Run Easy 10x\tRest\tWalk/Run Easy 13x\n"
        "2\tRest\tWalk/Run Easy 15x\tOptional Cardio 30 min\tWalk/Run Easy 15x\n"
        "3\tRest\tWalk/Run Easy 15x\tOptional Cardio 30 min\tRun Easy 25 min\n"
        "5K to 10K Plan\n"
        "Week\tMonday\tTuesday\tWednesday\tThursday\n"
        "1\tRest\tRun Easy 30 min\tOptional Cardio 30 min\tRun Easy 30 min\n"
        "2\tRest\tSpeed Play 35 min\tOptional Cardio 30 min\tFast Finish 30 min\n"
        "3\tRest\tSpeed Play 40 min\tOptional Cardio 30 min\tFast Finish 30 min\n"
        "Marathon Training\nTraining Plan Central\nMatt Fitzgerald\n")


def test_tables_below_the_article_are_the_articles(monkeypatch):
    from convert.extract.text import region
    dump = f"Home\nTraining\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PLAN}"
    text = article_text(parse_text(dump))
    assert "Zero to 5K Plan" in text and "5K to 10K Plan" in text
    assert "Walk/Run Easy 13x" in text and "Fast Finish 30 min" in text
    assert "Follow along with the bite-sized plans" in text
    # (the ad label, the teaser and the tag links around the tables stay out)
    assert "ADVERTISEMENT" not in text and "RELATED" not in text
    assert "Training Plan Central" not in text
    monkeypatch.setattr(region, "TABLES_BELOW", False)
    off = article_text(parse_text(dump))
    assert off.endswith(PARA3) and "Walk/Run" not in off


def test_a_short_table_far_below_the_article_is_not_taken():
    # (two rows of a sidebar's table are no data table of the article; nor is one far below)
    rows = "Team\tPlayed\tPoints\nRovers\t10\t21\n"
    far = "Share\nTweet\nEmail\nPrint\nSave\nMore stories\nNewsletter\n"
    dump = f"Home\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{rows}{far}{rows}{rows}"
    assert article_text(parse_text(dump)).endswith(PARA3)


#: A course page's objectives (after wcxb-dev-extra tune page 0087, a university's
#: certificate programme): the list ends the page's prose, then the footer's links follow.
OBJECTIVES = ["Increase website visibility through search engine optimization techniques",
              "Drive qualified traffic to your website through pay-per-click advertising",
              "Execute digital display campaigns",
              "Measure and optimize your social media campaigns"]
COURSE_FOOTER = "Register Online\nContact Us\nDirections\nCampus Map\n"


def test_a_list_under_the_runs_last_line_is_the_articles(monkeypatch):
    from convert.extract.text import region
    dump = (f"Home\nPrograms\n{PARA}\n\n{PARA2}\n\nBy the end of this program, you will be "
            "able to:\n" + "".join(f"{s}\n" for s in OBJECTIVES) + COURSE_FOOTER)
    text = article_text(parse_text(dump))
    assert all(s in text for s in OBJECTIVES) and "Campus Map" not in text
    monkeypatch.setattr(region, "LIST_AFTER_RUN", False)
    off = article_text(parse_text(dump))
    assert OBJECTIVES[-1] not in off


def test_teasers_under_a_lead_in_stay_out():
    # ("If you enjoyed this article, you may also like:" heads teasers, not the article's list)
    dump = (f"Home\n{PARA}\n\n{PARA2}\n\nIf you enjoyed this article, you may also like:\n"
            + "".join(f"{s}\n" for s in OBJECTIVES) + COURSE_FOOTER)
    assert OBJECTIVES[-1] not in article_text(parse_text(dump))


#: A shop's footer under its newsletter box (the shape of the wcxb-dev-extra tune pages of an
#: outdoor shop's categories, with text of our own): the box's messages, then the footer's
#: pitch, long enough to be kept as prose.
SIGNUP_FOOTER = ("Sign up for our emails\nGet 15% off one item.\nSign me up!\n"
                 "Thank you for signing up!\n"
                 "Check your inbox for your welcome email. It includes your coupon and ways to "
                 "set preferences for the emails you get.\n"
                 "Who we are\n"
                 "We believe that a life outdoors is a life well lived, and we have been sharing "
                 "our passion for the outdoors with our members and their families for years.\n"
                 "Read our story\n")


def test_text_below_a_signup_forms_message_is_dropped(monkeypatch):
    dump = (f"Home\nShop\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA}\n\n{SIGNUP_FOOTER}"
            "Help\nStores\nCareers\n")
    text = article_text(parse_text(dump))
    assert PARA3 in text and "welcome email" not in text and "life outdoors" not in text
    monkeypatch.setattr(region, "FOOTER_OPENERS", False)
    assert "life outdoors" in article_text(parse_text(dump))


def test_a_signup_forms_message_above_most_of_the_text_leaves_it():
    # (a newsletter box at the top of a page: the text below it is the page's)
    dump = (f"Menu\nNews\n{PARA}\n\nThank you for signing up!\n\n{PARA2}\n\n{PARA3}\n\n"
            f"{POLICY}\n")
    text = article_text(parse_text(dump))
    assert PARA3 in text and POLICY in text


#: A company's pitch printed in the footer, long enough to be kept as prose.
PITCH = ("We are a family business that has been building furniture by hand since the war, and "
         "every chair that leaves our workshop carries the name of the person who made it.")


@pytest.mark.parametrize("opener", [
    "Thank you for signing up!",
    "By providing my email, I am consenting to receive emails and email-based advertising. "
    "For additional information, please see our Privacy Policy.",
    "You are using an out of date browser. It may not display this or other websites correctly.",
    # a screen reader's "Footer" heading, a docs page's feedback box, a wiki's note of its
    # last change, WordPress's like button, a site credit, a back-to-top link: each printed
    # once, under the page's text
    "Footer",
    "Footer navigation",
    "Primary Sidebar",
    "Was this page helpful?",
    "Last updated on March 3, 2025",
    "This page was last edited on 2 April 2024, at 13:18 (UTC).",
    "Like Loading...",
    "Designed by Elegant Themes | Powered by WordPress",
    "Back to top",
])
def test_text_below_a_line_that_opens_the_footer_is_dropped(opener, monkeypatch):
    dump = (f"Home\nShop\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA}\n\n{opener}\n\n{PITCH}\n"
            "Help\nStores\nCareers\n")
    text = article_text(parse_text(dump))
    assert PARA3 in text and "family business" not in text
    monkeypatch.setattr(region, "FOOTER_OPENERS", False)
    assert "family business" in article_text(parse_text(dump))


def test_a_notice_printed_on_every_post_opens_no_footer():
    # (a sign-in notice under each post of a thread: the posts below it are the thread's)
    posts = "".join(f"{p}\n\nAlready have an account? Sign in here.\n\n"
                    for p in (PARA, PARA2, PARA3, PITCH))
    text = article_text(parse_text(f"Forum\nTopics\n{posts}Help\nStores\n"))
    assert "family business" in text


def test_prose_mentioning_a_signup_opens_no_footer():
    # a news line with a form's words is kept, and so is the story below it
    news = ("More than two million people in the region have already signed up for the trial, "
            "the health ministry said on Tuesday.")
    dump = f"Home\nNews\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA}\n\n{news}\n\n{PITCH}\n"
    text = article_text(parse_text(dump))
    assert news in text and "family business" in text


def test_an_opener_with_too_much_text_below_leaves_the_copyright_line_to_decide(monkeypatch):
    # A sign-up box's message with as much kept text below it as above opens nothing; the
    # footer's copyright line further down still drops what is printed after it (the rule
    # text-after-copyright, as without text-footer-openers).
    from convert.extract.text.lines import drop

    from .test_furniture import _units
    texts = ["Home", "Shop", "Help", "Stores", PARA, PARA2, PARA3, PARA, PARA2,
             "Thank you for signing up!", PARA3, PARA, PARA2,
             "© 2025 Harbour Inc. All rights reserved", "Final Sale items cannot be returned."]
    for openers in (True, False):
        units = _units("\n\n".join(texts))
        assert len(units) == len(texts)
        for u in units:
            u.keep, u.reason = True, "good"
        for i in range(4):
            drop(units[i], "nav")
        drop(units[9], "signup-notice")
        drop(units[13], "copyright")
        monkeypatch.setattr(region, "FOOTER_OPENERS", openers)
        region.drop_after_copyright(units)
        assert [u.keep for u in units[10:13]] == [True] * 3
        assert units[14].reason == "after-copyright", openers


@pytest.mark.parametrize("line", [
    "Last edited: Jul 13, 2022",           # a forum post's own edit note
    "Was this review helpful?",            # under each review of a product page
    "Skip to footer",                      # a skip link
    "The footer of the page was redesigned last year.",
    "Powered by MDX:",                     # a feature card's title over its description
])
def test_a_posts_edit_note_or_a_reviews_vote_opens_no_footer(line):
    dump = (f"Home\nShop\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA}\n\n{line}\n\n{PITCH}\n"
            "Help\nStores\nCareers\n")
    assert "family business" in article_text(parse_text(dump))


def test_a_credit_printed_on_every_card_opens_no_footer():
    # (a feature grid's cards each say "Powered by Zapier": the page's, not the footer's)
    cards = "".join(f"{p}\n\nPowered by Zapier\n\n" for p in (PARA, PARA2, PARA3, PITCH))
    assert "family business" in article_text(parse_text(f"Home\nApps\n{cards}Help\n"))


#: Synthetic, in the style of a MediaWiki article copied with select-all: each section's
#: heading followed by its "[edit]" link, a section heading over a subsection heading.
WIKI = ("Kestrel Bay\nFrom Wikipedia, the free encyclopedia\n"
        "Kestrel Bay is a coastal town on the northern shore of the bay. It grew from a small "
        "fishing village in the eighteenth century into a busy port for iron ore after the "
        "opening of the railway in 1846.\nHistory\n[edit]\nEarly years\n[edit]\n"
        "The earliest record of a settlement at Kestrel Bay is a charter of 1247, which granted "
        "the monks of the abbey the right to fish in the bay, and the village stayed small.\n"
        "Geography\n[edit]\nThe town lies on a low peninsula between the estuary of the river "
        "and the open sands of the bay, where the tides come in faster than a person can walk.\n"
        "References\n[edit]\nPrivacy policy\nAbout Wikipedia\nDisclaimers\n")


def _headings(text: str) -> list[str]:
    from convert.article import Heading
    return [b.children[0].text for b in parse_text(text).blocks if isinstance(b, Heading)]


def test_a_wikis_edit_links_do_not_make_its_headings_a_menu(monkeypatch):
    from convert.extract.text import pipeline
    assert _headings(WIKI) == ["History", "Early years", "Geography"]
    monkeypatch.setattr(pipeline, "HEADING_OVER_LABEL", False)
    assert "Geography" not in _headings(WIKI)
    monkeypatch.setattr(region, "EDIT_LINKS_APART", False)
    assert "Early years" not in article_text(parse_text(WIKI))
