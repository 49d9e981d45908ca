"""Measures remembered while the cascade reads one tree: convert.extract.html.measure."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.extract.html import measure
from convert.extract.html.dom import parse
from convert.extract.html.measure import link_density, measuring, text_len

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "field-notes.html"


@pytest.fixture()
def tree():
    return parse(EXAMPLE.read_bytes())


def test_remembered_measures_equal_fresh_ones(tree):
    nodes = tree.body.css("*")
    fresh = [(text_len(n), link_density(n)) for n in nodes]
    with measuring(tree.body):
        first = [(text_len(n), link_density(n)) for n in nodes]
        again = [(text_len(n), link_density(n)) for n in reversed(nodes)][::-1]
    assert first == again == fresh


def test_measures_are_forgotten_after_the_block(tree):
    para = tree.body.css_first("p")
    with measuring(tree.body):
        whole, part = text_len(tree.body), text_len(para)
        assert measure._MEASURES.get().lengths
    assert measure._MEASURES.get() is None
    para.decompose()
    assert part and text_len(tree.body) == whole - part


def test_measures_are_forgotten_when_the_block_fails(tree):
    with pytest.raises(RuntimeError):
        with measuring(tree.body):
            text_len(tree.body)
            raise RuntimeError
    assert measure._MEASURES.get() is None


def test_commas_counts_what_the_comma_pattern_matches(tree):
    from convert.extract.html import patterns as P
    from convert.extract.html.measure import commas

    texts = [n.text(deep=True) for n in tree.body.css("p, li")]
    texts += ["一、二，三", "واحد، اثنان", "a,,b , c", ""]
    assert [commas(t) for t in texts] == [len(P.COMMA.findall(t)) for t in texts]


def test_measures_are_per_thread(tree):
    # (parses may run in threads: one's remembered lengths must not answer for another's)
    from concurrent.futures import ThreadPoolExecutor

    with measuring(tree.body):
        text_len(tree.body)
        with ThreadPoolExecutor(1) as pool:
            assert pool.submit(measure._MEASURES.get).result() is None


def test_visible_chars_and_text_len_of_count_like_the_whitespace_split(tree):
    # visible_chars leaves out spaces, line breaks, tabs and carriage returns, whichever of
    # them a text holds; text_len_of gives text_len from a text already read, and remembers it.
    from convert.extract.html.measure import text_len_of, visible_chars

    for text in ["", "a b", "a\nb\tc\rd", "x\u00a0y z", "l'été, à Paris\n", "  \n\t "]:
        assert visible_chars(text) == len(text) - sum(text.count(c) for c in " \n\t\r")
    nodes = tree.body.css("*")
    with measuring(tree.body):
        given = [text_len_of(n, n.text(deep=True)) for n in nodes]
        assert [text_len(n) for n in nodes] == given
    assert given == [text_len(n) for n in nodes]


def test_cleaning_counts_parts_in_one_walk(tree):
    # One selector walk gives what a walk per tag gave (the element itself included).
    from convert.extract.html.cleaning import _parts

    page = parse("<div><p>a</p><form><li>x</li></form><ul><li>1<li>2</ul><img src=a.png>"
                 "<p><img src=b.png></p></div>")
    for node in [*page.body.css("*"), *tree.body.css("*")]:
        p, img, forms = _parts(node)
        assert (p, img) == (len(node.css("p")), len(node.css("img")))
        assert [f.mem_id for f in forms] == [f.mem_id for f in node.css("form")]


def test_summed_lengths_equal_whole_reads(tree):
    # A parent measured after its children adds up their remembered lengths; the sum is
    # what reading its whole text gives (children first, then the other way round).
    nodes = tree.body.css("*")
    fresh = [text_len(n) for n in nodes]
    with measuring(tree.body):
        upward = [measure.summed_len(n) for n in reversed(nodes)][::-1]
    with measuring(tree.body):
        downward = [measure.summed_len(n) for n in nodes]
    assert upward == downward == fresh
