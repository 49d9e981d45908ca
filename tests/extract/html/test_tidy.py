"""convert.extract.html.tidy: lines of the built body that are the page's, not the article's
(synthetic blocks)."""

from __future__ import annotations

from convert.article import Heading, Paragraph, Text
from convert.extract.html import tidy
from convert.textutil import block_texts

_PROSE = "The loader reads a configuration file from the project root before any plugin starts."


def _body(status: str) -> list:
    return [Heading(1, (Text("Configuration"),)), Paragraph((Text(_PROSE),)),
            Heading(2, (Text(status),)), Paragraph((Text(_PROSE.replace("reads", "parses")),)),
            Paragraph((Text("Loading..."),))]


def test_a_status_word_as_a_heading_titles_its_section(monkeypatch):
    # A documentation page's section "Loading" (how a file is loaded) is no spinner's text;
    # the "Loading..." placeholder line still goes.
    lines = list(block_texts(tidy.tidy_blocks(_body("Loading"), None)))
    assert "Loading" in lines and "Loading..." not in lines
    monkeypatch.setattr(tidy, "STATUS_WORD_HEADINGS", False)
    assert "Loading" not in list(block_texts(tidy.tidy_blocks(_body("Loading"), None)))
