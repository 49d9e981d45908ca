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
