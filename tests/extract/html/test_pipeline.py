"""convert.extract.html.pipeline: the body tidied against the metadata (rule blog_name_heading,
issue #13 part 8; a synthetic blog page shaped like dragnet-R213, a tune page)."""

from __future__ import annotations

from convert.article import Heading
from convert.extract.html import parse_html
from convert.textutil import inline_text

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


def test_tidy_drops_the_blog_names_heading_and_keeps_other_headings():
    # the body dragnet-R213 (a tune page) came out with: the blog's <h1> "Google Web Toolkit
    # Blog" above the post, whose <h3> is the title
    from convert.article import Paragraph, Text
    from convert.extract.html.pipeline import _tidy

    blocks = [Heading(1, (Text("Google Web Toolkit Blog"),)),
              Heading(3, (Text("GWT 2.5 Final is here!"),)),
              Heading(2, (Text("What changed"),)),
              Paragraph((Text("Thanks to all developers who helped us test GWT 2.5."),))]
    kept = _tidy(blocks, "GWT 2.5 Final is here!", "Google Web Toolkit Blog")
    assert [inline_text(b.children) for b in kept] == [
        "What changed", "Thanks to all developers who helped us test GWT 2.5."]
    assert len(_tidy(blocks, "GWT 2.5 Final is here!")) == 3
