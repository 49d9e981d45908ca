"""The body's tidying in convert/extract/html/pipeline.py: lines that are never article text
wherever they sit."""

from __future__ import annotations

import pytest

import convert
from convert.textutil import article_text

STORY = ("The storm reached the coast early on Sunday, bringing winds of more than 100 miles an "
         "hour and heavy rain to the towns along the shore, officials said.")


# dragnet-T83 (tune page; a video embed, 2012) and dragnet-268 (BBC News) print these.
@pytest.mark.parametrize("notice", [
    "Get the Flash Player to see this player.",
    "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
    "Please enable JavaScript to view this video.",
])
def test_browser_notice_leaves_the_body(notice):
    page = (f"<html><body><article><h1>Storm hits the coast</h1><p>{STORY}</p><p>{notice}</p>"
            f"<p>{STORY.replace('Sunday', 'Monday')}</p></article></body></html>")
    text = article_text(convert.parse(page.encode(), kind="html"))
    assert "Monday" in text and notice not in text


def test_prose_about_browsers_stays():
    line = ("The new version of the browser, released on Tuesday, is faster than the last one, "
            "its makers said, and it blocks more trackers by default than any of its rivals.")
    page = (f"<html><body><article><h1>Browser update</h1><p>{STORY}</p><p>{line}</p>"
            "</article></body></html>")
    assert line in article_text(convert.parse(page.encode(), kind="html"))
