"""Furniture lines inside the article container (issue #13 classes 1, 4 and 5): photo credits,
gallery counters and caption twins (figures in the AST, left out of ``txt``); promotion and
contact taglines; the header's byline and dateline (metadata)."""

from __future__ import annotations

import pytest

import convert
from convert.article import Figure, Paragraph
from convert.textutil import article_text, inline_text

P1 = ("The storm reached the coast early on Sunday, bringing winds of more than 100 miles an "
      "hour and heavy rain to the towns along the shore, officials said.")
P2 = ("Residents were told to leave their homes before the storm arrived, and most of them "
      "did, moving to shelters further inland, the mayor said in a statement.")
P3 = ("Rescue teams worked through the night to reach those who had stayed behind, using "
      "boats in the flooded streets of the old town center.")
HEAD = ("<head><title>Storm hits the coast</title><meta name='author' content='Adam Garber'>"
        "<meta property='article:published_time' content='2012-07-22T10:00:00Z'></head>")


def _parse(inner: str) -> convert.Article:
    page = f"<html>{HEAD}<body><article><h1>Storm hits the coast</h1>{inner}</article></body></html>"
    return convert.parse(page.encode("utf-8"), kind="html")


def _figures(article: convert.Article) -> list[Figure]:
    return [b for b in article.blocks if isinstance(b, Figure)]


# --------------------------------------------------------------------------- class 1

def test_figure_caption_is_left_out_of_txt_only():
    art = _parse(f"<p>{P1}</p><figure><img src='/a.jpg'><figcaption>A house the storm "
                 f"destroyed.</figcaption></figure><p>{P2}</p>")
    (fig,) = _figures(art)
    assert inline_text(fig.caption) == "A house the storm destroyed."
    assert b"destroyed" not in convert.render(art, "txt")
    assert b"destroyed" in convert.render(art, "txt", extra={"captions": "keep"})
    assert b"destroyed" in convert.render(art, "md")


@pytest.mark.parametrize("credit", ["(Copyright: Getty Images)", "Photo: Jane Doe",
                                    "KIMIHIRO HOSHINO/AFP/Getty Images", "Credit: iStockphoto"])
def test_credit_line_joins_the_picture_before_it(credit):
    art = _parse(f"<p>{P1}</p><p><img src='/a.jpg'></p><p>{credit}</p><p>{P2}</p>")
    (fig,) = _figures(art)
    assert inline_text(fig.credit) == credit
    assert credit not in article_text(art, captions=False)


def test_credit_line_without_a_picture_leaves_the_body():
    art = _parse(f"<p>{P1}</p><p>Photo: Jane Doe</p><p>{P2}</p>")
    text = article_text(art)
    assert "Jane Doe" not in text and P1 in text and P2 in text


def test_photo_of_the_day_heading_is_not_a_credit():
    art = _parse(f"<p>{P1}</p><p>Photograph of the old harbour, taken from the hill.</p>"
                 f"<p>{P2}</p>")
    assert "old harbour" in article_text(art)


@pytest.mark.parametrize("counter", ["Image 2 of 5", "Photo 3/10", "‹ 4 of 12 ›", "Slide 1 of 8"])
def test_gallery_counter_leaves_the_body(counter):
    art = _parse(f"<p>{P1}</p><p>{counter}</p><p>{P2}</p>")
    assert counter not in article_text(art)


def test_truncated_caption_twin_is_dropped_the_full_one_stays():
    full = "Rescue workers carry a resident through the flooded market street on Monday"
    art = _parse(f"<p>{P1}</p><figure><img src='/a.jpg'><figcaption>{full}.</figcaption></figure>"
                 f"<p>Rescue workers carry a resident through the flooded… more</p><p>{P2}</p>")
    text = article_text(art, captions=True)
    assert text.count("Rescue workers carry") == 1 and full in text


def test_paragraph_repeating_the_caption_beside_it_is_dropped():
    cap = "Rescue workers carry a resident through the flooded market street."
    art = _parse(f"<p>{P1}</p><figure><img src='/a.jpg'><figcaption>{cap}</figcaption></figure>"
                 f"<p>{cap}</p><p>{P2}</p>")
    assert article_text(art, captions=True).count(cap) == 1
    assert cap not in article_text(art, captions=False)


