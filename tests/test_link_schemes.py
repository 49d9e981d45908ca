"""A script URL never becomes a live link in any format, however it is disguised.

Browsers strip leading white space and controls from an ``href``, ignore tabs and newlines
inside the scheme and read it case-insensitively, so ``" javascript:"``, ``"java\\tscript:"``
and ``"JaVaScRiPt:"`` all run script. Each is tried on a page without a base URL (the case where
a relative-looking URL is kept as it is) through both gates: the reader (an HTML page) and the
writers alone (a decruft JSON article, which reaches the writers without the reader's check).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

import convert
from convert.errors import MissingDependency
from convert.html import article_html
from convert.jsonio import loads

# As written in an HTML attribute (entities decoded by the parser) ...
HREFS_IN_HTML = [
    " javascript:alert(1)", "\t\n javascript:alert(1)", "&#1;javascript:alert(1)",
    "java\tscript:alert(1)", "java&#x0A;script:alert(1)", "JaVaScRiPt:alert(1)",
    "&#106;avascript:alert(1)", "&#x20;javascript:alert(1)", "javascript&colon;alert(1)",
    "\u200bjavascript:alert(1)", " vbscript:msgbox(1)", " data:text/html,<b>x</b>",
]
# ... and as the raw string a JSON article carries.
HREFS_RAW = [
    " javascript:alert(1)", "\x01javascript:alert(1)", "\x00 javascript:alert(1)",
    "\u0085javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "JaVaScRiPt:alert(1)", "\ufeffjavascript:alert(1)", "\u200b javascript:alert(1)",
    " VBSCRIPT:msgbox(1)", "\x7fdata:text/html,x",
]
_SCRIPT = re.compile(r"^(?:javascript|vbscript|data):")
# What a browser ignores in a URL before reading its scheme.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]+")
BODY = "A paragraph that is long enough to be the article, with one link in it: "


def _is_script(url: str) -> bool:
    return bool(_SCRIPT.match(_IGNORED.sub("", html.unescape(url)).lower()))


def _html_page(href: str) -> bytes:
    return (f'<html><head><title>Links</title></head><body><article><h1>Links</h1><p>{BODY}'
            f'<a href="{href}">click me</a>. And a second sentence after it.</p></article>'
            "</body></html>").encode("utf-8")


def _json_article(href: str) -> bytes:
    doc = {"schema": "decruft.article", "version": "1.0", "meta": {"title": "Links"},
           "blocks": [{"type": "paragraph", "children": [
               {"type": "text", "text": BODY},
               {"type": "link", "url": href, "children": [{"type": "text", "text": "click me"}]},
           ]}]}
    return json.dumps(doc).encode("utf-8")


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "action", "formaction") and value:
                self.urls.append(value)


def _hrefs(markup: str) -> list[str]:
    parser = _Hrefs()
    parser.feed(markup)
    return parser.urls


def _md_links(article) -> list[str]:
    text = convert.render(article, "md").decode("utf-8")
    return _hrefs(MarkdownIt("commonmark").render(text))


def _zip_links(data: bytes) -> list[str]:
    urls = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.endswith((".xhtml", ".html", ".xml", ".rels", ".opf", ".ncx")):
                text = z.read(name).decode("utf-8")
                urls += _hrefs(text)
                urls += re.findall(r'Target="([^"]*)"', text)
    return urls


def _pandoc_links(article) -> list[str]:
    out = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") in ("Link", "Image"):
                out.append(node["c"][-1][0])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(json.loads(convert.render(article, "pandoc")))
    return out


def _all_links(article) -> dict[str, list[str]]:
    links = {"md": _md_links(article), "html": _hrefs(article_html(article)),
             "pandoc": _pandoc_links(article)}
    for fmt in ("docx", "epub"):
        try:
            links[fmt] = _zip_links(convert.render(article, fmt))
        except MissingDependency:
            pass
    return links


def _check(article) -> None:
    for fmt, urls in _all_links(article).items():
        assert not [u for u in urls if _is_script(u)], (fmt, urls)
    # The link text is still there, as text.
    assert "click me" in convert.render(article, "txt").decode("utf-8")


@pytest.mark.parametrize("href", HREFS_IN_HTML)
def test_script_link_in_a_page_is_never_live(href):
    _check(convert.parse(_html_page(href), kind="html"))


@pytest.mark.parametrize("href", HREFS_RAW)
def test_script_link_in_an_article_is_never_live(href):
    # The writers alone: an AST built as given (by Python code or a transform plugin) ...
    _check(loads(_json_article(href)))
    # ... and the JSON reader, which drops the URL before any writer (JSON too) sees it.
    article = convert.parse(_json_article(href), kind="json")
    _check(article)
    for fmt in ("json", "jsonl"):
        doc = json.loads(convert.render(article, fmt))
        assert _link_urls(doc["blocks"]) == [], fmt


def _link_urls(node) -> list[str]:
    if isinstance(node, list):
        return [u for n in node for u in _link_urls(n)]
    if not isinstance(node, dict):
        return []
    own = [node["url"]] if node.get("type") == "link" else []
    return own + [u for v in node.values() for u in _link_urls(v)]


def test_the_check_sees_a_live_link():
    """The checks above can fail: a plain https link is found in every format."""
    article = convert.parse(_json_article("https://example.com/x"), kind="json")
    for fmt, urls in _all_links(article).items():
        assert "https://example.com/x" in urls, fmt
