"""convert.regexcache: compiled patterns kept across runs, equal to what ``re`` compiles."""

from __future__ import annotations

import marshal
import re

import pytest

from convert import regexcache
from convert.extract import lazyre


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """The cache pointed at a file of its own, empty, with bytecode writing allowed; returns
    a function that forgets what this process read or compiled (a new run)."""
    path = tmp_path / "__pycache__" / "regexcache.test.regex"
    monkeypatch.setattr(regexcache, "cache_path", lambda: path)
    monkeypatch.setattr(regexcache.sys, "dont_write_bytecode", False)

    def new_run() -> None:
        monkeypatch.setattr(regexcache, "_entries", None)
        monkeypatch.setattr(regexcache, "_used", set())
        monkeypatch.setattr(regexcache, "_dirty", False)

    new_run()
    new_run.path = path
    return new_run


def _package_patterns() -> list[tuple[object, int]]:
    """Every lazy pattern of the extractor (each module imported) and the module-level
    patterns compiled through the cache so far."""
    from convert.extract.ablation import RULES  # imports every pipeline and profile

    assert RULES
    import convert_plugins.markdown  # noqa: F401  (its patterns too)
    return [(p.pattern, int(p.flags_given)) for p in lazyre.made]


def test_every_pattern_of_the_package_compiles_to_what_re_compiles(cache):
    patterns = _package_patterns()
    assert len(patterns) > 100
    fresh = [regexcache.compile(p, f) for p, f in patterns]
    regexcache.save()
    assert cache.path.is_file()

    cache()  # the next run reads them back
    cached = [regexcache.compile(p, f) for p, f in patterns]
    assert not regexcache._dirty  # every one came from the file, none was compiled
    for (pattern, flags), a, b in zip(patterns, fresh, cached):
        # Pattern equality compares the pattern, the flags and the compiled code
        assert a == b == re.compile(pattern, flags), pattern
        assert (b.groups, b.groupindex) == (a.groups, a.groupindex)


def test_a_cached_pattern_matches_like_the_compiled_one(cache):
    pattern, flags = r"(?P<day>\d{1,2})\.\s?(?P<month>m[aä]rz|mai)\b", re.IGNORECASE
    regexcache.compile(pattern, flags)
    regexcache.save()
    cache()
    rx = regexcache.compile(pattern, flags)
    assert not regexcache._dirty
    m = rx.search("am 7. MÄRZ 2024")
    assert m.group("day", "month") == ("7", "MÄRZ")
    assert rx.groupindex == {"day": 1, "month": 2}


def test_nothing_new_nothing_written(cache):
    regexcache.save()
    assert not cache.path.exists()


def test_not_written_when_bytecode_is_not(cache, monkeypatch):
    monkeypatch.setattr(regexcache.sys, "dont_write_bytecode", True)
    regexcache.compile(r"x+y")
    regexcache.save()
    assert not cache.path.exists()


@pytest.mark.parametrize("content", [b"", b"not marshal at all \x00\xff",
                                     marshal.dumps(("another python", {("a", 0): (0,)})),
                                     marshal.dumps([1, 2, 3])])
def test_a_damaged_or_foreign_file_is_ignored(cache, content):
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(content)
    rx = regexcache.compile(r"\bfoo\b", re.I)
    assert rx == re.compile(r"\bfoo\b", re.I) and regexcache._dirty
    regexcache.save()  # and replaced by a good one
    cache()
    assert regexcache.compile(r"\bfoo\b", re.I) == rx and not regexcache._dirty


def test_a_bad_entry_is_compiled_afresh(cache):
    cache.path.parent.mkdir(parents=True)
    bad = {("ab", 0): (32, [1, 2, 3], 0, {}, (None,))}  # code the engine refuses
    cache.path.write_bytes(marshal.dumps((regexcache._STAMP, bad)))
    assert regexcache.compile("ab").match("ab")


def test_a_read_only_place_is_only_slower(cache, tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setattr(regexcache, "cache_path", lambda: blocked / "x.regex")
    regexcache.compile(r"q+")
    regexcache.save()  # does not raise
    assert not list(tmp_path.glob("**/*.tmp"))


def test_syntax_errors_are_re_errors(cache):
    with pytest.raises(re.error):
        regexcache.compile(r"(unclosed")


def test_locale_patterns_are_not_cached(cache):
    rx = regexcache.compile(rb"\w+", re.LOCALE)
    assert rx == re.compile(rb"\w+", re.LOCALE) and not regexcache._dirty


def test_an_overgrown_file_keeps_only_this_runs_patterns(cache, monkeypatch):
    monkeypatch.setattr(regexcache, "MAX_ENTRIES", 3)
    for n in range(5):
        regexcache.compile(f"a{{{n}}}")
    regexcache.save()
    cache()
    regexcache.compile("b+")
    regexcache.save()
    stamp, entries = marshal.loads(cache.path.read_bytes())
    assert stamp == regexcache._STAMP and set(entries) == {("b+", 0)}
