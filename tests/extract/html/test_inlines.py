"""Inline runs (convert/extract/html/inlines.py): the space at the edge of a link or a
formatting wrapper separates words (rule ``edge_spaces``); white space as the builder collapses
it."""

from __future__ import annotations

import random

import convert
from convert.article import Link, Text
from convert.extract.html.inlines import WS, normalize_inlines, spaced, wrap
from convert.textutil import article_text

# From dragnet-R581 (tune page; poynter.org, 2012): the space before "media" sits inside the
# link, so dropping it glued two words ("Onemedia").
R581 = ("<p>The network projected the electoral vote onto the side of the skyscraper. One<a "
        "href='http://www.philly.com/philly/entertainment/'> media watcher wondered</a> if the "
        "New Yorkers without electricity could see it.</p>")
# From dragnet-R213 (tune page; a Blogger post): the space is inside a <span> inside the link.
R213 = ("<p>You can download this release from our <a href='http://code.google.com/gwt'><span "
        "style='white-space: pre-wrap;'> main GWT download page.</span></a> Release notes "
        "are here, with the list of issues we fixed since the last release candidate.</p>")


def _text(inner: str) -> str:
    page = f"<html><body><article><h1>Election night</h1>{inner}</article></body></html>"
    return article_text(convert.parse(page.encode("utf-8"), kind="html"))


def test_space_inside_a_link_edge_separates_words():
    text = _text(R581 + R213)
    assert "One media watcher wondered if the" in text
    assert "from our main GWT download page. Release" in text


def test_space_inside_emphasis_edges_separates_words():
    text = _text("<p>The committee met on Monday and<b> voted </b>against the plan that the "
                 "mayor had put forward in the spring, after a long debate.</p>")
    assert "Monday and voted against the plan" in text


def test_wrap_moves_edge_spaces_out_and_merge_keeps_one():
    link = lambda inner: Link(inner, "http://x/", None)  # noqa: E731
    out = wrap(link, [Text(" media "), Text("watcher ")])
    assert out == [Text(" "), Link((Text("media "), Text("watcher")), "http://x/", None),
                   Text(" ")]
    para = normalize_inlines([Text("One "), *out, Text(" wondered")])
    assert para[0] == Text("One ") and para[-1] == Text(" wondered")


def test_link_without_edge_spaces_gains_none():
    para = normalize_inlines([Text("One"), *wrap(lambda i: Link(i, "http://x/", None),
                                                 [Text("media")]), Text("watcher")])
    assert para == (Text("One"), Link((Text("media"),), "http://x/", None), Text("watcher"))


# From dragnet-R548 (tune page; a Blogger post pasted from a word processor, 2012): each word
# of a link is a link of its own, and the space between them a link of a space alone.
R548 = ("<p>As the time approaches for cycling chiefs to decide if they accept the <a "
        "href='http://www.usada.org/a'><span style='color: #1155cc;'>recent</span></a><a "
        "href='http://www.usada.org/a'><span style='color: #1155cc;'> </span></a><a "
        "href='http://www.usada.org/a'><span style='color: #1155cc;'>ruling</span></a><u><span>"
        "s</span></u><a href='http://www.usada.org/a'><span> </span></a>of the US Anti-Doping "
        "Agency, I have been wondering what to think about it.</p>")


def test_link_of_a_space_alone_is_a_space():
    assert "accept the recent rulings of the US Anti-Doping Agency" in _text(R548)


def test_link_of_a_space_alone_is_lost_with_the_rule_off(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "BLANK_WRAPPERS", False)
    assert "recentrulingsof" in _text(R548)


# From wcxb-dev/0693 (tune page; a product site, 2025): a link's title and subtitle are two
# <span>s laid out one under the other, with nothing between them in the markup.
MENU_CARD = ("<p><span class='LinkText'>Help center</span><span class='LinkSubtitle'>Let "
             "customers serve themselves</span>, and the rest of the sentence goes on.</p>")


def test_abutting_spans_opening_a_capital_read_apart():
    text = _text("<p>The support suite brings every channel into one place, so that agents "
                 "see the whole conversation whatever the channel it came from.</p>" + MENU_CARD)
    assert "Help center Let customers" in text


