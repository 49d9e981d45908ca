"""The entry points of one group, found the way :func:`importlib.metadata.entry_points` finds
them but without importing :mod:`importlib.metadata`.

Importing ``importlib.metadata`` pulls in ``email``, ``zipfile``, ``csv`` and friends (~12 ms,
a tenth of a one-page ``decruft convert``) only to read a few small text files. For the common
layout (every ``sys.path`` entry a directory, the standard path finder the only distribution
finder) this module reads them itself, in the same order and with the same de-duplication
(the first distribution of a normalised name on the path wins, as in
``importlib.metadata._unique``). Anything else (a zip on the path, an ``.egg`` directory, an
extra distribution finder on ``sys.meta_path``, an odd ``.DIST-INFO`` spelling) falls back to
``importlib.metadata``, so the answer never differs.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from functools import reduce
from typing import Any
from . import regexcache

__all__ = ["entry_points", "EntryPoint", "Distribution"]

_INFO_SUFFIXES = (".dist-info", ".egg-info")
# importlib.metadata.EntryPoint.pattern
_PATTERN = regexcache.compile(r'(?P<module>[\w.]+)\s*'
                      r'(:\s*(?P<attr>[\w.]+)\s*)?'
                      r'((?P<extras>\[.*\])\s*)?$')


def _normalize(name: str) -> str:
    """``importlib.metadata.Prepared.normalize``: PEP 503 with underscores."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


class Distribution:
    """A distribution's info folder; ``name`` and ``version`` are read from its metadata
    headers on first use."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._headers: dict[str, str] | None = None

    def _header(self, key: str) -> str | None:
        if self._headers is None:
            self._headers = _headers(self._path)
        return self._headers.get(key)

    @property
    def name(self) -> str | None:
        return self._header("name")

    @property
    def version(self) -> str | None:
        return self._header("version")

    def __repr__(self) -> str:
        return f"Distribution({self._path!r})"


class EntryPoint:
    """One entry point: ``name = value`` in ``group`` of ``dist``."""

    __slots__ = ("name", "value", "group", "dist")

    def __init__(self, name: str, value: str, group: str, dist: Distribution | None) -> None:
        self.name, self.value, self.group, self.dist = name, value, group, dist

    def load(self) -> Any:
        """Import the module and return the object the value names (as importlib does)."""
        match = _PATTERN.match(self.value)
        if match is None:
            raise ValueError(f"invalid entry point value {self.value!r}")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None


def _headers(info: str) -> dict[str, str]:
    """The first value of each header of the metadata file (lower-case keys): the lines up
    to the first empty one, as ``email`` reads them (continuation lines are not needed for
    the name and version, the only headers read)."""
    text = (_read(os.path.join(info, "METADATA")) or _read(os.path.join(info, "PKG-INFO"))
            or _read(info) or "")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip():
            break
        if line[:1] in (" ", "\t"):
            continue
        name, sep, value = line.partition(":")
        if not sep:
            break
        out.setdefault(name.strip().lower(), value.lstrip(" \t").rstrip("\r\n"))
    return out


def _parse(text: str, group: str, dist: Distribution) -> list[EntryPoint]:
    """``importlib.metadata.EntryPoints._from_text`` for one group."""
    out = []
    section = None
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section == group:
            name, value = line.split("=", 1)
            out.append(EntryPoint(name.strip(), value.strip(), group, dist))
    return out


class _Unsupported(Exception):
    """A layout this reader does not handle: ask importlib.metadata."""


def _scan(group: str) -> list[EntryPoint]:
    from importlib.machinery import PathFinder

    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is not None and finder is not PathFinder:
            raise _Unsupported(finder)
    seen: set[str] = set()
    needle = f"[{group}]"
    out: list[EntryPoint] = []
    for root in sys.path:
        if not isinstance(root, str):
            raise _Unsupported(root)
        try:
            children = os.listdir(root or ".")
        except OSError:
            if os.path.isfile(root):  # maybe a zip: importlib.metadata reads those
                raise _Unsupported(root)
            continue
        if os.path.basename(root).lower().endswith(".egg"):
            raise _Unsupported(root)
        infos: dict[str, list[str]] = {}
        for child in children:
            low = child.lower()
            if low.endswith(_INFO_SUFFIXES):
                if not child.endswith(_INFO_SUFFIXES):
                    raise _Unsupported(child)
                infos.setdefault(_normalize(low.rpartition(".")[0].partition("-")[0]),
                                 []).append(child)
        for name, children_of in infos.items():
            for child in children_of:
                if name in seen:
                    continue
                seen.add(name)
                info = os.path.join(root, child)
                text = _read(os.path.join(info, "entry_points.txt"))
                if text and needle in text:
                    out.extend(_parse(text, group, Distribution(info)))
    return out


def entry_points(group: str) -> list[Any]:
    """The entry points of ``group`` of every installed distribution, in the order (and with
    the shadowing) of ``importlib.metadata.entry_points(group=group)``."""
    try:
        return _scan(group)
    except _Unsupported:
        from importlib.metadata import entry_points as std

        return list(std(group=group))
