"""Tidying the built body (:mod:`convert.extract.html.tidy`): lines that are the page's, not
the article's. Synthetic blocks."""

from __future__ import annotations

from convert.article import Link, Paragraph, Strong, Text
from convert.extract.html import tidy as tidy_module
from convert.extract.html.tidy import tidy_blocks
from convert.textutil import inline_text

_PROSE = Paragraph((Text("The council met on Tuesday to discuss the river budget and the "
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
    out = _texts(tidy_blocks([_PROSE, *_TEASERS, *_KEPT], "Title"))
    assert out == _texts([_PROSE, *_KEPT])


def test_read_also_label_link_off_keeps_them(monkeypatch):
    monkeypatch.setattr(tidy_module, "READ_ALSO_LABEL_LINK", False)
    out = _texts(tidy_blocks([_PROSE, *_TEASERS], "Title"))
    assert out == _texts([_PROSE, *_TEASERS])