def test_abutting_spans_inside_a_word_stay_joined():
    text = _text("<p>The support suite brings every channel into one place, so that agents "
                 "see the whole conversation, said <span>Mc</span><span>donald</span> and "
                 "<b>Ann</b><span>Lee</span> on Monday.</p>")
    assert "said Mcdonald and" in text
    assert "AnnLee" in text  # (after a formatting wrapper the markup is taken as written)



# From wcxb-dev/2907 (tune page; imdb.com's "Most popular movies" chart, 2026): a title's year,
# running time and rating are three <span>s of one class, laid out as a row with no space
# between them in the markup (here in a paragraph, where the chart has a <div>).
CHART_ROW = ("<p>Scream 7, a slasher sequel: <span class='sc-a55f6282-6 iMumIM "
             "cli-title-metadata-item'>2026</span><span class='sc-a55f6282-6 iMumIM "
             "cli-title-metadata-item'>1h 54m</span><span class='sc-a55f6282-6 iMumIM "
             "cli-title-metadata-item'>R</span></p>")
_CHART_LEAD = ("<p>The chart ranks the titles by how many readers looked them up this week, "
               "so a film out this week climbs to the top before it has many ratings.</p>")


def test_twin_spans_read_apart():
    assert "2026 1h 54m R" in _text(_CHART_LEAD + CHART_ROW)


def test_twin_spans_ablated(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "TWIN_SPANS", False)
    assert "20261h 54m R" in _text(_CHART_LEAD + CHART_ROW)


def test_twin_spans_split_inside_a_word_or_per_letter_stay_joined():
    text = _text(_CHART_LEAD + "<p>Grown by the <span class='d'>Co</span><span class='d'>rnell"
                 "</span> volunteers, <span class='c'>4</span><span class='c'>2</span> beds.</p>")
    assert "the Cornell volunteers, 42 beds" in text

def test_spaced_collapses_as_the_white_space_pattern_does():
    # Every run of white space but a lone plain space becomes one space; a zero-width space
    # between letters stays (Thai, Khmer word breaks), one inside a run goes with it.
    assert spaced("a  b\n\tc d") == "a b c d"
    assert spaced("a\u200bb \u200b c") == "a\u200bb c"
    rnd = random.Random(14)
    alphabet = " \t\n\r\x0b\x0cab\u200b"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert spaced(text) == WS.sub(" ", text), repr(text)


def test_spaced_turns_white_space_alone_into_one_space_without_the_pattern():
    # (the indentation between tags, most of the texts spaced() rewrites, takes a short cut:
    # the answer is the pattern's, for every string of up to four such characters)
    import itertools
    for n in range(1, 5):
        for chars in itertools.product(" \t\n\r\x0b\x0c\u200b\xa0a", repeat=n):
            text = "".join(chars)
            assert spaced(text) == WS.sub(" ", text), repr(text)
    assert spaced("\n        ") == " "


def _heading(html: str) -> str:
    page = (f"<html><body><article><h1>Title</h1><p>{'A sentence of the story. ' * 12}</p>{html}"
            f"<p>{'Another sentence of the story. ' * 12}</p></article></body></html>")
    art = convert.parse(page.encode(), kind="html")
    from convert.article import Heading
    from convert.textutil import inline_text
    return next(inline_text(b.children) for b in art.blocks if isinstance(b, Heading))


def test_a_headings_own_tools_leave_it():
    # (rule heading_tools) Sphinx's "¶", a "#" anchor before the text, MediaWiki's "[edit]",
    # a docs site's "Edit on GitHub".
    assert _heading("<h2>Install<a class='headerlink' href='#install'>¶</a></h2>") == "Install"
    assert _heading("<h2 id='u'><a href='#u'>#</a> Usage</h2>") == "Usage"
    assert _heading("<h2>Usage <span>[<a href='/w?action=edit&section=2'>edit</a>]</span></h2>") \
        == "Usage"
    assert _heading("<h2>Usage <a href='https://github.com/o/r/edit/main/u.md'>Edit on "
                    "GitHub</a></h2>") == "Usage"


def test_a_heading_that_is_a_link_or_a_hash_sign_stays():
    assert _heading("<h2><a href='#usage'>Usage</a></h2>") == "Usage"
    # A "#" that is not a link to an anchor is the heading's text.
    assert _heading("<h2>C# and F#</h2>") == "C# and F#"
    assert _heading("<h2>Step 1 <a href='/page/2'>#</a></h2>") == "Step 1 #"


