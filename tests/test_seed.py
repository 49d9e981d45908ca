"""The seed page: a whole-page text dump must come out exactly as its hand-written gold says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.article import Figure, Text
from convert.extract.text import parse_text
from convert.textutil import article_text

SEED = Path(__file__).parent / "fixtures" / "seed"
DUMP = SEED / "000_0f92cef1d68b0b3b.txt"
GOLD = json.loads((SEED / "000_0f92cef1d68b0b3b.expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article():
    return parse_text(DUMP.read_bytes(), location=str(DUMP))


def test_seed_title_standfirst_date_section(article):
    meta = article.meta
    assert meta.title == GOLD["title"]
    assert meta.subtitle == GOLD["standfirst"]
    assert meta.published == GOLD["published"]
    assert meta.section == GOLD["section"]


def test_seed_lead_image_caption_and_credit(article):
    assert article.meta.lead_image == Figure(
        image=None,
        caption=(Text(GOLD["lead_image"]["caption"]),),
        credit=(Text(GOLD["lead_image"]["credit"]),))


def test_seed_body_paragraphs_exactly_in_order(article):
    paragraphs = [b.children[0].text for b in article.blocks]
    assert all(b.type == "paragraph" for b in article.blocks)
    assert paragraphs == GOLD["body_paragraphs"]


def test_seed_body_has_no_furniture(article):
    body = article_text(article)
    leaked = [s for s in GOLD["must_not_contain"] if s in body]
    assert leaked == []


def test_seed_site_name_language_and_source(article):
    assert article.meta.site_name == GOLD["site_name"]
    assert article.meta.language == GOLD["language"]
    assert article.meta.source.kind == "text"
    assert article.meta.source.encoding == "utf-8"
    assert article.meta.source.location == str(DUMP)


def test_example_copy_is_the_seed():
    example = Path(__file__).resolve().parents[1] / "examples" / "seed-rt-article.txt"
    assert example.read_bytes() == DUMP.read_bytes()
