"""sniff_kind: HTML, text dump or decruft JSON, from the bytes alone."""

from __future__ import annotations

import codecs

import pytest

from convert.extract.sniff import sniff_kind

JSON_DOC = b'{"schema": "decruft.article", "version": "1.0", "meta": {}, "blocks": []}'


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
    b"<html lang='en'><head><title>x</title></head></html>",
    b"\n\n   <!-- saved by a crawler -->\n<!doctype HTML>\n<html></html>",
    b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"></html>',
    b"<div class='post'><p>Some text with <a href='/x'>a link</a>.</p><p>More</p></div>",
    b"<meta charset='utf-8'><title>Fragment</title><p>Body</p>",
])
def test_html_is_recognised(data):
    assert sniff_kind(data) == "html"


def test_html_with_bom_and_utf16():
    page = "<!DOCTYPE html><html><body><p>Grüße</p></body></html>"
    assert sniff_kind(codecs.BOM_UTF8 + page.encode("utf-8")) == "html"
    assert sniff_kind(codecs.BOM_UTF16_LE + page.encode("utf-16-le")) == "html"
    assert sniff_kind(page.encode("utf-16-le")) == "html"  # no BOM
    assert sniff_kind(page.encode("utf-16-be")) == "html"


@pytest.mark.parametrize("data", [
    b"Home\nNews\n\nA headline\n\nSome paragraph of text. It goes on.\n",
    "Заголовок\n\nТекст статьи, который продолжается.".encode("cp1251"),
    b"Prices: 3 < 5 and 7 > 2, which is a comparison, not markup.\n",
    b"",
    b"   \n\t\n",
    b"{not json at all, just a brace}\n",
])
def test_text_is_recognised(data):
    assert sniff_kind(data) == "text"


def test_decruft_json_is_recognised_with_bom_and_whitespace():
    assert sniff_kind(JSON_DOC) == "json"
    assert sniff_kind(b"\n  " + JSON_DOC) == "json"
    assert sniff_kind(codecs.BOM_UTF8 + JSON_DOC) == "json"
    assert sniff_kind(codecs.BOM_UTF16_LE + JSON_DOC.decode().encode("utf-16-le")) == "json"


def test_other_json_is_not_a_decruft_document():
    assert sniff_kind(b'{"schema": "something.else", "x": 1}') == "text"


def test_a_text_dump_that_mentions_tags_stays_text():
    dump = b"How to write HTML\n\nA paragraph starts with <p> and ends with </p>. " * 3
    assert sniff_kind(dump) == "text"


def test_huge_input_is_sniffed_quickly():
    import time

    data = b"<" * 5_000_000
    t0 = time.perf_counter()
    assert sniff_kind(data) == "text"
    assert time.perf_counter() - t0 < 1.0


def test_a_code_tutorial_dump_that_quotes_markup_stays_text():
    dump = (b"Styling buttons\n\nWrite the markup first:\n\n<div class=\"card\"><button class=\"btn\">"
            b"Save</button><span>ok</span></div>\n\nThen add the classes.\n")
    assert sniff_kind(dump) == "text"


def test_a_page_with_junk_before_the_html_tag_is_html():
    assert sniff_kind(b"HTTP junk line\n<html><head><title>x</title></head><body><p>y</p></body></html>") == "html"


def test_custom_element_fragment_is_html():
    assert sniff_kind(b"<my-app><x-card><p>One</p><p>Two</p><em>three</em></x-card></my-app>") == "html"
