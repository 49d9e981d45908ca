"""convert_plugins._md_inline: where inline Markdown syntax may stand."""

from __future__ import annotations

import itertools
import re

from convert_plugins._md_inline import edges

#: What edges() stands for; quadratic on long runs of spaces inside an element.
_EDGES = re.compile(r"((?:\s|\\\n|<br>)*)(.*?)((?:\s|\\\n|<br>)*)\Z", re.S)


def test_edges_splits_as_the_edge_pattern_would():
    # every short mix of the pieces an edge can be made of, and some that look like them
    pieces = ("a", " ", "\n", "\\", "<br>", "<b", "\u00a0")
    for n in range(6):
        for parts in itertools.product(pieces, repeat=n):
            text = "".join(parts)
            assert edges(text) == _EDGES.match(text).groups(), repr(text)


def test_edges_of_an_element_with_a_long_run_of_spaces():
    # (inline code keeps its spaces: a run of 10^5 inside emphasis once took minutes to write)
    text = " x" + " " * 100_000 + "y\\\n"
    assert edges(text) == (" ", "x" + " " * 100_000 + "y", "\\\n")
