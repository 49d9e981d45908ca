"""The pruning before scoring (:mod:`convert.extract.html.prune`): which elements each pass
removes. Synthetic pages with one element per branch of the walk: hidden by attribute, style or
class, chrome tags and roles, chrome class/id words with what they may also say (embed,
paywall, comments title), the wrapper kept for holding most of the page, and a run of
chrome-named cards, the shape of the 5 MB page of issue #14 (decided one by one).
(From branch r-speeda, whose prune rewrite was measured and not merged: 1.6 % on that page.)"""

from __future__ import annotations

import pytest

from convert.extract.html import prune as prune_module
from convert.extract.html.dom import parse
from convert.extract.html.measure import LOOSE, RELAXED, STRICT
from convert.extract.html.prune import prune

_PROSE = ("The council met on Tuesday to discuss the river budget, the new bridge, and the "
          "plan for the village school, which residents had asked about for a year. ")


def _page(inner: str) -> str:
    return f"<html><head><title>t</title></head><body>{inner}<p id='keep'>{_PROSE * 30}</p></body></html>"


def _text(html: str) -> str:
    """The body's text once the strict pass has pruned the page."""
    tree = parse(html)
    prune(tree, STRICT)
    return tree.body.text()


def _ids(html: str, level: int) -> set[str]:
    tree = parse(html)
    prune(tree, level)
    return {n.attributes.get("id") for n in tree.body.css("[id]")}


_BRANCHES = (
    "<div id='attr' hidden>a</div>"
    "<div id='aria' aria-hidden='true'>b</div>"
    "<div id='style' style='display: none'>c</div>"
    "<div id='cls' class='note d-none'>d</div>"
    "<div id='shown' class='note' style='color: red'>e</div>"
    "<nav id='nav'>f</nav>"
    "<div id='role' role='navigation'>g</div>"
    "<div id='side' class='sidebar'>h</div>"
    "<div id='sidecontent' class='sidebar article-content'>i</div>"
    "<p id='exempt' class='sidebar'>j</p>"
    "<div id='embed' class='twitter-tweet sidebar'><blockquote>k</blockquote></div>"
    "<div id='gate' class='paywall sidebar'>" + f"<p>{_PROSE * 4}</p>" * 3 + "</div>"
    "<div id='gate-note' class='paywall sidebar'><p>Subscribe to read on.</p></div>"
    "<div id='titled' class='sidebar-title'>Comments (5)</div>"
    "<ul id='list' class='sidebar'><li>l</li></ul>"
)


@pytest.mark.parametrize(("level", "kept"), [
    (STRICT, {"shown", "sidecontent", "exempt", "embed", "gate", "titled", "keep"}),
    # the relaxed pass keeps chrome words, the loose one chrome tags too
    (RELAXED, {"shown", "side", "sidecontent", "exempt", "embed", "gate", "gate-note", "titled",
               "list", "keep"}),
    (LOOSE, {"shown", "nav", "role", "side", "sidecontent", "exempt", "embed", "gate",
             "gate-note", "titled", "list", "keep"}),
])
def test_each_branch(level, kept):
    assert _ids(_page(_BRANCHES), level) == kept


def test_chrome_named_cards_go_one_by_one_and_the_wrapper_stays():
    cards = "".join(f"<div class='row'><div class='col'><div id='c{i}' class='card teaser'>"
                    f"<a href='/s/{i}'><h3>Story {i}</h3></a><p>Summary {i}.</p></div></div></div>"
                    for i in range(50))
    # a wrapper misnamed as chrome holding most of the page's text is the page
    html = _page(f"<div id='wrap' class='sidebar-layout'><p id='inner'>{_PROSE * 60}</p></div>"
                 + cards)
    kept = _ids(html, STRICT)
    assert {"wrap", "inner", "keep"} <= kept
    assert not any(k.startswith("c") for k in kept)


def test_a_heading_anchor_spelling_its_text_is_not_a_chrome_name():
    # Wikipedia's (and many doc generators') heading anchors are the heading's words: an id
    # holding "promo" or "social" there is the heading's text, not a promo box (rule
    # heading_anchors); the same id on an element that does not spell it still goes.
    html = _page("<h3><span class='mw-headline' id='Eich_CEO_promotion_controversy'>Eich CEO "
                 "promotion controversy</span></h3><h2 id='social-media'>Social media</h2>"
                 "<div><span id='promo-box'>Buy now at half price</span></div>")
    text = _text(html)
    assert "Eich CEO promotion controversy" in text and "Social media" in text
    assert "half price" not in text


