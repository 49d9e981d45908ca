"""convert.extract.html.inlines: white space as the builder collapses it."""

from __future__ import annotations

import random

from convert.extract.html.inlines import WS, spaced


def test_spaced_collapses_as_the_white_space_pattern_does():
    # Every run of white space but a lone plain space becomes one space; a zero-width space
    # between letters stays (Thai, Khmer word breaks), one inside a run goes with it.
    assert spaced("a  b\n\tc d") == "a b c d"
    assert spaced("a\u200bb \u200b c") == "a\u200bb c"
    rnd = random.Random(14)
    alphabet = " \t\n\r\x0b\x0cab\u200b"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert spaced(text) == WS.sub(" ", text), repr(text)
