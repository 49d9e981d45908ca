"""convert.extract.lazyre: patterns compiled on first use, then plain ``re`` speed."""

from __future__ import annotations

import pickle
import re

import pytest

from convert.extract import lazyre
from convert.extract.lazyre import LazyPattern, compiled, lazy


def test_not_compiled_until_used():
    before = dict(re._cache)  # noqa: SLF001 - the point is what re compiled
    p = lazy(r"\bneedle-x7\b", re.IGNORECASE)
    assert p._compiled is None and "not compiled yet" in repr(p)
    assert (str, r"\bneedle-x7\b", int(re.IGNORECASE)) not in before
    assert p.search("a NEEDLE-X7 here").group() == "NEEDLE-X7"
    assert p._compiled is not None and "(compiled)" in repr(p)


def test_behaves_like_the_compiled_pattern():
    text = "2023-07-27 and 1999-01-02"
    for flags in (0, re.MULTILINE):
        real = re.compile(r"(\d{4})-(\d{2})-(\d{2})", flags)
        mine = lazy(r"(\d{4})-(\d{2})-(\d{2})", flags)
        assert mine.findall(text) == real.findall(text)
        assert mine.sub(r"\3.\2.\1", text) == real.sub(r"\3.\2.\1", text)
        assert [m.span() for m in mine.finditer(text)] == [m.span() for m in real.finditer(text)]
        assert mine.match(text).groups() == real.match(text).groups()
        assert mine.fullmatch("2023-07-27") is not None
        assert mine.split(text) == real.split(text)
        assert (mine.groups, mine.groupindex, mine.flags) == (real.groups, real.groupindex,
                                                              real.flags)
        assert mine.pattern == real.pattern


def test_methods_are_the_compiled_patterns_own_after_first_use():
    p = lazy(r"ab+")
    p.search("abb")
    assert p.__dict__["search"] == compiled(p).search  # a bound method of the real pattern
    assert type(compiled(p)) is re.Pattern


def test_compiled_accepts_both_kinds():
    real = re.compile("x")
    assert compiled(real) is real
    assert compiled(lazy("x")) == real  # an equal pattern (from convert.regexcache)


def test_syntax_error_at_first_use():
    p = lazy(r"(unclosed")
    with pytest.raises(re.error):
        p.search("x")
    lazyre.made.remove(p)  # not one of the package's patterns


def test_pickles_as_the_pattern_source():
    p = lazy(r"\d+", re.ASCII)
    q = pickle.loads(pickle.dumps(p))
    assert isinstance(q, LazyPattern) and q.findall("a1b22") == ["1", "22"]


def test_every_lazy_pattern_of_the_package_compiles():
    """A typo in a lazy pattern still fails the test suite, not only the page that uses it."""
    import convert.extract.html  # noqa: F401 - import the modules that declare patterns
    import convert.extract.text  # noqa: F401

    for p in list(lazyre.made):
        p.compiled()


def test_no_getattr_hook_once_compiled():
    # A class with __getattr__ pays a generic lookup on every attribute access; a compiled
    # lazy pattern sheds it, and still has every public attribute of the real pattern.
    p = lazy(r"(?P<w>\w+)-(\d)")
    assert isinstance(p, LazyPattern) and hasattr(type(p), "__getattr__")
    assert p.groups == 2  # first use: compiles
    assert type(p) is LazyPattern and not hasattr(LazyPattern, "__getattr__")
    real = compiled(p)
    for name in dir(real):
        if not name.startswith("_"):
            assert getattr(p, name) == getattr(real, name), name
    assert p.scanner("ab-1").match().group() == "ab-1"
    assert isinstance(pickle.loads(pickle.dumps(p)), LazyPattern)
