"""Frozen, slotted dataclasses made without calling ``dataclass()``: the AST's node classes.

``dataclass(frozen=True, slots=True)`` compiles six small functions per class one at a time,
matches every string annotation against ``ClassVar`` with regular expressions and builds each
class twice; for the 28 node classes of :mod:`convert.article` that was a fifth of the CPU
time of a one-page ``decruft convert``. :class:`NodeFactory` makes the same classes for a
fraction of that: ``__init__``, ``__eq__`` and ``__hash__`` for all of them from one compiled
source (the code ``dataclass()`` generates), and shared functions for the rest.

What users and plugins rely on is unchanged: the classes are dataclasses
(``dataclasses.fields``, ``replace``, ``asdict``, ``is_dataclass`` work), instances are
immutable (assigning or deleting a field raises ``dataclasses.FrozenInstanceError``),
``__slots__``, ``__match_args__``, pickling, ``__init__``'s signature, and ``repr``, ``==``
and ``hash`` giving exactly what the generated methods give. ``tests/test_article.py`` checks
all of it against classes ``dataclass()`` makes from the same annotations.

Limits (all the node classes need): no base classes, every annotation but ``ClassVar`` ones is
a field, defaults are plain values or ``field(default_factory=...)``; a field must not need
``init=False``, ``kw_only`` or ``compare=False``. Anything else raises ``TypeError`` when the
class is made. On a Python whose dataclasses differ inside (a future version), the factory
falls back to ``dataclass(frozen=True, slots=True)``.
"""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True, slots=True)
class _Probe:
    """A class ``dataclass()`` made, to copy its private markers from."""

    x: int


_PARAMS = getattr(_Probe, "__dataclass_params__", None)
_FIELD = getattr(dataclasses.fields(_Probe)[0], "_field_type", None)
#: Whether the dataclasses internals this module fills in are the ones it knows.
SUPPORTED = _PARAMS is not None and _FIELD is not None and \
    hasattr(_Probe, "__getstate__") and hasattr(_Probe, "__setstate__")
_MISSING = dataclasses.MISSING


class _Factory:
    """The default shown in ``__init__``'s signature for a field with a ``default_factory``."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _repr(self: Any) -> str:
    return (f"{self.__class__.__qualname__}("
            + ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
            + ")")


def _setattr(self: Any, name: str, value: Any) -> None:
    if type(self) in _MADE or name in self.__match_args__:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
    object.__setattr__(self, name, value)


def _delattr(self: Any, name: str) -> None:
    if type(self) in _MADE or name in self.__match_args__:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
    object.__delattr__(self, name)


def _getstate(self: Any) -> list[Any]:
    return [getattr(self, name) for name in self.__match_args__]


def _setstate(self: Any, state: list[Any]) -> None:
    for name, value in zip(self.__match_args__, state):
        object.__setattr__(self, name, value)


#: Every class a factory made (instances of these refuse any assignment).
_MADE: set[type] = set()


class NodeFactory:
    """A class decorator making frozen dataclasses, slotted unless ``slots=False``; call
    :meth:`finish` once every class is made (it gives them their ``__init__``)."""

    def __init__(self, *, slots: bool = True) -> None:
        self._pending: list[tuple[type, tuple[dataclasses.Field[Any], ...]]] = []
        self._slots = slots
        self._params = _PARAMS
        if not slots and SUPPORTED:
            @dataclasses.dataclass(frozen=True)
            class Probe:
                x: int

            self._params = Probe.__dataclass_params__  # type: ignore[attr-defined]

    def __call__(self, cls: type) -> type:
        if not SUPPORTED or "__annotations__" not in cls.__dict__:
            return dataclasses.dataclass(frozen=True, slots=self._slots)(cls)
        if cls.__bases__ != (object,):
            raise TypeError(f"{cls.__name__}: node classes have no base class")
        body = dict(cls.__dict__)
        made: dict[str, dataclasses.Field[Any]] = {}
        for name, hint in body.get("__annotations__", {}).items():
            if not isinstance(hint, str):
                raise TypeError(f"{cls.__name__}.{name}: annotations must be strings "
                                "(from __future__ import annotations)")
            if hint.startswith(("ClassVar[", "typing.ClassVar[")):
                continue
            value = body.pop(name, _MISSING)
            f = value if isinstance(value, dataclasses.Field) else dataclasses.field(
                default=value)
            if not self._slots and f.default is not _MISSING:
                body[name] = f.default  # a plain dataclass keeps defaults as class attributes
            if not f.init or f.kw_only is True or not f.compare or not f.repr or \
                    f.hash is not None:
                raise TypeError(f"{cls.__name__}.{name}: unsupported field options")
            if f.default is _MISSING and f.default_factory is _MISSING and \
                    any(g.default is not _MISSING or g.default_factory is not _MISSING
                        for g in made.values()):
                raise TypeError(f"non-default argument {name!r} follows default argument")
            f.name, f.type, f._field_type, f.kw_only = name, hint, _FIELD, False  # type: ignore[attr-defined]
            made[name] = f
        names = tuple(made)
        body.pop("__dict__", None)
        body.pop("__weakref__", None)
        body.update(__match_args__=names, __dataclass_fields__=made,
                    __dataclass_params__=self._params, __repr__=_repr,
                    __setattr__=_setattr, __delattr__=_delattr)
        if self._slots:
            body.update(__slots__=names, __getstate__=_getstate, __setstate__=_setstate)
        new = type(cls)(cls.__name__, cls.__bases__, body)
        new.__qualname__ = cls.__qualname__
        _MADE.add(new)
        self._pending.append((new, tuple(made.values())))
        return new

    def finish(self) -> None:
        """Compile ``__init__``, ``__eq__`` and ``__hash__`` of every class made so far, all
        in one source."""
        env: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
        source = []
        for i, (cls, fields) in enumerate(self._pending):
            params, body = [], []
            for f in fields:
                ref = f"_d{i}_{f.name}"
                if f.default_factory is not _MISSING:
                    env[ref] = f.default_factory
                    params.append(f"{f.name}=_FACTORY")
                    body.append(f"_set(self, {f.name!r}, {ref}() if {f.name} is _FACTORY "
                                f"else {f.name})")
                    continue
                if f.default is not _MISSING:
                    env[ref] = f.default
                    params.append(f"{f.name}={ref}")
                else:
                    params.append(f.name)
                body.append(f"_set(self, {f.name!r}, {f.name})")
            source.append(f"def _init{i}(self, {', '.join(params)}):\n "
                          + ("\n ".join(body) or "pass"))
            # What dataclasses generates for __eq__ and __hash__ (Python 3.11).
            mine = "".join(f"self.{f.name}," for f in fields)
            theirs = "".join(f"other.{f.name}," for f in fields)
            source.append(f"def _eq{i}(self, other):\n if other.__class__ is self.__class__:"
                          f"\n  return ({mine})==({theirs})\n return NotImplemented")
            source.append(f"def _hash{i}(self):\n return hash(({mine}))")
        exec(compile("\n".join(source), __file__, "exec"), env)
        for i, (cls, fields) in enumerate(self._pending):
            init = env[f"_init{i}"]
            init.__name__ = "__init__"
            init.__qualname__ = f"{cls.__qualname__}.__init__"
            init.__module__ = cls.__module__
            init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
            cls.__init__ = init  # type: ignore[misc]
            for name in ("eq", "hash"):
                method = env[f"_{name}{i}"]
                method.__name__ = f"__{name}__"
                method.__qualname__ = f"{cls.__qualname__}.__{name}__"
                setattr(cls, f"__{name}__", method)
        self._pending = []
