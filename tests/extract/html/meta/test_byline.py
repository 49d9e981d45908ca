"""convert.extract.html.meta.byline: raw author strings cleaned into names (rules added for
issue #13, part 8)."""

from __future__ import annotations

from convert.extract.html.meta.byline import clean_authors


def test_a_desks_staff_byline_is_kept_like_a_team():
    assert clean_authors(["EcoCult Staff"]) == ["EcoCult Staff"]
    assert clean_authors(["By The Daily Ledger Staff"]) == ["The Daily Ledger Staff"]


def test_staff_as_a_job_word_is_still_no_name():
    assert clean_authors(["staff"]) == []
    assert clean_authors(["Staff Writer"]) == []
