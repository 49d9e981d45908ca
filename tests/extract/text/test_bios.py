"""The author's name over a bio that opens with it, below the article
(:mod:`convert.extract.text.bios`, ``text-tail-name-bio``)."""

from __future__ import annotations

from convert.extract.text import bios, parse_text
from convert.textutil import article_text

from .test_pipeline import PARA, PARA2, PARA3

#: The shape of the author's box below wcxb-dev-extra tune pages 0306 and 4170: the name on a
#: line of its own, then the bio (the golds leave both out).
NAME = "Lauren Vetter"
BIO = ("Lauren Vetter is a growth-focused marketing professional specializing in healthcare "
       "technology and business software.")
PRESS = ("Georgetown University Medical Center (GUMC) is an internationally recognized academic "
         "medical center with a three-part mission of research, teaching and patient care.")


PARA4 = ("The architect who drew the old building in the sixties came to the meeting as well, and "
         "she told the members that she would be glad to see it grow at last.")


def _dump(tail: str) -> str:
    return f"Library plans\n\n{PARA}\n\n{PARA2}\n\n{PARA3}\n\n{PARA4}\n\n{tail}\n"


def test_a_name_over_its_bio_below_the_article_is_dropped(monkeypatch):
    dump = _dump(f"{NAME}\n\n{BIO}")
    text = article_text(parse_text(dump))
    assert PARA3 in text and NAME not in text
    monkeypatch.setattr(bios, "TAIL_NAME_BIO", False)
    off = article_text(parse_text(dump))
    assert BIO in off


def test_a_possessive_bio_is_a_bio():
    bio = ("Isabella Tabacchi\u2019s lens captures the essence of nature in all its majesty, from "
           "the Dolomites to the fjords of Norway.")
    text = article_text(parse_text(_dump(f"Isabella Tabacchi\n\n{bio}")))
    assert "lens captures" not in text


def test_a_press_release_boilerplate_stays():
    # (an institution's name of four words: the golds keep a press release's boilerplate; the
    # shape of wcxb-dev-extra tune page 4557)
    text = article_text(parse_text(_dump(f"Georgetown University Medical Center\n\n{PRESS}")))
    assert PRESS in text


def test_a_heading_over_a_paragraph_on_its_subject_stays():
    para = ("Web standards are important, and the browsers that follow them make the work of "
            "every designer easier and every page faster.")
    text = article_text(parse_text(_dump(f"Web Standards\n\n{para}")))
    assert para in text
