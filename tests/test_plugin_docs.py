"""Every code block of the plugin docs runs, and the tutorial's code is the sample plugin's.

``docs/plugins.md``, ``docs/plugin-hooks.md`` and ``docs/plugin-tutorial.md``: each ``python``
block is executed (a page's blocks in order, in one namespace, as a reader pastes them into a
module), each script block (``#!``) is run as the external filter it is with an article on
standard input, each ``pycon`` block is a doctest and each ``toml`` block parses. The hook
examples' behaviour is checked in ``tests/test_docs.py``; the tutorial's assembled module is
checked here.
"""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from convert.article import Article, Link, Meta, Paragraph, Text
from convert.formats import TransformRegistry
from convert.jsonio import dumps, loads

REPO = Path(__file__).resolve().parent.parent
PAGES = ("plugins.md", "plugin-hooks.md", "plugin-tutorial.md")
TUTORIAL_PLUGIN = REPO / "examples" / "decruft-reading-time"
FENCE = re.compile(r"^(?:<!-- code from (\S+) -->\n)?```(\w+)\n(.*?)^```", re.S | re.M)
#: A hook's signature as the reference shows it: a bare ``def`` line, not code to run.
SIGNATURE = re.compile(r"def \w+\(.*\) -> .+\n")


def _blocks(page: str, lang: str) -> list[str]:
    return [code for _source, code in _sourced_blocks(page, lang)]


def _sourced_blocks(page: str, lang: str) -> list[tuple[Path, str]]:
    """(the file the block is, or its page; the code) of every ``lang`` block of ``page``."""
    text = (REPO / "docs" / page).read_text(encoding="utf-8")
    return [(REPO / (ref.partition(":")[0] or f"docs/{page}"), code)
            for ref, kind, code in FENCE.findall(text)
            if kind == lang and not SIGNATURE.fullmatch(code)]


def _article() -> Article:
    return Article(Meta(title="Doc"), (Paragraph((Text("See "), Link((Text("this"),), "https://x"),
                                                  Text(" now."))),))


@pytest.fixture
def tutorial_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(TUTORIAL_PLUGIN))


@pytest.mark.parametrize("page", PAGES)
def test_every_python_block_runs(page: str, tutorial_importable: None, tmp_path: Path) -> None:
    namespace: dict[str, object] = {"__name__": f"doc_{page}"}
    blocks = _sourced_blocks(page, "python")
    assert blocks, f"docs/{page} has no python block"
    for source, code in blocks:
        namespace["__file__"] = str(source)
        if code.startswith("#!"):
            script = tmp_path / "filter.py"
            script.write_text(code)
            proc = subprocess.run([sys.executable, str(script)], capture_output=True,
                                  input=dumps(_article()).encode(), timeout=60)
            assert proc.returncode == 0, proc.stderr.decode()
            out = loads(proc.stdout)
            assert "link" not in json.dumps(json.loads(proc.stdout)["blocks"])
            assert out.blocks[0].children[1] == Text("this")
        else:
            exec(compile(code, f"docs/{page}", "exec"), namespace)


def test_the_tutorial_blocks_make_the_plugin(tutorial_importable: None) -> None:
    """The tutorial's python blocks, pasted in order, are a working plugin module."""
    namespace: dict[str, object] = {"__name__": "pasted_tutorial"}
    for code in _blocks("plugin-tutorial.md", "python")[:5]:
        exec(compile(code, "docs/plugin-tutorial.md", "exec"), namespace)
    registry = TransformRegistry()
    namespace["register_transforms"](registry=registry)  # type: ignore[operator]
    [transform] = registry
    assert transform.name == "reading-time"
    out = transform.apply(_article())
    assert out.meta.extra == {"word_count": 3, "reading_time_minutes": 1}


@pytest.mark.parametrize("page", PAGES)
def test_pycon_blocks_are_doctests(page: str, tutorial_importable: None) -> None:
    for code in _blocks(page, "pycon"):
        parser = doctest.DocTestParser()
        test = parser.get_doctest(code, {}, f"docs/{page}", f"docs/{page}", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.failures == 0 and runner.tries > 0


@pytest.mark.parametrize("page", PAGES)
def test_toml_blocks_parse(page: str) -> None:
    for code in _blocks(page, "toml"):
        tomllib.loads(code)


def _marked_blocks() -> list[tuple[str, str]]:
    text = (REPO / "docs" / "plugin-tutorial.md").read_text(encoding="utf-8")
    return re.findall(r"^<!-- code from (\S+) -->\n```\w+\n(.*?)^```", text, re.S | re.M)


def test_tutorial_code_is_the_sample_plugins_code() -> None:
    """The tutorial shows its code inline (readable on the code host, where include lines are
    not expanded); each block says which file, or which marked section of it, it copies."""
    marked = _marked_blocks()
    assert len(marked) >= 7
    for ref, shown in marked:
        path, _, section = ref.partition(":")
        source = (REPO / path).read_text(encoding="utf-8")
        if section:
            found = re.search(rf"# --8<-- \[start:{section}\]\n(.*?)# --8<-- \[end:{section}\]\n",
                              source, re.S)
            assert found, f"{path} has no section {section!r}"
            source = found.group(1)
        assert shown == source, f"docs/plugin-tutorial.md shows a stale copy of {ref}"


def test_tutorial_has_no_include_lines() -> None:
    text = (REPO / "docs" / "plugin-tutorial.md").read_text(encoding="utf-8")
    assert "--8<--" not in text
