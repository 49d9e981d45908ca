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


def _texts_of(fmt: str, data: bytes) -> str:
    """The human-visible text of an output, whatever the format."""
    import io
    import re
    import zipfile
    from html import unescape

    if fmt == "docx":
        import docx

        document = docx.Document(io.BytesIO(data))
        return "\n".join(p.text for p in document.paragraphs)
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            pages = [zf.read(n).decode("utf-8") for n in sorted(zf.namelist())
                     if n.endswith(".xhtml") and "nav" not in n]
        return unescape(re.sub(r"<[^>]+>", "", "\n".join(pages)))
    if fmt == "json":
        from convert import jsonio

        doc = jsonio.loads(data)
        return doc.meta.title + "\n" + article_text(doc)
    if fmt == "md":
        from markdown_it import MarkdownIt

        return unescape(re.sub(r"<[^>]+>", "", MarkdownIt("commonmark").render(data.decode())))
    return data.decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "docx", "epub", "json", "txt"])
def test_seed_in_every_format_through_the_cli(fmt):
    """`decruft convert SEED -t FMT`: the title (except in txt, which is the body only) and
    every gold paragraph are in the output, and no furniture is."""
    from cliutil import run_cli

    out = run_cli("convert", str(DUMP), "-t", fmt)
    assert out.returncode == 0, out.stderr
    text = _texts_of(fmt, out.stdout)
    if fmt != "txt":
        assert GOLD["title"] in text
    for paragraph in GOLD["body_paragraphs"]:
        assert paragraph in text, (fmt, paragraph[:50])
    for noise in GOLD["must_not_contain"]:
        assert noise not in text, (fmt, noise)
