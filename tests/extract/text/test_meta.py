"""convert.extract.text.meta: the metadata lines of a text dump (bylines here)."""

from __future__ import annotations

import pytest

from convert.extract.text import meta, parse_text
from convert.extract.text.meta import authors_from_byline
from convert.textutil import article_text


def test_byline_names_start_with_a_capital_or_a_caseless_letter():
    assert authors_from_byline("By Jane Doe and John Roe") == ("Jane Doe", "John Roe")
    assert authors_from_byline("作者：张三") == ("张三",)
    assert authors_from_byline("بقلم أحمد علي") == ("أحمد علي",)
    # The names end at the next label (an editor, a photographer).
    assert authors_from_byline("作者： 记者王敬照 \t 编辑： 王华军") == ("王敬照",)
    # Lower case after "by" is a sentence, not a name.
    assert authors_from_byline("by the river bank") == ()


def test_a_cjk_byline_line_of_a_dump_goes_to_the_metadata():
    prose = ("政府は本日、新たな経済対策を閣議決定した。物価高に対応するため、低所得世帯への"
             "給付金の支給や、電気・ガス料金の補助を延長することが柱となる。")
    prose2 = ("一方、野党からは財政規律の観点から批判の声も上がっており、国会での審議が注目"
              "される。専門家の間でも効果を疑問視する意見がある。")
    dump = f"新たな経済対策を決定\n\n作者：张三\n\n{prose}\n\n{prose2}\n"
    art = parse_text(dump)
    assert art.meta.authors == ("张三",)
    assert "作者" not in article_text(art) and prose2 in article_text(art)


@pytest.mark.parametrize("line, names", [
    ("By Sarah Jones, James Patel and Ruth Wilson", ("Sarah Jones", "James Patel", "Ruth Wilson")),
    ("Von Anna Muster, Max Meier und Eva Roth", ("Anna Muster", "Max Meier", "Eva Roth")),
    ("By Jane Doe, Reuters", ("Jane Doe",)),
    ("By Jane Doe, Senior Editor and Columnist", ("Jane Doe",)),
])
def test_a_byline_listing_names_keeps_every_name(line, names):
    assert authors_from_byline(line) == names


def test_without_the_rule_a_list_of_names_keeps_the_first(monkeypatch):
    monkeypatch.setattr(meta, "BYLINE_NAME_LIST", False)
    assert authors_from_byline("By Sarah Jones, James Patel and Ruth Wilson") == ("Sarah Jones",)


def test_a_note_in_brackets_after_the_name_is_not_part_of_it(monkeypatch):
    line = "Par Claire Dubois (Munich, envoyée spéciale)"
    assert authors_from_byline(line) == ("Claire Dubois",)
    monkeypatch.setattr(meta, "BYLINE_BRACKET_NOTE", False)
    assert authors_from_byline(line) != ("Claire Dubois",)


@pytest.mark.parametrize("line", [
    "Published: Mar 4, 2024 · Modified: Sep 12, 2024 by Megan Hart",
    "Publié le 3 juin 2024 à 10h12, modifié le 3 juin 2024 à 18h45",
])
def test_a_dateline_with_the_day_of_its_change_is_a_dateline(line, monkeypatch):
    from convert.extract.text.meta import is_date_line
    assert is_date_line(line, len(line.split()))
    monkeypatch.setattr(meta, "DATELINE_TWO_DATES", False)
    assert not is_date_line(line, len(line.split()))


def test_a_sentence_with_two_dates_or_a_byline_with_dates_is_no_dateline():
    from convert.extract.text.meta import is_date_line
    line = "The meeting on March 4, 2024 was moved to March 12, 2024 because of the storm"
    assert not is_date_line(line, len(line.split()))
    line = "By Al Jones Published: November 7, 2012 2:25 pm Updated: November 8, 2012"
    assert not is_date_line(line, len(line.split()))
    assert authors_from_byline(line)
