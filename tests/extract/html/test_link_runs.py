"""Lines that are each one link, in a run, leave an article's body (issue #13, class "teaser
and link lists merged"): a headline or archive list set as paragraphs (each teaser in its own
wrapper) or as ``<br>`` lines, which no class name gives away. Synthetic pages."""

from __future__ import annotations

from convert.extract.html import parse_html
from convert.textutil import article_text
from storypages import story, story_page

_STORY = story()


def test_run_of_link_paragraphs_in_wrappers_leaves():
    tail = "".join(f"<div class='item'><p><a href='/story/{i}'>Another headline about the "
                   f"town, number {i}</a></p></div>" for i in range(6))
    text = article_text(parse_html(story_page(tail)))
    assert "Paragraph 4 of the story" in text and "Another headline" not in text


def test_run_of_br_separated_links_leaves():
    tail = "<p>" + "<br>".join(f"<a href='/archive/{i}'>Archive entry {i}: an older post</a>"
                               for i in range(8)) + "</p>"
    text = article_text(parse_html(story_page(tail)))
    assert "Paragraph 4 of the story" in text and "Archive entry" not in text


def test_a_few_link_lines_stay():
    # A "see also" trio between paragraphs of the story is the story's own.
    tail = ("<p><a href='/a'>The basin's history</a></p><p><a href='/b'>The ferry timetable"
            "</a></p><p><a href='/c'>The lifeboat station</a></p>" + _STORY.replace(
                "Paragraph", "Section"))
    text = article_text(parse_html(story_page(tail)))
    assert "The basin's history" in text and "The lifeboat station" in text


def test_link_lines_leave_a_paragraph_that_also_holds_prose():
    # The shape of dragnet-T133 (tune page; a Blogger "posts roundup", 2012): the post is one
    # <br> paragraph, its prose lines first, then a long run of lines that are each one link.
    prose = "<br><br>".join(
        f"Line {i} of the roundup's own text: with about a hundred days until the election, "
        f"there is a lot stirring in the news, and both campaigns work hard on the polls."
        for i in range(4))
    links = "<br><br>".join(f"<a href='/2012/07/post-{i}.html'>Funny post number {i} of the "
                            f"summer</a>" for i in range(8))
    text = article_text(parse_html(story_page(f"<p>{prose}<br><br>{links}</p>")))
    assert "Line 3 of the roundup's own text" in text
    assert "Funny post number" not in text


# The shape of dragnet-T162 (tune page; a Discover blog post, 2012): "Related Posts:" over one
# paragraph whose <br> lines ("- <a>Video of Curiosity…</a><br>- <a>…</a>") all sit in one
# <em><font> wrapper. Rule wrapped_lines reads the lines inside the wrapper.
_WRAPPED = "<p><em>" + "<br>".join(f"- <a href='/2012/08/post-{i}.html'>Curiosity update "
                                   f"number {i} from the rover</a>" for i in range(6)) + "</em></p>"


def test_link_lines_inside_one_wrapper_leave():
    text = article_text(parse_html(story_page(_WRAPPED)))
    assert "Paragraph 4 of the story" in text and "Curiosity update" not in text


def test_link_lines_inside_one_wrapper_stay_with_the_rule_off(monkeypatch):
    from convert.extract.html import furniture
    monkeypatch.setattr(furniture, "WRAPPED_LINES", False)
    text = article_text(parse_html(story_page(_WRAPPED)))
    assert "Curiosity update number 5" in text


def test_wrapped_prose_lines_stay_and_link_lines_leave():
    prose = "<br>".join(f"Line {i} of the post's own text, written in italics: the rover "
                        f"rolled on, and the team was pleased with the first pictures."
                        for i in range(3))
    links = "<br>".join(f"<a href='/p{i}'>Older post number {i}</a>" for i in range(6))
    text = article_text(parse_html(story_page(f"<p><em>{prose}<br>{links}</em></p>")))
    assert "Line 2 of the post's own text" in text and "Older post number" not in text
