"""Helpers for the renderer tests: load the fixture articles, read visible text out of HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from convert import jsonio
from convert.article import Article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
#: Every article fixture (each renderer test runs over all of them).
NAMES = sorted(p.stem for p in FIXTURES.glob("*.json"))

_BLOCK_TAGS = {"p", "li", "td", "th", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
               "figcaption", "caption", "blockquote", "pre", "div", "header", "article", "hr",
               "ul", "ol", "table", "thead", "tbody", "small"}


def load(name: str) -> Article:
    return jsonio.loads((FIXTURES / f"{name}.json").read_bytes())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def visible(html: str) -> tuple[str, list[tuple[str, dict[str, str | None]]]]:
    """The visible text of an HTML fragment (whitespace folded, block boundaries as spaces)
    and the list of its start tags with attributes."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return fold("".join(parser.parts)), parser.tags


_SUP = str.maketrans("0123456789+-\u2212=()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾")
_SUB = str.maketrans("0123456789+-\u2212=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎")
_SCRIPT = re.compile(r"<(sup|sub)>((?:(?!</?su[bp]>).)*)</\1>", re.S)


def scripts_as_markdown(html: str) -> str:
    """Our XHTML with its (innermost) ``<sup>``/``<sub>`` written the way the md writer writes
    them: Unicode forms when every character of the text has one, else ``^(...)``/``_(...)``
    (a mark in brackets or of symbols alone as it is). Stated here apart from the writer's code."""
    def one(m: re.Match) -> str:
        inner = m.group(2)
        text = re.sub(r"<[^>]+>", "", inner).strip()
        if text and set(text) <= set("0123456789+-\u2212=()"):
            return re.sub(r">([^<]*)<", lambda t: ">" + t.group(1).translate(
                _SUP if m.group(1) == "sup" else _SUB) + "<", f">{inner}<")[1:-1]
        if not text or (text[0], text[-1]) in {("[", "]"), ("(", ")")} or \
                not any(ch.isalnum() for ch in text):
            return inner
        return ("^(" if m.group(1) == "sup" else "_(") + inner + ")"
    return _SCRIPT.sub(one, html)


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
