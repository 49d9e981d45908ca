"""The AST's node classes (made by convert.nodeclass, not by ``dataclass()``) behave exactly
like the frozen slotted dataclasses ``dataclass()`` makes from the same class bodies."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys
import types
from pathlib import Path
from typing import ClassVar, Mapping

import pytest

from convert import article as ast
from convert.nodeclass import NodeFactory

ARTICLE_SOURCE = Path(ast.__file__).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference():
    """convert.article as ``dataclass(frozen=True, slots=True)`` makes it."""
    source = ARTICLE_SOURCE.replace("_node = NodeFactory()",
                                    "_node = dataclass(frozen=True, slots=True)")
    source = source.replace("from .nodeclass import NodeFactory",
                            "from dataclasses import dataclass")
    source = source.replace("_node.finish()\n", "")
    assert "_node = dataclass(" in source and "_node.finish()\n" not in source
    module = types.ModuleType("reference_article")
    sys.modules[module.__name__] = module  # dataclass() looks the module up
    try:
        exec(compile(source, "reference_article", "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return vars(module)


def _node_classes():
    return [getattr(ast, name) for name in ast.__all__
            if isinstance(getattr(ast, name), type)]


def _sample(cls, ns, marker="x"):
    """An instance with every required field set."""
    args = {}
    for f in dataclasses.fields(cls):
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            args[f.name] = {"text": marker, "src": marker, "url": marker, "level": 2,
                            "meta": ns["Meta"](title=marker), "image": None}.get(f.name, ())
    return cls(**args)


@pytest.mark.parametrize("cls", _node_classes(), ids=lambda c: c.__name__)
def test_node_class_matches_dataclass(cls, reference):
    ref = reference[cls.__name__]
    assert dataclasses.is_dataclass(cls)
    assert str(inspect.signature(cls)) == str(inspect.signature(ref))
    assert [repr(f) for f in dataclasses.fields(cls)] == [repr(f) for f in dataclasses.fields(ref)]
    assert cls.__slots__ == ref.__slots__ and cls.__match_args__ == ref.__match_args__
    assert repr(cls.__dataclass_params__) == repr(ref.__dataclass_params__)
    assert (cls.__doc__, cls.__qualname__, cls.type) == (ref.__doc__, ref.__qualname__, ref.type)
    mine, theirs = _sample(cls, vars(ast)), _sample(ref, reference)
    assert repr(mine) == repr(theirs).replace("reference_article.", "")
    assert dataclasses.asdict(mine) == dataclasses.asdict(theirs)
    assert mine == _sample(cls, vars(ast)) and not mine != _sample(cls, vars(ast))
    assert mine != theirs  # a different class is never equal, as with dataclasses
    if "text" in cls.__match_args__:
        assert mine != _sample(cls, vars(ast), marker="y")
    try:
        expected = hash(theirs)
    except TypeError:
        with pytest.raises(TypeError):
            hash(mine)
    else:
        assert hash(mine) == expected
    for clone in (pickle.loads(pickle.dumps(mine)), copy.deepcopy(mine), copy.copy(mine),
                  dataclasses.replace(mine)):
        assert clone == mine and type(clone) is cls
    assert not hasattr(mine, "__dict__")
    for name in cls.__match_args__:
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field"):
            setattr(mine, name, 1)
        with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field"):
            delattr(mine, name)


def test_default_factory_gives_each_instance_its_own_value():
    a, b = ast.Meta(), ast.Meta()
    assert a.extra == {} and a.extra is not b.extra
    assert ast.Meta(extra={"k": 1}).extra == {"k": 1}
    assert "extra: 'Mapping[str, str | int | float | bool | None]' = <factory>" in str(
        inspect.signature(ast.Meta))


def test_field_order_rule_is_kept():
    make = NodeFactory()
    with pytest.raises(TypeError, match="non-default argument 'b' follows default"):
        @make
        class Bad:
            a: int = 1
            b: int


def test_fields_need_the_plain_form():
    make = NodeFactory()
    with pytest.raises(TypeError, match="unsupported field options"):
        @make
        class Bad:
            a: int = dataclasses.field(default=1, compare=False)


def test_made_classes_work_before_other_classes_are_finished():
    make = NodeFactory()

    @make
    class Pair:
        kind: ClassVar[str] = "pair"
        left: int
        right: int = 0
        extra: Mapping[str, int] = dataclasses.field(default_factory=dict)

    make.finish()
    assert Pair(1) == Pair(1, 0) and Pair(1) != Pair(2)
    assert repr(Pair(1, 2)) == "test_made_classes_work_before_other_classes_are_finished." \
        "<locals>.Pair(left=1, right=2, extra={})"
    assert Pair.kind == "pair" and [f.name for f in dataclasses.fields(Pair)] == [
        "left", "right", "extra"]


def test_article_module_does_not_call_dataclass_per_node():
    """The point of convert.nodeclass: importing the AST runs dataclass() once (the probe)."""
    code = ("import dataclasses, sys\n"
            "calls = []\n"
            "real = dataclasses._process_class\n"
            "dataclasses._process_class = lambda *a, **k: (calls.append(a[0]), real(*a, **k))[1]\n"
            "import convert.article\n"
            "print(len(calls))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert int(out) <= 1


@pytest.fixture(scope="module")
def reference_formats():
    """convert.formats as ``dataclass(frozen=True)`` makes it."""
    from convert import formats

    source = Path(formats.__file__).read_text(encoding="utf-8")
    source = source.replace("_frozen = NodeFactory(slots=False)",
                            "_frozen = dataclass(frozen=True)")
    source = source.replace("from .nodeclass import NodeFactory", "from dataclasses import dataclass")
    source = source.replace("from .article import", "from convert.article import")
    source = source.replace("from .errors import", "from convert.errors import")
    source = source.replace("_frozen.finish()\n", "")
    assert "_frozen = dataclass(" in source and "_frozen.finish()\n" not in source
    module = types.ModuleType("reference_formats")
    sys.modules[module.__name__] = module
    try:
        exec(compile(source, "reference_formats", "exec"), vars(module))
    finally:
        del sys.modules[module.__name__]
    return vars(module)


@pytest.mark.parametrize("name", ["RenderOptions", "Format", "ReadContext", "Reader",
                                  "Transform"])
def test_format_classes_match_dataclass(name, reference_formats):
    from convert import formats

    cls, ref = getattr(formats, name), reference_formats[name]
    assert str(inspect.signature(cls)) == str(inspect.signature(ref))
    assert [repr(f) for f in dataclasses.fields(cls)] == [repr(f) for f in dataclasses.fields(ref)]
    assert repr(cls.__dataclass_params__) == repr(ref.__dataclass_params__)
    assert cls.__match_args__ == ref.__match_args__ and "__slots__" not in vars(cls)
    for f in dataclasses.fields(ref):  # defaults stay class attributes, factories do not
        assert getattr(cls, f.name, "absent") == getattr(ref, f.name, "absent")
    args = {f.name: (len if "Callable" in f.type or f.type in ("Renderer",) else "x")
            for f in dataclasses.fields(ref)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    mine, theirs = cls(**args), ref(**args)
    assert repr(mine) == repr(theirs).replace("reference_formats.", "")
    assert vars(mine) == vars(theirs) and mine == cls(**args) and mine != theirs
    if "extra" not in args and not hasattr(mine, "extra"):
        assert hash(mine) == hash(theirs)
    assert pickle.loads(pickle.dumps(mine)) == mine if "parse" not in args and \
        "render" not in args and "apply" not in args else True
    assert dataclasses.replace(mine) == mine
    for f in dataclasses.fields(cls):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(mine, f.name, 1)
