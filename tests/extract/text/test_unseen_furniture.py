"""Furniture rules added for pages the parser was never tuned on (issue #13): one synthetic
dump per rule, with the rule switched off (``skip``) to show the line is its doing."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.extract.text.furniture import apply_rules
from convert.textutil import article_text

from .test_furniture import _units
from .test_pipeline import PARA, PARA2, PARA3

#: A consent dialog's paragraph, longer than the lines the 'cookie' rule judges (shape of the
#: shop and news pages of wcxb-dev-extra's tune split).
NOTICE = ("With our cookies we would like to offer you the best shopping experience possible "
          "with everything that goes with it. This includes, for example, suitable offers, "
          "personalised ads and remembering your preferences. If this is okay with you, simply "
          "agree to the use of cookies for preferences, statistics and marketing by clicking on "
          "the button below, or manage your settings at any time.")
#: Prose about cookies, as long, that is not in the site's voice.
ABOUT_COOKIES = ("Nearly every website that has a like button is asking the browser to send "
                 "data to an advertising network, and the cookies it stores let that network "
                 "follow a reader from one site to the next. Some advertisers claim that people "
                 "can opt out of targeted advertising, but the opt-out itself is kept in a "
                 "cookie, and clearing the browser's storage quietly turns the tracking back on.")


def test_a_long_cookie_notice_is_dropped():
    units = _units(f"{NOTICE}\n\n{PARA}\n\n{PARA2}\n")
    assert units[0].words > 45
    apply_rules(units)
    assert units[0].keep is False and units[0].reason == "cookie"
    off = _units(f"{NOTICE}\n\n{PARA}\n\n{PARA2}\n")
    apply_rules(off, skip={"cookie-notice"})
    assert off[0].keep is None


def test_a_long_paragraph_about_cookies_is_prose():
    # (first on the page: the 'consent' rule judges such lines in the page's second half)
    units = _units(f"{ABOUT_COOKIES}\n\n{PARA}\n\n{PARA2}\n")
    apply_rules(units)
    assert units[0].keep is None


def test_the_notice_does_not_win_over_the_article():
    text = f"{NOTICE}\n\nMenu\nShop\nHelp\n\nNew library\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n"
    body = article_text(parse_text(text))
    assert "cookies" not in body and PARA in body


# --------------------------------------------------------------------------- authors

def _reasons(text: str, skip: frozenset[str] = frozenset()) -> list[str]:
    units = _units(text)
    apply_rules(units, skip=skip)
    return [u.reason for u in units]


BIO = ("Mary Brock is a scientist who works on drugs you have hopefully never heard of. She "
       "enjoys cooking, running and reading about the history of medicine.")


def test_an_author_box_below_the_article_is_dropped():
    text = f"{PARA}\n\n{PARA2}\n\nAbout the author\nMary\nMary\n{BIO}\n"
    reasons = _reasons(text)
    assert reasons[2:] == ["author-bio"] * 4
    named = _reasons(f"{PARA}\n\n{PARA2}\n\nAbout Mary Brock\n{BIO}\n")
    assert named[2:] == ["author-bio"] * 2
    inline = _reasons(f"{PARA}\n\n{PARA2}\n\nAbout the author: {BIO}\n")
    assert inline[2] == "author-bio"
    assert _reasons(text, frozenset({"author-bio"}))[5] != "author-bio"


def test_a_subheading_that_starts_with_about_is_the_article():
    reasons = _reasons(f"{PARA}\n\n{PARA3}\n\nAbout The Library\n{PARA2}\n")
    assert "author-bio" not in reasons


def test_a_page_about_a_person_is_not_an_author_box():
    reasons = _reasons(f"Menu\nHome\n\nAbout Mary Brock\n{BIO}\n\n{PARA}\n")
    assert "author-bio" not in reasons


# --------------------------------------------------------------------------- threads and boxes

COMMENT = ("I really enjoyed reading this and I think the council should have done it years ago, "
           "because the old library was always full and it was hard to find a seat.")


def test_a_related_box_above_a_long_thread_ends_the_article():
    comments = "\n\n".join(f"Reader {n}: {COMMENT} {PARA3}" for n in range(8))
    dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nYou might also like\nDuty of care\n"
            "Five videos on connected learning from the research hub\nHolding back our children\n\n"
            f"No comments yet... Be the first to leave a reply!\n\n{comments}\n")
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3) and "Duty of care" not in text


def test_more_openers_of_threads_and_related_boxes_end_the_article():
    for opener in ("Discuss this post", "More content from Example.com:"):
        dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{opener}\n\n{COMMENT}\n\n"
                "Jump to discussion page: 1 2 3\n")
        text = article_text(parse_text(dump))
        assert text.endswith(PARA3), opener


def test_a_comment_count_in_the_posts_header_does_not_end_the_article():
    teasers = "\n\n".join(f"{p}\n\nContinue Reading »" for p in (PARA, PARA2))
    post = (f"4 Comments\nWritten on August 9, 2012 by Jane Doe in Comics\n"
            f"{PARA3}\n\n{COMMENT}\n\n{PARA2.replace('After', 'Later')}\n")
    text = article_text(parse_text(f"{teasers}\n\nHome\nAbout\nContact\n\n{post}"))
    assert PARA3 in text and COMMENT in text


def test_a_comment_count_over_a_comments_header_still_ends_the_article():
    thread = "".join(f"{COMMENT}\nPosted by: reader{n} at October 28, 2012 02:30 PM\n\n" for n in range(3))
    dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n8 Comments\n"
            f"Add a Comment by reader9 July 24, 2012 1:17 PM EDT\n{thread}")
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3)


def test_the_sites_name_repeated_in_the_footer_is_not_the_headline():
    menu = "\n".join(f"Section {n}" for n in range(40))
    dump = (f"Example News | News About Tech and Money\n{menu}\n\nApple confirms service issues\n\n"
            f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nAbout\nContact\n\n"
            "Example News provides news about innovation for forward-thinking executives and "
            "covers a range of technology trends, from social media to mobile and the cloud.\n"
            "Example News | News About Tech and Money\n"
            "Example Games is your source for gaming news and reviews, and it is also home to "
            "the best articles from gamers, developers and other folks outside of the industry.\n")
    text = article_text(parse_text(dump))
    assert PARA in text and PARA3 in text


def test_an_article_printed_twice_keeps_its_first_copy():
    dump = (f"Menu\nReal Estate\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\nPrint\n\n"
            f"BY JANE DOE\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n")
    text = article_text(parse_text(dump))
    assert text.count(PARA) == 1 and text.count(PARA3) == 1


def test_one_paragraph_printed_several_times_in_a_row_is_kept():
    lorem = ("Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud.")
    text = article_text(parse_text("\n\n".join([lorem] * 4) + "\n"))
    assert text.count(lorem) == 4


# --------------------------------------------------------------------------- galleries

CAPTIONS = [
    "The mayor opens the new reading room of the library on Tuesday. (AP Photo/Jane Doe)",
    "Visitors queue at the entrance on the first morning. (AP Photo/Jane Doe)",
    "A child reads in the new garden behind the library building. (Photo by John Roe/Getty Images)",
]


def test_a_slideshow_below_an_article_is_dropped():
    slides = "\n\nSlide 2\n\n".join(CAPTIONS)
    text = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nLoading Slideshow\n\n{slides}\n"
    reasons = _reasons(text)
    assert reasons.count("gallery") == 3
    assert "gallery" not in _reasons(text, frozenset({"gallery"}))
    assert "Visitors queue" not in article_text(parse_text(text))


def test_a_photo_post_keeps_its_captions():
    text = f"{PARA}\n\n" + "\n\n".join(CAPTIONS) + "\n"
    assert "gallery" not in _reasons(text)
