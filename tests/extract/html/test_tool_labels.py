"""A story's toolbar inside the body (rule ``tool_labels``, :mod:`convert.extract.html.furniture`):
a list or line made only of tool labels leaves it. Shapes of dragnet tune pages (2012 news
pages): dragnet-R240 and dragnet-R238 (a ``<ul>`` "Increase Text Size / Decrease Text Size /
Print / Email" between the dateline and the story), dragnet-R208 ("Text Size / Print /
Reprints"), dragnet-R724 ("Comments (0) / See All Posts / Prev"), dragnet-R197 ("digg this |
reddit" under the post). Synthetic pages."""

from __future__ import annotations

import pytest

from convert.extract.html import furniture, parse_html
from convert.extract.html.furniture_patterns import TOOL_LABELS
from convert.textutil import article_text
from storypages import story, story_page

_TOOLBAR = ("<ul><li><a href='#'>Increase Text Size</a></li><li><a href='#'>Decrease Text "
            "Size</a></li><li><a href='#'>Print</a></li><li><a href='#'>Email</a></li></ul>")


def test_toolbar_list_leaves():
    text = article_text(parse_html(story_page(_TOOLBAR)))
    assert "Paragraph 4 of the story" in text
    assert "Increase Text Size" not in text and "Print" not in text


def test_toolbar_line_leaves():
    text = article_text(parse_html(story_page("<p><a href='#'>digg this</a> | "
                                              "<a href='#'>reddit</a></p>")))
    assert "Paragraph 4" in text and "digg this" not in text


def test_toolbar_stays_with_the_rule_off(monkeypatch):
    monkeypatch.setattr(furniture, "TOOL_LABELS_RULE", False)
    text = article_text(parse_html(story_page(_TOOLBAR)))
    assert "Increase Text Size" in text


def test_list_with_one_item_of_content_stays():
    # A list naming ways to reach the harbour office is the story's: only a list that is all
    # tool labels is a toolbar.
    text = article_text(parse_html(story_page(
        "<ul><li>Email</li><li>Phone the harbour office on weekdays</li></ul>")))
    assert "Phone the harbour office" in text and "Email" in text


@pytest.mark.parametrize("line", ["Print", "Email", "Text Size", "Reprints", "Comments (0)",
                                  "45 comments", "digg this | reddit", "Permalink",
                                  "Trackback Pings", "Pin It", "See All Posts", "Prev"])
def test_tool_labels(line):
    assert TOOL_LABELS.match(line)


@pytest.mark.parametrize("line", ["print the ticket", "Email me at the office", "Next week",
                                  "Comments are closed.", "Share prices fell"])
def test_not_tool_labels(line):
    assert not TOOL_LABELS.match(line)


def _page(middle: str) -> str:
    # (in the middle of the story: a link line after its last paragraph is cut as a trailing
    # link anyway)
    return ("<html><body><div class='content'><h1>Harbour works begin on the eastern basin</h1>"
            + story(2) + middle + story(3) + "</div></body></html>")


def test_a_lone_next_line_stays():
    # A tutorial's own "Next" step link (Readability's mozilla-1 keeps its "Next" lines), and
    # a pager of navigation words only, are not a story's toolbar.
    text = article_text(parse_html(_page("<p><a href='/step2'>Next</a></p>")))
    assert "Next" in text
    text = article_text(parse_html(_page("<ul><li><a href='/1'>Prev</a></li>"
                                         "<li><a href='/3'>Next</a></li></ul>")))
    assert "Prev" in text and "Next" in text


@pytest.mark.parametrize("line", ["<code>print()</code>", "<strong><code>--edit</code></strong>"])
def test_a_line_of_code_is_never_a_toolbar(line):
    # A docs page's paragraph naming a function or an option (rules tool_labels and
    # boilerplate_lines read "print" and "edit" as tool labels).
    text = article_text(parse_html(story_page(f"<p>{line}</p>")))
    assert line.replace("<code>", "").replace("</code>", "").replace("<strong>", "").replace(
        "</strong>", "") in text


def test_an_edit_line_beside_a_heading_leaves():
    text = article_text(parse_html(story_page("<h2>History</h2><p>[<a href='/w?action=edit'>"
                                              "edit</a>]</p>" + "<p>More of the story.</p>")))
    assert "History" in text and "edit" not in text
