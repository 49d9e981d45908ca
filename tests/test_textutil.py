"""convert.textutil: squash, whose fast path answers as str.split() does."""

import random

from convert.textutil import squash


def test_squash_agrees_with_split():
    # One-line texts take the fast path (no list of words built); any other whitespace (tab,
    # newline, no-break space, line separator), doubled or edge spaces take the split.
    texts = ["", " ", "a", "one two three", " lead", "trail ", "two  spaces", "tab\there",
             "line\nbreak", "no\u00a0break", "sep\u2028line", "été à Paris"]
    for text in texts:
        assert squash(text) == " ".join(text.split()), text
    rng = random.Random(14)
    for _ in range(5000):
        text = "".join(rng.choice("ab  \t\n\u00a0\u2028é") for _ in range(rng.randint(0, 9)))
        assert squash(text) == " ".join(text.split()), repr(text)


def test_squash_returns_a_squashed_text_itself():
    text = "Already one line, one space apart."
    assert squash(text) is text


def test_text_direction_is_the_majority_of_strong_letters():
    from convert.textutil import has_rtl, text_direction

    assert text_direction("Hello world") == "ltr"
    assert text_direction("שלום עולם") == "rtl"
    # An Arabic sentence that opens with a Latin name is still Arabic (Unicode's first-strong
    # rule would say ltr); an English one quoting a Hebrew word is still English.
    assert text_direction("Benban Solar Park هي واحدة من أكبر محطات الطاقة الشمسية") == "rtl"
    assert text_direction("The word ספר means book") == "ltr"
    # Digits, punctuation and emoji are neutral: no direction of their own.
    assert text_direction("1,650 — 2023 👩🏽‍💻 ...") is None
    assert text_direction("") is None
    assert has_rtl("abc ש") and has_rtl("ﻻ") and not has_rtl("abc 123 é Ω я")


def test_language_direction_from_script_then_language():
    from convert.textutil import language_direction

    assert language_direction("ar") == "rtl"
    assert language_direction("he-IL") == "rtl"
    assert language_direction("fa_IR") == "rtl"
    assert language_direction("en") == "ltr"
    assert language_direction("az-Arab") == "rtl"  # the script subtag wins
    assert language_direction("ug-Latn") == "ltr"
    assert language_direction("") is None and language_direction(None) is None


def test_script_form_only_when_every_character_has_one():
    from convert.textutil import script_form

    assert script_form("2", "superscript") == "²"
    assert script_form("2\u2212", "superscript") == "²⁻"
    assert script_form("(10)", "subscript") == "₍₁₀₎"
    assert script_form(" 3 ", "subscript") == " ₃ "
    assert script_form("n+1", "superscript") is None
    assert script_form("st", "superscript") is None
    assert script_form("[1]", "superscript") is None
    assert script_form("", "superscript") is None