def test_teaser_cut_short_with_read_more_leaves_the_body():
    art = _parse(f"<p>{P1}</p><p>{P2}</p><p>Another story about the storm that starts here and "
                 "stops... Read more</p>")
    assert "Another story" not in article_text(art)


# --------------------------------------------------------------------------- class 4

@pytest.mark.parametrize("line", [
    "Follow Adam Garber on Twitter at @agarber.",
    "Follow US News from NBCNews.com on Twitter and Facebook",
    "Twitter: @nuttynomads",
    "Facebook Fan Page: www.facebook.com/nuttynomads",
    "Sign up for our daily newsletter to get the latest news in your inbox.",
    "Don't miss a post! Subscribe to our newsletter and get weekly updates.",
    "Write to Adam Garber at adam.garber@example.com",
    "Copyright 2012 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under News.",
    # dragnet tune pages R681, T35, R56 (2012):
    "To receive these entries once a month by e-mail, sign up for the Crypto-Gram Newsletter.",
    "Subscribe to the PrintRunner Blog feed using your RSS readers here to receive helpful "
    "advice on how you can promote your small business.",
    "Help keep all of our online content free and accessible - donate today!",
])
def test_promo_and_contact_lines_leave_the_body(line):
    art = _parse(f"<p>{P1}</p><p>{P2}</p><p>{line}</p><p>{P3}</p>")
    text = article_text(art)
    assert line not in text and P3 in text


def test_prose_about_following_and_newsletters_stays():
    prose = ("The mayor said residents should follow the instructions of the rescue teams, and "
             "the town's newsletter would print the list of shelters every morning this week.")
    art = _parse(f"<p>{P1}</p><p>{prose}</p><p>{P2}</p>")
    assert prose in article_text(art)


# --------------------------------------------------------------------------- class 5

@pytest.mark.parametrize("lines", [
    ["Adam Garber", "July 22, 2012", "01:52 PM EDT"],
    ["July 22, 2012 at 10:45 am by Adam Garber"],
    ["Published Sunday, July 22, 2012 10:00 AM"],
    # A blog theme's meta line with the comment count (dragnet-R681, tune page: "Posted on
    # November 9, 2012 at 6:41 AM • 7 Comments").
    ["Adam Garber", "Posted on July 22, 2012 at 6:41 AM • 7 Comments"],
])
def test_header_byline_and_dateline_move_to_the_metadata(lines):
    art = _parse("".join(f"<p>{x}</p>" for x in lines) + f"<p>{P1}</p><p>{P2}</p>")
    assert art.meta.authors == ("Adam Garber",)
    assert art.meta.published.startswith("2012-07-22")
    first = art.blocks[0]
    assert isinstance(first, Paragraph) and inline_text(first.children) == P1


def test_a_cjk_dateline_repeating_the_published_day_leaves_the_body():
    # "2025年11月2日": the numbers carry their units (year, month, day), with no word boundary.
    art = _parse('<p><time datetime="2012-07-22">2012年7月22日</time></p>'
                 f"<p>{P1}</p><p>{P2}</p>")
    assert art.meta.published.startswith("2012-07-22")
    assert "2012年7月22日" not in article_text(art)


def test_a_date_line_of_another_day_stays():
    # Not the metadata's day: an event date in the body, not the article's dateline.
    art = _parse(f"<p>March 3, 2011</p><p>{P1}</p><p>{P2}</p>")
    assert "March 3, 2011" in article_text(art)


def test_a_dateline_deep_in_the_body_stays():
    body = "".join(f"<p>{p}</p>" for p in (P1, P2, P3, P1 + " Again.", P2 + " Again.",
                                            P3 + " Again."))
    art = _parse(body + "<p>July 22, 2012</p>")
    assert "July 22, 2012" in article_text(art)


