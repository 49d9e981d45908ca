"""The HTML pipeline's steps around the cascade (:mod:`convert.extract.html.pipeline`): streamed
segments read in place, and lines that are never article text wherever they sit."""

from __future__ import annotations

import pytest

import convert
from convert.textutil import article_text


def _streamed_page() -> bytes:
    # Shaped after a fool.com guide (wcxb-dev 4503): React's streaming render sends the
    # article's later sections as hidden segments at the end of the body, each with a script
    # moving it to its placeholder (<template id="B:1">) in the article.
    def para(topic: str) -> str:
        return "".join(f"<p>An index fund is an investment that tracks a financial index, and "
                       f"{topic} is the part of it this section explains, with example {i} of "
                       f"what it costs and what it returns over a decade.</p>" for i in (1, 2))
    return (f"<html><head><title>How to invest in index funds</title></head><body><main>"
            f"<article><h1>How to invest in index funds</h1><h2>What is an index fund?</h2>"
            f"{para('the index')}<template id='B:1'></template>"
            f"<h2>Should you invest?</h2>{para('the risk')}</article></main>"
            f"<div hidden id='S:1'><h2>How do index funds work?</h2>{para('the tracking')}"
            f"</div><script>$RC('B:1','S:1')</script></body></html>").encode()


def test_streamed_segments_are_read_in_place():
    text = article_text(convert.parse(_streamed_page(), kind="html"))
    assert "How do index funds work?" in text and "the tracking" in text
    # ... where the stream's script puts them, between the sections around the placeholder
    assert text.index("the index") < text.index("the tracking") < text.index("the risk")


def test_streamed_segments_stay_out_of_place_without_the_rule(monkeypatch):
    from convert.extract.html import pipeline
    monkeypatch.setattr(pipeline, "STREAMED_PAGES", False)
    text = article_text(convert.parse(_streamed_page(), kind="html"))
    # (lost, or after the article's end where the parse leaves it)
    assert "the tracking" not in text or text.index("the tracking") > text.index("the risk")


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
