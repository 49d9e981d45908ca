"""Undeclared legacy bytes: the code page whose decoding reads as words wins, even when short."""

from __future__ import annotations

import pytest

import convert
from convert.extract.alphabets import reading_score
from convert.extract.decode import decode
from convert.textutil import article_text

# Short texts in the single-byte code pages of Western, Central and Eastern Europe: too short
# for letter statistics (the cp1252 line came out as "crčme brűlée" with them alone).
SHORT = [
    ("cp1252", "the café served “crème brûlée” for €5"),
    ("cp1252", "Größere Straße, schöne Grüße aus München."),
    ("cp1252", "He said “hello” and left."),
    ("cp1252", "naïve"),
    ("cp1252", "€5"),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy."),
    ("cp1250", "Zażółć gęślą jaźń"),
    ("cp1250", "Árvíztűrő tükörfúrógép"),
    ("cp1251", "Съешь же ещё этих мягких французских булок."),
    ("cp1251", "Привет"),
    ("cp1253", "Καλημέρα κόσμε"),
    ("cp1254", "Pijamalı hasta yağız şoföre çabucak güvendi."),
    ("cp1257", "Įlinkdama fechtuotojo špaga sublykčiojusi pragręžė apvalų arbūzą."),
    ("cp1257", "Rūķīši ēda ķiršus, ģimene gāja."),
    ("mac_roman", "the café served “crème brûlée” for 5 €"),
    ("mac_roman", "café"),
]


@pytest.mark.parametrize("codec, text", SHORT)
def test_short_legacy_text_dump(codec, text):
    decoded, _ = decode(text.encode(codec))
    assert decoded == text


@pytest.mark.parametrize("codec, text", SHORT)
def test_short_legacy_html_without_meta_charset(codec, text):
    page = f"<html><head><title>T</title></head><body><p>{text}</p></body></html>"
    decoded, _ = decode(page.encode(codec), markup=True)
    assert text in decoded


def test_issue_sample_end_to_end():
    text = "the café served “crème brûlée” for €5"
    dump = f"A dessert\n\n{text}. It was good and everyone said so at length.\n"
    assert text in article_text(convert.parse(dump.encode("cp1252"), kind="text"))
    page = f"<html><body><article><p>{text}, and everyone said so at length.</p></article>" \
           "</body></html>"
    assert text in article_text(convert.parse(page.encode("cp1252"), kind="html"))


@pytest.mark.parametrize("codec, text", [
    ("cp932", "日本語のテキストです。"),
    ("gb18030", "你好世界，这是中文。"),
    ("cp949", "안녕하세요 세계"),
    ("koi8_r", "Съешь же ещё этих мягких французских булок"),
    ("cp1256", "مرحبا بالعالم"),
])
def test_other_short_legacy_texts_still_decode(codec, text):
    assert decode(text.encode(codec))[0] == text


def test_one_stray_byte_in_a_short_text_is_legacy_not_broken_utf8():
    assert decode("Façade".encode("cp1252")) == ("Façade", "cp1252")


def test_reading_score_prefers_words_of_one_language():
    assert reading_score("crème brûlée") > reading_score("crčme brűlée")
    assert reading_score("café") > reading_score("cafŽ")  # case break inside a word
    assert reading_score("café") > reading_score("cafй")  # script change inside a word


@pytest.mark.parametrize("label", ["utf-7", "UTF-7", "unicode_escape", "raw-unicode-escape",
                                   "punycode", "idna"])
def test_codecs_that_are_no_page_charset_are_not_honoured(label):
    # Found by tests.bench.fuzz (charset-lie): a page declaring UTF-7 was decoded as UTF-7,
    # whose base64 runs ("+2D3fFA-") decode to lone surrogates, and the page failed whole
    # (UnicodeEncodeError). WHATWG forbids UTF-7: "+ADw-b+AD4-" must stay text, not a tag.
    body = ("<p>The council met on Tuesday +ADw-b+AD4-bold+ADw-/b+AD4- and +2D3fFA- agreed "
            "to publish its report on the new budget for the river bridge.</p>")
    data = (f"<html><head><meta charset='{label}'><title>Budget</title></head><body><article>"
            f"<h1>Budget</h1>{body * 3}</article></body></html>").encode("ascii")
    text, encoding = decode(data, markup=True)
    assert encoding == "utf-8" and "+ADw-b+AD4-" in text
    article = convert.parse(data, kind="html")
    assert "+ADw-b+AD4-bold" in article_text(article)