def test_furniture_rules_never_empty_the_body():
    # A sign-up page is all promo lines: it is what the page has, so it stays.
    page = ("<html><body><article><p>Sign up for our weekly newsletter to get the best recipes "
            "in your inbox.</p><p>Follow us on Instagram and Facebook</p></article></body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert "newsletter" in text


# --------------------------------------------------------------------------- tag lines

@pytest.mark.parametrize("line", [
    "Tags: 1080p, Droid, HTC, Leak, Phone",
    "Tagged as: hurricanes, Natural Disasters",
    "Labels: Announcements",
    "Filed under: Weather | Coast | Storms",
    "Posted in: Fantasy |",
])
def test_tag_and_category_lines_leave_the_body(line):
    art = _parse(f"<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{line}</p>")
    text = article_text(art)
    assert line.split(":")[0] not in text and P3 in text


def test_prose_starting_with_a_label_stays():
    prose = ("Tags: the town council debated for an hour whether the shelters should be tagged, "
             "and decided that volunteers would mark each one with a flag.")
    art = _parse(f"<p>{P1}</p><p>{prose}</p><p>{P2}</p>")
    assert prose in article_text(art)


# --------------------------------------------------------------------------- post navigation

@pytest.mark.parametrize("nav", [
    "<a href='/a'>&laquo; Older post on the harbour</a> | <a href='/'>Main</a> | "
    "<a href='/c'>Newer post on the quay &raquo;</a>",
    "<a href='/a'>&laquo; Older post on the harbour</a> | <a href='/'>Main</a>",
    "&larr; Previous: <a href='/a'>The harbour heatmap, where to eat right now</a>",
])
def test_previous_next_line_leaves_the_body(nav):
    # rule post_nav_lines: a blog's previous/next line over the post (TypePad sets it there;
    # under the post, the cleaning's trailing-links rule may take it first).
    text = article_text(_parse(f"<p>{nav}</p><p>{P1}</p><p>{P2}</p>"))
    assert P2 in text and "Older post" not in text and "heatmap" not in text


def test_french_quote_with_a_bar_stays():
    quote = "«Nous partirons demain», a dit le maire | au port, devant la foule."
    text = article_text(_parse(f"<p>{P1}</p><p>{quote}</p><p>{P2}</p>"))
    assert "Nous partirons demain" in text


# --------------------------------------------------------------------------- rights lines

def test_site_copyright_notice_leaves_the_body():
    # rule rights_lines: the site's notice printed inside the article's container.
    # (Longer than a credit line, which credit_lines would take.)
    notice = ("Copyright 1999-2012 Harbour News, Inc. All Rights Reserved. Terms of Use "
              "&amp; Privacy Policy | Contact us | Advertise with us")
    text = article_text(_parse(f"<p>{P1}</p><p>{P2}</p><p>{notice}</p><p>{P3}</p>"))
    assert P3 in text and "All Rights Reserved" not in text


def test_prose_mentioning_reserved_rights_stays():
    long = (P1 + " The publisher said that all rights reserved by the old contract would pass "
            "to the town, which would then decide, with the harbour authority and the ferry "
            "company, how the quay and its buildings should be used in the years to come.")
    text = article_text(_parse(f"<p>{long}</p><p>{P2}</p>"))
    assert "all rights reserved by the old contract" in text


# --------------------------------------------------------------------------- post footers

# Blog theme footers as dragnet's tune pages print them (R40, R47, R287: WordPress, 2012).
@pytest.mark.parametrize("footer", [
    "This entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Neat "
    "Stuff, Robot Art, Robot Overlords, Robot Rock, Videos. You can follow any responses to this "
    "entry through the RSS 2.0 feed. You can leave a response, or trackback from your own site.",
    "This entry was posted in Nikon D5200. Bookmark the permalink. Trackbacks are closed, but "
    "you can post a comment.",
    "This was written by K.G. Schneider. Posted on Sunday, August 26, 2012, at 11:06 am. Filed "
    "under Life. Bookmark the permalink. Follow comments here with the RSS feed.",
])
def test_post_footer_leaves_the_body(footer):
    text = article_text(_parse(f"<p>{P1}</p><p>{P2}</p><p>{footer}</p>"))
    assert P1 in text and P2 in text and "Bookmark" not in text and "filed under" not in text


def test_prose_opening_like_a_post_footer_stays():
    line = ("This post was written in a hurry, on the train home, and it is filed under my "
            "growing pile of drafts that I never quite finish before the next storm arrives.")
    assert line in article_text(_parse(f"<p>{P1}</p><p>{line}</p><p>{P2}</p>"))
    line = ("This was written by a reader who lived through the storm and wanted to tell how "
            "the town helped each other in the days after the water came.")
    assert line in article_text(_parse(f"<p>{P1}</p><p>{line}</p><p>{P2}</p>"))


# --------------------------------------------------------------------------- login prompts

# As dragnet tune pages R112 and T45 print them (2012), and wcxb-dev/0221 (tune page).
@pytest.mark.parametrize("prompt", [
    "You must be logged in to post a comment.",
    "Something to say? Choose one of these options to log in.",
    "» Already registered with SB Nation? Log in!",
    "Already have an account? Log in",
])
def test_login_prompt_leaves_the_body(prompt):
    text = article_text(_parse(f"<p>{P1}</p><p>{P2}</p><p>{prompt}</p>"))
    assert P2 in text and prompt not in text


def test_how_to_step_about_logging_in_stays():
    line = "Log in to your account, then open the settings page and choose a new password."
    assert line in article_text(_parse(f"<p>{P1}</p><p>{line}</p><p>{P2}</p>"))


# The shapes of three tune pages of three sets (dragnet-R963, wcxb-dev-extra 3078, 4247): a
# notice that opens with the sign and reserves no rights (rule copyright_notices).
@pytest.mark.parametrize("notice", [
    "© Harbour News Ltd. This article is licenced for use on Coast Daily only. Please do not "
    "reproduce it without a licence.",
    "© 2011-2026 Harbour Games Kft. All trademarks, logos and brand names are the property of "
    "their respective owners.",
    "Copyright © 2010-2026, The Harbour Swallow.",
])
def test_line_opening_with_a_copyright_notice_leaves_the_body(notice, monkeypatch):
    page = f"<p>{P1}</p><p>{P2}</p><p>{notice}</p>"
    assert "Harbour" not in article_text(_parse(page))
    from convert.extract.html import furniture
    monkeypatch.setattr(furniture, "COPYRIGHT_NOTICES", False)
    assert "Harbour" in article_text(_parse(page))


def test_copyright_heading_leaves_the_body():
    text = article_text(_parse(f"<p>{P1}</p><p>{P2}</p><h3>Copyright © 2010-2026, The Harbour "
                               f"Swallow.</h3>"))
    assert P2 in text and "Harbour" not in text


def test_photo_credit_with_the_sign_is_no_notice():
    # a bare "© Jane Doe" under a picture is a credit (credit_lines, a figure's), and a
    # sentence that merely starts with the word stays
    from convert.extract.html.furniture_patterns import copyright_notice
    assert not copyright_notice("© Jane Doe")
    assert not copyright_notice("Copyright law, the judge said, was never meant for this.")
    assert copyright_notice("(c) 2012 Harbour News Ltd. Used with permission.")


# (longer than a credit line, which a short line opening with the sign is: credit_lines)
@pytest.mark.parametrize("prose", [
    "© 2020 was the year the label finally won its case against the streaming service that "
    "had refused to pay its artists.",
    "(c) 2019 amendments apply to every contract signed after March of that year, the court "
    "said, whatever the parties agreed.",
])
def test_a_year_after_the_sign_that_goes_on_as_a_sentence_stays(prose):
    from convert.extract.html.furniture_patterns import copyright_notice
    assert not copyright_notice(prose)
    assert prose in article_text(_parse(f"<p>{P1}</p><p>{prose}</p><p>{P2}</p>"))


def test_a_notice_naming_its_holder_in_lower_case_is_still_one():
    # (wcxb-dev 4139: "© 2025 chessbazaar. The Online Chess Store")
    from convert.extract.html.furniture_patterns import copyright_notice
    for notice in ("© 2025 harbourbazaar. The Online Harbour Store",
                   "© 2020 by the author. Reprinted with permission.",
                   "Copyright © 2010 - 2026 all rights to the text belong to us"):
        assert copyright_notice(notice), notice


def test_a_notice_in_capitals_is_one():
    # (the opening pattern is case-blind; so is the cheap look at the line's start before it)
    from convert.extract.html.furniture_patterns import copyright_notice
    assert copyright_notice("COPYRIGHT 2020 HARBOUR NEWS LTD. ALL TRADEMARKS ARE THEIRS.")