def test_heading_anchors_off_prunes_the_heading_text(monkeypatch):
    monkeypatch.setattr(prune_module, "HEADING_ANCHORS", False)
    page = _page("<h2><span id='social-media'>Social media</span></h2>")
    assert "Social media" not in _text(page)


_HIGHLIGHTED = ("<pre><code class='language-python'>z = x.copy()   <span class='hljs-comment'># "
                "keep keys of x</span>\nreturn z <span class='token comment'>// and y</span>"
                "</code></pre><div><span class='comment-count'>12 comments</span></div>")


_PERMALINKED = (
    # synthetic, in the style of Docusaurus v3 (its headings' classes read as a sticky navbar)
    "<h2 class='anchor anchorWithStickyNavbar_LWe7' id='the-configuration-file'>The "
    "configuration file<a href='#the-configuration-file' class='hash-link' "
    "aria-label='Direct link to The configuration file'>\u200b</a></h2>"
    # and of Docusaurus v2 beta (the id on an empty anchor inside the heading)
    "<h3 class='sidebar-anchor'><a aria-hidden='true' class='anchor' id='precedence'></a>"
    "Precedence<a class='hash-link' href='#precedence'>#</a></h3>"
    # a sidebar's title linking elsewhere, and one linking to another heading's anchor
    "<h3 class='sidebar-title' id='popular'><a href='/popular'>Popular now</a></h3>"
    "<h4 class='widget-title' id='recent'>Recent <a href='#precedence'>#</a></h4>"
    # a permalink glyph alone is no heading
    "<h2 class='sidebar-anchor' id='x'><a href='#x'>\u00b6</a></h2>")


def test_a_heading_linking_only_to_itself_is_a_heading():
    # rule heading_permalinks: a heading whose only link is its own permalink is a section
    # of the text whatever its class says; a chrome-named heading linking elsewhere still goes.
    text = _text(_page(_PERMALINKED))
    assert "The configuration file" in text and "Precedence" in text
    assert "Popular now" not in text and "Recent" not in text and "\u00b6" not in text


def test_heading_permalinks_off_prunes_the_docusaurus_heading(monkeypatch):
    monkeypatch.setattr(prune_module, "HEADING_PERMALINKS", False)
    text = _text(_page(_PERMALINKED))
    assert "The configuration file" not in text and "Precedence" not in text


def test_a_highlighters_comment_span_in_code_is_not_a_chrome_name():
    # highlight.js / Prism name the spans of a code block by token kind (hljs-comment, token
    # comment): the code's own text, kept (rule code_spans); outside code the same word goes.
    text = _text(_page(_HIGHLIGHTED))
    assert "# keep keys of x" in text and "// and y" in text
    assert "12 comments" not in text


def test_code_spans_off_prunes_the_code_comment(monkeypatch):
    monkeypatch.setattr(prune_module, "CODE_SPANS", False)
    assert "keep keys of x" not in _text(_page(_HIGHLIGHTED))


def test_a_heading_named_as_a_header_is_a_heading():
    # A recipe card's "Ingredients" <h3 class="recipe-header"> (WP Recipe Maker prints
    # ``wprm-recipe-header``) in the <article> is a section's heading, not a header (rule
    # header_named_headings); a heading named by another chrome word or as a date's header
    # (a blog's dateline), and a <div> named "header", still go.
    html = _page("<article><h3 class='card-header ingredients-header'>Ingredients</h3>"
                 "<h3 class='sidebar-header'>Popular now</h3>"
                 "<h2 class='date-header'>Monday, May 4, 2026</h2>"
                 "<div class='site-header'>Menu Home About</div></article>"
                 "<h3 class='facet-header'>Filter by brand</h3>")
    text = _text(html)
    assert "Ingredients" in text
    assert "Popular now" not in text and "Menu Home" not in text and "May 4" not in text
    assert "Filter by brand" not in text  # outside the story: a widget's title


