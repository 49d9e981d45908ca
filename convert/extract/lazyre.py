"""Regular expressions compiled on first use instead of at import.

The extractor's modules compile ~150 patterns when they are imported, some of them large
alternations of words in many languages; a one-page ``decruft convert`` pays for all of them,
also for those the page never reaches (text-dump patterns for an HTML page, date formats the
page does not use). ``lazy(pattern, flags)`` is a drop-in for ``re.compile(pattern, flags)``
at module level: the pattern is compiled when a method or attribute other than ``pattern``
is first used, and from then on every method is the compiled pattern's own
bound method (no wrapper call per match)::

    _DATE = lazy(r"\\b\\d{4}-\\d{2}-\\d{2}\\b")      # costs nothing at import
    _DATE.search(text)                           # compiles once, then plain re speed

Differences from a compiled pattern: ``isinstance(p, re.Pattern)`` is false (use
:func:`compiled` to get the real one, e.g. to hand it to code that checks), and a syntax error
is raised at first use, not at import (``tests/extract/test_lazyre.py`` compiles every lazy
pattern of the package, so a typo still fails the test suite).
"""

from __future__ import annotations

import re
from typing import Any

from ..regexcache import compile as _compile

__all__ = ["lazy", "compiled", "LazyPattern"]

#: Every lazy pattern made, so a test can compile them all.
made: list[LazyPattern] = []


class LazyPattern:
    """A ``re.Pattern`` compiled on first use; see the module docstring.

    An instance not compiled yet is of the subclass :class:`_NotCompiled`, whose
    ``__getattr__`` compiles it; compiling puts the compiled pattern's methods and attributes
    in the instance dict and turns the instance into a plain ``LazyPattern``. A class with a
    ``__getattr__`` is looked up through a slow generic hook on *every* attribute access, so
    it must not stay on a pattern that a page searches thousands of times."""

    def __new__(cls, pattern: str | bytes, flags: int | re.RegexFlag = 0) -> LazyPattern:
        return object.__new__(_NotCompiled if cls is LazyPattern else cls)

    def __init__(self, pattern: str | bytes, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self.flags_given = flags
        self._compiled: re.Pattern[Any] | None = None
        made.append(self)

    def compiled(self) -> re.Pattern[Any]:
        """The compiled pattern (compiling it now if it was not yet)."""
        rx = self._compiled
        if rx is None:
            rx = self._compiled = _compile(self.pattern, self.flags_given)
            attrs = self.__dict__
            for name in _PATTERN_ATTRS:
                attrs[name] = getattr(rx, name)  # bound methods: no wrapper per call
            self.__class__ = LazyPattern
        return rx

    @property
    def flags(self) -> int:
        """The compiled pattern's flags (as ``re.Pattern.flags``: with ``re.UNICODE`` added
        for str patterns and inline flags folded in)."""
        return self.compiled().flags

    def __repr__(self) -> str:
        state = "compiled" if self._compiled is not None else "not compiled yet"
        return f"lazy({self.pattern!r}, {int(self.flags_given)}) ({state})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy, (self.pattern, self.flags_given))


#: The public attributes of ``re.Pattern`` a compiled lazy pattern holds as its own (but those
#: the class defines itself).
_PATTERN_ATTRS = tuple(name for name in dir(re.Pattern)
                       if not name.startswith("_") and name not in ("pattern", "flags"))


class _NotCompiled(LazyPattern):
    """A lazy pattern before its first use."""

    def __getattr__(self, name: str) -> Any:
        # Only called for names not found otherwise: the first use of the pattern.
        if name.startswith("__"):
            raise AttributeError(name)
        self.compiled()
        return getattr(self, name)


def lazy(pattern: str | bytes, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, deferred until the pattern is first used."""
    return LazyPattern(pattern, flags)


def compiled(pattern: LazyPattern | re.Pattern[Any]) -> re.Pattern[Any]:
    """The real ``re.Pattern`` of a lazy or an already compiled pattern."""
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern
