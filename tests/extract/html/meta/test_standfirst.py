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


# A headline alone in its own wrapper, the standfirst in the next one (dragnet-321, a tune
# page: ``<div class="headline"><h1>`` then ``<div class="dek"><h2>``): the wrapper's next
# sibling follows the headline (rule ``wrapped_headline``).
_DEK = "The harbour reopens in May, the authority said, weather permitting."


def _wrapped(title: str, h1: str, under: str, cls: str = "dek") -> str | None:
    page = (f"<html><head><title>{title}</title></head><body><div id='main'>"
            f"<div class='headline'><h1>{h1}</h1></div><div class='{cls}'><h2>{under}</h2>"
            f"</div><div class='story'><p>The story's first paragraph, long enough to be one."
            f"</p><p>And its second paragraph, also long enough.</p></div></div></body></html>")
    return extract(LexborHTMLParser(page), None).get("subtitle")


def test_wrapped_headline_is_followed_by_its_wrappers_sibling():
    assert _wrapped("Harbour works begin", "Harbour works begin", _DEK) == _DEK
    # what follows is judged as a sibling of the headline would be: an unnamed <div> outside
    # a <header> is not taken
    assert _wrapped("Harbour works begin", "Harbour works begin", _DEK, "x") is None


def test_wrapped_headline_off_reads_only_the_headlines_own_siblings(monkeypatch):
    import sys
    monkeypatch.setattr(sys.modules["convert.extract.html.meta.standfirst"],
                        "WRAPPED_HEADLINE", False)
    assert _wrapped("Harbour works begin", "Harbour works begin", _DEK) is None


def test_blog_name_linking_home_in_its_wrapper_is_not_followed():
    # Blogger's theme (dragnet-R656, T133, tune pages): the blog's name, a link to the front
    # page, is also the <title>; the next wrapper is its tagline, named "description".
    name = "<a href='http://sams.example.com/'>Sam's Blog</a>"
    assert _wrapped("Sam's Blog", name, _TAGLINE, "descriptionwrapper") is None
    # the same page with the headline linking to the post itself: followed
    post = "<a href='http://sams.example.com/2012/11/harbour.html'>Harbour works begin</a>"
    assert _wrapped("Harbour works begin", post, _DEK, "descriptionwrapper") == _DEK


def test_wrapped_headline_followed_by_the_body_takes_no_paragraph_of_it():
    # the wrapper's next sibling is the story itself, a run of paragraphs under a name that
    # reads as a standfirst: its first paragraph is the body's lede, not a dek
    body = ("<div class='entry-summary'><p>The harbour reopens in May, the authority said, "
            "weather permitting.</p><p>Work on the quay starts next week and lasts a month.</p>"
            "</div>")
    page = (f"<html><head><title>Harbour works begin</title></head><body><div id='main'>"
            f"<div class='headline'><h1>Harbour works begin</h1></div>{body}</div></body></html>")
    assert extract(LexborHTMLParser(page), None).get("subtitle") is None


def _local_page(cls: str) -> str:
    # The dek as an <h2> right after the <h1>, outside any <header>: read by its name only.
    return ("<html><head><title>El Gobierno aprueba el plan de vivienda</title></head><body>"
            "<main><h1>El Gobierno aprueba el plan de vivienda</h1>"
            f"<h2 class='{cls}'>El Consejo de Ministros da luz verde a una inversión de 2.800 "
            "millones</h2><p>El Consejo de Ministros ha aprobado este martes el plan.</p>"
            "<p>La ministra ha explicado los detalles en rueda de prensa.</p></main></body></html>")


def test_a_standfirst_named_in_another_language_is_one():
    # Spanish ``entradilla``, Portuguese ``materia-subtitulo``, French ``chapo``, Italian
    # ``sommario``, German ``vorspann`` (rule local_standfirst); a longer word is no name.
    for cls in ("entradilla", "materia-subtitulo", "chapo", "sommario", "artikel-vorspann"):
        assert extract(LexborHTMLParser(_local_page(cls)), None).get("subtitle", "").startswith(
            "El Consejo"), cls
    assert extract(LexborHTMLParser(_local_page("chapoteo")), None).get("subtitle") is None


def test_local_standfirst_off_reads_none(monkeypatch):
    import sys
    # (the package re-exports the function under the module's name)
    monkeypatch.setattr(sys.modules["convert.extract.html.meta.standfirst"], "LOCAL_STANDFIRST",
                        False)
    assert extract(LexborHTMLParser(_local_page("entradilla")), None).get("subtitle") is None
