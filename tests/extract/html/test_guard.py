"""Tests of :mod:`convert.extract.html.guard`'s fast paths: each finds what the plain scan
finds (the guards themselves are tested on hostile pages in test_robustness.py)."""

from __future__ import annotations

import random

from convert.extract.html.guard import _GRID, _LONG_TAG, _long_tag_starts, cap_attributes


def _scan(html: str) -> list[int]:
    """The starts of every long tag, by the regex over the whole page."""
    return [m.start() for m in _LONG_TAG.finditer(html)]


def _found(html: str) -> list[int]:
    return [s for s in _long_tag_starts(html) if _LONG_TAG.match(html, s)]


def test_long_tags_found_at_every_offset_against_the_grid():
    long_value = "x" * 4100
    for offset in range(0, 2 * _GRID + 8, 97):
        html = ("<p>" + "a" * offset + f'<img data-x="{long_value}" src=a.png>'
                + "<p>tail</p>" * 300)
        assert _found(html) == _scan(html) == [3 + offset]


def test_free_stretches_that_are_no_tag_are_skipped():
    # Long text, a long script and a tag one character too short: no long tag.
    html = ("<p>" + "word " * 3000 + "</p><script>" + "var a=1;" * 2000 + "</script>"
            + '<div title="' + "y" * 4082 + '">' + "<br>" * 2000)
    assert _scan(html) == [] and _found(html) == []
    assert cap_attributes(html) is html


def test_same_long_tags_as_the_scan_on_random_pages():
    rnd = random.Random(14)
    pieces = ["<p>", "</p>", "text ", "<a href=x>", "</a>", "<div>", "</div>",
              '<img src="' + "s" * 3000 + '">', '<i ' + "k " * 2100 + '>', "z" * 2500]
    for _ in range(200):
        html = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40)))
        assert _found(html) == _scan(html)


def test_many_attributes_are_cut_wherever_the_tag_sits():
    many = "<div " + " ".join(f"a{i}=1" for i in range(2000)) + ">x</div>"
    for pad in (0, 1000, 2047, 2048, 5000):
        html = "<p>" + "b" * pad + "</p>" + many + "<p>after</p>" * 400
        capped = cap_attributes(html, limit=10)
        assert "a9=1>" in capped and "a10=1" not in capped and capped.endswith("<p>after</p>")
