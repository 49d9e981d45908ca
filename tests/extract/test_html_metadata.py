"""HTML extractor metadata: each source (JSON-LD, OpenGraph, microdata, visible text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.extract.html import parse_html
from convert.extract.dates import iso_date
from convert.extract.metadata import clean_authors

FIXTURES = Path(__file__).parents[1] / "fixtures" / "html"


def _meta(name: str, **kwargs):
    path = FIXTURES / name
    return parse_html(path.read_bytes(), location=str(path), **kwargs).meta


def test_json_ld_graph():
    meta = _meta("meta_jsonld.html")
    assert meta.title == "Stadtrat beschließt neuen Radweg & mehr Parkplätze"
    assert meta.authors == ("Maria Schmidt", "Jonas Weber")
    assert meta.published == "2024-03-05T09:30:00+01:00"
    assert meta.modified == "2024-03-06T12:00:00+01:00"
    assert meta.section == "Lokales"
    assert meta.tags == ("Verkehr", "Stadtrat")
    assert meta.site_name == "Lokalzeitung Nord"
    assert meta.language == "de-DE"
    assert meta.url == "https://zeitung.example/lokales/radweg-beschlossen"
    assert meta.description == "Der Radweg entlang der Hauptstraße kommt 2025."
    assert meta.lead_image is not None
    assert meta.lead_image.image.src == "https://zeitung.example/img/radweg.jpg"
    assert meta.source.kind == "html" and meta.source.encoding == "utf-8"


def test_opengraph_and_article_tags():
    meta = _meta("meta_opengraph.html", base_url="https://cosmos.example/olbers")
    assert meta.title == "Why the Night Sky Is Dark"  # not "... | Cosmos Weekly"
    assert meta.site_name == "Cosmos Weekly"
    assert meta.authors == ("Priya Natarajan",)  # no "By"
    assert meta.published == "2023-07-27T06:09:00+03:00"
    assert meta.modified == "2023-07-28"
    assert meta.language == "en-GB"
    assert meta.section == "Astronomy"
    assert meta.tags == ("paradox", "cosmology")
    assert meta.lead_image.image.src == "https://cosmos.example/images/night-sky.jpg"


def test_microdata_and_time_element():
    meta = _meta("meta_microdata.html")
    assert meta.title == "Recette : la vraie tarte Tatin"
    assert meta.authors == ("Claire Dubois",)
    assert meta.published == "2022-11-02"
    assert meta.language == "fr"
    assert meta.tags == ("dessert", "pommes", "tarte")
    assert meta.description == "La tarte Tatin, pas à pas."


def test_visible_byline_dateline_and_title_suffix():
    meta = _meta("meta_visible.html")
    assert meta.title == "Notes from the field"
    assert meta.authors == ("Tom Baker",)
    assert meta.published == "2021-03-03"


def test_date_from_url_when_nothing_else():
    html = "<html><body><article><p>" + "Words of a dated article, with commas. " * 5 + "</p></article></body></html>"
    meta = parse_html(html, location="https://news.example/2019/04/07/story.html").meta
    assert meta.published == "2019-04-07"
    assert meta.source.location == "https://news.example/2019/04/07/story.html"


@pytest.mark.parametrize("raw, expected", [
    ("2023-07-27", "2023-07-27"),
    ("2023-07-27T06:09:00Z", "2023-07-27T06:09:00+00:00"),
    ("2023-07-27T06:09:00.123+0300", "2023-07-27T06:09:00+03:00"),
    ("2023-07-27 06:09", "2023-07-27T06:09:00"),
    ("Thu, 27 Jul 2023 06:09:00 +0200", "2023-07-27T06:09:00+02:00"),
    ("July 27, 2023", "2023-07-27"),
    ("27. Juli 2023", "2023-07-27"),
    ("27.07.2023", "2023-07-27"),
    ("not a date", None),
    ("1850-01-01", None),
])
def test_iso_date(raw, expected):
    assert iso_date(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    (["By Jane Doe and John Smith"], ["Jane Doe", "John Smith"]),
    (["Jane Doe | March 3, 2021"], ["Jane Doe"]),
    (["https://example.com/author/jane"], []),
    (["Von Max Mustermann, Erika Musterfrau"], ["Max Mustermann", "Erika Musterfrau"]),
    (["Mac & i"], ["Mac & i"]),
    (["JANE DOE", "Jane Doe"], ["Jane Doe"]),
])
def test_clean_authors(raw, expected):
    assert clean_authors(raw) == expected
