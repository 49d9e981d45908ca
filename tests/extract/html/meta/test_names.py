"""convert.extract.html.meta.names: raw author strings cleaned into names (rules added for
issue #13, part 8)."""

from __future__ import annotations

from convert.extract.html.meta.names import clean_authors


def test_a_desks_staff_byline_is_kept_like_a_team():
    assert clean_authors(["EcoCult Staff"]) == ["EcoCult Staff"]
    assert clean_authors(["By The Daily Ledger Staff"]) == ["The Daily Ledger Staff"]


def test_staff_as_a_job_word_is_still_no_name():
    assert clean_authors(["staff"]) == []
    assert clean_authors(["Staff Writer"]) == []


def test_a_credit_of_another_role_alone_names_no_author():
    assert clean_authors(["Medically reviewed by Dr. John Roe"]) == []
    assert clean_authors(["Edited by Betsy Beyer"]) == []


def test_a_handle_in_brackets_after_the_name_is_dropped():
    # dragnet-R410 (a tune page)
    assert clean_authors(["Alyson Campbell (@acampfashion)"]) == ["Alyson Campbell"]


def test_a_link_naming_a_profile_page_is_no_name():
    # dragnet-458 (a tune page): a sidebar's <a rel="author">Google profile</a>
    assert clean_authors(["Google profile"]) == []
    assert clean_authors(["Jane Doe"]) == ["Jane Doe"]


def test_a_desk_written_with_the_is_kept():
    # dragnet-R566 (a tune page): <meta name="author" content="the CNN Wire Staff">
    assert clean_authors(["the CNN Wire Staff"]) == ["the CNN Wire Staff"]


def test_a_columnists_job_title_is_no_author():
    # dragnet-T74 (a tune page): "Bill McKenzie / Editorial Columnist"
    assert clean_authors(["Bill McKenzie / Editorial Columnist"]) == ["Bill McKenzie"]


def test_and_agencies_after_the_writer_is_no_author(monkeypatch):
    # (rule agencies_credit) synthetic, in the style of a British paper's wire-based story.
    assert clean_authors(["Anna Berg and agencies"]) == ["Anna Berg"]
    assert clean_authors(["Anna Berg, Tom Weller and news agencies"]) == ["Anna Berg",
                                                                        "Tom Weller"]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "AGENCIES_CREDIT", False)
    assert clean_authors(["Anna Berg and agencies"]) == ["Anna Berg", "agencies"]


def test_a_name_ends_where_a_date_after_it_begins(monkeypatch):
    # (rule name_before_date) synthetic, a byline block "By Anna Berg<br>March 5, 2024 10:32
    # am" read as one text.
    assert clean_authors(["By Anna Berg March 5, 2024 10:32 am"]) == ["Anna Berg"]
    assert clean_authors(["Anna Berg 5 mars 2024"]) == ["Anna Berg"]
    # a date before the name is the dateline's, as before
    assert clean_authors(["March 5, 2024 · Anna Berg"]) == ["Anna Berg"]
    # a section's label over its date is no name; " at <time>" is cut by its own rule
    assert clean_authors(["Personal finance January 27, 2025"]) == []
    assert clean_authors(["Lifestyle March 12, 2025"]) == []
    assert clean_authors(["David at December 16, 2025 11:15 AM"]) == ["David"]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "NAME_BEFORE_DATE", False)
    assert clean_authors(["By Anna Berg March 5, 2024 10:32 am"]) == []


def test_a_serial_comma_lists_three_names(monkeypatch):
    # (rule oxford_comma) synthetic, a US paper's byline.
    assert clean_authors(["By Anna Berg, Tom Weller, and Ruth Ode"]) == [
        "Anna Berg", "Tom Weller", "Ruth Ode"]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "OXFORD_COMMA", False)
    assert clean_authors(["By Anna Berg, Tom Weller, and Ruth Ode"]) == []


def test_and_in_other_languages_joins_two_full_names(monkeypatch):
    # (rule other_and) synthetic Italian, Dutch, Swedish bylines; a Portuguese compound
    # surname stays one name.
    assert clean_authors(["Di Anna Berg e Tom Weller"]) == ["Anna Berg", "Tom Weller"]
    assert clean_authors(["Door Anna Berg en Tom Weller"]) == ["Anna Berg", "Tom Weller"]
    assert clean_authors(["Av Anna Berg och Tom Weller"]) == ["Anna Berg", "Tom Weller"]
    assert clean_authors(["Artur da Costa e Silva"]) == ["Artur da Costa e Silva"]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "OTHER_AND", False)
    assert clean_authors(["Di Anna Berg e Tom Weller"]) == ["Anna Berg e Tom Weller"]


def test_a_bracketed_note_after_a_name_is_dropped(monkeypatch):
    # (rule paren_tail) synthetic; a lower-case handle in brackets is kept (the writer's own).
    assert clean_authors(["By Anna Berg (Reuters)"]) == ["Anna Berg"]
    assert "stevenhgm" in clean_authors(["Steven Lin (stevenhgm)"])[0]
    from convert.extract.html.meta import names
    monkeypatch.setattr(names, "PAREN_TAIL", False)
    assert "Reuters" in clean_authors(["By Anna Berg (Reuters)"])[0]
