"""convert.extract.dates: days as pages write them (forms added for issue #13, part 8)."""

from __future__ import annotations

import pytest

from convert.extract import dates
from convert.extract.dates import iso_date, text_date


@pytest.mark.parametrize("raw, expected", [
    ("2023年1月7日", "2023-01-07"),            # Chinese, Japanese
    ("发布时间：2016年10月14日 08:01", "2016-10-14"),
    ("2023년 1월 7일", "2023-01-07"),          # Korean
])
def test_year_month_day_marked_in_cjk(raw, expected):
    assert text_date(raw) == expected
    assert iso_date(raw) == expected


def test_cjk_year_and_month_alone_name_no_day():
    assert text_date("2024年12月") is None


@pytest.mark.parametrize("raw, expected", [
    # the dateline of readability's tmz-1 test page (a tune page)
    ("2/26/2015 7:11 AM PST BY TMZ STAFF", "2015-02-26"),
    ("Posted 03/25/2025", "2025-03-25"),
    ("25/03/2025", "2025-03-25"),
])
def test_numeric_slash_date_whose_day_is_over_12(raw, expected):
    assert text_date(raw) == expected


@pytest.mark.parametrize("raw", ["03/04/2025", "1/2/2023", "v1.03/25/2025", "12/13/14/2025"])
def test_ambiguous_or_embedded_numeric_slash_date_is_no_date(raw):
    assert text_date(raw) is None


def test_numeric_slash_rule_can_be_switched_off(monkeypatch):
    monkeypatch.setattr(dates, "UNAMBIGUOUS_SLASH_DAY", False)
    assert text_date("2/26/2015 7:11 AM PST") is None


def test_numeric_slash_day_is_read_only_when_the_caller_asks():
    # (the dateline walk of convert.extract.html.meta.dateline asks only for labelled texts)
    assert text_date("Sale ends 03/31/2026", numeric_slash=False) is None
    assert text_date("March 31, 2026 or 03/30/2026", numeric_slash=False) == "2026-03-31"


@pytest.mark.parametrize("raw", [
    "5 de março de 2024", "5 maart 2024", "5 marca 2024", "5. března 2024", "5 марта 2024 г.",
    "5 березня 2024", "5 Mart 2024", "5. mars 2024",
])
def test_month_names_of_more_languages(raw):
    # (rule more_month_names) synthetic datelines as Portuguese, Dutch, Polish, Czech, Russian,
    # Ukrainian, Turkish and Norwegian news sites print them.
    assert text_date(raw) == "2024-03-05"


def test_more_month_names_off(monkeypatch):
    import subprocess
    import sys
    code = ("from convert.extract.dates import text_date; "
            "print(text_date('5 марта 2024'), text_date('5 March 2024'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "DECRUFT_ABLATE": "more_month_names"})
    assert out.stdout.split() == ["None", "2024-03-05"]


def test_a_date_time_without_a_zone_gets_no_offset(monkeypatch):
    # (rule no_invented_zone) synthetic values as CMSs write them in <meta> and JSON-LD.
    assert iso_date("05 Mar 2024 10:32") == "2024-03-05T10:32:00"
    assert iso_date("March 5, 2024, 10:32 a.m. ET") == "2024-03-05T10:32:00"
    assert iso_date("Tue, 05 Mar 2024 10:32:00 GMT") == "2024-03-05T10:32:00+00:00"
    assert iso_date("Tue, 05 Mar 2024 10:32:00 -0500") == "2024-03-05T10:32:00-05:00"
    monkeypatch.setattr(dates, "NO_INVENTED_ZONE", False)
    assert iso_date("05 Mar 2024 10:32") == "2024-03-05T10:32:00+00:00"
