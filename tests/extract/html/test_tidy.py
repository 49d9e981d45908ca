"""convert.extract.html.tidy: lines of the built body that are the page's, not the article's
(synthetic blocks)."""

from __future__ import annotations

from convert.article import Heading, Link, Paragraph, Strong, Text
from convert.extract.html import tidy
from convert.extract.html.tidy import tidy_blocks
from convert.textutil import block_texts, inline_text

_PROSE = "The loader reads a configuration file from the project root before any plugin starts."


def _body(status: str) -> list:
    return [Heading(1, (Text("Configuration"),)), Paragraph((Text(_PROSE),)),
            Heading(2, (Text(status),)), Paragraph((Text(_PROSE.replace("reads", "parses")),)),
            Paragraph((Text("Loading..."),))]


def test_a_status_word_as_a_heading_titles_its_section(monkeypatch):
    # A documentation page's section "Loading" (how a file is loaded) is no spinner's text;
    # the "Loading..." placeholder line still goes.
    lines = list(block_texts(tidy_blocks(_body("Loading"), None)))
    assert "Loading" in lines and "Loading..." not in lines
    monkeypatch.setattr(tidy, "STATUS_WORD_HEADINGS", False)
    assert "Loading" not in list(block_texts(tidy_blocks(_body("Loading"), None)))


_STORY = Paragraph((Text("The council met on Tuesday to discuss the river budget and the "
                         "plan for the village school."),))


def _para(*children) -> Paragraph:
    return Paragraph(tuple(children))


def _link(text: str) -> Link:
    return Link((Text(text),), "/other-story")


_TEASERS = [
    _para(Strong((Text("Leia também"),)), Text(" "), _link("Dólar fecha em alta")),
    _para(Text("Leggi anche "), _link("Alluvione del 2014, dieci anni dopo")),
    _para(Text("Lire aussi"), _link("Retraites : ce qui change")),
]
_KEPT = [
    # a sentence ending in a link, a label with two links, a link with text after it
    _para(Text("See also the minutes of the meeting at "), _link("the council's site")),
    _para(Text("Read also "), _link("one"), Text(" and "), _link("two")),
    _para(Text("Lire aussi "), _link("Retraites"), Text(", publié hier.")),
]


def _texts(blocks) -> list[str]:
    return [inline_text(b.children) for b in blocks]


def test_a_read_also_label_and_one_link_is_a_teaser_line():
    # "Leia também <a>", "Leggi anche <a>": the label set apart by markup rather than a colon
    # (rule read_also_label_link); lines where the label starts a sentence, or more follows
    # the link, stay.
    out = _texts(tidy_blocks([_STORY, *_TEASERS, *_KEPT], "Title"))
    assert out == _texts([_STORY, *_KEPT])


def test_read_also_label_link_off_keeps_them(monkeypatch):
    monkeypatch.setattr(tidy, "READ_ALSO_LABEL_LINK", False)
    out = _texts(tidy_blocks([_STORY, *_TEASERS], "Title"))
    assert out == _texts([_STORY, *_TEASERS])


def test_a_press_release_end_mark_leaves_the_body(monkeypatch):
    # "###" / "-30-" on a line of its own ends a press release (rule end_marks); a line that
    # merely holds such a mark inside a sentence stays.
    body = [_STORY, _para(Text("###")), _para(Text("– 30 –")), _para(Text("# # #")),
            _para(Text("Call 555-30-12 for the agenda."))]
    assert _texts(tidy_blocks(body, None)) == [_texts([_STORY])[0],
                                               "Call 555-30-12 for the agenda."]
    monkeypatch.setattr(tidy, "END_MARKS", False)
    assert "###" in _texts(tidy_blocks(body, None))


def test_a_heading_labelled_title_repeats_the_headline(monkeypatch):
    # "Title:Sparse Routing Under Shift" (an archive's field label glued to the headline)
    # is the title again (rule labelled_headline); a heading with a longer lead is kept.
    title = "Sparse Routing Under Shift"
    body = [Heading(1, (Text("Title:"), Text(title))), _STORY,
            Heading(2, (Text("Why we study it: " + title),)),
            Heading(5, (Text("Today: " + title),))]
    kept = _texts(tidy_blocks(body, title))
    assert "Title:" + title not in kept and "Why we study it: " + title in kept
    assert "Today: " + title in kept  # (a lower heading in the story is the writer's)
    monkeypatch.setattr(tidy, "LABELLED_HEADLINE", False)
    assert "Title:" + title in _texts(tidy_blocks(body, title))


_POST = ("<p>The first paragraph of the post runs long enough to count as body text, with "
         "several clauses, and more words about the services we split and merged.</p>")


def _medium_page() -> bytes:
    # synthetic, in the style of a blogging platform's post: the sections are <h1>s
    return ("<html><head><title>Why I Stopped Using Microservices | by Dana Kirk</title>"
            "<meta property='og:title' content='Why I Stopped Using Microservices'></head>"
            "<body><article><h1 class='pw-post-title'>Why I Stopped Using Microservices</h1>"
            + _POST * 3 + "<h1>The hidden cost</h1>" + _POST * 3 + "<h2>A smaller point</h2>"
            + _POST * 2 + "<ul><li><h1>In a list</h1><p>An item.</p></li></ul>"
            + "</article></body></html>").encode()


def test_body_headings_sit_under_the_title(monkeypatch):
    from convert.extract.html import parse_html
    from convert.html import leaf_blocks
    art = parse_html(_medium_page())
    assert art.meta.title == "Why I Stopped Using Microservices"
    levels = {inline_text(b.children): b.level for b in leaf_blocks(art.blocks)
              if isinstance(b, Heading)}
    assert levels["The hidden cost"] == 2 and levels["A smaller point"] == 3
    monkeypatch.setattr(tidy, "HEADINGS_UNDER_TITLE", False)
    art = parse_html(_medium_page())
    assert any(isinstance(b, Heading) and b.level == 1 for b in art.blocks)


def test_a_body_without_level_one_headings_keeps_its_levels():
    blocks = [Heading(2, (Text("Section"),)), _STORY, Heading(3, (Text("Sub"),))]
    assert tidy.headings_under_title(blocks) is blocks
    from convert.article import List, ListItem
    item = ListItem(blocks=(Heading(1, (Text("Item"),)),))
    out = tidy.headings_under_title([List(items=(item,)), _STORY])
    assert out[0].items[0].blocks[0].level == 2 and item.blocks[0].level == 1
