"""The documentation cannot go stale: every hook, registry parameter and AST field is
documented, the examples in the hook reference run, the CLI reference matches ``--help``, and
the site builds with ``mkdocs build --strict``.

The idea, one test per documented thing, is datasette's ``tests/test_docs.py``.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import inspect
import os
import re
import subprocess
import sys
import types
from pathlib import Path
from typing import Any

import pytest

from convert import article as ast
from convert import hookspecs
from convert.formats import (FormatRegistry, ReadContext, ReaderRegistry, RenderOptions,
                             TransformRegistry)

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
HOOKS_PAGE = (DOCS / "plugin-hooks.md").read_text(encoding="utf-8")
AST_PAGE = (DOCS / "article.md").read_text(encoding="utf-8")

HOOKS = sorted(name for name, func in vars(hookspecs).items()
               if callable(func) and hasattr(func, "decruft_spec"))
NODE_CLASSES = (ast.Article, ast.Meta, ast.Source, *ast.BLOCK_TYPES, ast.ListItem, ast.TableRow,
                ast.TableCell, *ast.INLINE_TYPES)


def _sections(page: str, level: str) -> dict[str, str]:
    """Heading text -> the text up to the next heading of the same or a higher level."""
    pattern = re.compile(rf"^{level} (.+)$", re.M)
    marks = list(pattern.finditer(page))
    out = {}
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(page)
        nxt = re.search(rf"^#{{1,{len(level)}}} ", page[m.end():end], re.M)
        out[m.group(1).strip()] = page[m.end():m.end() + nxt.start() if nxt else end]
    return out


# --------------------------------------------------------------------------- hooks

def test_hooks_were_found() -> None:
    assert {"register_formats", "register_readers", "register_transforms",
            "register_commands"} <= set(HOOKS)


@pytest.mark.parametrize("hook", HOOKS)
def test_hook_is_documented(hook: str) -> None:
    sections = _sections(HOOKS_PAGE, "##")
    assert hook in sections, f"docs/plugin-hooks.md has no '## {hook}' section"
    func = getattr(hookspecs, hook)
    sig = inspect.signature(func)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    expected = f"def {hook}({params}) -> {sig.return_annotation}"
    assert expected in sections[hook], f"the signature shown for {hook} is stale: {expected}"
    for name in sig.parameters:
        assert f"`{name}`" in sections[hook], f"parameter {name!r} of {hook} is undocumented"


def test_no_documented_hook_is_gone() -> None:
    documented = {h for h in _sections(HOOKS_PAGE, "##") if h.startswith("register_")}
    assert documented == set(HOOKS)


@pytest.mark.parametrize("thing", [FormatRegistry.add, ReaderRegistry.add,
                                   TransformRegistry.add, RenderOptions, ReadContext],
                         ids=lambda t: t.__qualname__)
def test_registry_parameters_are_documented(thing: Any) -> None:
    if dataclasses.is_dataclass(thing):
        names = [f.name for f in dataclasses.fields(thing)]
    else:
        names = [n for n in inspect.signature(thing).parameters if n != "self"]
    missing = [n for n in names if not re.search(rf"`{n}[`(]", HOOKS_PAGE)]
    assert not missing, f"docs/plugin-hooks.md does not document {thing.__qualname__}: {missing}"


def _hook_examples() -> list[str]:
    return [code for code in re.findall(r"```python\n(.*?)```", HOOKS_PAGE, re.S)
            if "@hookimpl" in code]


def _article() -> ast.Article:
    return ast.Article(ast.Meta(title="T", published="2024-01-02"),
                       (ast.Paragraph((ast.Text("one two three"),)),
                        ast.Figure(ast.Image("a.png"), caption=(ast.Text("cap"),))))


@pytest.mark.parametrize("code", _hook_examples(), ids=lambda c: re.search(
    r"def (register_\w+)", c).group(1))  # type: ignore[union-attr]
def test_hook_example_runs(code: str, tmp_path: Path) -> None:
    module = types.ModuleType("doc_example")
    exec(compile(code, "docs/plugin-hooks.md", "exec"), module.__dict__)
    article = _article()
    if hasattr(module, "register_formats"):
        formats = FormatRegistry()
        module.register_formats(registry=formats)
        for fmt in formats:
            assert isinstance(fmt.render(article, RenderOptions()), bytes)
            if fmt.bundle is not None:
                assert isinstance(fmt.bundle([article, article], RenderOptions()), bytes)
    if hasattr(module, "register_transforms"):
        transforms = TransformRegistry()
        module.register_transforms(registry=transforms)
        for tr in transforms:
            assert isinstance(tr.apply(article), ast.Article)
    if hasattr(module, "register_readers"):
        readers = ReaderRegistry()
        module.register_readers(registry=readers)
        data = b'{"headline": "H", "authors": ["A"], "body_paragraphs": ["p1", "p2"]}'
        ctx = ReadContext(location="x.post.json")
        for reader in readers:
            assert reader.sniff is None or reader.sniff(data, ctx)
            assert isinstance(reader.parse(data, ctx), ast.Article)
    if hasattr(module, "register_commands"):
        import typer
        from typer.testing import CliRunner

        from convert.jsonio import dumps

        app = typer.Typer()
        app.callback()(lambda: None)
        module.register_commands(cli=app)
        page = tmp_path / "page.json"
        page.write_text(dumps(article))
        [command] = app.registered_commands
        result = CliRunner().invoke(app, [command.callback.__name__, str(page)])
        assert result.exit_code == 0, result.output


# --------------------------------------------------------------------------- the AST page

@pytest.mark.parametrize("cls", NODE_CLASSES, ids=lambda c: c.type)
def test_ast_node_is_documented(cls: type) -> None:
    sections = _sections(AST_PAGE, "###")
    heading = f"`{cls.type}` — `{cls.__name__}`"
    assert heading in sections, f"docs/article.md has no '### {heading}' section"
    documented = re.findall(r"^\| `(\w+)` \|", sections[heading], re.M)
    fields = [f.name for f in dataclasses.fields(cls)]
    assert documented == fields, (f"docs/article.md documents {cls.__name__} fields "
                                  f"{documented}, convert/article.py has {fields}")


def test_no_documented_node_is_gone() -> None:
    documented = {h for h in _sections(AST_PAGE, "###") if " — " in h}
    assert documented == {f"`{c.type}` — `{c.__name__}`" for c in NODE_CLASSES}


def test_ast_page_states_the_current_schema_version() -> None:
    from convert.jsonio import SCHEMA_NAME, SCHEMA_VERSION

    assert f'"schema": "{SCHEMA_NAME}"' in AST_PAGE
    assert f'"version": "{SCHEMA_VERSION}"' in AST_PAGE


# --------------------------------------------------------------------------- CLI reference

def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("gen_cli_reference",
                                                  DOCS / "gen_cli_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    gen = _generator()
    page = gen.PAGE.read_text(encoding="utf-8")
    recorded = re.search(r"\(typer (\d+\.\d+)\)", page)
    if recorded and recorded.group(1) != gen.TYPER:
        pytest.skip(f"docs/cli-reference.md was generated with typer {recorded.group(1)}, "
                    f"this is typer {gen.TYPER}: help layouts differ")
    assert gen.PAGE.read_text(encoding="utf-8") == gen.render(), \
        "docs/cli-reference.md is stale: run python docs/gen_cli_reference.py"


def test_cli_reference_does_not_depend_on_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    gen = _generator()
    monkeypatch.setenv("COLUMNS", "40")
    narrow = gen.render()
    monkeypatch.setenv("COLUMNS", "200")
    assert gen.render() == narrow


# --------------------------------------------------------------------------- the site

def test_mkdocs_build_strict(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(REPO / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "WARNING" not in proc.stderr, proc.stderr[-3000:]
    built = {p.parent.name for p in (tmp_path / "site").glob("*/index.html")}
    pages = {p.stem for p in DOCS.glob("*.md") if p.stem != "index"}
    assert pages <= built
