"""Throwaway plugins installed in a temporary site folder, for the plugin-contract tests.

Each test that proves a sentence of the plugin docs says which, with ``@promise(page, quote)``;
each test module checks with :func:`assert_promises_in_docs` that the sentences its tests
prove are still in their pages, so a test and the doc line it backs cannot drift apart.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Callable

import pytest

from cliutil import run_cli
from convert import plugins

REPO = Path(__file__).resolve().parent.parent
MINIMAL = REPO / "tests" / "fixtures" / "articles" / "minimal.json"
#: (page, quote, test module, test name) of every ``@promise`` made.
PROMISES: list[tuple[str, str, str, str]] = []


def promise(page: str, quote: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Mark a test as the proof of ``quote`` in ``docs/page``."""
    def mark(test: Callable[..., None]) -> Callable[..., None]:
        PROMISES.append((page, quote, test.__module__, test.__name__))
        return test
    return mark


def _flat(text: str) -> str:
    return " ".join(text.replace("`", "").replace("**", "").split())


def install(site: Path, entry: str, source: str) -> None:
    """One throwaway plugin, installed as pip leaves it: a module plus a dist-info folder."""
    module = f"throwaway_{entry}"
    (site / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    info = site / f"throwaway_{entry}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: throwaway-{entry}\n"
                                   "Version: 0.1\n")
    (info / "entry_points.txt").write_text(f"[decruft]\n{entry} = {module}\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "site"
    path.mkdir()
    monkeypatch.syspath_prepend(str(path))
    for var in ("DECRUFT_NO_PLUGINS", "DECRUFT_BLOCK_PLUGINS", "DECRUFT_DEBUG"):
        monkeypatch.delenv(var, raising=False)
    plugins.reset()
    yield path
    plugins.reset()
    for name in [m for m in sys.modules if m.startswith("throwaway_")]:
        del sys.modules[name]


def decruft(site: Path, *args: str, env: dict[str, str] | None = None):
    return run_cli(*args, env={"PYTHONPATH": str(site), **(env or {})})


def err_lines(proc) -> list[str]:
    return proc.stderr.decode().splitlines()


def _transform(name: str, title: str) -> str:
    return f"""
        import dataclasses
        from convert import hookimpl

        @hookimpl
        def register_transforms(registry):
            registry.add("{name}", lambda a: dataclasses.replace(
                a, meta=dataclasses.replace(a.meta, title="{title}")))
    """


def assert_promises_in_docs(module: str, at_least: int) -> None:
    """Every sentence the tests of ``module`` cite is still in its docs page."""
    cited = [p for p in PROMISES if p[2] == module]
    assert len(cited) >= at_least
    for page, quote, _, test in cited:
        text = _flat((REPO / "docs" / page).read_text(encoding="utf-8"))
        assert _flat(quote) in text, f"{test} proves a sentence no longer in docs/{page}: {quote}"
