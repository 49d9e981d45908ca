"""Compiled regular expressions kept across runs, as ``.pyc`` files keep compiled modules.

A one-page ``decruft convert`` spent about 30 % of its instructions compiling the extractor's
~120 patterns (200 M of 700 M under callgrind): ``re``'s parser and compiler are pure Python,
and the long case-insensitive alternations of words in many languages cost the most. What
they produce is a list of ints that ``re`` hands to its C engine, ``_sre.compile``. This
module keeps those lists in one file per interpreter build and, the next time, hands them to
the engine directly (about 5 % of the cost)::

    from convert.regexcache import compile
    WORD = compile(r"\\bword\\b", re.I)     # a real re.Pattern, equal to re.compile's

Why it is safe to use the engine's private entry point:

- the file is keyed by everything the compiled form depends on (the exact Python build,
  ``_sre.MAGIC``, the code word size, the Unicode range); another build reads none of it;
- an entry is keyed by the exact pattern and flags, so a changed pattern is a miss;
- ``_sre.compile`` validates the code it is given; and anything unexpected (no file, a
  truncated or foreign file, a missing private name in a future Python) falls back to
  ``re.compile``, silently: the cache only ever saves time;
- the tests compare every pattern of the package compiled both ways (``re.Pattern`` equality
  compares the pattern, the flags and the compiled code).

Where: next to the package's bytecode, at ``importlib.util.cache_from_source`` of this module
with the suffix ``.regex`` (``convert/__pycache__/regexcache.<tag>.regex``, or under
``sys.pycache_prefix``). It is written as bytecode is: not when ``PYTHONDONTWRITEBYTECODE``
(``sys.dont_write_bytecode``) is set, silently not when the folder is read-only, and atomically
(a temporary file renamed over the old one), so parallel workers never read half a file.
:func:`save` writes it; the CLI calls it once at exit when something new was compiled.
"""

from __future__ import annotations

import importlib.util
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

__all__ = ["compile", "save"]

try:  # the private names this cache needs; without any of them it stays off
    import _sre
    from re import _compiler, _parser

    _STAMP = (sys.version, sys.implementation.cache_tag, _sre.MAGIC, _sre.CODESIZE,
              sys.maxunicode)
except (ImportError, AttributeError):  # pragma: no cover - another Python
    _sre = None
    _STAMP = None

#: Flags whose compiled form depends on more than the pattern (``LOCALE``) or that print
#: while compiling (``DEBUG``): such patterns always go to ``re.compile``.
_UNCACHED_FLAGS = re.LOCALE | re.DEBUG
#: A file with more entries than this is rewritten with only the entries of the run that
#: saves it (patterns edited over many versions would otherwise pile up).
MAX_ENTRIES = 2000

#: (pattern, flags) -> (flags, code, groups, groupindex, indexgroup): the arguments of
#: ``_sre.compile`` beyond the pattern. ``None`` until the file is read.
_entries: dict[tuple[Any, int], tuple[Any, ...]] | None = None
#: The keys compiled or read in this process, and whether any was new.
_used: set[tuple[Any, int]] = set()
_dirty = False


def cache_path() -> Path | None:
    """The cache file of this interpreter build (``None`` when bytecode has no place)."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except (NotImplementedError, ValueError):  # no cache_tag, or an odd install
        return None
    return Path(pyc).with_suffix(".regex")


def _load() -> dict[tuple[Any, int], tuple[Any, ...]]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_path()
        try:
            if path is not None:
                stamp, entries = marshal.loads(path.read_bytes())
                if stamp == _STAMP and isinstance(entries, dict):
                    _entries = entries
        except (OSError, EOFError, ValueError, TypeError):  # none yet, or not ours: start over
            pass
    return _entries


def compile(pattern: str | bytes, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:  # noqa: A001
    """``re.compile(pattern, flags)``, from the cache when this build compiled it before."""
    global _dirty
    flags = int(flags)
    if _STAMP is None or flags & _UNCACHED_FLAGS:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _load().get(key)
    if entry is not None:
        try:
            rx = _sre.compile(pattern, *entry)
        except Exception:  # a stale or damaged entry: compile it afresh below  # noqa: BLE001
            pass
        else:
            _used.add(key)
            return rx
    # What re._compiler.compile does, keeping the arguments it gives the engine.
    try:
        tree = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(tree, flags)]
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex,
                 tuple(indexgroup))
        rx = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # the private API moved: the public one answers  # noqa: BLE001
        return re.compile(pattern, flags)
    _entries[key] = entry  # type: ignore[index]
    _used.add(key)
    _dirty = True
    return rx


def save() -> None:
    """Write the cache file when this process compiled a pattern it did not hold (never
    raises: a cache that cannot be written is only a slower next run)."""
    global _dirty
    if not _dirty or _entries is None or sys.dont_write_bytecode:
        return
    path = cache_path()
    if path is None:
        return
    entries = _entries
    if len(entries) > MAX_ENTRIES:
        entries = {key: entries[key] for key in _used if key in entries}
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(marshal.dumps((_STAMP, entries)))
        os.replace(tmp, path)
        _dirty = False
    except (OSError, ValueError):  # read-only install, full disk, unmarshallable: no cache
        try:
            tmp.unlink()
        except OSError:
            pass