def _markdown(html: str, fmt: str = "md") -> str:
    page = (f"<html><body><article><h1>Title</h1><p>{'A sentence of the story. ' * 12}</p>{html}"
            f"<p>{'Another sentence of the story. ' * 12}</p></article></body></html>")
    return convert.render(convert.parse(page.encode(), kind="html"), fmt).decode()


_SELF_LINKED = ("<h2 id='syntax'><a href='#syntax'>Syntax</a></h2><dl><dt id='cb'><a href='#cb'>"
                "<code>callbackFn</code></a></dt><dd><p>A function run for each element.</p></dd>"
                "</dl><h2><a href='/other'>Elsewhere</a></h2>")


def test_a_heading_or_term_all_one_link_to_its_anchor_is_its_text():
    # (rule heading_self_links) MDN-style docs wrap every heading and term in its permalink;
    # a heading linking to another page keeps its link.
    md = _markdown(_SELF_LINKED)
    assert "## Syntax" in md and "**`callbackFn`**" in md
    assert "[Elsewhere](" in md
    # (the AST itself: md writes every in-page link as its text anyway)
    assert '"#syntax"' not in _markdown(_SELF_LINKED, "json")


def test_heading_self_links_off_keeps_the_link(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "HEADING_SELF_LINKS", False)
    # (asked of the AST: md writes every in-page link as its text, see _md_render)
    assert '"#syntax"' in _markdown(_SELF_LINKED, "json")


_SIGNATURE = ("<p>The support suite brings every channel into one place, so that agents see the "
              "whole conversation whatever the channel it came from.</p><p>Call <span class='pre'>"
              "requests.</span><span class='name'>Session</span> once, then <span>U.S.</span>"
              "<span>Markets</span> read apart.</p>")


def test_a_dotted_qualifier_and_its_name_read_as_one():
    # (rule dotted_names) Sphinx prints a signature as prename + name spans; a span ending a
    # sentence-like abbreviation ('U.S.') still reads apart from the capital after it.
    text = _text(_SIGNATURE)
    assert "requests.Session once" in text and "U.S. Markets" in text


def test_dotted_names_off_reads_the_signature_apart(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "DOTTED_NAMES", False)
    assert "requests. Session" in _text(_SIGNATURE)


_SOURCE = ("<dl><dt id='f.close'><span>close</span>()<a href='../_modules/f.html#close'><span>"
           "[source]</span></a><a class='headerlink' href='#f.close'>¶</a></dt><dd><p>Closes "
           "the file.</p></dd></dl>")


def test_a_terms_source_link_and_permalink_leave_it():
    # (rules source_links, heading_tools on a <dt>) Sphinx's API entries.
    assert "**close()**" in _markdown(_SOURCE)


def test_source_links_off_keeps_the_source_link(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "SOURCE_LINKS", False)
    assert "[source]" in _markdown(_SOURCE).replace("\\", "")


def test_a_headings_back_to_top_link_leaves_it():
    # (rule heading_top_links) man7-style section headings end in a link to the page's top;
    # a "top" link to another page, or a heading of that word alone, stays.
    assert _heading("<h2><a id='NAME' href='#NAME'></a>NAME &nbsp; &nbsp; <a href='#top_of_page'>"
                    "<span class='top-link'>top</span></a></h2>") == "NAME"
    assert _heading("<h2>FAQ <a href='#top'>↑ Back to top</a></h2>") == "FAQ"
    assert _heading("<h2>Charts <a href='/charts/top'>top</a></h2>") == "Charts top"


def test_heading_top_links_off(monkeypatch):
    from convert.extract.html import inlines
    monkeypatch.setattr(inlines, "HEADING_TOP_LINKS", False)
    assert _heading("<h2>FAQ <a href='#top'>Back to top</a></h2>") == "FAQ Back to top"


def test_a_bracketed_reference_number_and_the_names_after_it_read_apart():
    # (rule abutting_spans, closing bracket) LaTeXML bibliographies: <span>[7]</span><span>
    # Junyoung Chung...</span>, laid out as a hanging label.
    text = _text("<p>The support suite brings every channel into one place, so that agents see "
                 "the whole conversation whatever the channel it came from.</p><ul><li><span>"
                 "[7]</span><span>Junyoung Chung and Yoshua Bengio.</span></li></ul>")
    assert "[7] Junyoung Chung" in text
