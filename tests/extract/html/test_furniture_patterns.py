"""The furniture rules' line patterns (:mod:`convert.extract.html.furniture_patterns`) on the
lines their comments name, and on prose that merely resembles them."""

from __future__ import annotations

import pytest

from convert.extract.html import furniture_patterns as F


@pytest.mark.parametrize("pattern, line", [
    (F.GALLERY_COUNTER, "Image 2 of 5"), (F.GALLERY_COUNTER, "Slide 3 of 12"),
    (F.CREDIT_LINE, "Photo: Jane Doe"), (F.CREDIT_LINE, "(Copyright: Getty Images)"),
    (F.CREDIT_LINE, "KIMIHIRO HOSHINO/AFP/Getty Images"),
    (F.POST_NAV_LINE, "« Older post | Main | Newer post »"),
    (F.POST_NAV_LINE, "← Previous: The library opens"),
    (F.RIGHTS_LINE, "© 1999-2012 Site, Inc. All Rights Reserved. Terms of Use"),
    (F.PROMO_LINE, "Follow us on Twitter"), (F.PROMO_LINE, "Twitter: @decruft"),
    # (dragnet tune pages T116, T41)
    (F.PROMO_LINE, "Did you enjoy this article?"), (F.PROMO_LINE, "Do you like this post?"),
    (F.TAXONOMY_LINE, "Tags: politics, budget, city hall"),
    (F.LOGIN_PROMPT, "You must be logged in to post a comment."),
    (F.POST_FOOTER_LINE, "This entry was posted in News. Bookmark the permalink."),
])
def test_each_pattern_matches_the_line_it_names(pattern, line):
    assert pattern.search(line)


@pytest.mark.parametrize("pattern, line", [
    (F.GALLERY_COUNTER, "Two of the five images were taken in 2012."),
    (F.CREDIT_LINE, "The photographer said the picture was taken at dawn."),
    # (French quotes open with «: a guillemet alone is no post navigation)
    (F.POST_NAV_LINE, "« Bonjour », dit-il en entrant dans la salle."),
    (F.TAXONOMY_LINE, "Tags are a way to sort the posts of a blog by their subjects."),
    (F.PROMO_LINE, "Did you enjoy this article about the harbour, he asked the mayor?"),
])
def test_prose_that_resembles_a_line_is_no_match(pattern, line):
    assert not pattern.search(line)


def test_every_promo_line_holds_one_of_its_hints():
    # (the cheap substring test that runs before PROMO_LINE must never reject a promo line)
    for line in ("Follow us on Twitter", "Twitter: @decruft", "Sign up for our newsletter",
                 "Write to Jane Doe at jane@example.com", "Did you enjoy this article?"):
        assert F.PROMO_LINE.search(line)
        assert any(hint in line.casefold() for hint in F.PROMO_HINTS)


@pytest.mark.parametrize("line", [
    "© 1999-2012 Site, Inc. All Rights Reserved. Terms of Use", "ALL RIGHTS RESERVED",
    "All rights reſerved.", "© 2020 Verlag. Alle Rechte vorbehalten.",
    "Tous droits réservés", "Todos los derechos reservados", "Tutti i diritti riservati",
])
def test_every_rights_line_passes_its_cheap_test(line):
    # (may_be_rights runs before RIGHTS_LINE: it must never reject a line the pattern
    # matches, long s included, which IGNORECASE reads as "s")
    assert F.RIGHTS_LINE.search(line)
    assert F.may_be_rights(line)


def test_lines_without_the_rights_words_fail_the_cheap_test():
    assert not F.may_be_rights("The rights of the tenants were discussed at length.")


@pytest.mark.parametrize("line", [
    "« Older post | Main | Newer post »", "← Previous: The library opens",
    "Main | Next post »", "Next: The library opens →", "‹ newer story",
])
def test_every_post_nav_line_holds_a_bar_guillemet_or_arrow(line):
    assert F.POST_NAV_LINE.search(line)
    assert F.may_be_post_nav(line)
    assert not F.may_be_post_nav(line.translate({ord(c): " " for c in "|«»‹›←→"}))