def test_header_named_headings_off_prunes_the_heading(monkeypatch):
    monkeypatch.setattr(prune_module, "HEADER_NAMED_HEADINGS", False)
    page = _page("<article><h3 class='card-header'>Ingredients</h3></article>")
    assert "Ingredients" not in _text(page)


def test_legends_is_a_word_not_a_prefix():
    # A wire release's dateline spans are classed ``legendSpanClass``: "legends" there is
    # the start of a longer name, not a chart's legends box; "chart-legends" still goes.
    html = _page("<p id='lead'><span id='where' class='legendSpanClass'>PITTSBURGH</span>, "
                 "Sept. 9, 2026 -- Northwind Robotics today announced a funding round.</p>"
                 "<div id='box' class='chart-legends'>Series A Series B</div>")
    kept = _ids(html, STRICT)
    assert {"lead", "where"} <= kept
    assert "box" not in kept


_LOCAL_FURNITURE = ("<div id='es' class='compartir'>Compartir Facebook WhatsApp</div>"
                    "<div id='it' class='abbonati-box'>Abbonati ora a 1 euro</div>"
                    "<div id='fr' class='lire-aussi'>Lire aussi Retraites</div>"
                    "<div id='de' class='artikel-teilen'>Teilen</div>"
                    "<div id='verb' class='verteilen'>kept: a longer word</div>"
                    "<div id='post' class='post-compartir'>kept: named as the post</div>")


def test_share_and_subscribe_boxes_named_in_other_languages_are_chrome():
    # A Spanish share bar (``compartir``), an Italian subscription box (``abbonati``), a
    # French "read also" line (``lire-aussi``), a German one (``teilen``) go as their English
    # kin do (rule local_chrome_words); a word merely holding one (``verteilen``) and a name
    # that also reads as content (``post-``) stay.
    kept = _ids(_page(_LOCAL_FURNITURE), STRICT)
    assert not {"es", "it", "fr", "de"} & kept
    assert {"verb", "post"} <= kept


def test_local_chrome_words_off_keeps_them(monkeypatch):
    monkeypatch.setattr(prune_module, "LOCAL_CHROME_WORDS", False)
    assert {"es", "it", "fr", "de"} <= _ids(_page(_LOCAL_FURNITURE), STRICT)


_WIKI = ("<div id='siteSub' class='noprint'>From Wikipedia, the free encyclopedia</div>"
         "<div id='siteSubtitle'>kept: another name</div>")


@pytest.mark.parametrize("level", [STRICT, RELAXED, LOOSE])
def test_a_wikis_site_tagline_is_pruned_in_every_pass(level):
    # MediaWiki prints "From Wikipedia, the free encyclopedia" in #siteSub, which its skins
    # show in print only (rule wiki_tagline).
    kept = _ids(_page(_WIKI), level)
    assert "siteSub" not in kept and "siteSubtitle" in kept


def test_wiki_tagline_off_keeps_it(monkeypatch):
    monkeypatch.setattr(prune_module, "WIKI_TAGLINE", False)
    assert "siteSub" in _ids(_page(_WIKI), RELAXED)


# synthetic, in the style of Starlight's asides; a sidebar <aside> and an <aside> of links
# named "tip" still go.
_ASIDES = ("<aside aria-label='Note' class='starlight-aside starlight-aside--note'><section>"
           "<p>You need root access to install it.</p></section></aside>"
           "<aside class='sidebar'>Popular posts this week</aside>"
           "<aside class='tips'><a href='/a'>Ten tips</a> <a href='/b'>More tips</a></aside>"
           "<aside class='tip'><a href='/a'>Ten tips</a> <a href='/b'>More tips</a></aside>"
           # and of Docsy's alert shortcode; a cookie alert still goes
           "<div class='alert alert-warning' role='alert'><h4>Warning</h4>Round-robin breaks "
           "sampling.</div><div class='alert alert-warning cookie-notice' role='alert'>We use "
           "cookies.</div>")


def test_an_admonition_aside_is_the_texts():
    text = _text(_page(_ASIDES))
    assert "root access" in text and "Round-robin breaks" in text
    assert "Popular posts" not in text and "Ten tips" not in text and "cookies" not in text


def test_admonition_asides_off_prunes_it(monkeypatch):
    monkeypatch.setattr(prune_module, "ADMONITION_ASIDES", False)
    text = _text(_page(_ASIDES))
    assert "root access" not in text and "Round-robin" not in text
