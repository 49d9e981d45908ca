"""Defects of the text parser found on unseen dumps (issue 13), one synthetic fixture each:
comment threads longer than the article, prose that mentions cookies, bracketed counts taken
for code."""

from __future__ import annotations

from convert.extract.text import parse_text
from convert.extract.text.furniture import is_code
from convert.extract.text.lines import Line, measure, segment
from convert.extract.text.records import records
from convert.extract.text.stopwords import stopwords_for
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3

COMMENT = ("I have been reading this blog for years and I think this is one of the best posts "
           "you have written, because it says what many of us have been thinking for a while.")


def _thread(footer: str, n: int = 6) -> str:
    """A comment thread of ``n`` comments, each followed by ``footer`` (formatted with its
    number), longer than the article above it."""
    return "".join(f"{COMMENT}\n{COMMENT}\n{footer.format(i=i)}\n" for i in range(n))


def test_a_bare_comments_label_followed_by_signed_comments_ends_the_article():
    # (the thread is longer than the article: a bare label alone would not be trusted)
    dump = (f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\nComments\n" +
            _thread("Posted by: Reader {i} | September 13, 2012 at 05:1{i} AM"))
    text = article_text(parse_text(dump))
    assert text.endswith(PARA3)
    assert "reading this blog" not in text


def test_a_bare_comments_label_without_comment_headers_below_stays_a_label():
    # ("Comments" as a menu entry, the article's prose continuing below it)
    dump = f"{PARA}\n\nComments\n\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert PARA2 in text and text.endswith(PARA3)


def test_repeated_comment_action_bars_mark_a_thread_without_a_heading():
    dump = f"{PARA}\n\n{PARA2}\n\n{PARA3}\n\n" + _thread("Reply to This Share twitter facebook\n"
                                                         "Flag as Inappropriate")
    text = article_text(parse_text(dump))
    assert PARA3 in text
    # (the first comment sits above the first action bar: only the rest is marked)
    assert text.count("reading this blog") <= 2


def test_prose_that_mentions_cookies_is_kept_and_a_banner_is_dropped():
    prose = ("She baked three trays of cookies for the school fair on Saturday, and the "
             "children sold every one of them before noon.")
    banner = "We use cookies to improve your experience. By continuing you accept our policy."
    dump = f"{PARA}\n\n{prose}\n\n{PARA2}\n\n{banner}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert prose in text
    assert "We use cookies" not in text


def test_a_short_cookie_label_is_dropped():
    dump = f"{PARA}\n\n{PARA2}\n\nCookie settings\n\n{PARA3}\n"
    assert "Cookie" not in article_text(parse_text(dump))


def test_bracketed_counts_of_an_archive_list_are_not_code():
    # (taken for code, an archive's lines were exempt from every rule, kept inside any run and
    # scored as neutral, so a sidebar's prose above them joined the article below)
    assert not is_code(Line(text="October 2012 (19)", index=0, gap_before=False))
    assert not is_code(Line(text="Comments (3)", index=0, gap_before=False))
    # (a call with a number in its brackets is still code)
    assert is_code(Line(text="print(19)", index=0, gap_before=False))
    assert is_code(Line(text="x = f (2)", index=0, gap_before=False))


def test_an_ad_label_over_every_ad_slot_is_no_list_of_records():
    # (the label repeats at a record's spacing through menus, article and comments; taken
    # for a record's label, its region replaced a short article with the whole page)
    slots = [f"Reklama\n{COMMENT}\n{COMMENT}\n{COMMENT}\n" for _ in range(8)]
    text = "".join(slots[:4]) + f"{PARA}\n" + "".join(slots[4:])
    stop = stopwords_for("en")
    units = segment(text, stop)
    measure(units, stop, None)
    for u in units:
        u.keep, u.reason = (True, "") if u.text == PARA else (False, "comments")
    records(units)
    assert [u.text for u in units if u.keep] == [PARA]


def test_a_short_article_above_a_longer_labelled_thread_is_the_article():
    # (the densest run is inside the thread: the article is the run above its heading)
    thread = "".join(f"{COMMENT}\nComment #{i} - Posted by: Reader {i} at November 10, 2012 "
                     f"5:3{i} PM\n" for i in range(1, 9))
    tags = "".join(f"Tag number {i}\n" for i in range(30))
    dump = f"Menu\nHome\nAbout\n\n{PARA}\n\n{tags}\nComments\n{thread}"
    text = article_text(parse_text(dump))
    assert text == PARA


def test_a_login_form_printed_into_the_page_is_dropped():
    form = ("Please register to gain free access.\nForgot your username or password?\n"
            "First Name\nEmail (your email address will be your login)\nConfirm Email\n"
            "Create a Password\nConfirm Password\n")
    dump = f"{PARA}\n\n{form}\n{PARA2}\n\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert "password" not in text.lower() and "email" not in text.lower()
    assert text.startswith(PARA) and text.endswith(PARA3)


def test_archive_months_and_tag_lists_are_dropped():
    archive = "Archive\n► November 2012 (14)\n► October 2012 (19)\nSeptember 2012\n"
    dump = f"{PARA}\n\n{PARA2}\n\nTags: council, library, budget\n\n{PARA3}\n\n{archive}"
    text = article_text(parse_text(dump))
    assert "Tags" not in text and "2012" not in text
    assert text.startswith(PARA) and text.endswith(PARA3)


def test_share_and_follow_labels_are_dropped():
    bar = "Follow us on Twitter and Instagram for more\nConnect with us:\nShare this story\n"
    dump = f"{PARA}\n\n{PARA2}\n\n{bar}\n{PARA3}\n"
    text = article_text(parse_text(dump))
    assert "Follow" not in text and "Connect" not in text and "Share" not in text
    assert text.startswith(PARA) and text.endswith(PARA3)


def test_comment_form_messages_are_dropped_and_prose_about_comments_kept():
    form = ("Your comment could not be posted. Error type:\n"
            "The letters and numbers you entered did not match the image. Please try again.\n"
            "Notify me of follow-up comments by e-mail\n")
    quote = "The company declined to comment on the report when asked on Friday."
    dump = f"{PARA}\n\n{quote}\n\n{PARA2}\n\n{PARA3}\n\n{form}"
    text = article_text(parse_text(dump))
    assert quote in text and text.endswith(PARA3)
    assert "Your comment" not in text and "letters and numbers" not in text
