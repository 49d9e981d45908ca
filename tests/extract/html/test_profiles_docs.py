"""The documentation profile: the page's whole body with its code blocks and tables, without
the sidebar navigation and the on-page table of contents."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from convert.article import CodeBlock, Link, List, ListItem, Paragraph, Table, Text
from convert.extract.html import profiles
from convert.extract.html.builder import Builder
from convert.extract.html.content import Content
from convert.extract.html.measure import STRICT, text_len
from convert.extract.html.profiles import docs
from convert.extract.html.prune import prune
from convert.textutil import block_texts


def _toc(urls) -> List:
    return List(tuple(ListItem((Paragraph((Link((Text(f"Part {i}"),), u),)),))
                      for i, u in enumerate(urls)))


def test_on_page_toc_is_dropped_and_other_lists_kept():
    toc = _toc(["#intro", "#usage", "https://docs.example/page#api"])
    nav = _toc(["/guide", "/reference", "/faq"])
    prose = List((ListItem((Paragraph((Text("first step"),)),)),) * 3)
    assert docs.without_toc([toc, nav, prose]) == [nav, prose]


def _section(i: int) -> str:
    return (f"<section id='s{i}'><h2>function_{i}</h2><p>Returns the {i}th item.</p>"
            f"<pre><code class='language-python'>value = function_{i}(items)\nprint(value)"
            f"</code></pre><table><tr><th>Argument</th><th>Meaning</th></tr>"
            f"<tr><td>items</td><td>an iterable</td></tr></table></section>")


def _page() -> bytes:
    long = ("<section id='intro'><h2>Introduction</h2>" + "<p>This module implements a number "
            "of iterator building blocks, inspired by constructs from functional languages, "
            "each recast in a form suitable for Python, fast and memory efficient.</p>" * 4
            + "</section>")
    toc = "<ul class='contents'>" + "".join(
        f"<li><a href='#s{i}'>function_{i}</a></li>" for i in range(5)) + "</ul>"
    sidebar = "<nav class='sidebar'><ul>" + "".join(
        f"<li><a href='/lib/m{i}.html'>Module {i}</a></li>" for i in range(8)) + "</ul></nav>"
    return (f"<html><head><title>itertools</title></head><body>{sidebar}<div class='body'>"
            f"<h1>itertools</h1>{toc}{long}{''.join(_section(i) for i in range(5))}</div>"
            f"</body></html>").encode()


def test_whole_body_with_code_and_tables(monkeypatch):
    # The strict pass's tree (chrome pruned) with the cascade's winner being one section.
    tree = LexborHTMLParser(_page().decode())
    prune(tree, STRICT)
    winner = tree.css_first("section#intro")
    found = Content([winner], text_len(winner), STRICT)
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("documentation", 0.9, {}))
    out = profiles.extract(tree, {}, Builder(None), [], "", found)
    assert out is not None and out.name == "documentation"
    codes = [b for b in out.blocks if isinstance(b, CodeBlock)]
    tables = [b for b in out.blocks if isinstance(b, Table)]
    assert len(codes) == 5 and len(tables) == 5
    text = " ".join(block_texts(out.blocks))
    assert "Module 3" not in text
    # The on-page contents list is gone, the section headings stay.
    assert not any(isinstance(b, List) for b in out.blocks)
    assert "function_4" in text


def test_an_unsure_classifier_keeps_the_cascade(monkeypatch):
    tree = LexborHTMLParser(_page().decode())
    winner = tree.css_first("section#intro")
    monkeypatch.setattr(profiles, "page_type", lambda kind, signals: ("documentation", 0.3, {}))
    found = Content([winner], text_len(winner), STRICT)
    assert profiles.extract(tree, {}, Builder(None), [], "", found) is None
