"""Text dumps: markup written out as text stays text (and no writer makes it live), and short
complete sentences next to the article's run are the article's."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

import convert
from convert.textutil import article_text

LONG1 = ("Cross-site scripting is one of the oldest classes of web vulnerability, and it still "
         "appears in audits of modern applications every year because templates forget to "
         "escape user input before writing it into a page.")
LONG2 = ("If the page echoes that text without escaping it, every visitor's browser runs the "
         "script with the privileges of the site, which lets the attacker act on behalf of the "
         "user.")
LONG3 = ("The fix in every case is the same: escape on output, and allow only known-safe URL "
         "schemes in links, rejecting everything else before it reaches the browser.")
LITERALS = ["<script>alert('x')</script>",
            "[click here](javascript:alert(document.cookie))",
            "<!-- a comment -->",
            '<a href="javascript:alert(1)">Share</a>']


def _xss_dump() -> bytes:
    shown = "\n\n".join(f"The attacker may submit this:\n\n{s}" for s in LITERALS)
    return f"How cross-site scripting works\n\n{LONG1}\n\n{shown}\n\n{LONG2}\n\n{LONG3}\n".encode()


@pytest.fixture(scope="module")
def xss():
    return convert.parse(_xss_dump(), kind="text")


@pytest.mark.parametrize("literal", LITERALS)
def test_markup_shown_as_text_in_a_dump_is_kept(xss, literal):
    assert literal in article_text(xss)


def test_markup_shown_in_a_dump_stays_inert_in_every_writer(xss):
    md = convert.render(xss, "md").decode()
    # (kept as code: nothing in it is a tag or a link to a Markdown reader)
    for s in LITERALS:
        assert s in md
        before = md[:md.index(s)]
        assert before.count("```") % 2 == 1, s
    assert "](javascript:" not in md.replace("[click here](javascript:", "")
    data = json.loads(convert.render(xss, "json"))
    assert "javascript:" not in json.dumps([b for b in data.get("links", [])])
    assert "<script>alert('x')</script>" in json.dumps(data, ensure_ascii=False)
    for fmt in ("docx", "epub"):
        with zipfile.ZipFile(io.BytesIO(convert.render(xss, fmt))) as z:
            xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist()
                          if n.endswith((".xml", ".xhtml", ".html")))
        assert "&lt;script&gt;alert(" in xml, fmt
        assert not re.search(r"<script\b|<a\b[^>]*javascript:|<w:hyperlink\b", xml, re.I), fmt


PARA_A = ("The river that runs through the old town rose by almost two metres overnight, and "
          "the council closed the lower bridge before dawn while crews moved sandbags.")
PARA_B = ("Residents of the streets nearest the water were asked to move their cars to higher "
          "ground, and most had done so by the time the first shops opened in the morning.")
PARA_C = ("Forecasters expect the level to fall slowly over the next two days, although another "
          "band of rain is due on Thursday and could push it up again in the evening.")


def test_a_short_two_sentence_paragraph_opening_the_run_is_kept():
    dump = f"The river rises\n\nX paragraph one. Still paragraph one.\n\n{PARA_A}\n\n{PARA_B}\n"
    text = article_text(convert.parse(dump.encode(), kind="text"))
    assert "X paragraph one. Still paragraph one." in text


def test_a_short_closing_sentence_after_the_article_is_kept_and_furniture_is_not():
    dump = (f"Menu\nLogin\n\nThe river rises\n\n{PARA_A}\n\nNobody was hurt. It was close.\n\n"
            f"{PARA_B}\n\n{PARA_C}\n\nThat may change soon.\n\nShare this article\nFacebook\n"
            "Twitter\nCopyright 2024 Example News\n")
    text = article_text(convert.parse(dump.encode(), kind="text"))
    assert "Nobody was hurt. It was close." in text
    assert "That may change soon." in text
    for furniture in ("Share this article", "Facebook", "Copyright 2024", "Menu"):
        assert furniture not in text
