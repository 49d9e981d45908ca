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
