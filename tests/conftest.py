"""Shared fixtures: a rich article with every node type, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.article import (Article, Code, CodeBlock, Div, Emphasis, Figure, Heading, Image,
                             LineBreak, Link, List, ListItem, Meta, Paragraph, Quote, Rule,
                             Source, Strikeout, Strong, Subscript, Superscript, Table, TableCell,
                             TableRow, Text)

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


def _p(*children):
    return Paragraph(tuple(children))


def _t(text):
    return Text(text)


@pytest.fixture
def rich_article() -> Article:
    """One article holding every block and inline node type at least once."""
    cell = lambda text, header=False, **kw: TableCell((_p(_t(text)),), header=header, **kw)  # noqa: E731
    return Article(
        meta=Meta(title="A rich article", subtitle="With every node", authors=("Ada L", "Bo M"),
                  published="2024-05-01T10:00:00+02:00", modified="2024-05-02", language="en",
                  site_name="Example", section="Tests", tags=("ast", "json"),
                  url="https://example.org/a", description="Every node type.",
                  lead_image=Figure(Image("https://example.org/lead.jpg", alt="lead"),
                                    caption=(_t("Lead caption"),), credit=(_t("Photo: X"),)),
                  source=Source("page.html", "html", "utf-8"), extra={"words": 42}),
        blocks=(
            Heading(2, (_t("Section"),)),
            _p(_t("Plain, "), Emphasis((_t("emph"),)), _t(" "), Strong((_t("strong"),)), _t(" "),
               Strikeout((_t("gone"),)), _t(" x"), Superscript((_t("2"),)), _t(" H"),
               Subscript((_t("2"),)), _t("O "), Code("code()"), _t(" "),
               Link((_t("a link"),), "https://example.org/", title="t"), LineBreak(),
               Image("https://example.org/i.png", alt="inline")),
            List((ListItem((_p(_t("one")),)),
                  ListItem((_p(_t("two")), List((ListItem((_p(_t("nested")),)),),
                                                 ordered=True, start=3))))),
            Quote((_p(_t("quoted")),), cite="https://example.org/src"),
            CodeBlock("print('hi')\n", language="python"),
            Table(head=(TableRow((cell("h1", True), cell("h2", True))),),
                  body=(TableRow((cell("a", colspan=2),)),), caption=(_t("A table"),)),
            Figure(Image("https://example.org/f.jpg", alt="fig"), caption=(_t("Cap"),),
                   credit=(_t("Credit"),)),
            Rule(),
            Div((_p(_t("aside text")),), role="aside"),
        ),
    )
