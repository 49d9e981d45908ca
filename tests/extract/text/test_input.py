"""The text-dump parser's input handling: line ends, encodings, empty and menu-only input,
and pathological lines that must stay fast (a guard against regex blow-ups, not a timing test:
the bound is ten CPU seconds)."""

from __future__ import annotations

import pytest

from convert.errors import InputError
from convert.extract.text import parse_text
from convert.textutil import article_text

PARA = ("The council met on Tuesday evening to discuss the new library, and most of the members "
        "agreed that the old building was too small for the number of visitors it now has.")
PARA2 = ("After a long debate they voted to ask an architect for a plan, which will be shown to "
         "the public in the spring so that everyone can say what they think of it.")
PARA3 = ("The mayor said that the money for the work would come from the budget for next year "
         "and that no other project would have to wait because of it.")


def paragraphs(article) -> list[str]:
    return article_text(article).split("\n\n")


def test_crlf_and_form_feeds_are_normalised():
    dump = f"{PARA}\r\n\r\n{PARA2}\r\f{PARA3}\r\n"
    paras = paragraphs(parse_text(dump))
    assert paras == [PARA, PARA2, PARA3]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_bytes_in_several_encodings(encoding):
    text = f"Café owners say “enough”\n\n{PARA} Café prices rose.\n\n{PARA2}\n"
    art = parse_text(text.encode(encoding))
    assert "Café prices rose." in article_text(art)
    assert art.meta.source.encoding is not None


def test_cp1251_russian_dump():
    text = ("Главная\nНовости\n\nВ городе открылась новая библиотека, и в первый же день её "
            "посетили больше тысячи человек, которые пришли вместе с детьми.\n\n"
            "По словам директора, в библиотеке есть читальный зал, кафе и комната для занятий, "
            "а вечером там будут проходить встречи с писателями.\n")
    art = parse_text(text.encode("cp1251"))
    assert art.meta.language == "ru"
    assert article_text(art).startswith("В городе открылась")
    assert "Главная" not in article_text(art)


@pytest.mark.parametrize("dump", [b"", b"   \n\n\t  \n", "\ufeff".encode("utf-8")])
def test_empty_input_is_an_input_error(dump):
    with pytest.raises(InputError, match="empty"):
        parse_text(dump)


def test_only_menus_is_an_input_error():
    menu = "Home\nNews\nSport\nWeather\nContact us\nLogin\n© 2024 Example\nAccept cookies\n"
    with pytest.raises(InputError, match="nothing article-like"):
        parse_text(menu)


def test_str_input_has_no_encoding():
    art = parse_text(f"{PARA}\n\n{PARA2}\n")
    assert art.meta.source.encoding is None and art.meta.source.kind == "text"


def test_a_five_megabyte_single_line_finishes_quickly():
    import time

    line = ("word " * 9 + "and, ") * 100_000  # 5 MB, no newline, no sentence end
    t0 = time.process_time()
    art = parse_text(line.encode())
    assert time.process_time() - t0 < 10
    assert len(article_text(art)) > 1_000_000


def test_pathological_punctuation_line_is_fast():
    import time

    line = "<" * 2_000_000 + "\n" + "© " * 500_000 + "\n" + PARA + "\n\n" + PARA2
    t0 = time.process_time()
    art = parse_text(line)
    assert time.process_time() - t0 < 10
    assert PARA in article_text(art)
