"""convert.regexcache: compiled patterns kept across runs, equal to what ``re`` compiles."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

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
    """Every pattern of the package: the extractor's lazy ones (each module imported) and
    the compiled ones module globals hold (in convert and the built-in plugins)."""
    import importlib
    import pkgutil

    import convert
    import convert_plugins
    from convert.extract.ablation import RULES  # imports every pipeline and profile

    assert RULES
    patterns = [(p.pattern, int(p.flags_given)) for p in lazyre.made]
    for package in (convert, convert_plugins):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.endswith(".__main__"):  # (that one runs the CLI)
                continue
            try:
                module = importlib.import_module(info.name)
            except ImportError:  # an optional dependency absent
                continue
            patterns += [(v.pattern, v.flags) for v in vars(module).values()
                         if isinstance(v, re.Pattern)]
    return list(dict.fromkeys(patterns))


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


def test_the_cli_writes_the_cache_once_and_reads_it_after(tmp_path):
    """End to end, as bytecode is kept: the first one-page run writes the file (under
    PYTHONPYCACHEPREFIX here, so the checkout is left alone), the next reads it and writes
    nothing, with the same output; PYTHONDONTWRITEBYTECODE writes none."""
    page = Path(__file__).resolve().parents[1] / "examples" / "field-notes.html"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    prefix = tmp_path / "pycache"
    env["PYTHONPYCACHEPREFIX"] = str(prefix)

    def run() -> bytes:
        proc = subprocess.run([sys.executable, "-m", "convert", "convert", str(page), "-t",
                               "txt"], capture_output=True, env=env, timeout=120)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    first = run()
    [cache_file] = prefix.rglob("regexcache.*.regex")
    written = cache_file.stat().st_mtime_ns
    assert run() == first
    assert cache_file.stat().st_mtime_ns == written  # nothing new: not rewritten
    assert not list(prefix.rglob("*.tmp"))

    cache_file.unlink()
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    assert run() == first
    assert not cache_file.exists()
