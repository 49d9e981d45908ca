"""convert_plugins._md_inline: where inline Markdown syntax may stand."""

from __future__ import annotations

import itertools
import re

from markdown_it import MarkdownIt

import convert
from convert.article import (Article, Emphasis, Link, List, ListItem, Meta, Paragraph, Table,
                             TableCell, TableRow, Text)
from convert_plugins._md_inline import edges

#: What edges() stands for; quadratic on long runs of spaces inside an element.
_EDGES = re.compile(r"((?:\s|\\\n|<br>)*)(.*?)((?:\s|\\\n|<br>)*)\Z", re.S)


def test_edges_splits_as_the_edge_pattern_would():
    # every short mix of the pieces an edge can be made of, and some that look like them
    pieces = ("a", " ", "\n", "\\", "<br>", "<b", "\u00a0")
    for n in range(6):
        for parts in itertools.product(pieces, repeat=n):
            text = "".join(parts)
            assert edges(text) == _EDGES.match(text).groups(), repr(text)


def test_edges_of_an_element_with_a_long_run_of_spaces():
    # (inline code keeps its spaces: a run of 10^5 inside emphasis once took minutes to write)
    text = " x" + " " * 100_000 + "y\\\n"
    assert edges(text) == (" ", "x" + " " * 100_000 + "y", "\\\n")


def test_a_final_exclamation_mark_is_escaped_only_where_a_link_may_follow():
    """"!" before "[" starts an image, so a text ending in "!" right before a link keeps its
    backslash; at the end of a paragraph, item or cell nothing follows and "\\!" is noise."""
    def cell(text):
        return TableCell((Paragraph((Text(text),)),))

    article = Article(Meta(), (
        Paragraph((Text("Bon appétit !"),)),
        Paragraph((Text("Wow!"), Link((Text("the gallery"),), "https://example.org/"))),
        Paragraph((Emphasis((Text("Great!"),)),)),
        List(ordered=False, items=(ListItem((Paragraph((Text("Go!"),)),)),)),
        Table(head=(), body=(TableRow((cell("Yes!"), cell("No"))),)),
        Paragraph((Text("a backslash \\!"),)),
    ))
    out = convert.render(article, "md").decode()
    assert "Bon appétit !\n" in out and "*Great!*" in out and "- Go!\n" in out
    assert "| Yes! | No |" in out
    assert "Wow\\![the gallery](https://example.org/)" in out
    html = MarkdownIt("commonmark").enable("table").render(out)
    assert "<img" not in html and "a backslash \\!</p>" in html
