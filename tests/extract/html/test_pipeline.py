"""The HTML pipeline's steps around the cascade (:mod:`convert.extract.html.pipeline`): streamed
segments read in place, lines that are never article text wherever they sit, and the body
tidied against the metadata (rule blog_name_heading)."""

from __future__ import annotations

import pytest

import convert
from convert.article import Heading
from convert.extract.html import parse_html
from convert.textutil import article_text, inline_text


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


# The body tidied against the metadata: a synthetic blog page shaped like dragnet-R213 (tune).
_POST = ("<p>Thanks to all developers who helped us test the release candidates and reported "
         "issues to us. We have fixed several of these and are happy to announce the final "
         "release, which you can download from the project's download page today.</p>"
         "<p>The release notes list every change since the last version, and the migration "
         "guide explains the two settings whose defaults changed in this release.</p>")


def _page() -> bytes:
    return ("<html><head><title>Toolkit Blog: Version 2.5 final is here!</title></head><body>"
            "<div id='main-wrapper'><div class='header-wrapper'><div id='logo'>"
            "<h1>Toolkit Blog</h1></div></div><div class='blog-posts'><div class='post'>"
            "<h3 class='post-title'><a href='/2012/10/final.html'>Version 2.5 final is here!"
            f"</a></h3><div class='post-body'>{_POST}</div></div></div></div></body></html>"
            ).encode()


def _headings(article) -> list[str]:
    return [inline_text(b.children) for b in article.blocks if isinstance(b, Heading)]


def test_blog_name_h1_above_the_post_is_dropped_with_the_title():
    article = parse_html(_page())
    assert article.meta.title == "Version 2.5 final is here!"
    assert "Toolkit Blog" not in _headings(article)
    assert "Thanks to all developers" in inline_text(article.blocks[0].children)


def test_tidy_drops_the_blog_names_heading_and_keeps_other_headings(monkeypatch):
    # the body dragnet-R213 (a tune page) came out with: the blog's <h1> "Google Web Toolkit
    # Blog" above the post, whose <h3> is the title
    from convert.article import Paragraph, Text
    from convert.extract.html.tidy import tidy_blocks as _tidy

    blocks = [Heading(1, (Text("Google Web Toolkit Blog"),)),
              Heading(3, (Text("GWT 2.5 Final is here!"),)),
              Heading(2, (Text("What changed"),)),
              Paragraph((Text("Thanks to all developers who helped us test GWT 2.5."),))]
    kept = _tidy(blocks, "GWT 2.5 Final is here!", "Google Web Toolkit Blog")
    assert [inline_text(b.children) for b in kept] == [
        "What changed", "Thanks to all developers who helped us test GWT 2.5."]
    # without the blog's name, the heading above the post's title is still a header line
    assert len(_tidy(blocks, "GWT 2.5 Final is here!")) == 2
    from convert.extract.html import tidy
    monkeypatch.setattr(tidy, "ABOVE_HEADLINE", False)
    assert len(_tidy(blocks, "GWT 2.5 Final is here!")) == 3


# The body dragnet-R713 (a tune page; a Blogger blog, 2012) came out with: the blog's tagline
# as an <h2> above the post's own heading (rule above_headline).
def _tagline_body():
    from convert.article import Paragraph, Text
    return [Heading(2, (Text("The official source for information about Google Desktop."),)),
            Heading(3, (Text("The Reader gadget"),)),
            Paragraph((Text("Google Reader has finally come to Google Desktop, as announced "
                             "on the Google Reader blog today."),))]


def test_lines_above_the_headline_leave():
    from convert.extract.html.tidy import tidy_blocks as _tidy
    kept = _tidy(_tagline_body(), "The Reader gadget")
    assert [inline_text(b.children)[:12] for b in kept] == ["Google Reade"]


def test_lines_above_the_headline_stay_with_the_rule_off(monkeypatch):
    from convert.extract.html import tidy
    monkeypatch.setattr(tidy, "ABOVE_HEADLINE", False)
    kept = tidy.tidy_blocks(_tagline_body(), "The Reader gadget")
    assert inline_text(kept[0].children).startswith("The official source")


def test_a_paragraph_above_the_headline_stays():
    # A long paragraph above the heading is text, not a header line.
    from convert.article import Paragraph, Text
    from convert.extract.html.tidy import tidy_blocks as _tidy
    lead = Paragraph((Text(" ".join(["The harbour authority met on Monday."] * 4)),))
    kept = _tidy([lead, *_tagline_body()[1:]], "The Reader gadget")
    assert kept[0] is lead


def test_consent_text_hint_never_hides_a_match():
    # The "cook" hint first, the search after: the same answer as the search alone, also for
    # the letters IGNORECASE reads as "k" and "i" (Kelvin sign, dotted and dotless I).
    from convert.extract.html import patterns as P

    texts = ["We use cookies to improve your experience.", "Cookie Policy", "COOKİE policy",
             "Accept all cookıes", "We use \u212aookies... no", "we use coo\u212aies here",
             "Wir verwenden Cookies.", "A recipe: how to cook rice.", "Nothing here.", ""]
    for text in texts:
        expected = P.CONSENT_TEXT.search(text) is not None
        assert P.consent_text(text) == expected, text
        assert P.consent_text(text, "cook" in text.lower()) == expected, text
    assert P.consent_text("we use coo\u212aies here") and P.consent_text("Cookie Policy")


def test_read_also_marks_never_hide_a_match():
    # The mark test first, the match after: the same answer as the match alone.
    from convert.extract.html import patterns as P

    texts = ["Read also: the council's plan", "SEE ALSO » Budget", "Lesen Sie auch - mehr",
             "Related > River", "Voir aussi： le pont", "Read more", "Read also the plan",
             "The council met - and agreed.", "Related stories", "Nothing here.", ""]
    for text in texts:
        expected = P.READ_ALSO.match(text) is not None
        assert (P.may_read_also(text) and P.READ_ALSO.match(text) is not None) == expected, text
    assert not P.may_read_also("Read more") and P.may_read_also("Read also: x")
