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
