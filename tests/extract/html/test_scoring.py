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
