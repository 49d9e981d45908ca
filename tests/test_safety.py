"""convert.safety: what the extractor keeps is wider than what a writer makes live."""

from __future__ import annotations

import pytest

from convert.html import MAX_SPAN as WRITER_MAX_SPAN
from convert.safety import MAX_SPAN, kept_url, safe_image_url, safe_link_url


@pytest.mark.parametrize("url", ["tel:+15551234", "ftp://files.example/a.zip", "irc://irc.example/x"])
def test_other_real_schemes_are_kept_but_not_made_live(url):
    assert kept_url(url, "https://example.com/") == url
    assert safe_link_url(url) is None


@pytest.mark.parametrize("url", ["javascript:alert(1)", "java\tscript:alert(1)", "vbscript:x",
                                 "data:text/html,<script>alert(1)</script>"])
def test_script_urls_are_neither_kept_nor_live(url):
    assert kept_url(url, "https://example.com/") is None
    assert kept_url(url, None, image=True) is None
    assert safe_link_url(url) is None


def test_avif_data_image_is_kept_but_not_shown():
    src = "data:image/avif;base64,AAAA"
    assert kept_url(src, None, image=True) == src
    assert safe_image_url(src) is None
    assert safe_image_url("data:image/png;base64,AAAA") == "data:image/png;base64,AAAA"


def test_relative_urls_resolve_against_the_page():
    assert kept_url("/a/b", "https://example.com/x/y") == "https://example.com/a/b"
    assert safe_link_url("b c", "https://example.com/x/") == "https://example.com/x/b%20c"


def test_one_span_bound_for_reader_and_writer():
    assert WRITER_MAX_SPAN is MAX_SPAN == 1000


def _doc(*inlines, meta=None):
    from convert.article import Article, Meta, Paragraph

    return Article(meta=meta or Meta(), blocks=(Paragraph(children=tuple(inlines)),))


def test_scrub_gives_a_json_article_what_a_page_reader_gives():
    from convert.article import Figure, Image, Link, Meta, Quote, Text
    from convert.safety import scrub

    nasty = "a\x00b\x1b[2Jc\ufeff\ud800"
    article = _doc(
        Text(nasty),
        Link(children=(Text("click"), Image(src="https://x.example/i.png")),
             url=" java\tscript:alert(1)", title=nasty),
        Image(src="data:image/svg+xml,<svg onload=alert(1)>", alt="svg"),
        Link(children=(Text("ok"),), url="tel:+1555"),
        meta=Meta(title=nasty, url="javascript:alert(1)", authors=(nasty,), extra={"k": nasty},
                  lead_image=Figure(image=Image(src="vbscript:x"), caption=(Text(nasty),))))
    article = article.__class__(meta=article.meta, blocks=article.blocks + (
        Quote(blocks=(), cite="data:text/html,x"),))
    out = scrub(article)
    para = out.blocks[0]
    assert para.children == (Text("ab[2Jc"), Text("click"), Image(src="https://x.example/i.png"),
                             Link(children=(Text("ok"),), url="tel:+1555"))
    assert out.blocks[1].cite is None
    meta = out.meta
    assert (meta.title, meta.url, meta.authors, meta.extra) == ("ab[2Jc", None, ("ab[2Jc",),
                                                                {"k": "ab[2Jc"})
    assert meta.lead_image.image is None and meta.lead_image.caption == (Text("ab[2Jc"),)


def test_scrub_returns_a_clean_article_itself():
    from convert.article import Link, Meta, Text
    from convert.safety import scrub

    article = _doc(Text("plain"), Link(children=(Text("x"),), url="/relative#f"),
                   meta=Meta(title="T", url="https://example.com/", extra={"n": 3}))
    assert scrub(article) is article