@pytest.mark.parametrize("line", [
    "Follow us on Twitter", "Follow " + "Jane " * 5 + "on Twitter " + "x" * 300,
    "Sign up for our newsletter " + "and read on " * 40, "The council met on Tuesday " * 12, "",
])
def test_promo_test_is_the_pattern_behind_its_hints_scanned_alone_or_for_a_run(line):
    # (_is_promo scans for its hints itself, or takes the verdict its caller found for a run
    # of lines at once with hints.holding: the same answer either way)
    from convert.extract.html.furniture import _is_promo
    from convert.extract.html.hints import holding
    expected = bool(line) and len(line) <= F.PROMO_MAX_WORDS * 12 and any(
        hint in line.casefold() for hint in F.PROMO_HINTS) and len(
        line.split()) <= F.PROMO_MAX_WORDS and bool(F.PROMO_LINE.search(line))
    assert _is_promo(line) == expected
    assert _is_promo(line, holding(["x", line, "y"], F.PROMO_HINTS)[1]) == expected


def test_an_ascii_line_without_a_bar_is_no_post_nav():
    assert not F.may_be_post_nav("Older post - Main - Newer post")
    assert F.may_be_post_nav("Older post | Main")


def _dateline_page(line: str) -> bytes:
    para = ("<p>La Protezione civile ha diramato l'allerta rossa per piogge diffuse e temporali "
            "su tutto il centro della regione, compresa Genova, fino alla mezzanotte.</p>")
    return ("<html lang='it'><head><title>Maltempo in Liguria</title><meta property="
            "'article:published_time' content='2026-10-21T08:10:00+02:00'></head><body><main>"
            f"<article><h1>Maltempo in Liguria</h1><div class='data'>{line}</div>{para * 4}"
            "</article></main></body></html>").encode()


_LOCAL_DATELINES = ["21 ottobre 2026, ore 08:10", "Publié le 21/10/2026 à 08h10",
                    "Veröffentlicht am Mittwoch, 21.10.2026", "Publicado el 21 de octubre de 2026"]


def _body(line: str) -> str:
    import convert
    return convert.render(convert.parse(_dateline_page(line), kind="html"), "txt").decode()


def test_a_dateline_in_another_language_leaves_the_body():
    # Its words ("ore", "Publié le … à", "Veröffentlicht am", "Publicado el") are filler as
    # "Published on … at" is (rule local_dateline_words); a place before the day is not.
    for line in _LOCAL_DATELINES:
        assert line not in _body(line), line
    assert "Genova, 21 ottobre 2026" in _body("Genova, 21 ottobre 2026, ore 08:10")


def test_local_dateline_words_off_keeps_them(monkeypatch):
    monkeypatch.setattr(F, "LOCAL_DATELINE_WORDS", False)
    assert "21 ottobre 2026, ore 08:10" in _body("21 ottobre 2026, ore 08:10")


def test_a_reading_time_beside_the_day_is_header_furniture(monkeypatch):
    # (rule reading_time_words) synthetic header lines of a blogging platform and a German
    # magazine: the reading time and the day the metadata holds.
    from convert.article import Paragraph, Text
    from convert.extract.html.furniture import tidy_furniture
    from convert.textutil import block_texts
    prose = Paragraph((Text("The first paragraph of the post runs long enough to count as the "
                            "body, with several clauses and more words about services."),))
    for line in ("7 min read · Apr 11, 2023", "5 Min. Lesezeit · 11. April 2023"):
        blocks = [Paragraph((Text(line),)), prose, prose]
        out = tidy_furniture(blocks, authors=(), days=("2023-04-11", None))
        assert line not in list(block_texts(out))
    monkeypatch.setattr(F, "READING_TIME_WORDS", False)
    blocks = [Paragraph((Text("7 min read · Apr 11, 2023"),)), prose, prose]
    out = tidy_furniture(blocks, authors=(), days=("2023-04-11", None))
    assert "7 min read · Apr 11, 2023" in list(block_texts(out))
