"""convert.extract.bylines: the "By …" wording each pipeline reads, one pattern per question."""

from __future__ import annotations

import pytest

from convert.extract.bylines import (BY_PREFIX, BYLINE_LABEL, BYLINE_START, BYLINE_TEXT,
                                     DUMP_BYLINE)
from convert.extract.html.meta import clean_authors


@pytest.mark.parametrize("raw, expected", [
    ("By Jane Doe", "Jane Doe"),
    ("Geschrieben von Max Muster", "Max Muster"),
    ("Reporting by Ana Ruiz", "Ana Ruiz"),
    ("Autorin: Eva Klein", "Eva Klein"),
    ("By - Jane Doe", "Jane Doe"),
    ("بقلم أحمد علي", "أحمد علي"),     # Arabic "bi-qalam" (by the pen of)
    ("作者：张三", "张三"),              # full-width colon, no space after it
    ("Автор: Иван Петров", "Иван Петров"),
    ("Contributors: Ann Lee", "Ann Lee"),
    ("Contributors to Wikimedia projects", "Contributors to Wikimedia projects"),
])
def test_prefix_is_stripped_from_author_strings(raw, expected):
    assert BY_PREFIX.sub("", raw) == expected
    assert clean_authors([raw]) == [expected]


def test_a_hyphenated_name_is_not_a_byline_word():
    assert BY_PREFIX.sub("", "De-Luca") == "De-Luca"
    assert BY_PREFIX.match("Von-Trapp") is None


def test_visible_line_captures_the_name_but_not_a_sentence():
    assert BYLINE_TEXT.match("Written by Jane Doe").group(1) == "Jane Doe"
    assert BYLINE_TEXT.match("Authors: Jane Doe and Ann Lee").group(1) == "Jane Doe and Ann Lee"
    # "Text" opens a byline only where the string is already known to name the author.
    assert BYLINE_TEXT.match("Text messages are the new letters") is None
    assert BY_PREFIX.match("Text: Jane Doe")


def test_label_is_a_whole_string():
    assert BYLINE_LABEL.match("Écrit par")
    assert BYLINE_LABEL.match("Written by Jane") is None


def test_body_start_needs_a_word_after_by():
    assert BYLINE_START.match("By Jane Doe · 18 April 2024")
    assert BYLINE_START.match("Bylines are hard") is None
    assert BYLINE_START.match("Story by Jane Doe") is None  # (the body test is the narrow one)


def test_dump_line_knows_cjk_and_job_words_but_not_dates():
    assert DUMP_BYLINE.match("记者 张三").group("names") == "张三"
    assert DUMP_BYLINE.match("Reporter: Jane Doe").group("names") == "Jane Doe"
    assert DUMP_BYLINE.match("By 2024 the plan was done") is None
    assert DUMP_BYLINE.match("作者：张三").group("names") == "张三"
    assert DUMP_BYLINE.match("Bylines are hard") is None


def test_byline_start_knows_the_byline_words_of_other_scripts():
    # (rule script_byline_start: the Arabic, Russian and CJK words the dumps already know)
    assert BYLINE_START.match("بقلم: سارة الخطيب")
    assert BYLINE_START.match("Автор: Иван Петров")
    assert BYLINE_START.match("作者：王伟")
    assert BYLINE_START.match("بقلمه الجميل كتب القصة") is None  # a word, not the label


def test_an_arabic_byline_line_leaves_the_body_as_an_english_one_does():
    import convert
    from convert.textutil import article_text
    prose = ("تشهد المنطقة العربية طفرة في مشاريع الطاقة الشمسية، إذ تجاوزت القدرة المركبة "
             "أكثر من خمسة عشر غيغاواط، ويتوقع الخبراء أن تتضاعف هذه القدرة قريباً. ")
    page = ("<html lang='ar' dir='rtl'><head><title>الطاقة الشمسية</title></head><body><main>"
            "<article><h1>الطاقة الشمسية</h1><p class='author'>بقلم: سارة الخطيب</p>"
            f"<p>{prose * 3}</p><p>{prose * 2}</p></article></main></body></html>").encode()
    article = convert.parse(page, kind="html")
    assert list(article.meta.authors) == ["سارة الخطيب"]
    assert "بقلم" not in article_text(article)
