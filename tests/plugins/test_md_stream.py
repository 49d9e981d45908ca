"""The ``md`` writer's chunked walk (``convert_plugins._md_stream``): trees of a chunk of blocks
give the bytes of the article's one tree, wherever the chunks are cut."""

from __future__ import annotations

import pytest
from markdownify import should_remove_whitespace_inside

from convert.article import (Article, Code, Emphasis, List, ListItem, Meta, Paragraph, Rule,
                             Strong, Text)
from convert.html import article_html
from convert_plugins import _md_blocks, _md_stream
from convert_plugins._md_blocks import TableRenderer, prepare
from convert_plugins._md_tree import soup
from convert_plugins.markdown import MAX_DEPTH, _converter_class
from mdcheck import NAMES, load


def converted(article: Article, *, chunked: bool) -> str:
    """The converter's Markdown of the article: from its XHTML as one tree (what the writer
    did before chunks) or chunk by chunk."""
    article = prepare(article)
    renderer = TableRenderer(base_url=article.meta.url, max_depth=MAX_DEPTH)
    conv = _converter_class()()
    conv.tables = renderer
    if chunked:
        return _md_stream.convert_article(conv, renderer, article)
    return conv.convert_soup(soup(article_html(article, renderer=renderer)))


def quirky() -> Article:
    """Paragraphs next to lists and rules, emphasis and code at paragraph edges, an empty
    paragraph and one that is only whitespace: what a cut between chunks could change."""
    blocks = []
    for i in range(40):
        blocks.append(Paragraph((Emphasis((Text(f"e{i}"),)), Text(" mid "),
                                 Strong((Text("s"),)))))
        blocks.append(Paragraph((Code(f"c{i}"),)))
        if i % 5 == 0:
            blocks.append(List((ListItem((Paragraph((Text("item"),)),)),)))
        if i % 7 == 0:
            blocks.append(Rule())
        if i % 9 == 0:
            blocks.append(Paragraph((Text(" "),)))
            blocks.append(Paragraph(()))
    return Article(Meta(title="T", language="en"), tuple(blocks))


@pytest.mark.parametrize("chunk", [1, 100, 10**9])
@pytest.mark.parametrize("name", [*NAMES, "quirky"])
def test_chunks_give_the_bytes_of_one_tree(monkeypatch, name, chunk):
    article = quirky() if name == "quirky" else load(name)
    monkeypatch.setattr(_md_blocks, "BATCH_CHARS", 10**9)
    monkeypatch.setattr(_md_stream, "CHUNK_CHARS", 10**9)
    whole = converted(article, chunked=False)
    monkeypatch.setattr(_md_stream, "CHUNK_CHARS", chunk)
    monkeypatch.setattr(_md_blocks, "BATCH_CHARS", chunk)
    assert converted(article, chunked=True) == whole
    if name == "quirky" and chunk == 1:  # cut between every two paragraphs
        assert len(list(_md_stream.chunks(TableRenderer(), article))) > 40


def test_chunks_are_cut_only_between_paragraphs(monkeypatch):
    monkeypatch.setattr(_md_stream, "CHUNK_CHARS", 1)
    pieces = list(_md_stream.chunks(TableRenderer(), quirky()))
    assert "".join(pieces) == article_html(quirky(), renderer=TableRenderer())[
        len('<article lang="en" xml:lang="en">\n'):-len("</article>\n")]
    for before, after in zip(pieces, pieces[1:]):
        assert before.endswith("</p>\n") and after.startswith("<p>")


@pytest.mark.parametrize("name", ["p", "h2", "h10", "pre", "article", "li", "hr", "figure",
                                  "header", "span"])
def test_block_test_is_markdownifys(name):
    from bs4 import BeautifulSoup

    tag = BeautifulSoup("", "html.parser").new_tag(name)
    assert _md_stream.block(tag) == should_remove_whitespace_inside(tag)
