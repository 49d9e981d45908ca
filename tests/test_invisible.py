"""Invisible characters in page text: controls never reach an output, zero-width space is
never widened into a visible space (Thai, Khmer, Lao and Burmese separate words with it)."""

from __future__ import annotations

import json

import pytest

import convert

_CONTROLS = "\x01\x7f\x80\x85\x9f\ufeff"


def _html(text: str) -> bytes:
    return (f"<html><body><article><p>{text}</p></article></body></html>").encode("utf-8")


def _dump(text: str) -> bytes:
    return f"A title line\n\n{text}\n".encode("utf-8")


SENTENCE = "The council met on Monday{c} and voted to keep the library open all year round."


@pytest.mark.parametrize("kind, make", [("html", _html), ("text", _dump)])
@pytest.mark.parametrize("fmt", ["md", "json", "txt"])
def test_controls_never_reach_the_output(kind, make, fmt):
    article = convert.parse(make(SENTENCE.format(c=_CONTROLS)), kind=kind)
    out = convert.render(article, fmt).decode("utf-8")
    if fmt == "json":
        out = json.dumps(json.loads(out), ensure_ascii=False)
    assert "Monday and voted" in out
    for ch in _CONTROLS:
        assert ch not in out, repr(ch)


@pytest.mark.parametrize("kind, make", [("html", _html), ("text", _dump)])
def test_zero_width_space_is_kept_not_widened(kind, make):
    thai = "ภาษาไทย\u200bเขียน\u200bติดกัน\u200bไม่มี\u200bช่องว่าง\u200bระหว่าง\u200bคำ " * 3
    article = convert.parse(make(thai + SENTENCE.format(c="")), kind=kind)
    text = convert.render(article, "txt").decode("utf-8")
    assert "ภาษาไทย\u200bเขียน\u200bติดกัน" in text
    assert "ภาษาไทย เขียน" not in text


def test_zero_width_space_beside_a_space_goes_with_it():
    article = convert.parse(_html("One \u200b two\u200b three \u200bfour, " + SENTENCE.format(c="")),
                            kind="html")
    text = convert.render(article, "txt").decode("utf-8")
    assert text.startswith("One two three four,")


def test_a_paragraph_of_only_zero_width_spaces_is_empty():
    page = ("<html><body><article><p>\u200b\u200b</p><p>" + SENTENCE.format(c="") +
            "</p></article></body></html>").encode("utf-8")
    article = convert.parse(page, kind="html")
    assert "\u200b" not in convert.render(article, "txt").decode("utf-8")
