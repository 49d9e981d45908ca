"""convert.html: the AST as safe, well-formed XHTML (shared by the md and epub writers)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from convert import jsonio
from convert.article import (Article, Emphasis, Figure, Heading, Image, Link, List, ListItem,
                             Meta, Paragraph, Quote, Table, TableCell, TableRow, Text)
from convert.html import (MAX_SPAN, HTMLRenderer, article_html, html_document, safe_image_url,
                          safe_link_url)
from convert.textutil import block_texts

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))
XHTML = "{http://www.w3.org/1999/xhtml}"


def load(name: str) -> Article:
    return jsonio.loads((FIXTURES / f"{name}.json").read_bytes())


def doc(article: Article) -> ET.Element:
    text = html_document(article_html(article), title=article.meta.title,
                         lang=article.meta.language)
    return ET.fromstring(text.encode("utf-8"))


@pytest.mark.parametrize("name", NAMES)
def test_every_fixture_is_well_formed_xhtml(name):
    root = doc(load(name))
    assert root.tag == XHTML + "html"
    assert root.find(XHTML + "head/" + XHTML + "title").text


@pytest.mark.parametrize("name", NAMES)
def test_every_leaf_text_survives(name):
    article = load(name)
    shown = " ".join("".join(doc(article).itertext()).split())
    from convert.textutil import clean_text

    for text in block_texts(article.blocks):
        for word in clean_text(text).split()[:20]:
            assert word in shown


@pytest.mark.parametrize("name", NAMES)
def test_html_is_deterministic(name):
    assert article_html(load(name)) == article_html(load(name))


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a", "https://example.org/a"),
    ("HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG"),
    ("mailto:a@b.org", "mailto:a@b.org"),
    ("/rel/path?q=1", "https://base.example/rel/path?q=1"),
    ("#frag", "#frag"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("java\nscript:alert(1)", None),
    ("\x00javascript:alert(1)", None),
    ("vbscript:msgbox", None),
    ("data:text/html,<script>", None),
    ("file:///etc/passwd", None),
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("https://example.org/ü?x=<y>", "https://example.org/%C3%BC?x=%3Cy%3E"),
    ("https://example.org/100%", "https://example.org/100%25"),
    ("", None),
])
def test_link_urls_are_allow_listed(url, expected):
    assert safe_link_url(url, "https://base.example/dir/page") == expected


@pytest.mark.parametrize("src, ok", [
    ("https://example.org/i.png", True),
    ("data:image/png;base64,iVBORw0KGgo=", True),
    ("data:image/webp;base64,UklGR", True),
    ("DATA:IMAGE/JPEG;base64,/9j/", True),
    ("data:image/svg+xml;base64,PHN2Zz4=", False),
    ("data:text/html;base64,PHNjcmlwdD4=", False),
    ("javascript:alert(1)", False),
    ("mailto:a@b.org", False),
    ("img/a.png", True),
])
def test_image_urls_are_allow_listed(src, ok):
    assert (safe_image_url(src) is not None) is ok


def test_text_is_escaped_and_cleaned():
    art = Article(Meta(title="<b>&</b>\x00"), (
        Paragraph((Text("<script>alert(1)</script> & \x0b\ud800 ok"),)),))
    html = article_html(art)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html
    assert "\x00" not in html and "\x0b" not in html and "\ud800" not in html
    ET.fromstring(html_document(html).encode())


def test_unsafe_links_keep_their_text():
    art = Article(Meta(), (Paragraph((Link((Text("click"),), "javascript:alert(1)"),)),))
    html = article_html(art)
    assert "click" in html and "<a " not in html and "javascript" not in html


def test_figure_markup():
    fig = Figure(Image("https://e.org/i.jpg", alt="alt \"q\""), caption=(Text("Cap"),),
                 credit=(Text("Credit"),))
    html = HTMLRenderer().block(fig)
    assert html == ('<figure><img src="https://e.org/i.jpg" alt="alt &quot;q&quot;"/>'
                    '<figcaption>Cap <small class="credit">Credit</small></figcaption></figure>')


def test_figure_with_dropped_image_keeps_caption():
    fig = Figure(Image("javascript:x"), caption=(Text("Cap"),))
    assert HTMLRenderer().block(fig) == "<figure><figcaption>Cap</figcaption></figure>"


def test_table_spans_are_clamped_and_sections_kept():
    cell = TableCell((Paragraph((Text("x"),)),), header=True, colspan=2**53, rowspan=-4)
    table = Table(head=(TableRow((cell,)),), body=(TableRow(()),), caption=(Text("c"),))
    html = HTMLRenderer().block(table)
    assert f'<th colspan="{MAX_SPAN}">x</th>' in html
    assert "rowspan" not in html
    assert html.index("<caption>") < html.index("<thead>") < html.index("<tbody>")
    assert "<tr><td></td></tr>" in html  # an empty row is still a valid row


def test_heading_levels_are_clamped_and_shifted():
    r = HTMLRenderer(heading_shift=1)
    assert r.block(Heading(6, (Text("a"),))) == "<h6>a</h6>\n"
    assert r.block(Heading(1, (Text("a"),))) == "<h2>a</h2>\n"
    assert HTMLRenderer().block(Heading(0, (Text("a"),))) == "<h1>a</h1>\n"


def test_deep_nesting_is_flattened_not_dropped():
    block = Paragraph((Text("deep"),))
    for _ in range(3000):
        block = Quote((block,))
    inline = Text("inner")
    for _ in range(3000):
        inline = Emphasis((inline,))
    art = Article(Meta(), (block, List((ListItem((Paragraph((inline,)),)),))))
    html = article_html(art)
    assert "deep" in html and "inner" in html
    ET.fromstring(html_document(html).encode())


def test_unknown_nodes_fall_back_to_their_text():
    class Weird:
        type = "weird"
        children = (Text("kept"),)

    assert HTMLRenderer().block(Weird()) == "kept"


def test_header_has_title_subtitle_byline_and_lead_image():
    art = Article(Meta(title="T", subtitle="S", authors=("A", "B"), published="2020-01-02T03:04",
                       lead_image=Figure(Image("https://e.org/l.png"), caption=(Text("L"),))), ())
    html = article_html(art)
    assert "<h1>T</h1>" in html and '<p class="subtitle">S</p>' in html
    assert ('<p class="byline">A, B · <time datetime="2020-01-02T03:04">2020-01-02</time></p>'
            in html)
    assert "<figcaption>L</figcaption>" in html
    assert "<header>" not in article_html(art, heading=False)


def test_hooks_rewrite_or_veto_urls():
    art = Article(Meta(), (Paragraph((Link((Text("l"),), "https://a.org/"),
                                      Image("https://a.org/i.png"))),))
    r = HTMLRenderer(link_url=lambda u: None, image_src=lambda s: "local.png")
    html = article_html(art, renderer=r)
    assert "<a " not in html and 'src="local.png"' in html


def _bidi_xhtml(article: Article) -> str:
    return article_html(article, renderer=HTMLRenderer(bidi=True))


def test_bidi_marks_the_article_and_blocks_running_the_other_way():
    from convert.article import CodeBlock

    ar = Article(Meta(title="الطاقة الشمسية", language="en"), (
        Paragraph((Text("تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية."),)),
        Paragraph((Text("2023"),)),  # no letters: follows the article
        Paragraph((Text("An English sentence quoted in the middle."),)),
        CodeBlock("print('hi')\n"),
        List((ListItem((Paragraph((Text("تخزين الطاقة"),)),)),
              ListItem((Paragraph((Text("Storage"),)),)))),
    ))
    out = _bidi_xhtml(ar)
    ET.fromstring(out)
    # The letters decide, not the template's lang="en".
    assert out.startswith('<article lang="en" xml:lang="en" dir="rtl">')
    assert "<p>تشهد" in out and "<p>2023</p>" in out
    assert '<p dir="ltr">An English' in out
    assert '<pre dir="ltr"><code>' in out  # code reads left to right in any article
    assert "<li>تخزين" in out and '<li dir="ltr">Storage' in out

    en = Article(Meta(title="Learning Hebrew"), (
        Paragraph((Text("The word ספר means book."),)),
        Paragraph((Text("I started learning Hebrew last year, to read my grandmother's letters "
                        "and the notes she wrote in the margins of her cookbooks."),)),
        Paragraph((Text("שלום עולם! זו הפסקה הראשונה, ובה המילה Python."),)),
        Heading(2, (Text("כותרת"),)),
        Table((), (TableRow((TableCell((Paragraph((Text("מצר"),)),)),
                             TableCell((Paragraph((Text("1,650"),)),)))),)),
    ))
    out = _bidi_xhtml(en)
    assert out.startswith('<article dir="ltr">')
    assert "<p>The word" in out
    assert '<p dir="rtl">שלום' in out and '<h2 dir="rtl">' in out and '<table dir="rtl">' in out
    # Without bidi (Markdown, the inspect page) nothing changes.
    assert "dir=" not in article_html(ar) and "dir=" not in article_html(en)


def test_html_document_carries_the_direction():
    text = html_document("<p>x</p>", title="t", lang="he", direction="rtl")
    assert 'lang="he" xml:lang="he" dir="rtl">' in text
    assert "dir=" not in html_document("<p>x</p>", title="t", lang="he")


def test_link_around_a_dropped_image_keeps_the_alt_text():
    """EPUB drops a remote image; a link that held only that image would be an empty <a>:
    nothing to see, nothing to click. Its alt text becomes the link text; with no alt text
    the link goes (an empty <a> is noise)."""
    drop = HTMLRenderer(image_src=lambda src: None)
    linked = Paragraph((Link((Image("https://example.org/t.jpg", alt="The gallery"),),
                             "https://example.org/gallery"),))
    assert drop.block(linked) == '<p><a href="https://example.org/gallery">The gallery</a></p>\n'
    bare = Paragraph((Link((Image("https://example.org/t.jpg"),), "https://example.org/g"),
                      Text(" after")))
    assert drop.block(bare) == "<p> after</p>\n"
    # A kept image stays the link's content, and a link without images is as before.
    keep = HTMLRenderer()
    assert keep.block(linked) == ('<p><a href="https://example.org/gallery"><img '
                                  'src="https://example.org/t.jpg" alt="The gallery"/></a></p>\n')
    assert drop.block(Paragraph((Link((Text("x"),), "https://example.org/"),))) == (
        '<p><a href="https://example.org/">x</a></p>\n')
