"""The standfirst (``Meta.subtitle``) is read under the page's headline only: a blog's theme
shows the blog's name as the ``<h1>`` and its tagline under it, which is no standfirst of the
post (rule ``standfirst_headline``; shape of Blogger/TypePad themes, issue #13 "promo/tagline
lines")."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.extract.html.meta import extract


def _subtitle(title: str, h1: str, under: str) -> str | None:
    page = (f"<html><head><title>{title}</title></head><body><div id='header'><h1>{h1}</h1>"
            f"<p class='description'>{under}</p></div><div class='post'><h3>The post</h3>"
            f"<p>The post's first paragraph, long enough to be one.</p></div></body></html>")
    return extract(LexborHTMLParser(page), None).get("subtitle")


_TAGLINE = "Riffs on marketing, respect, and the ways ideas spread."


def test_blog_name_over_its_tagline_gives_no_standfirst():
    # The <title> carries the blog's name only as "Blog Name: Post title".
    assert _subtitle("Sam's Blog: The false choice of mediocrity", "Sam's Blog", _TAGLINE) is None


def test_blog_name_missing_from_the_title_gives_no_standfirst():
    assert _subtitle("Stats on the new storage array - Virtual Geek", "Virtual Geek",
                     _TAGLINE) is None


def test_headline_over_its_dek_gives_the_standfirst():
    dek = "The harbour reopens in May, the authority said, weather permitting."
    assert _subtitle("Harbour works begin", "Harbour works begin", dek) == dek


def test_reworded_headline_still_gives_the_standfirst():
    # The declared title rewords the <h1> for search engines: the same subject.
    dek = "The harbour reopens in May, the authority said, weather permitting."
    assert _subtitle("Harbour works begin on the eastern basin | Port News",
                     "Works begin on the harbour's eastern basin", dek) == dek


# A blog whose <title> is its name alone, so the name is the chosen title and the <h1> that
# heads the page (dragnet-325/98, tune pages: TypePad's ``banner-description``; WordPress'
# ``site-description``; ``blog_description``): the element's name says it is the tagline.
def _named(cls: str) -> str | None:
    page = (f"<html><head><title>Sam's Blog</title></head><body><div id='banner'><h1>Sam's "
            f"Blog</h1><h2 class='{cls}'>{_TAGLINE}</h2></div><div class='post'><h3>The post"
            f"</h3><p>The post's first paragraph, long enough to be one.</p></div></body></html>")
    return extract(LexborHTMLParser(page), None).get("subtitle")


def test_element_named_as_the_sites_tagline_is_no_standfirst():
    for cls in ("banner-description", "site-description", "blog_description", "site-tagline"):
        assert _named(cls) is None, cls


def test_element_named_as_a_description_still_gives_the_standfirst():
    # A category page's "category-header_description" is its standfirst.
    assert _named("category-header_description") == _TAGLINE
