"""Scoring and picking the winner (convert/extract/html/scoring.py)."""

from __future__ import annotations

import convert
from convert.textutil import article_text

# The shape of dragnet-R264 (tune page; a Typepad blog, 2012): a one-paragraph post beside a
# sidebar of many lists of long headline links. Each link item scores like a paragraph, so
# the lists fill the ranking of candidates before link density is applied.
POST = ("William Gibson is one of the most influential science fiction writers of our time, "
        "and he is credited with first using the term cyberspace in a 1982 story; he is also "
        "credited with predicting the rise of reality television and with establishing the "
        "conceptual foundations for the growth of virtual environments such as video games.")
HEADLINE = ("How evidence-based management pays off, and why the best bosses, in the end, "
            "listen more than they talk, number {}")


def _sidebar(lists: int = 14, items: int = 8) -> str:
    return "".join(
        "<div class='module-content'><ul class='module-list'>" + "".join(
            f"<li><a href='/l/{i}/{j}'>{HEADLINE.format(j)}</a></li>" for j in range(items))
        + "</ul></div>" for i in range(lists))


def test_short_post_beats_a_sidebar_of_headline_lists():
    page = (f"<html><body><div id='alpha'>{_sidebar()}</div><div id='beta'><div class='entry'>"
            f"<h3>William Gibson on the damage done</h3><div class='entry-body'><p>{POST}</p>"
            "<p>P.S. A big thanks to Caroline for sending this to me!</p></div></div></div>"
            "</body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert POST in text and "big thanks to Caroline" in text
    assert "evidence-based" not in text


# The shape of dragnet-R706 (tune page; a news site, 2012): the story's paragraphs sit in a
# block inside its <article>; beside the <article>, the page's own wrapper holds teaser
# paragraphs of other stories, which lift the wrapper's score above the <article>'s, so the
# climb from the story's block went through the <article> to the wrapper.
STORY = ("It's Friday, and the deals below, chosen by our partner, will equip you with items "
         "designed for a party, a trip or a quiet weekend at home, <a href='/d/{0}'>as listed "
         "in our deals page for this week</a>, with free shipping, mostly.")
TEASER = ("Another story, {0}: how much would you overlook, in the end, to get the newest "
          "phone with timely updates, a good camera and a battery that lasts all day long?")


def test_climb_stops_at_the_article_around_the_winner():
    story = "".join(f"<p>{STORY.format(i)}</p>" for i in range(5))
    teasers = "".join(f"<div class='t'><p>{TEASER.format(i)}</p></div>" for i in range(6))
    page = (f"<html><body><section id='content'><article class='standalone'><h1>The deals"
            f"</h1><div class='body'>{story}</div></article>"
            f"{teasers}</section></body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert "It's Friday" in text
    assert "Another story" not in text
